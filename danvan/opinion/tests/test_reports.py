"""The opinion reports: periods and their boundaries, the area a report covers, merged cases counted once,
the figures in the Word files (reopened with python-docx) against counts taken from the database, the
answers report's overdue marking, the quick report's scope, and the page's messages for bad parameters.
The documents are also rendered to PDF and PNG under test-artifacts/opinion/ to be looked at."""

from __future__ import annotations

import datetime as dt
import io
import os
import re
import shutil
import subprocess
from pathlib import Path

import docx
import pytest
from django.db.models import Count, Q
from django.urls import reverse

from danvan.documents.docx import render_docx
from danvan.documents.pdf import docx_to_pdf
from danvan.documents.spec import Paragraph
from danvan.opinion import reports, services
from danvan.opinion.choices import Intensity, Platform, Source, Tendency
from danvan.opinion.models import OpinionItem
from danvan.opinion.tests.conftest import make_collaborator, make_item, topic
from danvan.opinion.views.reports import MSG_NO_SCOPE, MSG_UNIT

pytestmark = pytest.mark.django_db

SITUATION = reverse("opinion:situation-report")
FEEDBACK = reverse("opinion:feedback-report")
PAGE = reverse("opinion:reports")
DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


def reopen(content: bytes) -> docx.document.Document:
    return docx.Document(io.BytesIO(content))


def body(word) -> list[str]:
    return [p.text for p in word.paragraphs if p.text]


def text_of(word) -> str:
    return "\n".join(body(word))


def table_with(word, *titles: str) -> list[list[str]]:
    """The rows (as text) of the table whose header starts with `titles`."""
    for table in word.tables:
        cells = [[c.text for c in row.cells] for row in table.rows]
        if cells and cells[0][: len(titles)] == list(titles):
            return cells
    raise AssertionError(f"no table headed {titles}")


def header(word) -> tuple[list[str], list[str]]:
    left, right = word.tables[0].rows[0].cells
    return [p.text for p in left.paragraphs if p.text], [p.text for p in right.paragraphs if p.text]


def closing(word) -> tuple[list[str], list[str]]:
    recipients, signature = word.tables[-1].rows[0].cells
    return [p.text for p in recipients.paragraphs if p.text], [p.text for p in signature.paragraphs if p.text]


def page_errors(response) -> list[str]:
    """The messages the page shows instead of a document."""
    page = response.content.decode()
    found = re.findall(r'<div class="(?:invalid-feedback d-block|fw-semibold)">([^<]*)</div>', page)
    return found or [page[:500]]


def download(client, url: str, **params):
    response = client.get(url, params)
    assert response.status_code == 200
    assert response["Content-Type"] == DOCX, page_errors(response)
    return reopen(response.content)


def forward(user, item, on, due, answer=None, answered_on=None):
    item = services.take_step(user, item, "forward", forwarded_to="UBND xã Long Thuận", forwarded_on=on, answer_due=due)
    if answer:
        item = services.take_step(user, item, "answer", answer=answer, answered_on=answered_on)
    return item


# --- Periods --------------------------------------------------------------------------------------


def test_periods_and_their_bounds():
    march = reports.parse_period("thang-3", 2026)
    assert (march.start, march.end, march.label) == (dt.date(2026, 3, 1), dt.date(2026, 3, 31), "tháng 3 năm 2026")
    assert reports.parse_period("thang-2", 2024).end == dt.date(2024, 2, 29)
    q1 = reports.parse_period("quy-1", 2026)
    assert (q1.start, q1.end, q1.label) == (dt.date(2026, 1, 1), dt.date(2026, 3, 31), "quý I năm 2026")
    assert reports.parse_period("quy-4", 2026).start == dt.date(2026, 10, 1)
    half = reports.parse_period("6-thang", 2026)
    assert (half.end, half.label) == (dt.date(2026, 6, 30), "6 tháng đầu năm 2026")
    nine = reports.parse_period("9-thang", 2026)
    assert (nine.end, nine.label) == (dt.date(2026, 9, 30), "9 tháng đầu năm 2026")
    year = reports.parse_period("nam", 2026)
    assert (year.start, year.end, year.label) == (dt.date(2026, 1, 1), dt.date(2026, 12, 31), "năm 2026")
    assert [m.code for m in q1.months()] == ["thang-1", "thang-2", "thang-3"]
    for code, message in [
        ("thang-13", "Tháng 13 không có: tháng phải từ 1 đến 12."),
        ("thang-0", "Tháng 0 không có"),
        ("quy-5", "Quý 5 không có: quý phải từ I đến IV."),
        ("tuan-2", "Kỳ báo cáo “tuan-2” không có"),
        ("", "Kỳ báo cáo “” không có"),
    ]:
        with pytest.raises(reports.PeriodError, match=message):
            reports.parse_period(code, 2026)


