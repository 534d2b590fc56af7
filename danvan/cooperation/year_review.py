"""What the cooperation app adds to the year's review report (Chapter.COOPERATION): the programmes in force
over the report's units by kind, those newly signed, the yearly evaluation meetings held and the interim
and final reviews done, with the figures the sentences state (`reports.year_data` reads them)."""

from __future__ import annotations

from danvan.cooperation import reports
from danvan.core.vn import format_number
from danvan.documents.spec import Paragraph
from danvan.documents.year_review import Chapter, ReviewPart, ReviewRequest
from danvan.planning.choices import ReviewState


def parts(request: ReviewRequest) -> list[ReviewPart]:
    figures: dict[str, int] = {}
    in_force, signed, evaluated, to_evaluate, reviews_done, reviews_due = [], [], 0, 0, 0, 0
    kinds: dict[str, int] = {}
    for unit in request.top_units():
        data = reports.year_data(request.user, unit, request.year, request.today)
        in_force += data.in_force
        signed += data.signed
        evaluated += len(data.evaluations)
        to_evaluate += len(data.to_evaluate)
        reviews_done += len(data.reviews_in(ReviewState.DONE))
        reviews_due += len(data.reviews)
        for kind, n in data.by_kind.items():
            kinds[kind] = kinds.get(kind, 0) + n
        for name, value in data.figures.items():
            figures[name] = figures.get(name, 0) + value
    if not in_force:
        return []
    kinds_text = reports.kinds_sentence(reports.YearData(None, None, request.year, request.today, by_kind=kinds))
    sentences = [
        f"Trong năm {request.year}, các cấp tiếp tục thực hiện {format_number(len(in_force))} văn bản phối hợp "
        f"về công tác dân vận ({kinds_text}), "
        + (f"trong đó ký mới {format_number(len(signed))} văn bản." if signed else "không có văn bản nào ký mới."),
        f"Đã tổ chức {format_number(evaluated)}/{format_number(to_evaluate)} hội nghị đánh giá kết quả thực hiện "
        f"năm {request.year}.",
    ]
    if reviews_due:
        sentences.append(
            f"Sơ kết, tổng kết: {format_number(reviews_done)}/{format_number(reviews_due)} nội dung đến hạn trong năm "
            "đã thực hiện."
        )
    return [
        ReviewPart(
            chapter=Chapter.COOPERATION,
            title="Thực hiện các chương trình, quy chế phối hợp",
            blocks=[Paragraph(text) for text in sentences],
            figures=figures,
        )
    ]
