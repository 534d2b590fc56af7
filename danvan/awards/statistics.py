"""Award statistics as data: counts by year, award type, granting authority and recipient kind, and the
sentence the conferences use. Grouped queries only; the page, the xlsx, the Word report and the
dashboard all start from `award_report`.

What is counted: collectives and individuals named in issued decisions, whose unit lies in the
user's scope (and under `unit` when given): the awards the units in scope received.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from django.db.models import Count, Max, QuerySet
from django.utils import timezone

from danvan.awards.choices import DecisionStatus, RecipientKind
from danvan.awards.models import AwardType, Decision, Recipient
from danvan.core import scoping
from danvan.documents.phrasing import AwardCount, awards_sentence
from danvan.org.models import Unit

TREND_YEARS = 5


@dataclass
class Count2:
    """Collectives and individuals under one label."""

    label: str
    collectives: int = 0
    individuals: int = 0
    award_type: AwardType | None = None

    @property
    def total(self) -> int:
        return self.collectives + self.individuals

    def add(self, kind: str, count: int) -> None:
        if kind == RecipientKind.COLLECTIVE:
            self.collectives += count
        else:
            self.individuals += count


@dataclass
class AwardReport:
    year: int
    unit: Unit | None
    scope_label: str
    by_type: list[Count2]
    by_authority: list[Count2]
    trend: list[Count2]
    total: Count2
    decisions: int
    sentence: str
    sentences_by_year: list[str] = field(default_factory=list)


def awarded(user, unit: Unit | None = None, paths: Sequence[str] | None = None) -> QuerySet:
    """Recipients of issued decisions received within the user's scope (user None: the system, everything),
    in the unit's subtree or, when given, in these subtrees (the year's review: the units of its area)."""
    qs = Recipient.objects.awarded()
    if user is not None:
        qs = qs.received_within(user)
    if paths is None and unit is not None:
        paths = [unit.path]
    if paths is not None:
        qs = qs.filter(scoping.subtrees_q("unit__path", paths))
    return qs


def _by_type(qs: QuerySet, year: int) -> list[Count2]:
    grouped = qs.filter(decision__year=year).values_list("decision__award_type", "kind").annotate(n=Count("id"))
    counts: dict[int, Count2] = {}
    for type_id, kind, n in grouped:
        counts.setdefault(type_id, Count2("")).add(kind, n)
    types = AwardType.objects.filter(pk__in=counts).select_related("authority").order_by("order", "name")
    rows = []
    for award_type in types:
        row = counts[award_type.pk]
        row.label, row.award_type = award_type.name, award_type
        rows.append(row)
    return rows


def _by_authority(rows: list[Count2]) -> list[Count2]:
    merged: dict[int, Count2] = {}
    for row in rows:
        authority = row.award_type.authority
        target = merged.setdefault(authority.pk, Count2(authority.name))
        target.collectives += row.collectives
        target.individuals += row.individuals
    return list(merged.values())


def _trend(qs: QuerySet, years: range) -> list[Count2]:
    rows = {year: Count2(str(year)) for year in years}
    grouped = qs.filter(decision__year__in=list(years)).values_list("decision__year", "kind").annotate(n=Count("id"))
    for year, kind, n in grouped:
        rows[year].add(kind, n)
    return list(rows.values())


def sentence(rows: list[Count2], lead: str = "") -> str:
    counts = [AwardCount(r.award_type.authority.name, r.award_type.form, r.collectives, r.individuals) for r in rows]
    return awards_sentence(counts, lead=lead)


def award_report(user, year: int, unit: Unit | None = None, paths: Sequence[str] | None = None) -> AwardReport:
    qs = awarded(user, unit, paths)
    by_type = _by_type(qs, year)
    total = Count2("Tổng cộng", sum(r.collectives for r in by_type), sum(r.individuals for r in by_type))
    decisions = Decision.objects.filter(status=DecisionStatus.ISSUED, year=year)
    if user is not None:
        decisions = decisions.restrict(user)
    return AwardReport(
        year=year,
        unit=unit,
        scope_label=unit.name if unit else "Toàn bộ phạm vi",
        by_type=by_type,
        by_authority=_by_authority(by_type),
        trend=_trend(qs, range(year - TREND_YEARS + 1, year + 1)),
        total=total,
        decisions=decisions.count(),
        sentence=sentence(by_type, lead=f"Năm {year}, "),
    )


def latest_year(user) -> int:
    """The last year with awards in the user's scope (this year at most), or this year: the page's default."""
    this_year = timezone.localdate().year
    last = awarded(user).filter(decision__year__lte=this_year).aggregate(last=Max("decision__year"))["last"]
    return last or this_year


def dashboard_figures(user, year: int) -> dict:
    """For the home page: this year's collectives and individuals awarded in the user's scope, and the sentence."""
    by_type = _by_type(awarded(user), year)
    return {
        "year": year,
        "collectives": sum(r.collectives for r in by_type),
        "individuals": sum(r.individuals for r in by_type),
        "sentence": sentence(by_type),
    }
