"""The yearly report on the "Dân vận khéo" movement: the statistics as a Party-format document.

`annual_document(user, filters, day)` builds the document from `practice_report` (the same data as
the page and the xlsx); the document engine renders it to Word or PDF.
"""

from __future__ import annotations

import datetime as dt

from danvan.core.vn import format_percent, format_signed
from danvan.documents import choices as doc_choices
from danvan.documents.docx import render_docx
from danvan.documents.issuers import NoIssuer
from danvan.documents.pdf import render_pdf
from danvan.documents.services import compose, scope_issuer
from danvan.documents.spec import Column, Heading, Paragraph, Table
from danvan.stats.cube import Table as StatsTable
from danvan.stats.report_data import Filters, practice_report

__all__ = ["NoIssuer", "annual_document", "render"]


def report_recipients(issuer, day: dt.date) -> list[str]:
    """ "Nơi nhận" of the yearly report: the bodies above the issuer, valid on the report's date."""
    from danvan.documents.addressees import addressees_for

    return addressees_for("annual-report", issuer, day)


def _stats_table(table: StatsTable, first_column: str) -> Table:
    columns = [
        Column("STT", 12),
        Column(first_column),
        Column("Đăng ký", 22),
        Column("So với năm trước", 26),
        Column("Công nhận", 24),
        Column("Tỷ lệ (%)", 20),
    ]

    def cells(index, row):
        change = format_signed(row.change)
        return [
            index,
            row.label,
            row.registered,
            change,
            row.recognized,
            format_percent(row.recognized, row.registered, "–").rstrip("%"),
        ]

    rows = [cells(i, row) for i, row in enumerate(table.rows, start=1)]
    return Table(columns, rows, totals_row=cells("", table.total))


def annual_document(user, filters: Filters, day: dt.date, reserve_number: bool = False):
    report = practice_report(user, filters)
    year, noun = filters.year, filters.noun
    blocks = [
        Paragraph(
            f"Thực hiện phong trào thi đua “Dân vận khéo” năm {year}, Ban Chỉ đạo phong trào các cấp đã "
            "hướng dẫn các cơ quan, đơn vị, địa phương đăng ký, triển khai, khảo sát, bình xét và công nhận "
            f"các {noun} “Dân vận khéo”. Kết quả cụ thể như sau:"
        ),
        Heading(f"I. KẾT QUẢ ĐĂNG KÝ, CÔNG NHẬN {noun.upper()} “DÂN VẬN KHÉO” NĂM {year}", 1),
    ]
    blocks += [Paragraph(sentence) for sentence in report.sentences]
    blocks += [
        Heading("1. Theo cấp đăng ký, công nhận", 2),
        _stats_table(report.tables["level"], "Cấp"),
        Heading("2. Theo lĩnh vực", 2),
        _stats_table(report.tables["field"], "Lĩnh vực"),
        Heading("3. Theo khối", 2),
        _stats_table(report.tables["bloc"], "Khối"),
        Heading("II. KẾT QUẢ THEO ĐƠN VỊ", 1),
        Paragraph(
            "Số liệu theo đơn vị tại thời điểm năm báo cáo."
            if filters.mode == "as_at"
            else "Số liệu của các đơn vị cũ được quy về đơn vị hiện nay theo quá trình sắp xếp, sáp nhập."
        ),
        _stats_table(_with_data(report.by_unit), "Đơn vị"),
    ]
    issuer = scope_issuer(filters.unit, day)
    summary = f"Kết quả thực hiện phong trào thi đua “Dân vận khéo” năm {year}"
    return compose(
        doc_choices.REPORT,
        issuer.unit,
        day,
        summary,
        blocks,
        report_recipients(issuer, day),
        reserve_number=reserve_number,
        issuer=issuer,
    ), report


def _with_data(table: StatsTable) -> StatsTable:
    rows = [r for r in table.rows if r.registered or r.previous_registered]
    return StatsTable(title=table.title, dimension=table.dimension, rows=rows)


def render(document, fmt: str) -> bytes:
    return render_pdf(document) if fmt == "pdf" else render_docx(document)
