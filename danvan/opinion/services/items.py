"""Every change of an opinion item or a collaborator: one transaction, its own permission check."""

from __future__ import annotations

import datetime as dt

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone

from danvan.core import scoping, uploads
from danvan.core.services import lock_for_change, raise_errors, require
from danvan.core.vn import clean_text
from danvan.core.workflow import Transition, Workflow
from danvan.opinion import rules
from danvan.opinion.choices import State
from danvan.opinion.models import Collaborator, ItemFile, OpinionItem

S = State
WORKFLOW = Workflow(
    state_field="state",
    transitions=[
        Transition(
            "forward", "Chuyển cơ quan chức năng", frozenset({S.NEW, S.WATCHING}), S.FORWARDED,
            hint="Ghi cơ quan nhận, ngày chuyển và hạn trả lời; quá hạn chưa trả lời sẽ hiện màu đỏ.",
        ),
        Transition(
            "answer", "Ghi nhận trả lời", frozenset({S.FORWARDED}), S.ANSWERED,
            hint="Ghi nội dung và ngày cơ quan trả lời.",
        ),
        Transition(
            "watch", "Theo dõi tiếp", frozenset({S.NEW, S.ANSWERED, S.RESOLVED}), S.WATCHING, style="secondary",
            hint="Vụ việc chưa dứt điểm: tiếp tục theo dõi, có thể chuyển lại.",
        ),
        Transition(
            "resolve", "Đã giải quyết", frozenset({S.NEW, S.FORWARDED, S.ANSWERED, S.WATCHING}), S.RESOLVED,
            style="success", hint="Vụ việc đã được giải quyết, không còn theo dõi.",
        ),
    ],
)  # fmt: skip

MSG_MERGE_SELF = "Không thể gộp một thông tin vào chính nó."
MSG_MERGE_MERGED = "Thông tin được chọn làm vụ việc chính đã được gộp vào vụ việc khác."


def today() -> dt.date:
    return timezone.localdate()


@transaction.atomic
def save_item(user, item: OpinionItem, expected_version: int | None = None) -> OpinionItem:
    """Record a new item or save changes to its description (its state changes through WORKFLOW)."""
    lock_for_change(user, item, expected_version)
    if not item.pk:
        item.created_by = user
    item.summary = (item.summary or "").strip()
    raise_errors(rules.item_errors(item, today()))
    item.save()
    return item


def take_step(user, item: OpinionItem, action: str, comment: str = "", **values) -> OpinionItem:
    """A workflow step; "forward" and "answer" carry what the body was sent and what it answered."""
    changes: dict = {}
    if action == "forward":
        changes = {
            "forwarded_to": clean_text(values.get("forwarded_to")),
            "forwarded_on": values.get("forwarded_on"),
            "answer_due": values.get("answer_due"),
            # A matter sent again starts a new round: the earlier answer stays in the history.
            "answer": "",
            "answered_on": None,
        }
        raise_errors(
            rules.forward_errors(item, changes["forwarded_to"], changes["forwarded_on"], changes["answer_due"], today())
        )
    elif action == "answer":
        changes = {"answer": (values.get("answer") or "").strip(), "answered_on": values.get("answered_on")}
        raise_errors(rules.answer_errors(item, changes["answer"], changes["answered_on"], today()))
    if item.case_id:
        raise ValidationError("Thông tin này đã được gộp vào một vụ việc; hãy xử lý trên vụ việc đó.")
    return WORKFLOW.apply(item, action, user, comment, changes=changes)


@transaction.atomic
def merge(user, case: OpinionItem, duplicates: list[OpinionItem]) -> int:
    """Merge duplicates into `case`: each keeps its source and date and points to the case; items merged
    into a duplicate move to the case. Returns how many items now belong to the case."""
    case = OpinionItem.objects.select_for_update().select_related("unit").get(pk=case.pk)
    require(user, case.unit)
    if case.case_id:
        raise ValidationError(MSG_MERGE_MERGED)
    for duplicate in duplicates:
        if duplicate.pk == case.pk:
            raise ValidationError(MSG_MERGE_SELF)
        require(user, duplicate.unit)
        for moved in OpinionItem.objects.select_for_update().filter(case=duplicate):
            moved.case = case
            moved.save(update_fields=["case", "updated_at"])
        duplicate.case = case
        duplicate.save(update_fields=["case", "updated_at"])
    return case.merged.count()


@transaction.atomic
def unmerge(user, item: OpinionItem) -> OpinionItem:
    item = OpinionItem.objects.select_for_update().select_related("unit").get(pk=item.pk)
    require(user, item.unit)
    item.case = None
    item.save(update_fields=["case", "updated_at"])
    return item


def may_change(user, item: OpinionItem) -> bool:
    return scoping.covers(user, item.unit.path, scoping.CHANGE)


@transaction.atomic
def attach(user, item: OpinionItem, upload, caption: str = "") -> ItemFile:
    if not may_change(user, item):
        raise PermissionDenied(f"Bạn không có quyền bổ sung tệp cho thông tin của {item.unit.name}.")
    return ItemFile.objects.create(
        item=item,
        file=upload,
        original_name=uploads.original_name(upload),
        caption=clean_text(caption),
        uploaded_by=user,
    )


@transaction.atomic
def remove_file(user, attachment: ItemFile) -> None:
    if not may_change(user, attachment.item):
        raise PermissionDenied(f"Bạn không có quyền xóa tệp của {attachment.item.unit.name}.")
    storage, name = attachment.file.storage, attachment.file.name
    attachment.delete()
    transaction.on_commit(lambda: storage.delete(name))  # the file goes only if the row did


@transaction.atomic
def save_collaborator(user, collaborator: Collaborator, expected_version: int | None = None) -> Collaborator:
    lock_for_change(user, collaborator, expected_version)
    collaborator.name = clean_text(collaborator.name)
    raise_errors(rules.collaborator_errors(collaborator))
    collaborator.save()
    return collaborator
