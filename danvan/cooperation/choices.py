"""Choices of the cooperation app: the kinds of joint document and the state of a programme on a day."""

from __future__ import annotations

from django.db import models


class Kind(models.TextChoices):
    PROGRAMME = "programme", "Chương trình phối hợp"
    REGULATION = "regulation", "Quy chế phối hợp"
    JOINT_PLAN = "joint_plan", "Kế hoạch liên tịch"


# The symbol each kind carries in its number ("161-CTr/BCSĐUBND-BDVTU") and the planning register's
# directive type its reviews are followed under (seeded by this app's data migration).
SYMBOLS = {Kind.PROGRAMME: "CTr", Kind.REGULATION: "QC", Kind.JOINT_PLAN: "KHLT"}
DIRECTIVE_TYPES = {
    Kind.PROGRAMME: "chuong-trinh-phoi-hop",
    Kind.REGULATION: "quy-che-phoi-hop",
    Kind.JOINT_PLAN: "ke-hoach-lien-tich",
}


class State(models.TextChoices):
    """Computed on a day, never stored: from the period and the replacing agreement."""

    IN_FORCE = "in_force", "Đang hiệu lực"
    NOT_YET = "not_yet", "Chưa có hiệu lực"
    EXPIRED = "expired", "Hết hiệu lực"
    REPLACED = "replaced", "Đã được thay thế"


STATE_BADGES = {
    State.IN_FORCE: "text-bg-success",
    State.NOT_YET: "text-bg-secondary",
    State.EXPIRED: "text-bg-light",
    State.REPLACED: "text-bg-warning",
}
