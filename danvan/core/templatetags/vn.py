"""Vietnamese number, percentage and date filters.

Registered as a template builtin in settings, so templates use them without {% load %}:
{{ total|vn_number }}, {{ rate|vn_percent }}, {{ recognized|vn_ratio:registered }},
{{ issued_on|vn_date }}, {{ issued_on|vn_header_date }}.
"""

from __future__ import annotations

import re
from datetime import date, datetime
from decimal import Decimal
from typing import Any

from django import template
from django.utils import timezone

from danvan.core import vn

register = template.Library()

_PLAIN_INT = re.compile(r"[+-]?[0-9]+")


def _number(value: Any) -> int | float | Decimal | None:
    """The value as a number, or None when it is not one (filters must not raise)."""
    if isinstance(value, bool) or value is None or value == "":
        return None
    if isinstance(value, int | float | Decimal):
        return value
    text = str(value).strip()
    # Only plain integers: "7.736" may already be Vietnamese-formatted, and reading it as 7.736
    # would print "8".
    return int(text) if _PLAIN_INT.fullmatch(text) else None


def _as_date(value: Any) -> date | None:
    if isinstance(value, datetime):
        # Aware datetimes are shown in the local time zone, where the day may differ from UTC's.
        return (timezone.localtime(value) if timezone.is_aware(value) else value).date()
    if isinstance(value, date):
        return value
    return None


@register.filter(is_safe=True)
def vn_number(value: Any, decimals: Any = 0) -> str:
    """1500000 -> "1.500.000"; {{ x|vn_number:1 }} -> "12,5"."""
    number = _number(value)
    if number is None:
        return "" if value is None else str(value)
    try:
        return vn.format_number(number, int(decimals))
    except (TypeError, ValueError):
        return str(value)


@register.filter(is_safe=True)
def vn_percent(value: Any, decimals: Any = 1) -> str:
    """A value that is already a percentage: 84.9 -> "84,9%"."""
    number = _number(value)
    if number is None:
        return ""
    try:
        return f"{vn.format_number(number, int(decimals))}%"
    except (TypeError, ValueError):
        return ""


@register.filter(is_safe=True)
def vn_ratio(part: Any, whole: Any) -> str:
    """{{ recognized|vn_ratio:registered }} -> "84,9%"; "–" when the whole is 0 or missing."""
    try:
        return vn.format_percent(_number(part), _number(whole))
    except (TypeError, ValueError):
        return "–"


@register.filter
def vn_date(value: Any) -> str:
    """Date in running text: "11/3/2016"; "" for None."""
    d = _as_date(value)
    if d is None:
        return "" if value is None else str(value)
    return vn.text_date(d)


@register.filter
def vn_header_date(value: Any) -> str:
    """Date for a document header: "ngày 05 tháng 01 năm 2020"; "" for None."""
    d = _as_date(value)
    if d is None:
        return "" if value is None else str(value)
    return vn.header_date(d)


@register.filter
def vn_signed(value: Any) -> str:
    """A change with its sign: "+399", "−56", "0"; "—" when there is nothing to compare with."""
    if value is None or value == "":
        return "—"
    try:
        number = _number(value)
    except (TypeError, ValueError):
        return str(value)
    return vn.format_signed(number)
