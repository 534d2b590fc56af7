"""The practice list used by clicking its own links: page size, page 2, back, sort both ways, filters kept."""

import pytest
from django.urls import reverse

from danvan.core.testing.links import click, href, walk_list
from danvan.practices.tests.test_list_queries import add_practices

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("who", ["admin", "d1_reviewer"])
def test_the_list_pages_and_sorts_by_its_links_keeping_the_filters(client, cast, who):
    wanted = add_practices(cast, 23, year=2019)
    add_practices(cast, 6, year=2020)  # outside the filter: never on any page
    client.force_login(cast.users[who])
    url = reverse("practices:list") + f"?nam=2019&don_vi={cast.d1.pk}&truc_thuoc=on&q=nong+thon"
    walk_list(client, url, {p.pk for p in wanted}, header="Năm", value=lambda p: p.year)
    walk_list(client, url, {p.pk for p in wanted}, header="Mã", value=lambda p: p.code)


def test_the_filter_form_keeps_the_sort_and_page_size(client, cast):
    add_practices(cast, 25, year=2019)
    client.force_login(cast.admin)
    response = client.get(reverse("practices:list"), {"sap_xep": "-ma", "so_dong": 20, "trang": 2})
    html = response.content.decode()
    assert '<input type="hidden" name="sap_xep" value="-ma">' in html
    assert '<input type="hidden" name="so_dong" value="20">' in html
    assert 'name="trang"' not in html  # a new filter starts on page 1
    assert "??" not in html


def test_bad_paging_parameters_fall_back_to_the_defaults(client, cast):
    add_practices(cast, 3, year=2019)
    client.force_login(cast.admin)
    for params in ({"so_dong": "7"}, {"so_dong": "x"}, {"trang": "abc"}, {"trang": "99"}, {"sap_xep": "--ma"}):
        response = client.get(reverse("practices:list"), params)
        assert response.status_code == 200
        listing = response.context["listing"]
        assert (listing.size, listing.count, len(listing)) == (50, 3, 3), params


def test_the_list_after_a_bulk_decision_links_to_the_list_itself(client, cast):
    add_practices(cast, 25, year=2019)
    client.force_login(cast.admin)
    response = client.post(reverse("practices:bulk") + "?nam=2019&so_dong=20", {"action": "recognize"})
    assert response.status_code == 200  # the form's errors, with the list below
    assert href(response, "Sau ›").startswith(reverse("practices:list") + "?")
    assert click(client, response, "Sau ›").context["listing"].page.number == 2
