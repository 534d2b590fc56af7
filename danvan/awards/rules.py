"""The rules proposals, decisions and recipients must satisfy, shared by the forms, the services and
the Excel imports. They take resolved objects and return (field, Vietnamese message) pairs."""

from __future__ import annotations

import datetime as dt

from django.utils import timezone

from danvan.awards.choices import RecipientKind
from danvan.core.vn import text_date

FIRST_YEAR = 1990  # past decisions can be imported from this year on

Errors = list[tuple[str, str]]


def year_range() -> range:
    return range(FIRST_YEAR, timezone.localdate().year + 2)


def year_bounds(year: int) -> tuple[dt.date, dt.date]:
    return dt.date(year, 1, 1), dt.date(year, 12, 31)


def check_year(year: int | None) -> Errors:
    if year is not None and year not in year_range():
        return [("year", f"Năm {year} ngoài khoảng cho phép ({FIRST_YEAR}–{year_range()[-1]}).")]
    return []


def check_proposal(*, year: int | None, unit=None, award_type=None) -> Errors:
    errors = check_year(year)
    if errors or year is None:
        return errors
    start, end = year_bounds(year)
    if unit is not None and not unit.overlaps(start, end):
        errors.append(("unit", f"Đơn vị “{unit.name}” không hoạt động trong năm {year} ({unit.period_label})."))
    if award_type is not None and not award_type.overlaps(start, end):
        errors.append(
            ("award_type", f"Năm {year} không có “{award_type.name}” (hiệu lực: {award_type.period_label.lower()}).")
        )
    return errors


def check_decision(*, year: int | None, date: dt.date | None, award_type=None) -> Errors:
    errors = check_year(year)
    if year is not None and date is not None and date.year < year:
        errors.append(("date", f"Ngày quyết định ({text_date(date)}) phải từ năm {year} trở đi."))
    if award_type is not None and date is not None and not award_type.is_valid_on(date):
        errors.append(
            (
                "award_type",
                f"“{award_type.name}” không có hiệu lực vào ngày {text_date(date)} "
                f"(hiệu lực: {award_type.period_label.lower()}).",
            )
        )
    return errors


def check_recipient(
    *, kind: str, is_unit: bool, unit, name: str, award_type=None, within=None, year: int | None = None
) -> Errors:
    """`within`: the proposing unit, whose subtree every recipient must belong to."""
    errors: Errors = []
    if award_type is not None and kind and not award_type.allows(kind):
        only = "tập thể" if kind == RecipientKind.INDIVIDUAL else "cá nhân"
        errors.append(("kind", f"“{award_type.name}” chỉ tặng cho {only}."))
    if kind == RecipientKind.INDIVIDUAL and is_unit:
        errors.append(("is_unit", "Chỉ tập thể mới có thể là chính đơn vị."))
    if not (name or "").strip():
        label = "họ tên" if kind == RecipientKind.INDIVIDUAL else "tên tập thể"
        errors.append(("name", f"Cần nhập {label}."))
    if unit is None:
        errors.append(("unit", "Cần chọn đơn vị của tập thể, cá nhân."))
        return errors
    if within is not None and not unit.path.startswith(within.path):
        errors.append(
            (
                "unit",
                f"“{unit.name}” không thuộc {within.name}; chỉ đề nghị khen thưởng tập thể, cá nhân "
                "thuộc đơn vị mình và các đơn vị trực thuộc.",
            )
        )
    if year is not None and not unit.overlaps(*year_bounds(year)):
        errors.append(("unit", f"Đơn vị “{unit.name}” không hoạt động trong năm {year} ({unit.period_label})."))
    return errors


def check_practices(practices, within) -> Errors:
    """Linked practices must belong to the proposing unit or below it."""
    return [
        ("practices", f"Mô hình {p.code} là của {p.unit_name}, không thuộc {within.name}.")
        for p in practices
        if not p.unit.path.startswith(within.path)
    ]
