# ruff: noqa: E501 - rows of spreadsheets and the messages about them read better unbroken
"""Excel in and out: past decisions (`awards`) and a proposal's recipients. Every bad input is reported at
once, nothing is written unless all is right, a re-import changes nothing, an export imports unchanged."""

from __future__ import annotations

import datetime as dt
import io

import pytest
from django.core.management import CommandError, call_command
from openpyxl import load_workbook

from danvan.awards import services
from danvan.awards.choices import DecisionStatus
from danvan.awards.imports import ProposalRecipientsKind, warnings
from danvan.awards.models import Decision, Recipient
from danvan.awards.tests.conftest import collective, individual, issued_decision, make_proposal, workbook
from danvan.core.testing.factories import make_practice
from danvan.core.xlsx import export_bytes, run_import

pytestmark = pytest.mark.django_db

HEADERS = [
    "STT",
    "Số quyết định",
    "Ngày quyết định",
    "Hình thức khen thưởng",
    "Cơ quan ban hành",
    "Đối tượng",
    "Tên tập thể / Họ tên",
    "Chức vụ",
    "Đơn vị",
    "Năm",
    "Thành tích",
]
TITLE = [["DANH SÁCH TẬP THỂ, CÁ NHÂN ĐƯỢC KHEN THƯỞNG"], ["Ban Dân vận Tỉnh ủy Tây Ninh"], []]
GK = "Giấy khen của Ban Dân vận Tỉnh ủy"
BK = "Bằng khen của Chủ tịch UBND tỉnh"
BDV, UBND = "Ban Dân vận Tỉnh ủy", "Chủ tịch UBND tỉnh"
HT = "đã hoàn thành tốt nhiệm vụ công tác dân vận năm 2023"
DVK = "đã có thành tích xuất sắc, tiêu biểu trong phong trào thi đua “Dân vận khéo” năm 2022"


def good_rows() -> list[list]:
    return [
        [1, "05-QĐ/BDVTU", "15/01/2024", GK, BDV, "Tập thể", "Đảng ủy xã Long Thuận", "", "", 2023, HT],
        [2, "05-QĐ/BDVTU", "15.1.2024", "Giấy khen", "Ban Dân vận Tỉnh uỷ", "Tập thể", "Huyện ủy Tân Biên", "", "", 2023, HT],
        [3, "2514/QĐ-UBND", dt.date(2022, 12, 29), BK, UBND, "Tập thể", "Chi bộ ấp Long Hưng", "",
         "Đảng ủy xã Long Thuận", 2022, DVK],
        [4, "2514/QĐ-UBND", dt.date(2022, 12, 29), BK, UBND, "Cá nhân", "Nguyễn Thị Tuyết Mai",
         "Chủ tịch Hội Nông dân xã", "dang uy xa loi thuan", "2022", DVK],
        [5, "2514/QĐ-UBND", dt.date(2022, 12, 29), BK, UBND, "CN", "Trần Văn Hai", "Trưởng ấp",
         "Đảng ủy xã Tân Lập", 2022, "đã có thành tích xuất sắc trong công tác vận động Nhân dân hiến đất"],
        ["", "Tổng cộng", "", "", "", "", "5"],
    ]  # fmt: skip


def xlsx(rows: list[list], headers: list[str] = HEADERS) -> bytes:
    return workbook(rows, headers, TITLE)


def errors(result) -> list[str]:
    return [str(error) for error in result.errors]


def test_past_decisions_are_imported_one_decision_per_number_and_date(world):
    result = run_import("awards", xlsx(good_rows()), user=world.cast.admin)
    assert result.ok, errors(result)
    assert (result.created, result.header_row) == (5, 4)
    gk = Decision.objects.get(number="05-QĐ/BDVTU")
    assert (gk.date, gk.year, gk.status, gk.unit) == (
        dt.date(2024, 1, 15),
        2023,
        DecisionStatus.ISSUED,
        world.commission_old,
    )
    assert list(gk.recipients.values_list("name", "is_unit", "unit__code")) == [
        ("Đảng ủy xã Long Thuận", True, "C1"),
        ("Huyện ủy Tân Biên", True, "D2"),
    ]
    bk = Decision.objects.get(number="2514/QĐ-UBND")
    assert bk.achievement == DVK and bk.award_type == world.bang_khen and bk.unit == world.ubnd
    hai = bk.recipients.get(name="Trần Văn Hai")
    assert hai.achievement.startswith("đã có thành tích xuất sắc trong công tác vận động")
    named = bk.recipients.get(name="Chi bộ ấp Long Hưng")
    assert (named.is_unit, named.unit.code, named.unit_name) == (False, "C1", "Đảng ủy xã Long Thuận")
    assert bk.recipients.get(kind="individual", name__startswith="Nguyễn").unit.code == "C2"
    # Numbers the system gives later continue after the imported ones.
    draft = services.new_decision(world.giay_khen, 2024, dt.date(2024, 12, 20))
    assert services.reserve_number(draft) == "06-QĐ/BDVTU"


