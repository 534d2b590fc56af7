"""Importing and exporting practices with `import_xlsx practices` / `export_xlsx practices` (issue 3)."""

import datetime as dt
import io
import zipfile
from pathlib import Path

import openpyxl
import pytest
from django.core.management import call_command, load_command_class
from django.core.management.base import CommandError
from django.db import connection
from django.test.utils import CaptureQueriesContext

from danvan.core import numbering, scoping
from danvan.core.models import ChangeLogEntry
from danvan.core.testing.factories import make_practice, make_unit
from danvan.core.xlsx import engine, export, get_kind, reader, run_import
from danvan.practices.choices import Status
from danvan.practices.imports import PracticesKind
from danvan.practices.models import Level, Practice

pytestmark = pytest.mark.django_db

TITLE_BLOCK = [
    ["HUYỆN ỦY BẾN CẦU", None, None, None, "ĐẢNG CỘNG SẢN VIỆT NAM"],
    ["BAN DÂN VẬN"],
    [None, None, None, None, "Bến Cầu, ngày 20 tháng 12 năm 2019"],
    ["DANH SÁCH MÔ HÌNH DÂN VẬN KHÉO NĂM 2019"],
    [],
]
HEADER = [
    "STT",
    "Mã mô hình",
    "Tên mô hình",
    "Loại",
    "Đối tượng",
    "Họ tên",
    "Chức vụ",
    "Đơn vị",
    "Khối",
    "Lĩnh vực",
    "Năm",
    "Cấp đăng ký",
    "Trạng thái",
    "Cấp công nhận",
    "Số quyết định công nhận",
    "Ngày công nhận",
    "Mô tả",
]
FIELDS = [
    "stt",
    "code",
    "name",
    "kind",
    "subject",
    "person_name",
    "person_position",
    "unit",
    "bloc",
    "field",
    "year",
    "level",
    "status",
    "recognized_level",
    "decision_number",
    "decision_date",
    "description",
]
DEFAULTS = {
    "stt": 1,
    "code": None,
    "name": "Mô hình “Dân vận khéo” hiến đất làm đường",
    "kind": "Mô hình",
    "subject": "Tập thể",
    "person_name": None,
    "person_position": None,
    "unit": "C1",
    "bloc": None,
    "field": "Kinh tế",
    "year": 2019,
    "level": "Cấp cơ sở",
    "status": "Đăng ký",
    "recognized_level": None,
    "decision_number": None,
    "decision_date": None,
    "description": "Vận động Nhân dân hiến đất, góp công làm đường giao thông nông thôn.",
}


def row(**changes) -> list:
    unknown = set(changes) - set(FIELDS)
    assert not unknown, unknown
    return [changes.get(name, DEFAULTS[name]) for name in FIELDS]


def write_xlsx(path: Path, rows: list[list], header: list | None = HEADER, title: bool = True) -> Path:
    """A list as units send it: an instructions sheet, then a title block and the header on row 6."""
    workbook = openpyxl.Workbook()
    workbook.active.title = "Ghi chú"
    workbook.active.append(["Danh sách gửi Ban Dân vận Tỉnh ủy trước ngày 25/12."])
    sheet = workbook.create_sheet("DS mô hình")
    for cells in [*(TITLE_BLOCK if title else []), *([header] if header else []), *rows]:
        sheet.append(cells)
    workbook.save(path)
    return path


def state() -> tuple[int, int, list]:
    counters = list(numbering.Counter.objects.order_by("key").values_list("key", "value"))
    return Practice.objects.count(), ChangeLogEntry.objects.count(), counters


def messages(result) -> list[str]:
    return [str(error) for error in result.errors]


def assert_rejected(path: Path, expected: list[str], user=None) -> None:
    """Every error at once, nothing written, and the command fails with the same lines."""
    before = state()
    result = run_import("practices", path, user=user)
    assert messages(result) == expected
    assert not result.written
    assert state() == before
    err = io.StringIO()
    extra = ["--user", user.username] if user else []
    with pytest.raises(CommandError, match=f"Tệp có {len(expected)} lỗi; không có dữ liệu nào được ghi."):
        call_command("import_xlsx", "practices", str(path), *extra, stderr=err, stdout=io.StringIO())
    assert err.getvalue().splitlines() == expected
    assert state() == before


# --- A good file ---------------------------------------------------------------------------------

MESSY_HEADER = [
    "STT",
    "MA MO HINH",
    "TEN MO HINH",
    "LOAI",
    "DOI TUONG",
    "HO TEN",
    "CHUC VU",
    "DON VI",
    "KHOI",
    "LINH VUC",
    "NAM",
    "CAP DANG KY",
    "TRANG THAI",
    "CAP CONG NHAN",
    "SO QUYET DINH CONG NHAN",
    "NGAY CONG NHAN",
    "MO TA",
]


