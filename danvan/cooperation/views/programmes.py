"""Programmes: the list, the page with its parts and reviews, creating, editing and replacing one."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.db.models import Count
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils import timezone

from danvan.cooperation import rules, services
from danvan.cooperation.choices import STATE_BADGES, State
from danvan.cooperation.forms import EvaluationForm, ItemForm, ProgrammeFilter, ProgrammeForm, ReportForm, YearPlanForm
from danvan.cooperation.models import Evaluation, Programme, ProgrammeItem, YearPlan
from danvan.core import changelog, scoping
from danvan.core.db import ViCollate
from danvan.core.lists import Column, Listing
from danvan.core.views import saved_by_service
from danvan.planning.choices import ReviewState
from danvan.planning.models import Milestone

SORTS = {
    "ngay": ("signed_on", "id"),
    "so": (ViCollate("number"), "id"),
    "don-vi": (ViCollate("unit__name"), "signed_on", "id"),
    "hieu-luc": ("valid_until", "id"),
}
COLUMNS = (
    Column("Ngày ký", "ngay", "text-nowrap"),
    Column("Số hiệu, trích yếu", "so"),
    Column("Các bên"),
    Column("Đơn vị theo dõi", "don-vi"),
    Column("Hiệu lực", "hieu-luc", "text-nowrap"),
    Column("Tình trạng"),
)


def may_record(user) -> bool:
    return scoping.scope_paths(user, scoping.CHANGE) != []


def get_programme(request, pk: int) -> Programme:
    queryset = Programme.objects.restrict(request.user).select_related("unit", "replaced_by", "directive")
    return get_object_or_404(queryset, pk=pk)


def require_change(user, programme: Programme) -> None:
    if not services.may_change(user, programme):
        raise PermissionDenied(f"Bạn không có quyền sửa văn bản phối hợp của {programme.unit.name}.")


@login_required
def programme_list(request):
    today = timezone.localdate()
    filters = ProgrammeFilter(request.GET or None)
    rows = Programme.objects.restrict(request.user).with_state(today)
    rows = filters.apply(rows, today).select_related("unit").annotate(evaluated=Count("evaluations", distinct=True))
    listing = Listing(request, rows, noun="văn bản", columns=COLUMNS, sorts=SORTS, default=("-signed_on", "-id"))
    for programme in listing.page:
        programme.state_label, programme.badge = State(programme.state).label, STATE_BADGES[programme.state]
    context = {
        "listing": listing,
        "page": listing.page,
        "filter_form": filters,
        "can_create": may_record(request.user),
        "report_form": ReportForm(),
        "export_url": f"{reverse('cooperation:export')}?{request.GET.urlencode()}",
    }
    return render(request, "cooperation/programme_list.html", context)


def _form(request, form, programme=None, replacing=None):
    if replacing:
        title = f"Văn bản thay thế {replacing}"
    else:
        title = f"Sửa {programme}" if programme else "Thêm chương trình, quy chế phối hợp"
    context = {"form": form, "programme": programme, "replacing": replacing, "title": title}
    return render(request, "cooperation/programme_form.html", context)


@login_required
def programme_create(request):
    if not may_record(request.user):
        raise PermissionDenied("Bạn chưa được phân quyền cập nhật hồ sơ của đơn vị nào.")
    form = ProgrammeForm(request.POST or None, user=request.user)

    def save(f):
        return services.save_programme(request.user, f.instance, list(f.cleaned_data["parties"]), f.other_names())

    if done := saved_by_service(
        request, form, save, "Đã thêm văn bản phối hợp; các mốc sơ kết, tổng kết đã được tính."
    ):
        return done
    return _form(request, form)


@login_required
def programme_edit(request, pk: int):
    programme = get_programme(request, pk)
    require_change(request.user, programme)
    form = ProgrammeForm(request.POST or None, instance=programme, user=request.user)

    def save(f):
        parties = list(f.cleaned_data["parties"])
        return services.save_programme(
            request.user, f.instance, parties, f.other_names(), f.cleaned_data.get("version")
        )

    if done := saved_by_service(request, form, save, "Đã lưu văn bản phối hợp.", to=programme):
        return done
    return _form(request, form, programme)


@login_required
def programme_replace(request, pk: int):
    """Sign the agreement that replaces this one: a new programme, pre-filled, and this one ended."""
    old = get_programme(request, pk)
    require_change(request.user, old)
    if old.replaced_by_id:
        raise PermissionDenied(f"{old} đã được thay thế bởi {old.replaced_by}.")
    initial = {
        "kind": old.kind,
        "title": old.title,
        "interim_years": old.interim_years,
        "final_years": old.final_years,
        "other_parties": old.other_parties,
    }
    form = ProgrammeForm(request.POST or None, user=request.user, initial=initial)
    if request.method != "POST":
        today = timezone.localdate()
        form.fields["parties"].initial = [p.pk for p in old.parties.all() if p.is_valid_on(today)]

    def save(f):
        return services.replace(request.user, old, f.instance, list(f.cleaned_data["parties"]), f.other_names())

    if done := saved_by_service(
        request, form, save, f"Đã ghi văn bản thay thế; {old} hết hiệu lực từ ngày văn bản mới có hiệu lực."
    ):
        return done
    return _form(request, form, replacing=old)


def _chain(programme: Programme, user) -> list[Programme]:
    """The programmes this one replaced, oldest first, then itself and those that replaced it."""
    visible = Programme.objects.restrict(user)
    before, current = [], programme
    while (older := visible.filter(replaced_by=current).first()) is not None and len(before) < 20:
        before.insert(0, older)
        current = older
    after, current = [], programme
    while current.replaced_by_id and len(after) < 20:
        current = visible.filter(pk=current.replaced_by_id).first()
        if current is None:
            break
        after.append(current)
    return [*before, programme, *after]


def milestone_rows(programme: Programme, today):
    if not programme.directive_id:
        return []
    milestones = Milestone.objects.filter(directive_id=programme.directive_id).order_by("due_date", "id")
    return [
        {
            "m": m,
            "state": (state := m.state_on(today)),
            "label": ReviewState(state).label,
            "days": (m.due_date - today).days,
        }
        for m in milestones
    ]


def year_rows(programme: Programme, plans: list[YearPlan], evaluations: list[Evaluation], today):
    """Each year in force: its joint plan and evaluation; a year without an evaluation past its end is late."""
    plans_by_year = {p.year: p for p in plans}
    evaluations_by_year = {e.year: e for e in evaluations}
    rows = []
    for year in reversed(programme.years_in_force(today.year)):
        evaluation = evaluations_by_year.get(year)
        rows.append(
            {
                "year": year,
                "plan": plans_by_year.get(year),
                "evaluation": evaluation,
                "late": evaluation is None and today.year > year and programme.to_evaluate_in(year),
                "due": programme.to_evaluate_in(year),
            }
        )
    return rows


def render_detail(request, programme: Programme, item_form=None, plan_form=None, evaluation_form=None):
    user = request.user
    today = timezone.localdate()
    can_change = services.may_change(user, programme)
    names = services.names_of(programme)
    items = list(ProgrammeItem.objects.filter(programme=programme).order_by("order", "id"))
    plans = list(YearPlan.objects.filter(programme=programme).order_by("-year"))
    evaluations = list(Evaluation.objects.filter(programme=programme).order_by("-year"))
    state = programme.state_on(today)
    context = {
        "programme": programme,
        "state": state,
        "state_label": State(state).label,
        "badge": STATE_BADGES[state],
        "names": names,
        "parties": list(programme.parties.order_by("order", "name")),
        "items": items,
        "years": year_rows(programme, plans, evaluations, today),
        "milestones": milestone_rows(programme, today),
        "chain": _chain(programme, user),
        "can_change": can_change,
        "item_form": item_form or (ItemForm(names=names) if can_change else None),
        "plan_form": plan_form or (YearPlanForm(programme=programme) if can_change else None),
        "evaluation_form": evaluation_form or (EvaluationForm(programme=programme) if can_change else None),
        "evaluation_deadline": rules.evaluation_deadline,
        "history": changelog.record_history(request, programme),
        "today": today,
    }
    return render(request, "cooperation/programme_detail.html", context)


@login_required
def programme_detail(request, pk: int):
    return render_detail(request, get_programme(request, pk))
