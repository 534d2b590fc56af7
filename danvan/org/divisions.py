"""Party committees of Viet Nam's administrative divisions, before and after the July 2025 reform.

Sources (facts, not configuration):
- today's 34 provinces and 3,321 communes: the `vietnam-provinces` package (2025.x);
- the 63 provinces, 696 districts and 10,051 communes before 1/7/2025: `fixtures/divisions-2024.json.gz`
  (built from vietnam-provinces 0.6.0 by `fixtures/build_divisions_2024.py`);
- which old provinces make each new one (NQ 202/2025/QH15): `fixtures/province-merges-2025.csv`.

Unit codes are unique over all history:
    T<new code>    a province that continues after the reform (one unit through time)
    TC<old code>   an old province absorbed by another (ends 30/6/2025)
    HC<old code>   an old district (ends 30/6/2025)
    XC<old code>   an old commune (ends 30/6/2025)
    X<new code>    a commune from 1/7/2025

The package carries no old-to-new commune mapping, so old communes get no lineage event of
their own: `successors_on` follows their district's end event to today's province.

Loading is idempotent: units are matched by code and updated only where they differ, events are
matched by kind, date and the unit they are about.
"""

from __future__ import annotations

import csv
import datetime as dt
import difflib
import gzip
import json
import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from django.db import transaction

from danvan.core import changelog
from danvan.core.vn import fold, format_number
from danvan.org.choices import LineageKind
from danvan.org.models import LineageEvent, Unit, UnitKind
from danvan.org.services import bulk_create_units

FIXTURES = Path(__file__).with_name("fixtures")
OLD_DIVISIONS_PATH = FIXTURES / "divisions-2024.json.gz"
MERGES_PATH = FIXTURES / "province-merges-2025.csv"

REFORM_DATE = dt.date(2025, 7, 1)
LAST_OLD_DAY = REFORM_DATE - dt.timedelta(days=1)
MERGE_BASIS = "Nghị quyết số 202/2025/QH15 ngày 12/6/2025 của Quốc hội về việc sắp xếp đơn vị hành chính cấp tỉnh"
DISTRICT_END_BASIS = "Luật Tổ chức chính quyền địa phương số 72/2025/QH15"

PROVINCE_KIND, DISTRICT_KIND, COMMUNE_KIND = "tinh-uy", "huyen-uy", "dang-uy-xa"

# Division type -> (the prefix of the division's name, the Party committee's name).
DIVISION_TYPES: dict[str, tuple[str, str]] = {
    "tỉnh": ("tỉnh", "Tỉnh ủy {}"),
    "thành phố trung ương": ("thành phố", "Thành ủy {}"),
    "huyện": ("huyện", "Huyện ủy {}"),
    "quận": ("quận", "Quận ủy {}"),
    "thị xã": ("thị xã", "Thị ủy {}"),
    "thành phố": ("thành phố", "Thành ủy {}"),
    "xã": ("xã", "Đảng ủy xã {}"),
    "phường": ("phường", "Đảng ủy phường {}"),
    "thị trấn": ("thị trấn", "Đảng ủy thị trấn {}"),
    "đặc khu": ("đặc khu", "Đảng ủy đặc khu {}"),
}

# SQLite allows 999 parameters per query.
CHUNK = 900


class UnknownProvince(ValueError):
    """The name or code given does not match any province, before or after the reform."""


# --- Source data ---------------------------------------------------------------------------------


@cache
def new_divisions() -> tuple[dict, ...]:
    """Today's provinces, each with its `wards`, as the vietnam-provinces package ships them."""
    from vietnam_provinces import NESTED_DIVISIONS_JSON_PATH

    return tuple(json.loads(Path(NESTED_DIVISIONS_JSON_PATH).read_text(encoding="utf-8")))


@cache
def old_divisions() -> tuple[dict, ...]:
    """The provinces before 1/7/2025, each with `districts`, each with `wards`."""
    with gzip.open(OLD_DIVISIONS_PATH, "rt", encoding="utf-8") as file:
        return tuple(json.load(file))


