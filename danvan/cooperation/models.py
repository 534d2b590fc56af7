"""Coordination programmes and regulations ("chương trình, quy chế phối hợp") between the commission and
other bodies: the parties, the items each led by one of them, each year's joint plan and evaluation
meeting, the interim and final reviews, and the agreement that replaces one.

Scoping: a programme belongs to the unit that follows it (the commission, a district or commune
committee); its items, year plans and evaluations are read through it. Reviews are the planning
register's milestones: each programme keeps a linked `planning.Directive`, saved by this app's services
through planning's, so due dates, overdue states, reminders and the review lists work unchanged.
"""

from __future__ import annotations

import datetime as dt

from django.db import models
from django.db.models import Case, Q, Value, When
from django.urls import reverse

from danvan.cooperation.choices import Kind, State
from danvan.core.models import ConfigItem, ScopedModel, ScopedQuerySet
from danvan.core.uploads import RandomName
from danvan.core.vn import fold, text_date


class Party(ConfigItem):
    """A body that signs programmes (Ban Dân vận Tỉnh ủy, Ủy ban nhân dân tỉnh, Công an tỉnh...), dated."""

    abbreviation = models.CharField(
        "viết tắt trong số hiệu", max_length=20, blank=True, help_text="Ví dụ: BDVTU, BCSĐUBND, MTTQ"
    )

    class Meta(ConfigItem.Meta):
        verbose_name = "bên tham gia phối hợp"
        verbose_name_plural = "bên tham gia phối hợp"


def in_force_q(start: dt.date, end: dt.date, prefix: str = "") -> Q:
    """Programmes whose period overlaps [start, end]."""
    return Q(**{f"{prefix}valid_from__lte": end}) & (
        Q(**{f"{prefix}valid_until__isnull": True}) | Q(**{f"{prefix}valid_until__gte": start})
    )


class ProgrammeQuerySet(ScopedQuerySet):
    def with_state(self, day: dt.date) -> ProgrammeQuerySet:
        """Annotate `state` on `day` so lists filter and count by it in SQL."""
        return self.annotate(
            state=Case(
                When(valid_from__gt=day, then=Value(State.NOT_YET)),
                When(valid_until__lt=day, replaced_by__isnull=False, then=Value(State.REPLACED)),
                When(valid_until__lt=day, then=Value(State.EXPIRED)),
                default=Value(State.IN_FORCE),
                output_field=models.CharField(),
            )
        )

    def in_force_during(self, start: dt.date, end: dt.date) -> ProgrammeQuerySet:
        return self.filter(in_force_q(start, end))

    def in_year(self, year: int) -> ProgrammeQuerySet:
        return self.in_force_during(dt.date(year, 1, 1), dt.date(year, 12, 31))

    def to_evaluate(self, year: int) -> ProgrammeQuerySet:
        """Programmes whose year `year` an evaluation meeting must review: in force at the year's end (one that
        ended or was replaced during the year is reviewed by its final review or its successor)."""
        last = dt.date(year, 12, 31)
        return self.filter(Q(valid_from__lte=last) & (Q(valid_until__isnull=True) | Q(valid_until__gte=last)))


