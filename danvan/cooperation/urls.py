from django.urls import path

from danvan.cooperation.views import excel, parts, programmes

app_name = "cooperation"

urlpatterns = [
    path("", programmes.programme_list, name="list"),
    path("them/", programmes.programme_create, name="create"),
    path("<int:pk>/", programmes.programme_detail, name="detail"),
    path("<int:pk>/sua/", programmes.programme_edit, name="edit"),
    path("<int:pk>/thay-the/", programmes.programme_replace, name="replace"),
    path("<int:pk>/noi-dung/", parts.item_add, name="item-add"),
    path("noi-dung/<int:pk>/sua/", parts.item_edit, name="item-edit"),
    path("noi-dung/<int:pk>/xoa/", parts.item_delete, name="item-delete"),
    path("<int:pk>/ke-hoach-nam/", parts.year_plan_add, name="plan-add"),
    path("ke-hoach-nam/<int:pk>/tep/", parts.year_plan_file, name="plan-file"),
    path("ke-hoach-nam/<int:pk>/sua/", parts.year_plan_edit, name="plan-edit"),
    path("ke-hoach-nam/<int:pk>/xoa/", parts.year_plan_delete, name="plan-delete"),
    path("<int:pk>/danh-gia-nam/", parts.evaluation_add, name="evaluation-add"),
    path("danh-gia-nam/<int:pk>/tep/", parts.evaluation_file, name="evaluation-file"),
    path("danh-gia-nam/<int:pk>/sua/", parts.evaluation_edit, name="evaluation-edit"),
    path("danh-gia-nam/<int:pk>/xoa/", parts.evaluation_delete, name="evaluation-delete"),
    path("xuat-excel/", excel.programme_export, name="export"),
    path("mau-excel/", excel.programme_template, name="template"),
    path("danh-gia-nam/xuat-excel/", excel.evaluation_export, name="evaluation-export"),
    path("danh-gia-nam/mau-excel/", excel.evaluation_template, name="evaluation-template"),
    path("bao-cao/", excel.year_report, name="report"),
]
