"""Excel for the practice list: the import template and the export (the import is the core flow,
`danvan.core.jobs`, declared in `danvan/practices/flows.py`)."""

from __future__ import annotations

import io

from django.contrib.auth.decorators import login_required
from django.http import FileResponse
from django.urls import reverse
from django.views.decorators.http import require_GET, require_http_methods

from danvan.core.jobs.views import start_and_follow
from danvan.core.xlsx import writer
from danvan.practices import imports
from danvan.practices.jobs import EXPORT

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


@require_GET
@login_required
def import_template(request):
    """`Mẫu nhập mô hình.xlsx` with drop-down lists and the units the user may import for."""
    buffer = io.BytesIO()
    writer.save(imports.template_workbook(request.user), buffer)
    buffer.seek(0)
    return FileResponse(buffer, as_attachment=True, filename=imports.TEMPLATE_FILENAME, content_type=XLSX)


@require_http_methods(["GET", "POST"])
@login_required
def practice_export(request):
    """The list as filtered on the list page (same query string), under the import's columns, written by
    the worker: the button (a POST) leads to the job's page, which offers the file."""
    query = request.GET.urlencode()
    year = request.GET.get("nam", "")
    title = f"Xuất Excel danh sách mô hình{' năm ' + year if year.isdigit() else ''}"
    link = f"{reverse('practices:list')}{'?' + query if query else ''}"
    return start_and_follow(request, EXPORT, title, {"query": query}, link=link)
