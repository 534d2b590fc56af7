"""Excel through the web: the template download, upload → preview → confirm, and the list's export."""

import io

import openpyxl
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from danvan.core.models import ChangeLogEntry
from danvan.core.testing.factories import make_practice
from danvan.core.xlsx import engine, reader, run_import
from danvan.practices.models import Practice
from danvan.practices.tests.test_import import HEADER, row, state, write_xlsx
from danvan.practices.views import excel

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


def stored(media) -> list[str]:
    folder = media / excel.UPLOADS
    return sorted(p.name for p in folder.iterdir()) if folder.exists() else []


def test_the_pages_need_a_login(client):
    for url in (IMPORT, TEMPLATE, EXPORT):
        response = client.get(url)
        assert response.status_code == 302 and response.url.startswith(reverse("login"))


def test_the_list_shows_the_excel_buttons(client, cast):
    client.force_login(cast.c1_officer)
    html = client.get(LIST).content.decode()
    assert f'href="{IMPORT}"' in html and f'href="{EXPORT}' in html


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


# --- Preview and confirm ------------------------------------------------------------------------


def test_a_file_with_errors_shows_every_error_and_no_confirm_button(client, cast, media, tmp_path):
    client.force_login(cast.c1_officer)
    rows = [row(unit="C2"), row(stt=2, name="Khác", year=2008), row(stt=3, name="Đúng")]
    before = state()
    response = upload(client, write_xlsx(tmp_path / "ds.xlsx", rows))
    assert response.status_code == 200
    html = response.content.decode()
    assert 'data-testid="import-errors"' in html and 'data-testid="import-confirm"' not in html
    assert "chưa ghi dữ liệu nào" in html
    assert [(e.row, e.column, e.message) for e in response.context["errors"]] == [
        (7, "Đơn vị", "Đơn vị 'C2' ngoài phạm vi quản lý của bạn"),
        (8, "Năm", "Năm 2008 ngoài khoảng cho phép (2009–2027)."),
    ]
    assert "<td>Năm</td><td>Năm 2008 ngoài khoảng cho phép (2009–2027).</td>" in html
    assert response.context["result"].created == 1  # the good row, counted but not written
    assert [r["action"] for r in response.context["rows"]] == ["Lỗi", "Lỗi", "Thêm mới"]
    assert state() == before
    assert stored(media) == []  # nothing to confirm: the upload is not kept


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"PK\x03\x04" + b"\x01" * 300, reader.MSG_CORRUPT),
        (
            bytes.fromhex("D0CF11E0A1B11AE1") + b"\0" * 512 + "EncryptedPackage".encode("utf-16-le"),
            reader.MSG_ENCRYPTED,
        ),
        ("Mã,Tên\n1,2".encode(), reader.MSG_NOT_XLSX),
    ],
)
def test_a_bad_file_is_explained_on_the_preview(client, cast, media, data, message):
    client.force_login(cast.c1_officer)
    response = client.post(IMPORT, {"tep": SimpleUploadedFile("ds.xlsx", data)})
    assert response.status_code == 200
    assert [str(e) for e in response.context["errors"]] == [message]
    assert 'data-testid="import-confirm"' not in response.content.decode()


def test_an_empty_or_missing_file_is_a_form_error(client, cast, media):
    client.force_login(cast.c1_officer)
    response = client.post(IMPORT, {"tep": SimpleUploadedFile("ds.xlsx", b"")})
    assert response.context["form"].errors == {"tep": [reader.MSG_EMPTY_FILE]}
    response = client.post(IMPORT, {})
    assert response.context["form"].errors == {"tep": ["Vui lòng chọn tệp Excel (.xlsx) cần nhập."]}
    assert stored(media) == []


def test_a_file_over_the_limit_is_refused_before_it_is_stored(client, cast, media, settings, tmp_path):
    settings.IMPORT_MAX_BYTES = 4 * 1024
    path = write_xlsx(tmp_path / "ds.xlsx", [row(stt=i, name=f"Mô hình số {i}") for i in range(40)])
    size = path.stat().st_size
    assert size > 4 * 1024
    client.force_login(cast.c1_officer)
    response = upload(client, path)
    kilobytes = f"{size / 1024:.1f}".replace(".", ",")
    assert response.context["form"].errors == {"tep": [f"Tệp quá lớn ({kilobytes} KB); giới hạn là 4,0 KB."]}
    assert stored(media) == []


def test_a_good_file_is_previewed_then_imported_once(client, cast, media, tmp_path):
    client.force_login(cast.d1_officer)
    rows = [row(), row(stt=2, name="Mô hình của xã Lợi Thuận", unit="Đảng ủy xã Lợi Thuận")]
    before = state()
    response = upload(client, write_xlsx(tmp_path / "ds.xlsx", rows), "Danh sách 2019.xlsx")
    html = response.content.decode()
    assert 'data-testid="import-confirm"' in html and 'data-testid="import-errors"' not in html
    assert 'data-testid="count-create">2<' in html
    assert [(r["number"], r["action"], r["code"], r["unit"]) for r in response.context["rows"]] == [
        (7, "Thêm mới", "", cast.c1.name),
        (8, "Thêm mới", "", cast.c2.name),
    ]
    assert state() == before  # the preview writes nothing
    upload_id = response.context["upload_id"]
    assert stored(media) == [f"{upload_id}.json", f"{upload_id}.xlsx"]

    response = client.post(IMPORT, {"tai_len": upload_id}, follow=True)
    assert response.redirect_chain == [(LIST, 302)]
    assert [str(m) for m in response.context["messages"]] == [
        "Đã thêm 2, cập nhật 0, không đổi 0 mô hình, điển hình từ tệp “Danh sách 2019.xlsx”."
    ]
    assert sorted(Practice.objects.values_list("unit__code", flat=True)) == ["C1", "C2"]
    assert ChangeLogEntry.objects.latest("id").actor == cast.d1_officer
    after = state()

    # A second submit (double click, back and resend) imports nothing more.
    response = client.post(IMPORT, {"tai_len": upload_id}, follow=True)
    assert [str(m) for m in response.context["messages"]] == [excel.MSG_DONE]
    assert state() == after
    assert stored(media) == [f"{upload_id}.json"]


