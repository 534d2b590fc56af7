import datetime as dt
from collections import Counter

import pytest
from django.db.models import Count

from danvan.core.testing.factories import make_practice, make_unit, make_user
from danvan.org import areas
from danvan.org import services as org_services
from danvan.practices.choices import Status
from danvan.practices.models import Level, Practice
from danvan.stats import cube

pytestmark = pytest.mark.django_db

PLAN = {
    # (unit, year): [(status, level code), ...]
    ("c1", 2019): [("recognized", "co-so")] * 3 + [("rejected", "co-so")],
    ("c2", 2019): [("recognized", "co-so"), ("implementing", "huyen")],
    ("c3", 2019): [("recognized", "huyen")] * 2,
    ("c1", 2020): [("recognized", "co-so")] * 2,
    ("c3", 2020): [("recognized", "co-so")] * 4 + [("proposed", "co-so")],
    ("d1", 2020): [("recognized", "huyen")],
}


@pytest.fixture
def data(cast):
    levels = {lv.code: lv for lv in Level.objects.all()}
    for (unit_name, year), items in PLAN.items():
        for status, level in items:
            p = make_practice(getattr(cast, unit_name), year, level=levels[level])
            if status == "recognized":
                Practice.objects.filter(pk=p.pk).update(status=status, recognized_level=levels[level])
            else:
                Practice.objects.filter(pk=p.pk).update(status=status)
    return cast


def expected(year, units=None):
    """Counts computed straight from the plan, independently of the code under test."""
    registered, recognized = Counter(), Counter()
    for (unit_name, y), items in PLAN.items():
        if y != year or (units and unit_name not in units):
            continue
        for status, level in items:
            registered[level] += 1
            recognized[level] += status == "recognized"
    return registered, recognized


def test_counts_by_level_match_the_records(data):
    table = cube.by_dimension(cube.practices_for(data.admin), 2020, "level")
    rows = {row.label: row for row in table.rows}
    registered, recognized = expected(2020)
    prev_registered, _ = expected(2019)
    assert rows["Cấp cơ sở"].registered == registered["co-so"] == 7
    assert rows["Cấp cơ sở"].recognized == recognized["co-so"] == 6
    assert rows["Cấp cơ sở"].previous_registered == prev_registered["co-so"]
    assert rows["Cấp huyện"].registered == registered["huyen"]
    assert table.total.registered == sum(registered.values())
    assert str(rows["Cấp cơ sở"].rate) == "85.7"


def test_the_first_year_has_no_previous_figures(data):
    table = cube.by_dimension(cube.practices_for(data.admin), 2019, "level")
    assert all(row.previous_registered is None for row in table.rows)
    assert table.total.previous_registered is None


def test_a_commune_officer_counts_only_their_commune(data):
    table = cube.by_dimension(cube.practices_for(data.c1_officer), 2019, "level")
    registered, recognized = expected(2019, {"c1"})
    assert table.total.registered == sum(registered.values()) == 4
    assert table.total.recognized == sum(recognized.values()) == 3


def test_units_roll_up_to_the_districts_of_that_year(data):
    table = cube.by_unit(cube.practices_for(data.admin), areas.report_area(data.province, 2019, areas.AS_AT))
    rows = {row.label: row for row in table.rows}
    assert {label for label, row in rows.items() if row.registered} == {"Huyện ủy Bến Cầu", "Huyện ủy Tân Biên"}
    assert rows["Huyện ủy Bến Cầu"].registered == sum(expected(2019, {"c1", "c2"})[0].values())
    assert rows["Huyện ủy Tân Biên"].recognized == sum(expected(2019, {"c3"})[1].values())


def test_mapped_to_todays_units_follows_the_lineage(data):
    merged = make_unit("Đảng ủy xã Hợp Nhất", "dang-uy-xa", data.province, code="XH", valid_from=dt.date(2025, 7, 1))
    other = make_unit("Đảng ủy phường Mới", "dang-uy-xa", data.province, code="XM", valid_from=dt.date(2025, 7, 1))
    org_services.record_lineage("merge", dt.date(2025, 7, 1), [data.c1, data.c3], [merged])
    org_services.record_lineage("merge", dt.date(2025, 7, 1), [data.c2], [other])
    for district in (data.d1, data.d2):
        org_services.record_lineage("end", dt.date(2025, 7, 1), [district], [data.province])
    table = cube.by_unit(cube.practices_for(data.admin), areas.report_area(data.province, 2019, areas.TODAY))
    rows = {row.label: row for row in table.rows}
    assert rows["Đảng ủy xã Hợp Nhất"].registered == sum(expected(2019, {"c1", "c3"})[0].values()) == 6
    assert rows["Đảng ủy phường Mới"].registered == 2
    assert table.total.registered == sum(expected(2019)[0].values())


