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


def add_opinion_records(unit, n: int, day: dt.date) -> None:
    """More than a page of every opinion list for `unit` (items, collaborators, receptions, dialogues), in bulk."""
    from danvan.opinion.choices import HostRole, ReceptionStatus
    from danvan.opinion.models import Dialogue, Reception

    items = [
        OpinionItem(unit=unit, place=unit, noted_on=day - dt.timedelta(days=i), topic=topic(),
                    summary=f"Ý kiến của nhân dân về tiến độ làm đường, đợt {i + 1}", source=Source.BRIEFING,
                    tendency=Tendency.UNSURE)
        for i in range(n)
    ]  # fmt: skip
    for item in items:
        item.search_text = item.compute_search_text()
    OpinionItem.objects.bulk_create(items)
    Collaborator.objects.bulk_create(
        Collaborator(unit=unit, name=f"Cộng tác viên số {i + 1}", term_start=dt.date(2025, 7, 1)) for i in range(n)
    )
    Reception.objects.bulk_create(
        Reception(unit=unit, day=day - dt.timedelta(days=7 * i), leader="Bí thư Đảng ủy xã",
                  status=ReceptionStatus.HELD)
        for i in range(n)
    )  # fmt: skip
    Dialogue.objects.bulk_create(
        Dialogue(unit=unit, day=day - dt.timedelta(days=9 * i), host_role=HostRole.SECRETARY, hosts="Bí thư Đảng ủy xã",
                 topic=f"Đối thoại về xây dựng nông thôn mới, lần {i + 1}")
        for i in range(n)
    )  # fmt: skip
