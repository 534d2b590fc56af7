from django.urls import path, re_path

from danvan.core.jobs import import_views
from danvan.planning.views import directives, home, plans, supervision

app_name = "planning"

urlpatterns = [
    path("", home.home, name="home"),
    # Directives and their reviews
    path("van-ban/", directives.directive_list, name="directive-list"),
    path("van-ban/them/", directives.directive_create, name="directive-create"),
    path("van-ban/xuat-excel/", directives.directive_export, name="directive-export"),
    path("van-ban/nhap-excel/", import_views.upload, {"flow": "directives"}, name="directive-import"),
    path("van-ban/<int:pk>/", directives.directive_detail, name="directive-detail"),
    path("van-ban/<int:pk>/sua/", directives.directive_edit, name="directive-edit"),
    path("van-ban/<int:pk>/tep/", directives.directive_file, name="directive-file"),
    path("van-ban/<int:pk>/them-moc/", directives.milestone_add, name="milestone-add"),
    path("moc/<int:pk>/bao-cao/", directives.milestone_report, name="milestone-report"),
    path("moc/<int:pk>/xoa/", directives.milestone_remove, name="milestone-remove"),
    path("moc/<int:pk>/tep/", directives.milestone_file, name="milestone-file"),
    path("so-ket-tong-ket/", directives.review_list, name="review-list"),
    re_path(r"^so-ket-tong-ket/bao-cao\.(?P<fmt>docx|xlsx)$", directives.review_report, name="review-report"),
    # Work plans and key tasks
    path("cong-tac/", plans.plan_list, name="plan-list"),
    path("cong-tac/them/", plans.plan_create, name="plan-create"),
    path("cong-tac/<int:pk>/", plans.plan_detail, name="plan-detail"),
    path("cong-tac/<int:pk>/sua/", plans.plan_edit, name="plan-edit"),
    path("cong-tac/<int:pk>/ke-hoach.docx", plans.plan_docx, name="plan-docx"),
    path("cong-tac/<int:pk>/xuat-excel/", plans.plan_export, name="plan-export"),
    path("cong-tac/<int:pk>/nhap-excel/", import_views.upload, {"flow": "plan-tasks"}, name="plan-import"),
    path("cong-tac/<int:pk>/them-nhiem-vu/", plans.task_create, name="task-create"),
    path("nhiem-vu/", plans.task_list, name="task-list"),
    path("nhiem-vu/<int:pk>/", plans.task_detail, name="task-detail"),
    path("nhiem-vu/<int:pk>/sua/", plans.task_edit, name="task-edit"),
    path("nhiem-vu/<int:pk>/tien-do/", plans.task_progress, name="task-progress"),
    # Inspection and supervision
    path("giam-sat/", supervision.supervision_list, name="supervision-list"),
    path("giam-sat/them/", supervision.supervision_create, name="supervision-create"),
    path("giam-sat/<int:pk>/", supervision.supervision_detail, name="supervision-detail"),
    path("giam-sat/<int:pk>/sua/", supervision.supervision_edit, name="supervision-edit"),
    path("giam-sat/<int:pk>/thong-bao.docx", supervision.supervision_docx, name="supervision-docx"),
    path("giam-sat/<int:pk>/them-kien-nghi/", supervision.recommendation_add, name="recommendation-add"),
    path("kien-nghi/<int:pk>/bao-cao/", supervision.follow_up_add, name="follow-up-add"),
]