@cache
def province_merges() -> tuple[tuple[str, tuple[str, ...]], ...]:
    """(new province name, old province names) per row of the NQ 202/2025/QH15 table."""
    with open(MERGES_PATH, encoding="utf-8", newline="") as file:
        return tuple((row["new_unit"], tuple(row["old_units"].split(";"))) for row in csv.DictReader(file))


def short_name(division: dict) -> str:
    """The name without its type: "Tỉnh Tây Ninh" -> "Tây Ninh", "Thành Phố Bắc Kạn" -> "Bắc Kạn"."""
    name = division["name"]
    prefix = DIVISION_TYPES[division["division_type"]][0]
    return name[len(prefix) + 1 :] if name.lower().startswith(prefix + " ") else name


# The Party committee's name -> the place it leads: "Đảng ủy phường 1" -> "Phường 1", "Thị ủy Trảng Bàng" -> "thị xã
# Trảng Bàng". A bare number keeps its capital ("Phường 1"); a named place reads in lower case mid-sentence.
PLACE_PREFIXES = (
    ("Đảng ủy xã ", "xã"),
    ("Đảng ủy phường ", "phường"),
    ("Đảng ủy thị trấn ", "thị trấn"),
    ("Đảng ủy đặc khu ", "đặc khu"),
    ("Huyện ủy ", "huyện"),
    ("Quận ủy ", "quận"),
    ("Thị ủy ", "thị xã"),
    ("Thành ủy ", "thành phố"),
    ("Tỉnh ủy ", "tỉnh"),
)


def place_name(unit_name: str) -> str:
    """The place a Party committee leads, for sentences ("… tại Phường 1", "… tại xã Long Thuận")."""
    for prefix, place in PLACE_PREFIXES:
        if unit_name.startswith(prefix):
            rest = unit_name[len(prefix) :]
            return f"{place.capitalize() if rest.isdigit() else place} {rest}"
    return unit_name


def party_name(division: dict) -> str:
    return DIVISION_TYPES[division["division_type"]][1].format(short_name(division))


def province_key(text: str) -> str:
    """Matching key of a province name: "Tỉnh Hoà Bình", "hòa bình" -> "hoa binh"."""
    return re.sub(r"^(tinh|thanh pho|tp\.?)\s+", "", fold(text))


# --- Families: a new province and the old ones it was made of ------------------------------------


@dataclass(frozen=True)
class Family:
    new: dict
    olds: tuple[dict, ...]  # in the order of the resolution; the continuing one among them
    continuing: dict
    note: str = ""  # set when no predecessor has the new province's name

    @property
    def code(self) -> str:
        return f"T{self.new['code']:02d}"

    def old_code(self, old: dict) -> str:
        return self.code if old is self.continuing else f"TC{old['code']:02d}"


def _by_key(divisions: Iterable[dict], what: str) -> dict[str, dict]:
    result: dict[str, dict] = {}
    for division in divisions:
        key = province_key(division["name"])
        if key in result:
            raise ValueError(f"Trùng tên {what}: {division['name']}")
        result[key] = division
    return result


@cache
def families() -> tuple[Family, ...]:
    """The 34 families of NQ 202/2025/QH15; checks that every province is used exactly once."""
    news, olds = _by_key(new_divisions(), "tỉnh hiện nay"), _by_key(old_divisions(), "tỉnh cũ")
    result, used = [], set()
    for new_name, old_names in province_merges():
        new = news.pop(province_key(new_name), None)
        members = tuple(olds.get(province_key(name)) for name in old_names)
        if new is None or None in members:
            names = ";".join(old_names)
            raise ValueError(f"Bảng sáp nhập tỉnh có tên không có trong dữ liệu: {new_name}; {names}")
        if used & {m["code"] for m in members}:
            raise ValueError(f"Tỉnh cũ được sáp nhập hai lần: {';'.join(old_names)}")
        used |= {m["code"] for m in members}
        result.append(_family(new, members))
    if news or len(used) != len(olds):
        raise ValueError("Bảng sáp nhập tỉnh không phủ hết các tỉnh trước và sau sắp xếp.")
    return tuple(result)


def _family(new: dict, olds: tuple[dict, ...]) -> Family:
    key = province_key(new["name"])
    same_name = [old for old in olds if province_key(old["name"]) == key]
    if same_name:
        return Family(new, olds, same_name[0])
    note = f"{new['name']}: không tỉnh cũ nào cùng tên, coi {olds[0]['name']} là tỉnh được tiếp nối."
    return Family(new, olds, olds[0], note)


