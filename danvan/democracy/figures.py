"""The figures of grassroots democracy over an area and a year, all counted in the database: per unit's year
(`with_counts`, subqueries, so a page of rows is one query) and for the whole area (`totals`, a GROUP BY per
part). The statistics page, the yearly report, the review's part and the dashboard read them here, so they
say the same numbers.

The area is a unit with every unit merged, split or renamed into it (`scoping.with_history`), as the
membership statistics count it: a commune formed on 1/7/2025 counts its year 2025 with the communes it
absorbed, whose first half they recorded. The matters, boards' work, charters and dialogues are events, so
both halves add up; the year's review is expected of the units that exist at the year's end.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field

from django.db.models import Count, F, IntegerField, OuterRef, Q, QuerySet, Subquery, Sum
from django.db.models.functions import Coalesce

from danvan.core import scoping
from danvan.core.models import valid_on_q
from danvan.democracy.choices import IN_FORCE, BoardKind, CharterKind, MatterMethod, PlaceKind
from danvan.democracy.models import Board, Charter, DemocracyYear, Disclosure, Matter, WorkplaceDialogue
from danvan.org import services as org_services
from danvan.org.models import Unit


def absorbed(root) -> list[Unit]:
    """Units merged, split or renamed into the root (outside its own subtree), which its figures include."""
    history = scoping.with_history({root.pk: root.path})
    outside = [pk for pk, path in history.items() if not path.startswith(root.path)]
    return list(Unit.objects.filter(pk__in=outside).order_by("path")) if outside else []


def in_area(rows: QuerySet, root, path: str = "unit__path", paths: Sequence[str] | None = None) -> QuerySet:
    """Rows in the root's area; `paths`, when given, are the area's subtrees as the caller drew them (the
    year's review, as at the time or in today's borders)."""
    if paths is None:
        if root is None:
            return rows
        paths = org_services.area_paths(root)
    return rows.filter(scoping.subtrees_q(path, paths))


def records(user, year: int, root=None, place_kind: str | None = None, paths: Sequence[str] | None = None) -> QuerySet:
    rows = in_area(DemocracyYear.objects.restrict(user).filter(year=year), root, paths=paths)
    return rows.filter(place_kind=place_kind) if place_kind else rows


def _decided(rows: QuerySet) -> QuerySet:
    """Matters more than half of whose households agreed."""
    return rows.annotate(twice=F("agreeing") * 2).filter(twice__gt=F("households"))


def _count(rows: QuerySet) -> Coalesce:
    counted = rows.filter(record=OuterRef("pk")).order_by().values("record").annotate(n=Count("pk")).values("n")
    return Coalesce(Subquery(counted, output_field=IntegerField()), 0)


def with_counts(rows: QuerySet) -> QuerySet:
    """Each record with its checklist lines (and those done), matters (decided, pending), boards, charters in
    force and dialogues: one subquery each, so a page of records is one query."""
    return rows.annotate(
        n_items=_count(Disclosure.objects.all()),
        n_done=_count(Disclosure.objects.filter(done=True)),
        n_matters=_count(Matter.objects.all()),
        n_decided=_count(_decided(Matter.objects.all())),
        n_pending=_count(Matter.objects.filter(agreeing__isnull=True)),
        n_boards=_count(Board.objects.all()),
        n_charters=_count(Charter.objects.filter(state__in=IN_FORCE)),
        n_dialogues=_count(WorkplaceDialogue.objects.all()),
    )


@dataclass
class BoardRow:
    label: str
    boards: int = 0
    members: int = 0
    meetings: int = 0
    recommendations: int = 0
    resolved: int = 0


@dataclass
class Totals:
    year: int
    records: int = 0
    by_kind: dict[str, int] = field(default_factory=dict)  # records per place kind
    reviewed: int = 0  # records whose steering committee has reviewed the year
    review_expected: int = 0  # records of units existing at the year's end
    communes: int = 0  # communes of the area existing at the year's end (or today)
    communes_recorded: int = 0
    items: int = 0
    done: int = 0
    items_by_kind: dict[str, tuple[int, int]] = field(default_factory=dict)  # place kind -> (items, done)
    matters: int = 0
    decided: int = 0
    pending: int = 0
    households: int = 0
    agreeing: int = 0
    matters_by_method: dict[str, int] = field(default_factory=dict)
    boards: list[BoardRow] = field(default_factory=list)
    charters: dict[str, dict[str, int]] = field(default_factory=dict)  # kind -> state -> count
    villages: int = 0  # villages with a charter in force
    dialogues: int = 0
    participants: int = 0
    issues: int = 0
    resolved: int = 0

    @property
    def not_decided(self) -> int:
        return self.matters - self.decided - self.pending

    def charters_in(self, states) -> int:
        return sum(n for by_state in self.charters.values() for state, n in by_state.items() if state in states)


def last_day(year: int, today: dt.date) -> dt.date:
    return min(dt.date(year, 12, 31), today)


def totals(user, year: int, root=None, today: dt.date | None = None, paths: Sequence[str] | None = None) -> Totals:
    """The area's figures for the year, every sum a GROUP BY over what the user may see (`paths`: see in_area)."""
    today = today or dt.date.today()
    result = Totals(year=year)
    rows = records(user, year, root, paths=paths)
    ids = rows.values("pk")
    end = last_day(year, today)
    for kind, n, reviewed, expected in (
        rows.order_by()
        .values_list("place_kind")
        .annotate(
            n=Count("pk"),
            reviewed=Count("pk", filter=Q(review_on__isnull=False)),
            expected=Count("pk", filter=valid_on_q(end, prefix="unit__")),
        )
        .values_list("place_kind", "n", "reviewed", "expected")
    ):
        result.by_kind[kind] = n
        result.records += n
        result.reviewed += reviewed
        result.review_expected += expected
    communes = in_area(Unit.objects.restrict(user), root, "path", paths).filter(kind__tier="commune").valid_on(end)
    result.communes = communes.count()
    result.communes_recorded = communes.filter(democracy_years__year=year).distinct().count()
    for kind, n, done in (
        Disclosure.objects.filter(record__in=ids)
        .order_by()
        .values_list("record__place_kind")
        .annotate(n=Count("pk"), done=Count("pk", filter=Q(done=True)))
    ):
        result.items_by_kind[kind] = (n, done)
        result.items += n
        result.done += done
    matters = Matter.objects.filter(record__in=ids)
    figures = matters.aggregate(
        n=Count("pk"),
        pending=Count("pk", filter=Q(agreeing__isnull=True)),
        households=Coalesce(Sum("households", filter=Q(agreeing__isnull=False)), 0),
        agreeing=Coalesce(Sum("agreeing"), 0),
    )
    result.matters, result.pending = figures["n"], figures["pending"]
    result.households, result.agreeing = figures["households"], figures["agreeing"]
    result.decided = _decided(matters).count()
    result.matters_by_method = dict(matters.order_by().values_list("method").annotate(n=Count("pk")))
    boards = {
        kind: (n, members, meetings, made, resolved)
        for kind, n, members, meetings, made, resolved in Board.objects.filter(record__in=ids)
        .order_by()
        .values_list("kind")
        .annotate(Count("pk"), Sum("members"), Sum("meetings"), Sum("recommendations"), Sum("resolved"))
    }
    result.boards = [BoardRow(label, *boards.get(kind, (0, 0, 0, 0, 0))) for kind, label in BoardKind.choices]
    for kind, state, n in (
        Charter.objects.filter(record__in=ids).order_by().values_list("kind", "state").annotate(n=Count("pk"))
    ):
        result.charters.setdefault(kind, {})[state] = n
    result.villages = (
        Charter.objects.filter(record__in=ids, state__in=IN_FORCE)
        .order_by()
        .values("record", "village")
        .distinct()
        .count()
    )
    dialogue = WorkplaceDialogue.objects.filter(record__in=ids).aggregate(
        n=Count("pk"),
        participants=Coalesce(Sum("participants"), 0),
        issues=Coalesce(Sum("issues"), 0),
        resolved=Coalesce(Sum("resolved"), 0),
    )
    result.dialogues = dialogue["n"]
    result.participants, result.issues, result.resolved = (
        dialogue["participants"], dialogue["issues"], dialogue["resolved"]
    )  # fmt: skip
    return result


PLACE_LABELS = dict(PlaceKind.choices)
METHOD_LABELS = dict(MatterMethod.choices)
CHARTER_LABELS = dict(CharterKind.choices)
