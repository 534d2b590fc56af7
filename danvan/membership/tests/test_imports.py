"""The `membership_reports` Excel kind: a real xlsx through the engine; every bad input reported with the
entry page's messages and nothing written; scope refused; an export imports back unchanged; queries do not
grow with the rows."""

from __future__ import annotations

import io

import openpyxl
import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from danvan.core.models import ChangeLogEntry
from danvan.core.xlsx import export_bytes, run_import
from danvan.membership.models import MembershipReport
from danvan.membership.tests.conftest import enter

pytestmark = pytest.mark.django_db
HEADER = ["Đơn vị", "Năm", "Kỳ báo cáo", "Tổ chức", "Tổng số", "Nữ", "Dân tộc thiểu số", "Có đạo", "Nông dân",
          "Công nhân, lao động", "Cán bộ, công chức, viên chức", "Học sinh, sinh viên", "Lực lượng vũ trang",
          "Thành phần khác"]  # fmt: skip
NO_SECTORS = [0, 0, 0, 0, 0, 0]


def workbook(rows: list[list], header: list[str] = HEADER) -> bytes:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["SỐ LƯỢNG ĐOÀN VIÊN, HỘI VIÊN"])
    sheet.append([])
    sheet.append(header)
    for row in rows:
        sheet.append(row)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def errors_of(result) -> list[str]:
    return [str(e) for e in result.errors]


def test_import_creates_updates_and_logs(cast):
    enter(cast.c1_officer, cast.c1, 2024, nong_dan=900)
    rows = [
        ["C1", 2024, "Cả năm", "Hội Nông dân", 950, 300, 20, 15],
        ["Đảng ủy xã Long Thuận", 2024, "6 tháng", "hoi lien hiep phu nu", 700, 700, None, None],
        ["C1 – Đảng ủy xã Long Thuận", 2024, None, "doan-thanh-nien", "1.200", 560, 0, 0],
    ]
    checked = run_import("membership_reports", io.BytesIO(workbook(rows)), cast.c1_officer, dry_run=True)
    assert errors_of(checked) == []
    assert (checked.created, checked.updated) == (2, 1)
    assert MembershipReport.objects.count() == 1
    result = run_import("membership_reports", io.BytesIO(workbook(rows)), cast.c1_officer)
    assert result.written
    found = sorted(MembershipReport.objects.values_list("organization__code", "months", "members", "women", "version"))
    assert found == [("doan-thanh-nien", 12, 1200, 560, 1), ("nong-dan", 12, 950, 300, 2), ("phu-nu", 6, 700, 700, 1)]
    logged = ChangeLogEntry.objects.filter(content_type__model="membershipreport").values_list("action", flat=True)
    assert sorted(logged) == ["create", "create", "create", "update"]
    again = run_import("membership_reports", io.BytesIO(workbook(rows)), cast.c1_officer)
    assert (again.created, again.updated, again.unchanged) == (0, 0, 3)


def test_every_error_with_the_pages_messages_and_nothing_written(cast):
    enter(cast.admin, cast.c1, 2024, population=(5000, 1000), nong_dan=900)
    rows = [
        ["C1", 2024, "Cả năm", "Hội Nông dân", 1200, 1300, 0, 0],
        ["C1", 2024, "Cả năm", "Hội Nông dân", 100, 0, 0, 0],
        ["C3", 2024, "Cả năm", "Hội Phụ nữ", 10, 0, 0, 0],
        ["D1", 2025, "Cả năm", "Hội Cựu chiến binh", 10, 0, 0, 0],
        ["C9", 2024, "Cả năm", "Hội Cựu chiến binh", 10, 0, 0, 0],
        ["C1", 2024, "Quý 1", "Hội Cựu chiến binh", -3, 0, 0, 0],
    ]
    result = run_import("membership_reports", io.BytesIO(workbook(rows)), cast.d1_officer)
    assert not result.written
    errors = errors_of(result)
    assert "Dòng 4, cột 'Nữ': Số nữ (1.300) vượt quá tổng số đoàn viên, hội viên (1.200)." in errors
    assert (
        "Dòng 4, cột 'Tổng số': Số hội viên (1.200) nhiều hơn số người tham gia ít nhất một tổ chức đã báo cáo cho "
        "năm 2024 (1.000); hãy sửa số người được tập hợp trên trang nhập số liệu trước." not in errors
    )  # the row has another error already
    assert "Dòng 5, cột 'Tổ chức': Trùng với dòng 4 (cùng đơn vị, tổ chức, năm và kỳ báo cáo)." in errors
    assert "Dòng 6, cột 'Đơn vị': Đơn vị 'C3' ngoài phạm vi quản lý của bạn" in errors
    assert (
        "Dòng 7, cột 'Đơn vị': Huyện ủy Bến Cầu không hoạt động vào ngày 31/12/2025, ngày chốt số liệu năm 2025 "
        "(Đến 30/6/2025)." in errors
    )
    assert "Dòng 8, cột 'Đơn vị': Không tìm thấy đơn vị có mã hoặc tên 'C9'." in errors
    assert any(e.startswith("Dòng 9, cột 'Kỳ báo cáo': Không có kỳ báo cáo 'Quý 1'.") for e in errors), errors
    assert MembershipReport.objects.get().members == 900


