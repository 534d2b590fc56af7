"""The `directives` and `plan_tasks` Excel kinds: files as people make them, every error at once,
nothing written on error, re-import a no-op, export then import unchanged, scope."""

import datetime as dt
import io

import openpyxl
import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from danvan.core.models import ChangeLogEntry
from danvan.core.xlsx import export_bytes, run_import
from danvan.planning.imports import PlanTasksKind
from danvan.planning.models import Directive, KeyTask, Milestone
from danvan.planning.services import directives as directive_services
from danvan.planning.tests.conftest import make_directive, make_plan, make_task

pytestmark = pytest.mark.django_db

HEADER = [
    "STT",
    "Loại văn bản",
    "Số hiệu",
    "Ngày ban hành",
    "Cơ quan ban hành",
    "Trích yếu",
    "Sơ kết sau (năm)",
    "Tổng kết sau (năm)",
]
SEED_ROWS = [
    [1, "Kết luận", "03-KL/TW", "13.5.2016", "Ban Bí thư", "Tiếp tục thực hiện Quyết định số 290-QĐ/TW", "5", None],
    [2, "Chỉ thị", "19-CT/TW", "10/1/2018", "Ban Bí thư", "Tăng cường công tác ở vùng đồng bào dân tộc Khmer", 3, None],
    [3, "KL", "08-KL/TW", dt.datetime(2011, 8, 2), "Ban Bí thư (khóa XI)", "Xây dựng cốt cán trong tôn giáo", None, 10],
    [4, "Nghị quyết", "25-NQ/TW", "3/6/2013", "Ban Chấp hành Trung ương", "Tăng cường công tác dân vận", "5", "10"],
]


def workbook(header, rows, title=True) -> bytes:
    book = openpyxl.Workbook()
    sheet = book.active
    if title:  # a title block above the header, as units send them
        sheet.append(["DANH MỤC VĂN BẢN CHỈ ĐẠO CẦN SƠ KẾT, TỔNG KẾT"])
        sheet.append(["Ban Dân vận Tỉnh ủy"])
        sheet.append([])
    sheet.append(header)
    for row in rows:
        sheet.append(row)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def errors_of(result) -> list[str]:
    return [str(e) for e in result.errors]


def test_the_seed_directives_import_with_their_milestones(cast, config):
    result = run_import("directives", workbook(HEADER, SEED_ROWS), user=cast.admin)
    assert result.ok, errors_of(result)
    assert (result.created, result.written) == (4, True)
    assert set(Directive.objects.values_list("unit__code", flat=True)) == {"P"}  # the user's one top unit
    due_2021 = Milestone.objects.filter(due_date__year=2021).with_directive().order_by("due_date")
    assert [m.citation for m in due_2021] == [
        "Sơ kết 3 năm thực hiện Chỉ thị số 19-CT/TW, ngày 10/1/2018 của Ban Bí thư",
        "Sơ kết 5 năm thực hiện Kết luận số 03-KL/TW, ngày 13/5/2016 của Ban Bí thư",
        "Tổng kết 10 năm thực hiện Kết luận số 08-KL/TW, ngày 2/8/2011 của Ban Bí thư (khóa XI)",
    ]
    assert Milestone.objects.filter(directive__number="25-NQ/TW").count() == 2
    assert ChangeLogEntry.objects.filter(action="create", object_repr__contains="03-KL/TW").exists()


def test_importing_the_same_file_again_changes_nothing(cast, config):
    content = workbook(HEADER, SEED_ROWS)
    run_import("directives", content, user=cast.admin)
    logged = ChangeLogEntry.objects.count()
    result = run_import("directives", content, user=cast.admin)
    assert (result.created, result.updated, result.unchanged, result.written) == (0, 0, 4, False)
    assert ChangeLogEntry.objects.count() == logged


def test_export_then_import_is_unchanged(cast, config):
    run_import("directives", workbook(HEADER, SEED_ROWS), user=cast.admin)
    make_directive(cast.admin, cast.d1, "04-CT/TW", dt.date(2011, 7, 6), "chi-thi", interim_years="5")
    exported = export_bytes("directives", {}, user=cast.admin)
    result = run_import("directives", exported, user=cast.admin)
    assert result.ok, errors_of(result)
    assert (result.created, result.updated, result.unchanged) == (0, 0, 5)
    sheet = openpyxl.load_workbook(io.BytesIO(exported)).active
    assert [c.value for c in sheet[1]] == [
        "Loại văn bản",
        "Số hiệu",
        "Ngày ban hành",
        "Cơ quan ban hành",
        "Trích yếu",
        "Sơ kết sau (năm)",
        "Tổng kết sau (năm)",
        "Đơn vị",
    ]


