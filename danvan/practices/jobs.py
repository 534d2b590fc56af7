"""The practice list as Excel, written by the worker (a province's list runs to tens of thousands of rows)."""

from __future__ import annotations

import tempfile

from django.core.files import File
from django.http import QueryDict

from danvan.core import jobs
from danvan.core.replica import reads_replica
from danvan.core.xlsx import export, writer
from danvan.practices import imports

EXPORT = "practices.export"


def export_name(year: str) -> str:
    return f"Danh sách mô hình dân vận khéo{' năm ' + year if year.isdigit() else ''}.xlsx"


@jobs.handler(EXPORT)
@reads_replica
def practices_export(job, progress) -> None:
    # The list's filters, read again as the job's owner: only what they may see when it runs.
    params = QueryDict(job.params.get("query", ""))
    progress.step("Đang ghi danh sách ra Excel")
    workbook = export(imports.PracticesKind.name, {"params": params}, user=job.user)
    with tempfile.TemporaryFile() as handle:  # rows stream from the database into the file
        writer.save(workbook, handle)
        handle.seek(0)
        jobs.save_result(job, export_name(params.get("nam", "")), File(handle))
