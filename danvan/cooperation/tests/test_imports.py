"""The `cooperation_programmes` Excel kind: files as people make them, every bad input named with its row and
column and nothing written, a second import adding nothing, the export imported back unchanged, scope."""

from __future__ import annotations

import datetime as dt
import io

import openpyxl
import pytest
from django.urls import reverse

from danvan.cooperation.models import Programme
from danvan.cooperation.tests.conftest import evaluate, make_programme
from danvan.core.models import ChangeLogEntry
from danvan.core.xlsx import export_bytes, run_import
from danvan.planning.models import Directive, Milestone
from danvan.planning.services.directives import record_review

pytestmark = pytest.mark.django_db
KIND = "cooperation_programmes"
HEADER = ["STT", "Đơn vị", "Loại", "Số hiệu", "Ngày ký", "Trích yếu", "Các bên ký kết", "Hiệu lực đến ngày",
          "Sơ kết sau (năm)", "Tổng kết sau (năm)", "Thay thế văn bản số"]  # fmt: skip
ROWS = [
    [1, "P", "Chương trình phối hợp", "161-CTr/BCSĐUBND-BDVTU", "12.3.2021",
     "Phối hợp thực hiện công tác dân vận chính quyền giai đoạn 2021–2025",
     "Ban cán sự đảng Ủy ban nhân dân tỉnh; Ban Dân vận Tỉnh ủy", "31/12/2025", "3", 5, None],
    [2, "Tỉnh ủy Tây Ninh", "Quy chế", "03-QC/BDVTU-MTTQ", dt.datetime(2022, 1, 5),
     "Quy chế phối hợp giữa Ban Dân vận Tỉnh ủy với Ủy ban MTTQ Việt Nam tỉnh", "BDVTU; MTTQ", None, None, None, None],
    [3, "C1", "CTr", "02-CTr/ĐU-UBND", "1/3/2023", "Phối hợp vận động nhân dân xây dựng nông thôn mới",
     "Đảng ủy xã Long Thuận\nỦy ban nhân dân xã Long Thuận", None, "2", None, None],
]  # fmt: skip


def workbook(header, rows) -> bytes:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["DANH SÁCH CHƯƠNG TRÌNH, QUY CHẾ PHỐI HỢP"])  # a title block above the header
    sheet.append([])
    sheet.append(header)
    for row in rows:
        sheet.append(row)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def errors_of(result) -> list[str]:
    return [str(e) for e in result.errors]


def test_a_file_as_people_make_it(cast):
    result = run_import(KIND, workbook(HEADER, ROWS), user=cast.admin)
    assert result.ok, errors_of(result)
    assert (result.created, result.written) == (3, True)
    first = Programme.objects.get(number="161-CTr/BCSĐUBND-BDVTU")
    assert first.parties_label == "Ban Dân vận Tỉnh ủy; Ban cán sự đảng Ủy ban nhân dân tỉnh"
    assert first.valid_from == dt.date(2021, 3, 12) and first.valid_until == dt.date(2025, 12, 31)
    assert sorted(Milestone.objects.filter(directive=first.directive).values_list("due_date", flat=True)) == [
        dt.date(2024, 3, 12),
        dt.date(2026, 3, 12),
    ]
    local = Programme.objects.get(number="02-CTr/ĐU-UBND")
    assert local.unit == cast.c1 and local.other_parties == "Đảng ủy xã Long Thuận\nỦy ban nhân dân xã Long Thuận"
    assert Directive.objects.count() == 3
    assert ChangeLogEntry.objects.filter(action="create", object_repr__contains="161-CTr").exists()
    again = run_import(KIND, workbook(HEADER, ROWS), user=cast.admin)
    assert (again.created, again.updated, again.unchanged, again.written) == (0, 0, 3, False)


def test_a_replacement_named_by_number(cast):
    run_import(KIND, workbook(HEADER, ROWS[:1]), user=cast.admin)
    row = [
        1,
        "P",
        "Chương trình",
        "05-CTr/ĐUUBND-BTGDVTU",
        "5/8/2025",
        "Giai đoạn 2025–2030",
        "Đảng ủy Ủy ban nhân dân tỉnh; Ban Tuyên giáo và Dân vận Tỉnh ủy",
        None,
        "",
        None,
        "161-CTr/BCSĐUBND-BDVTU",
    ]
    result = run_import(KIND, workbook(HEADER, [row]), user=cast.admin)
    assert result.ok, errors_of(result)
    old = Programme.objects.get(number="161-CTr/BCSĐUBND-BDVTU")
    assert old.replaced_by.number == "05-CTr/ĐUUBND-BTGDVTU" and old.valid_until == dt.date(2025, 8, 4)


def test_the_export_imports_back_unchanged(client, cast):
    run_import(KIND, workbook(HEADER, ROWS), user=cast.admin)
    programme = Programme.objects.get(number="161-CTr/BCSĐUBND-BDVTU")
    evaluate(cast.admin, programme, 2022)
    content = export_bytes(KIND, {}, user=cast.admin)
    result = run_import(KIND, content, user=cast.admin)
    assert result.ok, errors_of(result)
    assert (result.created, result.updated, result.unchanged) == (0, 0, 3)
    client.force_login(cast.admin)
    web = client.get(reverse("cooperation:export") + "?loai=regulation")
    sheet = openpyxl.load_workbook(io.BytesIO(web.getvalue())).worksheets[0]
    assert [r[2] for r in sheet.iter_rows(min_row=2, values_only=True)] == ["03-QC/BDVTU-MTTQ"]