def test_a_dry_run_writes_nothing_and_a_second_import_changes_nothing(world):
    dry = run_import("awards", xlsx(good_rows()), user=world.cast.admin, dry_run=True)
    assert dry.ok and dry.created == 5 and not dry.written
    assert not Decision.objects.exists()
    assert run_import("awards", xlsx(good_rows()), user=world.cast.admin).written
    again = run_import("awards", xlsx(good_rows()), user=world.cast.admin)
    assert again.ok and (again.created, again.unchanged, again.written) == (0, 5, False)
    assert Recipient.objects.count() == 5


def test_an_export_imports_back_unchanged(world):
    cast = world.cast
    assert run_import("awards", xlsx(good_rows()), user=cast.admin).written
    issued_decision(world, world.giay_khen, 2024, dt.date(2025, 1, 10),
                    [collective(cast.c2, "Chi hội Phụ nữ ấp Lợi Hòa Long"), individual(cast.c3, "Lê Thị Mai")], cast.admin)  # fmt: skip
    content = export_bytes("awards", user=cast.admin)
    sheet = load_workbook(io.BytesIO(content)).active
    assert [c.value for c in sheet[1]][:10] == HEADERS[1:]
    assert sheet.max_row == 8
    result = run_import("awards", content, user=cast.admin)
    assert result.ok, errors(result)
    assert (result.created, result.updated, result.unchanged) == (0, 0, 7)
    only_2022 = load_workbook(io.BytesIO(export_bytes("awards", {"year": 2022}, user=cast.admin))).active
    assert only_2022.max_row == 4


def test_every_bad_row_is_reported_at_once_and_nothing_is_written(world):
    rows = good_rows()[:5]
    rows += [
        [6, "07-QĐ/BDVTU", "32/13/2024", GK, BDV, "Tập thể", "Đảng ủy xã Long Thuận", "", "", 2023, HT],
        [7, "08-QĐ/BDVTU", "20/01/2024", "Huân chương Lao động", BDV, "Tập thể", "Đảng ủy xã Lợi Thuận", "", "", 2023, HT],
        [8, "08-QĐ/BDVTU", "20/01/2024", GK, "Hội đồng Thi đua", "Tập thể", "Đảng ủy xã Lợi Thuận", "", "", 2023, HT],
        [9, "09-QĐ/BDVTU", "20/01/2024", GK, BDV, "Cá nhân", "Lê Văn Ba", "Trưởng ấp", "Đảng ủy xã Không Có", 2023, HT],
        [10, "09-QĐ/BDVTU", "20/01/2024", GK, BDV, "Cá nhân", "Lê Văn Bốn", "Trưởng ấp", "", 2023, HT],
        [11, "2514/QĐ-UBND", dt.date(2022, 12, 29), BK, UBND, "Cá nhân", "TRẦN VĂN HAI", "Trưởng ấp",
         "Đảng ủy xã Tân Lập", 2022, DVK],
        [12, "10-QĐ/BDVTU", "01/06/2025", GK, BDV, "Tập thể", "Đảng ủy xã Long Thuận", "", "", 2025, HT],
        [13, "11/QĐ-UBND", "05/01/2023", "Cờ thi đua của UBND tỉnh", UBND, "Cá nhân", "Lê Văn Năm", "", "Đảng ủy xã Long Thuận", 2022, DVK],
        [14, "12/QĐ-UBND", "05/01/2023", BK, UBND, "Tập thể", "Chi bộ ấp X", "", "Đảng ủy xã Long Thuận", 2022, DVK],
        [15, "12/QĐ-UBND", "05/01/2023", GK, BDV, "Tập thể", "Chi bộ ấp Y", "", "Đảng ủy xã Long Thuận", 2022, DVK],
        [16, "13-QĐ/BDVTU", "20/01/2024", "Bằng khen", BDV, "Giải thưởng", "", "", "", "hai nghìn", ""],
    ]  # fmt: skip
    result = run_import("awards", xlsx(rows), user=world.cast.admin)
    found = errors(result)
    expected = [
        "Dòng 10, cột 'Ngày quyết định': Ngày không hợp lệ: '32/13/2024'",
        "Dòng 11, cột 'Hình thức khen thưởng': Không có hình thức khen thưởng “Huân chương Lao động”",
        "Dòng 12, cột 'Cơ quan ban hành': Không có cơ quan khen thưởng “Hội đồng Thi đua”",
        "Dòng 13, cột 'Đơn vị': Không tìm thấy đơn vị có mã hoặc tên 'Đảng ủy xã Không Có'.",
        "Dòng 14, cột 'Đơn vị': Cần ghi đơn vị của cá nhân",
        "Dòng 15, cột 'Tên tập thể / Họ tên': “TRẦN VĂN HAI” trùng với dòng 9 của cùng quyết định",
        "Dòng 16, cột 'Hình thức khen thưởng': “Giấy khen của Ban Dân vận Tỉnh ủy” không có hiệu lực vào ngày 1/6/2025",
        "Dòng 17, cột 'Đối tượng': “Cờ thi đua của UBND tỉnh” chỉ tặng cho tập thể.",
        "Dòng 19, cột 'Hình thức khen thưởng': Khác hình thức khen thưởng với dòng 18 của cùng quyết định số 12/QĐ-UBND",
        "Dòng 20, cột 'Đối tượng': Không có đối tượng 'Giải thưởng'",
        "Dòng 20, cột 'Tên tập thể / Họ tên': Chưa nhập (bắt buộc)",
        "Dòng 20, cột 'Năm': Không phải số nguyên: 'hai nghìn'",
        "Dòng 20, cột 'Thành tích': Chưa nhập (bắt buộc)",
    ]
    for message in expected:
        assert any(error.startswith(message) for error in found), (message, found)
    assert not result.written
    assert not Decision.objects.exists() and not Recipient.objects.exists()


