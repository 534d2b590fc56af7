"""The scorecard cycle in a real Chromium: a unit fills and submits, the commission appraises, returns
it once with a reason, the unit resubmits, the commission finalizes, and the ranking is right."""

import pytest
from playwright.sync_api import expect

from danvan.core.testing.browser import confirm, htmx_answer, open_step, wait_until_ready

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture(autouse=True)
def _artifacts_folder():
    """Screenshots go to test-artifacts/emulation/."""
    import os
    from pathlib import Path

    (Path(os.environ.get("DANVAN_ARTIFACTS", "test-artifacts")) / "emulation").mkdir(parents=True, exist_ok=True)


def log_out(page):
    page.locator("#user-menu").click()
    page.get_by_role("button", name="Đăng xuất").click()
    expect(page.get_by_role("heading", name="Đăng nhập")).to_be_visible()


def score(page, position: str, value: str, label: str = "Điểm tự chấm"):
    """Type a score and leave the field: the row is saved by HTMX (wait for its answer, swapped in)."""
    wait_until_ready(page)
    field = page.get_by_label(f"{label} mục {position}", exact=True)
    field.fill(value)
    expect(field).to_have_value(value)  # replaced, not appended to what was there
    with htmx_answer(page, "/cham/"):
        field.press("Tab")
    return page.locator(f"tr[data-position='{position}']")


