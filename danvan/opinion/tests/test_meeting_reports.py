"""The report on citizen reception and dialogues: the period's bounds, the area it covers, the figures in
the Word file (reopened with python-docx) against counts taken from the database, the units and months
short of the monthly minimum, the overdue commitments listed, the page's messages for bad parameters and
units outside the user's scope. One report is rendered to PDF and PNG under test-artifacts/opinion/."""

from __future__ import annotations

import datetime as dt
import shutil
import subprocess

import pytest
from django.db.models import Q, Sum
from django.urls import reverse

from danvan.documents.docx import render_docx
from danvan.documents.pdf import docx_to_pdf
from danvan.opinion import meeting_reports
from danvan.opinion.choices import CaseType, HostRole, ReceptionKind, ReceptionStatus
from danvan.opinion.models import Commitment, Dialogue, DialogueIssue, Reception, ReceptionCase
from danvan.opinion.reports import parse_period
from danvan.opinion.services import meetings as services
from danvan.opinion.tests.test_meetings import make_reception
from danvan.opinion.tests.test_reports import (
    DOCX,
    artifacts,
    body,
    closing,
    download,
    header,
    page_errors,
    reopen,
    table_with,
    text_of,
)
from danvan.opinion.views.reports import MSG_NO_SCOPE, MSG_UNIT

pytestmark = pytest.mark.django_db

RECEPTION = reverse("opinion:reception-report")
PAGE = reverse("opinion:reports")
D = dt.date


def make_dialogue(user, unit, day, host_role=HostRole.SECRETARY, **fields) -> Dialogue:
    """A conference (`test_meetings.make_dialogue` with the host's role to choose)."""
    hosts = fields.pop("hosts", "Lê Thị Hoa, Bí thư Đảng ủy")
    topic = fields.pop("topic", "Bồi thường, hỗ trợ tái định cư dự án đường tỉnh 786")
    dialogue = Dialogue(unit=unit, day=day, host_role=host_role, hosts=hosts, topic=topic, **fields)
    return services.save_dialogue(user, dialogue)


def hear(user, reception, case_type, people=1, deadline=None, settled_on=None, content="Đề nghị giải quyết"):
    case = ReceptionCase(reception=reception, petitioner="Ông Nguyễn Văn Tư, ấp Bến Đình", case_type=case_type,
                         people=people, content=content, assigned_to="UBND xã", deadline=deadline,
                         settled_on=settled_on, result="Đã giải quyết xong" if settled_on else "")  # fmt: skip
    return services.save_case(user, case)


def promise(user, dialogue, content, deadline, done_on=None, responsible="UBND xã Long Thuận"):
    commitment = Commitment(dialogue=dialogue, content=content, responsible=responsible, deadline=deadline,
                            done_on=done_on, result="Đã thực hiện xong" if done_on else "")  # fmt: skip
    return services.save_commitment(user, commitment)


def raise_issue(user, dialogue, content, answer=""):
    return services.save_issue(user, DialogueIssue(dialogue=dialogue, content=content, answer=answer))


def data(user, unit, code="quy-1", year=2026, day=None):
    period = parse_period(code, year)
    return meeting_reports.meeting_data(user, unit, period, day or period.end)


# --- A first quarter of 2026 (after the reform: the province and its communes) -------------------------