def test_more_members_than_people_organized(cast):
    enter(cast.admin, cast.c1, 2024, population=(5000, 1000), nong_dan=900)
    rows = [["C1", 2024, "Cả năm", "Hội Phụ nữ", 1200, 1200, 0, 0]]
    result = run_import("membership_reports", io.BytesIO(workbook(rows)), cast.admin)
    assert errors_of(result) == [
        "Dòng 4, cột 'Tổng số': Số hội viên (1.200) nhiều hơn số người tham gia ít nhất một tổ chức đã báo cáo cho "
        "năm 2024 (1.000); hãy sửa số người được tập hợp trên trang nhập số liệu trước."
    ]


def test_export_imports_back_unchanged(cast):
    enter(cast.admin, cast.c1, 2024, nong_dan={"members": 900, "women": 400, "ethnic_minority": 3, "religious": 50})
    enter(cast.admin, cast.c3, 2025, phu_nu=300, cuu_chien_binh=80)
    content = export_bytes("membership_reports", {}, cast.d1_officer)
    sheet = openpyxl.load_workbook(io.BytesIO(content)).active
    values = [[c.value for c in row] for row in sheet.iter_rows() if any(c.value is not None for c in row)]
    assert ["C1", 2024, "Cả năm", "Hội Nông dân", 900, 400, 3, 50, *NO_SECTORS] in values
    assert not any(row[0] == "C3" for row in values)  # outside d1_officer's scope
    result = run_import(
        "membership_reports", io.BytesIO(export_bytes("membership_reports", {}, cast.admin)), cast.admin
    )
    assert errors_of(result) == [] and (result.created, result.updated, result.unchanged) == (0, 0, 3)


def test_queries_do_not_grow_with_rows(cast):
    counts = []
    for n in (1, 2, 8):  # the first warms the caches (content types, the resolver's spellings)
        rows = [["C1", 2015 + i, "Cả năm", "Hội Nông dân", 100 + i, 0, 0, 0] for i in range(n)]
        with CaptureQueriesContext(connection) as captured:
            result = run_import("membership_reports", io.BytesIO(workbook(rows)), cast.c1_officer, dry_run=True)
        assert errors_of(result) == []
        counts.append(len(captured))
    assert counts[1] == counts[2], counts


def test_web_flow_export_and_template(client, cast):
    from django.urls import reverse

    from danvan.core.testing.imports import confirm, upload

    client.force_login(cast.c1_officer)
    rows = [["C1", 2024, "Cả năm", "Nông dân", 950, 300, 20, 15], ["C1", 2024, "Cả năm", "Hội CCB", 120, 4, 0, 0]]
    preview = upload(client, reverse("jobs:import", args=["membership-reports"]), workbook(rows))
    assert preview.status_code == 200
    assert not MembershipReport.objects.exists()
    assert confirm(client).status_code == 200
    assert sorted(MembershipReport.objects.values_list("organization__code", "members")) == [
        ("cuu-chien-binh", 120),
        ("nong-dan", 950),
    ]
    listed = client.get(reverse("membership:report-list"), {"nam": 2024}).content.decode()
    assert 'href="/doan-the/xuat-excel/?nam=2024"' in listed
    exported = client.get(
        reverse("membership:export"), {"nam": 2024, "to_chuc": MembershipReport.objects.first().organization_id}
    )
    sheet = openpyxl.load_workbook(io.BytesIO(b"".join(exported.streaming_content))).active
    data = [[c.value for c in row] for row in sheet.iter_rows() if any(c.value is not None for c in row)]
    assert len([row for row in data if row[0] == "C1"]) == 1
    template = client.get(reverse("membership:template"))
    sheet = openpyxl.load_workbook(io.BytesIO(b"".join(template.streaming_content))).active
    values = [c.value for row in sheet.iter_rows() for c in row if c.value is not None]
    assert all(header in values for header in HEADER)


