"""The list of score sheets, a set's page (criteria tree, classes, member units), and its edits."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Count, Q
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_POST

from danvan.core import changelog, scoping
from danvan.core.db import ViCollate
from danvan.core.forms import add_errors
from danvan.core.lists import Column, Listing
from danvan.emulation import services, tree
from danvan.emulation.choices import Kind, Status
from danvan.emulation.forms import (
    AddMemberForm,
    CopySetForm,
    CriteriaSetForm,
    CriterionForm,
    FillMembersForm,
    GradeFormSet,
    grades_from,
)
from danvan.emulation.imports import export_criteria
from danvan.emulation.models import CriteriaSet, Criterion, Grade, Scorecard
from danvan.emulation.reports import APPRAISED_TOTAL, SELF_TOTAL
from danvan.emulation.views.common import XLSX, attachment, get_criterion, get_set, readable_scores

SET_SORTS = {
    "nam": ("year", ViCollate("name"), "id"),
    "ten": (ViCollate("name"), "id"),
    "co-quan": (ViCollate("unit_name"), "id"),
    "don-vi": ("n_cards", "id"),
}
SET_COLUMNS = (
    Column("Năm", "nam"),
    Column("Tên bản điểm", "ten"),
    Column("Cơ quan chấm điểm", "co-quan"),
    Column("Đơn vị", "don-vi", "text-end"),
    Column("Tiến độ"),
)
CARD_SORTS = {
    "nam": ("criteria_set__year", ViCollate("unit_name"), "id"),
    "ten": (ViCollate("criteria_set__name"), ViCollate("unit_name"), "id"),
    "don-vi": (ViCollate("unit_name"), "id"),
    "trang-thai": ("status", ViCollate("unit_name"), "id"),
}
CARD_COLUMNS = (
    Column("Năm", "nam"),
    Column("Bản điểm", "ten"),
    Column("Đơn vị", "don-vi"),
    Column("Trạng thái", "trang-thai"),
)


def _year(request) -> int | None:
    text = request.GET.get("nam", "")
    return int(text) if text.isdigit() else None


@login_required
def index(request):
    """Sets the user's commission manages or sees, and the scorecards of the user's own units."""
    user = request.user
    year = _year(request)
    status_counts = {f"n_{s}": Count("scorecards", filter=Q(scorecards__status=s)) for s in Status.values}
    sets = (
        CriteriaSet.objects.restrict(user).select_related("unit").annotate(n_cards=Count("scorecards"), **status_counts)
    )
    cards = (
        Scorecard.objects.restrict(user)
        .exclude(criteria_set__in=CriteriaSet.objects.restrict(user).values("pk"))
        .select_related("criteria_set")
    )
    if year:
        sets, cards = sets.filter(year=year), cards.filter(criteria_set__year=year)
    years = sorted(
        set(CriteriaSet.objects.restrict(user).values_list("year", flat=True))
        | set(Scorecard.objects.restrict(user).values_list("criteria_set__year", flat=True)),
        reverse=True,
    )
    context = {
        "sets": Listing(
            request, sets, noun="bản điểm", columns=SET_COLUMNS, sorts=SET_SORTS,
            default=("-year", ViCollate("name"), "id"), anchor="ban-diem",
        ),
        "cards": Listing(
            request, cards, noun="bảng tự chấm điểm", columns=CARD_COLUMNS, sorts=CARD_SORTS,
            default=("-criteria_set__year", ViCollate("unit_name"), "id"), suffix="_bd", anchor="bang-tu-cham",
        ),
        "year": year,
        "years": years,
        "can_create": scoping.scope_paths(user, scoping.REVIEW) != [],
    }  # fmt: skip
    return render(request, "emulation/index.html", context)


@login_required
def set_create(request):
    if scoping.scope_paths(request.user, scoping.REVIEW) == []:
        raise PermissionDenied("Chỉ cơ quan chấm điểm (người có quyền thẩm định) mới lập được bản điểm thi đua.")
    form = CriteriaSetForm(request.POST or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        try:
            criteria_set = services.create_set(request.user, **form.cleaned_data)
        except ValidationError as exc:
            add_errors(form, exc)
        else:
            messages.success(request, f"Đã lập “{criteria_set.name}”. Thêm tiêu chí và đơn vị được chấm điểm.")
            return redirect(criteria_set)
    return render(request, "emulation/set_form.html", {"form": form, "title": "Lập bản điểm thi đua"})


def _set_history(request, criteria_set: CriteriaSet):
    """The set's own changes, its classes' and its criteria's (deleted criteria included), paged."""
    return changelog.record_history(request, criteria_set, readable=readable_scores)


