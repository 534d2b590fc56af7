"""The statistics over the years: every year with figures counted as that year's page counts it (its area as
at the time or mapped to today, the year before over the same area), in one grouped query."""

from __future__ import annotations

import datetime as dt
import json

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from danvan.membership import figures
from danvan.membership.tests.conftest import enter
from danvan.org import areas
from danvan.org import services as org_services

pytestmark = pytest.mark.django_db

MODES = (areas.AS_AT, areas.TODAY)


@pytest.fixture
def four_years(cast, reform):
    """The reform's 2024 and 2025 figures, with 2023 before and 2026 after."""
    enter(cast.admin, cast.province, 2023, cong_doan=900, nong_dan=40)
    enter(cast.admin, reform["a"], 2023, nong_dan=580)
    enter(cast.admin, reform["old_la"], 2023, phu_nu=390)
    enter(cast.admin, cast.province, 2026, cong_doan=1150)
    enter(cast.admin, reform["new"], 2026, nong_dan=990)
    enter(cast.admin, reform["new_la"], 2026, phu_nu=430)
    return reform


@pytest.mark.parametrize("mode", MODES)
@pytest.mark.parametrize("root", ["province", "new", None])
def test_every_year_equals_that_years_page(cast, four_years, mode, root):
    unit = {"province": cast.province, "new": four_years["new"], None: None}[root]
    trend = figures.trend(cast.admin, unit, mode)
    assert trend.years == [2023, 2024, 2025, 2026]
    for i, year in enumerate(trend.years):
        page = figures.summary(cast.admin, unit, year, mode, by_unit=False)
        total = trend.total.cells[i]
        assert (total.members, total.previous) == (page.memberships, page.previous_memberships), (year, mode)
        by_org = {r.organization.pk: r for r in page.rows}
        for row in trend.rows:
            cell, expected = row.cells[i], by_org.get(row.organization.pk)
            assert (cell.members or 0) == (expected.members if expected else 0), (year, row.organization)
            assert cell.previous == (expected.previous if expected else None), (year, row.organization)


def test_across_the_merger_as_at_the_time_and_mapped_to_today(cast, four_years):
    at = figures.trend(cast.admin, cast.province, areas.AS_AT)
    today = figures.trend(cast.admin, cast.province, areas.TODAY)
    # 2024 as at the time leaves out Long An; 2025 compares against 2024 with Long An (the same area).
    assert [c.members for c in at.total.cells] == [1520, 2050, 2635, 2570]
    assert [c.change for c in at.total.cells] == [None, 2050 - 1520, 2635 - 2450, 2570 - 2635]
    assert [c.members for c in today.total.cells] == [1520 + 390, 2450, 2635, 2570]
    assert [c.change for c in today.total.cells] == [None, 2450 - 1910, 185, -65]


def test_the_trend_is_one_grouped_query_whatever_the_years(cast, reform):
    def count(mode):
        figures.trend(cast.admin, cast.province, mode)  # warm the user's scope cache
        with CaptureQueriesContext(connection) as queries:
            figures.trend(cast.admin, cast.province, mode)
        return len(queries)

    two = {mode: count(mode) for mode in MODES}
    enter(cast.admin, cast.province, 2021, cong_doan=800)
    enter(cast.admin, cast.province, 2022, cong_doan=850)
    enter(cast.admin, cast.province, 2023, cong_doan=900)
    assert figures.trend(cast.admin, cast.province).years == [2021, 2022, 2023, 2024, 2025]
    assert {mode: count(mode) for mode in MODES} == two


def test_the_page_shows_the_table_and_the_chart_data(client, cast, four_years):
    client.force_login(cast.admin)
    url = reverse("membership:statistics")
    response = client.get(url, {"nam": 2025, "don_vi": cast.province.pk, "che_do": areas.AS_AT})
    html = response.content.decode()
    assert response.status_code == 200
    assert 'data-testid="trend-table"' in html and 'data-chart="membership-trend"' in html
    assert "Năm 2023" in html and "Năm 2026" in html
    totals = response.context["trend"].total.cells
    assert [c.members for c in totals] == [1520, 2050, 2635, 2570]
    chart = response.context["trend_chart"]
    assert chart["labels"] == ["2023", "2024", "2025", "2026"]
    assert chart["lines"][-1]["data"] == [1520, 2050, 2635, 2570]
    assert json.dumps(chart, ensure_ascii=False) in json.dumps(response.context["trend_chart"], ensure_ascii=False)
    assert "membership/trend-chart.js" in html
    today = client.get(url, {"nam": 2025, "don_vi": cast.province.pk, "che_do": areas.TODAY})
    assert [c.members for c in today.context["trend"].total.cells] == [1910, 2450, 2635, 2570]


def test_no_figures_no_chart(client, cast):
    client.force_login(cast.admin)
    html = client.get(reverse("membership:statistics")).content.decode()
    assert "Chưa có số liệu năm nào." in html and "trend-chart.js" not in html


def test_the_areas_of_several_years_follow_the_reform(cast, reform):
    """One walk for several days gives each day's rule: the province carries Long An only once it was merged
    into it (it continued through the merger); a commune formed in 2025 carries its old communes every year."""
    days = [dt.date(2024, 12, 31), dt.date(2025, 6, 30), dt.date(2025, 12, 31)]
    province = org_services.carried_units_by_day(cast.province, days)
    assert set(province[days[0]]) == set(province[days[1]]) == {cast.province.pk}
    assert set(province[days[2]]) == {cast.province.pk, reform["long_an"].pk}
    new = org_services.carried_units_by_day(reform["new"], days)
    assert all(set(new[day]) == {reform["new"].pk, reform["a"].pk, reform["b"].pk} for day in days)
    assert set(org_services.carried_units(reform["new_la"], days[0])) == {reform["new_la"].pk, reform["old_la"].pk}
