"""The statistics report as data: `practice_report(user, filters) -> Report` (tables, sentences, chart).

Renderers (the page, the xlsx export, the Word/PDF yearly report) all start from this.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from django.utils import timezone

from danvan.core import scoping
from danvan.core.vn import text_date
from danvan.documents.issuers import scope_word
from danvan.documents.phrasing import (
    YearFigures,
    levels_sentence,
    reform_sentence,
    registration_sentence,
    scope_sentence,
    split_sentence,
)
from danvan.org import areas
from danvan.org.divisions import REFORM_DATE
from danvan.org.models import Unit
from danvan.org.services import default_unit, single_top_unit  # noqa: F401 (re-exported for older callers)
from danvan.practices.choices import Kind
from danvan.stats import cube

DIMENSION_ORDER = ["level", "field", "bloc", "kind", "subject"]
MSG_UNIT_OUT_OF_SCOPE = "Đơn vị đã chọn không có hoặc ngoài phạm vi của bạn."


@dataclass
class Filters:
    year: int
    unit: Unit | None = None  # None: the user's whole scope
    mode: str = areas.AS_AT
    kind: str = ""  # "", Kind.MODEL or Kind.EXEMPLAR

    @property
    def noun(self) -> str:
        return "điển hình" if self.kind == Kind.EXEMPLAR else "mô hình"


@dataclass
class Report:
    filters: Filters
    scope_label: str
    scope: areas.Area
    tables: dict[str, cube.Table]
    by_unit: cube.Table
    trend: cube.Table
    sentences: list[str] = field(default_factory=list)


def top_units(user) -> list[Unit]:
    """The units a report can be run for: the user's assigned units and the province/district units they see."""
    paths = scoping.scope_paths(user)
    qs = Unit.objects.restrict(user).filter(kind__tier__in=["province", "district"])
    if paths is not None:
        qs = Unit.objects.filter(pk__in=qs.values("pk")) | Unit.objects.filter(path__in=paths)
    return list(qs.select_related("kind").order_by("path")[:500])


def practice_report(user, filters: Filters) -> Report:
    """Every table of the year over one scope: the same units, the same definition of "last year"."""
    year = filters.year
    scope = areas.report_area(filters.unit, year, filters.mode)
    qs = cube.practices_for(user, kind=filters.kind or None, scope=scope)
    tables = {dim: cube.by_dimension(qs, year, dim) for dim in DIMENSION_ORDER}
    by_unit = cube.by_unit(qs, scope)
    trend = cube.by_year(qs, range(year - 4, year + 1))
    unit = filters.unit
    report = Report(filters, unit.name if unit else "Toàn quốc", scope, tables, by_unit, trend)
    report.sentences = sentences(report)
    return report


def sentences(report: Report) -> list[str]:
    """The report's prose: the year's total and its change (the headline), the levels when there
    are several, what the comparison covers when units changed, then the splits."""
    filters, noun, year = report.filters, report.filters.noun, report.filters.year
    scope = scope_word(filters.unit)
    levels = report.tables["level"]
    shown = [row for row in levels.rows if row.registered or row.previous_registered]
    total = levels.total
    figures = YearFigures(year, total.registered, total.recognized, total.previous_registered)
    if len(shown) == 1:
        result = [registration_sentence(scope, figures, shown[0].label.lower(), noun)]
    else:
        result = [registration_sentence(scope, figures, "", noun)]
        if len(shown) > 1:
            parts = [(row.label, row.registered, row.recognized, row.previous_registered) for row in shown]
            result.append(levels_sentence(parts, year, noun))
    carried = [f"{u.name} (đến {text_date(u.valid_until)})" for u in report.scope.absorbed() if u.valid_until]
    recent = [name for name, u in zip(carried, report.scope.absorbed(), strict=True) if u.valid_until.year >= year - 1]
    if dt.date(year - 1, 1, 1) < REFORM_DATE <= dt.date(year, 12, 31):
        result.append(reform_sentence(year, REFORM_DATE, recent, filters.mode == areas.TODAY))
    elif recent or (filters.mode == areas.TODAY and carried):
        result.append(scope_sentence(report.scope_label, carried))
    total = levels.total.registered
    for dim, lead in (("field", "Theo lĩnh vực"), ("bloc", "Theo khối")):
        parts = [(row.label, row.registered) for row in report.tables[dim].rows]
        if total:
            result.append(split_sentence(lead, parts, total, noun))
    return result


def current_year() -> int:
    return timezone.localdate().year


def parse_filters(user, params) -> tuple[Filters, list[str]]:
    """Filters from query parameters; bad values fall back to defaults with a Vietnamese note."""
    notes = []
    year = current_year()
    raw_year = params.get("nam", "")
    if raw_year:
        try:
            year = int(raw_year)
            if not 2000 <= year <= current_year() + 1:
                raise ValueError
        except ValueError:
            notes.append(f"Năm “{raw_year}” không hợp lệ; đang hiển thị năm {current_year()}.")
            year = current_year()
    unit = default_unit(user)
    raw_unit = params.get("don_vi", "")
    if raw_unit:
        chosen = (
            Unit.objects.restrict(user).filter(pk=raw_unit).select_related("kind").first()
            if raw_unit.isdigit()
            else None
        )
        if chosen is None:
            notes.append(MSG_UNIT_OUT_OF_SCOPE)
        else:
            unit = chosen
    mode = params.get("che_do", areas.AS_AT)
    if mode not in (areas.AS_AT, areas.TODAY):
        mode = areas.AS_AT
    kind = params.get("loai", "")
    if kind not in ("", Kind.MODEL, Kind.EXEMPLAR):
        kind = ""
    if unit is not None and unit.kind_id:
        unit = Unit.objects.select_related("kind").get(pk=unit.pk)
    return Filters(year=year, unit=unit, mode=mode, kind=kind), notes


def reform_year(year: int) -> bool:
    """Years before the July 2025 reform offer the "as at the time" / "today's units" choice."""
    return dt.date(year, 12, 31) < dt.date(2025, 7, 1) or year == 2025
