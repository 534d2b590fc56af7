"""The "Dân vận khéo" figures of the year's review, from the statistics report itself (`practice_report`):
the same sentences and totals as the statistics page, its Excel and the yearly "Dân vận khéo" report, in
the mode the review is made in (the units as they were, or mapped to today's)."""

from __future__ import annotations

from danvan.core.vn import format_percent, format_signed
from danvan.documents.spec import Column, Paragraph, Table
from danvan.documents.year_review import Chapter, ReviewPart, ReviewRequest
from danvan.stats.report_data import Filters, Report, practice_report

TITLE = "Phong trào thi đua “Dân vận khéo”"


def _level_table(report: Report) -> Table:
    levels = report.tables["level"]

    def cells(index, row) -> list:
        rate = format_percent(row.recognized, row.registered, "–").rstrip("%")
        return [index, row.label, row.registered, format_signed(row.change, "–"), row.recognized, rate]

    return Table(
        [
            Column("STT", 12),
            Column("Cấp"),
            Column("Đăng ký", 22),
            Column("So với năm trước", 26),
            Column("Công nhận", 24),
            Column("Tỷ lệ (%)", 20),
        ],
        [cells(i, row) for i, row in enumerate(levels.rows, start=1)],
        totals_row=cells("", levels.total),
        font_size=11,
    )


def movement_part(report: Report) -> ReviewPart:
    total = report.tables["level"].total
    figures = {"registered": total.registered, "recognized": total.recognized}
    if total.previous_registered is not None:
        figures["previous_registered"] = total.previous_registered
    blocks = [Paragraph(sentence) for sentence in report.sentences]
    if total.registered or total.previous_registered:
        blocks.append(_level_table(report))
    return ReviewPart(Chapter.MOVEMENT, TITLE, blocks, figures, order=1)


def parts(request: ReviewRequest) -> list[ReviewPart]:
    filters = Filters(year=request.year, unit=request.units[0], mode=request.mode)
    return [movement_part(practice_report(request.user, filters))]
