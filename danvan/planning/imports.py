"""Excel kinds of the planning app: `directives` (the register, with review rules) and `plan_tasks`
(the key tasks of work plans). Both run on the shared engine: every error at once, nothing written
unless all is right, an export that imports back unchanged.

The engine passes only the user to a kind, so a task row names its plan by code (`Kế hoạch`); the
web page of a plan uses `PlanTasksKind.for_plan(plan)`, where that column may be left out. Units are
found by the one resolver of every import (`danvan.org.resolver`): a code, a name or "code – name";
a task's namesakes are told apart by the plan's period and area.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from typing import Any

from django.db.models import Q, QuerySet

from danvan.core import changelog, scoping
from danvan.core.vn import text_date
from danvan.core.xlsx import Action, Column, Context, Date, ImportKind, Integer, Parser, Row, Text, register
from danvan.core.xlsx.modelkind import unit_path
from danvan.core.xlsx.parsers import Choice
from danvan.org.models import Unit
from danvan.org.resolver import UnitResolver, not_valid
from danvan.org.services import single_top_unit
from danvan.planning import rules
from danvan.planning.models import Directive, DirectiveType, KeyTask, Milestone, WorkPlan
from danvan.planning.services.common import changes, committee_root, today
from danvan.planning.services.directives import milestone_changes, sync_milestones
from danvan.planning.services.plans import task_errors, usable_directives


class Years(Parser):
    """ "3, 5" (or a number cell) -> [3, 5]; exported as "3, 5"."""

    empty: Any = None

    def parse(self, value: Any) -> list[int]:
        return rules.parse_years(value)

    def export(self, value: Any) -> str:
        return value or ""


def directive_types() -> Choice:
    """A directive type by its name, code or symbol ("Kết luận", "ket-luan", "KL"); exported by name."""

    def options():
        return ((t, [t.code, t.name, t.symbol]) for t in DirectiveType.objects.all())

    return Choice(options, "loại văn bản", display=lambda t: t.name)


def default_unit(user) -> Unit | None:
    """Where rows without a unit go: the user's one top unit (for change), or the installation's province."""
    if user is None:
        return single_top_unit()
    paths = scoping.scope_paths(user, scoping.CHANGE)
    if paths and len(paths) == 1:
        return Unit.objects.filter(path=paths[0]).first()
    return None


# --- Directives ----------------------------------------------------------------------------------


@register
class DirectivesKind(ImportKind):
    name = "directives"
    label = "văn bản"
    sheet_title = "Văn bản chỉ đạo"
    columns = (
        Column("Loại văn bản", "type", directive_types(), required=True, aliases=("Loại",), width=16),
        Column("Số hiệu", "number", Text(60), required=True, aliases=("Số", "Số, ký hiệu", "Số ký hiệu"), width=16),
        Column("Ngày ban hành", "issued_on", Date(), required=True, aliases=("Ngày",), width=14),
        Column("Cơ quan ban hành", "issuer", Text(200), required=True, aliases=("Cơ quan",), width=26),
        Column("Trích yếu", "summary", Text(multiline=True), required=True, aliases=("Trích yếu nội dung",), width=60),
        Column("Sơ kết sau (năm)", "interim_years", Years(), aliases=("Sơ kết sau", "Sơ kết (năm)"), width=14),
        Column("Tổng kết sau (năm)", "final_years", Integer(), aliases=("Tổng kết sau", "Tổng kết (năm)"), width=14),
        Column(
            "Đơn vị",
            "unit",
            Text(300),
            aliases=("Mã đơn vị", "Đơn vị theo dõi"),
            width=14,
            export_value=lambda d: d.unit.code,
        ),
    )

    def plan(self, rows: list[Row], ctx: Context) -> None:
        fallback = default_unit(ctx.user)
        units = UnitResolver(ctx.user)
        units.load(row.values.get("unit") for row in rows)
        now = today()
        first_row: dict[tuple, int] = {}
        planned: list[Row] = []
        for row in rows:
            text = row.values.get("unit") or ""
            unit = units.find(row, "unit") if text else fallback
            if unit is not None:
                units.check_scope(row, "unit", unit)  # even for a row that would change nothing
            elif not text:
                row.error(
                    "unit",
                    "Không xác định được đơn vị theo dõi văn bản: thêm cột “Đơn vị” (mã đơn vị) hoặc nhập với --user",
                )
            interim = row.values.get("interim_years") or []
            for field, message in rules.check_directive(
                type=row.values.get("type"),
                number=row.values.get("number") or "",
                issued_on=row.values.get("issued_on"),
                interim=interim,
                final=row.values.get("final_years"),
                today=now,
            ):
                row.error(field, message)
            if not row.ok:
                continue
            key = (unit.pk, row.values["type"].pk, rules.number_key(row.values["number"]), row.values["issued_on"])
            if key in first_row:
                row.error(None, f"Trùng với dòng {first_row[key]} (cùng loại, số hiệu, ngày ban hành)")
                continue
            first_row[key] = row.number
            row.extra.update(key=key, unit=unit, interim=rules.format_years(sorted(interim)))
            planned.append(row)
        existing = self._existing([row.extra["key"] for row in planned])
        milestones: dict[int, list[Milestone]] = defaultdict(list)
        for milestone in Milestone.objects.filter(directive__in=[d.pk for d in existing.values()]):
            milestones[milestone.directive_id].append(milestone)
        for row in planned:
            obj = existing.get(row.extra["key"])
            if obj is None:
                obj = Directive(unit=row.extra["unit"], type=row.values["type"], issued_on=row.values["issued_on"])
            self._apply(row, obj)
            row.target = obj
            if obj._state.adding:
                row.action = Action.CREATE
                continue
            before, after = changes(obj)
            row.extra["changes"] = (before, after)
            row.action = Action.UPDATE if after else Action.UNCHANGED
            if row.action is Action.UPDATE:
                for field, message in milestone_changes(obj, milestones[obj.pk])[3]:
                    row.error(field, message)

    def _existing(self, keys: list[tuple]) -> dict[tuple, Directive]:
        if not keys:
            return {}
        q = Q()
        for unit_id, _type, number_key, _day in keys:
            q |= Q(unit_id=unit_id, number_key=number_key)
        found = Directive.objects.filter(q).select_related("unit", "type")
        return {(d.unit_id, d.type_id, d.number_key, d.issued_on): d for d in found}

    def _apply(self, row: Row, obj: Directive) -> None:
        obj.number = row.values["number"]
        obj.issuer = row.values["issuer"]
        obj.summary = row.values["summary"]
        if "interim_years" in row.values:
            obj.interim_years = row.extra["interim"]
        if "final_years" in row.values:
            obj.final_years = row.values["final_years"]
        obj.number_key = rules.number_key(obj.number)
        obj.search_text = obj.compute_search_text()

    def touched(self, row: Row, ctx: Context) -> Iterable[tuple[str | None, str, str | None]]:
        unit = row.target.unit
        yield "unit", unit.code, unit.path

    def write(self, rows: list[Row], ctx: Context) -> None:
        created = [row.target for row in rows if row.action is Action.CREATE]
        updated = [row for row in rows if row.action is Action.UPDATE]
        Directive.objects.bulk_create(created, batch_size=1000)
        changelog.bulk_log((d, "create", None, changelog.snapshot(d)) for d in created)
        if updated:
            fields = ["number", "number_key", "issuer", "summary", "interim_years", "final_years", "search_text"]
            Directive.objects.bulk_update([row.target for row in updated], fields, batch_size=1000)
            changelog.bulk_log((row.target, "update", *row.extra["changes"]) for row in updated)
        sync_milestones([*created, *(row.target for row in updated)])

    def export_queryset(self, user: Any, filters: dict[str, Any]) -> QuerySet:
        qs = Directive.objects.select_related("unit", "type")
        if user is not None:
            qs = qs.restrict(user)
        if filters.get("unit"):
            qs = qs.filter(scoping.subtree_q("unit__path", unit_path(filters["unit"])))
        return qs.order_by("unit__path", "issued_on", "id")


# --- Key tasks of work plans ---------------------------------------------------------------------

PLAN_COLUMN = Column(
    "Kế hoạch", "plan", Text(30), required=True, aliases=("Mã kế hoạch",), width=14, export_value=lambda t: t.plan.code
)


def _codes(value: str) -> list[str]:
    return [part.strip() for part in value.replace(";", ",").split(",") if part.strip()]


TASK_FIELDS = {"partner_units": "partners"}  # task_errors' field -> the column


@register
class PlanTasksKind(ImportKind):
    name = "plan_tasks"
    label = "nhiệm vụ"
    sheet_title = "Nhiệm vụ trọng tâm"
    columns = (
        PLAN_COLUMN,
        Column("Thứ tự", "number", Integer(min_value=1), required=True, aliases=("STT", "TT", "Số thứ tự"), width=8),
        Column(
            "Nội dung",
            "content",
            Text(multiline=True),
            required=True,
            aliases=("Nhiệm vụ", "Nội dung nhiệm vụ", "Nhiệm vụ trọng tâm"),
            width=70,
        ),
        Column(
            "Đơn vị chủ trì",
            "lead_unit",
            Text(255),
            required=True,
            aliases=("Chủ trì", "Mã đơn vị chủ trì"),
            width=16,
            export_value=lambda t: t.lead_unit.code,
        ),
        Column(
            "Đơn vị phối hợp",
            "partners",
            Text(),
            aliases=("Phối hợp", "Mã đơn vị phối hợp"),
            width=24,
            export_value=lambda t: ", ".join(sorted(u.code for u in t.partner_units.all())),
        ),
        Column("Thời hạn", "deadline", Date(), aliases=("Thời gian hoàn thành", "Hạn"), width=14),
        Column(
            "Văn bản thực hiện",
            "directive",
            Text(60),
            aliases=("Văn bản", "Thực hiện văn bản"),
            width=16,
            export_value=lambda t: t.directive.number if t.directive_id else "",
        ),
    )

    def __init__(self, plan: WorkPlan | None = None) -> None:
        self.bound_plan = plan
        if plan is not None:  # the web page of a plan: the plan column may be left out
            optional = Column(
                PLAN_COLUMN.header, "plan", Text(30), aliases=PLAN_COLUMN.aliases, width=14, column_required=False
            )
            self.columns = (optional, *type(self).columns[1:])
        super().__init__()

    @classmethod
    def for_plan(cls, plan: WorkPlan) -> PlanTasksKind:
        return cls(plan)

    # --- plan ------------------------------------------------------------------------------------

    def plan(self, rows: list[Row], ctx: Context) -> None:
        plans = self._plans(rows, ctx.user)
        references = self._references(plans.values(), ctx.user)
        units = UnitResolver(ctx.user)
        units.load(
            text for row in rows for text in (row.values.get("lead_unit"), *_codes(row.values.get("partners") or ""))
        )
        existing = self._existing(plans.values())
        first_row: dict[tuple, int] = {}
        for row in rows:  # rows with a bad cell are checked too, so every error shows at once
            plan = self._plan_of(row, plans)
            if plan is None:
                continue
            root, directives = references[plan.pk]
            lead = self._unit(row, "lead_unit", row.values.get("lead_unit"), units, plan, root)
            partners = [
                self._unit(row, "partners", text, units, plan, root)
                for text in _codes(row.values.get("partners") or "")
            ]
            directive = self._directive(row, directives, plan)
            if not row.ok:
                continue
            key = (plan.pk, row.values["number"])
            if key in first_row:
                row.error("number", f"Trùng thứ tự với dòng {first_row[key]} (cùng kế hoạch {plan.code})")
                continue
            first_row[key] = row.number
            task = existing.get(key) or KeyTask(plan=plan, number=row.values["number"])
            task.content = row.values["content"]
            task.lead_unit = lead
            if row.values.get("deadline") is not None:
                task.deadline = row.values["deadline"]
            elif task._state.adding:
                task.deadline = plan.last_day
            if "directive" in row.values:
                task.directive = directive
            task.plan = plan  # with its unit loaded, for the checks and the change log
            if "partners" in row.values:
                new_partners = partners
            else:  # no such column: a new task has none, an existing one keeps its own
                new_partners = [] if task._state.adding else list(task.partner_units.all())
            for field, message in task_errors(task, new_partners, plan):
                field = TASK_FIELDS.get(field, field)
                row.error(field if field in row.headers else None, message)
            row.target = task
            row.extra["partners"] = new_partners
            if task._state.adding:
                row.action = Action.CREATE
                continue
            before, after = changes(task)
            old = sorted(u.pk for u in task.partner_units.all())
            new = sorted(u.pk for u in new_partners)
            if old != new:
                before["partner_units"], after["partner_units"] = old, new
            row.extra["changes"] = (before, after)
            row.action = Action.UPDATE if after else Action.UNCHANGED

    def _plans(self, rows: list[Row], user) -> dict[str, WorkPlan]:
        if self.bound_plan is not None:
            plans = WorkPlan.objects.filter(pk=self.bound_plan.pk)
        else:
            plans = WorkPlan.objects.filter(code__in={row.values.get("plan") for row in rows} - {None, ""})
        if user is not None:
            plans = plans.restrict(user)
        return {p.code: p for p in plans.select_related("unit__kind", "unit__parent")}

    def _plan_of(self, row: Row, plans: dict[str, WorkPlan]) -> WorkPlan | None:
        code = row.values.get("plan") or ""
        if self.bound_plan is not None:
            plan = next(iter(plans.values()), None)
            if code and plan is not None and code != plan.code:
                row.error("plan", f"Dòng này thuộc kế hoạch '{code}', không phải kế hoạch {plan.code} đang nhập")
                return None
            return plan
        if not code:
            return None  # blank: already an error (required)
        plan = plans.get(code)
        if plan is None:
            row.error("plan", f"Không tìm thấy kế hoạch có mã '{code}'")
        return plan

    def _references(self, plans: Iterable[WorkPlan], user) -> dict[int, tuple[Unit, dict[str, list[Directive]]]]:
        """Per plan: the unit whose area its tasks' units lie in, and its unit's directives (by number)."""
        result = {}
        for plan in plans:
            directives: dict[str, list[Directive]] = defaultdict(list)
            for directive in usable_directives(plan, user).select_related("type"):
                directives[directive.number_key].append(directive)
            result[plan.pk] = (committee_root(plan.unit), directives)
        return result

    def _unit(
        self, row: Row, field: str, text: str | None, units: UnitResolver, plan: WorkPlan, root: Unit
    ) -> Unit | None:
        """A task's unit: one of the plan's area (task_errors says when it is not) valid during the plan."""
        if not text:
            return None
        period = (plan.first_day, plan.last_day)
        unit = units.find(row, field, text, period=period, within=root)
        if unit is not None and (message := not_valid(unit, period=period)):
            row.error(field, message)
        return unit

    def _directive(self, row: Row, directives: dict[str, list[Directive]], plan: WorkPlan) -> Directive | None:
        number = row.values.get("directive") or ""
        if not number:
            return None
        found = directives.get(rules.number_key(number), [])
        if len(found) == 1:
            return found[0]
        if not found:
            row.error("directive", f"Danh mục văn bản của {plan.unit.name} và cấp trên không có văn bản số '{number}'")
        else:
            dates = ", ".join(text_date(d.issued_on) for d in found)
            row.error("directive", f"Có nhiều văn bản số '{number}' (ngày {dates}); sửa trên trang nhiệm vụ")
        return None

    def _existing(self, plans: Iterable[WorkPlan]) -> dict[tuple[int, int], KeyTask]:
        tasks = KeyTask.objects.filter(plan__in=[p.pk for p in plans]).prefetch_related("partner_units")
        return {(t.plan_id, t.number): t for t in tasks}

    def touched(self, row: Row, ctx: Context) -> Iterable[tuple[str | None, str, str | None]]:
        unit = row.target.plan.unit
        yield "plan", unit.code, unit.path

    # --- write -----------------------------------------------------------------------------------

    def write(self, rows: list[Row], ctx: Context) -> None:
        created = [row for row in rows if row.action is Action.CREATE]
        updated = [row for row in rows if row.action is Action.UPDATE]
        KeyTask.objects.bulk_create([row.target for row in created], batch_size=1000)
        if updated:
            fields = ["content", "lead_unit", "deadline", "directive"]
            KeyTask.objects.bulk_update([row.target for row in updated], fields, batch_size=1000)
        through = KeyTask.partner_units.through
        changed = [row for row in updated if "partner_units" in row.extra["changes"][1]]
        through.objects.filter(keytask__in=[row.target.pk for row in changed]).delete()
        through.objects.bulk_create(
            through(keytask=row.target, unit=unit) for row in [*created, *changed] for unit in row.extra["partners"]
        )
        changelog.bulk_log(
            [(row.target, "create", None, changelog.snapshot(row.target)) for row in created]
            + [(row.target, "update", *row.extra["changes"]) for row in updated]
        )

    # --- export ----------------------------------------------------------------------------------

    def export_queryset(self, user: Any, filters: dict[str, Any]) -> QuerySet:
        qs = KeyTask.objects.select_related("plan__unit", "lead_unit", "directive").prefetch_related("partner_units")
        if user is not None:
            qs = qs.restrict(user)
        if filters.get("plan"):
            qs = qs.filter(plan_id=filters["plan"])
        if filters.get("unit"):
            qs = qs.filter(scoping.subtree_q("plan__unit__path", unit_path(filters["unit"])))
        return qs.order_by("plan__code", "number")

    def export_rows(self, queryset: QuerySet) -> Iterable[Sequence[Any]]:
        for task in queryset:
            yield [self.export_cell(column, task) for column in self.columns]
