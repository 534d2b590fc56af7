"""`danvan report review --year Y [--unit CODE] [--user U] -o FILE.docx`: the year's review report."""

from __future__ import annotations

from pathlib import Path

from django.contrib.auth import get_user_model

from danvan.documents.docx import render_docx
from danvan.org.models import Unit
from danvan.org.services import default_unit
from danvan.review import assemble


def _system_user():
    """Without --user the command sees everything (it runs on the server, as an administrator)."""
    return get_user_model()(username="he-thong", is_superuser=True, is_active=True)


def review(year: int, unit_code: str | None, path: Path, user=None) -> str:
    """The report for the unit given (within the user's scope), else the user's own unit or the province."""
    account = user or _system_user()
    if unit_code:
        unit = Unit.objects.restrict(account).select_related("kind").filter(code=unit_code).first()
        if unit is None:
            raise LookupError(f"Không có đơn vị mã “{unit_code}” trong phạm vi được xem.")
    else:
        unit = default_unit(user)
        if unit is None:
            raise LookupError("Chưa xác định được đơn vị báo cáo: ghi --unit MÃ_ĐƠN_VỊ.")
    if Path(path).suffix.lower() != ".docx":
        raise ValueError(f"Báo cáo tổng kết năm xuất được tệp .docx (tệp {Path(path).name}).")
    document = assemble.document(assemble.build(account, year, unit))
    Path(path).write_bytes(render_docx(document))
    return f"Đã ghi báo cáo tổng kết công tác dân vận năm {year} của {unit.name} vào {path}."
