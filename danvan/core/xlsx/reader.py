"""Open a spreadsheet safely and find the list in it, however people laid it out.

Files come as units make them: a title block above the header, the header split over two merged
rows, an STT column, blank spacer rows, a total row at the bottom, several sheets of which one holds
the list. Whatever is wrong with the file itself becomes one `FileRejected` with a Vietnamese message.
"""

from __future__ import annotations

import contextlib
import io
import itertools
import operator
import os
import re
import zipfile
import zlib
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any

import openpyxl
from django.conf import settings
from python_calamine import CalamineWorkbook, SheetTypeEnum

from danvan.core.vn import clean_text, fold_key, format_number
from danvan.core.xlsx.spec import Column

Source = str | os.PathLike | bytes | IO[bytes]

HEADER_SCAN_ROWS = 30  # the header is looked for within the first rows of each sheet
TOTAL_ROW_LABELS = frozenset({"tong cong", "cong", "tong so", "tong"})
# An xlsx is compressed. Parts inflating far beyond the size limit in all, or one part compressed far more
# than XML ever is (a real sheet: 10-20 times; deflate's ceiling: about 1,000), are a zip bomb, not a list.
MAX_INFLATION = 30
MAX_RATIO = 250
RATIO_MIN_BYTES = 1024 * 1024  # small parts may compress oddly; only big ones are judged by their ratio
SCAN_CHUNK = 1024 * 1024  # bytes inflated at a time when the parts are checked

_ZIP_MAGIC = (b"PK\x03\x04", b"PK\x05\x06")
_OLE2_MAGIC = bytes.fromhex("D0CF11E0A1B11AE1")
_ENCRYPTED_MARKERS = ("EncryptedPackage".encode("utf-16-le"), b"EncryptedPackage")
_COLUMN_NUMBER = re.compile(r"\(?\s*(\d{1,2})\s*\)?")

MSG_EMPTY_FILE = "Tệp rỗng (0 byte)."
MSG_NOT_XLSX = "Tệp không phải bảng tính Excel (.xlsx); vui lòng chọn đúng tệp hoặc lưu lại dưới dạng .xlsx."
MSG_XLS = "Tệp .xls (Excel 97–2003) không được hỗ trợ; vui lòng lưu lại dưới dạng .xlsx."
MSG_ENCRYPTED = (
    "Tệp được bảo vệ bằng mật khẩu nên không đọc được; vui lòng mở tệp trong Excel, "
    "gỡ mật khẩu rồi lưu lại dưới dạng .xlsx."
)
MSG_CORRUPT = "Tệp .xlsx bị hỏng, không đọc được; vui lòng mở lại bằng Excel và lưu lại dưới dạng .xlsx."
MSG_XLSB = "Tệp .xlsb (bảng tính nhị phân) không được hỗ trợ; vui lòng lưu lại dưới dạng .xlsx."
MSG_ODS = "Tệp .ods (LibreOffice) không được hỗ trợ; vui lòng lưu lại dưới dạng .xlsx."
MSG_NO_WORKBOOK = "Tệp nén không chứa bảng tính Excel (có thể là tệp Word hoặc tệp khác đổi tên thành .xlsx)."
MSG_BOMB = "Nội dung tệp sau khi giải nén quá lớn; tệp có thể bị hỏng."


class FileRejected(Exception):
    """The file as a whole cannot be imported; `messages` say why, in Vietnamese."""

    def __init__(self, *messages: str) -> None:
        super().__init__(*messages)
        self.messages = list(messages)


# --- Opening -------------------------------------------------------------------------------------


def _file_size(size: int) -> str:
    if size < 1024 * 1024:
        return f"{format_number(size / 1024, 1)} KB"
    return f"{format_number(size / 1024 / 1024, 1)} MB"


def _source_size(stream: IO[bytes]) -> int:
    size = getattr(stream, "size", None)  # Django's UploadedFile knows it
    if isinstance(size, int):
        return size
    position = stream.tell()
    stream.seek(0, io.SEEK_END)
    size = stream.tell()
    stream.seek(position)
    return size


@contextlib.contextmanager
def _binary_stream(source: Source) -> Iterator[IO[bytes]]:
    if isinstance(source, bytes):
        yield io.BytesIO(source)
    elif isinstance(source, str | os.PathLike):
        try:
            stream = open(Path(source), "rb")  # noqa: SIM115 - closed below
        except FileNotFoundError:
            raise FileRejected(f"Không tìm thấy tệp '{source}'.") from None
        except OSError as exc:
            raise FileRejected(f"Không mở được tệp '{source}': {exc.strerror}.") from None
        with stream:
            yield stream
    else:
        source.seek(0)
        yield source


