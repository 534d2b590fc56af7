"""Work plans, their key tasks and the tasks' progress reports."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Count, Q
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_POST

from danvan.core import changelog, scoping
from danvan.core.db import ViCollate
from danvan.core.forms import add_errors
from danvan.core.lists import Column, Listing
from danvan.core.replica import reads_replica
from danvan.core.xlsx import export_bytes
from danvan.planning import reports
from danvan.planning.choices import TaskState, TaskStatus
from danvan.planning.forms import KeyTaskForm, ProgressForm, TaskFilter, WorkPlanForm
from danvan.planning.imports import PlanTasksKind
from danvan.planning.models import KeyTask, TaskProgress, WorkPlan
from danvan.planning.services import plans as services
from danvan.planning.views.common import (
    DOCX,
    XLSX,
    download,
    may_create,
    require_change,
    require_create,
)

PLAN_SORTS = {
    "ma": ("code", "id"),
    "ten": (ViCollate("title"), "id"),
    "don-vi": (ViCollate("unit__name"), "code", "id"),
    "nhiem-vu": ("task_count", "id"),
    "hoan-thanh": ("done_count", "id"),
    "qua-han": ("overdue_count", "id"),
}
PLAN_COLUMNS = (
    Column("Mã", "ma", "text-nowrap"),
    Column("Kế hoạch", "ten"),
    Column("Đơn vị", "don-vi"),
    Column("Nhiệm vụ", "nhiem-vu", "text-end"),
    Column("Hoàn thành", "hoan-thanh", "text-end"),
    Column("Quá hạn", "qua-han", "text-end"),
)
TASK_SORTS = {
    "noi-dung": (ViCollate("plan__title"), "number", "id"),
    "don-vi": (ViCollate("lead_unit__name"), "deadline", "id"),
    "han": ("deadline", "id"),
    "tinh-trang": ("state", "deadline", "id"),
}
TASK_COLUMNS = (
    Column("Nhiệm vụ", "noi-dung"),
    Column("Đơn vị chủ trì", "don-vi"),
    Column("Thời hạn", "han", "text-nowrap"),
    Column("Tình trạng", "tinh-trang"),
)


def get_plan(request, pk: int) -> WorkPlan:
    return get_object_or_404(WorkPlan.objects.restrict(request.user).select_related("unit"), pk=pk)


def get_task(request, pk: int) -> KeyTask:
    queryset = KeyTask.objects.restrict(request.user).select_related("plan__unit", "lead_unit", "directive__type")
    return get_object_or_404(queryset, pk=pk)


@login_required
def plan_list(request):
    today = timezone.localdate()
    filters = TaskFilter(request.GET or None)
    values = filters.values()
    rows = WorkPlan.objects.restrict(request.user).select_related("unit")
    if values.get("nam"):
        rows = rows.filter(year_start__lte=values["nam"], year_end__gte=values["nam"])
    if values.get("q"):
        rows = rows.filter(title__icontains=values["q"])
    undone = ~Q(tasks__status=TaskStatus.DONE)
    rows = rows.annotate(
        task_count=Count("tasks"),
        done_count=Count("tasks", filter=Q(tasks__status=TaskStatus.DONE)),
        overdue_count=Count("tasks", filter=undone & Q(tasks__deadline__lt=today)),
    )
    listing = Listing(
        request, rows, noun="kế hoạch", columns=PLAN_COLUMNS, sorts=PLAN_SORTS, default=("-year_start", "code", "id")
    )
    context = {
        "listing": listing,
        "page": listing.page,
        "filter_form": filters,
        "can_create": may_create(request.user),
    }
    return render(request, "planning/plan_list.html", context)


def _plan_form(request, form, plan=None):
    title = f"Sửa {plan.title}" if plan else "Lập kế hoạch công tác"
    return render(request, "planning/plan_form.html", {"form": form, "plan": plan, "title": title})


@login_required
def plan_create(request):
    require_create(request.user)
    form = WorkPlanForm(request.POST or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        try:
            plan = services.save_plan(request.user, form.instance)
        except ValidationError as exc:
            add_errors(form, exc)
        else:
            messages.success(request, f"Đã lập kế hoạch {plan.code}; thêm các nhiệm vụ trọng tâm bên dưới.")
            return redirect(plan)
    return _plan_form(request, form)


@login_required
def plan_edit(request, pk: int):
    plan = get_plan(request, pk)
    require_change(request.user, plan.unit, "kế hoạch")
    form = WorkPlanForm(request.POST or None, instance=plan, user=request.user)
    if request.method == "POST" and form.is_valid():
        try:
            services.save_plan(request.user, form.instance, form.cleaned_data.get("version"))
        except ValidationError as exc:
            add_errors(form, exc)
        else:
            messages.success(request, "Đã lưu kế hoạch.")
            return redirect(plan)
    return _plan_form(request, form, plan)


@login_required
def plan_detail(request, pk: int):
    plan = get_plan(request, pk)
    today = timezone.localdate()
    state = request.GET.get("trang_thai", "")
    base = KeyTask.objects.restrict(request.user).filter(plan=plan).with_state(today)
    counts = dict(base.values_list("state").annotate(n=Count("pk")).order_by())
    tasks = base.select_related("lead_unit", "directive__type").prefetch_related("partner_units")
    if state in TaskState.values:
        tasks = tasks.filter(state=state)
    context = {
        "plan": plan,
        "tasks": tasks.order_by("number"),
        "state": state,
        "states": [(value, label, counts.get(value, 0)) for value, label in TaskState.choices],
        "today": today,
        "can_change": scoping.covers(request.user, plan.unit.path, scoping.CHANGE),
        "history": changelog.history_page(request, plan),
    }
    return render(request, "planning/plan_detail.html", context)


@login_required
def plan_docx(request, pk: int):
    plan = get_plan(request, pk)
    try:
        document = reports.plan_document(plan)
    except reports.NoIssuer as exc:
        messages.error(request, str(exc))
        return redirect(plan)
    return download(reports.render_docx(document), DOCX, f"ke-hoach-{plan.code}.docx")


@login_required
@reads_replica
def plan_export(request, pk: int):
    plan = get_plan(request, pk)
    content = export_bytes(PlanTasksKind.for_plan(plan), {"plan": plan.pk}, user=request.user)
    return download(content, XLSX, f"nhiem-vu-{plan.code}.xlsx")


# --- Key tasks -----------------------------------------------------------------------------------


@login_required
def task_list(request):
    today = timezone.localdate()
    filters = TaskFilter(request.GET or None)
    values = filters.values()
    rows = KeyTask.objects.restrict(request.user).select_related("plan", "lead_unit").with_state(today)
    if values.get("nam"):
        rows = rows.filter(deadline__year=values["nam"])
    if values.get("trang_thai"):
        rows = rows.filter(state=values["trang_thai"])
    if values.get("q"):
        rows = rows.filter(Q(content__icontains=values["q"]) | Q(plan__title__icontains=values["q"]))
    listing = Listing(
        request, rows, noun="nhiệm vụ", columns=TASK_COLUMNS, sorts=TASK_SORTS, default=("deadline", "id")
    )
    context = {
        "listing": listing,
        "page": listing.page,
        "filter_form": filters,
        "today": today,
    }
    return render(request, "planning/task_list.html", context)


def _task_form(request, form, plan, task=None):
    title = f"Sửa nhiệm vụ {task.number}" if task else "Thêm nhiệm vụ trọng tâm"
    return render(request, "planning/task_form.html", {"form": form, "plan": plan, "task": task, "title": title})


@login_required
def task_create(request, pk: int):
    plan = get_plan(request, pk)
    require_change(request.user, plan.unit, "kế hoạch")
    form = KeyTaskForm(request.POST or None, user=request.user, plan=plan, instance=KeyTask(plan=plan))
    if request.method == "POST" and form.is_valid():
        try:
            task = services.save_task(request.user, form.instance, form.cleaned_data["partner_units"])
        except ValidationError as exc:
            add_errors(form, exc)
        else:
            messages.success(request, f"Đã thêm nhiệm vụ {task.number}.")
            return redirect(plan)
    return _task_form(request, form, plan)


@login_required
def task_edit(request, pk: int):
    task = get_task(request, pk)
    plan = task.plan
    require_change(request.user, plan.unit, "kế hoạch")
    form = KeyTaskForm(request.POST or None, user=request.user, plan=plan, instance=task)
    if request.method == "POST" and form.is_valid():
        try:
            services.save_task(request.user, form.instance, form.cleaned_data["partner_units"])
        except ValidationError as exc:
            add_errors(form, exc)
        else:
            messages.success(request, f"Đã lưu nhiệm vụ {task.number}.")
            return redirect(task)
    return _task_form(request, form, plan, task)


def render_task(request, task: KeyTask, progress_form=None, status: int = 200):
    user = request.user
    today = timezone.localdate()
    can_report = services.may_report(user, task)
    task.state = task.state_on(today)  # as the lists annotate it
    context = {
        "task": task,
        "state": task.state,
        "today": today,
        "plan_visible": scoping.covers(user, task.plan.unit.path),
        "directive_visible": task.directive_id and scoping.covers(user, task.directive.unit.path),
        "partners": list(task.partner_units.all()),
        "reports": TaskProgress.objects.restrict(user).filter(task=task).select_related("reported_by"),
        "progress_form": progress_form or (ProgressForm() if can_report else None),
        "can_change": scoping.covers(user, task.plan.unit.path, scoping.CHANGE),
        "history": changelog.history_page(request, task),
    }
    return render(request, "planning/task_detail.html", context, status=status)


@login_required
def task_detail(request, pk: int):
    return render_task(request, get_task(request, pk))


@require_POST
@login_required
def task_progress(request, pk: int):
    task = get_task(request, pk)
    if not services.may_report(request.user, task):
        raise PermissionDenied("Chỉ đơn vị chủ trì hoặc đơn vị lập kế hoạch mới báo cáo tiến độ nhiệm vụ này.")
    form = ProgressForm(request.POST)
    if form.is_valid():
        data = form.cleaned_data
        try:
            services.report_progress(request.user, task, data["date"], data["percent"], data["note"])
        except ValidationError as exc:
            add_errors(form, exc)
        else:
            messages.success(request, "Đã ghi nhận tiến độ.")
            return redirect(reverse("planning:task-detail", args=[task.pk]))
    return render_task(request, task, progress_form=form)
