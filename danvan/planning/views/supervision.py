"""The inspection and supervision programme: each supervision, its recommendations and their follow-up."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Prefetch
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.views.decorators.http import require_POST

from danvan.core import changelog, scoping
from danvan.core.forms import add_errors
from danvan.core.lists import Column, Listing
from danvan.org.models import Unit
from danvan.planning import reports
from danvan.planning.forms import FollowUpForm, RecommendationForm, SupervisionFilter, SupervisionForm
from danvan.planning.models import FollowUp, Recommendation, Supervision
from danvan.planning.services import supervision as services
from danvan.planning.views.common import (
    DOCX,
    download,
    may_create,
    require_change,
    require_create,
)

SORTS = {
    "nam": ("year", "planned_start", "id"),
    "thoi-gian": ("planned_start", "id"),
}
COLUMNS = (
    Column("Năm", "nam"),
    Column("Nội dung"),
    Column("Đơn vị được kiểm tra, giám sát"),
    Column("Thời gian", "thoi-gian", "text-nowrap"),
    Column("Tình trạng"),
)


def get_supervision(request, pk: int) -> Supervision:
    queryset = Supervision.objects.restrict(request.user).select_related("unit", "directive__type", "directive__unit")
    return get_object_or_404(queryset, pk=pk)


@login_required
def supervision_list(request):
    filters = SupervisionFilter(request.GET or None)
    values = filters.values()
    rows = Supervision.objects.restrict(request.user).select_related("unit", "directive__type")
    if values.get("nam"):
        rows = rows.filter(year=values["nam"])
    if values.get("hinh_thuc"):
        rows = rows.filter(activity=values["hinh_thuc"])
    if values.get("loai"):
        rows = rows.filter(mode=values["loai"])
    units = Prefetch("supervised_units", queryset=Unit.objects.order_by("path"))
    rows = rows.prefetch_related(units)
    listing = Listing(
        request, rows, noun="cuộc kiểm tra, giám sát", columns=COLUMNS, sorts=SORTS,
        default=("-year", "planned_start", "id"),
    )  # fmt: skip
    context = {
        "listing": listing,
        "page": listing.page,
        "filter_form": filters,
        "can_create": may_create(request.user),
    }
    return render(request, "planning/supervision_list.html", context)


def _form(request, form, sup=None):
    title = "Sửa cuộc kiểm tra, giám sát" if sup else "Thêm cuộc kiểm tra, giám sát"
    return render(request, "planning/supervision_form.html", {"form": form, "supervision": sup, "title": title})


@login_required
def supervision_create(request):
    require_create(request.user)
    form = SupervisionForm(request.POST or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        try:
            sup = services.save_supervision(request.user, form.instance, form.cleaned_data["supervised_units"])
        except ValidationError as exc:
            add_errors(form, exc)
        else:
            messages.success(request, "Đã thêm cuộc kiểm tra, giám sát vào chương trình.")
            return redirect(sup)
    return _form(request, form)


@login_required
def supervision_edit(request, pk: int):
    sup = get_supervision(request, pk)
    require_change(request.user, sup.unit, "cuộc kiểm tra, giám sát")
    form = SupervisionForm(request.POST or None, instance=sup, user=request.user)
    if request.method == "POST" and form.is_valid():
        try:
            services.save_supervision(
                request.user, form.instance, form.cleaned_data["supervised_units"], form.cleaned_data.get("version")
            )
        except ValidationError as exc:
            add_errors(form, exc)
        else:
            messages.success(request, "Đã lưu cuộc kiểm tra, giám sát.")
            return redirect(sup)
    return _form(request, form, sup)


def render_detail(request, sup: Supervision, rec_form=None, follow_forms=None, status: int = 200):
    user = request.user
    today = timezone.localdate()
    can_change = scoping.covers(user, sup.unit.path, scoping.CHANGE)
    follow_forms = follow_forms or {}
    follow_ups = FollowUp.objects.restrict(user).select_related("reported_by").order_by("date", "id")
    recs = list(
        Recommendation.objects.restrict(user)
        .filter(supervision=sup)
        .select_related("responsible_unit")
        .prefetch_related(Prefetch("follow_ups", queryset=follow_ups))
        .with_state(today)
        .order_by("deadline", "id")
    )
    for rec in recs:
        rec.supervision = sup
        may = not rec.closed_on and services.may_follow_up(user, rec)
        rec.form = follow_forms.get(rec.pk) or (FollowUpForm(prefix=f"r{rec.pk}") if may else None)
    context = {
        "supervision": sup,
        "units": list(sup.supervised_units.order_by("path")),
        "recommendations": recs,
        "can_change": can_change,
        "directive_visible": sup.directive_id and scoping.covers(user, sup.directive.unit.path),
        "rec_form": rec_form or (RecommendationForm(supervision=sup) if can_change else None),
        "history": changelog.history_page(request, sup) if can_change else None,
        "today": today,
    }
    return render(request, "planning/supervision_detail.html", context, status=status)


@login_required
def supervision_detail(request, pk: int):
    return render_detail(request, get_supervision(request, pk))


@login_required
def supervision_docx(request, pk: int):
    """The announcement of the conclusions: issued by the supervising unit only."""
    sup = get_supervision(request, pk)
    require_change(request.user, sup.unit, "cuộc kiểm tra, giám sát")
    try:
        document = reports.announcement_document(sup)
    except reports.NoIssuer as exc:
        messages.error(request, str(exc))
        return redirect(sup)
    return download(reports.render_docx(document), DOCX, f"thong-bao-ket-luan-{sup.year}-{sup.pk}.docx")


@require_POST
@login_required
def recommendation_add(request, pk: int):
    sup = get_supervision(request, pk)
    require_change(request.user, sup.unit, "cuộc kiểm tra, giám sát")
    form = RecommendationForm(request.POST, supervision=sup, instance=Recommendation(supervision=sup))
    if form.is_valid():
        try:
            services.save_recommendation(request.user, form.instance)
        except ValidationError as exc:
            add_errors(form, exc)
        else:
            messages.success(request, "Đã thêm kiến nghị.")
            return redirect(sup)
    return render_detail(request, sup, rec_form=form)


@require_POST
@login_required
def follow_up_add(request, pk: int):
    rec = get_object_or_404(
        Recommendation.objects.restrict(request.user).select_related("supervision__unit", "responsible_unit"), pk=pk
    )
    if not services.may_follow_up(request.user, rec):
        raise PermissionDenied("Chỉ đơn vị thực hiện kiến nghị hoặc đơn vị chủ trì giám sát mới báo cáo kiến nghị này.")
    sup = get_supervision(request, rec.supervision_id)
    form = FollowUpForm(request.POST, prefix=f"r{rec.pk}")
    if form.is_valid():
        data = form.cleaned_data
        try:
            services.follow_up(request.user, rec, data["date"], data["content"], data["closes"])
        except ValidationError as exc:
            add_errors(form, exc)
        else:
            messages.success(request, "Đã ghi nhận kết quả thực hiện kiến nghị.")
            return redirect(f"{sup.get_absolute_url()}#kien-nghi-{rec.pk}")
    return render_detail(request, sup, follow_forms={rec.pk: form})
