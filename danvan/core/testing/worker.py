"""A real `danvan db_worker` process for tests of background jobs, on the test database."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path
from urllib.parse import quote

from django.db import connection

from danvan.core.jobs.models import Job

WAIT_SECONDS = 240  # a loaded test machine is slow; the wait ends as soon as the job does


def database_url() -> str:
    """The URL of the test database (a file for SQLite: see conftest), for the worker's settings."""
    db = connection.settings_dict
    if connection.vendor == "sqlite":
        name = str(db["NAME"])
        if name == ":memory:" or "mode=memory" in name:
            raise RuntimeError("a worker process cannot share an in-memory SQLite database")
        return f"sqlite:///{name}" if name.startswith("/") else f"sqlite:///{Path(name).resolve()}"
    auth = quote(db["USER"] or "")
    if db["PASSWORD"]:
        auth += ":" + quote(db["PASSWORD"])
    host = db["HOST"] or "127.0.0.1"
    return f"postgres://{auth}@{host}:{db['PORT'] or 5432}/{db['NAME']}"


class Worker:
    def __init__(self, media_root: Path) -> None:
        self.media_root = media_root
        self.process: subprocess.Popen | None = None
        self.log = media_root.parent / f"worker-{os.getpid()}-{time.monotonic_ns()}.log"

    def start(self) -> Worker:
        env = {
            **os.environ,
            "DANVAN_DATABASE_URL": database_url(),
            "DANVAN_MEDIA_ROOT": str(self.media_root),
            "DANVAN_TASKS_BACKEND": "django_tasks_db.DatabaseBackend",
            "DJANGO_SETTINGS_MODULE": "danvan.settings",
        }
        command = [sys.executable, "-m", "danvan.cli", "db_worker", "--interval", "0.1", "--no-startup-delay"]
        with open(self.log, "ab") as log:
            self.process = subprocess.Popen(command, env=env, stdout=log, stderr=subprocess.STDOUT)
        return self

    def output(self) -> str:
        return self.log.read_text(errors="replace") if self.log.exists() else ""

    def wait(self, job: Job, until=lambda job: job.finished) -> Job:
        """Poll the job until `until(job)` holds (the worker's output in the failure message otherwise)."""
        deadline = time.monotonic() + WAIT_SECONDS
        while time.monotonic() < deadline:
            job.refresh_from_db()
            if until(job):
                return job
            if self.process is not None and self.process.poll() is not None and not job.finished:
                raise AssertionError(f"the worker stopped:\n{self.output()}")
            time.sleep(0.02)
        raise AssertionError(f"job {job.pk} still {job.status} ({job.phase}) after {WAIT_SECONDS} s:\n{self.output()}")

    def wait_for(self, condition):
        """Poll until `condition()` returns something true (a task without a Job), and return it."""
        deadline = time.monotonic() + WAIT_SECONDS
        while time.monotonic() < deadline:
            if value := condition():
                return value
            if self.process is not None and self.process.poll() is not None:
                raise AssertionError(f"the worker stopped:\n{self.output()}")
            time.sleep(0.02)
        raise AssertionError(f"still waiting after {WAIT_SECONDS} s:\n{self.output()}")

    def wait_until_writing(self, job: Job) -> None:
        """Poll until another session holds an open write transaction (the worker's import, before
        it commits): SQLite's write lock is taken, or PostgreSQL gave it an xid. Seen twice 0.1 s
        apart, so that a progress update (one statement) is not taken for it."""

        def writing() -> bool:
            job.refresh_from_db()
            if job.finished:
                raise AssertionError(f"job {job.pk} ended ({job.status}) before it was seen writing")
            return _someone_is_writing() and (time.sleep(0.1) or _someone_is_writing())

        self.wait_for(writing)

    def kill(self) -> None:
        """SIGKILL: no clean-up of any kind, as when a machine loses power."""
        if self.process is not None and self.process.poll() is None:
            self.process.send_signal(signal.SIGKILL)
            self.process.wait()

    def stop(self) -> None:
        if self.process is not None and self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                self.kill()


def _someone_is_writing() -> bool:
    if connection.vendor == "sqlite":
        probe = sqlite3.connect(connection.settings_dict["NAME"], timeout=0, isolation_level=None)
        try:
            probe.execute("BEGIN IMMEDIATE")
            probe.execute("ROLLBACK")
            return False
        except sqlite3.OperationalError:  # "database is locked": a writer is inside its transaction
            return True
        finally:
            probe.close()
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database()"
            " AND pid <> pg_backend_pid() AND backend_xid IS NOT NULL"
        )
        return cursor.fetchone()[0] > 0
