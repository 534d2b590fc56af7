"""The `membership_population` Excel kind: one row per unit and period; every bad input reported with its row,
column and the entry page's message and nothing written; an export imports back unchanged; the web flow; the
statistics page's share follows an import."""

from __future__ import annotations

import io

import openpyxl
import pytest
from django.urls import reverse

from danvan.core.models import ChangeLogEntry
from danvan.core.testing.imports import confirm, upload
from danvan.core.xlsx import export_bytes, run_import
from danvan.membership.models import PopulationFigure
from danvan.membership.tests.conftest import enter

pytestmark = pytest.mark.django_db
KIND = "membership_population"
HEADER = ["Đơn vị", "Năm", "Kỳ báo cáo", "Dân số", "Số người tham gia ít nhất một tổ chức"]


def workbook(rows: list[list], header: list[str] = HEADER) -> bytes:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["DÂN SỐ VÀ SỐ NGƯỜI ĐƯỢC TẬP HỢP"])
    sheet.append([])
    sheet.append(header)
    for row in rows:
        sheet.append(row)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def run(content: bytes, user, **kwargs):
    return run_import(KIND, io.BytesIO(content), user, **kwargs)


def errors_of(result) -> list[str]:
    return [str(e) for e in result.errors]


def stored() -> list[tuple]:
    return sorted(PopulationFigure.objects.values_list("unit__code", "year", "months", "population", "organized"))


def test_import_creates_updates_and_logs(cast):
    enter(cast.c1_officer, cast.c1, 2023, population=(5000, 1000))
    rows = [
        ["C1", 2023, "Cả năm", "5.100", 1200],
        ["Đảng ủy xã Long Thuận", 2024, "6 tháng", 5200, 1300],
        ["C1", 2024, None, 5300, 1400],
    ]
    checked = run(workbook(rows), cast.c1_officer, dry_run=True)
    assert errors_of(checked) == [] and (checked.created, checked.updated) == (2, 1)
    assert stored() == [("C1", 2023, 12, 5000, 1000)]
    assert run(workbook(rows), cast.c1_officer).written
    assert stored() == [("C1", 2023, 12, 5100, 1200), ("C1", 2024, 6, 5200, 1300), ("C1", 2024, 12, 5300, 1400)]
    assert PopulationFigure.objects.get(year=2023).version == 2  # an entry page opened before is stale
    logged = ChangeLogEntry.objects.filter(content_type__model="populationfigure").values_list("action", flat=True)
    assert sorted(logged) == ["create", "create", "create", "update"]
    again = run(workbook(rows), cast.c1_officer)
    assert (again.created, again.updated, again.unchanged) == (0, 0, 3)


def test_every_error_with_row_column_message_and_nothing_written(cast):
    enter(cast.admin, cast.c1, 2024, population=(5000, 1000), nong_dan=900)
    rows = [
        ["C1", 2024, "Cả năm", 5000, 800],  # 4: fewer than the farmers' union's 900 members
        ["C1", 2023, "Cả năm", 3000, 3500],  # 5: organized above population
        ["C1", 2023, "Cả năm", 3000, 1000],  # 6: same unit and period as row 5
        ["C3", 2024, "Cả năm", 3000, 1000],  # 7: outside d1_officer's scope
        ["D1", 2025, "Cả năm", 3000, 1000],  # 8: ended on 30/6/2025
        ["C9", 2024, "Cả năm", 3000, 1000],  # 9: unknown
        ["C1", 2022, "Cả năm", -5, 0],  # 10: negative
        ["C1", 2021, "Quý 1", 100, 10],  # 11: no such period
        ["C1", 2020, "Cả năm", "nhiều", 10],  # 12: not a number
        ["C1", 2019, "Cả năm", 100, None],  # 13: missing
    ]
    result = run(workbook(rows), cast.d1_officer)
    assert not result.written
    errors = errors_of(result)
    assert (
        "Dòng 4, cột 'Số người tham gia ít nhất một tổ chức': Số người tham gia ít nhất một tổ chức (800) ít hơn "
        "số hội viên của Hội Nông dân (900); mỗi người chỉ tính một lần nhưng không thể ít hơn số hội viên của "
        "một tổ chức." in errors
    ), errors
    assert (
        "Dòng 5, cột 'Số người tham gia ít nhất một tổ chức': Số người tham gia tổ chức (3.500) vượt quá dân số "
        "(3.000): tỷ lệ tập hợp không thể quá 100%." in errors
    )
    assert "Dòng 6, cột 'Đơn vị': Trùng với dòng 5 (cùng đơn vị, năm và kỳ báo cáo)." in errors
    assert "Dòng 7, cột 'Đơn vị': Đơn vị 'C3' ngoài phạm vi quản lý của bạn" in errors
    assert (
        "Dòng 8, cột 'Đơn vị': Huyện ủy Bến Cầu không hoạt động vào ngày 31/12/2025, ngày chốt số liệu năm 2025 "
        "(Đến 30/6/2025)." in errors
    )
    assert "Dòng 9, cột 'Đơn vị': Không tìm thấy đơn vị có mã hoặc tên 'C9'." in errors
    assert "Dòng 10, cột 'Dân số': Dân số không được là số âm." in errors
    assert any(e.startswith("Dòng 11, cột 'Kỳ báo cáo': Không có kỳ báo cáo 'Quý 1'.") for e in errors), errors
    assert "Dòng 12, cột 'Dân số': Không phải số nguyên: 'nhiều'" in errors
    assert any(e.startswith("Dòng 13, cột 'Số người tham gia ít nhất một tổ chức'") for e in errors), errors
    assert len(errors) == 10, errors
    assert stored() == [("C1", 2024, 12, 5000, 1000)]


