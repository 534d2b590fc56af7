"""Grassroots democracy fixtures: records and their parts built through the services."""

from __future__ import annotations

import datetime as dt

from danvan.core.testing.factories import make_unit
from danvan.democracy import services
from danvan.democracy.choices import BoardKind, CharterState, MatterMethod, PlaceKind
from danvan.democracy.models import Board, Charter, DemocracyYear, Matter, WorkplaceDialogue

YEAR = 2024  # every cast unit existed then (the districts ended on 30/6/2025)


def make_record(user, unit, year: int = YEAR, **fields) -> DemocracyYear:
    kind = fields.pop("place_kind", PlaceKind.COMMUNE if unit.kind.tier == "commune" else PlaceKind.AGENCY)
    return services.save_record(user, DemocracyYear(unit=unit, year=year, place_kind=kind, **fields))


def agency(parent, name: str = "Sở Nội vụ", code: str | None = None):
    """An agency below a district or province: its records are grassroots records of that area."""
    return make_unit(name, "co-quan", parent, code=code)


def make_matter(user, record, agreeing=120, households=200, day=None, **fields) -> Matter:
    matter = Matter(
        record=record,
        content=fields.pop("content", "Làm đường giao thông nông thôn ấp 3"),
        place=fields.pop("place", "Ấp 3"),
        method=fields.pop("method", MatterMethod.MEETING),
        held_on=day or dt.date(record.year, 4, 10),
        households=households,
        agreeing=agreeing,
        **fields,
    )
    return services.save_part(user, matter)


def make_board(user, record, kind=BoardKind.INSPECTION, **fields) -> Board:
    values = {"members": 7, "meetings": 6, "recommendations": 5, "resolved": 4} | fields
    return services.save_part(user, Board(record=record, kind=kind, **values))


def make_charter(user, record, village="Ấp 1", state=CharterState.APPROVED, **fields) -> Charter:
    if state != CharterState.DRAFTED:
        fields = {"decided_on": dt.date(record.year, 3, 2), "decision_number": "125/QĐ-UBND"} | fields
    return services.save_part(user, Charter(record=record, village=village, state=state, **fields))


def make_dialogue(user, record, **fields) -> WorkplaceDialogue:
    values = {"held_on": dt.date(record.year, 6, 15), "participants": 80, "issues": 6, "resolved": 5} | fields
    return services.save_part(user, WorkplaceDialogue(record=record, **values))
