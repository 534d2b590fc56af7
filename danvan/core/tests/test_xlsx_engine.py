"""The generic engine, through a tiny kind over blocs: every error at once, all or nothing, no-op re-imports."""

import datetime as dt
import io

import openpyxl
import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import IntegrityError

from danvan.core.models import ChangeLogEntry
from danvan.core.testing.factories import make_user
from danvan.core.xlsx import Column, Date, Integer, ModelKind, Text, engine, export_bytes, registry, run_import
from danvan.org.models import Bloc

pytestmark = pytest.mark.django_db


class BlocsKind(ModelKind):
    name = "test-blocs"
    label = "khối"
    model = Bloc
    columns = (
        Column("Mã", "code", Text(40), required=True, unique=True),
        Column("Tên khối", "name", Text(200), required=True, aliases=("Tên",)),
        Column("Thứ tự", "order", Integer(min_value=0)),
        Column("Hiệu lực từ", "valid_from", Date()),
        Column("Hiệu lực đến", "valid_until", Date()),
    )

    def export_queryset(self, user, filters):
        return super().export_queryset(user, filters).order_by("code")


KIND = BlocsKind()
HEADER = ["Mã", "Tên khối", "Thứ tự", "Hiệu lực từ", "Hiệu lực đến"]


def xlsx(rows: list[list], header: list | None = HEADER) -> bytes:
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    for row in [header, *rows] if header else rows:
        sheet.append(row)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def counts() -> tuple[int, int]:
    return Bloc.objects.count(), ChangeLogEntry.objects.count()


def errors(result) -> list[str]:
    return [str(e) for e in result.errors]


def test_it_creates_updates_and_leaves_alone():
    before = counts()
    result = run_import(
        KIND, xlsx([["vh", "Văn hóa", 5], ["dang", "Đảng Cộng sản", 1], ["chinh-quyen", "Chính quyền", 2]])
    )
    assert result.ok, errors(result)
    assert (result.created, result.updated, result.unchanged) == (1, 1, 1)
    assert result.summary() == "Đã thêm 1, cập nhật 1, không đổi 1 khối"
    # What a web preview shows: each row's cells as read, its action and its record.
    assert [(row.number, row.cells["code"], row.action.label) for row in result.rows] == [
        (2, "vh", "Thêm mới"),
        (3, "dang", "Cập nhật"),
        (4, "chinh-quyen", "Không đổi"),
    ]
    assert result.rows[0].target == Bloc.objects.get(code="vh")
    assert Bloc.objects.get(code="dang").name == "Đảng Cộng sản"
    entries = list(ChangeLogEntry.objects.order_by("id")[before[1] :])
    assert [(e.action, e.object_repr, e.source) for e in entries] == [
        ("create", "Văn hóa", "import"),
        ("update", "Đảng Cộng sản", "import"),
    ]
    assert entries[1].before == {"name": "Đảng"} and entries[1].after == {"name": "Đảng Cộng sản"}


def test_importing_the_same_file_again_changes_nothing():
    data = xlsx([["vh", "Văn hóa", 5, "1/1/2020", None]])
    run_import(KIND, data)
    before = counts()
    result = run_import(KIND, data)
    assert (result.created, result.updated, result.unchanged) == (0, 0, 1)
    assert counts() == before


def test_a_dry_run_writes_nothing():
    before = counts()
    result = run_import(KIND, xlsx([["vh", "Văn hóa"]]), dry_run=True)
    assert result.ok and not result.written and result.created == 1
    assert result.summary() == "Kiểm tra xong, chưa ghi gì (chạy thử): sẽ thêm 1, cập nhật 0, không đổi 0 khối"
    assert counts() == before


def test_every_error_is_reported_at_once_and_nothing_is_written():
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    for row in [
        HEADER,
        ["vh", "Văn hóa", "hai"],
        ["yt", None, 1, "13/5/2016", "1/1/2016"],
        ["vh", "Văn hóa 2", 3],
        ["qp", "Quốc phòng", "=1+1"],
        ["ok", "Hợp lệ", 4, "31/2/2020"],
        ["a b", "Sai mã", 6],
        ["na", "#N/A"],
    ]:
        sheet.append(row)
    buffer = io.BytesIO()
    workbook.save(buffer)
    before = counts()
    result = run_import(KIND, buffer.getvalue())
    assert not result.ok
    assert errors(result) == [
        "Dòng 2, cột 'Thứ tự': Không phải số nguyên: 'hai'",
        "Dòng 3, cột 'Tên khối': Chưa nhập (bắt buộc)",
        "Dòng 4, cột 'Mã': 'vh' bị trùng với dòng 2",
        "Dòng 5, cột 'Thứ tự': Ô chứa công thức; vui lòng dán giá trị",
        "Dòng 6, cột 'Hiệu lực từ': Ngày không hợp lệ: '31/2/2020'; ghi theo dạng ngày/tháng/năm, ví dụ 13/5/2016",
        f"Dòng 7, cột 'Mã': {_slug_message()}",
        "Dòng 8, cột 'Tên khối': Ô đang báo lỗi #N/A; vui lòng nhập giá trị",
    ]
    assert counts() == before


def _slug_message() -> str:
    from django.core.exceptions import ValidationError

    try:
        Bloc._meta.get_field("code").run_validators("a b")
    except ValidationError as exc:
        return exc.messages[0]
    raise AssertionError