def test_a_confirm_racing_another_imports_nothing(client, cast, media, tmp_path):
    client.force_login(cast.c1_officer)
    upload_id = upload(client, write_xlsx(tmp_path / "ds.xlsx", [row()])).context["upload_id"]
    assert excel.claim_upload(upload_id) is not None  # another request has just taken it
    before = state()
    response = client.post(IMPORT, {"tai_len": upload_id}, follow=True)
    assert [str(m) for m in response.context["messages"]] == [excel.MSG_BUSY]
    assert state() == before


def test_a_failure_while_importing_leaves_the_upload_to_confirm_again(client, cast, media, tmp_path, monkeypatch):
    client.force_login(cast.c1_officer)
    upload_id = upload(client, write_xlsx(tmp_path / "ds.xlsx", [row()])).context["upload_id"]

    def broken(*args, **kwargs):
        raise RuntimeError("máy chủ cơ sở dữ liệu mất kết nối")

    monkeypatch.setattr(excel, "run_import", broken)
    with pytest.raises(RuntimeError):
        client.post(IMPORT, {"tai_len": upload_id})
    monkeypatch.undo()
    assert client.post(IMPORT, {"tai_len": upload_id}).status_code == 302
    assert Practice.objects.count() == 1


def test_only_the_owner_can_confirm(client, cast, media, tmp_path):
    client.force_login(cast.d1_officer)
    upload_id = upload(client, write_xlsx(tmp_path / "ds.xlsx", [row()])).context["upload_id"]
    before = state()
    client.force_login(cast.c1_officer)
    assert client.post(IMPORT, {"tai_len": upload_id}).status_code == 404
    assert client.post(IMPORT, {"tai_len": "../../etc/passwd"}).status_code == 404
    assert client.post(IMPORT, {"tai_len": "0" * 32}).status_code == 404
    assert state() == before
    client.force_login(cast.d1_officer)
    assert client.post(IMPORT, {"tai_len": upload_id}).status_code == 302
    assert Practice.objects.count() == 1


def test_a_file_that_changes_nothing_needs_no_confirmation(client, cast, media, tmp_path):
    path = write_xlsx(tmp_path / "ds.xlsx", [row()])
    run_import("practices", path)
    client.force_login(cast.c1_officer)
    response = upload(client, path)
    html = response.content.decode()
    assert 'data-testid="import-nothing"' in html and 'data-testid="import-confirm"' not in html
    assert response.context["rows"][0]["action"] == "Không đổi"
    assert stored(media) == []


def test_data_changed_between_preview_and_confirm_is_reported(client, cast, media, tmp_path):
    client.force_login(cast.c1_officer)
    upload_id = upload(client, write_xlsx(tmp_path / "ds.xlsx", [row(code="DVK-2019-000001")])).context["upload_id"]
    make_practice(cast.c2, 2019)  # takes DVK-2019-000001 meanwhile, in another commune
    before = state()
    response = client.post(IMPORT, {"tai_len": upload_id})
    assert response.status_code == 200
    assert [str(e) for e in response.context["errors"]] == [
        "Dòng 7, cột 'Mã mô hình': Đơn vị 'C2' ngoài phạm vi quản lý của bạn"
    ]
    assert 'data-testid="import-confirm"' not in response.content.decode()
    assert state() == before


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


def _exported(response) -> list[tuple]:
    workbook = openpyxl.load_workbook(io.BytesIO(b"".join(response.streaming_content)))
    return list(workbook.active.iter_rows(values_only=True))


def test_the_export_follows_the_lists_filters_and_imports_back_unchanged(client, cast, tmp_path):
    for unit, year in ((cast.c1, 2019), (cast.c2, 2019), (cast.c1, 2024), (cast.c3, 2019)):
        make_practice(unit, year)
    client.force_login(cast.d1_officer)
    response = client.get(EXPORT)
    assert response["Content-Disposition"].startswith("attachment; filename*=utf-8''Danh%20s%C3%A1ch")
    rows = _exported(response)
    assert list(rows[0]) == HEADER[1:]
    assert [(r[6], r[9]) for r in rows[1:]] == [("C1", 2024), ("C1", 2019), ("C2", 2019)]  # the list's order
    response = client.get(EXPORT, {"nam": 2019, "don_vi": cast.c2.pk, "truc_thuoc": "on", "trang": 3})
    assert [(r[6], r[9]) for r in _exported(response)[1:]] == [("C2", 2019)]
    response = client.get(EXPORT, {"don_vi": cast.c3.pk})  # out of scope: the filter is refused, not applied
    assert {r[6] for r in _exported(response)[1:]} == {"C1", "C2"}

    path = tmp_path / "xuat.xlsx"
    path.write_bytes(b"".join(client.get(EXPORT).streaming_content))
    before = state()
    result = run_import("practices", path, user=cast.d1_officer)
    assert [str(e) for e in result.errors] == [] and result.unchanged == 3
    assert state() == before
