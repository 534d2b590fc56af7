"""Excel import/export of the "Dân vận khéo" registry: the `practices` kind on the shared engine.

One row is one practice. `Mã mô hình` empty means a new record (its code is reserved per year when it
is written), an existing code updates that record. A row without a code that names the same unit, year,
name and person as an existing record is that record, so importing a list without codes twice does not
register it twice. A code in the system's own format (DVK-<year>-<number>) that was never issued is kept,
so a commission can bring records in from another installation or from its history; any other unknown
code is an error.

Past years' records come in with their final state. A recognized row gets its recognition level,
decision number and date from the file; its recognizing unit (not a column) is the unit's parent, the
committee that recognizes a unit's models in the usual cycle (a commune's district, a district's
province). Bringing in a final state (recognized, rejected) also needs the right to review at that
level, as the workflow does, so nobody recognizes their own unit's model through a spreadsheet.

`Đơn vị` is a unit code, a unit's name, or "code – name" as the template's list writes it, found by
the one resolver of every import (`danvan.org.resolver`): same-named units are told apart by the
row's year, then by the importing user's scope; still several is an error that lists their codes.

Everything the rows need is preloaded in a few queries; no query runs per row.
"""

from __future__ import annotations

import hashlib
import re
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator, Sequence
from functools import cached_property
from typing import Any

from django.db.models import QuerySet
from django.db.models.base import ModelState
from django.utils import timezone

from danvan.core import changelog, numbering, scoping
from danvan.core.vn import clean_text
from danvan.core.xlsx import Action, Choice, Column, Context, Date, Integer, ModelKind, Row, Text, register
from danvan.core.xlsx.engine import gc_paused
from danvan.core.xlsx.modelkind import KEY_CHUNK, unit_path
from danvan.core.xlsx.parsers import enum_choices
from danvan.org.models import Bloc, Unit, UnitKind
from danvan.org.resolver import UnitResolver
from danvan.practices import rules, services
from danvan.practices.choices import FINAL_STATUSES, Kind, Status, Subject
from danvan.practices.models import Field, Level, Practice

MSG_LOCKED = "Mô hình đã được công nhận nên không sửa bằng nhập Excel; hãy lập đính chính (khác ở: {})."
MSG_NO_CODE = "Không tìm thấy mô hình có mã '{}'; để trống ô này nếu là mô hình mới."
MSG_CODE_YEAR = "Mã '{}' là mã của năm {}, không khớp với năm {} của dòng này."
MSG_NO_BLOC = "Chưa nhập khối và đơn vị “{}” không có khối mặc định."
MSG_SAME_RECORD = "Trùng với dòng {} (cùng một mô hình: {})."
MSG_SAME_NATURAL = "Trùng với dòng {} (cùng đơn vị, năm, tên mô hình và họ tên)."
MSG_CODE_GIVEN_HERE = "Mã '{}' vừa được cấp cho một mô hình mới ở dòng trước của chính tệp này."
MSG_NATURAL_AMBIGUOUS = "Đơn vị đã có {} mô hình cùng tên trong năm {} (mã {}); hãy ghi mã mô hình cần cập nhật."
MSG_REVIEW = "Chỉ người có quyền xét công nhận của “{}” mới nhập được trạng thái “{}”."

CODE_LENGTH = Practice._meta.get_field("code").max_length


def _max_length(name: str) -> int:
    return Practice._meta.get_field(name).max_length


def _levels() -> Iterable[tuple[Level, list[str]]]:
    """Levels by code, by name, and by name without "Cấp" ("cơ sở", "huyện")."""
    for level in Level.objects.all():
        short = re.sub(r"^cấp\s+", "", level.name, flags=re.IGNORECASE)
        yield level, [level.code, level.name, short]


def _config(model: Any) -> Iterable[tuple[Any, list[str]]]:
    return ((obj, [obj.code, obj.name]) for obj in model.objects.all())


def _name(obj: Any) -> str:
    return obj.name


class MemoChoice(Choice):
    """A Choice that parses each distinct cell text once: a column of 100,000 rows holds a handful."""

    def bind(self) -> Callable[[Any], Any]:
        parse = super().bind()
        memo: dict[tuple[type, Any], tuple[Any, str | None]] = {}

        def cached(value: Any) -> Any:
            key = (type(value), value)  # True and 1 are equal keys otherwise
            if key not in memo:
                try:
                    memo[key] = (parse(value), None)
                except ValueError as exc:
                    memo[key] = (None, str(exc))
            found, message = memo[key]
            if message is not None:
                raise ValueError(message)
            return found

        return cached


