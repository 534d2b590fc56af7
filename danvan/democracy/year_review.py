"""What grassroots democracy adds to the year's review report (Chapter.GOVERNMENT): the statistics page's and the
yearly report's figures (`figures.totals`), as the user may see them, over the report's area: in today's borders
the page's own area (the unit with everything merged into it), as at the time the units of the year alone."""

from __future__ import annotations

from danvan.core.vn import format_number, format_percent
from danvan.democracy import figures, reports
from danvan.documents.spec import Paragraph
from danvan.documents.year_review import Chapter, ReviewPart, ReviewRequest


def parts(request: ReviewRequest) -> list[ReviewPart]:
    t = figures.totals(request.user, request.year, request.units[0], request.today, paths=request.top_paths())
    if not t.records:
        return []
    blocks = [
        Paragraph(
            f"Thực hiện dân chủ ở cơ sở: {format_number(t.records)} đơn vị cơ sở theo dõi trên hệ thống; Ban Chỉ đạo "
            f"của {format_number(t.reviewed)}/{format_number(t.review_expected)} đơn vị đã tổng kết năm. Các đơn vị "
            f"đã công khai {format_number(t.done)}/{format_number(t.items)} nội dung phải công khai "
            f"({format_percent(t.done, t.items)})."
        ),
        Paragraph(reports.matters_sentence(t)),
        Paragraph(reports.charters_sentence(t)),
        Paragraph(reports.dialogues_sentence(t)),
    ]
    board_figures = {}
    for board, key in zip(t.boards, ("inspection", "investment"), strict=True):
        board_figures[f"{key}_boards"] = board.boards
        board_figures[f"{key}_recommendations"] = board.recommendations
        board_figures[f"{key}_resolved"] = board.resolved
    return [
        ReviewPart(
            chapter=Chapter.GOVERNMENT,
            title="Thực hiện dân chủ ở cơ sở",
            blocks=blocks,
            figures={
                "records": t.records,
                "reviewed": t.reviewed,
                "disclosure_items": t.items,
                "disclosure_done": t.done,
                "matters": t.matters,
                "matters_decided": t.decided,
                "charters_in_force": t.charters_in(figures.IN_FORCE),
                "dialogues": t.dialogues,
                **board_figures,
            },
            order=2,
        )
    ]
