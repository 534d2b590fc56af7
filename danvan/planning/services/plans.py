"""Work plans and their key tasks: create and edit, and the progress reports that move a task's state."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.db.models import Max

from danvan.core import numbering
from danvan.core.services import refuse_stale
from danvan.core.vn import clean_text, text_date
from danvan.planning import rules
from danvan.planning.choices import TaskStatus
from danvan.planning.models import KeyTask, TaskProgress, WorkPlan
from danvan.planning.services.common import committee_root, may_change, raise_errors, require, today, within

STALE = "Kế hoạch đã được người khác sửa trong lúc bạn đang sửa. Vui lòng tải lại trang để xem bản mới nhất."


def plan_code(year: int, number: int) -> str:
    return f"KH-{year}-{number:03d}"


def reserve_plan_code(year: int) -> str:
    return plan_code(year, numbering.next_number(f"KH-{year}"))


@transaction.atomic
def save_plan(user, plan: WorkPlan, expected_version: int | None = None) -> WorkPlan:
    if plan.pk:
        current = WorkPlan.objects.select_for_update().select_related("unit").get(pk=plan.pk)
        require(user, current.unit)
        refuse_stale(current, expected_version)
        plan.version = current.version + 1
    require(user, plan.unit)
    if not plan.year_end:
        plan.year_end = plan.year_start
    plan.title = clean_text(plan.title)
    errors = rules.check_plan_years(plan.year_start, plan.year_end)
    if not plan.title:
        errors.append(("title", "Cần nhập tên kế hoạch."))
    if plan.pk and not errors:
        first, last = dt.date(plan.year_start, 1, 1), plan.last_day
        outside = plan.tasks.exclude(deadline__range=(first, last)).count()
        if outside:
            errors.append(("year_end", f"{outside} nhiệm vụ có thời hạn ngoài thời gian của kế hoạch."))
    raise_errors(errors)
    if not plan.code:
        plan.code = reserve_plan_code(plan.year_start)
    plan.save()
    return plan


def usable_directives(plan: WorkPlan, user=None):
    """Directives a plan's tasks may carry out: the register of the plan's unit or of a unit above it
    (a commission's plan carries out its province's register). Only those the user may see."""
    from danvan.core import scoping
    from danvan.planning.models import Directive

    width = scoping.SEGMENT_WIDTH
    path = plan.unit.path
    directives = Directive.objects.filter(unit__path__in=[path[:end] for end in range(width, len(path) + 1, width)])
    return directives.restrict(user) if user is not None else directives


def task_errors(task: KeyTask, partners: Iterable, plan: WorkPlan) -> list[tuple[str, str]]:
    """A task's units lie in the area its plan's unit works for; its deadline inside the plan's period."""
    errors: list[tuple[str, str]] = []
    if not clean_text(task.content):
        errors.append(("content", "Cần nhập nội dung nhiệm vụ."))
    root = committee_root(plan.unit)
    if task.lead_unit_id and not within(task.lead_unit, root):
        errors.append(("lead_unit", f"{task.lead_unit.name} không thuộc phạm vi của {root.name}."))
    for unit in partners:
        if not within(unit, root):
            errors.append(("partner_units", f"{unit.name} không thuộc phạm vi của {root.name}."))
        elif unit.pk == task.lead_unit_id:
            errors.append(("partner_units", f"{unit.name} đã là đơn vị chủ trì."))
    first, last = dt.date(plan.year_start, 1, 1), plan.last_day
    if task.deadline and not first <= task.deadline <= last:
        errors.append(
            (
                "deadline",
                f"Thời hạn {text_date(task.deadline)} ngoài thời gian của kế hoạch "
                f"({text_date(first)} – {text_date(last)}).",
            )
        )
    if task.number is not None and task.number < 1:
        errors.append(("number", "Thứ tự phải từ 1 trở lên."))
    return errors


@transaction.atomic
def save_task(user, task: KeyTask, partners: Iterable | None = None) -> KeyTask:
    """Create or edit a key task; a blank deadline is the end of the plan's period, a blank number the next."""
    plan = WorkPlan.objects.select_related("unit__kind", "unit__parent").get(pk=task.plan_id)
    require(user, plan.unit)
    partners = list(partners or [])
    if task.deadline is None:
        task.deadline = plan.last_day
    task.content = "\n".join(clean_text(line) for line in (task.content or "").splitlines()).strip()
    errors = task_errors(task, partners, plan)
    taken = KeyTask.objects.filter(plan=plan, number=task.number).exclude(pk=task.pk)
    if task.number and taken.exists():
        errors.append(("number", f"Kế hoạch đã có nhiệm vụ thứ tự {task.number}."))
    raise_errors(errors)
    if not task.number:
        task.number = (plan.tasks.aggregate(last=Max("number"))["last"] or 0) + 1
    task.save()
    task.partner_units.set(partners)
    return task


def may_report(user, task: KeyTask) -> bool:
    """The plan's unit or the lead unit reports progress; the units taking part only see it."""
    return may_change(user, task.plan.unit, task.lead_unit)


@transaction.atomic
def report_progress(user, task: KeyTask, date: dt.date | None, percent: int | None, note: str = "") -> TaskProgress:
    task = KeyTask.objects.select_for_update().select_related("plan__unit", "lead_unit").get(pk=task.pk)
    if not may_report(user, task):
        raise PermissionDenied("Chỉ đơn vị chủ trì hoặc đơn vị lập kế hoạch mới báo cáo tiến độ nhiệm vụ này.")
    errors = rules.check_percent(percent)
    if date is None:
        errors.append(("date", "Cần nhập ngày báo cáo."))
    elif date > today():
        errors.append(("date", f"Ngày báo cáo {text_date(date)} chưa đến."))
    elif date.year < task.plan.year_start:
        errors.append(("date", f"Ngày báo cáo trước thời gian của kế hoạch (năm {task.plan.year_start})."))
    raise_errors(errors)
    report = TaskProgress.objects.create(task=task, date=date, percent=percent, note=clean_text(note), reported_by=user)
    latest = task.progress_reports.order_by("-date", "-id").first()
    task.progress = latest.percent
    task.status = status_for(latest.percent)
    task.save(update_fields=["progress", "status"])
    return report


def status_for(percent: int) -> str:
    if percent >= 100:
        return TaskStatus.DONE
    return TaskStatus.IN_PROGRESS if percent > 0 else TaskStatus.NOT_STARTED
