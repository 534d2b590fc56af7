"""The demo province's grassroots democracy: every commune and ward from 2021, the old ones until 30/6/2025 and
the new ones after, a few agencies and enterprises with dialogues; within the rules; loaded twice; the
statistics and the list answer for the province. One test: loading the province's units takes a while."""

import datetime as dt

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from danvan.core.actor import acting_as
from danvan.demo import build
from danvan.democracy import demo, rules
from danvan.democracy.models import Charter, DemocracyYear, Disclosure, Matter, WorkplaceDialogue

pytestmark = pytest.mark.django_db


def test_the_demo_grassroots_democracy():
    today = timezone.localdate()
    with acting_as(None, source="system"):
        ctx = build.build_structure()
        build.create_accounts(ctx)
        first = demo.load(ctx)
        counts = (DemocracyYear.objects.count(), Matter.objects.count(), Disclosure.objects.count())
        second = demo.load(ctx)
    assert "hồ sơ năm của" in first[0] and "không nạp thêm" in second[0]
    assert (DemocracyYear.objects.count(), Matter.objects.count(), Disclosure.objects.count()) == counts
    assert set(DemocracyYear.objects.values_list("year", flat=True)) == set(range(2021, today.year + 1))
    for record in DemocracyYear.objects.select_related("unit__kind").order_by("?")[:300]:
        assert not rules.record_errors(record, today), record
    ended = DemocracyYear.objects.filter(year=2025, unit__valid_until=dt.date(2025, 6, 30))
    assert ended.exists() and not ended.filter(review_on__isnull=False).exists()
    assert not Matter.objects.filter(record__in=ended, held_on__gt=dt.date(2025, 6, 30)).exists()
    formed = DemocracyYear.objects.filter(year=2025, unit__valid_from=dt.date(2025, 7, 1))
    assert formed.exists() and not Matter.objects.filter(record__in=formed, held_on__lt=dt.date(2025, 7, 1)).exists()
    assert Disclosure.objects.filter(record__year=2023, item__basis__startswith="Pháp lệnh").exists()
    assert Disclosure.objects.filter(record__year=2023, item__basis__startswith="Luật").exists()
    assert WorkplaceDialogue.objects.filter(record__place_kind="enterprise").exists()
    assert Charter.objects.filter(state="revised").exists() and Matter.objects.filter(agreeing__isnull=True).exists()
    client = Client()
    client.force_login(ctx.users["tinh"])
    totals = client.get(reverse("democracy:statistics"), {"nam": 2025}).context["totals"]
    assert totals.records == DemocracyYear.objects.filter(year=2025).count()
    assert 0 < totals.done < totals.items and totals.villages > 0
    client.force_login(ctx.users["xa"])  # a new commune sees its own years and those of the commune it took over
    rows = client.get(reverse("democracy:home"), {"so_dong": 100}).context["page"]
    assert {r.year for r in rows} == set(range(2021, today.year + 1))
    assert {r.unit_id for r in rows if r.year >= 2026} == {ctx.commune.pk}
