"""The `democracy_charters` and `democracy_dialogues` Excel kinds: written, updated and repeated without change;
every bad input (wrong file, missing column, unknown or out-of-scope unit, a charter outside a commune, a
dialogue in a commune, out-of-range numbers, impossible dates, repeated rows) reported with its row, column and
the pages' message, nothing written; the exports import back unchanged."""

from __future__ import annotations

import datetime as dt
import io

import openpyxl
import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from danvan.core.xlsx import export_bytes, run_import
from danvan.democracy.models import Charter, DemocracyYear, WorkplaceDialogue
from danvan.democracy.tests.conftest import agency, make_charter, make_dialogue, make_record

pytestmark = pytest.mark.django_db
CHARTERS = ["Đơn vị", "Năm", "Thôn, ấp, khu phố", "Loại", "Tình trạng", "Số quyết định công nhận",
            "Ngày quyết định công nhận"]  # fmt: skip
DIALOGUES = ["Đơn vị", "Năm", "Ngày đối thoại", "Hình thức", "Số người tham dự", "Số ý kiến, kiến nghị",
             "Số ý kiến được giải quyết", "Nội dung chính"]  # fmt: skip


def workbook(header: list[str], rows: list[list]) -> io.BytesIO:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["HƯƠNG ƯỚC, QUY ƯỚC; ĐỐI THOẠI NĂM 2024"])
    sheet.append([])
    sheet.append(header)
    for row in rows:
        sheet.append(row)
    out = io.BytesIO()
    book.save(out)
    out.seek(0)
    return out


def errors_of(result) -> list[str]:
    return [str(e) for e in result.errors]


def test_charters_create_the_record_then_update_and_repeat_nothing(cast):
    existing = make_record(cast.c1_officer, cast.c1, 2024)
    make_charter(cast.c1_officer, existing, village="Ấp 3", state="drafted")
    rows = [
        ["C1", 2024, "Ấp 3", "Hương ước", "Đã công nhận", "45/QĐ-UBND", "12/5/2024"],
        ["C1", 2024, "Ấp 3", "Quy ước", "Đang xây dựng", None, None],
        ["Đảng ủy xã Lợi Thuận", "2024", "Khu phố 1", None, "Sửa đổi", "12/QĐ-UBND", dt.date(2023, 11, 2)],
    ]
    checked = run_import("democracy_charters", workbook(CHARTERS, rows), cast.d1_officer, dry_run=True)
    assert errors_of(checked) == []
    assert (checked.created, checked.updated) == (2, 1)
    assert not DemocracyYear.objects.filter(unit=cast.c2).exists()
    assert run_import("democracy_charters", workbook(CHARTERS, rows), cast.d1_officer).written
    assert DemocracyYear.objects.get(unit=cast.c2, year=2024).place_kind == "commune"
    found = sorted(
        Charter.objects.values_list("record__unit__code", "village", "kind", "state", "decision_number", "version")
    )
    assert found == [
        ("C1", "Ấp 3", "huong-uoc", "approved", "45/QĐ-UBND", 2),
        ("C1", "Ấp 3", "quy-uoc", "drafted", "", 1),
        ("C2", "Khu phố 1", "huong-uoc", "revised", "12/QĐ-UBND", 1),
    ]
    assert Charter.objects.get(village="Khu phố 1").decided_on == dt.date(2023, 11, 2)
    again = run_import("democracy_charters", workbook(CHARTERS, rows), cast.d1_officer)
    assert (again.created, again.updated, again.unchanged) == (0, 0, 3)
    blank = [["C1", 2024, "Ấp 3", "HU", "Đã công nhận", None, None]]  # blank cells keep the decision
    kept = run_import("democracy_charters", workbook(CHARTERS, blank), cast.d1_officer)
    assert errors_of(kept) == [] and kept.unchanged == 1


