"""The events panel of the home page: contests in progress and conferences coming up. Scoped through
`restrict`; a fixed number of queries whatever the data."""

from __future__ import annotations

import datetime as dt

from django.db.models import Count

from danvan.events.choices import ContestState
from danvan.events.models import Conference, Contest

LIMIT = 5


def panel(user, today: dt.date) -> dict:
    running = Contest.objects.restrict(user).filter(state=ContestState.RUNNING)
    upcoming = Conference.objects.restrict(user).filter(date__gte=today)
    return {
        "running_count": running.count(),
        "running": list(
            running.select_related("unit").annotate(entry_count=Count("entries")).order_by("start_date", "id")[:LIMIT]
        ),
        "upcoming_count": upcoming.count(),
        "upcoming": list(upcoming.select_related("unit", "kind").order_by("date", "id")[:LIMIT]),
        "today": today,
    }
