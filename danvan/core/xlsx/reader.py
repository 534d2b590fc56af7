"""Open a spreadsheet safely and find the list in it, however people laid it out.

Files come as units make them: a title block above the header, the header split over two merged
rows, an STT column, blank spacer rows, a total row at the bottom, several sheets of which one holds
the list. Whatever is wrong with the file itself becomes one `FileRejected` with a Vietnamese message.
"""

from __future__ import annotations

import contextlib
import io
import itertools
import os
import re
import zipfile
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any

import openpyxl
from django.conf import settings
from openpyxl.workbook import Workbook

from danvan.core.vn import clean_text, fold_key, format_number
from danvan.core.xlsx.spec import Column

Source = str | os.PathLike | bytes | IO[bytes]

HEADER_SCAN_ROWS = 30  # the header is looked for within the first rows of each sheet
TOTAL_ROW_LABELS = frozenset({"tong cong", "cong", "tong so", "tong"})
# An xlsx is compressed; a part inflating far beyond the size limit is a zip bomb, not a list.
MAX_INFLATION = 30

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


@contextlib.contextmanager
def open_workbook(source: Source) -> Iterator[Workbook]:
    """A read-only workbook with formulas kept as formulas (so they can be refused), closed after use."""
    with _binary_stream(source) as stream:
        check_container(stream)
        try:
            workbook = openpyxl.load_workbook(stream, read_only=True, data_only=False)
        except Exception:  # openpyxl raises anything from KeyError to XML errors on a broken file
            raise FileRejected(MSG_CORRUPT) from None
        try:
            yield workbook
        finally:
            workbook.close()


# --- Finding the list ----------------------------------------------------------------------------

Cells = Sequence[Any]  # openpyxl read-only cells of one row


@dataclass
class Table:
    """Where the list is: its sheet, header rows, and which cell index holds each column."""

    sheet: str
    header_rows: tuple[int, int]  # first and last Excel row of the header
    positions: dict[str, int]  # field -> 0-based cell index
    score: int
    empty: bool = False  # no sheet has anything in its first rows
    duplicates: list[tuple[Column, int, int]] = field(default_factory=list)
    _rows: Iterator[tuple[int, Cells]] = field(default_factory=lambda: iter(()), repr=False)


def _texts(cells: Cells) -> list[str]:
    return [clean_text(cell.value) if cell.value is not None else "" for cell in cells]


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


def find_table(workbook: Workbook, columns: Sequence[Column]) -> Table:
    """The sheet and header row matching the most columns; its data rows follow in `data_rows`."""
    key_map = {key: column for column in columns for key in column.keys}
    best: Table | None = None
    empty = True
    for sheet in workbook.worksheets:
        if not hasattr(sheet, "reset_dimensions"):
            continue  # a chart sheet
        # Dimensions written by some tools are wrong; without them openpyxl reads every row.
        sheet.reset_dimensions()
        rows = _safe(enumerate(sheet.iter_rows(), start=1))
        head = list(itertools.islice(rows, HEADER_SCAN_ROWS))
        empty = empty and all(_blank(cell.value) for _, cells in head for cell in cells)
        table = _best_header(head, key_map)
        if table is not None and (best is None or table.score > best.score):
            best = table
            best.sheet = sheet.title
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
    return value is None or (isinstance(value, str) and not value.strip())


def _is_total(cells: Cells) -> bool:
    first = next((cell.value for cell in cells if not _blank(cell.value)), None)
    return isinstance(first, str) and fold_key(first) in TOTAL_ROW_LABELS


def _is_column_numbering(cells: Cells) -> bool:
    """The "(1) (2) (3)" row official forms put under the header."""
    numbers = []
    for cell in cells:
        if _blank(cell.value):
            continue
        match = _COLUMN_NUMBER.fullmatch(str(cell.value))
        if match is None:
            return False
        numbers.append(int(match.group(1)))
    return len(numbers) >= 2 and numbers == sorted(set(numbers))


def data_rows(table: Table, fields: Sequence[str]) -> Iterator[tuple[int, list[Any]]]:
    """(Excel row number, the cells of `fields` in order) for every row that holds data.

    Blank rows (every listed cell empty: a filled STT alone does not count), total rows and a
    column-numbering row right under the header are skipped.
    """
    indexes = [table.positions[f] for f in fields]
    first_data = table.header_rows[1] + 1
    for number, cells in table._rows:
        width = len(cells)
        picked = [cells[i] if i < width else None for i in indexes]
        if all(cell is None or _blank(cell.value) for cell in picked):
            continue
        if _is_total(cells) or (number == first_data and _is_column_numbering(cells)):
            continue
        yield number, picked
