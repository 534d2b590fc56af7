from django.urls import path, re_path

from danvan.stats import views

app_name = "stats"

urlpatterns = [
    path("", views.index, name="index"),
    path("xuat-excel/", views.export_xlsx, name="export"),
    re_path(r"^bao-cao-nam\.(?P<fmt>docx|pdf)$", views.annual_report, name="annual-report"),
]
