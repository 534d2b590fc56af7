"""The `cooperation_evaluations` Excel kind: programmes named by number and signing date or year, every bad
input named with its row and column and nothing written, a second import adding nothing, the export
imported back unchanged, scope, the web's template, export and upload link."""

from __future__ import annotations

import datetime as dt
import io

import openpyxl
import pytest
from django.urls import reverse

from danvan.cooperation.models import Evaluation
from danvan.cooperation.tests.conftest import evaluate, make_programme
from danvan.core.models import ChangeLogEntry
from danvan.core.xlsx import export_bytes, run_import

pytestmark = pytest.mark.django_db
KIND = "cooperation_evaluations"
HEADER = ["STT", "Số hiệu văn bản", "Ngày ký", "Năm được đánh giá", "Ngày tổ chức", "Chủ trì", "Kết quả đánh giá"]
CHAIR = "Trưởng Ban Dân vận Tỉnh ủy, Phó Chủ tịch UBND tỉnh"
ROWS = [
    [1, "161-CTr/BCSĐUBND-BDVTU", "12/3/2021", 2021, "28/12/2021", CHAIR, "Hoàn thành các nội dung đề ra"],
    [2, "161 - ctr/bcsđubnd-bdvtu", 2021, "2022", dt.datetime(2023, 1, 10), CHAIR, "Giải quyết kịp thời kiến nghị"],
    [3, "02-CTr/ĐU-UBND", "2023", 2023, "29/12/2023", "Bí thư, Chủ tịch UBND xã", "Vận động xây dựng nông thôn mới"],
]


@pytest.fixture
def programmes(cast):
    province = make_programme(cast.admin, cast.province, valid_until=dt.date(2025, 12, 31))
    commune = make_programme(
        cast.admin, cast.c1, number="02-CTr/ĐU-UBND", signed_on=dt.date(2023, 3, 1), parties=[],
        others=["Đảng ủy xã", "Ủy ban nhân dân xã"],
    )  # fmt: skip
    return province, commune


def workbook(header, rows) -> bytes:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["DANH SÁCH HỘI NGHỊ ĐÁNH GIÁ NĂM"])  # a title block above the header
    sheet.append([])
    sheet.append(header)
    for row in rows:
        sheet.append(row)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def errors_of(result) -> list[str]:
    return [str(e) for e in result.errors]


def test_a_file_as_people_make_it(cast, programmes):
    province, commune = programmes
    result = run_import(KIND, workbook(HEADER, ROWS), user=cast.admin)
    assert result.ok, errors_of(result)
    assert (result.created, result.written) == (3, True)
    assert sorted(province.evaluations.values_list("year", "held_on")) == [
        (2021, dt.date(2021, 12, 28)),
        (2022, dt.date(2023, 1, 10)),
    ]
    assert commune.evaluations.get().chair == "Bí thư, Chủ tịch UBND xã"
    assert ChangeLogEntry.objects.filter(content_type__model="evaluation", action="create").count() == 3
    again = run_import(KIND, workbook(HEADER, ROWS), user=cast.admin)
    assert (again.created, again.updated, again.unchanged) == (0, 0, 3)


def test_a_row_updates_the_years_evaluation(cast, programmes):
    province, _ = programmes
    recorded = evaluate(cast.admin, province, 2021)
    result = run_import(KIND, workbook(HEADER, ROWS[:1]), user=cast.admin)
    assert (result.created, result.updated) == (0, 1), errors_of(result)
    stored = Evaluation.objects.get(pk=recorded.pk)
    assert (stored.result, stored.version) == ("Hoàn thành các nội dung đề ra", 2)
    logged = ChangeLogEntry.objects.get(content_type__model="evaluation", object_id=str(recorded.pk), action="update")
    assert logged.after["result"] == "Hoàn thành các nội dung đề ra"


