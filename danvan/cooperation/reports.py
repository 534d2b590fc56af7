"""The year's report "BÁO CÁO kết quả thực hiện các chương trình, quy chế phối hợp năm Y": the programmes in
force over the scope, those signed and ended in the year, the yearly evaluation meetings held (and those
not held), the interim and final reviews due. Data first (`year_data`, scoped querysets, figures counted in
the database), then the Party-format document through the documents engine."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from django.db.models import Count

from danvan.cooperation.choices import Kind
from danvan.cooperation.models import Evaluation, Programme
from danvan.core import scoping
from danvan.core.vn import format_number, text_date
from danvan.documents import choices as doc_choices
from danvan.documents.addressees import addressees_for
from danvan.documents.issuers import NoIssuer, body_name, scope_word
from danvan.documents.models import Purpose
from danvan.documents.services import compose, report_day, scope_issuer
from danvan.documents.spec import Column, Document, Heading, Paragraph, Table
from danvan.planning.choices import ReviewState
from danvan.planning.models import Milestone

__all__ = ["NoIssuer", "YearData", "year_data", "year_document"]

MSG_NO_SCOPE = "Tài khoản chưa được phân quyền trên đơn vị nào nên chưa lập được báo cáo."
ASSESSMENT_HINT = "(Đánh giá chung: ưu điểm, hạn chế, nguyên nhân trong thực hiện các chương trình, quy chế phối hợp.)"
NEXT_HINT = "(Phương hướng, nhiệm vụ phối hợp năm sau.)"


@dataclass
class YearData:
    user: object
    unit: object
    year: int
    day: dt.date
    in_force: list[Programme] = field(default_factory=list)
    by_kind: dict[str, int] = field(default_factory=dict)
    signed: list[Programme] = field(default_factory=list)
    ended: list[Programme] = field(default_factory=list)
    evaluations: dict[int, Evaluation] = field(default_factory=dict)  # programme id -> the year's evaluation
    reviews: list[Milestone] = field(default_factory=list)  # due in the year

    @property
    def to_evaluate(self) -> list[Programme]:
        """In force at the year's end: those an evaluation meeting must review."""
        return [p for p in self.in_force if p.to_evaluate_in(self.year) or p.pk in self.evaluations]

    @property
    def not_evaluated(self) -> list[Programme]:
        return [p for p in self.to_evaluate if p.pk not in self.evaluations]

    def review_state(self, milestone: Milestone) -> str:
        return milestone.state_on(self.day)

    def reviews_in(self, state: str) -> list[Milestone]:
        return [m for m in self.reviews if self.review_state(m) == state]

    @property
    def figures(self) -> dict[str, int]:
        return {
            "in_force": len(self.in_force),
            **{f"in_force_{kind}": self.by_kind.get(kind, 0) for kind in Kind.values},
            "signed": len(self.signed),
            "ended": len(self.ended),
            "to_evaluate": len(self.to_evaluate),
            "evaluated": len(self.evaluations),
            "not_evaluated": len(self.not_evaluated),
            "reviews_due": len(self.reviews),
            "reviews_done": len(self.reviews_in(ReviewState.DONE)),
            "reviews_overdue": len(self.reviews_in(ReviewState.OVERDUE)),
        }


def scoped(user, unit):
    rows = Programme.objects.restrict(user)
    return rows.filter(scoping.subtree_q("unit__path", unit.path)) if unit is not None else rows


def year_data(user, unit, year: int, day: dt.date | None = None) -> YearData:
    start, end = dt.date(year, 1, 1), dt.date(year, 12, 31)
    day = day or report_day(year, unit)
    programmes = scoped(user, unit)
    in_force = list(programmes.in_year(year).select_related("unit").order_by("kind", "signed_on", "id"))
    counts = programmes.in_year(year).order_by().values("kind").annotate(n=Count("id"))
    evaluations = Evaluation.objects.restrict(user).filter(year=year, programme__in=[p.pk for p in in_force])
    reviews = (
        Milestone.objects.restrict(user)
        .filter(directive__cooperation_programme__in=[p.pk for p in in_force], due_date__range=(start, end))
        .with_directive()
        .order_by("due_date", "id")
    )
    return YearData(
        user=user,
        unit=unit,
        year=year,
        day=day,
        in_force=in_force,
        by_kind={row["kind"]: row["n"] for row in counts},
        signed=[p for p in in_force if p.signed_on.year == year],
        ended=[p for p in in_force if p.valid_until and start <= p.valid_until <= end],
        evaluations={e.programme_id: e for e in evaluations if e.held_on <= day},
        reviews=list(reviews),
    )


def kinds_sentence(data: YearData) -> str:
    parts = [f"{format_number(data.by_kind[k])} {Kind(k).label.lower()}" for k in Kind.values if data.by_kind.get(k)]
    return ", ".join(parts)


def overview(data: YearData, scope: str) -> str:
    text = f"Trong năm {data.year}, {scope} có {format_number(len(data.in_force))} văn bản phối hợp có hiệu lực"
    if data.in_force:
        text += f" ({kinds_sentence(data)})"
    text += f"; ký mới {format_number(len(data.signed))} văn bản" if data.signed else "; không ký mới văn bản nào"
    if data.ended:
        replaced = sum(1 for p in data.ended if p.replaced_by_id)
        text += f"; {format_number(len(data.ended))} văn bản hết hiệu lực"
        if replaced:
            text += f", trong đó {format_number(replaced)} văn bản được thay thế bằng văn bản mới"
    return text + "."


