"""State changes of practices: register, edit, the yearly cycle, bulk decisions, amendments.

Each operation checks its own permission and runs in one transaction; views, the Excel
import, the CLI and (later) the API call these and nothing else.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import router, transaction

from danvan.core import bulk, numbering, scoping
from danvan.core.changelog import snapshot
from danvan.core.services import raise_errors as _raise
from danvan.core.services import refuse_stale
from danvan.core.services import require as _require
from danvan.core.workflow import ANCESTOR, Transition, Workflow
from danvan.org.models import Unit
from danvan.practices import rules
from danvan.practices.choices import FileKind, Status
from danvan.practices.models import CONTENT_FIELDS, Amendment, Level, Practice, PracticeFile

S = Status
WORKFLOW = Workflow(
    state_field="status",
    proposer=lambda practice: practice.proposed_by_id,
    locked_states=frozenset({S.RECOGNIZED}),
    transitions=[
        Transition(
            "start",
            "Bắt đầu thực hiện",
            frozenset({S.REGISTERED}),
            S.IMPLEMENTING,
            style="secondary",
            hint="Ghi nhận mô hình đã được triển khai; chỉ mô hình đang thực hiện mới được đề nghị công nhận.",
        ),
        Transition(
            "propose",
            "Đề nghị công nhận",
            frozenset({S.IMPLEMENTING}),
            S.PROPOSED,
            confirmation="Gửi hồ sơ lên cấp trên đề nghị công nhận? Sau khi gửi, đơn vị không sửa được hồ sơ "
            "trừ khi cấp trên trả lại.",
            hint="Gửi cấp trên xem xét công nhận khi mô hình đã có kết quả.",
        ),
        Transition(
            "recognize",
            "Công nhận",
            frozenset({S.PROPOSED}),
            S.RECOGNIZED,
            scoping.REVIEW,
            ANCESTOR,
            not_by_proposer=True,
            style="success",
            confirmation="Công nhận mô hình, điển hình này? Hồ sơ đã công nhận bị khóa; muốn sửa phải lập đính chính.",
            hint="Ghi quyết định công nhận; hồ sơ được khóa.",
        ),
        Transition(
            "return",
            "Trả lại",
            frozenset({S.PROPOSED}),
            S.IMPLEMENTING,
            scoping.REVIEW,
            ANCESTOR,
            requires_comment=True,
            not_by_proposer=True,
            style="warning",
        ),
        Transition(
            "reject",
            "Không công nhận",
            frozenset({S.PROPOSED}),
            S.REJECTED,
            scoping.REVIEW,
            ANCESTOR,
            requires_comment=True,
            not_by_proposer=True,
            style="danger",
            confirmation="Không công nhận mô hình, điển hình này? Không thể hoàn tác bước này.",
        ),
    ],
)

EDITABLE_FIELDS = [
    "name",
    "kind",
    "subject",
    "person_name",
    "person_position",
    "unit",
    "bloc",
    "field",
    "year",
    "level",
    "description",
    "replicated_from",
    *[name for name, _ in CONTENT_FIELDS],
]


CODE_PATTERN = re.compile(r"DVK-(?P<year>\d{4})-(?P<number>\d{6})")


def code_key(year: int) -> str:
    return f"DVK-{year}"


def format_code(year: int, number: int) -> str:
    return f"DVK-{year}-{number:06d}"


def reserve_codes(year: int, count: int) -> list[str]:
    return [format_code(year, n) for n in numbering.reserve(code_key(year), count)]


def allowed_levels(year: int):
    start, end = rules.year_bounds(year)
    return Level.objects.valid_during(start, end)


def _check(practice: Practice) -> None:
    _raise(
        rules.check(
            year=practice.year,
            unit=practice.unit,
            level=practice.level,
            subject=practice.subject,
            person_name=practice.person_name,
            status=practice.status,
            recognized_level=practice.recognized_level,
            decision_date=practice.decision_date,
        )
    )


@transaction.atomic
def register(user, practice: Practice) -> Practice:
    """Save a new practice for a unit in the user's scope, with its generated code."""
    _require(user, practice.unit)
    if practice.bloc_id is None:
        practice.bloc_id = practice.unit.bloc_id or practice.unit.kind.default_bloc_id
    practice.status = Status.REGISTERED
    practice.unit_name = practice.unit.name
    _check(practice)
    practice.code = reserve_codes(practice.year, 1)[0]
    practice.save()
    return practice


