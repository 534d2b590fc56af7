"""The home page's events panel: contests running and conferences from today, in the user's scope, as the
lists it links to show them; a fixed number of queries."""

from __future__ import annotations

import datetime as dt

import pytest
from django.db import connection
from django.template.loader import render_to_string
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from danvan.events.dashboard import panel
from danvan.events.tests.conftest import make_conference, make_contest, running_contest

pytestmark = pytest.mark.django_db


def test_panel_counts_running_contests_and_upcoming_conferences_in_scope(cast):
    today = timezone.localdate()
    running_contest(cast.admin, cast.province, [cast.d1, cast.d2])
    make_contest(cast.admin, cast.province, name="Cuộc thi viết", start=today, end=today)  # still preparing
    make_conference(cast.admin, cast.province, title="Hội nghị tổng kết năm nay", date=today + dt.timedelta(days=20))
    make_conference(cast.admin, cast.province, title="Hội nghị đã qua", date=today - dt.timedelta(days=1))
    make_conference(cast.admin, cast.c1, title="Tọa đàm ở xã", date=today, attending=[])
    data = panel(cast.admin, today)
    assert data["running_count"] == 1 and data["running"][0].entry_count == 2
    assert data["upcoming_count"] == 2
    assert [c.title for c in data["upcoming"]] == ["Tọa đàm ở xã", "Hội nghị tổng kết năm nay"]
    commune = panel(cast.c1_officer, today)
    assert (commune["running_count"], commune["upcoming_count"]) == (0, 1)
    assert panel(cast.outsider, today)["upcoming_count"] == 0
    with CaptureQueriesContext(connection) as queries:
        panel(cast.admin, today)
    assert len(queries) == 2  # both lists are shorter than the panel's: no count to ask
    html = render_to_string("events/_dashboard.html", {"events": data})
    assert 'data-testid="events-running-count">1<' in html and "Tọa đàm ở xã" in html
    for day in range(1, 6):
        make_conference(cast.admin, cast.province, title=f"Hội nghị {day}", date=today + dt.timedelta(days=day))
    with CaptureQueriesContext(connection) as queries:
        data = panel(cast.admin, today)
    assert len(queries) == 3 and data["upcoming_count"] == 7 and len(data["upcoming"]) == 5
