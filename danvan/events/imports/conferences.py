"""`conferences`: one row per conference or seminar, the units attending in one cell.

A conference is the organizing unit's on that day with that title (diacritics and case aside): a row naming
a recorded one updates it (a filled cell changes the field, the units attending are replaced when the cell
is filled), so an exported file imported again changes nothing. The award decisions presented are linked on
the conference's page (they are records of the awards module, chosen from a list).
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from django.db.models import Q
from django.utils import timezone

from danvan.core import changelog
from danvan.core.vn import fold
from danvan.core.xlsx import Action, Column, Context, Date, ImportKind, Integer, Row, Text, model_choices, register
from danvan.core.xlsx.modelkind import changes
from danvan.core.xlsx.writer import build_workbook
from danvan.events import rules
from danvan.events.models import Attendance, Conference, ConferenceKind
from danvan.org.resolver import UnitResolver
from danvan.org.services import default_unit

MSG_SAME_CONFERENCE = "Trùng với dòng {} (cùng đơn vị tổ chức, ngày và tên hội nghị)."
SEPARATOR = re.compile(r"\s*[;\n]\s*")
FIELDS = ("kind", "title", "date", "place", "chairs", "attendees", "documents", "conclusions")


def _kinds():
    return ConferenceKind.objects.order_by("order", "name")


def _units_cell(conference: Conference) -> str:
    return "; ".join(a.unit.code for a in conference.attendance.all())


@register
class ConferencesKind(ImportKind):
    name = "conferences"
    label = "hội nghị"
    sheet_title = "Hội nghị, tọa đàm"
    columns = (
        Column("Đơn vị tổ chức", "unit", Text(300), required=True, aliases=("Đơn vị", "Mã đơn vị"), width=16,
               export_value=lambda c: c.unit.code),
        Column("Loại hội nghị", "kind", model_choices(_kinds, "loại hội nghị"), required=True, aliases=("Loại",),
               width=22),
        Column("Tên hội nghị", "title", Text(400), required=True, aliases=("Hội nghị", "Tên"), width=50),
        Column("Ngày tổ chức", "date", Date(), required=True, aliases=("Ngày",), width=14),
        Column("Địa điểm", "place", Text(300), width=24),
        Column("Chủ trì", "chairs", Text(500), aliases=("Người chủ trì",), width=36),
        Column("Số đại biểu", "attendees", Integer(), aliases=("Đại biểu", "Số đại biểu dự"), width=12),
        Column("Đơn vị dự", "attending", Text(), aliases=("Các đơn vị dự",), width=30, export_value=_units_cell),
        Column("Văn bản thông qua", "documents", Text(multiline=True), width=40),
        Column("Kết luận", "conclusions", Text(multiline=True), width=60),
    )  # fmt: skip

    def plan(self, rows: list[Row], ctx: Context) -> None:
        units = UnitResolver(ctx.user, related=("kind", "parent"))
        units.load(row.values.get("unit") for row in rows)
        units.load(text for row in rows for text in SEPARATOR.split(row.values.get("attending") or ""))
        found: dict[int, Any] = {}
        for row in rows:
            day = row.values.get("date")
            unit = units.find(row, "unit", day=day if isinstance(day, dt.date) else None)
            if unit is not None:
                units.check_scope(row, "unit", unit)
            attending = []
            for text in SEPARATOR.split(row.values.get("attending") or ""):
                if text:
                    member = units.find(row, "attending", text, day=day if isinstance(day, dt.date) else None)
                    if member is not None:
                        attending.append(member)
            found[row.number] = (unit, attending)
        recorded = self._recorded(rows, found)
        firsts: dict[tuple, int] = {}
        for row in rows:
            unit, attending = found[row.number]
            if unit is None or not row.ok:
                continue
            key = (unit.pk, row.values["date"], fold(row.values["title"]))
            if key in firsts:
                row.error("title", MSG_SAME_CONFERENCE.format(firsts[key]))
                continue
            firsts[key] = row.number
            conference = recorded.get(key) or Conference(unit=unit)
            for name in FIELDS:
                if name in row.values and (row.values[name] not in ("", None) or conference._state.adding):
                    setattr(conference, name, row.values[name])
            given = "attending" in row.values and bool(row.values["attending"])
            members = attending if given else list(conference.attending.all()) if conference.pk else []
            for field, message in rules.conference_errors(conference, members, ()):
                row.error(field if field in row.headers else None, message)
            if not row.ok:
                continue
            row.target = conference
            row.extra["attending"] = {u.pk: u for u in attending} if given else None
            if conference._state.adding:
                row.action = Action.CREATE
                continue
            before, after = changes(conference)
            row.extra["changes"] = (before, after)
            current = {a.unit_id for a in conference.attendance.all()}
            units_changed = given and row.extra["attending"].keys() != current
            row.action = Action.UPDATE if after or units_changed else Action.UNCHANGED

    def _recorded(self, rows: list[Row], found: dict) -> dict[tuple, Conference]:
        """Recorded conferences the rows may name: those of their units on their days (one query)."""
        q = Q(pk__in=[])
        for row in rows:
            unit = found[row.number][0]
            if unit is not None and isinstance(row.values.get("date"), dt.date):
                q |= Q(unit=unit, date=row.values["date"])
        conferences = Conference.objects.filter(q).prefetch_related("attendance__unit", "attending")
        return {(c.unit_id, c.date, fold(c.title)): c for c in conferences}

    def touched(self, row: Row, ctx: Context):
        yield "unit", row.target.unit.code, row.target.unit.path

    def write(self, rows: list[Row], ctx: Context) -> None:
        created = [row.target for row in rows if row.action is Action.CREATE]
        for conference in created:
            conference.search_text = conference.compute_search_text()
        Conference.objects.bulk_create(created)
        changelog.bulk_log((c, "create", None, changelog.snapshot(c)) for c in created)
        updated = [row for row in rows if row.action is Action.UPDATE and row.extra["changes"][1]]
        for row in updated:
            row.target.save()  # few rows: the model's save keeps the search text; logged by the signal
        added, removed = [], []
        for row in rows:
            wanted = row.extra.get("attending")
            if row.action not in (Action.CREATE, Action.UPDATE) or wanted is None:
                continue
            conference = row.target
            current = {} if row.action is Action.CREATE else {a.unit_id: a for a in conference.attendance.all()}
            removed += [a for pk, a in current.items() if pk not in wanted]
            added += [
                Attendance(conference=conference, unit=wanted[pk]) for pk in sorted(wanted.keys() - current.keys())
            ]
        for attendance in removed:
            attendance.delete()
        Attendance.objects.bulk_create(added)
        changelog.bulk_log((a, "create", None, changelog.snapshot(a)) for a in added)

    def export_queryset(self, user: Any, filters: dict[str, Any]):
        rows = Conference.objects.restrict(user) if user is not None else Conference.objects.all()
        if form := filters.get("form"):
            rows = form.apply(rows)
        return rows.select_related("unit", "kind").prefetch_related("attendance__unit").order_by("date", "id")


def conference_template(user):
    """The columns with one example row for the user's unit."""
    unit = default_unit(user)
    day = timezone.localdate()
    example = [
        unit.code if unit else "", "Hội nghị tổng kết", f"Hội nghị tổng kết công tác dân vận năm {day.year}",
        dt.date(day.year, 12, 28), "Hội trường Tỉnh ủy", "Đồng chí Nguyễn Văn A, Phó Bí thư Thường trực Tỉnh ủy",
        150, "", "Báo cáo tổng kết công tác dân vận năm", "Hội nghị thống nhất phương hướng, nhiệm vụ năm tới.",
    ]  # fmt: skip
    return build_workbook(ConferencesKind.columns, [example], ConferencesKind.sheet_title)