def test_a_unit_submits_the_commission_returns_once_then_finalizes_and_ranks(page, login, sheet, screenshot):
    cast = sheet.cast
    # D2 is already final with 80 points: D1 must come out first, with a better class.
    sheet.finalize("d2", cast.d2_officer, cast.admin, II_1=10)

    login(cast.d1_officer)
    page.goto(page.base_url + "/thi-dua/")
    page.get_by_test_id("my-cards").get_by_role("link", name=sheet.criteria_set.name).click()
    expect(page.get_by_role("heading", name="Huyện ủy Bến Cầu")).to_be_visible()
    page.evaluate("window.notReloaded = true")

    row = score(page, "I.1", "abc")
    expect(row.get_by_test_id("row-error")).to_have_text("“abc” không phải là số; nhập điểm dạng 8 hoặc 8,5.")
    row = score(page, "I.1", "12")
    expect(row.get_by_test_id("row-error")).to_have_text("Điểm không được vượt quá điểm tối đa (10).")
    row = score(page, "I.2", "-3")
    expect(row.get_by_test_id("row-error")).to_have_text("Điểm không được âm.")
    screenshot("emulation/scorecard-errors")

    for position, value in [("I.1", "9,5"), ("I.2", "20"), ("II.1", "28"), ("II.2.a", "20"), ("II.2.b", "18,5")]:
        row = score(page, position, value)
        expect(row.get_by_test_id("saved")).to_be_attached()
    expect(page.get_by_test_id("self-total")).to_have_text("96")
    expect(page.locator(f"#sub-self-{sheet.criteria['II.2'].pk}")).to_have_text("38,5")
    score(page, "III.1", "10")
    score(page, "IV.1", "2", label="Số điểm trừ")
    expect(page.get_by_test_id("self-total")).to_have_text("104")
    expect(page.get_by_test_id("progress")).to_have_text("5/5")
    page.get_by_label("Minh chứng, giải trình mục II.1").fill("Quyết định công nhận 12 mô hình cấp huyện")
    with htmx_answer(page, "/cham/"):
        page.get_by_label("Minh chứng, giải trình mục II.1").press("Tab")
    expect(page.locator("tr[data-position='II.1']").get_by_test_id("saved")).to_be_attached()
    assert page.evaluate("window.notReloaded") is True  # every save was partial: no page load
    screenshot("emulation/scorecard-self")
    wait_until_ready(page)  # the confirmation script is bound once the page's scripts ran
    page.get_by_role("button", name="Nộp bảng điểm").click()
    confirm(page)
    expect(page.get_by_test_id("status").first).to_have_text("Đã nộp")
    expect(page.get_by_label("Điểm tự chấm mục I.1", exact=True)).to_have_count(0)
    log_out(page)

    login(cast.admin)
    page.goto(f"{page.base_url}/thi-dua/{sheet.criteria_set.pk}/")
    expect(page.get_by_test_id("locked")).to_be_visible()
    screenshot("emulation/set-detail")
    page.get_by_test_id("members").get_by_role("link", name="Huyện ủy Bến Cầu").click()
    page.get_by_role("button", name="Bắt đầu thẩm định").click()
    expect(page.get_by_test_id("status").first).to_have_text("Đang thẩm định")
    page.evaluate("window.notReloaded = true")
    row = score(page, "II.1", "31", label="Điểm thẩm định")
    expect(row.get_by_test_id("row-error")).to_have_text("Điểm không được vượt quá điểm tối đa (30).")
    row = score(page, "II.1", "25", label="Điểm thẩm định")
    expect(row.get_by_test_id("saved")).to_be_attached()
    expect(page.get_by_test_id("appraised-total")).to_have_text("101")
    expect(page.get_by_test_id("difference")).to_have_text("−3")
    assert page.evaluate("window.notReloaded") is True
    open_step(page, "Trả lại")
    page.get_by_role("button", name="Xác nhận: Trả lại").click()
    expect(page.get_by_text("Cần ghi rõ lý do khi “Trả lại”.")).to_be_visible()
    page.get_by_label("Lý do trả lại").fill("Bổ sung quyết định công nhận mô hình ở mục II.1")
    screenshot("emulation/scorecard-appraise")
    page.get_by_role("button", name="Xác nhận: Trả lại").click()
    expect(page.get_by_test_id("status").first).to_have_text("Trả lại")
    log_out(page)

    login(cast.d1_officer)
    page.goto(f"{page.base_url}/thi-dua/bang-diem/{sheet.d1.pk}/")
    expect(page.get_by_test_id("return-reason")).to_contain_text("Bổ sung quyết định công nhận mô hình ở mục II.1")
    row = score(page, "II.1", "27")
    expect(row.get_by_test_id("saved")).to_be_attached()
    screenshot("emulation/scorecard-returned")
    wait_until_ready(page)  # the confirmation script is bound once the page's scripts ran
    page.get_by_role("button", name="Nộp bảng điểm").click()
    confirm(page)
    expect(page.get_by_test_id("status").first).to_have_text("Đã nộp")
    log_out(page)

    login(cast.admin)
    page.goto(f"{page.base_url}/thi-dua/bang-diem/{sheet.d1.pk}/")
    page.get_by_role("button", name="Bắt đầu thẩm định").click()
    expect(page.get_by_test_id("appraised-total")).to_have_text("101")  # the earlier adjustment stands
    wait_until_ready(page)  # the confirmation script is bound once the page's scripts ran
    page.get_by_role("button", name="Chốt kết quả").click()
    confirm(page)
    expect(page.get_by_test_id("status").first).to_have_text("Đã chốt")
    expect(page.get_by_label("Điểm thẩm định mục II.1", exact=True)).to_have_count(0)
    steps = page.get_by_test_id("timeline").locator("li")
    expect(steps).to_have_count(6)
    expect(steps.nth(2)).to_contain_text("Trả lại")
    expect(steps.nth(2)).to_contain_text("Bổ sung quyết định công nhận mô hình ở mục II.1")
    expect(steps.nth(5)).to_contain_text("Chốt kết quả")

    page.goto(f"{page.base_url}/thi-dua/{sheet.criteria_set.pk}/ket-qua/")
    ranking = page.get_by_test_id("ranking").locator("tbody").first.locator("tr")
    expect(ranking).to_have_count(2)
    expect(ranking.nth(0).get_by_test_id("unit")).to_have_text("Huyện ủy Bến Cầu")
    expect(ranking.nth(0).get_by_test_id("rank")).to_have_text("1")
    expect(ranking.nth(0).get_by_test_id("appraised")).to_have_text("101")
    expect(ranking.nth(0).get_by_test_id("grade")).to_have_text("Hoàn thành xuất sắc nhiệm vụ")
    expect(ranking.nth(1).get_by_test_id("unit")).to_have_text("Huyện ủy Tân Biên")
    expect(ranking.nth(1).get_by_test_id("rank")).to_have_text("2")
    expect(ranking.nth(1).get_by_test_id("grade")).to_have_text("Hoàn thành tốt nhiệm vụ")
    screenshot("emulation/results")


def test_another_units_scorecard_does_not_exist_for_a_unit(page, login, sheet):
    login(sheet.cast.d2_officer)
    response = page.goto(f"{page.base_url}/thi-dua/bang-diem/{sheet.d1.pk}/")
    assert response.status == 404
    response = page.goto(f"{page.base_url}/thi-dua/{sheet.criteria_set.pk}/ket-qua/")
    assert response.status == 404


def test_a_final_scorecard_cannot_be_edited_from_the_page(page, login, sheet):
    cast = sheet.cast
    sheet.finalize("d1", cast.d1_officer, cast.admin)
    login(cast.d1_officer)
    page.goto(f"{page.base_url}/thi-dua/bang-diem/{sheet.d1.pk}/")
    expect(page.get_by_test_id("mode-hint")).to_contain_text("đã khóa")
    expect(page.locator("input[name=self_score]")).to_have_count(0)
    expect(page.get_by_role("button", name="Nộp bảng điểm")).to_have_count(0)
    expect(page.get_by_test_id("self-total")).to_have_text("100")
