"""The ranking of a set (data), and its renderings: an xlsx sheet and a Party-format Word report.

Totals are summed by the database (one GROUP BY over the scores, penalties deducted); ranks share
ties (1, 2, 2, 4); classes come from the thresholds configured on the set. Only final scorecards
are ranked and classed; the others are listed below them with their provisional totals.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass, field
from decimal import Decimal

from django.db.models import Case, Count, DecimalField, F, Sum, Value, When
from django.db.models.functions import Coalesce
from django.utils import timezone
from openpyxl import Workbook
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter

from danvan.core.db import ViCollate
from danvan.core.vn import clean_text
from danvan.core.xlsx import writer
from danvan.emulation import tree
from danvan.emulation.choices import Kind, Status
from danvan.emulation.models import CriteriaSet, Criterion, Grade, Scorecard
from danvan.emulation.rules import format_score

TOTAL = DecimalField(max_digits=9, decimal_places=2)


def _signed_sum(value) -> Coalesce:
    """SUM over a scorecard's scores, penalty items counted negative."""
    deducted = value * Value(Decimal("-1"), output_field=TOTAL)
    per_row = Case(When(scores__criterion__kind=Kind.PENALTY, then=deducted), default=value, output_field=TOTAL)
    return Coalesce(Sum(per_row), Value(Decimal("0"), output_field=TOTAL), output_field=TOTAL)


SELF_TOTAL = _signed_sum(F("scores__self_score"))
APPRAISED_TOTAL = _signed_sum(Coalesce(F("scores__appraised_score"), F("scores__self_score"), output_field=TOTAL))


@dataclass
class RankRow:
    card_id: int
    unit_name: str
    status: str
    self_total: Decimal
    appraised_total: Decimal
    rank: int | None = None
    grade: str = ""

    @property
    def difference(self) -> Decimal:
        return self.appraised_total - self.self_total

    @property
    def is_final(self) -> bool:
        return self.status == Status.FINAL

    @property
    def status_label(self) -> str:
        return Status(self.status).label


@dataclass
class Ranking:
    criteria_set: CriteriaSet
    rows: list[RankRow]
    grades: list[Grade]
    total_max: Decimal
    by_grade: list[tuple[str, int]] = field(default_factory=list)

    @property
    def ranked(self) -> list[RankRow]:
        return [row for row in self.rows if row.rank is not None]

    @property
    def pending(self) -> list[RankRow]:
        return [row for row in self.rows if row.rank is None]

    def top(self, n: int) -> list[RankRow]:
        """The units ranked n-th or better (more than n when units tie at the n-th place)."""
        return [row for row in self.ranked if row.rank <= n]


def total_max(criteria_set_id: int) -> Decimal:
    """The sheet's maximum: the leaf criteria's points (bonus and penalty items excluded)."""
    leaves = Criterion.objects.filter(criteria_set_id=criteria_set_id, kind=Kind.CRITERION, children__isnull=True)
    return leaves.aggregate(total=Sum("max_score"))["total"] or Decimal("0")


def ranking(criteria_set: CriteriaSet, user) -> Ranking:
    """The scorecards of the set the user may see, with totals, ranks and classes."""
    grades = list(Grade.objects.filter(criteria_set=criteria_set))
    cards = (
        Scorecard.objects.restrict(user)
        .filter(criteria_set=criteria_set)
        .annotate(self_total=SELF_TOTAL, appraised_total=APPRAISED_TOTAL)
        .order_by(ViCollate("unit_name"))
        .values_list("pk", "unit_name", "status", "self_total", "appraised_total")
    )
    rows = [RankRow(*values) for values in cards]
    final = sorted((r for r in rows if r.is_final), key=lambda r: -r.appraised_total)  # stable: name order kept
    for row in final:
        row.rank = 1 + sum(1 for other in final if other.appraised_total > row.appraised_total)
        reached = tree.grade_for(row.appraised_total, grades)
        row.grade = reached.name if reached else ""
    others = [r for r in rows if not r.is_final]
    counts = Counter(row.grade for row in final)
    by_grade = [(g.name, counts.get(g.name, 0)) for g in grades]
    return Ranking(criteria_set, final + others, grades, total_max(criteria_set.pk), by_grade)


def status_counts(user, year: int | None = None) -> dict[str, int]:
    """Scorecards the user may see, by state (one GROUP BY), for the dashboard: every state present."""
    cards = Scorecard.objects.restrict(user)
    if year is not None:
        cards = cards.filter(criteria_set__year=year)
    found = dict(cards.order_by().values_list("status").annotate(n=Count("id")))
    return {value: found.get(value, 0) for value in Status.values}


# --- xlsx ----------------------------------------------------------------------------------------

HEADERS = [
    "STT",
    "Đơn vị",
    "Tổng điểm tự chấm",
    "Tổng điểm thẩm định",
    "Chênh lệch",
    "Xếp hạng",
    "Xếp loại",
    "Trạng thái",
]
WIDTHS = [6, 46, 14, 14, 12, 10, 30, 16]