def render_set(request, criteria_set: CriteriaSet, fill_form=None, add_form=None, status: int = 200):
    user = request.user
    criteria = list(Criterion.objects.filter(criteria_set=criteria_set))
    loaded = tree.Tree(criteria)
    can_manage = services.can_manage(user, criteria_set)
    cards = list(
        Scorecard.objects.restrict(user)
        .filter(criteria_set=criteria_set)
        .annotate(self_total=SELF_TOTAL, appraised_total=APPRAISED_TOTAL, n_scores=Count("scores"))
        .order_by(ViCollate("unit_name"))
    )
    grades = list(Grade.objects.filter(criteria_set=criteria_set))
    context = {
        "criteria_set": criteria_set,
        "tree": loaded,
        "grades": tree.grade_ranges(grades),
        "cards": cards,
        "status_counts": [(label, sum(1 for c in cards if c.status == value)) for value, label in Status.choices],
        "can_manage": can_manage,
        "can_edit": can_manage and not criteria_set.is_locked,
        "history": _set_history(request, criteria_set),
    }
    if can_manage:
        within = services.default_scope_unit(criteria_set)
        context["fill_form"] = fill_form or FillMembersForm(user=user, criteria_set=criteria_set, default_within=within)
        candidates = (
            services.candidate_units(user, criteria_set, within)
            .exclude(pk__in=[c.unit_id for c in cards])
            .order_by(ViCollate("name"))
        )
        context["add_form"] = add_form or AddMemberForm(candidates=candidates)
    return render(request, "emulation/set_detail.html", context, status=status)


@login_required
def set_detail(request, pk: int):
    return render_set(request, get_set(request, pk))


def _managed_set(request, pk: int) -> CriteriaSet:
    criteria_set = get_set(request, pk)
    if not services.can_manage(request.user, criteria_set):
        raise PermissionDenied(f"Chỉ {criteria_set.unit.name} (cơ quan chấm điểm) mới sửa được bản điểm này.")
    return criteria_set


@login_required
def set_edit(request, pk: int):
    criteria_set = _managed_set(request, pk)
    initial = {"name": criteria_set.name, "year": criteria_set.year, "description": criteria_set.description}
    form = CriteriaSetForm(request.POST or None, initial=initial, user=request.user, editing=criteria_set)
    grade_initial = [
        {"name": g.name, "min_score": g.min_score} for g in Grade.objects.filter(criteria_set=criteria_set)
    ]
    grades = GradeFormSet(request.POST or None, initial=grade_initial, prefix="xl")
    if criteria_set.is_locked:
        for grade_form in grades:
            for field in grade_form.fields.values():
                field.disabled = True
    if request.method == "POST" and form.is_valid() and grades.is_valid():
        data = form.cleaned_data
        try:
            with transaction.atomic():
                services.update_set(
                    request.user, criteria_set, name=data["name"], description=data["description"], year=data["year"]
                )
                if not criteria_set.is_locked:
                    services.set_grades(request.user, criteria_set, grades_from(grades))
        except ValidationError as exc:
            if hasattr(exc, "error_dict") and "grades" in exc.error_dict:
                grades.grade_errors = [m for e in exc.error_dict.pop("grades") for m in e.messages]
            add_errors(form, exc)
        else:
            messages.success(request, "Đã lưu thay đổi của bản điểm.")
            return redirect(criteria_set)
    context = {"form": form, "grades": grades, "criteria_set": criteria_set, "title": f"Sửa {criteria_set.name}"}
    return render(request, "emulation/set_form.html", context)


@login_required
def set_copy(request, pk: int):
    source = get_set(request, pk)
    if scoping.scope_paths(request.user, scoping.REVIEW) == []:
        raise PermissionDenied("Chỉ cơ quan chấm điểm (người có quyền thẩm định) mới lập được bản điểm thi đua.")
    initial = {"name": source.name.replace(str(source.year), str(source.year + 1)), "year": source.year + 1}
    initial["unit"] = source.unit_id if source.unit.valid_until is None else None
    form = CopySetForm(request.POST or None, initial=initial, user=request.user)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            copy = services.copy_set(request.user, source, year=data["year"], name=data["name"], unit=data["unit"])
        except ValidationError as exc:
            add_errors(form, exc)
        else:
            messages.success(request, f"Đã sao chép thành “{copy.name}”; có thể sửa tiêu chí trước khi các đơn vị nộp.")
            return redirect(copy)
    context = {"form": form, "source": source, "title": f"Sao chép “{source.name}”"}
    return render(request, "emulation/set_form.html", context)


# --- Criteria ------------------------------------------------------------------------------------


