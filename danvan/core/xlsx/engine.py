"""The one import/export engine: read, parse every row, plan, check scope, then write all or nothing.

Every error is collected (row, column, message in Vietnamese) before anything is written; the
writes happen in one transaction with bulk operations, under the importing user as the actor.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import gc
from collections.abc import Iterator, Sequence
from typing import Any, Protocol

from django.db import IntegrityError, transaction
from openpyxl.utils import get_column_letter
from openpyxl.workbook import Workbook

from danvan.core import scoping
from danvan.core.actor import acting_as
from danvan.core.vn import clean_text
from danvan.core.xlsx import reader, registry, writer
from danvan.core.xlsx.result import Action, ImportResult, Row, RowError
from danvan.core.xlsx.spec import Column, Context, ImportKind

MSG_FORMULA = "Ô chứa công thức; vui lòng dán giá trị"
MSG_REQUIRED = "Chưa nhập (bắt buộc)"
MSG_NO_ROWS = "Tệp không có dòng dữ liệu nào dưới dòng tiêu đề."
MSG_EMPTY_WORKBOOK = "Tệp không có dữ liệu (các trang tính đều trống)."
MSG_NO_HEADER = (
    f"Không tìm thấy dòng tiêu đề trong {reader.HEADER_SCAN_ROWS} dòng đầu của các trang tính; "
    "dòng tiêu đề cần có các cột dưới đây."
)
MSG_OUT_OF_SCOPE = "Đơn vị '{}' ngoài phạm vi quản lý của bạn"
MSG_SYSTEM_ONLY = "Chỉ quản trị toàn hệ thống mới được thêm hoặc sửa '{}'"
MSG_CONFLICT = (
    "Dữ liệu trong hệ thống vừa bị thay đổi trong lúc nhập nên không ghi được; "
    "không có dữ liệu nào được ghi, vui lòng nhập lại."
)


def resolve(kind: str | ImportKind) -> ImportKind:
    return registry.get_kind(kind) if isinstance(kind, str) else kind


PHASE_READ = "Đọc và kiểm tra từng dòng"
PHASE_PLAN = "Đối chiếu với dữ liệu trong hệ thống"
PHASE_WRITE = "Ghi dữ liệu"
PROGRESS_ROWS = 1000  # rows between two progress reports while reading


class Progress(Protocol):
    """Where a long import reports how far it got (a background job's progress bar)."""

    def step(self, phase: str, total: int | None = None, done: int = 0) -> None: ...

    def __call__(self, done: int, total: int | None = None) -> None: ...


class _Silent:
    def step(self, phase: str, total: int | None = None, done: int = 0) -> None:
        pass

    def __call__(self, done: int, total: int | None = None) -> None:
        pass


def run_import(
    kind: str | ImportKind,
    source: reader.Source,
    user: Any = None,
    dry_run: bool = False,
    progress: Progress | None = None,
) -> ImportResult:
    """Import a spreadsheet; user=None is the system (no scope limit). Writes only if there is no error."""
    with gc_paused():
        return _run_import(kind, source, user, dry_run, progress or _Silent())


@contextlib.contextmanager
def gc_paused() -> Iterator[None]:
    """No cyclic garbage collection while an import builds its objects.

    An import allocates millions of small objects that hold no reference cycles; the collector would
    rescan them again and again (~15% of the time). A caller that drops the result inside the block
    (a background job keeps only its report) spares the collector's passes over them afterwards too:
    reference counting frees them.
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def _run_import(
    kind: str | ImportKind, source: reader.Source, user: Any, dry_run: bool, progress: Progress
) -> ImportResult:
    spec = resolve(kind)
    result = ImportResult(kind=spec.name, label=spec.label, dry_run=dry_run)
    try:
        with reader.open_workbook(source) as workbook:
            table = reader.find_table(workbook, spec.columns)
            result.sheet, result.header_row = table.sheet or None, table.header_rows[1] or None
            result.file_errors = _header_errors(spec, table)
            if result.file_errors:
                return result
            progress.step(PHASE_READ, table.total)
            result.rows = _parse_rows(spec, table, progress)
    except reader.FileRejected as exc:
        result.rows = []
        result.file_errors = [RowError(None, None, message) for message in exc.messages]
        return result
    if not result.rows:
        result.file_errors.append(RowError(None, None, MSG_NO_ROWS))
        return result

    progress.step(PHASE_PLAN, len(result.rows), 0)
    ctx = Context(user=user)
    _check_unique(spec, result.rows)
    spec.plan(result.rows, ctx)
    if user is not None:
        _check_scope(spec, result.rows, ctx)
    counts = spec.counts(result.rows)
    result.created, result.updated = counts[Action.CREATE], counts[Action.UPDATE]
    result.unchanged = counts[Action.UNCHANGED]
    if result.ok and not dry_run and (result.created or result.updated):
        progress.step(PHASE_WRITE, result.created + result.updated, 0)
        try:
            with transaction.atomic(), acting_as(user, source="import"):
                spec.write(result.rows, ctx)
        except IntegrityError:
            result.file_errors.append(RowError(None, None, MSG_CONFLICT))
            return result
        result.written = True
    return result


def _header_errors(spec: ImportKind, table: reader.Table) -> list[RowError]:
    if table.empty:
        return [RowError(None, None, MSG_EMPTY_WORKBOOK)]
    errors = [] if table.positions else [RowError(None, None, MSG_NO_HEADER)]
    where = f" (dòng {table.header_rows[1]}, trang '{table.sheet}')" if table.positions else ""
    for column in spec.columns:
        if column.must_exist and column.field not in table.positions:
            errors.append(RowError(None, column.header, f"Thiếu cột bắt buộc này trong dòng tiêu đề{where}"))
    for column, first, again in table.duplicates:
        letters = f"{get_column_letter(first + 1)} và {get_column_letter(again + 1)}"
        errors.append(RowError(None, column.header, f"Cột xuất hiện hai lần trong dòng tiêu đề (cột {letters})"))
    return errors


def _parse_rows(spec: ImportKind, table: reader.Table, progress: Progress) -> list[Row]:
    """Every data row with its cells, parsed values and errors (in column order within a row).

    The cells are parsed a column at a time, each distinct value of a pure parser's column once (a
    column of 100,000 rows repeats a few hundred values), and each row's values taken in one step.
    """
    columns = [column for column in spec.columns if column.field in table.positions]
    fields = [column.field for column in columns]
    headers = spec.headers
    rows: list[Row] = []
    cells_by_row: list[list[Any]] = []
    for number, cells in reader.data_rows(table, fields):
        if len(rows) % PROGRESS_ROWS == 0:
            progress(len(rows))
        rows.append(Row(number, headers, dict(zip(fields, cells, strict=True))))
        cells_by_row.append(cells)
    if not rows:
        return rows
    by_column = zip(columns, zip(*cells_by_row, strict=True), strict=True)
    parsed = [_parse_column(column, cells, rows) for column, cells in by_column]
    for row, values in zip(rows, zip(*parsed, strict=True), strict=True):
        row.values = dict(zip(fields, values, strict=True))
        if row.errors:  # a cell in error has no value
            row.values = {field: value for field, value in row.values.items() if value is not _NO_VALUE}
    return rows


_NO_VALUE: Any = object()
# Cell values that are their own parse key; others are keyed with their type (True == 1, and a
# formula's text equals the same plain text).
_PLAIN_KEYS = frozenset({str, int, float, type(None), dt.date, dt.datetime})


def _parse_column(column: Column, cells: Sequence[Any], rows: list[Row]) -> list[Any]:
    """The column's parsed values, row by row (_NO_VALUE where the cell is in error); errors go to the rows."""
    parse = column.parser.bind()

    def outcome(value: Any) -> tuple[Any, str | None, bool]:
        """(value, error message, whether the cell is blank text)."""
        blank_text = value.__class__ is str and not clean_text(value)  # spaces, NBSPs, invisibles only
        if value is None or blank_text:
            if column.required:
                return _NO_VALUE, MSG_REQUIRED, blank_text
            return column.parser.empty, None, blank_text
        if isinstance(value, reader.Formula):
            return _NO_VALUE, MSG_FORMULA, False
        if isinstance(value, reader.CellError):
            return _NO_VALUE, f"Ô đang báo lỗi {value}; vui lòng nhập giá trị", False
        try:
            return parse(value), None, False
        except ValueError as exc:
            return _NO_VALUE, str(exc), False

    if column.parser.pure:
        keys = [value if value.__class__ in _PLAIN_KEYS else (value.__class__, value) for value in cells]
        outcomes = {key: outcome(value) for key, value in dict(zip(keys, cells, strict=True)).items()}
        results = list(map(outcomes.__getitem__, keys))
        special = any(message is not None or blank for _, message, blank in outcomes.values())
    else:
        results = [outcome(value) for value in cells]
        special = True
    if special:
        field = column.field
        for row, (_, message, blank) in zip(rows, results, strict=True):
            if blank:
                row.cells[field] = None
            if message is not None:
                row.error(field, message)
    return [value for value, _, _ in results]