def test_every_boundary_day_falls_in_its_period_and_rollups_are_sums_of_months(cast):
    days = [
        dt.date(2025, 12, 31),  # the year before
        dt.date(2026, 1, 1),
        dt.date(2026, 1, 31),
        dt.date(2026, 2, 1),
        dt.date(2026, 3, 31),
        dt.date(2026, 4, 1),
        dt.date(2026, 6, 30),
        dt.date(2026, 7, 1),
        dt.date(2026, 9, 30),
        dt.date(2026, 10, 1),
        dt.date(2026, 11, 30),
    ]
    for day in days:
        make_item(cast.c1_officer, cast.c1, noted_on=day)
    expected = {"thang-1": 2, "thang-2": 1, "thang-3": 1, "thang-4": 1, "thang-12": 0, "quy-1": 4, "quy-2": 2,
                "quy-3": 2, "quy-4": 2, "6-thang": 6, "9-thang": 8, "nam": 10}  # fmt: skip
    found = {}
    for code in expected:
        period = reports.parse_period(code, 2026)
        found[code] = reports.situation_data(cast.admin, cast.c1, period, period.end).cases
    assert found == expected
    for code in ("quy-1", "quy-2", "quy-3", "quy-4", "6-thang", "9-thang", "nam"):
        period = reports.parse_period(code, 2026)
        months = sum(reports.situation_data(cast.admin, cast.c1, m, m.end).cases for m in period.months())
        assert months == found[code], code
    december_2025 = reports.parse_period("thang-12", 2025)
    assert reports.situation_data(cast.admin, cast.c1, december_2025, december_2025.end).cases == 1
    # A report dated inside its period counts up to its date.
    march = reports.parse_period("thang-3", 2026)
    assert (
        reports.situation_data(cast.admin, cast.c1, reports.parse_period("quy-1", 2026), dt.date(2026, 3, 30)).cases
        == 3
    )
    assert reports.situation_data(cast.admin, cast.c1, march, dt.date(2026, 3, 30)).last == dt.date(2026, 3, 30)


# --- The area a report covers ---------------------------------------------------------------------


@pytest.fixture
def spread(cast):
    """One item in each unit of the cast in May 2025 (the districts still existed), two in C1."""
    day = dt.date(2025, 5, 12)
    items = {
        "province": make_item(cast.admin, cast.province, place=cast.c3, noted_on=day),
        "d1": make_item(cast.d1_officer, cast.d1, place=cast.c2, noted_on=day),
        "d2": make_item(cast.d2_officer, cast.d2, noted_on=day),
        "c1": make_item(cast.c1_officer, cast.c1, noted_on=day, topic=topic("y-te-giao-duc")),
        "c1b": make_item(cast.c1_officer, cast.c1, noted_on=day, tendency=Tendency.AGREE),
        "c2": make_item(cast.c2_officer, cast.c2, noted_on=day),
        "c3": make_item(cast.d2_officer, cast.c3, noted_on=day),
    }
    return items


def test_a_report_covers_its_units_subtree_only(cast, spread):
    may = reports.parse_period("thang-5", 2025)
    count = {name: reports.situation_data(cast.admin, getattr(cast, name), may, may.end).cases
             for name in ("province", "d1", "d2", "c1", "c2", "c3")}  # fmt: skip
    assert count == {"province": 7, "d1": 4, "d2": 2, "c1": 2, "c2": 1, "c3": 1}
    # What the user may not see is not counted, whichever unit is asked for.
    assert reports.situation_data(cast.c1_officer, cast.c1, may, may.end).cases == 2
    assert reports.situation_data(cast.c1_officer, cast.d1, may, may.end).cases == 2
    assert reports.situation_data(cast.c2_officer, cast.province, may, may.end).cases == 1


