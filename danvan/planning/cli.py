"""Report writers for `danvan report reviews --year Y [--unit CODE] -o FILE.(docx|xlsx) [--user U]`."""

from __future__ import annotations

from pathlib import Path

from django.utils import timezone

from danvan.core.users import system_account
from danvan.org.services import default_unit, unit_in_scope
from danvan.planning import reports


def reviews(year: int, unit_code: str | None, path: Path, user=None) -> str:
    """The reviews due in `year`, in the citation style, with their state today.

    A .docx is a Party-format "BÁO CÁO" of the issuing commission (a draft: the number is left blank
    for the clerk), grouped by state; a .xlsx is the same list with one row per review.
    """
    path = Path(path)
    account = user or system_account()
    unit = unit_in_scope(account, unit_code, ("kind", "parent")) if unit_code else None
    day = timezone.localdate()
    rows = reports.reviews_rows(account, year, unit, day)
    fmt = path.suffix.lower().lstrip(".")
    if fmt == "xlsx":
        path.write_bytes(reports.reviews_workbook(rows, year))
    elif fmt == "docx":
        issuer_of = unit or (default_unit(user) if user is not None else None)
        document = reports.reviews_document(rows, year, issuer_of, day)
        path.write_bytes(reports.render_docx(document))
    else:
        raise ValueError(f"Danh mục sơ kết, tổng kết xuất được tệp .docx hoặc .xlsx (tệp {path.name}).")
    return f"Đã ghi {len(rows)} nội dung sơ kết, tổng kết đến hạn năm {year} vào {path}."
