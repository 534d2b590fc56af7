"""Scores as the commission writes them: "8,5", "10", "−5" ({% load emulation %})."""

from __future__ import annotations

from decimal import Decimal, InvalidOperation

from django import template

from danvan.emulation.rules import format_score

register = template.Library()


def _decimal(value) -> Decimal | None:
    if value is None or value == "" or isinstance(value, bool):
        return None
    try:
        return Decimal(value) if not isinstance(value, float) else Decimal(str(value))
    except (InvalidOperation, TypeError, ValueError):
        return None


@register.filter
def score(value) -> str:
    """8.50 -> "8,5"; None -> ""."""
    number = _decimal(value)
    return "" if number is None else format_score(number)


@register.filter
def signed_score(value) -> str:
    """A difference with its sign: "+2,5", "−1", "0"."""
    number = _decimal(value)
    return "" if number is None else format_score(number, signed=True)


@register.filter
def deduction(value) -> str:
    """Points deducted by a penalty item, shown negative: 5 -> "−5"; 0 -> "0"."""
    number = _decimal(value)
    if number is None:
        return ""
    return format_score(-number) if number else "0"