def test_the_template_has_the_columns(client, cast):
    client.force_login(cast.c1_officer)
    response = client.get(reverse("cooperation:template"))
    sheet = openpyxl.load_workbook(io.BytesIO(response.getvalue())).worksheets[0]
    headers = [c.value for c in next(sheet.iter_rows(max_row=1))]
    assert headers[:4] == ["Đơn vị", "Loại", "Số hiệu", "Ngày ký"]
    assert run_import(KIND, response.getvalue(), user=cast.c1_officer).file_errors  # no rows yet


def test_a_wrong_file_is_refused(cast):
    result = run_import(KIND, b"%PDF-1.4 not a workbook", user=cast.admin)
    assert result.file_errors and not Programme.objects.exists()


def test_a_missing_column_is_named(cast):
    header = [h for h in HEADER if h != "Các bên ký kết"]
    rows = [r[:6] + r[7:] for r in ROWS]
    result = run_import(KIND, workbook(header, rows), user=cast.admin)
    assert any("Các bên ký kết" in str(e) for e in result.file_errors), result.file_errors
    assert not Programme.objects.exists()


BAD = [
    ({1: "X99"}, "Đơn vị", "X99"),
    ({2: "Nghị quyết"}, "Loại", "Không có loại văn bản phối hợp 'Nghị quyết'"),
    ({3: "161/CTr-UBND"}, "Số hiệu", "không đúng dạng"),
    ({3: "161-QC/BCSĐUBND-BDVTU"}, "Số hiệu", "không khớp loại"),
    ({4: "31/2/2021"}, "Ngày ký", ""),
    ({4: "1/1/2099"}, "Ngày ký", "chưa đến"),
    ({6: "Ban Dân vận Tỉnh ủy"}, "Các bên ký kết", "ít nhất 2 bên"),
    ({4: "2/6/2025"}, "Các bên ký kết", "“Ban Dân vận Tỉnh ủy” không còn hoặc chưa có vào ngày ký 2/6/2025"),
    ({7: "1/1/2020"}, "Hiệu lực đến ngày", "phải sau ngày có hiệu lực"),
    ({9: 60}, "Tổng kết sau (năm)", "từ 1 đến 50"),
    ({9: 0}, "Tổng kết sau (năm)", "từ 1 đến 50"),
    ({8: "ba năm"}, "Sơ kết sau (năm)", "không hợp lệ"),
    ({5: ""}, "Trích yếu", ""),
    ({10: "999-CTr/KHONG-CO"}, "Thay thế văn bản số", "không có văn bản phối hợp số"),
]


@pytest.mark.parametrize("changes, column, message", BAD)
def test_every_bad_cell_is_named_and_nothing_is_written(cast, changes, column, message):
    row = list(ROWS[0])
    for index, value in changes.items():
        row[index] = value
    result = run_import(KIND, workbook(HEADER, [list(ROWS[1]), row]), user=cast.admin)
    found = [e for e in result.errors if e.row == 5 and e.column == column and message in e.message]
    assert found, errors_of(result)
    assert not Programme.objects.exists() and not Directive.objects.exists()


def test_a_unit_out_of_scope(cast):
    result = run_import(KIND, workbook(HEADER, [ROWS[0], ROWS[2]]), user=cast.c1_officer)
    assert [(e.row, e.column) for e in result.errors] == [(4, "Đơn vị")], errors_of(result)
    assert not Programme.objects.exists()


def test_a_duplicate_row(cast):
    result = run_import(KIND, workbook(HEADER, [ROWS[0], ROWS[1], [4, *ROWS[0][1:]]]), user=cast.admin)
    assert errors_of(result) == ["Dòng 6: Trùng với dòng 4 (cùng đơn vị, số hiệu và ngày ký)."]
    assert not Programme.objects.exists()


def test_a_reported_review_cannot_be_dropped(cast):
    programme = make_programme(cast.admin, cast.province)
    interim = Milestone.objects.get(directive=programme.directive, kind="interim")
    record_review(cast.admin, interim, number="45-BC/BDVTU", date=dt.date(2024, 4, 1))
    row = list(ROWS[0])
    row[8] = ""
    result = run_import(KIND, workbook(HEADER, [row]), user=cast.admin)
    assert any(e.column == "Sơ kết sau (năm)" and "45-BC/BDVTU" in e.message for e in result.errors), errors_of(result)
    assert Programme.objects.get().interim_years == "3"


def test_a_directive_registered_first_is_linked_not_doubled(cast):
    from danvan.planning.models import DirectiveType
    from danvan.planning.services.directives import save_directive

    earlier = save_directive(
        cast.admin,
        Directive(unit=cast.province, type=DirectiveType.objects.get(code="chuong-trinh-phoi-hop"),
                  number="161-CTr/BCSĐUBND-BDVTU", issued_on=dt.date(2021, 3, 12), issuer="Hai bên", summary="X"),
    )  # fmt: skip
    result = run_import(KIND, workbook(HEADER, ROWS[:1]), user=cast.admin)
    assert result.ok, errors_of(result)
    programme = Programme.objects.get()
    assert programme.directive_id == earlier.pk and Directive.objects.count() == 1
    assert Directive.objects.get().summary == programme.title  # brought in line with the programme