def memo(choice: Choice) -> MemoChoice:
    return MemoChoice(choice.options, choice.label, choice.display)


class CodeText(Text):
    """A practice code; the system's own codes are matched in any case ("dvk-2019-000001")."""

    def parse(self, value: Any) -> str:
        text = super().parse(value)
        upper = text.upper()
        return upper if services.CODE_PATTERN.fullmatch(upper) else text


STATUS_ALIASES = {
    Status.REGISTERED: ("Mới đăng ký", "Đã đăng ký"),
    Status.IMPLEMENTING: ("Đang triển khai", "Triển khai", "Thực hiện"),
    Status.PROPOSED: ("Đề nghị", "Chờ công nhận", "Đề nghị xét công nhận"),
    Status.RECOGNIZED: ("Công nhận", "Được công nhận", "Đạt"),
    Status.REJECTED: ("Không được công nhận", "Không đạt"),
}
KIND_ALIASES = {Kind.MODEL: ("MH",), Kind.EXEMPLAR: ("ĐH",)}

LEVEL_CHOICE = MemoChoice(_levels, "cấp", display=_name)
TEXT_FIELDS = ("name", "person_name", "person_position", "decision_number", "description")
RECOGNITION_FIELDS = frozenset(
    {"status", "recognized_level_id", "decision_number", "decision_date", "recognizing_unit_id"}
)
SNAPSHOT_FIELDS = {  # preview/explanations: which column a changed attribute belongs to
    "unit_name": "unit",
    "unit_id": "unit",
    "bloc_id": "bloc",
    "field_id": "field",
    "level_id": "level",
    "recognized_level_id": "recognized_level",
    "recognizing_unit_id": "status",
}


