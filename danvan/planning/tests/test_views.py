"""The pages' forms: good input goes through the services, bad input comes back with Vietnamese messages,
what was typed kept, and nothing written."""

import datetime as dt
import io

import openpyxl
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse

from danvan.core.testing import imports
from danvan.core.testing.uploads import UploadPoint, check_upload_point
from danvan.planning.models import Directive, FollowUp, KeyTask, Milestone, Recommendation, Supervision, WorkPlan
from danvan.planning.tests.conftest import dtype, make_directive, make_plan, make_supervision

pytestmark = pytest.mark.django_db


def directive_data(cast, **overrides):
    data = {
        "unit": cast.province.pk,
        "type": dtype("ket-luan").pk,
        "number": "03-KL/TW",
        "issued_on": "2016-05-13",
        "issuer": "Ban Bí thư",
        "summary": "Tiếp tục thực hiện Quyết định số 290-QĐ/TW",
        "interim_years": "3, 5",
        "final_years": "10",
    }
    return data | overrides


def test_a_directive_through_the_form(client, cast, config, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    client.force_login(cast.admin)
    assert client.get(reverse("planning:directive-create")).status_code == 200
    data = directive_data(cast, file=SimpleUploadedFile("kl-03.pdf", b"%PDF-1.4"))
    response = client.post(reverse("planning:directive-create"), data)
    directive = Directive.objects.get()
    assert response.url == reverse("planning:directive-detail", args=[directive.pk])
    assert directive.milestones.count() == 3
    download = client.get(reverse("planning:directive-file", args=[directive.pk]))
    assert download.status_code == 200 and b"".join(download.streaming_content) == b"%PDF-1.4"


@pytest.mark.parametrize(
    ("overrides", "message"),
    [
        ({"issued_on": "31/02/2016"}, "Nhập một ngày hợp lệ"),
        ({"interim_years": "ba, năm"}, "Số năm không hợp lệ: &#x27;ba&#x27;"),
        ({"interim_years": "12"}, "Sơ kết phải trước tổng kết"),
        ({"final_years": "mười"}, "Nhập số năm là một số nguyên, ví dụ 10."),
        ({"number": "19-CT/TW"}, "không khớp loại Kết luận (KL)"),
        ({"number": ""}, "Trường này là bắt buộc"),
        ({"issued_on": "2099-01-01"}, "chưa đến"),
        ({"unit": "999999"}, "Hãy chọn một lựa chọn hợp lệ"),
    ],
)
def test_bad_directive_input(client, cast, config, overrides, message):
    client.force_login(cast.admin)
    response = client.post(reverse("planning:directive-create"), directive_data(cast, **overrides))
    assert response.status_code == 200
    html = response.content.decode()
    assert message in html and 'data-testid="form-errors"' in html
    assert "Tiếp tục thực hiện Quyết định số 290-QĐ/TW" in html  # kept
    assert not Directive.objects.exists()


def test_a_directive_registered_twice_and_an_out_of_scope_unit(client, cast, config):
    client.force_login(cast.d1_officer)
    data = directive_data(cast, unit=cast.d1.pk)
    client.post(reverse("planning:directive-create"), data)
    response = client.post(reverse("planning:directive-create"), data)
    assert "đã có văn bản này trong danh mục" in response.content.decode()
    response = client.post(reverse("planning:directive-create"), directive_data(cast, unit=cast.d2.pk))
    assert "Hãy chọn một lựa chọn hợp lệ" in response.content.decode()
    assert Directive.objects.count() == 1


def test_review_reports_and_milestones_through_the_page(client, cast, config):
    client.force_login(cast.admin)
    directive = make_directive(cast.admin, cast.province, interim_years="5")
    five = directive.milestones.get()
    url = reverse("planning:milestone-report", args=[five.pk])
    response = client.post(url, {f"m{five.pk}-report_number": "", f"m{five.pk}-report_date": "2099-01-01"})
    html = response.content.decode()
    assert "Cần nhập số, ký hiệu" in html and "chưa đến" in html and '<details class="mt-1" open' in html
    client.post(url, {f"m{five.pk}-report_number": "296-BC/TU", f"m{five.pk}-report_date": "2021-06-28"})
    assert Milestone.objects.get(pk=five.pk).report_number == "296-BC/TU"
    add = reverse("planning:milestone-add", args=[directive.pk])
    response = client.post(add, {"kind": "interim", "due_date": "2010-01-01"})
    assert "phải sau ngày ban hành" in response.content.decode()
    client.post(add, {"kind": "final", "due_date": "2026-05-13"})
    extra = Milestone.objects.get(kind="final")
    client.post(reverse("planning:milestone-remove", args=[extra.pk]))
    assert not Milestone.objects.filter(pk=extra.pk).exists()
    response = client.post(reverse("planning:milestone-remove", args=[five.pk]), follow=True)
    assert "Mốc đã có báo cáo nên không xóa được." in response.content.decode()


def test_reviews_list_filters(client, cast, config):
    client.force_login(cast.admin)
    make_directive(cast.admin, cast.province, "19-CT/TW", dt.date(2018, 1, 10), "chi-thi", interim_years="3")
    make_directive(cast.admin, cast.province, interim_years="5")
    html = client.get(reverse("planning:review-list"), {"nam": 2021, "quy": 2}).content.decode()
    assert "03-KL/TW" in html and "19-CT/TW" not in html and "quý II năm 2021".lower() in html.lower()
    html = client.get(reverse("planning:review-list"), {"nam": 2021, "trang_thai": "done"}).content.decode()
    assert 'data-testid="review-row"' not in html
    html = client.get(reverse("planning:review-list"), {"nam": "abc", "quy": 9}).content.decode()
    assert "Chọn một lựa chọn hợp lệ" in html or "Hãy chọn một lựa chọn hợp lệ" in html  # shown, not a crash
    response = client.get(reverse("planning:review-report", args=["docx"]), {"nam": 2021})
    assert response.status_code == 200  # no issuer configured: the unit tree says who issues


def test_a_plan_its_tasks_and_progress_through_the_pages(client, cast, config):
    client.force_login(cast.admin)
    data = {"unit": cast.province.pk, "title": "Kế hoạch công tác dân vận năm 2021", "year_start": 2021}
    response = client.post(reverse("planning:plan-create"), data)
    plan = WorkPlan.objects.get()
    assert response.url == plan.get_absolute_url() and plan.year_end == 2021
    task_url = reverse("planning:task-create", args=[plan.pk])
    bad = {"content": "Nhiệm vụ", "lead_unit": cast.d1.pk, "partner_units": [cast.d1.pk], "deadline": "2022-01-31"}
    html = client.post(task_url, bad).content.decode()
    assert "ngoài thời gian của kế hoạch" in html and "đã là đơn vị chủ trì" in html
    good = bad | {"partner_units": [cast.d2.pk], "deadline": ""}
    client.post(task_url, good)
    task = KeyTask.objects.get()
    assert task.deadline == dt.date(2021, 12, 31)
    progress = reverse("planning:task-progress", args=[task.pk])
    assert (
        "Tiến độ phải từ 0 đến 100%" in client.post(progress, {"date": "2021-05-01", "percent": 150}).content.decode()
    )
    client.post(progress, {"date": "2021-05-01", "percent": 100, "note": "Xong"})
    task.refresh_from_db()
    assert task.status == "done"
    html = client.get(plan.get_absolute_url(), {"trang_thai": "done"}).content.decode()
    assert 'data-testid="task-row"' in html


def test_importing_tasks_on_the_plan_page(client, cast, config):
    client.force_login(cast.admin)
    plan = make_plan(cast.admin, cast.province, 2021)
    book = openpyxl.Workbook()
    book.active.append(["STT", "Nội dung", "Đơn vị chủ trì", "Thời hạn"])
    book.active.append([1, "Tổ chức hội nghị", "D1", "30/6/2021"])
    book.active.append([2, "Nhiệm vụ lỗi", "KHONG-CO", "30/6/2021"])
    content = io.BytesIO()
    book.save(content)
    url = reverse("planning:plan-import", args=[plan.pk])
    html = imports.upload(client, url, content.getvalue()).content.decode()
    assert "Tệp có 1 lỗi nên" in html and "KHONG-CO" in html
    assert not KeyTask.objects.exists()
    book.active.delete_rows(3)
    content = io.BytesIO()
    book.save(content)
    assert "Xác nhận nhập" in imports.upload(client, url, content.getvalue()).content.decode()
    imports.confirm(client)
    assert KeyTask.objects.get().lead_unit == cast.d1


def test_a_supervision_through_the_pages(client, cast, config):
    client.force_login(cast.admin)
    data = {
        "unit": cast.province.pk,
        "year": 2021,
        "activity": "supervision",
        "mode": "thematic",
        "topic": "Việc thực hiện Chỉ thị số 04-CT/TW",
        "planned_start": "2021-06-01",
        "planned_end": "2021-05-01",
    }
    html = client.post(reverse("planning:supervision-create"), data).content.decode()
    assert "Chọn ít nhất một đơn vị" in html and "trước ngày bắt đầu" in html
    client.post(
        reverse("planning:supervision-create"), data | {"planned_end": "2021-06-30", "supervised_units": [cast.d1.pk]}
    )
    sup = Supervision.objects.get()
    rec_url = reverse("planning:recommendation-add", args=[sup.pk])
    rec = {"content": "Kiện toàn tổ dân vận", "responsible_unit": cast.d1.pk, "deadline": "2021-12-31"}
    client.post(rec_url, rec)
    recommendation = Recommendation.objects.get()
    follow = reverse("planning:follow-up-add", args=[recommendation.pk])
    client.force_login(cast.d1_officer)
    html = client.post(follow, {f"r{recommendation.pk}-date": "2021-07-01"}).content.decode()
    assert "Trường này là bắt buộc" in html
    client.post(
        follow,
        {
            f"r{recommendation.pk}-date": "2021-07-01",
            f"r{recommendation.pk}-content": "Đã kiện toàn",
            f"r{recommendation.pk}-closes": "on",
        },
    )
    recommendation.refresh_from_db()
    assert recommendation.closed_on == dt.date(2021, 7, 1) and FollowUp.objects.count() == 1


def test_a_stale_edit_is_refused_on_the_page(client, cast, config):
    client.force_login(cast.admin)
    directive = make_directive(cast.admin, cast.province)
    data = directive_data(cast, summary="Bản sửa", version=directive.version)
    client.post(reverse("planning:directive-edit", args=[directive.pk]), data)
    html = client.post(reverse("planning:directive-edit", args=[directive.pk]), data).content.decode()
    assert "người khác sửa" in html
    sup = make_supervision(cast.admin, cast.province, [cast.d1])
    assert client.get(reverse("planning:supervision-edit", args=[sup.pk])).status_code == 200


@pytest.mark.parametrize("where", ["directive", "review report"])
def test_attached_documents_are_checked_stored_and_served_like_every_attachment(client, cast, config, where, settings):
    directive = make_directive(cast.d1_officer, cast.d1, interim_years="3")
    three = directive.milestones.get()
    client.force_login(cast.d1_officer)
    stranger = Client()
    stranger.force_login(cast.d2_officer)  # the other district: not theirs

    if where == "directive":

        def send(upload):
            version = Directive.objects.get(pk=directive.pk).version
            data = directive_data(cast, unit=cast.d1.pk, interim_years="3", version=version, file=upload)
            return client.post(reverse("planning:directive-edit", args=[directive.pk]), data)

        def stored():
            saved = Directive.objects.get(pk=directive.pk)
            return saved.file and (saved.file, saved.file_name, reverse("planning:directive-file", args=[saved.pk]))

        folder = "planning/van-ban"
    else:

        def send(upload):
            prefix = f"m{three.pk}-"
            data = {f"{prefix}report_number": "12-BC/HU", f"{prefix}report_date": "2019-06-01"}
            return client.post(
                reverse("planning:milestone-report", args=[three.pk]), data | {f"{prefix}report_file": upload}
            )

        def stored():
            saved = Milestone.objects.get(pk=three.pk)
            url = reverse("planning:milestone-file", args=[saved.pk])
            return saved.report_file and (saved.report_file, saved.report_file_name, url)

        folder = "planning/so-ket-tong-ket"
    check_upload_point(UploadPoint(folder, send, stored), client, stranger, settings)
