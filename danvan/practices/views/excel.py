"""Excel for the practice list: the import template and the export (the import is the core flow,
`danvan.core.jobs`, declared in `danvan/practices/flows.py`)."""

from __future__ import annotations

import io
import tempfile

from django.contrib.auth.decorators import login_required
from django.http import FileResponse
from django.views.decorators.http import require_GET

from danvan.core.xlsx import export, writer
from danvan.practices import imports

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
KIND = imports.PracticesKind.name


@require_GET
@login_required
def import_template(request):
    """`Mẫu nhập mô hình.xlsx` with drop-down lists and the units the user may import for."""
    buffer = io.BytesIO()
    writer.save(imports.template_workbook(request.user), buffer)
    buffer.seek(0)
    return FileResponse(buffer, as_attachment=True, filename=imports.TEMPLATE_FILENAME, content_type=XLSX)


@require_GET
@login_required
def practice_export(request):
    """The list as filtered on the list page (same query string), under the import's columns."""
    workbook = export(KIND, {"params": request.GET}, user=request.user)
    # Written as rows stream from the database, then sent; FileResponse closes it.
    handle = tempfile.TemporaryFile()  # noqa: SIM115
    writer.save(workbook, handle)
    handle.seek(0)
    year = request.GET.get("nam", "")
    name = f"Danh sách mô hình dân vận khéo{' năm ' + year if year.isdigit() else ''}.xlsx"
    return FileResponse(handle, as_attachment=True, filename=name, content_type=XLSX)
