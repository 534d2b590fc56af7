"""The statistics page's figures: per organization, the members of a year over a unit's area, against the
year before over the same area; the population and the people organized.

Each report holds one unit's own figures, so an area's total is the sum over its units. The figures are
counts on a day (the period's end), not flows, so a year counts the units that exist at its end (31/12, or
still open): a unit ended during the year (a district on 30/6/2025, a commune merged) is not added to what it
became, whose year-end figures already hold its people. Such a unit counts once per organization and year:
its latest report of the year (the whole year when given, else the first half). Every sum is a GROUP BY in
the database over `restrict(user)`.

Across the 2025 reform the area is the chosen unit as it is today with every unit merged, split or renamed
into it (`scoping.with_history`, the statistics' "mapped to today's units"): the year and the year before are
summed over that same area, so a merged province's 2024 figures include the provinces it absorbed.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from django.db.models import Count, Exists, OuterRef, Q, QuerySet, Sum

from danvan.core import scoping
from danvan.core.models import valid_on_q
from danvan.membership.models import MembershipReport, Organization, PopulationFigure

SUMS = ("members", "women", "ethnic_minority", "religious")


@dataclass
class OrgRow:
    organization: Organization
    members: int = 0
    women: int = 0
    ethnic_minority: int = 0
    religious: int = 0
    units: int = 0
    previous: int | None = None  # last year's members; None when nothing was reported then

    @property
    def change(self) -> int | None:
        return None if self.previous is None else self.members - self.previous


@dataclass
class Summary:
    year: int
    rows: list[OrgRow] = field(default_factory=list)
    memberships: int = 0  # the sum of every organization's members: a person in two counts twice
    previous_memberships: int | None = None
    population: int = 0
    organized: int = 0  # people in at least one organization, each once
    population_units: int = 0
    previous_population: int | None = None
    previous_organized: int | None = None
    absorbed: list = field(default_factory=list)

    @property
    def memberships_per_person(self) -> float | None:
        return self.memberships / self.organized if self.organized else None


def area_paths(root) -> list[str]:
    """The root's subtree and those of every unit merged, split or renamed into it."""
    return scoping.minimal_paths(scoping.with_history({root.pk: root.path}).values())


def _in_area(qs: QuerySet, root) -> QuerySet:
    if root is None:
        return qs
    q = Q()
    for path in area_paths(root):
        q |= scoping.subtree_q("unit__path", path)
    return qs.filter(q)


def latest_reports(qs: QuerySet) -> QuerySet:
    """Each unit's (and organization's) latest report of its year: none of the same year covers more months."""
    later = MembershipReport.objects.filter(
        unit=OuterRef("unit"),
        organization=OuterRef("organization"),
        year=OuterRef("year"),
        months__gt=OuterRef("months"),
    )
    return qs.exclude(Exists(later))


def latest_population(qs: QuerySet) -> QuerySet:
    later = PopulationFigure.objects.filter(unit=OuterRef("unit"), year=OuterRef("year"), months__gt=OuterRef("months"))
    return qs.exclude(Exists(later))


def counted_years(years: list[int]) -> Q:
    """Rows of these years whose unit exists at the year's end."""
    q = Q(pk__in=[])
    for y in years:
        q |= Q(year=y) & valid_on_q(dt.date(y, 12, 31), prefix="unit__")
    return q


def summary(user, root, year: int) -> Summary:
    reports = latest_reports(_in_area(MembershipReport.objects.restrict(user), root))
    grouped = (
        reports.filter(counted_years([year, year - 1]))
        .values("organization", "year")
        .annotate(units=Count("unit", distinct=True), **{name: Sum(name) for name in SUMS})
        .order_by()
    )
    found: dict[tuple[int, int], dict] = {(g["organization"], g["year"]): g for g in grouped}
    start, end = dt.date(year - 1, 1, 1), dt.date(year, 12, 31)
    organizations = Organization.objects.filter(
        Q(pk__in={org for org, _ in found}) | Q(pk__in=Organization.objects.valid_during(start, end))
    ).order_by("order", "name")
    result = Summary(year=year)
    for organization in organizations:
        row = OrgRow(organization)
        this = found.get((organization.pk, year))
        if this:
            for name in SUMS:
                setattr(row, name, this[name] or 0)
            row.units = this["units"]
        last = found.get((organization.pk, year - 1))
        if last:
            row.previous = last["members"] or 0
        result.rows.append(row)
    result.memberships = sum(r.members for r in result.rows)
    if any(r.previous is not None for r in result.rows):
        result.previous_memberships = sum(r.previous or 0 for r in result.rows)
    figures = latest_population(_in_area(PopulationFigure.objects.restrict(user), root))
    people = (
        figures.filter(counted_years([year, year - 1]))
        .values("year")
        .annotate(population=Sum("population"), organized=Sum("organized"), units=Count("unit", distinct=True))
        .order_by()
    )
    for g in people:
        if g["year"] == year:
            result.population, result.organized, result.population_units = g["population"], g["organized"], g["units"]
        else:
            result.previous_population, result.previous_organized = g["population"], g["organized"]
    if root is not None:
        result.absorbed = [u for u in _carried(root) if u.pk != root.pk and u.valid_until and u.valid_until < end]
    return result


def _carried(root) -> list:
    from danvan.org.models import Unit

    return list(Unit.objects.filter(pk__in=scoping.with_history({root.pk: root.path})).order_by("path"))