@pytest.fixture
def quarter(cast):
    """Receptions in P, C1, C2, C3 with the cases heard; dialogues with issues and commitments; a backlog
    from 2025; a dialogue of the ended district D1 whose commitment is still open."""
    admin = cast.admin
    made = {}
    for unit, days in [
        ("province", [D(2026, 1, 12), D(2026, 2, 10), D(2026, 3, 9)]),
        ("c1", [D(2026, 1, 5), D(2026, 1, 20), D(2026, 2, 3), D(2026, 3, 2), D(2026, 3, 16)]),
        ("c2", [D(2026, 1, 7), D(2026, 1, 21), D(2026, 3, 4)]),  # none in February, one in March
        ("c3", [D(2026, 1, 8), D(2026, 1, 22), D(2026, 2, 5), D(2026, 2, 19), D(2026, 3, 5), D(2026, 3, 19)]),
    ]:
        for day in days:
            made[(unit, day)] = make_reception(admin, getattr(cast, unit), day=day)
    # A second, unscheduled session on a day C1 already received: two sessions, one day (Feb.: 1 of 2).
    make_reception(admin, cast.c1, day=D(2026, 2, 3), kind=ReceptionKind.UNSCHEDULED)
    make_reception(admin, cast.c1, day=D(2026, 2, 24), status=ReceptionStatus.CANCELLED)
    make_reception(admin, cast.c1, day=D(2026, 3, 30), status=ReceptionStatus.PLANNED)
    april = make_reception(admin, cast.c1, day=D(2026, 4, 2))  # next quarter
    before = make_reception(admin, cast.c1, day=D(2025, 12, 10))

    hear(admin, made[("c1", D(2026, 1, 5))], CaseType.COMPLAINT, 5, D(2026, 2, 5), D(2026, 2, 1))
    hear(admin, made[("c1", D(2026, 1, 20))], CaseType.PETITION, 1, D(2026, 2, 20))  # overdue on 31/3
    hear(admin, made[("c1", D(2026, 2, 3))], CaseType.REFLECTION, 3, D(2026, 4, 30))
    hear(admin, made[("c2", D(2026, 1, 7))], CaseType.DENUNCIATION, 1, D(2026, 3, 7), D(2026, 3, 10))
    hear(admin, made[("c2", D(2026, 3, 4))], CaseType.PETITION, 12, D(2026, 3, 20), D(2026, 4, 5))
    hear(admin, made[("c3", D(2026, 1, 8))], CaseType.REFLECTION, 2)
    hear(admin, made[("province", D(2026, 1, 12))], CaseType.PETITION, 4, D(2026, 2, 12), D(2026, 1, 20))
    hear(admin, before, CaseType.COMPLAINT, 2, D(2025, 12, 31))  # from 2025, still pending
    hear(admin, april, CaseType.PETITION)

    c1 = make_dialogue(admin, cast.c1, day=D(2026, 3, 10), notice_on=D(2026, 3, 5), participants=120,
                       published_on=D(2026, 3, 15), publication="Niêm yết tại trụ sở")  # fmt: skip
    raise_issue(admin, c1, "Đề nghị sớm chi trả tiền bồi thường", "Chi trả trước 20/3")
    raise_issue(admin, c1, "Đề nghị làm rõ đơn giá đất", "Đã giải thích căn cứ giá đất")
    raise_issue(admin, c1, "Đề nghị bố trí tái định cư tại chỗ")
    promise(admin, c1, "Chi trả dứt điểm tiền bồi thường còn lại", D(2026, 3, 20))  # overdue
    promise(admin, c1, "Bố trí đất tái định cư cho 12 hộ", D(2026, 4, 30))
    promise(admin, c1, "Công khai phương án bồi thường tại ấp", D(2026, 3, 25), D(2026, 3, 24))
    c2 = make_dialogue(admin, cast.c2, day=D(2026, 2, 20), notice_on=D(2026, 2, 1),
                       topic="Xây dựng nông thôn mới nâng cao")  # fmt: skip
    raise_issue(admin, c2, "Đề nghị nâng cấp tuyến đường ấp Lợi Hòa")
    promise(admin, c2, "Khảo sát tuyến đường ấp Lợi Hòa", D(2026, 3, 15), D(2026, 3, 20),
            responsible="UBND xã Lợi Thuận")  # fmt: skip
    c3 = make_dialogue(admin, cast.c3, day=D(2026, 3, 2), participants=80, published_on=D(2026, 3, 3),
                       host_role=HostRole.CHAIR, hosts="Phạm Văn Minh, Chủ tịch UBND xã")  # fmt: skip
    promise(admin, c3, "Sửa chữa trạm bơm ấp Tân Đông", D(2026, 3, 10), responsible="UBND xã Tân Lập")
    earlier = make_dialogue(admin, cast.c1, day=D(2025, 11, 15), notice_on=D(2025, 11, 1), participants=90)
    promise(admin, earlier, "Lắp đèn chiếu sáng tuyến đường ven kênh", D(2025, 12, 31))
    district = make_dialogue(admin, cast.d1, day=D(2025, 5, 15), notice_on=D(2025, 5, 1), participants=200)
    promise(admin, district, "Nạo vét kênh tiêu Bến Cầu", D(2025, 6, 30), responsible="UBND huyện Bến Cầu")
    return made


