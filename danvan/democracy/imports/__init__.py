"""Excel kinds of grassroots democracy on the shared engine: `democracy_matters` (one row per matter the people
discussed and decided), `democracy_boards` (one row per board and year), `democracy_charters` (one row per
village's hương ước or quy ước) and `democracy_dialogues` (one row per workplace dialogue). One kind per sheet
a clerk keeps: the matters and dialogues are registers that grow through the year, the boards and charters
yearly tables.

Both begin with the unit (found by the one resolver, `org.resolver.UnitResolver`, narrowed by the row's year)
and the year; a unit without a record for that year gets one (its kind of place from its tier, its checklist
from the law valid that year), so a province's clerk can load every commune's register at once. Every row is
checked with the pages' rules (`rules.py`), every error reported at once with its row and column, nothing
written unless the whole file is right; a second import of the same file changes nothing. A matter is the
record's with the same content and date, a board the record's of the same kind, a charter the record's of the
same village and kind, a dialogue the record's of the same date: a filled cell updates it,
a blank one keeps it. Writes are in bulk with the change log; the queries do not grow with the rows.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any, ClassVar

from django.db.models import QuerySet
from django.utils import timezone

from danvan.core import bulk, changelog, scoping
from danvan.core.vn import fold
from danvan.core.xlsx import Action, Column, Context, Date, ImportKind, Integer, Row, Text, enum_choices, register
from danvan.core.xlsx.modelkind import KEY_CHUNK, changes, unit_path
from danvan.democracy import rules, services
from danvan.democracy.choices import BoardKind, CharterKind, CharterState, DialogueKind, MatterMethod
from danvan.democracy.models import Board, Charter, DemocracyYear, Matter, WorkplaceDialogue
from danvan.org.resolver import UnitResolver

MSG_SAME_MATTER = "Trùng với dòng {} (cùng đơn vị, năm, nội dung và ngày lấy ý kiến)."
MSG_SAME_BOARD = "Trùng với dòng {} (cùng đơn vị, năm và ban)."
MSG_SAME_CHARTER = "Trùng với dòng {} (cùng đơn vị, năm, thôn, ấp, khu phố và loại)."
MSG_SAME_DIALOGUE = "Trùng với dòng {} (cùng đơn vị, năm và ngày đối thoại)."
MSG_NOT_THAT_YEAR = "Ngày {} không thuộc năm {} ghi ở cột Năm."

METHOD_ALIASES = {
    MatterMethod.MEETING: ("Hội nghị", "Họp dân", "Họp cử tri", "Hội nghị cử tri"),
    MatterMethod.BALLOT: ("Phát phiếu", "Phiếu lấy ý kiến", "Lấy phiếu"),
    MatterMethod.ONLINE: ("Trực tuyến", "Biểu quyết qua mạng", "Online"),
}
CHARTER_KIND_ALIASES = {CharterKind.CUSTOM: ("HU",), CharterKind.COVENANT: ("QU",)}
CHARTER_STATE_ALIASES = {
    CharterState.DRAFTED: ("Đang xây dựng", "Dự thảo", "Chưa công nhận"),
    CharterState.APPROVED: ("Đã được công nhận", "Đã công nhận", "Công nhận"),
    CharterState.REVISED: ("Đã sửa đổi, bổ sung", "Sửa đổi, bổ sung", "Sửa đổi"),
}
DIALOGUE_ALIASES = {
    DialogueKind.PERIODIC: ("Định kỳ", "Thường kỳ"),
    DialogueKind.AD_HOC: ("Đột xuất, theo yêu cầu", "Đột xuất", "Theo yêu cầu"),
}
BOARD_ALIASES = {
    BoardKind.INSPECTION: ("Thanh tra nhân dân", "Ban TTND", "TTND"),
    BoardKind.INVESTMENT: ("Giám sát đầu tư của cộng đồng", "Ban GSĐTCĐ", "GSĐTCĐ", "Giám sát đầu tư"),
}


def _max(model, name: str) -> int:
    return model._meta.get_field(name).max_length


def _filled(value: Any) -> bool:
    return value is not None and value != ""


class YearPartKind(ImportKind):
    """Rows of a record's part: the unit and year find (or make) the record, the rest fill the part."""

    model: ClassVar[type]
    fields: ClassVar[tuple[str, ...]]  # the part's columns (the unit and year aside)
    msg_same: ClassVar[str]
    key_field: ClassVar[str]  # the column a repeat is reported on

    def part_key(self, values: dict) -> tuple:
        raise NotImplementedError

    def part_errors(self, part, record, today) -> list[tuple[str | None, str]]:
        raise NotImplementedError

    def plan(self, rows: list[Row], ctx: Context) -> None:
        today = timezone.localdate()
        units = UnitResolver(ctx.user, related=("kind",))
        units.load(row.values.get("unit") for row in rows)
        for row in rows:
            year = row.values.get("year")
            unit = units.find(row, "unit", year=year) if isinstance(year, int) else None
            if unit is not None and not units.check_scope(row, "unit", unit):
                unit = None
            row.extra["unit"] = unit
        wanted = [row for row in rows if row.extra["unit"] is not None]
        records = self._records({(row.extra["unit"].pk, row.values["year"]) for row in wanted})
        parts = self._parts([r for r in records.values() if r.pk])
        first: dict[tuple, int] = {}
        for row in wanted:
            unit, year = row.extra["unit"], row.values["year"]
            record = records.get((unit.pk, year))
            if record is None:  # a new record for the unit's year, checked as the page would
                record = DemocracyYear(unit=unit, year=year, place_kind=rules.place_kind_for(unit))
                records[(unit.pk, year)] = record
                record.planned_errors = rules.record_errors(record, today)
            for field, message in getattr(record, "planned_errors", ()):
                row.error("year" if field == "year" else "unit", message)
            if getattr(record, "planned_errors", ()):
                continue
            skip = {error.column for error in row.errors}  # a cell in error is not judged again
            key = ((unit.pk, year), *self.part_key(row.values))
            if key in first:  # even of a row in error: every error at once
                row.error(self.key_field, self.msg_same.format(first[key]))
                continue
            first[key] = row.number
            part = parts.get(key)
            if part is None:
                part = self.model(
                    **{name: row.values.get(name) for name in self.fields if _filled(row.values.get(name))}
                )
                self.fill_new(part)
            else:
                for name in self.fields:
                    if _filled(row.values.get(name)):
                        setattr(part, name, row.values[name])
            part.record = record
            for field, message in self.part_errors(part, record, today):
                if row.headers.get(field) not in skip:
                    row.error(field if field in row.headers else None, message)
            if not row.ok:
                continue
            row.target = part
            row.extra["record"] = record
            if part.pk is None:
                row.action = Action.CREATE
                continue
            before, after = changes(part)
            row.extra["changes"] = (before, after)
            row.action = Action.UPDATE if after else Action.UNCHANGED

    def fill_new(self, part) -> None:
        """Defaults of a part the file creates."""

    def _records(self, keys: set[tuple[int, int]]) -> dict[tuple[int, int], DemocracyYear]:
        unit_ids = sorted({unit for unit, _ in keys})
        years = sorted({year for _, year in keys})
        found = {}
        for start in range(0, len(unit_ids), KEY_CHUNK):
            chunk = unit_ids[start : start + KEY_CHUNK]
            for record in DemocracyYear.objects.filter(unit_id__in=chunk, year__in=years).select_related("unit__kind"):
                found[(record.unit_id, record.year)] = record
        return found

    def _parts(self, records: list[DemocracyYear]) -> dict[tuple, Any]:
        by_pk = {record.pk: record for record in records}
        found: dict[tuple, Any] = {}
        ids = sorted(by_pk)
        for start in range(0, len(ids), KEY_CHUNK):
            for part in self.model.objects.filter(record_id__in=ids[start : start + KEY_CHUNK]).order_by("id"):
                record = by_pk[part.record_id]
                part.record = record
                values = {name: getattr(part, name) for name in self.fields}
                found.setdefault(((record.unit_id, record.year), *self.part_key(values)), part)
        return found

    def touched(self, row: Row, ctx: Context) -> Iterable[tuple[str | None, str, str | None]]:
        unit = row.extra["unit"]
        yield "unit", unit.code, unit.path

    def write(self, rows: list[Row], ctx: Context) -> None:
        new_records = list({id(r): r for row in rows if (r := row.extra.get("record")) and r.pk is None}.values())
        bulk.insert(new_records)
        services.add_checklists(new_records)
        created = [row.target for row in rows if row.action is Action.CREATE]
        for part in created:
            part.record = part.record  # the record's id, now it has one
        bulk.insert(created)
        updated = [row for row in rows if row.action is Action.UPDATE]
        for row in updated:
            row.target.version += 1  # a form opened before the import is now stale
        if updated:
            self.model.objects.bulk_update([row.target for row in updated], [*self.fields, "version"], batch_size=1000)
        changelog.bulk_log(
            [(r, "create", None, changelog.snapshot(r)) for r in new_records]
            + [(p, "create", None, changelog.snapshot(p)) for p in created]
            + [(row.target, "update", *row.extra["changes"]) for row in updated]
        )

    # --- export ----------------------------------------------------------------------------------

    def export_queryset(self, user: Any, filters: dict[str, Any]) -> QuerySet:
        """The parts the user may see: `params` the list page's filters (its query string), `year` a year,
        `unit` a unit's code (its subtree); `empty` none (the import template)."""
        queryset = self.model.objects.all() if user is None else self.model.objects.restrict(user)
        if filters.get("empty"):
            return queryset.none()
        if "params" in filters and user is not None:
            from danvan.democracy.figures import with_counts
            from danvan.democracy.forms import YearFilter

            form = YearFilter(filters["params"] or None, user=user)
            chosen = form.apply(with_counts(DemocracyYear.objects.restrict(user)))
            queryset = queryset.filter(record__in=chosen.values("pk"))
        if filters.get("year"):
            queryset = queryset.filter(record__year=int(filters["year"]))
        if filters.get("unit"):
            queryset = queryset.filter(scoping.subtree_q("record__unit__path", unit_path(filters["unit"])))
        return queryset.select_related("record__unit").order_by("record__year", "record__unit__path", *self.order)


