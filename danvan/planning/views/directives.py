"""The register of directives, their review milestones, and the reviews due in a year or a quarter."""

from __future__ import annotations

import datetime as dt

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.db.models import Count, Prefetch
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_POST

from danvan.core import changelog, scoping, uploads
from danvan.core.db import ViCollate
from danvan.core.forms import add_errors
from danvan.core.lists import Column, Listing
from danvan.core.replica import reads_replica
from danvan.core.vn import text_date
from danvan.core.xlsx import export_bytes
from danvan.org.services import default_unit
from danvan.planning import reports
from danvan.planning.choices import QUARTERS, ReviewState, quarter_bounds
from danvan.planning.forms import (
    DirectiveFilter,
    DirectiveForm,
    MilestoneForm,
    ReviewFilter,
    ReviewReportForm,
)
from danvan.planning.models import Directive, KeyTask, Milestone, Supervision
from danvan.planning.services import directives as services
from danvan.planning.views.common import (
    DOCX,
    XLSX,
    download,
    may_create,
    require_change,
    require_create,
)

DIRECTIVE_SORTS = {
    "ngay": ("issued_on", "id"),
    "trich-yeu": (ViCollate("summary"), "id"),
    "don-vi": (ViCollate("unit__name"), "id"),
}
DIRECTIVE_COLUMNS = (
    Column("Văn bản, ngày ban hành", "ngay"),
    Column("Trích yếu", "trich-yeu"),
    Column("Đơn vị theo dõi", "don-vi"),
    Column("Sơ kết, tổng kết"),
)
REVIEW_SORTS = {
    "noi-dung": ("directive__issued_on", "kind", "years", "id"),
    "don-vi": (ViCollate("directive__unit__name"), "due_date", "id"),
    "han": ("due_date", "id"),
    "tinh-trang": ("state", "due_date", "id"),
    "bao-cao": ("report_date", "due_date", "id"),
}
REVIEW_COLUMNS = (
    Column("STT"),
    Column("Nội dung", "noi-dung"),
    Column("Thời hạn", "han", "text-nowrap"),
    Column("Tình trạng", "tinh-trang"),
    Column("Báo cáo", "bao-cao"),
)


def get_directive(request, pk: int) -> Directive:
    return get_object_or_404(Directive.objects.restrict(request.user).select_related("type", "unit"), pk=pk)


def get_milestone(request, pk: int) -> Milestone:
    return get_object_or_404(Milestone.objects.restrict(request.user).with_directive(), pk=pk)


@login_required
def directive_list(request):
    user = request.user
    filters = DirectiveFilter(request.GET or None)
    rows = filters.apply(Directive.objects.restrict(user).select_related("type", "unit"))
    rows = rows.prefetch_related(Prefetch("milestones", queryset=Milestone.objects.order_by("due_date", "id")))
    listing = Listing(
        request, rows, noun="văn bản", columns=DIRECTIVE_COLUMNS, sorts=DIRECTIVE_SORTS, default=("-issued_on", "-id")
    )
    context = {
        "listing": listing,
        "page": listing.page,
        "filter_form": filters,
        "today": timezone.localdate(),
        "can_create": may_create(user),
    }
    return render(request, "planning/directive_list.html", context)


def _render_form(request, form, directive=None):
    title = f"Sửa {directive.short_label}" if directive else "Thêm văn bản chỉ đạo"
    return render(request, "planning/directive_form.html", {"form": form, "directive": directive, "title": title})


