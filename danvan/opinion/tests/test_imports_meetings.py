"""The `opinion_receptions` and `opinion_dialogues` Excel kinds: a reception register (one row per case
heard, the day's columns repeated or left blank under its first row) and the dialogues with their
commitments, through the engine, the command line and the web flow; every bad input reported with the
web's own message and nothing written; a second import adds nothing; a later copy with results updates;
an export imports back unchanged; queries do not grow with the rows."""

from __future__ import annotations

import datetime as dt
import io

import openpyxl
import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from danvan.core.jobs.flows import flow_names, get_flow
from danvan.core.jobs.imports import CHECK
from danvan.core.jobs.models import Job
from danvan.core.models import ChangeLogEntry
from danvan.core.testing.factories import make_user
from danvan.core.vn import text_date
from danvan.core.xlsx import export_bytes, run_import
from danvan.opinion import imports
from danvan.opinion.choices import CaseType, HostRole, ReceptionKind, ReceptionStatus
from danvan.opinion.models import Commitment, Dialogue, Reception, ReceptionCase
from danvan.opinion.tests.test_imports import errors_of, upload, workbook

pytestmark = pytest.mark.django_db

TODAY = timezone.localdate()
FUTURE = TODAY + dt.timedelta(days=5)
RECEPTION_HEADER = [c.header for c in imports.ReceptionsKind.columns]
DIALOGUE_HEADER = [c.header for c in imports.DialoguesKind.columns]
LEADER = "Trần Văn Bình, Bí thư Đảng ủy xã"


def row(header: list[str], **cells) -> list:
    values = {key.replace("_", " "): value for key, value in cells.items()}
    unknown = set(values) - set(header)
    assert not unknown, unknown
    return [values.get(name) for name in header]


def reception(**cells) -> list:
    return row(RECEPTION_HEADER, **cells)


def day_row(**cells) -> list:
    """The first row of a reception day in C1."""
    return reception(**({"Đơn_vị": "C1", "Ngày_tiếp": "5/3/2026", "Người_chủ_trì_tiếp": LEADER} | cells))


def case(loai: str | None = "Khiếu nại", **cells) -> dict:
    """A case's cells; `loai` its type (the header has a comma no Python name can spell)."""
    return {
        "Người_đến": "Bà Nguyễn Thị Lan, ấp Bến Đình",
        "Loại_đơn,_việc": loai,
        "Nội_dung_vụ_việc": "Khiếu nại mức bồi thường đất nông nghiệp dự án đường tỉnh 786",
    } | cells


def register() -> list[list]:
    """A month of C1's register: a day with three cases (the first row with the day's columns, the next
    left blank, the third repeating them), a day nobody came, a day called off, one ahead."""
    return [
        day_row(
            Hình_thức="Định kỳ",
            Tình_trạng="Đã tiếp",
            Địa_điểm="Trụ sở Đảng ủy xã",
            **case(
                Số_người=5,
                Giao_cho="UBND xã Long Thuận",
                Hạn_giải_quyết="4/4/2026",
                Kết_quả_giải_quyết="Đã đối thoại, giải thích căn cứ giá đất; các hộ đồng ý",
                Ngày_có_kết_quả="1/4/2026",
            ),
        ),
        reception(
            **case(
                Người_đến="Ông Lê Văn Tư, ấp Long Hòa",
                loai="phan anh",
                Nội_dung_vụ_việc="Phản ánh đèn đường ấp Long Hòa hư hỏng",
            )
        ),
        day_row(
            Ngày_tiếp=dt.datetime(2026, 3, 5),
            **case(
                Người_đến="Ông Phạm Văn Hậu, ấp Bến Đình",
                loai="TỐ CÁO",
                Số_người=1,
                Nội_dung_vụ_việc="Tố cáo trưởng ấp thu tiền làm đường không công khai",
                Hạn_giải_quyết="5/4/2026",
            ),
        ),
        reception(
            Đơn_vị="C1 – Đảng ủy xã Long Thuận",
            Ngày_tiếp="19/3/2026",
            Người_chủ_trì_tiếp=LEADER,
            Ghi_chú="Không có công dân đến liên hệ.",
        ),
        day_row(Ngày_tiếp="12/3/2026", Tình_trạng="Hoãn", Ghi_chú="Hoãn do họp Ban Thường vụ"),
        day_row(Đơn_vị="Đảng ủy xã Long Thuận", Ngày_tiếp=FUTURE.strftime("%d/%m/%Y")),
        day_row(
            Ngày_tiếp="26/3/2026",
            Hình_thức="Đột xuất",
            **case(
                Người_đến="Ông Võ Văn Sáu, đại diện 12 hộ ấp Long Hòa",
                loai="Kiến nghị",
                Số_người=6,
                Nội_dung_vụ_việc="Kiến nghị nạo vét kênh nội đồng ấp Long Hòa",
            ),
        ),
    ]