def test_the_periods_bounds_and_the_report_date(cast, quarter):
    c1 = cast.c1
    months = [data(cast.admin, c1, f"thang-{m}") for m in (1, 2, 3)]
    assert [m.sessions for m in months] == [2, 2, 2]  # February: a regular and an unscheduled session
    assert [m.days for m in months] == [2, 1, 2]
    assert [m.cancelled for m in months] == [0, 1, 0] and months[2].unrecorded == 1
    q1 = data(cast.admin, c1)
    assert (q1.sessions, q1.days, q1.regular, q1.unscheduled) == (6, 5, 5, 1)
    assert q1.case_total.cases == sum(m.case_total.cases for m in months) == 3
    assert len(q1.dialogues) == 1 and q1.commitments == 3
    assert data(cast.admin, c1, "thang-12", 2025).sessions == 1  # the year before
    assert data(cast.admin, c1, "thang-4").sessions == 1  # the next quarter
    assert data(cast.admin, c1, "6-thang").sessions == 7 and data(cast.admin, c1, "nam").sessions == 7
    # Dated inside the period, it counts up to its date and checks only the months over by then.
    early = data(cast.admin, c1, "quy-1", day=D(2026, 3, 5))
    assert early.last == D(2026, 3, 5) and (early.sessions, early.days) == (5, 4)
    assert early.units[0].required == 4 and [m for m, *_ in early.units[0].short] == [2]
    march = data(cast.admin, c1, "thang-3", day=D(2026, 3, 20))
    assert march.units[0].required is None
    assert "Tháng 3 năm 2026 chưa kết thúc nên chưa đối chiếu" in meeting_reports._rule_sentence(march)