def _year_of_day(errors: list, part, record) -> list:
    """A day outside the row's year is said once, on the date, in the file's words."""
    if part.held_on and record.year and part.held_on.year != record.year:
        errors = [(f, m) for f, m in errors if f != "held_on" or "không thuộc năm" not in m]
        errors.append(("held_on", MSG_NOT_THAT_YEAR.format(part.held_on.strftime("%d/%m/%Y"), record.year)))
    return errors


def _unit_columns() -> tuple[Column, Column]:
    return (
        Column("Đơn vị", "unit", Text(300), required=True, aliases=("Mã đơn vị", "Xã, phường", "Cơ quan, đơn vị"),
               width=16, export_value=lambda part: part.record.unit.code),
        Column("Năm", "year", Integer(min_value=2000), required=True, width=8,
               export_value=lambda part: part.record.year),
    )  # fmt: skip


@register
class MattersKind(YearPartKind):
    name = "democracy_matters"
    label = "nội dung"
    sheet_title = "Nhân dân bàn và quyết định"
    model = Matter
    fields = ("content", "place", "method", "held_on", "households", "agreeing")
    msg_same = MSG_SAME_MATTER
    key_field = "content"
    order = ("held_on", "id")
    columns = (
        *_unit_columns(),
        Column("Nội dung", "content", Text(multiline=True), required=True,
               aliases=("Nội dung nhân dân bàn và quyết định", "Nội dung lấy ý kiến"), width=50),
        Column("Thôn, ấp, khu phố", "place", Text(_max(Matter, "place")), aliases=("Địa bàn", "Thôn, ấp"), width=18),
        Column("Hình thức", "method", enum_choices(MatterMethod, "hình thức", METHOD_ALIASES), width=22),
        Column("Ngày lấy ý kiến", "held_on", Date(), required=True, aliases=("Ngày",), width=12),
        Column("Tổng số hộ", "households", Integer(), required=True,
               aliases=("Tổng số hộ gia đình", "Số hộ"), width=10),
        Column("Số hộ đồng ý", "agreeing", Integer(), aliases=("Hộ đồng ý", "Số hộ tán thành"), width=10),
    )  # fmt: skip

    def part_key(self, values: dict) -> tuple:
        return fold(values.get("content") or ""), values.get("held_on")

    def part_errors(self, part, record, today):
        return _year_of_day(rules.matter_errors(part, record, today), part, record)


