"""The cooperation panel of the home page: the programmes' interim and final reviews due within 60 days or
overdue (red), and this year's evaluation meetings not yet held (last year's, now overdue, in red).
Scoped through `restrict`; a fixed number of queries whatever the data."""

from __future__ import annotations

import datetime as dt

from django.db.models import Exists, OuterRef

from danvan.cooperation.models import Evaluation, Programme
from danvan.core.lists import head
from danvan.planning.models import Milestone

LIMIT = 5
DAYS_AHEAD = 60


def missing_evaluations(user, year: int):
    """Programmes the user sees that must evaluate `year` and have no evaluation of it."""
    held = Evaluation.objects.filter(programme=OuterRef("pk"), year=year)
    return Programme.objects.restrict(user).to_evaluate(year).filter(~Exists(held))


def panel(user, day: dt.date) -> dict:
    reviews = (
        Milestone.objects.restrict(user)
        .filter(directive__cooperation_programme__isnull=False, report_date__isnull=True)
        .filter(due_date__lte=day + dt.timedelta(days=DAYS_AHEAD))
        .with_state(day)
    )
    this_year = missing_evaluations(user, day.year)
    last_year = missing_evaluations(user, day.year - 1)
    review_rows, review_count = head(
        reviews.select_related("directive__cooperation_programme").order_by("due_date", "id"), LIMIT
    )
    pending, pending_count = head(this_year.order_by("signed_on", "id"), LIMIT)
    late, late_count = head(last_year.order_by("signed_on", "id"), LIMIT)
    for m in review_rows:
        m.programme = m.directive.cooperation_programme
        m.days = (m.due_date - day).days
    return {
        "year": day.year,
        "today": day,
        "days_ahead": DAYS_AHEAD,
        "review_count": review_count,
        "overdue_count": reviews.filter(due_date__lt=day).count(),
        "reviews": review_rows,
        "pending_count": pending_count,
        "pending": pending,
        "late_count": late_count,
        "late": late,
    }