def test_a_communes_report_in_word_shows_only_its_items(client, cast, spread):
    spread["c1"].summary = "Phụ huynh xã Long Thuận phản ánh thu tiền học thêm"
    services.save_item(cast.c1_officer, spread["c1"])
    client.force_login(cast.d1_officer)
    word = download(client, SITUATION, don_vi=cast.c1.pk, ky="thang-5", nam=2025)
    text = text_of(word)
    assert "Trong tháng 5 năm 2025, toàn xã ghi nhận 2 vụ việc, vấn đề dư luận xã hội" in text
    rows = table_with(word, "STT", "Lĩnh vực")
    assert rows[-1][1:3] == ["Tổng cộng", "2"]
    assert [r[1:3] for r in rows[1:-1] if r[2] != "0"] == [["Đất đai, môi trường", "1"], ["Y tế, giáo dục", "1"]]
    left, right = header(word)
    assert left[:2] == ["ĐẢNG BỘ HUYỆN BẾN CẦU", "ĐẢNG ỦY XÃ LONG THUẬN"]
    assert right[-1] == "Long Thuận, ngày 31 tháng 5 năm 2025"
    assert body(word)[:2] == ["BÁO CÁO", "Tình hình nhân dân và dư luận xã hội tháng 5 năm 2025"]
    _, signature = closing(word)
    assert signature[:2] == ["T/M ĐẢNG ỦY", "BÍ THƯ"]
    # The district's report of the same month, issued by its commission, counts its communes too.
    word = download(client, SITUATION, don_vi=cast.d1.pk, ky="thang-5", nam=2025)
    assert header(word)[0][:2] == ["HUYỆN ỦY BẾN CẦU", "BAN TUYÊN GIÁO VÀ DÂN VẬN"]
    assert "toàn huyện ghi nhận 4 vụ việc" in text_of(word)


# --- Merged cases ----------------------------------------------------------------------------------


def test_a_merged_case_counts_once_with_its_reports(client, cast):
    day = dt.date(2026, 3, 10)
    case = make_item(cast.c1_officer, cast.c1, noted_on=day, hot_spot=True, intensity=Intensity.HIGH,
                     summary="Hàng chục hộ dân phản đối trại heo gây ô nhiễm", people_involved=40)  # fmt: skip
    front = make_item(cast.c1_officer, cast.c1, noted_on=dt.date(2026, 3, 12), source=Source.FRONT,
                      source_detail="Hội Nông dân xã")  # fmt: skip
    web = make_item(cast.c1_officer, cast.c1, noted_on=dt.date(2026, 3, 13), source=Source.CYBERSPACE,
                    platform=Platform.FACEBOOK, link="https://facebook.com/groups/x/posts/1", reach=12500)  # fmt: skip
    make_item(cast.c1_officer, cast.c1, noted_on=dt.date(2026, 3, 20), tendency=Tendency.AGREE)
    services.merge(cast.c1_officer, case, [front, web])
    march = reports.parse_period("thang-3", 2026)
    data = reports.situation_data(cast.c1_officer, cast.c1, march, march.end)
    assert (data.cases, data.reports, data.multi_source, data.hot_spots) == (2, 4, 1, 1)
    assert OpinionItem.objects.filter(unit=cast.c1, noted_on__month=3).count() == 4
    sources = {row.label: (row.reports, row.cases) for row in data.sources}
    assert sources["Giao ban, sinh hoạt định kỳ"] == (2, 2)
    assert sources["Mặt trận, đoàn thể"] == (1, 1)
    assert sources["Không gian mạng"] == (1, 1)
    assert [n.case.pk for n in data.notable] == [case.pk] and len(data.notable[0].reports) == 2

    client.force_login(cast.c1_officer)
    word = download(client, SITUATION, don_vi=cast.c1.pk, ky="thang-3", nam=2026)
    text = text_of(word)
    assert (
        "Trong tháng 3 năm 2026, toàn xã ghi nhận 2 vụ việc, vấn đề dư luận xã hội, tổng hợp từ 4 lượt phản ánh "
        "(1 vụ việc được phản ánh từ nhiều nguồn); trong đó có 1 điểm nóng, vụ việc phức tạp." in text
    )
    assert (
        "Trên không gian mạng có 1 lượt thông tin (Facebook 1 lượt), tổng số lượt tiếp cận, tương tác 12.500." in text
    )
    assert "vụ việc được phản ánh 3 lượt" in text and "Mặt trận, đoàn thể (Hội Nông dân xã)" in text
    assert table_with(word, "STT", "Nguồn thông tin")[-1][1:] == ["Tổng cộng", "4", "2"]
    assert table_with(word, "STT", "Lĩnh vực")[-1][1:] == ["Tổng cộng", "2", "1", "1", "0", "1"]
    # The quick report on a merged report speaks of its case.
    word = download(client, SITUATION, vu_viec=web.pk)
    text = text_of(word)
    assert body(word)[:2] == ["BÁO CÁO NHANH", "Vụ việc liên quan đến đất đai, môi trường tại xã Long Thuận"]
    assert "Hàng chục hộ dân phản đối trại heo gây ô nhiễm." in text
    assert "- Vụ việc được phản ánh 3 lượt; ngoài thông tin trên còn có các lượt sau:" in text
    assert "+ Ngày 13/3/2026, Không gian mạng (Facebook, 12.500 lượt tiếp cận, tương tác)" in text
    assert "Chiều hướng dư luận: không đồng tình; mức độ: bức xúc, lan rộng; điểm nóng, vụ việc phức tạp." in text