def test_the_export_imports_back_unchanged(client, cast, programmes):
    run_import(KIND, workbook(HEADER, ROWS), user=cast.admin)
    content = export_bytes(KIND, {}, user=cast.admin)
    result = run_import(KIND, content, user=cast.admin)
    assert result.ok, errors_of(result)
    assert (result.created, result.updated, result.unchanged) == (0, 0, 3)
    client.force_login(cast.c1_officer)  # only the commune's
    web = client.get(reverse("cooperation:evaluation-export"))
    sheet = openpyxl.load_workbook(io.BytesIO(web.getvalue())).worksheets[0]
    exported = {(r[0], r[2]) for r in sheet.iter_rows(min_row=2, values_only=True)}
    expected = {(e.programme.number, e.year) for e in Evaluation.objects.restrict(cast.c1_officer)}
    assert exported == expected and ("02-CTr/ĐU-UBND", 2023) in exported


def test_the_template_and_the_upload_link(client, cast, programmes):
    client.force_login(cast.c1_officer)
    response = client.get(reverse("cooperation:evaluation-template"))
    sheet = openpyxl.load_workbook(io.BytesIO(response.getvalue())).worksheets[0]
    assert [c.value for c in next(sheet.iter_rows(max_row=1))] == HEADER[1:]
    assert run_import(KIND, response.getvalue(), user=cast.c1_officer).file_errors  # no rows yet
    page = client.get(reverse("cooperation:list")).content.decode()
    assert reverse("jobs:import", args=["cooperation-evaluations"]) in page
    assert reverse("cooperation:evaluation-export") in page
    upload = client.get(reverse("jobs:import", args=["cooperation-evaluations"]))
    assert upload.status_code == 200 and "Nhập hội nghị đánh giá năm" in upload.content.decode()


def test_a_wrong_file_is_refused(cast, programmes):
    result = run_import(KIND, b"%PDF-1.4 not a workbook", user=cast.admin)
    assert result.file_errors and not Evaluation.objects.exists()


def test_a_missing_column_is_named(cast, programmes):
    header = [h for h in HEADER if h != "Chủ trì"]
    rows = [r[:5] + r[6:] for r in ROWS]
    result = run_import(KIND, workbook(header, rows), user=cast.admin)
    assert any("Chủ trì" in str(e) for e in result.file_errors), result.file_errors
    assert not Evaluation.objects.exists()


BAD = [
    ({1: "999-CTr/KHONG-CO"}, "Số hiệu văn bản", "Không có văn bản phối hợp số “999-CTr/KHONG-CO” ký ngày 12/3/2021"),
    ({2: "13/3/2021"}, "Số hiệu văn bản", "ký ngày 13/3/2021 trong phạm vi của bạn"),
    ({2: 2020}, "Số hiệu văn bản", "ký năm 2020"),
    ({2: "31/2/2021"}, "Ngày ký", ""),
    ({3: 2027}, "Năm được đánh giá", "Năm 2027 văn bản không có hiệu lực"),
    ({3: 2020}, "Năm được đánh giá", "Năm 2020 văn bản không có hiệu lực"),
    ({3: "hai nghìn"}, "Năm được đánh giá", ""),
    ({4: "1/6/2022"}, "Ngày tổ chức", "phải tổ chức trong năm 2021 hoặc đến 31/3/2022"),
    ({4: "1/1/2099"}, "Ngày tổ chức", "chưa đến"),
    ({4: "30/2/2021"}, "Ngày tổ chức", ""),
    ({5: ""}, "Chủ trì", ""),
    ({6: ""}, "Kết quả đánh giá", ""),
]


@pytest.mark.parametrize("changes, column, message", BAD)
def test_every_bad_cell_is_named_and_nothing_is_written(cast, programmes, changes, column, message):
    row = list(ROWS[0])
    for index, value in changes.items():
        row[index] = value
    result = run_import(KIND, workbook(HEADER, [list(ROWS[2]), row]), user=cast.admin)
    found = [e for e in result.errors if e.row == 5 and e.column == column and message in e.message]
    assert found, errors_of(result)
    assert not Evaluation.objects.exists()


