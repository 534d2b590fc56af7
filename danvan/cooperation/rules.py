"""Checks of a programme, its items, year plans, evaluations and replacement, as (field, Vietnamese
message) pairs: shared by the forms (through the services), the services and the Excel import."""

from __future__ import annotations

import datetime as dt
import re

from danvan.cooperation.choices import SYMBOLS, Kind
from danvan.core.vn import clean_text, fold, text_date
from danvan.planning import rules as planning_rules

# "161-CTr/BCSĐUBND-BDVTU": a number, the kind's symbol, then the signing bodies' abbreviations.
NUMBER_SHAPE = re.compile(r"^(\d{1,4}[a-zA-Z]?)-([^\W\d_]+)/([^\W_][\w.]*(?:-[^\W_][\w.]*)*)$", re.UNICODE)
MIN_PARTIES = 2
FIRST_YEAR = 1990
# An evaluation of year Y is held in Y or early in Y+1 (the conferences of late December or January).
EVALUATION_GRACE = (3, 31)


def number_errors(number: str, kind: str | None) -> list[tuple[str, str]]:
    number = clean_text(number)
    if not number:
        return [("number", "Cần nhập số hiệu, ví dụ 161-CTr/BCSĐUBND-BDVTU.")]
    match = NUMBER_SHAPE.match(number)
    symbol = SYMBOLS.get(kind, "") if kind else ""
    example = f"số-{symbol or 'CTr'}/các cơ quan ký, ví dụ 161-{symbol or 'CTr'}/BCSĐUBND-BDVTU"
    if not match:
        return [("number", f"Số hiệu “{number}” không đúng dạng {example}.")]
    if symbol and fold(match.group(2)) != fold(symbol):
        label = Kind(kind).label
        return [("number", f"Số hiệu {number} có ký hiệu {match.group(2)}, không khớp loại {label} ({symbol}).")]
    return []


def party_names(parties, others: list[str]) -> list[str]:
    """The parties as the programme names them: configured ones in their order, then the others."""
    return [p.name for p in parties] + [clean_text(name) for name in others if clean_text(name)]


def programme_errors(programme, parties: list, others: list[str], today: dt.date) -> list[tuple[str, str]]:
    """`parties`: the configured parties chosen; `others`: the names of bodies outside the list."""
    errors = number_errors(programme.number, programme.kind)
    if programme.kind not in Kind.values:
        errors.append(("kind", "Chọn loại: chương trình, quy chế phối hợp hoặc kế hoạch liên tịch."))
    if not clean_text(programme.title):
        errors.append(("title", "Cần nhập trích yếu."))
    signed = programme.signed_on
    if signed is not None:
        if signed.year < FIRST_YEAR:
            errors.append(("signed_on", f"Ngày ký {text_date(signed)} không hợp lệ."))
        elif signed > today:
            errors.append(("signed_on", f"Ngày ký {text_date(signed)} chưa đến."))
        if programme.unit_id and not programme.unit.is_valid_on(signed):
            unit = programme.unit
            errors.append(("unit", f"{unit.name} không hoạt động vào ngày {text_date(signed)} ({unit.period_label})."))
        if programme.valid_from and programme.valid_from < signed:
            errors.append(("valid_from", f"Ngày có hiệu lực phải từ ngày ký ({text_date(signed)}) trở đi."))
        for party in parties:
            if not party.is_valid_on(signed):
                errors.append(("parties", f"“{party.name}” không còn hoặc chưa có vào ngày ký {text_date(signed)}."))
    if programme.valid_from and programme.valid_until and programme.valid_until < programme.valid_from:
        errors.append(("valid_until", "Ngày hết hiệu lực phải sau ngày có hiệu lực."))
    names = party_names(parties, others)
    folded = [fold(name) for name in names]
    repeated = sorted({name for name, key in zip(names, folded, strict=True) if folded.count(key) > 1})
    if repeated:
        errors.append(("other_parties", f"Bên ký kết bị ghi hai lần: {', '.join(repeated)}."))
    if len(set(folded)) < MIN_PARTIES:
        errors.append(("parties", f"Một văn bản phối hợp cần ít nhất {MIN_PARTIES} bên ký kết."))
    try:
        interim = planning_rules.parse_years(programme.interim_years)
    except ValueError as exc:
        errors.append(("interim_years", str(exc)))
    else:
        errors += planning_rules.check_years(interim, programme.final_years)
    return errors


