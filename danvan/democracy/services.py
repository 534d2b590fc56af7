"""Every change of a unit's year of grassroots democracy: one transaction, the user's change scope checked on the
record's unit, stale edits refused (two editors at once)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from danvan.core import uploads
from danvan.core.services import lock_for_change, raise_errors, refuse_stale, require
from danvan.core.vn import clean_text
from danvan.democracy import rules
from danvan.democracy.models import (
    Board,
    Charter,
    DemocracyYear,
    Disclosure,
    DisclosureItem,
    DisclosureMethod,
    Matter,
    WorkplaceDialogue,
)

MSG_SAME_YEAR = "{} đã có hồ sơ dân chủ ở cơ sở năm {}; hãy mở hồ sơ đó để cập nhật."
MSG_KIND_LOCKED = (
    "Đã đánh dấu công khai {} nội dung theo loại hình cũ nên không đổi được loại hình; bỏ đánh dấu các nội "
    "dung đó trước."
)
MSG_SAME_BOARD = "Năm {} đã ghi {} của đơn vị; hãy sửa ban đã có."


def today() -> dt.date:
    return timezone.localdate()


def checklist_items(place_kind: str, year: int):
    """What the law valid in `year` says a place of this kind must make public (both laws in 2023)."""
    return DisclosureItem.objects.filter(place_kind=place_kind).valid_during(dt.date(year, 1, 1), dt.date(year, 12, 31))


def add_checklists(records: Iterable[DemocracyYear]) -> list[Disclosure]:
    """The missing checklist lines of saved records, inserted in bulk: a new record's blank checklist is part of
    its creation, so it is not logged line by line (ticking a line is)."""
    records = list(records)
    items: dict[tuple, list[int]] = {}
    present = set(
        Disclosure.objects.filter(record__in=records).values_list("record_id", "item_id")
    ) if any(r.pk for r in records) else set()  # fmt: skip
    rows = []
    for record in records:
        key = (record.place_kind, record.year)
        if key not in items:
            items[key] = list(checklist_items(*key).order_by("order").values_list("pk", flat=True))
        rows += [Disclosure(record=record, item_id=pk) for pk in items[key] if (record.pk, pk) not in present]
    return Disclosure.objects.bulk_create(rows, batch_size=2000)


@transaction.atomic
def save_record(user, record: DemocracyYear, expected_version: int | None = None, upload=None) -> DemocracyYear:
    """Create a unit's year (with its checklist) or save its details and the steering committee's review."""
    lock_for_change(user, record, expected_version)
    record.review_number = clean_text(record.review_number)
    errors = rules.record_errors(record, today())
    same = DemocracyYear.objects.filter(unit=record.unit_id, year=record.year).exclude(pk=record.pk)
    if record.unit_id and record.year and same.exists():
        errors.append(("year", MSG_SAME_YEAR.format(record.unit.name, record.year)))
    kind_changed = False
    if record.pk:
        stored = DemocracyYear.objects.get(pk=record.pk)
        kind_changed = (stored.place_kind, stored.year) != (record.place_kind, record.year)
        done = Disclosure.objects.filter(record=record, done=True).count() if kind_changed else 0
        if done:
            errors.append(("place_kind", MSG_KIND_LOCKED.format(done)))
    raise_errors(errors)
    if upload is not None:
        record.review_file = upload
        record.review_file_name = uploads.original_name(upload)
    created = record.pk is None
    record.save()
    if kind_changed:
        Disclosure.objects.filter(record=record).delete()
    if created or kind_changed:
        add_checklists([record])
    return record


def _lock_record(user, record_id: int) -> DemocracyYear:
    record = DemocracyYear.objects.select_for_update().select_related("unit__kind").get(pk=record_id)
    require(user, record.unit)
    return record


@transaction.atomic
def save_checklist(
    user, record: DemocracyYear, lines: dict[int, tuple[bool, list[int], dt.date | None]], expected_version=None
) -> int:
    """Tick the checklist at once: `lines` maps a line's pk to (done, method pks, date). The record's version
    guards the whole list. Returns how many lines changed."""
    record = _lock_record(user, record.pk)
    refuse_stale(record, expected_version)
    methods = DisclosureMethod.objects.in_bulk()
    current = {d.pk: d for d in Disclosure.objects.filter(record=record).select_related("item")}
    errors: list[tuple[str | None, str]] = []
    changed: list[tuple[Disclosure, list[int]]] = []
    for pk, (done, method_ids, day) in lines.items():
        line = current.get(pk)
        if line is None:
            raise ValidationError("Dòng công khai không thuộc hồ sơ này.")
        method_ids = sorted({m for m in method_ids if m in methods})
        label = "; ".join(methods[m].name for m in sorted(method_ids, key=lambda m: (methods[m].order, m)))
        line_errors = rules.disclosure_errors(Disclosure(done=done, disclosed_on=day), record, today(), len(method_ids))
        errors += [
            (f"d{pk}-{field}" if field else None, f"{line.item.name}: {message}") for field, message in line_errors
        ]
        if (line.done, line.disclosed_on, line.methods_label) != (done, day, label):
            line.done, line.disclosed_on, line.methods_label = done, day, label
            changed.append((line, method_ids))
    raise_errors(errors)
    for line, method_ids in changed:
        line.save()
        line.methods.set(method_ids)
    record.version += 1
    record.save(update_fields=["version"])
    return len(changed)


RULES = {
    Matter: lambda part, record, day: rules.matter_errors(part, record, day),
    Board: lambda part, record, day: rules.board_errors(part, record),
    Charter: lambda part, record, day: rules.charter_errors(part, record, day),
    WorkplaceDialogue: lambda part, record, day: rules.dialogue_errors(part, record, day),
}


@transaction.atomic
def save_part(user, part, expected_version: int | None = None):
    """Add or edit a matter, a board, a charter or a workplace dialogue of a record."""
    record = _lock_record(user, part.record_id)
    part.record = record
    if part.pk:
        stored = type(part).objects.select_for_update().get(pk=part.pk)
        if stored.record_id != record.pk:
            raise ValidationError("Không chuyển được sang hồ sơ khác.")
        refuse_stale(stored, expected_version)
        part.version = stored.version + 1
    if isinstance(part, Matter):
        part.place = clean_text(part.place)
    if isinstance(part, Charter):
        part.village, part.decision_number = clean_text(part.village), clean_text(part.decision_number)
    errors = RULES[type(part)](part, record, today())
    if isinstance(part, Board) and part.kind:
        twin = Board.objects.filter(record=record, kind=part.kind).exclude(pk=part.pk)
        if twin.exists():
            errors.append(("kind", MSG_SAME_BOARD.format(record.year, part.get_kind_display())))
    raise_errors(errors)
    part.save()
    return part


@transaction.atomic
def delete_part(user, part) -> None:
    _lock_record(user, part.record_id)
    part.delete()
