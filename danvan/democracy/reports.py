"""The yearly report "BÁO CÁO Kết quả thực hiện dân chủ ở cơ sở năm Y", a Party-format Word document issued
by the owner of the area it covers (`scope_issuer`), dated by `report_day`, citing the grounds valid during
the year (documents' LegalBasis for Purpose.DEMOCRACY: in 2023 both the ordinance and the Law), with the
receiving bodies configured for its purpose. Its figures are `figures.totals`, those of the statistics page.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from danvan.core.vn import format_number, format_percent
from danvan.democracy import figures
from danvan.democracy.choices import IN_FORCE, CharterKind, CharterState, MatterMethod, PlaceKind
from danvan.documents import choices as doc_choices
from danvan.documents.addressees import addressees_for
from danvan.documents.issuers import body_name, scope_word
from danvan.documents.models import LegalBasis, Purpose
from danvan.documents.phrasing import scope_sentence
from danvan.documents.services import compose, report_day, scope_issuer
from danvan.documents.spec import Column, Document, Heading, Paragraph, Table
from danvan.opinion.reports import area_name, clerk_paragraphs, render_docx

__all__ = ["ReportData", "grounds", "render_docx", "report_data", "report_document"]

PURPOSE = Purpose.DEMOCRACY
ASSESSMENT_HINT = (
    "[Phần cán bộ tổng hợp viết: đánh giá chung về ưu điểm, hạn chế, nguyên nhân và bài học kinh nghiệm "
    "trong thực hiện dân chủ ở cơ sở.]"
)
TASKS_HINT = "[Phần cán bộ tổng hợp viết: phương hướng, nhiệm vụ thực hiện dân chủ ở cơ sở năm tới.]"


@dataclass
class ReportData:
    unit: object
    year: int
    day: dt.date
    totals: figures.Totals
    absorbed: list


def grounds(year: int) -> list[str]:
    """What the year's report cites: the grounds for grassroots democracy valid at some time in the year."""
    rows = (
        LegalBasis.objects.valid_during(dt.date(year, 1, 1), dt.date(year, 12, 31))
        .filter(purpose=PURPOSE, system__in=["party", ""])
        .order_by("order", "valid_from")
    )
    return list(rows.values_list("text", flat=True))


def report_data(user, unit, year: int, day: dt.date | None = None) -> ReportData:
    day = day or report_day(year, unit)
    return ReportData(unit, year, day, figures.totals(user, year, unit, day), figures.absorbed(unit))


def _in_area(unit) -> str:
    area = area_name(unit)
    return f"trên địa bàn {area}" if area != " ".join(unit.name.split()) else f"của {unit.name}"


def leadership_sentence(t: figures.Totals, scope: str) -> str:
    parts = "; ".join(
        f"{format_number(t.by_kind[kind])} {label.lower()}" for kind, label in PlaceKind.choices if t.by_kind.get(kind)
    )
    text = f"Năm {t.year}, {scope} có {format_number(t.records)} đơn vị cơ sở theo dõi thực hiện dân chủ"
    text += f" ({parts})" if parts else ""
    if t.communes:
        text += (
            f"; {format_number(t.communes_recorded)}/{format_number(t.communes)} xã, phường, đặc khu có hồ sơ "
            f"({format_percent(t.communes_recorded, t.communes)})"
        )
    text += (
        f". Ban Chỉ đạo thực hiện dân chủ ở cơ sở của {format_number(t.reviewed)}/{format_number(t.review_expected)} "
        "đơn vị đã tổng kết năm."
    )
    return text


def disclosure_table(t: figures.Totals) -> Table:
    rows = []
    for kind, label in PlaceKind.choices:
        items, done = t.items_by_kind.get(kind, (0, 0))
        if t.by_kind.get(kind):
            rows.append([label, t.by_kind[kind], items, done, format_percent(done, items)])
    return Table(
        [Column("Loại hình"), Column("Số đơn vị", 25), Column("Nội dung phải công khai", 35),
         Column("Đã công khai", 30), Column("Tỷ lệ", 22)],
        rows,
        totals_row=["Tổng cộng", t.records, t.items, t.done, format_percent(t.done, t.items)],
    )  # fmt: skip


def matters_sentence(t: figures.Totals) -> str:
    if not t.matters:
        return "Trong năm chưa ghi nhận nội dung nào nhân dân bàn và quyết định trực tiếp."
    methods = [
        f"{label.lower()} {format_number(t.matters_by_method.get(value, 0))}"
        for value, label in MatterMethod.choices
        if t.matters_by_method.get(value)
    ]
    text = (
        f"Nhân dân bàn và quyết định trực tiếp {format_number(t.matters)} nội dung ({'; '.join(methods)}); "
        f"{format_number(t.decided)} nội dung được quá nửa số hộ gia đình đồng ý "
        f"({format_percent(t.decided, t.matters)})"
    )
    if t.not_decided:
        text += f", {format_number(t.not_decided)} nội dung chưa đủ quá nửa số hộ đồng ý"
    if t.pending:
        text += f", {format_number(t.pending)} nội dung đang lấy ý kiến"
    if t.households:
        text += (
            f". Tính chung các nội dung đã kiểm phiếu, {format_number(t.agreeing)}/{format_number(t.households)} "
            f"lượt hộ gia đình đồng ý ({format_percent(t.agreeing, t.households)})"
        )
    return text + "."


