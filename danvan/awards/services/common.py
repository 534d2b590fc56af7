"""Helpers shared by the proposal and decision services: errors, permission, stale edits, recipients,
and the duplicate warnings."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable, Sequence
from typing import Any

from django.core.exceptions import PermissionDenied
from django.db.models import Max, Q

from danvan.awards.choices import DecisionStatus, RecipientKind
from danvan.awards.models import Recipient
from danvan.core.services import raise_errors, refuse_stale, require  # noqa: F401 - used across awards services

DS = DecisionStatus


def as_json(value):
    return value.isoformat() if isinstance(value, dt.date) else value


def visible_practices(user, practices: Iterable) -> list:
    from danvan.practices.models import Practice

    wanted = {p.pk for p in practices}
    if not wanted:
        return []
    found = list(Practice.objects.restrict(user).filter(pk__in=wanted).select_related("unit"))
    if len(found) != len(wanted):
        raise PermissionDenied("Có mô hình, điển hình ngoài phạm vi quản lý của bạn.")
    return found


def twin_of(queryset, recipient: Recipient) -> Recipient | None:
    return queryset.filter(match_key=recipient.compute_match_key()).exclude(pk=recipient.pk).first()


def fill_defaults(recipient: Recipient) -> None:
    recipient.name = (recipient.name or "").strip() or (recipient.unit.name if recipient.is_unit else "")
    if not recipient.is_unit and not recipient.unit_name:
        recipient.unit_name = recipient.unit.name
    if recipient.kind == RecipientKind.COLLECTIVE:
        recipient.position = ""


def next_order(**parent) -> int:
    return (Recipient.objects.filter(**parent).aggregate(m=Max("order"))["m"] or 0) + 1


# --- Duplicates ----------------------------------------------------------------------------------


def _describe_twin(other: Recipient) -> str:
    if other.decision_id:
        decision = other.decision
        if decision.status == DS.ISSUED:
            return f"đã được tặng “{decision.award_type.name}” năm {decision.year} theo {decision}"
        return f"đã có trong dự thảo quyết định “{decision.award_type.name}” năm {decision.year}"
    proposal = other.proposal
    return (
        f"đã được {proposal.unit_name} đề nghị “{proposal.award_type.name}” năm {proposal.year} "
        f"(tờ trình đang ở trạng thái “{proposal.get_status_display()}”)"
    )


def duplicate_warnings(user, items: Sequence[tuple[Any, str, int | None]], award_type, year: int) -> dict[Any, list]:
    """Warnings (not errors) for recipients who already have, or are proposed for, the same award type
    in the same year. `items` are (token, match key, own recipient id or None); the answer maps each
    token to its messages. One query, through restrict(user)."""
    keys = sorted({key for _, key, _ in items})
    if not keys:
        return {}
    same = Q(decision__award_type=award_type, decision__year=year) | Q(
        proposal__award_type=award_type, proposal__year=year
    )
    found: dict[str, list[Recipient]] = defaultdict(list)
    for start in range(0, len(keys), 2000):
        visible = Recipient.objects.all() if user is None else Recipient.objects.restrict(user)
        others = (
            visible.filter(same, match_key__in=keys[start : start + 2000])
            .select_related("decision__award_type", "proposal__award_type")
            .distinct()
        )
        for other in others:
            found[other.match_key].append(other)
    result: dict[Any, list[str]] = {}
    for token, key, own in items:
        messages = [_describe_twin(o) for o in found.get(key, []) if o.pk != own]
        if messages:
            result[token] = messages
    return result


def recipient_warnings(user, recipients: Sequence[Recipient], award_type, year: int) -> dict[int, list[str]]:
    return duplicate_warnings(user, [(r.pk, r.match_key, r.pk) for r in recipients], award_type, year)
