"""Excel import/export kinds of the org app: `units` (the tree) and `lineage` (merges, splits...).

Both run on the shared engine (danvan.core.xlsx): the engine reads and parses the file, these
specs add the org rules (parents, cycles, validity periods, lineage events) and the bulk writes.
A lineage row names its units as every import does (`danvan.org.resolver`: a code, a name or
"code – name"); a unit's parent in `units` is a code, of a unit in the system or in the same file.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from types import SimpleNamespace
from typing import Any

from django.db.models import Prefetch, Q, QuerySet

from danvan.core import changelog, scoping
from danvan.core.vn import text_date
from danvan.core.xlsx import Action, Column, Context, Date, ImportKind, ModelKind, Row, Text, register
from danvan.core.xlsx.modelkind import changes, unit_path
from danvan.core.xlsx.parsers import enum_choices, model_choices
from danvan.org.choices import LineageKind
from danvan.org.models import Bloc, LineageEvent, Unit, UnitKind
from danvan.org.resolver import UnitResolver
from danvan.org.services import ENDING_KINDS, bulk_create_units

CODE_LENGTH = Unit._meta.get_field("code").max_length
UNIT_TEXT_LENGTH = 300  # a unit's code, name or "code – name" (danvan.org.resolver)
SIDES = ("predecessor", "successor")


def _max_length(model: Any, name: str) -> int:
    return model._meta.get_field(name).max_length


def _covers(outer: Any, inner: Any) -> bool:
    """Whether `outer`'s validity period contains all of `inner`'s (None = open end)."""
    starts_before = outer.valid_from is None or (inner.valid_from is not None and outer.valid_from <= inner.valid_from)
    ends_after = outer.valid_until is None or (inner.valid_until is not None and inner.valid_until <= outer.valid_until)
    return starts_before and ends_after


def period(obj: Any) -> str:
    """The validity period as it reads inside a sentence: "từ 1/1/2020 đến 30/6/2025"."""
    label = obj.period_label
    return label[:1].lower() + label[1:]


# --- Units ---------------------------------------------------------------------------------------


@register
class UnitsKind(ModelKind):
    """Units keyed by code; the parent is a code in the database or in the same file."""

    name = "units"
    label = "đơn vị"
    model = Unit
    sheet_title = "Đơn vị"
    columns = (
        Column(
            "Mã đơn vị",
            "code",
            Text(CODE_LENGTH),
            required=True,
            unique=True,
            aliases=("Mã", "Mã ĐV"),
            width=14,
        ),
        Column(
            "Tên đơn vị",
            "name",
            Text(_max_length(Unit, "name")),
            required=True,
            aliases=("Tên", "Tên tổ chức", "Đơn vị"),
            width=40,
        ),
        Column(
            "Loại",
            "kind",
            model_choices(lambda: UnitKind.objects.select_related("default_bloc"), "loại đơn vị"),
            required=True,
            aliases=("Loại đơn vị",),
            width=34,
        ),
        Column("Khối", "bloc", model_choices(lambda: Bloc.objects.all(), "khối"), width=20),
        Column(
            "Mã đơn vị cấp trên",
            "parent",
            Text(CODE_LENGTH),
            aliases=("Mã cấp trên", "Mã ĐV cấp trên"),
            width=18,
            export_value=lambda unit: unit.parent.code if unit.parent_id else "",
        ),
        Column("Hiệu lực từ", "valid_from", Date(), aliases=("Từ ngày", "Hiệu lực từ ngày"), width=14),
        Column("Hiệu lực đến", "valid_until", Date(), aliases=("Đến ngày", "Hiệu lực đến ngày"), width=14),
        Column("Tên ngắn", "short_name", Text(_max_length(Unit, "short_name")), aliases=("Tên viết tắt",)),
    )

    def apply(self, row: Row, obj: Unit, ctx: Context) -> None:
        values = row.values
        for name in ("name", "short_name", "kind", "valid_from", "valid_until"):
            if name in values:
                setattr(obj, name, values[name])
        # A blank bloc means the kind's default for a new unit, and "keep it" for an existing one.
        if values.get("bloc") is not None:
            obj.bloc = values["bloc"]
        elif obj._state.adding and obj.kind_id:
            obj.bloc = obj.kind.default_bloc

    def plan(self, rows: list[Row], ctx: Context) -> None:
        units = list(Unit.objects.all())  # the whole tree: parents, cycles and periods need it
        by_code = {unit.code: unit for unit in units}
        by_id = {unit.pk: unit for unit in units}
        ctx.data["by_code"] = by_code
        # Rows with a bad cell still take part in the cross-row checks, so every error shows at once;
        # a repeated code (already an error) is left out.
        first_rows: dict[str, Row] = {}
        for row in rows:
            if row.values.get("code"):
                first_rows.setdefault(row.values["code"], row)
        planned = list(first_rows.values())
        for row in planned:
            row.extra["parsed"] = row.ok
            code = row.values["code"]
            obj = by_code.get(code) or Unit(code=code)
            self.apply(row, obj, ctx)
            if row.extra["parsed"]:
                self.validate(row, obj, ctx)
            row.target = obj
            row.extra["changes"] = ({}, {}) if obj._state.adding else changes(obj)

        parents = self._resolve_parents(rows, planned, by_code, by_id)
        depths = self._check_cycles(planned, parents)
        targets = {row.values["code"]: row.target for row in planned}
        for row in planned:
            obj, code = row.target, row.values["code"]
            parent_code = parents.get(code)
            old_parent = by_id[obj.parent_id].code if obj.parent_id and not obj._state.adding else None
            row.extra.update(parent_code=parent_code, depth=depths.get(code, -1))
            row.extra["reparent"] = not obj._state.adding and parent_code != old_parent
            if obj._state.adding or row.extra["reparent"]:
                obj.parent = (targets.get(parent_code) or by_code.get(parent_code)) if parent_code else None
            if obj._state.adding:
                row.action = Action.CREATE
            elif row.extra["reparent"] or row.extra["changes"][1]:
                row.action = Action.UPDATE
            else:
                row.action = Action.UNCHANGED
        self._check_periods(planned, targets, by_code, units)

    def _resolve_parents(
        self, rows: list[Row], planned: list[Row], by_code: dict[str, Unit], by_id: dict[int, Unit]
    ) -> dict[str, str | None]:
        """Every unit's parent code once the file is applied; unknown parents are errors."""
        parents = {unit.code: by_id[unit.parent_id].code if unit.parent_id else None for unit in by_code.values()}
        in_file = {row.values.get("code") for row in rows}
        for row in planned:
            code = row.values["code"]
            if "parent" not in row.values:
                parents.setdefault(code, None)  # no parent column: existing units keep theirs
                continue
            parent = row.values["parent"] or None
            if parent is not None and parent not in by_code and parent not in in_file:
                row.error(
                    "parent",
                    f"Không tìm thấy đơn vị cấp trên có mã '{parent}' (trong tệp hay trong hệ thống)",
                )
                parent = None
            parents[code] = parent
        return parents

    def _check_cycles(self, planned: list[Row], parents: dict[str, str | None]) -> dict[str, int]:
        """Depth of each unit in the new tree (-1 when in or under a loop); loop members get an error."""
        depths: dict[str, int] = {}
        rows_by_code = {row.values["code"]: row for row in planned}
        for start in rows_by_code:
            chain: list[str] = []
            position: dict[str, int] = {}
            code: str | None = start
            while code is not None and code not in depths and code not in position:
                position[code] = len(chain)
                chain.append(code)
                code = parents.get(code)
            depth: int | None  # of the unit above the chain; None when the chain is in or under a loop
            if code is not None and code in position:
                cycle = chain[position[code] :]
                for index, member in enumerate(cycle):
                    loop = " → ".join([*cycle[index:], *cycle[:index], member])
                    if member in rows_by_code:
                        rows_by_code[member].error("parent", f"Tạo vòng lặp cấp trên – cấp dưới: {loop}")
                depth = None
            elif code is None:
                depth = -1  # reached the top
            else:
                depth = depths[code] if depths[code] >= 0 else None  # joined an earlier walk
            for member in reversed(chain):
                depth = None if depth is None else depth + 1
                depths[member] = -1 if depth is None else depth
        return depths

    def _check_periods(
        self, planned: list[Row], targets: dict[str, Unit], by_code: dict[str, Unit], units: list[Unit]
    ) -> None:
        """A parent must be valid during the child's whole period (checked where the file changes it)."""
        period_changed = {
            row.values["code"]
            for row in planned
            if row.target._state.adding or {"valid_from", "valid_until"} & set(row.extra["changes"][1])
        }
        for row in planned:
            obj, parent_code = row.target, row.extra["parent_code"]
            if parent_code is None or row.extra["depth"] < 0 or not row.extra["parsed"]:
                continue
            parent = targets.get(parent_code) or by_code[parent_code]
            placed = row.extra["reparent"] or obj.code in period_changed or parent_code in period_changed
            if placed and not _covers(parent, obj):
                row.error(
                    "parent",
                    f"Đơn vị cấp trên '{parent_code}' có hiệu lực {period(parent)}, "
                    f"không bao trùm thời gian hiệu lực của đơn vị này ({period(obj)})",
                )
        # Units the file does not list keep their period: a parent's new period must still hold them.
        children: dict[int, list[Unit]] = defaultdict(list)
        for unit in units:
            if unit.parent_id and unit.code not in targets:
                children[unit.parent_id].append(unit)
        for row in planned:
            obj = row.target
            if obj._state.adding or obj.code not in period_changed or not row.extra["parsed"]:
                continue
            loaded = obj._loaded_values
            before = SimpleNamespace(valid_from=loaded["valid_from"], valid_until=loaded["valid_until"])
            column = "valid_until" if "valid_until" in row.extra["changes"][1] else "valid_from"
            for child in children[obj.pk]:
                if _covers(before, child) and not _covers(obj, child):
                    row.error(
                        column,
                        f"Đơn vị cấp dưới '{child.code}' có hiệu lực {period(child)}, "
                        f"nằm ngoài thời gian hiệu lực mới ({period(obj)})",
                    )

    def touched(self, row: Row, ctx: Context) -> Iterable[tuple[str | None, str, str | None]]:
        obj, by_code = row.target, ctx.data["by_code"]
        if not obj._state.adding:
            yield "code", obj.code, obj.path
        if obj._state.adding or row.extra["reparent"]:
            parent_code = row.extra["parent_code"]
            if parent_code is None:
                yield "parent", obj.code, None  # a top-level unit: only an unrestricted user
            elif parent_code in by_code:
                yield "parent", parent_code, by_code[parent_code].path
            # A parent created by the same file is checked on its own row.

    def write(self, rows: list[Row], ctx: Context) -> None:
        bulk_create_units([row.target for row in rows if row.action is Action.CREATE])
        updated = [row for row in rows if row.action is Action.UPDATE]
        plain = [row for row in updated if not row.extra["reparent"]]
        for row in plain:
            row.target.set_search_keys()
        self.bulk_update(plain, extra_fields=Unit.SEARCH_FIELDS)
        # Re-parenting moves a subtree's paths: save() does it; top-down so no step makes a loop.
        for row in sorted((row for row in updated if row.extra["reparent"]), key=lambda row: row.extra["depth"]):
            unit, parent = row.target, row.target.parent
            ids = [unit.pk] if parent is None else [unit.pk, parent.pk]
            fresh = {
                pk: (path, depth)
                for pk, path, depth in Unit.objects.filter(pk__in=ids).values_list("pk", "path", "depth")
            }
            unit.path, unit.depth = fresh[unit.pk]
            if parent is not None:
                parent.path, parent.depth = fresh[parent.pk]
            unit.save()

    def export_queryset(self, user: Any, filters: dict[str, Any]) -> QuerySet:
        return super().export_queryset(user, filters).select_related("kind", "bloc", "parent").order_by("path")


