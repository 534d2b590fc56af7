"""Excel of the grassroots democracy pages: the matters, boards, charters or dialogues (`?tep=noi-dung`, `ban`,
`huong-uoc`, `doi-thoai`) of the records
the list shows with its filters, and the import templates (the import is the core flow, `flows.py`)."""

from __future__ import annotations

import io

from django.contrib.auth.decorators import login_required
from django.http import FileResponse, Http404
from django.utils import timezone
from django.views.decorators.http import require_GET

from danvan.core.replica import reads_replica
from danvan.core.xlsx import export_bytes
from danvan.democracy.flows import BOARDS, CHARTERS, DIALOGUES, MATTERS
from danvan.democracy.imports import BoardsKind, ChartersKind, DialoguesKind, MattersKind

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
KINDS = {
    MATTERS: (MattersKind, "Nhân dân bàn và quyết định"),
    BOARDS: (BoardsKind, "Ban TTND, Ban GSĐTCĐ"),
    CHARTERS: (ChartersKind, "Hương ước, quy ước"),
    DIALOGUES: (DialoguesKind, "Đối thoại tại nơi làm việc"),
}


def _kind(request):
    tep = request.GET.get("tep") or MATTERS
    if tep not in KINDS:
        raise Http404("Không có loại tệp này.")
    return KINDS[tep]


def _download(content: bytes, filename: str) -> FileResponse:
    return FileResponse(io.BytesIO(content), as_attachment=True, filename=filename, content_type=XLSX)


@require_GET
@login_required
@reads_replica
def export(request):
    kind, title = _kind(request)
    content = export_bytes(kind.name, {"params": request.GET}, user=request.user)
    return _download(content, f"{title} {timezone.localdate():%d-%m-%Y}.xlsx")


@require_GET
@login_required
def template(request):
    kind, title = _kind(request)
    content = export_bytes(kind.name, {"empty": True}, user=request.user)
    return _download(content, f"Mẫu nhập {title.lower()}.xlsx")