def test_an_update_recomputes_the_milestones(cast, config):
    run_import("directives", workbook(HEADER, SEED_ROWS[:1]), user=cast.admin)
    changed = [[1, "Kết luận", "03-KL/TW", "13/05/2016", "Ban Bí thư", "Trích yếu mới", "3, 5", "10"]]
    result = run_import("directives", workbook(HEADER, changed), user=cast.admin)
    assert (result.updated, result.written) == (1, True)
    assert sorted(Milestone.objects.values_list("years", flat=True)) == [3, 5, 10]
    assert Directive.objects.get().summary == "Trích yếu mới"


def test_every_bad_row_is_reported_and_nothing_is_written(cast, config):
    rows = [
        [1, "Thông tư", "01/2020/TT-BNV", "1/1/2020", "Bộ Nội vụ", "Loại không có", None, None],
        [2, "Kết luận", "03-KL/TW", "31/2/2016", "Ban Bí thư", "Ngày sai", None, None],
        [3, "Kết luận", "04-KL/TW", "13/5/2016", "Ban Bí thư", "Năm sai", "ba, năm", "mười"],
        [4, "Chỉ thị", "19-CT/TW", "10/1/2018", "Ban Bí thư", "Đúng", "3", None],
        [5, "Chỉ thị", "19 - ct/tw", "10.1.2018", "Ban Bí thư", "Trùng dòng 4", "3", None],
        [6, "Kết luận", "19-CT/TW", "10/1/2018", "Ban Bí thư", "Ký hiệu không khớp", None, None],
        [7, "Kết luận", "05-KL/TW", "1/1/2016", "", "", "12", "10"],
    ]
    result = run_import("directives", workbook(HEADER, rows), user=cast.admin)
    assert not result.ok and not result.written
    text = "\n".join(errors_of(result))
    assert "Dòng 5, cột 'Loại văn bản': Không có loại văn bản 'Thông tư'" in text
    assert "Dòng 6, cột 'Ngày ban hành': Ngày không hợp lệ: '31/2/2016'" in text
    assert "Dòng 7, cột 'Sơ kết sau (năm)': Số năm không hợp lệ: 'ba'" in text
    assert "Dòng 7, cột 'Tổng kết sau (năm)'" in text
    assert "Dòng 9: Trùng với dòng 8 (cùng loại, số hiệu, ngày ban hành)" in text
    assert "Dòng 10, cột 'Số hiệu': Số hiệu 19-CT/TW có ký hiệu CT, không khớp loại Kết luận (KL)." in text
    assert "Dòng 11, cột 'Cơ quan ban hành': Chưa nhập (bắt buộc)" in text
    assert "Dòng 11, cột 'Trích yếu': Chưa nhập (bắt buộc)" in text
    assert "Dòng 11, cột 'Sơ kết sau (năm)': Sơ kết phải trước tổng kết (tổng kết sau 10 năm)." in text
    assert not Directive.objects.exists()


def test_a_missing_column_is_a_file_error(cast, config):
    result = run_import("directives", workbook(HEADER[:4], [r[:4] for r in SEED_ROWS]), user=cast.admin)
    assert "Thiếu cột bắt buộc" in "\n".join(errors_of(result))
    assert not Directive.objects.exists()


def test_a_reported_milestone_cannot_be_removed_by_an_import(cast, config):
    directive = make_directive(cast.admin, cast.province, interim_years="5")
    directive_services.record_review(cast.admin, directive.milestones.get(), number="7-BC", date=dt.date(2021, 6, 1))
    row = [[1, "Kết luận", "03-KL/TW", "13/5/2016", "Ban Bí thư", directive.summary, "3", None]]
    result = run_import("directives", workbook(HEADER, row), user=cast.admin)
    assert "Sơ kết 5 năm đã có báo cáo số 7-BC" in "\n".join(errors_of(result))
    assert list(Milestone.objects.values_list("years", flat=True)) == [5]


