"""The `democracy_matters` and `democracy_boards` Excel kinds: a real xlsx through the engine; a unit without a
record for the year gets one; every bad input reported with its row, column and the pages' message, nothing
written; a second import changes nothing; an export imports back unchanged; queries do not grow with rows."""

from __future__ import annotations

import datetime as dt
import io

import openpyxl
import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from danvan.core.models import ChangeLogEntry
from danvan.core.xlsx import export_bytes, run_import
from danvan.democracy.models import Board, DemocracyYear, Disclosure, Matter
from danvan.democracy.tests.conftest import agency, make_board, make_matter, make_record

pytestmark = pytest.mark.django_db
MATTERS = ["Đơn vị", "Năm", "Nội dung", "Thôn, ấp, khu phố", "Hình thức", "Ngày lấy ý kiến", "Tổng số hộ",
           "Số hộ đồng ý"]  # fmt: skip
BOARDS = ["Đơn vị", "Năm", "Ban", "Số thành viên", "Số cuộc họp, giám sát", "Số kiến nghị",
          "Số kiến nghị được giải quyết"]  # fmt: skip


def workbook(header: list[str], rows: list[list]) -> io.BytesIO:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["NỘI DUNG NHÂN DÂN BÀN VÀ QUYẾT ĐỊNH NĂM 2024"])
    sheet.append([])
    sheet.append(header)
    for row in rows:
        sheet.append(row)
    out = io.BytesIO()
    book.save(out)
    out.seek(0)
    return out


def errors_of(result) -> list[str]:
    return [str(e) for e in result.errors]


def test_matters_create_the_record_then_update_and_repeat_nothing(cast):
    existing = make_record(cast.c1_officer, cast.c1, 2024)
    make_matter(cast.c1_officer, existing, content="Làm đường ấp 3", agreeing=None, day=dt.date(2024, 4, 10))
    rows = [
        ["C1", 2024, "Làm đường ấp 3", "Ấp 3", "Hội nghị", "10/4/2024", 200, 150],
        ["Đảng ủy xã Lợi Thuận", 2024, "Mức đóng góp xây nhà văn hóa ấp 1", "Ấp 1", "phat phieu", "2024-05-03", 320,
         None],
        ["C2 – Đảng ủy xã Lợi Thuận", "2024", "Lắp đèn đường ấp 2", None, "Trực tuyến", dt.date(2024, 6, 1), "410",
         "300"],
    ]  # fmt: skip
    checked = run_import("democracy_matters", workbook(MATTERS, rows), cast.d1_officer, dry_run=True)
    assert errors_of(checked) == []
    assert (checked.created, checked.updated) == (2, 1)
    assert not DemocracyYear.objects.filter(unit=cast.c2).exists()
    result = run_import("democracy_matters", workbook(MATTERS, rows), cast.d1_officer)
    assert result.written
    made = DemocracyYear.objects.get(unit=cast.c2, year=2024)
    assert made.place_kind == "commune" and Disclosure.objects.filter(record=made).count() == 12
    found = sorted(Matter.objects.values_list("record__unit__code", "content", "method", "agreeing", "version"))
    assert found == [
        ("C1", "Làm đường ấp 3", "meeting", 150, 2),
        ("C2", "Lắp đèn đường ấp 2", "online", 300, 1),
        ("C2", "Mức đóng góp xây nhà văn hóa ấp 1", "ballot", None, 1),
    ]
    logged = ChangeLogEntry.objects.filter(content_type__model__in=["matter", "democracyyear"])
    assert sorted(logged.values_list("content_type__model", "action")) == [
        ("democracyyear", "create"), ("democracyyear", "create"), ("matter", "create"), ("matter", "create"),
        ("matter", "create"), ("matter", "update"),
    ]  # fmt: skip
    again = run_import("democracy_matters", workbook(MATTERS, rows), cast.d1_officer)
    assert (again.created, again.updated, again.unchanged) == (0, 0, 3)