def test_the_merged_units_officer_sees_the_predecessors_figures(data):
    merged = make_unit("Đảng ủy xã Hợp Nhất", "dang-uy-xa", data.province, code="XH", valid_from=dt.date(2025, 7, 1))
    org_services.record_lineage("merge", dt.date(2025, 7, 1), [data.c1, data.c3], [merged])
    officer = make_user("xh_officer", merged, "viewer")
    table = cube.by_year(cube.practices_for(officer), range(2019, 2021))
    assert [row.registered for row in table.rows] == [sum(expected(y, {"c1", "c3"})[0].values()) for y in (2019, 2020)]


def test_statistics_are_a_few_grouped_queries(data, django_assert_max_num_queries):
    qs = cube.practices_for(data.admin)
    with django_assert_max_num_queries(3):  # the labels, then one grouped query
        cube.by_dimension(qs, 2020, "field")
    with django_assert_max_num_queries(2):
        cube.by_year(qs, range(2015, 2021))


def test_counts_agree_with_a_plain_group_by(data):
    raw = dict(Practice.objects.filter(year=2019).values_list("level__code").annotate(n=Count("pk")))
    rows = {row.key: row.registered for row in cube.by_dimension(cube.practices_for(data.admin), 2019, "level").rows}
    levels = {lv.code: lv.pk for lv in Level.objects.all()}
    assert {code: rows[levels[code]] for code in raw} == raw
    assert Status.RECOGNIZED == "recognized"


def test_a_level_that_ended_last_year_shows_with_zero_and_its_decrease(data):
    """Cấp huyện ends on 30/6/2025: the 2026 table still lists it against 2025, and totals agree."""
    levels = {lv.code: lv for lv in Level.objects.all()}
    for _ in range(3):
        make_practice(data.c3, 2025, level=levels["huyen"])
    make_practice(data.c3, 2026)
    table = cube.by_dimension(cube.practices_for(data.admin), 2026, "level")
    rows = {row.label: row for row in table.rows}
    assert (rows["Cấp huyện"].registered, rows["Cấp huyện"].change) == (0, -3)
    assert (table.total.registered, table.total.previous_registered, table.total.change) == (1, 3, -2)
    trend = cube.by_year(cube.practices_for(data.admin), range(2022, 2027))
    assert trend.rows[-1].change == table.total.change == -2
    assert trend.total.change is None  # no sum of changes


def test_as_at_the_time_a_province_merged_in_later_is_not_in_earlier_years(data):
    """R merges into P on 1/7/2025 (P continues). P's 2022 report is P alone; its 2025 report carries R,
    and compares with R's 2024 too (the same units for both years)."""
    other = make_unit("Tỉnh ủy Rạch Giá", "tinh-uy", None, code="R", valid_until=dt.date(2025, 6, 30))
    district = make_unit("Huyện ủy Châu Thành", "huyen-uy", other, code="RD", valid_until=dt.date(2025, 6, 30))
    org_services.record_lineage("merge", dt.date(2025, 7, 1), [data.province, other], [data.province])
    for year in (2022, 2024, 2025):
        make_practice(district, year)
    qs = cube.practices_for(data.admin)  # the admin of P sees R's records (inherited)
    as_at_2022 = areas.report_area(data.province, 2022, areas.AS_AT)
    assert set(as_at_2022.members) == {data.province.pk}
    table = cube.by_unit(cube.practices_for(data.admin, scope=as_at_2022), as_at_2022)
    assert not any("Châu Thành" in row.label for row in table.rows)
    assert table.total.registered == sum(expected(2022)[0].values())
    as_at_2025 = areas.report_area(data.province, 2025, areas.AS_AT)
    table = cube.by_unit(cube.practices_for(data.admin, scope=as_at_2025), as_at_2025)
    rows = {row.label: row for row in table.rows}
    assert (
        rows["Huyện ủy Châu Thành (đến 30/6/2025)"].registered,
        rows["Huyện ủy Châu Thành (đến 30/6/2025)"].change,
    ) == (1, 0)
    today = areas.report_area(data.province, 2022, areas.TODAY)
    assert cube.by_dimension(cube.practices_for(data.admin, scope=today), 2022, "level").total.registered == (
        sum(expected(2022)[0].values()) + 1
    )
    assert qs.filter(unit=district).count() == 3
