"""The events lists walked as a clerk does (filters kept, pages, sorting; queries not growing with the page),
the search without diacritics, the score page's messages and stale-page refusal, the conference form."""

from __future__ import annotations

import datetime as dt

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from danvan.core.services import STALE_MESSAGE
from danvan.core.testing.links import walk_list
from danvan.events.models import Conference, Contest, Score
from danvan.events.tests.conftest import START, conference_kind, contest_kind, running_contest

pytestmark = pytest.mark.django_db


@pytest.fixture
def many(cast):
    """25 contests and 25 conferences of D1 in 2025, in bulk."""
    contests = Contest.objects.bulk_create(
        Contest(unit=cast.d1, kind=contest_kind(), name=f"Hội thi tuyên truyền số {i}", search_text=f"hoi thi so {i}",
                start_date=START - dt.timedelta(days=i), end_date=START - dt.timedelta(days=i))
        for i in range(25)
    )  # fmt: skip
    conferences = Conference.objects.bulk_create(
        Conference(unit=cast.d1, kind=conference_kind("giao-ban"), title=f"Hội nghị giao ban số {i}",
                   search_text=f"hoi nghi giao ban so {i}", date=START - dt.timedelta(days=i), attendees=10 + i)
        for i in range(25)
    )  # fmt: skip
    return contests, conferences


def test_the_contest_list_walked_by_its_links(client, cast, many):
    contests, _ = many
    client.force_login(cast.d1_officer)
    url = reverse("events:home") + f"?nam=2025&don_vi={cast.d1.pk}"
    walk_list(client, url, [c.pk for c in contests], header="Ngày", value=lambda c: (c.start_date, c.pk))


def test_the_conference_list_walked_by_its_links(client, cast, many):
    _, conferences = many
    client.force_login(cast.d1_officer)
    url = reverse("events:conference-list") + "?loai=" + str(conference_kind("giao-ban").pk)
    walk_list(client, url, [c.pk for c in conferences], header="Đại biểu", value=lambda c: (c.attendees, c.pk))


def test_query_counts_do_not_grow_with_the_page(client, cast, many):
    client.force_login(cast.d1_officer)
    for name in ("events:home", "events:conference-list"):
        counts = []
        for size in (20, 100):
            with CaptureQueriesContext(connection) as queries:
                assert client.get(reverse(name) + f"?so_dong={size}").status_code == 200
            counts.append(len(queries))
        assert counts[0] == counts[1], name


def test_search_without_diacritics(client, cast):
    running_contest(cast.admin, cast.province, [cast.d1, cast.d2])
    client.force_login(cast.admin)
    page = client.get(reverse("events:home") + "?q=dan van kheo").content.decode()
    assert "Hội thi “Dân vận khéo” lần thứ II" in page
    page = client.get(reverse("events:home") + "?q=duong pho").content.decode()
    assert "Chưa có hội thi nào." in page


def test_the_score_page_says_each_bad_cell_and_refuses_a_stale_page(client, cast):
    contest, (first, final), (d1, d2) = running_contest(cast.admin, cast.province, [cast.d1, cast.d2])
    client.force_login(cast.admin)
    url = reverse("events:scores", args=[contest.pk])
    data = {"version": contest.version, f"d_{d1.pk}_{first.pk}": "120", f"d_{d2.pk}_{first.pk}": "tám"}
    page = client.post(url, data).content.decode()
    assert "Điểm Vòng sơ khảo phải từ 0 đến 100." in page and "Điểm phải là số, ví dụ 8,5." in page
    data = {"version": contest.version, f"d_{d1.pk}_{first.pk}": "88,5", f"d_{d2.pk}_{final.pk}": "90"}
    assert client.post(url, data).status_code == 302
    assert Score.objects.count() == 2
    page = client.post(url, data | {f"d_{d1.pk}_{final.pk}": "70"}).content.decode()  # the version read before
    assert STALE_MESSAGE in page and Score.objects.count() == 2
    detail = client.get(reverse("events:contest-detail", args=[contest.pk])).content.decode()
    assert "Còn 2 ô điểm chưa nhập." in detail and "88,5" in detail


def test_the_conference_form_records_the_units_attending(client, cast):
    client.force_login(cast.d1_officer)
    data = {"unit": cast.d1.pk, "kind": conference_kind().pk, "title": "Hội nghị tổng kết năm 2024",
            "date": "15/01/2025", "attending_units": [cast.c1.pk, cast.c2.pk], "attendees": "80"}  # fmt: skip
    response = client.post(reverse("events:conference-create"), data)
    conference = Conference.objects.get()
    assert response.status_code == 302 and response.url == conference.get_absolute_url()
    page = client.get(conference.get_absolute_url()).content.decode()
    assert "Đảng ủy xã Long Thuận" in page and "Đảng ủy xã Lợi Thuận" in page
    page = client.post(reverse("events:conference-create"), data | {"title": "", "attendees": "0"}).content.decode()
    assert "Cần nhập tên hội nghị." in page or "bắt buộc" in page
