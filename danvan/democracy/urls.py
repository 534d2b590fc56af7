from django.urls import path

from danvan.democracy.views import excel, records, reports, stats

app_name = "democracy"

urlpatterns = [
    path("", records.year_list, name="home"),
    path("them/", records.year_create, name="year-create"),
    path("thong-ke/", stats.statistics, name="statistics"),
    path("bao-cao/", reports.report_page, name="report"),
    path("xuat-excel/", excel.export, name="export"),
    path("mau-excel/", excel.template, name="template"),
    path("<int:pk>/", records.year_detail, name="year-detail"),
    path("<int:pk>/sua/", records.year_edit, name="year-edit"),
    path("<int:pk>/cong-khai/luu/", records.checklist_save, name="checklist-save"),
    path("<int:pk>/tep-tong-ket/", records.review_file, name="review-file"),
    path("<int:pk>/them/<slug:part>/", records.part_add, name="part-add"),
    path("<int:pk>/<slug:tab>/", records.year_tab, name="year-tab"),
    path("muc/<slug:part>/<int:pk>/", records.part_edit, name="part-edit"),
    path("muc/<slug:part>/<int:pk>/xoa/", records.part_delete, name="part-delete"),
]
