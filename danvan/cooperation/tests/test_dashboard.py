"""The home page's cooperation panel, on its own: reviews due within 60 days or overdue, this year's
evaluations not held, last year's missing in red; scoped; its counts agree with the database."""

from __future__ import annotations

import datetime as dt

import pytest
from django.template.loader import render_to_string

from danvan.cooperation.dashboard import panel
from danvan.cooperation.tests.conftest import evaluate, make_programme
from danvan.planning.models import Milestone

pytestmark = pytest.mark.django_db
DAY = dt.date(2024, 2, 20)


@pytest.fixture
def scene(cast):
    province = make_programme(cast.admin, cast.province, signed_on=dt.date(2021, 3, 12))  # interim due 12/3/2024
    late = make_programme(
        cast.admin,
        cast.province,
        number="12-CTr/BDVTU-BCHQS",
        signed_on=dt.date(2020, 1, 10),
        parties=["ban-dan-van-tinh-uy", "bo-chqs-tinh"],
        interim_years="4",
        final_years=None,
    )
    local = make_programme(
        cast.c1_officer,
        cast.c1,
        number="02-CTr/ĐU-UBND",
        parties=[],
        others=["A", "B"],
        signed_on=dt.date(2022, 6, 1),
        interim_years="",
        final_years=None,
    )
    evaluate(cast.admin, province, 2023)
    evaluate(cast.c1_officer, local, 2023)
    return province, late, local


def test_the_panel(cast, scene):
    province, late, _local = scene
    data = panel(cast.admin, DAY)
    assert data["review_count"] == 2 and data["overdue_count"] == 1  # due 12/3/2024, and 10/1/2024 overdue
    assert [m.directive_id for m in data["reviews"]] == [late.directive_id, province.directive_id]
    assert data["pending_count"] == 3
    assert [p.pk for p in data["late"]] == [late.pk] and data["late_count"] == 1
    html = render_to_string("cooperation/_dashboard.html", {"cooperation": data})
    assert 'data-testid="cooperation-review-count">2<' in html and "1 quá hạn" in html
    assert "1 văn bản chưa đánh giá năm trước" in html and "link-danger" in html
    assert "chưa đánh giá năm 2023" in html
    c1 = panel(cast.c1_officer, DAY)
    assert (c1["review_count"], c1["pending_count"], c1["late_count"]) == (0, 1, 0)
    assert panel(cast.outsider, DAY)["pending_count"] == 0
    assert Milestone.objects.count() == 3


def test_a_later_day(cast, scene):
    data = panel(cast.admin, dt.date(2024, 12, 31))
    assert data["review_count"] == 2 and data["overdue_count"] == 2
