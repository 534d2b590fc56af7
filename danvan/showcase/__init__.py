"""The public showcase ("Mô hình Dân vận khéo"): recognized practices their unit chose to publish,
readable without logging in. The only reads of domain data outside the user's scope are in
`queries.py`, and they return only what is listed there."""
