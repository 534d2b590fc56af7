from django.urls import path

from danvan.stats import views

app_name = "stats"

urlpatterns = [
    path("", views.index, name="index"),
    path("xuat-excel/", views.export_xlsx, name="export"),
]