def find_families(province: str | None = None) -> list[Family]:
    """All families, or the one a province name or code belongs to (old names bring their new province)."""
    if province is None or not province.strip():
        return list(families())
    code, key = _code_query(province), province_key(province)
    for family in families():
        if _matches(family, key, code):
            return [family]
    raise UnknownProvince(_unknown_message(province))


def _code_query(text: str) -> tuple[bool, int] | None:
    """(is an old province's code, number) for "80", "T80", "TC72"; None for a name."""
    match = re.fullmatch(r"(tc|t)?(\d{1,2})", fold(text).replace(" ", ""))
    return (match.group(1) == "tc", int(match.group(2))) if match else None


def _matches(family: Family, key: str, code: tuple[bool, int] | None) -> bool:
    if code is not None:
        is_old, number = code
        return any(old["code"] == number for old in family.olds) if is_old else family.new["code"] == number
    return key in {province_key(d["name"]) for d in (family.new, *family.olds)}


def _unknown_message(province: str) -> str:
    names = {province_key(d["name"]): short_name(d) for f in families() for d in (f.new, *f.olds)}
    close = difflib.get_close_matches(province_key(province), names, n=5, cutoff=0.6)
    hint = f" Có phải: {', '.join(names[k] for k in close)}?" if close else ""
    return (
        f"Không tìm thấy tỉnh, thành phố “{province}”.{hint}"
        " Ghi tên tỉnh (trước hoặc sau sắp xếp) hoặc mã tỉnh hiện nay, ví dụ “Tây Ninh”, 80 hoặc T80."
    )


# --- The plan: what units and events a family should have ---------------------------------------


@dataclass(frozen=True)
class UnitSpec:
    code: str
    name: str
    short_name: str
    kind: str
    parent: str | None
    valid_from: dt.date | None = None
    valid_until: dt.date | None = None


@dataclass(frozen=True)
class EventSpec:
    kind: str
    about: str  # the unit that identifies the event: the successor of a merge, the ended district
    predecessors: tuple[str, ...]
    successors: tuple[str, ...]
    legal_basis: str
    note: str

    @property
    def match_role(self) -> str:
        return "successors" if self.kind == LineageKind.MERGE else "predecessors"


@dataclass
class Plan:
    units: list[UnitSpec] = field(default_factory=list)  # parents before children
    events: list[EventSpec] = field(default_factory=list)


def _unit(division: dict, code: str, kind: str, parent: str | None, **validity: dt.date | None) -> UnitSpec:
    return UnitSpec(code, party_name(division), short_name(division), kind, parent, **validity)


def plan_family(family: Family, plan: Plan) -> None:
    """Add the family's units and events to the plan."""
    plan.units.append(_unit(family.new, family.code, PROVINCE_KIND, None))
    for old in family.olds:
        if old is not family.continuing:
            plan.units.append(_unit(old, family.old_code(old), PROVINCE_KIND, None, valid_until=LAST_OLD_DAY))
    for old in family.olds:
        _plan_old_province(family, old, plan)
    for ward in family.new["wards"]:
        code = f"X{ward['code']:05d}"
        plan.units.append(_unit(ward, code, COMMUNE_KIND, family.code, valid_from=REFORM_DATE))
    if len(family.olds) > 1:
        plan.events.append(
            EventSpec(
                LineageKind.MERGE,
                family.code,
                tuple(family.old_code(old) for old in family.olds),
                (family.code,),
                MERGE_BASIS,
                f"Sắp xếp {', '.join(short_name(o) for o in family.olds)} thành {short_name(family.new)}.",
            )
        )


def _plan_old_province(family: Family, old: dict, plan: Plan) -> None:
    note = f"Kết thúc hoạt động cấp huyện; các đơn vị thuộc {short_name(family.new)}."
    for district in old["districts"]:
        code = f"HC{district['code']:03d}"
        parent = family.old_code(old)
        plan.units.append(_unit(district, code, DISTRICT_KIND, parent, valid_until=LAST_OLD_DAY))
        for ward in district["wards"]:
            ward_code = f"XC{ward['code']:05d}"
            plan.units.append(_unit(ward, ward_code, COMMUNE_KIND, code, valid_until=LAST_OLD_DAY))
        end = EventSpec(LineageKind.END, code, (code,), (family.code,), DISTRICT_END_BASIS, note)
        plan.events.append(end)


