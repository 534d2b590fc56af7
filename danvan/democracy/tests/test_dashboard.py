"""The home panel alone: the units expected to keep this year's record that have none, this year's records not
reviewed, the matters still being counted; scoped; a fixed number of queries."""

from __future__ import annotations

import datetime as dt

import pytest
from django.db import connection
from django.template.loader import render_to_string
from django.test.utils import CaptureQueriesContext

from danvan.core.testing.factories import make_unit
from danvan.democracy.dashboard import panel
from danvan.democracy.tests.conftest import agency, make_matter, make_record

pytestmark = pytest.mark.django_db
TODAY = dt.date(2024, 11, 20)


def test_panel_counts_what_each_one_sees(cast, settings):
    office = agency(cast.d1, "Phòng Văn hóa huyện")
    make_record(cast.admin, office, 2023)  # kept one last year: expected again
    record = make_record(cast.admin, cast.c1, 2024)
    make_matter(cast.admin, record, agreeing=None, day=dt.date(2024, 10, 1))
    make_matter(cast.admin, record, agreeing=120, day=dt.date(2024, 9, 1), content="Đã kiểm phiếu")
    province = panel(cast.admin, TODAY)
    assert (province["expected_count"], province["missing_count"]) == (4, 3)  # C1, C2, C3 and the office
    missing = ["Đảng ủy xã Lợi Thuận", "Phòng Văn hóa huyện", "Đảng ủy xã Tân Lập"]
    assert [u.name for u in province["missing"]] == missing
    assert province["unreviewed_count"] == 1 and province["pending_count"] == 1
    commune = panel(cast.c2_officer, TODAY)
    assert (commune["expected_count"], commune["missing_count"], commune["pending_count"]) == (1, 1, 0)
    assert panel(cast.outsider, TODAY)["expected_count"] == 0
    html = render_to_string("democracy/_dashboard.html", {"democracy": province})
    assert "Làm đường giao thông nông thôn ấp 3" in html and "3</span> trong 4 đơn vị chưa có hồ sơ" in html

    counted = []
    for more in (8, 8):  # the lists full, then twice as much data: the same queries
        for i in range(more):
            unit = make_unit(f"Đảng ủy xã Thêm {len(counted)}-{i}", parent=cast.d2)
            make_matter(cast.admin, make_record(cast.admin, unit, 2024), agreeing=None, day=dt.date(2024, 10, 2))
        with CaptureQueriesContext(connection) as queries:
            data = panel(cast.admin, TODAY)
        counted.append(len(queries))
    assert counted[0] == counted[1]
    assert data["pending_count"] == 17 and len(data["pending"]) == 5