def test_units_and_scope(cast, config):
    header = [*HEADER, "Đơn vị"]
    rows = [[*SEED_ROWS[0], "D1"], [*SEED_ROWS[1], "D2"], [*SEED_ROWS[2], "XYZ"]]
    result = run_import("directives", workbook(header, rows), user=cast.d1_officer)
    text = "\n".join(errors_of(result))
    assert "Dòng 6, cột 'Đơn vị': Đơn vị 'D2' ngoài phạm vi quản lý của bạn" in text
    assert "Dòng 7, cột 'Đơn vị': Không tìm thấy đơn vị có mã hoặc tên 'XYZ'." in text
    assert not Directive.objects.exists()
    result = run_import("directives", workbook(header, rows[:1]), user=cast.d1_officer)
    assert result.written and Directive.objects.get().unit == cast.d1
    # A row equal to another unit's directive says nothing about it but "out of scope".
    run_import("directives", workbook(header, rows[1:2]), user=cast.admin)
    result = run_import("directives", workbook(header, rows[1:2]), user=cast.d1_officer)
    assert errors_of(result) == ["Dòng 5, cột 'Đơn vị': Đơn vị 'D2' ngoài phạm vi quản lý của bạn"]
    assert result.unchanged == 0
    # A user with several top units must say which unit each row belongs to.
    from danvan.core.testing.factories import make_user
    from danvan.org.models import RoleAssignment

    both = make_user("hai_huyen", cast.d1)
    RoleAssignment.objects.create(user=both, unit=cast.d2, role="editor")
    result = run_import("directives", workbook(HEADER, SEED_ROWS[1:2]), user=both)
    assert "Không xác định được đơn vị theo dõi" in "\n".join(errors_of(result))


def test_the_command_line(cast, config, tmp_path):
    path = tmp_path / "van-ban.xlsx"
    path.write_bytes(workbook(HEADER, SEED_ROWS))
    out = io.StringIO()
    call_command("import_xlsx", "directives", str(path), stdout=out)
    assert "thêm 4" in out.getvalue()
    bad = tmp_path / "loi.xlsx"
    bad.write_bytes(workbook(HEADER, [[1, "Kết luận", "09-KL/TW", "hôm qua", "Ban Bí thư", "x", None, None]]))
    with pytest.raises(CommandError, match="1 lỗi"):
        call_command("import_xlsx", "directives", str(bad), stdout=io.StringIO(), stderr=io.StringIO())


# --- plan_tasks ----------------------------------------------------------------------------------

TASK_HEADER = ["Kế hoạch", "STT", "Nội dung", "Đơn vị chủ trì", "Đơn vị phối hợp", "Thời hạn", "Văn bản thực hiện"]


@pytest.fixture
def plan(cast, config):
    make_directive(cast.admin, cast.province, interim_years="5")
    return make_plan(cast.admin, cast.province, 2021)


def task_rows(plan):
    return [
        [plan.code, 1, "Tham mưu sơ kết 5 năm thực hiện Kết luận 03-KL/TW", "D1", "D2, C3", "30/6/2021", "03-KL/TW"],
        [plan.code, 2, "Hội thi “Dân vận khéo” lần thứ XII", "huyện ủy tân biên", None, None, None],
    ]


def test_tasks_import_with_units_by_code_or_name(cast, plan):
    result = run_import("plan_tasks", workbook(TASK_HEADER, task_rows(plan), title=False), user=cast.admin)
    assert result.ok, errors_of(result)
    first, second = KeyTask.objects.order_by("number")
    assert (first.lead_unit, first.deadline, first.directive.number) == (cast.d1, dt.date(2021, 6, 30), "03-KL/TW")
    assert set(first.partner_units.all()) == {cast.d2, cast.c3}
    assert (second.lead_unit, second.deadline) == (cast.d2, dt.date(2021, 12, 31))
    again = run_import("plan_tasks", workbook(TASK_HEADER, task_rows(plan), title=False), user=cast.admin)
    assert (again.unchanged, again.written) == (2, False)
    exported = export_bytes("plan_tasks", {}, user=cast.admin)
    back = run_import("plan_tasks", exported, user=cast.admin)
    assert (back.unchanged, back.created, back.updated) == (2, 0, 0), errors_of(back)


def test_a_task_import_updates_partners_and_content(cast, plan):
    run_import("plan_tasks", workbook(TASK_HEADER, task_rows(plan)), user=cast.admin)
    rows = task_rows(plan)
    rows[0][4] = "C1"
    rows[1][2] = "Hội thi “Dân vận khéo” lần thứ XIII"
    result = run_import("plan_tasks", workbook(TASK_HEADER, rows), user=cast.admin)
    assert (result.updated, result.written) == (2, True)
    first = KeyTask.objects.get(number=1)
    assert list(first.partner_units.all()) == [cast.c1]
    assert KeyTask.objects.get(number=2).content.endswith("XIII")


