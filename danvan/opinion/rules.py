"""Checks of an opinion item and a collaborator, as (field, Vietnamese message) pairs: shared by forms,
services and the Excel import."""

from __future__ import annotations

import datetime as dt

from danvan.core.vn import clean_text, text_date
from danvan.opinion.choices import Source
from danvan.org.services import committee_root, within


def item_errors(item, today: dt.date) -> list[tuple[str, str]]:
    errors: list[tuple[str, str]] = []
    if not clean_text(item.summary):
        errors.append(("summary", "Cần nhập nội dung thông tin dư luận."))
    day = item.noted_on
    if day and day > today:
        errors.append(("noted_on", f"Ngày ghi nhận {text_date(day)} chưa đến."))
    if day and item.unit_id and not item.unit.is_valid_on(day):
        errors.append(
            ("unit", f"{item.unit.name} không hoạt động vào ngày {text_date(day)} ({item.unit.period_label}).")
        )
    if item.place_id and item.unit_id:
        root = committee_root(item.unit)
        if not within(item.place, root):
            errors.append(("place", f"{item.place.name} không thuộc địa bàn của {root.name}."))
        elif day and not item.place.is_valid_on(day):
            errors.append(("place", f"{item.place.name} không hoạt động vào ngày {text_date(day)}."))
    errors += source_errors(item)
    if item.people_involved is not None and item.people_involved < 1:
        errors.append(("people_involved", "Số người liên quan phải từ 1 trở lên."))
    return errors


def source_errors(item) -> list[tuple[str, str]]:
    errors: list[tuple[str, str]] = []
    if item.source == Source.COLLABORATOR:
        if not item.collaborator_id:
            errors.append(("collaborator", "Chọn cộng tác viên đã phản ánh thông tin này."))
        elif item.unit_id:
            collaborator = item.collaborator
            if not within(collaborator.unit, committee_root(item.unit)):
                errors.append(("collaborator", f"{collaborator.name} không thuộc danh sách cộng tác viên của đơn vị."))
            elif item.noted_on and not collaborator.serves_on(item.noted_on):
                errors.append(
                    (
                        "collaborator",
                        f"{collaborator.name} không trong nhiệm kỳ cộng tác viên vào {text_date(item.noted_on)}.",
                    )
                )
    elif item.collaborator_id:
        errors.append(("collaborator", "Chỉ chọn cộng tác viên khi nguồn là cộng tác viên dư luận xã hội."))
    if item.source == Source.CYBERSPACE:
        if not item.platform:
            errors.append(("platform", "Cần chọn nền tảng mạng xã hội hoặc trang tin."))
        if not item.link:
            errors.append(("link", "Cần nhập đường dẫn đến bài viết trên không gian mạng."))
    else:
        if item.platform:
            errors.append(("platform", "Chỉ chọn nền tảng khi nguồn là không gian mạng."))
        if item.reach is not None:
            errors.append(("reach", "Chỉ nhập lượt tiếp cận khi nguồn là không gian mạng."))
    return errors


def forward_errors(item, forwarded_to: str, forwarded_on, answer_due, today: dt.date) -> list[tuple[str, str]]:
    errors: list[tuple[str, str]] = []
    if not clean_text(forwarded_to):
        errors.append(("forwarded_to", "Cần ghi cơ quan được chuyển đến."))
    if forwarded_on is None:
        errors.append(("forwarded_on", "Cần nhập ngày chuyển."))
    else:
        if forwarded_on < item.noted_on:
            errors.append(("forwarded_on", f"Ngày chuyển phải từ ngày ghi nhận ({text_date(item.noted_on)}) trở đi."))
        if forwarded_on > today:
            errors.append(("forwarded_on", f"Ngày chuyển {text_date(forwarded_on)} chưa đến."))
        if answer_due and answer_due < forwarded_on:
            errors.append(("answer_due", "Hạn trả lời phải sau ngày chuyển."))
    return errors


def answer_errors(item, answer: str, answered_on, today: dt.date) -> list[tuple[str, str]]:
    errors: list[tuple[str, str]] = []
    if not clean_text(answer):
        errors.append(("answer", "Cần nhập nội dung trả lời của cơ quan."))
    if answered_on is None:
        errors.append(("answered_on", "Cần nhập ngày trả lời."))
    else:
        if item.forwarded_on and answered_on < item.forwarded_on:
            errors.append(("answered_on", f"Ngày trả lời phải từ ngày chuyển ({text_date(item.forwarded_on)}) trở đi."))
        if answered_on > today:
            errors.append(("answered_on", f"Ngày trả lời {text_date(answered_on)} chưa đến."))
    return errors


def collaborator_errors(collaborator) -> list[tuple[str, str]]:
    errors: list[tuple[str, str]] = []
    if not clean_text(collaborator.name):
        errors.append(("name", "Cần nhập họ và tên cộng tác viên."))
    if collaborator.term_start and collaborator.term_end and collaborator.term_end < collaborator.term_start:
        errors.append(("term_end", "Ngày kết thúc nhiệm kỳ phải sau ngày bắt đầu."))
    return errors


# --- Citizen reception and dialogues ---------------------------------------------------------------

# Minimum reception days a month for the head of a Party committee, by tier, with the period each rule
# applies to (Quy định 11-QĐi/TW; after the July 2025 reform there are no districts and the commune
# committee's head receives at least twice a month).
REFORM_DAY = dt.date(2025, 7, 1)
RECEPTION_MINIMUMS = (
    ("province", 1, None, None),
    ("district", 2, None, REFORM_DAY - dt.timedelta(days=1)),
    ("commune", 2, REFORM_DAY, None),
)
NOTICE_DAYS = 7