# --- Figures in the Word file against the database -------------------------------------------------


@pytest.fixture
def quarter(cast):
    """A first quarter of 2026 in C1 and C2, with every tendency, three fields, sources and hot spots."""
    plan = [
        ("c1", dt.date(2026, 1, 5), "dat-dai-moi-truong", Tendency.DISAGREE, Source.BRIEFING, True),
        ("c1", dt.date(2026, 1, 20), "dat-dai-moi-truong", Tendency.UNSURE, Source.PRESS, False),
        ("c1", dt.date(2026, 2, 3), "y-te-giao-duc", Tendency.AGREE, Source.RECEPTION, False),
        ("c1", dt.date(2026, 2, 27), "an-ninh-trat-tu", Tendency.DISAGREE, Source.FRONT, True),
        ("c2", dt.date(2026, 3, 2), "y-te-giao-duc", Tendency.AGREE, Source.BRIEFING, False),
        ("c2", dt.date(2026, 3, 30), "dat-dai-moi-truong", Tendency.DISAGREE, Source.OTHER, False),
        ("c2", dt.date(2026, 4, 2), "dat-dai-moi-truong", Tendency.DISAGREE, Source.OTHER, False),  # next quarter
    ]
    made = []
    for unit, day, code, tendency, source, hot in plan:
        user = getattr(cast, f"{unit}_officer")
        intensity = Intensity.MEDIUM if hot else Intensity.LOW
        made.append(make_item(user, getattr(cast, unit), noted_on=day, topic=topic(code), tendency=tendency,
                              source=source, hot_spot=hot, intensity=intensity))  # fmt: skip
    services.merge(cast.c1_officer, made[0], [made[1]])  # the press article is the same matter
    return made


def test_the_figures_in_the_word_file_are_the_databases(client, cast, quarter):
    client.force_login(cast.admin)
    word = download(client, SITUATION, don_vi=cast.province.pk, ky="quy-1", nam=2026)
    cases = OpinionItem.objects.restrict(cast.admin).cases().filter(noted_on__range=("2026-01-01", "2026-03-31"))
    by_topic = dict(cases.values_list("topic__name").annotate(n=Count("id")))
    rows = table_with(word, "STT", "Lĩnh vực", "Số vụ việc")
    assert {r[1]: int(r[2]) for r in rows[1:-1] if r[2] != "0"} == by_topic
    for row in rows[1:-1]:
        topic_cases = cases.filter(topic__name=row[1])
        assert int(row[3]) == topic_cases.filter(tendency=Tendency.AGREE).count()
        assert int(row[4]) == topic_cases.filter(tendency=Tendency.DISAGREE).count()
        assert int(row[5]) == topic_cases.filter(tendency=Tendency.UNSURE).count()
        assert int(row[6]) == topic_cases.filter(hot_spot=True).count()
    assert rows[-1][2] == str(cases.count()) == "5"
    reports_ = OpinionItem.objects.restrict(cast.admin).filter(Q(pk__in=cases) | Q(case__in=cases))
    sources = table_with(word, "STT", "Nguồn thông tin")
    for row in sources[1:-1]:
        value = next(v for v, label in Source.choices if label == row[1])
        assert int(row[2]) == reports_.filter(source=value).count(), row
    assert sources[-1][2:] == [str(reports_.count()), str(cases.count())] == ["6", "5"]
    text = text_of(word)
    disagree = cases.filter(tendency=Tendency.DISAGREE).count()
    assert f"không đồng tình {disagree} vụ việc (60,0%)" in text and disagree == 3
    assert f"trong đó có {cases.filter(hot_spot=True).count()} điểm nóng" in text
    assert "BAN TUYÊN GIÁO VÀ DÂN VẬN" in header(word)[0]


