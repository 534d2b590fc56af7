"""Accounts: login throttling (per user, per address, on the admin's login too)."""

from __future__ import annotations

import pytest
from django.test import Client
from django.urls import reverse

from danvan.core.testing.factories import PASSWORD

pytestmark = pytest.mark.django_db

LOCKED = "Tạm khóa đăng nhập"


def attempt(client: Client, username: str, password: str, url: str = "/dang-nhap/", ip: str = "10.0.0.1"):
    return client.post(url, {"username": username, "password": password}, REMOTE_ADDR=ip)


def test_repeated_failures_lock_the_user_even_with_the_right_password(client, cast, settings):
    settings.AXES_FAILURE_LIMIT = 5
    for _ in range(4):
        response = attempt(client, "d1_officer", "sai-mat-khau")
        assert response.status_code == 200 and "không đúng" in response.content.decode()
    fifth = attempt(client, "d1_officer", "sai-mat-khau")
    assert fifth.status_code == 429 and LOCKED in fifth.content.decode()
    # The right password from another address does not get in while the user is locked.
    right = attempt(Client(), "d1_officer", PASSWORD, ip="10.0.0.2")
    assert right.status_code == 429 and "15 phút" in right.content.decode()
    # Other users from other addresses are unaffected.
    other = attempt(Client(), "c1_officer", PASSWORD, ip="10.0.0.3")
    assert other.status_code == 302 and other.url == reverse("home")


def test_repeated_failures_from_one_address_lock_the_address(client, cast, settings):
    settings.AXES_FAILURE_LIMIT = 5
    for name in ("a1", "a2", "a3", "a4", "a5"):
        attempt(client, name, "sai-mat-khau", ip="10.9.9.9")
    response = attempt(client, "c1_officer", PASSWORD, ip="10.9.9.9")
    assert response.status_code == 429 and LOCKED in response.content.decode()
    elsewhere = attempt(Client(), "c1_officer", PASSWORD, ip="10.0.0.4")
    assert elsewhere.status_code == 302


def test_the_admin_login_form_is_throttled_too(client, cast, settings):
    settings.AXES_FAILURE_LIMIT = 3
    url = reverse("admin:login")
    for _ in range(3):
        attempt(client, "tinh_admin", "sai-mat-khau", url=url)
    response = attempt(client, "tinh_admin", PASSWORD, url=url)
    assert response.status_code == 429 and LOCKED in response.content.decode()


def test_a_successful_login_resets_the_count(client, cast, settings):
    settings.AXES_FAILURE_LIMIT = 3
    for _ in range(2):
        attempt(client, "c1_officer", "sai-mat-khau")
    assert attempt(client, "c1_officer", PASSWORD).status_code == 302
    client.logout()
    for _ in range(2):
        attempt(client, "c1_officer", "sai-mat-khau")
    assert attempt(client, "c1_officer", PASSWORD).status_code == 302


def test_the_province_admin_reads_logins_and_failures_in_vietnamese(client, cast, settings):
    attempt(client, "c1_officer", "sai-mat-khau", ip="10.1.1.1")
    assert attempt(Client(), "c1_officer", PASSWORD, ip="10.1.1.2").status_code == 302
    admin = Client()
    admin.force_login(cast.admin.__class__.objects.create_superuser("quantri", "", PASSWORD))
    index = admin.get("/quan-tri/").content.decode()
    for name in ("Đăng nhập", "Nhật ký đăng nhập", "Lần đăng nhập sai", "Việc nền"):
        assert name in index, name
    assert "Access" not in index and "Axes" not in index and "Task Results" not in index
    failures = admin.get("/quan-tri/axes/accessfailurelog/").content.decode()
    assert "10.1.1.1" in failures and "Địa chỉ IP" in failures and "Tên đăng nhập" in failures
    logins = admin.get("/quan-tri/axes/accesslog/").content.decode()
    assert "10.1.1.2" in logins and "Thời điểm đăng xuất" in logins
