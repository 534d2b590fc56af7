"""The yearly report on the "Dân vận khéo" movement: the statistics as a Party-format document.

`annual_document(user, filters, day)` builds the document from `practice_report` (the same data as
the page and the xlsx); the document engine renders it to Word or PDF.
"""

from __future__ import annotations

import datetime as dt

from danvan.core.vn import format_percent
from danvan.documents import choices as doc_choices
from danvan.documents.docx import render_docx
from danvan.documents.models import Issuer
from danvan.documents.pdf import render_pdf
from danvan.documents.services import compose
from danvan.documents.spec import Column, Heading, Paragraph, Signature, Table
from danvan.org.models import Unit
from danvan.stats.cube import Table as StatsTable
from danvan.stats.report_data import Filters, practice_report

RECIPIENTS = ["Ban Dân vận Trung ương", "Thường trực Tỉnh ủy", "Ban Chỉ đạo phong trào “Dân vận khéo” tỉnh", "Lưu"]


class NoIssuer(LookupError):
    """No issuing body (with its symbol and signers) is configured for the report's unit on that day."""


def issuing_unit(unit: Unit | None, day: dt.date) -> Unit:
    """The commission that issues reports about `unit`: configured as an Issuer valid on `day` at the
    unit itself, among its direct children, or up the tree (a commune's report is issued by its
    province's commission when it has none of its own)."""
    candidates = Issuer.objects.valid_on(day).select_related("unit")
    chain = [*unit.ancestors(), unit] if unit else []
    for node in reversed(chain):
        issuer = candidates.filter(unit=node).first() or candidates.filter(unit__parent=node).first()
        if issuer is not None:
            return issuer.unit
    issuer = candidates.first() if unit is None else None
    if issuer is None:
        where = unit.name if unit else "hệ thống"
        raise NoIssuer(
            f"Chưa khai báo cơ quan ban hành văn bản cho {where} vào ngày {day:%d/%m/%Y}; "
            "khai báo tại Cấu hình → Cơ quan ban hành văn bản."
        )
    return issuer.unit


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
        change = (
            "" if row.change is None else (f"+{row.change}" if row.change > 0 else str(row.change).replace("-", "−"))
        )
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
    unit = filters.unit
    summary = f"Kết quả thực hiện phong trào thi đua “Dân vận khéo” năm {year}"
    return compose(
        doc_choices.REPORT,
        issuing_unit(unit, day),
        day,
        summary,
        blocks,
        RECIPIENTS,
        signature=Signature(),
        reserve_number=reserve_number,
    ), report


def _with_data(table: StatsTable) -> StatsTable:
    rows = [r for r in table.rows if r.registered or r.previous_registered]
    return StatsTable(title=table.title, dimension=table.dimension, rows=rows)


def render(document, fmt: str) -> bytes:
    return render_pdf(document) if fmt == "pdf" else render_docx(document)
