"""The demo province's contests and conferences: within the rules, the states and prizes of each contest,
the yearly conferences with the units attending, loaded twice (nothing added the second time).

One test: loading the province's units takes a while, and nothing else here needs them."""

from __future__ import annotations

import datetime as dt

import pytest
from django.utils import timezone

from danvan.core.actor import acting_as
from danvan.core.models import ChangeLogEntry, WorkflowStep
from danvan.demo import build
from danvan.events import demo, rules
from danvan.events.choices import ContestState
from danvan.events.models import Attendance, Conference, Contest, Entry, Prize, Score
from danvan.events.ranking import missing_scores, ranked_entries

pytestmark = pytest.mark.django_db


def test_the_demo_events():
    today = timezone.localdate()
    with acting_as(None, source="system"):
        ctx = build.build_structure()
        build.create_accounts(ctx)
        demo.load(ctx)
        counts = (Contest.objects.count(), Conference.objects.count(), Score.objects.count(), Prize.objects.count())
        assert demo.load(ctx) == ["Hội thi, hội nghị: đã có dữ liệu minh họa."]
    assert counts == (Contest.objects.count(), Conference.objects.count(), Score.objects.count(), Prize.objects.count())
    states = dict(Contest.objects.values_list("edition", "state").filter(kind__code="dan-van-kheo"))
    assert states == {"lần thứ I": ContestState.ANNOUNCED, "lần thứ II": ContestState.ANNOUNCED}
    for contest in Contest.objects.select_related("unit__kind", "unit__parent"):
        entries = list(Entry.objects.filter(contest=contest).select_related("unit"))
        assert len(entries) >= 2, contest
        for entry in entries:
            assert rules.entry_errors(entry, contest, entries) == [], (contest, entry)
        if contest.state == ContestState.ANNOUNCED:
            assert missing_scores(contest) == 0 and contest.prizes.exists(), contest
            first = Prize.objects.get(contest=contest, kind__code="nhat")
            assert ranked_entries(contest).first().pk == first.entry_id  # the first prize went to the first
            assert WorkflowStep.objects.filter(object_id=str(contest.pk), action="announce").count() == 1
        else:
            assert contest.state == ContestState.RUNNING and contest.start_date <= today <= contest.end_date
            assert missing_scores(contest) > 0
    yearly = Conference.objects.filter(kind__code="tong-ket", unit__in=[ctx.commission_old, ctx.commission])
    assert sorted(c.date.year for c in yearly) == [2021, 2022, 2023, 2024, 2025, 2026, today.year + 1]
    for conference in Conference.objects.select_related("unit__kind", "unit__parent", "kind"):
        units = [a.unit for a in Attendance.objects.filter(conference=conference).select_related("unit")]
        assert rules.conference_errors(conference, units, list(conference.awards.all())) == [], conference
    summit_2024 = yearly.get(date=dt.date(2024, 1, 15))
    assert summit_2024.attending.filter(kind__tier="district").count() >= 8
    assert Conference.objects.filter(unit=ctx.commune).exists()
    assert ChangeLogEntry.objects.filter(content_type__app_label="events", action="create").count() > 100
