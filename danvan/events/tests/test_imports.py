"""The `conferences` and `contest_scores` Excel kinds: every bad input reported with the web's own words
(row and column) and nothing written; a second import adds nothing; an export imports back unchanged;
the web flows, with the contest's score sheet refused once the results are announced."""

from __future__ import annotations

import datetime as dt
import io
from decimal import Decimal

import openpyxl
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from danvan.core.testing.imports import confirm
from danvan.core.xlsx import export_bytes, run_import
from danvan.events import imports
from danvan.events.models import Attendance, Conference, Entry, Prize, Score
from danvan.events.services import contests as services
from danvan.events.tests.conftest import make_conference, prize_kind, running_contest

pytestmark = pytest.mark.django_db

CONFERENCE_HEADER = [c.header for c in imports.ConferencesKind.columns]


def workbook(rows: list[list], header: list[str]) -> bytes:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["DANH SÁCH HỘI NGHỊ NĂM 2025"])  # a title above the header, as units send them
    sheet.append([])
    sheet.append(header)
    for row in rows:
        sheet.append(row)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def errors_of(result) -> list[str]:
    return [str(e) for e in result.errors]


def conference_row(**cells) -> list:
    values = {
        "Đơn vị tổ chức": "D1", "Loại hội nghị": "Hội nghị tổng kết",
        "Tên hội nghị": "Hội nghị tổng kết công tác dân vận năm 2024", "Ngày tổ chức": "15/01/2025",
        "Địa điểm": "Hội trường Huyện ủy", "Chủ trì": "Đồng chí Trần Văn Bình, Phó Bí thư Huyện ủy",
        "Số đại biểu": 120, "Đơn vị dự": "C1; Đảng ủy xã Lợi Thuận",
        "Văn bản thông qua": "Báo cáo tổng kết công tác dân vận năm 2024\nChương trình công tác năm 2025",
        "Kết luận": "Hội nghị thống nhất các nhiệm vụ trọng tâm năm 2025.",
    } | {key.replace("_", " "): value for key, value in cells.items()}  # fmt: skip
    return [values.get(name) for name in CONFERENCE_HEADER]


# --- conferences ---------------------------------------------------------------------------------


def test_conferences_import_and_second_import_adds_nothing(cast):
    rows = [conference_row(), conference_row(Tên_hội_nghị="Tọa đàm về công tác dân vận khéo", Loại_hội_nghị="toa-dam",
                                             Đơn_vị_dự="", Ngày_tổ_chức=dt.date(2025, 3, 8))]  # fmt: skip
    result = run_import("conferences", io.BytesIO(workbook(rows, CONFERENCE_HEADER)), user=cast.d1_officer)
    assert result.ok, errors_of(result)
    assert (result.created, result.updated) == (2, 0)
    summit = Conference.objects.get(kind__code="tong-ket")
    assert summit.attendees == 120 and summit.date == dt.date(2025, 1, 15)
    assert set(summit.attending.values_list("code", flat=True)) == {"C1", "C2"}
    assert summit.document_lines() == ["Báo cáo tổng kết công tác dân vận năm 2024", "Chương trình công tác năm 2025"]
    again = run_import("conferences", io.BytesIO(workbook(rows, CONFERENCE_HEADER)), user=cast.d1_officer)
    assert (again.created, again.updated, again.unchanged) == (0, 0, 2)
    changed = run_import(
        "conferences",
        io.BytesIO(workbook([conference_row(Số_đại_biểu=150, Đơn_vị_dự="C1")], CONFERENCE_HEADER)),
        user=cast.d1_officer,
    )
    assert changed.updated == 1
    summit.refresh_from_db()
    assert summit.attendees == 150 and list(summit.attending.values_list("code", flat=True)) == ["C1"]


BAD_CONFERENCES = [
    ({"Đơn_vị_tổ_chức": "XYZ"}, "Dòng 4, cột 'Đơn vị tổ chức': Không tìm thấy đơn vị có mã hoặc tên 'XYZ'."),
    ({"Đơn_vị_tổ_chức": "D2"}, "Dòng 4, cột 'Đơn vị tổ chức': Đơn vị 'D2' ngoài phạm vi quản lý của bạn"),
    ({"Số_đại_biểu": 0}, "Dòng 4, cột 'Số đại biểu': Số đại biểu dự phải từ 1 trở lên."),
    ({"Ngày_tổ_chức": "31/02/2025"}, "Dòng 4, cột 'Ngày tổ chức': "),
    ({"Loại_hội_nghị": "Đại hội"}, "Dòng 4, cột 'Loại hội nghị': Không có loại hội nghị 'Đại hội'."),
    ({"Đơn_vị_dự": "C3"}, "Dòng 4, cột 'Đơn vị dự': Đảng ủy xã Tân Lập không thuộc phạm vi của Huyện ủy Bến Cầu."),
    (
        {"Ngày_tổ_chức": "15/08/2025"},
        "Dòng 4, cột 'Đơn vị tổ chức': Huyện ủy Bến Cầu không hoạt động vào ngày 15/8/2025",
    ),
    ({"Tên_hội_nghị": None}, "Dòng 4, cột 'Tên hội nghị': Chưa nhập (bắt buộc)"),
]


