"""The `opinion_items` and `opinion_collaborators` Excel kinds: real xlsx files imported through the engine,
the command line and the web flow; every bad input reported (row, column, the web's own message) with
nothing written; an export imports back unchanged; a second import adds nothing; queries do not grow
with the rows."""

from __future__ import annotations

import datetime as dt
import io

import openpyxl
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from django.utils.html import escape

from danvan.core.jobs.flows import flow_names, get_flow
from danvan.core.jobs.imports import CHECK, WRITE
from danvan.core.jobs.models import Job
from danvan.core.models import ChangeLogEntry
from danvan.core.xlsx import export_bytes, reader, run_import
from danvan.opinion import imports, services
from danvan.opinion.choices import Intensity, Platform, Source, State, Tendency
from danvan.opinion.models import Collaborator, OpinionItem, Topic
from danvan.opinion.tests.conftest import DAY, make_collaborator, make_item

pytestmark = pytest.mark.django_db

HEADER = [
    "STT",
    "Đơn vị",
    "Ngày ghi nhận",
    "Địa bàn",
    "Lĩnh vực",
    "Nội dung",
    "Nguồn",
    "Cộng tác viên",
    "Chi tiết nguồn",
    "Nền tảng",
    "Đường dẫn",
    "Lượt tiếp cận",
    "Chiều hướng",
    "Mức độ",
    "Điểm nóng",
    "Số người liên quan",
    "Đề xuất",
    "Cơ quan được chuyển đến",
    "Ngày chuyển",
    "Hạn trả lời",
    "Nội dung trả lời",
    "Ngày trả lời",
    "Tình trạng",
]
DEFAULTS = {
    "Đơn vị": "C1",
    "Ngày ghi nhận": "10/3/2026",
    "Địa bàn": "C1",
    "Lĩnh vực": "Đất đai, môi trường",
    "Nội dung": "Người dân ấp Bến Đình phản ánh mùi hôi từ trại chăn nuôi heo",
    "Nguồn": "Giao ban, sinh hoạt định kỳ",
    "Chiều hướng": "Không đồng tình",
}
FIRST_ROW = 5  # a title block of three rows, the header on row 4


def item_row(number: int = 1, **cells) -> list:
    values = DEFAULTS | {name.replace("_", " "): value for name, value in cells.items()}
    return [number, *(values.get(header) for header in HEADER[1:])]


def cells(**named) -> dict:
    """Cells by header, for the headers Python names cannot spell."""
    return {key.replace("_", " "): value for key, value in named.items()}


def workbook(rows: list[list], header: list[str] = HEADER, title: bool = True) -> bytes:
    book = openpyxl.Workbook()
    sheet = book.active
    if title:  # as units send them: a title block above the header
        sheet.append(["TÌNH HÌNH NHÂN DÂN, DƯ LUẬN XÃ HỘI"])
        sheet.append(["Đảng ủy xã Long Thuận"])
        sheet.append([])
    sheet.append(header)
    for row in rows:
        sheet.append(row)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def errors_of(result) -> list[str]:
    return [str(e) for e in result.errors]


@pytest.fixture
def collaborator(cast):
    return make_collaborator(cast.c1_officer, cast.c1, name="Nguyễn Văn Tư", term_start=dt.date(2025, 1, 1))


def good_rows() -> list[list]:
    """One of each way an item comes in: a briefing, the Internet, a collaborator, forwarded, answered."""
    return [
        item_row(1),
        item_row(
            2,
            **cells(
                Ngày_ghi_nhận=dt.datetime(2026, 2, 14),
                Địa_bàn="C1 – Đảng ủy xã Long Thuận",
                Lĩnh_vực="an ninh trat tu",
                Nội_dung="- Bài đăng trên nhóm Facebook “Bến Cầu 24h” về việc thu phí chợ",
                Nguồn="khong gian mang",
                Nền_tảng="facebook",
                Đường_dẫn="https://www.facebook.com/groups/bencau24h/posts/1",
                Lượt_tiếp_cận="12.500",
                Chiều_hướng="BĂN KHOĂN, CHƯA RÕ",
                Mức_độ="Bức xúc, lan rộng",
                Điểm_nóng="Có",
                Số_người_liên_quan=40,
            ),
        ),
        item_row(
            3,
            **cells(Nguồn="Cộng tác viên", Cộng_tác_viên="nguyen van tu", Chiều_hướng="Đồng tình", Nội_dung="Ủng hộ"),
        ),
        item_row(
            4,
            **cells(
                Nội_dung="Đề nghị sửa đường liên ấp",
                Đề_xuất="Đề nghị UBND xã sớm sửa chữa",
                Cơ_quan_được_chuyển_đến="UBND xã Long Thuận",
                Ngày_chuyển="12/3/2026",
                Hạn_trả_lời="27/3/2026",
            ),
        ),
        item_row(
            5,
            **cells(
                Nội_dung="Phản ánh về tiền bồi thường",
                Lĩnh_vực="giai-phong-mat-bang",
                Cơ_quan_được_chuyển_đến="UBND huyện",
                Ngày_chuyển="11/3/2026",
                Nội_dung_trả_lời="Đã chi trả đủ",
                Ngày_trả_lời="20/3/2026",
                Tình_trạng="da tra loi",
            ),
        ),
    ]


# --- A good file ---------------------------------------------------------------------------------


