"""`danvan report review --year Y [--unit CODE] [--user U] -o FILE.docx`: the year's review report."""

from __future__ import annotations

from pathlib import Path

from danvan.core.users import system_account
from danvan.documents.docx import render_docx
from danvan.org.areas import AS_AT
from danvan.org.services import default_unit, unit_in_scope
from danvan.review import assemble


def review(year: int, unit_code: str | None, path: Path, user=None, mode: str = AS_AT) -> str:
    """The report for the unit given (within the user's scope), else the user's own unit or the province."""
    account = user or system_account()
    if unit_code:
        unit = unit_in_scope(account, unit_code, ("kind",))
    else:
        unit = default_unit(user)
        if unit is None:
            raise LookupError("Chưa xác định được đơn vị báo cáo: ghi --unit MÃ_ĐƠN_VỊ.")
    if Path(path).suffix.lower() != ".docx":
        raise ValueError(f"Báo cáo tổng kết năm xuất được tệp .docx (tệp {Path(path).name}).")
    document = assemble.document(assemble.build(account, year, unit, mode))
    Path(path).write_bytes(render_docx(document))
    return f"Đã ghi báo cáo tổng kết công tác dân vận năm {year} của {unit.name} vào {path}."