def test_every_bad_matter_at_once_and_nothing_written(cast):
    make_record(cast.admin, agency(cast.d1, "Phòng Nội vụ huyện", code="PNV"), 2024)
    rows = [
        ["C1", 2024, "Làm đường ấp 3", "Ấp 3", "Hội nghị", "10/4/2024", 200, 250],
        ["C1", 2024, "Làm đường ấp 3", "Ấp 3", "Hội nghị", "10/4/2024", 200, 150],
        ["C3", 2024, "Nạo vét kênh", "Ấp 1", "Hội nghị", "10/4/2024", 200, 150],
        ["C9", 2024, "Nạo vét kênh", "Ấp 1", "Hội nghị", "10/4/2024", 200, 150],
        ["C2", 2024, "Nạo vét kênh", "Ấp 1", "Gửi thư", "10/4/2025", 0, -1],
        ["PNV", 2024, "Bầu trưởng ấp", "Ấp 1", "Hội nghị", "31/2/2024", 100, 60],
        ["D1", 2024, "Bầu trưởng ấp", "Ấp 1", "Hội nghị", "01/03/2024", 100, 60],
        ["C2", 2030, "Bầu trưởng ấp", "Ấp 1", "Hội nghị", "01/03/2024", 100, 60],
        ["C2", 2024, None, "Ấp 1", "Hội nghị", "01/03/2024", None, 60],
    ]
    result = run_import("democracy_matters", workbook(MATTERS, rows), cast.d1_officer)
    assert not result.written
    errors = errors_of(result)
    expected = [
        "Dòng 4, cột 'Số hộ đồng ý': Số hộ đồng ý (250) vượt quá tổng số hộ gia đình (200).",
        "Dòng 5, cột 'Nội dung': Trùng với dòng 4 (cùng đơn vị, năm, nội dung và ngày lấy ý kiến).",
        "Dòng 6, cột 'Đơn vị': Đơn vị 'C3' ngoài phạm vi quản lý của bạn",
        "Dòng 8, cột 'Ngày lấy ý kiến': Ngày 10/04/2025 không thuộc năm 2024 ghi ở cột Năm.",
        "Dòng 10, cột 'Đơn vị': Dân chủ ở cơ sở ghi cho xã, phường, cơ quan, doanh nghiệp; Huyện ủy Bến Cầu là cấp ủy "
        "cấp trên.",
        "Dòng 11, cột 'Năm': Năm 2030 chưa đến.",
    ]
    for message in expected:
        assert message in errors, (message, errors)
    joined = "\n".join(errors)
    assert "Dòng 7, cột 'Đơn vị'" in joined and "C9" in joined  # the resolver's unknown-unit message
    assert "Dòng 8, cột 'Hình thức': Không có hình thức 'Gửi thư'" in joined
    assert "Dòng 8, cột 'Số hộ đồng ý'" in joined  # negative
    assert "Dòng 9, cột 'Ngày lấy ý kiến'" in joined  # 31/2 does not exist
    assert "Dòng 12, cột 'Nội dung'" in joined and "Dòng 12, cột 'Tổng số hộ'" in joined
    row_9 = [e for e in errors if e.startswith("Dòng 9,")]
    assert row_9 and all("Phòng Nội vụ" not in e for e in row_9)
    assert not Matter.objects.exists() and not DemocracyYear.objects.filter(unit__code__in=["C1", "C2"]).exists()


def test_a_matter_for_an_agency_is_refused(cast):
    make_record(cast.admin, agency(cast.d1, "Phòng Nội vụ huyện", code="PNV"), 2024)
    rows = [["PNV", 2024, "Bầu trưởng ấp", "Ấp 1", "Hội nghị", "01/03/2024", 100, 60]]
    result = run_import("democracy_matters", workbook(MATTERS, rows), cast.d1_officer)
    assert errors_of(result) == [
        "Dòng 4: Nội dung nhân dân bàn và quyết định chỉ ghi cho xã, phường, đặc khu; Phòng Nội vụ huyện là cơ "
        "quan, đơn vị."
    ]