@register
class PracticesKind(ModelKind):
    name = "practices"
    label = "mô hình, điển hình"
    model = Practice
    sheet_title = "Mô hình, điển hình"
    # 200,000 rows at once held 1.3-1.8 GB; chunks keep the worker's memory bounded (engine.KEEP_ROWS).
    chunk_rows = 5_000
    columns = (
        Column(
            "Mã mô hình",
            "code",
            CodeText(CODE_LENGTH),
            unique=True,
            aliases=("Mã", "Mã số", "Mã mô hình, điển hình", "Mã hồ sơ"),
            width=18,
        ),
        Column(
            "Tên mô hình",
            "name",
            Text(_max_length("name")),
            required=True,
            aliases=("Tên mô hình, điển hình", "Tên mô hình điển hình", "Tên", "Tên điển hình"),
            width=50,
        ),
        Column(
            "Loại",
            "kind",
            memo(enum_choices(Kind, "loại", KIND_ALIASES)),
            aliases=("Loại hình", "Mô hình, điển hình"),
            width=12,
        ),
        Column(
            "Đối tượng",
            "subject",
            memo(enum_choices(Subject, "đối tượng")),
            aliases=("Tập thể, cá nhân", "Tập thể hay cá nhân"),
            width=12,
        ),
        Column(
            "Họ tên",
            "person_name",
            Text(_max_length("person_name")),
            aliases=("Họ và tên", "Họ tên cá nhân", "Họ tên (điển hình cá nhân)"),
            width=24,
        ),
        Column(
            "Chức vụ",
            "person_position",
            Text(_max_length("person_position")),
            aliases=("Chức danh", "Chức vụ (điển hình cá nhân)"),
            width=24,
        ),
        Column(
            "Đơn vị",
            "unit",
            Text(300),
            required=True,
            aliases=("Tên đơn vị", "Mã đơn vị", "Đơn vị đăng ký", "Đơn vị thực hiện"),
            width=36,
        ),
        Column("Khối", "bloc", MemoChoice(lambda: _config(Bloc), "khối", display=_name), width=20),
        Column(
            "Lĩnh vực", "field", MemoChoice(lambda: _config(Field), "lĩnh vực", display=_name), required=True, width=26
        ),
        Column("Năm", "year", Integer(), required=True, aliases=("Năm đăng ký", "Năm thực hiện"), width=8),
        Column("Cấp đăng ký", "level", LEVEL_CHOICE, required=True, aliases=("Cấp",), width=16),
        Column(
            "Trạng thái",
            "status",
            memo(enum_choices(Status, "trạng thái", STATUS_ALIASES)),
            aliases=("Tình trạng", "Kết quả"),
            width=20,
        ),
        Column(
            "Cấp công nhận",
            "recognized_level",
            LEVEL_CHOICE,
            aliases=("Cấp được công nhận", "Công nhận cấp", "Quyết định công nhận cấp"),
            width=16,
        ),
        Column(
            "Số quyết định công nhận",
            "decision_number",
            Text(_max_length("decision_number")),
            aliases=(
                "Số quyết định",
                "Số QĐ",
                "Số QĐ công nhận",
                "Số quyết định, giấy chứng nhận",
                "Số giấy chứng nhận",
                "Quyết định công nhận số",
                "Công nhận số quyết định",
            ),
            width=22,
        ),
        Column(
            "Ngày công nhận",
            "decision_date",
            Date(),
            aliases=("Ngày quyết định", "Ngày QĐ", "Quyết định công nhận ngày", "Công nhận ngày"),
            width=14,
        ),
        Column(
            "Mô tả",
            "description",
            Text(multiline=True),
            aliases=("Mô tả tóm tắt", "Nội dung", "Nội dung tóm tắt"),
            width=60,
        ),
    )

    # --- plan ----------------------------------------------------------------------------------

    def plan(self, rows: list[Row], ctx: Context) -> None:
        with gc_paused():
            self._plan(rows, ctx)

    def _plan(self, rows: list[Row], ctx: Context) -> None:
        """One chunk of the file (`chunk_rows`): what must hold across the whole file is kept in ctx.data."""
        data = ctx.data
        if "levels" not in data:
            data["levels"] = {level.pk: level for level in Level.objects.all()}
            data["default_blocs"] = dict(UnitKind.objects.values_list("pk", "default_bloc_id"))
            data["years"] = rules.year_range()
            data["units"] = UnitResolver(ctx.user)
        units: UnitResolver = data["units"]
        units.load(row.values.get("unit") for row in rows)
        years = data["years"]
        existing = self.existing(sorted({row.values["code"] for row in rows if row.values.get("code")}), ctx)
        counters = data.setdefault("counters", {})  # as before anything is written, for the whole file
        counters.update(
            _counters(
                code
                for row in rows
                if (code := row.values.get("code")) and code not in existing and not _counted(code, counters)
            )
        )
        new_codes: dict[str, int] = data.setdefault("new_codes", {})  # highest never-issued code per year

        # Each row's unit first: code-less rows are matched to records by unit, year, name and person.
        for row in rows:
            text = row.values.get("unit")
            if text:
                year = row.values.get("year")
                unit, message = units.resolve(text, year=year if year in years else None)
                if message:
                    row.error("unit", message)
                row.extra["unit"] = unit
            row.extra["key"] = _natural_key(row)
        natural = self._natural_matches(rows)
        records = [*existing.values(), *natural.values()]
        parents = {unit.parent_id for row in rows if (unit := row.extra.get("unit")) is not None}
        units.by_pk({obj.unit_id for obj in records} | parents)

        new_practice = _practice_maker()
        claimed: dict[int, int] = data.setdefault("claimed", {})  # record pk -> the first row targeting it
        # natural key's digest -> first code-less row; the write pass reads the file the check pass found
        # without repeats, so it only looks within the chunk
        new_keys: dict[bytes, int] = {} if data.get("file_checked") else data.setdefault("new_keys", {})
        for row in rows:
            code = row.values.get("code") or ""
            obj = existing.get(code) if code else natural.get(row.number)
            if obj is not None and code and _given_here(code, data):
                # Only the one-pass write meets this (an earlier chunk was given the code this row
                # brings): the error sends the import back to check, then write, in two passes.
                row.error("code", MSG_CODE_GIVEN_HERE.format(code))
            elif obj is not None:
                first = claimed.setdefault(obj.pk, row.number)
                if first != row.number and not _has_error(row, "code"):  # a repeated code is already reported
                    row.error("code", MSG_SAME_RECORD.format(first, obj.code))
                row.extra["old_unit"] = units.pks.get(obj.unit_id)
            else:
                message = _unknown_code(code, row.values.get("year"), counters) if code else None
                if message:
                    row.error("code", message)
                elif code and (match := services.CODE_PATTERN.fullmatch(code)):
                    key = services.code_key(int(match["year"]))
                    new_codes[key] = max(new_codes.get(key, 0), int(match["number"]))
                obj = new_practice()
                obj.code = code
            key = row.extra["key"]
            if key is not None and not code:
                first = new_keys.setdefault(_digest(key), row.number)
                if first != row.number:
                    row.error("name", MSG_SAME_NATURAL.format(first))
            self._plan_row(row, obj, ctx)

    def _plan_row(self, row: Row, obj: Practice, ctx: Context) -> None:
        """Apply the row, check the form's rules (also on rows with other errors: every error at once)."""
        unit: Unit | None = row.extra.get("unit")
        adding = obj._state.adding
        locked = not adding and obj.is_locked
        self.apply(row, obj, ctx)
        if not adding and row.ok and unit is not None:
            before, after = _changes(obj)
            if not after:  # as recorded: nothing to check or write (even if a rule changed since)
                row.target, row.action = obj, Action.UNCHANGED
                return
        levels = ctx.data["levels"]
        problems = rules.check(
            year=row.values.get("year"),
            unit=unit,
            level=levels.get(obj.level_id) if "level" in row.values else None,
            subject=obj.subject,
            person_name=obj.person_name,
            status=obj.status,
            recognized_level=levels.get(obj.recognized_level_id) if obj.recognized_level_id else None,
            decision_date=obj.decision_date,
            years=ctx.data["years"],
        )
        for field, message in problems:
            row.error(field, message)
        if unit is None or not row.ok:
            return
        if obj.bloc_id is None:
            row.error("bloc", MSG_NO_BLOC.format(unit.name))
            return
        row.target = obj
        if adding:
            row.action = Action.CREATE
        else:
            before, after = _changes(obj)
            if after and locked:
                row.error("code", MSG_LOCKED.format(", ".join(self._changed_headers(row, after))))
                return
            row.extra["changes"] = (before, after)
            row.action = Action.UPDATE if after else Action.UNCHANGED
        self._check_review(row, obj, unit, ctx)

    def apply(self, row: Row, obj: Practice, ctx: Context) -> None:
        """The row's values on the record; a cell equal to the stored text once cleaned keeps it as stored.

        Values go straight into the instance's dict (the field descriptors' checks cost more than the
        rows); relations are set by id, so none cached on an existing record may be left stale.
        """
        values = row.values
        state = obj.__dict__
        adding = obj._state.adding
        status_before = state["status"]
        for name in TEXT_FIELDS:
            if name in values:
                new = values[name]
                if adding or _cleaned(self.columns_by_field[name].parser, state[name]) != new:
                    state[name] = new
        for name in ("kind", "subject", "status", "year"):
            if values.get(name) is not None:  # blank: the default for a new record, kept for an existing one
                state[name] = values[name]
        for name, attname in (("field", "field_id"), ("level", "level_id"), ("bloc", "bloc_id")):
            if values.get(name) is not None:
                state[attname] = values[name].pk
        if "recognized_level" in values:  # blank clears
            state["recognized_level_id"] = values["recognized_level"].pk if values["recognized_level"] else None
        if "decision_date" in values:
            state["decision_date"] = values["decision_date"]
        unit: Unit | None = row.extra.get("unit")
        if unit is not None and (adding or state["unit_id"] != unit.pk):
            state["unit_id"] = unit.pk
            state["unit_name"] = unit.name  # the unit's name at the time, as services.register/update keep it
        if adding and state["bloc_id"] is None and unit is not None:
            bloc_id = unit.bloc_id or ctx.data["default_blocs"].get(unit.kind_id)
            if bloc_id is not None:
                state["bloc_id"] = bloc_id
        recognized_now = state["status"] == Status.RECOGNIZED and (adding or status_before != Status.RECOGNIZED)
        if recognized_now and state["recognizing_unit_id"] is None and unit is not None:
            state["recognizing_unit_id"] = unit.parent_id  # see the module docstring
        if adding:
            if unit is not None:
                obj._state.fields_cache["unit"] = unit
        else:
            obj._state.fields_cache.clear()

    @cached_property
    def columns_by_field(self) -> dict[str, Column]:
        return {column.field: column for column in self.columns}

    def _changed_headers(self, row: Row, after: dict) -> list[str]:
        names: list[str] = []
        for attname in after:
            field = SNAPSHOT_FIELDS.get(attname, attname)
            header = row.headers.get(field, field)
            if header not in names:
                names.append(header)
        return names

    def _check_review(self, row: Row, obj: Practice, unit: Unit, ctx: Context) -> None:
        """A final state comes from the reviewers above the unit, as in the workflow."""
        if ctx.user is None or obj.status not in FINAL_STATUSES or row.action is Action.UNCHANGED:
            return
        if row.action is Action.UPDATE and not RECOGNITION_FIELDS & set(row.extra["changes"][1]):
            return
        reviewer = ctx.data["units"].pks.get(unit.parent_id) if unit.parent_id else None
        path = reviewer.path if reviewer is not None else unit.path
        if not scoping.covers(ctx.user, path, scoping.REVIEW):
            name = reviewer.name if reviewer is not None else unit.name
            row.error("status", MSG_REVIEW.format(name, Status(obj.status).label))

    def _natural_matches(self, rows: list[Row]) -> dict[int, Practice]:
        """Existing records for code-less rows with the same unit, year, name and person (row number -> record)."""
        wanted: dict[tuple, Row] = {}
        for row in rows:
            if not row.values.get("code") and row.extra["key"] is not None:
                wanted.setdefault(row.extra["key"], row)
        if not wanted:
            return {}
        unit_ids = sorted({key[0] for key in wanted})
        years = sorted({key[1] for key in wanted})
        found: dict[tuple, list[tuple[int, str]]] = defaultdict(list)
        for start in range(0, len(unit_ids), KEY_CHUNK):
            chunk = unit_ids[start : start + KEY_CHUNK]
            candidates = Practice.objects.filter(unit_id__in=chunk, year__in=years)
            for pk, code, unit_id, year, name, person in candidates.values_list(
                "pk", "code", "unit_id", "year", "name", "person_name"
            ):
                key = (unit_id, year, _name_key(name), _name_key(person))
                if key in wanted:
                    found[key].append((pk, code))
        chosen: dict[int, int] = {}
        for key, matches in found.items():
            row = wanted[key]
            if len(matches) > 1:
                codes = ", ".join(sorted(code for _, code in matches))
                row.error("code", MSG_NATURAL_AMBIGUOUS.format(len(matches), key[1], codes))
            else:
                chosen[row.number] = matches[0][0]
        records = _in_bulk(Practice.objects.all(), list(chosen.values()))
        return {number: records[pk] for number, pk in chosen.items() if pk in records}

    def existing(self, keys: list[Any], ctx: Context) -> dict[Any, Practice]:
        found: dict[Any, Practice] = {}
        for start in range(0, len(keys), KEY_CHUNK):
            found.update((obj.code, obj) for obj in Practice.objects.filter(code__in=keys[start : start + KEY_CHUNK]))
        return found

    # --- scope and write -----------------------------------------------------------------------

    def touched(self, row: Row, ctx: Context) -> Iterable[tuple[str | None, str, str | None]]:
        unit = row.extra["unit"]
        yield "unit", unit.code, unit.path
        old = row.extra.get("old_unit")
        if old is not None and old.pk != unit.pk:
            yield "code", old.code, old.path

    def start_write(self, checked: Context, ctx: Context) -> None:
        # Codes are checked against the counters as they were before this import wrote anything, and
        # codes generated for the first chunks must not take a never-issued code a later chunk brings.
        ctx.data["counters"] = dict(checked.data.get("counters", {}))
        ctx.data["file_checked"] = True
        for key, number in checked.data.get("new_codes", {}).items():
            numbering.ensure_at_least(key, number)

    def write(self, rows: list[Row], ctx: Context) -> None:
        with gc_paused():
            self._write(rows, ctx.data.setdefault("given", {}))

    def _write(self, rows: list[Row], given: dict[str, tuple[int, int]]) -> None:
        created = [row.target for row in rows if row.action is Action.CREATE]
        uncoded = [practice for practice in created if not practice.code]
        services.bulk_insert(created)
        for practice in uncoded:  # codes are given in runs per year: keep each year's first and last
            key, number = practice.code[:8], int(practice.code[9:])
            low, high = given.get(key, (number, number))
            given[key] = (min(low, number), max(high, number))
        updated = [row for row in rows if row.action is Action.UPDATE]
        now = timezone.now()
        for row in updated:
            practice = row.target
            practice.search_text = practice.compute_search_text()
            practice.version += 1  # an editor's form opened before the import is now stale
            practice.updated_at = now
        self.bulk_update(updated, extra_fields=["search_text", "version", "updated_at"])

    # --- export --------------------------------------------------------------------------------

    def export_queryset(self, user: Any, filters: dict[str, Any]) -> QuerySet:
        """The list page's filters (`params`, a query dict, needs a user), or `year` and `unit` (a code)."""
        if "params" in filters:
            from danvan.practices.filters import PracticeFilter

            queryset = PracticeFilter(filters["params"], user).queryset()
        else:
            queryset = Practice.objects.all() if user is None else Practice.objects.restrict(user)
            queryset = queryset.order_by("-year", "code")
        if filters.get("year"):
            queryset = queryset.filter(year=int(filters["year"]))
        if filters.get("unit"):
            queryset = queryset.filter(scoping.subtree_q("unit__path", unit_path(filters["unit"])))
        return queryset

    def export_rows(self, queryset: QuerySet) -> Iterator[Sequence[Any]]:
        """Plain values straight from the database (no model instances), in chunks: 100,000 rows stream."""
        names = {
            "bloc": dict(Bloc.objects.values_list("pk", "name")),
            "field": dict(Field.objects.values_list("pk", "name")),
            "level": dict(Level.objects.values_list("pk", "name")),
        }
        kinds, subjects, statuses = dict(Kind.choices), dict(Subject.choices), dict(Status.choices)
        values = queryset.values_list(
            "code", "name", "kind", "subject", "person_name", "person_position", "unit__code", "bloc_id",
            "field_id", "year", "level_id", "status", "recognized_level_id", "decision_number", "decision_date",
            "description",
        )  # fmt: skip
        for (
            code, name, kind, subject, person, position, unit, bloc, field, year, level, status, recognized,
            number, date, description,
        ) in values.iterator(chunk_size=2000):  # fmt: skip
            yield [
                code,
                name,
                str(kinds.get(kind, kind)),
                str(subjects.get(subject, subject)),
                person,
                position,
                unit,
                names["bloc"].get(bloc, ""),
                names["field"].get(field, ""),
                year,
                names["level"].get(level, ""),
                str(statuses.get(status, status)),
                names["level"].get(recognized, "") if recognized else "",
                number,
                date,
                description,
            ]


