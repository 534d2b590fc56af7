"""Importing and exporting lineage events (merges, splits, renames, ends) with `import_xlsx lineage`."""

import datetime as dt
import io
from pathlib import Path

import openpyxl
import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from danvan.core.models import ChangeLogEntry
from danvan.core.testing.factories import make_unit
from danvan.core.xlsx import export, run_import
from danvan.org.choices import LineageKind
from danvan.org.imports import period
from danvan.org.models import LineageEvent, Unit
from danvan.org.services import record_lineage

pytestmark = pytest.mark.django_db

HEADER = ["STT", "Loại sự kiện", "Ngày hiệu lực", "Mã đơn vị trước", "Mã đơn vị sau", "Căn cứ", "Ghi chú"]
BASIS = "Nghị quyết số 1682/NQ-UBTVQH15"
JULY_1 = dt.date(2025, 7, 1)


def write_xlsx(path: Path, rows: list[list], header: list = HEADER) -> Path:
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.title = "Sáp nhập"
    for row in [["DANH SÁCH SẮP XẾP ĐƠN VỊ HÀNH CHÍNH CẤP XÃ"], ["(Kèm theo Tờ trình số 45)"], [], header, *rows]:
        sheet.append(row)
    workbook.save(path)
    return path


@pytest.fixture
def new_commune(cast):
    return make_unit("Đảng ủy xã Long Thuận (mới)", "dang-uy-xa", cast.province, code="NEW", valid_from=JULY_1)


def state() -> tuple[int, int, int]:
    return LineageEvent.objects.count(), Unit.objects.count(), ChangeLogEntry.objects.count()


def messages(result) -> list[str]:
    return [str(error) for error in result.errors]


def merge_rows(kind: str = "Sáp nhập") -> list[list]:
    return [
        [1, kind, "1.7.2025", "C1", "NEW", BASIS, "Nhập 3 xã\n thành xã Long Thuận"],
        [None, kind, dt.datetime(2025, 7, 1), "C2\u00a0", "NEW", BASIS, None],
        [None, kind, "01/07/2025", "C3", " NEW", BASIS, None],
    ]


def test_a_merge_of_three_communes_is_one_event_and_ends_them(cast, new_commune, tmp_path):
    before = ChangeLogEntry.objects.count()
    result = run_import("lineage", write_xlsx(tmp_path / "sn.xlsx", [*merge_rows(), [], ["Tổng cộng", None, None, 3]]))
    assert messages(result) == []
    assert result.summary() == "Đã thêm 1, cập nhật 0, không đổi 0 sự kiện"
    event = LineageEvent.objects.get()
    assert (event.kind, event.date, event.legal_basis) == (LineageKind.MERGE, JULY_1, BASIS)
    assert event.note == "Nhập 3 xã\nthành xã Long Thuận"
    assert {u.code for u in event.predecessors.all()} == {"C1", "C2", "C3"}
    assert [u.code for u in event.successors.all()] == ["NEW"]
    for unit in Unit.objects.filter(code__in=["C1", "C2", "C3"]):
        assert unit.valid_until == dt.date(2025, 6, 30)
    entries = ChangeLogEntry.objects.order_by("id")[before:]
    assert [(e.action, e.object_repr, e.source) for e in entries] == [
        ("create", "Hợp nhất, sáp nhập (01/07/2025)", "import"),
        ("update", "Đảng ủy xã Long Thuận", "import"),
        ("update", "Đảng ủy xã Lợi Thuận", "import"),
        ("update", "Đảng ủy xã Tân Lập", "import"),
    ]
    assert entries[0].after["predecessors"] == ["C1", "C2", "C3"]
    assert entries[1].before == {"valid_until": None} and entries[1].after == {"valid_until": "2025-06-30"}


@pytest.mark.parametrize("kind", ["hợp nhất", "SAP NHAP", "Hợp nhất, sáp nhập", "Hợp nhất / sáp nhập", "Sáp  nhập"])
def test_merge_is_recognised_however_it_is_written(cast, new_commune, tmp_path, kind):
    result = run_import("lineage", write_xlsx(tmp_path / "sn.xlsx", merge_rows(kind)), dry_run=True)
    assert messages(result) == [] and {row.values["kind"] for row in result.rows} == {LineageKind.MERGE}


