"""Emulation score sheets ("bản điểm thi đua"): a criteria tree per year and group of units, one
scorecard per unit (self-assessment, appraisal, final), and the classes that rank them."""

from __future__ import annotations

from decimal import Decimal

from django.conf import settings
from django.db import models

from danvan.core.models import ScopedModel
from danvan.core.uploads import RandomName
from danvan.emulation.choices import Kind, Status


def _score_field(label: str, **extra) -> models.DecimalField:
    return models.DecimalField(label, max_digits=6, decimal_places=2, **extra)


class CriteriaSet(ScopedModel):
    """A year's score sheet adopted by a commission (its `unit`) for a group of units.

    The member units are the units that have a scorecard in it. Its criteria can be edited until
    the first scorecard is submitted; from then on the set is locked (`locked_at`).
    """

    name = models.CharField("tên bản điểm", max_length=300)
    year = models.PositiveSmallIntegerField("năm")
    unit = models.ForeignKey("org.Unit", verbose_name="cơ quan chấm điểm", on_delete=models.PROTECT, related_name="+")
    unit_name = models.CharField("tên cơ quan chấm điểm lúc lập", max_length=255)
    description = models.TextField("căn cứ, ghi chú", blank=True)
    copied_from = models.ForeignKey(
        "self", verbose_name="sao chép từ", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    locked_at = models.DateTimeField("khóa lúc", null=True, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name="người lập", null=True, blank=True, on_delete=models.SET_NULL,
        related_name="+",
    )  # fmt: skip
    created_at = models.DateTimeField("ngày tạo", auto_now_add=True)

    changelog_exclude = ("created_at",)

    class Meta:
        verbose_name = "bản điểm thi đua"
        verbose_name_plural = "bản điểm thi đua"
        ordering = ["-year", "name"]
        indexes = [models.Index(fields=["unit", "-year"], name="emulation_set_unit_idx")]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        from django.urls import reverse

        return reverse("emulation:set", args=[self.pk])

    @property
    def is_locked(self) -> bool:
        return self.locked_at is not None


class Grade(ScopedModel):
    """A class of the ranking: a total of at least `min_score` earns it (the highest one reached)."""

    criteria_set = models.ForeignKey(
        CriteriaSet, verbose_name="bản điểm", on_delete=models.CASCADE, related_name="grades"
    )
    name = models.CharField("xếp loại", max_length=120)
    min_score = _score_field("từ (điểm)")

    scope_path = "criteria_set__unit__path"
    changelog_parents = ("criteria_set",)

    class Meta:
        verbose_name = "mức xếp loại"
        verbose_name_plural = "mức xếp loại"
        ordering = ["criteria_set", "-min_score"]
        constraints = [models.UniqueConstraint(fields=["criteria_set", "min_score"], name="emulation_grade_unique")]

    def __str__(self) -> str:
        return f"{self.name} (từ {self.min_score})"

    def changelog_unit_id(self) -> int | None:
        return self.criteria_set.unit_id


class Criterion(ScopedModel):
    """A node of the criteria tree: a part, a section or a criterion; bonus and penalty items too.

    Only leaves are scored and carry `max_score` (for a penalty: the most that can be deducted); a
    parent's maximum is the sum of its children's. `position` ("I.1.a"), `depth` and `order` (the
    pre-order rank in the set) are kept by services.renumber after every change of the tree.
    """

    criteria_set = models.ForeignKey(
        CriteriaSet, verbose_name="bản điểm", on_delete=models.CASCADE, related_name="criteria"
    )
    parent = models.ForeignKey(
        "self", verbose_name="mục cấp trên", null=True, blank=True, on_delete=models.CASCADE, related_name="children"
    )
    kind = models.CharField("loại", max_length=10, choices=Kind.choices, default=Kind.CRITERION)
    number = models.CharField("số thứ tự", max_length=12)
    position = models.CharField("vị trí", max_length=60, editable=False, default="")
    depth = models.PositiveSmallIntegerField(default=0, editable=False)
    order = models.PositiveIntegerField(default=0, editable=False)
    content = models.TextField("nội dung")
    max_score = _score_field("điểm tối đa", null=True, blank=True)
    guidance = models.TextField("hướng dẫn chấm", blank=True)
    evidence = models.TextField("minh chứng", blank=True)

    scope_path = "criteria_set__unit__path"
    changelog_exclude = ("position", "depth", "order")
    changelog_parents = ("criteria_set",)

    class Meta:
        verbose_name = "tiêu chí"
        verbose_name_plural = "tiêu chí"
        ordering = ["criteria_set", "order"]
        indexes = [models.Index(fields=["criteria_set", "order"], name="emulation_criterion_order_idx")]

    def __str__(self) -> str:
        text = " ".join(self.content.split())
        return f"{self.position} {text[:120]}".strip()

    def changelog_unit_id(self) -> int | None:
        return self.criteria_set.unit_id


class Scorecard(ScopedModel):
    """One unit's scorecard in a set: self-assessment, appraisal by the commission, then final."""

    criteria_set = models.ForeignKey(
        CriteriaSet, verbose_name="bản điểm", on_delete=models.CASCADE, related_name="scorecards"
    )
    unit = models.ForeignKey("org.Unit", verbose_name="đơn vị", on_delete=models.PROTECT, related_name="+")
    unit_name = models.CharField("tên đơn vị lúc chấm", max_length=255)
    status = models.CharField("trạng thái", max_length=12, choices=Status.choices, default=Status.DRAFT)
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name="người nộp", null=True, blank=True, on_delete=models.SET_NULL,
        related_name="+",
    )  # fmt: skip
    submitted_at = models.DateTimeField("nộp lúc", null=True, blank=True)
    finalized_at = models.DateTimeField("chốt lúc", null=True, blank=True)
    created_at = models.DateTimeField("ngày tạo", auto_now_add=True)

    # When it was submitted and finalized is on the workflow timeline, with who and why.
    changelog_exclude = ("created_at", "submitted_at", "finalized_at")

    class Meta:
        verbose_name = "bảng chấm điểm thi đua"
        verbose_name_plural = "bảng chấm điểm thi đua"
        ordering = ["criteria_set", "unit_name"]
        constraints = [models.UniqueConstraint(fields=["criteria_set", "unit"], name="emulation_scorecard_unique")]
        indexes = [
            models.Index(fields=["criteria_set", "status"], name="emulation_card_status_idx"),
            models.Index(fields=["unit", "criteria_set"], name="emulation_card_unit_idx"),
        ]

    def __str__(self) -> str:
        return self.unit_name

    def get_absolute_url(self) -> str:
        from django.urls import reverse

        return reverse("emulation:card", args=[self.pk])

    @property
    def is_final(self) -> bool:
        return self.status == Status.FINAL