@pytest.mark.parametrize(("cells", "message"), BAD_CONFERENCES)
def test_each_bad_conference_cell_is_reported_and_nothing_written(cast, cells, message):
    rows = [conference_row(**cells)]
    result = run_import("conferences", io.BytesIO(workbook(rows, CONFERENCE_HEADER)), user=cast.d1_officer)
    assert not result.ok
    assert any(error.startswith(message) for error in errors_of(result)), errors_of(result)
    assert not Conference.objects.exists()


def test_a_duplicate_row_a_missing_column_and_a_wrong_file(cast):
    rows = [conference_row(), conference_row(Tên_hội_nghị="HỘI NGHỊ TỔNG KẾT CÔNG TÁC DÂN VẬN NĂM 2024")]
    result = run_import("conferences", io.BytesIO(workbook(rows, CONFERENCE_HEADER)), user=cast.d1_officer)
    assert errors_of(result) == [
        "Dòng 5, cột 'Tên hội nghị': Trùng với dòng 4 (cùng đơn vị tổ chức, ngày và tên hội nghị)."
    ]
    header = [h for h in CONFERENCE_HEADER if h != "Ngày tổ chức"]
    result = run_import("conferences", io.BytesIO(workbook([["D1"]], header)), user=cast.d1_officer)
    assert any("Ngày tổ chức" in e and "Thiếu cột bắt buộc" in e for e in errors_of(result)), errors_of(result)
    result = run_import("conferences", io.BytesIO(b"%PDF-1.4 not a workbook"), user=cast.d1_officer)
    assert not result.ok and result.file_errors
    assert not Conference.objects.exists()


def test_the_export_imports_back_unchanged(cast):
    make_conference(cast.admin, cast.province, attending=[cast.d1, cast.d2], attendees=200,
                    documents="Báo cáo tổng kết\nNghị quyết hội nghị", conclusions="Kết luận của hội nghị")  # fmt: skip
    make_conference(cast.admin, cast.d1, title="Tọa đàm “Dân vận khéo”", date=dt.date(2025, 4, 2))
    content = export_bytes("conferences", {}, user=cast.admin)
    result = run_import("conferences", io.BytesIO(content), user=cast.admin)
    assert result.ok, errors_of(result)
    assert (result.created, result.updated, result.unchanged) == (0, 0, 2)
    assert Attendance.objects.count() == 2


def test_the_conferences_web_flow(client, cast):
    client.force_login(cast.d1_officer)
    content = workbook([conference_row()], CONFERENCE_HEADER)
    page = client.post(reverse("jobs:import", args=["events-conferences"]),
                       {"tep": SimpleUploadedFile("hoi-nghi.xlsx", content)}, follow=True)  # fmt: skip
    assert page.status_code == 200
    confirm(client)
    assert Conference.objects.filter(unit=cast.d1).count() == 1
    template = client.get(reverse("events:conference-template"))
    book = openpyxl.load_workbook(io.BytesIO(b"".join(template.streaming_content)))
    assert [c.value for c in book.active[1]] == CONFERENCE_HEADER


# --- contest scores ------------------------------------------------------------------------------


@pytest.fixture
def sheet(cast):
    contest, rounds, entries = running_contest(cast.admin, cast.province, [cast.d1, cast.d2])
    header = ["Đơn vị", "Tên đội, bài dự thi", *(r.name for r in rounds)]
    return contest, rounds, entries, header


def scores_import(contest, content: bytes, user):
    return run_import(imports.ContestScoresKind.for_contest(contest), io.BytesIO(content), user=user)