def messy_rows() -> list[list]:
    return [
        row(unit="Huyện uỷ  Bến Cầu", field="Văn hoá – xã hội", level="cap co so"),
        [],
        row(
            stt=2,
            name="Gương dân vận khéo\u00a0trong công tác hòa giải ",
            kind="ĐIỂN HÌNH",
            subject="ca nhan",
            person_name="Nguyễn Văn An",
            person_position="Bí thư chi bộ ấp Long Hòa",
            unit="ĐẢNG UỶ XÃ LONG THUẬN",
            field="VAN HOA - XA HOI",
            year="2019",
            level="Cơ sở",
            status="ĐÃ CÔNG NHẬN",
            recognized_level="Cấp huyện",
            decision_number="125-QĐ/HU",
            decision_date="13.12.2019",
        ),
        row(
            stt=3,
            name="Dân vận khéo trong chuyển đổi số",
            unit="Tỉnh ủy Tây Ninh",
            bloc="Chính quyền",
            field="Xây dựng hệ thống chính trị",
            level="Cấp tỉnh",
            status="Không công nhận",
            decision_date=None,
        ),
        row(
            stt=4,
            name="Tổ tự quản đường hoa",
            unit="Tỉnh uỷ Tây Ninh",
            status="Đã công nhận",
            recognized_level="Cấp tỉnh",
            decision_number="15-QĐ/TU",
            decision_date=dt.datetime(2019, 12, 20),
            year=2019.0,
        ),
        [None, None, None],
        ["Tổng cộng", None, "4 mô hình"],
    ]


def test_it_imports_a_list_as_units_make_it(cast, tmp_path):
    before = ChangeLogEntry.objects.count()
    result = run_import("practices", write_xlsx(tmp_path / "ds.xlsx", messy_rows(), MESSY_HEADER))
    assert messages(result) == []
    assert (result.sheet, result.header_row) == ("DS mô hình", 6)
    assert [r.number for r in result.rows] == [7, 9, 10, 11]
    assert result.summary() == "Đã thêm 4, cập nhật 0, không đổi 0 mô hình, điển hình"
    d1_model, exemplar, rejected, provincial = Practice.objects.order_by("code")
    assert [p.code for p in (d1_model, exemplar, rejected, provincial)] == [f"DVK-2019-{n:06d}" for n in range(1, 5)]
    assert (d1_model.unit, d1_model.unit_name, d1_model.bloc.code, d1_model.field.code) == (
        cast.d1,
        "Huyện ủy Bến Cầu",
        "dang",
        "van-hoa-xa-hoi",
    )
    assert (d1_model.status, d1_model.level.code, d1_model.recognizing_unit) == (Status.REGISTERED, "co-so", None)
    assert (exemplar.kind, exemplar.subject, exemplar.person_name, exemplar.name) == (
        "exemplar",
        "individual",
        "Nguyễn Văn An",
        "Gương dân vận khéo trong công tác hòa giải",
    )
    # Recognized in the past: the final state, its level and decision; recognized by the unit's parent.
    assert (exemplar.status, exemplar.recognized_level.code, exemplar.decision_number, exemplar.decision_date) == (
        Status.RECOGNIZED,
        "huyen",
        "125-QĐ/HU",
        dt.date(2019, 12, 13),
    )
    assert exemplar.recognizing_unit == cast.d1
    assert (rejected.status, rejected.bloc.code, rejected.recognized_level) == (Status.REJECTED, "chinh-quyen", None)
    assert (provincial.unit, provincial.recognizing_unit, provincial.decision_date) == (
        cast.province,
        None,
        dt.date(2019, 12, 20),
    )
    assert "guong dan van kheo" in exemplar.search_text
    entries = ChangeLogEntry.objects.order_by("id")[before:]
    assert [(e.action, e.object_repr[:12], e.source, e.unit_id) for e in entries] == [
        ("create", "DVK-2019-000", "import", unit.pk) for unit in (cast.d1, cast.c1, cast.province, cast.province)
    ]
    assert numbering.Counter.objects.get(key="DVK-2019").value == 4
    # A registration afterwards continues the numbering.
    assert make_practice(cast.c2, 2019).code == "DVK-2019-000005"


def test_importing_the_same_file_again_changes_nothing(cast, tmp_path):
    path = write_xlsx(tmp_path / "ds.xlsx", messy_rows(), MESSY_HEADER)
    assert run_import("practices", path).created == 4
    before = state()
    result = run_import("practices", path)
    assert messages(result) == []
    assert result.summary() == "Đã thêm 0, cập nhật 0, không đổi 4 mô hình, điển hình"
    assert not result.written
    assert state() == before


