"""Report writers for `danvan report annual`."""

from __future__ import annotations

from pathlib import Path

from django.contrib.auth import get_user_model

from danvan.documents.services import report_day
from danvan.org.models import Unit
from danvan.org.services import default_unit
from danvan.stats import exports, reports
from danvan.stats.report_data import Filters, practice_report


def _system_user():
    """Without --user the command sees everything (it runs on the server, as an administrator)."""
    return get_user_model()(username="he-thong", is_superuser=True, is_active=True)


def annual(year: int, unit_code: str | None, path: Path, user=None) -> str:
    user = user or _system_user()
    unit = None
    if unit_code:
        unit = Unit.objects.restrict(user).select_related("kind").filter(code=unit_code).first()
        if unit is None:
            raise LookupError(f"Không có đơn vị mã “{unit_code}” trong phạm vi được xem.")
    # Without --unit, the unit the web page would show this user (their own, or the one province).
    filters = Filters(year=year, unit=unit or default_unit(user))
    fmt = path.suffix.lower().lstrip(".")
    if fmt == "xlsx":
        path.write_bytes(exports.workbook_bytes(practice_report(user, filters)))
    else:
        document, _ = reports.annual_document(user, filters, report_day(year, filters.unit))
        path.write_bytes(reports.render(document, fmt))
    return f"Đã ghi báo cáo năm {year} vào {path}."
