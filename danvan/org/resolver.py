"""The one way an Excel import finds the unit a cell names (every kind with a unit column uses it).

A cell may hold a unit's code ("C1", in any case), its name or short name with or without
diacritics and in any case ("Đảng ủy xã Long Thuận", "dang uy xa long thuan"; "uỷ" and "ủy" alike),
or "code – name" as the templates' drop-down lists write it. A code names one unit whatever the
row's date: the kind's own rules then say when that unit is not valid, or not where it must be.

A name may match several units (a commune before and after the 2025 reform, "Đảng ủy phường 1" in
two cities). They are narrowed, in this order, to those spelled as written (diacritics included,
the tone's place aside); those valid at the row's time (its year, period or day, broadest first:
when none is valid at the first, the message says so; a later one only prefers); those within a
given unit (a proposal's unit, a plan's area); those in the importing user's scope. The last two
only prefer, leaving the kind's rules to refuse. Still several is an error that asks for the code
and lists a few.

A kind hands the resolver a chunk's cell texts first (`load`): the units they may name come in one
query per TEXTS_PER_QUERY texts not seen before, by code and by the indexed folded names
(`Unit.name_key`, `Unit.short_name_key`), and stay for the next chunks; resolving a row then asks
nothing. A text resolved without `load` is looked up on its own (correct, one query).
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from django.db.models import Q
from django.db.models.base import ModelState

from danvan.core import scoping
from danvan.core.vn import clean_text, text_date
from danvan.core.xlsx.engine import MSG_OUT_OF_SCOPE
from danvan.core.xlsx.result import Row
from danvan.org.models import Unit, unit_name_key

MSG_UNKNOWN = "Không tìm thấy đơn vị có mã hoặc tên '{}'."
MSG_AMBIGUOUS = "Có {} đơn vị cùng tên '{}' ({}); hãy ghi mã đơn vị để phân biệt."
MSG_NONE_VALID = "Không có đơn vị nào tên '{}' hoạt động {} ({})."
MSG_NOT_VALID = "Đơn vị “{}” không hoạt động {} ({})."

LISTED = 5  # codes an ambiguity message lists
TEXTS_PER_QUERY = 1000  # ~6 parameters each: within SQLite's limit on bound parameters
FIELDS = ("code", "name", "short_name", "path", "parent_id", "kind_id", "bloc_id", "valid_from", "valid_until")
_CODE_AND_NAME = re.compile(r"\s+[-–—]\s+")  # "C1 – Đảng ủy xã Long Thuận"
_TONES = frozenset("\u0300\u0301\u0303\u0309\u0323")  # huyền, sắc, ngã, hỏi, nặng


def code_in(text: str) -> str | None:
    """The code of a "code – name" cell (what stands before the dash), else None."""
    parts = _CODE_AND_NAME.split(text, maxsplit=1)
    return parts[0] if len(parts) == 2 else None


@lru_cache(maxsize=65536)  # namesakes are compared again for each year a file names them in
def spelling(text: str) -> str:
    """A name as written, case and the tone mark's place aside ("Đảng uỷ" = "đảng ủy", not "Dang uy")."""
    words = []
    for word in unicodedata.normalize("NFD", clean_text(text).casefold()).split():
        words.append("".join(c for c in word if c not in _TONES) + "".join(c for c in word if c in _TONES))
    return " ".join(words)


@dataclass(frozen=True)
class When:
    """The time a row speaks of: units must be valid at some point of [start, end]."""

    start: dt.date
    end: dt.date
    words: str  # "trong năm 2019", "vào ngày 5/1/2026", "trong thời gian từ 1/1/2026 đến 31/12/2030"


def times(year: Any = None, day: dt.date | None = None, period: tuple | None = None) -> list[When]:
    """The row's times, broadest first: its year, a period (start, end), its day (those given)."""
    found = []
    if isinstance(year, int) and not isinstance(year, bool) and dt.MINYEAR <= year <= dt.MAXYEAR:
        found.append(When(dt.date(year, 1, 1), dt.date(year, 12, 31), f"trong năm {year}"))
    if period is not None and all(isinstance(d, dt.date) for d in period):
        start, end = period
        found.append(When(start, end, f"trong thời gian từ {text_date(start)} đến {text_date(end)}"))
    if isinstance(day, dt.date):
        found.append(When(day, day, f"vào ngày {text_date(day)}"))
    return found