@register
class BoardsKind(YearPartKind):
    name = "democracy_boards"
    label = "ban"
    sheet_title = "Ban TTND, Ban GSĐTCĐ"
    model = Board
    fields = ("kind", "members", "meetings", "recommendations", "resolved")
    msg_same = MSG_SAME_BOARD
    key_field = "kind"
    order = ("kind", "id")
    columns = (
        *_unit_columns(),
        Column("Ban", "kind", enum_choices(BoardKind, "ban", BOARD_ALIASES), required=True, width=30),
        Column("Số thành viên", "members", Integer(), required=True, aliases=("Thành viên",), width=10),
        Column("Số cuộc họp, giám sát", "meetings", Integer(), aliases=("Số cuộc họp", "Số cuộc giám sát"), width=10),
        Column("Số kiến nghị", "recommendations", Integer(), aliases=("Kiến nghị",), width=10),
        Column("Số kiến nghị được giải quyết", "resolved", Integer(), aliases=("Đã giải quyết",), width=12),
    )  # fmt: skip

    def part_key(self, values: dict) -> tuple:
        return (values.get("kind"),)

    def fill_new(self, part) -> None:
        for name in ("meetings", "recommendations", "resolved"):
            if getattr(part, name) is None:
                setattr(part, name, 0)

    def part_errors(self, part, record, today):
        return rules.board_errors(part, record)