# --- Loading -------------------------------------------------------------------------------------


@dataclass
class LoadSummary:
    new_provinces: int = 0
    new_communes: int = 0
    old_provinces: int = 0
    districts: int = 0
    old_communes: int = 0
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    events_created: int = 0
    links_created: int = 0
    notes: list[str] = field(default_factory=list)

    def message(self) -> str:
        n = format_number
        return (
            f"Đã nạp {n(self.new_provinces)} tỉnh hiện nay ({n(self.new_communes)} xã, phường), "
            f"{n(self.old_provinces)} tỉnh trước sáp nhập, {n(self.districts)} huyện, "
            f"{n(self.old_communes)} xã trước sáp nhập: tạo mới {n(self.created)} đơn vị, "
            f"cập nhật {n(self.updated)}, giữ nguyên {n(self.unchanged)}; "
            f"ghi {n(self.events_created)} sự kiện thay đổi mới."
        )


@transaction.atomic
def load_divisions(province: str | None = None) -> LoadSummary:
    """Create or update the units of one province's family (or all) and the reform's lineage events."""
    chosen = find_families(province)
    plan = Plan()
    for family in chosen:
        plan_family(family, plan)
    summary = _count(chosen)
    units = _sync_units(plan.units, summary)
    _sync_events(plan.events, units, summary)
    return summary


def _count(chosen: Sequence[Family]) -> LoadSummary:
    olds = [old for f in chosen for old in f.olds]
    return LoadSummary(
        new_provinces=len(chosen),
        new_communes=sum(len(f.new["wards"]) for f in chosen),
        old_provinces=len(olds),
        districts=sum(len(o["districts"]) for o in olds),
        old_communes=sum(len(d["wards"]) for o in olds for d in o["districts"]),
        notes=[f.note for f in chosen if f.note],
    )


def _chunks(items: Sequence, size: int = CHUNK) -> Iterator[Sequence]:
    for start in range(0, len(items), size):
        yield items[start : start + size]


def _kinds(codes: set[str]) -> dict[str, UnitKind]:
    kinds = {k.code: k for k in UnitKind.objects.filter(code__in=codes)}
    if missing := codes - kinds.keys():
        raise ValueError(f"Thiếu loại đơn vị: {', '.join(sorted(missing))} (xem danh mục loại đơn vị).")
    return kinds


def _sync_units(specs: list[UnitSpec], summary: LoadSummary) -> dict[str, Unit]:
    """Create missing units in bulk, update those that differ; returns every planned unit by code."""
    codes = [s.code for s in specs]
    existing = {u.code: u for chunk in _chunks(codes) for u in Unit.objects.filter(code__in=chunk)}
    kinds = _kinds({s.kind for s in specs})
    units = dict(existing)
    created = []
    for spec in specs:
        if spec.code not in units:
            units[spec.code] = _new_unit(spec, kinds[spec.kind], units)
            created.append(units[spec.code])
    bulk_create_units(created)
    summary.created = len(created)
    summary.updated = _update_units([s for s in specs if s.code in existing], units)
    summary.unchanged = len(existing) - summary.updated
    return units


def _new_unit(spec: UnitSpec, kind: UnitKind, units: dict[str, Unit]) -> Unit:
    return Unit(
        code=spec.code,
        name=spec.name,
        short_name=spec.short_name,
        kind=kind,
        bloc_id=kind.default_bloc_id,
        parent=units[spec.parent] if spec.parent else None,
        valid_from=spec.valid_from,
        valid_until=spec.valid_until,
    )


UPDATED_FIELDS = ("name", "short_name", "valid_from", "valid_until")