def test_a_register_imports_its_days_and_cases_with_their_history(cast):
    result = run_import("opinion_receptions", workbook(register(), RECEPTION_HEADER), user=cast.c1_officer)
    assert result.ok, errors_of(result)
    assert (result.created, result.written) == (7, True)
    days = {r.day: r for r in Reception.objects.filter(unit=cast.c1)}
    assert sorted(days) == [dt.date(2026, 3, 5), dt.date(2026, 3, 12), dt.date(2026, 3, 19), dt.date(2026, 3, 26),
                            FUTURE]  # fmt: skip
    fifth = days[dt.date(2026, 3, 5)]
    assert (fifth.leader, fifth.kind, fifth.status, fifth.place) == (LEADER, "regular", "held", "Trụ sở Đảng ủy xã")
    assert days[dt.date(2026, 3, 19)].status == ReceptionStatus.HELD  # a day past: held
    assert days[FUTURE].status == ReceptionStatus.PLANNED  # a day ahead: on the schedule
    assert days[dt.date(2026, 3, 12)].status == ReceptionStatus.CANCELLED
    assert days[dt.date(2026, 3, 26)].kind == ReceptionKind.UNSCHEDULED
    cases = {c.petitioner: c for c in ReceptionCase.objects.all()}
    assert {c.case_type for c in cases.values()} == set(CaseType.values)
    assert all(c.reception == fifth for name, c in cases.items() if "Võ Văn Sáu" not in name)
    lan = cases["Bà Nguyễn Thị Lan, ấp Bến Đình"]
    assert (lan.people, lan.deadline, lan.settled_on) == (5, dt.date(2026, 4, 4), dt.date(2026, 4, 1))
    assert cases["Ông Lê Văn Tư, ấp Long Hòa"].people == 1  # blank: one person
    logged = ChangeLogEntry.objects.filter(action="create", source="import")
    assert logged.filter(content_type__model="reception").count() == 5
    entry = logged.get(content_type__model="receptioncase", object_id=str(lan.pk))
    assert (entry.actor, entry.unit_id, entry.after["case_type"]) == (cast.c1_officer, cast.c1.pk, "complaint")


def test_a_missing_column_is_a_file_error(cast):
    header = [h for h in RECEPTION_HEADER if h != "Ngày tiếp"]
    rows = [[v for h, v in zip(RECEPTION_HEADER, day_row(), strict=True) if h != "Ngày tiếp"]]
    result = run_import("opinion_receptions", workbook(rows, header), user=cast.c1_officer)
    assert errors_of(result) == ["Cột 'Ngày tiếp': Thiếu cột bắt buộc này trong dòng tiêu đề (dòng 4, trang 'Sheet')"]
    assert not Reception.objects.exists()


