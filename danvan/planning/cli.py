"""Report writers for `danvan report reviews --year Y [--unit CODE] -o FILE.(docx|xlsx) [--user U]`."""

from __future__ import annotations

from pathlib import Path

from django.contrib.auth import get_user_model
from django.utils import timezone

from danvan.org.models import Unit
from danvan.org.services import default_unit
from danvan.planning import reports


def _system_user():
    """Without --user the command sees everything (it runs on the server, as an administrator)."""
    return get_user_model()(username="he-thong", is_superuser=True, is_active=True)


def reviews(year: int, unit_code: str | None, path: Path, user=None) -> str:
    """The reviews due in `year`, in the citation style, with their state today.

    A .docx is a Party-format "BÁO CÁO" of the issuing commission (a draft: the number is left blank
    for the clerk), grouped by state; a .xlsx is the same list with one row per review.
    """
    path = Path(path)
    account = user or _system_user()
    unit = None
    if unit_code:
        unit = Unit.objects.restrict(account).select_related("kind", "parent").filter(code=unit_code).first()
        if unit is None:
            raise LookupError(f"Không có đơn vị mã “{unit_code}” trong phạm vi được xem.")
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
