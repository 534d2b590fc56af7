"""The yearly report on the mass organizations' members, as a Party-format Word document: "BÁO CÁO Tình
hình đoàn viên, hội viên năm 2025", issued by the owner of the area it covers (`scope_issuer(unit, day)`).

Its figures are the statistics page's (`figures.summary` with the page's year, area and mode), so the page
and the document agree: per organization the members and their breakdowns against the year before, by
sector, the share of the population organized and memberships per person; by unit as the annex. What the
clerk writes (the assessment, the proposals) stays a bracketed placeholder that cannot be missed in Word.
"""

from __future__ import annotations

import datetime as dt

from danvan.core.vn import format_number, format_percent, format_signed, header_date, text_date
from danvan.documents import choices as doc_choices
from danvan.documents.addressees import addressees_for
from danvan.documents.issuers import body_name, scope_word
from danvan.documents.models import Purpose
from danvan.documents.phrasing import change_phrase, join_names, reform_sentence, scope_sentence
from danvan.documents.services import compose, scope_issuer
from danvan.documents.spec import Annex, Column, Document, Heading, Paragraph, Table
from danvan.membership.choices import SECTORS
from danvan.membership.figures import TODAY, Summary
from danvan.org.models import Unit

PURPOSE = Purpose.MEMBERSHIP
REFORM = dt.date(2025, 7, 1)  # districts ended, provinces and communes merged
ASSESSMENT_HINT = (
    "[Phần cán bộ tổng hợp viết: đánh giá công tác phát triển đoàn viên, hội viên, củng cố tổ chức cơ sở "
    "hội, đoàn thể; ưu điểm, hạn chế và nguyên nhân.]"
)
PROPOSALS_HINT = "[Phần cán bộ tổng hợp viết: phương hướng, nhiệm vụ năm tới và đề xuất, kiến nghị.]"


def _signed(value: int | None) -> str:
    return format_signed(value, "–")


def _previous(value: int | None) -> int | str:
    return "–" if value is None else value


def organization_table(data: Summary) -> Table:
    year = data.year
    rows = [
        [
            index,
            row.organization.name,
            row.units,
            row.members,
            row.women,
            row.ethnic_minority,
            row.religious,
            _previous(row.previous),
            _signed(row.change),
        ]
        for index, row in enumerate(data.rows, start=1)
    ]
    change = None if data.previous_memberships is None else data.memberships - data.previous_memberships
    totals = [
        "",
        "Tổng số lượt",
        "",
        data.memberships,
        sum(r.women for r in data.rows),
        sum(r.ethnic_minority for r in data.rows),
        sum(r.religious for r in data.rows),
        _previous(data.previous_memberships),
        _signed(change),
    ]
    columns = [
        Column("STT", 12),
        Column("Tổ chức"),
        Column("Đơn vị báo cáo", 15),
        Column("Tổng số", 17),
        Column("Nữ", 15),
        Column("Dân tộc thiểu số", 15),
        Column("Có đạo", 15),
        Column(f"Năm {year - 1}", 16),
        Column("Tăng, giảm", 15),
    ]
    return Table(columns, rows, totals_row=totals, font_size=10)


def sector_table(data: Summary) -> Table:
    rows = [
        [index, row.organization.name, *[value for _, value in row.sectors], row.unclassified]
        for index, row in enumerate(data.rows, start=1)
    ]
    totals = ["", "Cộng", *[value for _, value in data.sector_totals], data.unclassified]
    columns = [
        Column("STT", 12),
        Column("Tổ chức"),
        *[Column(label, 16) for _, label in SECTORS],
        Column("Chưa phân loại", 16),
    ]
    return Table(columns, rows, totals_row=totals, font_size=10)


def unit_table(data: Summary) -> Table:
    year = data.year
    rows = [
        [
            index,
            row.label,
            row.memberships,
            _previous(row.previous),
            _signed(row.change),
            row.population or "–",
            row.organized or "–",
            format_percent(row.organized, row.population) if row.population else "–",
        ]
        for index, row in enumerate(data.units, start=1)
    ]
    change = None if data.previous_memberships is None else data.memberships - data.previous_memberships
    totals = [
        "",
        "Tổng cộng",
        data.memberships,
        _previous(data.previous_memberships),
        _signed(change),
        data.population,
        data.organized,
        format_percent(data.organized, data.population),
    ]
    columns = [
        Column("STT", 12),
        Column("Đơn vị"),
        Column("Lượt đoàn viên, hội viên", 20),
        Column(f"Năm {year - 1}", 17),
        Column("Tăng, giảm", 15),
        Column("Dân số", 18),
        Column("Số người được tập hợp", 18),
        Column("Tỷ lệ tập hợp", 15),
    ]
    return Table(columns, rows, totals_row=totals, font_size=10)


def _headline(data: Summary, scope: str) -> str:
    year = data.year
    reported = [r for r in data.rows if r.units]
    if not reported:
        return f"Năm {year}, {scope} chưa có tổ chức nào báo cáo số liệu đoàn viên, hội viên."
    text = (
        f"Đến cuối năm {year}, Mặt trận Tổ quốc và các tổ chức chính trị - xã hội {scope} có "
        f"{format_number(data.memberships)} lượt đoàn viên, hội viên"
    )
    change = change_phrase(data.memberships, data.previous_memberships, year - 1, "lượt")
    text += f", {change}" if change else ""
    women = sum(r.women for r in data.rows)
    text += f"; trong đó nữ {format_number(women)} lượt ({format_percent(women, data.memberships)})."
    parts = []
    for row in reported:
        clause = f"{row.organization.name} {format_number(row.members)}"
        if row.change:
            clause += f" ({'tăng' if row.change > 0 else 'giảm'} {format_number(abs(row.change))})"
        parts.append(clause)
    return f"{text} Cụ thể: {'; '.join(parts)}."


