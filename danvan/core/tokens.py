"""API tokens: a user's keys for other systems, each with an expiry and revocable from the account page.

Only a SHA-256 digest of a key is stored (the key is shown once, when made), so a copy of the database
gives no working key; the first characters are kept in clear so the owner can tell keys apart.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import secrets

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone

PREFIX_LENGTH = 8
LIFETIMES = (30, 90, 180, 365)  # days a user may choose; a key never lives longer than a year
MAX_ACTIVE = 10
# last_used_at is written at most this often per key, so reads by a busy integration do not all write.
TOUCH_EVERY = dt.timedelta(minutes=5)

MSG_TOO_MANY = f"Mỗi tài khoản có tối đa {MAX_ACTIVE} khóa đang dùng; hãy thu hồi khóa không còn dùng trước."
MSG_LIFETIME = "Thời hạn khóa không hợp lệ."


class ApiTokenQuerySet(models.QuerySet):
    def active(self, now: dt.datetime | None = None) -> ApiTokenQuerySet:
        return self.filter(revoked_at__isnull=True, expires_at__gt=now or timezone.now())


class ApiToken(models.Model):
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name="người dùng", on_delete=models.CASCADE, related_name="api_tokens"
    )
    name = models.CharField("dùng cho", max_length=100)
    prefix = models.CharField("đầu khóa", max_length=PREFIX_LENGTH)
    digest = models.CharField(max_length=64, unique=True, editable=False)
    created_at = models.DateTimeField("tạo lúc", auto_now_add=True)
    expires_at = models.DateTimeField("hết hạn")
    last_used_at = models.DateTimeField("dùng lần cuối", null=True, blank=True)
    revoked_at = models.DateTimeField("thu hồi lúc", null=True, blank=True)

    objects = ApiTokenQuerySet.as_manager()

    class Meta:
        verbose_name = "khóa API"
        verbose_name_plural = "khóa API"
        ordering = ["-created_at", "-id"]
        indexes = [models.Index(fields=["user", "revoked_at", "expires_at"], name="apitoken_user_idx")]

    def __str__(self) -> str:
        return f"{self.name} ({self.prefix}…)"

    @property
    def state(self) -> str:
        if self.revoked_at:
            return "Đã thu hồi"
        return "Hết hạn" if self.expires_at <= timezone.now() else "Đang dùng"


def digest(key: str) -> str:
    return hashlib.sha256(key.encode()).hexdigest()


def issue(user, name: str, days: int) -> tuple[ApiToken, str]:
    """A new key for `user`; the clear key is returned once and never stored."""
    if days not in LIFETIMES:
        raise ValidationError(MSG_LIFETIME)
    if ApiToken.objects.filter(user=user).active().count() >= MAX_ACTIVE:
        raise ValidationError(MSG_TOO_MANY)
    key = "dv_" + secrets.token_urlsafe(32)
    token = ApiToken.objects.create(
        user=user,
        name=name.strip()[:100] or "Khóa API",
        prefix=key[:PREFIX_LENGTH],
        digest=digest(key),
        expires_at=timezone.now() + dt.timedelta(days=days),
    )
    return token, key


def revoke(user, token_id: int) -> ApiToken | None:
    """Revoke one of `user`'s own keys (another user's key id finds nothing)."""
    token = ApiToken.objects.filter(user=user, pk=token_id, revoked_at__isnull=True).first()
    if token is not None:
        token.revoked_at = timezone.now()
        token.save(update_fields=["revoked_at"])
    return token


def user_for(key: str):
    """The active user a clear key belongs to, or None (unknown, expired, revoked, inactive user)."""
    now = timezone.now()
    token = ApiToken.objects.active(now).select_related("user").filter(digest=digest(key)).first()
    if token is None or not token.user.is_active:
        return None
    if token.last_used_at is None or now - token.last_used_at > TOUCH_EVERY:
        ApiToken.objects.filter(pk=token.pk).update(last_used_at=now)
    return token.user
