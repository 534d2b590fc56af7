"""Membership fixtures: a unit's figures for a period entered through the service."""

from __future__ import annotations

from danvan.membership import services
from danvan.membership.choices import Period
from danvan.membership.models import Organization


def org(code: str) -> Organization:
    return Organization.objects.get(code=code)


def enter(user, unit, year: int, months: int = Period.YEAR, population=None, **rows) -> dict:
    """`rows`: organization code (underscores for dashes) -> members, or a dict of figures, or None."""
    given = {}
    for code, value in rows.items():
        organization = org(code.replace("_", "-"))
        if isinstance(value, int):
            value = {"members": value, "women": 0, "ethnic_minority": 0, "religious": 0}
        given[organization.pk] = value
    people = None if population is None else {"population": population[0], "organized": population[1]}
    return services.save_period(user, unit, year, months, given, people)