def test_a_file_imports_with_labels_read_without_diacritics_and_its_history(cast, collaborator):
    result = run_import("opinion_items", workbook(good_rows()), user=cast.c1_officer)
    assert result.ok, errors_of(result)
    assert (result.created, result.written) == (5, True)
    items = {item.summary: item for item in OpinionItem.objects.all()}
    briefing = items[DEFAULTS["Nội dung"]]
    assert (briefing.unit, briefing.place, briefing.noted_on) == (cast.c1, cast.c1, DAY)
    assert (briefing.source, briefing.tendency, briefing.intensity) == (Source.BRIEFING, Tendency.DISAGREE, "low")
    assert briefing.state == State.NEW and briefing.created_by == cast.c1_officer
    assert "mui hoi" in briefing.search_text and briefing.version == 1
    online = items["- Bài đăng trên nhóm Facebook “Bến Cầu 24h” về việc thu phí chợ"]
    assert (online.source, online.platform, online.reach) == (Source.CYBERSPACE, Platform.FACEBOOK, 12500)
    assert (online.tendency, online.intensity, online.hot_spot) == (Tendency.UNSURE, Intensity.HIGH, True)
    assert (online.noted_on, online.topic.code, online.people_involved) == (dt.date(2026, 2, 14), "an-ninh-trat-tu", 40)
    assert items["Ủng hộ"].collaborator == collaborator
    forwarded = items["Đề nghị sửa đường liên ấp"]
    assert forwarded.state == State.FORWARDED  # a blank state: what the columns say
    assert (forwarded.forwarded_on, forwarded.answer_due) == (dt.date(2026, 3, 12), dt.date(2026, 3, 27))
    answered = items["Phản ánh về tiền bồi thường"]
    assert (answered.state, answered.answered_on, answered.answer) == (
        State.ANSWERED,
        dt.date(2026, 3, 20),
        "Đã chi trả đủ",
    )
    assert "da chi tra du" in answered.search_text
    logged = ChangeLogEntry.objects.filter(action="create", content_type__model="opinionitem")
    assert logged.count() == 5
    entry = logged.get(object_id=str(online.pk))
    assert (entry.actor, entry.source, entry.unit_id) == (cast.c1_officer, "import", cast.c1.pk)
    assert entry.after["reach"] == 12500 and entry.after["hot_spot"] is True
    assert entry.object_repr == str(online)


def test_the_web_rules_accept_what_the_import_wrote(cast, collaborator):
    """What came in through Excel can be saved on its page unchanged, and steps on from its state."""
    run_import("opinion_items", workbook(good_rows()), user=cast.c1_officer)
    for item in OpinionItem.objects.all():
        services.save_item(cast.c1_officer, item, expected_version=item.version)
    forwarded = OpinionItem.objects.get(state=State.FORWARDED)
    answered = services.take_step(
        cast.c1_officer, forwarded, "answer", answer="Đã sửa", answered_on=DAY + dt.timedelta(days=5)
    )
    assert answered.state == State.ANSWERED


# --- Bad files -----------------------------------------------------------------------------------


def test_what_is_not_an_xlsx_is_refused_and_nothing_is_written(cast):
    result = run_import("opinion_items", b"Don vi,Noi dung\nC1,abc\n", user=cast.c1_officer)
    assert errors_of(result) == [reader.MSG_NOT_XLSX]
    assert not result.written and not OpinionItem.objects.exists()


def test_a_missing_column_is_a_file_error(cast):
    header = [h for h in HEADER if h != "Chiều hướng"]
    rows = [[v for h, v in zip(HEADER, item_row(), strict=True) if h != "Chiều hướng"]]
    result = run_import("opinion_items", workbook(rows, header), user=cast.c1_officer)
    assert errors_of(result) == ["Cột 'Chiều hướng': Thiếu cột bắt buộc này trong dòng tiêu đề (dòng 4, trang 'Sheet')"]
    assert not OpinionItem.objects.exists()