def _check_unique(spec: ImportKind, rows: list[Row]) -> None:
    for column in spec.columns:
        if not column.unique:
            continue
        first: dict[Any, int] = {}
        for row in rows:
            value = row.values.get(column.field)
            if value is None or value == "":
                continue
            if value in first:
                row.error(column.field, f"'{value}' bị trùng với dòng {first[value]}")
            else:
                first[value] = row.number


def _check_scope(spec: ImportKind, rows: list[Row], ctx: Context) -> None:
    allowed: dict[str | None, bool] = {}  # unit path -> may the user change it (asked once per path)
    for row in rows:
        if not row.ok or row.action not in (Action.CREATE, Action.UPDATE):
            continue
        refused: set[str] = set()
        for field, label, path in spec.touched(row, ctx):
            if path not in allowed:
                allowed[path] = scoping.covers(ctx.user, path, scoping.CHANGE)
            if label not in refused and not allowed[path]:
                refused.add(label)
                row.error(field, MSG_OUT_OF_SCOPE.format(label) if path else MSG_SYSTEM_ONLY.format(label))


# --- Export --------------------------------------------------------------------------------------


def export(kind: str | ImportKind, filters: dict[str, Any] | None = None, user: Any = None) -> Workbook:
    """The kind's records (only those the user may see, when a user is given) under the import columns."""
    spec = resolve(kind)
    queryset = spec.export_queryset(user, filters or {})
    return writer.build_workbook(spec.columns, spec.export_rows(queryset), spec.sheet_title)


def export_bytes(kind: str | ImportKind, filters: dict[str, Any] | None = None, user: Any = None) -> bytes:
    return writer.workbook_bytes(export(kind, filters, user))
