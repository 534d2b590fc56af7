"""The score-sheet index used by clicking its own links: both of its lists page and sort apart, the year kept."""

import pytest
from django.urls import reverse

from danvan.core.testing.links import walk_list
from danvan.emulation.models import CriteriaSet, Scorecard

pytestmark = pytest.mark.django_db


def add_sets(unit, year: int, count: int) -> list[CriteriaSet]:
    return CriteriaSet.objects.bulk_create(
        CriteriaSet(name=f"Bản điểm thi đua khối {n:02d}", year=year, unit=unit, unit_name=unit.name)
        for n in range(count)
    )


def test_the_sets_of_a_commission(client, cast):
    wanted = add_sets(cast.province, 2021, 22)
    add_sets(cast.province, 2020, 3)
    client.force_login(cast.admin)
    url = reverse("emulation:index") + "?nam=2021"
    walk_list(client, url, {s.pk for s in wanted}, header="Tên bản điểm", value=lambda s: s.name, name="sets")


def test_the_scorecards_of_a_unit(client, cast):
    sets = add_sets(cast.province, 2021, 23) + add_sets(cast.province, 2020, 2)
    cards = Scorecard.objects.bulk_create(Scorecard(criteria_set=s, unit=cast.c1, unit_name=cast.c1.name) for s in sets)
    client.force_login(cast.c1_officer)
    url = reverse("emulation:index") + "?nam=2021"
    wanted = {c.pk for c in cards if c.criteria_set.year == 2021}
    walk_list(client, url, wanted, header="Bản điểm", value=lambda c: c.criteria_set.name, name="cards", suffix="_bd")
