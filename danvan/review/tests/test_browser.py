"""The review page in Chromium: from the statistics page to the year's review, the clerk writes the
strengths, downloads the Word report and finds the commune's figures and the text in it."""

from __future__ import annotations

import io

import pytest
from docx import Document as Docx
from playwright.sync_api import expect

from danvan.core.testing.browser import watch_problems
from danvan.core.testing.factories import make_practice

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

STRENGTHS = "Cấp ủy quan tâm lãnh đạo; phong trào “Dân vận khéo” lan tỏa ở các ấp."


def test_download_the_years_review_from_the_statistics_page(page, login, cast, screenshot):
    for i in range(3):
        make_practice(cast.c1, 2024, name=f"Mô hình ấp {i + 1}")
    make_practice(cast.c2, 2024, name="Mô hình của xã khác")
    problems = watch_problems(page)
    login(cast.c1_officer)
    page.goto(page.base_url + "/thong-ke/?nam=2024")
    page.get_by_role("link", name="Báo cáo tổng kết năm").click()
    expect(page.get_by_role("heading", name="Báo cáo tổng kết công tác dân vận năm")).to_be_visible()
    expect(page.get_by_label("Năm tổng kết")).to_have_value("2024")
    expect(page.get_by_test_id("outline")).to_contain_text("Phong trào thi đua “Dân vận khéo”")
    page.get_by_label("Ưu điểm").fill(STRENGTHS)
    screenshot("review/page")
    with page.expect_download() as info:
        page.get_by_role("button", name="Tải báo cáo tổng kết năm (Word)").click()
    assert info.value.suggested_filename == "bao-cao-tong-ket-cong-tac-dan-van-nam-2024.docx"
    word = Docx(io.BytesIO(info.value.path().read_bytes()))
    text = "\n".join(p.text for p in word.paragraphs)
    assert "Tổng kết công tác dân vận năm 2024, phương hướng, nhiệm vụ năm 2025" in text
    assert "Năm 2024, toàn xã đăng ký 3 mô hình" in text
    assert STRENGTHS in text and "[Phần cán bộ tổng hợp viết: những hạn chế" in text
    assert problems == []