def test_wrong_file_and_missing_column(cast):
    result = run_import("democracy_matters", io.BytesIO(b"<html>not a workbook</html>"), cast.c1_officer)
    assert not result.written and errors_of(result)
    assert all(e.startswith(("Tệp", "Không")) or "xlsx" in e for e in errors_of(result)), errors_of(result)
    result = run_import("democracy_matters", workbook(MATTERS[:-2], [["C1", 2024, "X", "", "Hội nghị", "1/3/2024"]]),
                        cast.c1_officer)  # fmt: skip
    assert "Cột 'Tổng số hộ': Thiếu cột bắt buộc này trong dòng tiêu đề (dòng 3, trang 'Sheet')" in errors_of(result)


def test_boards_every_error_then_written_and_updated(cast):
    make_record(cast.admin, agency(cast.d1, "Phòng Nội vụ huyện", code="PNV"), 2024)
    record = make_record(cast.admin, cast.c1, 2024)
    make_board(cast.admin, record, members=7)
    bad = [
        ["C1", 2024, "Ban TTND", 9, 8, 4, 5],
        ["C1", 2024, "Thanh tra nhân dân", 9, 8, 4, 3],
        ["PNV", 2024, "Ban GSĐTCĐ", 5, 1, 0, 0],
        ["C2", 2024, "Ban Kiểm tra", 5, 1, 0, 0],
        ["C2", 2024, "Ban GSĐTCĐ", 0, 1, 0, 0],
    ]
    result = run_import("democracy_boards", workbook(BOARDS, bad), cast.d1_officer)
    errors = errors_of(result)
    too_many = "Số kiến nghị được giải quyết (5) vượt quá số kiến nghị (4)."
    assert f"Dòng 4, cột 'Số kiến nghị được giải quyết': {too_many}" in errors
    assert "Dòng 5, cột 'Ban': Trùng với dòng 4 (cùng đơn vị, năm và ban)." in errors
    assert (
        "Dòng 6: Ban Giám sát đầu tư của cộng đồng chỉ ghi cho xã, phường, đặc khu; Phòng Nội vụ huyện là cơ quan, "
        "đơn vị." in errors
    )
    assert any(e.startswith("Dòng 7, cột 'Ban': Không có ban 'Ban Kiểm tra'") for e in errors)
    assert "Dòng 8, cột 'Số thành viên': Số thành viên phải từ 1 trở lên." in errors
    assert Board.objects.get().members == 7
    good = [["C1", 2024, "Ban TTND", 9, 8, 4, 3], ["C2", 2024, "Giám sát đầu tư", 5, None, None, None]]
    result = run_import("democracy_boards", workbook(BOARDS, good), cast.d1_officer)
    assert errors_of(result) == [] and (result.created, result.updated) == (1, 1)
    assert sorted(Board.objects.values_list("record__unit__code", "kind", "members", "resolved", "version")) == [
        ("C1", "inspection", 9, 3, 2),
        ("C2", "investment", 5, 0, 1),
    ]


def test_exports_import_back_unchanged_in_constant_queries(cast):
    for unit in (cast.c1, cast.c2):
        record = make_record(cast.admin, unit, 2024)
        make_board(cast.admin, record)
        for n in range(3):
            make_matter(cast.admin, record, content=f"Nội dung {n + 1}", agreeing=None if n == 2 else 110)
    for kind, count in (("democracy_matters", 6), ("democracy_boards", 2)):
        content = export_bytes(kind, {}, user=cast.admin)
        result = run_import(kind, io.BytesIO(content), cast.admin)
        assert errors_of(result) == [] and result.unchanged == count, kind
    empty = openpyxl.load_workbook(io.BytesIO(export_bytes("democracy_matters", {"empty": True}, user=cast.admin)))
    assert [c.value for c in next(empty.active.iter_rows(max_row=1))] == MATTERS

    def cost(n: int) -> int:
        rows = [["C1", 2024, f"Việc số {i}", "Ấp 1", "Hội nghị", "1/3/2024", 100, 60] for i in range(n)]
        with CaptureQueriesContext(connection) as queries:
            result = run_import("democracy_matters", workbook(MATTERS, rows), cast.admin, dry_run=True)
        assert errors_of(result) == []
        return len(queries)

    assert cost(3) == cost(40)