BAD_RECEPTIONS = [
    ("unknown unit", dict(Đơn_vị="XYZ"), "Đơn vị", "Không tìm thấy đơn vị có mã hoặc tên 'XYZ'."),
    ("a unit out of scope", dict(Đơn_vị="C2"), "Đơn vị", "Đơn vị 'C2' ngoài phạm vi quản lý của bạn"),
    ("bad date", dict(Ngày_tiếp="31/2/2026"), "Ngày tiếp", "Ngày không hợp lệ: '31/2/2026'"),
    (
        "held in the future",
        dict(Ngày_tiếp=FUTURE.strftime("%d/%m/%Y"), Tình_trạng="Đã tiếp"),
        "Tình trạng",
        f"Ngày {text_date(FUTURE)} chưa đến nên chưa thể ghi là đã tiếp.",
    ),
    (
        "no leader",
        dict(Người_chủ_trì_tiếp=""),
        "Người chủ trì tiếp",
        "Cần ghi họ tên, chức vụ người chủ trì tiếp công dân.",
    ),
    ("unknown case type", case(loai="Khen thưởng"), "Loại đơn, việc", "Không có loại đơn, việc 'Khen thưởng'."),
    ("no case type", case(loai=None), "Loại đơn, việc", imports.MSG_CASE_TYPE),
    ("nobody came", case(Số_người=0), "Số người", "Số người phải từ 1 trở lên."),
    ("no content", case(Nội_dung_vụ_việc=None), "Nội dung vụ việc", "Cần ghi nội dung vụ việc."),
    ("no petitioner", case(Người_đến=None), "Người đến", "Cần ghi người đến (người đại diện)."),
    (
        "a case of a day ahead",
        case(Ngày_tiếp=FUTURE.strftime("%d/%m/%Y")),
        "Tình trạng",
        "Chỉ ghi vụ việc vào buổi tiếp đã diễn ra.",
    ),
    (
        "deadline before the day",
        case(Hạn_giải_quyết="1/3/2026"),
        "Hạn giải quyết",
        "Hạn giải quyết phải sau ngày tiếp.",
    ),
    ("a result without words", case(Ngày_có_kết_quả="20/3/2026"), "Kết quả giải quyết", "Cần ghi kết quả giải quyết."),
    (
        "a result in the future",
        case(Kết_quả_giải_quyết="Đã giải quyết", Ngày_có_kết_quả=FUTURE.strftime("%d/%m/%Y")),
        "Ngày có kết quả",
        f"Ngày {text_date(FUTURE)} chưa đến.",
    ),
]  # fmt: skip


@pytest.mark.parametrize(("name", "cells", "column", "message"), BAD_RECEPTIONS, ids=[b[0] for b in BAD_RECEPTIONS])
def test_every_bad_reception_row_is_reported_with_the_webs_message(cast, name, cells, column, message):
    rows = [day_row(Ngày_tiếp="20/3/2026"), day_row(**cells)]  # a good row too: nothing written at all
    result = run_import("opinion_receptions", workbook(rows, RECEPTION_HEADER), user=cast.c1_officer)
    found = errors_of(result)
    assert any(e.startswith(f"Dòng 6, cột '{column}': {message}") for e in found), found
    assert all(e.startswith("Dòng 6") for e in found), found
    assert not result.written and not Reception.objects.exists() and not ReceptionCase.objects.exists()


def test_an_unscheduled_reception_on_a_regular_day_is_another_reception(cast):
    rows = [
        day_row(**case()),
        day_row(Hình_thức="Đột xuất", **case(Người_đến="Ông Võ Văn Sáu", loai="Kiến nghị")),
        reception(**case(Người_đến="Bà Trần Thị Năm", loai="Phản ánh")),  # under the unscheduled one
        day_row(**case(Người_đến="Ông Lê Văn Tư", loai="Tố cáo")),  # a blank kind: the one named last
    ]
    result = run_import("opinion_receptions", workbook(rows, RECEPTION_HEADER), user=cast.c1_officer)
    assert (result.created, result.written) == (4, True), errors_of(result)
    regular, unscheduled = Reception.objects.filter(day=dt.date(2026, 3, 5)).order_by("kind")
    assert (regular.kind, unscheduled.kind) == (ReceptionKind.REGULAR, ReceptionKind.UNSCHEDULED)
    assert list(regular.cases.values_list("petitioner", flat=True)) == ["Bà Nguyễn Thị Lan, ấp Bến Đình"]
    assert unscheduled.cases.count() == 3
    exported = export_bytes("opinion_receptions", {}, user=cast.c1_officer)
    again = run_import("opinion_receptions", exported, user=cast.c1_officer)
    assert (again.created, again.updated, again.unchanged) == (0, 0, 4), errors_of(again)


def test_a_unit_not_active_on_the_day(cast):
    result = run_import("opinion_receptions", workbook([day_row(Đơn_vị="D1")], RECEPTION_HEADER), user=cast.d1_officer)
    assert errors_of(result) == [
        "Dòng 5, cột 'Đơn vị': Huyện ủy Bến Cầu không hoạt động vào ngày 5/3/2026 (Đến 30/6/2025)."
    ]


