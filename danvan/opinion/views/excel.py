"""Excel of the opinion pages: the item list as filtered (`?loai=` the reception register or the dialogues
instead, with their list's filters), and the import templates (the import is the core flow,
`danvan.core.jobs`, declared in `danvan/opinion/flows.py`)."""

from __future__ import annotations

import io

from django.contrib.auth.decorators import login_required
from django.http import FileResponse
from django.utils import timezone
from django.views.decorators.http import require_GET

from danvan.core.replica import reads_replica
from danvan.core.xlsx import export_bytes, writer
from danvan.opinion import imports
from danvan.opinion.flows import COLLABORATORS_TEMPLATE, DIALOGUES_TEMPLATE, RECEPTIONS_TEMPLATE

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
MEETINGS = {  # ?loai= -> the kind, its template and the template's file name, the export's name
    RECEPTIONS_TEMPLATE: (
        imports.ReceptionsKind, imports.reception_template, imports.RECEPTION_TEMPLATE_NAME, "Sổ tiếp công dân",
    ),
    DIALOGUES_TEMPLATE: (
        imports.DialoguesKind, imports.dialogue_template, imports.DIALOGUE_TEMPLATE_NAME, "Đối thoại với nhân dân",
    ),
}  # fmt: skip


def _download(content: bytes, filename: str) -> FileResponse:
    return FileResponse(io.BytesIO(content), as_attachment=True, filename=filename, content_type=XLSX)


@require_GET
@login_required
@reads_replica
def item_export(request):
    """The items of the list page with its filters (same query string), under the import's columns, so the
    file can be corrected and imported again; `?loai=tiep-cong-dan` (`doi-thoai`) the reception register
    (the dialogues with their commitments) with their list's filters."""
    kind, title = imports.ItemsKind, "Thông tin dư luận"
    if request.GET.get("loai") in MEETINGS:
        kind, _, _, title = MEETINGS[request.GET["loai"]]
    content = export_bytes(kind.name, {"params": request.GET}, user=request.user)
    return _download(content, f"{title} {timezone.localdate():%d-%m-%Y}.xlsx")


@require_GET
@login_required
def item_template(request):
    """The items' import template; `?loai=cong-tac-vien`, the collaborators'; `tiep-cong-dan`, the reception
    register's; `doi-thoai`, the dialogues'."""
    loai = request.GET.get("loai")
    if loai == COLLABORATORS_TEMPLATE:
        workbook, filename = imports.collaborator_template(request.user), imports.COLLABORATOR_TEMPLATE_NAME
    elif loai in MEETINGS:
        _, template, filename, _ = MEETINGS[loai]
        workbook = template(request.user)
    else:
        workbook, filename = imports.item_template(request.user), imports.ITEM_TEMPLATE_NAME
    buffer = io.BytesIO()
    writer.save(workbook, buffer)
    return _download(buffer.getvalue(), filename)