# --- Proposals and answers -------------------------------------------------------------------------


@pytest.fixture
def proposals(cast):
    """March 2026 in C1: answered in time, overdue, not yet due, answered after the report's date."""

    def item(day, text):
        return make_item(cast.c1_officer, cast.c1, noted_on=day, proposal=text)

    answered = forward(cast.c1_officer, item(dt.date(2026, 3, 2), "Kiểm tra xử lý chất thải trại heo"),
                       dt.date(2026, 3, 3), dt.date(2026, 3, 18),
                       "Đã yêu cầu trại heo xử lý", dt.date(2026, 3, 16))  # fmt: skip
    overdue = forward(cast.c1_officer, item(dt.date(2026, 3, 4), "Sửa chữa đường giao thông nông thôn ấp 3"),
                      dt.date(2026, 3, 5), dt.date(2026, 3, 20))  # fmt: skip
    waiting = forward(cast.c1_officer, item(dt.date(2026, 3, 27), "Lắp đèn chiếu sáng tuyến đường ven kênh"),
                      dt.date(2026, 3, 28), dt.date(2026, 4, 12))  # fmt: skip
    late_answer = forward(cast.c1_officer, item(dt.date(2026, 3, 6), "Giải quyết dứt điểm tranh chấp đất ranh"),
                          dt.date(2026, 3, 9), dt.date(2026, 3, 30),
                          "Đã hòa giải thành", dt.date(2026, 4, 5))  # fmt: skip
    february = forward(cast.c1_officer, item(dt.date(2026, 2, 10), "Nạo vét kênh tiêu"),
                       dt.date(2026, 2, 11), dt.date(2026, 2, 26))  # fmt: skip
    return {"answered": answered, "overdue": overdue, "waiting": waiting, "late": late_answer, "feb": february}