def test_every_error_of_a_register_comes_at_once_including_the_rows_a_day_spans(cast):
    rows = [
        reception(**case()),  # continues nothing
        day_row(**case(Số_người=0)),
        reception(**case(Người_đến="Ông Tư", loai="Kiến nghị")),  # fine, under the day above
        day_row(Người_chủ_trì_tiếp="Lê Văn Ba, Phó Bí thư", **case(Người_đến="Ông Năm")),  # says otherwise
        reception(**case(Người_đến="Bà Nguyễn Thị Lan, ấp Bến Đình")),  # the first row's case again
    ]
    result = run_import("opinion_receptions", workbook(rows, RECEPTION_HEADER), user=cast.c1_officer)
    assert errors_of(result) == [
        "Dòng 5, cột 'Đơn vị': " + imports.MSG_CONTINUES_NOTHING.format("buổi tiếp"),
        "Dòng 6, cột 'Số người': Số người phải từ 1 trở lên.",
        "Dòng 8: " + imports.MSG_MEETING_DIFFERS.format(6, "buổi tiếp", "Người chủ trì tiếp"),
        "Dòng 9, cột 'Nội dung vụ việc': " + imports.MSG_SAME_CASE.format(6),
    ]
    assert not Reception.objects.exists()


def test_the_same_register_twice_adds_nothing_and_a_later_copy_updates(cast):
    content = workbook(register(), RECEPTION_HEADER)
    run_import("opinion_receptions", content, user=cast.c1_officer)
    logged = ChangeLogEntry.objects.count()
    again = run_import("opinion_receptions", content, user=cast.c1_officer)
    assert (again.created, again.updated, again.unchanged, again.written) == (0, 0, 7, False), errors_of(again)
    assert ChangeLogEntry.objects.count() == logged and Reception.objects.count() == 5
    assert ReceptionCase.objects.count() == 4
    # The clerk fills in a result, and a day ahead is now past (its cells as they were: blank status kept).
    later = [day_row(**case(Người_đến="Ông Phạm Văn Hậu, ấp Bến Đình", loai="Tố cáo",
                            Nội_dung_vụ_việc="Tố cáo trưởng ấp thu tiền làm đường không công khai",
                            Kết_quả_giải_quyết="Đã xác minh; trưởng ấp công khai thu chi, hoàn trả",
                            Ngày_có_kết_quả="30/3/2026")),
             day_row(Ngày_tiếp="12/3/2026", Tình_trạng="Đã tiếp", Ghi_chú="Tiếp bù")]  # fmt: skip
    result = run_import("opinion_receptions", workbook(later, RECEPTION_HEADER), user=cast.c1_officer)
    assert (result.created, result.updated, result.written) == (0, 2, True), errors_of(result)
    hau = ReceptionCase.objects.get(petitioner__startswith="Ông Phạm Văn Hậu")
    assert (hau.settled_on, hau.result) == (dt.date(2026, 3, 30), "Đã xác minh; trưởng ấp công khai thu chi, hoàn trả")
    called_off = Reception.objects.get(day=dt.date(2026, 3, 12))
    assert (called_off.status, called_off.notes, called_off.version) == ("held", "Tiếp bù", 2)
    entry = ChangeLogEntry.objects.get(content_type__model="reception", action="update")
    assert entry.before == {"status": "cancelled", "notes": "Hoãn do họp Ban Thường vụ"}
    assert ReceptionCase.objects.count() == 4


def test_the_exported_register_imports_back_unchanged_and_shows_only_ones_own(cast):
    run_import("opinion_receptions", workbook(register(), RECEPTION_HEADER), user=cast.c1_officer)
    exported = export_bytes("opinion_receptions", {}, user=cast.c1_officer)
    sheet = openpyxl.load_workbook(io.BytesIO(exported)).active
    assert [c.value for c in sheet[1]] == RECEPTION_HEADER
    assert sheet.max_row == 1 + 4 + 3  # the day with three cases, the other days one row each
    result = run_import("opinion_receptions", exported, user=cast.c1_officer)
    assert (result.created, result.updated, result.unchanged) == (0, 0, 7), errors_of(result)
    fields = ["unit", "day", "leader", "kind", "status", "place", "notes"]
    before = sorted(Reception.objects.values_list(*fields))
    cases = sorted(ReceptionCase.objects.values_list("petitioner", "case_type", "people", "content", "deadline"))
    Reception.objects.all().delete()  # another installation: the export comes back whole
    result = run_import("opinion_receptions", exported, user=cast.c1_officer)
    assert (result.created, result.written) == (7, True), errors_of(result)
    assert sorted(Reception.objects.values_list(*fields)) == before
    assert (
        sorted(ReceptionCase.objects.values_list("petitioner", "case_type", "people", "content", "deadline")) == cases
    )
    other = export_bytes("opinion_receptions", {}, user=cast.c2_officer)
    assert openpyxl.load_workbook(io.BytesIO(other)).active.max_row == 1


