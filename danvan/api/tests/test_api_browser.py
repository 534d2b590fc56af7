"""A user makes a key on the account page and reads the API's documentation page, in a real Chromium under the
site's Content-Security-Policy (Swagger UI comes from the package, not a CDN)."""

import pytest
from playwright.sync_api import expect

from danvan.core.testing.browser import confirm, wait_until_ready, watch_problems

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_a_key_is_made_and_revoked_and_the_documentation_opens(page, login, cast, screenshot):
    problems = watch_problems(page)
    login(cast.c1_officer)
    page.goto(page.base_url + "/tai-khoan/")
    card = page.get_by_test_id("api-tokens")
    card.get_by_label("Dùng cho").fill("Cổng thông tin xã")
    card.get_by_label("Thời hạn").select_option(label="30 ngày")
    card.get_by_role("button", name="Tạo khóa").click()
    key = page.get_by_test_id("new-key").locator("code").inner_text()
    assert key.startswith("dv_")
    row = page.get_by_test_id("api-tokens").get_by_role("row", name="Cổng thông tin xã")
    expect(row).to_contain_text("Đang dùng")
    screenshot("api-key-made")

    answer = page.request.get(page.base_url + "/api/v1/units/", headers={"Authorization": f"Bearer {key}"})
    assert answer.status == 200 and answer.json()["results"][0]["code"] == "C1"

    page.goto(page.base_url + "/tai-khoan/")
    wait_until_ready(page)
    page.get_by_test_id("api-tokens").get_by_role("button", name="Thu hồi").click()
    confirm(page)
    expect(page.get_by_role("alert")).to_contain_text("Đã thu hồi khóa “Cổng thông tin xã")
    expect(page.get_by_test_id("api-tokens").get_by_role("row", name="Cổng thông tin xã")).to_contain_text("Đã thu hồi")
    refused = page.request.get(page.base_url + "/api/v1/units/", headers={"Authorization": f"Bearer {key}"})
    assert refused.status == 401

    page.get_by_role("link", name="tài liệu API").click()
    expect(page.locator(".swagger-ui .title")).to_contain_text("danvan API")
    expect(page.locator(".opblock-summary-path").filter(has_text="/api/v1/practices/").first).to_be_visible()
    expect(page.locator(".swagger-ui .auth-wrapper button")).to_have_text("Nhập khóa API")
    page.locator(".opblock-summary-path").filter(has_text="/api/v1/units/").first.click()
    block = page.locator(".opblock.is-open")
    expect(block.get_by_role("button", name="Thử gửi")).to_be_visible()  # Swagger UI's labels in Vietnamese
    expect(block.get_by_role("heading", name="Tham số")).to_be_visible()
    block.get_by_role("button", name="Thử gửi").click()
    expect(block.get_by_role("button", name="Gửi yêu cầu")).to_be_visible()
    expect(block).not_to_contain_text("Try it out")
    screenshot("api-docs")
    assert problems == []