def test_a_dry_run_writes_nothing(cast, tmp_path):
    path = write_xlsx(tmp_path / "ds.xlsx", messy_rows(), MESSY_HEADER)
    before = state()
    out = io.StringIO()
    call_command("import_xlsx", "practices", str(path), "--dry-run", stdout=out)
    assert out.getvalue().strip() == (
        "Kiểm tra xong, chưa ghi gì (chạy thử): sẽ thêm 4, cập nhật 0, không đổi 0 mô hình, điển hình"
    )
    assert state() == before


def test_the_command_imports_and_says_what_it_did(cast, tmp_path):
    out = io.StringIO()
    call_command("import_xlsx", "practices", str(write_xlsx(tmp_path / "ds.xlsx", [row()])), stdout=out)
    assert out.getvalue().strip() == "Đã thêm 1, cập nhật 0, không đổi 0 mô hình, điển hình"


def test_headers_with_both_tone_placements_and_dash_styles(cast, tmp_path):
    header = [h.upper() for h in HEADER]
    header[HEADER.index("Số quyết định công nhận")] = "Số quyết định – công nhận"
    header[HEADER.index("Mã mô hình")] = "MÃ  MÔ HÌNH"
    rows = [
        row(unit="Tỉnh uỷ Tây Ninh", field="Quốc phòng – an ninh"),
        row(stt=2, name="Mô hình khác", unit="Tỉnh ủy Tây Ninh", field="quoc phong - an ninh"),
    ]
    result = run_import("practices", write_xlsx(tmp_path / "ds.xlsx", rows, header))
    assert messages(result) == [] and result.created == 2
    assert set(Practice.objects.values_list("unit__code", "field__code")) == {("P", "quoc-phong-an-ninh")}


def test_a_file_without_the_optional_columns(cast, tmp_path):
    header = ["Tên mô hình, điển hình", "Đơn vị", "Lĩnh vực", "Năm", "Cấp"]
    path = write_xlsx(tmp_path / "ds.xlsx", [["Mô hình tối giản", "C3", "Kinh tế", 2024, "Cấp cơ sở"]], header, False)
    result = run_import("practices", path)
    assert messages(result) == [] and result.created == 1
    practice = Practice.objects.get()
    assert (practice.kind, practice.subject, practice.status, practice.bloc.code) == (
        "model",
        "collective",
        "registered",
        "dang",
    )


# --- Updates by code ----------------------------------------------------------------------------


def test_an_existing_code_updates_that_record(cast, tmp_path):
    practice = make_practice(cast.c1, 2019, name="Tên cũ")
    version = practice.version
    before = ChangeLogEntry.objects.count()
    path = write_xlsx(tmp_path / "ds.xlsx", [row(code=practice.code.lower(), name="Tên mới", unit="C2")])
    result = run_import("practices", path, user=cast.d1_officer)
    assert messages(result) == [] and (result.created, result.updated) == (0, 1)
    practice.refresh_from_db()
    assert (practice.name, practice.unit, practice.unit_name, practice.version) == (
        "Tên mới",
        cast.c2,
        cast.c2.name,
        version + 1,
    )
    assert practice.search_text.startswith(f"{practice.code.lower()} ten moi")
    entry = ChangeLogEntry.objects.order_by("id")[before:].get()
    assert (entry.action, entry.source, entry.actor) == ("update", "import", cast.d1_officer)
    assert entry.before == {"name": "Tên cũ", "unit_id": cast.c1.pk, "unit_name": cast.c1.name, "description": ""}
    assert entry.after["name"] == "Tên mới" and entry.after["unit_id"] == cast.c2.pk


def test_moving_a_record_needs_both_units_in_scope(cast, tmp_path):
    practice = make_practice(cast.c1, 2019)
    path = write_xlsx(tmp_path / "ds.xlsx", [row(code=practice.code, name=practice.name, unit="C2", description="")])
    assert_rejected(path, ["Dòng 7, cột 'Đơn vị': Đơn vị 'C2' ngoài phạm vi quản lý của bạn"], cast.c1_officer)
    assert_rejected(path, ["Dòng 7, cột 'Mã mô hình': Đơn vị 'C1' ngoài phạm vi quản lý của bạn"], cast.c2_officer)


def test_a_recognized_record_is_not_changed_by_an_import(cast, tmp_path):
    practice = make_practice(cast.c1, 2019)
    Practice.objects.filter(pk=practice.pk).update(
        status=Status.RECOGNIZED, recognized_level=Level.objects.get(code="co-so"), decision_number="1-QĐ"
    )
    base = dict(code=practice.code, name=practice.name, description="", status="Đã công nhận")
    same = row(**base, recognized_level="Cấp cơ sở", decision_number="1-QĐ")
    assert run_import("practices", write_xlsx(tmp_path / "same.xlsx", [same])).unchanged == 1
    changed = row(**base, recognized_level="Cấp huyện", decision_number="1-QĐ", year=2019)
    assert_rejected(
        write_xlsx(tmp_path / "ds.xlsx", [changed]),
        [
            "Dòng 7, cột 'Mã mô hình': Mô hình đã được công nhận nên không sửa bằng nhập Excel; "
            "hãy lập đính chính (khác ở: Cấp công nhận)."
        ],
    )