def test_every_bad_charter_at_once_and_nothing_written(cast):
    make_record(cast.admin, agency(cast.d1, "Phòng Nội vụ huyện", code="PNV"), 2024)
    rows = [
        ["C1", 2024, "Ấp 1", "Hương ước", "Đã công nhận", "45/QĐ-UBND", "12/5/2024"],
        ["C1", 2024, "ap 1", "Hương ước", "Đang xây dựng", None, None],
        ["C3", 2024, "Ấp 1", "Hương ước", "Đang xây dựng", None, None],
        ["C9", 2024, "Ấp 1", "Hương ước", "Đang xây dựng", None, None],
        ["PNV", 2024, "Ấp 1", "Hương ước", "Đang xây dựng", None, None],
        ["C2", 2024, "Ấp 2", "Nội quy", "Đã phê duyệt", None, None],
        ["C2", 2024, "Ấp 3", "Quy ước", "Đã công nhận", None, None],
        ["C2", 2024, "Ấp 4", "Quy ước", "Đang xây dựng", "9/QĐ-UBND", None],
        ["C2", 2024, "Ấp 5", "Quy ước", "Đã công nhận", "10/QĐ-UBND", "5/3/2025"],
        ["C2", 2024, "Ấp 6", "Quy ước", "Đã công nhận", "11/QĐ-UBND", "30/2/2024"],
        ["C2", 2024, None, "Quy ước", None, None, None],
        ["D1", 2024, "Ấp 7", "Quy ước", "Đang xây dựng", None, None],
        ["C2", 2031, "Ấp 8", "Quy ước", "Đang xây dựng", None, None],
    ]
    result = run_import("democracy_charters", workbook(CHARTERS, rows), cast.d1_officer)
    assert not result.written
    errors = errors_of(result)
    expected = [
        "Dòng 5, cột 'Thôn, ấp, khu phố': Trùng với dòng 4 (cùng đơn vị, năm, thôn, ấp, khu phố và loại).",
        "Dòng 6, cột 'Đơn vị': Đơn vị 'C3' ngoài phạm vi quản lý của bạn",
        "Dòng 8: Hương ước, quy ước chỉ ghi cho xã, phường, đặc khu; Phòng Nội vụ huyện là cơ quan, đơn vị.",
        "Dòng 10, cột 'Ngày quyết định công nhận': Cần nhập ngày quyết định công nhận.",
        "Dòng 10, cột 'Số quyết định công nhận': Cần ghi số quyết định công nhận.",
        "Dòng 11, cột 'Tình trạng': Hương ước, quy ước đang xây dựng chưa có quyết định công nhận.",
        "Dòng 12, cột 'Ngày quyết định công nhận': Ngày quyết định 5/3/2025 sau năm 2024.",
        "Dòng 15, cột 'Đơn vị': Dân chủ ở cơ sở ghi cho xã, phường, cơ quan, doanh nghiệp; Huyện ủy Bến Cầu là cấp ủy "
        "cấp trên.",
        "Dòng 16, cột 'Năm': Năm 2031 chưa đến.",
    ]
    for message in expected:
        assert message in errors, (message, errors)
    joined = "\n".join(errors)
    assert "Dòng 7, cột 'Đơn vị'" in joined and "C9" in joined  # the resolver's unknown-unit message
    assert "Dòng 9, cột 'Loại': Không có loại 'Nội quy'" in joined
    assert "Dòng 9, cột 'Tình trạng': Không có tình trạng 'Đã phê duyệt'" in joined
    assert "Dòng 13, cột 'Ngày quyết định công nhận'" in joined  # 30/2 does not exist
    assert "Dòng 14, cột 'Thôn, ấp, khu phố'" in joined and "Dòng 14, cột 'Tình trạng'" in joined
    assert not any(e.startswith("Dòng 4,") for e in errors)
    assert not Charter.objects.exists() and not DemocracyYear.objects.filter(unit__code__in=["C1", "C2"]).exists()


def test_dialogues_create_the_agency_record_then_update_and_repeat_nothing(cast):
    office = agency(cast.d1, "Phòng Nội vụ huyện", code="PNV")
    bank = agency(cast.d1, "Chi nhánh Ngân hàng Chính sách xã hội huyện", code="NHCS")
    record = make_record(cast.admin, office, 2024)
    make_dialogue(cast.admin, record, held_on=dt.date(2024, 6, 15), issues=6, resolved=2)
    rows = [
        ["PNV", 2024, "15/6/2024", "Định kỳ", 80, 6, 5, "Chế độ làm việc"],
        ["PNV", 2024, "2024-11-20", "Đột xuất", 35, None, None, None],
        ["NHCS", 2024, dt.date(2024, 12, 1), None, 40, 3, 3, "Tiền lương"],
    ]
    checked = run_import("democracy_dialogues", workbook(DIALOGUES, rows), cast.d1_officer, dry_run=True)
    assert errors_of(checked) == []
    assert (checked.created, checked.updated) == (2, 1)
    assert run_import("democracy_dialogues", workbook(DIALOGUES, rows), cast.d1_officer).written
    assert DemocracyYear.objects.get(unit=bank, year=2024).place_kind == "agency"
    found = sorted(
        WorkplaceDialogue.objects.values_list("record__unit__code", "held_on", "kind", "participants", "issues",
                                              "resolved", "content", "version")
    )  # fmt: skip
    assert found == [
        ("NHCS", dt.date(2024, 12, 1), "periodic", 40, 3, 3, "Tiền lương", 1),
        ("PNV", dt.date(2024, 6, 15), "periodic", 80, 6, 5, "Chế độ làm việc", 2),
        ("PNV", dt.date(2024, 11, 20), "ad-hoc", 35, 0, 0, "", 1),
    ]
    again = run_import("democracy_dialogues", workbook(DIALOGUES, rows), cast.d1_officer)
    assert (again.created, again.updated, again.unchanged) == (0, 0, 3)


