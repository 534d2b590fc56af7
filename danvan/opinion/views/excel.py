"""Excel of the opinion pages: the item list as filtered, and the import templates (the import is the
core flow, `danvan.core.jobs`, declared in `danvan/opinion/flows.py`)."""

from __future__ import annotations

import io

from django.contrib.auth.decorators import login_required
from django.http import FileResponse
from django.utils import timezone
from django.views.decorators.http import require_GET

from danvan.core.replica import reads_replica
from danvan.core.xlsx import export_bytes, writer
from danvan.opinion import imports
from danvan.opinion.flows import COLLABORATORS_TEMPLATE

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def _download(content: bytes, filename: str) -> FileResponse:
    return FileResponse(io.BytesIO(content), as_attachment=True, filename=filename, content_type=XLSX)


@require_GET
@login_required
@reads_replica
def item_export(request):
    """The items of the list page with its filters (same query string), under the import's columns, so the
    file can be corrected and imported again."""
    content = export_bytes(imports.ItemsKind.name, {"params": request.GET}, user=request.user)
    return _download(content, f"Thông tin dư luận {timezone.localdate():%d-%m-%Y}.xlsx")


@require_GET
@login_required
def item_template(request):
    """The items' import template; `?loai=cong-tac-vien`, the collaborators'."""
    if request.GET.get("loai") == COLLABORATORS_TEMPLATE:
        workbook, filename = imports.collaborator_template(request.user), imports.COLLABORATOR_TEMPLATE_NAME
    else:
        workbook, filename = imports.item_template(request.user), imports.ITEM_TEMPLATE_NAME
    buffer = io.BytesIO()
    writer.save(workbook, buffer)
    return _download(buffer.getvalue(), filename)