def programme_table(data: YearData) -> Table:
    rows = []
    for index, p in enumerate(data.in_force, start=1):
        evaluation = data.evaluations.get(p.pk)
        if evaluation:
            held = f"Ngày {text_date(evaluation.held_on)}"
        else:
            held = "Chưa tổ chức" if p.to_evaluate_in(data.year) else "Hết hiệu lực trong năm"
        rows.append([index, f"{p.label}\n{p.title}", p.parties_label.replace("; ", "; "), p.period_label, held])
    return Table(
        [Column("STT"), Column("Văn bản"), Column("Các bên ký kết"), Column("Hiệu lực"), Column("Đánh giá năm")],
        rows,
        widths=[12, 58, 43, 30, 22],
        font_size=11,
    )


def evaluation_blocks(data: YearData) -> list:
    blocks: list = []
    held = [(p, data.evaluations[p.pk]) for p in data.in_force if p.pk in data.evaluations]
    blocks.append(
        Paragraph(
            f"Đã tổ chức {format_number(len(held))}/{format_number(len(data.to_evaluate))} hội nghị đánh giá kết quả "
            f"thực hiện năm {data.year}" + (":" if held else ".")
        )
    )
    for programme, evaluation in held:
        result = " ".join(evaluation.result.split()).rstrip(".")
        blocks.append(
            Paragraph(
                f"- {programme.label}: hội nghị ngày {text_date(evaluation.held_on)}, do {evaluation.chair} chủ trì. "
                f"{result}."
            )
        )
    missing = data.not_evaluated
    if missing:
        late = data.day > dt.date(data.year, 12, 31)
        lead = "Chưa tổ chức đánh giá năm" if late else "Chưa tổ chức đánh giá năm (còn trong năm)"
        blocks.append(Paragraph(f"{lead} {data.year}: " + "; ".join(p.label for p in missing) + "."))
    return blocks


def review_blocks(data: YearData) -> list:
    if not data.reviews:
        return [Paragraph(f"Trong năm {data.year} không có nội dung sơ kết, tổng kết nào đến hạn.")]
    done, overdue = data.reviews_in(ReviewState.DONE), data.reviews_in(ReviewState.OVERDUE)
    pending = data.reviews_in(ReviewState.PENDING)
    parts = [f"đã thực hiện {format_number(len(done))}"]
    if overdue:
        parts.append(f"quá hạn {format_number(len(overdue))}")
    if pending:
        parts.append(f"chưa đến hạn {format_number(len(pending))}")
    blocks: list = [
        Paragraph(
            f"Trong năm {data.year} có {format_number(len(data.reviews))} nội dung sơ kết, tổng kết các văn bản "
            f"phối hợp đến hạn; đến ngày {text_date(data.day)}: {', '.join(parts)}."
        )
    ]
    for m in data.reviews:
        text = f"- {m.citation} (thời hạn {text_date(m.due_date)})"
        if m in done:
            text += f": Báo cáo số {m.report_number}, ngày {text_date(m.report_date)}."
        else:
            text += ": quá hạn, chưa thực hiện." if m in overdue else ": chưa đến hạn."
        blocks.append(Paragraph(text))
    return blocks


def summary(year: int) -> str:
    return f"Kết quả thực hiện các chương trình, quy chế phối hợp năm {year}"


def year_document(data: YearData, assessment: str = "", next_year: str = "") -> Document:
    issuer = scope_issuer(data.unit, data.day)
    scope = scope_word(data.unit)
    blocks: list = [
        Paragraph(
            f"Thực hiện các chương trình, quy chế phối hợp về công tác dân vận, {body_name(issuer)} báo cáo kết quả "
            f"thực hiện năm {data.year} như sau:"
        ),
        Heading("I. TÌNH HÌNH CÁC CHƯƠNG TRÌNH, QUY CHẾ PHỐI HỢP", 1),
        Paragraph(overview(data, scope)),
    ]
    if data.in_force:
        blocks.append(programme_table(data))
    blocks += [
        Heading("II. KẾT QUẢ ĐÁNH GIÁ THỰC HIỆN NĂM " + str(data.year), 1),
        *evaluation_blocks(data),
        Heading("III. SƠ KẾT, TỔNG KẾT CÁC CHƯƠNG TRÌNH, QUY CHẾ PHỐI HỢP", 1),
        *review_blocks(data),
        Heading("IV. ĐÁNH GIÁ CHUNG", 1),
        *_clerk(assessment, ASSESSMENT_HINT),
        Heading(f"V. PHƯƠNG HƯỚNG NĂM {data.year + 1}", 1),
        *_clerk(next_year, NEXT_HINT),
    ]
    return compose(
        doc_choices.REPORT, issuer.unit, data.day, summary(data.year), blocks,
        addressees_for(Purpose.COOPERATION, issuer, data.day), issuer=issuer,
    )  # fmt: skip


def _clerk(text: str, hint: str) -> list[Paragraph]:
    found = [line.strip() for line in (text or "").splitlines() if line.strip()]
    return [Paragraph(line) for line in found] if found else [Paragraph(hint, italic=True)]
