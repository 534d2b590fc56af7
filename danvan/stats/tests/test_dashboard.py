"""The home page tells the same truth as the pages behind it: overdue reviews as the reviews report
counts them, returned records of every module, waiting records only for those who may decide them,
a year to choose, and the last years of an abolished unit with where its work continues."""

from __future__ import annotations

import io
import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from docx import Document as Docx

from danvan.core.testing.factories import make_practice, make_unit, make_user
from danvan.org.services import default_unit
from danvan.practices import services
from danvan.stats.report_data import Filters, current_year, practice_report

pytestmark = pytest.mark.django_db


def shown_in(html: str, name: str) -> str | None:
    found = re.search(rf'data-testid="{name}"[^>]*>(.*?)</', html, re.S)
    return found.group(1).strip() if found else None


def shown_in_list(html: str, name: str) -> str:
    return re.search(rf'data-testid="{name}"[^>]*>(.*?)</ol>', html, re.S).group(1)


def test_the_demo_dashboards_agree_with_the_pages_behind_them(client, demo):
    """Every demo account."""
    from django.contrib.auth import get_user_model

    users = {u.username: u for u in get_user_model().objects.filter(username__in=["tinh", "huyen", "xa", "nhaplieu"])}

    # Overdue reviews: the figure of the reviews report of the same year.
    client.force_login(users["tinh"])
    home = client.get(reverse("home")).content.decode()
    year = current_year()
    report = client.get(reverse("planning:review-report", args=["docx"]) + f"?nam={year}")
    text = "\n".join(p.text for p in Docx(io.BytesIO(report.content)).paragraphs)
    overdue = re.search(r"quá hạn (\d+)", text)
    shown = shown_in(home, "reviews-overdue")
    assert (shown or "0 quá hạn").split()[0] == (overdue.group(1) if overdue else "0")
    # The province's clerk reviews: the card is there and its piles link to the lists.
    assert shown_in(home, "to-review-card") is not None

    # The commune's returned award proposal is on its home page, with a link to it.
    client.force_login(users["xa"])
    home = client.get(reverse("home")).content.decode()
    assert shown_in(home, "returned") == "1"
    assert "Tờ trình khen thưởng" in home and "/khen-thuong/de-nghi/" in home
    assert 'data-testid="to-review-card"' not in home  # an editor decides nothing

    # The best units of the province's year are the statistics report's rows, with the same figures.
    client.force_login(users["tinh"])
    home = client.get(reverse("home")).content.decode()
    best = re.findall(r'<li>(.*?) <span class="badge[^"]*">([\d.]+)</span></li>', shown_in_list(home, "best"))
    statistics = practice_report(users["tinh"], Filters(year=year, unit=default_unit(users["tinh"])))
    recognized = {row.label: row.recognized for row in statistics.by_unit.rows}
    assert len(best) == 5
    assert [(label, int(figure.replace(".", ""))) for label, figure in best] == [
        (label, recognized[label]) for label, _ in best
    ]

    # The data-entry clerk may change but not review: no "waiting for you to review".
    client.force_login(users["nhaplieu"])
    home = client.get(reverse("home")).content.decode()
    assert 'data-testid="to-review-card"' not in home
    assert "Chờ bạn thẩm định" not in home

    # The abolished district's officer sees its last year, with figures, and where its work went on.
    client.force_login(users["huyen"])
    home = client.get(reverse("home")).content.decode()
    assert "Tổng quan năm 2025" in home
    assert shown_in(home, "registered") not in (None, "0")
    note = re.search(r'data-testid="ended-note">(.*?)</div>', home, re.S).group(1)
    assert "30/6/2025" in note and "Tỉnh ủy Tây Ninh" in note
    for href in re.findall(r'href="([^"]+)"', note):  # a link only to what the officer may open
        assert client.get(href).status_code == 200, href
    assert "<a " not in note  # the province is not theirs: named, not linked


def test_returned_practices_count_for_whoever_may_correct_them(client, cast):
    practice = make_practice(cast.c1, current_year())
    services.transition(cast.c1_officer, practice, "start")
    services.transition(cast.c1_officer, practice, "propose")
    services.transition(cast.d1_reviewer, practice, "return", comment="Bổ sung minh chứng.")
    client.force_login(cast.c1_officer)
    home = client.get(reverse("home") + f"?nam={current_year()}").content.decode()
    assert shown_in(home, "returned") == "1"
    assert practice.get_absolute_url() in home
    client.force_login(cast.c2_officer)  # another commune: not theirs to correct
    assert shown_in(client.get(reverse("home")).content.decode(), "returned") == "0"


def test_waiting_counts_only_what_the_user_may_decide(client, cast):
    practice = make_practice(cast.c1, 2025)  # the last year of D1 (abolished), which its home page shows
    services.transition(cast.c1_officer, practice, "start")
    services.transition(cast.c1_officer, practice, "propose")
    client.force_login(cast.d1_reviewer)
    assert shown_in(client.get(reverse("home")).content.decode(), "to-review") == "1"
    own = make_user("c1_reviewer", cast.c1, "reviewer")  # review right on C1 itself: decides only below it
    client.force_login(own)
    assert shown_in(client.get(reverse("home")).content.decode(), "to-review") == "0"


def test_the_year_can_be_chosen_and_a_bad_one_falls_back(client, cast):
    make_practice(cast.c3, 2022)
    client.force_login(cast.admin)
    html = client.get(reverse("home") + "?nam=2022").content.decode()
    assert "Tổng quan năm 2022" in html and shown_in(html, "registered") == "1"
    assert f"Tổng quan năm {current_year()}" in client.get(reverse("home") + "?nam=abc").content.decode()


def _queries(client, url: str) -> int:
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


@pytest.mark.parametrize("url", ["/", "/thong-ke/?nam={year}", "/thong-ke/?nam={year}&che_do=today"])
def test_query_counts_do_not_grow_with_the_number_of_units(client, cast, url):
    url = url.format(year=current_year())
    client.force_login(cast.admin)

    def add_communes(n: int, start: int) -> None:
        for i in range(start, start + n):
            commune = make_unit(f"Đảng ủy xã Thêm {i}", "dang-uy-xa", cast.province, code=f"XT{i}")
            make_practice(commune, current_year() - 1)
            make_practice(commune, current_year())

    add_communes(2, 0)
    before = _queries(client, url)
    add_communes(6, 2)
    assert _queries(client, url) == before
