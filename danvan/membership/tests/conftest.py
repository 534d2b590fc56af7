"""Membership fixtures: a unit's figures for a period entered through the service."""

from __future__ import annotations

import datetime as dt

import pytest

from danvan.core.testing.factories import make_unit
from danvan.membership import services
from danvan.membership.choices import Period
from danvan.membership.models import Organization
from danvan.org.models import LineageEvent

REFORM = dt.date(2025, 7, 1)
ENDED = REFORM - dt.timedelta(days=1)


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


def merge(predecessors, successor) -> None:
    event = LineageEvent.objects.create(kind="merge", date=REFORM)
    event.predecessors.set(predecessors)
    event.successors.set([successor])


@pytest.fixture
def reform(cast):
    """Two communes of D1 merged into a new commune under the province; the province Long An (one commune)
    merged into the province, which continues, its commune into a new one."""
    a = make_unit("Đảng ủy xã Phước Chỉ", "dang-uy-xa", cast.d1, code="A", valid_until=ENDED)
    b = make_unit("Đảng ủy xã Phước Lưu", "dang-uy-xa", cast.d1, code="B", valid_until=ENDED)
    new = make_unit("Đảng ủy xã Phước Thạnh", "dang-uy-xa", cast.province, code="N", valid_from=REFORM)
    long_an = make_unit("Tỉnh ủy Long An", "tinh-uy", code="L", valid_until=ENDED)
    old_la = make_unit("Đảng ủy xã Mỹ Yên", "dang-uy-xa", long_an, code="LX", valid_until=ENDED)
    new_la = make_unit("Đảng ủy xã Mỹ Hạnh", "dang-uy-xa", cast.province, code="M", valid_from=REFORM)
    merge([a, b], new)
    merge([cast.province, long_an], cast.province)
    merge([old_la], new_la)
    admin = cast.admin
    enter(admin, a, 2024, nong_dan=600, population=(9000, 800))
    enter(admin, b, 2024, nong_dan=300, population=(4000, 400))
    enter(admin, cast.c1, 2024, nong_dan=100)
    enter(admin, cast.c3, 2024, nong_dan=50)
    enter(admin, old_la, 2024, phu_nu=400, population=(7000, 500))
    enter(admin, cast.province, 2024, cong_doan=1000)
    enter(admin, new, 2025, nong_dan=950, population=(13500, 1300))
    enter(admin, cast.c1, 2025, nong_dan=110)
    enter(admin, cast.c3, 2025, nong_dan=55)
    enter(admin, new_la, 2025, phu_nu=420, population=(7100, 520))
    enter(admin, cast.province, 2025, cong_doan=1100)
    return {"a": a, "b": b, "new": new, "long_an": long_an, "old_la": old_la, "new_la": new_la}
