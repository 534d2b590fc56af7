"""A report's area over time: the unit chosen, and the units whose records it carries.

Two readings of a year, as the commission's statistics offer them: *as at the time* (`AS_AT`), the unit as it
was in the year, with what had merged into it by the year's end (a province that continues through a later
merger is itself alone); *mapped to today's units* (`TODAY`), the unit as it is today with everything it
inherited. The practice statistics, the membership statistics and the year's review draw their area here, so
one report's parts cover the same units.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from django.db.models import Q

from danvan.core import scoping
from danvan.core.vn import sort_key
from danvan.org import services
from danvan.org.models import Unit

AS_AT, TODAY = "as_at", "today"
MODES = {AS_AT: "Tại thời điểm đó", TODAY: "Quy về đơn vị hiện nay"}


@dataclass
class Area:
    """What a report for `year` covers: the root and the units whose records it carries (no root: everything
    the user sees). Both the year and the year before are counted over the same units, so a change compares
    like with like."""

    root: Unit | None
    year: int
    mode: str
    day: dt.date  # the day whose units the rows show and records are mapped to
    members: dict[int, Unit] = field(default_factory=dict)  # the root and the units it carries

    @property
    def paths(self) -> list[str]:
        return scoping.minimal_paths(u.path for u in self.members.values())

    def q(self, lookup: str = "unit__path") -> Q:
        """Rows whose unit (reached through `lookup`, a path) lies in the area; no root: every row."""
        return Q() if self.root is None else scoping.subtrees_q(lookup, self.paths)

    def absorbed(self) -> list[Unit]:
        """Carried units other than the root that ended before `day` (Long An in Tây Ninh's 2025)."""
        ended = [
            u for pk, u in self.members.items() if self.root and pk != self.root.pk and not u.is_valid_on(self.day)
        ]
        return sorted(ended, key=lambda u: sort_key(u.name))


def reference_day(year: int, mode: str) -> dt.date:
    """The day whose units a report of `year` shows: today when mapped to today's units, else the year's end
    (today, while the year runs)."""
    today = services.today()
    return today if mode == TODAY else min(dt.date(year, 12, 31), today)


def report_area(root: Unit | None, year: int, mode: str = AS_AT) -> Area:
    day = reference_day(year, mode)
    return Area(root, year, mode, day, services.carried_units(root, day) if root is not None else {})
