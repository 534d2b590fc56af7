"""The statistics page driven in Chromium: switch the unit mode, download the yearly report."""

import datetime as dt
import io

import pytest
from docx import Document as Docx
from playwright.sync_api import expect

from danvan.core.testing.factories import make_practice, make_unit
from danvan.org import services as org_services

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def data(cast):
    for unit, count in ((cast.c1, 3), (cast.c2, 2), (cast.c3, 4)):
        for i in range(count):
            make_practice(unit, 2019, name=f"Mô hình {unit.code} {i}")
    merged = make_unit("Đảng ủy xã Hợp Nhất", "dang-uy-xa", cast.province, code="XH", valid_from=dt.date(2025, 7, 1))
    org_services.record_lineage("merge", dt.date(2025, 7, 1), [cast.c1, cast.c2, cast.c3], [merged])
    return cast


def test_statistics_switch_unit_mode_and_download_the_report(page, login, data, screenshot):
    login(data.admin)
    page.get_by_role("button", name="Thống kê").click()  # the menu's group
    page.get_by_role("link", name="Thống kê “Dân vận khéo”").click()
    page.get_by_label("Năm").select_option("2019")
    page.get_by_role("button", name="Xem").click()
    units = page.locator('table[data-table="unit"]')
    expect(units).to_contain_text("Huyện ủy Bến Cầu")
    expect(units).to_contain_text("Huyện ủy Tân Biên")
    expect(page.locator('canvas[data-chart="chart-level"][data-drawn="1"]')).to_have_count(1)
    screenshot("stats-as-at")
    page.get_by_text("Quy về đơn vị hiện nay").click()
    expect(units).to_contain_text("Đảng ủy xã Hợp Nhất")
    expect(units).not_to_contain_text("Huyện ủy Bến Cầu")
    expect(units.locator("tfoot [data-col=registered]")).to_have_text("9")
    screenshot("stats-today")
    with page.expect_download() as info:
        page.get_by_role("link", name="Báo cáo năm (Word)").click()
    content = info.value.path().read_bytes()
    text = "\n".join(p.text for p in Docx(io.BytesIO(content)).paragraphs)
    assert "Năm 2019, toàn tỉnh đăng ký 9 mô hình cấp cơ sở" in text


def test_the_dashboard_year_selector_shows_that_years_figures(page, login, data, screenshot):
    login(data.admin)
    page.goto(page.base_url + "/")
    page.get_by_label("Năm", exact=True).select_option("2019")  # applies at once (static script), no button needed
    expect(page.get_by_role("heading", name="Tổng quan năm 2019")).to_be_visible()
    expect(page.get_by_test_id("registered")).to_have_text("9")
    expect(page.get_by_test_id("change")).to_contain_text("chưa có số liệu năm 2018")
    screenshot("dashboard-2019")
    page.get_by_role("link", name="Thống kê chi tiết ›").click()
    expect(page.get_by_role("heading", name="Thống kê phong trào “Dân vận khéo” năm 2019")).to_be_visible()
    expect(page.locator('table[data-table="level"] tfoot [data-col=registered]')).to_have_text("9")
