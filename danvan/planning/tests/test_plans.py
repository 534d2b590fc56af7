"""Work plans and key tasks: codes, deadlines, progress driving the state, "quá hạn" in SQL, who reports."""

import datetime as dt

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from danvan.planning.choices import TaskState, TaskStatus
from danvan.planning.models import KeyTask
from danvan.planning.services import plans as services
from danvan.planning.tests.conftest import make_plan, make_task

pytestmark = pytest.mark.django_db


def test_a_plan_gets_a_code_and_a_single_year_period(cast, config):
    plan = make_plan(cast.admin, cast.province, 2021)
    assert plan.code == "KH-2021-001" and plan.year_end == 2021
    assert plan.period_label == "năm 2021"
    assert make_plan(cast.admin, cast.province, 2021, year_end=2025).period_label == "giai đoạn 2021–2025"
    assert make_plan(cast.d1_officer, cast.d1, 2021).code == "KH-2021-003"


def test_bad_plans(cast, config):
    with pytest.raises(ValidationError) as caught:
        make_plan(cast.admin, cast.province, 2021, year_end=2019, title=" ")
    assert set(caught.value.message_dict) == {"year_end", "title"}
    with pytest.raises(PermissionDenied):
        make_plan(cast.c1_officer, cast.d1, 2021)


def test_task_defaults_and_checks(cast, config):
    plan = make_plan(cast.admin, cast.province, 2021)
    first = make_task(cast.admin, plan, cast.d1, None)
    assert (first.number, first.deadline) == (1, dt.date(2021, 12, 31))  # the end of the plan
    second = make_task(cast.admin, plan, cast.d2, dt.date(2021, 6, 30), partners=[cast.c1, cast.c3])
    assert second.number == 2 and set(second.partner_units.all()) == {cast.c1, cast.c3}
    with pytest.raises(ValidationError) as caught:
        services.save_task(
            cast.admin,
            KeyTask(plan=plan, number=2, content="", lead_unit=cast.d1, deadline=dt.date(2022, 3, 1)),
            [cast.d1],
        )
    assert set(caught.value.message_dict) == {"number", "content", "deadline", "partner_units"}


def test_task_units_belong_to_the_plans_area(cast, config):
    plan = make_plan(cast.d1_officer, cast.d1, 2021)
    with pytest.raises(ValidationError, match="không thuộc phạm vi"):
        make_task(cast.d1_officer, plan, cast.c3, dt.date(2021, 6, 30))


def test_a_commission_plans_for_its_whole_province(cast, config, commissions):
    plan = make_plan(cast.admin, commissions.old, 2021)
    task = make_task(cast.admin, plan, cast.d1, dt.date(2021, 6, 30), partners=[cast.d2])
    assert task.lead_unit == cast.d1


def test_progress_moves_the_state_and_overdue_is_computed(cast, config):
    plan = make_plan(cast.admin, cast.province, 2021)
    task = make_task(cast.admin, plan, cast.d1, dt.date(2021, 6, 30))
    later = make_task(cast.admin, plan, cast.d1, dt.date(2021, 12, 31))
    day = dt.date(2021, 7, 15)

    def states():
        return dict(KeyTask.objects.with_state(day).values_list("number", "state"))

    assert states() == {1: TaskState.OVERDUE, 2: TaskState.NOT_STARTED}
    services.report_progress(cast.d1_officer, task, dt.date(2021, 5, 1), 40, "Đã xây dựng dự thảo")
    services.report_progress(cast.d1_officer, later, dt.date(2021, 5, 1), 30)
    assert states() == {1: TaskState.OVERDUE, 2: TaskState.IN_PROGRESS}
    services.report_progress(cast.d1_officer, task, dt.date(2021, 7, 10), 100, "Đã tổ chức hội nghị sơ kết")
    task.refresh_from_db()
    assert (task.status, task.progress) == (TaskStatus.DONE, 100)
    assert states()[1] == TaskState.DONE
    assert KeyTask.objects.with_state(day).filter(state=TaskState.OVERDUE).count() == 0
    # An older report entered afterwards does not undo the latest one.
    services.report_progress(cast.admin, task, dt.date(2021, 6, 1), 60)
    task.refresh_from_db()
    assert (task.status, task.progress) == (TaskStatus.DONE, 100)


def test_who_may_report_progress(cast, config):
    plan = make_plan(cast.admin, cast.province, 2021)
    task = make_task(cast.admin, plan, cast.d1, dt.date(2021, 6, 30), partners=[cast.d2])
    for user in (cast.d2_officer, cast.c1_officer, cast.d1_reviewer, cast.outsider):
        with pytest.raises(PermissionDenied):
            services.report_progress(user, task, dt.date(2021, 5, 1), 10)
    services.report_progress(cast.d1_officer, task, dt.date(2021, 5, 1), 10)
    services.report_progress(cast.admin, task, dt.date(2021, 5, 2), 20)


def test_bad_progress_reports(cast, config):
    plan = make_plan(cast.admin, cast.province, 2021)
    task = make_task(cast.admin, plan, cast.d1, dt.date(2021, 6, 30))
    with pytest.raises(ValidationError) as caught:
        services.report_progress(cast.admin, task, None, 120)
    assert set(caught.value.message_dict) == {"date", "percent"}
    with pytest.raises(ValidationError, match="chưa đến"):
        services.report_progress(cast.admin, task, dt.date.today() + dt.timedelta(days=2), 10)
    with pytest.raises(ValidationError, match="trước thời gian"):
        services.report_progress(cast.admin, task, dt.date(2020, 12, 1), 10)


def test_a_plan_period_cannot_shrink_under_its_tasks(cast, config):
    plan = make_plan(cast.admin, cast.province, 2021, year_end=2022)
    make_task(cast.admin, plan, cast.d1, dt.date(2022, 6, 30))
    plan.year_end = 2021
    with pytest.raises(ValidationError, match="ngoài thời gian"):
        services.save_plan(cast.admin, plan)
