"""Events fixtures: contests and conferences built through the services."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from danvan.events.models import ConferenceKind, Contest, ContestKind, Entry, PrizeKind, Round
from danvan.events.services import conferences as conference_services
from danvan.events.services import contests as services

START = dt.date(2025, 5, 20)  # every cast unit existed then (the districts ended on 30/6/2025)
END = dt.date(2025, 5, 22)


def contest_kind(code: str = "dan-van-kheo") -> ContestKind:
    return ContestKind.objects.get(code=code)


def conference_kind(code: str = "tong-ket") -> ConferenceKind:
    return ConferenceKind.objects.get(code=code)


def prize_kind(code: str = "nhat") -> PrizeKind:
    return PrizeKind.objects.get(code=code)


def make_contest(user, unit, name="Hội thi “Dân vận khéo”", start=START, end=END, **fields) -> Contest:
    contest = Contest(unit=unit, kind=fields.pop("kind", None) or contest_kind(), name=name, edition="lần thứ II",
                      start_date=start, end_date=end, **fields)  # fmt: skip
    return services.save_contest(user, contest)


def add_round(user, contest, name="Vòng sơ khảo", max_score=Decimal(100), **fields) -> Round:
    return services.save_round(user, Round(contest=contest, name=name, max_score=max_score, **fields))


def add_entry(user, contest, unit, title="", **fields) -> Entry:
    return services.save_entry(user, Entry(contest=contest, unit=unit, title=title, **fields))


def running_contest(user, unit, participants, rounds=("Vòng sơ khảo", "Vòng chung khảo")):
    """A contest with its rounds and one entry per participating unit, started."""
    contest = make_contest(user, unit)
    made_rounds = [add_round(user, contest, name) for name in rounds]
    entries = [add_entry(user, contest, p, f"Đội {p.name}") for p in participants]
    contest = services.take_step(user, contest, "start")
    return contest, made_rounds, entries


def make_conference(user, unit, title="Hội nghị tổng kết công tác dân vận năm 2024", date=START, attending=(),
                    decisions=(), **fields):  # fmt: skip
    from danvan.events.models import Conference

    conference = Conference(unit=unit, kind=fields.pop("kind", None) or conference_kind(), title=title, date=date,
                            **fields)  # fmt: skip
    return conference_services.save_conference(user, conference, list(attending), list(decisions))


@pytest.fixture
def contest(cast):
    return running_contest(cast.admin, cast.province, [cast.d1, cast.d2, cast.c1])
