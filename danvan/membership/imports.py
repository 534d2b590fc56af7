"""The Excel kinds of membership figures, checked by the same rules as the entry page (rules.py), units found
by the shared resolver (org.resolver), written in bulk with the change log; each export writes its import's
columns, so a file exported imports back unchanged.

`membership_reports`: one row per unit × organization × period. `membership_population`: one row per unit ×
period (population and people in at least one organization) — a separate kind since its rows are not per
organization and a clerk fills it from the population statistics, not from the organizations' reports."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

from django.db.models import QuerySet
from django.utils import timezone

from danvan.core import bulk, changelog, scoping
from danvan.core.vn import format_number
from danvan.core.xlsx import Action, Column, Context, ImportKind, Integer, Row, Text, register
from danvan.core.xlsx.modelkind import KEY_CHUNK, changes, unit_path
from danvan.core.xlsx.parsers import Choice
from danvan.membership import rules
from danvan.membership.choices import Period
from danvan.membership.models import MembershipReport, Organization, PopulationFigure, period_label
from danvan.membership.services import FIGURES
from danvan.org.resolver import UnitResolver

MSG_SAME_REPORT = "Trùng với dòng {} (cùng đơn vị, tổ chức, năm và kỳ báo cáo)."
MSG_MORE_THAN_ORGANIZED = (
    "Số hội viên ({}) nhiều hơn số người tham gia ít nhất một tổ chức đã báo cáo cho {} ({}); "
    "hãy sửa số người được tập hợp trên trang nhập số liệu trước."
)
PERIOD_ALIASES = {Period.YEAR: ("Năm", "12 tháng", "12"), Period.HALF: ("6 tháng", "6 tháng đầu", "Sáu tháng", "6")}


def _periods() -> Iterable[tuple[int, list[str]]]:
    return ((value, [label, *PERIOD_ALIASES[value]]) for value, label in Period.choices)


# Short names units write for the seeded organizations (an added one is matched by its code or name).
ORGANIZATION_ALIASES = {
    "mat-tran": ("Mặt trận", "MTTQ", "Ủy ban Mặt trận Tổ quốc"),
    "cong-doan": ("Công đoàn cơ sở", "Liên đoàn Lao động"),
    "nong-dan": ("Nông dân", "HND", "Hội ND"),
    "phu-nu": ("Phụ nữ", "Hội Phụ nữ", "Hội LHPN", "LHPN"),
    "doan-thanh-nien": ("Đoàn Thanh niên", "Đoàn TN", "Đoàn TNCS Hồ Chí Minh", "Thanh niên"),
    "cuu-chien-binh": ("Cựu chiến binh", "CCB", "Hội CCB"),
    "nguoi-cao-tuoi": ("Người cao tuổi", "NCT", "Hội NCT"),
    "chu-thap-do": ("Chữ thập đỏ", "CTĐ", "Hội CTĐ"),
}


def _organization_options() -> Iterable[tuple[Organization, list[str]]]:
    for organization in Organization.objects.order_by("order", "name"):
        yield organization, [organization.code, organization.name, *ORGANIZATION_ALIASES.get(organization.code, ())]


def _existing(model, unit_ids: Sequence[int], years: Sequence[int], key: tuple[str, ...]) -> dict:
    """The stored rows of these units and years by `key`, in chunks of units (bounded queries)."""
    found: dict[tuple, Any] = {}
    for start in range(0, len(unit_ids), KEY_CHUNK):
        chunk = unit_ids[start : start + KEY_CHUNK]
        for obj in model.objects.filter(unit_id__in=chunk, year__in=years):
            found[tuple(getattr(obj, name) for name in key)] = obj
    return found


@register
class ReportsKind(ImportKind):
    name = "membership_reports"
    label = "dòng số liệu"
    sheet_title = "Đoàn viên, hội viên"
    columns = (
        Column("Đơn vị", "unit", Text(300), required=True, aliases=("Mã đơn vị",), width=16,
               export_value=lambda r: r.unit.code),
        Column("Năm", "year", Integer(min_value=1900), required=True, width=8),
        Column("Kỳ báo cáo", "months", Choice(_periods, "kỳ báo cáo", display=lambda v: Period(v).label),
               aliases=("Kỳ",), width=18),
        Column("Tổ chức", "organization", Choice(_organization_options, "tổ chức", display=lambda o: o.name),
               required=True, width=30),
        Column("Tổng số", "members", Integer(), required=True, aliases=("Số đoàn viên, hội viên", "Số lượng"),
               width=12),
        Column("Nữ", "women", Integer(), aliases=("Trong đó nữ",), width=10),
        Column("Dân tộc thiểu số", "ethnic_minority", Integer(), aliases=("DTTS",), width=12),
        Column("Có đạo", "religious", Integer(), aliases=("Tôn giáo", "Tín đồ tôn giáo"), width=10),
        Column("Nông dân", "farmers", Integer(), aliases=("TP nông dân",), width=10),
        Column("Công nhân, lao động", "workers", Integer(), aliases=("Công nhân", "Công nhân - lao động"), width=12),
        Column("Cán bộ, công chức, viên chức", "officials", Integer(), aliases=("CBCCVC", "Cán bộ, công chức"),
               width=14),
        Column("Học sinh, sinh viên", "students", Integer(), aliases=("HSSV", "Học sinh - sinh viên"), width=12),
        Column("Lực lượng vũ trang", "armed_forces", Integer(), aliases=("LLVT",), width=12),
        Column("Thành phần khác", "other_sector", Integer(), aliases=("Khác",), width=12),
    )  # fmt: skip

    def plan(self, rows: list[Row], ctx: Context) -> None:
        units = UnitResolver(ctx.user)
        units.load(row.values.get("unit") for row in rows)
        today = timezone.localdate()
        for row in rows:
            year = row.values.get("year")
            row.values["months"] = row.values.get("months") or Period.YEAR
            unit = units.find(row, "unit", year=year)
            if unit is not None:
                units.check_scope(row, "unit", unit)
                if isinstance(year, int):
                    for field, message in rules.period_errors(unit, year, row.values["months"], today):
                        row.error(field, message)
            row.extra["unit"] = unit
        keys = [row for row in rows if row.extra["unit"] is not None and isinstance(row.values.get("year"), int)]
        unit_ids = sorted({row.extra["unit"].pk for row in keys})
        years = sorted({row.values["year"] for row in keys})
        existing = _existing(MembershipReport, unit_ids, years, ("unit_id", "organization_id", "year", "months"))
        organized = _existing(PopulationFigure, unit_ids, years, ("unit_id", "year", "months"))
        first_row: dict[tuple, int] = {}
        for row in rows:
            values, unit, organization = row.values, row.extra["unit"], row.values.get("organization")
            if not row.ok or unit is None or organization is None:
                continue
            key = (unit.pk, organization.pk, values["year"], values["months"])
            if key in first_row:
                row.error("organization", MSG_SAME_REPORT.format(first_row[key]))
                continue
            first_row[key] = row.number
            report = existing.get(key) or MembershipReport(
                unit=unit, organization=organization, year=values["year"], months=values["months"]
            )
            for name in FIGURES:
                value = values.get(name)
                setattr(report, name, 0 if value is None and name != "members" else value)
            found = rules.report_errors(report)
            if report._state.adding:
                found += rules.organization_errors(organization, values["year"], values["months"])
            for field, message in found:
                row.error(field, message)
            figure = organized.get((unit.pk, values["year"], values["months"]))
            if row.ok and figure is not None and report.members > figure.organized:
                period = period_label(values["year"], values["months"]).lower()
                message = MSG_MORE_THAN_ORGANIZED.format(
                    format_number(report.members), period, format_number(figure.organized)
                )
                row.error("members", message)
            if not row.ok:
                continue
            row.target = report
            if report._state.adding:
                row.action = Action.CREATE
                continue
            before, after = changes(report)
            row.extra["changes"] = (before, after)
            row.action = Action.UPDATE if after else Action.UNCHANGED

    def touched(self, row: Row, ctx: Context) -> Iterable[tuple[str | None, str, str | None]]:
        unit = row.extra["unit"]
        yield "unit", unit.code, unit.path

    def write(self, rows: list[Row], ctx: Context) -> None:
        created = [row.target for row in rows if row.action is Action.CREATE]
        updated = [row for row in rows if row.action is Action.UPDATE]
        bulk.insert(created)
        for row in updated:
            row.target.version += 1  # a page opened before the import is now stale
        if updated:
            MembershipReport.objects.bulk_update(
                [row.target for row in updated], [*FIGURES, "version"], batch_size=1000
            )
        changelog.bulk_log(
            [(r, "create", None, changelog.snapshot(r)) for r in created]
            + [(row.target, "update", *row.extra["changes"]) for row in updated]
        )

    # --- export ----------------------------------------------------------------------------------

    def export_queryset(self, user: Any, filters: dict[str, Any]) -> QuerySet:
        """The reports the user may see; `params` the list page's filters (its query string), `year` a year,
        `unit` a unit's code (its subtree); `empty` none (the import template)."""
        queryset = MembershipReport.objects.all() if user is None else MembershipReport.objects.restrict(user)
        if filters.get("empty"):
            return queryset.none()
        if "params" in filters:
            from danvan.membership.forms import ReportFilter

            queryset = ReportFilter(filters["params"] or None, user=user).apply(queryset)
        if filters.get("year"):
            queryset = queryset.filter(year=int(filters["year"]))
        if filters.get("unit"):
            queryset = queryset.filter(scoping.subtree_q("unit__path", unit_path(filters["unit"])))
        return queryset.select_related("unit", "organization").order_by(
            "year", "months", "unit__path", "organization__order", "id"
        )