def test_an_unknown_code_is_an_error(cast, tmp_path):
    make_practice(cast.c1, 2019)
    rows = [row(code="MH-2019-01"), row(stt=2, code="DVK-2019-000001", name="Khác"), row(code="DVK-2018-000009")]
    rows[1] = row(stt=2, code="DVK-2019-000000", name="Khác")
    assert_rejected(
        write_xlsx(tmp_path / "ds.xlsx", rows),
        [
            "Dòng 7, cột 'Mã mô hình': Không tìm thấy mô hình có mã 'MH-2019-01'; để trống ô này nếu là mô hình mới.",
            "Dòng 8, cột 'Mã mô hình': Không tìm thấy mô hình có mã 'DVK-2019-000000'; "
            "để trống ô này nếu là mô hình mới.",
            "Dòng 9, cột 'Mã mô hình': Mã 'DVK-2018-000009' là mã của năm 2018, không khớp với năm 2019 của dòng này.",
        ],
    )


def test_historical_codes_are_kept_and_new_registrations_follow_them(cast, tmp_path):
    rows = [
        row(code="DVK-2016-000120", year=2016, status="Đã công nhận", recognized_level="Cấp cơ sở"),
        row(stt=2, code="dvk-2016-000007", name="Mô hình cũ khác", year=2016),
        row(stt=3, name="Mô hình chưa có mã", year=2016),
    ]
    result = run_import("practices", write_xlsx(tmp_path / "ds.xlsx", rows))
    assert messages(result) == [] and result.created == 3
    assert sorted(Practice.objects.values_list("code", flat=True)) == [
        "DVK-2016-000007",
        "DVK-2016-000120",
        "DVK-2016-000121",
    ]
    assert make_practice(cast.c1, 2016, name="Đăng ký sau").code == "DVK-2016-000122"


def test_a_row_without_a_code_updates_the_same_practice_of_the_same_unit_and_year(cast, tmp_path):
    practice = make_practice(cast.c1, 2019, name="Mô hình “Dân vận khéo” hiến đất làm đường")
    path = write_xlsx(tmp_path / "ds.xlsx", [row(name="MÔ HÌNH “DÂN VẬN KHÉO”  HIẾN ĐẤT LÀM ĐƯỜNG")])
    result = run_import("practices", path)
    assert messages(result) == [] and (result.created, result.updated) == (0, 1)
    practice.refresh_from_db()
    assert practice.description == DEFAULTS["description"]
    assert practice.name == "MÔ HÌNH “DÂN VẬN KHÉO” HIẾN ĐẤT LÀM ĐƯỜNG"  # the file is what the record says now


def test_two_practices_with_the_same_name_need_a_code(cast, tmp_path):
    first = make_practice(cast.c1, 2019, name="Mô hình trùng tên")
    second = make_practice(cast.c1, 2019, name="Mô hình trùng tên")
    path = write_xlsx(tmp_path / "ds.xlsx", [row(name="Mô hình trùng tên")])
    assert_rejected(
        path,
        [
            "Dòng 7, cột 'Mã mô hình': Đơn vị đã có 2 mô hình cùng tên trong năm 2019 "
            f"(mã {first.code}, {second.code}); hãy ghi mã mô hình cần cập nhật."
        ],
    )


def test_an_existing_code_twice_is_one_error(cast, tmp_path):
    practice = make_practice(cast.c1, 2019)
    rows = [row(code=practice.code, name=practice.name), row(stt=2, code=practice.code, name="Tên khác")]
    assert_rejected(
        write_xlsx(tmp_path / "ds.xlsx", rows), [f"Dòng 8, cột 'Mã mô hình': '{practice.code}' bị trùng với dòng 7"]
    )


def test_unchanged_rows_are_not_checked_again_against_todays_rules(cast, tmp_path):
    district = Level.objects.get(code="huyen")
    make_practice(cast.c1, 2019, level=district)
    Level.objects.filter(pk=district.pk).update(valid_until=dt.date(2018, 12, 31))  # a configuration change
    path = tmp_path / "xuat.xlsx"
    export("practices").save(path)
    assert messages(result := run_import("practices", path)) == [] and result.unchanged == 1
    workbook = openpyxl.load_workbook(path)
    workbook.active["B2"] = "Tên mới"
    workbook.save(path)
    assert messages(run_import("practices", path)) == [
        "Dòng 2, cột 'Cấp đăng ký': Năm 2019 không có “Cấp huyện” (hiệu lực: Đến 31/12/2018)."
    ]


