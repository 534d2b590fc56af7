"""The rules of planning records, shared by forms, services and the Excel imports.

Pure functions: they take resolved objects and values and return (field, Vietnamese message)
pairs instead of raising, so every error can be reported at once.

Due dates. A milestone "N years after" falls on the same day and month N years after the issue
date. A directive issued on 29 February has no such day in a common year: its milestone falls on
the last day of February (28/2), never on 1 March, so it stays inside the anniversary month.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable

from danvan.core.vn import clean_text, fold, text_date

MAX_YEARS = 50  # a review more than 50 years after the issue date is a typing error
FIRST_YEAR = 1945
_YEARS_SPLIT = re.compile(r"[,;/]|\s+và\s+|\s+")
# "03-KL/TW", "290-QĐ/TW", "05-QĐi/TW": the type symbol between the dash and the slash.
_SYMBOL_IN_NUMBER = re.compile(r"^[0-9A-Za-z.]+-([^\W\d_]+)/", re.UNICODE)


def add_years(day: dt.date, years: int) -> dt.date:
    """`day` moved `years` years on; 29/2 becomes 28/2 in a common year (the last day of February)."""
    try:
        return day.replace(year=day.year + years)
    except ValueError:  # 29 February in a common year
        return day.replace(year=day.year + years, day=28)


def parse_years(value: object) -> list[int]:
    """ "3, 5" -> [3, 5]; also "3; 5", "3 và 5", a number cell (5 or 5.0). ValueError in Vietnamese otherwise."""
    if value is None:
        return []
    if isinstance(value, bool):
        raise ValueError(f"Số năm không hợp lệ: '{value}'")
    if isinstance(value, int | float):
        if value != int(value):
            raise ValueError(f"Số năm phải là số nguyên: '{value}'")
        parts = [str(int(value))]
    else:
        text = clean_text(value)
        if not text:
            return []
        parts = [p for p in _YEARS_SPLIT.split(text) if p]
    years = []
    for part in parts:
        if not part.isdigit():
            raise ValueError(f"Số năm không hợp lệ: '{part}'; ghi các số nguyên cách nhau bởi dấu phẩy, ví dụ 3, 5")
        years.append(int(part))
    return years


def format_years(years: Iterable[int]) -> str:
    return ", ".join(str(y) for y in years)


def number_key(number: str) -> str:
    """Comparison key of a document number: "03-KL/TW", "03-kl/tw" and "03 - KL/TW" are the same."""
    return fold(number).replace(" ", "")


def check_years(interim: list[int], final: int | None) -> list[tuple[str, str]]:
    errors: list[tuple[str, str]] = []
    for years in interim:
        if not 1 <= years <= MAX_YEARS:
            errors.append(("interim_years", f"Số năm sơ kết phải từ 1 đến {MAX_YEARS} (đang là {years})."))
    repeated = sorted({y for y in interim if interim.count(y) > 1})
    if repeated:
        errors.append(("interim_years", f"Số năm sơ kết bị lặp: {format_years(repeated)}."))
    if final is not None:
        if not 1 <= final <= MAX_YEARS:
            errors.append(("final_years", f"Số năm tổng kết phải từ 1 đến {MAX_YEARS} (đang là {final})."))
        elif any(years >= final for years in interim):
            errors.append(("interim_years", f"Sơ kết phải trước tổng kết (tổng kết sau {final} năm)."))
    return errors


def check_directive(
    *,
    type=None,
    number: str = "",
    issued_on: dt.date | None = None,
    interim: list[int] | None = None,
    final: int | None = None,
    today: dt.date | None = None,
) -> list[tuple[str, str]]:
    errors: list[tuple[str, str]] = []
    number = clean_text(number)
    if not number:
        errors.append(("number", "Cần nhập số hiệu văn bản, ví dụ 03-KL/TW."))
    if issued_on is not None:
        if issued_on.year < FIRST_YEAR:
            errors.append(("issued_on", f"Ngày ban hành {text_date(issued_on)} không hợp lệ."))
        elif today is not None and issued_on > today:
            errors.append(("issued_on", f"Ngày ban hành {text_date(issued_on)} chưa đến."))
    if type is not None:
        match = _SYMBOL_IN_NUMBER.match(number)
        if match and fold(match.group(1)) != fold(type.symbol):
            errors.append(
                (
                    "number",
                    f"Số hiệu {number} có ký hiệu {match.group(1)}, không khớp loại {type.name} ({type.symbol}).",
                )
            )
        if issued_on is not None and not type.is_valid_on(issued_on):
            errors.append(("type", f"Loại văn bản “{type.name}” không áp dụng vào ngày {text_date(issued_on)}."))
    errors += check_years(interim or [], final)
    return errors


def check_report(report_date: dt.date | None, number: str, issued_on: dt.date, today: dt.date):
    errors: list[tuple[str, str]] = []
    if not clean_text(number):
        errors.append(("report_number", "Cần nhập số, ký hiệu của báo cáo sơ kết, tổng kết."))
    if report_date is None:
        errors.append(("report_date", "Cần nhập ngày báo cáo."))
    elif report_date > today:
        errors.append(("report_date", f"Ngày báo cáo {text_date(report_date)} chưa đến."))
    elif report_date < issued_on:
        errors.append(("report_date", f"Ngày báo cáo trước ngày ban hành văn bản ({text_date(issued_on)})."))
    return errors


def check_period(start: dt.date | None, end: dt.date | None, field: str, label: str) -> list[tuple[str, str]]:
    if start and end and end < start:
        return [(field, f"{label}: ngày kết thúc ({text_date(end)}) trước ngày bắt đầu ({text_date(start)}).")]
    return []


def check_percent(percent: int | None) -> list[tuple[str, str]]:
    if percent is None or not 0 <= percent <= 100:
        return [("percent", "Tiến độ phải từ 0 đến 100%.")]
    return []


def check_plan_years(year_start: int | None, year_end: int | None) -> list[tuple[str, str]]:
    errors = []
    for field, year in (("year_start", year_start), ("year_end", year_end)):
        if year is not None and not FIRST_YEAR <= year <= 2100:
            errors.append((field, f"Năm {year} không hợp lệ."))
    if year_start and year_end and year_end < year_start:
        errors.append(("year_end", "Năm kết thúc phải từ năm bắt đầu trở đi."))
    elif year_start and year_end and year_end - year_start > 10:
        errors.append(("year_end", "Một kế hoạch không kéo dài quá 10 năm."))
    return errors


def citation(
    kind_label: str,
    years: int | None,
    type_name: str,
    number: str,
    issued_on: dt.date,
    issuer: str = "",
    summary: str = "",
) -> str:
    """ "Sơ kết 5 năm thực hiện Kết luận số 03-KL/TW, ngày 13/5/2016 của Ban Bí thư" (+ " về ..." with a summary)."""
    lead = f"{kind_label} {years} năm thực hiện" if years else f"{kind_label} thực hiện"
    text = f"{lead} {directive_label(type_name, number, issued_on, issuer)}"
    if summary:
        text += f" {about(summary)}"
    return text


def directive_label(type_name: str, number: str, issued_on: dt.date, issuer: str = "") -> str:
    """ "Kết luận số 03-KL/TW, ngày 13/5/2016 của Ban Bí thư"."""
    text = f"{type_name} số {number}, ngày {text_date(issued_on)}"
    return f"{text} của {issuer}" if issuer else text


def about(summary: str) -> str:
    """The summary as it follows a citation: "về tăng cường công tác ..." (lower-cased first letter)."""
    summary = clean_text(summary).rstrip(".")
    if fold(summary).startswith("ve "):
        return summary[:1].lower() + summary[1:]
    return f"về {summary[:1].lower()}{summary[1:]}"
