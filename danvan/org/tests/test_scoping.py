"""Every org page walked by the fixed cast: in scope 200, out of scope 404, anonymous to login."""

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db

# Which units each member of the cast may see.
SCOPE = {
    "admin": {"province", "d1", "d2", "c1", "c2", "c3"},
    "d1_officer": {"d1", "c1", "c2"},
    "d1_reviewer": {"d1", "c1", "c2"},
    "c1_officer": {"c1"},
    "c2_officer": {"c2"},
    "d2_officer": {"d2", "c3"},
    "outsider": set(),
}
UNITS = ["province", "d1", "d2", "c1", "c2", "c3"]
UNIT_PAGES = ["org:unit-detail", "org:unit-children"]


@pytest.mark.parametrize("who", list(SCOPE))
@pytest.mark.parametrize("page", UNIT_PAGES)
def test_unit_pages_answer_404_outside_the_users_subtree(client, cast, who, page):
    client.force_login(cast.users[who])
    for name in UNITS:
        unit = getattr(cast, name)
        response = client.get(reverse(page, args=[unit.pk]) + "?ngay=2020-01-01")
        expected = 200 if name in SCOPE[who] else 404
        assert response.status_code == expected, (who, page, name)


@pytest.mark.parametrize("who", list(SCOPE))
def test_unit_list_and_search_show_only_the_users_units(client, cast, who):
    client.force_login(cast.users[who])
    for params in ("?ngay=2020-01-01", "?ngay=2020-01-01&q=dang+uy", "?ngay=2020-01-01&q=huyen"):
        html = client.get(reverse("org:unit-list") + params).content.decode()
        for name in UNITS:
            unit = getattr(cast, name)
            visible = f'href="/don-vi/{unit.pk}/' in html
            if name not in SCOPE[who]:
                assert not visible, (who, params, name)


def test_search_ignores_diacritics(client, cast):
    client.force_login(cast.admin)
    html = client.get(reverse("org:unit-list") + "?ngay=2020-01-01&q=loi+thuan").content.decode()
    assert "Đảng ủy xã Lợi Thuận" in html
    assert "Đảng ủy xã Long Thuận" not in html


@pytest.mark.parametrize("url_name", ["home", "org:unit-list"])
def test_pages_require_login(client, url_name):
    response = client.get(reverse(url_name))
    assert response.status_code == 302
    assert response.url.startswith(reverse("login"))


def test_detail_of_an_unknown_unit_is_404(client, cast):
    client.force_login(cast.admin)
    assert client.get(reverse("org:unit-detail", args=[999999])).status_code == 404


def test_breadcrumb_does_not_link_ancestors_outside_scope(client, cast):
    client.force_login(cast.c1_officer)
    html = client.get(reverse("org:unit-detail", args=[cast.c1.pk])).content.decode()
    assert "Huyện ủy Bến Cầu" in html  # the name of the superior unit is shown...
    assert f'href="/don-vi/{cast.d1.pk}/"' not in html  # ...but not linked


def test_a_bad_as_at_date_is_explained_and_today_is_used(client, cast):
    client.force_login(cast.admin)
    html = client.get(reverse("org:unit-list") + "?ngay=31/02/2020").content.decode()
    assert "Ngày không hợp lệ" in html
