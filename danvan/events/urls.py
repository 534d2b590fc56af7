from django.urls import path

from danvan.events.views import conferences, contests, excel, reports

app_name = "events"

urlpatterns = [
    path("", contests.contest_list, name="home"),
    path("hoi-thi/them/", contests.contest_create, name="contest-create"),
    path("hoi-thi/<int:pk>/", contests.contest_detail, name="contest-detail"),
    path("hoi-thi/<int:pk>/sua/", contests.contest_edit, name="contest-edit"),
    path("hoi-thi/<int:pk>/buoc/<slug:action>/", contests.contest_step, name="contest-step"),
    path("hoi-thi/<int:pk>/vong-thi/", contests.round_add, name="round-add"),
    path("hoi-thi/vong-thi/<int:pk>/xoa/", contests.round_delete, name="round-delete"),
    path("hoi-thi/<int:pk>/doi-thi/", contests.entry_add, name="entry-add"),
    path("hoi-thi/doi-thi/<int:pk>/xoa/", contests.entry_delete, name="entry-delete"),
    path("hoi-thi/<int:pk>/giai/", contests.prize_add, name="prize-add"),
    path("hoi-thi/giai/<int:pk>/xoa/", contests.prize_delete, name="prize-delete"),
    path("hoi-thi/<int:pk>/cham-diem/", contests.scores, name="scores"),
    path("hoi-thi/<int:pk>/xuat-diem/", excel.scores_export, name="scores-export"),
    path("hoi-thi/<int:pk>/thong-bao-ket-qua/", reports.results_notice, name="results-notice"),
    path("hoi-nghi/", conferences.conference_list, name="conference-list"),
    path("hoi-nghi/them/", conferences.conference_create, name="conference-create"),
    path("hoi-nghi/<int:pk>/", conferences.conference_detail, name="conference-detail"),
    path("hoi-nghi/<int:pk>/sua/", conferences.conference_edit, name="conference-edit"),
    path("hoi-nghi/<int:pk>/tep/", conferences.file_add, name="conference-file-add"),
    path("hoi-nghi/tep/<int:pk>/", conferences.file_open, name="conference-file"),
    path("hoi-nghi/tep/<int:pk>/xoa/", conferences.file_delete, name="conference-file-delete"),
    path("hoi-nghi/xuat-excel/", excel.conference_export, name="conference-export"),
    path("hoi-nghi/mau-excel/", excel.conference_template, name="conference-template"),
]
