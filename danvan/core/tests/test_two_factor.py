"""Second factor for administrators (django-otp TOTP): enrolment, login with the code, throttling, reset."""

from __future__ import annotations

import datetime as dt

import pytest
from django.contrib.auth import get_user_model
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice

from danvan.core import twofactor
from danvan.core.testing.factories import PASSWORD

pytestmark = pytest.mark.django_db

LOCKED = "Tạm khóa đăng nhập"


def code(device: TOTPDevice, steps_ago: int = 0) -> str:
    """The code the person's app shows now (or `steps_ago` time steps ago), computed from the device key."""
    value = totp(device.bin_key, device.step, device.t0, device.digits, device.drift - steps_ago)
    return f"{value:0{device.digits}d}"


def enrolled(user) -> TOTPDevice:
    return TOTPDevice.objects.create(user=user, name=twofactor.DEVICE_NAME, confirmed=True)


def password_step(client: Client, username: str, ip: str = "10.0.0.1", url: str = "/dang-nhap/", **extra):
    return client.post(url, {"username": username, "password": PASSWORD, **extra}, REMOTE_ADDR=ip)


def code_step(client: Client, value: str, ip: str = "10.0.0.1"):
    return client.post(reverse("login-otp"), {"ma": value}, REMOTE_ADDR=ip)


def logged_in(client: Client) -> bool:
    return "_auth_user_id" in client.session


def test_an_admin_enrols_from_the_account_page(client, cast):
    client.force_login(cast.admin)
    page = client.get(reverse("account")).content.decode()
    assert "Xác thực hai lớp" in page and "Chưa bật" in page
    enrol = client.get(reverse("account-2fa")).content.decode()
    device = TOTPDevice.objects.get(user=cast.admin, confirmed=False)
    # The key as text, and the otpauth address an app accepts; no QR image (no extra dependency).
    assert twofactor.secret(device) in enrol
    assert "otpauth://totp/danvan%3Atinh_admin?secret=" in enrol
    # Reloading keeps the same key (the app may already hold it).
    client.get(reverse("account-2fa"))
    assert TOTPDevice.objects.filter(user=cast.admin).count() == 1

    wrong = client.post(reverse("account-2fa"), {"ma": "000000" if code(device) != "000000" else "111111"})
    assert twofactor.MSG_WRONG in wrong.content.decode()
    device.refresh_from_db()
    assert not device.confirmed
    device.throttle_reset()  # the wrong code's one-second wait

    done = client.post(reverse("account-2fa"), {"ma": code(device)}, follow=True)
    device.refresh_from_db()
    assert device.confirmed
    assert "Đã bật xác thực hai lớp" in done.content.decode() and "Đang bật" in done.content.decode()
    # The key is not shown again.
    assert client.get(reverse("account-2fa")).status_code == 302


def test_only_administrators_enrol(client, cast):
    client.force_login(cast.c1_officer)
    assert "Xác thực hai lớp" not in client.get(reverse("account")).content.decode()
    assert client.get(reverse("account-2fa")).status_code == 403
    assert not TOTPDevice.objects.exists()
    staff = get_user_model().objects.create_user("nhan_vien", password=PASSWORD, is_staff=True)
    client.force_login(staff)
    assert client.get(reverse("account-2fa")).status_code == 200


def test_login_asks_for_the_code_after_the_password(client, cast):
    device = enrolled(cast.admin)
    response = password_step(client, "tinh_admin", next="/dan-van-kheo/")
    assert response.status_code == 302 and response.url == reverse("login-otp")
    assert not logged_in(client)
    page = client.get(reverse("login-otp")).content.decode()
    assert "Mã xác thực" in page and "tinh_admin" in page

    done = code_step(client, code(device))
    assert done.status_code == 302 and done.url == "/dan-van-kheo/"
    assert logged_in(client)
    # The session is verified by the device: the admin pages open.
    cast.admin.is_staff = True
    cast.admin.save()
    assert client.get("/quan-tri/").status_code == 200


def test_users_without_a_device_log_in_with_the_password_alone(client, cast):
    response = password_step(client, "c1_officer")
    assert response.status_code == 302 and response.url == reverse("home")
    assert logged_in(client)


