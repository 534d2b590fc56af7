from decimal import Decimal

from django.db import models


class Kind(models.TextChoices):
    """What a node of the criteria tree counts for: points earned, bonus points, or points deducted."""

    CRITERION = "criterion", "Tiêu chí"
    BONUS = "bonus", "Điểm thưởng"
    PENALTY = "penalty", "Điểm trừ"


class Status(models.TextChoices):
    DRAFT = "draft", "Nháp"
    SUBMITTED = "submitted", "Đã nộp"
    APPRAISING = "appraising", "Đang thẩm định"
    RETURNED = "returned", "Trả lại"
    FINAL = "final", "Đã chốt"


# The unit fills its self-assessment in these states; the commission appraises in APPRAISING.
SELF_EDITABLE = frozenset({Status.DRAFT, Status.RETURNED})

# The classes most provinces use; each set carries its own copy, editable until the set is locked.
DEFAULT_GRADES = [
    ("Hoàn thành xuất sắc nhiệm vụ", Decimal("90")),
    ("Hoàn thành tốt nhiệm vụ", Decimal("75")),
    ("Hoàn thành nhiệm vụ", Decimal("50")),
    ("Không hoàn thành nhiệm vụ", Decimal("0")),
]