# --- Lineage -------------------------------------------------------------------------------------

LINEAGE_ALIASES = {
    LineageKind.MERGE: ("Hợp nhất", "Sáp nhập", "Sáp nhập, hợp nhất", "Hợp nhất/sáp nhập"),
    LineageKind.SPLIT: ("Chia", "Tách", "Chia, tách"),
    LineageKind.END: ("Kết thúc", "Giải thể", "Chấm dứt hoạt động"),
    LineageKind.REPARENT: ("Chuyển cấp trên",),
}


@dataclasses.dataclass
class EventPlan:
    """Rows of the file that form one event, and what they do to the events already recorded."""

    kind: str
    date: dt.date
    legal_basis: str
    rows: list[Row]
    predecessors: dict[int, Unit]
    successors: dict[int, Unit]
    note: str = ""
    event: LineageEvent | None = None
    add_predecessors: list[Unit] = dataclasses.field(default_factory=list)
    add_successors: list[Unit] = dataclasses.field(default_factory=list)
    action: Action = Action.CREATE


@register
class LineageEventsKind(ImportKind):
    """Lineage events, one row per predecessor–successor pair; rows sharing a unit form one event."""

    name = "lineage"
    label = "sự kiện"
    sheet_title = "Sáp nhập, chia tách"
    columns = (
        Column(
            "Loại sự kiện",
            "kind",
            enum_choices(LineageKind, "loại sự kiện", LINEAGE_ALIASES),
            required=True,
            aliases=("Loại", "Hình thức"),
            width=22,
        ),
        Column("Ngày hiệu lực", "date", Date(), required=True, aliases=("Ngày", "Ngày thực hiện"), width=14),
        Column(
            "Mã đơn vị trước",
            "predecessor",
            Text(UNIT_TEXT_LENGTH),
            column_required=True,
            aliases=("Mã đơn vị cũ", "Đơn vị trước"),
        ),
        Column("Mã đơn vị sau", "successor", Text(UNIT_TEXT_LENGTH), aliases=("Mã đơn vị mới", "Đơn vị sau")),
        Column(
            "Căn cứ",
            "legal_basis",
            Text(_max_length(LineageEvent, "legal_basis")),
            aliases=("Căn cứ pháp lý", "Văn bản"),
            width=40,
        ),
        Column("Ghi chú", "note", Text(multiline=True), width=40),
    )

    def plan(self, rows: list[Row], ctx: Context) -> None:
        units = UnitResolver(ctx.user)
        units.load(row.values.get(name) for row in rows for name in ("predecessor", "successor"))
        seen: dict[tuple, int] = {}
        for row in rows:  # rows with a bad cell are checked too, so every error shows at once
            parsed = row.ok
            self._check_row(row, units)
            # The same unit written by code in one row and by name in another is the same row.
            sides = zip(SIDES, row.extra["units"], strict=True)
            named = [unit.pk if unit else row.values.get(name) for name, unit in sides]
            key = (row.values.get("kind"), row.values.get("date"), *named, row.values.get("legal_basis"))
            if parsed and key in seen:
                row.error(None, f"Trùng với dòng {seen[key]}")
            if parsed:
                seen.setdefault(key, row.number)
        plans = self._group([row for row in rows if row.ok])
        self._match_existing(plans)
        ctx.data["plans"] = plans

    def _check_row(self, row: Row, units: UnitResolver) -> None:
        kind, date = row.values.get("kind"), row.values.get("date")
        # Namesakes: a predecessor existed the day before the event, a successor exists on its day.
        day_before = date - dt.timedelta(days=1) if date is not None else None
        before = units.find(row, "predecessor", day=day_before)
        after = units.find(row, "successor", day=date)
        row.extra["units"] = before, after
        if kind is None or date is None:
            return  # the kind or date cell is wrong: already an error, and the rules below need them
        if _blank(row, "predecessor") and kind != LineageKind.ESTABLISH:
            row.error("predecessor", "Chưa nhập (bắt buộc, trừ sự kiện Thành lập)")
        if kind == LineageKind.END and row.values.get("successor"):
            row.error("successor", "Sự kiện kết thúc hoạt động không có đơn vị sau")
        elif _blank(row, "successor") and kind != LineageKind.END:
            row.error("successor", "Chưa nhập (bắt buộc, trừ sự kiện Kết thúc hoạt động)")
        if before is not None and before.valid_from is not None and before.valid_from >= date:
            row.error(
                "predecessor",
                f"Đơn vị '{before.code}' bắt đầu hiệu lực từ {text_date(before.valid_from)}, "
                f"nên không thể là đơn vị trước của sự kiện ngày {text_date(date)}",
            )
        if after is not None and not after.is_valid_on(date):
            row.error(
                "successor",
                f"Đơn vị '{after.code}' không có hiệu lực vào ngày {text_date(date)} (hiệu lực {period(after)})",
            )

    def _group(self, rows: list[Row]) -> list[EventPlan]:
        """Rows of the same kind, date and legal basis that share a unit (on the same side) are one event."""
        leader = list(range(len(rows)))

        def find(i: int) -> int:
            while leader[i] != i:
                leader[i] = leader[leader[i]]
                i = leader[i]
            return i

        first_with: dict[tuple, int] = {}
        for index, row in enumerate(rows):
            event_key = (row.values["kind"], row.values["date"], row.values.get("legal_basis", ""))
            for side, unit in zip("ps", row.extra["units"], strict=True):
                if unit is not None:
                    other = first_with.setdefault((*event_key, side, unit.pk), index)
                    leader[find(index)] = find(other)
        groups: dict[int, list[Row]] = defaultdict(list)
        for index, row in enumerate(rows):
            groups[find(index)].append(row)
        plans = []
        for members in groups.values():
            head = members[0].values
            plan = EventPlan(head["kind"], head["date"], head.get("legal_basis", ""), members, {}, {})
            for row in members:
                before, after = row.extra["units"]
                if before is not None:
                    plan.predecessors[before.pk] = before
                if after is not None:
                    plan.successors[after.pk] = after
                plan.note = plan.note or row.values.get("note", "")
                row.extra["plan"] = plan
            plans.append(plan)
        return plans

    def _match_existing(self, plans: list[EventPlan]) -> None:
        """A recorded event holding these units leaves the rows unchanged; sharing some, it gains the rest."""
        events = LineageEvent.objects.filter(date__in={p.date for p in plans}, kind__in={p.kind for p in plans})
        events = list(events.prefetch_related("predecessors", "successors"))
        index: dict[tuple, list[LineageEvent]] = defaultdict(list)
        for event in events:
            event.pred_ids = {u.pk for u in event.predecessors.all()}
            event.succ_ids = {u.pk for u in event.successors.all()}
            index[event.kind, event.date, event.legal_basis].append(event)
        for plan in plans:
            preds, succs = set(plan.predecessors), set(plan.successors)
            candidates = [
                e for e in index[plan.kind, plan.date, plan.legal_basis] if e.pred_ids & preds or e.succ_ids & succs
            ]
            covering = [e for e in candidates if preds <= e.pred_ids and succs <= e.succ_ids]
            if covering or candidates:
                plan.event = (covering or candidates)[0]
                plan.add_predecessors = [u for pk, u in plan.predecessors.items() if pk not in plan.event.pred_ids]
                plan.add_successors = [u for pk, u in plan.successors.items() if pk not in plan.event.succ_ids]
                note_changed = bool(plan.note) and plan.note != plan.event.note
                changed = plan.add_predecessors or plan.add_successors or note_changed
                plan.action = Action.UPDATE if changed else Action.UNCHANGED
            for row in plan.rows:
                row.action, row.target = plan.action, plan.event

    def touched(self, row: Row, ctx: Context) -> Iterable[tuple[str | None, str, str | None]]:
        for name, unit in zip(SIDES, row.extra["units"], strict=True):
            if unit is not None:
                yield name, unit.code, unit.path

    def counts(self, rows: list[Row]) -> Counter[Action]:
        """Events, not rows: rows of one plan count once, and so do plans matching one recorded event."""
        actions: dict[tuple, Action] = {}
        for row in rows:
            plan = row.extra.get("plan")
            if not row.ok or plan is None:
                continue
            key = ("plan", id(plan)) if plan.event is None else ("event", plan.event.pk)
            if actions.get(key) is not Action.UPDATE:  # an event that any plan changes is updated
                actions[key] = plan.action
        return Counter(actions.values())

    def write(self, rows: list[Row], ctx: Context) -> None:
        plans = [plan for plan in ctx.data["plans"] if plan.action is not Action.UNCHANGED]
        created = [plan for plan in plans if plan.action is Action.CREATE]
        events = LineageEvent.objects.bulk_create(
            [LineageEvent(kind=p.kind, date=p.date, legal_basis=p.legal_basis, note=p.note) for p in created]
        )
        for plan, event in zip(created, events, strict=True):
            plan.event = event
            plan.add_predecessors, plan.add_successors = (
                list(plan.predecessors.values()),
                list(plan.successors.values()),
            )
        preds, succs = LineageEvent.predecessors.through, LineageEvent.successors.through
        preds.objects.bulk_create(preds(lineageevent=p.event, unit=u) for p in plans for u in p.add_predecessors)
        succs.objects.bulk_create(succs(lineageevent=p.event, unit=u) for p in plans for u in p.add_successors)
        entries = []
        for plan in created:
            entries.append((plan.event, "create", None, changelog.snapshot(plan.event) | _links(plan)))
        noted = []
        for plan in plans:
            if plan.action is Action.UPDATE:
                before, after = {}, _links(plan)
                if plan.note and plan.note != plan.event.note:
                    before["note"], after["note"] = plan.event.note, plan.note
                    plan.event.note = plan.note
                    noted.append(plan.event)
                entries.append((plan.event, "update", before, after))
        LineageEvent.objects.bulk_update(noted, ["note"])
        changelog.bulk_log(entries)
        self._end_predecessors(plans)

    def _end_predecessors(self, plans: Sequence[EventPlan]) -> None:
        """As record_lineage: after a merge, split or end, predecessors not continuing end the day before."""
        last_days: dict[int, dt.date] = {}
        for plan in plans:
            if plan.kind not in ENDING_KINDS:
                continue
            continuing = set(plan.successors) | getattr(plan.event, "succ_ids", set())
            for unit in plan.add_predecessors:
                if unit.pk not in continuing:
                    day = plan.date - dt.timedelta(days=1)
                    last_days[unit.pk] = min(day, last_days.get(unit.pk, day))
        units = [
            u
            for u in Unit.objects.filter(pk__in=list(last_days))
            if u.valid_until is None or u.valid_until > last_days[u.pk]
        ]
        for unit in units:
            unit.valid_until = last_days[unit.pk]
        Unit.objects.bulk_update(units, ["valid_until"])
        changelog.bulk_log((unit, "update", *changes(unit)) for unit in units)

    # --- export ------------------------------------------------------------------------------------

    def export_queryset(self, user: Any, filters: dict[str, Any]) -> QuerySet:
        codes = Unit.objects.only("code")
        queryset = LineageEvent.objects.prefetch_related(
            Prefetch("predecessors", queryset=codes), Prefetch("successors", queryset=codes)
        )
        for units in (
            Unit.objects.restrict(user) if user is not None else None,
            Unit.objects.filter(scoping.subtree_q("path", unit_path(filters["unit"]))) if filters.get("unit") else None,
        ):
            if units is not None:
                queryset = queryset.filter(Q(predecessors__in=units) | Q(successors__in=units))
        return queryset.distinct().order_by("date", "kind", "id")

    def export_rows(self, queryset: QuerySet) -> Iterable[Sequence[Any]]:
        kind = self.columns[0]
        for event in queryset:
            before = sorted(u.code for u in event.predecessors.all()) or [""]
            after = sorted(u.code for u in event.successors.all()) or [""]
            for old in before:
                for new in after:
                    yield [
                        kind.parser.export(event.kind),
                        event.date,
                        old,
                        new,
                        event.legal_basis,
                        event.note,
                    ]


def _blank(row: Row, name: str) -> bool:
    """Left empty, or its column is not in the file (a cell that failed to parse is not blank)."""
    return row.values.get(name) == "" or name not in row.cells


def _links(plan: EventPlan) -> dict[str, list[str]]:
    """Added predecessors and successors, by code, for the change log (M2M is not in snapshots)."""
    return {
        "predecessors": [u.code for u in plan.add_predecessors],
        "successors": [u.code for u in plan.add_successors],
    }
