"""Excel through the web: the template download, the upload page (core flow: core/tests/test_jobs.py), the export."""

import io

import openpyxl
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from danvan.core.jobs.models import Job
from danvan.core.testing.factories import make_practice
from danvan.core.testing.jobs import check_started_only_by_its_button, job_file, start_job
from danvan.core.xlsx import engine, run_import
from danvan.practices.tests.test_import import HEADER, row, state

pytestmark = pytest.mark.django_db

IMPORT = reverse("practices:import")
TEMPLATE = reverse("practices:import-template")
EXPORT = reverse("practices:export")
LIST = reverse("practices:list")


@pytest.fixture
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT


def upload(client, path, name: str = "danh-sach.xlsx"):
    return client.post(IMPORT, {"tep": SimpleUploadedFile(name, path.read_bytes())})


def test_the_pages_need_a_login(client):
    for url in (IMPORT, TEMPLATE, EXPORT):
        response = client.get(url)
        assert response.status_code == 302 and response.url.startswith(reverse("login"))


def test_the_list_shows_the_excel_buttons(client, cast):
    client.force_login(cast.c1_officer)
    html = client.get(LIST).content.decode()
    assert f'href="{IMPORT}"' in html and f'<form method="post" action="{EXPORT}' in html


def test_someone_without_the_right_to_edit_cannot_import(client, cast, media):
    client.force_login(cast.outsider)
    response = client.get(IMPORT)
    assert response.status_code == 403
    assert "không nhập được danh sách" in response.content.decode()


def test_the_upload_page_offers_the_template(client, cast, media):
    client.force_login(cast.c1_officer)
    html = client.get(IMPORT).content.decode()
    assert f'href="{TEMPLATE}"' in html and 'enctype="multipart/form-data"' in html
    assert "tối đa 20,0 MB" in html


# --- Template -----------------------------------------------------------------------------------


def test_the_template_has_the_columns_lists_and_the_users_units(client, cast):
    client.force_login(cast.d1_officer)
    response = client.get(TEMPLATE)
    assert response.status_code == 200
    assert response["Content-Disposition"] == (
        "attachment; filename*=utf-8''M%E1%BA%ABu%20nh%E1%BA%ADp%20m%C3%B4%20h%C3%ACnh.xlsx"
    )
    workbook = openpyxl.load_workbook(io.BytesIO(b"".join(response.streaming_content)))
    assert workbook.sheetnames == ["Mô hình, điển hình", "Danh mục", "Hướng dẫn"]
    sheet, lists = workbook["Mô hình, điển hình"], workbook["Danh mục"]
    assert [c.value for c in sheet[1]] == HEADER[1:]
    assert sheet.freeze_panes == "A2" and lists.sheet_state == "hidden"
    validations = {str(v.sqref): v for v in sheet.data_validations.dataValidation}
    assert validations["C2:C5001"].formula1 == "'Danh mục'!$A$2:$A$3"
    assert validations["C2:C5001"].type == "list" and validations["C2:C5001"].errorStyle == "stop"
    assert {ref[0] for ref in validations} == set("CDGHIJKLM")
    assert validations["G2:G5001"].errorStyle == "warning"  # Đơn vị: a typed code or name still goes
    assert validations["J2:J5001"].type == "whole"  # Năm
    assert validations["M2:M5001"].formula1 == validations["K2:K5001"].formula1  # both levels share a list
    columns = {lists.cell(1, i).value: [c.value for c in col[1:] if c.value] for i, col in enumerate(lists.columns, 1)}
    assert columns["Danh mục loại"] == ["Mô hình", "Điển hình"]
    assert columns["Danh mục cấp"] == ["Cấp cơ sở", "Cấp huyện", "Cấp tỉnh", "Cấp Trung ương"]
    assert columns["Danh mục trạng thái"][-2:] == ["Đã công nhận", "Không công nhận"]
    assert columns["Danh mục đơn vị (mã – tên)"] == [
        "D1 – Huyện ủy Bến Cầu",
        "C1 – Đảng ủy xã Long Thuận",
        "C2 – Đảng ủy xã Lợi Thuận",
    ]
    guide = [c.value for c in workbook["Hướng dẫn"]["A"] if c.value]
    assert guide[0].startswith("HƯỚNG DẪN NHẬP") and "Mã mô hình" in guide