class Score(ScopedModel):
    """The scores of one criterion on one scorecard: the unit's own, and the commission's adjustment.

    An appraised score left empty keeps the self-score; a penalty's score is the points deducted.
    """

    scorecard = models.ForeignKey(Scorecard, verbose_name="bảng điểm", on_delete=models.CASCADE, related_name="scores")
    criterion = models.ForeignKey(Criterion, verbose_name="tiêu chí", on_delete=models.CASCADE, related_name="scores")
    self_score = _score_field("điểm tự chấm", null=True, blank=True)
    evidence = models.TextField("minh chứng, giải trình", blank=True)
    appraised_score = _score_field("điểm thẩm định", null=True, blank=True)
    comment = models.TextField("nhận xét thẩm định", blank=True)
    updated_at = models.DateTimeField(auto_now=True)

    scope_path = "scorecard__unit__path"
    changelog_exclude = ("updated_at",)
    changelog_parents = ("scorecard",)

    class Meta:
        verbose_name = "điểm tiêu chí"
        verbose_name_plural = "điểm tiêu chí"
        constraints = [models.UniqueConstraint(fields=["scorecard", "criterion"], name="emulation_score_unique")]

    def __str__(self) -> str:
        return str(self.criterion)

    def changelog_unit_id(self) -> int | None:
        return self.scorecard.unit_id

    @property
    def result(self) -> Decimal | None:
        """The score that counts after appraisal."""
        return self.appraised_score if self.appraised_score is not None else self.self_score


class EvidenceFile(ScopedModel):
    """A document or photo a unit attaches to its scorecard, optionally for one criterion."""

    scorecard = models.ForeignKey(Scorecard, verbose_name="bảng điểm", on_delete=models.CASCADE, related_name="files")
    criterion = models.ForeignKey(
        Criterion, verbose_name="tiêu chí", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    file = models.FileField("tệp", upload_to=RandomName("emulation"), max_length=300)
    original_name = models.CharField("tên tệp", max_length=255, blank=True)
    caption = models.CharField("chú thích", max_length=300, blank=True)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name="người tải lên", null=True, on_delete=models.SET_NULL, related_name="+"
    )
    uploaded_at = models.DateTimeField(auto_now_add=True)

    scope_path = "scorecard__unit__path"
    changelog_parents = ("scorecard",)

    class Meta:
        verbose_name = "tệp minh chứng"
        verbose_name_plural = "tệp minh chứng"
        ordering = ["uploaded_at", "id"]

    def __str__(self) -> str:
        return self.caption or self.original_name or self.file.name.rsplit("/", 1)[-1]

    def changelog_unit_id(self) -> int | None:
        return self.scorecard.unit_id
