"""Criteria sets in and out of Excel: the export re-imports unchanged; bad files report every error
at once and write nothing."""

import io
from decimal import Decimal as D

import openpyxl
import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from danvan.core.testing import imports
from danvan.emulation import services
from danvan.emulation.imports import export_criteria
from danvan.emulation.models import Criterion

pytestmark = pytest.mark.django_db


def workbook(rows: list[list], title_block: bool = True) -> bytes:
    book = openpyxl.Workbook()
    sheet = book.active
    if title_block:  # as units make them: a title above the header, a blank line
        sheet.append(["BẢN ĐIỂM THI ĐUA BAN DÂN VẬN HUYỆN ỦY, THỊ ỦY, THÀNH ỦY NĂM 2022"])
        sheet.append([])
    for row in rows:
        sheet.append(row)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def tree_of(criteria_set) -> list[tuple]:
    return [
        (c.position, c.parent.position if c.parent else None, c.kind, c.content, c.max_score, c.guidance, c.evidence)
        for c in Criterion.objects.filter(criteria_set=criteria_set).select_related("parent")
    ]


def new_set(cast, year=2022):
    return services.create_set(cast.admin, name=f"Bản điểm năm {year}", year=year, unit=cast.province)


def test_an_export_imports_again_into_the_same_tree(sheet):
    data = export_criteria(sheet.criteria_set)
    rows = list(openpyxl.load_workbook(io.BytesIO(data)).active.iter_rows(values_only=True))
    assert rows[0] == ("STT", "Nội dung", "Điểm tối đa", "Hướng dẫn chấm", "Minh chứng", "Loại")
    assert rows[1][:3] == ("I", "Công tác tham mưu, hướng dẫn", 30)
    assert rows[2][:6] == (
        "I.1",
        "Tham mưu cấp ủy ban hành văn bản lãnh đạo công tác dân vận",
        10,
        "Đủ văn bản: 10 điểm; thiếu mỗi văn bản trừ 2 điểm.",
        "Văn bản đã ban hành",
        "Tiêu chí",
    )
    assert rows[-1][:3] == ("Tổng cộng", None, 100)
    target = new_set(sheet.cast)
    result = services.import_criteria(sheet.cast.admin, target, data)
    assert result.ok and result.written and result.created == 12, result.errors
    assert tree_of(target) == tree_of(sheet.criteria_set)
    result = services.import_criteria(sheet.cast.admin, target, export_criteria(target))  # and again: replaced
    assert result.ok and tree_of(target) == tree_of(sheet.criteria_set)


def test_a_file_with_codes_instead_of_positions(cast):
    data = workbook(
        [
            ["Mã tiêu chí", "Mã cấp trên", "Nội dung", "Điểm tối đa", "Loại"],
            ["A", "", "CÔNG TÁC THAM MƯU", "", ""],
            ["A1", "A", "Tham mưu văn bản", "12,5", ""],
            ["A2", "A", "Kiểm tra, giám sát", 7.5, "Tiêu chí"],
            ["B", "", "ĐIỂM THƯỞNG", None, "Điểm thưởng"],
            ["B1", "B", "Được tặng Cờ thi đua của UBND tỉnh", "10", ""],
        ]
    )
    criteria_set = new_set(cast)
    result = services.import_criteria(cast.admin, criteria_set, data)
    assert result.ok, result.errors
    assert [(p, parent, kind, m) for p, parent, kind, _, m, _, _ in tree_of(criteria_set)] == [
        ("I", None, "criterion", None),
        ("I.1", "I", "criterion", D("12.5")),
        ("I.2", "I", "criterion", D("7.5")),
        ("II", None, "bonus", None),
        ("II.1", "II", "bonus", D("10")),
    ]


