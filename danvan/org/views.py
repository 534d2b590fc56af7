import datetime as dt

from django.contrib.auth.decorators import login_required
from django.shortcuts import get_object_or_404, render
from django.utils import timezone

from danvan.core import changelog, scoping
from danvan.core.db import ViCollate
from danvan.core.lists import Column, Listing
from danvan.core.vn import fold, parse_date
from danvan.org import services
from danvan.org.models import Unit

SORTS = {
    "ma": ("code", "id"),
    "ten": (ViCollate("name"), "id"),
    "loai": ("kind__name", ViCollate("name"), "id"),
    "truc-thuoc": (ViCollate("parent__name"), ViCollate("name"), "id"),
    "hieu-luc": ("valid_from", ViCollate("name"), "id"),
}
COLUMNS = (
    Column("Mã", "ma"),
    Column("Tên đơn vị", "ten"),
    Column("Loại", "loai"),
    Column("Trực thuộc", "truc-thuoc"),
    Column("Hiệu lực", "hieu-luc"),
)


def _as_at(request) -> tuple[dt.date, str]:
    """The "as at" date from ?ngay= (ISO from the date picker, or dd/mm/yyyy); today when absent or bad."""
    raw = request.GET.get("ngay", "").strip()
    if raw:
        try:
            return dt.date.fromisoformat(raw), ""
        except ValueError:
            try:
                return parse_date(raw), ""
            except ValueError as exc:
                return timezone.localdate(), str(exc)
    return timezone.localdate(), ""


@login_required
def unit_list(request):
    day, date_error = _as_at(request)
    query = request.GET.get("q", "").strip()
    context = {"day": day, "date_error": date_error, "query": query}
    if query:
        matches = (
            services.visible_units(request.user, day)
            .filter(search_text__contains=fold(query))
            .select_related("kind", "parent")
        )
        listing = Listing(request, matches, noun="đơn vị", columns=COLUMNS, sorts=SORTS, default=SORTS["ten"])
        context |= {"listing": listing, "page": listing.page}
    else:
        context["roots"] = services.tree_roots(request.user, day)
    return render(request, "org/unit_list.html", context)


@login_required
def unit_children(request, pk: int):
    day, _ = _as_at(request)
    unit = get_object_or_404(Unit.objects.restrict(request.user), pk=pk)
    children = services.tree_children(request.user, unit, day)
    return render(request, "org/_unit_nodes.html", {"nodes": children, "day": day})


@login_required
def unit_detail(request, pk: int):
    day, date_error = _as_at(request)
    unit = get_object_or_404(Unit.objects.restrict(request.user).select_related("kind", "bloc", "parent"), pk=pk)
    ancestors = list(unit.ancestors())
    today = timezone.localdate()
    context = {
        "unit": unit,
        "day": day,
        "date_error": date_error,
        "ancestors": [(a, scoping.covers(request.user, a.path)) for a in ancestors],
        "children": services.tree_children(request.user, unit, day),
        "lineage": services.lineage_of(unit),
        "mapped_today": [] if unit.is_valid_on(today) else services.successors_on(unit, today),
        "history": changelog.history_page(request, unit),
    }
    return render(request, "org/unit_detail.html", context)
