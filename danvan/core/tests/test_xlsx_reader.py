"""The xlsx reader: refusing what is not a usable xlsx, finding the list in messy sheets, parsing cells."""

import datetime as dt
import io
import zipfile

import openpyxl
import pytest

from danvan.core.xlsx import parsers, reader, run_import
from danvan.core.xlsx.spec import Column

COLUMNS = (
    Column("Mã đơn vị", "code", required=True),
    Column("Tên đơn vị", "name", required=True),
    Column("Hiệu lực từ", "valid_from", parsers.Date(), aliases=("Từ ngày",)),
    Column("Hiệu lực đến", "valid_until", parsers.Date(), aliases=("Đến ngày",)),
)
FIELDS = [c.field for c in COLUMNS]


def xlsx_bytes(*sheets: tuple[str, list[list]], merges: tuple[str, ...] = ()) -> bytes:
    """A workbook whose sheets hold these rows; merges apply to the last sheet."""
    workbook = openpyxl.Workbook()
    workbook.remove(workbook.active)
    for title, rows in sheets:
        sheet = workbook.create_sheet(title)
        for row in rows:
            sheet.append(row)
    for cells in merges:
        sheet.merge_cells(cells)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def read(data: bytes) -> tuple[reader.Table, list[tuple[int, list]]]:
    with reader.open_workbook(data) as workbook:
        table = reader.find_table(workbook, COLUMNS)
        fields = [f for f in FIELDS if f in table.positions]
        rows = list(reader.data_rows(table, fields))
    return table, rows


def rejected(data: bytes) -> str:
    with pytest.raises(reader.FileRejected) as info, reader.open_workbook(data):
        pass
    return info.value.messages[0]


TITLE_BLOCK = [
    ["ĐẢNG BỘ TỈNH TÂY NINH"],
    ["BAN TUYÊN GIÁO VÀ DÂN VẬN"],
    ["DANH SÁCH ĐƠN VỊ NĂM 2025"],
    ["(Kèm theo Công văn số 12-CV/BTGDV ngày 13/5/2025)"],
    [],
]


# --- Finding the list ----------------------------------------------------------------------------


def test_it_finds_the_header_under_a_title_block_on_the_second_sheet():
    guide = ("Hướng dẫn", [["Ghi chú: mã đơn vị theo danh mục"], ["Tên đơn vị", "ghi đầy đủ"]])
    data = [
        *TITLE_BLOCK,
        ["STT", "MÃ ĐƠN VỊ", "TEN DON VI", "Hieu luc tu"],
        [1, "X1", "Xã Một", "13/5/2016"],
        [],
        [2, "X2", "Xã Hai", None],
        ["Tổng cộng", None, "2 đơn vị"],
    ]
    table, rows = read(xlsx_bytes(guide, ("Danh sách", data)))
    assert table.sheet == "Danh sách"
    assert table.header_rows == (6, 6)
    assert set(table.positions) == {"code", "name", "valid_from"}
    assert rows == [(7, ["X1", "Xã Một", "13/5/2016"]), (9, ["X2", "Xã Hai", None])]


def test_it_reads_a_header_split_over_two_merged_rows():
    data = [
        *TITLE_BLOCK,
        ["STT", "Mã đơn vị", "Tên đơn vị", "Thời gian hiệu lực", None],
        [None, None, None, "Từ ngày", "Đến ngày"],
        ["(1)", "(2)", "(3)", "(4)", "(5)"],
        [1, "X1", "Xã Một", dt.datetime(2016, 5, 13), None],
    ]
    table, rows = read(xlsx_bytes(("DS", data), merges=("A6:A7", "B6:B7", "C6:C7", "D6:E6")))
    assert table.header_rows == (6, 7)
    assert table.positions == {"code": 1, "name": 2, "valid_from": 3, "valid_until": 4}
    assert rows == [(9, ["X1", "Xã Một", dt.date(2016, 5, 13), None])]


