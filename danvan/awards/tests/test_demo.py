"""The demo loads on top of the demo province, twice without change, with the seeds' figures."""

import pytest

from danvan.awards import demo
from danvan.awards.choices import DecisionStatus, ProposalStatus
from danvan.awards.models import Decision, Proposal, Recipient
from danvan.awards.statistics import award_report
from danvan.demo import build

pytestmark = pytest.mark.django_db


@pytest.fixture
def ctx(db):
    from danvan.practices import demo as practices_demo

    context = build.build_structure()
    build.create_accounts(context)
    practices_demo.load(context)
    return context


def test_the_demo_loads_years_of_decisions_and_is_idempotent(ctx):
    report = demo.load(ctx)
    assert "quyết định khen thưởng" in report[0]
    counts = (Decision.objects.count(), Proposal.objects.count(), Recipient.objects.count())
    assert counts[0] >= 14 and counts[1] > 20 and counts[2] > 200
    assert demo.load(ctx)[0].startswith("Khen thưởng: đã có")
    assert (Decision.objects.count(), Proposal.objects.count(), Recipient.objects.count()) == counts

    years = set(Decision.objects.filter(status=DecisionStatus.ISSUED).values_list("year", flat=True))
    assert years == set(range(2019, 2026))
    assert Proposal.objects.filter(year=2026, status=ProposalStatus.SUBMITTED).exists()
    assert Proposal.objects.filter(year=2026, status=ProposalStatus.RETURNED).exists()
    assert Recipient.objects.filter(practices__isnull=False).exists()  # linked to recognized practices


def test_the_demo_tells_the_2020_conference_figures(ctx):
    demo.load(ctx)
    sentence = award_report(ctx.users["tinh"], 2020).sentence
    assert sentence.startswith(
        "Năm 2020, Chủ tịch UBND tỉnh tặng Cờ thi đua cho 2 tập thể, Bằng khen cho 54 tập thể và 40 cá nhân; "
    )
    assert sentence.endswith("Ban Dân vận Tỉnh ủy tặng Giấy khen cho 6 tập thể.")
    assert "Năm 2022, " in award_report(ctx.users["tinh"], 2022).sentence
    assert "Bằng khen cho 5 tập thể và 10 cá nhân" in award_report(ctx.users["tinh"], 2022).sentence
