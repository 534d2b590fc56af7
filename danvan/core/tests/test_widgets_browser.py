"""The shared widgets in a real Chromium: the unit picker (typed without diacritics), the date field
(dd/mm/yyyy in a browser set to American English) and several units picked in one field."""

import datetime as dt
import os
import re
from pathlib import Path

import pytest
from playwright.sync_api import expect

from danvan.core.testing.browser import (
    chosen_units,
    fill_date,
    offline_context,
    pick_unit,
    unit_options,
    unit_select,
)
from danvan.core.testing.factories import PASSWORD
from danvan.planning.models import Supervision

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def shot(page, name: str) -> None:
    folder = Path(os.environ.get("DANVAN_ARTIFACTS", "test-artifacts"))
    folder.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(folder / f"{name}.png"))


@pytest.fixture
def en_page(chromium, live_server):
    """A page of a browser whose language is American English (its own date input is mm/dd/yyyy)."""
    context = offline_context(chromium, live_server, locale="en-US", timezone_id="America/New_York")
    page = context.new_page()
    page.base_url = live_server.url
    yield page
    context.close()
    assert context.external == [], context.external


def log_in(page, user):
    page.goto(page.base_url + "/dang-nhap/")
    page.get_by_label("Tên đăng nhập").fill(user.username)
    page.get_by_label("Mật khẩu").fill(PASSWORD)
    page.get_by_role("button", name="Đăng nhập").click()
    expect(page.get_by_role("navigation")).to_contain_text(user.username)


def test_the_unit_picker_finds_units_typed_without_diacritics(page, login, cast):
    login(cast.d1_officer)
    page.goto(page.base_url + "/dan-van-kheo/them/")
    # "loi thuan" finds Lợi Thuận and not Long Thuận; each unit is named with its parent.
    options = unit_options(page, "Đơn vị", "loi thuan")
    expect(options).to_have_count(1)
    expect(options.first).to_have_text("Đảng ủy xã Lợi Thuận – Huyện ủy Bến Cầu")
    shot(page, "widgets-picker")
    # "đ" is typed as "d"; the ended district is marked with its last day.
    options = unit_options(page, "Đơn vị", "huyen uy ben cau")
    expect(options.first).to_have_text("Huyện ủy Bến Cầu – Tỉnh ủy Tây Ninh (đến 30/6/2025)")
    value = pick_unit(page, "Đơn vị", "dang uy xa long", "Long Thuận")
    assert value == str(cast.c1.pk)
    expect(unit_select(page, "Đơn vị")).to_have_value(str(cast.c1.pk))


def test_dates_are_typed_dd_mm_yyyy_in_an_american_browser_and_units_picked_as_tags(en_page, cast):
    page = en_page
    log_in(page, cast.admin)
    page.goto(page.base_url + "/ke-hoach/giam-sat/them/")
    pick_unit(page, "Đơn vị chủ trì", "tinh uy tay ninh", "Tỉnh ủy Tây Ninh")
    page.get_by_role("textbox", name="Nội dung", exact=True).fill("Giám sát việc thực hiện Quy chế dân chủ ở cơ sở")
    pick_unit(page, "Đơn vị được kiểm tra, giám sát", "loi thuan")
    pick_unit(page, "Đơn vị được kiểm tra, giám sát", "tan lap")
    expect(chosen_units(page, "Đơn vị được kiểm tra, giám sát")).to_have_count(2)
    start = fill_date(page, "Dự kiến từ ngày", "05/01/2026")
    fill_date(page, "Dự kiến đến ngày", "20/01/2026")
    start.click()  # the Vietnamese calendar opens on the typed day: 5 January, not 1 May
    calendar = page.locator(".flatpickr-calendar.open")
    expect(calendar.locator(".flatpickr-day.selected")).to_have_text("5")
    expect(calendar.locator(".flatpickr-day.selected")).to_have_attribute("aria-label", "05/01/2026")
    # the header shows the month as clerks write it and the year beside it, both within the calendar
    month = calendar.locator(".flatpickr-monthDropdown-months")
    expect(month.locator("option:checked")).to_have_text("Tháng 1")
    year = calendar.locator("input.cur-year")
    expect(year).to_be_visible()
    expect(year).to_have_value("2026")
    box, year_box = calendar.bounding_box(), year.bounding_box()
    assert year_box["x"] + year_box["width"] <= box["x"] + box["width"]
    shot(page, "widgets-date")
    page.keyboard.press("Escape")
    page.get_by_role("button", name="Lưu").click()
    expect(page.get_by_role("heading", name=re.compile("Quy chế dân chủ ở cơ sở"))).to_be_visible()
    supervision = Supervision.objects.get()
    assert supervision.planned_start == dt.date(2026, 1, 5)
    assert supervision.planned_end == dt.date(2026, 1, 20)
    assert set(supervision.supervised_units.all()) == {cast.c2, cast.c3}
    page.goto(f"{page.base_url}/ke-hoach/giam-sat/{supervision.pk}/sua/")
    expect(page.get_by_role("textbox", name="Dự kiến từ ngày", exact=True)).to_have_value("05/01/2026")
    expect(chosen_units(page, "Đơn vị được kiểm tra, giám sát")).to_have_count(2)
    shot(page, "widgets-picker-multiple")


def test_a_step_that_asks_first_takes_no_click_before_the_pages_scripts_are_bound(page, login, cast):
    """The confirmation is bound by the scripts at the end of the page: until the last one ran, the
    irreversible button ignores clicks instead of sending the step without asking."""
    from danvan.core.testing.factories import make_practice
    from danvan.practices import services

    practice = make_practice(cast.c1, 2024)
    services.transition(cast.c1_officer, practice, "start")
    login(cast.c1_officer)
    held = []
    # The last script is held back: the page is parsed, its scripts not all run.
    page.route("**/danvan/ready.js", lambda route: held.append(route))
    page.goto(f"{page.base_url}/dan-van-kheo/{practice.pk}/", wait_until="commit")
    button = page.get_by_role("button", name="Đề nghị công nhận")
    page.wait_for_function("() => !!document.querySelector('footer')")  # parsed up to the held script
    assert button.evaluate("(b) => getComputedStyle(b).pointerEvents") == "none"
    assert held, "ready.js was not requested"
    held[0].continue_()
    expect(page.locator("html")).to_have_class(re.compile(r"\bjs-ready\b"))
    assert button.evaluate("(b) => getComputedStyle(b).pointerEvents") == "auto"
    button.click()
    expect(page.get_by_role("dialog")).to_contain_text("Đề nghị công nhận")


def test_a_page_cannot_reach_the_internet_and_the_attempt_is_recorded(chromium, live_server):
    """The guard every browser test relies on: a script or image from outside fails and is listed."""
    context = offline_context(chromium, live_server)
    page = context.new_page()
    page.goto(live_server.url + "/dang-nhap/")
    failed = []
    page.on("requestfailed", lambda request: failed.append(request.url))
    with page.expect_event("requestfailed"):
        page.evaluate("() => { const img = new Image(); img.src = 'http://cdn.example.org/logo.png'; }")
    context.close()
    assert failed == ["http://cdn.example.org/logo.png"]
    assert context.external == ["http://cdn.example.org/logo.png"]