def test_queries_do_not_grow_with_the_rows(cast):
    def rows(count: int) -> list[list]:
        found = []
        for n in range(count):
            day = (dt.date(2026, 1, 5) + dt.timedelta(days=n // 3)).strftime("%d/%m/%Y")
            found.append(day_row(Ngày_tiếp=day, **case(Người_đến=f"Người số {n}")) if n % 3 == 0 else
                         reception(**case(Người_đến=f"Người số {n}", loai="Kiến nghị")))  # fmt: skip
        return found

    def queries(count: int) -> int:
        Reception.objects.all().delete()
        with CaptureQueriesContext(connection) as captured:
            result = run_import("opinion_receptions", workbook(rows(count), RECEPTION_HEADER), user=cast.c1_officer)
        assert (result.created, result.written) == (count, True), errors_of(result)
        return len(captured)

    queries(9)
    assert queries(9) == queries(90)


# --- Dialogues -----------------------------------------------------------------------------------


def dialogue(**cells) -> list:
    first = {
        "Đơn_vị": "C1", "Ngày_đối_thoại": "7/4/2026", "Người_chủ_trì": "Chủ tịch UBND",
        "Họ_tên_người_chủ_trì": "Lê Thị Hoa, Chủ tịch UBND xã", "Chủ_đề": "Bồi thường dự án đường tỉnh 786",
        "Ngày_thông_báo": "2/4/2026", "Số_người_dân_tham_dự": 58,
    }  # fmt: skip
    return row(DIALOGUE_HEADER, **(first | cells))


def commitment(**cells) -> dict:
    return {
        "Nội_dung_cam_kết": "Khôi phục mương thoát nước bị san lấp",
        "Cơ_quan_chịu_trách_nhiệm": "Ban Quản lý dự án",
        "Hạn_thực_hiện": "31/5/2026",
    } | cells


def talks() -> list[list]:
    return [
        dialogue(
            Ngày_công_khai_kết_quả="10/4/2026",
            Hình_thức_công_khai="Niêm yết tại trụ sở UBND xã",
            **commitment(
                Nội_dung_cam_kết="Tổng hợp kiến nghị về đơn giá",
                Cơ_quan_chịu_trách_nhiệm="UBND xã",
                Hạn_thực_hiện="20/4/2026",
                Ngày_hoàn_thành="20/4/2026",
                Kết_quả_thực_hiện="Đã gửi Sở",
            ),
        ),
        row(DIALOGUE_HEADER, **commitment()),
        row(DIALOGUE_HEADER, **commitment(Nội_dung_cam_kết="Mở lớp đào tạo nghề", Hạn_thực_hiện="31/12/2027")),
        dialogue(
            Ngày_đối_thoại="19/6/2026",
            Người_chủ_trì="bi thu",
            Chủ_đề="Ô nhiễm trại heo",
            Ngày_thông_báo="8/6/2026",
            Số_người_dân_tham_dự=None,
        ),
    ]


def test_dialogues_and_commitments_import_with_the_notice_warning(cast):
    result = run_import("opinion_dialogues", workbook(talks(), DIALOGUE_HEADER), user=cast.c1_officer)
    assert (result.created, result.written) == (4, True), errors_of(result)
    assert result.warnings == [(5, "Thông báo trước 5 ngày, ít hơn 7 ngày theo quy định.")]
    first = Dialogue.objects.get(day=dt.date(2026, 4, 7))
    assert (first.host_role, first.participants, first.published_on) == (HostRole.CHAIR, 58, dt.date(2026, 4, 10))
    assert Dialogue.objects.get(day=dt.date(2026, 6, 19)).host_role == HostRole.SECRETARY
    promised = {c.content: c for c in Commitment.objects.all()}
    assert set(promised) == {"Tổng hợp kiến nghị về đơn giá", "Khôi phục mương thoát nước bị san lấp",
                             "Mở lớp đào tạo nghề"}  # fmt: skip
    assert all(c.dialogue == first for c in promised.values())
    assert promised["Tổng hợp kiến nghị về đơn giá"].done_on == dt.date(2026, 4, 20)
    assert promised["Khôi phục mương thoát nước bị san lấp"].is_overdue(TODAY)
    again = run_import("opinion_dialogues", workbook(talks(), DIALOGUE_HEADER), user=cast.c1_officer)
    assert (again.created, again.updated, again.unchanged, again.written) == (0, 0, 4, False), errors_of(again)
    exported = export_bytes("opinion_dialogues", {}, user=cast.c1_officer)
    assert [c.value for c in openpyxl.load_workbook(io.BytesIO(exported)).active[1]] == DIALOGUE_HEADER
    back = run_import("opinion_dialogues", exported, user=cast.c1_officer)
    assert (back.created, back.updated, back.unchanged) == (0, 0, 4), errors_of(back)
    done = [row(DIALOGUE_HEADER, Đơn_vị="C1", Ngày_đối_thoại="7/4/2026", **commitment(
        Ngày_hoàn_thành="2/6/2026", Kết_quả_thực_hiện="Nhà thầu đã khôi phục mương"))]  # fmt: skip
    result = run_import("opinion_dialogues", workbook(done, DIALOGUE_HEADER), user=cast.c1_officer)
    assert (result.updated, result.written) == (1, True), errors_of(result)
    assert not Commitment.objects.get(content="Khôi phục mương thoát nước bị san lấp").is_overdue(TODAY)


BAD_DIALOGUES = [
    (
        "a commitment due before the dialogue",
        commitment(Hạn_thực_hiện="1/4/2026"),
        "Hạn thực hiện",
        "Hạn thực hiện phải sau ngày đối thoại.",
    ),
    ("a commitment without a body", commitment(Cơ_quan_chịu_trách_nhiệm=None), "Cơ quan chịu trách nhiệm",
     "Cần ghi cơ quan chịu trách nhiệm thực hiện."),
    ("no host role", {"Người_chủ_trì": None}, "Người chủ trì", imports.MSG_HOST_ROLE),
    ("no topic", {"Chủ_đề": None}, "Chủ đề", "Cần ghi chủ đề đối thoại."),
    ("nobody came", {"Số_người_dân_tham_dự": 0}, "Số người dân tham dự", "Số người tham dự phải từ 1 trở lên."),
    (
        "notice after the day",
        {"Ngày_thông_báo": "9/4/2026"},
        "Ngày thông báo",
        "Ngày thông báo phải trước ngày đối thoại.",
    ),
    (
        "published in the future",
        {"Ngày_công_khai_kết_quả": FUTURE.strftime("%d/%m/%Y")},
        "Ngày công khai kết quả",
        f"Ngày {text_date(FUTURE)} chưa đến.",
    ),
    ("unknown unit", {"Đơn_vị": "Đảng ủy xã Không Có"}, "Đơn vị", "Không tìm thấy đơn vị có mã hoặc tên"),
    ("a unit out of scope", {"Đơn_vị": "C3"}, "Đơn vị", "Đơn vị 'C3' ngoài phạm vi quản lý của bạn"),
]  # fmt: skip


@pytest.mark.parametrize(("name", "cells", "column", "message"), BAD_DIALOGUES, ids=[b[0] for b in BAD_DIALOGUES])
def test_every_bad_dialogue_row_is_reported_with_the_webs_message(cast, name, cells, column, message):
    rows = [dialogue(Ngày_đối_thoại="1/6/2026", Ngày_thông_báo="20/5/2026"), dialogue(**cells)]
    result = run_import("opinion_dialogues", workbook(rows, DIALOGUE_HEADER), user=cast.c1_officer)
    found = errors_of(result)
    assert any(e.startswith(f"Dòng 6, cột '{column}': {message}") for e in found), found
    assert not result.written and not Dialogue.objects.exists() and not Commitment.objects.exists()


# --- The command line, the web flows, the templates and the list pages --------------------------------


def test_the_command_line(cast, tmp_path):
    path = tmp_path / "so-tiep-cong-dan.xlsx"
    path.write_bytes(workbook(register(), RECEPTION_HEADER))
    out = io.StringIO()
    call_command("import_xlsx", "opinion_receptions", str(path), "--user", "c1_officer", stdout=out)
    assert "Đã thêm 7" in out.getvalue() and Reception.objects.count() == 5
    bad = tmp_path / "loi.xlsx"
    bad.write_bytes(workbook([day_row(Đơn_vị="C2"), day_row(**case(Số_người=0))], RECEPTION_HEADER))
    err = io.StringIO()
    with pytest.raises(CommandError, match="Tệp có 2 lỗi"):
        call_command("import_xlsx", "opinion_receptions", str(bad), "--user", "c1_officer", stdout=io.StringIO(),
                     stderr=err)  # fmt: skip
    assert "Dòng 5, cột 'Đơn vị': Đơn vị 'C2' ngoài phạm vi quản lý của bạn" in err.getvalue()
    exported = tmp_path / "xuat.xlsx"
    call_command("export_xlsx", "opinion_receptions", "-o", str(exported), "--year", "2026", stdout=io.StringIO())
    out = io.StringIO()
    call_command("import_xlsx", "opinion_receptions", str(exported), stdout=out)
    assert "không đổi 7" in out.getvalue() and Reception.objects.count() == 5


def test_the_flows_write_through_the_web(client, cast):
    assert {"opinion-receptions", "opinion-dialogues"} <= set(flow_names())
    assert isinstance(get_flow("opinion-receptions").engine_kind(None), imports.ReceptionsKind)
    client.force_login(cast.c1_officer)
    for flow, content, model, count in (
        ("opinion-receptions", workbook(register(), RECEPTION_HEADER), Reception, 5),
        ("opinion-dialogues", workbook(talks(), DIALOGUE_HEADER), Dialogue, 2),
    ):
        upload(client, content, flow=flow)
        check = Job.objects.filter(kind=CHECK).latest("pk")
        assert check.report["error_count"] == 0 and check.report["created"] == 4 + 3 * (model is Reception)
        assert not model.objects.exists()  # the check writes nothing
        client.post(reverse("jobs:import-confirm", args=[check.pk]), follow=True)
        assert model.objects.filter(unit=cast.c1).count() == count
    client.force_login(cast.outsider)
    for flow in ("opinion-receptions", "opinion-dialogues"):
        assert client.get(reverse("jobs:import", args=[flow])).status_code == 403


def test_the_templates_fill_in_and_import_and_the_lists_link_to_them(client, cast):
    client.force_login(cast.c1_officer)
    for kind, header, loai, filled in (
        ("opinion_receptions", RECEPTION_HEADER, "tiep-cong-dan",
         ["C1 – Đảng ủy xã Long Thuận", "10/03/2026", LEADER, "Định kỳ", "Đã tiếp", None, None,
          "Bà Lan", "Kiến nghị", 2, "Kiến nghị sửa cầu", None, None, None, None]),
        ("opinion_dialogues", DIALOGUE_HEADER, "doi-thoai",
         ["C1 – Đảng ủy xã Long Thuận", "10/03/2026", "Bí thư cấp ủy", LEADER, "Sửa cầu ấp Bến Đình", None,
          "1/3/2026", 80, None, None, "Sửa cầu", "UBND xã", "30/6/2026", None, None]),
    ):  # fmt: skip
        response = client.get(reverse("opinion:item-template"), {"loai": loai})
        book = openpyxl.load_workbook(io.BytesIO(b"".join(response.streaming_content)))
        sheet = book.worksheets[0]
        assert [c.value for c in sheet[1]] == header
        values = {c.value for column in book[imports.LISTS_SHEET].iter_cols(min_row=2) for c in column if c.value}
        assert "C1 – Đảng ủy xã Long Thuận" in values and "C3 – Đảng ủy xã Tân Lập" not in values
        sheet.append(filled)
        out = io.BytesIO()
        book.save(out)
        result = run_import(kind, out.getvalue(), user=cast.c1_officer)
        assert (result.created, result.written) == (1, True), errors_of(result)
    for name, loai, flow in (("opinion:reception-list", "tiep-cong-dan", "opinion-receptions"),
                             ("opinion:dialogue-list", "doi-thoai", "opinion-dialogues")):  # fmt: skip
        page = client.get(reverse(name), {"nam": "2026"}).content.decode()
        assert f'href="{reverse("opinion:item-template")}?loai={loai}"' in page
        assert f'href="{reverse("jobs:import", args=[flow])}"' in page
        export = f"{reverse('opinion:item-export')}?loai={loai}&amp;nam=2026"
        assert f'href="{export}"' in page
        response = client.get(reverse("opinion:item-export"), {"loai": loai, "nam": "2026"})
        sheet = openpyxl.load_workbook(io.BytesIO(b"".join(response.streaming_content))).active
        assert sheet.max_row == 2  # the one imported from the template
    client.force_login(make_user("c1_xem", cast.c1, "viewer"))
    page = client.get(reverse("opinion:reception-list")).content.decode()
    assert "Xuất Excel" in page and "Nhập từ Excel" not in page