def test_a_communes_report_holds_only_its_subtree(client, cast, quarter):
    q1 = data(cast.admin, cast.c1)
    assert [u.unit.pk for u in q1.units] == [cast.c1.pk]
    assert {c.dialogue.unit_id for c in q1.overdue} == {cast.c1.pk}
    # The officer of C1 asking about the province sees only C1.
    seen = data(cast.c1_officer, cast.province)
    assert [u.unit.pk for u in seen.units] == [cast.c1.pk] and seen.sessions == q1.sessions
    assert seen.case_total.cases == q1.case_total.cases and seen.overdue_total == q1.overdue_total

    client.force_login(cast.c1_officer)
    word = download(client, RECEPTION, don_vi=cast.c1.pk, ky="quy-1", nam=2026)
    assert body(word)[:2] == ["BÁO CÁO", "Kết quả công tác tiếp công dân, đối thoại với nhân dân quý I năm 2026"]
    left, right = header(word)
    assert left[:2] == ["ĐẢNG BỘ TỈNH TÂY NINH", "ĐẢNG ỦY XÃ LONG THUẬN"]
    assert right[-1] == "Long Thuận, ngày 31 tháng 3 năm 2026"
    assert closing(word)[1][:2] == ["T/M ĐẢNG ỦY", "BÍ THƯ"]
    text = text_of(word)
    for other in ("Lợi Thuận", "Tân Lập", "Bến Cầu", "Tây Ninh", "trạm bơm", "Nạo vét"):
        assert other not in text, other
    assert (
        "Trong quý I năm 2026, người đứng đầu Đảng ủy xã Long Thuận đã tiếp công dân 6 buổi (5 buổi định kỳ, "
        "1 buổi đột xuất) trong 5 ngày; 1 buổi theo lịch bị hoãn, hủy, 1 buổi theo lịch chưa cập nhật kết quả." in text
    )
    assert (
        "Đối chiếu với số ngày tiếp công dân tối thiểu mỗi tháng theo quy định (cấp xã 2 ngày), Đảng ủy xã Long "
        "Thuận chưa tổ chức đủ số ngày tiếp công dân (số ngày đã tiếp/số ngày tối thiểu): tháng 2 (1/2)." in text
    )
    assert not [t for t in word.tables if t.rows[0].cells[1].text == "Đơn vị"]  # one unit: said in words
    assert (
        "Qua tiếp công dân đã tiếp nhận 3 vụ việc với 9 lượt người, gồm 1 phản ánh, 1 kiến nghị và 1 khiếu nại." in text
    )
    assert (
        "Đến ngày 31/3/2026, đã giải quyết xong 1 vụ việc (33,3%); đang giải quyết 2 vụ việc, trong đó 1 vụ việc "
        "quá hạn giải quyết." in text
    )
    assert (
        "Ngoài ra, đến ngày 31/3/2026 còn 1 vụ việc tiếp nhận trước kỳ báo cáo chưa giải quyết xong, trong đó "
        "1 vụ việc quá hạn." in text
    )
    assert (
        "Trong quý I năm 2026, toàn xã tổ chức 1 hội nghị đối thoại với nhân dân (do bí thư cấp ủy chủ trì) với 120 "
        "lượt người dân tham dự; nhân dân nêu 3 ý kiến, kiến nghị, trong đó 2 ý kiến được trả lời trực tiếp tại "
        "hội nghị." in text
    )
    assert (
        "Về thông báo cho nhân dân trước hội nghị: 1 hội nghị thông báo trước dưới 7 ngày (Đảng ủy xã Long Thuận "
        "ngày 10/3/2026, trước 5 ngày)." in text
    )
    assert "Đến ngày 31/3/2026, các hội nghị đều đã công khai kết quả đối thoại." in text
    assert (
        "người chủ trì đã cam kết giải quyết 3 nội dung; đến ngày 31/3/2026 đã thực hiện xong 1 nội dung (33,3%), "
        "đang thực hiện 2 nội dung, trong đó 1 nội dung quá hạn." in text
    )
    assert (
        "Đến ngày 31/3/2026, toàn xã còn 2 cam kết quá hạn chưa thực hiện xong, gồm cả cam kết tại các hội nghị "
        "đối thoại trước kỳ báo cáo:" in text
    )
    rows = table_with(word, "STT", "Nội dung cam kết")
    assert [r[1:] for r in rows[1:]] == [
        ["Lắp đèn chiếu sáng tuyến đường ven kênh", "Đảng ủy xã Long Thuận, 15/11/2025", "UBND xã Long Thuận",
         "31/12/2025", "90"],
        ["Chi trả dứt điểm tiền bồi thường còn lại", "Đảng ủy xã Long Thuận, 10/3/2026", "UBND xã Long Thuận",
         "20/3/2026", "11"],
    ]  # fmt: skip
    assert meeting_reports.ASSESSMENT_HINT in text and meeting_reports.PROPOSALS_HINT in text