FUTURE = timezone.localdate() + dt.timedelta(days=3)
BAD_ROWS = [
    ("unknown unit", cells(Đơn_vị="XYZ"), "Đơn vị", "Không tìm thấy đơn vị có mã hoặc tên 'XYZ'."),
    ("another unit", cells(Đơn_vị="C2", Địa_bàn="C2"), "Đơn vị", "Đơn vị 'C2' ngoài phạm vi quản lý của bạn"),
    ("unknown place", cells(Địa_bàn="C9"), "Địa bàn", "Không tìm thấy đơn vị có mã hoặc tên 'C9'."),
    (
        "a place of another area",
        cells(Địa_bàn="C3"),
        "Địa bàn",
        "Đảng ủy xã Tân Lập không thuộc địa bàn của Đảng ủy xã Long Thuận.",
    ),
    ("unknown field", cells(Lĩnh_vực="Thể thao"), "Lĩnh vực", "Không có lĩnh vực 'Thể thao'."),
    ("unknown source", cells(Nguồn="Tin đồn"), "Nguồn", "Không có nguồn 'Tin đồn'."),
    ("unknown tendency", cells(Chiều_hướng="Vui vẻ"), "Chiều hướng", "Không có chiều hướng 'Vui vẻ'."),
    ("unknown state", cells(Tình_trạng="Đang xem"), "Tình trạng", "Không có tình trạng 'Đang xem'."),
    ("bad date", cells(Ngày_ghi_nhận="31/2/2026"), "Ngày ghi nhận", "Ngày không hợp lệ: '31/2/2026'"),
    (
        "future date",
        cells(Ngày_ghi_nhận=FUTURE.strftime("%d/%m/%Y")),
        "Ngày ghi nhận",
        f"Ngày ghi nhận {FUTURE.day}/{FUTURE.month}/{FUTURE.year} chưa đến.",
    ),
    ("nobody involved", cells(Số_người_liên_quan=0), "Số người liên quan", "Số người liên quan phải từ 1 trở lên."),
    ("negative people", cells(Số_người_liên_quan=-3), "Số người liên quan", "Số người liên quan phải từ 1 trở lên."),
    (
        "negative reach",
        cells(Nguồn="Không gian mạng", Nền_tảng="Zalo", Đường_dẫn="https://zalo.me/g/abc", Lượt_tiếp_cận=-5),
        "Lượt tiếp cận",
        "Phải lớn hơn hoặc bằng 0",
    ),
    (
        "reach of a briefing",
        cells(Lượt_tiếp_cận=300),
        "Lượt tiếp cận",
        "Chỉ nhập lượt tiếp cận khi nguồn là không gian mạng.",
    ),
    (
        "cyberspace without a link",
        cells(Nguồn="Không gian mạng", Nền_tảng="TikTok"),
        "Đường dẫn",
        "Cần nhập đường dẫn đến bài viết trên không gian mạng.",
    ),
    (
        "cyberspace without a platform",
        cells(Nguồn="Không gian mạng", Đường_dẫn="https://tiktok.com/@a/video/1"),
        "Nền tảng",
        "Cần chọn nền tảng mạng xã hội hoặc trang tin.",
    ),
    (
        "a link that is none",
        cells(Nguồn="Không gian mạng", Nền_tảng="Facebook", Đường_dẫn="bài trên nhóm xóm"),
        "Đường dẫn",
        "Đường dẫn không hợp lệ: 'bài trên nhóm xóm'; ghi đầy đủ địa chỉ bài viết, ví dụ https://www.facebook.com/…",
    ),
    ("a hot spot unclear", cells(Điểm_nóng="Hình như"), "Điểm nóng", imports.MSG_YES_NO),
    (
        "a collaborator not on the register",
        cells(Nguồn="Cộng tác viên", Cộng_tác_viên="Trần Thị Lạ"),
        "Cộng tác viên",
        "Không có “Trần Thị Lạ” trong danh sách cộng tác viên của Đảng ủy xã Long Thuận.",
    ),
    (
        "a collaborator source without one",
        cells(Nguồn="Cộng tác viên"),
        "Cộng tác viên",
        "Chọn cộng tác viên đã phản ánh thông tin này.",
    ),
    (
        "a collaborator for another source",
        cells(Cộng_tác_viên="Nguyễn Văn Tư"),
        "Cộng tác viên",
        "Chỉ chọn cộng tác viên khi nguồn là cộng tác viên dư luận xã hội.",
    ),
    (
        "a collaborator out of term",
        cells(Nguồn="Cộng tác viên", Cộng_tác_viên="Nguyễn Văn Tư", Ngày_ghi_nhận="5/5/2024"),
        "Cộng tác viên",
        "Nguyễn Văn Tư không trong nhiệm kỳ cộng tác viên vào 5/5/2024.",
    ),
    (
        "new but forwarded",
        cells(Tình_trạng="Mới", Cơ_quan_được_chuyển_đến="UBND xã", Ngày_chuyển="11/3/2026"),
        "Tình trạng",
        imports.MSG_NEW_FORWARDED,
    ),
    (
        "forwarded but answered",
        cells(
            Tình_trạng="Đã chuyển",
            Cơ_quan_được_chuyển_đến="UBND xã",
            Ngày_chuyển="11/3/2026",
            Nội_dung_trả_lời="Đã xử lý",
            Ngày_trả_lời="12/3/2026",
        ),
        "Tình trạng",
        imports.MSG_FORWARDED_ANSWERED,
    ),
    (
        "forwarded to nobody",
        cells(Tình_trạng="Đã chuyển"),
        "Cơ quan được chuyển đến",
        "Cần ghi cơ quan được chuyển đến.",
    ),
    (
        "forwarded before it was noted",
        cells(Cơ_quan_được_chuyển_đến="UBND xã", Ngày_chuyển="1/3/2026"),
        "Ngày chuyển",
        "Ngày chuyển phải từ ngày ghi nhận (10/3/2026) trở đi.",
    ),
    (
        "a deadline before the forwarding",
        cells(Cơ_quan_được_chuyển_đến="UBND xã", Ngày_chuyển="12/3/2026", Hạn_trả_lời="11/3/2026"),
        "Hạn trả lời",
        "Hạn trả lời phải sau ngày chuyển.",
    ),
    (
        "answered without an answer",
        cells(Tình_trạng="Đã trả lời", Cơ_quan_được_chuyển_đến="UBND xã", Ngày_chuyển="11/3/2026"),
        "Nội dung trả lời",
        "Cần nhập nội dung trả lời của cơ quan.",
    ),
    (
        "answered before the forwarding",
        cells(
            Cơ_quan_được_chuyển_đến="UBND xã",
            Ngày_chuyển="11/3/2026",
            Nội_dung_trả_lời="Đã xử lý",
            Ngày_trả_lời="10/3/2026",
        ),
        "Ngày trả lời",
        "Ngày trả lời phải từ ngày chuyển (11/3/2026) trở đi.",
    ),
    (
        "resolved with an answer never forwarded",
        cells(Tình_trạng="Đã giải quyết", Nội_dung_trả_lời="Đã xử lý", Ngày_trả_lời="12/3/2026"),
        "Ngày chuyển",
        "Cần nhập ngày chuyển.",
    ),
    ("no content", cells(Nội_dung="  "), "Nội dung", "Chưa nhập (bắt buộc)"),
]


