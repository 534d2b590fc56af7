"""Factories and the fixed cast of users that every scoping test uses."""

from __future__ import annotations

import datetime as dt
import itertools
from dataclasses import dataclass

from django.contrib.auth import get_user_model

from danvan.core.testing.seeds import reseed_all
from danvan.org.models import Bloc, RoleAssignment, Unit, UnitKind

PASSWORD = "mat-khau-kiem-thu"
_codes = itertools.count(1)


def kind(code: str) -> UnitKind:
    return UnitKind.objects.get(code=code)


def bloc(code: str) -> Bloc:
    return Bloc.objects.get(code=code)


def make_unit(
    name: str,
    kind_code: str = "dang-uy-xa",
    parent: Unit | None = None,
    code: str | None = None,
    valid_from: dt.date | None = None,
    valid_until: dt.date | None = None,
    **extra,
) -> Unit:
    unit_kind = kind(kind_code)
    return Unit.objects.create(
        code=code or f"U{next(_codes):05d}",
        name=name,
        kind=unit_kind,
        bloc=extra.pop("bloc", unit_kind.default_bloc),
        parent=parent,
        valid_from=valid_from,
        valid_until=valid_until,
        **extra,
    )


def make_user(username: str, unit: Unit | None = None, role: str = "editor", **extra):
    user = get_user_model().objects.create_user(username=username, password=PASSWORD, **extra)
    if unit is not None:
        RoleAssignment.objects.create(user=user, unit=unit, role=role)
    return user


@dataclass
class Cast:
    """Province P with districts D1 (communes C1, C2) and D2 (commune C3), and their people."""

    province: Unit
    d1: Unit
    d2: Unit
    c1: Unit
    c2: Unit
    c3: Unit
    admin: object  # province administrator
    d1_officer: object
    d1_reviewer: object
    c1_officer: object
    c2_officer: object
    d2_officer: object
    outsider: object  # logged in, no role anywhere

    @property
    def users(self) -> dict[str, object]:
        names = ["admin", "d1_officer", "d1_reviewer", "c1_officer", "c2_officer", "d2_officer", "outsider"]
        return {name: getattr(self, name) for name in names}


def build_cast() -> Cast:
    # Transactional (browser) tests flush the tables, seeded configuration included.
    reseed_all()
    province = make_unit("Tỉnh ủy Tây Ninh", "tinh-uy", code="P")
    d1 = make_unit("Huyện ủy Bến Cầu", "huyen-uy", province, code="D1", valid_until=dt.date(2025, 6, 30))
    d2 = make_unit("Huyện ủy Tân Biên", "huyen-uy", province, code="D2", valid_until=dt.date(2025, 6, 30))
    c1 = make_unit("Đảng ủy xã Long Thuận", "dang-uy-xa", d1, code="C1")
    c2 = make_unit("Đảng ủy xã Lợi Thuận", "dang-uy-xa", d1, code="C2")
    c3 = make_unit("Đảng ủy xã Tân Lập", "dang-uy-xa", d2, code="C3")
    return Cast(
        province=province,
        d1=d1,
        d2=d2,
        c1=c1,
        c2=c2,
        c3=c3,
        admin=make_user("tinh_admin", province, "admin"),
        d1_officer=make_user("d1_officer", d1, "editor"),
        d1_reviewer=make_user("d1_reviewer", d1, "reviewer"),
        c1_officer=make_user("c1_officer", c1, "editor"),
        c2_officer=make_user("c2_officer", c2, "editor"),
        d2_officer=make_user("d2_officer", d2, "editor"),
        outsider=make_user("outsider"),
    )


def make_practice(unit: Unit, year: int = 2019, user=None, **fields):
    """A registered practice created through the service (so codes and rules apply)."""
    from danvan.practices import services
    from danvan.practices.models import Field, Level, Practice

    practice = Practice(
        name=fields.pop("name", f"Mô hình dân vận khéo {year}"),
        unit=unit,
        year=year,
        field=fields.pop("field", None) or Field.objects.get(code="kinh-te"),
        level=fields.pop("level", None) or Level.objects.get(code="co-so"),
        **fields,
    )
    return services.register(user or _system_user(), practice)


def _system_user():
    user, _ = get_user_model().objects.get_or_create(username="he_thong", defaults={"is_superuser": True})
    return user


# What each member of the cast (plus "c1_viewer", a viewer on C1) may see and change, by unit name
# in the Cast: the expectations every app's scoping walk checks its pages against.
CAST_UNITS = ["province", "d1", "d2", "c1", "c2", "c3"]
SEES = {
    "admin": set(CAST_UNITS),
    "d1_officer": {"d1", "c1", "c2"},
    "d1_reviewer": {"d1", "c1", "c2"},
    "c1_officer": {"c1"},
    "c2_officer": {"c2"},
    "d2_officer": {"d2", "c3"},
    "c1_viewer": {"c1"},
    "outsider": set(),
}
CHANGES = SEES | {"d1_reviewer": set(), "c1_viewer": set()}


def cast_people(cast: Cast) -> dict[str, object]:
    """The cast's users plus a viewer on C1 (who may see but never change)."""
    return dict(cast.users) | {"c1_viewer": make_user("c1_viewer", cast.c1, "viewer")}