MSG_SAME_FIGURE = "Trùng với dòng {} (cùng đơn vị, năm và kỳ báo cáo)."
POPULATION_FIELDS = ("population", "organized")


@register
class PopulationKind(ImportKind):
    name = "membership_population"
    label = "dòng dân số"
    sheet_title = "Dân số, người được tập hợp"
    columns = (
        Column("Đơn vị", "unit", Text(300), required=True, aliases=("Mã đơn vị",), width=16,
               export_value=lambda f: f.unit.code),
        Column("Năm", "year", Integer(min_value=1900), required=True, width=8),
        Column("Kỳ báo cáo", "months", Choice(_periods, "kỳ báo cáo", display=lambda v: Period(v).label),
               aliases=("Kỳ",), width=18),
        Column("Dân số", "population", Integer(), required=True, width=12),
        Column("Số người tham gia ít nhất một tổ chức", "organized", Integer(), required=True,
               aliases=("Số người được tập hợp",), width=18),
    )  # fmt: skip

    def plan(self, rows: list[Row], ctx: Context) -> None:
        units = UnitResolver(ctx.user)
        units.load(row.values.get("unit") for row in rows)
        today = timezone.localdate()
        for row in rows:
            year = row.values.get("year")
            row.values["months"] = row.values.get("months") or Period.YEAR
            unit = units.find(row, "unit", year=year)
            if unit is not None and units.check_scope(row, "unit", unit) and isinstance(year, int):
                for field, message in rules.period_errors(unit, year, row.values["months"], today):
                    row.error(field, message)
            row.extra["unit"] = unit
        keys = [row for row in rows if row.extra["unit"] is not None and isinstance(row.values.get("year"), int)]
        unit_ids = sorted({row.extra["unit"].pk for row in keys})
        years = sorted({row.values["year"] for row in keys})
        existing = _existing(PopulationFigure, unit_ids, years, ("unit_id", "year", "months"))
        largest = self._largest(unit_ids, years)
        first_row: dict[tuple, int] = {}
        for row in rows:
            values, unit = row.values, row.extra["unit"]
            if not row.ok or unit is None:
                continue
            key = (unit.pk, values["year"], values["months"])
            if key in first_row:
                row.error("unit", MSG_SAME_FIGURE.format(first_row[key]))
                continue
            first_row[key] = row.number
            figure = existing.get(key) or PopulationFigure(unit=unit, year=values["year"], months=values["months"])
            figure.population, figure.organized = values.get("population"), values.get("organized")
            for field, message in rules.population_errors(figure, largest.get(key)):
                row.error(field, message)
            if not row.ok:
                continue
            row.target = figure
            if figure._state.adding:
                row.action = Action.CREATE
                continue
            before, after = changes(figure)
            row.extra["changes"] = (before, after)
            row.action = Action.UPDATE if after else Action.UNCHANGED

    def _largest(self, unit_ids: Sequence[int], years: Sequence[int]) -> dict[tuple, tuple[str, int]]:
        """The organization with the most members per unit and period: the people organized are no fewer."""
        reports = _existing(MembershipReport, unit_ids, years, ("unit_id", "organization_id", "year", "months"))
        names = dict(Organization.objects.values_list("pk", "name"))
        found: dict[tuple, tuple[str, int]] = {}
        for report in reports.values():
            key = (report.unit_id, report.year, report.months)
            if report.members is not None and report.members > found.get(key, ("", -1))[1]:
                found[key] = (names[report.organization_id], report.members)
        return found

    def touched(self, row: Row, ctx: Context) -> Iterable[tuple[str | None, str, str | None]]:
        unit = row.extra["unit"]
        yield "unit", unit.code, unit.path

    def write(self, rows: list[Row], ctx: Context) -> None:
        created = [row.target for row in rows if row.action is Action.CREATE]
        updated = [row for row in rows if row.action is Action.UPDATE]
        bulk.insert(created)
        for row in updated:
            row.target.version += 1  # an entry page opened before the import is now stale
        if updated:
            PopulationFigure.objects.bulk_update(
                [row.target for row in updated], [*POPULATION_FIELDS, "version"], batch_size=1000
            )
        changelog.bulk_log(
            [(f, "create", None, changelog.snapshot(f)) for f in created]
            + [(row.target, "update", *row.extra["changes"]) for row in updated]
        )

    def export_queryset(self, user: Any, filters: dict[str, Any]) -> QuerySet:
        """The figures the user may see; `year` a year, `unit` a unit's code (its subtree); `empty` none."""
        queryset = PopulationFigure.objects.all() if user is None else PopulationFigure.objects.restrict(user)
        if filters.get("empty"):
            return queryset.none()
        if filters.get("year"):
            queryset = queryset.filter(year=int(filters["year"]))
        if filters.get("unit"):
            queryset = queryset.filter(scoping.subtree_q("unit__path", unit_path(filters["unit"])))
        return queryset.select_related("unit").order_by("year", "months", "unit__path", "id")