def test_importing_the_same_file_again_changes_nothing(cast, new_commune, tmp_path):
    path = write_xlsx(tmp_path / "sn.xlsx", merge_rows())
    run_import("lineage", path)
    before = state()
    result = run_import("lineage", path)
    assert result.summary() == "Đã thêm 0, cập nhật 0, không đổi 1 sự kiện"
    assert state() == before


def test_a_dry_run_writes_nothing(cast, new_commune, tmp_path):
    before = state()
    out = io.StringIO()
    call_command("import_xlsx", "lineage", str(write_xlsx(tmp_path / "sn.xlsx", merge_rows())), "--dry-run", stdout=out)
    assert out.getvalue().strip() == "Kiểm tra xong, chưa ghi gì (chạy thử): sẽ thêm 1, cập nhật 0, không đổi 0 sự kiện"
    assert state() == before


def test_a_split_rename_and_end_in_one_file(cast, tmp_path):
    a = make_unit("Xã A", "dang-uy-xa", cast.province, code="A", valid_from=JULY_1)
    b = make_unit("Xã B", "dang-uy-xa", cast.province, code="B", valid_from=JULY_1)
    rows = [
        [1, "Chia tách", "1/7/2025", "C3", "A", BASIS],
        [2, "Chia tách", "1/7/2025", "C3", "B", BASIS],
        [3, "Đổi tên", "1/1/2024", "C1", "C1", "Quyết định 5"],
        [4, "Kết thúc", "1/1/2025", "C2", None, "Quyết định 6"],
    ]
    result = run_import("lineage", write_xlsx(tmp_path / "sn.xlsx", rows))
    assert messages(result) == [] and result.created == 3
    split = LineageEvent.objects.get(kind=LineageKind.SPLIT)
    assert {u.code for u in split.successors.all()} == {a.code, b.code}
    assert Unit.objects.get(code="C3").valid_until == dt.date(2025, 6, 30)
    assert Unit.objects.get(code="C1").valid_until is None  # a rename does not end the unit
    assert Unit.objects.get(code="C2").valid_until == dt.date(2024, 12, 31)
    assert not LineageEvent.objects.get(kind=LineageKind.END).successors.exists()


def test_a_new_row_joins_an_event_already_recorded(cast, new_commune, tmp_path):
    record_lineage(LineageKind.MERGE, JULY_1, [cast.c1, cast.c2], [new_commune], legal_basis=BASIS)
    last = ChangeLogEntry.objects.latest("id").pk
    result = run_import("lineage", write_xlsx(tmp_path / "sn.xlsx", merge_rows()))
    assert messages(result) == []
    assert (result.created, result.updated, result.unchanged) == (0, 1, 0)
    event = LineageEvent.objects.get()
    assert {u.code for u in event.predecessors.all()} == {"C1", "C2", "C3"}
    assert Unit.objects.get(code="C3").valid_until == dt.date(2025, 6, 30)
    entries = ChangeLogEntry.objects.filter(pk__gt=last).order_by("id")
    assert [(e.action, e.object_repr) for e in entries] == [
        ("update", "Hợp nhất, sáp nhập (01/07/2025)"),
        ("update", "Đảng ủy xã Tân Lập"),
    ]
    update = entries[0]
    assert update.before == {"note": ""}
    assert update.after == {"predecessors": ["C3"], "successors": [], "note": "Nhập 3 xã\nthành xã Long Thuận"}


def test_an_export_imports_back_unchanged(cast, new_commune, tmp_path):
    record_lineage(LineageKind.MERGE, JULY_1, [cast.c1, cast.c2, new_commune], [new_commune], BASIS, "Ghi chú\ndòng 2")
    record_lineage(LineageKind.END, dt.date(2025, 7, 1), [cast.d1, cast.d2], [], "Kết luận 137")
    record_lineage(LineageKind.REPARENT, dt.date(2024, 1, 1), [cast.c3], [cast.c3])
    path = tmp_path / "xuat.xlsx"
    call_command("export_xlsx", "lineage", "-o", str(path), stdout=io.StringIO())
    sheet = openpyxl.load_workbook(path).active
    assert [c.value for c in sheet[1]] == HEADER[1:]
    rows = list(sheet.iter_rows(min_row=2, values_only=True))
    assert rows[0] == ("Chuyển trực thuộc", dt.datetime(2024, 1, 1), "C3", "C3", None, None)
    assert [r[2:4] for r in rows[1:]] == [("D1", None), ("D2", None), ("C1", "NEW"), ("C2", "NEW"), ("NEW", "NEW")]
    before = state()
    result = run_import("lineage", path)
    assert result.summary() == "Đã thêm 0, cập nhật 0, không đổi 3 sự kiện"
    assert state() == before