def item_errors(item, names: list[str]) -> list[tuple[str, str]]:
    """`names`: the programme's parties; the lead and the partners must be among them."""
    errors: list[tuple[str, str]] = []
    if not clean_text(item.content):
        errors.append(("content", "Cần nhập nội dung phối hợp."))
    if item.order is not None and item.order < 1:
        errors.append(("order", "Thứ tự phải từ 1 trở lên."))
    known = {fold(name) for name in names}
    lead = clean_text(item.lead)
    if not lead:
        errors.append(("lead", "Chọn cơ quan chủ trì."))
    elif fold(lead) not in known:
        errors.append(("lead", f"“{lead}” không phải một bên của văn bản phối hợp."))
    partners = item.partner_names
    strangers = [name for name in partners if fold(name) not in known]
    if strangers:
        errors.append(("partners", f"Không phải bên của văn bản phối hợp: {', '.join(strangers)}."))
    if lead and fold(lead) in {fold(name) for name in partners}:
        errors.append(("partners", "Cơ quan chủ trì không ghi lại ở cơ quan phối hợp."))
    return errors


def year_errors(programme, year: int | None, field: str = "year") -> list[tuple[str, str]]:
    if year is None:
        return [(field, "Cần chọn năm.")]
    if not programme.in_force_in(year):
        return [(field, f"Năm {year} văn bản không có hiệu lực ({programme.period_label.lower()}).")]
    return []


def year_plan_errors(plan, programme, today: dt.date) -> list[tuple[str, str]]:
    errors = year_errors(programme, plan.year)
    if plan.issued_on is None:
        errors.append(("issued_on", "Cần nhập ngày ban hành kế hoạch."))
    else:
        if plan.issued_on > today:
            errors.append(("issued_on", f"Ngày {text_date(plan.issued_on)} chưa đến."))
        if plan.issued_on < programme.signed_on:
            errors.append(("issued_on", f"Kế hoạch năm ban hành trước ngày ký ({text_date(programme.signed_on)})."))
        if plan.year and plan.issued_on.year > plan.year:
            errors.append(("issued_on", f"Kế hoạch năm {plan.year} phải ban hành trong năm {plan.year} hoặc trước đó."))
    return errors


def evaluation_deadline(year: int) -> dt.date:
    """The last day an evaluation of `year` is still counted as held for that year."""
    month, day = EVALUATION_GRACE
    return dt.date(year + 1, month, day)


def evaluation_errors(evaluation, programme, today: dt.date) -> list[tuple[str, str]]:
    errors = year_errors(programme, evaluation.year)
    if not clean_text(evaluation.chair):
        errors.append(("chair", "Cần ghi người chủ trì hội nghị."))
    if not clean_text(evaluation.result):
        errors.append(("result", "Cần ghi kết quả đánh giá."))
    day = evaluation.held_on
    if day is None:
        errors.append(("held_on", "Cần nhập ngày tổ chức."))
    else:
        if day > today:
            errors.append(("held_on", f"Ngày {text_date(day)} chưa đến."))
        if day < programme.signed_on:
            errors.append(("held_on", f"Ngày tổ chức trước ngày ký ({text_date(programme.signed_on)})."))
        if evaluation.year and not dt.date(evaluation.year, 1, 1) <= day <= evaluation_deadline(evaluation.year):
            errors.append(
                (
                    "held_on",
                    f"Hội nghị đánh giá năm {evaluation.year} phải tổ chức trong năm {evaluation.year} hoặc đến "
                    f"{text_date(evaluation_deadline(evaluation.year))}.",
                )
            )
    return errors


def replace_errors(old, new) -> list[tuple[str, str]]:
    """`new` replaces `old`: later, of the same unit's area, and `old` not replaced already."""
    errors: list[tuple[str, str]] = []
    if old.pk and new.pk and old.pk == new.pk:
        return [(None, "Một văn bản không thay thế chính nó.")]
    if old.replaced_by_id and old.replaced_by_id != new.pk:
        errors.append((None, f"{old} đã được thay thế bởi văn bản khác."))
    if new.valid_from and new.valid_from <= old.valid_from:
        errors.append(
            ("valid_from", f"Văn bản thay thế phải có hiệu lực sau ngày {text_date(old.valid_from)} của văn bản cũ.")
        )
    return errors