def test_sectors_are_read_checked_and_exported(cast):
    rows = [
        ["C1", 2024, "Cả năm", "Hội Nông dân", 1000, 400, 0, 0, 800, 50, 20, None, 10, 30],
        ["C1", 2024, "Cả năm", "Hội Phụ nữ", 700, 700, 0, 0, 500, 150, 40, 20, 0, 10],  # 720 in sectors
        ["C1", 2024, "Cả năm", "Đoàn Thanh niên", 300, 100, 0, 0, 0, 0, 0, 310, 0, 0],  # students above total
        ["C1", 2024, "Cả năm", "Hội CCB", 90, 0, 0, 0, -5, 0, 0, 0, 0, 0],  # negative
        ["C1", 2024, "Cả năm", "Hội NCT", 90, 0, 0, 0, 0, "nhiều", 0, 0, 0, 0],  # not a number
    ]
    result = run_import("membership_reports", io.BytesIO(workbook(rows)), cast.c1_officer)
    assert not result.written and not MembershipReport.objects.exists()
    errors = errors_of(result)
    assert (
        "Dòng 5, cột 'Thành phần khác': Cộng các thành phần (720) vượt quá tổng số đoàn viên, hội viên (700); "
        "mỗi người chỉ thuộc một thành phần." in errors
    ), errors
    assert (
        "Dòng 6, cột 'Học sinh, sinh viên': Số học sinh, sinh viên (310) vượt quá tổng số đoàn viên, hội viên (300)."
        in errors
    )
    assert "Dòng 7, cột 'Nông dân': Số nông dân không được là số âm." in errors
    assert "Dòng 8, cột 'Công nhân, lao động': Không phải số nguyên: 'nhiều'" in errors
    assert len(errors) == 4, errors  # the first row is right
    result = run_import("membership_reports", io.BytesIO(workbook(rows[:1])), cast.c1_officer)
    assert result.written
    report = MembershipReport.objects.get()
    assert (report.farmers, report.workers, report.officials, report.students, report.armed_forces,
            report.other_sector) == (800, 50, 20, 0, 10, 30)  # fmt: skip
    sheet = openpyxl.load_workbook(io.BytesIO(export_bytes("membership_reports", {}, cast.c1_officer))).active
    values = [[c.value for c in row] for row in sheet.iter_rows() if any(c.value is not None for c in row)]
    assert values[0] == HEADER
    assert values[1] == ["C1", 2024, "Cả năm", "Hội Nông dân", 1000, 400, 0, 0, 800, 50, 20, 0, 10, 30]


def test_a_file_without_the_sector_columns_still_imports(cast):
    """Files made before the sectors were counted: the columns are optional, blank means none given."""
    rows = [["C1", 2024, "Cả năm", "Hội Nông dân", 1000, 400, 0, 0]]
    result = run_import("membership_reports", io.BytesIO(workbook(rows, HEADER[:8])), cast.c1_officer)
    assert errors_of(result) == [] and result.created == 1
    assert MembershipReport.objects.get().farmers == 0


def test_a_file_without_a_required_column_or_not_a_workbook(cast):
    rows = [["C1", 2024, "Cả năm", 1000]]
    result = run_import(
        "membership_reports", io.BytesIO(workbook(rows, ["Đơn vị", "Năm", "Kỳ báo cáo", "Tổng số"])), cast.c1_officer
    )
    assert not result.written
    assert any("Tổ chức" in e for e in errors_of(result)), errors_of(result)
    result = run_import("membership_reports", io.BytesIO(b"Don vi;Nam\nC1;2024\n"), cast.c1_officer)
    assert not result.written and errors_of(result), errors_of(result)