@transaction.atomic
def update(user, practice: Practice, expected_version: int | None = None) -> Practice:
    """Save edits of a practice that is not locked, refusing a save based on a stale version."""
    current = Practice.objects.select_for_update().select_related("unit").get(pk=practice.pk)
    _require(user, current.unit)
    if current.is_locked:
        raise ValidationError("Mô hình đã được công nhận nên không sửa trực tiếp được; hãy lập đính chính.")
    refuse_stale(current, expected_version)
    _require(user, practice.unit)  # the new unit must be in scope too: nobody moves a record out of reach
    if practice.unit_id != current.unit_id:
        practice.unit_name = practice.unit.name
    _check(practice)
    practice.version = current.version + 1
    practice.save()
    return practice


def transition(user, practice: Practice, action: str, comment: str = "", **changes) -> Practice:
    if action == "propose":
        changes["proposed_by"] = user
    return WORKFLOW.apply(practice, action, user, comment=comment, changes=changes)


def recognize(
    user,
    practice: Practice,
    level: Level,
    decision_number: str,
    decision_date: dt.date,
    recognizing_unit: Unit,
    comment: str = "",
) -> Practice:
    errors = rules.check(
        year=practice.year, recognized_level=level, status=Status.RECOGNIZED, decision_date=decision_date
    )
    if not (decision_number or "").strip():
        errors.append(("decision_number", "Cần nhập số quyết định hoặc giấy chứng nhận."))
    if not recognizing_unit.path or not recognizing_unit.is_ancestor_of(practice.unit):
        errors.append(("recognizing_unit", "Đơn vị công nhận phải là đơn vị cấp trên của đơn vị có mô hình."))
    _raise(errors)
    return transition(
        user,
        practice,
        "recognize",
        comment,
        recognized_level=level,
        decision_number=decision_number.strip(),
        decision_date=decision_date,
        recognizing_unit=recognizing_unit,
    )


@transaction.atomic
def decide_many(user, practices: Iterable[Practice], action: str, comment: str = "", **decision) -> list[Practice]:
    """Recognize or reject many practices with one decision: all succeed or none does."""
    if action not in {"recognize", "reject"}:
        raise ValidationError("Chỉ công nhận hoặc không công nhận được theo lô.")
    done, errors = [], []
    # Fresh copies: if anything fails the caller's objects must not claim a state that was rolled back.
    ids = [p.pk for p in practices]
    fresh = Practice.objects.filter(pk__in=ids).select_related("unit__parent").in_bulk()
    for practice in (fresh[pk] for pk in ids if pk in fresh):
        try:
            if action == "recognize":
                done.append(recognize(user, practice, comment=comment, **decision))
            else:
                done.append(transition(user, practice, "reject", comment))
        except (ValidationError, PermissionDenied) as exc:
            messages = exc.messages if isinstance(exc, ValidationError) else [str(exc)]
            errors.append(f"{practice.code}: {' '.join(messages)}")
    if errors:
        raise ValidationError(errors)
    return done


@transaction.atomic
def amend(user, practice: Practice, changes: dict, reason: str) -> Amendment:
    """Correct a recognized practice; the original values stay in the amendment record."""
    current = Practice.objects.select_for_update().select_related("unit").get(pk=practice.pk)
    _require(user, current.unit, scoping.REVIEW)
    if not current.is_locked:
        raise ValidationError("Chỉ lập đính chính cho mô hình đã được công nhận; hồ sơ khác sửa trực tiếp.")
    if not (reason or "").strip():
        raise ValidationError({"reason": "Cần ghi rõ lý do đính chính."})
    before_all = snapshot(current)
    for name, value in changes.items():
        if name not in [*EDITABLE_FIELDS, "recognized_level", "decision_number", "decision_date"]:
            raise ValidationError(f"Không đính chính được trường {name}.")
        setattr(current, name, value)
    _require(user, current.unit, scoping.REVIEW)
    _check(current)
    after_all = snapshot(current)
    changed = [k for k in after_all if before_all.get(k) != after_all[k]]
    if not changed:
        raise ValidationError("Nội dung đính chính không khác nội dung hiện tại.")
    current.version += 1
    current.save()
    return Amendment.objects.create(
        practice=current,
        reason=reason.strip(),
        before={k: before_all.get(k) for k in changed},
        after={k: after_all[k] for k in changed},
        author=user,
    )


