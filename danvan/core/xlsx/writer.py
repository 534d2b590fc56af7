"""Write rows under the import columns, so an exported file can be imported again unchanged."""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Iterable, Sequence
from typing import Any

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter

from danvan.core.xlsx.spec import Column

DATE_FORMAT = "DD/MM/YYYY"
# Text a spreadsheet program may take for a formula (formula injection: "=HYPERLINK(...)" in a name).
FORMULA_PREFIXES = ("=", "+", "-", "@")


def _cell(sheet: Any, value: Any) -> Any:
    if isinstance(value, dt.date):
        cell = WriteOnlyCell(sheet, value=value)
        cell.number_format = DATE_FORMAT
        return cell
    if isinstance(value, str) and value.startswith(FORMULA_PREFIXES):
        # openpyxl would write "=..." as a formula: keep text as text, as an explicit string cell.
        cell = WriteOnlyCell(sheet, value=value)
        cell.data_type = "s"
        return cell
    return value


def text_as_text(workbook: Workbook) -> None:
    """Turn every cell openpyxl would write as a formula back into the text it was given.

    No workbook of danvan writes formulas on purpose; every string comes from data someone typed.
    Write-only workbooks are built through `_cell`, which does the same while streaming.
    """
    if workbook.write_only:
        return
    for sheet in workbook.worksheets:
        for row in sheet.iter_rows():
            for cell in row:
                if cell.data_type == "f":
                    cell.data_type = "s"


def save(workbook: Workbook, target: Any) -> None:
    """Save to a path or a file object, text as text. Every xlsx danvan writes goes through here."""
    text_as_text(workbook)
    workbook.save(target)


def build_workbook(columns: Sequence[Column], rows: Iterable[Sequence[Any]], title: str) -> Workbook:
    """A streaming workbook: bold frozen header on row 1, sized columns, dates as real Excel dates."""
    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet(title[:31])
    for index, column in enumerate(columns, start=1):
        sheet.column_dimensions[get_column_letter(index)].width = column.width
    sheet.freeze_panes = "A2"
    bold = Font(bold=True)
    header = []
    for column in columns:
        cell = WriteOnlyCell(sheet, value=column.header)
        cell.font = bold
        header.append(cell)
    sheet.append(header)
    for row in rows:
        sheet.append([_cell(sheet, value) for value in row])
    return workbook


def workbook_bytes(workbook: Workbook) -> bytes:
    buffer = io.BytesIO()
    save(workbook, buffer)
    return buffer.getvalue()
