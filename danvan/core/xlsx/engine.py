"""The one import/export engine: read, parse every row, plan, check scope, then write all or nothing.

Every error is collected (row, column, message in Vietnamese) before anything is written; the
writes happen in one transaction with bulk operations, under the importing user as the actor.
"""

from __future__ import annotations

import contextlib
import ctypes
import datetime as dt
import gc
import itertools
from collections import Counter
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
KEEP_ROWS = 1000  # rows a chunked import keeps whole (for the preview); of the rest only errors and counts


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
    if spec.chunk_rows:
        return _run_chunked(spec, source, user, dry_run, progress)
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
        _write_rows(spec, result, ctx, progress)
    return result


def _write_rows(spec: ImportKind, result: ImportResult, ctx: Context, progress: Progress) -> None:
    progress.step(PHASE_WRITE, result.created + result.updated, 0)
    try:
        with transaction.atomic(), acting_as(ctx.user, source="import"):
            spec.write(result.rows, ctx)
    except IntegrityError:
        result.file_errors.append(RowError(None, None, MSG_CONFLICT))
        return
    result.written = True


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
    return list(_parse(spec, table, progress))


def _parse(spec: ImportKind, table: reader.Table, progress: Progress) -> Iterator[Row]:
    """Every data row with its cells, parsed values and errors (in column order within a row).

    The cells are parsed a column at a time, PARSE_ROWS rows at once: each distinct value of a pure
    parser's column once (a column repeats a few hundred values), each row's values taken in one step.
    """
    columns = [column for column in spec.columns if column.field in table.positions]
    fields = [column.field for column in columns]
    parsers = [column.parser.bind() for column in columns]
    headers = spec.headers
    data = reader.data_rows(table, fields)
    count = 0
    while batch := list(itertools.islice(data, PARSE_ROWS)):
        rows = []
        for number, cells in batch:
            if count % PROGRESS_ROWS == 0:
                progress(count)
            count += 1
            rows.append(Row(number, headers, dict(zip(fields, cells, strict=True))))
        by_column = zip(columns, parsers, zip(*(cells for _, cells in batch), strict=True), strict=True)
        parsed = [_parse_column(column, parse, cells, rows) for column, parse, cells in by_column]
        for row, values in zip(rows, zip(*parsed, strict=True), strict=True):
            row.values = dict(zip(fields, values, strict=True))
            if row.errors:  # a cell in error has no value
                row.values = {field: value for field, value in row.values.items() if value is not _NO_VALUE}
        del batch
        yield from rows


PARSE_ROWS = 5000
_NO_VALUE: Any = object()
# Cell values that are their own parse key; others are keyed with their type (True == 1, and a
# formula's text equals the same plain text).
_PLAIN_KEYS = frozenset({str, int, float, type(None), dt.date, dt.datetime})


def _parse_column(column: Column, parse: Any, cells: Sequence[Any], rows: list[Row]) -> list[Any]:
    """The column's parsed values, row by row (_NO_VALUE where the cell is in error); errors go to the rows."""

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


# --- Chunked kinds: check the whole file keeping only errors, then write it chunk by chunk ------


def _libc_malloc_trim():
    try:
        return ctypes.CDLL("libc.so.6").malloc_trim
    except (OSError, AttributeError):  # not glibc
        return None


_malloc_trim = _libc_malloc_trim()


def release_memory() -> None:
    """Between chunks: free what the rows left behind and give it back to the system.

    The import runs with the cyclic collector off (run_import), so what a chunk leaves in reference
    cycles is freed only here (~100 MB over 200,000 rows otherwise); glibc keeps freed memory for
    reuse, and the calamine sheet freed after the check pass would count as resident during the write
    pass unless trimmed (~90 MB).
    """
    gc.collect(0)  # the collector is off: everything since the last chunk is still in the youngest generation
    if _malloc_trim is not None:
        _malloc_trim(0)


class _Changed(Exception):
    """The write pass found what the check pass did not (the data changed meanwhile): roll back."""


def _chunks(spec: ImportKind, workbook: reader.Book, result: ImportResult, progress: Progress, phase: str):
    """The sheet's parsed rows, `spec.chunk_rows` at a time; a bad header or sheet leaves `file_errors`.

    Called once per pass on the same open workbook: opening it again would cost calamine's load twice
    (a 200,000-row sheet takes ~230 MB loaded and ~320 MB while loading).
    """
    try:
        table = reader.find_table(workbook, spec.columns)
        result.sheet, result.header_row = table.sheet or None, table.header_rows[1] or None
        result.file_errors = _header_errors(spec, table)
        if result.file_errors:
            return
        progress.step(phase, table.total)
        rows = _parse(spec, table, progress)
        while chunk := list(itertools.islice(rows, spec.chunk_rows)):
            yield chunk
            del chunk
            release_memory()
    except reader.FileRejected as exc:  # a sheet broken part-way: the file's one error, as in the whole-file path
        result.file_errors = [RowError(None, None, message) for message in exc.messages]
        result.rows, result.dropped, result.dropped_errors, result.dropped_warnings = [], 0, [], []
        result.dropped_error_count = 0


def _started(chunks: Iterator[list[Row]]) -> Iterator[list[Row]]:
    """`chunks` with its first chunk already read: called before the write transaction opens, so
    that the step it reports ("Ghi dữ liệu", rows in all) reaches the page polling the job, which
    sees nothing written inside the transaction until it commits."""
    first = next(chunks, None)
    return itertools.chain([first], chunks) if first is not None else iter(())