# --- Units by name ------------------------------------------------------------------------------


@pytest.fixture
def namesakes(cast):
    """ "Đảng ủy xã Long Giang" under D1 until the reform and its successor under the province after it."""
    old = make_unit("Đảng ủy xã Long Giang", parent=cast.d1, code="LG-CU", valid_until=dt.date(2025, 6, 30))
    new = make_unit("Đảng ủy xã Long Giang", parent=cast.province, code="LG-MOI", valid_from=dt.date(2025, 7, 1))
    return old, new


def test_a_name_is_resolved_by_the_year(cast, namesakes, tmp_path):
    old, new = namesakes
    rows = [row(unit="Đảng ủy xã Long Giang", year=2019), row(stt=2, unit="DANG UY XA LONG GIANG", year=2026)]
    result = run_import("practices", write_xlsx(tmp_path / "ds.xlsx", rows))
    assert messages(result) == []
    assert [r.target.unit for r in result.rows] == [old, new]


def test_a_name_valid_in_no_year_of_the_row_lists_the_namesakes(cast, namesakes, tmp_path):
    make_unit("Đảng ủy xã Long Giang", parent=cast.d2, code="LG-D2", valid_until=dt.date(2018, 12, 31))
    rows = [row(unit="Đảng ủy xã Long Giang", year=2019)]
    result = run_import("practices", write_xlsx(tmp_path / "ds.xlsx", rows))
    assert messages(result) == []  # LG-D2 ended in 2018: only LG-CU was there in 2019
    make_unit("Đảng ủy xã Long Giang", parent=cast.d2, code="LG-D2B", valid_from=dt.date(2019, 1, 1))
    assert_rejected(
        write_xlsx(tmp_path / "ds.xlsx", rows),
        [
            "Dòng 7, cột 'Đơn vị': Có 2 đơn vị cùng tên 'Đảng ủy xã Long Giang' (mã LG-CU, đến 30/6/2025; "
            "mã LG-D2B); hãy ghi mã đơn vị để phân biệt."
        ],
    )


def test_a_name_is_resolved_by_the_users_scope(cast, tmp_path):
    # C3 (under D2) is "Đảng ủy xã Tân Lập"; so is a commune under D1.
    namesake = make_unit("Đảng ủy xã Tân Lập", parent=cast.d1, code="TL-D1")
    path = write_xlsx(tmp_path / "ds.xlsx", [row(unit="Đảng uỷ xã Tân Lập", year=2024)])
    result = run_import("practices", path, user=cast.d2_officer)
    assert messages(result) == [] and result.rows[0].target.unit == cast.c3
    result = run_import("practices", path, user=cast.d1_officer)
    assert messages(result) == [] and result.rows[0].target.unit == namesake
    result = run_import("practices", path, user=cast.admin)
    assert messages(result) == [
        "Dòng 7, cột 'Đơn vị': Có 2 đơn vị cùng tên 'Đảng uỷ xã Tân Lập' (mã C3; mã TL-D1); "
        "hãy ghi mã đơn vị để phân biệt."
    ]


def test_a_unit_from_the_templates_list_is_read_by_its_code(cast, namesakes, tmp_path):
    path = write_xlsx(tmp_path / "ds.xlsx", [row(unit="LG-MOI – Đảng ủy xã Long Giang", year=2026)])
    result = run_import("practices", path)
    assert messages(result) == [] and result.rows[0].target.unit == namesakes[1]


# --- Bad rows -----------------------------------------------------------------------------------

D7 = "Dòng 7, cột '{}': "

