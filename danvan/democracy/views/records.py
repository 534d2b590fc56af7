"""The units' years: the list, a year's page with its tabs (checklist, matters, boards, charters, dialogues,
review), the forms of each part and the review's file."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Prefetch
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.views.decorators.http import require_POST

from danvan.core import changelog, scoping, uploads
from danvan.core.forms import add_errors
from danvan.core.lists import Column, Listing
from danvan.core.views import saved_by_service
from danvan.democracy import figures, services
from danvan.democracy.choices import PlaceKind
from danvan.democracy.forms import (
    BoardForm,
    CharterForm,
    ChecklistForm,
    DialogueForm,
    MatterForm,
    RecordForm,
    YearFilter,
    may_record,
)
from danvan.democracy.models import (
    Board,
    Charter,
    DemocracyYear,
    Disclosure,
    DisclosureMethod,
    Matter,
    WorkplaceDialogue,
)

COLUMNS = (
    Column("Năm", "nam", "text-nowrap"),
    Column("Đơn vị", "don_vi"),
    Column("Loại hình"),
    Column("Công khai", "cong_khai", "text-end"),
    Column("Bàn và quyết định", css="text-end"),
    Column("Hương ước, quy ước", css="text-end"),
    Column("Đối thoại", css="text-end"),
    Column("Tổng kết", "tong_ket", "text-nowrap"),
)
SORTS = {
    "nam": ("year", "unit__path", "id"),
    "don_vi": ("unit__name_key", "year", "id"),
    "cong_khai": ("n_done", "id"),
    "tong_ket": ("review_on", "id"),
}


@login_required
def year_list(request):
    form = YearFilter(request.GET or None, user=request.user)
    rows = figures.with_counts(DemocracyYear.objects.restrict(request.user).select_related("unit"))
    listing = Listing(
        request, form.apply(rows), noun="hồ sơ", columns=COLUMNS, sorts=SORTS, default=("-year", "unit__path", "id")
    )
    context = {
        "listing": listing,
        "page": listing.page,
        "filter_form": form,
        "can_create": may_record(request.user),
        "query": request.GET.urlencode(),
    }
    return render(request, "democracy/year_list.html", context)


def get_record(request, pk: int) -> DemocracyYear:
    return get_object_or_404(DemocracyYear.objects.restrict(request.user).select_related("unit__kind"), pk=pk)


def require_change(user, record: DemocracyYear) -> None:
    if not scoping.covers(user, record.unit.path, scoping.CHANGE):
        raise PermissionDenied(f"Bạn không có quyền cập nhật hồ sơ của {record.unit.name}.")


def _record_form(request, form, record=None):
    title = f"Sửa hồ sơ {record}" if record else "Thêm hồ sơ dân chủ ở cơ sở"
    return render(request, "democracy/year_form.html", {"form": form, "record": record, "title": title})


def _save_record(request, form):
    upload = form.cleaned_data.get("review_file")
    return services.save_record(request.user, form.instance, form.cleaned_data.get("version"), upload)


@login_required
def year_create(request):
    if not may_record(request.user):
        raise PermissionDenied("Bạn chưa được phân quyền cập nhật hồ sơ của đơn vị nào.")
    form = RecordForm(request.POST or None, request.FILES or None, user=request.user)
    if done := saved_by_service(request, form, lambda f: _save_record(request, f), "Đã thêm hồ sơ năm."):
        return done
    return _record_form(request, form)


@login_required
def year_edit(request, pk: int):
    record = get_record(request, pk)
    require_change(request.user, record)
    form = RecordForm(request.POST or None, request.FILES or None, instance=record, user=request.user)
    target = reverse("democracy:year-tab", args=[record.pk, "tong-ket"])
    if done := saved_by_service(request, form, lambda f: _save_record(request, f), "Đã lưu hồ sơ.", to=target):
        return done
    return _record_form(request, form, record)


# --- The year's page and its tabs ------------------------------------------------------------------

# slug -> (label, the place kinds it is for)
TABS = {
    "cong-khai": ("Công khai", None),
    "ban-va-quyet-dinh": ("Nhân dân bàn và quyết định", (PlaceKind.COMMUNE,)),
    "ban-thanh-tra-giam-sat": ("Ban TTND, Ban GSĐTCĐ", None),
    "huong-uoc-quy-uoc": ("Hương ước, quy ước", (PlaceKind.COMMUNE,)),
    "doi-thoai": ("Đối thoại tại nơi làm việc", (PlaceKind.AGENCY, PlaceKind.ENTERPRISE)),
    "tong-ket": ("Tổng kết", None),
}
# slug of a part -> (model, form, the tab it is shown on, its noun)
PARTS = {
    "noi-dung": (Matter, MatterForm, "ban-va-quyet-dinh", "nội dung nhân dân bàn và quyết định"),
    "ban": (Board, BoardForm, "ban-thanh-tra-giam-sat", "ban"),
    "huong-uoc": (Charter, CharterForm, "huong-uoc-quy-uoc", "hương ước, quy ước"),
    "doi-thoai": (WorkplaceDialogue, DialogueForm, "doi-thoai", "cuộc đối thoại"),
}
TAB_PART = {tab: slug for slug, (_, _, tab, _) in PARTS.items()}


def tabs_for(record: DemocracyYear) -> list[tuple[str, str]]:
    return [(slug, label) for slug, (label, kinds) in TABS.items() if kinds is None or record.place_kind in kinds]


def record_history(request, record: DemocracyYear):
    """The record's change log with its parts' (added, changed, removed), scoped; paged."""
    return changelog.record_history(request, record, path=request.path)


def render_tab(request, record: DemocracyYear, tab: str, checklist=None, part_form=None, status: int = 200):
    if tab not in dict(tabs_for(record)):
        raise Http404("Trang không có cho loại hình này.")
    user = request.user
    can_change = scoping.covers(user, record.unit.path, scoping.CHANGE)
    context = {
        "record": record,
        "tab": tab,
        "tabs": tabs_for(record),
        "can_change": can_change,
        "history": record_history(request, record),
    }
    if tab == "cong-khai":
        lines = (
            Disclosure.objects.restrict(user)
            .filter(record=record)
            .select_related("item")
            .prefetch_related(Prefetch("methods", queryset=DisclosureMethod.objects.order_by("order", "name")))
        )
        context["lines"] = lines
        context["done"] = sum(1 for line in lines if line.done)
        context["total"] = len(lines)
        if can_change:
            context["checklist"] = checklist or ChecklistForm(lines=lines, record=record)
    elif tab in TAB_PART:
        slug = TAB_PART[tab]
        model, form_class, _, noun = PARTS[slug]
        context["parts"] = list(model.objects.restrict(user).filter(record=record))
        context["part"], context["noun"] = slug, noun
        if can_change:
            context["part_form"] = part_form or form_class(prefix="moi")
    return render(request, f"democracy/tab_{tab.replace('-', '_')}.html", context, status=status)


@login_required
def year_detail(request, pk: int):
    return render_tab(request, get_record(request, pk), "cong-khai")


@login_required
def year_tab(request, pk: int, tab: str):
    return render_tab(request, get_record(request, pk), tab)


@require_POST
@login_required
def checklist_save(request, pk: int):
    record = get_record(request, pk)
    require_change(request.user, record)
    lines = Disclosure.objects.filter(record=record).select_related("item").prefetch_related("methods")
    form = ChecklistForm(request.POST, lines=lines, record=record)
    if form.is_valid():
        try:
            changed = services.save_checklist(request.user, record, form.submitted(), form.cleaned_data.get("version"))
        except ValidationError as exc:
            add_errors(form, exc)
        else:
            messages.success(
                request, f"Đã lưu {changed} nội dung công khai." if changed else "Không có nội dung nào thay đổi."
            )
            return redirect(record)
    return render_tab(request, record, "cong-khai", checklist=form)


def _part_of(slug: str):
    if slug not in PARTS:
        raise Http404("Không có mục này.")
    return PARTS[slug]


@require_POST
@login_required
def part_add(request, pk: int, part: str):
    _, form_class, tab, noun = _part_of(part)
    record = get_record(request, pk)
    require_change(request.user, record)
    form = form_class(request.POST, prefix="moi")
    form.instance.record = record
    target = reverse("democracy:year-tab", args=[record.pk, tab])
    if done := saved_by_service(
        request, form, lambda f: services.save_part(request.user, f.instance), f"Đã thêm {noun}.", to=target
    ):
        return done
    return render_tab(request, record, tab, part_form=form)


def _get_part(request, part: str, pk: int):
    model, form_class, tab, noun = _part_of(part)
    obj = get_object_or_404(model.objects.restrict(request.user).select_related("record__unit__kind"), pk=pk)
    return obj, form_class, tab, noun


@login_required
def part_edit(request, part: str, pk: int):
    obj, form_class, tab, noun = _get_part(request, part, pk)
    record = obj.record
    require_change(request.user, record)
    form = form_class(request.POST or None, instance=obj)
    target = reverse("democracy:year-tab", args=[record.pk, tab])
    if done := saved_by_service(
        request,
        form,
        lambda f: services.save_part(request.user, f.instance, f.cleaned_data.get("version")),
        f"Đã lưu {noun}.",
        to=target,
    ):
        return done
    context = {"form": form, "record": record, "obj": obj, "noun": noun, "back": target, "part": part}
    return render(request, "democracy/part_form.html", context)


@require_POST
@login_required
def part_delete(request, part: str, pk: int):
    obj, _, tab, noun = _get_part(request, part, pk)
    record = obj.record
    require_change(request.user, record)
    services.delete_part(request.user, obj)
    messages.success(request, f"Đã xóa {noun}.")
    return redirect("democracy:year-tab", record.pk, tab)


@login_required
def review_file(request, pk: int):
    record = get_record(request, pk)
    if not record.review_file:
        raise Http404("Chưa có tệp báo cáo tổng kết.")
    return uploads.serve(record.review_file, record.review_file_name)
