from django.urls import path

from danvan.emulation import views

app_name = "emulation"

urlpatterns = [
    path("", views.index, name="index"),
    path("them/", views.set_create, name="set-create"),
    path("<int:pk>/", views.set_detail, name="set"),
    path("<int:pk>/sua/", views.set_edit, name="set-edit"),
    path("<int:pk>/sao-chep/", views.set_copy, name="set-copy"),
    path("<int:pk>/tieu-chi/them/", views.criterion_add, name="criterion-add"),
    path("<int:pk>/tieu-chi/xuat-excel/", views.criteria_export, name="criteria-export"),
    path("<int:pk>/tieu-chi/nhap-excel/", views.criteria_import, name="criteria-import"),
    path("<int:pk>/don-vi/them-theo-loai/", views.members_fill, name="members-fill"),
    path("<int:pk>/don-vi/them/", views.members_add, name="members-add"),
    path("<int:pk>/don-vi/<int:card_pk>/bo/", views.members_remove, name="members-remove"),
    path("<int:pk>/ket-qua/", views.results, name="results"),
    path("<int:pk>/ket-qua/xuat-excel/", views.results_xlsx, name="results-xlsx"),
    path("<int:pk>/ket-qua/bao-cao/", views.results_docx, name="results-docx"),
    path("<int:pk>/ket-qua/de-nghi-khen-thuong/", views.propose, name="propose"),
    path("tieu-chi/<int:pk>/sua/", views.criterion_edit, name="criterion-edit"),
    path("tieu-chi/<int:pk>/xoa/", views.criterion_delete, name="criterion-delete"),
    path("tieu-chi/<int:pk>/chuyen/<slug:direction>/", views.criterion_move, name="criterion-move"),
    path("bang-diem/<int:pk>/", views.card_detail, name="card"),
    path("bang-diem/<int:pk>/in.docx", views.card_docx, name="card-docx"),
    path("bang-diem/<int:pk>/cham/<int:criterion_pk>/", views.card_score, name="score"),
    path("bang-diem/<int:pk>/xu-ly/<slug:action>/", views.card_action, name="card-action"),
    path("bang-diem/<int:pk>/tep/", views.file_upload, name="file-upload"),
    path("tep/<int:pk>/", views.file_download, name="file"),
]
