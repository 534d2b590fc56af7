"""Every change of membership figures: one unit's figures for one period, saved (or cleared) at once in one
transaction, after checking the user's change scope on the unit and every rule."""

from __future__ import annotations

import datetime as dt

from django.db import transaction
from django.utils import timezone

from danvan.core.services import STALE_MESSAGE, raise_errors, require
from danvan.membership import rules
from danvan.membership.choices import SECTOR_FIELDS
from danvan.membership.models import MembershipReport, Organization, PopulationFigure

BREAKDOWN = ("members", "women", "ethnic_minority", "religious")
FIGURES = (*BREAKDOWN, *SECTOR_FIELDS)


def today() -> dt.date:
    return timezone.localdate()


def prefix(organization: Organization) -> str:
    return f"o{organization.pk}-"


@transaction.atomic
def save_period(
    user,
    unit,
    year: int,
    months: int,
    rows: dict[int, dict | None],
    population: dict | None,
    versions: dict[str, int | None] | None = None,
) -> dict[str, int]:
    """Save `unit`'s figures for the period: `rows` maps an organization's pk to its figures (None: the
    row was left blank, so an existing report is deleted); `population` the unit's population and the
    people in at least one organization (None: none given). `versions` holds the version each record had
    when the page was read ("o<pk>" per organization, "population"): a record changed since is refused.
    Returns how many records were created, changed and deleted."""
    require(user, unit)
    versions = versions or {}
    errors: list[tuple[str | None, str]] = list(rules.period_errors(unit, year, months, today()))
    raise_errors(errors)
    existing = {
        r.organization_id: r
        for r in MembershipReport.objects.select_for_update().filter(unit=unit, year=year, months=months)
    }
    organizations = Organization.objects.in_bulk(list(rows))
    to_save: list[MembershipReport] = []
    to_delete: list[MembershipReport] = []
    kept: list[MembershipReport] = []
    for org_pk, values in rows.items():
        organization = organizations[org_pk]
        current = existing.get(org_pk)
        if current is not None and _stale(current, versions.get(f"o{org_pk}")):
            errors.append((None, f"{organization.name}: {STALE_MESSAGE}"))
            continue
        if values is None:
            if current is not None:
                to_delete.append(current)
            continue
        report = current or MembershipReport(unit=unit, organization=organization, year=year, months=months)
        for name in FIGURES:
            value = values.get(name)
            setattr(report, name, 0 if value is None and name != "members" else value)
        found = rules.report_errors(report)
        if current is None:
            found += rules.organization_errors(organization, year, months)
        errors += [(prefix(organization) + field, message) for field, message in found]
        kept.append(report)
        if current is None or _changed(current, report):
            to_save.append(report)
    figure = PopulationFigure.objects.select_for_update().filter(unit=unit, year=year, months=months).first()
    figure_changed = figure_deleted = False
    if figure is not None and _stale(figure, versions.get("population")):
        errors.append((None, f"Dân số: {STALE_MESSAGE}"))
    elif population is None:
        figure_deleted = figure is not None
    else:
        figure = figure or PopulationFigure(unit=unit, year=year, months=months)
        before = (figure.population, figure.organized)
        figure.population, figure.organized = population.get("population"), population.get("organized")
        largest = max(
            ((organizations[r.organization_id].name, r.members) for r in kept if r.members is not None),
            key=lambda p: p[1],
            default=None,
        )
        errors += rules.population_errors(figure, largest)
        figure_changed = figure.pk is None or before != (figure.population, figure.organized)
    raise_errors(errors)
    created = sum(1 for r in to_save if r.pk is None)
    for report in to_delete:
        report.delete()
    for report in to_save:
        if report.pk:
            report.version += 1
        report.save()
    if figure_deleted:
        figure.delete()
    elif figure_changed:
        if figure.pk:
            figure.version += 1
        figure.save()
    return {
        "created": created,
        "changed": len(to_save) - created,
        "deleted": len(to_delete),
        "population": int(figure_changed or figure_deleted),
    }


def _stale(current, expected: int | None) -> bool:
    return expected is not None and current.version != expected


def _changed(current: MembershipReport, report: MembershipReport) -> bool:
    loaded = getattr(current, "_loaded_values", {})
    return any(loaded.get(name) != getattr(report, name) for name in FIGURES)