@register
class ChartersKind(YearPartKind):
    name = "democracy_charters"
    label = "hương ước, quy ước"
    sheet_title = "Hương ước, quy ước"
    model = Charter
    fields = ("village", "kind", "state", "decision_number", "decided_on")
    msg_same = MSG_SAME_CHARTER
    key_field = "village"
    order = ("village", "kind", "id")
    columns = (
        *_unit_columns(),
        Column("Thôn, ấp, khu phố", "village", Text(_max(Charter, "village")), required=True,
               aliases=("Thôn, ấp", "Địa bàn"), width=20),
        Column("Loại", "kind", enum_choices(CharterKind, "loại", CHARTER_KIND_ALIASES),
               aliases=("Hương ước, quy ước",), width=12),
        Column("Tình trạng", "state", enum_choices(CharterState, "tình trạng", CHARTER_STATE_ALIASES), required=True,
               width=20),
        Column("Số quyết định công nhận", "decision_number", Text(_max(Charter, "decision_number")),
               aliases=("Số quyết định",), width=16),
        Column("Ngày quyết định công nhận", "decided_on", Date(), aliases=("Ngày quyết định",), width=12),
    )  # fmt: skip

    def part_key(self, values: dict) -> tuple:
        # a blank kind is the form's default, so the export's rows and a blank cell meet the same charter
        return fold(values.get("village") or ""), values.get("kind") or CharterKind.CUSTOM

    def part_errors(self, part, record, today):
        return rules.charter_errors(part, record, today)


@register
class DialoguesKind(YearPartKind):
    name = "democracy_dialogues"
    label = "cuộc đối thoại"
    sheet_title = "Đối thoại tại nơi làm việc"
    model = WorkplaceDialogue
    fields = ("held_on", "kind", "participants", "issues", "resolved", "content")
    msg_same = MSG_SAME_DIALOGUE
    key_field = "held_on"
    order = ("held_on", "id")
    columns = (
        *_unit_columns(),
        Column("Ngày đối thoại", "held_on", Date(), required=True, aliases=("Ngày",), width=12),
        Column("Hình thức", "kind", enum_choices(DialogueKind, "hình thức", DIALOGUE_ALIASES), width=20),
        Column("Số người tham dự", "participants", Integer(), required=True, aliases=("Người tham dự",), width=10),
        Column("Số ý kiến, kiến nghị", "issues", Integer(), aliases=("Số ý kiến", "Số kiến nghị"), width=10),
        Column("Số ý kiến được giải quyết", "resolved", Integer(), aliases=("Đã giải quyết",), width=12),
        Column("Nội dung chính", "content", Text(multiline=True), aliases=("Nội dung",), width=50),
    )  # fmt: skip

    def part_key(self, values: dict) -> tuple:
        return (values.get("held_on"),)

    def part_errors(self, part, record, today):
        return _year_of_day(rules.dialogue_errors(part, record, today), part, record)