def test_the_template_filled_in_imports_and_blank_is_empty(client, cast, tmp_path):
    client.force_login(cast.c1_officer)
    data = b"".join(client.get(TEMPLATE).streaming_content)
    path = tmp_path / "mau.xlsx"
    path.write_bytes(data)
    assert [str(e) for e in run_import("practices", path).errors] == [engine.MSG_NO_ROWS]
    workbook = openpyxl.load_workbook(path)
    workbook.active.append(row()[1:])
    workbook.active.append(
        row(name="Điển hình", subject="Cá nhân", person_name="Lê Thị Mai", unit="C1 – Đảng ủy xã Long Thuận")[1:]
    )
    workbook.save(path)
    result = run_import("practices", path, user=cast.c1_officer)
    assert [str(e) for e in result.errors] == [] and result.created == 2


# --- Export -------------------------------------------------------------------------------------


def _exported(client, params: dict | None = None) -> list[tuple]:
    """The export as the user gets it: the worker's job, then its file (read back with openpyxl)."""
    _job, content = job_file(client, EXPORT, params)
    return list(openpyxl.load_workbook(io.BytesIO(content)).active.iter_rows(values_only=True))


def test_the_export_follows_the_lists_filters_and_imports_back_unchanged(client, cast, tmp_path):
    for unit, year in ((cast.c1, 2019), (cast.c2, 2019), (cast.c1, 2024), (cast.c3, 2019)):
        make_practice(unit, year)
    client.force_login(cast.d1_officer)
    job, content = job_file(client, EXPORT)
    assert job.result_name == "Danh sách mô hình dân vận khéo.xlsx" and job.link == LIST
    download = client.get(reverse("jobs:download", args=[job.pk]))
    assert download["Content-Disposition"].startswith("attachment; filename*=utf-8''Danh%20s%C3%A1ch")
    rows = _exported(client)
    assert list(rows[0]) == HEADER[1:]
    assert [(r[6], r[9]) for r in rows[1:]] == [("C1", 2024), ("C1", 2019), ("C2", 2019)]  # the list's order
    rows = _exported(client, {"nam": 2019, "don_vi": cast.c2.pk, "truc_thuoc": "on", "trang": 3})
    assert [(r[6], r[9]) for r in rows[1:]] == [("C2", 2019)]
    rows = _exported(client, {"don_vi": cast.c3.pk})  # out of scope: the filter is refused, not applied
    assert {r[6] for r in rows[1:]} == {"C1", "C2"}
    assert job_file(client, EXPORT, {"nam": 2019})[0].result_name == "Danh sách mô hình dân vận khéo năm 2019.xlsx"

    path = tmp_path / "xuat.xlsx"
    path.write_bytes(content)
    before = state()
    result = run_import("practices", path, user=cast.d1_officer)
    assert [str(e) for e in result.errors] == [] and result.unchanged == 3
    assert state() == before


def test_a_real_worker_writes_the_export_and_a_second_click_follows_the_same_job(client, cast, worker, settings):
    for unit, year in ((cast.c1, 2019), (cast.c2, 2024)):
        make_practice(unit, year)
    client.force_login(cast.d1_officer)
    first = start_job(client, EXPORT, {"nam": 2024})
    again = start_job(client, EXPORT, {"nam": 2024})  # a double click while the job waits: the same job, not two
    assert first.status_code == again.status_code == 302 and first["Location"] == again["Location"]
    job = Job.objects.get(kind="practices.export")
    assert job.task_id  # queued, not run in the request
    worker.wait(job)
    assert job.status == Job.Status.DONE, job.error
    content = b"".join(client.get(reverse("jobs:download", args=[job.pk])).streaming_content)
    rows = list(openpyxl.load_workbook(io.BytesIO(content)).active.iter_rows(values_only=True))
    assert [(r[6], r[9]) for r in rows[1:]] == [("C2", 2024)]
    start_job(client, EXPORT, {"nam": 2024})  # once the job is over, a new click makes a new file
    assert Job.objects.filter(kind="practices.export").count() == 2


def test_only_the_export_button_starts_the_job_opening_its_address_does_not(client, cast):
    client.force_login(cast.d1_officer)
    job = check_started_only_by_its_button(client, f"{LIST}?nam=2024", f"{EXPORT}?nam=2024")
    assert job.kind == "practices.export" and job.params == {"query": "nam=2024"}
