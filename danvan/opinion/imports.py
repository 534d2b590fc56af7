"""Excel kinds of the opinion app on the shared engine: `opinion_items` (the people's opinion as units
note it), `opinion_collaborators` (the collaborators' register), `opinion_receptions` (the citizen
reception register: one row per case heard) and `opinion_dialogues` (one row per commitment).

Every row is checked with the web's own rules (`danvan.opinion.rules`), so a cell refused here is
refused on the form with the same words; every error is reported at once and nothing is written
unless the whole file is right. Units are named as in every import (`danvan.org.resolver`): by code
(as the export writes them), by name, or as the template's drop-down offers them, "code – name";
namesakes are told apart by the day noted (a collaborator's: the term's start), a place's also by the
area of the unit noting it.

An item has no code: a row with the same unit, place, date noted, source and content as a recorded
item is that item. It is left as it is (a second import of a file, or an exported file, adds
nothing); where the row says something else, a warning names the columns, since an item changes
through its page and its workflow, which records who forwarded it and when. New items are written
in bulk, their history logged in bulk, with no query per row.

A collaborator is matched by unit, name (regardless of diacritics) and term start; a matched one
takes the file's position, field and term end.

Reception days and dialogues are matched by unit and day, their cases and commitments within them by
what they say (see `MeetingKind`); a filled cell updates a recorded one, a blank cell keeps it.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable, Sequence
from types import SimpleNamespace
from typing import Any, ClassVar

from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.db.models import Prefetch, Q, QuerySet
from django.utils import timezone

from danvan.core import bulk, changelog, scoping
from danvan.core.vn import fold, fold_key, text_date
from danvan.core.xlsx import Action, Column, Context, Date, ImportKind, Integer, Parser, Row, Text, register
from danvan.core.xlsx.engine import MSG_REQUIRED
from danvan.core.xlsx.modelkind import KEY_CHUNK, changes, unit_path
from danvan.core.xlsx.parsers import enum_choices, model_choices
from danvan.opinion import rules
from danvan.opinion.choices import (
    CaseType,
    HostRole,
    Intensity,
    Platform,
    ReceptionKind,
    ReceptionStatus,
    Source,
    State,
    Tendency,
)
from danvan.opinion.models import (
    Collaborator,
    Commitment,
    Dialogue,
    OpinionItem,
    Reception,
    ReceptionCase,
    Topic,
)
from danvan.org.models import Unit
from danvan.org.resolver import UnitResolver
from danvan.org.services import area_units, committee_root, owner_units, within

MSG_TOPIC_ENDED = "Lĩnh vực “{}” không dùng vào ngày {}."
MSG_COLLABORATOR_UNKNOWN = "Không có “{}” trong danh sách cộng tác viên của {}."
MSG_COLLABORATOR_AMBIGUOUS = (
    "Có {} cộng tác viên tên “{}” trong nhiệm kỳ vào ngày {} ({}); sửa trên trang của thông tin."
)
MSG_NEW_FORWARDED = (
    "Tình trạng “Mới” là chưa chuyển cơ quan nào: để trống các cột chuyển và trả lời, hoặc ghi tình trạng đúng."
)
MSG_FORWARDED_ANSWERED = (
    "Tình trạng “Đã chuyển” là cơ quan chưa trả lời: để trống Nội dung trả lời và Ngày trả lời, "
    "hoặc ghi tình trạng “Đã trả lời”."
)
MSG_SAME_ITEM = "Trùng với dòng {} (cùng đơn vị, địa bàn, ngày ghi nhận, nguồn và nội dung)."
MSG_RECORDED = (
    "Thông tin này đã có trong hệ thống (ghi nhận ngày {}) nên không ghi lại; khác ở cột {}: "
    "sửa hoặc chuyển bước trên trang của thông tin."
)
MSG_SAME_COLLABORATOR = "Trùng với dòng {} (cùng đơn vị, họ tên và ngày bắt đầu nhiệm kỳ)."
MSG_YES_NO = "Ghi “Có” nếu là điểm nóng, vụ việc phức tạp; để trống nếu không."
MSG_LINK = "Đường dẫn không hợp lệ: '{}'; ghi đầy đủ địa chỉ bài viết, ví dụ https://www.facebook.com/…"

UNIT_CODE = Unit._meta.get_field("code").max_length
LINK_LENGTH = OpinionItem._meta.get_field("link").max_length
YES = "Có"


def _max_length(model: Any, name: str) -> int:
    return model._meta.get_field(name).max_length


# --- Parsers -------------------------------------------------------------------------------------


class YesNo(Parser):
    """ "Có" (or x, TRUE, 1) is yes; blank is no. Exported as "Có" or blank."""

    empty = False
    pure = True
    YES_KEYS = frozenset({"co", "x", "true", "1", "dung", "phai", "yes"})
    NO_KEYS = frozenset({"khong", "false", "0", "no"})

    def parse(self, value: Any) -> bool:
        if isinstance(value, bool):
            return value
        if isinstance(value, int | float):
            value = int(value) if float(value).is_integer() else value
        key = fold_key(value)
        if key in self.YES_KEYS:
            return True
        if key in self.NO_KEYS:
            return False
        raise ValueError(MSG_YES_NO)

    def export(self, value: Any) -> str:
        return YES if value else ""


class Link(Parser):
    """A web address; one without a scheme is read as https, as the web form does."""

    empty = ""
    pure = True
    _valid = URLValidator(schemes=["http", "https"])

    def parse(self, value: Any) -> str:
        text = str(value).strip()
        if "://" not in text:
            text = f"https://{text}"
        if len(text) > LINK_LENGTH:
            raise ValueError(f"Dài quá {LINK_LENGTH} ký tự (hiện có {len(text)} ký tự)")
        try:
            self._valid(text)
        except ValidationError:
            raise ValueError(MSG_LINK.format(str(value).strip())) from None
        return text

    def export(self, value: Any) -> str:
        return value or ""


def _topics() -> Iterable[Topic]:
    return Topic.objects.order_by("order", "name")


SOURCE_ALIASES = {
    Source.COLLABORATOR: ("Cộng tác viên", "Cộng tác viên dư luận", "CTV", "CTV DLXH"),
    Source.BRIEFING: ("Giao ban", "Sinh hoạt định kỳ", "Sinh hoạt"),
    Source.RECEPTION: ("Tiếp dân",),
    Source.FRONT: ("Mặt trận", "Đoàn thể", "MTTQ", "Mặt trận Tổ quốc"),
    Source.PRESS: ("Báo", "Báo in", "Báo đài"),
    Source.CYBERSPACE: ("Mạng xã hội", "MXH", "Internet", "Trên mạng"),
    Source.OTHER: ("Khác",),
}
PLATFORM_ALIASES = {
    Platform.NEWS_SITE: ("Trang tin", "Báo điện tử", "Trang tin điện tử"),
    Platform.FORUM: ("Diễn đàn", "Mạng khác"),
}
TENDENCY_ALIASES = {
    Tendency.AGREE: ("Ủng hộ", "Tích cực", "Đồng thuận"),
    Tendency.DISAGREE: ("Phản đối", "Tiêu cực", "Bức xúc, phản đối"),
    Tendency.UNSURE: ("Băn khoăn", "Chưa rõ", "Trung lập", "Băn khoăn, lo lắng"),
}
INTENSITY_ALIASES = {
    Intensity.LOW: ("Ít", "Thấp", "Bình thường"),
    Intensity.MEDIUM: ("Nhiều", "Quan tâm", "Trung bình"),
    Intensity.HIGH: ("Bức xúc", "Lan rộng", "Cao", "Nghiêm trọng"),
}
STATE_ALIASES = {
    State.NEW: ("Mới ghi nhận", "Chưa chuyển", "Chưa xử lý"),
    State.FORWARDED: ("Chuyển", "Đã chuyển cơ quan chức năng", "Chờ trả lời"),
    State.ANSWERED: ("Đã có trả lời", "Có trả lời"),
    State.RESOLVED: ("Giải quyết xong", "Xong", "Hoàn thành"),
    State.WATCHING: ("Theo dõi", "Đang theo dõi", "Tiếp tục theo dõi"),
}


def unit_column(header: str, field: str, required: bool, aliases: tuple[str, ...]) -> Column:
    return Column(
        header,
        field,
        Text(300),
        required=required,
        aliases=aliases,
        width=14,
        export_value=lambda obj: getattr(obj, field).code,
    )


# --- Units ---------------------------------------------------------------------------------------


def unit_resolver(rows: list[Row], ctx: Context, fields: Sequence[str]) -> UnitResolver:
    """The one resolver, with the units' kind and parent (for the area a unit works for), and the
    units these columns name looked up at once."""
    units = UnitResolver(ctx.user, related=("kind", "parent"))
    units.load(row.values.get(field) for row in rows for field in fields)
    return units


def _chunks(values: Sequence[Any]) -> Iterable[Sequence[Any]]:
    for start in range(0, len(values), KEY_CHUNK):
        yield values[start : start + KEY_CHUNK]


def _has_error(row: Row, field: str) -> bool:
    header = row.headers.get(field)
    return any(error.column == header for error in row.errors)


# --- Opinion items -------------------------------------------------------------------------------

FORWARD_FIELDS = ("forwarded_to", "forwarded_on", "answer_due")
ANSWER_FIELDS = ("answer", "answered_on")
SOURCE_FIELDS = ("collaborator", "platform", "link", "reach")  # checked against the source


def _item_key(unit_id: int, place_id: int, noted_on: dt.date, source: str, summary: str) -> tuple:
    return unit_id, place_id, noted_on, source, fold(summary)


@register
class ItemsKind(ImportKind):
    name = "opinion_items"
    label = "thông tin dư luận"
    sheet_title = "Thông tin dư luận"
    columns = (
        unit_column("Đơn vị", "unit", True, ("Mã đơn vị", "Đơn vị nắm tình hình", "Đơn vị ghi nhận")),
        Column("Ngày ghi nhận", "noted_on", Date(), required=True, aliases=("Ngày nắm được",), width=13),
        unit_column("Địa bàn", "place", False, ("Mã địa bàn", "Địa bàn xảy ra", "Nơi xảy ra")),
        Column("Lĩnh vực", "topic", model_choices(_topics, "lĩnh vực"), required=True, width=24),
        Column(
            "Nội dung",
            "summary",
            Text(multiline=True),
            required=True,
            aliases=("Nội dung thông tin", "Nội dung sự việc", "Tóm tắt nội dung", "Tình hình, dư luận"),
            width=60,
        ),
        Column(
            "Nguồn",
            "source",
            enum_choices(Source, "nguồn", SOURCE_ALIASES),
            required=True,
            aliases=("Nguồn thông tin",),
            width=22,
        ),
        Column(
            "Cộng tác viên",
            "collaborator",
            Text(_max_length(Collaborator, "name")),
            aliases=("Cộng tác viên dư luận xã hội", "Họ tên cộng tác viên"),
            width=22,
            export_value=lambda item: item.collaborator.name if item.collaborator_id else "",
        ),
        Column(
            "Chi tiết nguồn",
            "source_detail",
            Text(_max_length(OpinionItem, "source_detail")),
            aliases=("Nguồn cụ thể",),
            width=26,
        ),
        Column("Nền tảng", "platform", enum_choices(Platform, "nền tảng", PLATFORM_ALIASES), width=14),
        Column("Đường dẫn", "link", Link(), aliases=("Link", "Đường dẫn bài viết", "Địa chỉ bài viết"), width=30),
        Column(
            "Lượt tiếp cận",
            "reach",
            Integer(min_value=0),
            aliases=("Lượt tiếp cận, tương tác", "Lượt tương tác"),
            width=12,
        ),
        Column(
            "Chiều hướng",
            "tendency",
            enum_choices(Tendency, "chiều hướng", TENDENCY_ALIASES),
            required=True,
            aliases=("Chiều hướng dư luận",),
            width=18,
        ),
        Column("Mức độ", "intensity", enum_choices(Intensity, "mức độ", INTENSITY_ALIASES), width=18),
        Column("Điểm nóng", "hot_spot", YesNo(), aliases=("Điểm nóng, vụ việc phức tạp",), width=10),
        Column("Số người liên quan", "people_involved", Integer(), aliases=("Số người",), width=10),
        Column("Đề xuất", "proposal", Text(multiline=True), aliases=("Đề xuất, kiến nghị", "Kiến nghị"), width=40),
        Column(
            "Cơ quan được chuyển đến",
            "forwarded_to",
            Text(_max_length(OpinionItem, "forwarded_to")),
            aliases=("Chuyển đến", "Cơ quan chuyển đến", "Cơ quan nhận"),
            width=26,
        ),
        Column("Ngày chuyển", "forwarded_on", Date(), width=13),
        Column("Hạn trả lời", "answer_due", Date(), width=13),
        Column(
            "Nội dung trả lời",
            "answer",
            Text(multiline=True),
            aliases=("Trả lời", "Kết quả trả lời", "Trả lời của cơ quan"),
            width=40,
        ),
        Column("Ngày trả lời", "answered_on", Date(), width=13),
        Column(
            "Tình trạng",
            "state",
            enum_choices(State, "tình trạng", STATE_ALIASES),
            aliases=("Trạng thái", "Kết quả xử lý"),
            width=16,
        ),
    )

    # --- plan ------------------------------------------------------------------------------------

    def plan(self, rows: list[Row], ctx: Context) -> None:
        today = timezone.localdate()
        units = unit_resolver(rows, ctx, ("unit", "place"))
        for row in rows:
            day = row.values.get("noted_on")
            unit = units.find(row, "unit", day=day)
            if unit is not None:
                units.check_scope(row, "unit", unit)  # even for a row that would change nothing
            row.extra["unit"] = unit
            area = committee_root(unit) if unit is not None else None
            row.extra["place"] = units.find(row, "place", day=day, within=area) if row.values.get("place") else unit
        collaborators = self._collaborators(rows, ctx)
        existing = self._existing(rows)
        first_row: dict[tuple, int] = {}
        for row in rows:  # rows with a bad cell are checked too: every error at once
            item = self._item(row, ctx, collaborators)
            self._check(row, item, today)
            if not row.ok:
                continue
            key = _item_key(item.unit_id, item.place_id, item.noted_on, item.source, item.summary)
            if key in first_row:
                row.error("summary", MSG_SAME_ITEM.format(first_row[key]))
                continue
            first_row[key] = row.number
            recorded = existing.get(key)
            if recorded is None:
                row.target, row.action = item, Action.CREATE
                continue
            row.target, row.action = recorded, Action.UNCHANGED
            differ = self._differences(row, item, recorded)
            if differ:
                row.extra["warnings"] = [MSG_RECORDED.format(text_date(recorded.noted_on), ", ".join(differ))]

    def _item(self, row: Row, ctx: Context, collaborators: dict[str, list[Collaborator]]) -> OpinionItem:
        values = row.values
        item = OpinionItem(
            noted_on=values.get("noted_on"),
            topic=values.get("topic"),
            summary=values.get("summary") or "",
            source=values.get("source") or "",
            source_detail=values.get("source_detail") or "",
            platform=values.get("platform") or "",
            link=values.get("link") or "",
            reach=values.get("reach"),
            tendency=values.get("tendency") or "",
            intensity=values.get("intensity") or Intensity.LOW,
            hot_spot=bool(values.get("hot_spot")),
            people_involved=values.get("people_involved"),
            proposal=values.get("proposal") or "",
            forwarded_to=values.get("forwarded_to") or "",
            forwarded_on=values.get("forwarded_on"),
            answer_due=values.get("answer_due"),
            answer=values.get("answer") or "",
            answered_on=values.get("answered_on"),
            created_by=ctx.user,
        )
        for name in ("unit", "place"):
            if row.extra.get(name) is not None:
                setattr(item, name, row.extra[name])
        if values.get("collaborator") and item.unit_id:
            item.collaborator = self._collaborator(row, item, collaborators)
        item.state = values.get("state") or self._implied_state(values)
        return item

    @staticmethod
    def _implied_state(values: dict) -> str:
        """A blank state: what the forwarding and answer columns say."""
        if any(values.get(name) for name in ANSWER_FIELDS):
            return State.ANSWERED
        if any(values.get(name) for name in FORWARD_FIELDS):
            return State.FORWARDED
        return State.NEW

    def _check(self, row: Row, item: OpinionItem, today: dt.date) -> None:
        """The web's rules (item, forwarding, answer) and the state against its columns; a cell already
        in error gets no second message, nor do the columns that depend on a source in error."""
        skip = {column.field for column in self.columns if _has_error(row, column.field)}
        if "source" in skip:
            skip.update(SOURCE_FIELDS)
        errors = rules.item_errors(item, today)
        values = row.values
        topic = values.get("topic")
        if topic is not None and item.noted_on and not topic.is_valid_on(item.noted_on):
            errors.append(("topic", MSG_TOPIC_ENDED.format(topic.name, text_date(item.noted_on))))
        forwarding = any(values.get(name) for name in FORWARD_FIELDS)
        answering = any(values.get(name) for name in ANSWER_FIELDS)
        state, stated = item.state, "state" not in skip  # a state in error: the one the columns imply
        if stated and state == State.NEW and (forwarding or answering):
            errors.append(("state", MSG_NEW_FORWARDED))
        else:
            if stated and state == State.FORWARDED and answering:
                errors.append(("state", MSG_FORWARDED_ANSWERED))
            # What the forward and answer steps of the workflow check (the day noted stands in when in error).
            noted = SimpleNamespace(noted_on=item.noted_on or dt.date.min, forwarded_on=item.forwarded_on)
            if state in (State.FORWARDED, State.ANSWERED) or forwarding or answering:
                errors += rules.forward_errors(noted, item.forwarded_to, item.forwarded_on, item.answer_due, today)
            if state == State.ANSWERED or (answering and state != State.FORWARDED):
                errors += rules.answer_errors(noted, item.answer, item.answered_on, today)
        for field, message in errors:
            if field not in skip:
                row.error(field if field in row.headers else None, message)

    def _differences(self, row: Row, item: OpinionItem, recorded: OpinionItem) -> list[str]:
        """Headers of the columns whose value differs from the recorded item's."""
        new, old = changelog.snapshot(item), changelog.snapshot(recorded)
        fields = {f.attname: f.name for f in OpinionItem._meta.concrete_fields}
        present = {column.field for column in self.columns if column.field in row.values or column.field == "state"}
        differ = []
        for attname, value in new.items():
            name = fields[attname]
            if name in present and value != old.get(attname) and row.headers[name] not in differ:
                differ.append(row.headers[name])
        return differ

    # --- lookups (one query each, whatever the number of rows) ------------------------------------

    def _collaborators(self, rows: list[Row], ctx: Context) -> dict[str, list[Collaborator]]:
        """Collaborators of the areas the rows' units work for, by folded name."""
        roots = {}
        for row in rows:
            unit = row.extra.get("unit")
            if unit is not None and row.values.get("collaborator"):
                root = committee_root(unit)
                roots[root.pk] = root
        if not roots:
            return {}
        q = Q(pk__in=[])
        for root in roots.values():
            q |= scoping.subtree_q("unit__path", root.path)
        found = Collaborator.objects.filter(q)
        if ctx.user is not None:
            found = found.restrict(ctx.user)
        by_name: dict[str, list[Collaborator]] = defaultdict(list)
        for collaborator in found.select_related("unit").order_by("term_start", "id"):
            by_name[fold(collaborator.name)].append(collaborator)
        return by_name

    def _collaborator(
        self, row: Row, item: OpinionItem, collaborators: dict[str, list[Collaborator]]
    ) -> Collaborator | None:
        """The collaborator of the unit's area with this name; of several, the one serving on the day noted."""
        name = row.values["collaborator"]
        root = committee_root(item.unit)
        found = [c for c in collaborators.get(fold(name), []) if within(c.unit, root)]
        if not found:
            row.error("collaborator", MSG_COLLABORATOR_UNKNOWN.format(name, root.name))
            return None
        if len(found) > 1 and item.noted_on:
            serving = [c for c in found if c.serves_on(item.noted_on)]
            if len(serving) > 1:
                units = "; ".join(f"{c.unit.name}, từ {text_date(c.term_start)}" for c in serving)
                row.error(
                    "collaborator",
                    MSG_COLLABORATOR_AMBIGUOUS.format(len(serving), name, text_date(item.noted_on), units),
                )
                return None
            found = serving or found
        return found[-1]  # the latest term when none served then: the rules say so

    def _existing(self, rows: list[Row]) -> dict[tuple, OpinionItem]:
        """Recorded items of the rows' units within the rows' dates, by their key."""
        unit_ids = sorted({row.extra["unit"].pk for row in rows if row.extra.get("unit") is not None})
        days = [day for row in rows if isinstance(day := row.values.get("noted_on"), dt.date)]
        if not unit_ids or not days:
            return {}
        found: dict[tuple, OpinionItem] = {}
        for chunk in _chunks(unit_ids):
            recorded = OpinionItem.objects.filter(unit_id__in=chunk, noted_on__range=(min(days), max(days)))
            for item in recorded.order_by("id"):
                key = _item_key(item.unit_id, item.place_id, item.noted_on, item.source, item.summary)
                found.setdefault(key, item)
        return found

    # --- scope and write -------------------------------------------------------------------------

    def touched(self, row: Row, ctx: Context) -> Iterable[tuple[str | None, str, str | None]]:
        unit = row.extra["unit"]
        yield "unit", unit.code, unit.path

    def write(self, rows: list[Row], ctx: Context) -> None:
        items = [row.target for row in rows if row.action is Action.CREATE]
        for item in items:
            item.search_text = item.compute_search_text()
        bulk.insert(items)
        changelog.bulk_log((item, "create", None, changelog.snapshot(item)) for item in items)

    # --- export ----------------------------------------------------------------------------------

    def export_queryset(self, user: Any, filters: dict[str, Any]) -> QuerySet:
        """Cases (merged duplicates are part of their case) the user may see; `params` are the list
        page's filters (its query string), `year` the year noted, `unit` a unit's code (its subtree)."""
        queryset = OpinionItem.objects.all() if user is None else OpinionItem.objects.restrict(user)
        queryset = queryset.cases()
        if "params" in filters:
            from danvan.opinion.forms import ItemFilter

            queryset = ItemFilter(filters["params"]).apply(queryset, timezone.localdate())
        if filters.get("year"):
            queryset = queryset.filter(noted_on__year=int(filters["year"]))
        if filters.get("unit"):
            queryset = queryset.filter(scoping.subtree_q("unit__path", unit_path(filters["unit"])))
        related = ("unit", "place", "topic", "collaborator")
        return queryset.select_related(*related).order_by("unit__path", "noted_on", "id")

    def export_rows(self, queryset: QuerySet) -> Iterable[Sequence[Any]]:
        for item in queryset.iterator(chunk_size=2000):
            yield [self.export_cell(column, item) for column in self.columns]