def test_a_wrong_code_is_refused_in_vietnamese(client, cast):
    device = enrolled(cast.admin)
    password_step(client, "tinh_admin")
    right = code(device)
    wrong = "123456" if right != "123456" else "654321"
    response = code_step(client, wrong)
    assert response.status_code == 200 and twofactor.MSG_WRONG in response.content.decode()
    assert not logged_in(client)
    letters = code_step(client, "abc")
    assert twofactor.MSG_FORMAT in letters.content.decode()


def test_an_old_code_is_expired_and_a_used_one_cannot_be_replayed(client, cast):
    device = enrolled(cast.admin)
    password_step(client, "tinh_admin")
    old = code(device, steps_ago=5)
    if old == code(device):
        pytest.skip("the old and the current code happen to be equal")
    response = code_step(client, old)
    assert twofactor.MSG_EXPIRED in response.content.decode()
    device.refresh_from_db()
    device.throttle_reset()

    current = code(device)
    assert code_step(client, current).status_code == 302
    # Another browser with the same code, a moment later: already used.
    other = Client()
    password_step(other, "tinh_admin", ip="10.0.0.2")
    again = code_step(other, current, ip="10.0.0.2")
    assert twofactor.MSG_EXPIRED in again.content.decode()


def test_wrong_codes_are_throttled_by_the_device(client, cast):
    device = enrolled(cast.admin)
    password_step(client, "tinh_admin")
    wrong = "123456" if code(device) != "123456" else "654321"
    code_step(client, wrong)
    # The wait after one failure is 1 second, which a loaded machine can spend between two requests: move
    # the failure into the future so that the next codes surely fall within the wait.
    later = timezone.now() + dt.timedelta(minutes=1)
    TOTPDevice.objects.filter(pk=device.pk).update(throttling_failure_timestamp=later)
    code_step(client, wrong)  # within the wait: not even tried
    # Even the right code waits until the device accepts codes again (1, 2, 4... seconds).
    throttled = code_step(client, code(device))
    text = throttled.content.decode()
    assert "Bạn đã nhập sai mã nhiều lần" in text and "giây" in text
    assert not logged_in(client)
    device.refresh_from_db()
    assert device.throttling_failure_count == 1
    TOTPDevice.objects.filter(pk=device.pk).update(throttling_failure_timestamp=None)
    assert code_step(client, code(device)).status_code == 302
    device.refresh_from_db()
    assert device.throttling_failure_count == 0


def test_wrong_codes_count_as_failed_logins_for_the_lockout(client, cast, settings):
    settings.AXES_FAILURE_LIMIT = 3
    device = enrolled(cast.admin)
    wrong = "123456" if code(device) != "123456" else "654321"
    password_step(client, "tinh_admin")
    statuses = []
    for _ in range(3):
        TOTPDevice.objects.filter(pk=device.pk).update(throttling_failure_timestamp=None)
        response = code_step(client, wrong)
        statuses.append(response.status_code)
    assert statuses == [200, 200, 429] and LOCKED in response.content.decode()
    # The account is locked: even the right password and code, from another address, do not get in.
    other = Client()
    assert password_step(other, "tinh_admin", ip="10.0.0.9").status_code == 429
    assert not logged_in(other)


def test_the_code_step_expires(client, cast, settings):
    enrolled(cast.admin)
    password_step(client, "tinh_admin")
    session = client.session
    session["_danvan_login_pending"]["at"] -= settings.LOGIN_OTP_MINUTES * 60 + 1
    session.save()
    response = client.get(reverse("login-otp"), follow=True)
    assert response.redirect_chain[-1][0] == reverse("login")
    assert "Đã quá thời gian nhập mã xác thực" in response.content.decode()
    # Without a password step first there is no code step.
    assert Client().get(reverse("login-otp")).url == reverse("login")


def test_the_admin_login_form_asks_for_the_code_too(client, cast):
    cast.admin.is_staff = True
    cast.admin.save()
    enrolled(cast.admin)
    response = password_step(client, "tinh_admin", url=reverse("admin:login"), next="/quan-tri/")
    assert response.status_code == 302 and response.url == reverse("login-otp")
    assert not logged_in(client)


