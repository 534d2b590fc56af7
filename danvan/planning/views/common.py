"""What the planning views share: the 403 page with the service's reason, downloads."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.http import HttpResponse

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


def download(content: bytes, content_type: str, filename: str) -> HttpResponse:
    response = HttpResponse(content, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response