# --- Collaborators -------------------------------------------------------------------------------


@register
class CollaboratorsKind(ImportKind):
    name = "opinion_collaborators"
    label = "cộng tác viên"
    sheet_title = "Cộng tác viên"
    columns = (
        unit_column("Đơn vị", "unit", True, ("Mã đơn vị", "Đơn vị quản lý")),
        Column(
            "Họ và tên",
            "name",
            Text(_max_length(Collaborator, "name")),
            required=True,
            aliases=("Họ tên", "Tên cộng tác viên"),
            width=26,
        ),
        Column(
            "Chức vụ nơi công tác",
            "position",
            Text(_max_length(Collaborator, "position")),
            aliases=("Chức vụ, nơi công tác", "Chức vụ", "Nơi công tác"),
            width=34,
        ),
        Column(
            "Lĩnh vực theo dõi",
            "topic",
            model_choices(_topics, "lĩnh vực"),
            aliases=("Lĩnh vực",),
            width=24,
        ),
        Column("Nhiệm kỳ từ ngày", "term_start", Date(), required=True, aliases=("Từ ngày", "Nhiệm kỳ từ"), width=14),
        Column("Đến ngày", "term_end", Date(), aliases=("Nhiệm kỳ đến ngày", "Nhiệm kỳ đến"), width=14),
    )

    def plan(self, rows: list[Row], ctx: Context) -> None:
        units = unit_resolver(rows, ctx, ("unit",))
        for row in rows:
            unit = units.find(row, "unit", day=row.values.get("term_start"))
            if unit is not None:
                units.check_scope(row, "unit", unit)  # even for a row that would change nothing
            row.extra["unit"] = unit
        existing = self._existing({row.extra["unit"].pk for row in rows if row.extra["unit"] is not None})
        first_row: dict[tuple, int] = {}
        for row in rows:
            values, unit = row.values, row.extra["unit"]
            key = (unit.pk if unit else None, fold(values.get("name")), values.get("term_start"))
            collaborator = existing.get(key) or Collaborator(name=values.get("name") or "")
            if unit is not None:
                collaborator.unit = unit
            collaborator.position = values.get("position") or ""
            collaborator.topic = values.get("topic")
            collaborator.term_start = values.get("term_start")
            collaborator.term_end = values.get("term_end")
            for field, message in rules.collaborator_errors(collaborator):
                if not _has_error(row, field):
                    row.error(field, message)
            if not row.ok:
                continue
            if key in first_row:
                row.error("name", MSG_SAME_COLLABORATOR.format(first_row[key]))
                continue
            first_row[key] = row.number
            row.target = collaborator
            if collaborator._state.adding:
                row.action = Action.CREATE
                continue
            before, after = changes(collaborator)
            row.extra["changes"] = (before, after)
            row.action = Action.UPDATE if after else Action.UNCHANGED

    def _existing(self, unit_ids: set[int]) -> dict[tuple, Collaborator]:
        found: dict[tuple, Collaborator] = {}
        for chunk in _chunks(sorted(unit_ids)):
            for collaborator in Collaborator.objects.filter(unit_id__in=chunk).order_by("id"):
                key = (collaborator.unit_id, fold(collaborator.name), collaborator.term_start)
                found.setdefault(key, collaborator)
        return found

    def touched(self, row: Row, ctx: Context) -> Iterable[tuple[str | None, str, str | None]]:
        unit = row.extra["unit"]
        yield "unit", unit.code, unit.path

    def write(self, rows: list[Row], ctx: Context) -> None:
        created = [row.target for row in rows if row.action is Action.CREATE]
        updated = [row for row in rows if row.action is Action.UPDATE]
        bulk.insert(created)
        for row in updated:
            row.target.version += 1  # a form opened before the import is now stale
        if updated:
            fields = ["position", "topic", "term_end", "version"]
            Collaborator.objects.bulk_update([row.target for row in updated], fields, batch_size=1000)
        changelog.bulk_log(
            [(c, "create", None, changelog.snapshot(c)) for c in created]
            + [(row.target, "update", *row.extra["changes"]) for row in updated]
        )

    def export_queryset(self, user: Any, filters: dict[str, Any]) -> QuerySet:
        queryset = Collaborator.objects.all() if user is None else Collaborator.objects.restrict(user)
        if filters.get("unit"):
            queryset = queryset.filter(scoping.subtree_q("unit__path", unit_path(filters["unit"])))
        return queryset.select_related("unit", "topic").order_by("unit__path", "name", "term_start", "id")


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