def test_an_export_for_a_user_holds_events_touching_their_units(cast, new_commune, tmp_path):
    record_lineage(LineageKind.MERGE, JULY_1, [cast.c1, cast.c2], [new_commune])
    record_lineage(LineageKind.END, JULY_1, [cast.c3])
    path = tmp_path / "xuat.xlsx"
    export("lineage", user=cast.d2_officer).save(path)
    assert [r[2] for r in openpyxl.load_workbook(path).active.iter_rows(min_row=2, values_only=True)] == ["C3"]
    call_command("export_xlsx", "lineage", "-o", str(path), "--unit", "D1", stdout=io.StringIO())
    assert [r[2] for r in openpyxl.load_workbook(path).active.iter_rows(min_row=2, values_only=True)] == ["C1", "C2"]


# --- Errors --------------------------------------------------------------------------------------


def assert_rejected(path: Path, expected: list[str], user=None) -> None:
    before = state()
    assert messages(run_import("lineage", path, user=user)) == expected
    assert state() == before
    err = io.StringIO()
    extra = ["--user", user.username] if user else []
    with pytest.raises(CommandError, match=f"Tệp có {len(expected)} lỗi"):
        call_command("import_xlsx", "lineage", str(path), *extra, stderr=err)
    assert err.getvalue().splitlines() == expected
    assert state() == before


BAD_ROWS = {
    "unknown unit": (
        [["", "Sáp nhập", "1/7/2025", "C9", "NEW"]],
        ["Dòng 5, cột 'Mã đơn vị trước': Không tìm thấy đơn vị có mã hoặc tên 'C9'."],
    ),
    "merge without a successor": (
        [["", "Hợp nhất", "1/7/2025", "C1", None]],
        ["Dòng 5, cột 'Mã đơn vị sau': Chưa nhập (bắt buộc, trừ sự kiện Kết thúc hoạt động)"],
    ),
    "end with a successor": (
        [["", "Kết thúc", "1/7/2025", "C1", "NEW"]],
        ["Dòng 5, cột 'Mã đơn vị sau': Sự kiện kết thúc hoạt động không có đơn vị sau"],
    ),
    "successor not yet valid": (
        [["", "Sáp nhập", "1/1/2025", "C1", "NEW"]],
        [
            "Dòng 5, cột 'Mã đơn vị sau': Đơn vị 'NEW' không có hiệu lực vào ngày 1/1/2025 "
            f"(hiệu lực {period(Unit(valid_from=JULY_1))})"
        ],
    ),
    "predecessor starting on the day": (
        [["", "Chia tách", "1/7/2025", "NEW", "C1"]],
        [
            "Dòng 5, cột 'Mã đơn vị trước': Đơn vị 'NEW' bắt đầu hiệu lực từ 1/7/2025, "
            "nên không thể là đơn vị trước của sự kiện ngày 1/7/2025"
        ],
    ),
    "malformed date and unknown kind, with the unit still checked": (
        [["", "Sáp nhập", "1/13/2025", "C1", "NEW"], ["", "Gộp", "1/7/2025", "C2", "ZZ"]],
        [
            "Dòng 5, cột 'Ngày hiệu lực': Ngày không hợp lệ: '1/13/2025'; ghi theo dạng ngày/tháng/năm, "
            "ví dụ 13/5/2016",
            "Dòng 6, cột 'Loại sự kiện': Không có loại sự kiện 'Gộp'. Giá trị hợp lệ: Thành lập; "
            "Hợp nhất, sáp nhập; Chia tách; Đổi tên; Chuyển trực thuộc; Kết thúc hoạt động",
            "Dòng 6, cột 'Mã đơn vị sau': Không tìm thấy đơn vị có mã hoặc tên 'ZZ'.",
        ],
    ),
    "the same row twice": (
        [["", "Sáp nhập", "1/7/2025", "C1", "NEW"], ["", "sáp nhập", "01/07/2025", "C1", "NEW"]],
        ["Dòng 6: Trùng với dòng 5"],
    ),
    "a formula": (
        [["", "Sáp nhập", "=DATE(2025,7,1)", "C1", "NEW"]],
        ["Dòng 5, cột 'Ngày hiệu lực': Ô chứa công thức; vui lòng dán giá trị"],
    ),
}


