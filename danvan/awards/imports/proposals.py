"""The recipients of one draft proposal, from the list a unit sends (upload, preview, confirm)."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from django.db.models import Max

from danvan.awards import rules, services
from danvan.awards.imports.common import (
    CODE_SPLIT,
    RULE_COLUMNS,
    UNIT_CODE,
    add_warnings,
    build_recipient,
    recipient_columns,
    recipient_unit,
    rule_errors,
    unit_column,
    unit_texts,
)
from danvan.awards.models import Proposal, Recipient
from danvan.core import changelog
from danvan.core.xlsx import Action, Column, Context, ImportKind, Row, Text
from danvan.org.resolver import UnitResolver

# --- The recipients of one proposal --------------------------------------------------------------


class ProposalRecipientsKind(ImportKind):
    """The collectives and individuals of one draft proposal, from the list the unit sends."""

    name = "award-proposal-recipients"
    label = "tập thể, cá nhân được đề nghị"
    sheet_title = "Đề nghị khen thưởng"
    columns = (
        *recipient_columns(),
        Column(
            "Mô hình, điển hình",
            "practices",
            Text(),
            aliases=("Mã mô hình", "Mô hình, điển hình “Dân vận khéo”"),
            width=24,
        ),
        Column("Thành tích", "achievement", Text(), aliases=("Thành tích riêng",), width=40),
        UNIT_CODE,
    )

    def __init__(self, proposal: Proposal) -> None:
        super().__init__()
        self.proposal = proposal

    def _practices(self, rows: list[Row], ctx: Context) -> dict[str, Any]:
        from danvan.practices.models import Practice

        codes = {code.upper() for row in rows for code in CODE_SPLIT.split(row.values.get("practices") or "") if code}
        if not codes:
            return {}
        queryset = Practice.objects.filter(code__in=codes).select_related("unit")
        if ctx.user is not None:
            queryset = queryset.restrict(ctx.user)
        return {p.code.upper(): p for p in queryset}

    def plan(self, rows: list[Row], ctx: Context) -> None:
        proposal = Proposal.objects.select_related("unit", "award_type").get(pk=self.proposal.pk)
        if not proposal.is_editable and rows:
            rows[0].error(None, "Tờ trình đã gửi hoặc đã được duyệt nên không thay đổi danh sách được")
        resolver = UnitResolver(ctx.user)
        resolver.load(unit_texts(rows))
        practices = self._practices(rows, ctx)
        existing = {r.match_key: r for r in proposal.recipients.prefetch_related("practices")}
        seen: dict[str, int] = {}
        for row in rows:
            values = row.values
            if not (values.get("kind") and values.get("name")):
                continue
            unit, is_unit = recipient_unit(row, resolver, proposal.year, within=proposal.unit)
            linked = []
            for code in CODE_SPLIT.split(values.get("practices") or ""):
                if code and (practice := practices.get(code.upper())) is None:
                    row.error("practices", f"Không tìm thấy mô hình, điển hình mã “{code}” trong phạm vi của bạn")
                elif code:
                    linked.append(practice)
            if unit is None:
                continue
            checks = rules.check_recipient(
                kind=values["kind"],
                is_unit=is_unit,
                unit=unit,
                name=values["name"],
                award_type=proposal.award_type,
                within=proposal.unit,
                year=proposal.year,
            )
            columns = RULE_COLUMNS | {"unit": unit_column(row, is_unit)}
            rule_errors(row, checks + rules.check_practices(linked, proposal.unit), columns)
            recipient = build_recipient(row, unit, is_unit)
            recipient.achievement = values.get("achievement") or ""
            if recipient.match_key in seen:
                row.error("name", f"“{recipient.name}” trùng với dòng {seen[recipient.match_key]}")
            seen.setdefault(recipient.match_key, row.number)
            if row.ok:
                self._decide(row, recipient, linked, existing.get(recipient.match_key))
        items = [(row.number, row.target.match_key, row.target.pk) for row in rows if row.ok and row.action]
        add_warnings(rows, services.duplicate_warnings(ctx.user, items, proposal.award_type, proposal.year))

    def _decide(self, row: Row, recipient: Recipient, linked: list, old: Recipient | None) -> None:
        row.extra["practices"] = linked
        if old is None:
            row.action, row.target = Action.CREATE, recipient
            return
        fields = ("name", "position", "unit_name", "achievement", "is_unit")
        before = {name: getattr(old, name) for name in fields if getattr(old, name) != getattr(recipient, name)}
        same_practices = {p.pk for p in old.practices.all()} == {p.pk for p in linked}
        for name in before:
            setattr(old, name, getattr(recipient, name))
        row.extra["changes"] = (before, {name: getattr(old, name) for name in before})
        row.extra["practices_changed"] = not same_practices
        row.action = Action.UPDATE if before or not same_practices else Action.UNCHANGED
        row.target = old

    def touched(self, row: Row, ctx: Context) -> Iterable[tuple[str | None, str, str | None]]:
        yield "unit_name", self.proposal.unit.name, self.proposal.unit.path

    def write(self, rows: list[Row], ctx: Context) -> None:
        proposal = Proposal.objects.select_for_update().get(pk=self.proposal.pk)
        created = [row for row in rows if row.action is Action.CREATE]
        updated = [row for row in rows if row.action is Action.UPDATE]
        start = (proposal.recipients.aggregate(m=Max("order"))["m"] or 0) + 1
        for order, row in enumerate(created, start=start):
            row.target.proposal, row.target.order = proposal, order
        Recipient.objects.bulk_create([row.target for row in created], batch_size=1000)
        changelog.bulk_log((row.target, "create", None, changelog.snapshot(row.target)) for row in created)
        changed = [row for row in updated if row.extra["changes"][1]]
        for row in changed:
            row.target.match_key = row.target.compute_match_key()
        fields = sorted({name for row in changed for name in row.extra["changes"][1]})
        if changed:
            Recipient.objects.bulk_update([row.target for row in changed], [*fields, "match_key"], batch_size=1000)
            changelog.bulk_log((row.target, "update", *row.extra["changes"]) for row in changed)
        through = Recipient.practices.through
        relinked = [row for row in updated if row.extra["practices_changed"]]
        through.objects.filter(recipient__in=[row.target for row in relinked]).delete()
        links = [
            through(recipient_id=row.target.pk, practice_id=practice.pk)
            for row in [*created, *relinked]
            for practice in row.extra["practices"]
        ]
        through.objects.bulk_create(links, batch_size=1000)

    def export_queryset(self, user: Any, filters: dict[str, Any]):
        return (
            self.proposal.recipients.select_related("unit")
            .prefetch_related("practices")
            .order_by("kind", "order", "id")
        )

    def export_rows(self, queryset) -> Iterable[list[Any]]:
        for r in queryset:
            codes = ", ".join(sorted(p.code for p in r.practices.all()))
            yield [r.get_kind_display(), r.name, r.position, r.unit_name, codes, r.achievement, r.unit.code]
