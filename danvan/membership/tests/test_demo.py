"""The demo province's membership figures: every commune and ward from 2023, within the rules, the old
communes until the reform and the new ones after it; the statistics compare 2025 with 2024 over the same
province; loaded twice. One test: loading the province's units takes a while."""

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from danvan.core.actor import acting_as
from danvan.demo import build
from danvan.membership import demo, rules
from danvan.membership.models import MembershipReport, PopulationFigure

pytestmark = pytest.mark.django_db


def test_the_demo_membership_figures():
    with acting_as(None, source="system"):
        ctx = build.build_structure()
        build.create_accounts(ctx)
        first = demo.load(ctx)
        counts = (MembershipReport.objects.count(), PopulationFigure.objects.count())
        second = demo.load(ctx)
    assert "dòng số liệu của" in first[0] and "không nạp thêm" in second[0]
    assert (MembershipReport.objects.count(), PopulationFigure.objects.count()) == counts
    for report in MembershipReport.objects.select_related("unit")[:2000]:
        assert not rules.report_errors(report)
        assert report.unit.is_valid_on(report.period_end)
    for figure in PopulationFigure.objects.all()[:500]:
        assert not rules.population_errors(figure)
    union = MembershipReport.objects.filter(organization__code="doan-thanh-nien").first()
    assert union.students > union.farmers > 0 and union.students + union.workers <= union.members
    years = set(MembershipReport.objects.values_list("year", flat=True))
    assert years == set(range(2023, timezone.localdate().year + 1))
    # The reform: old communes report the first half of 2025, the new ones the whole year.
    half = MembershipReport.objects.filter(year=2025, months=6).values_list("unit__valid_until", flat=True)
    assert set(half) == {timezone.datetime(2025, 6, 30).date()}
    client = Client()
    client.force_login(ctx.users["tinh"])
    summary = client.get(reverse("membership:statistics"), {"nam": 2025}).context["summary"]
    rows = {r.organization.code: r for r in summary.rows}
    assert rows["nong-dan"].members > 0 and rows["nong-dan"].previous > 0
    assert rows["mat-tran"].members == 0
    assert 0.3 < summary.organized / summary.population < 0.7
    assert summary.population > 2_000_000 and summary.previous_population > 2_000_000
    # Both modes over today's province: the same 2025 total; the units' rows add up to it.
    today = client.get(reverse("membership:statistics"), {"nam": 2025, "che_do": "today"}).context["summary"]
    assert today.memberships == summary.memberships
    assert sum(r.memberships for r in summary.units) == summary.memberships