def test_same_named_units_are_told_apart_by_the_year_and_the_date_else_the_code_is_asked(world):
    from danvan.core.testing.factories import make_unit

    cast = world.cast
    old = make_unit("Đảng ủy xã Long Giang", parent=cast.d1, code="LG-CU", valid_until=dt.date(2025, 6, 30))
    new = make_unit("Đảng ủy xã Long Giang", parent=cast.province, code="LG-MOI", valid_from=dt.date(2025, 7, 1))
    rows = [
        [1, "01-QĐ/BDVTU", "15/01/2025", GK, BDV, "Tập thể", "Đảng ủy xã Long Giang", "", "", 2024, HT],
        [2, "3001/QĐ-UBND", "20/12/2025", BK, UBND, "Tập thể", "dang uy xa long giang", "", "", 2025, HT],
    ]
    result = run_import("awards", xlsx(rows), user=cast.admin, dry_run=True)
    assert result.ok, errors(result)
    assert [row.extra["recipient"].unit for row in result.rows] == [old, new]
    make_unit("Đảng ủy xã Long Giang", parent=cast.d2, code="LG-D2")
    found = errors(run_import("awards", xlsx(rows[:1]), user=cast.admin, dry_run=True))
    assert found == [
        "Dòng 5, cột 'Tên tập thể / Họ tên': Có 2 đơn vị cùng tên 'Đảng ủy xã Long Giang' (mã LG-CU, đến 30/6/2025; "
        "mã LG-D2); hãy ghi mã đơn vị để phân biệt. (tập thể không ghi “Đơn vị” phải là tên một đơn vị)"
    ]
    with_code = [[*rows[0], "LG-D2"]]
    result = run_import("awards", xlsx(with_code, [*HEADERS, "Mã đơn vị"]), user=cast.admin, dry_run=True)
    assert result.ok and result.rows[0].extra["recipient"].unit.code == "LG-D2", errors(result)


def test_a_missing_column_is_a_file_error(world):
    headers = [h for h in HEADERS if h != "Số quyết định"]
    rows = [row[:1] + row[2:] for row in good_rows()]
    result = run_import("awards", xlsx(rows, headers), user=world.cast.admin)
    assert any("'Số quyết định': Thiếu cột bắt buộc" in e for e in errors(result))
    assert not Decision.objects.exists()


