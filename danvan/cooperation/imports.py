"""The Excel kind `cooperation_programmes`: a unit's coordination programmes, regulations and joint plans,
one row each, on the shared engine (every error at once, nothing written unless all is right, an export
that imports back unchanged).

A row is matched to a recorded programme by unit, number (regardless of case and spacing) and signing
date; a matched one takes the file's values. Units are named by the one resolver (`org.resolver`): a code,
a name or "code – name", narrowed by the signing date. Parties are written in one cell separated by ";"
(or one per line): a party of the configuration by its name, code or abbreviation, any other body by its
name as the programme writes it. "Thay thế văn bản số" names, by number, an earlier programme of the same
unit that this one replaces (it then ends the day before this one takes effect).

Every row is checked with the web's rules (`rules.py`). New and changed programmes are written in bulk
with their change log, their reviews' directives in the planning register in bulk too (as planning's own
import writes them), milestones computed there.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from typing import Any

from django.db.models import Q, QuerySet

from danvan.cooperation import rules, services
from danvan.cooperation.choices import Kind
from danvan.cooperation.evaluation_kind import EvaluationsKind  # noqa: F401 (registered with the engine here)
from danvan.cooperation.models import Party, Programme
from danvan.core import changelog, scoping
from danvan.core.vn import clean_text, fold_key, text_date
from danvan.core.xlsx import Action, Column, Context, Date, ImportKind, Integer, Parser, Row, Text, register
from danvan.core.xlsx.modelkind import changes, unit_path
from danvan.core.xlsx.parsers import enum_choices
from danvan.org.resolver import UnitResolver
from danvan.planning.models import Directive, DirectiveType, Milestone
from danvan.planning.rules import format_years, number_key, parse_years
from danvan.planning.services.directives import milestone_changes, sync_milestones

KIND_ALIASES = {
    Kind.PROGRAMME: ("Chương trình", "CTr", "CTPH"),
    Kind.REGULATION: ("Quy chế", "QC", "QCPH"),
    Kind.JOINT_PLAN: ("Kế hoạch", "KHLT", "Kế hoạch phối hợp"),
}
MSG_SAME_ROW = "Trùng với dòng {} (cùng đơn vị, số hiệu và ngày ký)."
MSG_OLD_UNKNOWN = "{} không có văn bản phối hợp số “{}” ký trước ngày {}."
MSG_OLD_SEVERAL = "{} có nhiều văn bản phối hợp số “{}” ({}); sửa trên trang của văn bản."
SEPARATORS = (";", "\n")
FIELDS = {"other_parties": "parties", "valid_from": "valid_from"}  # a rule's field -> the column's


class Years(Parser):
    """ "3, 5" (or a number cell) -> "3, 5"; exported as written."""

    empty: Any = ""
    pure = True

    def parse(self, value: Any) -> str:
        return format_years(parse_years(value))

    def export(self, value: Any) -> str:
        return value or ""


def split_names(text: str) -> list[str]:
    for separator in SEPARATORS[1:]:
        text = text.replace(separator, SEPARATORS[0])
    return [clean_text(part) for part in text.split(SEPARATORS[0]) if clean_text(part)]


def export_parties(programme: Programme) -> str:
    return "; ".join(services.names_of(programme))


@register
class ProgrammesKind(ImportKind):
    name = "cooperation_programmes"
    label = "văn bản phối hợp"
    sheet_title = "Chương trình, quy chế phối hợp"
    columns = (
        Column("Đơn vị", "unit", Text(300), required=True, aliases=("Mã đơn vị", "Đơn vị theo dõi"), width=14,
               export_value=lambda p: p.unit.code),
        Column("Loại", "kind", enum_choices(Kind, "loại văn bản phối hợp", KIND_ALIASES), required=True,
               aliases=("Loại văn bản",), width=22),
        Column("Số hiệu", "number", Text(60), required=True, aliases=("Số", "Số, ký hiệu", "Số ký hiệu"), width=26),
        Column("Ngày ký", "signed_on", Date(), required=True, aliases=("Ngày ban hành", "Ngày"), width=12),
        Column("Trích yếu", "title", Text(multiline=True), required=True, aliases=("Tên văn bản", "Nội dung"),
               width=60),
        Column("Các bên ký kết", "parties", Text(multiline=True), required=True,
               aliases=("Các bên", "Cơ quan ký kết"), width=50, export_value=export_parties),
        Column("Hiệu lực từ ngày", "valid_from", Date(), aliases=("Hiệu lực từ",), width=12),
        Column("Hiệu lực đến ngày", "valid_until", Date(), aliases=("Hiệu lực đến", "Đến ngày"), width=12),
        Column("Sơ kết sau (năm)", "interim_years", Years(), aliases=("Sơ kết sau", "Sơ kết (năm)"), width=12),
        Column("Tổng kết sau (năm)", "final_years", Integer(), aliases=("Tổng kết sau", "Tổng kết (năm)"), width=12),
        Column("Thay thế văn bản số", "replaces", Text(60), aliases=("Thay thế",), width=24,
               export_value=lambda p: p.replaced.number if getattr(p, "replaced", None) else ""),
    )  # fmt: skip

    # --- plan ------------------------------------------------------------------------------------

    def plan(self, rows: list[Row], ctx: Context) -> None:
        units = UnitResolver(ctx.user, related=("kind",))
        units.load(row.values.get("unit") for row in rows)
        parties = self._parties()
        types = {t.code: t for t in DirectiveType.objects.all()}
        ctx.data["types"] = types
        today = services.today()
        first_row: dict[tuple, int] = {}
        planned: list[Row] = []
        for row in rows:  # rows with a bad cell are checked too, so every error shows at once
            day = row.values.get("signed_on")
            unit = units.find(row, "unit", day=day) if row.values.get("unit") else None
            if unit is not None:
                units.check_scope(row, "unit", unit)
            chosen, others = self._split(row.values.get("parties") or "", parties)
            programme = Programme(
                unit=unit, kind=row.values.get("kind") or "", number=row.values.get("number") or "",
                title=row.values.get("title") or "", signed_on=day,
                valid_from=row.values.get("valid_from") or day, valid_until=row.values.get("valid_until"),
                interim_years=row.values.get("interim_years") or "", final_years=row.values.get("final_years"),
            )  # fmt: skip
            for field, message in rules.programme_errors(programme, chosen, others, today):
                field = FIELDS.get(field, field)
                row.error(field if field in row.headers else None, message)
            if programme.kind and services.DIRECTIVE_TYPES[Kind(programme.kind)] not in types:
                row.error("kind", services.MSG_NO_TYPE.format(Kind(programme.kind).label))
            if not row.ok or unit is None:
                continue
            key = (unit.pk, number_key(programme.number), day)
            if key in first_row:
                row.error(None, MSG_SAME_ROW.format(first_row[key]))
                continue
            first_row[key] = row.number
            row.extra.update(key=key, programme=programme, parties=chosen, others=others)
            planned.append(row)
        self._match(planned)
        self._review_changes([row for row in planned if row.action is Action.UPDATE], types)
        self._replacements(planned, ctx)

    def _parties(self) -> dict[str, Party]:
        table: dict[str, Party] = {}
        for party in Party.objects.order_by("order", "name"):
            for name in (party.code, party.name, party.abbreviation):
                if name:
                    table.setdefault(fold_key(name), party)
        return table

    def _split(self, text: str, table: dict[str, Party]) -> tuple[list[Party], list[str]]:
        chosen: list[Party] = []
        others: list[str] = []
        for name in split_names(text):
            party = table.get(fold_key(name))
            if party is None:
                others.append(name)
            else:
                chosen.append(party)  # twice: programme_errors names it
        return chosen, others

    def _match(self, rows: list[Row]) -> None:
        q = Q(pk__in=[])
        for unit_id, key, _day in (row.extra["key"] for row in rows):
            q |= Q(unit_id=unit_id, number_key=key)
        found = {
            (p.unit_id, p.number_key, p.signed_on): p
            for p in Programme.objects.filter(q).select_related("unit").prefetch_related("parties")
        }
        for row in rows:
            new: Programme = row.extra["programme"]
            obj = found.get(row.extra["key"])
            if obj is None:
                obj = new
            else:
                for name in ("kind", "number", "title", "valid_from", "valid_until"):
                    setattr(obj, name, getattr(new, name))
                for name in ("interim_years", "final_years"):
                    if name in row.values:
                        setattr(obj, name, getattr(new, name))
            names = rules.party_names(
                sorted(row.extra["parties"], key=lambda p: (p.order, p.name)), row.extra["others"]
            )
            obj.other_parties = "\n".join(row.extra["others"])
            obj.parties_label = "; ".join(names)
            obj.number_key = number_key(obj.number)
            obj.search_text = obj.compute_search_text()
            row.extra["names"] = names
            row.target = obj
            if obj._state.adding:
                row.action = Action.CREATE
                continue
            before, after = changes(obj)
            old = sorted(p.pk for p in obj.parties.all())
            if old != sorted(p.pk for p in row.extra["parties"]):
                before["parties"], after["parties"] = old, sorted(p.pk for p in row.extra["parties"])
            row.extra["changes"] = (before, after)
            row.action = Action.UPDATE if after else Action.UNCHANGED

    def _review_changes(self, rows: list[Row], types: dict[str, DirectiveType]) -> None:
        """A review already reported cannot be taken back by changing the programme's review years."""
        directives = Directive.objects.filter(pk__in=[r.target.directive_id for r in rows if r.target.directive_id])
        milestones: dict[int, list[Milestone]] = {}
        for milestone in Milestone.objects.filter(directive__in=directives):
            milestones.setdefault(milestone.directive_id, []).append(milestone)
        by_pk = {d.pk: d for d in directives}
        for row in rows:
            directive = by_pk.get(row.target.directive_id)
            if directive is None:
                continue
            copy = Directive(pk=directive.pk, issued_on=row.target.signed_on)
            copy.interim_years, copy.final_years = row.target.interim_years, row.target.final_years
            for field, message in milestone_changes(copy, milestones.get(directive.pk, []))[3]:
                row.error(field, message)

    def _replacements(self, rows: list[Row], ctx: Context) -> None:
        """The programme a row replaces: by number among the unit's earlier ones the user may change."""
        wanted = [row for row in rows if row.values.get("replaces")]
        if not wanted:
            return
        q = Q(pk__in=[])
        for row in wanted:
            q |= Q(unit_id=row.target.unit_id, number_key=number_key(row.values["replaces"]))
        olds = Programme.objects.filter(q)
        if ctx.user is not None:
            olds = olds.restrict(ctx.user, scoping.CHANGE)
        by_key: dict[tuple, list[Programme]] = {}
        for old in olds.select_related("unit"):
            by_key.setdefault((old.unit_id, old.number_key), []).append(old)
        for row in wanted:
            new = row.target
            found = [
                p
                for p in by_key.get((new.unit_id, number_key(row.values["replaces"])), [])
                if p.signed_on < new.signed_on
            ]
            if len(found) != 1:
                message = MSG_OLD_UNKNOWN if not found else MSG_OLD_SEVERAL
                dates = ", ".join(text_date(p.signed_on) for p in found)
                row.error(
                    "replaces", message.format(new.unit.name, row.values["replaces"], dates or text_date(new.signed_on))
                )
                continue
            old = found[0]
            for field, message in rules.replace_errors(old, new):
                row.error("replaces" if field is None else field, message)
            if old.replaced_by_id is None or old.replaced_by_id != new.pk:
                row.extra["replaces"] = old
                if row.action is Action.UNCHANGED:
                    row.action = Action.UPDATE
                    row.extra["changes"] = ({}, {})

    def touched(self, row: Row, ctx: Context) -> Iterable[tuple[str | None, str, str | None]]:
        unit = row.target.unit
        yield "unit", unit.code, unit.path

    # --- write -----------------------------------------------------------------------------------

    def write(self, rows: list[Row], ctx: Context) -> None:
        created = [row for row in rows if row.action is Action.CREATE]
        updated = [row for row in rows if row.action is Action.UPDATE]
        Programme.objects.bulk_create([row.target for row in created], batch_size=500)
        fields = ["kind", "number", "number_key", "title", "valid_from", "valid_until", "other_parties",
                  "parties_label", "interim_years", "final_years", "search_text"]  # fmt: skip
        Programme.objects.bulk_update([row.target for row in updated], fields, batch_size=500)
        through = Programme.parties.through
        changed = [row for row in updated if "parties" in row.extra["changes"][1]]
        through.objects.filter(programme__in=[row.target.pk for row in changed]).delete()
        through.objects.bulk_create(
            through(programme=row.target, party=party) for row in [*created, *changed] for party in row.extra["parties"]
        )
        changelog.bulk_log(
            [(row.target, "create", None, changelog.snapshot(row.target)) for row in created]
            + [(row.target, "update", *row.extra["changes"]) for row in updated if row.extra["changes"][1]]
        )
        self._write_directives([*created, *updated], ctx)
        self._write_replacements([row for row in rows if "replaces" in row.extra])

    def _write_directives(self, rows: list[Row], ctx: Context) -> None:
        """The planning register's directives of these programmes, created or brought in line, in bulk."""
        types = ctx.data.get("types") or {t.code: t for t in DirectiveType.objects.all()}
        existing = {
            d.pk: d
            for d in Directive.objects.filter(pk__in=[r.target.directive_id for r in rows if r.target.directive_id])
        }
        twins = self._twins([row.target for row in rows if not row.target.directive_id], types)
        creating, updating, linking = [], [], []
        for row in rows:
            programme = row.target
            dtype = types.get(services.DIRECTIVE_TYPES[Kind(programme.kind)])
            if dtype is None:
                continue  # refused in plan when the type is missing
            twin = twins.get((programme.unit_id, dtype.pk, programme.number_key, programme.signed_on))
            directive = existing.get(programme.directive_id) or twin or Directive()
            if twin is not None:
                linking.append((programme, directive))
            services.fill_directive(programme, directive, row.extra["names"], dtype)
            directive.number_key = number_key(directive.number)
            directive.search_text = directive.compute_search_text()
            if directive.pk:
                updating.append(directive)
            else:
                creating.append(directive)
                linking.append((programme, directive))
        Directive.objects.bulk_create(creating, batch_size=500)
        fields = ["unit", "type", "number", "number_key", "issued_on", "issuer", "summary", "interim_years",
                  "final_years", "search_text"]  # fmt: skip
        Directive.objects.bulk_update(updating, fields, batch_size=500)
        changelog.bulk_log((d, "create", None, changelog.snapshot(d)) for d in creating)
        for programme, directive in linking:
            programme.directive = directive
        Programme.objects.bulk_update([p for p, _ in linking], ["directive"], batch_size=500)
        sync_milestones([*creating, *updating])

    def _twins(self, programmes: list[Programme], types: dict) -> dict[tuple, Directive]:
        """Directives already in the planning register for these programmes (registered there first, not
        linked): linked, not doubled, as the web's service does."""
        q = Q(pk__in=[])
        for p in programmes:
            q |= Q(unit_id=p.unit_id, number_key=p.number_key, issued_on=p.signed_on)
        found = Directive.objects.filter(q, cooperation_programme__isnull=True, type__in=list(types.values()))
        return {(d.unit_id, d.type_id, d.number_key, d.issued_on): d for d in found}

    def _write_replacements(self, rows: list[Row]) -> None:
        olds = []
        for row in rows:
            old: Programme = row.extra["replaces"]
            before = changelog.snapshot(old)
            old.replaced_by = row.target
            last_day = row.target.valid_from - dt.timedelta(days=1)
            if old.valid_until is None or old.valid_until > last_day:
                old.valid_until = last_day
            old.version += 1
            olds.append((old, before))
        Programme.objects.bulk_update([old for old, _ in olds], ["replaced_by", "valid_until", "version"])
        changelog.bulk_log((old, "update", *_diff(before, changelog.snapshot(old))) for old, before in olds)

    # --- export ----------------------------------------------------------------------------------

    def export_queryset(self, user: Any, filters: dict[str, Any]) -> QuerySet:
        from danvan.cooperation.forms import ProgrammeFilter

        qs = Programme.objects.select_related("unit").prefetch_related("parties", "replaces")
        if user is not None:
            qs = qs.restrict(user)
        if filters.get("unit"):
            qs = qs.filter(scoping.subtree_q("unit__path", unit_path(filters["unit"])))
        if filters.get("params") is not None:
            qs = ProgrammeFilter(filters["params"] or None).apply(qs.with_state(services.today()), services.today())
        return qs.order_by("unit__path", "signed_on", "id")

    def export_rows(self, queryset: QuerySet) -> Iterable[Sequence[Any]]:
        for programme in queryset:
            replaced = list(programme.replaces.all())
            programme.replaced = replaced[0] if len(replaced) == 1 else None
            yield [self.export_cell(column, programme) for column in self.columns]


def _diff(before: dict, after: dict) -> tuple[dict, dict]:
    changed = [name for name in after if before.get(name) != after[name]]
    return {n: before.get(n) for n in changed}, {n: after[n] for n in changed}