class Programme(ScopedModel):
    """A coordination programme, regulation or joint plan signed by two or more parties."""

    unit = models.ForeignKey(
        "org.Unit", verbose_name="đơn vị theo dõi", on_delete=models.PROTECT, related_name="cooperation_programmes"
    )
    kind = models.CharField("loại", max_length=12, choices=Kind.choices, default=Kind.PROGRAMME)
    number = models.CharField("số hiệu", max_length=60, help_text="Ghi như trên văn bản, ví dụ 161-CTr/BCSĐUBND-BDVTU")
    number_key = models.CharField(max_length=60, editable=False, default="")
    title = models.TextField("trích yếu")
    signed_on = models.DateField("ngày ký")
    valid_from = models.DateField("hiệu lực từ ngày")
    valid_until = models.DateField("hiệu lực đến ngày", null=True, blank=True, help_text="Để trống: không thời hạn")
    parties = models.ManyToManyField(Party, verbose_name="các bên ký kết", blank=True, related_name="programmes")
    other_parties = models.TextField(
        "các bên khác", blank=True, help_text="Cơ quan không có trong danh mục, mỗi dòng một cơ quan"
    )
    parties_label = models.CharField("các bên", max_length=1000, editable=False, default="")
    interim_years = models.CharField(
        "sơ kết sau (năm)", max_length=60, blank=True, help_text="Một hoặc nhiều số, cách nhau bởi dấu phẩy: 3"
    )
    final_years = models.PositiveSmallIntegerField("tổng kết sau (năm)", null=True, blank=True)
    replaced_by = models.ForeignKey(
        "self",
        verbose_name="được thay thế bởi",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="replaces",
    )
    directive = models.OneToOneField(
        "planning.Directive",
        verbose_name="văn bản theo dõi sơ kết, tổng kết",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="cooperation_programme",
    )
    search_text = models.TextField(editable=False, default="")
    created_at = models.DateTimeField("ngày tạo", auto_now_add=True)
    updated_at = models.DateTimeField("cập nhật lúc", auto_now=True)
    version = models.PositiveIntegerField(default=1)

    # The parties are logged as one line ("các bên"), configured and other bodies alike.
    changelog_exclude = ("number_key", "search_text", "created_at", "updated_at", "version", "other_parties")
    objects = models.Manager.from_queryset(ProgrammeQuerySet)()

    class Meta:
        verbose_name = "chương trình, quy chế phối hợp"
        verbose_name_plural = "chương trình, quy chế phối hợp"
        ordering = ["-signed_on", "-id"]
        constraints = [
            models.UniqueConstraint(fields=["unit", "number_key", "signed_on"], name="programme_unique"),
        ]
        indexes = [
            models.Index(fields=["unit", "-signed_on"], name="programme_unit_idx"),
            models.Index(fields=["valid_from", "valid_until"], name="programme_period_idx"),
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} số {self.number}"

    def get_absolute_url(self) -> str:
        return reverse("cooperation:detail", args=[self.pk])

    @property
    def label(self) -> str:
        """ "Chương trình phối hợp số 161-CTr/BCSĐUBND-BDVTU, ngày 12/3/2021"."""
        return f"{self.get_kind_display()} số {self.number}, ngày {text_date(self.signed_on)}"

    @property
    def other_party_names(self) -> list[str]:
        return [line.strip() for line in self.other_parties.splitlines() if line.strip()]

    @property
    def period_label(self) -> str:
        if self.valid_until:
            return f"Từ {text_date(self.valid_from)} đến {text_date(self.valid_until)}"
        return f"Từ {text_date(self.valid_from)}, không thời hạn"

    def state_on(self, day: dt.date) -> str:
        if self.valid_from > day:
            return State.NOT_YET
        if self.valid_until is not None and self.valid_until < day:
            return State.REPLACED if self.replaced_by_id else State.EXPIRED
        return State.IN_FORCE

    def in_force_in(self, year: int) -> bool:
        return self.valid_from <= dt.date(year, 12, 31) and (
            self.valid_until is None or self.valid_until >= dt.date(year, 1, 1)
        )

    def to_evaluate_in(self, year: int) -> bool:
        last = dt.date(year, 12, 31)
        return self.valid_from <= last and (self.valid_until is None or self.valid_until >= last)

    def years_in_force(self, until: int) -> list[int]:
        last = min(until, self.valid_until.year) if self.valid_until else until
        return list(range(self.valid_from.year, last + 1))

    def compute_search_text(self) -> str:
        return fold(" ".join([self.number, self.title, self.parties_label]))

    def save(self, *args, **kwargs):
        from danvan.planning.rules import number_key

        self.number_key = number_key(self.number)
        self.search_text = self.compute_search_text()
        super().save(*args, **kwargs)


