"""What awards gives the year's review report (`danvan/documents/year_review.py`): the decisions issued in
the year and the collectives and individuals awarded, by form and granting authority.

The figures are the awards statistics' (`statistics.award_report` over the report's first unit), the same
as the awards page, its Excel and its Word report.
"""

from __future__ import annotations

from danvan.awards.statistics import AwardReport, award_report
from danvan.core.vn import format_number
from danvan.documents.spec import Column, Paragraph, Table
from danvan.documents.year_review import Chapter, ReviewPart, ReviewRequest

TITLE = "Công tác khen thưởng"


def awards_part(report: AwardReport) -> ReviewPart:
    figures = {
        "decisions": report.decisions,
        "collectives": report.total.collectives,
        "individuals": report.total.individuals,
    }
    blocks = [Paragraph(report.sentence)]
    if report.by_type:
        lead = "Kết quả theo hình thức khen thưởng"
        if report.decisions:
            lead += f" (theo {format_number(report.decisions)} quyết định đã ban hành)"
        blocks.append(Paragraph(f"{lead}:"))
        rows = [
            [index, row.label, row.award_type.authority.name, row.collectives, row.individuals, row.total]
            for index, row in enumerate(report.by_type, start=1)
        ]
        total = report.total
        blocks.append(
            Table(
                [
                    Column("STT", 12),
                    Column("Hình thức", 50, align="left"),
                    Column("Cơ quan khen thưởng", align="left"),
                    Column("Tập thể", 19),
                    Column("Cá nhân", 19),
                    Column("Tổng số", 19),
                ],
                rows,
                totals_row=["", "Tổng cộng", "", total.collectives, total.individuals, total.total],
                font_size=11,
            )
        )
    return ReviewPart(Chapter.EMULATION, TITLE, blocks, figures, order=2)


def parts(request: ReviewRequest) -> list[ReviewPart]:
    return [awards_part(award_report(request.user, request.year, request.units[0], request.top_paths()))]