@pytest.mark.parametrize(("case", "values", "column", "message"), BAD_ROWS, ids=[case for case, *_ in BAD_ROWS])
def test_every_bad_input_is_reported_with_the_webs_message_and_nothing_is_written(
    cast, collaborator, case, values, column, message
):
    rows = [item_row(1, **cells(Nội_dung="Một dòng đúng")), item_row(2, **values)]
    result = run_import("opinion_items", workbook(rows), user=cast.c1_officer)
    assert any(e.startswith(f"Dòng {FIRST_ROW + 1}, cột '{column}': {message}") for e in errors_of(result)), errors_of(
        result
    )
    assert all(error.row == FIRST_ROW + 1 for error in result.errors), errors_of(result)  # the good row has none
    assert not result.written and not OpinionItem.objects.exists()


def test_every_error_of_a_file_comes_at_once(cast, collaborator):
    rows = [item_row(n, **values) for n, (_, values, _, _) in enumerate(BAD_ROWS, start=1)]
    result = run_import("opinion_items", workbook(rows), user=cast.c1_officer)
    found = errors_of(result)
    for number, (_, _, column, message) in enumerate(BAD_ROWS, start=FIRST_ROW):
        assert any(e.startswith(f"Dòng {number}, cột '{column}': {message}") for e in found), (number, message)
    assert not OpinionItem.objects.exists()


def test_no_second_message_on_a_cell_in_error(cast):
    rows = [
        item_row(1, **cells(Nội_dung="", Nguồn="Tin đồn", Nền_tảng="Zalo")),  # the platform hangs on the source
        item_row(2, **cells(Ngày_ghi_nhận="hôm qua", Cơ_quan_được_chuyển_đến="UBND xã", Ngày_chuyển="11/3/2026")),
    ]
    result = run_import("opinion_items", workbook(rows), user=cast.c1_officer)
    assert errors_of(result) == [
        "Dòng 5, cột 'Nội dung': Chưa nhập (bắt buộc)",
        f"Dòng 5, cột 'Nguồn': Không có nguồn 'Tin đồn'. Giá trị hợp lệ: {'; '.join(Source.labels)}",
        "Dòng 6, cột 'Ngày ghi nhận': Ngày không hợp lệ: 'hôm qua'; ghi theo dạng ngày/tháng/năm, ví dụ 13/5/2016",
    ]


def test_units_by_name_and_namesakes_told_apart_by_the_day_and_the_area(cast):
    from danvan.core.testing.factories import make_unit

    # "Chi bộ ấp Bến Đình" in C1's area and in C2's; one in C1 before 1/7/2025 and another after it.
    here = make_unit("Chi bộ ấp Bến Đình", parent=cast.c1, code="BD-C1")
    make_unit("Chi bộ ấp Bến Đình", parent=cast.c2, code="BD-C2")
    old = make_unit("Chi bộ ấp Long Giang", parent=cast.c1, code="LG-CU", valid_until=dt.date(2025, 6, 30))
    new = make_unit("Chi bộ ấp Long Giang", parent=cast.c1, code="LG-MOI", valid_from=dt.date(2025, 7, 1))
    rows = [
        item_row(1, **cells(Đơn_vị="dang uy xa long thuan", Địa_bàn="CHI BỘ ẤP BẾN ĐÌNH")),
        item_row(2, **cells(Ngày_ghi_nhận="5/3/2025", Địa_bàn="chi bo ap long giang")),
        item_row(3, **cells(Địa_bàn="Chi bộ ấp Long Giang")),
    ]
    result = run_import("opinion_items", workbook(rows), user=cast.admin, dry_run=True)
    assert result.ok, errors_of(result)
    places = [(row.extra["unit"], row.extra["place"]) for row in result.rows]
    assert places == [(cast.c1, here), (cast.c1, old), (cast.c1, new)]


def test_a_unit_closed_on_the_day_and_repeated_rows(cast):
    rows = [
        item_row(1, **cells(Đơn_vị="D1", Địa_bàn="C2")),
        item_row(2, **cells(Địa_bàn="C1 – Đảng ủy xã Long Thuận")),
        item_row(3, **cells(Nội_dung=DEFAULTS["Nội dung"].upper())),  # the same item, in capitals
    ]
    result = run_import("opinion_items", workbook(rows), user=cast.d1_officer)
    assert errors_of(result) == [
        "Dòng 5, cột 'Đơn vị': Huyện ủy Bến Cầu không hoạt động vào ngày 10/3/2026 (Đến 30/6/2025).",
        "Dòng 7, cột 'Nội dung': Trùng với dòng 6 (cùng đơn vị, địa bàn, ngày ghi nhận, nguồn và nội dung).",
    ]
    assert not OpinionItem.objects.exists()


