"""The statistics' two ways of counting units across the 2025 reform: as at the time (the province as it
was, its units of the year: the districts, until 30/6/2025, keep their old communes' 2024 figures) and
mapped to today's units (everything the province ever inherited, every figure under today's unit). Both give
the same province total for 2025; for 2024 only the second includes the province merged in on 1/7/2025.
Every figure lands in one row of the unit table, so the rows add up to the headline."""

from __future__ import annotations

import pytest
from django.urls import reverse

from danvan.membership import figures
from danvan.org import areas

pytestmark = pytest.mark.django_db


def rows(summary) -> dict[str, tuple[int, int | None]]:
    return {row.label: (row.memberships, row.previous) for row in summary.units}


def test_2025_the_same_province_total_in_both_modes(cast, reform):
    at = figures.summary(cast.admin, cast.province, 2025, areas.AS_AT)
    today = figures.summary(cast.admin, cast.province, 2025, areas.TODAY)
    for summary in (at, today):
        assert (summary.memberships, summary.previous_memberships) == (2635, 2450)
        assert (summary.population, summary.previous_population) == (13500 + 7100, 9000 + 4000 + 7000)
        assert sum(r.memberships for r in summary.units) == summary.memberships
        assert sum(r.previous for r in summary.units) == summary.previous_memberships
        assert sum(r.population for r in summary.units) == summary.population
        assert [u.name for u in summary.absorbed] == ["Tỉnh ủy Long An"]
    # As at the time: the units of 2025, the districts until 30/6/2025 holding their communes' 2024
    # figures, Long An's old commune its own row; the new communes from 1/7/2025.
    assert rows(at) == {
        "Huyện ủy Bến Cầu (đến 30/6/2025)": (110, 1000),  # C1 2025; A, B, C1 2024
        "Huyện ủy Tân Biên (đến 30/6/2025)": (55, 50),
        "Đảng ủy xã Mỹ Hạnh (từ 1/7/2025)": (420, 0),
        "Đảng ủy xã Mỹ Yên (đến 30/6/2025)": (0, 400),
        "Đảng ủy xã Phước Thạnh (từ 1/7/2025)": (950, 0),
        "Trực tiếp tại Tỉnh ủy Tây Ninh": (1100, 1000),
    }
    # Mapped to today: the merged communes' 2024 figures under the commune they became.
    assert rows(today) == {
        "Đảng ủy xã Mỹ Hạnh": (420, 400),
        "Đảng ủy xã Phước Thạnh": (950, 900),
        "Huyện ủy Bến Cầu (đến 30/6/2025)": (110, 100),  # C1 has no successor recorded in the cast
        "Huyện ủy Tân Biên (đến 30/6/2025)": (55, 50),
        "Trực tiếp tại Tỉnh ủy Tây Ninh": (1100, 1000),
    }
    phuoc_thanh = next(r for r in today.units if r.label == "Đảng ủy xã Phước Thạnh")
    assert (phuoc_thanh.population, phuoc_thanh.organized, phuoc_thanh.previous_organized) == (13500, 1300, 1200)


def test_2024_as_at_the_time_leaves_out_the_province_merged_later(cast, reform):
    at = figures.summary(cast.admin, cast.province, 2024, areas.AS_AT)
    today = figures.summary(cast.admin, cast.province, 2024, areas.TODAY)
    assert at.memberships == 600 + 300 + 100 + 50 + 1000 and at.absorbed == []
    assert today.memberships == at.memberships + 400  # Long An's commune, today in the province
    assert rows(at) == {
        "Huyện ủy Bến Cầu": (1000, None),
        "Huyện ủy Tân Biên": (50, None),
        "Trực tiếp tại Tỉnh ủy Tây Ninh": (1000, None),
    }
    assert rows(today)["Đảng ủy xã Phước Thạnh"] == (900, None)
    assert rows(today)["Đảng ủy xã Mỹ Hạnh"] == (400, None)
    for summary in (at, today):
        assert sum(r.memberships for r in summary.units) == summary.memberships


def test_a_new_commune_covers_its_predecessors_in_both_modes(cast, reform):
    new = reform["new"]
    for mode in (areas.AS_AT, areas.TODAY):
        earlier = figures.summary(cast.admin, new, 2024, mode)
        assert earlier.memberships == 900, mode
        later = figures.summary(cast.admin, new, 2025, mode)
        assert (later.memberships, later.previous_memberships) == (950, 900), mode
    assert rows(figures.summary(cast.admin, new, 2024, areas.AS_AT)) == {
        "Trực tiếp tại Đảng ủy xã Phước Chỉ": (600, None),
        "Trực tiếp tại Đảng ủy xã Phước Lưu": (300, None),
    }


def test_the_page_shows_both_modes(client, cast, reform):
    client.force_login(cast.admin)
    url = reverse("membership:statistics")
    at = client.get(url, {"nam": 2025, "don_vi": cast.province.pk})
    assert at.context["mode"] == areas.AS_AT  # the default, as on the practices' statistics
    text = at.content.decode()
    assert "Huyện ủy Bến Cầu (đến 30/6/2025)" in text and "Địa bàn và đơn vị như tại năm 2025." in text
    today = client.get(url, {"nam": 2025, "don_vi": cast.province.pk, "che_do": "today"})
    assert today.context["mode"] == areas.TODAY
    assert "quy về đơn vị hiện nay" in today.content.decode()
    for response in (at, today):
        assert 'data-testid="unit-total">2.635<' in response.content.decode()
    wrong = client.get(url, {"nam": 2025, "che_do": "hom-qua"})
    assert wrong.status_code == 200 and wrong.context["mode"] == areas.AS_AT
