"""The grassroots democracy panel of the home page: the units expected to keep this year's record that have none
(every commune, and the agencies and enterprises that kept one last year), this year's records the steering
committee has not reviewed yet, and the matters whose households have not been counted. Scoped through
`restrict`; a fixed number of queries whatever the data."""

from __future__ import annotations

import datetime as dt

from django.db.models import Exists, OuterRef, Q

from danvan.core.lists import head
from danvan.democracy.models import DemocracyYear, Matter
from danvan.org.models import Unit

LIMIT = 5


def panel(user, today: dt.date) -> dict:
    year = today.year
    records = DemocracyYear.objects.restrict(user)
    kept_last_year = records.filter(year=year - 1).values("unit")
    expected = Unit.objects.restrict(user).valid_on(today).filter(Q(kind__tier="commune") | Q(pk__in=kept_last_year))
    missing = expected.exclude(Exists(DemocracyYear.objects.filter(unit=OuterRef("pk"), year=year)))
    unreviewed = records.filter(year=year, review_on__isnull=True)
    pending = Matter.objects.restrict(user).filter(agreeing__isnull=True)
    missing_rows, missing_count = head(missing.order_by("path"), LIMIT)
    pending_rows, pending_count = head(pending.select_related("record__unit").order_by("held_on", "id"), LIMIT)
    return {
        "year": year,
        "expected_count": expected.count(),
        "missing_count": missing_count,
        "missing": missing_rows,
        "unreviewed_count": unreviewed.count(),
        "pending_count": pending_count,
        "pending": pending_rows,
        "today": today,
    }