BAD_ROWS = {
    "unknown unit": (
        [row(unit="Xã Không Có")],
        [D7.format("Đơn vị") + "Không tìm thấy đơn vị có mã hoặc tên 'Xã Không Có'."],
    ),
    "unit not valid that year": (
        [row(unit="D1", year=2026)],
        [D7.format("Đơn vị") + "Đơn vị “Huyện ủy Bến Cầu” không còn hoạt động trong năm 2026 (Đến 30/6/2025)."],
    ),
    "district level in 2026": (
        [row(level="Cấp huyện", year=2026)],
        [D7.format("Cấp đăng ký") + "Năm 2026 không có “Cấp huyện” (hiệu lực: Đến 30/6/2025)."],
    ),
    "year 2008": ([row(year=2008)], [D7.format("Năm") + "Năm 2008 ngoài khoảng cho phép (2009–2027)."]),
    "year 2099": ([row(year="2099")], [D7.format("Năm") + "Năm 2099 ngoài khoảng cho phép (2009–2027)."]),
    "recognized without a level": (
        [row(status="Đã công nhận")],
        [D7.format("Cấp công nhận") + "Trạng thái “Đã công nhận” cần có cấp công nhận."],
    ),
    "a level without recognition": (
        [row(recognized_level="Cấp cơ sở")],
        [D7.format("Cấp công nhận") + "Chỉ mô hình “Đã công nhận” mới có cấp công nhận."],
    ),
    "an individual without a name": (
        [row(subject="Cá nhân")],
        [D7.format("Họ tên") + "Điển hình cá nhân cần có họ tên."],
    ),
    "recognized before the year": (
        [row(status="Đã công nhận", recognized_level="Cấp cơ sở", decision_date="1/12/2018")],
        [D7.format("Ngày công nhận") + "Ngày công nhận phải từ năm 2019 trở đi."],
    ),
    "duplicate codes": (
        [row(code="DVK-2019-000050"), row(stt=2, code="dvk-2019-000050", name="Tên khác")],
        ["Dòng 8, cột 'Mã mô hình': 'DVK-2019-000050' bị trùng với dòng 7"],
    ),
    "the same practice twice without a code": (
        [row(), row(stt=2, name=" mô hình “dân vận khéo”  hiến đất làm đường")],
        ["Dòng 8, cột 'Tên mô hình': Trùng với dòng 7 (cùng đơn vị, năm, tên mô hình và họ tên)."],
    ),
    "formula cells": (
        [row(name='="Mô hình "&B7', year="=2018+1")],
        [
            D7.format("Tên mô hình") + engine.MSG_FORMULA,
            D7.format("Năm") + engine.MSG_FORMULA,
        ],
    ),
    "unknown choices": (
        [row(field="Y tế", status="Hoàn thành", level=None)],
        [
            D7.format("Lĩnh vực") + "Không có lĩnh vực 'Y tế'. Giá trị hợp lệ: Kinh tế; Văn hóa - xã hội; "
            "Quốc phòng - an ninh; Xây dựng hệ thống chính trị",
            D7.format("Cấp đăng ký") + "Chưa nhập (bắt buộc)",
            D7.format("Trạng thái") + "Không có trạng thái 'Hoàn thành'. Giá trị hợp lệ: Đăng ký; Đang thực hiện; "
            "Đề nghị công nhận; Đã công nhận; Không công nhận",
        ],
    ),
    "every error of every row": (
        [row(unit="ZZ", year=2008), [], row(stt=2, name=None, level="Cấp huyện", year=2026)],
        [
            D7.format("Đơn vị") + "Không tìm thấy đơn vị có mã hoặc tên 'ZZ'.",
            D7.format("Năm") + "Năm 2008 ngoài khoảng cho phép (2009–2027).",
            "Dòng 9, cột 'Tên mô hình': Chưa nhập (bắt buộc)",
            "Dòng 9, cột 'Cấp đăng ký': Năm 2026 không có “Cấp huyện” (hiệu lực: Đến 30/6/2025).",
        ],
    ),
}


@pytest.mark.parametrize("case", list(BAD_ROWS))
def test_a_bad_row_rejects_the_whole_file(cast, tmp_path, case):
    rows, expected = BAD_ROWS[case]
    good = row(stt=99, name="Mô hình hợp lệ ở cuối tệp", unit="C2")
    assert_rejected(write_xlsx(tmp_path / "ds.xlsx", [*rows, good]), expected)


def test_a_missing_required_column_is_reported_before_rows(cast, tmp_path):
    header = [h for h in HEADER if h not in ("Lĩnh vực", "Năm")]
    rows = [[v for h, v in zip(HEADER, row(unit="ZZ"), strict=True) if h not in ("Lĩnh vực", "Năm")]]
    where = "(dòng 6, trang 'DS mô hình')"
    assert_rejected(
        write_xlsx(tmp_path / "ds.xlsx", rows, header),
        [
            f"Cột 'Lĩnh vực': Thiếu cột bắt buộc này trong dòng tiêu đề {where}",
            f"Cột 'Năm': Thiếu cột bắt buộc này trong dòng tiêu đề {where}",
        ],
    )


def test_a_header_without_rows_is_an_empty_file(cast, tmp_path):
    assert_rejected(write_xlsx(tmp_path / "ds.xlsx", [[], ["Tổng cộng", None, 0]]), [engine.MSG_NO_ROWS])


def test_an_empty_workbook_is_rejected(cast, tmp_path):
    path = tmp_path / "trong.xlsx"
    openpyxl.Workbook().save(path)
    assert_rejected(path, [engine.MSG_EMPTY_WORKBOOK])


def _docx() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", "<w:document/>")
    return buffer.getvalue()


