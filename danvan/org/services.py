"""Operations on units that touch several records: lineage, the tree as at a date, mapping to today."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence

from django.db import transaction
from django.db.models import CharField, Exists, OuterRef, Prefetch, Subquery, Value
from django.db.models.functions import Cast, Coalesce, Concat, LPad
from django.utils import timezone

from danvan.core import scoping
from danvan.core.db import ViCollate
from danvan.org.choices import LineageKind
from danvan.org.models import LineageEvent, Unit, UnitQuerySet


def today() -> dt.date:
    return timezone.localdate()


# Kinds after which a predecessor that is not also a successor stops existing.
ENDING_KINDS = {LineageKind.MERGE, LineageKind.SPLIT, LineageKind.END}


def committee_root(unit):
    """The unit whose subtree `unit` works for (plans, supervises, follows the people's opinion in): a
    commission (Ban Dân vận), the Front or another body beside a Party committee works for that
    committee's whole area, so its parent; a Party committee (province, district, commune) for its own
    subtree."""
    if unit.kind.tier == "other" and unit.parent_id:
        return unit.parent
    return unit


def within(unit, root) -> bool:
    return unit.path.startswith(root.path)


RECENT_YEARS = 6


def recent_start() -> dt.date:
    return dt.date(timezone.localdate().year - RECENT_YEARS, 1, 1)


def owner_units(user, include: int | None = None):
    """Units the user may file records for (change scope), recent ones, in Vietnamese order."""
    units = Unit.objects.restrict(user, scoping.CHANGE).valid_during(recent_start(), None)
    if include is not None:
        units = units | Unit.objects.filter(pk=include)
    return units.select_related("kind").order_by(ViCollate("name"))


def area_units(user, start: dt.date | None = None, end: dt.date | None = None, include=()):
    """Units the user's units work for: the subtree of each one's Party committee (a commission
    plans and supervises for its whole province), valid during [start, end]."""
    paths = scoping.scope_paths(user, scoping.CHANGE)
    units = Unit.objects.all()
    if paths is not None:
        tops = Unit.objects.filter(path__in=paths).select_related("kind", "parent")
        roots = {committee_root(top).path for top in tops}
        units = units.filter(scoping.subtrees_q("path", roots))
    units = units.valid_during(start or recent_start(), end)
    if include:
        units = units | Unit.objects.filter(pk__in=list(include))
    return units.order_by("path")


def single_top_unit() -> Unit | None:
    """The province, when the installation holds exactly one that exists today."""
    tops = list(Unit.objects.filter(parent__isnull=True).valid_on(today()).select_related("kind")[:2])
    return tops[0] if len(tops) == 1 else None


def unit_in_scope(user, code: str, related: Sequence[str] = ()) -> Unit:
    """The unit with this code among those the user may see (a command's --unit); LookupError otherwise."""
    unit = Unit.objects.restrict(user).select_related(*related).filter(code=code).first()
    if unit is None:
        raise LookupError(f"Không có đơn vị mã “{code}” trong phạm vi được xem.")
    return unit


def default_unit(user) -> Unit | None:
    """The unit a user's reports and pages are about by default: their highest assigned unit, or the
    installation's one province (a superuser without an assignment, the command line's system account)."""
    if user is None or user.pk is None:
        return single_top_unit()
    assigned = Unit.objects.filter(role_assignments__user=user).select_related("kind").order_by("depth", "path")
    return assigned.first() or single_top_unit()


def visible_units(user, day: dt.date) -> UnitQuerySet:
    """Units the user may see that were valid on `day`."""
    return Unit.objects.restrict(user).valid_on(day)


def _tree_nodes(qs: UnitQuerySet, day: dt.date) -> UnitQuerySet:
    has_children = Exists(Unit.objects.filter(parent=OuterRef("pk")).valid_on(day))
    return qs.select_related("kind", "bloc").annotate(has_children=has_children).order_by(ViCollate("name"))


def tree_roots(user, day: dt.date) -> UnitQuerySet:
    """The top of the user's tree on `day`: visible units whose parent is not visible."""
    visible = visible_units(user, day)
    return _tree_nodes(visible.exclude(parent__in=visible.values("pk")), day)


def tree_children(user, unit: Unit, day: dt.date) -> UnitQuerySet:
    return _tree_nodes(visible_units(user, day).filter(parent=unit), day)


@transaction.atomic
def record_lineage(
    kind: str,
    date: dt.date,
    predecessors: Iterable[Unit],
    successors: Iterable[Unit] = (),
    legal_basis: str = "",
    note: str = "",
) -> LineageEvent:
    """Record a lineage event; predecessors that do not continue end the day before."""
    predecessors, successors = list(predecessors), list(successors)
    event = LineageEvent.objects.create(kind=kind, date=date, legal_basis=legal_basis, note=note)
    event.predecessors.set(predecessors)
    event.successors.set(successors)
    if kind in ENDING_KINDS:
        continuing = {u.pk for u in successors}
        last_day = date - dt.timedelta(days=1)
        for unit in predecessors:
            if unit.pk not in continuing and (unit.valid_until is None or unit.valid_until > last_day):
                unit.valid_until = last_day
                unit.save(update_fields=["valid_until", "search_text"])
    return event


def successors_on(unit: Unit, day: dt.date) -> list[Unit]:
    """Where a unit's records belong on `day`: itself if still valid, else its successors by lineage.

    A unit that ended without a recorded successor falls back to its parent's mapping
    (a commune of an ended district maps to where the district went).
    """
    seen: set[int] = set()
    result: dict[int, Unit] = {}
    frontier = [unit]
    while frontier:
        current = frontier.pop()
        if current.pk in seen:
            continue
        seen.add(current.pk)
        if current.is_valid_on(day):
            result[current.pk] = current
            continue
        events = current.successor_events.filter(date__lte=day).prefetch_related(
            Prefetch("successors", queryset=Unit.objects.select_related("parent"))
        )
        nexts = [s for event in events for s in event.successors.all() if s.pk != current.pk]
        if nexts:
            frontier.extend(nexts)
        elif current.parent_id:
            frontier.append(current.parent)
    return sorted(result.values(), key=lambda u: u.path)


def lineage_of(unit: Unit) -> dict[str, list[LineageEvent]]:
    """Events that brought the unit into being and that followed it."""
    prefetch = ("predecessors", "successors")
    return {
        "before": list(unit.predecessor_events.prefetch_related(*prefetch).order_by("date")),
        "after": list(unit.successor_events.prefetch_related(*prefetch).order_by("date")),
    }


def bulk_create_units(units: list[Unit], log: bool = True, batch_size: int = 2000) -> list[Unit]:
    """Insert many units at once, parents before children, and set their tree paths.

    A unit's parent may be a saved unit or another unsaved unit of the list. Each generation is
    one bulk insert plus one bulk update of the paths (ids are known only after the insert).
    """
    from danvan.core import changelog

    pending = list(units)
    for unit in pending:
        unit.set_search_keys()
    while pending:
        ready = [u for u in pending if u.parent is None or u.parent.pk is not None]
        if not ready:
            raise ValueError("Các đơn vị tạo vòng lặp cấp trên – cấp dưới.")
        for unit in ready:
            unit.parent_id = unit.parent.pk if unit.parent is not None else None
        Unit.objects.bulk_create(ready, batch_size=batch_size)
        _set_paths_in_db([u.pk for u in ready])
        by_pk = {u.pk: u for u in ready}
        for chunk in _chunks(list(by_pk), 900):
            for pk, path, depth in Unit.objects.filter(pk__in=chunk).values_list("pk", "path", "depth"):
                by_pk[pk].path, by_pk[pk].depth = path, depth
        ready_ids = {id(u) for u in ready}
        pending = [u for u in pending if id(u) not in ready_ids]
    if log:
        changelog.bulk_log((u, "create", None, changelog.snapshot(u)) for u in units)
    return units


def _chunks(items: list, size: int):
    for start in range(0, len(items), size):
        yield items[start : start + size]


def _set_paths_in_db(pks: list[int]) -> None:
    """path = parent's path + own zero-padded id, computed by the database (one UPDATE per chunk)."""

    parent = Unit.objects.filter(pk=OuterRef("parent_id"))
    own = LPad(Cast("pk", CharField()), scoping.SEGMENT_WIDTH, Value("0"))
    for chunk in _chunks(pks, 900):
        Unit.objects.filter(pk__in=chunk).update(
            path=Concat(Coalesce(Subquery(parent.values("path")[:1]), Value("")), own),
            depth=Coalesce(Subquery(parent.values("depth")[:1]) + 1, Value(0)),
        )


# What resolving a unit's successor needs of each unit: mapping thousands of units loads no more.
_MAP_FIELDS = ("pk", "name", "path", "parent_id", "valid_from", "valid_until")


def map_to_day(units: Iterable[Unit], day: dt.date) -> dict[int, Unit | None]:
    """Bulk `successors_on`: for each unit, the (first) unit its records belong to on `day`.

    Loads the units' ancestors and the lineage edges concerning them a round at a time (a round
    for each step of the longest chain: a few queries), edges as id pairs and units with the few
    columns resolving needs, then resolves in memory (reports map thousands of units at once).
    """

    seg = scoping.SEGMENT_WIDTH
    known: dict[int, Unit] = {}
    ended_by: dict[int, list[int]] = {}  # event → its predecessors among the known units
    edges: list[tuple[dt.date, int, int]] = []  # (date, event, successor)

    def learn(batch: list[Unit]) -> list[int]:
        """Add units and their ancestors; the ended ones among them, whose edges are still to load."""
        known.update((u.pk, u) for u in batch)
        above = {int(u.path[i : i + seg]) for u in batch for i in range(0, len(u.path) - seg, seg)} - set(known)
        batch = batch + list(Unit.objects.filter(pk__in=above).only(*_MAP_FIELDS))
        known.update((u.pk, u) for u in batch)
        return [u.pk for u in batch if not u.is_valid_on(day)]

    units = list(units)
    pending = learn(units)
    while pending:
        before = LineageEvent.predecessors.through.objects.filter(lineageevent__date__lte=day, unit_id__in=pending)
        pairs = list(before.values_list("lineageevent_id", "unit_id"))
        new_events = {event_id for event_id, _ in pairs} - set(ended_by)
        for event_id, unit_id in pairs:
            ended_by.setdefault(event_id, []).append(unit_id)
        after = LineageEvent.successors.through.objects.filter(lineageevent_id__in=list(new_events))
        found = list(after.values_list("lineageevent__date", "lineageevent_id", "unit_id"))
        edges += found
        new_ids = {unit_id for *_, unit_id in found} - set(known)
        pending = learn(list(Unit.objects.filter(pk__in=new_ids).only(*_MAP_FIELDS))) if new_ids else []
    # The order `successors_on` sees: events by date, each event's successors by path.
    edges.sort(key=lambda edge: (edge[0], edge[1], known[edge[2]].path))
    successors: dict[int, list[Unit]] = {}
    for _, event_id, unit_id in edges:
        for predecessor_id in ended_by[event_id]:
            if unit_id != predecessor_id:
                successors.setdefault(predecessor_id, []).append(known[unit_id])
    resolved: dict[int, Unit | None] = {}

    def resolve(unit: Unit, seen: frozenset[int] = frozenset()) -> Unit | None:
        if unit.pk in resolved:
            return resolved[unit.pk]
        if unit.pk in seen:
            return None
        seen = seen | {unit.pk}
        if unit.is_valid_on(day):
            result = unit
        elif successors.get(unit.pk):
            result = resolve(successors[unit.pk][0], seen)
        elif unit.parent_id and unit.parent_id in known:
            result = resolve(known[unit.parent_id], seen)
        else:
            result = None
        resolved[unit.pk] = result
        return result

    return {u.pk: resolve(u) for u in units}


def carried_units(root: Unit, day: dt.date) -> dict[int, Unit]:
    """The root and, recursively, the units merged, split or renamed into it.

    Lineage up to `day` is followed whole. A later event is followed only for a unit that did not
    exist yet (a commune formed in 2025 carries its old communes in 2022); a unit that continues
    through a later merge (it is among the event's predecessors too, as the old Tây Ninh province in
    the 2025 merger) does not carry the other parties, which were other units at that time.
    """
    return carried_units_by_day(root, [day])[day]


def carried_units_by_day(root: Unit, days: Iterable[dt.date]) -> dict[dt.date, dict[int, Unit]]:
    """`carried_units` for several days (a trend over years) from one walk of the lineage in the database:
    every event that could matter is read once, then each day's rule is applied in memory."""
    events: dict[int, tuple[dt.date, dict[int, Unit], list[int]]] = {}
    by_successor: dict[int, list[int]] = {}
    frontier, reached = {root.pk}, {root.pk}
    while frontier:
        found = (
            LineageEvent.objects.filter(kind__in=scoping.INHERITING_KINDS, successors__in=frontier)
            .exclude(pk__in=list(events))
            .distinct()
            .prefetch_related("predecessors", "successors")
        )
        new_units = set()
        for event in found:
            predecessors = {u.pk: u for u in event.predecessors.all()}
            successors = [u.pk for u in event.successors.all()]
            events[event.pk] = (event.date, predecessors, successors)
            for pk in successors:
                by_successor.setdefault(pk, []).append(event.pk)
            new_units |= set(predecessors) - reached
        reached |= new_units
        frontier = new_units
    result = {}
    for day in days:
        carried, frontier = {root.pk: root}, {root.pk}
        while frontier:
            found_units: dict[int, Unit] = {}
            for event_pk in {e for pk in frontier for e in by_successor.get(pk, ())}:
                date, predecessors, successors = events[event_pk]
                involved = [pk for pk in successors if pk in frontier]
                if date > day and all(pk in predecessors for pk in involved):
                    continue
                found_units.update({pk: u for pk, u in predecessors.items() if pk not in carried})
            carried.update(found_units)
            frontier = set(found_units)
        result[day] = carried
    return result


def area_paths(root: Unit) -> list[str]:
    """The root's subtree and those of every unit merged, split or renamed into it, at any time."""
    return scoping.minimal_paths(scoping.with_history({root.pk: root.path}).values())
