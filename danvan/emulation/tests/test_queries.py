"""A 60-criterion scorecard costs the same number of queries as a 10-criterion one: the page, the
HTMX save of one criterion, the set page and the ranking."""

from decimal import Decimal as D

import pytest
from django.core.files.base import ContentFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from danvan.core.testing.factories import make_unit, make_user
from danvan.emulation import services, tree
from danvan.emulation.models import Criterion, EvidenceFile, Scorecard

pytestmark = pytest.mark.django_db


def grow(criteria_set, leaves: int, per_part: int = 10) -> list[Criterion]:
    """`leaves` criteria of 1 point in parts of `per_part`, written at once."""
    parts = Criterion.objects.bulk_create(
        Criterion(criteria_set=criteria_set, number="", order=i * 1000, content=f"Phần {i + 1}")
        for i in range((leaves + per_part - 1) // per_part)
    )
    children = Criterion.objects.bulk_create(
        Criterion(
            criteria_set=criteria_set,
            parent=parts[i // per_part],
            number="",
            order=i,
            content=f"Tiêu chí số {i + 1}: thực hiện nhiệm vụ công tác dân vận theo kế hoạch",
            max_score=D("1"),
            guidance="Thực hiện đầy đủ: 1 điểm",
            evidence="Báo cáo",
        )
        for i in range(leaves)
    )
    everything = list(Criterion.objects.filter(criteria_set=criteria_set))
    Criterion.objects.bulk_update(tree.renumber(everything), ["number", "position", "depth", "order"])
    return children


def scored_card(cast, leaves: int, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    criteria_set = services.create_set(cast.admin, name=f"Bản điểm {leaves}", year=2021, unit=cast.province)
    grown = grow(criteria_set, leaves)
    card = services.add_members(cast.admin, criteria_set, [cast.d1])[0]
    card = Scorecard.objects.select_related("unit__parent", "criteria_set__unit").get(pk=card.pk)
    for criterion in grown[: leaves - 1]:  # all but one scored
        services.save_self_score(cast.d1_officer, card, criterion.pk, D("0.5"), "Có báo cáo")
    for criterion in grown[:3]:
        EvidenceFile.objects.create(scorecard=card, criterion=criterion, file=ContentFile(b"%PDF", name="a.pdf"))
    EvidenceFile.objects.create(scorecard=card, file=ContentFile(b"%PDF", name="chung.pdf"))
    return card, grown


def count(client, method: str, url: str, data=None) -> int:
    with CaptureQueriesContext(connection) as captured:
        response = getattr(client, method)(url, data or {})
    assert response.status_code == 200, response.content[:500]
    return len(captured.captured_queries)


@pytest.mark.parametrize("who", ["d1_officer", "admin"])
def test_the_scorecard_page_costs_the_same_for_10_and_60_criteria(client, cast, settings, tmp_path, who):
    client.force_login(cast.users[who])
    small, _ = scored_card(cast, 10, settings, tmp_path)
    few = count(client, "get", reverse("emulation:card", args=[small.pk]))
    large, _ = scored_card(cast, 60, settings, tmp_path)
    response = client.get(reverse("emulation:card", args=[large.pk]))
    assert len(response.context["rows"]) == 66
    # The history shows one page (20 changes): the large card's page holds only score changes, whose
    # related records take fewer lookups than the small card's full history; never more.
    assert count(client, "get", reverse("emulation:card", args=[large.pk])) <= few
    assert few <= 25, few


def test_saving_one_criterion_costs_the_same_for_10_and_60_criteria(client, cast, settings, tmp_path):
    client.force_login(cast.d1_officer)
    small, small_criteria = scored_card(cast, 10, settings, tmp_path)
    large, large_criteria = scored_card(cast, 60, settings, tmp_path)
    data = {"self_score": "1", "evidence": "Có báo cáo"}
    few = count(client, "post", reverse("emulation:score", args=[small.pk, small_criteria[5].pk]), data)
    many = count(client, "post", reverse("emulation:score", args=[large.pk, large_criteria[45].pk]), data)
    assert many == few
    assert few <= 20, few


def test_the_set_and_results_pages_do_not_grow_with_units_or_criteria(client, cast, settings, tmp_path):
    client.force_login(cast.admin)
    criteria_set = services.create_set(cast.admin, name="Bản điểm", year=2021, unit=cast.province)
    grow(criteria_set, 10)
    services.add_members(cast.admin, criteria_set, [cast.d1, cast.d2])
    urls = [
        reverse("emulation:set", args=[criteria_set.pk]),
        reverse("emulation:results", args=[criteria_set.pk]),
        reverse("emulation:index"),
    ]
    few = [count(client, "get", url) for url in urls]
    grow(criteria_set, 50)
    units = [make_unit(f"Huyện ủy số {i}", "huyen-uy", cast.province) for i in range(12)]
    services.add_members(cast.admin, criteria_set, units)
    make_user("can_bo_huyen", units[0])
    many = [count(client, "get", url) for url in urls]
    # The history may name fewer related models once the newest 200 entries are all scorecards.
    assert all(m <= f for m, f in zip(many, few, strict=True)), (many, few)


def test_the_ranking_sums_in_one_query(cast):
    criteria_set = services.create_set(cast.admin, name="Bản điểm", year=2021, unit=cast.province)
    grow(criteria_set, 20)
    services.add_members(cast.admin, criteria_set, [cast.d1, cast.d2])
    from danvan.emulation.reports import ranking

    with CaptureQueriesContext(connection) as captured:
        result = ranking(criteria_set, cast.admin)
    sums = [q["sql"] for q in captured.captured_queries if "SUM(" in q["sql"].upper()]
    assert len(sums) == 2  # the totals of every scorecard, and the set's maximum
    assert len(result.rows) == 2
    assert result.total_max == D("20")
