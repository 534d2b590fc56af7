"""Login throttling glue for django-axes: the client's address and a backend for web logins only."""

from __future__ import annotations

from axes.backends import AxesStandaloneBackend
from django.conf import settings


def client_ip(request) -> str:
    """The address a login attempt came from.

    Behind the documented nginx (DANVAN_BEHIND_PROXY) the proxy appends the real client to
    X-Forwarded-For, so the last entry is the one nobody outside can forge; otherwise REMOTE_ADDR.
    """
    if getattr(settings, "SECURE_PROXY_SSL_HEADER", None):
        forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "")
        last = forwarded.split(",")[-1].strip()
        if last:
            return last
    return request.META.get("REMOTE_ADDR", "")


class LoginThrottleBackend(AxesStandaloneBackend):
    """Axes' lockout check for logins that come with a request (the login page, the admin's).

    Authentication without a request (Django's test client, a shell) has no address to throttle.
    """

    def authenticate(self, request, username=None, password=None, **kwargs):
        if request is None:
            return None
        return super().authenticate(request, username=username, password=password, **kwargs)


def lockout_response(request, original_response=None, credentials=None):
    """The Vietnamese page shown instead of the login form while a user or an address is locked out."""
    from django.shortcuts import render

    minutes = round(float(settings.AXES_COOLOFF_TIME) * 60)
    context = {"failure_limit": settings.AXES_FAILURE_LIMIT, "cooloff_minutes": minutes}
    return render(request, "registration/locked_out.html", context, status=429)
