"""The membership pages driven in a real Chromium: a commune's officer enters the year's figures (a breakdown
above its total is refused with the reason, nothing typed lost), finds them in the list, reads them on the
statistics page in both modes and downloads the Word report, opened again, which holds the same figures."""

from __future__ import annotations

import io

import pytest
from docx import Document as Docx
from playwright.sync_api import expect

from danvan.core.testing.browser import wait_until_ready, watch_problems
from danvan.membership.models import MembershipReport, PopulationFigure

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_enter_list_statistics_and_report(page, login, cast, screenshot):
    problems = watch_problems(page)
    login(cast.c1_officer)
    page.goto(page.base_url + "/doan-the/")
    page.get_by_role("link", name="Nhập số liệu").click()
    expect(page.get_by_role("heading", name="Nhập số liệu đoàn viên, hội viên")).to_be_visible()
    wait_until_ready(page)
    page.get_by_label("Năm").select_option("2025")
    page.get_by_label("Kỳ báo cáo").select_option(label="Cả năm")
    page.get_by_role("button", name="Tiếp tục").click()
    expect(page.get_by_role("heading", name="Số liệu đoàn viên, hội viên năm 2025")).to_be_visible()
    expect(page.get_by_text("Đảng ủy xã Long Thuận · số liệu đến ngày 31/12/2025")).to_be_visible()

    page.get_by_label("Hội Nông dân: tổng số").fill("1200")
    page.get_by_label("Hội Nông dân: nữ").fill("1300")
    page.get_by_label("Hội Nông dân: nông dân").fill("1000")
    page.get_by_label("Hội Nông dân: công nhân, lao động").fill("150")
    page.get_by_label("Hội Liên hiệp Phụ nữ: tổng số").fill("800")
    page.get_by_label("Hội Liên hiệp Phụ nữ: nữ").fill("800")
    page.get_by_label("Dân số").fill("5000")
    page.get_by_label("Số người tham gia ít nhất một tổ chức").fill("1500")
    page.get_by_role("button", name="Lưu").click()
    expect(page.get_by_test_id("row-errors")).to_contain_text(
        "Hội Nông dân: Số nữ (1.300) vượt quá tổng số đoàn viên, hội viên (1.200)."
    )
    expect(page.get_by_label("Hội Nông dân: nông dân")).to_have_value("1000")
    screenshot("membership/entry-errors")
    assert not MembershipReport.objects.exists()
    page.get_by_label("Hội Nông dân: nữ").fill("480")
    page.get_by_role("button", name="Lưu").click()

    expect(page.get_by_text("Đã lưu số liệu năm 2025 của Đảng ủy xã Long Thuận.")).to_be_visible()
    expect(page.get_by_test_id("report-row")).to_have_count(2)
    expect(page.get_by_test_id("report-row").first).to_contain_text("1.200")
    screenshot("membership/list")
    report = MembershipReport.objects.get(organization__code="nong-dan")
    assert (report.members, report.women, report.farmers, report.workers) == (1200, 480, 1000, 150)
    assert PopulationFigure.objects.get().organized == 1500

    page.get_by_role("link", name="Thống kê", exact=True).click()
    wait_until_ready(page)
    page.get_by_label("Năm", exact=True).select_option("2025")
    page.get_by_role("button", name="Xem").click()
    farmers = page.locator('[data-testid="stats-row"][data-code="nong-dan"]')
    expect(farmers.get_by_test_id("members")).to_have_text("1.200")
    expect(page.get_by_test_id("share")).to_have_text("30,0%")  # 1,500 of 5,000
    expect(page.get_by_test_id("sector-total").first).to_have_text("1.000")
    expect(page.get_by_test_id("unit-total")).to_have_text("2.000")
    wait_until_ready(page)  # the choice below is sent by the page's script, which must have run
    page.get_by_label("Đơn vị theo").select_option(label="Quy về đơn vị hiện nay")  # sent at once
    page.wait_for_url("**che_do=today**")
    expect(page.get_by_text("Địa bàn như hiện nay")).to_be_visible()
    expect(page.get_by_test_id("unit-total")).to_have_text("2.000")
    # the trend over the years: the table and the line chart, drawn by the page's script
    expect(page.get_by_test_id("trend-table").get_by_role("columnheader", name="Năm 2025")).to_be_visible()
    expect(page.get_by_test_id("trend-total")).to_have_text("2.000")
    expect(page.locator('canvas[data-chart="membership-trend"]')).to_have_attribute("data-drawn", "1")
    screenshot("membership/statistics")
    with page.expect_download() as info:
        page.get_by_role("link", name="Báo cáo năm (Word)").click()
    word = Docx(io.BytesIO(info.value.path().read_bytes()))
    text = "\n".join(p.text for p in word.paragraphs)
    assert "Tình hình đoàn viên, hội viên năm 2025" in text
    assert "có 2.000 lượt đoàn viên, hội viên" in text
    assert "đạt tỷ lệ tập hợp 30,0%" in text
    assert problems == []
