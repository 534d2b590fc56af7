from django.urls import path

from danvan.review import views

app_name = "review"

urlpatterns = [
    path("", views.index, name="index"),
    path("bao-cao/", views.download, name="download"),
]
