"""`opinion_receptions` (the citizen reception register, one row per case heard) and `opinion_dialogues`
(one row per commitment made): a day and its cases are typed once, in one place."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from typing import Any, ClassVar

from django.db.models import Prefetch, QuerySet
from django.utils import timezone

from danvan.core import bulk, changelog, scoping
from danvan.core.vn import fold
from danvan.core.xlsx import Action, Column, Context, Date, ImportKind, Integer, Row, Text, register
from danvan.core.xlsx.engine import MSG_REQUIRED
from danvan.core.xlsx.modelkind import changes, unit_path
from danvan.core.xlsx.parsers import enum_choices
from danvan.opinion import rules
from danvan.opinion.choices import (
    CaseType,
    HostRole,
    ReceptionKind,
    ReceptionStatus,
)
from danvan.opinion.imports.common import (
    _chunks,
    _has_error,
    _max_length,
    unit_resolver,
)
from danvan.opinion.models import (
    Commitment,
    Dialogue,
    Reception,
    ReceptionCase,
)
from danvan.org.models import Unit

# --- Citizen reception and dialogues: registers, one row per case heard or commitment made -------------
#
# A clerk keeps the reception register as a book: one line per citizen heard, under the day's heading
# (unit, day, who received, where). The file is that book: each row is a case with its reception's
# columns repeated, or left blank under the first row of the day (cells merged down the day, as such
# registers are often drawn, read as blank); a day without anyone heard, or one only on the schedule, is
# a row with the case's columns blank. One kind, so the day and its cases are typed once, where they
# are seen together, and a later copy of the same book (results filled in) updates what it recorded.
# Dialogues the same way, one row per commitment.
#
# A reception day is the unit's on that day of that kind (an unscheduled one may fall on a regular day; a
# blank kind is the regular one, or the one a row above named for the same unit and day), a dialogue the
# unit's on that day; a case the reception's with the same person, type and content (a commitment: the
# same content). A filled cell updates the record, a blank one
# keeps it: the file never erases what the pages recorded since.

MSG_CONTINUES_NOTHING = "Để trống đơn vị và ngày là tiếp tục {} ở dòng trên, nhưng phía trên chưa có dòng nào."
MSG_MEETING_DIFFERS = "Khác với dòng {} của cùng {} (cùng đơn vị và ngày) ở cột {}; ghi giống nhau hoặc để trống."
MSG_CASE_TYPE = "Cần chọn loại đơn, việc (phản ánh, kiến nghị, khiếu nại hoặc tố cáo)."
MSG_SAME_CASE = "Trùng với dòng {} (cùng buổi tiếp, người đến, loại đơn, việc và nội dung)."
MSG_HOST_ROLE = "Cần chọn người chủ trì (Bí thư cấp ủy hoặc Chủ tịch Ủy ban nhân dân)."
MSG_SAME_COMMITMENT = "Trùng với dòng {} (cùng hội nghị và nội dung cam kết)."

RECEPTION_KIND_ALIASES = {
    ReceptionKind.REGULAR: ("Thường kỳ", "Định kỳ hằng tháng", "Theo lịch định kỳ"),
    ReceptionKind.UNSCHEDULED: ("Bất thường", "Đột xuất theo yêu cầu"),
}
RECEPTION_STATUS_ALIASES = {
    ReceptionStatus.PLANNED: ("Theo lịch, chưa tiếp", "Chưa tiếp", "Dự kiến", "Kế hoạch"),
    ReceptionStatus.HELD: ("Đã tiếp công dân", "Đã diễn ra", "Đã thực hiện"),
    ReceptionStatus.CANCELLED: ("Hoãn", "Hủy", "Đã hoãn", "Đã hủy", "Hoãn, huỷ"),
}
CASE_TYPE_ALIASES = {
    CaseType.REFLECTION: ("Đơn phản ánh", "PA"),
    CaseType.PETITION: ("Đơn kiến nghị", "Kiến nghị, đề nghị", "Đề nghị", "KN"),
    CaseType.COMPLAINT: ("Đơn khiếu nại",),
    CaseType.DENUNCIATION: ("Đơn tố cáo", "TC"),
}
HOST_ROLE_ALIASES = {
    HostRole.SECRETARY: ("Bí thư", "Bí thư Đảng ủy", "Bí thư Tỉnh ủy", "Bí thư Huyện ủy"),
    HostRole.CHAIR: ("Chủ tịch UBND", "Chủ tịch", "Chủ tịch Ủy ban nhân dân"),
}


def meeting_unit_column(aliases: tuple[str, ...]) -> Column:
    """The unit: a column every file has, a cell a row under the first of its meeting may leave blank."""
    return Column("Đơn vị", "unit", Text(300), column_required=True, aliases=aliases, width=14,
                  export_value=lambda meeting: meeting.unit.code)  # fmt: skip


def _filled(value: Any) -> bool:
    return value is not None and value != ""


class MeetingKind(ImportKind):
    """A register of meetings (reception days, dialogues) with a child per row (a case, a commitment)."""

    model: ClassVar[type[Any]]
    child_model: ClassVar[type[Any]]
    child_parent: ClassVar[str]  # the child's field naming its meeting
    children: ClassVar[str]  # the meeting's related name for them
    meeting_fields: ClassVar[tuple[str, ...]]  # the meeting's columns besides unit and day
    child_fields: ClassVar[tuple[str, ...]]
    key_fields: ClassVar[tuple[str, ...]]  # the child's columns that say which it is (kept as recorded)
    key_field: ClassVar[str]  # the child's column a repeated child is reported on
    noun: ClassVar[str]  # "buổi tiếp", "hội nghị"
    msg_same_child: ClassVar[str]

    # --- what differs between the kinds ------------------------------------------------------------

    def key(self, unit_id: int, day: dt.date, values: dict) -> tuple:
        """Which meeting a row (or a record's fields, `values`) is: the unit's on that day."""
        return unit_id, day

    def key_given(self, values: dict) -> bool:
        """Whether the row says all of its key (a blank part: as the last row of the same unit and day)."""
        return True

    def fill_new(self, meeting: Any, given: dict, today: dt.date) -> None:
        """A new meeting's blank cells (`given`: the filled ones)."""

    def meeting_errors(self, row: Row, meeting: Any, today: dt.date) -> list[tuple[str | None, str]]:
        raise NotImplementedError

    def child_errors(self, child: Any, meeting: Any, today: dt.date) -> list[tuple[str | None, str]]:
        raise NotImplementedError

    def child_key(self, child: Any) -> tuple:
        raise NotImplementedError

    def new_child(self, values: dict) -> Any:
        return self.child_model(**{f: values[f] for f in self.child_fields if _filled(values.get(f))})

    def warnings(self, meeting: Any) -> list[str]:
        return []

    # --- plan ------------------------------------------------------------------------------------

    def plan(self, rows: list[Row], ctx: Context) -> None:
        today = timezone.localdate()
        self._units(rows, ctx)
        recorded = self._recorded(rows)
        firsts: dict[tuple, Row] = {}
        seen: dict[tuple, int] = {}
        for row in rows:  # rows with a bad cell are checked too: every error at once
            unit, day, key = row.extra["unit"], row.extra["day"], row.extra["key"]
            skip = {column.field for column in self.columns if _has_error(row, column.field)}
            first = firsts.get(key) if key else None
            if first is None:
                meeting = self._meeting(row, unit, day, recorded.get(key), today)
                if not row.extra.get("continues"):  # continuing nothing: that is the one thing to say
                    self._report(row, self.meeting_errors(row, meeting, today), skip)
                if key:
                    firsts[key] = row
            else:
                meeting = first.extra["meeting"]
                differ = [
                    row.headers[name]
                    for name in self.meeting_fields
                    if _filled(row.values.get(name)) and row.values[name] != getattr(meeting, name)
                ]
                if differ:
                    row.error(None, MSG_MEETING_DIFFERS.format(first.number, self.noun, ", ".join(differ)))
            if any(_filled(row.values.get(name)) for name in self.child_fields):
                self._child(row, meeting, key, recorded, seen, skip, today)
            if not row.ok:
                continue
            row.action = self._action(row, first is None)
            row.target = row.extra.get("child") or meeting

    def _units(self, rows: list[Row], ctx: Context) -> None:
        """Each row's unit and day; a row with both blank continues the meeting of the row above."""
        units = unit_resolver(rows, ctx, ("unit",))
        above = None
        latest: dict[tuple, tuple] = {}  # (unit, day) -> the key of the last row naming them
        for row in rows:
            values = row.values
            blank = not values.get("unit") and values.get("day") is None
            if blank and not _has_error(row, "unit") and not _has_error(row, "day"):
                if above is None:
                    row.error("unit", MSG_CONTINUES_NOTHING.format(self.noun))
                for name in ("unit", "day", "key"):
                    row.extra[name] = above.extra[name] if above else None
                row.extra["continues"] = True
                continue
            for name in ("unit", "day"):
                if not _filled(values.get(name)) and not _has_error(row, name):
                    row.error(name, MSG_REQUIRED)
            day = values.get("day")
            unit = units.find(row, "unit", day=day) if values.get("unit") else None
            if unit is not None:
                units.check_scope(row, "unit", unit)  # even for a row that would change nothing
            row.extra["unit"], row.extra["day"] = unit, day
            key = None
            if unit is not None and isinstance(day, dt.date):
                key = self.key(unit.pk, day, values)
                if not self.key_given(values):  # a blank kind: the day's meeting named above in the file
                    key = latest.get((unit.pk, day), key)
                latest[(unit.pk, day)] = key
            row.extra["key"] = key
            above = row

    def _meeting(self, row: Row, unit: Unit | None, day: Any, recorded: Any, today: dt.date) -> Any:
        """The meeting the row's columns describe: the recorded one with the filled cells, or a new one."""
        values = row.values
        given = {name: values[name] for name in self.meeting_fields if _filled(values.get(name))}
        if recorded is None:
            meeting = self.model(day=day if isinstance(day, dt.date) else None, **given)
            if unit is not None:
                meeting.unit = unit
            self.fill_new(meeting, given, today)
            row.extra["meeting_action"] = Action.CREATE
        else:
            meeting = recorded
            for name, value in given.items():
                setattr(meeting, name, value)
            before, after = changes(meeting)
            row.extra["meeting_changes"] = (before, after)
            row.extra["meeting_action"] = Action.UPDATE if after else Action.UNCHANGED
        row.extra["meeting"] = meeting
        for warning in self.warnings(meeting) if row.extra["meeting_action"] is Action.CREATE else ():
            row.extra.setdefault("warnings", []).append(warning)
        return meeting

    def _child(self, row: Row, meeting: Any, key: tuple | None, recorded: dict, seen: dict, skip: set, today) -> None:
        child = self.new_child(row.values)
        known = recorded.get(key).kids_by_key.get(self.child_key(child)) if key and key in recorded else None
        if known is not None:
            for name in self.child_fields:
                if name not in self.key_fields and _filled(row.values.get(name)):
                    setattr(known, name, row.values[name])
            child = known
        setattr(child, self.child_parent, meeting)
        if meeting.day is not None:
            self._report(row, self.child_errors(child, meeting, today), skip)
        if key is None:
            return
        child_key = (key, *self.child_key(child))
        if child_key in seen:  # even of a row in error: every error at once
            row.error(self.key_field, self.msg_same_child.format(seen[child_key]))
            return
        seen[child_key] = row.number
        if not row.ok:
            return
        row.extra["child"] = child
        if known is None:
            row.extra["child_action"] = Action.CREATE
            return
        before, after = changes(child)
        row.extra["child_changes"] = (before, after)
        row.extra["child_action"] = Action.UPDATE if after else Action.UNCHANGED

    @staticmethod
    def _action(row: Row, first: bool) -> Action:
        """Created: a new child, or the new meeting on its first row; updated likewise; else unchanged."""
        own = [row.extra.get("child_action")]
        if first:
            own.append(row.extra.get("meeting_action"))
        for action in (Action.CREATE, Action.UPDATE):
            if action in own:
                return action
        return Action.UNCHANGED

    def _report(self, row: Row, errors: list[tuple[str | None, str]], skip: set[str]) -> None:
        """The rules' messages on their columns; none on a cell already in error (nor on the unit when a
        row continues the one above, which said it)."""
        for field, message in errors:
            if field in skip or (field == "unit" and row.extra.get("continues")):
                continue
            row.error(field if field in row.headers else None, message)

    def _recorded(self, rows: list[Row]) -> dict[tuple, Any]:
        """Recorded meetings of the rows' units within the rows' days, with their children by key: two
        queries per KEY_CHUNK units, whatever the number of rows."""
        unit_ids = sorted({row.extra["unit"].pk for row in rows if row.extra.get("unit") is not None})
        days = [day for row in rows if isinstance(day := row.extra.get("day"), dt.date)]
        if not unit_ids or not days:
            return {}
        found: dict[tuple, Any] = {}
        for chunk in _chunks(unit_ids):
            meetings = self.model.objects.filter(unit_id__in=chunk, day__range=(min(days), max(days)))
            for meeting in meetings.select_related("unit").order_by("id"):
                found.setdefault(self.key(meeting.unit_id, meeting.day, vars(meeting)), meeting)
        by_pk = {meeting.pk: meeting for meeting in found.values()}
        for meeting in by_pk.values():
            meeting.kids_by_key = {}
        for chunk in _chunks(sorted(by_pk)):
            kids = self.child_model.objects.filter(**{f"{self.child_parent}_id__in": chunk}).order_by("id")
            for child in kids:
                meeting = by_pk[getattr(child, f"{self.child_parent}_id")]
                setattr(child, self.child_parent, meeting)
                meeting.kids_by_key.setdefault(self.child_key(child), child)
        return found

    # --- scope and write -------------------------------------------------------------------------

    def touched(self, row: Row, ctx: Context) -> Iterable[tuple[str | None, str, str | None]]:
        unit = row.extra["unit"]
        yield "unit", unit.code, unit.path

    def write(self, rows: list[Row], ctx: Context) -> None:
        meetings = {id(row.extra["meeting"]): row for row in rows if "meeting_action" in row.extra}
        created = [row.extra["meeting"] for row in meetings.values() if row.extra["meeting_action"] is Action.CREATE]
        updated = [row for row in meetings.values() if row.extra["meeting_action"] is Action.UPDATE]
        bulk.insert(created)
        for row in updated:
            row.extra["meeting"].version += 1  # a form opened before the import is now stale
        if updated:
            fields = [*self.meeting_fields, "version"]
            self.model.objects.bulk_update([row.extra["meeting"] for row in updated], fields, batch_size=1000)
        kids = [row for row in rows if row.extra.get("child_action") in (Action.CREATE, Action.UPDATE)]
        new_kids = [row.extra["child"] for row in kids if row.extra["child_action"] is Action.CREATE]
        for child in new_kids:
            setattr(child, self.child_parent, getattr(child, self.child_parent))  # the meeting's id, now it has one
        bulk.insert(new_kids)
        changed_kids = [row for row in kids if row.extra["child_action"] is Action.UPDATE]
        if changed_kids:
            self.child_model.objects.bulk_update(
                [row.extra["child"] for row in changed_kids], list(self.child_fields), batch_size=1000
            )
        changelog.bulk_log(
            [(meeting, "create", None, changelog.snapshot(meeting)) for meeting in created]
            + [(row.extra["meeting"], "update", *row.extra["meeting_changes"]) for row in updated]
            + [(child, "create", None, changelog.snapshot(child)) for child in new_kids]
            + [(row.extra["child"], "update", *row.extra["child_changes"]) for row in changed_kids]
        )

    # --- export ----------------------------------------------------------------------------------

    def export_queryset(self, user: Any, filters: dict[str, Any]) -> QuerySet:
        """The meetings the user may see: `params` the list page's filters (its query string: year, unit),
        `year` a year, `unit` a unit's code (its subtree)."""
        queryset = self.model.objects.all() if user is None else self.model.objects.restrict(user)
        if "params" in filters:
            from danvan.opinion.forms import MeetingFilter

            values = MeetingFilter(filters["params"], user=user).values() if user is not None else {}
            if values.get("nam"):
                queryset = queryset.filter(day__year=values["nam"])
            if values.get("don_vi"):
                queryset = queryset.filter(scoping.subtree_q("unit__path", values["don_vi"].path))
        if filters.get("year"):
            queryset = queryset.filter(day__year=int(filters["year"]))
        if filters.get("unit"):
            queryset = queryset.filter(scoping.subtree_q("unit__path", unit_path(filters["unit"])))
        kids = Prefetch(self.children, queryset=self.child_model.objects.order_by("id"))
        return queryset.select_related("unit").prefetch_related(kids).order_by("unit__path", "day", "id")

    def export_rows(self, queryset: QuerySet) -> Iterable[Sequence[Any]]:
        own = set(self.child_fields)
        for meeting in queryset.iterator(chunk_size=2000):
            for child in list(getattr(meeting, self.children).all()) or [None]:
                cells = []
                for column in self.columns:
                    if column.field in own:
                        value = getattr(child, column.field) if child is not None else None
                        cells.append(column.parser.export(value))
                    else:
                        cells.append(self.export_cell(column, meeting))
                yield cells


@register
class ReceptionsKind(MeetingKind):
    name = "opinion_receptions"
    label = "dòng (buổi tiếp, vụ việc)"
    sheet_title = "Sổ tiếp công dân"
    model, child_model, child_parent, children = Reception, ReceptionCase, "reception", "cases"
    meeting_fields = ("leader", "kind", "status", "place", "notes")
    child_fields = ("petitioner", "case_type", "people", "content", "assigned_to", "deadline", "result", "settled_on")
    key_fields = ("petitioner", "case_type", "content")
    key_field = "content"
    noun = "buổi tiếp"
    msg_same_child = MSG_SAME_CASE
    columns = (
        meeting_unit_column(("Cấp ủy, đơn vị", "Cấp ủy", "Mã đơn vị")),
        Column("Ngày tiếp", "day", Date(), column_required=True, aliases=("Ngày tiếp công dân",), width=12),
        Column(
            "Người chủ trì tiếp",
            "leader",
            Text(_max_length(Reception, "leader")),
            aliases=("Người chủ trì", "Lãnh đạo tiếp", "Người tiếp"),
            width=28,
        ),
        Column("Hình thức", "kind", enum_choices(ReceptionKind, "hình thức", RECEPTION_KIND_ALIASES), width=12),
        Column(
            "Tình trạng",
            "status",
            enum_choices(ReceptionStatus, "tình trạng", RECEPTION_STATUS_ALIASES),
            aliases=("Trạng thái",),
            width=12,
        ),
        Column("Địa điểm", "place", Text(_max_length(Reception, "place")), aliases=("Nơi tiếp",), width=26),
        Column("Ghi chú", "notes", Text(multiline=True), aliases=("Ghi chú buổi tiếp",), width=26),
        Column(
            "Người đến",
            "petitioner",
            Text(_max_length(ReceptionCase, "petitioner")),
            aliases=("Họ tên người đến", "Người đại diện", "Công dân", "Họ tên, địa chỉ"),
            width=30,
        ),
        Column(
            "Loại đơn, việc",
            "case_type",
            enum_choices(CaseType, "loại đơn, việc", CASE_TYPE_ALIASES),
            aliases=("Loại vụ việc", "Loại đơn", "Phân loại"),
            width=14,
        ),
        Column("Số người", "people", Integer(), aliases=("Số người đến",), width=9),
        Column(
            "Nội dung vụ việc",
            "content",
            Text(multiline=True),
            aliases=("Nội dung", "Nội dung phản ánh, kiến nghị", "Nội dung đơn, việc"),
            width=50,
        ),
        Column(
            "Giao cho",
            "assigned_to",
            Text(_max_length(ReceptionCase, "assigned_to")),
            aliases=("Cơ quan giải quyết", "Giao cơ quan", "Chuyển đến"),
            width=26,
        ),
        Column("Hạn giải quyết", "deadline", Date(), width=12),
        Column("Kết quả giải quyết", "result", Text(multiline=True), aliases=("Kết quả",), width=40),
        Column("Ngày có kết quả", "settled_on", Date(), aliases=("Ngày giải quyết xong",), width=12),
    )

    def key(self, unit_id: int, day: dt.date, values: dict) -> tuple:
        """A unit's day may have an unscheduled reception beside the regular one: the kind tells them apart."""
        return unit_id, day, values.get("kind") or ReceptionKind.REGULAR

    def key_given(self, values: dict) -> bool:
        return bool(values.get("kind"))

    def fill_new(self, meeting: Reception, given: dict, today: dt.date) -> None:
        if "status" not in given and meeting.day:  # a day past is one held, one ahead on the schedule
            meeting.status = ReceptionStatus.HELD if meeting.day <= today else ReceptionStatus.PLANNED

    def meeting_errors(self, row: Row, meeting: Reception, today: dt.date) -> list[tuple[str | None, str]]:
        return rules.reception_errors(meeting, today)

    def child_errors(self, case: ReceptionCase, reception: Reception, today: dt.date) -> list[tuple[str | None, str]]:
        errors = [("status" if field is None else field, message) for field, message in rules.case_errors(
            case, reception, today)]  # fmt: skip
        if not case.case_type:
            errors.append(("case_type", MSG_CASE_TYPE))
        return errors

    def child_key(self, case: ReceptionCase) -> tuple:
        return fold(case.petitioner), case.case_type, fold(case.content)


@register
class DialoguesKind(MeetingKind):
    name = "opinion_dialogues"
    label = "dòng (hội nghị, cam kết)"
    sheet_title = "Đối thoại với nhân dân"
    model, child_model, child_parent, children = Dialogue, Commitment, "dialogue", "commitments"
    meeting_fields = (
        "host_role", "hosts", "topic", "place", "notice_on", "participants", "published_on", "publication",
    )  # fmt: skip
    child_fields = ("content", "responsible", "deadline", "done_on", "result")
    key_fields = ("content",)
    key_field = "content"
    noun = "hội nghị"
    msg_same_child = MSG_SAME_COMMITMENT
    columns = (
        meeting_unit_column(("Cấp ủy, chính quyền", "Cấp ủy", "Mã đơn vị")),
        Column("Ngày đối thoại", "day", Date(), column_required=True, aliases=("Ngày hội nghị",), width=12),
        Column(
            "Người chủ trì",
            "host_role",
            enum_choices(HostRole, "người chủ trì", HOST_ROLE_ALIASES),
            aliases=("Chức danh người chủ trì",),
            width=18,
        ),
        Column(
            "Họ tên người chủ trì",
            "hosts",
            Text(_max_length(Dialogue, "hosts")),
            aliases=("Người chủ trì đối thoại",),
            width=30,
        ),
        Column("Chủ đề", "topic", Text(_max_length(Dialogue, "topic")), aliases=("Chủ đề đối thoại",), width=40),
        Column("Địa điểm", "place", Text(_max_length(Dialogue, "place")), width=24),
        Column("Ngày thông báo", "notice_on", Date(), aliases=("Ngày thông báo cho nhân dân",), width=12),
        Column(
            "Số người dân tham dự",
            "participants",
            Integer(),
            aliases=("Số người tham dự", "Số người dự"),
            width=10,
        ),
        Column("Ngày công khai kết quả", "published_on", Date(), aliases=("Ngày công khai",), width=12),
        Column("Hình thức công khai", "publication", Text(_max_length(Dialogue, "publication")), width=26),
        Column("Nội dung cam kết", "content", Text(multiline=True), aliases=("Cam kết",), width=44),
        Column(
            "Cơ quan chịu trách nhiệm",
            "responsible",
            Text(_max_length(Commitment, "responsible")),
            aliases=("Cơ quan thực hiện", "Đơn vị thực hiện"),
            width=26,
        ),
        Column("Hạn thực hiện", "deadline", Date(), width=12),
        Column("Ngày hoàn thành", "done_on", Date(), width=12),
        Column("Kết quả thực hiện", "result", Text(multiline=True), width=36),
    )

    def meeting_errors(self, row: Row, meeting: Dialogue, today: dt.date) -> list[tuple[str | None, str]]:
        errors = rules.dialogue_errors(meeting, today)
        if not meeting.host_role:
            errors.append(("host_role", MSG_HOST_ROLE))
        return errors

    def warnings(self, meeting: Dialogue) -> list[str]:
        warning = rules.notice_warning(meeting) if meeting.day else ""
        return [warning] if warning else []

    def child_errors(self, commitment: Commitment, dialogue: Dialogue, today: dt.date) -> list[tuple[str | None, str]]:
        return rules.commitment_errors(commitment, dialogue, today)

    def child_key(self, commitment: Commitment) -> tuple:
        return (fold(commitment.content),)
