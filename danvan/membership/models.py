"""Membership of the mass organizations: aggregate figures a unit reports for a period.

A `MembershipReport` is one unit × one organization × one period (a year, or its first half): how many
members the organization has at that unit (its own figures, not those of the units below it; an area's
total is the sum over its units), with the women, ethnic minority members and religious followers among
them. The people a unit counts once whatever the number of organizations they belong to, and its
population, are reported once per unit and period in a `PopulationFigure`: distinct people against the sum
of memberships, and the share of the population organized.
"""

from __future__ import annotations

import datetime as dt

from django.db import models
from django.urls import reverse

from danvan.core.models import ConfigItem, ScopedModel
from danvan.membership.choices import Period


class Organization(ConfigItem):
    """A mass organization whose members are counted (Hội Nông dân, Đoàn Thanh niên...)."""

    class Meta(ConfigItem.Meta):
        verbose_name = "tổ chức chính trị - xã hội"
        verbose_name_plural = "tổ chức chính trị - xã hội"


class PeriodMixin(models.Model):
    year = models.PositiveSmallIntegerField("năm")
    months = models.PositiveSmallIntegerField("kỳ báo cáo", choices=Period.choices, default=Period.YEAR)

    class Meta:
        abstract = True

    @property
    def period_start(self) -> dt.date:
        return dt.date(self.year, 1, 1)

    @property
    def period_end(self) -> dt.date:
        return period_end(self.year, self.months)

    @property
    def period_label(self) -> str:
        return period_label(self.year, self.months)


def period_end(year: int, months: int) -> dt.date:
    return dt.date(year, 6, 30) if months == Period.HALF else dt.date(year, 12, 31)


def period_label(year: int, months: int) -> str:
    return f"{Period(months).label} {year}" if months == Period.HALF else f"Năm {year}"


class MembershipReport(PeriodMixin, ScopedModel):
    """One organization's members at one unit, as at the end of a period."""

    unit = models.ForeignKey("org.Unit", verbose_name="đơn vị", on_delete=models.PROTECT, related_name="+")
    organization = models.ForeignKey(
        Organization, verbose_name="tổ chức", on_delete=models.PROTECT, related_name="reports"
    )
    members = models.PositiveIntegerField("số đoàn viên, hội viên")
    women = models.PositiveIntegerField("trong đó nữ", default=0)
    ethnic_minority = models.PositiveIntegerField("dân tộc thiểu số", default=0)
    religious = models.PositiveIntegerField("có đạo (tín đồ tôn giáo)", default=0)
    # By sector (choices.SECTORS): each member in one sector at most.
    farmers = models.PositiveIntegerField("nông dân", default=0)
    workers = models.PositiveIntegerField("công nhân, lao động", default=0)
    officials = models.PositiveIntegerField("cán bộ, công chức, viên chức", default=0)
    students = models.PositiveIntegerField("học sinh, sinh viên", default=0)
    armed_forces = models.PositiveIntegerField("lực lượng vũ trang", default=0)
    other_sector = models.PositiveIntegerField("thành phần khác", default=0)
    version = models.PositiveIntegerField(default=1)

    changelog_exclude = ("version",)

    class Meta:
        verbose_name = "số liệu đoàn viên, hội viên"
        verbose_name_plural = "số liệu đoàn viên, hội viên"
        ordering = ["-year", "-months", "unit__path", "organization__order", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["unit", "organization", "year", "months"], name="membership_report_unique_period"
            )
        ]
        indexes = [
            models.Index(fields=["year", "organization"], name="membership_year_org_idx"),
            models.Index(fields=["unit", "year"], name="membership_unit_year_idx"),
        ]

    def __str__(self) -> str:
        return f"{self.organization} – {self.unit} – {self.period_label}"

    def get_absolute_url(self) -> str:
        return reverse("membership:report-detail", args=[self.pk])


class PopulationFigure(PeriodMixin, ScopedModel):
    """A unit's population and the people in at least one organization (each counted once), for a period."""

    unit = models.ForeignKey("org.Unit", verbose_name="đơn vị", on_delete=models.PROTECT, related_name="+")
    population = models.PositiveIntegerField("dân số")
    organized = models.PositiveIntegerField(
        "số người tham gia ít nhất một tổ chức", help_text="Mỗi người chỉ tính một lần dù tham gia nhiều tổ chức."
    )
    version = models.PositiveIntegerField(default=1)

    changelog_exclude = ("version",)

    class Meta:
        verbose_name = "dân số và số người được tập hợp"
        verbose_name_plural = "dân số và số người được tập hợp"
        ordering = ["-year", "-months", "unit__path", "id"]
        constraints = [
            models.UniqueConstraint(fields=["unit", "year", "months"], name="membership_population_unique_period")
        ]

    def __str__(self) -> str:
        return f"Dân số – {self.unit} – {self.period_label}"
