"""The one django-tasks task: run a `Job` by id (its kind says which handler does the work)."""

from __future__ import annotations

from django_tasks import TaskResultStatus, task

__all__ = ["TaskResultStatus", "run_job"]


@task()
def run_job(job_id: int) -> str:
    from danvan.core import jobs

    return jobs.execute(job_id)