def test_two_programmes_of_one_number_in_a_year_need_the_date(cast, programmes):
    make_programme(cast.admin, cast.province, number="161-CTr/BCSĐUBND-BDVTU", signed_on=dt.date(2021, 9, 1))
    row = [1, "161-CTr/BCSĐUBND-BDVTU", 2021, 2021, "28/12/2021", CHAIR, "Tốt"]
    result = run_import(KIND, workbook(HEADER, [row]), user=cast.admin)
    assert [(e.row, e.column) for e in result.errors] == [(4, "Ngày ký")], errors_of(result)
    assert "ghi đúng ngày ký để phân biệt" in result.errors[0].message
    assert run_import(KIND, workbook(HEADER, [ROWS[0]]), user=cast.admin).created == 1  # the date tells


def test_a_programme_out_of_scope(cast, programmes):
    result = run_import(KIND, workbook(HEADER, [ROWS[2]]), user=cast.d1_reviewer)  # sees it, may not change
    assert [(e.row, e.column) for e in result.errors] == [(4, "Số hiệu văn bản")], errors_of(result)
    assert result.errors[0].message == f"Đơn vị '{cast.c1.name}' ngoài phạm vi quản lý của bạn"
    assert not Evaluation.objects.exists()
    result = run_import(KIND, workbook(HEADER, [ROWS[2], ROWS[0]]), user=cast.c1_officer)
    assert [(e.row, e.column) for e in result.errors] == [(5, "Số hiệu văn bản")], errors_of(result)
    assert "Không có văn bản phối hợp" in result.errors[0].message  # the province's: not even seen
    result = run_import(KIND, workbook(HEADER, [ROWS[2]]), user=cast.c2_officer)
    assert [(e.row, e.column) for e in result.errors] == [(4, "Số hiệu văn bản")], errors_of(result)
    assert "Không có văn bản phối hợp" in result.errors[0].message


def test_a_duplicate_row(cast, programmes):
    result = run_import(KIND, workbook(HEADER, [ROWS[0], ROWS[2], [4, *ROWS[0][1:]]]), user=cast.admin)
    assert errors_of(result) == ["Dòng 6: Trùng với dòng 4 (cùng văn bản phối hợp và năm được đánh giá)."]
    assert not Evaluation.objects.exists()


def test_the_web_flow_shows_the_errors_then_writes_a_clean_file_once(client, cast, programmes):
    from django.core.files.uploadedfile import SimpleUploadedFile
    from django.utils.html import escape

    from danvan.core.jobs.imports import CHECK, WRITE
    from danvan.core.jobs.models import Job

    def upload(content: bytes):
        data = SimpleUploadedFile("danh-gia.xlsx", content)
        return client.post(reverse("jobs:import", args=["cooperation-evaluations"]), {"tep": data}, follow=True)

    client.force_login(cast.c1_officer)
    bad = list(ROWS[2])
    bad[4] = "1/6/2024"
    page = upload(workbook(HEADER, [bad])).content.decode()
    check = Job.objects.get(kind=CHECK)
    assert check.report["error_count"] == 1 and 'data-testid="import-refused"' in page
    assert escape("phải tổ chức trong năm 2023 hoặc đến 31/3/2024") in page
    upload(workbook(HEADER, [ROWS[2]]))
    check = Job.objects.filter(kind=CHECK).latest("pk")
    assert check.report["created"] == 1 and not Evaluation.objects.exists()  # the check writes nothing
    client.post(reverse("jobs:import-confirm", args=[check.pk]), follow=True)
    client.post(reverse("jobs:import-confirm", args=[check.pk]), follow=True)  # a double click
    assert Evaluation.objects.get().programme == programmes[1]
    assert Job.objects.filter(kind=WRITE).count() == 1
    client.force_login(cast.outsider)
    assert client.get(reverse("jobs:import", args=["cooperation-evaluations"])).status_code == 403
