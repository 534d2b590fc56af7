"""Importing and exporting units with `import_xlsx units` / `export_xlsx units`."""

import datetime as dt
import io
import zipfile
from pathlib import Path

import openpyxl
import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from danvan.core.models import ChangeLogEntry
from danvan.core.testing.factories import make_user
from danvan.core.xlsx import engine, export, reader, run_import
from danvan.org.imports import period
from danvan.org.models import Unit

pytestmark = pytest.mark.django_db

TITLE_BLOCK = [
    ["ĐẢNG BỘ TỈNH TÂY NINH", None, None, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"],
    ["BAN TUYÊN GIÁO VÀ DÂN VẬN"],
    [],
    ["DANH SÁCH ĐƠN VỊ NĂM 2025"],
    [],
]
HEADER = ["STT", "Mã đơn vị", "Tên đơn vị", "Loại", "Khối", "Mã đơn vị cấp trên", "Hiệu lực từ", "Hiệu lực đến"]


def write_xlsx(path: Path, rows: list[list], header: list | None = HEADER, merges: tuple[str, ...] = ()) -> Path:
    """A list as units send it: an instructions sheet first, then a title block, the header on row 6."""
    workbook = openpyxl.Workbook()
    workbook.active.title = "Hướng dẫn"
    workbook.active.append(["Điền mỗi đơn vị một dòng; mã đơn vị cấp trên để trống nếu là đơn vị cấp tỉnh."])
    sheet = workbook.create_sheet("Danh sách")
    for row in [*TITLE_BLOCK, *([header] if header else []), *rows]:
        sheet.append(row)
    for cells in merges:
        sheet.merge_cells(cells)
    workbook.save(path)
    return path


def state() -> tuple[int, int]:
    return Unit.objects.count(), ChangeLogEntry.objects.count()


def messages(result) -> list[str]:
    return [str(error) for error in result.errors]


def assert_rejected(path: Path, expected: list[str], user=None) -> None:
    """The file is refused with exactly these errors, nothing is written, and the command fails."""
    before = state()
    result = run_import("units", path, user=user)
    assert messages(result) == expected
    assert state() == before
    err = io.StringIO()
    extra = ["--user", user.username] if user else []
    with pytest.raises(CommandError, match=f"Tệp có {len(expected)} lỗi; không có dữ liệu nào được ghi."):
        call_command("import_xlsx", "units", str(path), *extra, stderr=err)
    assert err.getvalue().splitlines() == expected
    assert state() == before


MESSY = [
    [1, "H9", "Huyện uỷ Hòa Thành", "Huyện uỷ", None, "P", dt.datetime(2020, 1, 1), None],
    [],
    [2, " X1\u00a0", "Đảng ủy xã\u00a0Long  Hải ", "Đảng uỷ xã", "Đảng", "H9", "13.5.2020", None],
    [3, "X2", "Đảng ủy phường Long Hoa", "ĐẢNG ỦY XÃ", "", "H9", "13/5/2020", "  "],
    [4, "MT9", "Ủy ban MTTQ huyện", "MẶT TRẬN TỔ QUỐC", "mttq và đoàn thể", "H9", "01/01/2020", None],
    [None, None, None],
    ["Tổng cộng", None, "4 đơn vị"],
]


def test_it_imports_a_list_as_units_make_it(cast, tmp_path):
    header = ["STT", "MA DON VI", "TEN DON VI", "LOAI", "KHOI", "MA DON VI CAP TREN", "HIEU LUC TU", "HIEU LUC DEN"]
    before = ChangeLogEntry.objects.count()
    result = run_import("units", write_xlsx(tmp_path / "ds.xlsx", MESSY, header))
    assert messages(result) == []
    assert (result.sheet, result.header_row) == ("Danh sách", 6)
    assert [row.number for row in result.rows] == [7, 9, 10, 11]
    assert result.summary() == "Đã thêm 4, cập nhật 0, không đổi 0 đơn vị"
    h9, x1, x2, mt9 = (Unit.objects.get(code=code) for code in ("H9", "X1", "X2", "MT9"))
    assert (h9.parent, h9.kind.code, h9.bloc.code, h9.valid_from) == (
        cast.province,
        "huyen-uy",
        "dang",
        dt.date(2020, 1, 1),
    )
    assert (x1.name, x1.parent, x1.valid_from, x1.valid_until) == (
        "Đảng ủy xã Long Hải",
        h9,
        dt.date(2020, 5, 13),
        None,
    )
    assert x1.path.startswith(h9.path) and x1.depth == 2 and x1.search_text == "x1 dang uy xa long hai"
    assert (x2.kind.code, x2.bloc.code) == ("dang-uy-xa", "dang")
    assert (mt9.kind.code, mt9.bloc.code, mt9.valid_from) == ("mttq", "mttq-doan-the", dt.date(2020, 1, 1))
    entries = ChangeLogEntry.objects.order_by("id")[before:]
    assert [(e.action, e.object_repr, e.source) for e in entries] == [
        ("create", "Huyện uỷ Hòa Thành", "import"),
        ("create", "Đảng ủy xã Long Hải", "import"),
        ("create", "Đảng ủy phường Long Hoa", "import"),
        ("create", "Ủy ban MTTQ huyện", "import"),
    ]


def test_it_reads_a_two_row_header_and_skips_the_column_numbers(cast, tmp_path):
    header = ["STT", "Mã đơn vị", "Tên đơn vị", "Loại", "Khối", "Mã đơn vị cấp trên", "Thời gian hiệu lực", None]
    rows = [
        [None, None, None, None, None, None, "Từ ngày", "Đến ngày"],
        ["(1)", "(2)", "(3)", "(4)", "(5)", "(6)", "(7)", "(8)"],
        [1, "X1", "Đảng ủy xã Một", "Đảng ủy xã", None, "P", "13/5/2016", "30/6/2025"],
    ]
    merges = ("A6:A7", "B6:B7", "C6:C7", "D6:D7", "E6:E7", "F6:F7", "G6:H6")
    result = run_import("units", write_xlsx(tmp_path / "ds.xlsx", rows, header, merges))
    assert messages(result) == [] and [row.number for row in result.rows] == [9]
    unit = Unit.objects.get(code="X1")
    assert (unit.valid_from, unit.valid_until) == (dt.date(2016, 5, 13), dt.date(2025, 6, 30))


def test_importing_the_same_file_again_changes_nothing(cast, tmp_path):
    path = write_xlsx(tmp_path / "ds.xlsx", MESSY)
    run_import("units", path)
    before = state()
    result = run_import("units", path)
    assert result.summary() == "Đã thêm 0, cập nhật 0, không đổi 4 đơn vị"
    assert state() == before


def test_a_dry_run_writes_nothing(cast, tmp_path):
    path = write_xlsx(tmp_path / "ds.xlsx", MESSY)
    before = state()
    out = io.StringIO()
    call_command("import_xlsx", "units", str(path), "--dry-run", stdout=out)
    assert out.getvalue().strip() == "Kiểm tra xong, chưa ghi gì (chạy thử): sẽ thêm 4, cập nhật 0, không đổi 0 đơn vị"
    assert state() == before


def test_the_command_prints_a_summary(cast, tmp_path):
    out = io.StringIO()
    call_command("import_xlsx", "units", str(write_xlsx(tmp_path / "ds.xlsx", MESSY)), stdout=out)
    assert out.getvalue().strip() == "Đã thêm 4, cập nhật 0, không đổi 0 đơn vị"
    entry = ChangeLogEntry.objects.latest("id")
    assert (entry.actor, entry.source) == (None, "import")


def test_it_updates_renames_and_moves_units_with_their_subtree(cast, tmp_path):
    rows = [
        [1, "BCD", "Ban Chỉ đạo", "Ban Chỉ đạo", None, "P", None, None],
        [2, "D1", "Huyện ủy Bến Cầu", "huyen-uy", "Đảng", "BCD", None, "30/6/2025"],
        [3, "C2", "Đảng ủy xã Lợi Thuận (mới)", "dang-uy-xa", "Đảng", "D1", None, None],
        [4, "C3", "Đảng ủy xã Tân Lập", "dang-uy-xa", "Đảng", "D2", None, None],
    ]
    before = ChangeLogEntry.objects.count()
    result = run_import("units", write_xlsx(tmp_path / "ds.xlsx", rows))
    assert messages(result) == []
    assert (result.created, result.updated, result.unchanged) == (1, 2, 1)
    bcd = Unit.objects.get(code="BCD")
    d1, c1, c2 = (Unit.objects.get(pk=u.pk) for u in (cast.d1, cast.c1, cast.c2))
    assert d1.parent == bcd and d1.path.startswith(bcd.path) and d1.depth == 2
    assert c1.path.startswith(d1.path) and c1.depth == 3
    assert c2.name == "Đảng ủy xã Lợi Thuận (mới)" and c2.search_text == "c2 dang uy xa loi thuan (moi)"
    entries = {(e.object_repr, e.action): e for e in ChangeLogEntry.objects.order_by("id")[before:]}
    assert set(entries) == {("Ban Chỉ đạo", "create"), ("Huyện ủy Bến Cầu", "update"), (c2.name, "update")}
    assert entries["Huyện ủy Bến Cầu", "update"].after == {"parent_id": bcd.pk}
    assert entries[c2.name, "update"].before == {"name": "Đảng ủy xã Lợi Thuận"}
    assert all(e.source == "import" for e in entries.values())


def test_a_unit_and_its_parent_can_swap_places(cast, tmp_path):
    rows = [
        [1, "D1", "Huyện ủy Bến Cầu", "huyen-uy", "Đảng", "C1", None, "30/6/2025"],
        [2, "C1", "Đảng ủy xã Long Thuận", "dang-uy-xa", "Đảng", "P", None, None],
    ]
    result = run_import("units", write_xlsx(tmp_path / "ds.xlsx", rows))
    assert messages(result) == [] and result.updated == 2
    c1, d1, c2 = (Unit.objects.get(code=code) for code in ("C1", "D1", "C2"))
    assert (c1.parent, c1.depth, d1.parent, d1.depth, c2.depth) == (cast.province, 1, c1, 2, 3)
    assert c2.path.startswith(d1.path) and d1.path.startswith(c1.path)


def test_a_blank_bloc_keeps_the_current_one_and_a_missing_column_leaves_fields_alone(cast, tmp_path):
    header = ["Mã đơn vị", "Tên đơn vị", "Loại", "Khối"]
    result = run_import(
        "units", write_xlsx(tmp_path / "ds.xlsx", [["C1", "Đảng ủy xã Long Thuận", "dang-uy-xa", None]], header)
    )
    assert messages(result) == [] and result.unchanged == 1
    assert Unit.objects.get(code="C1").parent == cast.d1


def test_an_export_imports_back_unchanged(cast, tmp_path):
    run_import("units", write_xlsx(tmp_path / "ds.xlsx", MESSY))
    path = tmp_path / "xuat.xlsx"
    call_command("export_xlsx", "units", "-o", str(path), stdout=io.StringIO())
    sheet = openpyxl.load_workbook(path).active
    assert [c.value for c in sheet[1]] == [*HEADER[1:], "Tên ngắn"]
    assert sheet.freeze_panes == "A2" and sheet["A1"].font.b
    values = {row[0]: row for row in sheet.iter_rows(min_row=2, values_only=True)}
    assert values["X1"] == (
        "X1",
        "Đảng ủy xã Long Hải",
        "Đảng ủy xã, phường, thị trấn, đặc khu",
        "Đảng",
        "H9",
        dt.datetime(2020, 5, 13),
        None,
        None,
    )
    x1_row = next(row for row in sheet.iter_rows(min_row=2) if row[0].value == "X1")
    assert x1_row[5].number_format == "DD/MM/YYYY"
    before = state()
    result = run_import("units", path)
    assert result.summary() == f"Đã thêm 0, cập nhật 0, không đổi {Unit.objects.count()} đơn vị"
    assert state() == before


def test_an_export_for_a_user_holds_only_their_subtree(cast, tmp_path):
    path = tmp_path / "c1.xlsx"
    export("units", user=cast.c1_officer).save(path)
    sheet = openpyxl.load_workbook(path).active
    assert sheet.title == "Đơn vị"
    assert [row[0] for row in sheet.iter_rows(min_row=2, values_only=True)] == ["C1"]
    export("units", user=cast.d1_officer).save(path)
    codes = [row[0] for row in openpyxl.load_workbook(path).active.iter_rows(min_row=2, values_only=True)]
    assert codes == ["D1", "C1", "C2"]
    # ...and it imports back unchanged for them, though D1's parent is outside their scope.
    result = run_import("units", path, user=cast.d1_officer)
    assert messages(result) == [] and result.unchanged == 3


def test_export_of_one_units_subtree(cast, tmp_path):
    path = tmp_path / "d1.xlsx"
    call_command("export_xlsx", "units", "-o", str(path), "--unit", "D2", stdout=io.StringIO())
    codes = [row[0] for row in openpyxl.load_workbook(path).active.iter_rows(min_row=2, values_only=True)]
    assert codes == ["D2", "C3"]
    with pytest.raises(CommandError, match="Không có đơn vị mã 'XX'"):
        call_command("export_xlsx", "units", "-o", str(path), "--unit", "XX")


# --- Scope ---------------------------------------------------------------------------------------


def test_a_commune_officer_cannot_import_a_unit_under_another_district(cast, tmp_path):
    path = write_xlsx(tmp_path / "ds.xlsx", [[1, "X1", "Chi bộ", "dang-uy-truc-thuoc", None, "D2", None, "30/6/2025"]])
    assert_rejected(
        path, ["Dòng 7, cột 'Mã đơn vị cấp trên': Đơn vị 'D2' ngoài phạm vi quản lý của bạn"], cast.c1_officer
    )


def test_a_commune_officer_cannot_change_a_sibling_commune(cast, tmp_path):
    path = write_xlsx(tmp_path / "ds.xlsx", [[1, "C2", "Đổi tên", "dang-uy-xa", "Đảng", "D1", None, None]])
    assert_rejected(path, ["Dòng 7, cột 'Mã đơn vị': Đơn vị 'C2' ngoài phạm vi quản lý của bạn"], cast.c1_officer)


def test_only_an_unrestricted_user_adds_a_top_level_unit(cast, tmp_path):
    path = write_xlsx(tmp_path / "ds.xlsx", [[1, "T2", "Tỉnh ủy khác", "tinh-uy", None, None, None, None]])
    expected = ["Dòng 7, cột 'Mã đơn vị cấp trên': Chỉ quản trị toàn hệ thống mới được thêm hoặc sửa 'T2'"]
    assert_rejected(path, expected, cast.admin)
    root = make_user("root", is_superuser=True)
    out = io.StringIO()
    call_command("import_xlsx", "units", str(path), "--user", "root", stdout=out)
    assert Unit.objects.get(code="T2").parent is None
    assert ChangeLogEntry.objects.latest("id").actor == root


def test_an_officer_imports_within_their_subtree(cast, tmp_path):
    rows = [
        [1, "CB1", "Chi bộ ấp 1", "dang-uy-truc-thuoc", None, "C1", None, None],
        [2, "CB2", "Chi bộ ấp 2", "dang-uy-truc-thuoc", None, "CB1", None, None],
    ]
    result = run_import("units", write_xlsx(tmp_path / "ds.xlsx", rows), user=cast.c1_officer)
    assert messages(result) == [] and result.created == 2
    assert ChangeLogEntry.objects.latest("id").actor == cast.c1_officer


# --- Bad files -----------------------------------------------------------------------------------

ROW = [1, "X1", "Đảng ủy xã Một", "dang-uy-xa", None, "P", None, None]


def _row(**changes) -> list:
    names = ["stt", "code", "name", "kind", "bloc", "parent", "valid_from", "valid_until"]
    return [changes.get(name, value) for name, value in zip(names, ROW, strict=True)]


PARENT = "Dòng {}, cột 'Mã đơn vị cấp trên': "
JAN_2020, D1_END = dt.date(2020, 1, 1), dt.date(2025, 6, 30)


def _period(start: dt.date | None, end: dt.date | None) -> str:
    return period(Unit(valid_from=start, valid_until=end))


BAD_ROWS = {
    "unknown parent": (
        [_row(parent="ZZ")],
        [PARENT.format(7) + "Không tìm thấy đơn vị cấp trên có mã 'ZZ' (trong tệp hay trong hệ thống)"],
    ),
    "cycle in the file": (
        [_row(code="X1", parent="X2"), _row(code="X2", parent="X3"), _row(code="X3", parent="X1")],
        [
            PARENT.format(7) + "Tạo vòng lặp cấp trên – cấp dưới: X1 → X2 → X3 → X1",
            PARENT.format(8) + "Tạo vòng lặp cấp trên – cấp dưới: X2 → X3 → X1 → X2",
            PARENT.format(9) + "Tạo vòng lặp cấp trên – cấp dưới: X3 → X1 → X2 → X3",
        ],
    ),
    "own parent": ([_row(parent="X1")], [PARENT.format(7) + "Tạo vòng lặp cấp trên – cấp dưới: X1 → X1"]),
    "cycle through existing units": (
        [_row(code="P", name="Tỉnh ủy Tây Ninh", kind="tinh-uy", parent="C1")],
        [PARENT.format(7) + "Tạo vòng lặp cấp trên – cấp dưới: P → C1 → D1 → P"],
    ),
    "duplicate code": (
        [_row(), _row(name="Tên khác")],
        ["Dòng 8, cột 'Mã đơn vị': 'X1' bị trùng với dòng 7"],
    ),
    "parent not valid in the child's period": (
        [_row(parent="D1", valid_from="1/1/2020")],
        [
            PARENT.format(7) + f"Đơn vị cấp trên 'D1' có hiệu lực {_period(None, D1_END)}, "
            f"không bao trùm thời gian hiệu lực của đơn vị này ({_period(JAN_2020, None)})"
        ],
    ),
    "parent in the file not valid in the child's period": (
        [_row(code="H1", valid_from="1/1/2021"), _row(code="X1", parent="H1", valid_from="1/1/2020")],
        [
            PARENT.format(8) + f"Đơn vị cấp trên 'H1' có hiệu lực {_period(dt.date(2021, 1, 1), None)}, "
            f"không bao trùm thời gian hiệu lực của đơn vị này ({_period(JAN_2020, None)})"
        ],
    ),
    "a parent's new period leaving out its children": (
        [_row(code="P", name="Tỉnh ủy Tây Ninh", kind="tinh-uy", parent=None, valid_until="31/12/2020")],
        [
            f"Dòng 7, cột 'Hiệu lực đến': Đơn vị cấp dưới '{code}' có hiệu lực {_period(None, D1_END)}, "
            f"nằm ngoài thời gian hiệu lực mới ({_period(None, dt.date(2020, 12, 31))})"
            for code in ("D1", "D2")
        ]
        + [
            PARENT.format(8) + f"Đơn vị cấp trên 'P' có hiệu lực {_period(None, dt.date(2020, 12, 31))}, "
            f"không bao trùm thời gian hiệu lực của đơn vị này ({_period(None, None)})"
        ],
    ),
    "malformed date": (
        [_row(valid_from="31/2/2020")],
        ["Dòng 7, cột 'Hiệu lực từ': Ngày không hợp lệ: '31/2/2020'; ghi theo dạng ngày/tháng/năm, ví dụ 13/5/2016"],
    ),
    "until before from": (
        [_row(valid_from="13/5/2020", valid_until=dt.datetime(2020, 1, 1))],
        ["Dòng 7, cột 'Hiệu lực đến': Ngày hết hiệu lực (1/1/2020) trước ngày bắt đầu hiệu lực (13/5/2020)"],
    ),
    "unknown bloc": (
        [_row(bloc="Văn hóa")],
        [
            "Dòng 7, cột 'Khối': Không có khối 'Văn hóa'. Giá trị hợp lệ: Đảng; Chính quyền; "
            "MTTQ và đoàn thể; Lực lượng vũ trang"
        ],
    ),
    "text too long": (
        [_row(code="X" * 41)],
        ["Dòng 7, cột 'Mã đơn vị': Dài quá 40 ký tự (hiện có 41 ký tự)"],
    ),
    "formula": ([_row(name='=B7&" mới"')], ["Dòng 7, cột 'Tên đơn vị': Ô chứa công thức; vui lòng dán giá trị"]),
    "missing name": ([_row(name="\u00a0 ")], ["Dòng 7, cột 'Tên đơn vị': Chưa nhập (bắt buộc)"]),
    "every error of every row": (
        [_row(kind="Chi bộ", parent="ZZ"), [], _row(code="X2", valid_from="13/13/2020")],
        [
            "Dòng 7, cột 'Loại': Không có loại đơn vị 'Chi bộ'. Giá trị hợp lệ: Tỉnh ủy, Thành ủy trực thuộc Trung "
            "ương; Ban Dân vận / Ban Tuyên giáo và Dân vận; Huyện ủy, Thị ủy, Thành ủy; Đảng ủy xã, phường, thị "
            "trấn, đặc khu; Đảng ủy trực thuộc; Ủy ban nhân dân; Mặt trận Tổ quốc; Đoàn thể; Lực lượng vũ trang; "
            "Cơ quan; Ban Chỉ đạo",
            PARENT.format(7) + "Không tìm thấy đơn vị cấp trên có mã 'ZZ' (trong tệp hay trong hệ thống)",
            "Dòng 9, cột 'Hiệu lực từ': Ngày không hợp lệ: '13/13/2020'; ghi theo dạng ngày/tháng/năm, ví dụ 13/5/2016",
        ],
    ),
}


@pytest.mark.parametrize("case", list(BAD_ROWS))
def test_a_bad_row_rejects_the_whole_file(cast, tmp_path, case):
    rows, expected = BAD_ROWS[case]
    assert_rejected(write_xlsx(tmp_path / "ds.xlsx", [*rows, _row(code="OK1", name="Hợp lệ")]), expected)


def test_a_missing_required_column_is_reported_before_rows(cast, tmp_path):
    header = ["STT", "Mã đơn vị", "Tên đơn vị", "Mã đơn vị cấp trên"]
    path = write_xlsx(tmp_path / "ds.xlsx", [[1, "X1", None, "ZZ"]], header)
    assert_rejected(path, ["Cột 'Loại': Thiếu cột bắt buộc này trong dòng tiêu đề (dòng 6, trang 'Danh sách')"])


def test_a_file_with_a_header_and_no_rows_is_rejected(cast, tmp_path):
    assert_rejected(write_xlsx(tmp_path / "ds.xlsx", [[], ["Tổng cộng", None, 0]]), [engine.MSG_NO_ROWS])


def _docx() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", "<w:document/>")
    return buffer.getvalue()


OLE2 = bytes.fromhex("D0CF11E0A1B11AE1")
BAD_FILES = {
    "not an xlsx": ("Mã đơn vị,Tên đơn vị\nX1,Xã".encode(), reader.MSG_NOT_XLSX),
    "an old xls": (OLE2 + b"\0" * 1000, reader.MSG_XLS),
    "password-protected": (
        OLE2 + b"\0" * 512 + "EncryptedPackage".encode("utf-16-le") + b"\0" * 64,
        reader.MSG_ENCRYPTED,
    ),
    "a docx renamed": (_docx(), reader.MSG_NO_WORKBOOK),
    "a corrupt zip": (b"PK\x03\x04" + b"\x01" * 300, reader.MSG_CORRUPT),
    "zero bytes": (b"", reader.MSG_EMPTY_FILE),
}


@pytest.mark.parametrize("case", list(BAD_FILES))
def test_a_bad_file_is_rejected_with_one_clear_message(cast, tmp_path, case):
    data, message = BAD_FILES[case]
    path = tmp_path / "ds.xlsx"
    path.write_bytes(data)
    assert_rejected(path, [message])


def test_a_file_over_the_size_limit_is_rejected(cast, tmp_path, settings):
    path = write_xlsx(tmp_path / "ds.xlsx", MESSY)
    settings.IMPORT_MAX_BYTES = 4 * 1024
    size = path.stat().st_size
    assert size > 4 * 1024
    kilobytes = f"{size / 1024:.1f}".replace(".", ",")
    assert_rejected(path, [f"Tệp quá lớn ({kilobytes} KB); giới hạn là 4,0 KB."])


# --- Cost ----------------------------------------------------------------------------------------


def _big_file(path: Path, districts: int) -> Path:
    rows = []
    for d in range(districts):
        rows.append([None, f"H{d}", f"Huyện ủy {d}", "huyen-uy", None, "P", "1/1/2020", None])
        rows.extend(
            [None, f"X{d}-{c}", f"Xã {d}-{c}", "dang-uy-xa", "Đảng", f"H{d}", "1/1/2020", None] for c in range(9)
        )
    return write_xlsx(path, rows)


@pytest.mark.parametrize("districts", [5, 50])
def test_queries_do_not_grow_with_rows(cast, tmp_path, districts, django_assert_max_num_queries):
    """Lookups are preloaded and writes are bulk: the same bound holds for 50 and 500 rows.

    (PostgreSQL needs 12 queries either way; SQLite a few more, as Django splits bulk
    statements at 999 parameters.)
    """
    path = _big_file(tmp_path / "ds.xlsx", districts)
    with django_assert_max_num_queries(25):
        result = run_import("units", path)
    assert result.created == districts * 10
    with django_assert_max_num_queries(3):
        assert run_import("units", path).unchanged == districts * 10


def test_queries_do_not_grow_with_rows_for_a_user_either(cast, tmp_path, django_assert_max_num_queries):
    path = _big_file(tmp_path / "ds.xlsx", 50)
    root = make_user("root", is_superuser=True)
    with django_assert_max_num_queries(30):
        assert run_import("units", path, user=root).created == 500