def test_the_answers_report_marks_overdue_proposals_on_its_date(client, cast, proposals):
    client.force_login(cast.c1_officer)
    word = download(client, FEEDBACK, don_vi=cast.c1.pk, ky="thang-3", nam=2026)
    rows = table_with(word, "STT", "Nội dung đề xuất, kiến nghị")
    results = {r[1].split(" (")[0]: r[2:] for r in rows[1:]}
    assert results == {
        "Kiểm tra xử lý chất thải trại heo": ["UBND xã Long Thuận", "3/3/2026", "18/3/2026",
                                              "Ngày 16/3/2026: Đã yêu cầu trại heo xử lý."],
        "Sửa chữa đường giao thông nông thôn ấp 3": ["UBND xã Long Thuận", "5/3/2026", "20/3/2026",
                                                     "Chưa trả lời, quá hạn 11 ngày"],
        "Giải quyết dứt điểm tranh chấp đất ranh": ["UBND xã Long Thuận", "9/3/2026", "30/3/2026",
                                                    "Chưa trả lời, quá hạn 1 ngày"],
        "Lắp đèn chiếu sáng tuyến đường ven kênh": ["UBND xã Long Thuận", "28/3/2026", "12/4/2026", "Chưa trả lời"],
    }  # fmt: skip
    assert "Nạo vét kênh tiêu" not in "".join(results)  # forwarded in February
    overdue_rows = next(t for t in word.tables if t.rows[0].cells[1].text == "Nội dung đề xuất, kiến nghị").rows
    bold = {row.cells[1].text.split(" (")[0]: all(run.bold for run in row.cells[1].paragraphs[0].runs)
            for row in overdue_rows[1:]}  # fmt: skip
    assert bold["Sửa chữa đường giao thông nông thôn ấp 3"] and not bold["Kiểm tra xử lý chất thải trại heo"]
    by_body = table_with(word, "STT", "Cơ quan tiếp nhận")
    assert by_body[1][1:] == ["UBND xã Long Thuận", "4", "1", "3", "2"]
    text = text_of(word)
    assert (
        "đã chuyển 4 đề xuất, kiến nghị" in text
        and "Đến ngày 31/3/2026: đã trả lời 1 (25,0%), chưa trả lời 3, trong đó quá hạn 2." in text
    )
    assert "(Kèm theo Báo cáo số" in text and "-BC/ĐU, ngày 31 tháng 3 năm 2026 của Đảng ủy xã Long Thuận)" in text
    # Dated later, the late answer is in and the overdue one has waited longer.
    word = download(client, FEEDBACK, don_vi=cast.c1.pk, ky="thang-3", nam=2026, ngay="10/4/2026")
    results = {r[1].split(" (")[0]: r[5] for r in table_with(word, "STT", "Nội dung đề xuất, kiến nghị")[1:]}
    assert results["Giải quyết dứt điểm tranh chấp đất ranh"] == "Ngày 5/4/2026: Đã hòa giải thành."
    assert results["Sửa chữa đường giao thông nông thôn ấp 3"] == "Chưa trả lời, quá hạn 21 ngày"
    # The periodic report says the same, counting the backlog on its date.
    data = reports.situation_data(cast.c1_officer, cast.c1, reports.parse_period("thang-3", 2026), dt.date(2026, 3, 31))
    assert (data.forwarded, data.answered_total, data.pending, data.overdue_total) == (4, 1, 4, 3)
    assert OpinionItem.objects.overdue(dt.date(2026, 3, 31)).count() == 2  # the model's "now", answers counted
    assert [i.pk for i in data.overdue] == [proposals["feb"].pk, proposals["overdue"].pk, proposals["late"].pk]


# --- The quick report and the scope ---------------------------------------------------------------


def test_the_quick_report_needs_the_item_in_scope(client, cast, spread):
    client.force_login(cast.c1_officer)
    assert client.get(SITUATION, {"vu_viec": spread["c3"].pk}).status_code == 404
    assert client.get(SITUATION, {"vu_viec": spread["d1"].pk}).status_code == 404
    assert client.get(SITUATION, {"vu_viec": "abc"}).status_code == 404
    word = download(client, SITUATION, vu_viec=spread["c1"].pk)
    assert body(word)[0] == "BÁO CÁO NHANH"
    assert header(word)[0][1] == "ĐẢNG ỦY XÃ LONG THUẬN"
    text = text_of(word)
    assert "Ngày 12/5/2025, qua giao ban, sinh hoạt định kỳ, Đảng ủy xã Long Thuận nắm được thông tin" in text
    assert reports.QUICK_PROPOSALS_HINT in text and reports.QUICK_ASSESSMENT_HINT in text
    response = client.get(SITUATION, {"vu_viec": spread["c1"].pk, "ngay": "01/5/2025"})
    assert "Ngày báo cáo phải từ ngày ghi nhận vụ việc (12/5/2025) trở đi." in response.content.decode()


# --- The page and its messages --------------------------------------------------------------------


@pytest.mark.parametrize(
    ("params", "message"),
    [
        ({"ky": "thang-13", "nam": "2026"}, "Tháng 13 không có: tháng phải từ 1 đến 12."),
        ({"ky": "quy-7", "nam": "2026"}, "Quý 7 không có: quý phải từ I đến IV."),
        ({"ky": "tuan-1", "nam": "2026"}, "Kỳ báo cáo “tuan-1” không có"),
        ({"ky": "thang-3", "nam": "1999"}, "Năm “1999” không hợp lệ"),
        ({"ky": "thang-3", "nam": "hai"}, "Năm “hai” không hợp lệ"),
        ({"ky": "thang-3", "nam": "2026", "don_vi": "C3"}, MSG_UNIT),
        ({"ky": "thang-3", "nam": "2026", "don_vi": "x"}, MSG_UNIT),
        ({"ky": "thang-3", "nam": "2026", "don_vi": "D1"}, "Huyện ủy Bến Cầu không hoạt động trong tháng 3 năm 2026"),
        ({"ky": "thang-3", "nam": "2026", "ngay": "20/2/2026"}, "Ngày báo cáo phải từ ngày 1/3/2026"),
        ({"ky": "thang-3", "nam": "2026", "ngay": "31/02/2026"}, "Ngày không hợp lệ"),
        ({"ky": "thang-3", "nam": "2026", "ngay": "01/01/2099"}, "Ngày báo cáo 1/1/2099 chưa đến."),
    ],
)
def test_bad_parameters_come_back_on_the_page(client, cast, params, message):
    client.force_login(cast.d1_officer)
    if params.get("don_vi") in ("C3", "D1"):
        params = params | {"don_vi": getattr(cast, params["don_vi"].lower()).pk}
    for url in (SITUATION, FEEDBACK):
        response = client.get(url, params)
        assert response.status_code == 200 and response["Content-Type"].startswith("text/html")
        assert message in response.content.decode(), url