def _update_units(specs: list[UnitSpec], units: dict[str, Unit]) -> int:
    """Bring existing units in line with the plan; returns how many changed."""
    changed: list[tuple[Unit, dict, dict]] = []
    moved: list[tuple[Unit, Unit | None]] = []
    for spec in specs:
        unit = units[spec.code]
        parent = units[spec.parent] if spec.parent else None
        before = {f: getattr(unit, f) for f in UPDATED_FIELDS if getattr(unit, f) != getattr(spec, f)}
        if unit.parent_id != (parent.pk if parent else None):
            moved.append((unit, parent))
        elif before:
            for name in before:
                setattr(unit, name, getattr(spec, name))
            unit.set_search_keys()
            changed.append((unit, before, {f: getattr(unit, f) for f in before}))
    if changed:
        Unit.objects.bulk_update([u for u, _, _ in changed], [*UPDATED_FIELDS, *Unit.SEARCH_FIELDS], batch_size=500)
        changelog.bulk_log((u, "update", _json(before), _json(after)) for u, before, after in changed)
    _move_units(moved, {s.code: s for s in specs})
    return len(changed) + len(moved)


def _json(values: dict) -> dict:
    return {k: v.isoformat() if isinstance(v, dt.date) else v for k, v in values.items()}


def _move_units(moved: list[tuple[Unit, Unit | None]], specs: dict[str, UnitSpec]) -> None:
    """Re-parent through save(), which carries the subtree along and logs the change.

    Rare (only when a unit was placed elsewhere by hand), so one query each is acceptable; the
    unit is re-read because an earlier move may have changed its stored path.
    """
    for stale, parent in moved:
        unit = Unit.objects.get(pk=stale.pk)
        spec = specs[unit.code]
        unit.parent = Unit.objects.get(pk=parent.pk) if parent else None
        for name in UPDATED_FIELDS:
            setattr(unit, name, getattr(spec, name))
        unit.save()


def _sync_events(specs: list[EventSpec], units: dict[str, Unit], summary: LoadSummary) -> None:
    """Create the events not yet recorded and the links they lack; existing events are kept as they are."""
    events: dict[EventSpec, int] = {}
    for kind, role in {(s.kind, s.match_role) for s in specs}:
        group = [s for s in specs if (s.kind, s.match_role) == (kind, role)]
        found = _existing_events(kind, role, [units[s.about].pk for s in group])
        events |= {s: found[units[s.about].pk] for s in group if units[s.about].pk in found}
    missing = [s for s in specs if s not in events]
    new_events = [LineageEvent(kind=s.kind, date=REFORM_DATE, legal_basis=s.legal_basis, note=s.note) for s in missing]
    created = LineageEvent.objects.bulk_create(new_events, batch_size=500)
    changelog.bulk_log((e, "create", None, changelog.snapshot(e)) for e in created)
    events |= {s: e.pk for s, e in zip(missing, created, strict=True)}
    summary.events_created = len(created)
    summary.links_created = _link(events, units, "predecessors") + _link(events, units, "successors")


def _existing_events(kind: str, role: str, unit_ids: list[int]) -> dict[int, int]:
    """unit id -> id of the reform-day event of this kind that has the unit in `role`."""
    through = getattr(LineageEvent, role).through
    found: dict[int, int] = {}
    for chunk in _chunks(unit_ids):
        on_day = {"lineageevent__kind": kind, "lineageevent__date": REFORM_DATE}
        rows = through.objects.filter(unit_id__in=chunk, **on_day)
        for unit_id, event_id in rows.order_by("lineageevent_id").values_list("unit_id", "lineageevent_id"):
            found.setdefault(unit_id, event_id)
    return found


def _link(events: dict[EventSpec, int], units: dict[str, Unit], role: str) -> int:
    """Add the missing predecessor or successor links of the events; returns how many were added."""
    through = getattr(LineageEvent, role).through
    wanted = {(event_id, units[code].pk) for spec, event_id in events.items() for code in getattr(spec, role)}
    event_ids = sorted({event_id for event_id, _ in wanted})
    present = {
        row
        for chunk in _chunks(event_ids)
        for row in through.objects.filter(lineageevent_id__in=chunk).values_list("lineageevent_id", "unit_id")
    }
    rows = [through(lineageevent_id=e, unit_id=u) for e, u in sorted(wanted - present)]
    through.objects.bulk_create(rows, batch_size=500)
    return len(rows)