@login_required
def directive_create(request):
    require_create(request.user)
    form = DirectiveForm(request.POST or None, request.FILES or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        try:
            directive = services.save_directive(request.user, form.instance)
        except ValidationError as exc:
            add_errors(form, exc)
        else:
            messages.success(request, f"Đã thêm {directive.short_label}; các mốc sơ kết, tổng kết đã được tính.")
            return redirect(directive)
    return _render_form(request, form)


@login_required
def directive_edit(request, pk: int):
    directive = get_directive(request, pk)
    require_change(request.user, directive.unit, "văn bản")
    form = DirectiveForm(request.POST or None, request.FILES or None, instance=directive, user=request.user)
    if request.method == "POST" and form.is_valid():
        try:
            services.save_directive(request.user, form.instance, form.cleaned_data.get("version"))
        except ValidationError as exc:
            add_errors(form, exc)
        else:
            messages.success(request, "Đã lưu văn bản; các mốc sơ kết, tổng kết đã được tính lại.")
            return redirect(directive)
    return _render_form(request, form, directive)


def render_detail(request, directive: Directive, milestone_form=None, report_forms=None, status: int = 200):
    user = request.user
    today = timezone.localdate()
    can_change = scoping.covers(user, directive.unit.path, scoping.CHANGE)
    milestones = list(
        Milestone.objects.filter(directive=directive).select_related("reported_by").order_by("due_date", "id")
    )
    report_forms = report_forms or {}
    rows = []
    for m in milestones:
        m.directive = directive
        form = report_forms.get(m.pk) or (ReviewReportForm.for_milestone(m) if can_change else None)
        state = m.state_on(today)
        rows.append(
            {
                "m": m,
                "state": state,
                "state_label": ReviewState(state).label,
                "form": form,
                "days": (m.due_date - today).days,
            }
        )
    context = {
        "directive": directive,
        "rows": rows,
        "can_change": can_change,
        "milestone_form": milestone_form or (MilestoneForm() if can_change else None),
        "failed_report": next(iter(report_forms), None),
        "tasks": KeyTask.objects.restrict(user).filter(directive=directive).select_related("plan", "lead_unit"),
        "supervisions": Supervision.objects.restrict(user).filter(directive=directive),
        "history": changelog.history_page(request, directive),
    }
    return render(request, "planning/directive_detail.html", context, status=status)


@login_required
def directive_detail(request, pk: int):
    return render_detail(request, get_directive(request, pk))


@login_required
def directive_file(request, pk: int):
    directive = get_directive(request, pk)
    return uploads.serve(directive.file, directive.file_name)


@require_POST
@login_required
def milestone_add(request, pk: int):
    directive = get_directive(request, pk)
    require_change(request.user, directive.unit, "văn bản")
    form = MilestoneForm(request.POST)
    if form.is_valid():
        data = form.cleaned_data
        try:
            milestone = services.add_milestone(request.user, directive, data["kind"], data["years"], data["due_date"])
        except ValidationError as exc:
            add_errors(form, exc)
        else:
            messages.success(request, f"Đã đặt mốc {milestone.citation}, hạn {text_date(milestone.due_date)}.")
            return redirect(directive)
    return render_detail(request, directive, milestone_form=form)


@require_POST
@login_required
def milestone_remove(request, pk: int):
    milestone = get_milestone(request, pk)
    directive = milestone.directive
    require_change(request.user, directive.unit, "văn bản")
    try:
        remaining = services.remove_milestone(request.user, milestone)
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    else:
        if remaining is None:
            messages.success(request, "Đã xóa mốc.")
        else:
            messages.success(request, f"Mốc trở lại ngày theo quy tắc: {text_date(remaining.due_date)}.")
    return redirect(directive)


@require_POST
@login_required
def milestone_report(request, pk: int):
    """Record the report that closes a review (or correct it)."""
    milestone = get_milestone(request, pk)
    directive = milestone.directive
    require_change(request.user, directive.unit, "văn bản")
    form = ReviewReportForm.for_milestone(milestone, request.POST, request.FILES)
    if form.is_valid():
        data = form.cleaned_data
        try:
            services.record_review(
                request.user,
                milestone,
                number=data["report_number"],
                date=data["report_date"],
                title=data["report_title"],
                file=data["report_file"],
            )
        except ValidationError as exc:
            add_errors(form, exc)
        else:
            messages.success(request, f"Đã ghi nhận báo cáo {milestone.citation.lower()}.")
            return redirect(directive)
    return render_detail(request, directive, report_forms={milestone.pk: form})


@login_required
def milestone_file(request, pk: int):
    milestone = get_milestone(request, pk)
    return uploads.serve(milestone.report_file, milestone.report_file_name)


@login_required
@reads_replica
def directive_export(request):
    content = export_bytes("directives", {}, user=request.user)
    return download(content, XLSX, "danh-muc-van-ban.xlsx")


# --- Reviews due ---------------------------------------------------------------------------------


def review_filters(request) -> tuple[ReviewFilter, int, int | None]:
    form = ReviewFilter(request.GET or None)
    values = form.values()
    year = values.get("nam") or timezone.localdate().year
    return form, year, values.get("quy")


@login_required
def review_list(request):
    today = timezone.localdate()
    form, year, quarter = review_filters(request)
    values = form.values()
    start, end = quarter_bounds(year, quarter) if quarter else (dt.date(year, 1, 1), dt.date(year, 12, 31))
    rows = Milestone.objects.restrict(request.user).due_between(start, end).with_directive().with_state(today)
    if values.get("trang_thai"):
        rows = rows.filter(state=values["trang_thai"])
    if values.get("loai"):
        rows = rows.filter(kind=values["loai"])
    counts = dict.fromkeys(ReviewState.values, 0)
    counts |= dict(rows.order_by().values("state").annotate(n=Count("id")).values_list("state", "n"))
    listing = Listing(
        request, rows, noun="nội dung", columns=REVIEW_COLUMNS, sorts=REVIEW_SORTS, default=("due_date", "id")
    )
    for m in listing.page:
        m.days = (m.due_date - today).days
    query = f"nam={year}" + (f"&quy={quarter}" if quarter else "")
    context = {
        "listing": listing,
        "page": listing.page,
        "filter_form": form,
        "year": year,
        "quarter": QUARTERS.get(quarter),
        "counts": counts,
        "today": today,
        "report_urls": {fmt: f"{reverse('planning:review-report', args=[fmt])}?{query}" for fmt in ("docx", "xlsx")},
    }
    return render(request, "planning/review_list.html", context)


@login_required
@reads_replica
def review_report(request, fmt: str):
    """The reviews due in the year (or quarter) of the list: a Party-format report or an Excel list."""
    if fmt not in ("docx", "xlsx"):
        raise Http404
    today = timezone.localdate()
    _form, year, quarter = review_filters(request)
    rows = reports.reviews_rows(request.user, year, None, today, quarter)
    suffix = f"-quy-{quarter}" if quarter else ""
    if fmt == "xlsx":
        return download(reports.reviews_workbook(rows, year), XLSX, f"so-ket-tong-ket-{year}{suffix}.xlsx")
    try:
        document = reports.reviews_document(rows, year, default_unit(request.user), today, quarter)
    except reports.NoIssuer as exc:
        messages.error(request, str(exc))
        return redirect(f"{reverse('planning:review-list')}?nam={year}")
    content = reports.render_docx(document)
    return download(content, DOCX, f"so-ket-tong-ket-{year}{suffix}.docx")
