"""Renderers of the award statistics (`statistics.award_report`): an xlsx workbook and a Party-format
Word report; `write_awards_report` is what `danvan report awards --year Y [--unit CODE] -o FILE` calls."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from django.core.exceptions import ObjectDoesNotExist
from openpyxl import Workbook
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter

from danvan.awards.statistics import AwardReport, Count2, award_report
from danvan.core.users import system_account
from danvan.core.xlsx import writer
from danvan.documents import choices as doc_choices
from danvan.documents.addressees import addressees_for, issuer_tier
from danvan.documents.docx import render_docx
from danvan.documents.services import compose, report_day, scope_issuer
from danvan.documents.spec import Column, Document, Heading, Paragraph, Table
from danvan.org.models import Unit
from danvan.org.services import unit_in_scope

RECIPIENTS = ["Thường trực Tỉnh ủy (báo cáo)", "Ban Thi đua - Khen thưởng tỉnh", "Lưu VP"]
FORMATS = ("docx", "xlsx")


def _table_rows(rows: list[Count2], total: Count2 | None = None, authority: bool = False) -> tuple[list, list | None]:
    body = []
    for index, row in enumerate(rows, start=1):
        cells = [index, row.label]
        if authority:
            cells.append(row.award_type.authority.name)
        body.append([*cells, row.collectives, row.individuals, row.total])
    totals = None
    if total is not None:
        totals = ["", total.label, *([""] if authority else []), total.collectives, total.individuals, total.total]
    return body, totals


def _sum(rows: list[Count2]) -> Count2:
    return Count2("Tổng cộng", sum(r.collectives for r in rows), sum(r.individuals for r in rows))


# --- xlsx ----------------------------------------------------------------------------------------


def _sheet(workbook: Workbook, title: str, heading: str, headers: list[str], rows: list, totals: list | None) -> None:
    sheet = workbook.create_sheet(title=title[:31])
    sheet.append([heading])
    sheet["A1"].font = Font(bold=True, size=13)
    sheet.append([])
    sheet.append(headers)
    for cell in sheet[3]:
        cell.font = Font(bold=True)
        cell.alignment = Alignment(wrap_text=True, horizontal="center", vertical="center")
    for row in rows:
        sheet.append(row)
    if totals:
        sheet.append(totals)
        for cell in sheet[sheet.max_row]:
            cell.font = Font(bold=True)
    widths = [6, 44, *([34] if len(headers) == 6 else []), 12, 12, 12]
    for index, width in enumerate(widths, start=1):
        sheet.column_dimensions[get_column_letter(index)].width = width
    sheet.freeze_panes = "C4"


def workbook_bytes(report: AwardReport) -> bytes:
    """Three sheets (by award type, by authority, by year), numbers as numbers, the sentence on top."""
    workbook = Workbook()
    summary = workbook.active
    summary.title = "Tóm tắt"
    summary.append([f"Kết quả khen thưởng năm {report.year} – {report.scope_label}"])
    summary["A1"].font = Font(bold=True, size=13)
    summary.append([report.sentence])
    summary.append([f"Số quyết định đã ban hành: {report.decisions}"])
    summary.column_dimensions["A"].width = 120
    counts = ["Tập thể", "Cá nhân", "Tổng số"]
    base = f"năm {report.year} – {report.scope_label}"
    rows, totals = _table_rows(report.by_type, report.total, authority=True)
    _sheet(workbook, "Theo hình thức", f"Khen thưởng theo hình thức, {base}",
           ["STT", "Hình thức khen thưởng", "Cơ quan khen thưởng", *counts], rows, totals)  # fmt: skip
    rows, totals = _table_rows(report.by_authority, report.total)
    _sheet(workbook, "Theo cơ quan", f"Khen thưởng theo cơ quan khen thưởng, {base}",
           ["STT", "Cơ quan khen thưởng", *counts], rows, totals)  # fmt: skip
    rows, totals = _table_rows(report.trend, _sum(report.trend))
    _sheet(workbook, "Qua các năm", f"Khen thưởng qua các năm – {report.scope_label}",
           ["STT", "Năm", *counts], rows, totals)  # fmt: skip
    return writer.workbook_bytes(workbook)


# --- docx ----------------------------------------------------------------------------------------


def _doc_table(rows: list, totals: list | None, first: str, authority: bool = False) -> Table:
    columns = [Column("STT", 12), Column(first, 60 if authority else None, align="left")]
    if authority:
        columns.append(Column("Cơ quan khen thưởng", None, align="left"))
    columns += [Column("Tập thể", 20), Column("Cá nhân", 20), Column("Tổng số", 20)]
    return Table(columns, rows, totals_row=totals)


def awards_document(report: AwardReport, day: dt.date | None = None, owner: Unit | None = None) -> Document:
    """The awards report; issued by the body of its unit, or of `owner` (the user's own unit) for a whole scope."""
    day = day or report_day(report.year, report.unit)
    year = report.year
    blocks: list = [
        Paragraph(
            f"Thực hiện công tác thi đua, khen thưởng năm {year}, các cơ quan, đơn vị đã kịp thời đề nghị khen "
            f"thưởng các tập thể, cá nhân có thành tích xuất sắc trong công tác dân vận và phong trào thi đua "
            f"“Dân vận khéo”. Kết quả cụ thể như sau:"
        ),
        Heading("I. KẾT QUẢ KHEN THƯỞNG", 1),
        Paragraph(report.sentence),
    ]
    if report.by_type:
        rows, totals = _table_rows(report.by_type, report.total, authority=True)
        blocks += [Heading("1. Theo hình thức khen thưởng", 2), _doc_table(rows, totals, "Hình thức", True)]
        rows, totals = _table_rows(report.by_authority, report.total)
        blocks += [Heading("2. Theo cơ quan khen thưởng", 2), _doc_table(rows, totals, "Cơ quan khen thưởng")]
    rows, totals = _table_rows(report.trend, _sum(report.trend))
    blocks += [Heading("II. KẾT QUẢ KHEN THƯỞNG QUA CÁC NĂM", 1), _doc_table(rows, totals, "Năm")]
    try:
        issuer = scope_issuer(report.unit or owner, day)
        return compose(
            doc_choices.REPORT,
            issuer.unit,
            day,
            f"Kết quả công tác khen thưởng năm {year}",
            blocks,
            RECIPIENTS if issuer_tier(issuer) == "province" else addressees_for("all", issuer, day),
            issuer=issuer,
        )
    except ObjectDoesNotExist as exc:  # no format profile or Party term for the day
        raise LookupError(str(exc)) from None


def docx_bytes(report: AwardReport, day: dt.date | None = None, owner: Unit | None = None) -> bytes:
    return render_docx(awards_document(report, day, owner))


# --- The command-line report ---------------------------------------------------------------------


def write_awards_report(year: int, unit_code: str | None, path: Path | str, user=None) -> str:
    """Write the year's award statistics for a unit (or the whole system) as .docx or .xlsx.

    Raises LookupError for an unknown unit or a missing configuration (issuer, format profile, Party term),
    ValueError for another format.
    """
    path = Path(path)
    fmt = path.suffix.lower().lstrip(".")
    if fmt not in FORMATS:
        raise ValueError(f"Chỉ ghi được tệp .docx hoặc .xlsx (không phải “{path.name}”).")
    user = user or system_account()
    unit = unit_in_scope(user, unit_code) if unit_code else None
    report = award_report(user, year, unit)
    path.write_bytes(workbook_bytes(report) if fmt == "xlsx" else docx_bytes(report))
    return f"Đã ghi báo cáo khen thưởng năm {year} vào {path}."