def test_a_collaborator_of_another_commune_is_not_on_the_register(cast, collaborator):
    make_collaborator(cast.c2_officer, cast.c2, name="Lê Văn Ba")
    rows = [item_row(1, **cells(Nguồn="Cộng tác viên", Cộng_tác_viên="Lê Văn Ba"))]
    result = run_import("opinion_items", workbook(rows), user=cast.c1_officer)
    assert errors_of(result) == [
        "Dòng 5, cột 'Cộng tác viên': Không có “Lê Văn Ba” trong danh sách cộng tác viên của Đảng ủy xã Long Thuận."
    ]
    # The district records for its communes: its area's collaborators are on its register.
    rows = [item_row(1, **cells(Đơn_vị="C2", Địa_bàn="C2", Nguồn="Cộng tác viên", Cộng_tác_viên="le van ba"))]
    result = run_import("opinion_items", workbook(rows), user=cast.d1_officer)
    assert result.written, errors_of(result)
    assert OpinionItem.objects.get().collaborator.name == "Lê Văn Ba"


def test_a_name_two_collaborators_share_and_a_field_no_longer_used(cast, collaborator):
    make_collaborator(cast.c1_officer, cast.c1, name="Nguyễn Văn Tư", term_start=dt.date(2020, 1, 1),
                      term_end=dt.date(2024, 12, 31), position="Trưởng ấp cũ")  # fmt: skip
    row = item_row(1, **cells(Nguồn="Cộng tác viên", Cộng_tác_viên="Nguyễn Văn Tư"))
    result = run_import("opinion_items", workbook([row]), user=cast.c1_officer)
    assert result.written and OpinionItem.objects.get().collaborator == collaborator  # the one serving then
    OpinionItem.objects.all().delete()
    make_collaborator(cast.c1_officer, cast.c1, name="Nguyễn Văn Tư", term_start=dt.date(2026, 1, 1))
    result = run_import("opinion_items", workbook([row]), user=cast.c1_officer)
    assert errors_of(result) == [
        "Dòng 5, cột 'Cộng tác viên': "
        + imports.MSG_COLLABORATOR_AMBIGUOUS.format(
            2, "Nguyễn Văn Tư", "10/3/2026", "Đảng ủy xã Long Thuận, từ 1/1/2025; Đảng ủy xã Long Thuận, từ 1/1/2026"
        )
    ]
    Topic.objects.filter(code="dat-dai-moi-truong").update(valid_until=dt.date(2025, 12, 31))
    result = run_import("opinion_items", workbook([item_row(1)]), user=cast.c1_officer)
    assert errors_of(result) == [
        "Dòng 5, cột 'Lĩnh vực': Lĩnh vực “Đất đai, môi trường” không dùng vào ngày 10/3/2026."
    ]
    assert not OpinionItem.objects.exists()


def test_nobody_imports_for_a_unit_they_may_not_change(cast):
    viewer_rows = [item_row(1)]
    from danvan.core.testing.factories import make_user

    viewer = make_user("c1_xem", cast.c1, "viewer")
    result = run_import("opinion_items", workbook(viewer_rows), user=viewer)
    assert errors_of(result) == ["Dòng 5, cột 'Đơn vị': Đơn vị 'C1' ngoài phạm vi quản lý của bạn"]
    # A recorded item says nothing but "out of scope" to someone else.
    run_import("opinion_items", workbook(viewer_rows), user=cast.c1_officer)
    result = run_import("opinion_items", workbook(viewer_rows), user=cast.c2_officer)
    assert errors_of(result) == ["Dòng 5, cột 'Đơn vị': Đơn vị 'C1' ngoài phạm vi quản lý của bạn"]
    assert result.unchanged == 0 and OpinionItem.objects.count() == 1


# --- Twice, and back from an export --------------------------------------------------------------


def test_importing_the_same_file_again_adds_nothing(cast, collaborator):
    content = workbook(good_rows())
    run_import("opinion_items", content, user=cast.c1_officer)
    logged = ChangeLogEntry.objects.count()
    result = run_import("opinion_items", content, user=cast.c1_officer)
    assert result.ok, errors_of(result)
    assert (result.created, result.updated, result.unchanged, result.written) == (0, 0, 5, False)
    assert result.warnings == []
    assert OpinionItem.objects.count() == 5 and ChangeLogEntry.objects.count() == logged


def test_a_recorded_item_said_otherwise_is_left_as_it_is_with_a_warning(cast):
    item = make_item(cast.c1_officer, cast.c1, summary=DEFAULTS["Nội dung"])
    rows = [item_row(1, **cells(Chiều_hướng="Đồng tình", Điểm_nóng="x", Tình_trạng="Đã giải quyết"))]
    result = run_import("opinion_items", workbook(rows), user=cast.c1_officer)
    assert result.ok and (result.unchanged, result.written) == (1, False)
    assert result.warnings == [
        (5, imports.MSG_RECORDED.format("10/3/2026", "Chiều hướng, Điểm nóng, Tình trạng")),
    ]
    item.refresh_from_db()
    assert (item.tendency, item.hot_spot, item.state, item.version) == (Tendency.DISAGREE, False, State.NEW, 1)


