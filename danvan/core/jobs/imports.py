"""The two jobs of a web import: check the stored file (the preview), then write it (the confirm step).

Both run the shared engine on the job's source file under the job's user. The check never writes;
its report holds the counts, every error (row, column, message) and the first rows for the preview
page. The write runs the whole import again (the data may have changed since the check) and writes
all or nothing in one transaction; a worker killed meanwhile leaves nothing written.
"""

from __future__ import annotations

from typing import Any

from danvan.core import jobs
from danvan.core.jobs.flows import get_flow
from danvan.core.jobs.models import Job
from danvan.core.xlsx import ImportKind, ImportResult, run_import
from danvan.core.xlsx.engine import gc_paused

CHECK = "import.check"
WRITE = "import.write"
PREVIEW_ROWS = 100
MAX_ERRORS = 5000  # kept in the report; the preview says how many more there are

MSG_WRITE_REFUSED = "Không ghi được: dữ liệu có lỗi (xem danh sách lỗi); không có dòng nào được ghi."


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if hasattr(value, "strftime"):
        return value.strftime("%d/%m/%Y")
    return str(value)


def report(result: ImportResult, spec: ImportKind) -> dict:
    """What the preview page and the job list show, as JSON."""
    errors = result.errors
    shown = list(spec.columns)[:6]
    return {
        "kind": result.kind,
        "label": result.label,
        "ok": result.ok,
        "written": result.written,
        "created": result.created,
        "updated": result.updated,
        "unchanged": result.unchanged,
        "rows": result.row_count,
        "summary": result.summary(),
        "sheet": result.sheet,
        "error_count": result.error_count,
        "errors": [[e.row, e.column, e.message] for e in errors[:MAX_ERRORS]],
        # Warnings (a kind's row.extra["warnings"]) never block the import; they are shown beside the errors.
        "warnings": [[number, m] for number, m in result.warnings[:MAX_ERRORS]],
        "headers": [column.header for column in shown],
        "preview": [
            {
                "number": row.number,
                "action": row.action.label if row.ok and row.action else "Lỗi",
                "ok": row.ok,
                "cells": [_cell(row.cells.get(column.field)) for column in shown],
            }
            for row in result.rows[:PREVIEW_ROWS]
        ],
    }


def kind_of(job: Job) -> ImportKind:
    """The engine kind of the job's flow and target, checked again for the job's user."""
    flow = get_flow(job.params["flow"])
    target = flow.target(job.user, job.params.get("target"))
    flow.check(job.user, target)
    reason = flow.blocked(job.user, target)
    if reason:
        raise jobs.JobFailed(reason)
    return flow.engine_kind(target)


def _run(job: Job, progress: jobs.Progress, dry_run: bool) -> bool:
    """Run the import, keep its report on the job; whether it was without error."""
    from django.core.exceptions import PermissionDenied, ValidationError
    from django.http import Http404

    # The result of 100,000 rows is a million objects: dropped before the collector runs again.
    with gc_paused():
        try:
            spec = kind_of(job)
            result = run_import(spec, job.source.path, user=job.user, dry_run=dry_run, progress=progress)
        except (PermissionDenied, ValidationError) as exc:
            raise jobs.JobFailed(_message(exc)) from None
        except Http404:
            raise jobs.JobFailed("Đối tượng cần nhập không còn hoặc đã ra ngoài phạm vi của bạn.") from None
        job.report = report(result, spec)
        ok = result.ok
        del result
    return ok


def _message(exc: Exception) -> str:
    messages = getattr(exc, "messages", None)
    return " ".join(messages) if messages else str(exc)


@jobs.handler(CHECK)
def check(job: Job, progress: jobs.Progress) -> None:
    _run(job, progress, dry_run=True)
    job.save(update_fields=["report"])


@jobs.handler(WRITE)
def write(job: Job, progress: jobs.Progress) -> None:
    if not _run(job, progress, dry_run=False):
        raise jobs.JobFailed(MSG_WRITE_REFUSED, report=job.report)
    job.save(update_fields=["report"])