def boards_table(t: figures.Totals) -> Table:
    return Table(
        [Column("Ban"), Column("Số ban", 18), Column("Thành viên", 22), Column("Cuộc họp, giám sát", 26),
         Column("Kiến nghị", 20), Column("Đã giải quyết", 24), Column("Tỷ lệ", 18)],
        [[b.label, b.boards, b.members, b.meetings, b.recommendations, b.resolved,
          format_percent(b.resolved, b.recommendations)] for b in t.boards],
    )  # fmt: skip


def charters_sentence(t: figures.Totals) -> str:
    parts = []
    for kind, label in CharterKind.choices:
        states = t.charters.get(kind, {})
        in_force = sum(states.get(s, 0) for s in IN_FORCE)
        if in_force or states.get(CharterState.DRAFTED):
            part = f"{format_number(in_force)} {label.lower()} được công nhận"
            if states.get(CharterState.REVISED):
                part += f" (trong đó {format_number(states[CharterState.REVISED])} bản sửa đổi, bổ sung)"
            if states.get(CharterState.DRAFTED):
                part += f", {format_number(states[CharterState.DRAFTED])} {label.lower()} đang xây dựng"
            parts.append(part)
    if not parts:
        return "Trong năm chưa ghi nhận hương ước, quy ước nào."
    return (
        f"Về hương ước, quy ước của cộng đồng dân cư: {'; '.join(parts)}; "
        f"{format_number(t.villages)} thôn, ấp, khu phố có hương ước, quy ước được công nhận."
    )


def dialogues_sentence(t: figures.Totals) -> str:
    if not t.dialogues:
        return "Trong năm chưa ghi nhận cuộc đối thoại tại nơi làm việc nào."
    return (
        f"Các cơ quan, đơn vị, doanh nghiệp tổ chức {format_number(t.dialogues)} cuộc đối thoại tại nơi làm việc "
        f"với {format_number(t.participants)} lượt người tham dự; {format_number(t.issues)} ý kiến, kiến nghị được "
        f"nêu, đã giải quyết {format_number(t.resolved)} ý kiến ({format_percent(t.resolved, t.issues)})."
    )


def summary(year: int) -> str:
    return f"Kết quả thực hiện dân chủ ở cơ sở năm {year}"


def report_document(data: ReportData, assessment: str = "", tasks: str = "") -> Document:
    unit, year, day, t = data.unit, data.year, data.day, data.totals
    issuer = scope_issuer(unit, day)
    scope = scope_word(unit)
    cited = grounds(year)
    lead = f"Thực hiện {'; '.join(cited)}, " if cited else ""
    intro = f"{lead}{body_name(issuer)} báo cáo kết quả thực hiện dân chủ ở cơ sở năm {year} {_in_area(unit)} như sau:"
    blocks: list = [Paragraph(intro)]
    if data.absorbed:
        blocks.append(Paragraph(scope_sentence(scope, [u.name for u in data.absorbed]), italic=True))
    blocks += [
        Heading("I. CÔNG TÁC LÃNH ĐẠO, CHỈ ĐẠO", 1),
        Paragraph(leadership_sentence(t, scope)),
        Heading("II. KẾT QUẢ THỰC HIỆN", 1),
        Heading("1. Công khai thông tin", 2),
        Paragraph(
            f"Các đơn vị đã công khai {format_number(t.done)}/{format_number(t.items)} nội dung phải công khai theo "
            f"quy định ({format_percent(t.done, t.items)}), cụ thể:"
        ),
        disclosure_table(t),
        Heading("2. Nhân dân bàn và quyết định", 2),
        Paragraph(matters_sentence(t)),
        Heading("3. Ban Thanh tra nhân dân, Ban Giám sát đầu tư của cộng đồng", 2),
        boards_table(t),
        Heading("4. Xây dựng và thực hiện hương ước, quy ước", 2),
        Paragraph(charters_sentence(t)),
        Heading("5. Đối thoại tại nơi làm việc", 2),
        Paragraph(dialogues_sentence(t)),
        Heading("III. ĐÁNH GIÁ CHUNG", 1),
        *clerk_paragraphs(assessment, ASSESSMENT_HINT),
        Heading(f"IV. PHƯƠNG HƯỚNG, NHIỆM VỤ NĂM {year + 1}", 1),
        *clerk_paragraphs(tasks, TASKS_HINT),
    ]
    return compose(
        doc_choices.REPORT, issuer.unit, day, summary(year), blocks, addressees_for(PURPOSE, issuer, day),
        issuer=issuer,
    )  # fmt: skip
