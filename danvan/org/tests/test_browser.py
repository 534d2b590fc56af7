"""The unit pages driven in a real Chromium."""

import re

import pytest
from playwright.sync_api import expect

from danvan.core.testing.browser import fill_date, wait_until_ready

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_an_officer_logs_in_and_browses_the_unit_tree(page, login, cast, screenshot):
    login(cast.d1_officer)
    expect(page.get_by_role("heading", name="Tổng quan")).to_be_visible()
    page.get_by_role("link", name="Đơn vị").first.click()
    fill_date(page, "Tại ngày", "01/01/2020")
    page.get_by_role("button", name="Xem").click()
    expect(page).to_have_url(re.compile(r"ngay=01%2F01%2F2020"))
    wait_until_ready(page)  # the tree's expand buttons work once HTMX has bound them
    tree = page.locator(".tree")
    expect(tree.get_by_role("link", name="Huyện ủy Bến Cầu")).to_be_visible()
    expect(tree.get_by_text("Huyện ủy Tân Biên")).to_have_count(0)
    page.get_by_role("button", name="Mở rộng Huyện ủy Bến Cầu").click()
    expect(tree.get_by_role("link", name="Đảng ủy xã Long Thuận")).to_be_visible()
    expect(tree.get_by_role("link", name="Đảng ủy xã Lợi Thuận")).to_be_visible()
    screenshot("org-unit-tree")
    tree.get_by_role("link", name="Đảng ủy xã Long Thuận").click()
    expect(page.get_by_role("heading", name="Đảng ủy xã Long Thuận")).to_be_visible()
    expect(page.get_by_text("Lịch sử thay đổi")).to_be_visible()
    screenshot("org-unit-detail")


def test_another_units_page_is_not_found(page, login, cast):
    login(cast.c1_officer)
    response = page.goto(f"{page.base_url}/don-vi/{cast.c3.pk}/")
    assert response.status == 404
    expect(page.get_by_role("heading", name="Không tìm thấy trang")).to_be_visible()
    response = page.goto(f"{page.base_url}/don-vi/{cast.c1.pk}/")
    assert response.status == 200


def test_search_without_diacritics_finds_the_unit(page, login, cast):
    login(cast.admin)
    page.goto(page.base_url + "/don-vi/?ngay=2020-01-01")
    page.get_by_label("Tìm đơn vị").fill("loi thuan")
    page.get_by_role("button", name="Xem").click()
    expect(page.get_by_role("link", name="Đảng ủy xã Lợi Thuận")).to_be_visible()
    expect(page.get_by_text(re.compile(r"Tìm thấy\s+1\s+đơn vị"))).to_be_visible()


def test_wrong_password_gets_a_vietnamese_message(page, cast):
    page.goto(page.base_url + "/dang-nhap/")
    page.get_by_label("Tên đăng nhập").fill("c1_officer")
    page.get_by_label("Mật khẩu").fill("sai")
    page.get_by_role("button", name="Đăng nhập").click()
    expect(page.get_by_text("Tên đăng nhập hoặc mật khẩu không đúng")).to_be_visible()


def test_the_menu_collapses_on_a_phone(page, login, cast, screenshot):
    page.set_viewport_size({"width": 390, "height": 844})
    login(cast.c1_officer)
    expect(page.get_by_role("button", name="Mở menu")).to_be_visible()
    page.get_by_role("button", name="Mở menu").click()
    expect(page.get_by_role("link", name="Đơn vị")).to_be_visible()
    screenshot("home-phone")
