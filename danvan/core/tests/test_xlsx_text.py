"""Every xlsx danvan writes keeps text as text: no formula injection from a typed name."""

from __future__ import annotations

import io
import re
from pathlib import Path

import openpyxl
from openpyxl import Workbook

import danvan
from danvan.core.xlsx import Column, writer

HOSTILE = [
    '=HYPERLINK("http://evil.example","Bấm vào đây")',
    "+1+cmd|' /C calc'!A0",
    "-2+3",
    "@SUM(A1:A9)",
    "=1+1",
]


def reopened(data: bytes):
    return openpyxl.load_workbook(io.BytesIO(data)).active


def test_the_streaming_writer_writes_formula_like_text_as_string_cells():
    data = writer.workbook_bytes(
        writer.build_workbook([Column("Tên", None), Column("Số", None)], [[text, 1] for text in HOSTILE], "Thử")
    )
    sheet = reopened(data)
    cells = [row[0] for row in sheet.iter_rows(min_row=2)]
    assert [c.value for c in cells] == HOSTILE
    assert {c.data_type for c in cells} == {"s"}
    assert sheet["B2"].value == 1 and sheet["B2"].data_type == "n"


def test_an_ordinary_workbook_saved_through_the_writer_keeps_text_as_text(tmp_path):
    workbook = Workbook()
    for text in HOSTILE:
        workbook.active.append([text, 2.5])
    assert workbook.active["A1"].data_type == "f"  # what openpyxl alone would write
    writer.save(workbook, tmp_path / "a.xlsx")
    sheet = openpyxl.load_workbook(tmp_path / "a.xlsx").active
    assert [row[0].value for row in sheet.iter_rows()] == HOSTILE
    assert {row[0].data_type for row in sheet.iter_rows()} == {"s"}
    assert sheet["B1"].value == 2.5


def test_no_module_saves_a_workbook_except_through_the_writer():
    """A new export that calls openpyxl's save directly would skip the guard."""
    root = Path(danvan.__file__).parent
    offenders = []
    for path in root.rglob("*.py"):
        if "tests" in path.parts or path.name == "writer.py":
            continue
        text = path.read_text()
        if "openpyxl" in text or "xlsx" in path.name or "export" in text:
            for number, line in enumerate(text.splitlines(), start=1):
                if re.search(r"(workbook|wb|book)\w*(\(.*\))?\.save\(", line):
                    offenders.append(f"{path.relative_to(root)}:{number}: {line.strip()}")
    assert offenders == []