def bulk_insert(practices: list[Practice], log: bool = True, batch_size: int = 2000) -> list[Practice]:
    """Insert many already-validated practices at once: codes reserved per year, names kept.

    Used by the Excel import, the demo and the benchmark generator; callers check rules and
    scope first (the import reports every error before anything is written).
    """
    from danvan.core import changelog

    by_year: dict[int, list[Practice]] = {}
    highest: dict[str, int] = {}
    for practice in practices:
        if not practice.code:
            by_year.setdefault(practice.year, []).append(practice)
        elif match := CODE_PATTERN.fullmatch(practice.code):
            key = code_key(int(match["year"]))
            highest[key] = max(highest.get(key, 0), int(match["number"]))
    for key, number in highest.items():
        numbering.ensure_at_least(key, number)  # generated codes must not collide with imported ones
    for year, group in by_year.items():
        for practice, code in zip(group, reserve_codes(year, len(group)), strict=True):
            practice.code = code
    folded: dict[str, str] = {}
    for practice in practices:
        if not practice.unit_name:
            practice.unit_name = practice.unit.name
        practice.search_text = practice.compute_search_text(folded)
    with transaction.atomic(), bulk.large_cache(router.db_for_write(Practice), len(practices)):
        bulk.insert(practices)
        if log:
            changelog.log_created_rows(Practice, [p.pk for p in practices], label_sql=Practice.LABEL_SQL)
    return practices


@transaction.atomic
def attach_file(user, practice: Practice, attachment: PracticeFile) -> PracticeFile:
    """Attach an evidence file or photo; once recognized, only the reviewing level may add files."""
    unit_path = practice.unit.path
    may_review = scoping.covers(user, unit_path, scoping.REVIEW)
    if not (may_review or scoping.covers(user, unit_path, scoping.CHANGE)):
        raise PermissionDenied(f"Bạn không có quyền thêm tệp cho hồ sơ của {practice.unit.name}.")
    if practice.is_locked and not may_review:
        raise PermissionDenied("Mô hình đã được công nhận: chỉ cấp thẩm định mới bổ sung tệp.")
    attachment.practice = practice
    attachment.uploaded_by = user
    attachment.save()
    return attachment


@transaction.atomic
def remove_file(user, attachment: PracticeFile) -> None:
    """Remove an attachment (logged); files of a recognized practice stay as evidence."""
    practice = attachment.practice
    if not scoping.covers(user, practice.unit.path, scoping.CHANGE):
        raise PermissionDenied(f"Bạn không có quyền xóa tệp của hồ sơ {practice.code}.")
    if practice.is_locked:
        raise PermissionDenied("Mô hình đã được công nhận: tệp minh chứng được giữ nguyên.")
    attachment.file.delete(save=False)
    attachment.delete()


@transaction.atomic
def set_publication(user, practice: Practice, published: bool, public_photo_ids: Iterable[int] = ()) -> Practice:
    """The unit's choice for the public showcase: whether the practice may be shown once recognized,
    and which of its photos. Content is untouched, so a locked (recognized) practice may change it."""
    current = Practice.objects.select_for_update().select_related("unit").get(pk=practice.pk)
    unit_path = current.unit.path
    if not (scoping.covers(user, unit_path, scoping.CHANGE) or scoping.covers(user, unit_path, scoping.REVIEW)):
        raise PermissionDenied(f"Bạn không có quyền quyết định công bố hồ sơ của {current.unit.name}.")
    chosen = {int(pk) for pk in public_photo_ids}
    photos = list(PracticeFile.objects.filter(practice=current, kind=FileKind.PHOTO))
    unknown = chosen - {photo.pk for photo in photos}
    if unknown:
        raise ValidationError("Chỉ chọn được hình ảnh của chính hồ sơ này.")
    for photo in photos:
        if photo.public != (photo.pk in chosen):
            photo.public = photo.pk in chosen
            photo.save(update_fields=["public"])
    # Saved even when only the photos changed: updated_at dates the public page (Last-Modified).
    current.published = published
    current.save(update_fields=["published", "updated_at"])
    practice.published, practice.updated_at = current.published, current.updated_at
    return current