# --- Import templates ----------------------------------------------------------------------------

LISTS_SHEET = "Danh mục"
TEMPLATE_ROWS = 2000  # rows of the list sheet that carry the drop-down lists
FREE_TEXT = frozenset({"unit", "place", "collaborator"})  # a list to pick from, but other text is accepted

ITEM_NOTES = {
    "unit": ("Có", "Mã đơn vị nắm tình hình (chọn trong danh sách “mã – tên”); chỉ đơn vị trong phạm vi của bạn."),
    "noted_on": ("Có", "Ngày/tháng/năm, ví dụ 10/3/2026; không sau ngày nhập."),
    "place": ("Không", "Mã xã, phường nơi xảy ra (thuộc địa bàn của đơn vị); để trống là chính đơn vị."),
    "topic": ("Có", "Chọn trong danh sách."),
    "summary": ("Có", "Tóm tắt sự việc, ý kiến của nhân dân."),
    "source": ("Có", "Chọn trong danh sách."),
    "collaborator": ("Khi nguồn là cộng tác viên", "Họ tên cộng tác viên có trong danh sách của đơn vị."),
    "source_detail": ("Không", "Mạng lưới, tổ chức, tên báo, người phản ánh..."),
    "platform": ("Khi nguồn là không gian mạng", "Chọn trong danh sách."),
    "link": ("Khi nguồn là không gian mạng", "Địa chỉ bài viết, ví dụ https://www.facebook.com/…"),
    "reach": ("Không", "Lượt tiếp cận, tương tác (chỉ với nguồn không gian mạng)."),
    "tendency": ("Có", "Chọn trong danh sách."),
    "intensity": ("Không", "Để trống là “Ít quan tâm”."),
    "hot_spot": ("Không", "Ghi “Có” nếu là điểm nóng, vụ việc phức tạp; để trống nếu không."),
    "people_involved": ("Không", "Từ 1 trở lên."),
    "proposal": ("Không", "Đề xuất, kiến nghị."),
    "forwarded_to": ("Khi đã chuyển", "Cơ quan được chuyển đến, ví dụ UBND xã Long Thuận."),
    "forwarded_on": ("Khi đã chuyển", "Không trước ngày ghi nhận."),
    "answer_due": ("Không", "Không trước ngày chuyển."),
    "answer": ("Khi đã trả lời", "Nội dung trả lời của cơ quan."),
    "answered_on": ("Khi đã trả lời", "Không trước ngày chuyển."),
    "state": (
        "Không",
        "Để trống thì theo các cột: có trả lời là “Đã trả lời”, có chuyển là “Đã chuyển”, còn lại là “Mới”.",
    ),
}
ITEM_GUIDE = (
    "HƯỚNG DẪN NHẬP THÔNG TIN TÌNH HÌNH NHÂN DÂN, DƯ LUẬN XÃ HỘI",
    "Mỗi dòng của trang đầu là một thông tin. Giữ nguyên tên các cột; có thể thêm các dòng tiêu đề phía trên, "
    "cột STT ở đầu và dòng “Tổng cộng” ở cuối.",
    "Các cột có danh sách chọn sẵn; chữ hoa, chữ thường, có dấu hay không dấu đều được nhận.",
    "Không dùng công thức trong ô (hãy dán giá trị). Khi nhập, hệ thống kiểm tra toàn bộ tệp và báo mọi lỗi "
    "(dòng, cột, nội dung); chỉ ghi khi không còn lỗi nào.",
    "Một dòng trùng thông tin đã có (cùng đơn vị, địa bàn, ngày ghi nhận, nguồn và nội dung) không được ghi lại: "
    "nhập lại cùng một tệp không làm thay đổi gì. Việc chuyển, trả lời sau đó cập nhật trên trang của thông tin.",
)
COLLABORATOR_NOTES = {
    "unit": ("Có", "Mã đơn vị quản lý cộng tác viên (chọn trong danh sách “mã – tên”)."),
    "name": ("Có", "Họ và tên cộng tác viên."),
    "position": ("Không", "Chức vụ, nơi công tác."),
    "topic": ("Không", "Để trống là theo dõi mọi lĩnh vực."),
    "term_start": ("Có", "Ngày/tháng/năm bắt đầu nhiệm kỳ."),
    "term_end": ("Không", "Để trống khi chưa hết nhiệm kỳ."),
}
COLLABORATOR_GUIDE = (
    "HƯỚNG DẪN NHẬP DANH SÁCH CỘNG TÁC VIÊN DƯ LUẬN XÃ HỘI",
    "Mỗi dòng là một cộng tác viên trong một nhiệm kỳ. Dòng cùng đơn vị, họ tên và ngày bắt đầu nhiệm kỳ với "
    "cộng tác viên đã có sẽ cập nhật chức vụ, lĩnh vực và ngày kết thúc nhiệm kỳ của người đó.",
    "Không dùng công thức trong ô (hãy dán giá trị). Hệ thống báo mọi lỗi và chỉ ghi khi không còn lỗi nào.",
)
ITEM_TEMPLATE_NAME = "Mẫu nhập thông tin dư luận.xlsx"
COLLABORATOR_TEMPLATE_NAME = "Mẫu nhập cộng tác viên dư luận xã hội.xlsx"


