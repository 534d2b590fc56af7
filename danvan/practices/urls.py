from django.urls import path

from danvan.core.jobs import import_views
from danvan.practices import views

app_name = "practices"

urlpatterns = [
    path("", views.practice_list, name="list"),
    path("them/", views.practice_create, name="create"),
    path("goi-y/", views.practice_lookup, name="lookup"),
    path("xu-ly-theo-lo/", views.practice_bulk, name="bulk"),
    path("tep/<int:pk>/", views.file_download, name="file"),
    path("<int:pk>/", views.practice_detail, name="detail"),
    path("<int:pk>/sua/", views.practice_edit, name="edit"),
    path("<int:pk>/dinh-chinh/", views.practice_amend, name="amend"),
    path("<int:pk>/tep/", views.file_upload, name="file-upload"),
    path("<int:pk>/xu-ly/<slug:action>/", views.practice_action, name="action"),
    path("<int:pk>/cong-bo/", views.practice_publication, name="publication"),
    # --- Excel export / import (added by the import-export change) -------------------------------
    path("xuat-excel/", views.excel.practice_export, name="export"),  # the list's filters, via PracticeFilter
    path("nhap-excel/", import_views.upload, {"flow": "practices"}, name="import"),  # the core import flow
    path("nhap-excel/mau/", views.excel.import_template, name="import-template"),  # "Mẫu nhập mô hình.xlsx"
]