def test_export_then_import_is_unchanged(cast, collaborator):
    run_import("opinion_items", workbook(good_rows()), user=cast.c1_officer)
    make_item(
        cast.d1_officer, cast.d1, place=cast.c2, noted_on=dt.date(2025, 5, 4), summary="=HYPERLINK(\"x\")\nhai dòng",
        source=Source.PRESS, source_detail="+84 Báo Tây Ninh", proposal="@mọi người",
    )  # fmt: skip
    make_item(cast.d2_officer, cast.c3, summary="Của huyện khác")
    exported = export_bytes("opinion_items", {}, user=cast.d1_officer)
    sheet = openpyxl.load_workbook(io.BytesIO(exported)).active
    assert [c.value for c in sheet[1]] == HEADER[1:]
    assert sheet.max_row == 7  # the header, C1's five and D1's one; not D2's commune
    texts = [cell for row in sheet.iter_rows(min_row=2) for cell in row if isinstance(cell.value, str)]
    assert any(c.value.startswith("=HYPERLINK") for c in texts) and all(c.data_type == "s" for c in texts)
    assert sheet.cell(2, HEADER.index("Đơn vị")).value == "D1"
    result = run_import("opinion_items", exported, user=cast.d1_officer)
    assert result.ok, errors_of(result)
    assert (result.created, result.updated, result.unchanged, result.warnings) == (0, 0, 6, [])
    assert OpinionItem.objects.count() == 7


def test_the_exported_file_of_another_installation_imports_whole(cast, collaborator):
    """What an export holds comes back as the same items once they are gone (a move, a restore)."""
    run_import("opinion_items", workbook(good_rows()), user=cast.c1_officer)
    exported = export_bytes("opinion_items", {}, user=cast.c1_officer)
    fields = [f.name for f in OpinionItem._meta.concrete_fields if f.name not in ("id", "created_at", "updated_at")]
    before = sorted(OpinionItem.objects.values_list(*fields))
    OpinionItem.objects.all().delete()
    result = run_import("opinion_items", exported, user=cast.c1_officer)
    assert (result.created, result.written) == (5, True), errors_of(result)
    assert sorted(OpinionItem.objects.values_list(*fields)) == before


def test_the_list_export_takes_the_list_filters_and_imports_again(client, cast, collaborator):
    run_import("opinion_items", workbook(good_rows()), user=cast.c1_officer)
    case = OpinionItem.objects.get(summary="Ủng hộ")
    services.merge(cast.c1_officer, case, [OpinionItem.objects.get(state=State.NEW, source=Source.BRIEFING)])
    client.force_login(cast.c1_officer)
    response = client.get(reverse("opinion:item-export"))
    assert response.status_code == 200 and response["Content-Type"].startswith("application/vnd.openxmlformats")
    content = b"".join(response.streaming_content)
    assert openpyxl.load_workbook(io.BytesIO(content)).active.max_row == 5  # four cases, the duplicate in its case
    response = client.get(reverse("opinion:item-export"), {"nguon": Source.CYBERSPACE, "nam": "2026"})
    content = b"".join(response.streaming_content)
    sheet = openpyxl.load_workbook(io.BytesIO(content)).active
    assert [row[5] for row in sheet.iter_rows(min_row=2, values_only=True)] == ["Không gian mạng"]
    result = run_import("opinion_items", content, user=cast.c1_officer)
    assert (result.unchanged, result.created) == (1, 0), errors_of(result)
    client.force_login(cast.c2_officer)
    content = b"".join(client.get(reverse("opinion:item-export")).streaming_content)
    assert openpyxl.load_workbook(io.BytesIO(content)).active.max_row == 1  # nothing of C1's


def test_the_import_template_fills_in_and_imports(client, cast, collaborator):
    client.force_login(cast.c1_officer)
    response = client.get(reverse("opinion:item-template"))
    assert response.status_code == 200
    book = openpyxl.load_workbook(io.BytesIO(b"".join(response.streaming_content)))
    sheet = book.worksheets[0]
    assert [c.value for c in sheet[1]] == HEADER[1:]
    lists = book[imports.LISTS_SHEET]
    assert lists.sheet_state == "hidden"
    values = {c.value for column in lists.iter_cols(min_row=2) for c in column if c.value}
    assert {"C1 – Đảng ủy xã Long Thuận", "Nguyễn Văn Tư", "Đất đai, môi trường", "Không gian mạng"} <= values
    assert "C3 – Đảng ủy xã Tân Lập" not in values  # not the user's
    sheet.append(
        [
            "C1 – Đảng ủy xã Long Thuận", "10/03/2026", "C1 – Đảng ủy xã Long Thuận", "Đất đai, môi trường",
            "Khói đốt rơm", "Cộng tác viên dư luận xã hội", "Nguyễn Văn Tư", None, None, None, None,
            "Không đồng tình", None, None, None, None, None, None, None, None, None, None,
        ]
    )  # fmt: skip
    out = io.BytesIO()
    book.save(out)
    result = run_import("opinion_items", out.getvalue(), user=cast.c1_officer)
    assert result.written, errors_of(result)
    assert OpinionItem.objects.get().collaborator == collaborator
    response = client.get(reverse("opinion:item-template"), {"loai": "cong-tac-vien"})
    sheet = openpyxl.load_workbook(io.BytesIO(b"".join(response.streaming_content))).worksheets[0]
    assert [c.value for c in sheet[1]] == [c.header for c in imports.CollaboratorsKind.columns]


