"""Every change of a conference: one transaction, its own permission check. The units attending and the
award decisions presented are added and removed one row at a time, so the change log names each."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.db import transaction

from danvan.core import scoping, uploads
from danvan.core.services import lock_for_change, raise_errors
from danvan.core.vn import clean_text
from danvan.events import rules
from danvan.events.models import Attendance, Conference, ConferenceFile, PresentedAward


@transaction.atomic
def save_conference(
    user, conference: Conference, attending=None, decisions=None, expected_version: int | None = None
) -> Conference:
    """Save the conference; `attending` (units) and `decisions` (award decisions), when given, replace the
    recorded ones."""
    lock_for_change(user, conference, expected_version)
    conference.title, conference.chairs = clean_text(conference.title), clean_text(conference.chairs)
    units = list(attending) if attending is not None else list(conference.attending.all()) if conference.pk else []
    awards = list(decisions) if decisions is not None else list(conference.awards.all()) if conference.pk else []
    raise_errors(rules.conference_errors(conference, units, awards))
    conference.save()
    if attending is not None:
        _replace(Attendance, conference, "unit_id", {u.pk for u in units})
    if decisions is not None:
        _replace(PresentedAward, conference, "decision_id", {d.pk for d in awards})
    return conference


def _replace(model, conference: Conference, key: str, wanted: set[int]) -> None:
    rows = {getattr(row, key): row for row in model.objects.filter(conference=conference)}
    for pk, row in rows.items():
        if pk not in wanted:
            row.delete()
    for pk in sorted(wanted - rows.keys()):
        model.objects.create(conference=conference, **{key: pk})


def may_change(user, conference: Conference) -> bool:
    return scoping.covers(user, conference.unit.path, scoping.CHANGE)


@transaction.atomic
def attach(user, conference: Conference, upload, caption: str = "") -> ConferenceFile:
    if not may_change(user, conference):
        raise PermissionDenied(f"Bạn không có quyền bổ sung văn bản cho hội nghị của {conference.unit.name}.")
    return ConferenceFile.objects.create(
        conference=conference,
        file=upload,
        original_name=uploads.original_name(upload),
        caption=clean_text(caption),
        uploaded_by=user,
    )


@transaction.atomic
def remove_file(user, attached: ConferenceFile) -> None:
    if not may_change(user, attached.conference):
        raise PermissionDenied(f"Bạn không có quyền xóa văn bản của {attached.conference.unit.name}.")
    storage, name = attached.file.storage, attached.file.name
    attached.delete()
    transaction.on_commit(lambda: storage.delete(name))  # the file goes only if the row did
