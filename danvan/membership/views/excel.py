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
from danvan.membership.imports import PopulationKind, ReportsKind

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


@require_GET
@login_required
@reads_replica
def population_export(request):
    """The population figures the user may see (`nam`: one year), under the import's columns."""
    year = request.GET.get("nam", "")
    filters = {"year": year} if year.isdigit() else {}
    content = export_bytes(PopulationKind.name, filters, user=request.user)
    return _download(content, f"Dân số, người được tập hợp {timezone.localdate():%d-%m-%Y}.xlsx")


@require_GET
@login_required
def population_template(request):
    content = export_bytes(PopulationKind.name, {"empty": True}, user=request.user)
    return _download(content, "Mẫu nhập dân số và số người được tập hợp.xlsx")
