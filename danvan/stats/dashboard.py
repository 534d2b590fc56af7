"""The home page after login: this year's figures in the user's scope, the trend, the best and
weakest units, and what waits for the user. A handful of grouped queries."""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import QuerySet

from danvan.core import scoping
from danvan.org.models import Unit
from danvan.practices.choices import Status
from danvan.practices.models import Practice
from danvan.stats import cube
from danvan.stats.report_data import current_year, default_unit

RANKED_TIERS = ("commune", "district")


@dataclass
class Dashboard:
    year: int
    unit: Unit | None
    current: cube.Row
    trend: cube.Table
    best: list[cube.Row]
    weakest: list[cube.Row]
    to_review: int
    returned_to_me: int
    has_units_below: bool  # a commune has no units below it to rank


def to_review(user) -> QuerySet:
    """Proposed practices the user may recognize: in review scope and below (not at) their units."""
    qs = Practice.objects.restrict(user, scoping.REVIEW).filter(status=Status.PROPOSED)
    paths = scoping.scope_paths(user, scoping.REVIEW)
    if paths:
        qs = qs.exclude(unit__path__in=paths)
    return qs


def build(user) -> Dashboard:
    year = current_year()
    unit = default_unit(user)
    qs = cube.practices_for(user, unit)
    trend = cube.by_year(qs, range(year - 4, year + 1))
    current = trend.rows[-1]
    by_unit = cube.by_unit(qs, year, unit, cube.AS_AT)
    units = [r for r in by_unit.rows if r.key != "other"]
    tiers = dict(Unit.objects.filter(pk__in=[r.key for r in units]).values_list("pk", "kind__tier"))
    # Rank the Party committees (communes, districts); agencies only when there is nothing else.
    ranked = [r for r in units if tiers.get(r.key) in RANKED_TIERS] or units
    ranked.sort(key=lambda r: (-r.recognized, -r.registered, r.label))
    best = [r for r in ranked if r.recognized][:5]
    weakest = sorted(ranked, key=lambda r: (r.recognized, r.registered, r.label))[:5] if len(ranked) > 5 else []
    returned = Practice.objects.restrict(user, scoping.CHANGE).filter(
        status=Status.IMPLEMENTING, proposed_by=user, year=year
    )
    return Dashboard(year, unit, current, trend, best, weakest, to_review(user).count(), returned.count(), bool(units))