def check_container(stream: IO[bytes]) -> None:
    """Reject, before any parsing, what is too big, empty, not an xlsx, an old .xls or encrypted."""
    size = _source_size(stream)
    limit = settings.IMPORT_MAX_BYTES
    if size == 0:
        raise FileRejected(MSG_EMPTY_FILE)
    if size > limit:
        raise FileRejected(f"Tệp quá lớn ({_file_size(size)}); giới hạn là {_file_size(limit)}.")
    stream.seek(0)
    head = stream.read(8)
    stream.seek(0)
    if head.startswith(_OLE2_MAGIC):
        # Excel keeps a password-protected xlsx inside an OLE2 container, like an old .xls.
        content = stream.read(limit + 1)
        stream.seek(0)
        raise FileRejected(MSG_ENCRYPTED if any(m in content for m in _ENCRYPTED_MARKERS) else MSG_XLS)
    if not head.startswith(_ZIP_MAGIC):
        raise FileRejected(MSG_NOT_XLSX)
    try:
        with zipfile.ZipFile(stream) as archive:
            infos = archive.infolist()
    except (zipfile.BadZipFile, EOFError, ValueError):
        raise FileRejected(MSG_CORRUPT) from None
    finally:
        stream.seek(0)
    names = {info.filename for info in infos}
    if not any(name.endswith("workbook.xml") for name in names):
        if any(name.endswith("workbook.bin") for name in names):
            raise FileRejected(MSG_XLSB)
        if "content.xml" in names and "mimetype" in names:
            raise FileRejected(MSG_ODS)
        raise FileRejected(MSG_NO_WORKBOOK)
    if sum(info.file_size for info in infos) > MAX_INFLATION * limit:
        raise FileRejected(MSG_BOMB)
    for info in infos:
        if info.file_size > RATIO_MIN_BYTES and info.file_size > MAX_RATIO * max(info.compress_size, 1):
            raise FileRejected(MSG_BOMB)


class Formula(str):
    """A formula cell's text ("=SUM(A1:A3)"): refused by the engine, which wants values."""


class CellError(str):
    """An error value a cell shows ("#DIV/0!", "#N/A")."""


@dataclass
class Sheet:
    """One worksheet: its title and its rows as plain values (None for a blank cell), from row 1."""

    title: str
    rows: Callable[[], Iterator[list[Any]]]
    height: int | None = None  # number of the last row, when the reader knows it up front


@dataclass
class Book:
    sheets: list[Sheet]


# Formula and error cells are the only things calamine does not tell apart from values; a file that
# holds any is read by openpyxl instead (the rare case: lists are pasted as values).
_CELL_ELEMENT = re.compile(rb"<(?:([A-Za-z_][\w.-]*):)?c[\s>]")


def _needs_openpyxl(data: bytes) -> bool:
    """Whether a worksheet of the file holds a formula (<f>) or an error cell (t="e").

    Every part is inflated once, a chunk at a time (a 200,000-row sheet is 200 MB of XML): Python's
    zipfile stops at the size the zip directory declares and checks the CRC, so a part that lies
    about its size (a zip bomb past `check_container`) fails here, before calamine inflates it.
    """
    found = False
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            for info in archive.infolist():
                sheet = info.filename.startswith("xl/worksheets/") and info.filename.endswith(".xml")
                with archive.open(info) as part:
                    if sheet and not found:
                        found = _holds_formula(part)
                    while part.read(SCAN_CHUNK):
                        pass
    except (zipfile.BadZipFile, EOFError, ValueError, KeyError, OSError, zlib.error):
        raise FileRejected(MSG_CORRUPT) from None
    return found


def _holds_formula(part: IO[bytes]) -> bool:
    prefix: bytes | None = None
    tail = b""
    while chunk := part.read(SCAN_CHUNK):
        xml = tail + chunk
        if prefix is None:
            match = _CELL_ELEMENT.search(xml)
            if match is not None:
                prefix = (match.group(1) + b":") if match.group(1) else b""
        if prefix is not None and (b"<" + prefix + b"f>" in xml or b"<" + prefix + b"f " in xml or b't="e"' in xml):
            return True
        tail = xml[-64:]
    return False


