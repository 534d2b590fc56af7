"""The membership panel of the home page, alone: this year's reports received against the communes and wards
expected (the user's, valid today), those missing, and the share of the population organized, as the
statistics page counts it (last year's when nothing of this year has come in); scoped; fixed queries."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from django.db import connection
from django.template.loader import render_to_string
from django.test.utils import CaptureQueriesContext

from danvan.core.testing.factories import make_unit
from danvan.membership import dashboard, figures
from danvan.membership.choices import Period
from danvan.membership.tests.conftest import enter

pytestmark = pytest.mark.django_db
DAY = dt.date(2026, 8, 20)


def shown(html: str, testid: str) -> str:
    return re.search(rf'data-testid="{testid}">([^<]*)<', html).group(1).strip()


@pytest.fixture
def scene(cast):
    enter(cast.admin, cast.c1, 2026, Period.HALF, nong_dan=900, phu_nu=700, population=(5000, 1400))
    enter(cast.admin, cast.c3, 2025, nong_dan=300, population=(3000, 600))
    enter(cast.admin, cast.province, 2026, Period.HALF, cong_doan=50)  # the province is not expected
    make_unit("Đảng ủy xã Cũ", "dang-uy-xa", cast.d1, code="OLD", valid_until=dt.date(2025, 6, 30))
    return cast


@pytest.mark.parametrize(
    "who, expected, received, missing, share",
    [
        ("admin", 3, 1, ["Đảng ủy xã Lợi Thuận", "Đảng ủy xã Tân Lập"], "28,0%"),  # 2026: C1 alone
        ("d1_officer", 2, 1, ["Đảng ủy xã Lợi Thuận"], "28,0%"),
        ("c1_officer", 1, 1, [], "28,0%"),
        ("d2_officer", 1, 0, ["Đảng ủy xã Tân Lập"], "20,0%"),  # nothing in 2026: last year's, C3's
        ("outsider", 0, 0, [], None),
    ],
)
def test_the_panel_alone(scene, who, expected, received, missing, share):
    user = scene.users[who]
    data = dashboard.panel(user, DAY)
    assert (data["expected"], data["received"], [u.name for u in data["missing"]]) == (expected, received, missing)
    html = render_to_string("membership/_dashboard.html", {"membership": data})
    if expected:
        assert shown(html, "membership-received") == str(received)
        assert shown(html, "membership-expected") == str(expected)
    else:
        assert "Không có xã, phường nào trong phạm vi của bạn." in html
    if share:
        assert shown(html, "membership-share") == share
        page = figures.summary(user, None, data["share_year"])
        assert (data["organized"], data["population"]) == (page.organized, page.population)
    else:
        assert shown(html, "membership-share") == "Chưa có đơn vị nào báo cáo dân số."
    assert "Năm 2026" in html or "năm 2026" in html


def test_the_panel_lists_a_few_missing_units_and_counts_them_all(cast):
    for index in range(7):
        make_unit(f"Đảng ủy xã Mới {index}", "dang-uy-xa", cast.province, code=f"NEW{index}")
    data = dashboard.panel(cast.admin, DAY)
    assert (data["expected"], data["missing_count"], len(data["missing"])) == (10, 10, dashboard.MISSING_LIMIT)
    html = render_to_string("membership/_dashboard.html", {"membership": data})
    assert "(10 đơn vị, ví dụ)" in html


def test_queries_do_not_grow_with_units(cast):
    counts = []
    for batch in range(3):  # the first warms the caches (the user's scope)
        for index in range(5 * batch + 1):
            unit = make_unit(f"Đảng ủy xã B{batch}-{index}", "dang-uy-xa", cast.province)
            enter(cast.admin, unit, 2026, Period.HALF, nong_dan=100, population=(1000, 200))
        with CaptureQueriesContext(connection) as captured:
            dashboard.panel(cast.admin, DAY)
        counts.append(len(captured))
    assert counts[1] == counts[2], counts
