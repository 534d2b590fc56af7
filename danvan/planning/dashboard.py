"""Planning panels for the home page: reviews due this year or overdue, key tasks due within 14 days
or overdue, open recommendations. Scoped through `restrict`; a constant number of queries (a list and
a count per panel), whatever the data."""

from __future__ import annotations

import datetime as dt

from django.db.models import Count, Q
from django.utils import timezone

from danvan.planning.choices import RecommendationState, ReviewState, TaskState, TaskStatus
from danvan.planning.models import KeyTask, Milestone, Recommendation
from danvan.planning.reports import reviews_rows

SOON_DAYS = 14
LIMIT = 8


def _days(due: dt.date, today: dt.date) -> int:
    return (due - today).days


def review_panel(user, today: dt.date, year: int | None = None) -> dict:
    """The reviews due in `year`, counted by the function the reviews report uses (so the home page and
    the report agree), plus how many earlier years' reviews are still overdue."""
    year = year or today.year
    due = reviews_rows(user, year, None, today)
    open_reviews = Milestone.objects.restrict(user).filter(report_date__isnull=True)
    # Listed: the year's open reviews and, first, earlier years' still overdue (counted apart).
    wanted = Q(due_date__year=year) | Q(due_date__lt=min(today, dt.date(year, 1, 1)))
    rows = list(open_reviews.filter(wanted).with_directive().with_state(today).order_by("due_date", "id")[:LIMIT])
    counts = {
        "this_year": len(due),
        "done": sum(1 for r in due if r.state == ReviewState.DONE),
        "overdue": sum(1 for r in due if r.state == ReviewState.OVERDUE),
        "earlier_overdue": open_reviews.filter(due_date__lt=min(today, dt.date(year, 1, 1))).count(),
    }
    counts["open"] = sum(1 for r in due if r.state != ReviewState.DONE) + counts["earlier_overdue"]
    items = [
        {
            "label": m.citation,
            "url": m.directive.get_absolute_url(),
            "due": m.due_date,
            "days": _days(m.due_date, today),
            "overdue": m.state == ReviewState.OVERDUE,
        }
        for m in rows
    ]
    return {"items": items, "more": max(counts["open"] - len(items), 0), **counts}


def task_panel(user, today: dt.date) -> dict:
    soon = today + dt.timedelta(days=SOON_DAYS)
    undone = KeyTask.objects.restrict(user).exclude(status=TaskStatus.DONE)
    rows = list(
        undone.filter(deadline__lte=soon)
        .select_related("plan", "lead_unit")
        .with_state(today)
        .order_by("deadline", "id")[:LIMIT]
    )
    counts = undone.aggregate(
        overdue=Count("pk", filter=Q(deadline__lt=today)),
        soon=Count("pk", filter=Q(deadline__gte=today, deadline__lte=soon)),
    )
    items = [
        {
            "label": t.content.splitlines()[0][:200],
            "detail": f"{t.lead_unit.name} chủ trì · {t.plan.title}",
            "url": t.get_absolute_url(),
            "due": t.deadline,
            "days": _days(t.deadline, today),
            "overdue": t.state == TaskState.OVERDUE,
            "progress": t.progress,
        }
        for t in rows
    ]
    total = counts["overdue"] + counts["soon"]
    return {"items": items, "more": max(total - len(items), 0), **counts}


def recommendation_panel(user, today: dt.date) -> dict:
    open_recs = Recommendation.objects.restrict(user).filter(closed_on__isnull=True)
    rows = list(
        open_recs.select_related("supervision", "responsible_unit").with_state(today).order_by("deadline", "id")[:LIMIT]
    )
    counts = open_recs.aggregate(open=Count("pk"), overdue=Count("pk", filter=Q(deadline__lt=today)))
    items = [
        {
            "label": r.content[:200],
            "detail": r.responsible_unit.name,
            "url": r.supervision.get_absolute_url() + f"#kien-nghi-{r.pk}",
            "due": r.deadline,
            "days": _days(r.deadline, today),
            "overdue": r.state == RecommendationState.OVERDUE,
        }
        for r in rows
    ]
    return {"items": items, "more": max(counts["open"] - len(items), 0), **counts}


def panels(user, today: dt.date | None = None, year: int | None = None) -> dict:
    """What the planning partial (`planning/_dashboard.html`) renders for this user (reviews of `year`)."""
    today = today or timezone.localdate()
    year = year or today.year
    return {
        "today": today,
        "year": year,
        "soon_days": SOON_DAYS,
        "reviews": review_panel(user, today, year),
        "tasks": task_panel(user, today),
        "recommendations": recommendation_panel(user, today),
    }