def _calamine_rows(sheet: Any) -> Callable[[], Iterator[list[Any]]]:
    def rows() -> Iterator[list[Any]]:
        start = sheet.start
        if start is None:
            return
        # calamine yields every row from the first, but cells from the first used column only
        pad = [None] * start[1]
        for values in sheet.iter_rows():
            yield pad + values if pad else values

    return rows


def _calamine_book(data: bytes) -> Book:
    try:
        workbook = CalamineWorkbook.from_filelike(io.BytesIO(data))
        sheets = [
            Sheet(meta.name, _calamine_rows(sheet), sheet.end[0] + 1 if sheet.end else 0)
            for meta in workbook.sheets_metadata
            if meta.typ == SheetTypeEnum.WorkSheet
            for sheet in [workbook.get_sheet_by_name(meta.name)]
        ]
    except Exception:  # calamine raises its own errors on a broken file
        raise FileRejected(MSG_CORRUPT) from None
    return Book(sheets)


def _openpyxl_value(cell: Any) -> Any:
    kind = cell.data_type
    if kind == "f":
        return Formula(cell.value)
    if kind == "e":
        return CellError(cell.value)
    return cell.value


def _openpyxl_rows(sheet: Any) -> Callable[[], Iterator[list[Any]]]:
    def rows() -> Iterator[list[Any]]:
        # Dimensions written by some tools are wrong; without them openpyxl reads every row.
        sheet.reset_dimensions()
        for cells in sheet.iter_rows():
            yield [_openpyxl_value(cell) for cell in cells]

    return rows


@contextlib.contextmanager
def open_workbook(source: Source) -> Iterator[Book]:
    """The file's worksheets as rows of values; formulas and error cells are marked (Formula, CellError)."""
    with _binary_stream(source) as stream:
        check_container(stream)
        data = stream.read()
    if not _needs_openpyxl(data):
        yield _calamine_book(data)
        return
    try:
        workbook = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=False)
    except Exception:  # openpyxl raises anything from KeyError to XML errors on a broken file
        raise FileRejected(MSG_CORRUPT) from None
    try:
        sheets = [Sheet(s.title, _openpyxl_rows(s)) for s in workbook.worksheets if hasattr(s, "reset_dimensions")]
        yield Book(sheets)
    finally:
        workbook.close()


# --- Finding the list ----------------------------------------------------------------------------

Cells = Sequence[Any]  # the values of one row


@dataclass
class Table:
    """Where the list is: its sheet, header rows, and which cell index holds each column."""

    sheet: str
    header_rows: tuple[int, int]  # first and last Excel row of the header
    positions: dict[str, int]  # field -> 0-based cell index
    score: int
    empty: bool = False  # no sheet has anything in its first rows
    height: int | None = None  # the sheet's last row number, if known
    duplicates: list[tuple[Column, int, int]] = field(default_factory=list)
    _rows: Iterator[tuple[int, Cells]] = field(default_factory=lambda: iter(()), repr=False)

    @property
    def total(self) -> int | None:
        """Rows below the header (blank and total rows included): the progress bar's length."""
        return None if self.height is None else max(self.height - self.header_rows[1], 0)


def _texts(cells: Cells) -> list[str]:
    return [clean_text(value) if not _blank(value) else "" for value in cells]


def _match(candidates: list[list[str]], key_map: dict[str, Column]) -> tuple[dict[str, int], list]:
    """Map fields to cell indexes; each index tries its candidate header texts in order."""
    positions: dict[str, int] = {}
    duplicates: list[tuple[Column, int, int]] = []
    for index, texts in enumerate(candidates):
        for text in texts:
            column = key_map.get(fold_key(text)) if text else None
            if column is None:
                continue
            if column.field in positions:
                duplicates.append((column, positions[column.field], index))
            else:
                positions[column.field] = index
            break
    return positions, duplicates


def _two_row_candidates(upper: list[str], lower: list[str]) -> list[list[str]]:
    """Header texts for a header over two rows: a merged group title above its sub-headers.

    In a read-only sheet a merged title sits in its first cell only, so it is carried rightwards.
    Each column tries its lower text alone, then title + lower text, then its own upper text (a
    header merged down over both rows leaves the lower cell blank).
    """
    width = max(len(upper), len(lower))
    upper = upper + [""] * (width - len(upper))
    lower = lower + [""] * (width - len(lower))
    carried = list(itertools.accumulate(upper, lambda left, text: text or left))
    result = []
    for top, title, bottom in zip(upper, carried, lower, strict=True):
        texts = [bottom, f"{title} {bottom}"] if bottom else [top]
        result.append(texts)
    return result