def reception_minimum(tier: str, day: dt.date) -> int | None:
    """Days a month the rule asks of a unit of this tier in the month of `day`; None: no rule."""
    for rule_tier, days, start, end in RECEPTION_MINIMUMS:
        if rule_tier == tier and (start is None or day >= start) and (end is None or day <= end):
            return days
    return None


def reception_errors(reception, today: dt.date) -> list[tuple[str, str]]:
    errors: list[tuple[str, str]] = []
    if not clean_text(reception.leader):
        errors.append(("leader", "Cần ghi họ tên, chức vụ người chủ trì tiếp công dân."))
    if reception.day and reception.unit_id and not reception.unit.is_valid_on(reception.day):
        unit = reception.unit
        errors.append(
            ("unit", f"{unit.name} không hoạt động vào ngày {text_date(reception.day)} ({unit.period_label}).")
        )
    if reception.status == "held" and reception.day and reception.day > today:
        errors.append(("status", f"Ngày {text_date(reception.day)} chưa đến nên chưa thể ghi là đã tiếp."))
    return errors


def case_errors(case, reception, today: dt.date) -> list[tuple[str, str]]:
    errors: list[tuple[str, str]] = []
    if reception.status != "held":
        errors.append((None, "Chỉ ghi vụ việc vào buổi tiếp đã diễn ra."))
    if not clean_text(case.petitioner):
        errors.append(("petitioner", "Cần ghi người đến (người đại diện)."))
    if not clean_text(case.content):
        errors.append(("content", "Cần ghi nội dung vụ việc."))
    if case.people is not None and case.people < 1:
        errors.append(("people", "Số người phải từ 1 trở lên."))
    if case.deadline and case.deadline < reception.day:
        errors.append(("deadline", "Hạn giải quyết phải sau ngày tiếp."))
    if case.settled_on:
        if case.settled_on < reception.day:
            errors.append(("settled_on", "Ngày có kết quả phải từ ngày tiếp trở đi."))
        if case.settled_on > today:
            errors.append(("settled_on", f"Ngày {text_date(case.settled_on)} chưa đến."))
        if not clean_text(case.result):
            errors.append(("result", "Cần ghi kết quả giải quyết."))
    return errors


def dialogue_errors(dialogue, today: dt.date) -> list[tuple[str, str]]:
    errors: list[tuple[str, str]] = []
    if not clean_text(dialogue.hosts):
        errors.append(("hosts", "Cần ghi họ tên người chủ trì đối thoại."))
    if not clean_text(dialogue.topic):
        errors.append(("topic", "Cần ghi chủ đề đối thoại."))
    if dialogue.day and dialogue.unit_id and not dialogue.unit.is_valid_on(dialogue.day):
        unit = dialogue.unit
        errors.append(
            ("unit", f"{unit.name} không hoạt động vào ngày {text_date(dialogue.day)} ({unit.period_label}).")
        )
    if dialogue.notice_on and dialogue.day and dialogue.notice_on > dialogue.day:
        errors.append(("notice_on", "Ngày thông báo phải trước ngày đối thoại."))
    if dialogue.participants is not None and dialogue.participants < 1:
        errors.append(("participants", "Số người tham dự phải từ 1 trở lên."))
    if dialogue.published_on:
        if dialogue.day and dialogue.published_on < dialogue.day:
            errors.append(("published_on", "Ngày công khai kết quả phải từ ngày đối thoại trở đi."))
        if dialogue.published_on > today:
            errors.append(("published_on", f"Ngày {text_date(dialogue.published_on)} chưa đến."))
    return errors


def notice_warning(dialogue) -> str:
    """A warning, not an error: the people should be told at least 7 days ahead."""
    days = dialogue.notice_days
    if days is None:
        return "Chưa ghi ngày thông báo cho nhân dân."
    if days < NOTICE_DAYS:
        return f"Thông báo trước {days} ngày, ít hơn {NOTICE_DAYS} ngày theo quy định."
    return ""


def issue_errors(issue) -> list[tuple[str, str]]:
    return [] if clean_text(issue.content) else [("content", "Cần ghi ý kiến, kiến nghị của nhân dân.")]


def commitment_errors(commitment, dialogue, today: dt.date) -> list[tuple[str, str]]:
    errors: list[tuple[str, str]] = []
    if not clean_text(commitment.content):
        errors.append(("content", "Cần ghi nội dung cam kết."))
    if not clean_text(commitment.responsible):
        errors.append(("responsible", "Cần ghi cơ quan chịu trách nhiệm thực hiện."))
    if not commitment.deadline:
        errors.append(("deadline", "Cần nhập hạn thực hiện cam kết."))
    elif commitment.deadline < dialogue.day:
        errors.append(("deadline", "Hạn thực hiện phải sau ngày đối thoại."))
    if commitment.done_on:
        if commitment.done_on < dialogue.day:
            errors.append(("done_on", "Ngày hoàn thành phải từ ngày đối thoại trở đi."))
        if commitment.done_on > today:
            errors.append(("done_on", f"Ngày {text_date(commitment.done_on)} chưa đến."))
        if not clean_text(commitment.result):
            errors.append(("result", "Cần ghi kết quả thực hiện cam kết."))
    return errors
