"""`opinion_items` and `opinion_collaborators`: the people's opinion as units note it, and the register
of collaborators (see the package's docstring for how rows are matched)."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable, Sequence
from types import SimpleNamespace
from typing import Any

from django.db.models import QuerySet
from django.utils import timezone

from danvan.core import bulk, changelog, scoping
from danvan.core.vn import fold, text_date
from danvan.core.xlsx import Action, Column, Context, Date, ImportKind, Integer, Row, Text, register
from danvan.core.xlsx.modelkind import changes, unit_path
from danvan.core.xlsx.parsers import enum_choices, model_choices
from danvan.opinion import rules
from danvan.opinion.choices import (
    Intensity,
    Platform,
    Source,
    State,
    Tendency,
)
from danvan.opinion.imports.common import (
    INTENSITY_ALIASES,
    MSG_COLLABORATOR_AMBIGUOUS,
    MSG_COLLABORATOR_UNKNOWN,
    MSG_FORWARDED_ANSWERED,
    MSG_NEW_FORWARDED,
    MSG_RECORDED,
    MSG_SAME_COLLABORATOR,
    MSG_SAME_ITEM,
    MSG_TOPIC_ENDED,
    PLATFORM_ALIASES,
    SOURCE_ALIASES,
    STATE_ALIASES,
    TENDENCY_ALIASES,
    Link,
    YesNo,
    _chunks,
    _has_error,
    _max_length,
    _topics,
    unit_column,
    unit_resolver,
)
from danvan.opinion.models import (
    Collaborator,
    OpinionItem,
)
from danvan.org.services import committee_root, within

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
        found = Collaborator.objects.filter(scoping.subtrees_q("unit__path", (root.path for root in roots.values())))
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
