"""What every app's services do the same way: report collected errors, check scope, refuse stale saves."""

from __future__ import annotations

from collections.abc import Iterable

from django.core.exceptions import PermissionDenied, ValidationError

from danvan.core import scoping

STALE_MESSAGE = "Hồ sơ đã được người khác sửa trong lúc bạn đang sửa. Vui lòng tải lại trang để xem bản mới nhất."


def raise_errors(errors: Iterable[tuple[str | None, str]]) -> None:
    """Raise the collected (field, message) pairs, if any, as one ValidationError keyed by field."""
    grouped: dict[str, list[str]] = {}
    for field, message in errors:
        grouped.setdefault(field or "__all__", []).append(message)
    if grouped:
        raise ValidationError(grouped)


def require(user, unit, action: str = scoping.CHANGE) -> None:
    """Refuse (403) when `unit` is outside what the user may do `action` on."""
    if not scoping.covers(user, unit.path, action):
        raise PermissionDenied(f"Đơn vị “{unit.name}” ngoài phạm vi quản lý của bạn.")


def refuse_stale(current, expected_version: int | None) -> None:
    """Two editors at once: a save based on an older version than the stored one is refused."""
    if expected_version is not None and current.version != expected_version:
        raise ValidationError(STALE_MESSAGE)


def lock_for_change(user, record, expected_version: int | None = None, unit_field: str = "unit") -> None:
    """The start of saving a versioned record, inside the caller's transaction: lock the stored row, check
    the user may change its unit as stored and as edited, refuse a stale edit, count the next version."""
    if record.pk:
        stored = type(record)._default_manager.select_for_update().select_related(unit_field).get(pk=record.pk)
        require(user, getattr(stored, unit_field))
        refuse_stale(stored, expected_version)
        record.version = stored.version + 1
    require(user, getattr(record, unit_field))