def _chunked(queryset: QuerySet, lookup: str, values: Sequence[Any]) -> Iterator[Any]:
    for start in range(0, len(values), KEY_CHUNK):
        yield from queryset.filter(**{lookup: values[start : start + KEY_CHUNK]})


def _in_bulk(queryset: QuerySet, pks: list[int]) -> dict[int, Any]:
    return {obj.pk: obj for obj in _chunked(queryset, "pk__in", sorted(pks))}


# --- Codes ---------------------------------------------------------------------------------------


def _counters(codes: Iterable[str]) -> dict[str, int]:
    """The last number issued per year key, for the years of the unknown codes in system format."""
    keys = {services.code_key(int(match["year"])) for code in codes if (match := services.CODE_PATTERN.fullmatch(code))}
    if not keys:
        return {}
    found = dict.fromkeys(keys, 0)  # no counter yet: nothing issued that year
    found.update(numbering.Counter.objects.filter(key__in=keys).values_list("key", "value"))
    return found


def _counted(code: str, counters: dict[str, int]) -> bool:
    """Whether the counter of the code's year is already known (read once per import)."""
    match = services.CODE_PATTERN.fullmatch(code)
    return match is None or services.code_key(int(match["year"])) in counters


def _given_here(code: str, data: dict[str, Any]) -> bool:
    """Whether this import's writes gave the code to a new practice (between the first and last it gave that year)."""
    given = data.get("given")
    if not given or not (match := services.CODE_PATTERN.fullmatch(code)):
        return False
    low, high = given.get(services.code_key(int(match["year"])), (0, -1))
    return low <= int(match["number"]) <= high