OLE2 = bytes.fromhex("D0CF11E0A1B11AE1")
BAD_FILES = {
    "not an xlsx": ("Mã mô hình,Tên mô hình\n,Mô hình".encode(), reader.MSG_NOT_XLSX),
    "password-protected": (
        OLE2 + b"\0" * 512 + "EncryptedPackage".encode("utf-16-le") + b"\0" * 64,
        reader.MSG_ENCRYPTED,
    ),
    "an old xls": (OLE2 + b"\0" * 1000, reader.MSG_XLS),
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


def test_a_truncated_xlsx_is_corrupt(cast, tmp_path):
    good = write_xlsx(tmp_path / "tot.xlsx", [row(stt=i, name=f"Mô hình {i}") for i in range(300)])
    path = tmp_path / "ds.xlsx"
    path.write_bytes(good.read_bytes()[: good.stat().st_size // 2])
    assert_rejected(path, [reader.MSG_CORRUPT])


def test_a_file_over_the_size_limit_is_rejected(cast, tmp_path, settings):
    """The 50 MB case, scaled down: a limit of 8 KB and a file just over it."""
    settings.IMPORT_MAX_BYTES = 8 * 1024
    rows, count = [], 0
    path = tmp_path / "ds.xlsx"
    while not path.exists() or path.stat().st_size <= settings.IMPORT_MAX_BYTES:
        count += 1
        rows.append(row(stt=count, name=f"Mô hình dân vận khéo số {count} về giảm nghèo bền vững"))
        write_xlsx(path, rows)
    size = path.stat().st_size
    assert size - settings.IMPORT_MAX_BYTES < 1024
    kilobytes = f"{size / 1024:.1f}".replace(".", ",")
    assert_rejected(path, [f"Tệp quá lớn ({kilobytes} KB); giới hạn là 8,0 KB."])


# --- Scope --------------------------------------------------------------------------------------


def test_a_commune_officer_cannot_import_for_another_commune(cast, tmp_path):
    rows = [row(unit="C1"), row(stt=2, unit="Đảng ủy xã Lợi Thuận", name="Mô hình của xã bên")]
    assert_rejected(
        write_xlsx(tmp_path / "ds.xlsx", rows),
        ["Dòng 8, cột 'Đơn vị': Đơn vị 'C2' ngoài phạm vi quản lý của bạn"],
        cast.c1_officer,
    )


def test_a_final_state_needs_the_right_to_recognize(cast, tmp_path):
    rows = [row(status="Đã công nhận", recognized_level="Cấp cơ sở"), row(stt=2, name="Khác", status="Không công nhận")]
    path = write_xlsx(tmp_path / "ds.xlsx", rows)
    assert_rejected(
        path,
        [
            "Dòng 7, cột 'Trạng thái': Chỉ người có quyền xét công nhận của “Huyện ủy Bến Cầu” "
            "mới nhập được trạng thái “Đã công nhận”.",
            "Dòng 8, cột 'Trạng thái': Chỉ người có quyền xét công nhận của “Huyện ủy Bến Cầu” "
            "mới nhập được trạng thái “Không công nhận”.",
        ],
        cast.c1_officer,
    )
    out = io.StringIO()
    call_command("import_xlsx", "practices", str(path), "--user", cast.admin.username, stdout=out)
    assert out.getvalue().strip() == "Đã thêm 2, cập nhật 0, không đổi 0 mô hình, điển hình"
    assert ChangeLogEntry.objects.latest("id").actor == cast.admin


def test_an_officer_imports_within_their_scope(cast, tmp_path):
    rows = [row(unit="C1"), row(stt=2, unit="C2", name="Mô hình của xã Lợi Thuận")]
    result = run_import("practices", write_xlsx(tmp_path / "ds.xlsx", rows), user=cast.d1_officer)
    assert messages(result) == [] and result.created == 2


# --- Export -------------------------------------------------------------------------------------


def _sheet_rows(path: Path) -> list[tuple]:
    return list(openpyxl.load_workbook(path).active.iter_rows(values_only=True))


def test_an_export_imports_back_unchanged(cast, tmp_path):
    run_import("practices", write_xlsx(tmp_path / "ds.xlsx", messy_rows(), MESSY_HEADER))
    make_practice(cast.c3, 2024, name="  Mô hình  nhập  qua   biểu mẫu ", description="Dòng 1\r\nDòng  2")
    path = tmp_path / "xuat.xlsx"
    call_command("export_xlsx", "practices", "-o", str(path), stdout=io.StringIO())
    rows = _sheet_rows(path)
    assert list(rows[0]) == HEADER[1:]
    assert rows[1][:3] == ("DVK-2024-000001", "  Mô hình  nhập  qua   biểu mẫu ", "Mô hình")
    exemplar = next(r for r in rows if r[0] == "DVK-2019-000002")
    assert exemplar == (
        "DVK-2019-000002",
        "Gương dân vận khéo trong công tác hòa giải",
        "Điển hình",
        "Cá nhân",
        "Nguyễn Văn An",
        "Bí thư chi bộ ấp Long Hòa",
        "C1",
        "Đảng",
        "Văn hóa - xã hội",
        2019,
        "Cấp cơ sở",
        "Đã công nhận",
        "Cấp huyện",
        "125-QĐ/HU",
        dt.datetime(2019, 12, 13),
        DEFAULTS["description"],
    )
    before = state()
    result = run_import("practices", path)
    assert messages(result) == []
    assert result.summary() == "Đã thêm 0, cập nhật 0, không đổi 5 mô hình, điển hình"
    assert state() == before


def test_an_export_for_a_user_or_a_unit_holds_only_their_records(cast, tmp_path):
    for unit in (cast.c1, cast.c2, cast.c3):
        make_practice(unit, 2019)
    make_practice(cast.c1, 2024)
    path = tmp_path / "xuat.xlsx"
    export("practices", user=cast.c1_officer).save(path)
    assert [r[6] for r in _sheet_rows(path)[1:]] == ["C1", "C1"]
    export("practices", {"year": 2019}, user=cast.d1_officer).save(path)
    assert [(r[6], r[9]) for r in _sheet_rows(path)[1:]] == [("C1", 2019), ("C2", 2019)]
    call_command("export_xlsx", "practices", "-o", str(path), "--unit", "D2", stdout=io.StringIO())
    assert [r[6] for r in _sheet_rows(path)[1:]] == ["C3"]
    # ...and a user's export imports back unchanged for them.
    export("practices", user=cast.d1_officer).save(path)
    result = run_import("practices", path, user=cast.d1_officer)
    assert messages(result) == [] and result.unchanged == 3


def _has_year_option() -> bool:
    parser = load_command_class("danvan.core", "export_xlsx").create_parser("danvan", "export_xlsx")
    return any("--year" in action.option_strings for action in parser._actions)


@pytest.mark.skipif(not _has_year_option(), reason="export_xlsx has no --year option yet (core command change)")
def test_the_export_command_filters_by_year(cast, tmp_path):
    make_practice(cast.c1, 2019)
    make_practice(cast.c1, 2024)
    path = tmp_path / "xuat.xlsx"
    call_command("export_xlsx", "practices", "-o", str(path), "--year", "2024", stdout=io.StringIO())
    assert [r[9] for r in _sheet_rows(path)[1:]] == [2024]


# --- Cost ---------------------------------------------------------------------------------------


def _many(path: Path, count: int) -> Path:
    units = ["C1", "C2", "Đảng ủy xã Tân Lập", "Huyện ủy Bến Cầu"]  # codes and names
    rows = []
    for i in range(count):
        recognized = i % 3 == 0
        rows.append(
            row(
                stt=i + 1,
                name=f"Mô hình dân vận khéo số {i}",
                unit=units[i % len(units)],
                year=2017 + i % 8,
                status="Đã công nhận" if recognized else "Đang thực hiện",
                recognized_level="Cấp cơ sở" if recognized else None,
                decision_date="20/12/2024" if recognized else None,
            )
        )
    return write_xlsx(path, rows)


def _not_inserts(captured) -> list[str]:
    return [q["sql"] for q in captured.captured_queries if not q["sql"].lstrip().upper().startswith("INSERT INTO")]


def test_queries_do_not_grow_with_rows(cast, tmp_path):
    """Lookups are preloaded and writes are bulk. Only the INSERT batches grow (one executemany per
    5,000 rows, which the query log counts once); every other query is the same for 50 and 500 rows
    (the code counters take a few per year of the file, the id reservation two per table)."""
    other = {}
    for count in (50, 500):
        Practice.objects.all()._raw_delete(connection.alias)  # a fresh start: no cascade needed
        numbering.Counter.objects.all().delete()
        scoping.clear_scope_cache(cast.admin)
        path = _many(tmp_path / f"ds{count}.xlsx", count)
        with CaptureQueriesContext(connection) as captured:
            result = run_import("practices", path, user=cast.admin)
        assert messages(result) == [] and result.created == count
        other[count] = len(_not_inserts(captured))
        inserts = len(captured.captured_queries) - other[count]
        assert inserts <= (8 + 26 if connection.vendor == "sqlite" else 8 + 2)  # 8 counters + batches
        with CaptureQueriesContext(connection) as again:
            assert run_import("practices", path, user=cast.admin).unchanged == count
        assert len(again.captured_queries) <= 15
    assert other[50] == other[500] <= 84


def test_the_kind_is_registered_with_its_sixteen_columns():
    kind = get_kind("practices")
    assert isinstance(kind, PracticesKind)
    assert [column.header for column in kind.columns] == HEADER[1:]
    assert [column.header for column in kind.columns if column.required] == [
        "Tên mô hình",
        "Đơn vị",
        "Lĩnh vực",
        "Năm",
        "Cấp đăng ký",
    ]
