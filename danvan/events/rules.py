"""Checks of contests and conferences, as (field, Vietnamese message) pairs: shared by forms, services and
the Excel imports."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from danvan.awards.choices import DecisionStatus
from danvan.core.vn import clean_text, text_date
from danvan.emulation.rules import format_score
from danvan.events.choices import ContestState
from danvan.org.services import committee_root, within

# Award decisions presented at a conference: issued on its day or in the weeks before it.
AWARD_WINDOW_DAYS = 90

MSG_LOCKED = "Hội thi đã công bố kết quả nên không sửa được nữa."
MSG_NOT_RUNNING = "Chỉ nhập điểm khi hội thi đang diễn ra (trạng thái “Đang thi”)."


def _unit_valid(unit, day: dt.date | None, field: str = "unit") -> list[tuple[str, str]]:
    if day and unit is not None and not unit.is_valid_on(day):
        return [(field, f"{unit.name} không hoạt động vào ngày {text_date(day)} ({unit.period_label}).")]
    return []


def contest_errors(contest) -> list[tuple[str, str]]:
    errors: list[tuple[str, str]] = []
    if not clean_text(contest.name):
        errors.append(("name", "Cần nhập tên hội thi."))
    if contest.unit_id:
        errors += _unit_valid(contest.unit, contest.start_date)
    if contest.start_date and contest.end_date and contest.end_date < contest.start_date:
        errors.append(("end_date", "Ngày kết thúc phải từ ngày bắt đầu trở đi."))
    if contest.kind_id and contest.start_date and not contest.kind.is_valid_on(contest.start_date):
        errors.append(
            ("kind", f"Loại hội thi “{contest.kind.name}” không dùng vào ngày {text_date(contest.start_date)}.")
        )
    return errors


def editable_errors(contest) -> list[tuple[None, str]]:
    return [(None, MSG_LOCKED)] if contest.state == ContestState.ANNOUNCED else []


def round_errors(round_, contest, others=()) -> list[tuple[str, str]]:
    """`others`: the contest's other rounds (their order must differ)."""
    errors: list[tuple[str, str]] = []
    if not clean_text(round_.name):
        errors.append(("name", "Cần nhập tên vòng thi."))
    if round_.order is not None and any(o.order == round_.order and o.pk != round_.pk for o in others):
        errors.append(("order", f"Đã có vòng thi thứ tự {round_.order}."))
    if round_.max_score is not None and round_.max_score <= 0:
        errors.append(("max_score", "Điểm tối đa phải lớn hơn 0."))
    start, end = contest.start_date, contest.end_date
    if round_.day and start and end and not start <= round_.day <= end:
        errors.append(("day", f"Ngày thi phải trong thời gian hội thi ({text_date(start)} – {text_date(end)})."))
    return errors


def entry_errors(entry, contest, others=()) -> list[tuple[str, str]]:
    """A participating unit valid on the contest's first day, within the organizer's area; not twice."""
    errors: list[tuple[str, str]] = []
    if not entry.unit_id:
        return [("unit", "Cần chọn đơn vị dự thi.")]
    unit = entry.unit
    errors += _unit_valid(unit, contest.start_date)
    root = committee_root(contest.unit)
    if not within(unit, root):
        errors.append(("unit", f"{unit.name} không thuộc phạm vi của {root.name}."))
    title = clean_text(entry.title)
    if any(o.unit_id == entry.unit_id and clean_text(o.title) == title and o.pk != entry.pk for o in others):
        errors.append(("title", f"{unit.name} đã có đội, bài dự thi “{title or unit.name}”."))
    return errors


def score_errors(value: Decimal | None, round_) -> list[tuple[None, str]]:
    if value is None:
        return []
    if value < 0 or value > round_.max_score:
        return [(None, f"Điểm {round_.name} phải từ 0 đến {format_score(round_.max_score)}.")]
    if value != value.quantize(Decimal("0.01")):
        return [(None, "Điểm chỉ ghi tối đa hai chữ số thập phân.")]
    return []


def prize_errors(prize, contest, today: dt.date) -> list[tuple[str, str]]:
    errors: list[tuple[str, str]] = []
    if prize.entry_id and prize.entry.contest_id != contest.pk:
        errors.append(("entry", "Đội, bài dự thi không thuộc hội thi này."))
    if prize.kind_id and contest.end_date and not prize.kind.is_valid_on(contest.end_date):
        errors.append(("kind", f"Giải “{prize.kind.name}” không dùng vào ngày {text_date(contest.end_date)}."))
    if prize.award_id:
        recipient = prize.award
        decision = recipient.decision
        if decision is None or decision.status != DecisionStatus.ISSUED:
            errors.append(("award", "Chỉ gắn khen thưởng trong quyết định đã ban hành."))
        elif decision.date < contest.start_date:
            errors.append(("award", f"Quyết định khen thưởng ngày {text_date(decision.date)} có trước hội thi."))
        if prize.entry_id and not within(recipient.unit, prize.entry.unit):
            errors.append(("award", f"{recipient.name} không thuộc {prize.entry.unit.name}."))
    return errors


def start_errors(contest, rounds: int, entries: int) -> list[tuple[None, str]]:
    errors = []
    if not rounds:
        errors.append((None, "Cần có ít nhất một vòng thi trước khi bắt đầu thi."))
    if entries < 2:
        errors.append((None, "Cần có ít nhất hai đội, bài dự thi trước khi bắt đầu thi."))
    return errors


def announce_errors(missing: int, prizes: int) -> list[tuple[None, str]]:
    """Results are announced once every entry has its score in every round and prizes are given."""
    errors = []
    if missing:
        errors.append((None, f"Còn {missing} ô điểm chưa nhập; nhập đủ điểm các vòng trước khi công bố kết quả."))
    if not prizes:
        errors.append((None, "Chưa trao giải nào; ghi các giải trước khi công bố kết quả."))
    return errors


def conference_errors(conference, attending=(), decisions=()) -> list[tuple[str, str]]:
    errors: list[tuple[str, str]] = []
    if not clean_text(conference.title):
        errors.append(("title", "Cần nhập tên hội nghị."))
    day = conference.date
    if conference.unit_id:
        errors += _unit_valid(conference.unit, day)
    if conference.kind_id and day and not conference.kind.is_valid_on(day):
        errors.append(("kind", f"Loại hội nghị “{conference.kind.name}” không dùng vào ngày {text_date(day)}."))
    if conference.attendees is not None and conference.attendees < 1:
        errors.append(("attendees", "Số đại biểu dự phải từ 1 trở lên."))
    root = committee_root(conference.unit) if conference.unit_id else None
    for unit in attending:
        if root is not None and not within(unit, root):
            errors.append(("attending", f"{unit.name} không thuộc phạm vi của {root.name}."))
        errors += _unit_valid(unit, day, "attending")
    for decision in decisions:
        errors += presented_errors(decision, day)
    return errors


def presented_errors(decision, day: dt.date | None) -> list[tuple[str, str]]:
    if decision.status != DecisionStatus.ISSUED:
        return [("awards", f"{decision} chưa ban hành.")]
    if day and not (day - dt.timedelta(days=AWARD_WINDOW_DAYS) <= decision.date <= day):
        return [
            ("awards", f"{decision} không ban hành trong {AWARD_WINDOW_DAYS} ngày trước hội nghị "
                       f"({text_date(day)}).")
        ]  # fmt: skip
    return []
