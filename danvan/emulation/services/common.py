"""What the score-sheet services share: messages, permission checks, loading a tree."""

from __future__ import annotations

import datetime as dt

from django.core.exceptions import PermissionDenied, ValidationError

from danvan.core import scoping
from danvan.core.services import raise_errors as _raise  # noqa: F401 - used across emulation services
from danvan.core.vn import clean_text
from danvan.emulation import tree
from danvan.emulation.choices import Status
from danvan.emulation.models import CriteriaSet, Criterion, Score, Scorecard
from danvan.org.models import Unit

S = Status
MSG_SET_LOCKED = (
    "Bản điểm đã có đơn vị nộp bảng tự chấm nên đã khóa; không sửa được tiêu chí và mức xếp loại. "
    "Nếu cần thay đổi, hãy sao chép thành bản điểm mới."
)
MSG_CARD_FINAL = "Bảng điểm đã chốt nên không sửa được."
MSG_CARD_SUBMITTED = "Bảng điểm đã nộp nên đơn vị không sửa được điểm tự chấm (trừ khi được trả lại)."
MSG_NOT_APPRAISING = "Chỉ nhập điểm thẩm định khi bảng điểm đang ở trạng thái “Đang thẩm định”."
FIRST_YEAR, LAST_YEAR = 2000, 2100
STATE_LABELS = dict(Status.choices)


def can_manage(user, criteria_set: CriteriaSet) -> bool:
    """The commission: review rights on the set's unit (or above it)."""
    return scoping.covers(user, criteria_set.unit.path, scoping.REVIEW)


def _require_manage(user, criteria_set: CriteriaSet) -> None:
    if not can_manage(user, criteria_set):
        raise PermissionDenied(f"Chỉ {criteria_set.unit.name} (cơ quan chấm điểm) mới sửa được bản điểm này.")


def _require_unlocked(criteria_set: CriteriaSet) -> None:
    # Read again: the first submission may have locked it since the page was loaded.
    if CriteriaSet.objects.filter(pk=criteria_set.pk, locked_at__isnull=False).exists():
        raise ValidationError(MSG_SET_LOCKED)


def year_bounds(year: int) -> tuple[dt.date, dt.date]:
    return dt.date(year, 1, 1), dt.date(year, 12, 31)


def load_tree(criteria_set_id: int) -> tree.Tree:
    return tree.Tree(Criterion.objects.filter(criteria_set_id=criteria_set_id))


def scores_by_criterion(card: Scorecard) -> dict[int, Score]:
    return {score.criterion_id: score for score in Score.objects.filter(scorecard=card)}


def _check_set(name: str, year: int | None, unit: Unit | None) -> list[tuple[str, str]]:
    errors = []
    if not clean_text(name):
        errors.append(("name", "Cần nhập tên bản điểm."))
    if year is None or not FIRST_YEAR <= year <= LAST_YEAR:
        errors.append(("year", f"Năm phải trong khoảng {FIRST_YEAR}–{LAST_YEAR}."))
    elif unit is not None and not unit.overlaps(*year_bounds(year)):
        errors.append(("unit", f"“{unit.name}” không hoạt động trong năm {year} ({unit.period_label.lower()})."))
    return errors
