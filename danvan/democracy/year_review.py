"""What grassroots democracy adds to the year's review report (Chapter.GOVERNMENT): the same figures as the
statistics page and the yearly report (`figures.totals`), over the report's units, as the user may see them."""

from __future__ import annotations

from danvan.core.vn import format_number, format_percent
from danvan.democracy import figures, reports
from danvan.documents.spec import Paragraph
from danvan.documents.year_review import Chapter, ReviewPart, ReviewRequest


def parts(request: ReviewRequest) -> list[ReviewPart]:
    found = [figures.totals(request.user, request.year, unit, request.today) for unit in request.units]
    if not found or not any(t.records for t in found):
        return []
    t = found[0] if len(found) == 1 else _sum(found, request.year)
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


def _sum(found: list[figures.Totals], year: int) -> figures.Totals:
    """Several top units (an installation with two provinces): their totals added up."""
    total = figures.Totals(year=year)
    for t in found:
        for name in ("records", "reviewed", "review_expected", "communes", "communes_recorded", "items", "done",
                     "matters", "decided", "pending", "households", "agreeing", "villages", "dialogues",
                     "participants", "issues", "resolved"):  # fmt: skip
            setattr(total, name, getattr(total, name) + getattr(t, name))
        for kind, n in t.by_kind.items():
            total.by_kind[kind] = total.by_kind.get(kind, 0) + n
        for method, n in t.matters_by_method.items():
            total.matters_by_method[method] = total.matters_by_method.get(method, 0) + n
        for kind, states in t.charters.items():
            for state, n in states.items():
                total.charters.setdefault(kind, {})[state] = total.charters.get(kind, {}).get(state, 0) + n
        if not total.boards:
            total.boards = [figures.BoardRow(b.label) for b in t.boards]
        for mine, theirs in zip(total.boards, t.boards, strict=True):
            for name in ("boards", "members", "meetings", "recommendations", "resolved"):
                setattr(mine, name, getattr(mine, name) + getattr(theirs, name))
    return total