def test_a_group_title_combines_with_its_sub_headers():
    data = [["Mã đơn vị", "Tên đơn vị", "Hiệu lực", None], [None, None, "Từ", "Đến"], ["X1", "Xã Một", None, None]]
    table, _ = read(xlsx_bytes(("DS", data)))
    assert table.positions == {"code": 0, "name": 1, "valid_from": 2, "valid_until": 3}


def test_a_header_row_alone_wins_over_a_two_row_reading():
    table, rows = read(xlsx_bytes(("DS", [["Mã đơn vị", "Tên đơn vị"], ["X1", "Xã Một"]])))
    assert table.header_rows == (1, 1)
    assert rows == [(2, ["X1", "Xã Một"])]


def test_it_reports_a_column_that_appears_twice():
    table, _ = read(xlsx_bytes(("DS", [["Mã đơn vị", "Tên đơn vị", "MÃ ĐƠN VỊ"], ["X1", "Xã", "X1"]])))
    assert [(c.field, first, again) for c, first, again in table.duplicates] == [("code", 0, 2)]


def test_an_sheet_without_any_header_gives_an_empty_table():
    table, _ = read(xlsx_bytes(("DS", [["Một", "Hai"], [1, 2]])))
    assert table.positions == {}
    assert not table.empty


def test_a_workbook_with_nothing_in_it_is_empty():
    table, _ = read(xlsx_bytes(("Sheet1", [])))
    assert table.empty


def test_a_numbers_row_is_kept_when_it_is_not_right_under_the_header():
    _, rows = read(xlsx_bytes(("DS", [["Mã đơn vị", "Tên đơn vị"], ["X1", "Xã"], ["1", "2"]])))
    assert [n for n, _ in rows] == [2, 3]


# --- Refusing files ------------------------------------------------------------------------------


def test_an_empty_file_is_refused():
    assert rejected(b"") == reader.MSG_EMPTY_FILE


def test_a_file_over_the_size_limit_is_refused_before_parsing(settings):
    settings.IMPORT_MAX_BYTES = 1024
    assert rejected(b"PK\x03\x04" + b"x" * 2048) == "Tệp quá lớn (2,0 KB); giới hạn là 1,0 KB."
    settings.IMPORT_MAX_BYTES = 20 * 1024 * 1024
    assert rejected(bytes(50 * 1024 * 1024)) == "Tệp quá lớn (50,0 MB); giới hạn là 20,0 MB."


def test_a_text_file_is_not_an_xlsx():
    assert rejected("Mã đơn vị;Tên đơn vị\nX1;Xã".encode()) == reader.MSG_NOT_XLSX


def test_an_old_xls_file_is_explained():
    assert rejected(bytes.fromhex("D0CF11E0A1B11AE1") + b"\0" * 600) == reader.MSG_XLS


def test_a_password_protected_xlsx_is_explained():
    ole = bytes.fromhex("D0CF11E0A1B11AE1") + b"\0" * 500 + "EncryptedPackage".encode("utf-16-le") + b"\0" * 100
    assert rejected(ole) == reader.MSG_ENCRYPTED


def test_a_corrupt_zip_is_explained():
    assert rejected(b"PK\x03\x04" + b"\x00garbage" * 50) == reader.MSG_CORRUPT


