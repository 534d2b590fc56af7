from django.urls import path

from danvan.opinion.views import collaborators, excel, items, meetings, reports

app_name = "opinion"

urlpatterns = [
    path("", items.item_list, name="item-list"),
    path("them/", items.item_create, name="item-create"),
    path("<int:pk>/", items.item_detail, name="item-detail"),
    path("<int:pk>/sua/", items.item_edit, name="item-edit"),
    path("<int:pk>/buoc/<slug:action>/", items.item_step, name="item-step"),
    path("<int:pk>/gop/", items.item_merge, name="item-merge"),
    path("<int:pk>/tach/", items.item_unmerge, name="item-unmerge"),
    path("<int:pk>/tep/", items.file_add, name="item-file-add"),
    path("tep/<int:pk>/", items.file_open, name="item-file"),
    path("tep/<int:pk>/xoa/", items.file_delete, name="item-file-delete"),
    path("xuat-excel/", excel.item_export, name="item-export"),
    path("mau-excel/", excel.item_template, name="item-template"),
    path("cong-tac-vien/", collaborators.collaborator_list, name="collaborator-list"),
    path("cong-tac-vien/them/", collaborators.collaborator_create, name="collaborator-create"),
    path("cong-tac-vien/<int:pk>/", collaborators.collaborator_detail, name="collaborator-detail"),
    path("cong-tac-vien/<int:pk>/sua/", collaborators.collaborator_edit, name="collaborator-edit"),
    path("tiep-cong-dan/", meetings.reception_list, name="reception-list"),
    path("tiep-cong-dan/them/", meetings.reception_create, name="reception-create"),
    path("tiep-cong-dan/tan-suat/", meetings.reception_frequency, name="reception-frequency"),
    path("tiep-cong-dan/<int:pk>/", meetings.reception_detail, name="reception-detail"),
    path("tiep-cong-dan/<int:pk>/sua/", meetings.reception_edit, name="reception-edit"),
    path("tiep-cong-dan/<int:pk>/vu-viec/", meetings.case_add, name="reception-case-add"),
    path("tiep-cong-dan/vu-viec/<int:pk>/", meetings.case_edit, name="reception-case-edit"),
    path("doi-thoai/", meetings.dialogue_list, name="dialogue-list"),
    path("doi-thoai/them/", meetings.dialogue_create, name="dialogue-create"),
    path("doi-thoai/<int:pk>/", meetings.dialogue_detail, name="dialogue-detail"),
    path("doi-thoai/<int:pk>/sua/", meetings.dialogue_edit, name="dialogue-edit"),
    path("doi-thoai/<int:pk>/y-kien/", meetings.issue_add, name="dialogue-issue-add"),
    path("doi-thoai/<int:pk>/cam-ket/", meetings.commitment_add, name="dialogue-commitment-add"),
    path("doi-thoai/cam-ket/<int:pk>/", meetings.commitment_done, name="dialogue-commitment-done"),
    path("bao-cao/", reports.report_index, name="reports"),
    path("bao-cao/tinh-hinh/", reports.situation_report, name="situation-report"),
    path("bao-cao/phan-hoi/", reports.feedback_report, name="feedback-report"),
    path("bao-cao/tiep-cong-dan/", reports.reception_report, name="reception-report"),
]
