from django.urls import path

from danvan.org import views

app_name = "org"

urlpatterns = [
    path("", views.unit_list, name="unit-list"),
    path("<int:pk>/", views.unit_detail, name="unit-detail"),
    path("<int:pk>/con/", views.unit_children, name="unit-children"),
]
