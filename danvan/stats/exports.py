"""Statistics tables as an xlsx workbook: the same rows the page shows, numbers as numbers."""

from __future__ import annotations

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter

from danvan.core.xlsx import writer
from danvan.stats.cube import Row, Table
from danvan.stats.report_data import Report

HEADERS = ["STT", "Nội dung", "Đăng ký", "Đăng ký năm trước", "Tăng (+) / giảm (−)", "Công nhận", "Tỷ lệ công nhận (%)"]


def _values(index: int | str, row: Row) -> list:
    rate = float(row.rate) if row.rate is not None else None
    return [index, row.label, row.registered, row.previous_registered, row.change, row.recognized, rate]


def add_sheet(workbook: Workbook, title: str, table: Table, heading: str) -> None:
    sheet = workbook.create_sheet(title=title[:31])
    sheet.append([heading])
    sheet["A1"].font = Font(bold=True, size=13)
    sheet.append([])
    sheet.append(HEADERS)
    for cell in sheet[3]:
        cell.font = Font(bold=True)
        cell.alignment = Alignment(wrap_text=True, horizontal="center", vertical="center")
    for index, row in enumerate(table.rows, start=1):
        sheet.append(_values(index, row))
    sheet.append(_values("", table.total))
    for cell in sheet[sheet.max_row]:
        cell.font = Font(bold=True)
    for column, width in zip(range(1, 8), [6, 48, 12, 14, 14, 12, 14], strict=True):
        sheet.column_dimensions[get_column_letter(column)].width = width
    for row in sheet.iter_rows(min_row=4, min_col=7, max_col=7):
        row[0].number_format = "0.0"
    sheet.freeze_panes = "C4"


def workbook_bytes(report: Report, only: str | None = None) -> bytes:
    workbook = Workbook()
    workbook.remove(workbook.active)
    f = report.filters
    base = f"năm {f.year} – {report.scope_label}"
    tables = {**report.tables, "unit": report.by_unit, "year": report.trend}
    for key, table in tables.items():
        if only and key != only:
            continue
        add_sheet(workbook, table.title, table, f"Phong trào “Dân vận khéo”: {table.title.lower()}, {base}")
    return writer.workbook_bytes(workbook)