def _unknown_code(code: str, year: Any, counters: dict[str, int]) -> str | None:
    """Why an unknown code cannot be used for a new record; None when it is a code never issued here."""
    match = services.CODE_PATTERN.fullmatch(code)
    if match is None:
        return MSG_NO_CODE.format(code)
    code_year = int(match["year"])
    if isinstance(year, int) and code_year != year:
        return MSG_CODE_YEAR.format(code, code_year, year)
    if int(match["number"]) <= counters.get(services.code_key(code_year), 0):
        return MSG_NO_CODE.format(code)  # issued here once: the record is gone or the code mistyped
    return None


def _practice_maker() -> Callable[[], Practice]:
    """New, unsaved practices as `Practice()` makes them, for a fraction of its cost: a copy of the
    defaults (constants: no field has a callable default) and a fresh state."""
    if any(field.has_default() and callable(field.default) for field in Practice._meta.concrete_fields):
        return Practice
    defaults = {name: value for name, value in vars(Practice()).items() if name != "_state"}

    def make() -> Practice:
        practice = Practice.__new__(Practice)
        practice.__dict__.update(defaults)
        practice._state = ModelState()
        return practice

    return make


def _natural_key(row: Row) -> tuple | None:
    unit, year, name = row.extra.get("unit"), row.values.get("year"), row.values.get("name")
    if unit is None or not isinstance(year, int) or not name:
        return None
    # The cells are already cleaned by their Text parser: only the case is left to fold.
    return (unit.pk, year, name.casefold(), (row.values.get("person_name") or "").casefold())


