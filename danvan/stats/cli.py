"""Report writers for `danvan report annual`."""

from __future__ import annotations

from pathlib import Path

from danvan.core.users import system_account
from danvan.documents.services import report_day
from danvan.org.areas import AS_AT
from danvan.org.services import default_unit, unit_in_scope
from danvan.stats import exports, reports
from danvan.stats.report_data import Filters, practice_report


def annual(year: int, unit_code: str | None, path: Path, user=None, mode: str = AS_AT) -> str:
    user = user or system_account()
    unit = unit_in_scope(user, unit_code, ("kind",)) if unit_code else None
    # Without --unit, the unit the web page would show this user (their own, or the one province).
    filters = Filters(year=year, unit=unit or default_unit(user), mode=mode)
    fmt = path.suffix.lower().lstrip(".")
    if fmt == "xlsx":
        path.write_bytes(exports.workbook_bytes(practice_report(user, filters)))
    else:
        document, _ = reports.annual_document(user, filters, report_day(year, filters.unit))
        path.write_bytes(reports.render(document, fmt))
    return f"Đã ghi báo cáo năm {year} vào {path}."
