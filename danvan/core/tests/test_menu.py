"""The main menu: every entry of a full installation leads to a page, grouped as staff look for it."""

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse

from danvan.core.context_processors import MENU

pytestmark = pytest.mark.django_db


def entries():
    for entry in MENU:
        yield from (entry[2] if isinstance(entry[2], list) else [entry])


@pytest.mark.parametrize("key,label,icon,name", list(entries()), ids=lambda value: str(value))
def test_every_entry_of_the_menu_has_its_page(key, label, icon, name):
    url = reverse(name)  # raises if an app of the installation lost its page
    assert key == "home" or url.strip("/")  # each module has its own address
    assert key in ("home", "org") or name.split(":")[0] == key  # the key marks the app's pages active


def test_a_commune_officer_sees_the_menu_in_its_groups(client, cast):
    client.force_login(cast.c1_officer)
    page = client.get(reverse("home"))
    menu = page.context["nav_menu"]
    groups = {entry["label"]: [label for _, label, _, _ in entry["links"]] for entry in menu if "links" in entry}
    assert groups["Cơ sở"] == ["Dư luận xã hội, tiếp dân", "Dân chủ ở cơ sở", "Đoàn viên, hội viên"]
    assert [entry["link"][1] for entry in menu if "link" in entry] == ["Tổng quan", "Dân vận khéo", "Đơn vị"]
    assert "Cấu hình hệ thống" not in page.content.decode()  # the admin is for superusers, in the account menu
    client.force_login(get_user_model().objects.create_superuser("quantri", password="x"))
    admin = client.get(reverse("home"))
    assert admin.context["nav_admin"] == reverse("admin:index") and "Cấu hình hệ thống" in admin.content.decode()
