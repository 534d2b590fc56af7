"""The statistics' figures: per organization, the members of a year over an area against the year before
over the same area, by breakdown and by sector; the population and the people organized; the same by unit.

Each report holds one unit's own figures, so an area's total is the sum over its units. The figures are
counts on a day (the period's end), not flows, so a year counts the units that exist at its end (31/12, or
still open): a unit ended during the year (a district on 30/6/2025, a commune merged) is not added to what it
became, whose year-end figures already hold its people. Such a unit counts once per organization and year:
its latest report of the year (the whole year when given, else the first half). Every sum is a GROUP BY in
the database over `restrict(user)`.

Two ways of drawing the area and its units across the 2025 reform, as the practices' statistics do
(docs/statistics.md): *as at the time* (`AS_AT`, the default), the chosen unit as it was in the year, with
what had merged into it by the year's end (the old Tây Ninh alone in 2024; a commune formed in 2025 covers
its predecessors), its units as they were then; *mapped to today's units* (`TODAY`), the unit as it is today
with everything it ever inherited, every unit's figures counted under the unit of today it became. Both
years are summed over the same area, so the change compares like with like.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass, field

from django.db.models import Count, Exists, OuterRef, Q, QuerySet, Sum

from danvan.core import scoping
from danvan.core.models import valid_on_q
from danvan.core.vn import sort_key, text_date
from danvan.membership.choices import SECTOR_FIELDS, SECTORS
from danvan.membership.models import MembershipReport, Organization, PopulationFigure
from danvan.org import services as org_services
from danvan.org.areas import AS_AT, TODAY, Area, report_area
from danvan.org.models import Unit

SUMS = ("members", "women", "ethnic_minority", "religious", *SECTOR_FIELDS)


def _in_area(qs: QuerySet, area: Area) -> QuerySet:
    return qs.filter(area.q())


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


def counted_reports(user, area: Area) -> QuerySet:
    """The reports the year and the year before count: the user's, in the area, one per unit, organization
    and year, of units existing at the year's end."""
    reports = latest_reports(_in_area(MembershipReport.objects.restrict(user), area))
    return reports.filter(counted_years([area.year, area.year - 1]))


def counted_population(user, area: Area) -> QuerySet:
    figures = latest_population(_in_area(PopulationFigure.objects.restrict(user), area))
    return figures.filter(counted_years([area.year, area.year - 1]))


# --- By organization --------------------------------------------------------------------------------


@dataclass
class OrgRow:
    organization: Organization
    members: int = 0
    women: int = 0
    ethnic_minority: int = 0
    religious: int = 0
    farmers: int = 0
    workers: int = 0
    officials: int = 0
    students: int = 0
    armed_forces: int = 0
    other_sector: int = 0
    units: int = 0
    previous: int | None = None  # last year's members; None when nothing was reported then

    @property
    def change(self) -> int | None:
        return None if self.previous is None else self.members - self.previous

    @property
    def sectors(self) -> list[tuple[str, int]]:
        return [(label, getattr(self, name)) for name, label in SECTORS]

    @property
    def unclassified(self) -> int:
        """Members not counted in any sector (the unit did not break them all down)."""
        return self.members - sum(getattr(self, name) for name in SECTOR_FIELDS)


@dataclass
class UnitRow:
    key: object
    label: str
    memberships: int = 0
    previous: int | None = None
    population: int = 0
    organized: int = 0
    previous_organized: int | None = None

    @property
    def change(self) -> int | None:
        return None if self.previous is None else self.memberships - self.previous