def test_a_score_sheet_is_read_and_a_new_team_added(cast, sheet):
    contest, (first, final), (d1, d2), header = sheet
    rows = [
        ["D1", "Đội Huyện ủy Bến Cầu", "85,5", 90],
        ["Huyện ủy Tân Biên", None, 80, None],  # the unit's only team; a blank cell keeps what is recorded
        ["C1", "Đội xã Long Thuận", 70, 75],
    ]
    result = scores_import(contest, workbook(rows, header), cast.admin)
    assert result.ok, errors_of(result)
    assert (result.created, result.updated) == (1, 2)
    assert Score.objects.get(entry=d1, round=first).score == Decimal("85.5")
    assert not Score.objects.filter(entry=d2, round=final).exists()
    assert Entry.objects.filter(contest=contest, unit=cast.c1).count() == 1
    again = scores_import(contest, workbook(rows, header), cast.admin)
    assert (again.created, again.updated, again.unchanged) == (0, 0, 3)
    content = export_bytes(imports.ContestScoresKind.for_contest(contest), {}, user=cast.admin)
    back = scores_import(contest, content, cast.admin)
    assert back.ok and (back.created, back.updated, back.unchanged) == (0, 0, 3), errors_of(back)


def test_each_bad_score_input_is_reported(cast, sheet):
    contest, _, _, header = sheet
    rows = [
        ["XYZ", None, 10, 10],
        ["D1", "Đội Huyện ủy Bến Cầu", 101, -1],
        ["D2", None, "tám", 10],
        ["D1", "ĐỘI HUYỆN ỦY BẾN CẦU", 10, 10],
        ["C3", "Đội xã Tân Lập", "8.125", 10],
    ]
    result = scores_import(contest, workbook(rows, header), cast.admin)
    assert errors_of(result) == [
        "Dòng 4, cột 'Đơn vị': Không tìm thấy đơn vị có mã hoặc tên 'XYZ'.",
        "Dòng 5, cột 'Vòng sơ khảo': Điểm Vòng sơ khảo phải từ 0 đến 100.",
        "Dòng 5, cột 'Vòng chung khảo': Điểm Vòng chung khảo phải từ 0 đến 100.",
        "Dòng 6, cột 'Vòng sơ khảo': Điểm phải là số, ví dụ 8,5.",
        "Dòng 7, cột 'Đơn vị': Trùng với dòng 5 (cùng đơn vị và tên đội, bài dự thi).",
        "Dòng 8, cột 'Vòng sơ khảo': Điểm chỉ ghi tối đa hai chữ số thập phân.",
    ]
    assert not Score.objects.exists()
    missing = scores_import(contest, workbook([["D1", None, 1]], header[:3]), cast.admin)
    assert errors_of(missing)[0].startswith("Cột 'Vòng chung khảo': Thiếu cột bắt buộc")


def test_out_of_scope_and_announced_sheets_are_refused(cast, sheet):
    contest, _, _, header = sheet
    district, _, _ = running_contest(cast.d1_officer, cast.d1, [cast.c1, cast.c2])
    rows = [["C3", None, 10, 10]]
    result = scores_import(district, workbook(rows, ["Đơn vị", "Tên đội, bài dự thi", "Vòng sơ khảo",
                                                    "Vòng chung khảo"]), cast.d1_officer)  # fmt: skip
    assert "Dòng 4, cột 'Đơn vị': Đơn vị 'C3' ngoài phạm vi quản lý của bạn" in errors_of(result)
    values = {(e.pk, r.pk): Decimal(50) for e in contest.entries.all() for r in contest.rounds.all()}
    services.save_scores(cast.admin, contest, values, contest.version)
    services.save_prize(cast.admin, Prize(contest=contest, entry=contest.entries.first(), kind=prize_kind()))
    contest.refresh_from_db()
    services.take_step(cast.admin, contest, "announce")
    result = scores_import(contest, workbook([["D1", None, 10, 10]], header), cast.admin)
    assert errors_of(result) == ["Dòng 4: Hội thi đã công bố kết quả nên không sửa được nữa."]
    assert Score.objects.filter(score=10).count() == 0


def test_the_score_sheet_web_flow(client, cast, sheet):
    contest, _, (d1, _), header = sheet
    client.force_login(cast.admin)
    url = reverse("jobs:import", args=["events-contest-scores"]) + f"?doi_tuong={contest.pk}"
    content = workbook([["D1", None, 91, 92]], header)
    page = client.post(url, {"tep": SimpleUploadedFile("diem.xlsx", content), "doi_tuong": contest.pk}, follow=True)
    assert page.status_code == 200
    confirm(client)
    assert sorted(Score.objects.filter(entry=d1).values_list("score", flat=True)) == [Decimal(91), Decimal(92)]
    client.force_login(cast.c1_officer)
    assert client.get(url).status_code == 404


def test_the_score_sheet_without_a_contest_asks_for_its_page(cast):
    content = workbook([["D1", None]], ["Đơn vị", "Tên đội, bài dự thi"])
    result = run_import("contest_scores", io.BytesIO(content), user=cast.admin)
    assert errors_of(result) == [f"Dòng 4: {imports.MSG_NO_CONTEST}"]