def _best_header(head: list[tuple[int, Cells]], key_map: dict[str, Column]) -> Table | None:
    best: Table | None = None
    previous: list[str] | None = None
    for number, cells in head:
        texts = _texts(cells)
        options = [(number, _match([[t] for t in texts], key_map))]
        if previous is not None and any(previous):
            # A two-row header counts only when it matches more columns than either row alone.
            options.append((number - 1, _match(_two_row_candidates(previous, texts), key_map)))
        for first, (positions, duplicates) in options:
            if positions and (best is None or len(positions) > best.score):
                best = Table("", (first, number), positions, len(positions), duplicates=duplicates)
        previous = texts
    return best


def find_table(workbook: Book, columns: Sequence[Column]) -> Table:
    """The sheet and header row matching the most columns; its data rows follow in `data_rows`."""
    key_map = {key: column for column in columns for key in column.keys}
    best: Table | None = None
    empty = True
    for sheet in workbook.sheets:
        rows = _safe(enumerate(sheet.rows(), start=1))
        head = list(itertools.islice(rows, HEADER_SCAN_ROWS))
        empty = empty and all(_blank(value) for _, cells in head for value in cells)
        table = _best_header(head, key_map)
        if table is not None and (best is None or table.score > best.score):
            best = table
            best.sheet, best.height = sheet.title, sheet.height
            last = table.header_rows[1]
            best._rows = itertools.chain((item for item in head if item[0] > last), rows)
    if best is None:
        return Table("", (0, 0), {}, 0, empty=empty)
    return best


def _safe(rows: Iterator[tuple[int, Cells]]) -> Iterator[tuple[int, Cells]]:
    """Rows are parsed lazily: a broken sheet part fails mid-way, and must still be one clear message."""
    while True:
        try:
            item = next(rows)
        except StopIteration:
            return
        except Exception:
            raise FileRejected(MSG_CORRUPT) from None
        yield item


def _blank(value: Any) -> bool:
    return value is None or value == "" or (isinstance(value, str) and not value.strip())


def _is_total(cells: Cells) -> bool:
    first = next((value for value in cells if not _blank(value)), None)
    return isinstance(first, str) and fold_key(first) in TOTAL_ROW_LABELS


def _is_column_numbering(cells: Cells) -> bool:
    """The "(1) (2) (3)" row official forms put under the header."""
    numbers = []
    for value in cells:
        if _blank(value):
            continue
        match = _COLUMN_NUMBER.fullmatch(str(value))
        if match is None:
            return False
        numbers.append(int(match.group(1)))
    return len(numbers) >= 2 and numbers == sorted(set(numbers))


def data_rows(table: Table, fields: Sequence[str]) -> Iterator[tuple[int, list[Any]]]:
    """(Excel row number, the values of `fields` in order) for every row that holds data.

    Blank cells are None; a whole number is an int (as Excel shows it, whichever reader read it).
    Blank rows (every listed cell empty: a filled STT alone does not count), total rows and a
    column-numbering row right under the header are skipped.
    """
    indexes = [table.positions[f] for f in fields]
    last = max(indexes, default=-1)
    # One C call picks the cells of a full-width row (every row of a calamine sheet is full width).
    pick = operator.itemgetter(*indexes) if len(indexes) > 1 else lambda cells: tuple(cells[i] for i in indexes)
    first_data = table.header_rows[1] + 1
    for number, cells in table._rows:
        if len(cells) > last:  # _plain inlined: this runs for every cell of the file
            picked = [
                None if value == "" else int(value) if value.__class__ is float and value.is_integer() else value
                for value in pick(cells)
            ]
        else:
            width = len(cells)
            picked = [_plain(cells[i]) if i < width else None for i in indexes]
        if all(value is None or _blank(value) for value in picked):
            continue
        if _is_total(cells) or (number == first_data and _is_column_numbering(cells)):
            continue
        yield number, picked


def _plain(value: Any) -> Any:
    if value == "":
        return None
    if value.__class__ is float and value.is_integer():
        return int(value)
    return value
