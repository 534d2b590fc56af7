"""The statistics page: a year's grassroots democracy over an area, and each unit's year, counted in the database."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.shortcuts import render
from django.utils import timezone

from danvan.core.lists import Column, Listing
from danvan.core.replica import reads_replica
from danvan.democracy import figures
from danvan.democracy.forms import StatsFilter
from danvan.org.models import Unit
from danvan.org.services import default_unit

COLUMNS = (
    Column("Đơn vị", "don_vi"),
    Column("Loại hình"),
    Column("Công khai", "cong_khai", "text-end"),
    Column("Nội dung bàn và quyết định", css="text-end"),
    Column("Đã quyết định", css="text-end"),
    Column("Ban", css="text-end"),
    Column("Hương ước, quy ước được công nhận", css="text-end"),
    Column("Đối thoại", css="text-end"),
    Column("Tổng kết", css="text-nowrap"),
)
SORTS = {"don_vi": ("unit__name_key", "id"), "cong_khai": ("n_done", "id")}


def chosen(request) -> tuple[StatsFilter, int, Unit | None, str]:
    """The year, the area (the user's unit by default; '—' for everything they see) and the kind asked for."""
    default = default_unit(request.user)
    if default is not None and not Unit.objects.restrict(request.user).filter(pk=default.pk).exists():
        default = None
    data = request.GET.copy()
    if "don_vi" not in data and default is not None:
        data["don_vi"] = str(default.pk)
    data.setdefault("nam", str(timezone.localdate().year))
    form = StatsFilter(data, user=request.user, default_unit=default)
    values = form.values()
    return form, values.get("nam") or timezone.localdate().year, values.get("don_vi"), values.get("loai") or ""


@login_required
@reads_replica
def statistics(request):
    form, year, root, kind = chosen(request)
    totals = figures.totals(request.user, year, root, timezone.localdate())
    rows = figures.with_counts(figures.records(request.user, year, root, kind).select_related("unit"))
    listing = Listing(request, rows, noun="đơn vị", columns=COLUMNS, sorts=SORTS, default=("unit__path", "id"))
    context = {"filter_form": form, "totals": totals, "root": root, "year": year, "listing": listing,
               "page": listing.page}  # fmt: skip
    return render(request, "democracy/statistics.html", context)
