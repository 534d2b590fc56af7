"""Vietnamese sentences for reports, in the style of the commission's conference reports.

Every figure-to-sentence rule lives here, so the page, the Word report and later the awards
statistics word increases, decreases, no change, first years and empty years alike.
"""

from __future__ import annotations

from dataclasses import dataclass

from danvan.core.vn import format_number, format_percent


@dataclass(frozen=True)
class YearFigures:
    """Registered and recognized counts for one level (or total) in a year, with last year's count."""

    year: int
    registered: int
    recognized: int
    previous_registered: int | None  # None: no data for the previous year (first year)


def change_phrase(current: int, previous: int | None, previous_year: int, noun: str) -> str:
    """ "tăng 399 mô hình so với năm 2018" / "giảm 56 ..." / "bằng năm 2018" / "" when no previous year."""
    if previous is None:
        return ""
    diff = current - previous
    if diff > 0:
        return f"tăng {format_number(diff)} {noun} so với năm {previous_year}"
    if diff < 0:
        return f"giảm {format_number(-diff)} {noun} so với năm {previous_year}"
    return f"bằng năm {previous_year}"


def registration_sentence(scope: str, figures: YearFigures, level_phrase: str, noun: str = "mô hình") -> str:
    """The yearly sentence: registered (with the change), recognized and the share, e.g.
    "Năm 2019, toàn tỉnh đăng ký 7.736 mô hình cấp cơ sở, tăng 399 mô hình so với năm 2018; đã công nhận
    6.568 mô hình đạt cấp cơ sở, chiếm 84,9% so với số đăng ký."
    """
    year = figures.year
    if figures.registered == 0:
        if figures.previous_registered:
            return (
                f"Năm {year}, {scope} không có {noun} đăng ký {level_phrase} "
                f"(năm {year - 1} có {format_number(figures.previous_registered)} {noun})."
            )
        return f"Năm {year}, {scope} không có {noun} đăng ký {level_phrase}."
    head = f"Năm {year}, {scope} đăng ký {format_number(figures.registered)} {noun} {level_phrase}"
    change = change_phrase(figures.registered, figures.previous_registered, year - 1, noun)
    if change:
        head += f", {change}"
    if figures.recognized == 0:
        return f"{head}; chưa có {noun} nào được công nhận đạt {level_phrase}."
    share = format_percent(figures.recognized, figures.registered)
    return (
        f"{head}; đã công nhận {format_number(figures.recognized)} {noun} đạt {level_phrase}, "
        f"chiếm {share} so với số đăng ký."
    )


def split_sentence(lead: str, parts: list[tuple[str, int]], total: int, noun: str = "mô hình") -> str:
    """ "Theo lĩnh vực: Kinh tế 120 mô hình (40,0%), Văn hóa - xã hội 90 mô hình (30,0%) ..." — zero parts left out."""
    shown = [(label, count) for label, count in parts if count]
    if not shown or total == 0:
        return f"{lead}: không có {noun}."
    items = [f"{label} {format_number(count)} {noun} ({format_percent(count, total)})" for label, count in shown]
    return f"{lead}: {'; '.join(items)}."


def scope_phrase(tier: str | None, unit_name: str, short_name: str = "") -> str:
    """ "toàn tỉnh" for a province, "toàn huyện", "toàn xã"/"toàn phường"; otherwise the unit's name."""
    lowered = unit_name.lower()
    if tier == "province":
        return "toàn tỉnh" if "tỉnh" in lowered or not lowered.startswith("thành ủy") else "toàn thành phố"
    if tier == "district":
        return (
            "toàn huyện"
            if lowered.startswith("huyện")
            else "toàn thị xã"
            if lowered.startswith("thị")
            else "toàn thành phố"
        )
    if tier == "commune":
        for word in ("phường", "thị trấn", "đặc khu", "xã"):
            if f" {word} " in f" {lowered} ":
                return f"toàn {word}"
    return unit_name
