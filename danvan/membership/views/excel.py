"""Excel of the membership pages: the list as filtered and the import template (the import itself is the
core flow, declared in `danvan/membership/flows.py`)."""

from __future__ import annotations

import io

from django.contrib.auth.decorators import login_required
from django.http import FileResponse
from django.utils import timezone
from django.views.decorators.http import require_GET

from danvan.core.replica import reads_replica
from danvan.core.xlsx import export_bytes
from danvan.membership.imports import ReportsKind

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def _download(content: bytes, filename: str) -> FileResponse:
    return FileResponse(io.BytesIO(content), as_attachment=True, filename=filename, content_type=XLSX)


@require_GET
@login_required
@reads_replica
def report_export(request):
    """The reports of the list page with its filters (same query string), under the import's columns."""
    content = export_bytes(ReportsKind.name, {"params": request.GET}, user=request.user)
    return _download(content, f"Đoàn viên, hội viên {timezone.localdate():%d-%m-%Y}.xlsx")


@require_GET
@login_required
def report_template(request):
    """The import's columns with no row."""
    content = export_bytes(ReportsKind.name, {"empty": True}, user=request.user)
    return _download(content, "Mẫu nhập số liệu đoàn viên, hội viên.xlsx")
