"""The events panel of the home page: contests in progress and conferences coming up. Scoped through
`restrict`; a fixed number of queries whatever the data."""

from __future__ import annotations

import datetime as dt

from django.db.models import Count

from danvan.core.lists import head
from danvan.events.choices import ContestState
from danvan.events.models import Conference, Contest

LIMIT = 5


def panel(user, today: dt.date) -> dict:
    running = Contest.objects.restrict(user).filter(state=ContestState.RUNNING)
    upcoming = Conference.objects.restrict(user).filter(date__gte=today)
    running_rows, running_count = head(
        running.select_related("unit").annotate(entry_count=Count("entries")).order_by("start_date", "id"), LIMIT
    )
    upcoming_rows, upcoming_count = head(upcoming.select_related("unit", "kind").order_by("date", "id"), LIMIT)
    return {
        "running_count": running_count,
        "running": running_rows,
        "upcoming_count": upcoming_count,
        "upcoming": upcoming_rows,
        "today": today,
    }