def test_the_figures_in_the_word_file_are_the_databases(client, cast, quarter):
    client.force_login(cast.admin)
    word = download(client, RECEPTION, don_vi=cast.province.pk, ky="quy-1", nam=2026)
    start, end = D(2026, 1, 1), D(2026, 3, 31)
    receptions = Reception.objects.filter(day__range=(start, end))
    held = receptions.filter(status=ReceptionStatus.HELD)

    units = table_with(word, "STT", "Đơn vị", "Buổi tiếp định kỳ")
    assert [r[1] for r in units[1:-1]] == [
        "Tỉnh ủy Tây Ninh", "Đảng ủy xã Long Thuận", "Đảng ủy xã Lợi Thuận", "Đảng ủy xã Tân Lập"
    ]  # fmt: skip
    for row in units[1:-1]:
        mine = held.filter(unit__name=row[1])
        assert int(row[2]) == mine.filter(kind=ReceptionKind.REGULAR).count(), row
        assert int(row[3]) == mine.filter(kind=ReceptionKind.UNSCHEDULED).count(), row
        assert int(row[4]) == mine.order_by().values("day").distinct().count(), row
    assert units[1][5:] == ["3", "Không"] and units[4][5:] == ["6", "Không"]
    assert units[2][5:] == ["6", "2"] and units[3][5:] == ["6", "2, 3"]
    assert units[-1] == ["", "Tổng cộng", str(held.filter(kind=ReceptionKind.REGULAR).count()),
                         str(held.filter(kind=ReceptionKind.UNSCHEDULED).count()), "17", "21", "2 đơn vị"]  # fmt: skip
    bold = {r.cells[1].text: all(run.bold for run in r.cells[1].paragraphs[0].runs)
            for r in next(t for t in word.tables if t.rows[0].cells[1].text == "Đơn vị").rows[1:-1]}  # fmt: skip
    assert bold == {"Tỉnh ủy Tây Ninh": False, "Đảng ủy xã Long Thuận": True, "Đảng ủy xã Lợi Thuận": True,
                    "Đảng ủy xã Tân Lập": False}  # fmt: skip
    text = text_of(word)
    assert (
        "Đối chiếu với số ngày tiếp công dân tối thiểu mỗi tháng theo quy định (cấp tỉnh 1 ngày, cấp xã 2 ngày), 2/4 "
        "đơn vị đã tổ chức đủ; 2 đơn vị chưa đủ (số ngày đã tiếp/số ngày tối thiểu): Đảng ủy xã Long Thuận tháng 2 "
        "(1/2); Đảng ủy xã Lợi Thuận tháng 2 (0/2), tháng 3 (1/2)." in text
    )
    sessions = held.count()
    assert f"người đứng đầu cấp ủy các cấp trong toàn tỉnh đã tiếp công dân {sessions} buổi" in text

    cases = ReceptionCase.objects.filter(reception__day__range=(start, end))
    rows = table_with(word, "STT", "Loại vụ việc")
    for row in rows[1:-1]:
        mine = cases.filter(case_type=CaseType(next(v for v, label in CaseType.choices if label == row[1])))
        settled = mine.filter(settled_on__lte=end)
        late = mine.filter(Q(settled_on__isnull=True) | Q(settled_on__gt=end), deadline__lt=end)
        expected = [mine.count(), mine.aggregate(n=Sum("people"))["n"] or 0, settled.count(),
                    mine.count() - settled.count(), late.count()]  # fmt: skip
        assert [int(c) for c in row[2:]] == expected, row
    assert rows[-1][1:] == ["Tổng cộng", str(cases.count()), str(cases.aggregate(n=Sum("people"))["n"]), "3", "4", "2"]

    dialogues = Dialogue.objects.filter(day__range=(start, end))
    issues = DialogueIssue.objects.filter(dialogue__in=dialogues)
    participants = dialogues.aggregate(n=Sum("participants"))["n"]
    assert (
        f"toàn tỉnh tổ chức {dialogues.count()} hội nghị đối thoại với nhân dân (2 hội nghị do bí thư cấp ủy chủ "
        f"trì, 1 hội nghị do chủ tịch Ủy ban nhân dân chủ trì) với {participants} lượt người dân tham dự (1 hội nghị "
        f"chưa ghi số người tham dự); nhân dân nêu {issues.count()} ý kiến, kiến nghị, trong đó "
        f"{issues.exclude(answer='').count()} ý kiến được trả lời" in text
    )
    assert (
        "Về thông báo cho nhân dân trước hội nghị: 1 hội nghị thông báo trước từ 7 ngày trở lên; 1 hội nghị thông "
        "báo trước dưới 7 ngày (Đảng ủy xã Long Thuận ngày 10/3/2026, trước 5 ngày); 1 hội nghị chưa ghi ngày "
        "thông báo (Đảng ủy xã Tân Lập ngày 2/3/2026)." in text
    )
    assert (
        "Đến ngày 31/3/2026, 2 hội nghị đã công khai kết quả đối thoại; 1 hội nghị chưa công khai (Đảng ủy xã Lợi "
        "Thuận ngày 20/2/2026)." in text
    )
    made = Commitment.objects.filter(dialogue__in=dialogues)
    done = made.filter(done_on__lte=end).count()
    assert f"cam kết giải quyết {made.count()} nội dung; đến ngày 31/3/2026 đã thực hiện xong {done} nội dung" in text
    overdue = Commitment.objects.filter(done_on__isnull=True, deadline__lt=end).order_by("deadline")
    listed = table_with(word, "STT", "Nội dung cam kết")[1:]
    assert [r[1] for r in listed] == [c.content for c in overdue]
    assert [r[3:] for r in listed] == [[c.responsible, f"{c.deadline.day}/{c.deadline.month}/{c.deadline.year}",
                                        str((end - c.deadline).days)] for c in overdue]  # fmt: skip
    assert listed[0][2] == "Huyện ủy Bến Cầu, 15/5/2025"  # the ended district's promise is still owed
    assert f"toàn tỉnh còn {overdue.count()} cam kết quá hạn chưa thực hiện xong" in text
    # Dated later, the late answers are in and the overdue ones have waited longer.
    word = download(client, RECEPTION, don_vi=cast.province.pk, ky="quy-1", nam=2026, ngay="10/4/2026")
    assert table_with(word, "STT", "Loại vụ việc")[-1][4:] == ["4", "3", "1"]
    assert [r[5] for r in table_with(word, "STT", "Nội dung cam kết")[1:]] == ["284", "100", "31", "21"]