def _people(data: Summary, scope: str) -> list[Paragraph]:
    year = data.year
    if not data.population_units:
        return [Paragraph(f"Năm {year}, {scope} chưa có đơn vị nào báo cáo dân số và số người được tập hợp.")]
    text = (
        f"Theo báo cáo của {format_number(data.population_units)} đơn vị có dân số "
        f"{format_number(data.population)} người, số người tham gia ít nhất một tổ chức (mỗi người tính một "
        f"lần) là {format_number(data.organized)} người, đạt tỷ lệ tập hợp "
        f"{format_percent(data.organized, data.population)} so với dân số"
    )
    if data.previous_organized is not None and data.previous_population:
        text += (
            f" (năm {year - 1}: {format_number(data.previous_organized)} người, "
            f"{format_percent(data.previous_organized, data.previous_population)})"
        )
    paragraphs = [Paragraph(f"{text}.")]
    if data.memberships_per_person:
        paragraphs.append(
            Paragraph(
                f"Bình quân mỗi người được tập hợp tham gia {format_number(data.memberships_per_person, 2)} tổ "
                f"chức ({format_number(data.memberships)} lượt đoàn viên, hội viên)."
            )
        )
    return paragraphs


def year_document(data: Summary, unit: Unit, day: dt.date) -> Document:
    """ "BÁO CÁO Tình hình đoàn viên, hội viên năm Y" from `figures.summary` over `unit`."""
    year = data.year
    issuer = scope_issuer(unit, day)
    scope = scope_word(unit)
    until = min(dt.date(year, 12, 31), day)
    blocks: list = [
        Paragraph(
            f"Thực hiện chế độ thông tin, báo cáo định kỳ, {body_name(issuer)} báo cáo tình hình đoàn viên, hội "
            f"viên của Mặt trận Tổ quốc và các tổ chức chính trị - xã hội năm {year} {scope} (số liệu đến ngày "
            f"{text_date(until)}; đơn vị chưa có số liệu cả năm tính theo số liệu 6 tháng đầu năm) như sau:"
        )
    ]
    absorbed = [u.name for u in data.absorbed]
    if year == REFORM.year:
        blocks.append(Paragraph(reform_sentence(year, REFORM, absorbed, data.mode == TODAY), italic=True))
    elif absorbed:
        blocks.append(Paragraph(scope_sentence(scope, absorbed), italic=True))
    blocks += [
        Heading("I. SỐ LƯỢNG ĐOÀN VIÊN, HỘI VIÊN", 1),
        Paragraph(_headline(data, scope)),
        organization_table(data),
        Heading("II. ĐOÀN VIÊN, HỘI VIÊN THEO THÀNH PHẦN", 1),
        Paragraph(_sector_sentence(data)),
        sector_table(data),
        Heading("III. TỶ LỆ TẬP HỢP NHÂN DÂN", 1),
        *_people(data, scope),
        Heading("IV. ĐÁNH GIÁ CHUNG", 1),
        Paragraph(ASSESSMENT_HINT, italic=True),
        Heading("V. PHƯƠNG HƯỚNG, ĐỀ XUẤT", 1),
        Paragraph(PROPOSALS_HINT, italic=True),
    ]
    if data.units:
        blocks.insert(-4, Paragraph("Số liệu theo đơn vị tại phụ lục kèm theo báo cáo này."))
    document = compose(
        doc_choices.REPORT,
        issuer.unit,
        day,
        f"Tình hình đoàn viên, hội viên năm {year}",
        blocks,
        addressees_for(PURPOSE, issuer, day),
        issuer=issuer,
    )
    if data.units:
        bare = document.number_text.split(" ", 1)[1]  # without "Số "
        how = (
            "Số liệu của đơn vị cũ được quy về đơn vị hiện nay."
            if data.mode == TODAY
            else f"Đơn vị như tại năm {year}; số liệu năm {year - 1} của đơn vị cũ tính cho đơn vị kế thừa."
        )
        notes = [Paragraph(how, italic=True, indent=False)]
        if data.hidden_units:
            notes.append(
                Paragraph(
                    f"Không liệt kê {format_number(data.hidden_units)} đơn vị không có số liệu trong hai năm.",
                    italic=True,
                    indent=False,
                )
            )
        document.annexes = [
            Annex(
                f"SỐ LIỆU ĐOÀN VIÊN, HỘI VIÊN THEO ĐƠN VỊ NĂM {year}",
                f"(Kèm theo Báo cáo số {bare}, {header_date(day)} của {body_name(issuer)})",
                unit_table(data),
                notes,
            )
        ]
    return document


def _sector_sentence(data: Summary) -> str:
    shown = [(label, value) for label, value in data.sector_totals if value]
    if not shown:
        return "Các đơn vị chưa thống kê đoàn viên, hội viên theo thành phần."
    parts = [
        f"{label.lower()} {format_number(value)} ({format_percent(value, data.memberships)})" for label, value in shown
    ]
    text = f"Theo thành phần: {join_names(parts)}"
    if data.unclassified:
        text += f"; chưa phân loại {format_number(data.unclassified)} lượt"
    return f"{text}."