class ProgrammeItem(ScopedModel):
    """An item of a programme: what is to be done, the party that leads it and those taking part.

    The lead and the partners are written by name, as the programme names its parties (a configured
    party or one of its other bodies), so a commune's programme works the same as the province's."""

    programme = models.ForeignKey(
        Programme, verbose_name="văn bản phối hợp", on_delete=models.CASCADE, related_name="items"
    )
    order = models.PositiveSmallIntegerField("thứ tự")
    content = models.TextField("nội dung")
    lead = models.CharField("cơ quan chủ trì", max_length=200)
    partners = models.CharField("cơ quan phối hợp", max_length=1000, blank=True)

    scope_path = "programme__unit__path"
    changelog_parents = ("programme",)

    class Meta:
        verbose_name = "nội dung phối hợp"
        verbose_name_plural = "nội dung phối hợp"
        ordering = ["programme", "order", "id"]
        constraints = [models.UniqueConstraint(fields=["programme", "order"], name="programme_item_order")]

    def __str__(self) -> str:
        text = " ".join(self.content.split())
        return f"{self.order}. {text[:120]}"

    def changelog_unit_id(self) -> int | None:
        return self.programme.unit_id

    @property
    def partner_names(self) -> list[str]:
        return [name.strip() for name in self.partners.split(";") if name.strip()]


class YearPlan(ScopedModel):
    """The joint plan the parties issue for one year of the programme."""

    programme = models.ForeignKey(
        Programme, verbose_name="văn bản phối hợp", on_delete=models.CASCADE, related_name="year_plans"
    )
    year = models.PositiveSmallIntegerField("năm")
    number = models.CharField("số, ký hiệu", max_length=60, blank=True, help_text="Ví dụ: 05-KHPH/BDVTU-UBND")
    issued_on = models.DateField("ngày ban hành")
    content = models.TextField("nội dung chính", blank=True)
    file = models.FileField("tệp kế hoạch", upload_to=RandomName("cooperation/ke-hoach"), max_length=300, blank=True)
    file_name = models.CharField("tên tệp", max_length=255, blank=True)
    version = models.PositiveIntegerField(default=1)

    scope_path = "programme__unit__path"
    changelog_exclude = ("version",)
    changelog_parents = ("programme",)

    class Meta:
        verbose_name = "kế hoạch phối hợp năm"
        verbose_name_plural = "kế hoạch phối hợp năm"
        ordering = ["programme", "year"]
        constraints = [models.UniqueConstraint(fields=["programme", "year"], name="year_plan_once")]

    def __str__(self) -> str:
        number = f" số {self.number}" if self.number else ""
        return f"Kế hoạch phối hợp năm {self.year}{number}"

    def changelog_unit_id(self) -> int | None:
        return self.programme.unit_id


class Evaluation(ScopedModel):
    """The yearly joint meeting that evaluates a year of the programme ("hội nghị sơ kết năm")."""

    programme = models.ForeignKey(
        Programme, verbose_name="văn bản phối hợp", on_delete=models.CASCADE, related_name="evaluations"
    )
    year = models.PositiveSmallIntegerField("năm được đánh giá")
    held_on = models.DateField("ngày tổ chức")
    chair = models.CharField("chủ trì", max_length=300, help_text="Họ tên, chức vụ các đồng chí đồng chủ trì")
    result = models.TextField("kết quả đánh giá")
    file = models.FileField(
        "tệp báo cáo, biên bản", upload_to=RandomName("cooperation/so-ket-nam"), max_length=300, blank=True
    )
    file_name = models.CharField("tên tệp", max_length=255, blank=True)
    version = models.PositiveIntegerField(default=1)

    scope_path = "programme__unit__path"
    changelog_exclude = ("version",)
    changelog_parents = ("programme",)

    class Meta:
        verbose_name = "hội nghị đánh giá năm"
        verbose_name_plural = "hội nghị đánh giá năm"
        ordering = ["programme", "year"]
        constraints = [models.UniqueConstraint(fields=["programme", "year"], name="evaluation_once")]
        indexes = [models.Index(fields=["year", "programme"], name="evaluation_year_idx")]

    def __str__(self) -> str:
        return f"Đánh giá kết quả năm {self.year} ({text_date(self.held_on)})"

    def changelog_unit_id(self) -> int | None:
        return self.programme.unit_id