def test_every_error_is_reported_at_once_and_nothing_is_written(sheet):
    data = workbook(
        [
            ["STT", "Nội dung", "Điểm tối đa", "Hướng dẫn chấm", "Loại"],
            ["I.", "CÔNG TÁC THAM MƯU", 25, "", ""],
            ["I.1", "Tham mưu văn bản", "abc", "", ""],
            ["I.2", "Kiểm tra", -5, "", ""],
            ["I.3", "", 10, "", ""],
            ["I.3", "Trùng STT", 10, "", ""],
            ["II.1", "Mục con không có cấp trên", 10, "", ""],
            ["III", "Điểm thưởng", "", "", "Điểm thưởng"],
            ["III.1", "Cờ thi đua", 10, "", "Điểm trừ"],
            ["IV", "Mục không có điểm", "", "", ""],
            ["V", "Loại lạ", 5, "", "Điểm phạt"],
            ["V.1", "Ba chữ số thập phân", "1,255", "", ""],
        ]
    )
    before = tree_of(sheet.criteria_set)
    target = new_set(sheet.cast)
    result = services.import_criteria(sheet.cast.admin, target, data)
    assert not result.ok and not result.written
    errors = [str(e) for e in result.errors]
    expected = [
        "Dòng 5, cột 'Điểm tối đa': “abc” không phải là số",
        "Dòng 6, cột 'Điểm tối đa': Điểm tối đa phải lớn hơn 0.",
        "Dòng 7, cột 'Nội dung': Chưa nhập (bắt buộc)",
        "Dòng 8, cột 'STT': 'I.3' bị trùng với dòng 7",
        "Dòng 9, cột 'STT': Không có mục cấp trên “II” trong tệp",
        "Dòng 11, cột 'Loại': Mục con phải cùng loại với mục cấp trên (“Điểm thưởng”), không thể là “Điểm trừ”.",
        "Dòng 12, cột 'Điểm tối đa': Cần nhập điểm tối đa",
        "Dòng 13, cột 'Loại': Không có loại 'Điểm phạt'",
        "Dòng 14, cột 'Điểm tối đa': Điểm chỉ lấy tối đa 2 chữ số thập phân",
    ]
    for text in expected:
        assert any(e.startswith(text) for e in errors), (text, errors)
    assert not Criterion.objects.filter(criteria_set=target).exists()
    assert tree_of(sheet.criteria_set) == before


def test_a_parents_maximum_must_equal_its_childrens_sum(cast):
    data = workbook(
        [
            ["STT", "Nội dung", "Điểm tối đa"],
            ["I", "CÔNG TÁC THAM MƯU", 25],
            ["I.1", "Tham mưu văn bản", 10],
            ["I.2", "Kiểm tra", 10],
            ["II", "PHONG TRÀO", 20],
            ["II.1", "Mô hình", 20],
        ]
    )
    result = services.import_criteria(cast.admin, new_set(cast), data)
    assert [str(e) for e in result.errors] == [
        "Dòng 4, cột 'Điểm tối đa': Điểm tối đa của mục (25) khác tổng điểm tối đa các mục con (20); "
        "để trống để hệ thống tự cộng"
    ]


def test_a_locked_or_scored_set_is_not_replaced(sheet):
    cast = sheet.cast
    data = export_criteria(sheet.criteria_set)
    sheet.fill("d1", cast.d1_officer, I_1=5)
    with pytest.raises(ValidationError, match="Đã có đơn vị tự chấm điểm"):
        services.import_criteria(cast.admin, sheet.criteria_set, data)
    sheet.submit("d1", cast.d1_officer)
    with pytest.raises(ValidationError, match="đã khóa"):
        services.import_criteria(cast.admin, sheet.criteria_set, data)


def test_the_import_page_lists_the_errors(client, cast):
    criteria_set = new_set(cast)
    client.force_login(cast.admin)
    url = reverse("emulation:criteria-import", args=[criteria_set.pk])
    bad = workbook([["STT", "Nội dung", "Điểm tối đa"], ["I", "Tham mưu", "mười"]])
    assert "“mười” không phải là số" in imports.upload(client, url, bad).content.decode()
    response = client.post(
        url, {"tep": SimpleUploadedFile("tieu-chi.xls", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"0" * 100)}
    )
    assert "Excel 97–2003" in response.content.decode()  # refused in the request, before any job
    good = workbook([["STT", "Nội dung", "Điểm tối đa"], ["I", "Tham mưu", "10"]])
    imports.upload(client, url, good)
    imports.confirm(client)
    assert Criterion.objects.filter(criteria_set=criteria_set).count() == 1
    export = client.get(reverse("emulation:criteria-export", args=[criteria_set.pk]))
    assert export["Content-Type"].startswith("application/vnd.openxmlformats")
    assert openpyxl.load_workbook(io.BytesIO(export.content)).active["A2"].value == "I"
