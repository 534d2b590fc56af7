"""Vietnamese sentences for reports, in the style of the commission's conference reports.

Every figure-to-sentence rule lives here, so the page, the Word report and later the awards
statistics word increases, decreases, no change, first years and empty years alike.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass

from danvan.core.vn import format_number, format_percent, text_date


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


def registration_sentence(scope: str, figures: YearFigures, level_phrase: str = "", noun: str = "mô hình") -> str:
    """The yearly sentence: registered (with the change), recognized and the share, e.g.
    "Năm 2019, toàn tỉnh đăng ký 7.736 mô hình cấp cơ sở, tăng 399 mô hình so với năm 2018; đã công nhận
    6.568 mô hình đạt cấp cơ sở, chiếm 84,9% so với số đăng ký." Without a level: all levels together.
    """
    year = figures.year
    level = f" {level_phrase}" if level_phrase else ""
    reached = f" đạt {level_phrase}" if level_phrase else ""
    if figures.registered == 0:
        if figures.previous_registered:
            return (
                f"Năm {year}, {scope} không có {noun} đăng ký{level} "
                f"(năm {year - 1} có {format_number(figures.previous_registered)} {noun})."
            )
        return f"Năm {year}, {scope} không có {noun} đăng ký{level}."
    head = f"Năm {year}, {scope} đăng ký {format_number(figures.registered)} {noun}{level}"
    change = change_phrase(figures.registered, figures.previous_registered, year - 1, noun)
    if change:
        head += f", {change}"
    if figures.recognized == 0:
        return f"{head}; chưa có {noun} nào được công nhận{reached}."
    share = format_percent(figures.recognized, figures.registered)
    return f"{head}; đã công nhận {format_number(figures.recognized)} {noun}{reached}, chiếm {share} so với số đăng ký."


def levels_sentence(parts: list[tuple[str, int, int, int | None]], year: int, noun: str = "mô hình") -> str:
    """ "Trong đó: cấp cơ sở đăng ký 953 mô hình, tăng 30 mô hình so với năm 2025, công nhận 179 mô hình;
    cấp huyện không có mô hình đăng ký (năm 2025 có 93 mô hình)." from (level, registered, recognized,
    last year's registered)."""
    clauses = []
    for label, registered, recognized, previous in parts:
        level = label[:1].lower() + label[1:]
        if registered == 0:
            before = f" (năm {year - 1} có {format_number(previous)} {noun})" if previous else ""
            clauses.append(f"{level} không có {noun} đăng ký{before}")
            continue
        clause = f"{level} đăng ký {format_number(registered)} {noun}"
        change = change_phrase(registered, previous, year - 1, noun)
        if change:
            clause += f", {change}"
        if recognized:
            clause += f", công nhận {format_number(recognized)} {noun}"
        else:
            clause += f", chưa có {noun} được công nhận"
        clauses.append(clause)
    return f"Trong đó: {'; '.join(clauses)}."


def reform_sentence(year: int, reform_day: dt.date, absorbed: list[str], mapped_to_today: bool) -> str:
    """The one sentence a report needs when its comparison crosses the reform of `reform_day`."""
    including = f", gồm cả {join_names(absorbed)}" if absorbed else ""
    where = (
        "số liệu của đơn vị cũ được quy về đơn vị hiện nay theo quá trình sắp xếp"
        if mapped_to_today
        else f"số liệu năm {year - 1} của đơn vị cũ được tính cho đơn vị kế thừa trong năm {year}, "
        "đơn vị cũ chưa xác định được đơn vị kế thừa được ghi riêng"
    )
    return (
        f"Do sắp xếp đơn vị hành chính từ ngày {text_date(reform_day)} (kết thúc hoạt động cấp huyện, sắp xếp lại "
        f"tỉnh, xã), số liệu năm {year - 1} dùng để so sánh được tính trên cùng phạm vi với năm {year}{including}; "
        f"{where}."
    )


def scope_sentence(scope_label: str, absorbed: list[str]) -> str:
    """What a report covers when it carries units that merged into its own."""
    return f"Số liệu tính trên phạm vi {scope_label}, gồm cả {join_names(absorbed)} trước khi hợp nhất."


def join_names(names: list[str]) -> str:
    """ "A", "A và B", "A, B và C"."""
    return names[0] if len(names) == 1 else f"{', '.join(names[:-1])} và {names[-1]}"


def split_sentence(lead: str, parts: list[tuple[str, int]], total: int, noun: str = "mô hình") -> str:
    """ "Theo lĩnh vực: Kinh tế 120 mô hình (40,0%), Văn hóa - xã hội 90 mô hình (30,0%) ..." — zero parts left out."""
    shown = [(label, count) for label, count in parts if count]
    if not shown or total == 0:
        return f"{lead}: không có {noun}."
    items = [f"{label} {format_number(count)} {noun} ({format_percent(count, total)})" for label, count in shown]
    return f"{lead}: {'; '.join(items)}."


# --- Commendations ("Chủ tịch UBND tỉnh tặng Bằng khen cho 5 tập thể và 10 cá nhân; ...") ---------------

NOTHING_AWARDED = "Chưa có tập thể, cá nhân nào được khen thưởng."


@dataclass(frozen=True)
class AwardCount:
    """How many collectives and individuals one authority gave one form of award."""

    authority: str  # the subject, from configuration: "Chủ tịch UBND tỉnh", "Ban Dân vận Tỉnh ủy"
    form: str  # "Bằng khen", "Giấy khen", "Cờ thi đua"
    collectives: int
    individuals: int


def recipients_phrase(collectives: int, individuals: int) -> str:
    """'5 tập thể và 10 cá nhân', '9 tập thể', '10 cá nhân'; '' when both are zero."""
    parts = []
    if collectives:
        parts.append(f"{format_number(collectives)} tập thể")
    if individuals:
        parts.append(f"{format_number(individuals)} cá nhân")
    return " và ".join(parts)


def award_clause(count: AwardCount) -> str:
    """'Chủ tịch UBND tỉnh tặng Bằng khen cho 5 tập thể và 10 cá nhân'; '' when nobody was awarded."""
    who = recipients_phrase(count.collectives, count.individuals)
    return f"{count.authority} tặng {count.form} cho {who}" if who else ""


def awards_sentence(counts: Iterable[AwardCount], lead: str = "", empty: str = NOTHING_AWARDED) -> str:
    """One clause per authority, in the order given, joined with '; ' and ending with '.':
    "Chủ tịch UBND tỉnh tặng Cờ thi đua cho 2 tập thể, Bằng khen cho 54 tập thể và 40 cá nhân; Ban Dân vận
    Tỉnh ủy tặng Giấy khen cho 6 tập thể." Counts of the same authority and form are added together,
    forms nobody received are left out. `lead` goes in front ("Năm 2022, "); `empty` when nobody was awarded.
    """
    merged: dict[str, dict[str, list[int]]] = {}
    for count in counts:
        totals = merged.setdefault(count.authority, {}).setdefault(count.form, [0, 0])
        totals[0] += count.collectives
        totals[1] += count.individuals
    clauses = []
    for authority, forms in merged.items():
        parts = [f"{form} cho {who}" for form, (c, i) in forms.items() if (who := recipients_phrase(c, i))]
        if parts:
            clauses.append(f"{authority} tặng {', '.join(parts)}")
    if not clauses:
        return f"{lead}{empty[:1].lower()}{empty[1:]}" if lead else empty
    return f"{lead}{'; '.join(clauses)}."
