"""Proposal → submit → approve → decision → issue → certificates, driven in a real Chromium."""

import re
import subprocess
import unicodedata

import pytest
from playwright.sync_api import expect

from danvan.awards.tests.conftest import artifacts
from danvan.core.testing.browser import (
    confirm,
    fill_date,
    htmx_answer,
    open_step,
    pick_unit,
    unit_select,
    wait_until_ready,
)
from danvan.documents.tests.conftest import require_tool

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

AWARD = "Giấy khen của Ban Tuyên giáo và Dân vận Tỉnh ủy"


def log_out(page):
    page.locator("#user-menu").click()
    page.get_by_role("button", name="Đăng xuất").click()
    expect(page.get_by_role("heading", name="Đăng nhập")).to_be_visible()


def add_recipient(page, kind: str, name: str = "", position: str = "", is_unit: bool = False):
    wait_until_ready(page)  # the form posts through HTMX once the page's scripts have run
    form = page.get_by_test_id("recipient-form")
    form.get_by_label(kind, exact=True).check()
    if is_unit:
        form.get_by_label("Tập thể là chính đơn vị đã chọn").check()
    pick_unit(form, "Thuộc đơn vị", "long thuan", "Đảng ủy xã Long Thuận")
    if name:
        form.get_by_label("Tên tập thể / Họ tên").fill(name)
    if position:
        form.get_by_label("Chức vụ").fill(position)
    with htmx_answer(page, "/nguoi-nhan/them/"):
        form.get_by_role("button", name="Thêm vào danh sách").click()