def test_the_models_own_rules_apply():
    result = run_import(KIND, xlsx([["vh", "Văn hóa", 1, "13/5/2016", "1/1/2016"]]))
    assert errors(result) == [
        "Dòng 2, cột 'Hiệu lực đến': Ngày hết hiệu lực (1/1/2016) trước ngày bắt đầu hiệu lực (13/5/2016)"
    ]


def test_missing_required_columns_are_reported_before_any_row():
    result = run_import(KIND, xlsx([[None, 1], ["", "hai"]], header=["STT", "Thứ tự"]))
    assert errors(result) == [
        "Cột 'Mã': Thiếu cột bắt buộc này trong dòng tiêu đề (dòng 1, trang 'Sheet')",
        "Cột 'Tên khối': Thiếu cột bắt buộc này trong dòng tiêu đề (dòng 1, trang 'Sheet')",
    ]
    assert result.rows == []


def test_a_file_without_a_header_says_which_columns_it_needs():
    result = run_import(KIND, xlsx([["a", "b"]], header=["Một", "Hai"]))
    assert errors(result)[0] == engine.MSG_NO_HEADER
    assert errors(result)[1:] == [
        "Cột 'Mã': Thiếu cột bắt buộc này trong dòng tiêu đề",
        "Cột 'Tên khối': Thiếu cột bắt buộc này trong dòng tiêu đề",
    ]


def test_a_column_twice_in_the_header_is_an_error():
    result = run_import(KIND, xlsx([["vh", "Văn hóa", "Văn hóa"]], header=["Mã", "Tên", "Tên khối"]))
    assert errors(result) == ["Cột 'Tên khối': Cột xuất hiện hai lần trong dòng tiêu đề (cột B và C)"]


def test_a_header_without_rows_is_an_empty_file():
    assert errors(run_import(KIND, xlsx([[], [None, "  "], ["Tổng cộng"]]))) == [engine.MSG_NO_ROWS]


def test_an_empty_workbook_is_an_empty_file():
    assert errors(run_import(KIND, xlsx([], header=None))) == [engine.MSG_EMPTY_WORKBOOK]


def test_a_not_unit_scoped_kind_needs_an_unrestricted_user(cast):
    before = counts()
    result = run_import(KIND, xlsx([["vh", "Văn hóa"]]), user=cast.admin)
    assert errors(result) == ["Dòng 2, cột 'Mã': Chỉ quản trị toàn hệ thống mới được thêm hoặc sửa 'vh'"]
    assert counts() == before
    root = make_user("root", is_superuser=True)
    assert run_import(KIND, xlsx([["vh", "Văn hóa"]]), user=root).created == 1
    entry = ChangeLogEntry.objects.latest("id")
    assert (entry.actor, entry.source) == (root, "import")


def test_unchanged_rows_need_no_scope(cast):
    assert run_import(KIND, xlsx([["dang", "Đảng"]]), user=cast.outsider).ok


def test_a_conflict_while_writing_writes_nothing(monkeypatch):
    def write(rows, ctx):
        Bloc.objects.create(code="tam", name="Tạm")
        raise IntegrityError("duplicate key")

    monkeypatch.setattr(KIND, "write", write)
    before = counts()
    result = run_import(KIND, xlsx([["vh", "Văn hóa"]]))
    assert errors(result) == [engine.MSG_CONFLICT]
    assert counts() == before


def test_an_export_imports_back_unchanged():
    Bloc.objects.create(code="vh", name="=Văn hóa+1", order=7, valid_from=dt.date(2016, 5, 13))
    data = export_bytes(KIND)
    sheet = openpyxl.load_workbook(io.BytesIO(data)).active
    assert [c.value for c in sheet[1]] == HEADER
    assert sheet["A1"].font.b and sheet.freeze_panes == "A2"
    row = next(r for r in sheet.iter_rows(min_row=2) if r[0].value == "vh")
    assert row[1].value == "=Văn hóa+1" and row[1].data_type == "s"
    assert row[3].value == dt.datetime(2016, 5, 13) and row[3].number_format == "DD/MM/YYYY"
    before = counts()
    result = run_import(KIND, data)
    assert result.ok and result.unchanged == Bloc.objects.count() and result.created == result.updated == 0
    assert counts() == before


def test_kinds_are_found_in_every_app():
    assert {"units", "lineage"} <= set(registry.kind_names())
    with pytest.raises(registry.UnknownKind) as info:
        registry.get_kind("khong-co")
    assert str(info.value).startswith("Không có loại dữ liệu 'khong-co'. Các loại có thể dùng: ")
    assert "lineage, " in str(info.value)


def test_the_command_lists_known_kinds_for_an_unknown_one(tmp_path):
    with pytest.raises(CommandError, match=r"Không có loại dữ liệu 'khong-co'\. Các loại có thể dùng: .*units"):
        call_command("import_xlsx", "khong-co", str(tmp_path / "x.xlsx"))
    with pytest.raises(CommandError, match="Không có loại dữ liệu"):
        call_command("export_xlsx", "khong-co", "-o", str(tmp_path / "x.xlsx"))


def test_the_command_refuses_an_unknown_user(tmp_path):
    with pytest.raises(CommandError, match="Không có người dùng 'ai-do'"):
        call_command("import_xlsx", "units", str(tmp_path / "x.xlsx"), "--user", "ai-do")


def test_the_command_reports_a_missing_file(tmp_path):
    err = io.StringIO()
    with pytest.raises(CommandError, match=r"Tệp có 1 lỗi; không có dữ liệu nào được ghi\."):
        call_command("import_xlsx", "units", str(tmp_path / "x.xlsx"), stderr=err)
    assert err.getvalue().startswith("Không tìm thấy tệp")
