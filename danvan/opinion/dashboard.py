"""The opinion panel of the home page: this month's new items by field and tendency, open hot spots,
and items forwarded but unanswered past their deadline (red). Scoped through `restrict`; a fixed
number of queries whatever the data; cases only (merged duplicates count once), as in the reports."""

from __future__ import annotations

import datetime as dt

from django.db.models import Count

from danvan.core.lists import head
from danvan.opinion.choices import OPEN_STATES, Tendency
from danvan.opinion.models import OpinionItem

LIMIT = 5


def panel(user, today: dt.date) -> dict:
    cases = OpinionItem.objects.restrict(user).cases()
    month = cases.filter(noted_on__year=today.year, noted_on__month=today.month)
    counts = month.order_by().values("topic__name", "topic__order", "tendency").annotate(n=Count("id"))
    by_topic: dict[str, dict] = {}
    for row in sorted(counts, key=lambda r: (r["topic__order"], r["topic__name"])):
        entry = by_topic.setdefault(
            row["topic__name"], {"name": row["topic__name"], "total": 0} | {t: 0 for t in Tendency.values}
        )
        entry[row["tendency"]] += row["n"]
        entry["total"] += row["n"]
    hot = cases.filter(hot_spot=True, state__in=OPEN_STATES)
    late = cases.overdue(today)
    hot_rows, hot_count = head(hot.select_related("place").order_by("-noted_on", "-id"), LIMIT)
    late_rows, late_count = head(late.select_related("place").order_by("answer_due", "id"), LIMIT)
    return {
        "month": today.month,
        "year": today.year,
        "topics": list(by_topic.values()),
        "month_total": sum(t["total"] for t in by_topic.values()),
        "tendency_totals": {t: sum(e[t] for e in by_topic.values()) for t in Tendency.values},
        "hot_count": hot_count,
        "hot": hot_rows,
        "late_count": late_count,
        "late": late_rows,
        "today": today,
    }