def _check_chunk(spec: ImportKind, rows: list[Row], ctx: Context, firsts: dict) -> None:
    _check_unique(spec, rows, firsts)
    spec.plan(rows, ctx)
    if ctx.user is not None:
        _check_scope(spec, rows, ctx)


def _run_chunked(spec: ImportKind, source: reader.Source, user: Any, dry_run: bool, progress: Progress) -> ImportResult:
    """The same result as the whole-file path, holding one chunk of rows at a time (and every error).

    An import to write tries one pass first (`_write_as_checked`); when that finds anything wrong it
    leaves nothing behind, and the two passes below give the whole list of errors.
    """
    result = ImportResult(kind=spec.name, label=spec.label, dry_run=dry_run)
    try:
        with reader.open_workbook(source) as workbook:
            if not dry_run and _write_as_checked(spec, workbook, result, user, progress):
                return result
            result = ImportResult(kind=spec.name, label=spec.label, dry_run=dry_run)
            _check_and_write(spec, workbook, result, user, dry_run, progress)
    except reader.FileRejected as exc:
        result.file_errors = [RowError(None, None, message) for message in exc.messages]
    return result


def _write_as_checked(
    spec: ImportKind, workbook: reader.Book, result: ImportResult, user: Any, progress: Progress
) -> bool:
    """The usual confirmed import (its preview found no error) in one pass: each chunk is checked
    against what the chunks before it wrote, as the write pass of `_check_and_write` checks it, and
    written at once, all in one transaction. The first row in error, a file error or a conflict
    (such as a code the file brings that a chunk before it was given) rolls everything back: False.
    """
    ctx, firsts, counts, chunks, first = Context(user=user), {}, Counter(), 0, []
    try:
        parsed = _started(_chunks(spec, workbook, result, progress, PHASE_WRITE))
        with transaction.atomic(), acting_as(user, source="import"):
            for chunk in parsed:
                _check_chunk(spec, chunk, ctx, firsts)
                if not all(row.ok for row in chunk):
                    raise _Changed
                counts.update(spec.counts(chunk))
                spec.write(chunk, ctx)
                result.keep(chunk, KEEP_ROWS)
                chunks += 1
                first = chunk if chunks == 1 else []
            if result.file_errors or not result.row_count:
                raise _Changed
    except (IntegrityError, _Changed):
        return False
    if chunks == 1:  # every row kept, as the two passes keep a file within one chunk
        result.rows, result.dropped, result.dropped_errors, result.dropped_warnings = first, 0, [], []
        result.dropped_error_count = 0
    result.created, result.updated = counts[Action.CREATE], counts[Action.UPDATE]
    result.unchanged = counts[Action.UNCHANGED]
    result.written = bool(result.created or result.updated)
    return True


def _check_and_write(
    spec: ImportKind, workbook: reader.Book, result: ImportResult, user: Any, dry_run: bool, progress: Progress
) -> None:
    ctx, firsts, counts = Context(user=user), {}, Counter()
    chunks, last = 0, []
    for chunk in _chunks(spec, workbook, result, progress, PHASE_READ):
        _check_chunk(spec, chunk, ctx, firsts)
        counts.update(spec.counts(chunk))
        result.keep(chunk, KEEP_ROWS)
        chunks += 1
        last = chunk if chunks == 1 else []  # needed only when it is the only one
    if chunks == 1:  # a file within one chunk: every row kept, written from them as the whole-file path does
        result.rows, result.dropped, result.dropped_errors, result.dropped_warnings = last, 0, [], []
        result.dropped_error_count = 0
    if result.file_errors:
        return
    if not result.row_count:
        result.file_errors.append(RowError(None, None, MSG_NO_ROWS))
        return
    result.created, result.updated = counts[Action.CREATE], counts[Action.UPDATE]
    result.unchanged = counts[Action.UNCHANGED]
    if result.ok and not dry_run and (result.created or result.updated):
        if chunks == 1:
            _write_rows(spec, result, ctx, progress)
        else:
            _write_chunked(spec, workbook, result, ctx, progress)


def _write_chunked(
    spec: ImportKind, workbook: reader.Book, result: ImportResult, checked: Context, progress: Progress
) -> None:
    """Read the sheet again and write it chunk by chunk, all in one transaction (all or nothing)."""
    written = ImportResult(kind=spec.name, label=spec.label)
    ctx, firsts, counts = Context(user=checked.user), {}, Counter()
    try:
        parsed = _started(_chunks(spec, workbook, written, progress, PHASE_WRITE))
        with transaction.atomic(), acting_as(checked.user, source="import"):
            spec.start_write(checked, ctx)
            checked.data.clear()  # the check pass's lookups: the write pass makes its own
            for chunk in parsed:
                _check_chunk(spec, chunk, ctx, firsts)
                if not all(row.ok for row in chunk):
                    raise _Changed
                counts.update(spec.counts(chunk))
                spec.write(chunk, ctx)
                written.keep(chunk, KEEP_ROWS)
            if written.file_errors:
                raise _Changed
    except (IntegrityError, _Changed):
        result.file_errors.append(RowError(None, None, MSG_CONFLICT))
        return
    result.rows = written.rows  # the kept rows, now with their written records
    result.created, result.updated = counts[Action.CREATE], counts[Action.UPDATE]
    result.unchanged = counts[Action.UNCHANGED]
    result.written = True


def _check_unique(spec: ImportKind, rows: list[Row], firsts: dict[str, dict[Any, int]] | None = None) -> None:
    """No two rows with the same value in a unique column; `firsts` carries the values seen across chunks."""
    firsts = {} if firsts is None else firsts
    for column in spec.columns:
        if not column.unique:
            continue
        first = firsts.setdefault(column.field, {})
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
