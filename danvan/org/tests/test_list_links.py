"""The unit search used by clicking its own links: page size, page 2, sort, the search and date kept."""

import pytest
from django.urls import reverse

from danvan.core.testing.factories import make_unit
from danvan.core.testing.links import click, href, walk_list

pytestmark = pytest.mark.django_db


def test_the_unit_search_pages_and_sorts(client, cast):
    wanted = [
        make_unit(f"Đoàn thanh niên ấp Long Phú {n:02d}", "doan-the", cast.c1, code=f"CB{n:02d}") for n in range(22)
    ]
    make_unit("Đoàn thanh niên ấp Bàu Tràm", "doan-the", cast.c1, code="CBX")
    client.force_login(cast.admin)
    url = reverse("org:unit-list") + "?q=long+phu&ngay=2024-05-01"
    walk_list(client, url, {u.pk for u in wanted}, header="Mã", value=lambda u: u.code)


def test_a_records_history_pages_under_it_keeping_the_pages_own_parameters(client, cast):
    unit = make_unit("Đoàn thanh niên ấp Long Phú", "doan-the", cast.c1, code="DTN")
    for n in range(25):
        unit.name = f"Đoàn thanh niên ấp Long Phú (lần {n + 1})"
        unit.save()
    client.force_login(cast.admin)
    response = client.get(unit.get_absolute_url(), {"ngay": "2024-05-01"})
    history = response.context["history"]
    assert (history.count, len(history)) == (26, 20)  # created, then renamed 25 times; newest first
    assert "(lần 25)" in str(next(iter(history))[1])
    second = click(client, response, "Sau ›", within="trang_ls=2")
    assert second.wsgi_request.GET["ngay"] == "2024-05-01"
    assert href(response, "Sau ›", within="trang_ls=2").endswith("#lich-su")
    rows = list(second.context["history"])
    assert len(rows) == 6 and rows[-1][0].action == "create"