def test_every_bad_dialogue_at_once_and_nothing_written(cast):
    make_record(cast.admin, agency(cast.d1, "Phòng Nội vụ huyện", code="PNV"), 2024)
    agency(cast.d2, "Phòng Nội vụ huyện Gò Dầu", code="PNV2")
    rows = [
        ["PNV", 2024, "15/6/2024", "Định kỳ", 80, 4, 5, None],
        ["PNV", 2024, "15/06/2024", "Đột xuất", 20, 1, 1, None],
        ["PNV2", 2024, "15/6/2024", "Định kỳ", 80, 4, 3, None],
        ["XYZ", 2024, "15/6/2024", "Định kỳ", 80, 4, 3, None],
        ["C1", 2024, "15/6/2024", "Định kỳ", 80, 4, 3, None],
        ["PNV", 2024, "3/1/2025", "Họp báo", 0, -2, 0, None],
        ["PNV", 2024, "31/4/2024", "Định kỳ", 10, 1, 1, None],
        ["PNV", 2024, None, "Định kỳ", None, 1, 1, None],
    ]
    result = run_import("democracy_dialogues", workbook(DIALOGUES, rows), cast.d1_officer)
    assert not result.written
    errors = errors_of(result)
    expected = [
        "Dòng 4, cột 'Số ý kiến được giải quyết': Số ý kiến được giải quyết (5) vượt quá số ý kiến, kiến nghị (4).",
        "Dòng 5, cột 'Ngày đối thoại': Trùng với dòng 4 (cùng đơn vị, năm và ngày đối thoại).",
        "Dòng 6, cột 'Đơn vị': Đơn vị 'PNV2' ngoài phạm vi quản lý của bạn",
        "Dòng 8: Đối thoại tại nơi làm việc chỉ ghi cho cơ quan, đơn vị và doanh nghiệp.",
        "Dòng 9, cột 'Ngày đối thoại': Ngày 03/01/2025 không thuộc năm 2024 ghi ở cột Năm.",
        "Dòng 9, cột 'Số người tham dự': Số người tham dự phải từ 1 trở lên.",
        "Dòng 9, cột 'Số ý kiến, kiến nghị': Số ý kiến không được là số âm.",
    ]
    for message in expected:
        assert message in errors, (message, errors)
    joined = "\n".join(errors)
    assert "Dòng 7, cột 'Đơn vị'" in joined and "XYZ" in joined  # the resolver's unknown-unit message
    assert "Dòng 9, cột 'Hình thức': Không có hình thức 'Họp báo'" in joined
    assert "Dòng 10, cột 'Ngày đối thoại'" in joined  # 31/4 does not exist
    assert "Dòng 11, cột 'Ngày đối thoại'" in joined and "Dòng 11, cột 'Số người tham dự'" in joined
    assert not WorkplaceDialogue.objects.exists() and not DemocracyYear.objects.filter(unit__code="C1").exists()


@pytest.mark.parametrize(("kind", "header"), [("democracy_charters", CHARTERS), ("democracy_dialogues", DIALOGUES)])
def test_wrong_file_and_missing_column(cast, kind, header):
    result = run_import(kind, io.BytesIO(b"<html>not a workbook</html>"), cast.c1_officer)
    assert not result.written and errors_of(result)
    assert all(e.startswith(("Tệp", "Không")) or "xlsx" in e for e in errors_of(result)), errors_of(result)
    result = run_import(kind, workbook(header[:2] + header[3:], [["C1", 2024, "x", "x", 1, 1, 1]]), cast.c1_officer)
    missing = header[2]
    assert f"Cột '{missing}': Thiếu cột bắt buộc này trong dòng tiêu đề (dòng 3, trang 'Sheet')" in errors_of(result)