def test_bad_task_rows(cast, plan):
    rows = [
        ["KH-1999-001", 1, "Kế hoạch không có", "D1", None, None, None],
        [plan.code, 1, "Chủ trì không có", "ZZZ", "C9", "30/6/2022", "99-KL/TW"],
        [plan.code, "một", "Thứ tự sai", "D1", None, "hôm nay", None],
        [plan.code, 2, "Đúng", "D1", None, None, None],
        [plan.code, 2, "Trùng thứ tự", "D1", None, None, None],
        [plan.code, 3, "", "D1", None, None, None],
    ]
    result = run_import("plan_tasks", workbook(TASK_HEADER, rows), user=cast.admin)
    text = "\n".join(errors_of(result))
    assert "Dòng 5, cột 'Kế hoạch': Không tìm thấy kế hoạch có mã 'KH-1999-001'" in text
    assert "Dòng 6, cột 'Đơn vị chủ trì': Không tìm thấy đơn vị có mã hoặc tên 'ZZZ'." in text
    assert "Dòng 6, cột 'Đơn vị phối hợp': Không tìm thấy đơn vị có mã hoặc tên 'C9'." in text
    assert "Dòng 6, cột 'Văn bản thực hiện'" in text
    assert "Dòng 7, cột 'Thứ tự'" in text and "Dòng 7, cột 'Thời hạn'" in text
    assert "Dòng 9, cột 'Thứ tự': Trùng thứ tự với dòng 8" in text
    assert "Dòng 10, cột 'Nội dung': Chưa nhập (bắt buộc)" in text
    assert not KeyTask.objects.exists()
    late = [[plan.code, 1, "Quá thời gian kế hoạch", "D1", None, "1/3/2022", None]]
    assert "ngoài thời gian của kế hoạch" in "\n".join(
        errors_of(run_import("plan_tasks", workbook(TASK_HEADER, late), user=cast.admin))
    )


def test_task_import_scope(cast, plan):
    result = run_import("plan_tasks", workbook(TASK_HEADER, task_rows(plan)), user=cast.d1_officer)
    assert "Không tìm thấy kế hoạch" in "\n".join(errors_of(result))  # another unit's plan does not exist for them
    own = make_plan(cast.d1_officer, cast.d1, 2021)
    rows = [[own.code, 1, "Nhiệm vụ của huyện", "C1", "C3", None, None]]
    result = run_import("plan_tasks", workbook(TASK_HEADER, rows), user=cast.d1_officer)
    assert errors_of(result) == [  # outside D1's area: the form's words
        "Dòng 5, cột 'Đơn vị phối hợp': Đảng ủy xã Tân Lập không thuộc phạm vi của Huyện ủy Bến Cầu."
    ]


def test_task_units_by_name_are_told_apart_by_the_plans_period_and_must_be_valid_then(cast, config):
    from danvan.core.testing.factories import make_unit

    old = make_unit("Đảng ủy xã Long Giang", parent=cast.d1, code="LG-CU", valid_until=dt.date(2025, 6, 30))
    new = make_unit("Đảng ủy xã Long Giang", parent=cast.province, code="LG-MOI", valid_from=dt.date(2025, 7, 1))
    plans = {year: make_plan(cast.admin, cast.province, year) for year in (2024, 2026)}
    rows = [[plans[year].code, 1, "Nhiệm vụ", "Đảng uỷ xã Long Giang", None, None, None] for year in (2024, 2026)]
    result = run_import("plan_tasks", workbook(TASK_HEADER, rows), user=cast.admin, dry_run=True)
    assert result.ok, errors_of(result)
    assert [row.target.lead_unit for row in result.rows] == [old, new]
    ended = [[plans[2026].code, 2, "Nhiệm vụ của huyện", "D1", None, None, None]]
    assert errors_of(run_import("plan_tasks", workbook(TASK_HEADER, ended), user=cast.admin)) == [
        "Dòng 5, cột 'Đơn vị chủ trì': Đơn vị “Huyện ủy Bến Cầu” không hoạt động trong thời gian "
        "từ 1/1/2026 đến 31/12/2026 (Đến 30/6/2025)."
    ]


def test_the_plan_page_imports_without_a_plan_column(cast, plan):
    other = make_plan(cast.admin, cast.province, 2021, title="Kế hoạch khác")
    rows = [[r[1], r[2], r[3], r[4], r[5], r[6]] for r in task_rows(plan)]
    result = run_import(PlanTasksKind.for_plan(plan), workbook(TASK_HEADER[1:], rows), user=cast.admin)
    assert result.written, errors_of(result)
    assert KeyTask.objects.filter(plan=plan).count() == 2
    mixed = [[other.code, 9, "Nhầm kế hoạch", "D1", None, None, None]]
    result = run_import(PlanTasksKind.for_plan(plan), workbook(TASK_HEADER, mixed), user=cast.admin)
    assert "không phải kế hoạch" in "\n".join(errors_of(result))
    make_task(cast.admin, other, cast.d1, dt.date(2021, 5, 1))
    exported = export_bytes(PlanTasksKind.for_plan(plan), {"plan": plan.pk}, user=cast.admin)
    assert openpyxl.load_workbook(io.BytesIO(exported)).active.max_row == 3  # header + this plan's 2 tasks
