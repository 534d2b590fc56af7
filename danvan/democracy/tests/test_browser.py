"""The grassroots democracy pages driven in a real Chromium: a commune's officer opens this year's record, ticks
what was made public and how, records a matter the households decided (a count above the total is refused with
the rule's words, nothing typed lost), and downloads the year's report, which holds both (reopened)."""

from __future__ import annotations

import io

import pytest
from django.utils import timezone
from docx import Document as Docx
from playwright.sync_api import expect

from danvan.core.testing.browser import fill_date, wait_until_ready, watch_problems
from danvan.democracy.models import DemocracyYear, Disclosure, Matter

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

MATTER = "Làm đường giao thông nông thôn ấp Bến Đình theo phương châm Nhà nước và Nhân dân cùng làm"


def test_record_checklist_matter_and_report(page, login, cast, screenshot):
    today = timezone.localdate()
    day = today.strftime("%d/%m/%Y")
    problems = watch_problems(page)
    login(cast.c1_officer)
    page.goto(page.base_url + "/dan-chu-co-so/")
    page.get_by_role("link", name="Thêm hồ sơ năm").click()
    expect(page.get_by_role("heading", name="Thêm hồ sơ dân chủ ở cơ sở")).to_be_visible()
    wait_until_ready(page)
    page.get_by_label("Loại hình").select_option(label="Xã, phường, đặc khu")
    page.get_by_role("button", name="Lưu").click()
    expect(page.get_by_text("Đã thêm hồ sơ năm.")).to_be_visible()
    record = DemocracyYear.objects.get()
    assert record.unit_id == cast.c1.pk and record.year == today.year

    lines = page.get_by_test_id("checklist-line")
    expect(lines).to_have_count(Disclosure.objects.filter(record=record).count())
    first = lines.first
    wait_until_ready(page)
    first.get_by_label("Đã công khai").check()
    first.get_by_label("Niêm yết tại trụ sở").check()
    first.get_by_label("Hệ thống truyền thanh cơ sở").check()
    fill_date(first, "Ngày công khai", day)
    page.get_by_role("button", name="Lưu danh mục công khai").click()
    expect(page.get_by_text("Đã lưu 1 nội dung công khai.")).to_be_visible()
    expect(page.get_by_test_id("checklist-done")).to_contain_text("1/")
    screenshot("democracy/checklist")

    page.get_by_role("link", name="Nhân dân bàn và quyết định").click()
    page.get_by_text("Thêm nội dung nhân dân bàn và quyết định").click()
    wait_until_ready(page)
    form = page.get_by_test_id("part-add")
    form.get_by_label("Nội dung").fill(MATTER)
    form.get_by_label("Thôn, ấp, khu phố").fill("Ấp Bến Đình")
    form.get_by_label("Hình thức").select_option(label="Phát phiếu lấy ý kiến hộ gia đình")
    fill_date(form, "Ngày lấy ý kiến", day)
    form.get_by_label("Tổng số hộ gia đình").fill("320")
    form.get_by_label("Số hộ đồng ý").fill("350")
    form.get_by_role("button", name="Thêm").click()
    expect(page.get_by_text("Số hộ đồng ý (350) vượt quá tổng số hộ gia đình (320).")).to_be_visible()
    expect(page.get_by_test_id("part-add").get_by_label("Nội dung")).to_have_value(MATTER)
    screenshot("democracy/matter-error")
    page.get_by_test_id("part-add").get_by_label("Số hộ đồng ý").fill("251")
    page.get_by_test_id("part-add").get_by_role("button", name="Thêm").click()
    expect(page.get_by_text("Đã thêm nội dung nhân dân bàn và quyết định.")).to_be_visible()
    expect(page.get_by_test_id("matter")).to_contain_text("Đã quyết định")
    expect(page.get_by_test_id("matter")).to_contain_text("251/320")
    screenshot("democracy/matters")
    assert Matter.objects.get().decided is True

    page.goto(page.base_url + "/dan-chu-co-so/bao-cao/")
    wait_until_ready(page)
    with page.expect_download() as info:
        page.get_by_role("button", name="Tải báo cáo (Word)").click()
    word = Docx(io.BytesIO(info.value.path().read_bytes()))
    text = "\n".join(p.text for p in word.paragraphs)
    assert f"Kết quả thực hiện dân chủ ở cơ sở năm {today.year}" in text
    assert "Nhân dân bàn và quyết định trực tiếp 1 nội dung" in text
    assert "Các đơn vị đã công khai 1/" in text
    assert problems == []