def test_exports_import_back_unchanged(cast):
    office = agency(cast.d1, "Phòng Nội vụ huyện", code="PNV")
    for unit in (cast.c1, cast.c2):
        record = make_record(cast.admin, unit, 2024)
        make_charter(cast.admin, record, village="Ấp 1")
        make_charter(cast.admin, record, village="Ấp 1", kind="quy-uoc", state="drafted")
        make_charter(cast.admin, record, village="Ấp 2", state="revised", decided_on=dt.date(2022, 8, 1))
    record = make_record(cast.admin, office, 2024)
    make_dialogue(cast.admin, record, content="Chế độ, chính sách\nNơi làm việc")
    make_dialogue(cast.admin, record, held_on=dt.date(2024, 9, 3), kind="ad-hoc", issues=0, resolved=0)
    for kind, header, count in (("democracy_charters", CHARTERS, 6), ("democracy_dialogues", DIALOGUES, 2)):
        content = export_bytes(kind, {}, user=cast.admin)
        result = run_import(kind, io.BytesIO(content), cast.admin)
        assert errors_of(result) == [] and (result.created, result.updated, result.unchanged) == (0, 0, count), kind
        empty = openpyxl.load_workbook(io.BytesIO(export_bytes(kind, {"empty": True}, user=cast.admin)))
        assert [c.value for c in next(empty.active.iter_rows(max_row=1))] == header


def test_queries_do_not_grow_with_rows(cast):
    def cost(n: int) -> int:
        rows = [["C1", 2024, f"Ấp {i}", "Hương ước", "Đã công nhận", f"{i}/QĐ-UBND", "1/3/2024"] for i in range(n)]
        with CaptureQueriesContext(connection) as queries:
            result = run_import("democracy_charters", workbook(CHARTERS, rows), cast.admin, dry_run=True)
        assert errors_of(result) == []
        return len(queries)

    cost(1)  # the first import warms the shared caches (unit kinds, the registry)
    assert cost(3) == cost(40)


@pytest.mark.parametrize(("flow", "tep"), [("democracy-charters", "huong-uoc"), ("democracy-dialogues", "doi-thoai")])
def test_the_list_links_the_upload_pages_and_templates(client, cast, flow, tep):
    from django.urls import reverse

    client.force_login(cast.d1_officer)
    listed = client.get(reverse("democracy:home")).content.decode()
    upload = reverse("jobs:import", args=[flow])
    assert f'href="{upload}"' in listed and f"?tep={tep}" in listed
    page = client.get(upload)
    assert page.status_code == 200
    assert f"{reverse('democracy:template')}?tep={tep}" in page.content.decode()
    client.force_login(cast.outsider)
    assert "chưa được phân quyền" in client.get(upload).content.decode()


def test_the_web_flow_shows_the_errors_then_writes_a_clean_file(client, cast):
    from django.core.files.uploadedfile import SimpleUploadedFile
    from django.urls import reverse
    from django.utils.html import escape

    from danvan.core.jobs.imports import CHECK
    from danvan.core.jobs.models import Job

    def upload(rows: list[list]):
        data = SimpleUploadedFile("doi-thoai.xlsx", workbook(DIALOGUES, rows).getvalue())
        return client.post(reverse("jobs:import", args=["democracy-dialogues"]), {"tep": data}, follow=True)

    make_record(cast.admin, agency(cast.d1, "Phòng Nội vụ huyện", code="PNV"), 2024)
    client.force_login(cast.d1_officer)
    page = upload([["PNV", 2024, "15/6/2024", "Định kỳ", 80, 4, 5, None]]).content.decode()
    assert 'data-testid="import-refused"' in page
    assert escape("Số ý kiến được giải quyết (5) vượt quá số ý kiến, kiến nghị (4).") in page
    upload([["PNV", 2024, "15/6/2024", "Định kỳ", 80, 5, 4, None]])
    check = Job.objects.filter(kind=CHECK).latest("pk")
    assert check.report["created"] == 1 and not WorkplaceDialogue.objects.exists()  # the check writes nothing
    client.post(reverse("jobs:import-confirm", args=[check.pk]), follow=True)
    assert WorkplaceDialogue.objects.get().resolved == 4