def test_a_file_without_a_required_column_or_not_a_workbook(cast):
    result = run(workbook([["C1", 2024, "Cả năm", 5000]], HEADER[:4]), cast.c1_officer)
    assert not result.written
    assert any("Số người tham gia ít nhất một tổ chức" in e for e in errors_of(result)), errors_of(result)
    result = run(b"Don vi;Nam\nC1;2024\n", cast.c1_officer)
    assert not result.written and errors_of(result), errors_of(result)
    assert not PopulationFigure.objects.exists()


def test_export_imports_back_unchanged(cast):
    enter(cast.admin, cast.c1, 2024, population=(5000, 1000), nong_dan=900)
    enter(cast.admin, cast.c1, 2025, months=6, population=(5100, 1100))
    enter(cast.admin, cast.c3, 2025, population=(8000, 2000))
    sheet = openpyxl.load_workbook(io.BytesIO(export_bytes(KIND, {}, cast.d1_officer))).active
    values = [[c.value for c in row] for row in sheet.iter_rows() if any(c.value is not None for c in row)]
    assert values == [HEADER, ["C1", 2024, "Cả năm", 5000, 1000], ["C1", 2025, "6 tháng đầu năm", 5100, 1100]]
    result = run(export_bytes(KIND, {}, cast.admin), cast.admin)
    assert errors_of(result) == [] and (result.created, result.updated, result.unchanged) == (0, 0, 3)
    assert PopulationFigure.objects.filter(version=1).count() == 3


def test_web_flow_export_template_and_the_statistics_share(client, cast):
    enter(cast.c1_officer, cast.c1, 2024, population=(5000, 1000), nong_dan=900)
    client.force_login(cast.c1_officer)
    statistics = reverse("membership:statistics")
    before = client.get(statistics, {"nam": 2024}).content.decode()
    assert 'data-testid="share">20,0%<' in before
    listed = client.get(reverse("membership:report-list")).content.decode()
    flow = reverse("jobs:import", args=["membership-population"])
    assert f'href="{flow}"' in listed and 'href="/doan-the/dan-so/xuat-excel/"' in listed
    preview = upload(client, flow, workbook([["C1", 2024, "", 5000, 2500]]))
    assert preview.status_code == 200
    assert stored() == [("C1", 2024, 12, 5000, 1000)]  # checked, not written yet
    assert confirm(client).status_code == 200
    assert stored() == [("C1", 2024, 12, 5000, 2500)]
    after = client.get(statistics, {"nam": 2024}).content.decode()
    assert 'data-testid="share">50,0%<' in after
    exported = client.get(reverse("membership:population-export"), {"nam": 2024})
    sheet = openpyxl.load_workbook(io.BytesIO(b"".join(exported.streaming_content))).active
    data = [[c.value for c in row] for row in sheet.iter_rows() if any(c.value is not None for c in row)]
    assert data == [HEADER, ["C1", 2024, "Cả năm", 5000, 2500]]
    none = client.get(reverse("membership:population-export"), {"nam": 2023})
    sheet = openpyxl.load_workbook(io.BytesIO(b"".join(none.streaming_content))).active
    assert [[c.value for c in row] for row in sheet.iter_rows() if any(c.value is not None for c in row)] == [HEADER]
    template = client.get(reverse("membership:population-template"))
    sheet = openpyxl.load_workbook(io.BytesIO(b"".join(template.streaming_content))).active
    assert [c.value for c in next(sheet.iter_rows())] == HEADER


def test_every_cast_member_sees_only_their_scope(client, cast):
    from django.contrib.auth import get_user_model

    enter(cast.admin, cast.c1, 2024, population=(5000, 1000))
    enter(cast.admin, cast.c3, 2024, population=(8000, 2000))
    members = {name: value for name, value in vars(cast).items() if isinstance(value, get_user_model())}
    statuses = {}
    for name, user in members.items():
        client.force_login(user)
        exported = client.get(reverse("membership:population-export"))
        assert exported.status_code == 200, name
        sheet = openpyxl.load_workbook(io.BytesIO(b"".join(exported.streaming_content))).active
        codes = sorted(row[0].value for row in sheet.iter_rows(min_row=2) if row[0].value)
        visible = PopulationFigure.objects.restrict(user).select_related("unit")
        assert codes == sorted(f.unit.code for f in visible), name
        assert client.get(reverse("membership:population-template")).status_code == 200, name
        statuses[name] = client.get(reverse("jobs:import", args=["membership-population"])).status_code
    assert (statuses["admin"], statuses["d1_officer"], statuses["c1_officer"]) == (200, 200, 200)
    client.force_login(cast.c1_officer)
    sheet = openpyxl.load_workbook(
        io.BytesIO(b"".join(client.get(reverse("membership:population-export")).streaming_content))
    ).active
    assert [row[0].value for row in sheet.iter_rows(min_row=2)] == ["C1"]
    client.force_login(cast.outsider)
    refused = client.get(reverse("jobs:import", args=["membership-population"]))
    assert refused.status_code == 403 and "không nhập được số liệu" in refused.content.decode()
