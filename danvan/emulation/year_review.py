"""What emulation gives the year's review report (`danvan/documents/year_review.py`): the year's score
sheets adopted within the report's area, the scorecards finalized, the classes reached and the leading units.

Each sheet is ranked by `reports.ranking` (the ranking page, its Excel and its Word report), so the
review report names the units those pages name.
"""

from __future__ import annotations

from danvan.core.vn import format_number
from danvan.documents.phrasing import join_names
from danvan.documents.spec import Paragraph
from danvan.documents.year_review import Chapter, ReviewPart, ReviewRequest
from danvan.emulation.models import CriteriaSet
from danvan.emulation.reports import ranking

TITLE = "Chấm điểm thi đua"
LEADERS = 3  # units named per sheet (more when they tie)


def parts(request: ReviewRequest) -> list[ReviewPart]:
    sheets = list(
        CriteriaSet.objects.restrict(request.user).filter(request.area(), year=request.year).order_by("name", "id")
    )
    year = request.year
    figures = {"sheets": len(sheets), "scorecards": 0, "finalized": 0}
    if not sheets:
        blocks = [Paragraph(f"Năm {year} không có bản điểm thi đua nào được ban hành.")]
        return [ReviewPart(Chapter.EMULATION, TITLE, blocks, figures, order=1)]
    blocks = []
    for sheet in sheets:
        result = ranking(sheet, request.user)
        ranked = result.ranked
        figures["scorecards"] += len(result.rows)
        figures["finalized"] += len(ranked)
        for grade, n in result.by_grade:
            key = f"grade_{grade}"
            figures[key] = figures.get(key, 0) + n
        text = (
            f"Thực hiện {sheet.name.strip().rstrip('.')}: {format_number(len(result.rows))} đơn vị chấm điểm, "
            f"đã chốt kết quả {format_number(len(ranked))} đơn vị"
        )
        grades = [f"{name.lower()} {format_number(n)} đơn vị" for name, n in result.by_grade if n]
        if grades:
            text += f"; xếp loại {', '.join(grades)}"
        leaders = [row.unit_name for row in result.top(LEADERS)]
        if leaders:
            text += f". Các đơn vị dẫn đầu: {join_names(leaders)}"
        blocks.append(Paragraph(f"{text}."))
    return [ReviewPart(Chapter.EMULATION, TITLE, blocks, figures, order=1)]
