"""Planning documents: the work plan ("KẾ HOẠCH"), the supervision announcement ("THÔNG BÁO kết luận")
and the reviews of a year ("BÁO CÁO" in Word, a list in Excel).

Data first (`reviews_rows` reads scoped querysets), then rendering through the documents engine
(`compose` + `render_docx`), as the yearly statistics report does.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from django.utils import timezone

from danvan.core.vn import text_date
from danvan.core.xlsx import Column as XlsxColumn
from danvan.core.xlsx import writer
from danvan.documents import choices as doc_choices
from danvan.documents.docx import render_docx
from danvan.documents.issuers import NoIssuer, body_name
from danvan.documents.services import compose, scope_issuer
from danvan.documents.spec import Document, Heading, Paragraph
from danvan.org.models import Unit
from danvan.planning.choices import QUARTERS, ReviewState, quarter_bounds
from danvan.planning.models import KeyTask, Milestone, Supervision, WorkPlan
from danvan.planning.services.common import committee_root

__all__ = [
    "NoIssuer",
    "ReviewRow",
    "announcement_document",
    "plan_document",
    "render_docx",
    "reviews_document",
    "reviews_rows",
    "reviews_workbook",
]

_LEADING_NUMBER = re.compile(r"\s*(\d+)")


def document_number(text: str) -> int | None:
    """The number of "15-KH/BDVTU" as the engine prints it again ("Số 15-KH/BDVTU"); None for a draft."""
    match = _LEADING_NUMBER.match(text or "")
    return int(match.group(1)) if match else None


def paragraphs(text: str) -> list[Paragraph]:
    """A text field as body paragraphs, one per non-empty line."""
    return [Paragraph(line.strip()) for line in (text or "").splitlines() if line.strip()]


def _lower_first(text: str) -> str:
    return text[:1].lower() + text[1:] if text else text


def _join(names: list[str]) -> str:
    """ "A", "A và B", "A, B và C"."""
    if len(names) <= 1:
        return "".join(names)
    return f"{', '.join(names[:-1])} và {names[-1]}"


def _standing(root: Unit) -> str:
    """ "Thường trực Tỉnh ủy Tây Ninh": to whom a commission reports."""
    return f"Thường trực {root.name}"


# --- Work plan ------------------------------------------------------------------------------------


def plan_summary(plan: WorkPlan) -> str:
    title = plan.title.strip()
    if title.lower().startswith("kế hoạch "):
        title = title[len("kế hoạch ") :]
    return title[:1].upper() + title[1:]


def plan_document(plan: WorkPlan, day: dt.date | None = None) -> Document:
    """The plan as a Party-format "KẾ HOẠCH": purpose, the key tasks one by one, implementation."""
    day = day or plan.issued_on or timezone.localdate()
    tasks = list(
        KeyTask.objects.filter(plan=plan)
        .select_related("lead_unit", "directive__type")
        .prefetch_related("partner_units")
        .order_by("number")
    )
    blocks: list = []
    roman = iter(["I", "II", "III", "IV"])
    if plan.purpose.strip():
        blocks += [Heading(f"{next(roman)}. MỤC ĐÍCH, YÊU CẦU", 1), *paragraphs(plan.purpose)]
    blocks.append(Heading(f"{next(roman)}. NHIỆM VỤ TRỌNG TÂM", 1))
    if not tasks:
        blocks.append(Paragraph("(Chưa có nhiệm vụ.)", italic=True))
    for task in tasks:
        content = " ".join(task.content.split())
        blocks.append(Paragraph(content if content[-1:] in ".;:!?" else f"{content}.", lead=f"{task.number}."))
        if task.directive_id:
            blocks.append(Paragraph(f"- Văn bản thực hiện: {task.directive.label}."))
        partners = [u.name for u in task.partner_units.all()]
        units = f"- Đơn vị chủ trì: {task.lead_unit.name}"
        if partners:
            units += f"; phối hợp: {', '.join(partners)}"
        blocks.append(Paragraph(f"{units}."))
        blocks.append(Paragraph(f"- Thời gian hoàn thành: {text_date(task.deadline)}."))
    if plan.implementation.strip():
        blocks += [Heading(f"{next(roman)}. TỔ CHỨC THỰC HIỆN", 1), *paragraphs(plan.implementation)]
    root = committee_root(plan.unit)
    recipients = [f"{_standing(root)} (báo cáo)", "Các cơ quan, đơn vị có liên quan", "Lưu VP"]
    issuer = scope_issuer(plan.unit, day)
    return compose(
        doc_choices.PLAN,
        issuer.unit,
        day,
        plan_summary(plan),
        blocks,
        recipients,
        number=document_number(plan.number),
        issuer=issuer,
    )


# --- Supervision announcement --------------------------------------------------------------------


def supervised_label(sup: Supervision, units: list[Unit]) -> str:
    return sup.subject_label.strip() or _join([u.name for u in units])


def announcement_summary(sup: Supervision, units: list[Unit]) -> str:
    activity = sup.get_activity_display().lower()
    return f"Kết luận {activity} {_lower_first(sup.topic.strip().rstrip('.'))} đối với {supervised_label(sup, units)}"


def announcement_document(sup: Supervision, day: dt.date | None = None) -> Document:
    """ "THÔNG BÁO Kết luận giám sát ..." with what was found, the conclusions and the recommendations."""
    day = day or sup.concluded_on or timezone.localdate()
    units = list(sup.supervised_units.order_by("path"))
    recs = list(sup.recommendations.select_related("responsible_unit").order_by("deadline", "id"))
    issuer = scope_issuer(sup.unit, day)
    activity = sup.get_activity_display().lower()
    who = supervised_label(sup, units)
    when = ""
    if sup.actual_start:
        end = sup.actual_end or sup.actual_start
        when = f"từ ngày {text_date(sup.actual_start)} đến ngày {text_date(end)}, "
    team = f"Đoàn {activity} do đồng chí {sup.team_head} làm trưởng đoàn" if sup.team_head else f"Đoàn {activity}"
    blocks: list = [
        Paragraph(
            f"Thực hiện Chương trình kiểm tra, giám sát năm {sup.year} của {sup.unit.name}, {when}{team} "
            f"đã tiến hành {activity} {_lower_first(sup.topic.strip().rstrip('.'))} đối với {who}."
        ),
        Paragraph(
            f"Sau khi xem xét báo cáo của Đoàn {activity} và ý kiến của các đơn vị được {activity}, "
            f"{body_name(issuer)} kết luận như sau:"
        ),
        Heading("I. KẾT QUẢ THỰC HIỆN", 1),
        *(paragraphs(sup.findings) or [Paragraph("(Chưa ghi kết quả.)", italic=True)]),
        Heading("II. KẾT LUẬN", 1),
        *(paragraphs(sup.conclusions) or [Paragraph("(Chưa ghi kết luận.)", italic=True)]),
    ]
    if recs:
        blocks.append(Heading("III. KIẾN NGHỊ", 1))
        for index, rec in enumerate(recs, start=1):
            blocks.append(
                Paragraph(
                    f"{rec.content.rstrip('.')} (đơn vị thực hiện: {rec.responsible_unit.name}; "
                    f"thời hạn: {text_date(rec.deadline)}).",
                    lead=f"{index}.",
                )
            )
    root = committee_root(sup.unit)
    recipients = [u.name for u in units] + [f"{_standing(root)} (báo cáo)", f"Thành viên Đoàn {activity}", "Lưu VP"]
    return compose(
        doc_choices.ANNOUNCEMENT,
        issuer.unit,
        day,
        announcement_summary(sup, units),
        blocks,
        recipients,
        number=document_number(sup.announcement_number),
        issuer=issuer,
    )


# --- Reviews of a year ----------------------------------------------------------------------------


@dataclass
class ReviewRow:
    citation: str
    full_citation: str
    due_date: dt.date
    state: str
    report_number: str
    report_date: dt.date | None
    unit_name: str

    @property
    def state_label(self) -> str:
        return ReviewState(self.state).label


def reviews_rows(user, year: int, unit: Unit | None, day: dt.date, quarter: int | None = None) -> list[ReviewRow]:
    """The reviews due in `year` (or one of its quarters) that the user may see, with their state on `day`."""
    start, end = quarter_bounds(year, quarter) if quarter else (dt.date(year, 1, 1), dt.date(year, 12, 31))
    qs = Milestone.objects.restrict(user).due_between(start, end).with_directive()
    if unit is not None:
        from danvan.core import scoping

        qs = qs.filter(scoping.subtree_q("directive__unit__path", unit.path))
    return [
        ReviewRow(
            citation=m.citation,
            full_citation=m.full_citation,
            due_date=m.due_date,
            state=m.state_on(day),
            report_number=m.report_number,
            report_date=m.report_date if m.report_date and m.report_date <= day else None,
            unit_name=m.directive.unit.name,
        )
        for m in qs.order_by("due_date", "id")
    ]


def _period(year: int, quarter: int | None) -> str:
    return f"quý {QUARTERS[quarter].split()[-1]} năm {year}" if quarter else f"năm {year}"  # "quý I", not "quý i"


def reviews_document(
    rows: list[ReviewRow], year: int, unit: Unit | None, day: dt.date, quarter: int | None = None
) -> Document:
    """ "BÁO CÁO Tình hình sơ kết, tổng kết ..." listing the reviews due, by state, in the citation style."""
    period = _period(year, quarter)
    counts = {state: sum(1 for r in rows if r.state == state) for state in ReviewState.values}
    blocks: list = []
    if rows:
        parts = [f"đã thực hiện {counts[ReviewState.DONE]}"]
        if counts[ReviewState.OVERDUE]:
            parts.append(f"quá hạn {counts[ReviewState.OVERDUE]}")
        if counts[ReviewState.PENDING]:
            parts.append(f"chưa đến hạn {counts[ReviewState.PENDING]}")
        blocks.append(
            Paragraph(
                f"Theo danh mục văn bản chỉ đạo đang theo dõi, trong {period} có {len(rows)} nội dung sơ kết, "
                f"tổng kết đến hạn; đến ngày {text_date(day)}: {', '.join(parts)}. Cụ thể như sau:"
            )
        )
    else:
        blocks.append(Paragraph(f"Trong {period} không có nội dung sơ kết, tổng kết nào đến hạn."))
    sections = [
        (ReviewState.DONE, "CÁC NỘI DUNG ĐÃ THỰC HIỆN"),
        (ReviewState.OVERDUE, "CÁC NỘI DUNG QUÁ HẠN, CHƯA THỰC HIỆN"),
        (ReviewState.PENDING, "CÁC NỘI DUNG CHƯA ĐẾN HẠN"),
    ]
    roman = iter(["I", "II", "III"])
    for state, title in sections:
        group = [r for r in rows if r.state == state]
        if not group:
            continue
        blocks.append(Heading(f"{next(roman)}. {title}", 1))
        for index, row in enumerate(group, start=1):
            text = f"{row.full_citation} (thời hạn {text_date(row.due_date)})"
            if state == ReviewState.DONE:
                text += f": Báo cáo số {row.report_number}, ngày {text_date(row.report_date)}."
            else:
                text += "."
            blocks.append(Paragraph(text, lead=f"{index}."))
    if counts[ReviewState.OVERDUE]:
        blocks.append(
            Paragraph(
                "Đề nghị các cơ quan, đơn vị được giao chủ trì khẩn trương tham mưu tổ chức sơ kết, tổng kết "
                "các nội dung quá hạn và báo cáo kết quả."
            )
        )
    issuer = scope_issuer(unit, day)
    root = committee_root(unit if unit is not None else issuer.unit)
    return compose(
        doc_choices.REPORT,
        issuer.unit,
        day,
        f"Tình hình sơ kết, tổng kết các nghị quyết, chỉ thị, kết luận {period}",
        blocks,
        [f"{_standing(root)} (báo cáo)", "Lưu VP"],
        issuer=issuer,
    )


REVIEW_COLUMNS = [
    XlsxColumn("STT", "index", width=6),
    XlsxColumn("Nội dung sơ kết, tổng kết", "citation", width=80),
    XlsxColumn("Thời hạn", "due_date", width=12),
    XlsxColumn("Tình trạng", "state", width=16),
    XlsxColumn("Số báo cáo", "report_number", width=18),
    XlsxColumn("Ngày báo cáo", "report_date", width=14),
    XlsxColumn("Đơn vị theo dõi", "unit_name", width=40),
]


def reviews_workbook(rows: list[ReviewRow], year: int) -> bytes:
    cells = (
        [i, r.full_citation, r.due_date, r.state_label, r.report_number, r.report_date, r.unit_name]
        for i, r in enumerate(rows, start=1)
    )
    return writer.workbook_bytes(writer.build_workbook(REVIEW_COLUMNS, cells, f"Sơ kết, tổng kết {year}"))
