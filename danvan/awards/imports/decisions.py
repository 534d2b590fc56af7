"""`awards`: past decisions and their recipients, one row per recipient (`danvan import_xlsx awards FILE`)."""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable
from typing import Any

from danvan.awards import rules, services
from danvan.awards.choices import DecisionStatus
from danvan.awards.imports.common import (
    RULE_COLUMNS,
    UNIT_CODE,
    add_warnings,
    build_recipient,
    config_by_name,
    recipient_columns,
    recipient_unit,
    rule_errors,
    unit_column,
    unit_texts,
)
from danvan.awards.models import Authority, AwardType, Decision, Recipient
from danvan.core import changelog, numbering, scoping
from danvan.core.vn import clean_text, fold, text_date
from danvan.core.xlsx import Action, Column, Context, Date, ImportKind, Integer, Row, Text, register
from danvan.core.xlsx.modelkind import unit_path
from danvan.documents.choices import DECISION as DECISION_KIND
from danvan.documents.models import PartyTerm
from danvan.documents.numbering import numbering_key
from danvan.org.resolver import UnitResolver

# --- Past decisions ------------------------------------------------------------------------------


@register
class DecisionsKind(ImportKind):
    """Decisions and their recipients, one row per recipient (`danvan import_xlsx awards`)."""

    name = "awards"
    label = "tập thể, cá nhân được khen thưởng"
    sheet_title = "Khen thưởng"
    columns = (
        Column("Số quyết định", "number", Text(60), required=True, aliases=("Số QĐ", "Số"), width=18),
        Column("Ngày quyết định", "date", Date(), required=True, aliases=("Ngày QĐ", "Ngày ký"), width=14),
        Column("Hình thức khen thưởng", "award_type", Text(200), required=True, aliases=("Hình thức",), width=40),
        Column(
            "Cơ quan ban hành",
            "authority",
            Text(200),
            required=True,
            aliases=("Cơ quan khen thưởng", "Cấp khen thưởng"),
            width=32,
        ),
        *recipient_columns(),
        Column("Năm", "year", Integer(), required=True, aliases=("Năm thi đua", "Năm khen thưởng"), width=8),
        Column("Thành tích", "achievement", Text(), required=True, aliases=("Nội dung thành tích",), width=60),
        UNIT_CODE,
    )

    # --- plan ----------------------------------------------------------------------------------

    def _award(self, row: Row, ctx: Context) -> AwardType | None:
        authorities = config_by_name(Authority, ctx, "authorities")
        types = config_by_name(AwardType, ctx, "award_types")
        values = row.values
        authority = authorities.get(fold(values.get("authority") or ""))
        if authority is None and values.get("authority"):
            known = "; ".join(a.name for a in dict.fromkeys(authorities.values()))
            row.error("authority", f"Không có cơ quan khen thưởng “{values['authority']}”. Giá trị hợp lệ: {known}")
        text = values.get("award_type") or ""
        award = types.get(fold(text))
        if award is None and authority is not None:
            # "Giấy khen" + "Ban Dân vận Tỉnh ủy": the form of that authority (the one valid on the date first).
            forms = [
                t
                for t in dict.fromkeys(types.values())
                if t.authority_id == authority.pk and fold(t.form) == fold(text)
            ]
            day = values.get("date")
            forms.sort(key=lambda t: not (day and t.is_valid_on(day)))
            award = forms[0] if forms else None
        if award is None:
            if text:
                known = "; ".join(t.name for t in dict.fromkeys(types.values()))
                row.error("award_type", f"Không có hình thức khen thưởng “{text}”. Giá trị hợp lệ: {known}")
            return None
        if authority is not None and award.authority_id != authority.pk:
            row.error("authority", f"“{award.name}” do {award.authority.name} khen thưởng, không phải {authority.name}")
            return None
        if award.authority.unit_id is None:
            row.error(
                "authority",
                f"“{award.authority.name}” chưa gắn với đơn vị ban hành; khai báo tại Cấu hình → Cơ quan khen thưởng",
            )
            return None
        return award

    def plan(self, rows: list[Row], ctx: Context) -> None:
        resolver = UnitResolver(ctx.user, scoping.VIEW)
        resolver.load(unit_texts(rows))
        groups: dict[tuple, list[Row]] = defaultdict(list)
        for row in rows:
            values = row.values
            award = self._award(row, ctx) if "award_type" in values and "authority" in values else None
            row.extra["award"] = award
            year, day = values.get("year"), values.get("date")
            if award is not None:
                checks = rules.check_decision(year=year, date=day, award_type=award)
                rule_errors(row, checks, {"award_type": "award_type", "date": "date", "year": "year"})
            if values.get("kind") and values.get("name"):
                unit, is_unit = recipient_unit(row, resolver, year, day)
                if unit is not None:
                    checks = rules.check_recipient(
                        kind=values["kind"],
                        is_unit=is_unit,
                        unit=unit,
                        name=values["name"],
                        award_type=award,
                        year=year,
                    )
                    rule_errors(row, checks, RULE_COLUMNS | {"unit": unit_column(row, is_unit)})
                    resolver.check_scope(row, unit_column(row, is_unit), unit)
                    row.extra["recipient"] = build_recipient(row, unit, is_unit)
            if values.get("number") and day:
                groups[(values["number"], day)].append(row)
        existing = self._existing(groups, ctx)
        for key, group in groups.items():
            self._plan_group(key, group, existing.get(key), ctx)
        self._warn(rows, ctx)

    def _existing(self, groups: dict, ctx: Context) -> dict[tuple, Decision]:
        numbers = sorted({number for number, _ in groups})
        found = {}
        for start in range(0, len(numbers), 2000):
            for decision in Decision.objects.filter(number__in=numbers[start : start + 2000]).select_related(
                "award_type", "unit"
            ):
                if (decision.number, decision.date) in groups:
                    found[decision.number, decision.date] = decision
        recipients = defaultdict(dict)
        for recipient in Recipient.objects.filter(decision__in=list(found.values())):
            recipients[recipient.decision_id][recipient.match_key] = recipient
        ctx.data["existing_recipients"] = recipients
        return found

    def _plan_group(self, key: tuple, group: list[Row], decision: Decision | None, ctx: Context) -> None:
        number, _ = key
        first = group[0]
        seen: dict[str, int] = {}
        for row in group:
            if row is not first and first.extra["award"] and row.extra["award"]:
                if row.extra["award"] != first.extra["award"]:
                    row.error(
                        "award_type",
                        f"Khác hình thức khen thưởng với dòng {first.number} của cùng quyết định số {number}",
                    )
                elif row.values.get("year") != first.values.get("year"):
                    row.error("year", f"Khác năm với dòng {first.number} của cùng quyết định số {number}")
            recipient = row.extra.get("recipient")
            if recipient is None:
                continue
            if recipient.match_key in seen:
                row.error("name", f"“{recipient.name}” trùng với dòng {seen[recipient.match_key]} của cùng quyết định")
            else:
                seen[recipient.match_key] = row.number
        if decision is not None:
            self._match_existing(group, decision, ctx)
            return
        for row in group:
            if row.ok:
                row.action, row.target = Action.CREATE, row.extra["recipient"]

    def _match_existing(self, group: list[Row], decision: Decision, ctx: Context) -> None:
        where = f"Quyết định số {decision.number} ngày {text_date(decision.date)} đã có trong hệ thống"
        if ctx.user is not None and not Decision.objects.restrict(ctx.user).filter(pk=decision.pk).exists():
            group[0].error("number", f"{where} (ngoài phạm vi quản lý của bạn)")
            return
        recipients = ctx.data["existing_recipients"][decision.pk]
        for row in group:
            if not row.ok:
                continue
            award = row.extra["award"]
            if (award.pk, row.values["year"]) != (decision.award_type_id, decision.year):
                row.error("award_type", f"{where} với hình thức “{decision.award_type.name}” năm {decision.year}")
                continue
            new = row.extra["recipient"]
            old = recipients.get(new.match_key)
            if old is None:
                row.error(
                    "name", f"{where} và không có “{new.name}”; quyết định đã ban hành không thêm người nhận được"
                )
                continue
            achievement = old.achievement or decision.achievement
            differences = [
                (label, getattr(old, name), getattr(new, name))
                for name, label in (("position", "chức vụ"), ("unit_name", "đơn vị"), ("unit_id", "mã đơn vị"))
                if getattr(old, name) != getattr(new, name)
            ]
            if clean_text(achievement) != clean_text(row.values["achievement"]):
                differences.append(("thành tích", achievement, row.values["achievement"]))
            if differences:
                text = "; ".join(f"{label}: “{a}” thành “{b}”" for label, a, b in differences)
                row.error(None, f"{where}, khác ở {text}; quyết định đã ban hành chỉ sửa bằng đính chính")
                continue
            row.action, row.target = Action.UNCHANGED, old

    def _warn(self, rows: list[Row], ctx: Context) -> None:
        """Warnings: the same recipient in another decision or proposal (in the system or in this file)."""
        by_award: dict[tuple, list[Row]] = defaultdict(list)
        for row in rows:
            if row.ok and row.action is Action.CREATE:
                by_award[row.extra["award"].pk, row.values["year"]].append(row)
        for (award_id, year), group in by_award.items():
            items = [(row.number, row.target.match_key, None) for row in group]
            add_warnings(group, services.duplicate_warnings(ctx.user, items, award_id, year))
            first: dict[str, Row] = {}
            for row in group:
                other = first.setdefault(row.target.match_key, row)
                if other is not row:
                    row.extra.setdefault("warnings", []).append(
                        f"“{row.values['name']}” cũng được tặng cùng hình thức, cùng năm ở dòng {other.number} "
                        f"(quyết định số {other.values['number']})"
                    )

    def touched(self, row: Row, ctx: Context) -> Iterable[tuple[str | None, str, str | None]]:
        unit = row.extra["award"].authority.unit
        yield "authority", unit.name, unit.path

    # --- write ---------------------------------------------------------------------------------

    def write(self, rows: list[Row], ctx: Context) -> None:
        groups: dict[tuple, list[Row]] = defaultdict(list)
        for row in rows:
            if row.action is Action.CREATE:
                groups[row.values["number"], row.values["date"]].append(row)
        decisions = []
        for (number, day), group in groups.items():
            first = group[0]
            award = first.extra["award"]
            authority = award.authority
            decisions.append(
                Decision(
                    unit=authority.unit,
                    award_type=award,
                    year=first.values["year"],
                    number=number,
                    date=day,
                    achievement=first.values["achievement"],
                    legal_bases=authority.legal_bases_on(day),
                    executors=authority.executors,
                    distribution=authority.distribution,
                    status=DecisionStatus.ISSUED,
                    created_by=ctx.user,
                    issued_by=ctx.user,
                )
            )
        Decision.objects.bulk_create(decisions, batch_size=500)
        changelog.bulk_log((d, "create", None, changelog.snapshot(d)) for d in decisions)
        recipients = []
        for decision, group in zip(decisions, groups.values(), strict=True):
            for order, row in enumerate(group, start=1):
                recipient = row.target
                recipient.decision, recipient.order = decision, order
                if clean_text(row.values["achievement"]) != clean_text(decision.achievement):
                    recipient.achievement = row.values["achievement"]
                recipients.append(recipient)
        Recipient.objects.bulk_create(recipients, batch_size=1000)
        changelog.bulk_log((r, "create", None, changelog.snapshot(r)) for r in recipients)
        _advance_counters(decisions)

    # --- export --------------------------------------------------------------------------------

    def export_queryset(self, user: Any, filters: dict[str, Any]):
        qs = Recipient.objects.awarded()
        if user is not None:
            qs = qs.restrict(user)
        if code := filters.get("unit"):
            qs = qs.filter(scoping.subtree_q("unit__path", unit_path(code)))
        if year := filters.get("year"):
            qs = qs.filter(decision__year=year)
        return qs.select_related("decision__award_type__authority", "unit").order_by(
            "decision__date", "decision__number", "kind", "order", "id"
        )

    def export_rows(self, queryset) -> Iterable[list[Any]]:
        for r in queryset.iterator(chunk_size=2000):
            d = r.decision
            yield [
                d.number,
                d.date,
                d.award_type.name,
                d.award_type.authority.name,
                r.get_kind_display(),
                r.name,
                r.position,
                r.unit_name,
                d.year,
                r.achievement or d.achievement,
                r.unit.code,
            ]


def _advance_counters(decisions: list[Decision]) -> None:
    """Numbers the system gives later must not repeat imported ones ('05-QĐ/BTGDVTU' moves it to 5)."""
    for decision in decisions:
        if not decision.award_type.authority.numbered_by_system:
            continue
        match = re.match(r"(\d+)", decision.number)
        issuer = decision.award_type.authority.issuer_on(decision.date)
        if match is None or issuer is None or f"/{issuer.symbol}" not in decision.number:
            continue
        try:
            key = numbering_key(issuer, DECISION_KIND.code, decision.date)
        except PartyTerm.DoesNotExist:
            continue
        numbering.ensure_at_least(key, int(match.group(1)))