def test_the_rule_follows_the_reform_in_2025(cast):
    admin = cast.admin
    for day in (D(2025, 1, 10), D(2025, 2, 10), D(2025, 3, 10)):
        make_reception(admin, cast.d1, day=day)
    year = data(admin, cast.province, "nam", 2025)
    rows = {u.unit.name: u for u in year.units}
    assert list(rows) == [
        "Tỉnh ủy Tây Ninh", "Huyện ủy Bến Cầu", "Đảng ủy xã Long Thuận", "Đảng ủy xã Lợi Thuận",
        "Huyện ủy Tân Biên", "Đảng ủy xã Tân Lập",
    ]  # fmt: skip
    assert [m for m, *_ in rows["Huyện ủy Bến Cầu"].short] == [1, 2, 3, 4, 5, 6]
    assert rows["Huyện ủy Bến Cầu"].required == 12 and rows["Đảng ủy xã Long Thuận"].required == 12
    assert (
        meeting_reports._minimums(year)
        == "cấp tỉnh 1 ngày, cấp huyện 2 ngày (đến 30/6/2025), cấp xã 2 ngày (từ 1/7/2025)"
    )
    # A commune before the reform had no monthly minimum.
    assert data(admin, cast.c1, "6-thang", 2025).units[0].required is None
    assert "không có đơn vị thuộc diện áp dụng" in meeting_reports._rule_sentence(data(admin, cast.c1, "thang-5", 2025))


def test_a_large_area_has_its_units_table_as_an_annex(cast, quarter, monkeypatch):
    monkeypatch.setattr(meeting_reports, "UNIT_TABLE_LIMIT", 3)
    document = meeting_reports.meeting_document(data(cast.admin, cast.province))
    word = reopen(render_docx(document))
    text = text_of(word)
    assert "Số buổi, số ngày tiếp công dân của từng đơn vị tại phụ lục kèm theo." in text
    assert "SỐ BUỔI, SỐ NGÀY TIẾP CÔNG DÂN CỦA NGƯỜI ĐỨNG ĐẦU CẤP ỦY QUÝ I NĂM 2026" in text
    assert "ngày 31 tháng 3 năm 2026 của Ban Tuyên giáo và Dân vận Tỉnh ủy Tây Ninh)" in text
    assert table_with(word, "STT", "Đơn vị")[-1][1] == "Tổng cộng"