def test_a_period_not_begun_yet_is_refused(client, cast):
    from django.utils import timezone

    today = timezone.localdate()
    client.force_login(cast.c1_officer)
    response = client.get(SITUATION, {"ky": "nam", "nam": str(today.year + 1)})
    assert "Năm “" in response.content.decode()
    if today.month < 12:
        response = client.get(SITUATION, {"ky": f"thang-{today.month + 1}", "nam": str(today.year)})
        assert f"Tháng {today.month + 1} năm {today.year} chưa bắt đầu" in response.content.decode()


def test_the_page_offers_the_form_and_recent_hot_spots(client, cast, spread):
    hot = make_item(cast.c1_officer, cast.c1, noted_on=dt.date(2025, 6, 2), hot_spot=True, summary="Tụ tập đông người")
    client.force_login(cast.c1_officer)
    page = client.get(PAGE).content.decode()
    assert 'action="/du-luan/bao-cao/tinh-hinh/"' in page and 'formaction="/du-luan/bao-cao/phan-hoi/"' in page
    assert "Nhận định chung" in page and "Đề xuất, kiến nghị" in page
    assert f"?vu_viec={hot.pk}" in page and f"?vu_viec={spread['c3'].pk}" not in page
    assert "<script>" not in page.split("</nav>", 1)[1].split("<footer", 1)[0]
    client.force_login(cast.outsider)
    page = client.get(PAGE).content.decode()
    assert MSG_NO_SCOPE in page
    assert MSG_NO_SCOPE in client.get(SITUATION).content.decode()


def test_the_clerks_text_goes_into_the_document(client, cast, spread):
    client.force_login(cast.c1_officer)
    response = client.post(
        SITUATION,
        {
            "don_vi": cast.c1.pk,
            "ky": "thang-5",
            "nam": "2025",
            "nhan_dinh": "Tình hình nhân dân ổn định.\r\n\r\nMột bộ phận băn khoăn về\x0b giá phân bón.",
            "de_xuat": "",
        },
    )
    assert response.status_code == 200 and response["Content-Type"] == DOCX
    text = text_of(reopen(response.content))
    assert "Tình hình nhân dân ổn định.\nMột bộ phận băn khoăn về giá phân bón." in text
    assert reports.PROPOSALS_HINT in text and reports.ASSESSMENT_HINT not in text
    # A link without the page's fields gives the defaults: the user's unit, this month; for the officer
    # of an ended district, the first of its communes that exists today.
    assert client.get(SITUATION)["Content-Type"] == DOCX
    client.force_login(cast.d1_officer)
    response = client.get(SITUATION)
    assert response["Content-Type"] == DOCX, page_errors(response)
    assert header(reopen(response.content))[0][1] == "ĐẢNG ỦY XÃ LONG THUẬN"


def test_a_missing_format_profile_is_said_on_the_page(client, cast, spread):
    from danvan.documents.models import FormatProfile

    FormatProfile.objects.all().delete()
    client.force_login(cast.c1_officer)
    for url, params in [(SITUATION, {"ky": "thang-5", "nam": "2025"}), (FEEDBACK, {"ky": "thang-5", "nam": "2025"}),
                        (SITUATION, {"vu_viec": spread["c1"].pk})]:  # fmt: skip
        response = client.get(url, params)
        assert response.status_code == 200
        assert "Chưa có thể thức văn bản (thể thức văn bản của đảng) áp dụng cho ngày" in response.content.decode()


