"""Choices of the events app: the states a contest goes through."""

from __future__ import annotations

from django.db import models


class ContestState(models.TextChoices):
    PREPARING = "preparing", "Chuẩn bị"
    RUNNING = "running", "Đang thi"
    ANNOUNCED = "announced", "Đã công bố kết quả"