def _digest(key: tuple) -> bytes:
    """A natural key in 16 bytes: 200,000 rows' keys are kept across chunks (a tuple of names costs ~450)."""
    return hashlib.blake2b(repr(key).encode(), digest_size=16).digest()


def _name_key(text: str) -> str:
    """Names compared for "the same record": cleaned and case-insensitive (cheap: one per row)."""
    return clean_text(text).casefold()


def _has_error(row: Row, field: str) -> bool:
    header = row.headers.get(field)
    return any(error.column == header for error in row.errors)


def _changes(obj: Practice) -> tuple[dict, dict]:
    """modelkind.changes() from the instance's values: the same result, without per-field lookups."""
    before = changelog.snapshot(obj, getattr(obj, "_loaded_values", {}))
    after = changelog.snapshot(obj, vars(obj))
    changed = [name for name in after if name in before and before[name] != after[name]]
    return {name: before[name] for name in changed}, {name: after[name] for name in changed}


def _cleaned(parser: Text, value: Any) -> Any:
    if not isinstance(value, str) or not value:
        return value
    try:
        return parser.parse(value)
    except ValueError:
        return value


# --- The import template ------------------------------------------------------------------------

TEMPLATE_FILENAME = "Mẫu nhập mô hình.xlsx"
TEMPLATE_ROWS = 5000  # rows of the list sheet that carry the drop-down lists
LISTS_SHEET = "Danh mục"
NOTES = {
    "code": ("Không", "Để trống khi thêm mới (hệ thống cấp mã DVK-năm-số). Ghi mã đã có để cập nhật hồ sơ đó."),
    "name": ("Có", "Tên mô hình hoặc điển hình."),
    "kind": ("Không", "Chọn trong danh sách; để trống là “Mô hình”."),
    "subject": ("Không", "Tập thể hoặc Cá nhân; để trống là “Tập thể”."),
    "person_name": ("Khi là cá nhân", "Họ tên của điển hình cá nhân."),
    "person_position": ("Không", "Chức vụ của điển hình cá nhân."),
    "unit": (
        "Có",
        "Mã đơn vị, hoặc tên đúng của đơn vị (chọn trong danh sách: “mã – tên”). Khi nhiều đơn vị trùng tên, "
        "hãy ghi mã.",
    ),
    "bloc": ("Không", "Để trống để lấy theo khối của đơn vị."),
    "field": ("Có", "Chọn trong danh sách."),
    "year": ("Có", "Năm đăng ký, ví dụ 2019."),
    "level": ("Có", "Cấp huyện chỉ có đến 30/6/2025: không dùng cho năm 2026 trở đi."),
    "status": ("Không", "Để trống là “Đăng ký”. Hồ sơ các năm trước có thể nhập với kết quả cuối cùng."),
    "recognized_level": (
        "Khi đã công nhận",
        "Bắt buộc khi trạng thái là “Đã công nhận”; để trống trong trường hợp khác.",
    ),
    "decision_number": ("Không", "Số quyết định hoặc giấy chứng nhận, ví dụ 125-QĐ/BCĐ."),
    "decision_date": ("Không", "Ngày/tháng/năm, ví dụ 20/12/2019 (không trước năm đăng ký)."),
    "description": ("Không", "Tóm tắt cách làm, kết quả."),
}