def test_out_of_scope_rows_are_refused(world):
    cast = world.cast
    rows = [
        [1, "20-QĐ/BDVHU", "20/01/2024", "Giấy khen của Ban Dân vận Huyện ủy Bến Cầu", "Ban Dân vận Huyện ủy Bến Cầu",
         "Tập thể", "Đảng ủy xã Lợi Thuận", "", "", 2023, HT],
        [2, "20-QĐ/BDVHU", "20/01/2024", "Giấy khen của Ban Dân vận Huyện ủy Bến Cầu", "Ban Dân vận Huyện ủy Bến Cầu",
         "Tập thể", "Đảng ủy xã Tân Lập", "", "", 2023, HT],
    ]  # fmt: skip
    result = run_import("awards", xlsx(rows), user=cast.d1_officer)
    assert errors(result) == ["Dòng 6, cột 'Tên tập thể / Họ tên': Đơn vị 'C3' ngoài phạm vi quản lý của bạn"]
    mine = [[*rows[0][:6], "Đảng ủy xã Long Thuận", *rows[0][7:]]]
    result = run_import("awards", xlsx(mine), user=cast.c1_officer)
    assert errors(result) == ["Dòng 5, cột 'Cơ quan ban hành': Đơn vị 'Huyện ủy Bến Cầu' ngoài phạm vi quản lý của bạn"]
    assert run_import("awards", xlsx(rows[:1]), user=cast.d1_officer).written


def test_an_issued_decision_is_never_changed_by_an_import(world):
    assert run_import("awards", xlsx(good_rows()), user=world.cast.admin).written
    rows = good_rows()[:5]
    rows[3][7] = "Phó Chủ tịch Hội Nông dân xã"
    rows.append(
        [
            6,
            "2514/QĐ-UBND",
            dt.date(2022, 12, 29),
            BK,
            UBND,
            "Cá nhân",
            "Người Mới",
            "",
            "Đảng ủy xã Tân Lập",
            2022,
            DVK,
        ]
    )
    found = errors(run_import("awards", xlsx(rows), user=world.cast.admin))
    assert any(
        "Dòng 8: Quyết định số 2514/QĐ-UBND ngày 29/12/2022 đã có trong hệ thống, khác ở chức vụ" in e for e in found
    )
    assert any(e.startswith("Dòng 10, cột 'Tên tập thể / Họ tên'") and "không thêm người nhận" in e for e in found)
    assert Recipient.objects.get(name="Nguyễn Thị Tuyết Mai").position == "Chủ tịch Hội Nông dân xã"


def test_the_command_line_exits_non_zero_with_every_error(world, tmp_path, capsys):
    path = tmp_path / "khen-thuong.xlsx"
    rows = [*good_rows()[:2], [3, "05-QĐ/BDVTU", "15/01/2024", GK, BDV, "Tập thể", "Xã Ma", "", "", 2023, HT]]
    path.write_bytes(xlsx(rows))
    with pytest.raises(CommandError, match="Tệp có 1 lỗi; không có dữ liệu nào được ghi"):
        call_command("import_xlsx", "awards", str(path))
    assert "Không tìm thấy đơn vị có mã hoặc tên 'Xã Ma'." in capsys.readouterr().err
    path.write_bytes(xlsx(good_rows()))
    call_command("import_xlsx", "awards", str(path), "--dry-run")
    assert not Decision.objects.exists()
    call_command("import_xlsx", "awards", str(path))
    assert Decision.objects.count() == 2
    out = tmp_path / "xuat.xlsx"
    call_command("export_xlsx", "awards", "-o", str(out))
    assert load_workbook(out).active.max_row == 6


def test_someone_already_awarded_that_year_is_a_warning(world):
    cast = world.cast
    issued_decision(world, world.bang_khen, 2022, dt.date(2022, 12, 1), [collective(cast.c1, "Chi bộ ấp Long Hưng")],
                    cast.admin, number="1999/QĐ-UBND")  # fmt: skip
    result = run_import("awards", xlsx(good_rows()), user=cast.admin)
    assert result.ok and result.written
    assert warnings(result) == [
        (7, "“Chi bộ ấp Long Hưng” đã được tặng “Bằng khen của Chủ tịch UBND tỉnh” năm 2022 theo "
            "Quyết định số 1999/QĐ-UBND ngày 01/12/2022")
    ]  # fmt: skip


# --- A proposal's recipients ---------------------------------------------------------------------

PROPOSAL_HEADERS = ["STT", "Đối tượng", "Họ và tên", "Chức vụ", "Đơn vị", "Mô hình, điển hình"]