def _unit_options(units: QuerySet) -> list[str]:
    return [f"{code} – {name}" for code, name in units.values_list("code", "name")]


def item_template(user: Any) -> Any:
    """The items' template: the list sheet with drop-down lists, a guide, and the hidden lists (the units
    the user records for, the places of their area, fields, collaborators and the choices)."""
    today = timezone.localdate()
    collaborators = Collaborator.objects.restrict(user).filter(Q(term_end__isnull=True) | Q(term_end__gte=today))
    lists = {
        "unit": ("Danh mục đơn vị (mã – tên)", _unit_options(owner_units(user))),
        "place": ("Danh mục địa bàn (mã – tên)", _unit_options(area_units(user))),
        "topic": (
            "Danh mục lĩnh vực",
            [topic.name for topic in Topic.objects.valid_on(today).order_by("order", "name")],
        ),
        "source": ("Danh mục nguồn", [label for _, label in Source.choices]),
        "collaborator": ("Danh sách cộng tác viên", sorted(set(collaborators.values_list("name", flat=True)))),
        "platform": ("Danh mục nền tảng", [label for _, label in Platform.choices]),
        "tendency": ("Danh mục chiều hướng", [label for _, label in Tendency.choices]),
        "intensity": ("Danh mục mức độ", [label for _, label in Intensity.choices]),
        "hot_spot": ("Điểm nóng (ghi “Có”)", [YES]),
        "state": ("Danh mục tình trạng", [label for _, label in State.choices]),
    }
    return _template(ItemsKind.columns, ItemsKind.sheet_title, lists, ITEM_NOTES, ITEM_GUIDE)


