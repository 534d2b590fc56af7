from django.urls import path

from danvan.awards import views

app_name = "awards"

urlpatterns = [
    path("", views.proposal_list, name="proposal-list"),
    path("de-nghi/them/", views.proposal_create, name="proposal-create"),
    path("de-nghi/<int:pk>/", views.proposal_detail, name="proposal-detail"),
    path("de-nghi/<int:pk>/sua/", views.proposal_edit, name="proposal-edit"),
    path("de-nghi/<int:pk>/to-trinh.docx", views.proposal_docx_download, name="proposal-docx"),
    path("de-nghi/<int:pk>/xu-ly/<slug:action>/", views.proposal_action, name="proposal-action"),
    path("de-nghi/<int:pk>/nguoi-nhan/them/", views.recipient_add, name="recipient-add"),
    path("de-nghi/<int:pk>/nguoi-nhan/<int:rid>/sua/", views.recipient_edit, name="recipient-edit"),
    path("de-nghi/<int:pk>/nguoi-nhan/<int:rid>/xoa/", views.recipient_delete, name="recipient-delete"),
    path("de-nghi/<int:pk>/nhap-excel/", views.proposal_import, name="proposal-import"),
    path("de-nghi/<int:pk>/xuat-excel/", views.proposal_export, name="proposal-export"),
    path("quyet-dinh/", views.decision_list, name="decision-list"),
    path("quyet-dinh/them/", views.decision_create, name="decision-create"),
    path("quyet-dinh/xuat-excel/", views.decision_export, name="decision-export"),
    path("quyet-dinh/nhap-excel/", views.decisions_import, name="decision-import"),
    path("quyet-dinh/<int:pk>/", views.decision_detail, name="decision-detail"),
    path("quyet-dinh/<int:pk>/sua/", views.decision_edit, name="decision-edit"),
    path("quyet-dinh/<int:pk>/to-trinh/", views.decision_attach, name="decision-attach"),
    path("quyet-dinh/<int:pk>/to-trinh/<int:proposal_pk>/bo/", views.decision_detach, name="decision-detach"),
    path("quyet-dinh/<int:pk>/nguoi-nhan/them/", views.decision_recipient_add, name="decision-recipient-add"),
    path(
        "quyet-dinh/<int:pk>/nguoi-nhan/<int:rid>/bo/",
        views.decision_recipient_remove,
        name="decision-recipient-remove",
    ),
    path("quyet-dinh/<int:pk>/ban-hanh/", views.decision_issue, name="decision-issue"),
    path("quyet-dinh/<int:pk>/dinh-chinh/", views.decision_amend, name="decision-amend"),
    path("quyet-dinh/<int:pk>/van-ban.docx", views.decision_docx_download, name="decision-docx"),
    path("quyet-dinh/<int:pk>/giay-khen.pdf", views.decision_certificates, name="decision-certificates"),
    path("thong-ke/", views.stats_index, name="stats"),
    path("thong-ke/xuat-excel/", views.stats_export, name="stats-export"),
    path("thong-ke/bao-cao.docx", views.stats_docx, name="stats-docx"),
]
