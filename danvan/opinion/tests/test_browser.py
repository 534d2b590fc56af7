"""The opinion pages driven in a real Chromium: a commune's officer records a post seen on Facebook, forwards
it to the commune's People's Committee, records the answer, and downloads the month's report, which holds
the item and the answer (the Word file is opened again)."""

from __future__ import annotations

import io
import re

import pytest
from django.utils import timezone
from docx import Document as Docx
from playwright.sync_api import expect

from danvan.core.testing.browser import fill_date, open_step, wait_until_ready, watch_problems
from danvan.opinion.choices import State
from danvan.opinion.models import OpinionItem

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

SUMMARY = "Tài khoản Facebook “Tin nóng Bến Cầu” đăng tin sai sự thật về việc thu hồi đất làm khu dân cư ấp 4"
ANSWER = "UBND xã đã thông tin chính thức trên Trang thông tin điện tử xã, phối hợp Công an xã xác minh chủ tài khoản"


def test_record_forward_answer_and_report(page, login, cast, screenshot):
    today = timezone.localdate()
    problems = watch_problems(page)
    login(cast.c1_officer)
    page.goto(page.base_url + "/du-luan/")
    page.get_by_role("link", name="Ghi nhận thông tin").click()
    expect(page.get_by_role("heading", name="Ghi nhận thông tin dư luận")).to_be_visible()
    wait_until_ready(page)
    page.get_by_label("Lĩnh vực").select_option(label="Đất đai, môi trường")
    page.get_by_label("Nội dung").fill(SUMMARY)
    page.get_by_label(re.compile(r"^Nguồn")).select_option(label="Không gian mạng")
    page.get_by_label("Chiều hướng").select_option(label="Băn khoăn, chưa rõ")
    page.get_by_label("Mức độ").select_option(label="Nhiều người quan tâm")
    page.get_by_role("button", name="Lưu").click()
    # Cyberspace needs a platform and a link: both said at once, nothing typed is lost.
    expect(page.get_by_text("Cần chọn nền tảng mạng xã hội hoặc trang tin.")).to_be_visible()
    expect(page.get_by_text("Cần nhập đường dẫn đến bài viết trên không gian mạng.")).to_be_visible()
    expect(page.get_by_label("Nội dung")).to_have_value(SUMMARY)
    screenshot("opinion/item-form-errors")
    page.get_by_label("Nền tảng").select_option(label="Facebook")
    page.get_by_label("Đường dẫn").fill("https://www.facebook.com/tinnongbencau/posts/1029384756")
    page.get_by_label("Lượt tiếp cận, tương tác").fill("12500")
    page.get_by_role("button", name="Lưu").click()

    expect(page.get_by_text("Đã ghi nhận thông tin dư luận.")).to_be_visible()
    expect(page.get_by_test_id("state")).to_have_text("Mới")
    expect(page.get_by_text("12.500 lượt tiếp cận")).to_be_visible()
    wait_until_ready(page)
    open_step(page, "Chuyển cơ quan chức năng")
    page.get_by_label("Cơ quan được chuyển đến").fill("UBND xã Long Thuận")
    fill_date(page, "Ngày chuyển", today.strftime("%d/%m/%Y"))
    screenshot("opinion/forward-form")
    page.get_by_role("button", name="Xác nhận: Chuyển cơ quan chức năng").click()
    expect(page.get_by_test_id("state")).to_have_text("Đã chuyển")
    expect(page.get_by_test_id("forwarding")).to_contain_text("UBND xã Long Thuận")

    wait_until_ready(page)
    open_step(page, "Ghi nhận trả lời")
    page.get_by_label("Nội dung trả lời").fill(ANSWER)
    page.get_by_role("button", name="Xác nhận: Ghi nhận trả lời").click()
    expect(page.get_by_test_id("state")).to_have_text("Đã trả lời")
    expect(page.get_by_test_id("answer")).to_contain_text(ANSWER)
    expect(page.get_by_test_id("timeline")).to_contain_text("Chuyển cơ quan chức năng")
    screenshot("opinion/item-answered")
    item = OpinionItem.objects.get()
    assert item.state == State.ANSWERED and item.answered_on == today

    page.get_by_role("navigation", name="breadcrumb").get_by_role("link", name="Dư luận xã hội").click()
    page.get_by_role("link", name="Báo cáo", exact=True).click()
    wait_until_ready(page)
    with page.expect_download() as info:
        page.get_by_role("button", name="Tải báo cáo tình hình (Word)").click()
    word = Docx(io.BytesIO(info.value.path().read_bytes()))
    text = "\n".join(p.text for p in word.paragraphs) + "\n".join(
        cell.text for table in word.tables for row in table.rows for cell in row.cells
    )
    assert "Tài khoản Facebook" in text, text[:2000]
    assert "UBND xã Long Thuận" in text
    assert f"tháng {today.month}" in text.lower()
    assert problems == []