def collaborator_template(user: Any) -> Any:
    lists = {
        "unit": ("Danh mục đơn vị (mã – tên)", _unit_options(owner_units(user))),
        "topic": ("Danh mục lĩnh vực", [topic.name for topic in Topic.objects.order_by("order", "name")]),
    }
    return _template(
        CollaboratorsKind.columns, CollaboratorsKind.sheet_title, lists, COLLABORATOR_NOTES, COLLABORATOR_GUIDE
    )


RECEPTION_NOTES = {
    "unit": ("Có (dòng đầu của buổi)",
             "Mã cấp ủy, đơn vị (chọn “mã – tên”); để trống cùng Ngày tiếp là tiếp tục buổi ở dòng trên."),
    "day": ("Có (dòng đầu của buổi)", "Ngày/tháng/năm, ví dụ 15/3/2026; ngày chưa đến là ngày trên lịch tiếp."),
    "leader": ("Có", "Họ tên, chức vụ người chủ trì, ví dụ Nguyễn Văn A, Bí thư Đảng ủy xã."),
    "kind": ("Không", "Để trống là “Định kỳ”."),
    "status": ("Không", "Để trống: ngày đã qua là “Đã tiếp”, ngày chưa đến là “Theo lịch”."),
    "place": ("Không", "Nơi tiếp công dân."),
    "notes": ("Không", "Lý do hoãn, tiếp đột xuất..."),
    "petitioner": ("Khi có vụ việc", "Họ tên người đến (người đại diện), nơi cư trú."),
    "case_type": ("Khi có vụ việc", "Chọn trong danh sách."),
    "people": ("Không", "Để trống là 1 người."),
    "content": ("Khi có vụ việc", "Nội dung phản ánh, kiến nghị, khiếu nại, tố cáo."),
    "assigned_to": ("Không", "Cơ quan, người được giao giải quyết."),
    "deadline": ("Không", "Không trước ngày tiếp."),
    "result": ("Khi có kết quả", "Kết quả giải quyết."),
    "settled_on": ("Khi có kết quả", "Không trước ngày tiếp, không sau ngày nhập."),
}  # fmt: skip
RECEPTION_GUIDE = (
    "HƯỚNG DẪN NHẬP SỔ TIẾP CÔNG DÂN",
    "Mỗi dòng là một vụ việc tiếp nhận khi tiếp công dân, kèm các cột của buổi tiếp (đơn vị, ngày tiếp, "
    "người chủ trì...). Các dòng sau của cùng buổi có thể để trống các cột của buổi (kể cả khi gộp ô); "
    "buổi không có ai đến, buổi trên lịch hoặc đã hoãn ghi một dòng, để trống các cột của vụ việc.",
    "Cùng đơn vị, ngày tiếp và hình thức là một buổi tiếp; cùng buổi, người đến, loại đơn, việc và nội dung "
    "là một vụ việc. Nhập lại tệp đã nhập (hoặc tệp xuất ra) không thêm gì; ô có ghi thì cập nhật (ví dụ "
    "kết quả giải quyết), ô để trống không xóa dữ liệu đã có.",
    "Không dùng công thức trong ô (hãy dán giá trị). Hệ thống kiểm tra toàn bộ tệp, báo mọi lỗi và chỉ ghi khi "
    "không còn lỗi nào.",
)
DIALOGUE_NOTES = {
    "unit": ("Có (dòng đầu của hội nghị)",
             "Mã cấp ủy (chọn “mã – tên”); để trống cùng Ngày đối thoại là tiếp tục hội nghị ở dòng trên."),
    "day": ("Có (dòng đầu của hội nghị)", "Ngày/tháng/năm."),
    "host_role": ("Có", "Bí thư cấp ủy hoặc Chủ tịch Ủy ban nhân dân."),
    "hosts": ("Có", "Họ tên, chức vụ người chủ trì."),
    "topic": ("Có", "Chủ đề đối thoại."),
    "place": ("Không", "Địa điểm tổ chức."),
    "notice_on": ("Không", "Nên thông báo cho nhân dân trước ít nhất 7 ngày."),
    "participants": ("Không", "Từ 1 trở lên."),
    "published_on": ("Không", "Không trước ngày đối thoại, không sau ngày nhập."),
    "publication": ("Không", "Niêm yết tại trụ sở, loa truyền thanh..."),
    "content": ("Khi có cam kết", "Nội dung cam kết."),
    "responsible": ("Khi có cam kết", "Cơ quan chịu trách nhiệm thực hiện."),
    "deadline": ("Khi có cam kết", "Không trước ngày đối thoại."),
    "done_on": ("Khi đã hoàn thành", "Không sau ngày nhập."),
    "result": ("Khi đã hoàn thành", "Kết quả thực hiện cam kết."),
}  # fmt: skip
DIALOGUE_GUIDE = (
    "HƯỚNG DẪN NHẬP HỘI NGHỊ ĐỐI THOẠI VÀ CAM KẾT",
    "Mỗi dòng là một cam kết tại hội nghị, kèm các cột của hội nghị; các dòng sau của cùng hội nghị có thể để trống "
    "các cột của hội nghị. Hội nghị chưa có cam kết ghi một dòng, để trống các cột cam kết.",
    "Cùng đơn vị và ngày đối thoại là một hội nghị; cùng hội nghị và nội dung là một cam kết. Nhập lại không thêm gì; "
    "ô có ghi thì cập nhật (ví dụ ngày hoàn thành), ô để trống không xóa dữ liệu đã có.",
    "Không dùng công thức trong ô (hãy dán giá trị). Hệ thống báo mọi lỗi và chỉ ghi khi không còn lỗi nào.",
)
RECEPTION_TEMPLATE_NAME = "Mẫu nhập sổ tiếp công dân.xlsx"
DIALOGUE_TEMPLATE_NAME = "Mẫu nhập đối thoại với nhân dân.xlsx"


