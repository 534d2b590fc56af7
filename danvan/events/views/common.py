"""What the events views share: who may record, the change check, the form page."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.shortcuts import render

from danvan.core import scoping


def may_record(user) -> bool:
    return scoping.scope_paths(user, scoping.CHANGE) != []


def require_record(user) -> None:
    if not may_record(user):
        raise PermissionDenied("Bạn chưa được phân quyền cập nhật thông tin của đơn vị nào.")


def require_change(user, unit, noun: str) -> None:
    if not scoping.covers(user, unit.path, scoping.CHANGE):
        raise PermissionDenied(f"Bạn không có quyền sửa {noun} của {unit.name}.")


def form_page(request, form, record, title: str, back: str, section: str):
    context = {"form": form, "record": record, "title": title, "back": back, "section": section}
    return render(request, "events/form.html", context)
