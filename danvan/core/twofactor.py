"""Second factor for administrators: a TOTP authenticator app (django-otp), optional unless required.

An administrator (staff, superuser, or holder of the admin role on a unit) may enrol one device on
the account page; from then on the login asks for its 6-digit code after the password
(`danvan.core.accounts`). Wrong codes are throttled by django-otp on the device (1, 2, 4... seconds)
and count as failed logins for django-axes, so the same lockout applies as to wrong passwords.
With `ADMIN_2FA_REQUIRED` an administrator without a device is sent to enrol before the admin pages.
A user administrator resets a lost device from the user's page in the admin.
"""

from __future__ import annotations

import time
from base64 import b32encode
from urllib.parse import quote

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout
from django.db import transaction
from django.shortcuts import redirect
from django.urls import reverse
from django.utils import timezone
from django_otp import login as otp_login
from django_otp.oath import TOTP
from django_otp.plugins.otp_totp.models import TOTPDevice

from danvan.core import scoping

DEVICE_NAME = "Ứng dụng xác thực"
# Codes of the last few minutes are "expired", not "wrong": the person read an old code.
EXPIRED_STEPS = 10

MSG_WRONG = "Mã xác thực không đúng. Vui lòng nhập mã 6 chữ số đang hiện trong ứng dụng xác thực."
MSG_EXPIRED = "Mã xác thực đã hết hạn hoặc đã được dùng. Vui lòng nhập mã mới đang hiện trong ứng dụng xác thực."
MSG_THROTTLED = "Bạn đã nhập sai mã nhiều lần. Vui lòng chờ {seconds} giây rồi thử lại."
MSG_FORMAT = "Mã xác thực gồm 6 chữ số."
MSG_ENROL_FIRST = "Trang quản trị yêu cầu xác thực hai lớp: vui lòng thiết lập ứng dụng xác thực trước."
MSG_VERIFY_AGAIN = "Tài khoản của bạn đã bật xác thực hai lớp: vui lòng đăng nhập lại và nhập mã xác thực."


def is_admin(user) -> bool:
    """Whoever administers something: staff, superusers, and holders of the admin role on a unit."""
    if user is None or not user.is_authenticated or not user.is_active:
        return False
    if user.is_staff or user.is_superuser:
        return True
    return bool(scoping.scope_paths(user, scoping.ADMIN))


def device_of(user) -> TOTPDevice | None:
    """The user's confirmed device, if any."""
    if user is None or not user.is_authenticated:
        return None
    return TOTPDevice.objects.devices_for_user(user, confirmed=True).order_by("pk").first()


def pending_device(user) -> TOTPDevice:
    """The unconfirmed device being enrolled (a fresh key the first time)."""
    device = TOTPDevice.objects.devices_for_user(user, confirmed=False).order_by("-pk").first()
    return device or TOTPDevice.objects.create(user=user, name=DEVICE_NAME, confirmed=False)


def secret(device: TOTPDevice) -> str:
    """The key as people type it into an app: base32, in groups of four."""
    text = b32encode(device.bin_key).decode().rstrip("=")
    return " ".join(text[i : i + 4] for i in range(0, len(text), 4))


def otpauth_uri(device: TOTPDevice) -> str:
    """The otpauth:// address an authenticator app accepts (pasted, or read from a QR code made elsewhere)."""
    return device.config_url


def throttled_for(device: TOTPDevice) -> int:
    """Seconds before the device accepts a code again (0: now)."""
    allowed, info = device.verify_is_allowed()
    if allowed:
        return 0
    locked_until = (info or {}).get("locked_until")
    if locked_until is None:
        return 1
    return max(1, int((locked_until - timezone.now()).total_seconds() + 0.999))


def _recent_code(device: TOTPDevice, token: int) -> bool:
    """Whether a refused code was the device's code a little while ago: expired or used, rather than wrong."""
    totp = TOTP(device.bin_key, device.step, device.t0, device.digits, device.drift)
    now = time.time()
    for back in range(EXPIRED_STEPS + 1):
        totp.time = now - back * device.step
        if totp.token() == token:
            return True
    return False


class Refusal(str):
    """Why a code was refused (Vietnamese); `failure` says whether it counts as a failed login."""

    failure: bool = True


def _refusal(message: str, failure: bool = True) -> Refusal:
    refusal = Refusal(message)
    refusal.failure = failure
    return refusal


def verify(device: TOTPDevice, code: str) -> Refusal | None:
    """Check a code against the device (throttled, never the same code twice); None, or why not.

    A code of the wrong shape, or one sent while the device is throttled, is refused without being
    tried, and does not count as a failure; a wrong or expired code does.
    """
    code = (code or "").strip().replace(" ", "")
    if not (code.isdigit() and len(code) == device.digits):
        return _refusal(MSG_FORMAT, failure=False)
    with transaction.atomic():
        device = TOTPDevice.objects.select_for_update().get(pk=device.pk)
        wait = throttled_for(device)
        if wait:
            return _refusal(MSG_THROTTLED.format(seconds=wait), failure=False)
        if device.verify_token(code):
            return None
    return _refusal(MSG_EXPIRED if _recent_code(device, int(code)) else MSG_WRONG)


@transaction.atomic
def confirm_enrolment(request, device: TOTPDevice, code: str) -> Refusal | None:
    """Confirm the pending device with a code from the app; the current session counts as verified."""
    error = verify(device, code)
    if error:
        return error
    device.refresh_from_db()
    device.confirmed = True
    device.save(update_fields=["confirmed"])
    TOTPDevice.objects.filter(user=device.user).exclude(pk=device.pk).delete()
    otp_login(request, device)
    return None


def reset(user) -> int:
    """Remove every device of the user (lost phone): the next login asks for the password only."""
    deleted, _ = TOTPDevice.objects.filter(user=user).delete()
    return deleted


def _admin_page(request) -> bool:
    path = request.path_info
    return path.startswith(reverse("admin:index")) and path != reverse("admin:logout")


class SecondFactorMiddleware:
    """Admin pages only (the rest costs no query): a session must be verified by its user's device.

    - a user with a device whose session is not verified by it (logged in before enrolling, on
      another computer) is logged out and sent to the login, which asks for the code;
    - with ADMIN_2FA_REQUIRED, an administrator without a device is sent to enrol first.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated and _admin_page(request) and not user.is_verified():
            if device_of(user) is not None:
                logout(request)
                messages.warning(request, MSG_VERIFY_AGAIN)
                return redirect(f"{reverse('login')}?next={quote(request.get_full_path())}")
            if settings.ADMIN_2FA_REQUIRED and is_admin(user):
                messages.warning(request, MSG_ENROL_FIRST)
                return redirect(f"{reverse('account-2fa')}?next={quote(request.get_full_path())}")
        return self.get_response(request)