def test_someone_logged_in_without_the_right_to_the_admin_sees_the_login_form(client, cast):
    client.force_login(cast.c1_officer)
    response = client.get("/quan-tri/", follow=True)
    assert response.status_code == 200 and len(response.redirect_chain) == 1
    assert "không có quyền vào trang Cấu hình" in response.content.decode()


def test_a_session_from_before_enrolment_must_log_in_again_for_the_admin_pages(client, cast):
    cast.admin.is_staff = True
    cast.admin.save()
    client.force_login(cast.admin)
    enrolled(cast.admin)
    response = client.get("/quan-tri/", follow=True)
    assert response.redirect_chain[0][0].startswith(reverse("login"))
    assert twofactor.MSG_VERIFY_AGAIN in response.content.decode()
    assert not logged_in(client)


def test_the_setting_forces_administrators_to_enrol_before_the_admin_pages(client, cast, settings):
    staff = get_user_model().objects.create_user("quan_tri", password=PASSWORD, is_staff=True, is_superuser=True)
    client.force_login(staff)
    settings.ADMIN_2FA_REQUIRED = False
    assert client.get("/quan-tri/").status_code == 200

    settings.ADMIN_2FA_REQUIRED = True
    response = client.get("/quan-tri/core/user/", follow=True)
    assert response.redirect_chain[0][0] == reverse("account-2fa") + "?next=/quan-tri/core/user/"
    assert twofactor.MSG_ENROL_FIRST in response.content.decode()
    # Other pages are not held up.
    assert client.get(reverse("home")).status_code == 200

    device = TOTPDevice.objects.get(user=staff, confirmed=False)
    done = client.post(reverse("account-2fa"), {"ma": code(device), "next": "/quan-tri/core/user/"})
    assert done.status_code == 302 and done.url == "/quan-tri/core/user/"
    assert client.get("/quan-tri/core/user/").status_code == 200


def test_a_user_administrator_resets_a_lost_device(client, cast):
    officer = cast.admin
    device = enrolled(officer)
    superuser = get_user_model().objects.create_user("quan_tri", password=PASSWORD, is_staff=True, is_superuser=True)
    enrolled(superuser)
    client.force_login(superuser)
    session = client.session
    session["otp_device_id"] = TOTPDevice.objects.get(user=superuser).persistent_id
    session.save()

    page = client.get(reverse("admin:core_user_change", args=[officer.pk])).content.decode()
    assert "Đang bật" in page and "Đặt lại xác thực hai lớp" in page
    url = reverse("admin:core_user_reset_2fa", args=[officer.pk])
    assert "mất điện thoại" in client.get(url).content.decode()
    done = client.post(url, follow=True)
    assert "Đã đặt lại xác thực hai lớp của tinh_admin" in done.content.decode()
    assert not TOTPDevice.objects.filter(pk=device.pk).exists()
    # The user logs in with the password alone again.
    response = password_step(Client(), "tinh_admin")
    assert response.status_code == 302 and response.url == reverse("home")


def test_people_who_do_not_manage_users_cannot_reset(client, cast):
    enrolled(cast.c1_officer)
    staff = get_user_model().objects.create_user("nhan_vien", password=PASSWORD, is_staff=True)
    client.force_login(staff)
    response = client.post(reverse("admin:core_user_reset_2fa", args=[cast.c1_officer.pk]))
    assert response.status_code == 403
    assert TOTPDevice.objects.filter(user=cast.c1_officer).exists()


def test_the_setting_comes_from_the_environment(monkeypatch, tmp_path):
    from danvan.core.tests.test_serving import load_settings

    base = {"DANVAN_VAR_DIR": str(tmp_path), "DANVAN_SECRET_KEY": "x" * 50}
    assert load_settings(base, monkeypatch).ADMIN_2FA_REQUIRED is False
    assert load_settings(base | {"DANVAN_ADMIN_2FA_REQUIRED": "true"}, monkeypatch).ADMIN_2FA_REQUIRED is True
