"""Opinion fixtures: items and collaborators built through the services."""

from __future__ import annotations

import datetime as dt

import pytest

from danvan.opinion import services
from danvan.opinion.choices import Source, Tendency
from danvan.opinion.models import Collaborator, OpinionItem, Topic

DAY = dt.date(2026, 3, 10)


def topic(code: str = "dat-dai-moi-truong") -> Topic:
    return Topic.objects.get(code=code)


def make_item(user, unit, place=None, noted_on=DAY, **fields) -> OpinionItem:
    item = OpinionItem(
        unit=unit,
        place=place or unit,
        noted_on=noted_on,
        topic=fields.pop("topic", None) or topic(),
        summary=fields.pop("summary", "Người dân thôn Bến Đình phản ánh ô nhiễm từ trại chăn nuôi heo"),
        source=fields.pop("source", Source.BRIEFING),
        tendency=fields.pop("tendency", Tendency.DISAGREE),
        **fields,
    )
    return services.save_item(user, item)


def make_collaborator(user, unit, name="Nguyễn Văn Tư", term_start=dt.date(2025, 1, 1), **fields) -> Collaborator:
    return services.save_collaborator(user, Collaborator(unit=unit, name=name, term_start=term_start, **fields))


@pytest.fixture
def item(cast):
    return make_item(cast.c1_officer, cast.c1)
