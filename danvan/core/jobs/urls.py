from django.urls import path

from danvan.core.jobs import import_views, views

app_name = "jobs"

urlpatterns = [
    path("viec-cua-toi/", views.job_list, name="list"),
    path("viec-cua-toi/<int:pk>/", views.job_detail, name="detail"),
    path("viec-cua-toi/<int:pk>/tien-do/", views.job_progress, name="progress"),
    path("viec-cua-toi/<int:pk>/tai-ve/", views.job_download, name="download"),
    path("nhap-excel/<slug:flow>/", import_views.upload, name="import"),
    path("nhap-excel/kiem-tra/<int:pk>/", import_views.preview, name="import-preview"),
    path("nhap-excel/kiem-tra/<int:pk>/ghi/", import_views.confirm, name="import-confirm"),
]