class UnitResolver:
    """The units a file names, found a chunk at a time and kept for the whole import.

    `user` (None: the system) and `action` make the user's scope a preference among namesakes and
    the test of `in_scope`; `related` loads these relations with each unit (e.g. "kind", "parent"
    for `committee_root`), otherwise a unit carries FIELDS only (any other field loads on access).
    """

    def __init__(self, user: Any = None, action: str = scoping.CHANGE, related: Sequence[str] = ()) -> None:
        self.user, self.action, self.related = user, action, tuple(related)
        self.pks: dict[int, Unit] = {}
        self._codes: dict[str, Unit] = {}
        self._names: dict[str, dict[int, Unit]] = {}  # name key -> units with that name or short name
        self._seen: set[str] = set()  # texts looked up
        self._memo: dict[tuple, tuple[Unit | None, str | None]] = {}
        self._scope: dict[str, bool] = {}

    # --- loading ---------------------------------------------------------------------------------

    def load(self, texts: Iterable[str | None]) -> None:
        """Look up at once the units these cell texts may name (those not looked up before)."""
        new = sorted({text for text in texts if text and text.__class__ is str} - self._seen)
        self._seen.update(new)
        for start in range(0, len(new), TEXTS_PER_QUERY):
            self._fetch(new[start : start + TEXTS_PER_QUERY])

    def _fetch(self, texts: Sequence[str]) -> None:
        codes: set[str] = set()
        keys: set[str] = set()
        for raw in texts:
            text = clean_text(raw)
            if not text:
                continue
            codes.update((text, text.upper()))
            if prefix := code_in(text):
                codes.update((prefix, prefix.upper()))
            key = unit_name_key(text)
            if key not in self._names:
                keys.add(key)
        codes -= self._codes.keys()
        if not codes and not keys:
            return
        for key in keys:
            self._names[key] = {}
        found = Q(code__in=sorted(codes))
        if keys:
            found |= Q(name_key__in=sorted(keys)) | Q(short_name_key__in=sorted(keys))
        for unit in self._units(found):
            if unit.code in codes:
                self._codes[unit.code] = unit
            for key in (unit.name_key, unit.short_name_key):
                if key in keys:
                    self._names[key][unit.pk] = unit

    def _units(self, where: Q) -> Iterator[Unit]:
        """The units matching, one instance per unit for the whole import."""
        if self.related:
            fetched: Iterable[Unit] = Unit.objects.select_related(*self.related).filter(where)
        else:
            fetched = _plain_units(Unit.objects.filter(where))
        for unit in fetched:
            yield self.pks.setdefault(unit.pk, unit)

    def by_pk(self, pks: Iterable[int]) -> dict[int, Unit]:
        """Units by id (a record's current unit, a unit's parent), loading those not already here."""
        wanted = {pk for pk in pks if pk is not None}
        missing = sorted(wanted - self.pks.keys())
        for start in range(0, len(missing), TEXTS_PER_QUERY * 5):
            for _ in self._units(Q(pk__in=missing[start : start + TEXTS_PER_QUERY * 5])):
                pass
        return {pk: self.pks[pk] for pk in wanted if pk in self.pks}

    # --- resolving -------------------------------------------------------------------------------

    def resolve(
        self,
        text: str,
        *,
        year: Any = None,
        day: dt.date | None = None,
        period: tuple | None = None,
        within: Unit | None = None,
    ) -> tuple[Unit | None, str | None]:
        """(unit, None), or (None, the Vietnamese message) when the cell names no unit or several."""
        unit = self._codes.get(text)
        if unit is not None:  # the usual cell: a code as written
            return unit, None
        key = (text, year, day, period, within.path if within is not None else None)
        found = self._memo.get(key)
        if found is None:
            if text not in self._seen:
                self.load([text])
            found = self._memo[key] = self._resolve(clean_text(text), times(year, day, period), within)
        return found

    def find(self, row: Row, field: str, text: str | None = None, **narrowing: Any) -> Unit | None:
        """The unit of a row's cell (`text`, else the row's value of `field`); a message goes to the row."""
        text = row.values.get(field) if text is None else text
        if not text:
            return None
        unit, message = self.resolve(text, **narrowing)
        if message:
            row.error(field, message)
        return unit

    def _code(self, text: str) -> Unit | None:
        return self._codes.get(text) or self._codes.get(text.upper())

    def _resolve(self, text: str, when: list[When], within: Unit | None) -> tuple[Unit | None, str | None]:
        if not text:
            return None, MSG_UNKNOWN.format(text)
        unit = self._code(text)
        if unit is not None:
            return unit, None
        namesakes = list(self._names.get(unit_name_key(text), {}).values())
        if not namesakes:
            prefix = code_in(text)
            unit = self._code(prefix) if prefix else None
            return (unit, None) if unit is not None else (None, MSG_UNKNOWN.format(text))
        pool = namesakes
        if len(pool) > 1:
            written = spelling(text)
            pool = [u for u in pool if written in (spelling(u.name), spelling(u.short_name))] or pool
        for index, time in enumerate(when):
            if len(pool) > 1:
                valid = [u for u in pool if u.overlaps(time.start, time.end)]
                if not valid and index == 0:
                    return None, MSG_NONE_VALID.format(text, time.words, listing(pool))
                pool = valid or pool  # a later, narrower time (a decision's day) only prefers
        if len(pool) > 1 and within is not None:
            pool = [u for u in pool if u.path.startswith(within.path)] or pool
        if len(pool) > 1 and self.user is not None:
            pool = [u for u in pool if self.in_scope(u)] or pool
        if len(pool) > 1:
            return None, MSG_AMBIGUOUS.format(len(pool), text, listing(pool))
        return pool[0], None

    # --- checks the kinds share ----------------------------------------------------------------

    def in_scope(self, unit: Unit) -> bool:
        """Whether the user may do `action` on the unit's records (asked once per unit)."""
        if self.user is None:
            return True
        if unit.path not in self._scope:
            self._scope[unit.path] = scoping.covers(self.user, unit.path, self.action)
        return self._scope[unit.path]

    def check_scope(self, row: Row, field: str, unit: Unit) -> bool:
        """The one message for a unit outside the user's scope; False when it is."""
        if self.in_scope(unit):
            return True
        row.error(field, MSG_OUT_OF_SCOPE.format(unit.code))
        return False