@dataclass
class Summary:
    year: int
    mode: str = AS_AT
    rows: list[OrgRow] = field(default_factory=list)
    memberships: int = 0  # the sum of every organization's members: a person in two counts twice
    previous_memberships: int | None = None
    population: int = 0
    organized: int = 0  # people in at least one organization, each once
    population_units: int = 0
    previous_population: int | None = None
    previous_organized: int | None = None
    absorbed: list = field(default_factory=list)
    units: list[UnitRow] = field(default_factory=list)
    hidden_units: int = 0  # rows without any figure in either year, left out

    @property
    def memberships_per_person(self) -> float | None:
        return self.memberships / self.organized if self.organized else None

    @property
    def sector_totals(self) -> list[tuple[str, int]]:
        return [(label, sum(getattr(r, name) for r in self.rows)) for name, label in SECTORS]

    @property
    def unclassified(self) -> int:
        return sum(r.unclassified for r in self.rows)


def summary(user, root, year: int, mode: str = AS_AT, by_unit: bool = True) -> Summary:
    area = report_area(root, year, mode)
    reports = counted_reports(user, area)
    grouped = (
        reports.values("organization", "year")
        .annotate(units=Count("unit", distinct=True), **{name: Sum(name) for name in SUMS})
        .order_by()
    )
    found: dict[tuple[int, int], dict] = {(g["organization"], g["year"]): g for g in grouped}
    start, end = dt.date(year - 1, 1, 1), dt.date(year, 12, 31)
    organizations = Organization.objects.filter(
        Q(pk__in={org for org, _ in found}) | Q(pk__in=Organization.objects.valid_during(start, end))
    ).order_by("order", "name")
    result = Summary(year=year, mode=mode)
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
    people = (
        counted_population(user, area)
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
        result.absorbed = area.absorbed()
    if by_unit:
        result.units, result.hidden_units = unit_rows(user, area)
    return result


# --- By unit ----------------------------------------------------------------------------------------


def _below(area: Area):
    """The rows: the units one level below the root and below what it carries (the top units without a
    root); as at the time those of the year, mapped to today those of today."""
    if area.root is None:
        units = Unit.objects.filter(parent__isnull=True)
    else:
        units = Unit.objects.filter(parent__in=list(area.members))
    if area.mode == TODAY:
        return list(units.valid_on(area.day))
    return list(units.valid_during(dt.date(area.year, 1, 1), area.day))


def _bucketer(row_units: list[Unit]):
    """A function from a unit's path to the row unit whose subtree holds it (dict lookups)."""
    by_path = {u.path: u for u in row_units}
    lengths = sorted({len(p) for p in by_path}, reverse=True)

    def bucket(path: str) -> Unit | None:
        for length in lengths:
            unit = by_path.get(path[:length])
            if unit is not None:
                return unit
        return None

    return bucket


def _note(unit: Unit, area: Area) -> str:
    """ "đến 30/6/2025" for a unit gone before the area's day, "từ 1/7/2025" for one new in its year."""
    if unit.valid_until is not None and unit.valid_until < area.day:
        return f"đến {text_date(unit.valid_until)}"
    if area.mode == AS_AT and unit.valid_from is not None and unit.valid_from > dt.date(area.year, 1, 1):
        return f"từ {text_date(unit.valid_from)}"
    return ""


def unit_rows(user, area: Area) -> tuple[list[UnitRow], int]:
    """Memberships, population and people organized by the units below the root, both years over the same
    units. As at the time: the units of the year; last year's figures of a unit gone by then count under the
    unit of the year it became (lineage). Mapped to today: today's units, the figures of every unit ended
    since following its lineage. Figures nothing takes (a unit ended without a successor, the root's own)
    stay under the unit one level below the root that holds them, or "Trực tiếp tại …" the root. Every
    figure lands in one row, so the rows add up to the headline. Rows without figures in either year are
    left out (their number is returned)."""
    year = area.year
    members = defaultdict(int)
    for r in counted_reports(user, area).values("year", "unit_id").annotate(n=Sum("members")).order_by():
        members[(r["year"], r["unit_id"])] += r["n"] or 0
    people: dict[tuple[int, int], tuple[int, int]] = {
        (r["year"], r["unit_id"]): (r["p"] or 0, r["o"] or 0)
        for r in counted_population(user, area)
        .values("year", "unit_id")
        .annotate(p=Sum("population"), o=Sum("organized"))
        .order_by()
    }
    unit_ids = {uid for _, uid in [*members, *people]}
    looked_up = {
        pk: (path, vf, vu)
        for pk, path, vf, vu in Unit.objects.filter(pk__in=unit_ids).values_list(
            "pk", "path", "valid_from", "valid_until"
        )
    }
    row_units = _below(area)
    bucket = _bucketer(row_units)
    if area.mode == TODAY:  # a unit valid today stays itself; an ended one follows its lineage
        to_map = {
            pk
            for pk, (_, vf, vu) in looked_up.items()
            if not ((vf is None or vf <= area.day) and (vu is None or area.day <= vu))
        }
    else:  # last year's units that no row of this year holds
        to_map = {uid for (y, uid) in [*members, *people] if y == year - 1 and bucket(looked_up[uid][0]) is None}
    mapped: dict[int, Unit | None] = {}
    if to_map:
        fields = ("pk", "name", "path", "parent_id", "valid_from", "valid_until")
        mapped = org_services.map_to_day(list(Unit.objects.filter(pk__in=to_map).only(*fields)), area.day)

    def place(unit_id: int) -> Unit | None:
        path = looked_up[unit_id][0]
        row = bucket(path) if area.mode == AS_AT or unit_id not in to_map else None
        if row is None and (target := mapped.get(unit_id)) is not None:
            row = bucket(target.path)
        return row

    placed = {uid: place(uid) for uid in unit_ids}
    former = _former_rows({looked_up[uid][0] for uid, row in placed.items() if row is None}, area)
    rows: dict[object, UnitRow] = {}
    notes: dict[object, str] = {}
    for unit in sorted(row_units, key=lambda u: sort_key(u.name)):
        rows[unit.pk] = UnitRow(unit.pk, unit.name)
        notes[unit.pk] = _note(unit, area)
    extra: dict[object, UnitRow] = {}

    def target_of(unit_id: int) -> UnitRow:
        row_unit = placed[unit_id]
        if row_unit is not None:
            return rows[row_unit.pk]
        unit, direct = former[looked_up[unit_id][0]]
        key = f"root-{unit.pk}" if direct else unit.pk
        if key not in extra:
            extra[key] = UnitRow(key, f"Trực tiếp tại {unit.name}" if direct else unit.name)
            notes[key] = _note(unit, area)
        return extra[key]

    has_previous = any(y == year - 1 and n for (y, _), n in members.items())
    has_previous_people = any(y == year - 1 for y, _ in people)
    for (y, uid), n in members.items():
        target = target_of(uid)
        if y == year:
            target.memberships += n
        else:
            target.previous = (target.previous or 0) + n
    for (y, uid), (population, organized) in people.items():
        target = target_of(uid)
        if y == year:
            target.population += population
            target.organized += organized
        else:
            target.previous_organized = (target.previous_organized or 0) + organized
    result = list(rows.values()) + sorted(extra.values(), key=lambda r: (isinstance(r.key, str), sort_key(r.label)))
    for row in result:
        row.previous = (row.previous or 0) if has_previous else None
        row.previous_organized = (row.previous_organized or 0) if has_previous_people else None
        if notes.get(row.key):
            row.label = f"{row.label} ({notes[row.key]})"
    shown = [r for r in result if r.memberships or r.previous or r.population or r.previous_organized]
    return shown, len(result) - len(shown)


def _former_rows(paths: set[str], area: Area) -> dict[str, tuple[Unit, bool]]:
    """For figures no row takes, the unit they stay under (one query): the unit one level below the root
    (or below a unit it carries) that holds them, or that carried unit itself for its own figures (True)."""
    if not paths:
        return {}
    seg = scoping.SEGMENT_WIDTH
    members = {u.path: u for u in area.members.values()}
    lengths = sorted({len(p) for p in members}, reverse=True)
    wanted: dict[str, str] = {}
    for path in paths:
        top = next((path[:n] for n in lengths if path[:n] in members), "")
        wanted[path] = path if path == top else path[: len(top) + seg]
    found = {u.path: u for u in Unit.objects.filter(path__in=set(wanted.values()) - set(members))}
    found.update(members)
    return {path: (found[row_path], row_path in members) for path, row_path in wanted.items()}


# --- Over the years ---------------------------------------------------------------------------------


@dataclass
class TrendCell:
    members: int | None = None  # None: nothing reported that year
    previous: int | None = None  # the year before over the same area as the page shows it

    @property
    def change(self) -> int | None:
        return None if self.members is None or self.previous is None else self.members - self.previous


@dataclass
class TrendRow:
    organization: Organization | None  # None: the total
    cells: list[TrendCell] = field(default_factory=list)


@dataclass
class Trend:
    mode: str
    years: list[int] = field(default_factory=list)
    rows: list[TrendRow] = field(default_factory=list)
    total: TrendRow = field(default_factory=lambda: TrendRow(None))

    def chart(self) -> dict:
        """The line chart's data: one line per organization with figures, and the total."""
        lines = [
            {"label": r.organization.name, "data": [c.members for c in r.cells]}
            for r in self.rows
            if any(c.members for c in r.cells)
        ]
        total = {"label": "Tổng số lượt", "data": [c.members for c in self.total.cells], "total": True}
        return {"labels": [str(y) for y in self.years], "lines": [*lines, total]}


def trend_years(user, root: Unit | None) -> list[int]:
    """The years with figures the user sees in the area as it ever was, up to this year."""
    qs = MembershipReport.objects.restrict(user).filter(year__lte=org_services.today().year)
    if root is not None:
        qs = qs.filter(scoping.subtrees_q("unit__path", org_services.area_paths(root)))
    return sorted(qs.values_list("year", flat=True).distinct().order_by())


def trend(user, root: Unit | None, mode: str = AS_AT) -> Trend:
    """Members per organization for every year with figures, each year counted as `summary` counts it (its
    area, its units at the year's end, the year before over the same area), so each year's total is that
    year's headline. One grouped query: a conditional sum per year and per year before."""
    result = Trend(mode=mode, years=trend_years(user, root))
    if not result.years:
        return result
    today = org_services.today()
    areas: dict[int, Area] = {}
    if root is not None:
        days = {y: today if mode == TODAY else min(dt.date(y, 12, 31), today) for y in result.years}
        carried = org_services.carried_units_by_day(root, sorted(set(days.values())))
        areas = {y: Area(root, y, mode, days[y], carried[days[y]]) for y in result.years}
    else:
        areas = {y: Area(None, y, mode, today) for y in result.years}
    sums = {}
    for y, area in areas.items():
        for key, year in ((f"m{y}", y), (f"p{y}", y - 1)):
            counted = Q(year=year) & valid_on_q(dt.date(year, 12, 31), prefix="unit__") & area.q()
            sums[key] = Sum("members", filter=counted)
    reports = latest_reports(MembershipReport.objects.restrict(user)).filter(
        year__gte=result.years[0] - 1, year__lte=result.years[-1]
    )
    grouped = {g["organization"]: g for g in reports.values("organization").annotate(**sums).order_by()}
    start, end = dt.date(result.years[0] - 1, 1, 1), dt.date(result.years[-1], 12, 31)
    organizations = Organization.objects.filter(
        Q(pk__in=set(grouped)) | Q(pk__in=Organization.objects.valid_during(start, end))
    ).order_by("order", "name")
    for organization in organizations:
        g = grouped.get(organization.pk, {})
        cells = [TrendCell(g.get(f"m{y}"), g.get(f"p{y}")) for y in result.years]
        result.rows.append(TrendRow(organization, cells))
    for i, _ in enumerate(result.years):
        column = [r.cells[i] for r in result.rows]
        members = [c.members for c in column if c.members is not None]
        previous = [c.previous for c in column if c.previous is not None]
        # as on the page: a year with no report at all is 0; the year before "—" when nothing was reported
        result.total.cells.append(TrendCell(sum(members), sum(previous) if previous else None))
    return result
