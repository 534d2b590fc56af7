"""Citizen reception and dialogues: every change in one transaction, with its own permission check."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.db import transaction
from django.db.models import Count
from django.db.models.functions import ExtractMonth

from danvan.core.services import lock_for_change, raise_errors, require
from danvan.core.vn import clean_text
from danvan.opinion import rules
from danvan.opinion.choices import ReceptionStatus
from danvan.opinion.models import Commitment, Dialogue, DialogueIssue, Reception, ReceptionCase
from danvan.opinion.services.items import today


@transaction.atomic
def save_reception(user, reception: Reception, expected_version: int | None = None) -> Reception:
    lock_for_change(user, reception, expected_version)
    reception.leader = clean_text(reception.leader)
    raise_errors(rules.reception_errors(reception, today()))
    reception.save()
    return reception


@transaction.atomic
def save_case(user, case: ReceptionCase) -> ReceptionCase:
    reception = Reception.objects.select_related("unit").get(pk=case.reception_id)
    require(user, reception.unit)
    raise_errors(rules.case_errors(case, reception, today()))
    case.save()
    return case


@transaction.atomic
def save_dialogue(user, dialogue: Dialogue, expected_version: int | None = None) -> Dialogue:
    lock_for_change(user, dialogue, expected_version)
    dialogue.hosts, dialogue.topic = clean_text(dialogue.hosts), clean_text(dialogue.topic)
    raise_errors(rules.dialogue_errors(dialogue, today()))
    dialogue.save()
    return dialogue


@transaction.atomic
def save_issue(user, issue: DialogueIssue) -> DialogueIssue:
    require(user, Dialogue.objects.select_related("unit").get(pk=issue.dialogue_id).unit)
    raise_errors(rules.issue_errors(issue))
    issue.save()
    return issue


@transaction.atomic
def save_commitment(user, commitment: Commitment) -> Commitment:
    dialogue = Dialogue.objects.select_related("unit").get(pk=commitment.dialogue_id)
    require(user, dialogue.unit)
    commitment.responsible = clean_text(commitment.responsible)
    raise_errors(rules.commitment_errors(commitment, dialogue, today()))
    commitment.save()
    return commitment


@dataclass
class UnitMonths:
    """A unit's reception days per month of a year against the rule."""

    unit: object
    held: list[int]  # days held, January..December
    minimum: list[int | None]  # the rule for each month (None: no rule, or the unit did not exist)

    @property
    def cells(self) -> list[tuple[int, int | None]]:
        return list(zip(self.held, self.minimum, strict=True))

    @property
    def shortfalls(self) -> int:
        return sum(1 for h, m in zip(self.held, self.minimum, strict=True) if m is not None and h < m)


def frequency(units, year: int, last_day: dt.date) -> list[UnitMonths]:
    """Reception days held per unit and month of `year` up to `last_day` (one GROUP BY query), with each
    month's minimum. A month not over on `last_day` carries no rule yet (it cannot have fallen short)."""
    units = list(units)
    held = (
        Reception.objects.filter(unit__in=units, status=ReceptionStatus.HELD, day__year=year, day__lte=last_day)
        .annotate(month=ExtractMonth("day"))
        .values("unit_id", "month")
        .annotate(days=Count("day", distinct=True))
    )
    days = {(row["unit_id"], row["month"]): row["days"] for row in held}
    result = []
    for unit in units:
        minimum = []
        for month in range(1, 13):
            first = dt.date(year, month, 1)
            end = (first + dt.timedelta(days=32)).replace(day=1) - dt.timedelta(days=1)
            in_force = end <= last_day and unit.overlaps(first, end)
            minimum.append(rules.reception_minimum(unit.kind.tier, first) if in_force else None)
        result.append(UnitMonths(unit, [days.get((unit.pk, m), 0) for m in range(1, 13)], minimum))
    return result
