"""Long work off the request: a user's `Job`, run by a django-tasks worker, with progress and a result.

    job = jobs.start(user, "awards.certificates", "Giấy khen ...", params={...})

creates the job and puts it on the queue in the same transaction (with the database backend the queue
row is written by that transaction; other backends are called on commit). A worker runs the kind's
handler (registered with `@jobs.handler(kind)` in `<app>/jobs.py`), which reports progress and leaves
a result file or a report; `JobFailed` carries a Vietnamese message for the user, any other exception
fails the job with a general one. A worker that dies mid-job (killed, machine lost) leaves its job
"running": `reap` marks it failed, and whatever the handler wrote in its transaction was rolled back.
"""

from __future__ import annotations

import importlib
import importlib.util
import logging
import os
import socket
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from django.apps import apps
from django.conf import settings
from django.core.files.base import ContentFile, File
from django.db import transaction
from django.utils import timezone

from danvan.core.jobs.models import Job

logger = logging.getLogger(__name__)

MSG_FAILED = "Có lỗi hệ thống khi thực hiện việc này nên việc đã dừng; không có dữ liệu nào được ghi. Vui lòng thử lại."
MSG_WORKER_LOST = (
    "Tiến trình xử lý bị dừng giữa chừng (máy chủ khởi động lại hoặc bị tắt); "
    "không có dữ liệu nào được ghi. Vui lòng thực hiện lại."
)
PROGRESS_EVERY = 0.5  # seconds between two progress writes

Handler = Callable[[Job, "Progress"], None]
_handlers: dict[str, Handler] = {}
_discovered = False
_lock = threading.Lock()


