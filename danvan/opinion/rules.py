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