def test_queries_do_not_grow_with_the_rows(cast, collaborator):
    def rows(count: int) -> list[list]:
        kinds = [
            cells(),
            cells(Nguồn="Cộng tác viên", Cộng_tác_viên="Nguyễn Văn Tư"),
            cells(Nguồn="Không gian mạng", Nền_tảng="Zalo", Đường_dẫn="https://zalo.me/g/1", Lượt_tiếp_cận=9),
            cells(Cơ_quan_được_chuyển_đến="UBND xã", Ngày_chuyển="11/3/2026", Địa_bàn="C1"),
        ]
        return [item_row(n, **(kinds[n % 4] | cells(Nội_dung=f"Thông tin số {n}"))) for n in range(count)]

    def queries(count: int) -> int:
        OpinionItem.objects.all().delete()
        content = workbook(rows(count))
        with CaptureQueriesContext(connection) as captured:
            result = run_import("opinion_items", content, user=cast.c1_officer)
        assert (result.created, result.written) == (count, True), errors_of(result)
        return len(captured)

    queries(8)  # caches warmed (the content type, the user's scope)
    assert queries(8) == queries(80)
    with CaptureQueriesContext(connection) as captured:  # the second time every row is recorded already
        assert run_import("opinion_items", workbook(rows(80)), user=cast.c1_officer).unchanged == 80
    again = len(captured)
    with CaptureQueriesContext(connection) as captured:
        run_import("opinion_items", workbook(rows(8)), user=cast.c1_officer)
    assert len(captured) == again


# --- The command line and the web flow -----------------------------------------------------------


def test_the_command_line(cast, collaborator, tmp_path):
    path = tmp_path / "du-luan.xlsx"
    path.write_bytes(workbook(good_rows()))
    out = io.StringIO()
    call_command("import_xlsx", "opinion_items", str(path), "--user", "c1_officer", stdout=out)
    assert "Đã thêm 5" in out.getvalue() and OpinionItem.objects.count() == 5
    assert OpinionItem.objects.filter(created_by=cast.c1_officer).count() == 5
    bad = tmp_path / "loi.xlsx"
    bad.write_bytes(workbook([item_row(1, **cells(Đơn_vị="C2", Địa_bàn="C2")), item_row(2, Lĩnh_vực="x")]))
    err = io.StringIO()
    with pytest.raises(CommandError, match="Tệp có 2 lỗi"):
        call_command("import_xlsx", "opinion_items", str(bad), "--user", "c1_officer", stdout=io.StringIO(), stderr=err)
    assert "Dòng 5, cột 'Đơn vị': Đơn vị 'C2' ngoài phạm vi quản lý của bạn" in err.getvalue()
    assert OpinionItem.objects.count() == 5
    exported = tmp_path / "xuat.xlsx"
    call_command("export_xlsx", "opinion_items", "-o", str(exported), "--year", "2026", stdout=io.StringIO())
    out = io.StringIO()
    call_command("import_xlsx", "opinion_items", str(exported), stdout=out)  # as the system: no scope limit
    assert "không đổi 5" in out.getvalue()


def upload(client, content: bytes, flow: str = "opinion-items", name: str = "du-luan.xlsx"):
    data = SimpleUploadedFile(name, content)
    return client.post(reverse("jobs:import", args=[flow]), {"tep": data}, follow=True)


def test_the_flows_are_found_with_the_other_apps(cast):
    assert {"opinion-items", "opinion-collaborators"} <= set(flow_names())
    assert isinstance(get_flow("opinion-items").engine_kind(None), imports.ItemsKind)
    assert isinstance(get_flow("opinion-collaborators").engine_kind(None), imports.CollaboratorsKind)


def test_the_web_flow_lists_every_error_then_writes_a_clean_file_once(client, cast, collaborator):
    client.force_login(cast.c1_officer)
    bad = [item_row(n, **values) for n, (_, values, _, _) in enumerate(BAD_ROWS[:8], start=1)]
    response = upload(client, workbook(bad))
    check = Job.objects.get(kind=CHECK)
    assert response.redirect_chain[-1][0] == reverse("jobs:import-preview", args=[check.pk])
    page = response.content.decode()
    assert check.report["error_count"] == len(check.report["errors"]) >= 8
    for _number, column, message in check.report["errors"]:
        assert escape(message) in page and escape(column) in page, message
    assert 'data-testid="import-refused"' in page and 'data-testid="import-confirm"' not in page
    client.post(reverse("jobs:import-confirm", args=[check.pk]), follow=True)
    assert not Job.objects.filter(kind=WRITE).exists() and not OpinionItem.objects.exists()

    response = upload(client, workbook(good_rows()))
    check = Job.objects.filter(kind=CHECK).latest("pk")
    assert check.report["created"] == 5 and check.report["error_count"] == 0
    assert not OpinionItem.objects.exists()  # the check writes nothing
    assert 'data-testid="import-confirm"' in response.content.decode()
    response = client.post(reverse("jobs:import-confirm", args=[check.pk]), follow=True)
    assert "Đã thêm 5" in response.content.decode()
    assert OpinionItem.objects.filter(unit=cast.c1, created_by=cast.c1_officer).count() == 5
    client.post(reverse("jobs:import-confirm", args=[check.pk]), follow=True)  # a double click
    assert OpinionItem.objects.count() == 5 and Job.objects.filter(kind=WRITE).count() == 1


def test_the_web_flow_refuses_what_is_not_an_xlsx_and_someone_without_a_unit(client, cast):
    client.force_login(cast.c1_officer)
    response = client.post(
        reverse("jobs:import", args=["opinion-items"]), {"tep": SimpleUploadedFile("a.xlsx", b"Ma,Ten\n1,2")}
    )
    assert response.status_code == 200 and reader.MSG_NOT_XLSX in response.content.decode()
    assert not Job.objects.exists()
    client.force_login(cast.outsider)
    for flow in ("opinion-items", "opinion-collaborators"):
        assert client.get(reverse("jobs:import", args=[flow])).status_code == 403


