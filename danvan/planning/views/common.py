"""What the planning views share: the 403 page with the service's reason, file responses."""

from __future__ import annotations

from pathlib import PurePath

from django.core.exceptions import PermissionDenied
from django.http import FileResponse, Http404, HttpResponse

from danvan.core import scoping

DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def require_change(user, unit, what: str = "hồ sơ") -> None:
    if not scoping.covers(user, unit.path, scoping.CHANGE):
        raise PermissionDenied(f"Bạn không có quyền sửa {what} của {unit.name}.")


def may_create(user) -> bool:
    return scoping.scope_paths(user, scoping.CHANGE) != []


def require_create(user) -> None:
    if not may_create(user):
        raise PermissionDenied("Bạn chưa được phân quyền cập nhật hồ sơ của đơn vị nào.")


def file_response(field, as_attachment: bool = True) -> FileResponse:
    """Serve a stored file only through a scoped view (never a bare media URL)."""
    if not field:
        raise Http404("Không có tệp.")
    try:
        handle = field.open("rb")
    except FileNotFoundError:
        raise Http404("Tệp không còn trên máy chủ.") from None
    return FileResponse(handle, as_attachment=as_attachment, filename=PurePath(field.name).name)


def download(content: bytes, content_type: str, filename: str) -> HttpResponse:
    response = HttpResponse(content, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response
