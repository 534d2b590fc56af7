"""Choices of the planning app: review kinds, task and recommendation states, supervision kinds."""

from __future__ import annotations

import datetime as dt

from django.db import models


class ReviewKind(models.TextChoices):
    INTERIM = "interim", "Sơ kết"
    FINAL = "final", "Tổng kết"


class ReviewState(models.TextChoices):
    """Computed, never stored: from the due date, the day and the closing report."""

    DONE = "done", "Đã thực hiện"
    OVERDUE = "overdue", "Quá hạn"
    PENDING = "pending", "Chưa đến hạn"


class TaskStatus(models.TextChoices):
    """Stored, set from the latest progress report (100% is done)."""

    NOT_STARTED = "not_started", "Chưa thực hiện"
    IN_PROGRESS = "in_progress", "Đang thực hiện"
    DONE = "done", "Hoàn thành"


class TaskState(models.TextChoices):
    """What lists show and filter on: the stored status, or "quá hạn" past the deadline and not done."""

    NOT_STARTED = "not_started", "Chưa thực hiện"
    IN_PROGRESS = "in_progress", "Đang thực hiện"
    DONE = "done", "Hoàn thành"
    OVERDUE = "overdue", "Quá hạn"


class Activity(models.TextChoices):
    INSPECTION = "inspection", "Kiểm tra"
    SUPERVISION = "supervision", "Giám sát"


class Mode(models.TextChoices):
    REGULAR = "regular", "Thường xuyên"
    THEMATIC = "thematic", "Chuyên đề"


class SupervisionState(models.TextChoices):
    """Computed from the dates: planned, carried out, concluded (the announcement is issued)."""

    PLANNED = "planned", "Theo kế hoạch"
    CARRIED_OUT = "carried_out", "Đã tiến hành"
    CONCLUDED = "concluded", "Đã kết luận"


class RecommendationState(models.TextChoices):
    CLOSED = "closed", "Đã hoàn thành"
    OVERDUE = "overdue", "Quá hạn"
    OPEN = "open", "Đang thực hiện"


QUARTERS = {1: "Quý I", 2: "Quý II", 3: "Quý III", 4: "Quý IV"}


def quarter_bounds(year: int, quarter: int) -> tuple[dt.date, dt.date]:
    """First and last day of a quarter: (1/4/2021, 30/6/2021) for quý II."""
    if quarter not in QUARTERS:
        raise ValueError(f"Quý không hợp lệ: {quarter}")
    start = dt.date(year, 3 * quarter - 2, 1)
    end = dt.date(year, 12, 31) if quarter == 4 else dt.date(year, 3 * quarter + 1, 1) - dt.timedelta(days=1)
    return start, end


STATE_BADGES = {
    "done": "text-bg-success",
    "closed": "text-bg-success",
    "concluded": "text-bg-success",
    "overdue": "text-bg-danger",
    "in_progress": "text-bg-primary",
    "open": "text-bg-primary",
    "carried_out": "text-bg-primary",
    "pending": "text-bg-secondary",
    "not_started": "text-bg-secondary",
    "planned": "text-bg-secondary",
}
