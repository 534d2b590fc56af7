"""Long unit lists get a search box that filters them without diacritics (select-filter.js)."""

import pytest
from playwright.sync_api import expect

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_typing_without_diacritics_narrows_the_unit_list_and_picks_the_match(page, login, cast):
    login(cast.d1_officer)
    page.goto(page.base_url + "/dan-van-kheo/them/")
    page.get_by_label("Lọc danh sách").first.fill("loi thuan")
    unit = page.locator("select[name=unit]")
    expect(unit.locator("option:not([hidden])")).to_have_count(2)  # the empty choice and Lợi Thuận
    expect(unit).to_have_value(str(cast.c2.pk))
    page.get_by_label("Lọc danh sách").first.fill("")
    expect(unit.locator("option:not([hidden])")).to_have_count(4)
