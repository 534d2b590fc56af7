"""A unit's scorecard printed as a Party-format report of the unit (through danvan.documents): every
criterion with its maximum, the unit's own score and, once appraised, the commission's, then the totals."""

from __future__ import annotations

import datetime as dt

from django.utils import timezone

from danvan.core.vn import clean_text, fold
from danvan.documents.choices import REPORT
from danvan.documents.services import compose, scope_issuer
from danvan.documents.spec import Column, Document, Paragraph, Table
from danvan.emulation import tree
from danvan.emulation.choices import Kind, Status
from danvan.emulation.models import Grade, Scorecard
from danvan.emulation.rules import format_score
from danvan.emulation.services import load_tree, scores_by_criterion

KIND_NOTE = {Kind.BONUS: " (điểm thưởng)", Kind.PENALTY: " (điểm trừ)"}


def shows_appraisal(card: Scorecard, totals: tree.Totals) -> bool:
    return card.status in (Status.APPRAISING, Status.FINAL) or totals.appraised > 0


def scorecard_document(card: Scorecard, day: dt.date | None = None) -> Document:
    """The report "Tự chấm điểm thi đua năm ..." issued by the card's unit on `day` (default today)."""
    day = day or timezone.localdate()
    criteria = load_tree(card.criteria_set_id)
    scores = scores_by_criterion(card)
    totals = tree.compute(criteria, scores)
    appraisal = shows_appraisal(card, totals)
    criteria_set = card.criteria_set
    columns = [Column("STT", 14), Column("Nội dung", None, align="left"), Column("Điểm tối đa", 20, align="right")]
    columns.append(Column("Tự chấm", 19, align="right"))
    if appraisal:
        columns.append(Column("Thẩm định", 21, align="right"))
    rows, bold = [], set()
    for node in criteria.nodes:
        criterion = node.criterion
        if node.parent is None:
            bold.add(len(rows))
        if node.is_leaf:
            score = scores.get(node.pk)
            own = format_score(score.self_score) if score is not None else ""
            result = format_score(score.result) if score is not None and score.result is not None else ""
        else:
            subtotal = totals.nodes[node.pk]
            own, result = format_score(subtotal.self_score), format_score(subtotal.result)
        content = clean_text(criterion.content)
        note = KIND_NOTE.get(node.kind, "") if node.parent is None else ""
        if note and fold(note.strip(" ()")) not in fold(content):
            content += note
        row = [criterion.number, content, format_score(node.max_score), own]
        if appraisal:
            row.append(result)
        rows.append(row)
    bold.add(len(rows))
    total_row = ["", "TỔNG CỘNG", format_score(criteria.total_max), format_score(totals.self_total)]
    if appraisal:
        total_row.append(format_score(totals.appraised_total))
    rows.append(total_row)
    shown = totals.appraised_total if appraisal else totals.self_total
    grade = tree.grade_for(shown, Grade.objects.filter(criteria_set_id=card.criteria_set_id))
    blocks = [
        Paragraph(
            f"Thực hiện {clean_text(criteria_set.name)} của {criteria_set.unit_name}, {card.unit_name} tự chấm "
            f"điểm thi đua năm {criteria_set.year} như sau:"
        ),
        Table(columns=columns, rows=rows, bold_rows=frozenset(bold)),
        Paragraph(_summary(card, totals, criteria, appraisal, grade)),
    ]
    issuer = scope_issuer(card.unit, day)
    return compose(
        REPORT,
        issuer.unit,
        day,
        f"Tự chấm điểm thi đua năm {criteria_set.year}",
        blocks,
        [f"{criteria_set.unit_name} (báo cáo)", "Lưu VP"],
        issuer=issuer,
    )


def _summary(card, totals, criteria, appraisal: bool, grade) -> str:
    text = f"Tổng điểm tự chấm: {format_score(totals.self_total)}/{format_score(criteria.total_max)} điểm"
    if appraisal:
        text += f"; điểm thẩm định: {format_score(totals.appraised_total)} điểm"
    if grade is not None:
        text += f"; xếp loại: {grade.name}"
    return text + "."


def scorecard_docx(card: Scorecard, day: dt.date | None = None) -> bytes:
    from danvan.documents.docx import render_docx

    return render_docx(scorecard_document(card, day))