@pytest.mark.parametrize("case", list(BAD_ROWS))
def test_a_bad_row_rejects_the_whole_file(cast, new_commune, tmp_path, case):
    rows, expected = BAD_ROWS[case]
    good = ["", "Sáp nhập", "1/7/2025", "C3", "NEW"]
    assert_rejected(write_xlsx(tmp_path / "sn.xlsx", [*rows, good]), expected)


def test_a_missing_required_column_is_reported(cast, tmp_path):
    path = write_xlsx(
        tmp_path / "sn.xlsx", [["Sáp nhập", "C1", "NEW"]], ["Loại sự kiện", "Mã đơn vị trước", "Mã đơn vị sau"]
    )
    assert_rejected(path, ["Cột 'Ngày hiệu lực': Thiếu cột bắt buộc này trong dòng tiêu đề (dòng 4, trang 'Sáp nhập')"])


def test_an_officer_may_not_merge_units_outside_their_scope(cast, new_commune, tmp_path):
    rows = [["", "Sáp nhập", "1/7/2025", "C1", "NEW"], ["", "Sáp nhập", "1/7/2025", "C3", "NEW"]]
    path = write_xlsx(tmp_path / "sn.xlsx", rows)
    assert_rejected(
        path,
        [
            "Dòng 5, cột 'Mã đơn vị sau': Đơn vị 'NEW' ngoài phạm vi quản lý của bạn",
            "Dòng 6, cột 'Mã đơn vị trước': Đơn vị 'C3' ngoài phạm vi quản lý của bạn",
            "Dòng 6, cột 'Mã đơn vị sau': Đơn vị 'NEW' ngoài phạm vi quản lý của bạn",
        ],
        cast.d1_officer,
    )
    assert run_import("lineage", path, user=cast.admin).created == 1


def test_queries_do_not_grow_with_rows(cast, tmp_path, django_assert_max_num_queries):
    for size in (10, 100):
        units = [Unit(code=f"L{size}-{i}", name=f"Xã {i}", kind=cast.c1.kind, parent=cast.d1) for i in range(size)]
        from danvan.org.services import bulk_create_units

        bulk_create_units(units)
        rows = [["", "Kết thúc", "1/1/2025", unit.code, None, f"QĐ {i}"] for i, unit in enumerate(units)]
        path = write_xlsx(tmp_path / f"kt{size}.xlsx", rows)
        with django_assert_max_num_queries(20):
            assert run_import("lineage", path).created == size


def test_units_may_be_named_by_name_and_a_unit_written_twice_is_one_row(cast, new_commune, tmp_path):
    rows = [
        [1, "Sáp nhập", "1/7/2025", "dang uy xa long thuan", "NEW – Đảng ủy xã Long Thuận (mới)", BASIS, None],
        [2, "Sáp nhập", "1/7/2025", "Đảng uỷ xã Lợi Thuận", "Đảng ủy xã Long Thuận (mới)", BASIS, None],
        [3, "Sáp nhập", "1/7/2025", "C2", "NEW", BASIS, None],
    ]
    result = run_import("lineage", write_xlsx(tmp_path / "sn.xlsx", rows), dry_run=True)
    assert messages(result) == ["Dòng 7: Trùng với dòng 6"]
    result = run_import("lineage", write_xlsx(tmp_path / "sn.xlsx", rows[:2]))
    assert result.created == 1, messages(result)
    event = LineageEvent.objects.get()
    assert set(event.predecessors.all()) == {cast.c1, cast.c2} and list(event.successors.all()) == [new_commune]
