"""The demo sheets: before and after the reform, every state, idempotent."""

import pytest

from danvan.demo import build
from danvan.emulation import demo, reports
from danvan.emulation.choices import Status
from danvan.emulation.models import CriteriaSet, Criterion, Score, Scorecard

pytestmark = pytest.mark.django_db


@pytest.fixture
def ctx(db):
    ctx = build.build_structure()
    build.create_accounts(ctx)
    return ctx


def test_the_demo_has_both_sheets_in_every_state_and_loads_twice(ctx):
    report = demo.load(ctx)
    assert len(report) == 2
    old = CriteriaSet.objects.get(year=2021)
    new = CriteriaSet.objects.get(year=2026)
    assert old.unit == ctx.commission_old and new.unit == ctx.commission and new.copied_from == old
    assert 40 <= Criterion.objects.filter(criteria_set=old).count() <= 60
    assert 40 <= Criterion.objects.filter(criteria_set=new).count() <= 60
    assert Scorecard.objects.filter(criteria_set=old).count() == 9
    assert Scorecard.objects.filter(criteria_set=new).count() == 99  # 96 communes and wards, 3 committees
    states = set(Scorecard.objects.values_list("status", flat=True))
    assert states == set(Status.values)
    assert Scorecard.objects.get(criteria_set=old, unit=ctx.district).status == Status.RETURNED
    commune = Scorecard.objects.get(criteria_set=new, unit=ctx.commune)
    assert commune.status == Status.DRAFT and Score.objects.filter(scorecard=commune).exists()
    assert old.is_locked and new.is_locked
    ranked = reports.ranking(old, ctx.users["tinh"]).ranked
    ranks = [row.rank for row in ranked]
    assert len(ranked) == 6 and len(set(ranks)) < len(ranks)  # a tie shares a rank
    counts = (CriteriaSet.objects.count(), Scorecard.objects.count(), Score.objects.count())
    assert demo.load(ctx) == ["Bản điểm thi đua minh họa đã có sẵn."]
    assert (CriteriaSet.objects.count(), Scorecard.objects.count(), Score.objects.count()) == counts
