"""The home page's opinion panel agrees with the list it links to and with the Excel export: this month's
cases, open hot spots, forwarded items unanswered past their deadline (red); merged duplicates count once."""

from __future__ import annotations

import datetime as dt
import io
import re

import pytest
from django.urls import reverse
from django.utils import timezone
from openpyxl import load_workbook

from danvan.opinion import services
from danvan.opinion.choices import Tendency
from danvan.opinion.tests.conftest import make_item

pytestmark = pytest.mark.django_db


def panel_figure(html: str, testid: str) -> int:
    text = re.search(rf'data-testid="{testid}">([^<]*)<', html).group(1)
    digits = re.sub(r"\D", "", text)
    return int(digits) if digits else 0


@pytest.fixture
def scene(cast):
    today = timezone.localdate()
    first = today.replace(day=1)
    this_month = [
        make_item(cast.c1_officer, cast.c1, noted_on=first, tendency=Tendency.AGREE),
        make_item(
            cast.c1_officer, cast.c1, noted_on=today, tendency=Tendency.DISAGREE, hot_spot=True, people_involved=40
        ),
        make_item(cast.c2_officer, cast.c2, noted_on=today, tendency=Tendency.UNSURE),
    ]
    twin = make_item(cast.c1_officer, cast.c1, noted_on=today, tendency=Tendency.DISAGREE)
    services.merge(cast.c1_officer, this_month[1], [twin])
    old = make_item(cast.c1_officer, cast.c1, noted_on=first - dt.timedelta(days=40), hot_spot=True)
    services.take_step(cast.c1_officer, old, "forward", forwarded_to="UBND xã Long Thuận",
                       forwarded_on=old.noted_on, answer_due=old.noted_on + dt.timedelta(days=10))  # fmt: skip
    return cast, today


@pytest.mark.parametrize("who", ["admin", "d1_officer", "c1_officer", "c2_officer", "d2_officer"])
def test_the_panel_agrees_with_the_list_and_the_export(client, scene, who):
    cast, today = scene
    client.force_login(cast.users[who])
    home = client.get(reverse("home")).content.decode()
    listing = reverse("opinion:item-list")

    def counted(query: str) -> int:
        return client.get(f"{listing}?{query}").context["listing"].count

    month = f"nam={today.year}&thang={today.month}"
    assert panel_figure(home, "opinion-month-total") == counted(month)
    assert panel_figure(home, "opinion-hot-count") == counted("diem_nong=on&trang_thai=mo")
    assert panel_figure(home, "opinion-late-count") == counted("trang_thai=qua-han")
    export = client.get(reverse("opinion:item-export") + "?" + month)
    sheet = load_workbook(io.BytesIO(export.getvalue())).worksheets[0]
    rows = [r for r in sheet.iter_rows(min_row=2, values_only=True) if any(r)]
    assert len(rows) == counted(month)
    expected = {"admin": 3, "d1_officer": 3, "c1_officer": 2, "c2_officer": 1, "d2_officer": 0}[who]
    assert counted(month) == expected  # the merged twin counts once
    assert panel_figure(home, "opinion-late-count") == (1 if who in ("admin", "d1_officer", "c1_officer") else 0)