def reception_template(user: Any) -> Any:
    lists = {
        "unit": ("Danh mục đơn vị (mã – tên)", _unit_options(owner_units(user))),
        "kind": ("Danh mục hình thức", [label for _, label in ReceptionKind.choices]),
        "status": ("Danh mục tình trạng", [label for _, label in ReceptionStatus.choices]),
        "case_type": ("Danh mục loại đơn, việc", [label for _, label in CaseType.choices]),
    }
    return _template(ReceptionsKind.columns, ReceptionsKind.sheet_title, lists, RECEPTION_NOTES, RECEPTION_GUIDE)


def dialogue_template(user: Any) -> Any:
    lists = {
        "unit": ("Danh mục đơn vị (mã – tên)", _unit_options(owner_units(user))),
        "host_role": ("Danh mục người chủ trì", [label for _, label in HostRole.choices]),
    }
    return _template(DialoguesKind.columns, DialoguesKind.sheet_title, lists, DIALOGUE_NOTES, DIALOGUE_GUIDE)


def _template(
    columns: Sequence[Column],
    title: str,
    lists: dict[str, tuple[str, list[str]]],
    notes: dict[str, tuple[str, str]],
    guide_lines: Sequence[str],
) -> Any:
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font
    from openpyxl.utils import get_column_letter
    from openpyxl.worksheet.datavalidation import DataValidation

    workbook = Workbook()
    sheet = workbook.active
    sheet.title = title
    bold = Font(bold=True)
    sheet.append([column.header for column in columns])
    positions = {}
    for index, column in enumerate(columns, start=1):
        sheet.cell(1, index).font = bold
        letter = get_column_letter(index)
        sheet.column_dimensions[letter].width = column.width
        positions[column.field] = letter
    sheet.freeze_panes = "A2"

    hidden = workbook.create_sheet(LISTS_SHEET)
    headers = {column.field: column.header for column in columns}
    for index, (field, (heading, values)) in enumerate(lists.items(), start=1):
        letter = get_column_letter(index)
        hidden.cell(1, index, heading).font = bold
        for number, value in enumerate(values, start=2):
            hidden.cell(number, index, value)
        hidden.column_dimensions[letter].width = 50 if field in FREE_TEXT else 26
        free = field in FREE_TEXT
        validation = DataValidation(
            type="list",
            formula1=f"'{LISTS_SHEET}'!${letter}$2:${letter}${max(len(values), 1) + 1}",
            allow_blank=True,
            showErrorMessage=True,
            errorStyle="warning" if free else "stop",
            errorTitle=headers[field],
            error=(
                "Không có trong danh sách; vẫn có thể ghi đúng mã hoặc họ tên."
                if free
                else f"Vui lòng chọn {headers[field].lower()} trong danh sách."
            ),
        )
        validation.add(f"{positions[field]}2:{positions[field]}{TEMPLATE_ROWS + 1}")
        sheet.add_data_validation(validation)
    hidden.sheet_state = "hidden"

    guide = workbook.create_sheet("Hướng dẫn")
    for letter, width in (("A", 26), ("B", 22), ("C", 100)):
        guide.column_dimensions[letter].width = width
    guide.append([guide_lines[0]])
    guide["A1"].font = Font(bold=True, size=13)
    for line in guide_lines[1:]:
        guide.append([line])
    guide.append([])
    guide.append(["Cột", "Bắt buộc", "Cách ghi"])
    for cell in guide[guide.max_row]:
        cell.font = bold
    wrap = Alignment(wrap_text=True, vertical="top")
    for column in columns:
        required, note = notes[column.field]
        guide.append([column.header, required, note])
        for cell in guide[guide.max_row]:
            cell.alignment = wrap
    return workbook