# --- Collaborators -------------------------------------------------------------------------------

COLLABORATOR_HEADER = [
    "Đơn vị",
    "Họ và tên",
    "Chức vụ nơi công tác",
    "Lĩnh vực theo dõi",
    "Nhiệm kỳ từ ngày",
    "Đến ngày",
]
COLLABORATORS = [
    ["C1", "Nguyễn Văn Tư", "Trưởng ấp Bến Đình", "Đất đai, môi trường", "1/1/2025", None],
    ["C1", "Trần Thị Năm", "Chi hội trưởng Phụ nữ ấp Long Hòa", None, "1/1/2025", "31/12/2029"],
]


def test_collaborators_import_twice_update_and_export_back(cast):
    result = run_import("opinion_collaborators", workbook(COLLABORATORS, COLLABORATOR_HEADER), user=cast.c1_officer)
    assert (result.created, result.written) == (2, True), errors_of(result)
    tu = Collaborator.objects.get(name="Nguyễn Văn Tư")
    assert (tu.unit, tu.topic.code, tu.term_start, tu.term_end) == (
        cast.c1,
        "dat-dai-moi-truong",
        dt.date(2025, 1, 1),
        None,
    )
    assert ChangeLogEntry.objects.filter(content_type__model="collaborator", action="create").count() == 2
    again = run_import("opinion_collaborators", workbook(COLLABORATORS, COLLABORATOR_HEADER), user=cast.c1_officer)
    assert (again.created, again.updated, again.unchanged, again.written) == (0, 0, 2, False)
    changed = [["c1", "nguyen van tu", "Bí thư chi bộ ấp Bến Đình", None, "01/01/2025", "30/6/2026"]]
    result = run_import("opinion_collaborators", workbook(changed, COLLABORATOR_HEADER), user=cast.c1_officer)
    assert (result.updated, result.written) == (1, True), errors_of(result)
    tu.refresh_from_db()
    assert (tu.name, tu.position, tu.topic, tu.term_end, tu.version) == (
        "Nguyễn Văn Tư", "Bí thư chi bộ ấp Bến Đình", None, dt.date(2026, 6, 30), 2,
    )  # fmt: skip
    entry = ChangeLogEntry.objects.get(content_type__model="collaborator", action="update")
    assert entry.after == {"position": "Bí thư chi bộ ấp Bến Đình", "topic_id": None, "term_end": "2026-06-30"}
    exported = export_bytes("opinion_collaborators", {}, user=cast.c1_officer)
    sheet = openpyxl.load_workbook(io.BytesIO(exported)).active
    assert [c.value for c in sheet[1]] == COLLABORATOR_HEADER and sheet.max_row == 3
    back = run_import("opinion_collaborators", exported, user=cast.c1_officer)
    assert (back.unchanged, back.created, back.updated) == (2, 0, 0), errors_of(back)
    other = export_bytes("opinion_collaborators", {}, user=cast.c2_officer)
    assert openpyxl.load_workbook(io.BytesIO(other)).active.max_row == 1  # nobody of C1's


def test_bad_collaborators_are_all_reported_and_none_written(cast):
    rows = [
        ["XYZ", "Người của đơn vị lạ", None, None, "1/1/2025", None],
        ["C2", "Người của xã khác", None, None, "1/1/2025", None],
        ["C1", "Lê Văn Ba", None, "Thể thao", "1/1/2025", "1/1/2024"],
        ["C1", "", None, None, "ngày đầu năm", None],
        ["C1", "Trần Thị Năm", None, None, "1/1/2025", None],
        ["C1", "TRẦN THỊ NĂM", None, None, "1/1/2025", None],
    ]
    result = run_import("opinion_collaborators", workbook(rows, COLLABORATOR_HEADER), user=cast.c1_officer)
    found = errors_of(result)
    assert "Dòng 5, cột 'Đơn vị': Không tìm thấy đơn vị có mã hoặc tên 'XYZ'." in found
    assert "Dòng 6, cột 'Đơn vị': Đơn vị 'C2' ngoài phạm vi quản lý của bạn" in found
    assert any(e.startswith("Dòng 7, cột 'Lĩnh vực theo dõi': Không có lĩnh vực 'Thể thao'") for e in found)
    assert "Dòng 7, cột 'Đến ngày': Ngày kết thúc nhiệm kỳ phải sau ngày bắt đầu." in found
    assert "Dòng 8, cột 'Họ và tên': Chưa nhập (bắt buộc)" in found
    assert any(e.startswith("Dòng 8, cột 'Nhiệm kỳ từ ngày': Ngày không hợp lệ") for e in found)
    assert "Dòng 10, cột 'Họ và tên': Trùng với dòng 9 (cùng đơn vị, họ tên và ngày bắt đầu nhiệm kỳ)." in found
    assert len(found) == 7 and not Collaborator.objects.exists()


def test_the_collaborator_flow_writes_through_the_web(client, cast):
    client.force_login(cast.c1_officer)
    upload(client, workbook(COLLABORATORS, COLLABORATOR_HEADER), flow="opinion-collaborators")
    check = Job.objects.get(kind=CHECK)
    assert check.report["created"] == 2, check.report
    client.post(reverse("jobs:import-confirm", args=[check.pk]), follow=True)
    assert Collaborator.objects.filter(unit=cast.c1).count() == 2