@login_required
def criterion_add(request, pk: int):
    criteria_set = _managed_set(request, pk)
    parent = None
    if parent_id := request.GET.get("cap_tren") or request.POST.get("cap_tren"):
        parent = get_object_or_404(Criterion, pk=parent_id, criteria_set=criteria_set)
    form = CriterionForm(request.POST or None, top_level=parent is None)
    if request.method == "POST" and form.is_valid():
        kind = form.cleaned_data.get("kind") or Kind.CRITERION
        try:
            criterion = services.add_criterion(request.user, criteria_set, parent=parent, kind=kind, **form.values())
        except ValidationError as exc:
            add_errors(form, exc)
        else:
            messages.success(request, f"Đã thêm mục {criterion.position}.")
            return redirect(f"{criteria_set.get_absolute_url()}#c-{criterion.pk}")
    title = f"Thêm mục con của {parent.position}" if parent else "Thêm phần (mục cấp cao nhất)"
    context = {"form": form, "criteria_set": criteria_set, "parent": parent, "title": title}
    return render(request, "emulation/criterion_form.html", context)


@login_required
def criterion_edit(request, pk: int):
    criterion = get_criterion(request, pk)
    criteria_set = _managed_set(request, criterion.criteria_set_id)
    is_leaf = not Criterion.objects.filter(parent=criterion).exists()
    initial = {
        "content": criterion.content,
        "max_score": criterion.max_score,
        "guidance": criterion.guidance,
        "evidence": criterion.evidence,
        "kind": criterion.kind,
    }
    form = CriterionForm(request.POST or None, initial=initial, top_level=criterion.parent_id is None, is_leaf=is_leaf)
    if request.method == "POST" and form.is_valid():
        try:
            services.update_criterion(request.user, criterion, kind=form.cleaned_data.get("kind"), **form.values())
        except ValidationError as exc:
            add_errors(form, exc)
        else:
            messages.success(request, f"Đã lưu mục {criterion.position}.")
            return redirect(f"{criteria_set.get_absolute_url()}#c-{criterion.pk}")
    context = {
        "form": form,
        "criteria_set": criteria_set,
        "criterion": criterion,
        "title": f"Sửa mục {criterion.position}",
    }
    return render(request, "emulation/criterion_form.html", context)


@require_POST
@login_required
def criterion_delete(request, pk: int):
    criterion = get_criterion(request, pk)
    criteria_set = _managed_set(request, criterion.criteria_set_id)
    try:
        services.delete_criterion(request.user, criterion)
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    else:
        messages.success(request, f"Đã xóa mục {criterion.position} và các mục con của nó.")
    return redirect(criteria_set)


@require_POST
@login_required
def criterion_move(request, pk: int, direction: str):
    criterion = get_criterion(request, pk)
    criteria_set = _managed_set(request, criterion.criteria_set_id)
    try:
        services.move_criterion(request.user, criterion, -1 if direction == "len" else 1)
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    return redirect(f"{criteria_set.get_absolute_url()}#c-{criterion.pk}")


# --- Members -------------------------------------------------------------------------------------


@require_POST
@login_required
def members_fill(request, pk: int):
    criteria_set = _managed_set(request, pk)
    within = services.default_scope_unit(criteria_set)
    form = FillMembersForm(request.POST, user=request.user, criteria_set=criteria_set, default_within=within)
    if form.is_valid():
        data = form.cleaned_data
        try:
            added = services.fill_members(request.user, criteria_set, [k.code for k in data["kinds"]], data["within"])
        except ValidationError as exc:
            add_errors(form, exc)
        else:
            messages.success(request, f"Đã thêm {len(added)} đơn vị vào bản điểm.")
            return redirect(f"{criteria_set.get_absolute_url()}#don-vi")
    return render_set(request, criteria_set, fill_form=form)


@require_POST
@login_required
def members_add(request, pk: int):
    criteria_set = _managed_set(request, pk)
    candidates = services.candidate_units(request.user, criteria_set)
    form = AddMemberForm(request.POST, candidates=candidates)
    if form.is_valid():
        try:
            added = services.add_members(request.user, criteria_set, [form.cleaned_data["unit"]])
        except ValidationError as exc:
            add_errors(form, exc)
        else:
            if added:
                messages.success(request, f"Đã thêm {form.cleaned_data['unit'].name} vào bản điểm.")
            else:
                messages.info(request, f"{form.cleaned_data['unit'].name} đã có trong bản điểm.")
            return redirect(f"{criteria_set.get_absolute_url()}#don-vi")
    return render_set(request, criteria_set, add_form=form)


@require_POST
@login_required
def members_remove(request, pk: int, card_pk: int):
    criteria_set = _managed_set(request, pk)
    card = get_object_or_404(Scorecard.objects.restrict(request.user), pk=card_pk, criteria_set=criteria_set)
    try:
        services.remove_member(request.user, card)
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    else:
        messages.success(request, f"Đã bỏ {card.unit_name} khỏi bản điểm.")
    return redirect(f"{criteria_set.get_absolute_url()}#don-vi")


# --- Excel ---------------------------------------------------------------------------------------


@login_required
def criteria_export(request, pk: int):
    criteria_set = get_set(request, pk)
    response = HttpResponse(export_criteria(criteria_set), content_type=XLSX)
    return attachment(response, f"tieu-chi-thi-dua-{criteria_set.year}-{criteria_set.pk}.xlsx")
