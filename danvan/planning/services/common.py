"""What the planning services share: today, permission checks, raising collected rule errors."""

from __future__ import annotations

import datetime as dt

from django.utils import timezone

from danvan.core import scoping
from danvan.core.services import raise_errors, require  # noqa: F401 - used across planning services
from danvan.org.services import committee_root, within  # noqa: F401 - used across planning services


def today() -> dt.date:
    return timezone.localdate()


def may_change(user, *units) -> bool:
    """Whether the user may change something belonging to (any of) these units."""
    return any(unit is not None and scoping.covers(user, unit.path, scoping.CHANGE) for unit in units)


def changes(obj) -> tuple[dict, dict]:
    """(before, after) of the tracked fields changed since the object was loaded. An empty file field
    reads back from the database as "" but snapshots as None: that is not a change."""
    from danvan.core.xlsx.modelkind import changes as field_changes

    before, after = field_changes(obj)
    for name in [n for n in after if before.get(n) in (None, "") and after[n] in (None, "")]:
        before.pop(name, None)
        after.pop(name)
    return before, after
