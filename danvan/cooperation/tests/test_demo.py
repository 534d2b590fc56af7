"""The demo's coordination programmes: loaded twice (nothing added the second time), within the rules, with
programmes replaced after the 2025 merger, late evaluations and an overdue review to show in red."""

import datetime as dt

import pytest

from danvan.cooperation import demo
from danvan.cooperation.choices import State
from danvan.cooperation.dashboard import panel
from danvan.cooperation.models import Evaluation, Programme, ProgrammeItem, YearPlan
from danvan.core.actor import acting_as
from danvan.demo import build
from danvan.planning.models import Milestone

pytestmark = pytest.mark.django_db
MODELS = (Programme, ProgrammeItem, YearPlan, Evaluation, Milestone)


def test_the_demo_programmes():
    with acting_as(None, source="system"):
        ctx = build.build_structure()
        build.create_accounts(ctx)
        first = demo.load(ctx)
        counts = [m.objects.count() for m in MODELS]
        second = demo.load(ctx)
    assert [m.objects.count() for m in MODELS] == counts  # idempotent
    assert "(13 mới)" in first[0] and "(0 mới)" in second[0]
    today = dt.date.today()
    states = dict(Programme.objects.with_state(today).values_list("number", "state"))
    assert states["161-CTr/BCSĐUBND-BDVTU"] == State.REPLACED
    assert states["05-CTr/ĐUUBND-BTGDVTU"] == State.IN_FORCE
    assert states["04-CTr/BDVHU-UBND"] == State.EXPIRED
    old = Programme.objects.get(number="161-CTr/BCSĐUBND-BDVTU")
    assert old.replaced_by.number == "05-CTr/ĐUUBND-BTGDVTU" and old.valid_until == dt.date(2025, 8, 4)
    assert Programme.objects.get(number="01-CTr/BDVTU-BCHQS").replaced_by.number == "09-CTr/BDVTU-BCHQS"
    data = panel(ctx.users["tinh"], today)
    assert data["late_count"] >= 1 and data["overdue_count"] >= 1  # something to show in red
    assert Programme.objects.filter(unit=ctx.commune).count() == 2
