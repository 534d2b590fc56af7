"""The contest pages driven in a real Chromium: the province's officer records a contest, adds its rounds and
two districts' teams, starts it, types the score matrix (a bad cell said on its row, nothing typed lost),
sees the ranking, gives a prize, announces the results after the confirmation, and downloads the notice,
which holds the ranking (the Word file is opened again)."""

from __future__ import annotations

import io
import re

import pytest
from docx import Document as Docx
from playwright.sync_api import expect

from danvan.core.testing.browser import confirm, fill_date, pick_unit, wait_until_ready, watch_problems
from danvan.events.choices import ContestState
from danvan.events.models import Contest, Score

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_a_contest_from_its_rounds_to_the_announced_results(page, login, cast, screenshot):
    problems = watch_problems(page)
    login(cast.admin)
    page.goto(page.base_url + "/hoi-thi-hoi-nghi/")
    page.get_by_role("link", name="Thêm hội thi").click()
    expect(page.get_by_role("heading", name="Thêm hội thi")).to_be_visible()
    wait_until_ready(page)
    pick_unit(page, "Đơn vị tổ chức", "tinh uy", "Tỉnh ủy Tây Ninh")
    page.get_by_label("Loại hội thi").select_option(label="Hội thi “Dân vận khéo”")
    page.get_by_label("Tên hội thi").fill("Hội thi “Dân vận khéo” tỉnh Tây Ninh")
    page.get_by_label("Lần tổ chức").fill("lần thứ II")
    fill_date(page, "Ngày bắt đầu", "20/05/2025")
    fill_date(page, "Ngày kết thúc", "22/05/2025")
    page.get_by_role("button", name="Lưu").click()
    expect(page.get_by_text("Đã thêm hội thi.")).to_be_visible()
    expect(page.get_by_test_id("state")).to_have_text("Chuẩn bị")

    for name in ("Vòng sơ khảo", "Vòng chung khảo"):
        page.get_by_text("Thêm vòng thi", exact=True).first.click()
        page.get_by_label("Tên vòng thi").fill(name)
        page.get_by_role("button", name="Thêm vòng thi").click()
        expect(page.get_by_test_id("rounds")).to_contain_text(name)
    for typed, team in (("huyen uy ben cau", "Đội Bến Cầu"), ("huyen uy tan bien", "Đội Tân Biên")):
        wait_until_ready(page)
        page.get_by_text("Thêm đội, bài dự thi", exact=True).click()
        pick_unit(page, "Đơn vị dự thi", typed, "Huyện ủy")
        page.get_by_label("Tên đội, tác phẩm").fill(team)
        page.get_by_role("button", name="Thêm đội").click()
        expect(page.get_by_test_id("ranking")).to_contain_text(team)
    page.get_by_role("button", name="Bắt đầu thi").click()
    expect(page.get_by_test_id("state")).to_have_text("Đang thi")

    page.get_by_role("link", name="Nhập điểm", exact=True).click()
    page.get_by_label("Đội Bến Cầu – Vòng sơ khảo").fill("88,5")
    page.get_by_label("Đội Bến Cầu – Vòng chung khảo").fill("92")
    page.get_by_label("Đội Tân Biên – Vòng sơ khảo").fill("101")
    page.get_by_label("Đội Tân Biên – Vòng chung khảo").fill("90")
    page.get_by_role("button", name="Lưu điểm").click()
    expect(page.get_by_text("Điểm Vòng sơ khảo phải từ 0 đến 100.")).to_be_visible()
    expect(page.get_by_label("Đội Bến Cầu – Vòng sơ khảo")).to_have_value("88,5")
    screenshot("events/score-matrix-errors")
    assert not Score.objects.exists()
    page.get_by_label("Đội Tân Biên – Vòng sơ khảo").fill("85")
    page.get_by_role("button", name="Lưu điểm").click()
    expect(page.get_by_text("Đã lưu điểm (4 ô thay đổi).")).to_be_visible()
    rows = page.get_by_test_id("entry-row")
    expect(rows.first).to_contain_text("Đội Bến Cầu")
    expect(rows.first).to_contain_text("180,5")
    expect(rows.first).to_contain_text("88,5")
    expect(rows.first).to_contain_text("Huyện ủy Bến Cầu")

    wait_until_ready(page)
    page.get_by_test_id("prizes").locator("summary").click()
    page.get_by_label("Đội, bài dự thi").select_option(label="Đội Bến Cầu")
    page.get_by_test_id("prizes").get_by_role("combobox", name=re.compile(r"^Giải")).select_option(label="Giải Nhất")
    page.get_by_role("button", name="Ghi giải").click()
    expect(page.get_by_test_id("prizes")).to_contain_text("Giải Nhất: Đội Bến Cầu")
    page.get_by_role("button", name="Công bố kết quả").click()
    confirm(page)
    expect(page.get_by_test_id("state")).to_have_text("Đã công bố kết quả")
    expect(page.get_by_role("button", name="Ghi giải")).to_have_count(0)
    screenshot("events/contest-announced")
    assert Contest.objects.get().state == ContestState.ANNOUNCED

    with page.expect_download() as info:
        page.get_by_role("link", name="Thông báo kết quả (Word)").click()
    word = Docx(io.BytesIO(info.value.path().read_bytes()))
    text = "\n".join(p.text for p in word.paragraphs)
    cells = [c.text for t in word.tables for row in t.rows for c in row.cells]
    assert "Kết quả Hội thi “Dân vận khéo” tỉnh Tây Ninh lần thứ II năm 2025" in text
    assert "Đội Bến Cầu (Huyện ủy Bến Cầu)" in cells and "180,5" in cells
    assert problems == []
