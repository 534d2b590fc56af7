"""The daily reminders as a django-tasks task: the timer (or an administrator) only queues them and the
worker sends, so a slow mail server never holds a web process or the timer's shell."""

from __future__ import annotations

import datetime as dt

from django_tasks import task

from danvan.core.actor import acting_as
from danvan.planning.reminders import send_reminders


class RemindersFailed(Exception):
    """Some emails could not be sent; they are retried on the next run (their claim was released)."""


@task()
def send_reminders_task(day: str, days: int, site_url: str = "") -> dict:
    with acting_as(None, source="system"):
        outcome = send_reminders(dt.date.fromisoformat(day), days, site_url)
    counts = {
        "sent": outcome.sent,
        "already_sent": outcome.already_sent,
        "nothing_due": outcome.nothing_due,
        "skipped_no_email": outcome.skipped_no_email,
        "failed": outcome.failed,
    }
    if outcome.failed:
        raise RemindersFailed(f"{outcome.failed} thư không gửi được; {counts}")
    return counts
