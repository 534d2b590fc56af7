"""What every score-sheet view shares: scoped fetches and the 403 page that says why."""

from __future__ import annotations

from decimal import Decimal, InvalidOperation

from django.shortcuts import get_object_or_404

from danvan.emulation.models import CriteriaSet, Criterion, Scorecard
from danvan.emulation.rules import format_score

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


def get_set(request, pk: int) -> CriteriaSet:
    """The set if the user may see it (the commission's scope); 404 otherwise."""
    queryset = CriteriaSet.objects.restrict(request.user).select_related("unit", "unit__kind", "unit__parent")
    return get_object_or_404(queryset, pk=pk)


def get_card(request, pk: int) -> Scorecard:
    """The scorecard if the user may see its unit; another unit's scorecard does not exist for them."""
    queryset = Scorecard.objects.restrict(request.user).select_related(
        "unit", "unit__parent", "criteria_set", "criteria_set__unit", "submitted_by"
    )
    return get_object_or_404(queryset, pk=pk)


def get_criterion(request, pk: int) -> Criterion:
    queryset = Criterion.objects.restrict(request.user).select_related("criteria_set", "criteria_set__unit", "parent")
    return get_object_or_404(queryset, pk=pk)


SCORE_LABELS = {"Điểm tự chấm", "Điểm thẩm định", "Điểm tối đa", "Từ (điểm)"}


def readable_scores(history: list) -> list:
    """Scores in the change log as the commission writes them ("9,5", not "9.50")."""
    for _entry, changes in history:
        for change in changes:
            if change.label in SCORE_LABELS:
                change.before, change.after = _score_text(change.before), _score_text(change.after)
    return history


def _score_text(text: str) -> str:
    try:
        return format_score(Decimal(text))
    except (InvalidOperation, ValueError):
        return text


def attachment(response, filename: str):
    from django.utils.http import content_disposition_header

    response["Content-Disposition"] = content_disposition_header(True, filename)
    return response
