"""Across the 2025 reform: a commune formed from two merged ones compares its year with the year before over
the same area (its predecessors' figures), and its officers see and count what those communes reported."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from danvan.core.testing.factories import make_unit, make_user
from danvan.membership.choices import Period
from danvan.membership.tests.conftest import enter
from danvan.org.models import LineageEvent

pytestmark = pytest.mark.django_db
REFORM = dt.date(2025, 7, 1)


@pytest.fixture
def merged(cast):
    ended = REFORM - dt.timedelta(days=1)
    old_a = make_unit("Đảng ủy xã Phước Chỉ", parent=cast.d1, valid_until=ended)
    old_b = make_unit("Đảng ủy xã Phước Lưu", parent=cast.d1, valid_until=ended)
    new = make_unit("Đảng ủy xã Phước Chỉ mới", parent=cast.province, valid_from=REFORM)
    event = LineageEvent.objects.create(kind="merge", date=REFORM)
    event.predecessors.set([old_a, old_b])
    event.successors.set([new])
    enter(cast.admin, old_a, 2024, nong_dan=600, phu_nu=400, population=(9000, 1100))
    enter(cast.admin, old_b, 2024, nong_dan=300, population=(4000, 350))
    enter(cast.admin, old_a, 2025, Period.HALF, nong_dan=610)
    enter(cast.admin, new, 2025, nong_dan=950, phu_nu=420, population=(13200, 1500))
    return old_a, old_b, new


def test_a_merged_commune_is_compared_over_its_predecessors(client, cast, merged):
    old_a, old_b, new = merged
    officer = make_user("phuoc_chi", new, "editor")
    client.force_login(officer)
    response = client.get(reverse("membership:statistics"), {"nam": 2025})
    summary = response.context["summary"]
    assert response.context["root"] == new
    rows = {r.organization.code: r for r in summary.rows}
    # 2025: the new commune's year-end figures only: the old commune's first half (it ended on 30/6/2025)
    # counted the same people, who are now the new commune's. 2024: both old communes.
    assert (rows["nong-dan"].members, rows["nong-dan"].previous, rows["nong-dan"].change) == (950, 900, 50)
    assert (rows["phu-nu"].members, rows["phu-nu"].previous) == (420, 400)
    assert (summary.previous_population, summary.previous_organized) == (13000, 1450)
    assert {u.pk for u in summary.absorbed} == {old_a.pk, old_b.pk}
    text = response.content.decode()
    assert "Đảng ủy xã Phước Chỉ (đến 30/6/2025)" in text
    # The old communes' reports are the new commune's officers' too.
    listed = client.get(reverse("membership:report-list"), {"nam": 2024}).context["listing"]
    assert listed.count == 3


def test_a_merged_commune_reports_only_after_it_exists(cast, merged):
    _, _, new = merged
    with pytest.raises(ValidationError) as caught:
        enter(cast.admin, new, 2025, Period.HALF, nong_dan=900)
    assert "không hoạt động vào ngày 30/6/2025" in caught.value.messages[0]
