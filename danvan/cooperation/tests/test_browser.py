"""The main flow in a real Chromium: a commune's officer records the coordination programme the Đảng ủy signed
with the commune's People's Committee (told at once that a programme needs two parties, nothing typed lost),
adds an item led by one party, records the year's evaluation meeting, and finds the programme in the list by
a search typed without diacritics."""

from __future__ import annotations

import datetime as dt

import pytest
from playwright.sync_api import expect

from danvan.cooperation.models import Evaluation, Programme
from danvan.core.testing.browser import confirm, dismiss, fill_date, wait_until_ready, watch_problems

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

TITLE = "Phối hợp vận động nhân dân hiến đất làm đường giao thông nông thôn"
ITEM = "Vận động các hộ dân ấp Long Hòa hiến đất mở rộng đường liên ấp"


def test_record_a_programme_its_item_and_its_evaluation(page, login, cast, screenshot):
    year = dt.date.today().year
    problems = watch_problems(page)
    login(cast.c1_officer)
    page.goto(page.base_url + "/phoi-hop/")
    page.get_by_role("link", name="Thêm văn bản phối hợp").click()
    expect(page.get_by_role("heading", name="Thêm chương trình, quy chế phối hợp")).to_be_visible()
    wait_until_ready(page)
    page.get_by_label("Số hiệu").fill("01-CTr/ĐU-UBND")
    fill_date(page, "Ngày ký", f"15/01/{year}")
    page.get_by_label("Trích yếu").fill(TITLE)
    page.get_by_label("Các bên khác").fill("Đảng ủy xã Long Thuận")
    page.get_by_label("Sơ kết sau (năm)").fill("2")
    page.get_by_label("Tổng kết sau (năm)").fill("5")
    page.get_by_role("button", name="Lưu").click()
    expect(page.get_by_text("Một văn bản phối hợp cần ít nhất 2 bên ký kết.")).to_be_visible()
    expect(page.get_by_label("Trích yếu")).to_have_value(TITLE)
    screenshot("cooperation/programme-form-errors")
    page.get_by_label("Các bên khác").fill("Đảng ủy xã Long Thuận\nỦy ban nhân dân xã Long Thuận")
    page.get_by_role("button", name="Lưu").click()

    expect(page.get_by_text("Đã thêm văn bản phối hợp")).to_be_visible()
    expect(page.get_by_test_id("state")).to_have_text("Đang hiệu lực")
    expect(page.get_by_test_id("parties")).to_contain_text("Ủy ban nhân dân xã Long Thuận")
    expect(page.get_by_test_id("milestone")).to_have_count(2)  # sơ kết, tổng kết from the planning register
    wait_until_ready(page)
    page.get_by_text("Thêm nội dung phối hợp").click()
    page.get_by_label("Nội dung", exact=True).fill(ITEM)
    page.get_by_label("Cơ quan chủ trì").select_option(label="Ủy ban nhân dân xã Long Thuận")
    page.get_by_label("Đảng ủy xã Long Thuận").check()
    page.get_by_role("button", name="Thêm nội dung").click()
    expect(page.get_by_text("Đã thêm nội dung phối hợp.")).to_be_visible()
    expect(page.get_by_test_id("item")).to_contain_text(ITEM)

    wait_until_ready(page)
    page.get_by_text("Ghi hội nghị đánh giá năm").click()
    page.get_by_label("Năm được đánh giá").select_option(str(year))
    fill_date(page, "Ngày tổ chức", dt.date.today().strftime("%d/%m/%Y"))
    page.get_by_label("Chủ trì", exact=True).fill("Bí thư Đảng ủy xã, Chủ tịch Ủy ban nhân dân xã")
    page.get_by_label("Kết quả đánh giá").fill("Vận động 42 hộ hiến 3.200 m² đất; hoàn thành 2 km đường")
    page.get_by_role("button", name="Lưu hội nghị đánh giá").click()
    expect(page.get_by_text("Đã ghi hội nghị đánh giá năm.")).to_be_visible()
    expect(page.get_by_test_id(f"year-{year}")).to_contain_text("Bí thư Đảng ủy xã")
    screenshot("cooperation/programme-detail")
    programme = Programme.objects.get()
    assert programme.parties_label == "Đảng ủy xã Long Thuận; Ủy ban nhân dân xã Long Thuận"
    assert Evaluation.objects.get().year == year

    row = page.get_by_test_id(f"year-{year}")  # the evaluation corrected, then a delete asked first
    row.get_by_role("link", name="Sửa").last.click()
    expect(page.get_by_role("heading", name=f"Sửa hội nghị đánh giá năm {year}")).to_be_visible()
    page.get_by_label("Kết quả đánh giá").fill("Vận động 45 hộ hiến 3.400 m² đất")
    screenshot("cooperation/evaluation-edit")
    page.get_by_role("button", name="Lưu").click()
    expect(page.get_by_text("Đã lưu hội nghị đánh giá năm.")).to_be_visible()
    expect(row).to_contain_text("45 hộ")
    row.get_by_role("button", name="Xóa").last.click()
    dismiss(page)
    expect(row).to_contain_text("45 hộ")
    row.get_by_role("button", name="Xóa").last.click()
    confirm(page)
    expect(page.get_by_text(f"Đã xóa hội nghị đánh giá năm {year}.")).to_be_visible()
    assert not Evaluation.objects.exists()

    page.get_by_role("navigation", name="breadcrumb").get_by_role("link", name="Chương trình phối hợp").click()
    page.get_by_label("Tìm kiếm").fill("hien dat lam duong")
    page.get_by_role("button", name="Lọc").click()
    expect(page.get_by_test_id("programme-row")).to_have_count(1)
    expect(page.get_by_test_id("programme-row")).to_contain_text("01-CTr/ĐU-UBND")
    screenshot("cooperation/programme-list")
    assert problems == []
