"""A user's background job: what was asked, how far it got, its result file or why it failed (in Vietnamese)."""

from __future__ import annotations

import datetime as dt

from django.conf import settings
from django.db import models
from django.utils import timezone

from danvan.core.uploads import RandomName


class Job(models.Model):
    """One piece of long work run by a worker (an import, certificates, a report), owned by its user.

    The queue itself is django-tasks' (a `DBTaskResult` row with the database backend); this is what
    the user sees in "Việc của tôi": progress (rows done of total), the result to download, the error.
    `worker` is "host:pid" of the process running it, so a worker that died is noticed (see `reap`).
    """

    class Status(models.TextChoices):
        QUEUED = "queued", "Đang chờ"
        RUNNING = "running", "Đang chạy"
        DONE = "done", "Xong"
        FAILED = "failed", "Không thành công"

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="jobs")
    kind = models.CharField("loại việc", max_length=60)
    title = models.CharField("việc", max_length=300)
    status = models.CharField("trạng thái", max_length=10, choices=Status.choices, default=Status.QUEUED)
    params = models.JSONField("tham số", default=dict, blank=True)
    parent = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.CASCADE, related_name="children", verbose_name="việc trước"
    )
    created_at = models.DateTimeField("lúc yêu cầu", default=timezone.now)
    started_at = models.DateTimeField("lúc bắt đầu", null=True, blank=True)
    finished_at = models.DateTimeField("lúc xong", null=True, blank=True)
    heartbeat_at = models.DateTimeField(null=True, blank=True)
    worker = models.CharField(max_length=200, blank=True)
    task_id = models.CharField(max_length=64, blank=True)
    phase = models.CharField("bước", max_length=200, blank=True)
    rows_done = models.PositiveIntegerField(default=0)
    rows_total = models.PositiveIntegerField(null=True, blank=True)
    phase_started_at = models.DateTimeField(null=True, blank=True)
    error = models.TextField("lỗi", blank=True)
    source = models.FileField("tệp nguồn", upload_to=RandomName("viec/nguon"), blank=True, max_length=300)
    source_name = models.CharField(max_length=300, blank=True)
    result = models.FileField("kết quả", upload_to=RandomName("viec/ket-qua"), blank=True, max_length=300)
    result_name = models.CharField(max_length=300, blank=True)
    report = models.JSONField("kết quả chi tiết", default=dict, blank=True)
    link = models.CharField("đường dẫn", max_length=300, blank=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        indexes = [models.Index(fields=["user", "-created_at"]), models.Index(fields=["status"])]
        verbose_name = "việc chạy nền"
        verbose_name_plural = "việc chạy nền"

    def __str__(self) -> str:
        return self.title

    @property
    def finished(self) -> bool:
        return self.status in (self.Status.DONE, self.Status.FAILED)

    @property
    def percent(self) -> int | None:
        if self.status == self.Status.DONE:
            return 100
        if not self.rows_total:
            return None
        return min(100, self.rows_done * 100 // self.rows_total)

    @property
    def remaining(self) -> dt.timedelta | None:
        """A rough estimate from the pace of the current step so far."""
        if self.status != self.Status.RUNNING or not self.rows_total or not self.rows_done:
            return None
        started = self.phase_started_at or self.started_at
        if started is None:
            return None
        elapsed = (timezone.now() - started).total_seconds()
        left = max(self.rows_total - self.rows_done, 0)
        return dt.timedelta(seconds=round(elapsed / self.rows_done * left))

    @property
    def remaining_label(self) -> str:
        """ "khoảng 40 giây nữa", "khoảng 3 phút nữa"; empty when there is no estimate yet."""
        left = self.remaining
        if left is None:
            return ""
        seconds = int(left.total_seconds())
        if seconds < 60:
            return f"khoảng {max(seconds, 1)} giây nữa"
        return f"khoảng {round(seconds / 60)} phút nữa"

    @property
    def duration(self) -> dt.timedelta | None:
        if self.started_at is None:
            return None
        return (self.finished_at or timezone.now()) - self.started_at
