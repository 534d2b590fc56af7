"""Gap-free sequence numbers (record codes, document numbers), safe under concurrent saves."""

from django.db import models, transaction
from django.db.models import F


class Counter(models.Model):
    """The last number issued for a key such as "DVK-2019" or "BC/BTGDVTU/2025-2030"."""

    key = models.CharField(max_length=100, unique=True)
    value = models.PositiveBigIntegerField(default=0)

    class Meta:
        app_label = "core"
        verbose_name = "bộ đếm số"
        verbose_name_plural = "bộ đếm số"

    def __str__(self) -> str:
        return f"{self.key}: {self.value}"


def reserve(key: str, count: int = 1) -> range:
    """Reserve `count` consecutive numbers for `key` and return them.

    The increment is one UPDATE, which takes the row lock, so two transactions can never get
    the same number (SQLite's IMMEDIATE transactions serialize writers anyway).
    """
    if count < 1:
        return range(0)
    with transaction.atomic():
        Counter.objects.get_or_create(key=key)
        Counter.objects.filter(key=key).update(value=F("value") + count)
        last = Counter.objects.values_list("value", flat=True).get(key=key)
    return range(last - count + 1, last + 1)


def next_number(key: str) -> int:
    return reserve(key, 1)[0]


def ensure_at_least(key: str, value: int) -> None:
    """Move the counter forward past numbers issued elsewhere (e.g. codes imported from Excel)."""
    with transaction.atomic():
        Counter.objects.get_or_create(key=key)
        Counter.objects.filter(key=key, value__lt=value).update(value=value)