def test_an_empty_period_says_so(client, cast):
    client.force_login(cast.c2_officer)
    word = download(client, RECEPTION, don_vi=cast.c2.pk, ky="thang-2", nam=2026)
    text = text_of(word)
    assert "Trong tháng 2 năm 2026, toàn xã chưa tổ chức buổi tiếp công dân nào của người đứng đầu cấp ủy." in text
    assert (
        "Đảng ủy xã Lợi Thuận chưa tổ chức đủ số ngày tiếp công dân (số ngày đã tiếp/số ngày tối thiểu): "
        "tháng 2 (0/2)." in text
    )
    assert "Trong kỳ, qua tiếp công dân không tiếp nhận vụ việc nào." in text
    assert "Trong tháng 2 năm 2026, toàn xã không tổ chức hội nghị đối thoại với nhân dân." in text
    assert "Đến ngày 28/2/2026, toàn xã không có cam kết nào quá hạn chưa thực hiện." in text
    assert not word.tables[1:-1]  # only the header and the closing


# --- The page, its parameters and the user's scope ---------------------------------------------------


@pytest.mark.parametrize(
    ("params", "message"),
    [
        ({"ky": "thang-13", "nam": "2026"}, "Tháng 13 không có: tháng phải từ 1 đến 12."),
        ({"ky": "quy-7", "nam": "2026"}, "Quý 7 không có: quý phải từ I đến IV."),
        ({"ky": "tuan-1", "nam": "2026"}, "Kỳ báo cáo “tuan-1” không có"),
        ({"ky": "thang-3", "nam": "1999"}, "Năm “1999” không hợp lệ"),
        ({"ky": "thang-3", "nam": "x"}, "Năm “x” không hợp lệ"),
        ({"ky": "thang-3", "nam": "2026", "don_vi": "x"}, MSG_UNIT),
        ({"ky": "thang-3", "nam": "2026", "don_vi": "D1"}, "Huyện ủy Bến Cầu không hoạt động trong tháng 3 năm 2026"),
        ({"ky": "thang-3", "nam": "2026", "ngay": "20/2/2026"}, "Ngày báo cáo phải từ ngày 1/3/2026"),
        ({"ky": "thang-3", "nam": "2026", "ngay": "31/02/2026"}, "Ngày không hợp lệ"),
        ({"ky": "thang-3", "nam": "2026", "ngay": "01/01/2099"}, "Ngày báo cáo 1/1/2099 chưa đến."),
    ],
)
def test_bad_parameters_come_back_on_the_page(client, cast, params, message):
    client.force_login(cast.d1_officer)
    if params.get("don_vi") == "D1":
        params = params | {"don_vi": cast.d1.pk}
    for response in (client.get(RECEPTION, params), client.post(RECEPTION, params)):
        assert response.status_code == 200 and response["Content-Type"].startswith("text/html")
        assert message in response.content.decode()


@pytest.mark.parametrize("who", ["c1_officer", "c2_officer", "d2_officer", "d1_officer"])
def test_a_unit_outside_the_users_scope_gives_nothing(client, cast, quarter, who):
    """Asking for a unit one may not see is refused on the page, whichever unit; nothing of it leaks."""
    client.force_login(getattr(cast, who))
    seen = {"c1_officer": {"c1"}, "c2_officer": {"c2"}, "d2_officer": {"c3"}, "d1_officer": {"c1", "c2"}}[who]
    for name in ("province", "c1", "c2", "c3"):
        response = client.get(RECEPTION, {"don_vi": getattr(cast, name).pk, "ky": "quy-1", "nam": "2026"})
        assert response.status_code == 200
        if name in seen:
            assert response["Content-Type"] == DOCX, page_errors(response)
        else:
            assert response["Content-Type"].startswith("text/html") and MSG_UNIT in response.content.decode()
            assert "Chi trả dứt điểm" not in response.content.decode()


def test_the_page_without_a_scope_and_without_a_login(client, cast):
    assert client.get(RECEPTION).status_code == 302  # to the login page
    client.force_login(cast.outsider)
    for response in (client.get(RECEPTION), client.post(RECEPTION, {"ky": "quy-1", "nam": "2026"})):
        assert response.status_code == 200 and MSG_NO_SCOPE in response.content.decode()


