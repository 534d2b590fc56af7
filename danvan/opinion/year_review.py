"""What opinion gives the year's review report (`danvan/documents/year_review.py`): the people's situation
and public opinion over the year, and citizen reception and dialogues.

The figures are those of the year's periodic report (`reports.situation_data` for the period "năm") and of
the reception and dialogue report (`meeting_reports.meeting_data`), over the report's first unit and its
area as those reports count it, so the review report and the module's own reports agree.
"""

from __future__ import annotations

from danvan.core.vn import format_number, text_date
from danvan.documents.phrasing import split_sentence
from danvan.documents.spec import Column, Paragraph, Table
from danvan.documents.year_review import Chapter, ReviewPart, ReviewRequest
from danvan.opinion.choices import Tendency
from danvan.opinion.meeting_reports import MeetingData, meeting_data
from danvan.opinion.reports import SituationData, parse_period, situation_data


def _lower_first(text: str) -> str:
    return text[:1].lower() + text[1:]


def situation_part(data: SituationData) -> ReviewPart:
    year, day = data.period.year, data.day
    figures = {
        "cases": data.cases,
        "reports": data.reports,
        "hot_spots": data.hot_spots,
        "with_proposal": data.with_proposal,
        "forwarded": data.forwarded,
        "answered": data.answered_total,
        "pending": data.pending,
        "overdue": data.overdue_total,
        **{f"tendency_{value}": data.tendency.get(value, 0) for value in Tendency.values},
    }
    title = "Nắm tình hình nhân dân, dư luận xã hội"
    if not data.cases:
        blocks = [Paragraph(f"Năm {year}, chưa ghi nhận vụ việc, vấn đề dư luận xã hội nào trong hệ thống.")]
        return ReviewPart(Chapter.OPINION, title, blocks, figures, order=1)
    text = (
        f"Năm {year}, đã nắm, tổng hợp {format_number(data.cases)} vụ việc, vấn đề dư luận xã hội "
        f"từ {format_number(data.reports)} lượt phản ánh"
    )
    text += (
        f"; trong đó có {format_number(data.hot_spots)} điểm nóng, vụ việc phức tạp."
        if data.hot_spots
        else "; không có điểm nóng, vụ việc phức tạp."
    )
    tendencies = [(_lower_first(label), data.tendency.get(value, 0)) for value, label in Tendency.choices]
    blocks = [Paragraph(text), Paragraph(split_sentence("Về chiều hướng dư luận", tendencies, data.cases, "vụ việc"))]
    rows = [row for row in data.topics if row.cases]
    rows.sort(key=lambda row: -row.cases)
    blocks.append(
        Table(
            [
                Column("STT", 12),
                Column("Lĩnh vực"),
                Column("Số vụ việc", 20),
                Column("Đồng tình", 20),
                Column("Không đồng tình", 22),
                Column("Băn khoăn, chưa rõ", 22),
                Column("Điểm nóng", 18),
            ],
            [row.cells(index) for index, row in enumerate(rows, start=1)],
            totals_row=[
                "",
                "Tổng cộng",
                data.cases,
                data.tendency.get(Tendency.AGREE, 0),
                data.tendency.get(Tendency.DISAGREE, 0),
                data.tendency.get(Tendency.UNSURE, 0),
                data.hot_spots,
            ],
            font_size=11,
        )
    )
    proposals = (
        f"Đã chuyển {format_number(data.forwarded)} đề xuất, kiến nghị của nhân dân đến cơ quan có thẩm quyền xem "
        f"xét, giải quyết; nhận được trả lời {format_number(data.answered_total)} đề xuất, kiến nghị. Đến ngày "
        f"{text_date(day)}, còn {format_number(data.pending)} đề xuất, kiến nghị chưa được trả lời"
    )
    proposals += f", trong đó {format_number(data.overdue_total)} quá hạn." if data.overdue_total else "."
    blocks.append(Paragraph(proposals))
    return ReviewPart(Chapter.OPINION, title, blocks, figures, order=1)


def meetings_part(data: MeetingData) -> ReviewPart:
    year, day, cases = data.period.year, data.day, data.case_total
    figures = {
        "sessions": data.sessions,
        "regular": data.regular,
        "unscheduled": data.unscheduled,
        "reception_days": data.days,
        "cases_heard": cases.cases,
        "people": cases.people,
        "cases_settled": cases.settled,
        "cases_overdue": cases.overdue,
        "dialogues": len(data.dialogues),
        "participants": data.participants,
        "issues": data.issues,
        "issues_answered": data.answered,
        "commitments": data.commitments,
        "commitments_done": data.commitments_done,
        "commitments_overdue": data.commitments_overdue,
    }
    title = "Tiếp công dân, đối thoại với nhân dân"
    blocks = []
    if data.sessions:
        text = (
            f"Năm {year}, người đứng đầu cấp ủy đã tiếp công dân {format_number(data.sessions)} buổi "
            f"({format_number(data.regular)} buổi định kỳ, {format_number(data.unscheduled)} buổi đột xuất), "
            f"tiếp nhận {format_number(cases.cases)} vụ việc với {format_number(cases.people)} lượt người"
        )
        if cases.cases:
            text += (
                f"; đến ngày {text_date(day)} đã giải quyết {format_number(cases.settled)} vụ việc, còn "
                f"{format_number(cases.pending)} vụ việc đang giải quyết"
            )
            if cases.overdue:
                text += f", trong đó {format_number(cases.overdue)} vụ việc quá hạn"
        blocks.append(Paragraph(f"{text}."))
        short = data.short
        if short:
            blocks.append(
                Paragraph(
                    f"Có {format_number(len(short))} đơn vị chưa bảo đảm số ngày tiếp công dân tối thiểu hằng tháng "
                    "theo quy định."
                )
            )
    else:
        blocks.append(Paragraph(f"Năm {year}, chưa ghi nhận buổi tiếp công dân nào của người đứng đầu cấp ủy."))
    if data.dialogues:
        text = (
            f"Tổ chức {format_number(len(data.dialogues))} hội nghị đối thoại trực tiếp với nhân dân"
            f" với {format_number(data.participants)} lượt người tham dự; nhân dân nêu "
            f"{format_number(data.issues)} ý kiến, đã trả lời tại hội nghị {format_number(data.answered)} ý kiến"
        )
        if data.commitments:
            text += (
                f"; người chủ trì cam kết giải quyết {format_number(data.commitments)} nội dung, đến ngày "
                f"{text_date(day)} đã thực hiện {format_number(data.commitments_done)} nội dung"
            )
            if data.commitments_overdue:
                text += f", quá hạn {format_number(data.commitments_overdue)} nội dung"
        blocks.append(Paragraph(f"{text}."))
    else:
        blocks.append(Paragraph(f"Năm {year}, chưa ghi nhận hội nghị đối thoại trực tiếp với nhân dân nào."))
    return ReviewPart(Chapter.OPINION, title, blocks, figures, order=2)


def parts(request: ReviewRequest) -> list[ReviewPart]:
    unit = request.units[0]
    period = parse_period("nam", request.year)
    return [
        situation_part(situation_data(request.user, unit, period, request.today, request.top_paths())),
        meetings_part(meeting_data(request.user, unit, period, request.today, request.top_paths())),
    ]