def not_valid(unit: Unit, *, year: Any = None, day: dt.date | None = None, period: tuple | None = None) -> str | None:
    """The message for a unit not valid at the row's time, for kinds whose rules do not say it."""
    when = times(year, day, period)
    if not when or unit.overlaps(when[0].start, when[0].end):
        return None
    time = when[0]
    return MSG_NOT_VALID.format(unit.name, time.words, unit.period_label)


def listing(units: list[Unit]) -> str:
    """ "mã C3; mã LG-CU, đến 30/6/2025": a few codes, each with its end when it has one."""
    parts = []
    ordered = sorted(units, key=lambda u: u.code)
    for unit in ordered[:LISTED]:
        ended = f", đến {text_date(unit.valid_until)}" if unit.valid_until else ""
        parts.append(f"mã {unit.code}{ended}")
    if len(ordered) > LISTED:
        parts.append(f"và {len(ordered) - LISTED} đơn vị khác")
    return "; ".join(parts)


def _plain_units(queryset: Any) -> Iterator[Unit]:
    """Units with FIELDS and the name keys, as `.only()` gives them (any other field loads on access),
    built from plain rows without the model's __init__: a national file names 14,000 units."""
    names = ("id", *FIELDS, "name_key", "short_name_key")
    for values in queryset.values_list(*names):
        unit = Unit.__new__(Unit)
        unit.__dict__.update(zip(names, values, strict=True))
        unit._state = ModelState()
        unit._state.adding, unit._state.db = False, queryset.db
        yield unit
