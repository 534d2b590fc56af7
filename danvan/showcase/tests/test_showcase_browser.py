"""The showcase's main flow in a real Chromium: a commune officer consents to publication and picks a
photo; a visitor on a phone finds the model without diacritics and reads it."""

import datetime as dt

import pytest
from playwright.sync_api import expect

from danvan.core.testing.browser import wait_until_ready
from danvan.core.testing.uploads import image_bytes
from danvan.practices.models import Field, Level
from danvan.practices.seed import seed_config
from danvan.showcase.tests.test_showcase import attach, recognized

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

NAME = "Hiến đất làm đường giao thông nông thôn"


@pytest.fixture
def practice(cast):
    seed_config(Field, Level)  # a transactional test flushes the migration's seed
    shown = recognized(cast, cast.c1, NAME, 2019, description="Cả ấp cùng hiến đất, góp công làm đường.")
    from danvan.practices.choices import FileKind

    attach(cast, shown, FileKind.PHOTO, image_bytes(), "anh-1.png", "Con đường mới")
    attach(cast, shown, FileKind.PHOTO, image_bytes("JPEG"), "anh-2.jpg", "Họp dân nội bộ")
    return shown


def no_sideways_scroll(page) -> None:
    widths = page.evaluate("() => [document.documentElement.scrollWidth, window.innerWidth]")
    assert widths[0] <= widths[1], widths


def test_an_officer_publishes_a_model_and_a_visitor_reads_it_on_a_phone(page, login, cast, practice, screenshot):
    page.goto(page.base_url + "/mo-hinh/")
    expect(page.get_by_test_id("result-count")).to_contain_text("Tìm thấy 0 mô hình")

    login(cast.c1_officer)
    page.goto(page.base_url + f"/dan-van-kheo/{practice.pk}/")
    card = page.get_by_test_id("publication")
    expect(card).to_contain_text("Không giới thiệu trên trang công khai.")
    card.get_by_label("Cho phép giới thiệu mô hình này").check()
    card.get_by_label("Con đường mới").check()
    card.get_by_role("button", name="Lưu lựa chọn công bố").click()
    expect(page.get_by_role("alert")).to_contain_text(f"Hồ sơ {practice.code} được giới thiệu trên trang công khai.")
    public_link = page.get_by_test_id("publication").get_by_role("link", name="trang mô hình công khai")
    expect(public_link).to_have_attribute("href", f"/mo-hinh/{practice.code}/")
    screenshot("showcase-consent")
    page.context.clear_cookies()  # a visitor, not logged in

    page.set_viewport_size({"width": 390, "height": 800})
    page.goto(page.base_url + "/mo-hinh/")
    page.get_by_label("Tìm kiếm").fill("hien dat lam duong")
    page.get_by_role("button", name="Lọc").click()
    expect(page.get_by_test_id("result-count")).to_contain_text("Tìm thấy 1 mô hình")
    no_sideways_scroll(page)
    page.get_by_role("link", name=NAME).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(NAME)
    wait_until_ready(page)
    photo = page.get_by_test_id("public-photos").get_by_role("img")
    expect(photo).to_have_count(1)
    expect(photo).to_have_attribute("alt", "Con đường mới")
    # The image loads after the page: wait until the browser is done with it (a broken one completes too).
    page.wait_for_function("img => img.complete", arg=photo.element_handle())
    assert photo.evaluate("img => img.naturalWidth") == 40  # the bytes arrived and decode
    expect(page.get_by_test_id("public-recognition")).to_contain_text(
        f"Số 15-QĐ/BCĐ, ngày {dt.date(2019, 12, 20):%d/%m/%Y}"
    )
    expect(page.locator("body")).not_to_contain_text("Họp dân nội bộ")
    no_sideways_scroll(page)
    screenshot("showcase-phone")
