"""What membership gives the year's review report (`danvan/documents/year_review.py`): the members of each
political-social organization over the report's area, against the year before, and the people organized.

The figures are the statistics page's (`figures.summary` over the report's first unit), so the review
report and `/doan-the/thong-ke/` agree, the 2025 reform included.
"""

from __future__ import annotations

from danvan.core.vn import format_number, format_percent, format_signed
from danvan.documents.spec import Column, Paragraph, Table
from danvan.documents.year_review import Chapter, ReviewPart, ReviewRequest
from danvan.membership.figures import Summary, summary

TITLE = "Công tác phát triển đoàn viên, hội viên"


def membership_part(data: Summary) -> ReviewPart:
    year = data.year
    reported = [row for row in data.rows if row.units]
    figures = {
        "memberships": data.memberships,
        "population": data.population,
        "organized": data.organized,
        **{f"members_{row.organization.code}": row.members for row in reported},
    }
    if not reported:
        blocks = [Paragraph(f"Chưa có số liệu đoàn viên, hội viên năm {year} được báo cáo trong hệ thống.")]
        return ReviewPart(Chapter.FRONT, TITLE, blocks, figures, order=1)
    text = (
        f"Đến cuối năm {year}, Mặt trận Tổ quốc và các đoàn thể chính trị - xã hội tập hợp "
        f"{format_number(data.memberships)} lượt đoàn viên, hội viên"
    )
    if data.previous_memberships is not None:
        change = data.memberships - data.previous_memberships
        text += (
            f", {'tăng' if change >= 0 else 'giảm'} {format_number(abs(change))} lượt so với năm {year - 1}"
            if change
            else f", bằng năm {year - 1}"
        )
    if data.population_units and data.population:
        text += (
            f"; số người tham gia ít nhất một tổ chức là {format_number(data.organized)} người, chiếm "
            f"{format_percent(data.organized, data.population)} dân số"
        )
    blocks = [Paragraph(f"{text}.")]
    rows = []
    for index, row in enumerate(reported, start=1):
        share = format_percent(row.members, data.population, "–") if data.population else "–"
        change = "–" if row.change is None else format_signed(row.change)
        rows.append([index, row.organization.name, row.members, row.women, share, change])
    blocks.append(
        Table(
            [
                Column("STT", 12),
                Column("Tổ chức"),
                Column("Đoàn viên, hội viên", 28),
                Column("Trong đó nữ", 24),
                Column("So với dân số", 22),
                Column(f"So với năm {year - 1}", 24),
            ],
            rows,
            totals_row=["", "Tổng số lượt", data.memberships, sum(r.women for r in reported), "", ""],
            font_size=11,
        )
    )
    return ReviewPart(Chapter.FRONT, TITLE, blocks, figures, order=1)


def parts(request: ReviewRequest) -> list[ReviewPart]:
    return [membership_part(summary(request.user, request.units[0], request.year, request.mode))]