def test_a_unit_formed_by_merger_reports_on_its_predecessors_area(cast):
    from danvan.org.choices import LineageKind
    from danvan.org.services import record_lineage

    may = reports.parse_period("thang-5", 2025)
    make_item(cast.c2_officer, cast.c2, noted_on=dt.date(2025, 5, 3))
    record_lineage(LineageKind.MERGE, dt.date(2025, 7, 1), [cast.c2], [cast.c1])
    data = reports.situation_data(cast.admin, cast.c1, may, may.end)
    assert data.cases == 1 and [u.pk for u in data.absorbed] == [cast.c2.pk]
    blocks = reports.situation_document(data).blocks
    text = "\n".join(block.text for block in blocks if isinstance(block, Paragraph))
    assert "Số liệu tính trên phạm vi toàn xã, gồm cả Đảng ủy xã Lợi Thuận trước khi hợp nhất." in text


# --- To look at -----------------------------------------------------------------------------------


def artifacts() -> Path:
    folder = Path(os.environ.get("DANVAN_ARTIFACTS", "test-artifacts")) / "opinion"
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def test_the_documents_are_rendered_to_look_at(cast, quarter, proposals):
    """A province's first quarter, its answers report and a quick report: docx, PDF, PNG pages."""
    collaborator = make_collaborator(cast.c1_officer, cast.c1)
    hot = make_item(
        cast.c1_officer, cast.c1, noted_on=dt.date(2026, 3, 14), source=Source.COLLABORATOR,
        collaborator=collaborator, hot_spot=True, intensity=Intensity.HIGH, people_involved=60,
        topic=topic("giai-phong-mat-bang"),
        summary="Khoảng 60 hộ dân ấp Bến Đình tập trung tại trụ sở Ủy ban nhân dân xã, đề nghị xem xét lại đơn giá "
        "bồi thường khi thu hồi đất làm đường tỉnh 786",
        proposal="Đề nghị Ủy ban nhân dân tỉnh chỉ đạo rà soát đơn giá bồi thường, tổ chức đối thoại với người dân",
    )  # fmt: skip
    web = make_item(
        cast.c1_officer, cast.c1, noted_on=dt.date(2026, 3, 15), source=Source.CYBERSPACE,
        platform=Platform.FACEBOOK, link="https://facebook.com/groups/bencau/posts/123", reach=18300,
        summary="Bài viết trên nhóm Facebook “Bến Cầu quê tôi” về việc bồi thường đường tỉnh 786",
    )  # fmt: skip
    services.merge(cast.c1_officer, hot, [web])
    forward(cast.c1_officer, hot, dt.date(2026, 3, 16), dt.date(2026, 3, 31))
    q1, march = reports.parse_period("quy-1", 2026), reports.parse_period("thang-3", 2026)
    day = dt.date(2026, 4, 3)
    data = reports.situation_data(cast.admin, cast.province, q1, day)
    documents = {
        "bao-cao-tinh-hinh-quy-1": reports.situation_document(
            data,
            "Tình hình tư tưởng của nhân dân trong tỉnh cơ bản ổn định, tin tưởng vào sự lãnh đạo của Đảng.\n"
            "Một bộ phận nhân dân ấp Bến Đình còn băn khoăn về đơn giá bồi thường đường tỉnh 786.",
        ),
        "ket-qua-tra-loi-thang-3": reports.feedback_document(
            reports.feedback_rows(cast.admin, cast.province, march, day), cast.province, march, day
        ),
        "bao-cao-nhanh": reports.quick_document(cast.admin, web, dt.date(2026, 3, 16))[0],
    }
    folder = artifacts()
    pdftoppm = shutil.which("pdftoppm")
    for name, document in documents.items():
        content = render_docx(document)
        (folder / f"{name}.docx").write_bytes(content)
        assert body(reopen(content))[0] in ("BÁO CÁO", "BÁO CÁO NHANH")
        pdf = docx_to_pdf(content)
        if pdf is None or pdftoppm is None:
            continue  # no LibreOffice or poppler here: the .docx files are still there
        (folder / f"{name}.pdf").write_bytes(pdf)
        subprocess.run([pdftoppm, "-png", "-r", "60", str(folder / f"{name}.pdf"), str(folder / name)], check=True)
        assert (folder / f"{name}-1.png").exists()