def ranking_xlsx(result: Ranking) -> bytes:
    """The ranking as a workbook: a title block, then one row per unit, numbers as numbers."""
    criteria_set = result.criteria_set
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "Kết quả"
    sheet.append([f"KẾT QUẢ CHẤM ĐIỂM THI ĐUA NĂM {criteria_set.year}"])
    sheet["A1"].font = Font(bold=True, size=13)
    sheet.append([criteria_set.name])
    sheet.append([f"Điểm tối đa: {format_score(result.total_max)} điểm (chưa kể điểm thưởng)"])
    sheet.append([])
    sheet.append(HEADERS)
    header_row = sheet.max_row
    for cell in sheet[header_row]:
        cell.font = Font(bold=True)
        cell.alignment = Alignment(wrap_text=True, horizontal="center", vertical="center")
    for index, row in enumerate(result.rows, start=1):
        sheet.append(
            [
                index,
                row.unit_name,
                float(row.self_total),
                float(row.appraised_total),
                float(row.difference),
                row.rank,
                row.grade,
                row.status_label,
            ]
        )
    for column, width in enumerate(WIDTHS, start=1):
        sheet.column_dimensions[get_column_letter(column)].width = width
    for cells in sheet.iter_rows(min_row=header_row + 1, min_col=3, max_col=5):
        for cell in cells:
            cell.number_format = "0.00"
    sheet.freeze_panes = sheet.cell(row=header_row + 1, column=3)
    return writer.workbook_bytes(workbook)


# --- Word report ---------------------------------------------------------------------------------


def issuing_unit(criteria_set: CriteriaSet, day: dt.date):
    """Who issues the report on `day`: the set's commission, or its successor after a merger
    (the 2021 results are reported today by the Ban Tuyên giáo và Dân vận)."""
    from danvan.documents.issuers import issuing_unit as scope_owner

    return scope_owner(criteria_set.unit, day)


def ranking_document(result: Ranking, day: dt.date | None = None):
    """A Party-format report "Kết quả chấm điểm thi đua năm ..." (documents.spec.Document)."""
    from danvan.documents.choices import REPORT
    from danvan.documents.services import compose
    from danvan.documents.spec import Column, Heading, Paragraph, Table

    criteria_set = result.criteria_set
    day = day or timezone.localdate()
    unit = issuing_unit(criteria_set, day)
    year = criteria_set.year
    ranked, pending = result.ranked, result.pending
    blocks = [
        Paragraph(
            f"Thực hiện {clean_text(criteria_set.name)}, {criteria_set.unit_name} đã hướng dẫn các đơn vị tự chấm "
            f"điểm và tổ chức thẩm định kết quả chấm điểm thi đua năm {year}. Thang điểm tối đa "
            f"{format_score(result.total_max)} điểm (chưa kể điểm thưởng). Kết quả như sau:"
        ),
        Heading("I. KẾT QUẢ CHẤM ĐIỂM, XẾP HẠNG", 1),
        Table(
            columns=[
                Column("STT", 12),
                Column("Đơn vị", 48),
                Column("Tự chấm", 19, align="right"),
                Column("Thẩm định", 19, align="right"),
                Column("Xếp hạng", 16, align="center"),
                Column("Xếp loại"),
            ],
            rows=[
                [
                    index,
                    row.unit_name,
                    format_score(row.self_total),
                    format_score(row.appraised_total),
                    str(row.rank),
                    row.grade,
                ]
                for index, row in enumerate(ranked, start=1)
            ],
        ),
        Heading("II. XẾP LOẠI", 1),
    ]
    counts = dict(result.by_grade)
    for grade, where in tree.grade_ranges(result.grades):
        blocks.append(Paragraph(f"- {grade.name} ({where}): {counts.get(grade.name, 0)} đơn vị."))
    if pending:
        names = ", ".join(row.unit_name for row in pending)
        blocks.append(
            Paragraph(f"Có {len(pending)} đơn vị chưa có kết quả thẩm định chính thức nên chưa xếp hạng: {names}.")
        )
    if ranked:
        leaders = ", ".join(row.unit_name for row in result.top(3))
        blocks.append(Heading("III. ĐỀ XUẤT", 1))
        blocks.append(
            Paragraph(
                f"Trên cơ sở kết quả chấm điểm, {unit.name} đề xuất xem xét khen thưởng các đơn vị "
                f"dẫn đầu phong trào thi đua năm {year}: {leaders}."
            )
        )
    return compose(
        REPORT,
        unit,
        day,
        f"Kết quả chấm điểm thi đua năm {year}",
        blocks,
        ["Thường trực Tỉnh ủy (báo cáo)", "Các đơn vị được chấm điểm", "Lưu VP"],
    )


def ranking_docx(result: Ranking, day: dt.date | None = None) -> bytes:
    from danvan.documents.docx import render_docx

    return render_docx(ranking_document(result, day))
