"""Checks of a unit's membership figures, as (field, Vietnamese message) pairs: shared by the form's service
and (later) the Excel import. Field names are the models' own; the service prefixes them per organization."""

from __future__ import annotations

import datetime as dt

from danvan.core.vn import format_number, text_date
from danvan.membership.choices import SECTORS
from danvan.membership.models import period_label

PARTS = (
    ("women", "Số nữ"),
    ("ethnic_minority", "Số người dân tộc thiểu số"),
    ("religious", "Số người có đạo"),
    ("farmers", "Số nông dân"),
    ("workers", "Số công nhân, lao động"),
    ("officials", "Số cán bộ, công chức, viên chức"),
    ("students", "Số học sinh, sinh viên"),
    ("armed_forces", "Số người trong lực lượng vũ trang"),
    ("other_sector", "Số người thuộc thành phần khác"),
)


def period_errors(unit, year: int | None, months: int | None, today: dt.date) -> list[tuple[str, str]]:
    """The period exists and has begun, and the unit exists on its last day (the figures are as at that day)."""
    from danvan.membership.models import period_end

    if year is None or months is None:
        return [("year", "Cần chọn năm và kỳ báo cáo.")]
    if year > today.year:
        return [("year", f"Năm {year} chưa đến.")]
    end = period_end(year, months)
    if not unit.is_valid_on(end):
        return [
            (
                "unit",
                f"{unit.name} không hoạt động vào ngày {text_date(end)}, ngày chốt số liệu "
                f"{period_label(year, months).lower()} ({unit.period_label}).",
            )
        ]
    return []


def report_errors(report) -> list[tuple[str, str]]:
    """The total is not negative, no part exceeds it, and the sectors together do not either (a member is
    in one sector at most)."""
    errors: list[tuple[str, str]] = []
    if report.members is None:
        return [("members", "Cần nhập số đoàn viên, hội viên.")]
    if report.members < 0:
        errors.append(("members", "Số đoàn viên, hội viên không được là số âm."))
    for field, label in PARTS:
        value = getattr(report, field)
        if value is None:
            continue
        if value < 0:
            errors.append((field, f"{label} không được là số âm."))
        elif report.members >= 0 and value > report.members:
            errors.append(
                (
                    field,
                    f"{label} ({format_number(value)}) vượt quá tổng số đoàn viên, hội viên "
                    f"({format_number(report.members)}).",
                )
            )
    if errors:
        return errors
    given = [(name, getattr(report, name) or 0) for name, _ in SECTORS]
    total = sum(value for _, value in given)
    if total > report.members:
        last = [name for name, value in given if value][-1]  # the column to look at: the last one filled
        errors.append(
            (
                last,
                f"Cộng các thành phần ({format_number(total)}) vượt quá tổng số đoàn viên, hội viên "
                f"({format_number(report.members)}); mỗi người chỉ thuộc một thành phần.",
            )
        )
    return errors


def organization_errors(organization, year: int, months: int) -> list[tuple[str, str]]:
    from danvan.membership.models import period_end

    if not organization.overlaps(dt.date(year, 1, 1), period_end(year, months)):
        return [("members", f"{organization.name} không có trong danh mục {period_label(year, months).lower()}.")]
    return []


def population_errors(figure, largest: tuple[str, int] | None = None) -> list[tuple[str, str]]:
    """Population and organized people not negative, the share organized at most 100%, and the people in
    at least one organization no fewer than the members of the largest one (`largest`: its name and count),
    since each of those is such a person."""
    errors: list[tuple[str, str]] = []
    if figure.population is None:
        errors.append(("population", "Cần nhập dân số của đơn vị."))
    elif figure.population < 0:
        errors.append(("population", "Dân số không được là số âm."))
    if figure.organized is None:
        errors.append(("organized", "Cần nhập số người tham gia ít nhất một tổ chức."))
    elif figure.organized < 0:
        errors.append(("organized", "Số người tham gia tổ chức không được là số âm."))
    if errors:
        return errors
    if figure.organized > figure.population:
        errors.append(
            (
                "organized",
                f"Số người tham gia tổ chức ({format_number(figure.organized)}) vượt quá dân số "
                f"({format_number(figure.population)}): tỷ lệ tập hợp không thể quá 100%.",
            )
        )
    if largest and figure.organized < largest[1]:
        errors.append(
            (
                "organized",
                f"Số người tham gia ít nhất một tổ chức ({format_number(figure.organized)}) ít hơn số hội viên "
                f"của {largest[0]} ({format_number(largest[1])}); mỗi người chỉ tính một lần nhưng không thể "
                "ít hơn số hội viên của một tổ chức.",
            )
        )
    return errors


def duplicate_errors(model, unit, year: int, months: int, exclude_pk=None, **extra) -> list[tuple[str, str]]:
    """One report per unit × (organization) × period."""
    rows = model.objects.filter(unit=unit, year=year, months=months, **extra)
    if exclude_pk:
        rows = rows.exclude(pk=exclude_pk)
    if rows.exists():
        return [(None, f"{unit.name} đã có số liệu {period_label(year, months).lower()}; hãy sửa số liệu đã nhập.")]
    return []