def test_the_page_offers_the_report_and_the_clerks_text_goes_into_it(client, cast, quarter):
    client.force_login(cast.c1_officer)
    page = client.get(PAGE).content.decode()
    assert 'formaction="/du-luan/bao-cao/tiep-cong-dan/"' in page
    assert 'name="tcd_danh_gia"' in page and 'name="tcd_de_xuat"' in page
    response = client.post(
        RECEPTION,
        {
            "don_vi": cast.c1.pk, "ky": "quy-1", "nam": "2026", "ngay": "03/04/2026",
            "nhan_dinh": "Tình hình tư tưởng nhân dân ổn định.",
            "tcd_danh_gia": "Người đứng đầu cấp ủy tiếp công dân đúng lịch.\r\n\r\nCòn tháng 2 chưa đủ\x0b số ngày.",
            "tcd_de_xuat": "Đề nghị UBND xã chi trả dứt điểm tiền bồi thường.",
        },
    )  # fmt: skip
    assert response.status_code == 200 and response["Content-Type"] == DOCX, page_errors(response)
    assert response["Content-Disposition"] == 'attachment; filename="bao-cao-tiep-cong-dan-doi-thoai-quy-1-2026.docx"'
    text = text_of(reopen(response.content))
    assert "Người đứng đầu cấp ủy tiếp công dân đúng lịch.\nCòn tháng 2 chưa đủ số ngày." in text
    assert "Đề nghị UBND xã chi trả dứt điểm tiền bồi thường." in text
    assert "Tình hình tư tưởng nhân dân ổn định." not in text  # the opinion report's box
    assert meeting_reports.ASSESSMENT_HINT not in text and meeting_reports.PROPOSALS_HINT not in text
    assert "(số liệu tính từ ngày 1/1/2026 đến ngày 31/3/2026)" in text and "Đến ngày 3/4/2026" in text


def test_a_missing_format_profile_is_said_on_the_page(client, cast):
    from danvan.documents.models import FormatProfile

    FormatProfile.objects.all().delete()
    client.force_login(cast.c1_officer)
    response = client.get(RECEPTION, {"ky": "thang-5", "nam": "2025"})
    assert response.status_code == 200
    assert "Chưa có thể thức văn bản (thể thức văn bản của đảng) áp dụng cho ngày" in response.content.decode()


# --- To look at -----------------------------------------------------------------------------------


def test_the_report_is_rendered_to_look_at(cast, quarter):
    """The province's first quarter, dated 3/4/2026: docx, PDF and PNG pages."""
    period = parse_period("quy-1", 2026)
    found = meeting_reports.meeting_data(cast.admin, cast.province, period, D(2026, 4, 3))
    document = meeting_reports.meeting_document(
        found,
        "Người đứng đầu cấp ủy các cấp cơ bản thực hiện nghiêm lịch tiếp công dân định kỳ; các vụ việc được tiếp "
        "nhận, phân công giải quyết kịp thời.\nMột số đảng ủy xã chưa tổ chức đủ số ngày tiếp công dân theo quy "
        "định; một số cam kết tại hội nghị đối thoại còn chậm thực hiện.",
        "Đề nghị Ủy ban nhân dân các xã khẩn trương thực hiện các cam kết quá hạn và thông tin kết quả cho nhân dân.",
    )
    content = render_docx(document)
    folder = artifacts()
    name = "bao-cao-tiep-cong-dan-quy-1"
    (folder / f"{name}.docx").write_bytes(content)
    assert body(reopen(content))[:2] == [
        "BÁO CÁO", "Kết quả công tác tiếp công dân, đối thoại với nhân dân quý I năm 2026"
    ]  # fmt: skip
    pdf = docx_to_pdf(content)
    pdftoppm = shutil.which("pdftoppm")
    if pdf is None or pdftoppm is None:
        return  # no LibreOffice or poppler here: the .docx file is still there
    (folder / f"{name}.pdf").write_bytes(pdf)
    subprocess.run([pdftoppm, "-png", "-r", "60", str(folder / f"{name}.pdf"), str(folder / name)], check=True)
    assert (folder / f"{name}-1.png").exists()