def test_a_commune_proposes_the_district_approves_and_the_province_issues_and_prints(page, login, world, screenshot):
    cast = world.cast
    login(cast.c1_officer)
    page.goto(page.base_url + "/khen-thuong/")
    page.get_by_role("link", name="Lập tờ trình").click()
    expect(unit_select(page, "Đơn vị đề nghị")).to_have_value(str(cast.c1.pk))  # the officer's only unit
    page.get_by_label("Hình thức khen thưởng đề nghị").select_option(label=AWARD)
    page.get_by_label("Số tờ trình (nếu có)").fill("15-TTr/ĐU")
    page.get_by_role("button", name="Lập tờ trình").click()
    expect(page.get_by_role("heading", name=f"Đề nghị tặng {AWARD}")).to_be_visible()

    add_recipient(page, "Tập thể", is_unit=True)
    expect(page.get_by_test_id("recipient-row")).to_have_count(1)
    add_recipient(page, "Cá nhân", "Nguyễn Thị Tuyết Mai", "Chủ tịch Hội Nông dân xã")
    expect(page.get_by_test_id("recipient-row")).to_have_count(2)
    expect(page.get_by_test_id("recipient-summary")).to_have_text("1 tập thể và 1 cá nhân")
    screenshot("awards/proposal-draft")
    wait_until_ready(page)  # the confirmation script is bound once the page's scripts ran
    page.get_by_role("button", name="Gửi đề nghị").click()
    confirm(page)
    expect(page.get_by_test_id("status").first).to_have_text("Đã gửi")
    expect(page.get_by_test_id("recipient-form")).to_have_count(0)  # locked once sent
    log_out(page)

    login(cast.d1_reviewer)
    page.goto(page.base_url + "/khen-thuong/?trang_thai=submitted")
    page.get_by_role("link", name="Đảng ủy xã Long Thuận").click()
    open_step(page, "Duyệt")
    wait_until_ready(page)  # the confirmation script is bound once the page's scripts ran
    page.get_by_role("button", name="Xác nhận: Duyệt").click()
    confirm(page)
    expect(page.get_by_test_id("status").first).to_have_text("Đã duyệt")
    log_out(page)

    login(cast.admin)
    page.goto(page.base_url + "/khen-thuong/?trang_thai=approved")
    page.get_by_role("link", name="Đảng ủy xã Long Thuận").click()
    page.get_by_role("link", name="Lập quyết định khen thưởng").click()
    expect(page.get_by_label("Hình thức khen thưởng")).to_have_value(str(world.giay_khen_new.pk))
    fill_date(page, "Ngày quyết định", "20/11/2026")
    page.get_by_role("button", name="Lập dự thảo").click()
    expect(page.get_by_text("Đã đưa 2 tập thể, cá nhân của tờ trình vào quyết định.")).to_be_visible()
    expect(page.get_by_test_id("recipient-summary")).to_have_text("1 tập thể và 1 cá nhân")
    # A link followed while the page still loads stops its loading (the download never replaces the page), so
    # its last scripts never ran and the "Ban hành" form stayed unclickable: seen once under load.
    wait_until_ready(page)
    with page.expect_download() as draft:
        page.get_by_role("link", name="Dự thảo quyết định (Word)").click()
    assert draft.value.suggested_filename.endswith(".docx")
    wait_until_ready(page)  # the confirmation script is bound once the page's scripts ran
    page.get_by_role("button", name="Ban hành quyết định").click()
    confirm(page)
    expect(page.get_by_text("Đã ban hành Quyết định số 01-QĐ/BTGDVTU ngày 20/11/2026")).to_be_visible()
    expect(page.get_by_test_id("status").first).to_have_text("Đã ban hành")
    screenshot("awards/decision-issued")

    # The worker makes the PDF: the button leads to the job's page, which offers the file once it is ready.
    page.get_by_role("button", name="Tải giấy khen (PDF)").click()
    expect(page.get_by_test_id("job-status")).to_have_text("Xong")
    with page.expect_download() as certificates:
        page.get_by_test_id("job-download").click()
    path = artifacts() / "browser-giay-khen.pdf"
    certificates.value.save_as(path)
    pdf = path.read_bytes()
    info = subprocess.run([require_tool("pdfinfo"), str(path)], capture_output=True, text=True, check=True).stdout
    assert re.search(r"Pages:\s+2\b", info)
    text = subprocess.run([require_tool("pdftotext"), "-enc", "UTF-8", "-", "-"], input=pdf, capture_output=True).stdout
    text = unicodedata.normalize("NFC", text.decode())
    assert "Nguyễn Thị Tuyết Mai" in text and "Đảng ủy xã Long Thuận" in text and "01-QĐ/BTGDVTU" in text

    page.get_by_role("link", name="Quay lại").click()  # from the job's page back to the decision
    page.get_by_role("link", name="Đảng ủy xã Long Thuận").first.click()
    expect(page.get_by_test_id("status").first).to_have_text("Đã có quyết định")
    steps = page.get_by_test_id("timeline").locator("li")
    expect(steps).to_have_count(3)
    expect(steps.nth(2)).to_contain_text("Quyết định số 01-QĐ/BTGDVTU")
    screenshot("awards/proposal-decided")
    page.goto(page.base_url + "/khen-thuong/thong-ke/")
    expect(page.get_by_test_id("awards-sentence")).to_have_text(
        "Năm 2026, Ban Tuyên giáo và Dân vận Tỉnh ủy tặng Giấy khen cho 1 tập thể và 1 cá nhân."
    )
    screenshot("awards/stats")


def test_returning_needs_a_reason_in_the_browser(page, login, world):
    from danvan.awards import services
    from danvan.awards.tests.conftest import collective, make_proposal

    cast = world.cast
    proposal = make_proposal(cast.c2, world.giay_khen_new, cast.c2_officer, 2026, [collective(cast.c2)])
    services.transition(cast.c2_officer, proposal, "submit")
    login(cast.d1_reviewer)
    page.goto(f"{page.base_url}/khen-thuong/de-nghi/{proposal.pk}/")
    open_step(page, "Trả lại")
    page.get_by_role("button", name="Xác nhận: Trả lại").click()
    expect(page.get_by_text("Cần ghi rõ lý do khi “Trả lại”.")).to_be_visible()
    page.get_by_label("Lý do").fill("Bổ sung thành tích cụ thể")
    page.get_by_role("button", name="Xác nhận: Trả lại").click()
    expect(page.get_by_test_id("status").first).to_have_text("Trả lại")
    expect(page.get_by_test_id("timeline")).to_contain_text("Bổ sung thành tích cụ thể")
