"""The membership panel of the home page: how many of the communes and wards the user sees have reported
their figures for this year (either period), which have not, and the share of the population organized over
everything the user sees (this year's, else last year's when nothing of this year has come in yet). Scoped
through `restrict`; the share is the statistics page's (`figures.summary`); a fixed number of queries."""

from __future__ import annotations

import datetime as dt

from danvan.core.lists import head
from danvan.membership import figures
from danvan.membership.models import MembershipReport
from danvan.org.choices import Tier
from danvan.org.models import Unit

MISSING_LIMIT = 5


def panel(user, day: dt.date) -> dict:
    year = day.year
    expected = Unit.objects.restrict(user).valid_on(day).filter(kind__tier=Tier.COMMUNE)
    reported = MembershipReport.objects.restrict(user).filter(year=year, unit__in=expected).values("unit")
    missing = expected.exclude(pk__in=reported)
    expected_count = expected.count()
    missing_rows, missing_count = head(missing.order_by("name", "pk").only("pk", "name"), MISSING_LIMIT)
    summary = figures.summary(user, None, year, by_unit=False)
    if not summary.population_units:
        summary = figures.summary(user, None, year - 1, by_unit=False)
    return {
        "year": year,
        "expected": expected_count,
        "received": expected_count - missing_count,
        "missing_count": missing_count,
        "missing": missing_rows,
        "share_year": summary.year,
        "population": summary.population,
        "organized": summary.organized,
        "memberships": summary.memberships,
        "population_units": summary.population_units,
    }
