"""The member units of a set: one scorecard each, chosen among the units valid in the set's year."""

from __future__ import annotations

from collections.abc import Iterable

from django.core.exceptions import ValidationError
from django.db import transaction

from danvan.core import changelog, scoping
from danvan.emulation.models import CriteriaSet, Score, Scorecard
from danvan.emulation.services.common import S, _require_manage, year_bounds
from danvan.org.models import Unit


def _ancestor_ids(unit: Unit) -> list[int]:
    width = scoping.SEGMENT_WIDTH
    return [int(unit.path[i : i + width]) for i in range(0, len(unit.path), width)]


def default_scope_unit(criteria_set: CriteriaSet) -> Unit:
    """Where the scored units are looked for: the Party committee a commission (Ban) belongs to."""
    unit = criteria_set.unit
    if unit.kind.code == "ban-dan-van" and unit.parent_id:
        return unit.parent
    return unit


def candidate_units(user, criteria_set: CriteriaSet, within: Unit | None = None):
    """Units the commission may score in the set's year: in its review scope, valid that year, and
    neither the commission itself nor a unit above it."""
    start, end = year_bounds(criteria_set.year)
    units = Unit.objects.restrict(user, scoping.REVIEW).valid_during(start, end)
    if within is not None:
        units = units.filter(scoping.subtree_q("path", within.path))
    return units.exclude(pk__in=_ancestor_ids(criteria_set.unit))


@transaction.atomic
def add_members(user, criteria_set: CriteriaSet, units: Iterable[Unit]) -> list[Scorecard]:
    """A draft scorecard for each unit that has none yet in the set (bulk, with change-log entries)."""
    _require_manage(user, criteria_set)
    units = list(units)
    allowed = set(candidate_units(user, criteria_set).filter(pk__in=[u.pk for u in units]).values_list("pk", flat=True))
    refused = [u.name for u in units if u.pk not in allowed]
    if refused:
        raise ValidationError(
            "Không thể đưa vào bản điểm (ngoài phạm vi, không hoạt động trong năm "
            f"{criteria_set.year} hoặc là cơ quan chấm điểm): " + ", ".join(refused[:10])
        )
    present = set(Scorecard.objects.filter(criteria_set=criteria_set).values_list("unit_id", flat=True))
    cards = [Scorecard(criteria_set=criteria_set, unit=u, unit_name=u.name) for u in units if u.pk not in present]
    Scorecard.objects.bulk_create(cards, batch_size=1000)
    changelog.bulk_log((card, "create", None, changelog.snapshot(card)) for card in cards)
    return cards


def fill_members(user, criteria_set: CriteriaSet, kind_codes: Iterable[str], within: Unit | None = None):
    """Add every unit of the given kinds (e.g. all district committees in 2021; all commune
    committees and the committees directly under the province after the reform)."""
    within = within or default_scope_unit(criteria_set)
    units = candidate_units(user, criteria_set, within).filter(kind__code__in=list(kind_codes))
    return add_members(user, criteria_set, units)


@transaction.atomic
def remove_member(user, card: Scorecard) -> None:
    _require_manage(user, card.criteria_set)
    if card.status != S.DRAFT or card.submitted_at is not None or Score.objects.filter(scorecard=card).exists():
        raise ValidationError(f"{card.unit_name} đã bắt đầu chấm điểm nên không bỏ khỏi bản điểm được.")
    card.delete()
