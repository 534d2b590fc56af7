"""Logging in (password, then the authenticator code for those who enrolled one) and the own account page."""

from __future__ import annotations

import time

from axes.handlers.proxy import AxesProxyHandler
from django import forms
from django.apps import apps
from django.conf import settings
from django.contrib import messages
from django.contrib.auth import get_user_model, user_login_failed
from django.contrib.auth import login as auth_login
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_protect
from django.views.decorators.debug import sensitive_post_parameters

from danvan.core import tokens, twofactor
from danvan.core.forms import BootstrapFormMixin, new_submit_token, spend_submit_token, submit_token_result
from danvan.core.security import lockout_response

PENDING = "_danvan_login_pending"  # session: who typed the right password, waiting for the code
MSG_PENDING_EXPIRED = "Đã quá thời gian nhập mã xác thực; vui lòng đăng nhập lại."
MSG_ENROLLED = "Đã bật xác thực hai lớp: từ lần đăng nhập sau, hệ thống hỏi mã trong ứng dụng xác thực sau mật khẩu."
MSG_ADMINS_ONLY = "Chỉ tài khoản quản trị mới thiết lập xác thực hai lớp."


class ApiTokenForm(BootstrapFormMixin, forms.Form):
    name = forms.CharField(
        label="Dùng cho",
        max_length=100,
        help_text="Hệ thống sẽ dùng khóa này, để sau này nhận ra và thu hồi (VD: Cổng thông tin tỉnh).",
        error_messages={"required": "Vui lòng ghi khóa này dùng cho hệ thống nào."},
    )
    days = forms.TypedChoiceField(
        label="Thời hạn",
        coerce=int,
        choices=[(days, f"{days} ngày") for days in tokens.LIFETIMES],
        initial=90,
    )


class CodeForm(BootstrapFormMixin, forms.Form):
    ma = forms.CharField(
        label="Mã xác thực",
        max_length=10,
        error_messages={"required": "Vui lòng nhập mã xác thực 6 chữ số."},
        widget=forms.TextInput(
            attrs={"autocomplete": "one-time-code", "inputmode": "numeric", "autofocus": True, "pattern": "[0-9 ]*"}
        ),
    )


def _safe_next(request, url: str | None) -> str:
    if url and url_has_allowed_host_and_scheme(url, {request.get_host()}, require_https=request.is_secure()):
        return url
    return reverse(settings.LOGIN_REDIRECT_URL)


class LoginView(auth_views.LoginView):
    """The password step; a user with a device goes on to the code step instead of being logged in."""

    redirect_authenticated_user = True

    def form_valid(self, form):
        user = form.get_user()
        if twofactor.device_of(user) is None:
            return super().form_valid(form)
        self.request.session[PENDING] = {
            "user": user.pk,
            "backend": user.backend,
            "at": time.time(),
            "next": self.get_success_url(),
        }
        return redirect("login-otp")


login = LoginView.as_view()
_login_form = LoginView.as_view(redirect_authenticated_user=False)

MSG_NOT_ADMIN = "Tài khoản {} không có quyền vào trang Cấu hình; đăng nhập bằng tài khoản khác nếu cần."


def admin_login(request, extra_context=None):
    """The admin's login: the same two steps. Someone logged in without the right to the admin sees the
    form with a word (redirecting them, as the site's login does, would send them back and forth)."""
    from django.contrib import admin

    if request.user.is_authenticated and not admin.site.has_permission(request):
        if request.method == "GET":
            messages.warning(request, MSG_NOT_ADMIN.format(request.user.get_username()))
        return _login_form(request)
    return login(request)


def _pending(request):
    """(user, where to go after) of the login waiting for its code, or None when there is none or it is stale."""
    pending = request.session.get(PENDING)
    if not pending:
        return None
    if time.time() - pending.get("at", 0) > settings.LOGIN_OTP_MINUTES * 60:
        del request.session[PENDING]
        return None
    user = get_user_model().objects.filter(pk=pending["user"], is_active=True).first()
    return None if user is None else (user, pending)