class JobFailed(Exception):
    """The job cannot be done; the message (Vietnamese) is shown to the user. `report` is kept on the job."""

    def __init__(self, message: str, report: dict | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.report = report


def handler(kind: str) -> Callable[[Handler], Handler]:
    def register(fn: Handler) -> Handler:
        _handlers[kind] = fn
        return fn

    return register


def discover() -> None:
    """Import `<app>.jobs` of every danvan app once, so their handlers are registered."""
    global _discovered
    if _discovered:
        return
    with _lock:
        if _discovered:
            return
        for config in apps.get_app_configs():
            if config.name.startswith("danvan.") and config.name != "danvan.core":
                module = f"{config.name}.jobs"
                if importlib.util.find_spec(module) is not None:
                    importlib.import_module(module)
        importlib.import_module("danvan.core.jobs.imports")
        _discovered = True


def get_handler(kind: str) -> Handler:
    discover()
    return _handlers[kind]


def worker_id() -> str:
    return f"{socket.gethostname()}:{os.getpid()}"


# --- Starting --------------------------------------------------------------------------------------


def start(
    user: Any,
    kind: str,
    title: str,
    *,
    params: dict | None = None,
    source: File | bytes | None = None,
    source_name: str = "",
    parent: Job | None = None,
    link: str = "",
) -> Job:
    """Create the job and queue it, in one transaction."""
    get_handler(kind)  # an unknown kind fails here, in the request, not later in a worker
    with transaction.atomic():
        job = Job(user=user, kind=kind, title=title[:300], params=params or {}, parent=parent, link=link)
        job.source_name = source_name[:300]
        if source is not None:
            content = ContentFile(source) if isinstance(source, bytes) else source
            job.source.save(Path(source_name or "tep").name[-100:] or "tep", content, save=False)
        elif parent is not None and parent.source:
            job.source, job.source_name = parent.source.name, parent.source_name
        job.save()
        enqueue(job)
    return job


def enqueue(job: Job) -> None:
    from django_tasks import task_backends
    from django_tasks_db import DatabaseBackend

    from danvan.core.jobs.tasks import run_job

    backend = task_backends[run_job.backend]
    if isinstance(backend, DatabaseBackend):
        # The queue row is written by the caller's transaction: both commit, or neither.
        result = run_job.enqueue(job.pk)
        Job.objects.filter(pk=job.pk).update(task_id=str(result.id))
    elif backend.__class__.__name__ == "ImmediateBackend":
        run_job.enqueue(job.pk)  # runs now (tests, or a set-up without a worker)
    else:
        transaction.on_commit(lambda: _enqueue_now(job.pk))


def _enqueue_now(job_id: int) -> None:
    from danvan.core.jobs.tasks import run_job

    result = run_job.enqueue(job_id)
    Job.objects.filter(pk=job_id).update(task_id=str(result.id))


# --- Running ---------------------------------------------------------------------------------------


class Progress:
    """What a handler reports: the step it is in, and rows done of total (written at most twice a second)."""

    def __init__(self, job: Job) -> None:
        self.job = job
        self._last = 0.0

    def step(self, phase: str, total: int | None = None, done: int = 0) -> None:
        now = timezone.now()
        self.job.phase, self.job.rows_total, self.job.rows_done, self.job.phase_started_at = phase, total, done, now
        Job.objects.filter(pk=self.job.pk).update(
            phase=phase[:200], rows_total=total, rows_done=done, phase_started_at=now, heartbeat_at=now
        )
        self._last = time.monotonic()

    def __call__(self, done: int, total: int | None = None) -> None:
        self.job.rows_done = done
        if total is not None:
            self.job.rows_total = total
        if time.monotonic() - self._last < PROGRESS_EVERY:
            return
        self._last = time.monotonic()
        Job.objects.filter(pk=self.job.pk).update(
            rows_done=done, rows_total=self.job.rows_total, heartbeat_at=timezone.now()
        )


def execute(job_id: int) -> str:
    """Run one queued job (called by the worker through `tasks.run_job`). Returns the final status."""
    now = timezone.now()
    taken = Job.objects.filter(pk=job_id, status=Job.Status.QUEUED).update(
        status=Job.Status.RUNNING, started_at=now, heartbeat_at=now, phase_started_at=now, worker=worker_id()
    )
    if not taken:
        return "skipped"  # already run, or given up by `reap`
    job = Job.objects.select_related("user").get(pk=job_id)
    try:
        get_handler(job.kind)(job, Progress(job))
    except JobFailed as exc:
        _finish(job, Job.Status.FAILED, error=exc.message, report=exc.report)
    except Exception:
        logger.exception("job %s (%s) failed", job.pk, job.kind)
        _finish(job, Job.Status.FAILED, error=MSG_FAILED)
    else:
        _finish(job, Job.Status.DONE)
    return job.status


def _finish(job: Job, status: str, error: str = "", report: dict | None = None) -> None:
    job.status, job.error, job.finished_at = status, error, timezone.now()
    if report is not None:
        job.report = report
    if status == Job.Status.DONE and job.rows_total is not None:
        job.rows_done = job.rows_total
    job.save()


def save_result(job: Job, name: str, content: bytes | File) -> None:
    """Keep the job's result file (under MEDIA_ROOT) with the name it downloads as (bytes, or an open
    file for a big export, which is copied a chunk at a time)."""
    stored = ContentFile(content) if isinstance(content, bytes) else content
    job.result.save(Path(name).name[-100:], stored, save=False)
    job.result_name = name
    job.save(update_fields=["result", "result_name"])


# --- Workers that died -----------------------------------------------------------------------------


def _process_alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except (ProcessLookupError, OverflowError):
        return False
    except PermissionError:
        return True
    try:  # a killed child not yet waited for is a zombie: dead for our purpose
        return Path(f"/proc/{pid}/stat").read_text().split(")")[-1].split()[0] != "Z"
    except (OSError, IndexError):
        return True


def _lost(job: Job, now) -> bool:
    host, _, pid = job.worker.rpartition(":")
    if host == socket.gethostname() and pid.isdigit() and not _process_alive(int(pid)):
        return True
    stale = dt_seconds(getattr(settings, "JOB_STALE_SECONDS", 15 * 60))
    return job.heartbeat_at is not None and now - job.heartbeat_at > stale


def dt_seconds(seconds: float):
    import datetime as dt

    return dt.timedelta(seconds=seconds)


def reap(user: Any = None) -> int:
    """Mark failed the running jobs whose worker is gone (dead process here, or silent for too long)."""
    now = timezone.now()
    running = Job.objects.filter(status=Job.Status.RUNNING)
    if user is not None:
        running = running.filter(user=user)
    lost = [job for job in running.only("pk", "worker", "heartbeat_at", "task_id") if _lost(job, now)]
    for job in lost:
        if Job.objects.filter(pk=job.pk, status=Job.Status.RUNNING).update(
            status=Job.Status.FAILED, error=MSG_WORKER_LOST, finished_at=now
        ):
            _fail_queue_row(job.task_id, now)
    return len(lost)


def _fail_queue_row(task_id: str, now) -> None:
    if not task_id:
        return
    from django_tasks_db.models import DBTaskResult

    from danvan.core.jobs.tasks import TaskResultStatus

    DBTaskResult.objects.filter(id=task_id, status=TaskResultStatus.RUNNING).update(
        status=TaskResultStatus.FAILED, finished_at=now
    )