def template_workbook(user: Any) -> Any:
    """`Mẫu nhập mô hình.xlsx`: the list sheet with drop-down lists, instructions, and the hidden lists
    (the options of the coded columns and the units the user may import for, as "code – name")."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font
    from openpyxl.utils import get_column_letter
    from openpyxl.worksheet.datavalidation import DataValidation

    kind = get_kind_instance()
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = kind.sheet_title
    bold = Font(bold=True)
    sheet.append([column.header for column in kind.columns])
    for index, column in enumerate(kind.columns, start=1):
        sheet.cell(1, index).font = bold
        sheet.column_dimensions[get_column_letter(index)].width = column.width
    sheet.freeze_panes = "A2"

    levels = [level.name for level in Level.objects.order_by("order", "name")]
    units = [f"{unit.code} – {unit.name}" for unit in template_units(user)]
    lists = {
        "kind": ("Danh mục loại", [label for _, label in Kind.choices]),
        "subject": ("Danh mục đối tượng", [label for _, label in Subject.choices]),
        "bloc": ("Danh mục khối", [bloc.name for bloc in Bloc.objects.order_by("order", "name")]),
        "field": ("Danh mục lĩnh vực", [field.name for field in Field.objects.order_by("order", "name")]),
        "level": ("Danh mục cấp", levels),
        "status": ("Danh mục trạng thái", [label for _, label in Status.choices]),
        "unit": ("Danh mục đơn vị (mã – tên)", units),
    }
    hidden = workbook.create_sheet(LISTS_SHEET)
    list_columns: dict[str, str] = {}
    for index, (name, (title, values)) in enumerate(lists.items(), start=1):
        letter = get_column_letter(index)
        hidden.cell(1, index, title).font = bold
        for number, value in enumerate(values, start=2):
            hidden.cell(number, index, value)
        hidden.column_dimensions[letter].width = 60 if name == "unit" else 24
        last = max(len(values), 1) + 1
        list_columns[name] = f"'{LISTS_SHEET}'!${letter}$2:${letter}${last}"
    list_columns["recognized_level"] = list_columns["level"]
    hidden.sheet_state = "hidden"

    positions = {column.field: get_column_letter(i) for i, column in enumerate(kind.columns, start=1)}
    for name, formula in list_columns.items():
        header = kind.columns_by_field[name].header
        unit = name == "unit"
        validation = DataValidation(
            type="list",
            formula1=formula,
            allow_blank=True,
            showErrorMessage=True,
            errorStyle="warning" if unit else "stop",
            errorTitle=header,
            error=(
                "Đơn vị không có trong danh sách; vẫn có thể ghi mã hoặc tên đúng của đơn vị."
                if unit
                else f"Vui lòng chọn {header.lower()} trong danh sách."
            ),
        )
        validation.add(f"{positions[name]}2:{positions[name]}{TEMPLATE_ROWS + 1}")
        sheet.add_data_validation(validation)
    years = rules.year_range()
    year_check = DataValidation(
        type="whole",
        operator="between",
        formula1=str(years[0]),
        formula2=str(years[-1]),
        allow_blank=True,
        showErrorMessage=True,
        errorTitle="Năm",
        error=f"Năm từ {years[0]} đến {years[-1]}.",
    )
    year_check.add(f"{positions['year']}2:{positions['year']}{TEMPLATE_ROWS + 1}")
    sheet.add_data_validation(year_check)

    guide = workbook.create_sheet("Hướng dẫn")
    guide.column_dimensions["A"].width = 26
    guide.column_dimensions["B"].width = 16
    guide.column_dimensions["C"].width = 100
    wrap = Alignment(wrap_text=True, vertical="top")
    lines = [
        "HƯỚNG DẪN NHẬP DANH SÁCH MÔ HÌNH, ĐIỂN HÌNH “DÂN VẬN KHÉO”",
        "Mỗi dòng của trang đầu là một mô hình hoặc điển hình. Giữ nguyên tên các cột; có thể thêm các dòng "
        "tiêu đề phía trên, cột STT ở đầu và dòng “Tổng cộng” ở cuối.",
        "Các cột có danh sách chọn sẵn (Loại, Đối tượng, Khối, Lĩnh vực, Cấp, Trạng thái, Đơn vị); chữ hoa, "
        "chữ thường, có dấu hay không dấu đều được nhận.",
        "Không dùng công thức trong ô (hãy dán giá trị). Khi nhập, hệ thống kiểm tra toàn bộ tệp và báo mọi lỗi "
        "(dòng, cột, nội dung); chỉ ghi khi không còn lỗi nào. Nhập lại cùng một tệp không làm thay đổi gì.",
        "Chỉ nhập được cho các đơn vị trong phạm vi quản lý của bạn. Mô hình đã được công nhận không sửa bằng "
        "nhập Excel: hãy lập đính chính.",
    ]
    guide.append([lines[0]])
    guide["A1"].font = Font(bold=True, size=13)
    for line in lines[1:]:
        guide.append([line])
    guide.append([])
    guide.append(["Cột", "Bắt buộc", "Cách ghi"])
    for cell in guide[guide.max_row]:
        cell.font = bold
    for column in kind.columns:
        required, note = NOTES[column.field]
        guide.append([column.header, required, note])
        for cell in guide[guide.max_row]:
            cell.alignment = wrap
    return workbook


def get_kind_instance() -> PracticesKind:
    from danvan.core.xlsx import get_kind

    return get_kind(PracticesKind.name)


def template_units(user: Any) -> QuerySet:
    """Units offered in the template's list: those the user may import for, in tree order."""
    return Unit.objects.restrict(user, scoping.CHANGE).only("code", "name", "path").order_by("path")