@sensitive_post_parameters("ma")
@never_cache
@csrf_protect
def login_code(request):
    """The code step: a right code logs in; a wrong one is a failed login for axes, and throttles the device."""
    found = _pending(request)
    if found is None:
        messages.warning(request, MSG_PENDING_EXPIRED)
        return redirect("login")
    user, pending = found
    device = twofactor.device_of(user)
    if device is None:  # reset by an administrator meanwhile: the password was enough
        del request.session[PENDING]
        auth_login(request, user, backend=pending["backend"])
        return redirect(_safe_next(request, pending["next"]))
    credentials = {settings.AXES_USERNAME_FORM_FIELD: user.get_username()}
    form = CodeForm(request.POST or None)
    if request.method == "POST":
        if not AxesProxyHandler.is_allowed(request, credentials):
            return lockout_response(request, credentials=credentials)
        if form.is_valid():
            error = twofactor.verify(device, form.cleaned_data["ma"])
            if error is None:
                del request.session[PENDING]
                user.otp_device = device  # django-otp marks the session verified on login
                auth_login(request, user, backend=pending["backend"])
                return redirect(_safe_next(request, pending["next"]))
            form.add_error("ma", error)
            if error.failure:
                user_login_failed.send(sender=__name__, credentials=credentials, request=request)
                if getattr(request, "axes_locked_out", False):
                    return lockout_response(request, credentials=credentials)
    return render(request, "registration/login_code.html", {"form": form, "username": user.get_username()})


@login_required
def account(request, token_form: ApiTokenForm | None = None, new_key: str = ""):
    """The own account page: who I am, my roles, the second factor and my API keys."""
    assignments = apps.get_model("org", "RoleAssignment")  # core does not import the apps above it
    roles = assignments.objects.filter(user=request.user).select_related("unit").order_by("unit__path", "role", "pk")
    context = {
        "roles": roles,
        "can_enrol": twofactor.is_admin(request.user),
        "device": twofactor.device_of(request.user),
        "required": settings.ADMIN_2FA_REQUIRED,
        "api_tokens": tokens.ApiToken.objects.filter(user=request.user)[:50],
        "token_form": token_form or ApiTokenForm(),
        "submit_token": new_submit_token(),
        "new_key": new_key,
    }
    response = render(request, "core/account/account.html", context)
    if new_key:
        response["Cache-Control"] = "no-store"  # the key is shown once: keep it out of every cache
    return response


API_TOKEN_SCOPE = "api-token"


@login_required
def api_token_create(request):
    """Make a key and show it once; a second submit of the same form makes no second key."""
    if request.method != "POST":
        return redirect("account")
    submit = request.POST.get("submit_token", "")
    if submit_token_result(request, API_TOKEN_SCOPE, submit) is not None:
        messages.info(request, "Biểu mẫu này đã được gửi; khóa đã tạo có trong danh sách bên dưới.")
        return redirect("account")
    form = ApiTokenForm(request.POST)
    if not form.is_valid():
        return account(request, token_form=form)
    try:
        token, key = tokens.issue(request.user, form.cleaned_data["name"], form.cleaned_data["days"])
    except ValidationError as exc:
        form.add_error(None, exc)
        return account(request, token_form=form)
    spend_submit_token(request, API_TOKEN_SCOPE, submit, token.pk)
    return account(request, new_key=key)


@login_required
def api_token_revoke(request, pk: int):
    if request.method == "POST":
        token = tokens.revoke(request.user, pk)
        if token is not None:
            messages.success(request, f"Đã thu hồi khóa “{token}”: từ giờ khóa này không dùng được nữa.")
    return redirect("account")


@sensitive_post_parameters("ma")
@login_required
def enrol(request):
    """Enrol an authenticator app: show its key and otpauth address, confirm with a first code."""
    if not twofactor.is_admin(request.user):
        raise PermissionDenied(MSG_ADMINS_ONLY)
    if twofactor.device_of(request.user) is not None:
        return redirect("account")
    device = twofactor.pending_device(request.user)
    form = CodeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        error = twofactor.confirm_enrolment(request, device, form.cleaned_data["ma"])
        if error is None:
            messages.success(request, MSG_ENROLLED)
            return redirect(_safe_next(request, request.POST.get("next")) if request.POST.get("next") else "account")
        form.add_error("ma", error)
    context = {
        "form": form,
        "secret": twofactor.secret(device),
        "uri": twofactor.otpauth_uri(device),
        "next": request.POST.get("next") or request.GET.get("next", ""),
        "required": settings.ADMIN_2FA_REQUIRED,
    }
    return render(request, "core/account/enrol.html", context)