def test_a_truncated_xlsx_is_explained():
    data = xlsx_bytes(("DS", [["Mã đơn vị", "Tên đơn vị"], *[[f"X{i}", "Xã"] for i in range(100)]]))
    assert rejected(data[: len(data) // 2]) == reader.MSG_CORRUPT


def test_a_word_document_renamed_to_xlsx_is_explained():
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", "<w:document/>")
    assert rejected(buffer.getvalue()) == reader.MSG_NO_WORKBOOK


def test_an_ods_file_is_explained():
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("mimetype", "application/vnd.oasis.opendocument.spreadsheet")
        archive.writestr("content.xml", "<office:document-content/>")
    assert rejected(buffer.getvalue()) == reader.MSG_ODS


def _with_parts(data: bytes, parts: dict[str, bytes]) -> bytes:
    """The workbook with these parts added (deflated), as a renamed zip bomb would carry them."""
    buffer = io.BytesIO(data)
    with zipfile.ZipFile(buffer, "a", compression=zipfile.ZIP_DEFLATED) as archive:
        for name, content in parts.items():
            archive.writestr(name, content)
    return buffer.getvalue()


def _declare_size(data: bytes, name: str, size: int) -> bytes:
    """The zip with the uncompressed size of one part rewritten in its local header and the directory."""
    import struct

    data = bytearray(data)
    encoded = name.encode()
    for signature, size_at, name_length_at, name_at in ((b"PK\x03\x04", 22, 26, 30), (b"PK\x01\x02", 24, 28, 46)):
        start = 0
        while (start := data.find(signature, start)) != -1:
            length = struct.unpack_from("<H", data, start + name_length_at)[0]
            if bytes(data[start + name_at : start + name_at + length]) == encoded:
                struct.pack_into("<I", data, start + size_at, size)
            start += 4
    return bytes(data)


def _never(*args, **kwargs):
    raise AssertionError("the file was unpacked")


BOMB_SHEET = "xl/worksheets/sheet9.xml"


def test_a_zip_bomb_is_refused_from_its_directory_before_it_is_unpacked(settings, monkeypatch):
    """40 MB of one repeated byte squeezed into ~40 KB: a ratio no spreadsheet has."""
    settings.IMPORT_MAX_BYTES = 20 * 1024 * 1024
    data = _with_parts(xlsx_bytes(("DS", [["Mã đơn vị", "Tên đơn vị"]])), {BOMB_SHEET: b"<" * (40 * 1024 * 1024)})
    assert len(data) < 100 * 1024
    monkeypatch.setattr(reader, "_needs_openpyxl", _never)
    monkeypatch.setattr(reader, "_calamine_book", _never)
    assert rejected(data) == reader.MSG_BOMB
    # The engine reports it as the file's one error.
    assert [str(e) for e in run_import("units", data, dry_run=True).errors] == [reader.MSG_BOMB]


def test_parts_inflating_far_beyond_the_size_limit_are_refused(settings, monkeypatch):
    """Parts each too small to be judged by their ratio, together far more than a file of the limit holds."""
    settings.IMPORT_MAX_BYTES = 64 * 1024
    parts = {f"xl/worksheets/sheet{n}.xml": b"<" * reader.RATIO_MIN_BYTES for n in range(10, 13)}
    data = _with_parts(xlsx_bytes(("DS", [["Mã đơn vị", "Tên đơn vị"]])), parts)
    assert len(data) < settings.IMPORT_MAX_BYTES < 3 * reader.RATIO_MIN_BYTES / reader.MAX_INFLATION
    monkeypatch.setattr(reader, "_needs_openpyxl", _never)
    assert rejected(data) == reader.MSG_BOMB


def test_a_part_lying_about_its_size_is_refused_before_the_parser_inflates_it(monkeypatch):
    """The directory says 100 KB (an ordinary ratio), the data inflates to 4 MB: cut off and refused."""
    data = _with_parts(xlsx_bytes(("DS", [["Mã đơn vị", "Tên đơn vị"]])), {BOMB_SHEET: b"<" * (4 * 1024 * 1024)})
    data = _declare_size(data, BOMB_SHEET, 100 * 1024)
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        assert archive.getinfo(BOMB_SHEET).file_size == 100 * 1024
    monkeypatch.setattr(reader, "_calamine_book", _never)
    assert rejected(data) == reader.MSG_CORRUPT


def test_a_sheet_of_blank_styled_cells_is_within_the_ratio():
    """Real sheets compress 10-20 times (the bench's 200,000-row list: 15); blank formatted cells, the most
    repetitive thing a real sheet holds, stay well under the limit."""
    blank = "".join(f'<row r="{i}"><c r="A{i}" s="1"/><c r="B{i}" s="1"/></row>' for i in range(1, 50_001))
    data = _with_parts(xlsx_bytes(("DS", [["Mã đơn vị", "Tên đơn vị"]])), {BOMB_SHEET: blank.encode()})
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        info = archive.getinfo(BOMB_SHEET)
    assert info.file_size / info.compress_size < reader.MAX_RATIO
    reader.check_container(io.BytesIO(data))


def test_a_missing_path_is_explained(tmp_path):
    with pytest.raises(reader.FileRejected, match="Không tìm thấy tệp"), reader.open_workbook(tmp_path / "x.xlsx"):
        pass


def test_a_file_with_another_extension_is_read_by_its_content(tmp_path):
    path = tmp_path / "danh-sach.tmp"
    path.write_bytes(xlsx_bytes(("DS", [["Mã đơn vị", "Tên đơn vị"], ["X1", "Xã"]])))
    with reader.open_workbook(path) as workbook:
        assert reader.find_table(workbook, COLUMNS).positions == {"code": 0, "name": 1}


# --- Parsers -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "expected"),
    [(" Xã\u00a0Một  ", "Xã Một"), (123, "123"), (123.0, "123"), (dt.date(2016, 5, 13), "13/5/2016")],
)
def test_text_cleans_what_people_type(value, expected):
    assert parsers.Text().parse(value) == expected


def test_text_keeps_line_breaks_when_asked():
    assert parsers.Text(multiline=True).parse(" Dòng  một\r\nDòng\u00a0hai \n") == "Dòng một\nDòng hai"


def test_text_refuses_too_long_values():
    with pytest.raises(ValueError, match="Dài quá 3 ký tự \\(hiện có 4 ký tự\\)"):
        parsers.Text(3).parse("abcd")


@pytest.mark.parametrize("value", ["13.5.2016", "13/5/2016", " 13/05/2016 ", dt.datetime(2016, 5, 13, 8, 0), 42503])
def test_dates_come_as_text_real_dates_or_serial_numbers(value):
    assert parsers.Date().parse(value) == dt.date(2016, 5, 13)


def test_a_malformed_date_says_how_to_write_it():
    with pytest.raises(ValueError, match="Ngày không hợp lệ: '31/2/2016'; ghi theo dạng ngày/tháng/năm"):
        parsers.Date().parse("31/2/2016")


def test_integers_accept_vietnamese_thousands():
    assert parsers.Integer().parse("7.736") == 7736
    with pytest.raises(ValueError, match="Phải lớn hơn hoặc bằng 0"):
        parsers.Integer(min_value=0).parse(-1)


def test_choices_match_regardless_of_case_diacritics_and_tone_placement():
    choice = parsers.Choice(lambda: [("vh", ["vh", "Văn hóa - Xã hội"]), ("tu", ["Tỉnh ủy"])], "lĩnh vực")
    parse = choice.bind()
    assert parse("Văn hoá – xã hội") == "vh"
    assert parse("VAN HOA XA HOI") == "vh"
    assert parse("Tỉnh uỷ") == "tu"
    with pytest.raises(ValueError, match=r"Không có lĩnh vực 'Y tế'\. Giá trị hợp lệ: vh; tu"):
        parse("Y tế")


def test_enum_choices_accept_labels_and_aliases():
    from danvan.org.choices import LineageKind

    parse = parsers.enum_choices(LineageKind, "loại sự kiện", {LineageKind.MERGE: ["Sáp nhập"]}).bind()
    assert parse("hợp nhất, sáp nhập") == LineageKind.MERGE
    assert parse("SÁP NHẬP") == LineageKind.MERGE
    assert parse("Chia tách") == LineageKind.SPLIT