def test_a_units_list_fills_a_draft_proposal(world):
    cast = world.cast
    practice = make_practice(cast.c1, 2024, name="Mô hình “Tổ tự quản đường hoa”")
    proposal = make_proposal(cast.d1, world.giay_khen, cast.d1_officer, recipients=[collective(cast.c1)])
    rows = [
        [1, "Tập thể", "Đảng ủy xã Long Thuận", "", "", practice.code],
        [2, "Tập thể", "Chi bộ ấp Lợi Hòa Long", "", "Đảng ủy xã Lợi Thuận", ""],
        [3, "Cá nhân", "Nguyễn Văn An", "Bí thư Chi bộ ấp", "Đảng ủy xã Lợi Thuận", ""],
    ]
    content = workbook(rows, PROPOSAL_HEADERS, [["DANH SÁCH ĐỀ NGHỊ KHEN THƯỞNG NĂM 2024"], []])
    result = run_import(ProposalRecipientsKind(proposal), content, user=cast.d1_officer)
    assert result.ok, errors(result)
    assert (result.created, result.updated, result.unchanged) == (2, 1, 0)  # C1 existed: its practice is linked
    assert proposal.recipients.count() == 3
    assert list(proposal.recipients.get(is_unit=True).practices.all()) == [practice]
    again = run_import(ProposalRecipientsKind(proposal), content, user=cast.d1_officer)
    assert (again.created, again.updated, again.unchanged, again.written) == (0, 0, 3, False)
    exported = export_bytes(ProposalRecipientsKind(proposal), user=cast.d1_officer)
    back = run_import(ProposalRecipientsKind(proposal), exported, user=cast.d1_officer)
    assert back.ok and (back.created, back.updated, back.unchanged) == (0, 0, 3)


def test_a_proposals_list_with_bad_rows_changes_nothing(world):
    cast = world.cast
    elsewhere = make_practice(cast.c3, 2024, name="Mô hình của xã Tân Lập")
    proposal = make_proposal(cast.c1, world.giay_khen, cast.admin)
    rows = [
        [1, "Tập thể", "Đảng ủy xã Long Thuận", "", "", ""],
        [2, "Tập thể", "Đảng ủy xã Tân Lập", "", "", ""],
        [3, "Cá nhân", "Lê Văn Ba", "Trưởng ấp", "Đảng ủy xã Long Thuận", "DVK-2024-999999"],
        [4, "Cá nhân", "le van ba", "Trưởng ấp", "Đảng ủy xã Long Thuận", ""],
        [5, "Cá nhân", "Lê Văn Tư", "Trưởng ấp", "Đảng ủy xã Long Thuận", elsewhere.code],
    ]
    result = run_import(ProposalRecipientsKind(proposal), workbook(rows, PROPOSAL_HEADERS), user=cast.admin)
    found = errors(result)
    assert any(
        e.startswith("Dòng 3, cột 'Tên tập thể / Họ tên': “Đảng ủy xã Tân Lập” không thuộc Đảng ủy xã Long Thuận")
        for e in found
    ), found
    assert any(
        e.startswith("Dòng 4, cột 'Mô hình, điển hình': Không tìm thấy mô hình, điển hình mã “DVK-2024-999999”")
        for e in found
    )
    assert "Dòng 5, cột 'Tên tập thể / Họ tên': “le van ba” trùng với dòng 4" in found
    assert any(
        e.startswith("Dòng 6, cột 'Mô hình, điển hình': Mô hình") and "không thuộc Đảng ủy xã Long Thuận" in e
        for e in found
    )
    assert not proposal.recipients.exists()
    # A commune officer cannot even name a practice of another district.
    mine = make_proposal(cast.c1, world.giay_khen, cast.c1_officer)
    rows = [[1, "Cá nhân", "Lê Văn Tư", "Trưởng ấp", "Đảng ủy xã Long Thuận", elsewhere.code]]
    found = errors(run_import(ProposalRecipientsKind(mine), workbook(rows, PROPOSAL_HEADERS), user=cast.c1_officer))
    assert found == [
        f"Dòng 2, cột 'Mô hình, điển hình': Không tìm thấy mô hình, điển hình mã “{elsewhere.code}” trong phạm vi của bạn"
    ]


def test_a_sent_proposal_takes_no_import(world):
    cast = world.cast
    proposal = make_proposal(cast.c1, world.giay_khen, cast.c1_officer, recipients=[collective(cast.c1)])
    services.transition(cast.c1_officer, proposal, "submit")
    rows = [[1, "Cá nhân", "Lê Văn Ba", "Trưởng ấp", "Đảng ủy xã Long Thuận", ""]]
    result = run_import(ProposalRecipientsKind(proposal), workbook(rows, PROPOSAL_HEADERS), user=cast.c1_officer)
    assert "Dòng 2: Tờ trình đã gửi hoặc đã được duyệt nên không thay đổi danh sách được" in errors(result)
    assert proposal.recipients.count() == 1
