"""The rules a practice must satisfy, shared by the form, the services and the Excel import.

They take already-resolved objects (the import resolves codes in bulk), and return
(field name, Vietnamese message) pairs instead of raising, so every error can be reported.
"""

from __future__ import annotations

import datetime as dt

from django.utils import timezone

from danvan.practices.choices import Status, Subject

FIRST_YEAR = 2009  # the movement began in 2009


def year_range() -> range:
    return range(FIRST_YEAR, timezone.localdate().year + 2)


def year_bounds(year: int) -> tuple[dt.date, dt.date]:
    return dt.date(year, 1, 1), dt.date(year, 12, 31)


def check(
    *,
    year: int | None,
    unit=None,
    level=None,
    subject: str = Subject.COLLECTIVE,
    person_name: str = "",
    status: str = Status.REGISTERED,
    recognized_level=None,
    decision_date: dt.date | None = None,
    years: range | None = None,
) -> list[tuple[str, str]]:
    """`years`: year_range() taken once by a caller checking many records."""
    errors: list[tuple[str, str]] = []
    years = years or year_range()
    if year is not None and year not in years:
        last = years[-1]
        errors.append(("year", f"Năm {year} ngoài khoảng cho phép ({FIRST_YEAR}–{last})."))
        year = None
    if year is not None:
        start, end = year_bounds(year)
        if unit is not None and not unit.overlaps(start, end):
            errors.append(("unit", f"Đơn vị “{unit.name}” không còn hoạt động trong năm {year} ({unit.period_label})."))
        if level is not None and not level.overlaps(start, end):
            errors.append(("level", f"Năm {year} không có “{level.name}” (hiệu lực: {level.period_label})."))
        if recognized_level is not None and not recognized_level.overlaps(start, end):
            errors.append(("recognized_level", f"Năm {year} không có “{recognized_level.name}”."))
        if decision_date is not None and decision_date.year < year:
            errors.append(("decision_date", f"Ngày công nhận phải từ năm {year} trở đi."))
    if subject == Subject.INDIVIDUAL and not (person_name or "").strip():
        errors.append(("person_name", "Điển hình cá nhân cần có họ tên."))
    if status == Status.RECOGNIZED and recognized_level is None:
        errors.append(("recognized_level", "Trạng thái “Đã công nhận” cần có cấp công nhận."))
    if status != Status.RECOGNIZED and recognized_level is not None:
        errors.append(("recognized_level", "Chỉ mô hình “Đã công nhận” mới có cấp công nhận."))
    return errors
