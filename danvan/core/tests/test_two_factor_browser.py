"""Two-factor login in a real Chromium: enrol from the account page with the key it shows, then log in with a code."""

from __future__ import annotations

from base64 import b32decode

import pytest
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice
from playwright.sync_api import expect

from danvan.core import twofactor
from danvan.core.testing.factories import PASSWORD

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def code_for(key: bytes, steps_ahead: int = 0) -> str:
    return f"{totp(key, drift=steps_ahead):06d}"


def test_an_admin_enrols_and_logs_in_with_a_code(page, login, cast):
    login(cast.admin)
    menu = page.locator("a.dropdown-toggle:has(.bi-person-circle)")
    menu.click()
    page.get_by_role("link", name="Tài khoản của tôi").click()
    expect(page.get_by_test_id("two-factor")).to_contain_text("Chưa bật")
    page.get_by_role("link", name="Thiết lập xác thực hai lớp").click()

    # The key the page shows is the device's key: an app typing it in makes the codes the server expects.
    shown = page.get_by_test_id("otp-secret").inner_text().replace(" ", "")
    key = b32decode(shown + "=" * (-len(shown) % 8))
    assert key == TOTPDevice.objects.get(user=cast.admin).bin_key
    expect(page.get_by_test_id("otp-uri")).to_contain_text("otpauth://totp/")
    page.get_by_label("Mã xác thực").fill(code_for(key))
    page.get_by_role("button", name="Xác nhận và bật").click()
    expect(page.get_by_role("alert").first).to_contain_text("Đã bật xác thực hai lớp")
    expect(page.get_by_test_id("two-factor")).to_contain_text("Đang bật")

    menu.click()
    page.get_by_role("button", name="Đăng xuất").click()
    page.get_by_label("Tên đăng nhập").fill(cast.admin.username)
    page.get_by_label("Mật khẩu").fill(PASSWORD)
    page.get_by_role("button", name="Đăng nhập").click()
    expect(page.get_by_role("heading", name="Xác thực hai lớp")).to_be_visible()

    wrong = "123456" if code_for(key, 1) != "123456" else "654321"
    page.get_by_label("Mã xác thực").fill(wrong)
    page.get_by_role("button", name="Xác nhận").click()
    expect(page.get_by_text(twofactor.MSG_WRONG)).to_be_visible()
    # (the wrong code's one-second throttle, skipped rather than waited for)
    TOTPDevice.objects.filter(user=cast.admin).update(throttling_failure_timestamp=None)

    # The enrolment used this time step's code; the app's next one is accepted (one step of tolerance). When the
    # enrolment's code reached the server a step late, the device learned that drift: the next code counts from it.
    device = TOTPDevice.objects.get(user=cast.admin)
    page.get_by_label("Mã xác thực").fill(code_for(key, 1 + device.drift))
    page.get_by_role("button", name="Xác nhận").click()
    expect(menu).to_be_visible()
    assert page.url.rstrip("/") == page.base_url
