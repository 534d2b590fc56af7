"""The demo province's review reports for 2021 and 2026, downloaded like a clerk, reopened and held against
each module's own pages and queries for the same scope; rendered to PNG under test-artifacts/review/.

Loading the demo takes about a minute: one test does every check."""

from __future__ import annotations

import datetime as dt
import io
import os
import shutil
import subprocess
from pathlib import Path

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse
from docx import Document as Docx

from danvan.awards.models import Recipient
from danvan.core.vn import format_number
from danvan.demo.build import PASSWORD
from danvan.democracy.models import DemocracyYear
from danvan.documents.pdf import docx_to_pdf
from danvan.documents.services import report_day
from danvan.documents.year_review import Chapter
from danvan.emulation.choices import Status
from danvan.emulation.models import Scorecard
from danvan.opinion.choices import ReceptionStatus
from danvan.opinion.models import OpinionItem, Reception
from danvan.org import areas
from danvan.org.services import default_unit
from danvan.planning.models import KeyTask, Milestone, Supervision
from danvan.review import assemble
from danvan.stats.report_data import Filters, practice_report

pytestmark = pytest.mark.django_db

DVK = "Phong trào thi đua “Dân vận khéo”"
OPINION = "Nắm tình hình nhân dân, dư luận xã hội"
DEMOCRACY = "Thực hiện dân chủ ở cơ sở"
MEETINGS = "Tiếp công dân, đối thoại với nhân dân"
DIRECTIVES = "Ban hành, triển khai văn bản chỉ đạo; sơ kết, tổng kết"
TASKS = "Thực hiện kế hoạch công tác, nhiệm vụ trọng tâm"
SUPERVISION = "Kiểm tra, giám sát việc thực hiện các chủ trương, nghị quyết về công tác dân vận"


def opened(content: bytes) -> tuple[list[str], str]:
    word = Docx(io.BytesIO(content))
    left = [p.text for p in word.tables[0].rows[0].cells[0].paragraphs if p.text.strip()]
    parts = [p.text for p in word.paragraphs]
    for table in word.tables:
        for row in table.rows:
            parts += [cell.text for cell in row.cells]
    return left, "\n".join(parts)


def artifacts() -> Path:
    folder = Path(os.environ.get("DANVAN_ARTIFACTS", "test-artifacts")) / "review"
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def render_pages(name: str, content: bytes) -> None:
    folder = artifacts()
    (folder / f"{name}.docx").write_bytes(content)
    pdf, pdftoppm = docx_to_pdf(content), shutil.which("pdftoppm")
    if pdf is None or pdftoppm is None:
        return  # no LibreOffice or poppler here: the .docx is still there
    (folder / f"{name}.pdf").write_bytes(pdf)
    subprocess.run([pdftoppm, "-png", "-r", "70", str(folder / f"{name}.pdf"), str(folder / name)], check=True)
    assert (folder / f"{name}-1.png").exists()


def check_against_modules(client, user, unit, year: int, review, text: str) -> None:
    """Each part's figures equal what the module's own page or query gives for the same scope and day (the
    scope: the review's units, `ReviewRequest.area`)."""
    day = review.request.today
    start, last = dt.date(year, 1, 1), min(dt.date(year, 12, 31), day)
    # "Dân vận khéo": the statistics page, in both modes.
    for mode in (areas.AS_AT, areas.TODAY):
        built = review if mode == review.mode else assemble.build(user, year, unit, mode, day)
        figures = built.part(Chapter.MOVEMENT, DVK).figures
        page = client.get(reverse("stats:index"), {"nam": year, "don_vi": unit.pk, "che_do": mode})
        total = page.context["report"].tables["level"].total
        assert (figures["registered"], figures["recognized"]) == (total.registered, total.recognized), mode
        stats = practice_report(user, Filters(year=year, unit=unit, mode=mode))
        assert figures["registered"] == stats.tables["level"].total.registered
    assert practice_report(user, Filters(year, unit, review.mode)).sentences[0] in text
    assert " 0 văn bản" not in text  # "ký mới 0 văn bản": a count of nothing is said in words
    # Opinion: the cases and reception sessions the user sees in the year, counted on the report's date.
    figures = review.part(Chapter.OPINION, OPINION).figures
    cases = OpinionItem.objects.restrict(user).cases().filter(noted_on__range=(start, last))
    assert figures["cases"] == cases.count()
    assert figures["hot_spots"] == cases.filter(hot_spot=True).count()
    if figures["cases"]:
        assert f"tổng hợp {format_number(figures['cases'])} vụ việc" in text
    sessions = Reception.objects.restrict(user).filter(day__range=(start, last), status=ReceptionStatus.HELD)
    assert review.part(Chapter.OPINION, MEETINGS).figures["sessions"] == sessions.count()
    # Planning: reviews due, key tasks and the supervision programme of the year.
    figures = review.part(Chapter.LEADERSHIP, DIRECTIVES).figures
    due = Milestone.objects.restrict(user).filter(due_date__year=year)
    assert figures["reviews_due"] == due.count()
    assert figures["reviews_done"] == due.filter(report_date__lte=day).count()
    figures = review.part(Chapter.LEADERSHIP, TASKS).figures
    tasks = KeyTask.objects.restrict(user).filter(review.request.area("plan__unit__path"), deadline__year=year)
    assert figures["tasks"] == tasks.count()
    assert figures["tasks_overdue"] == tasks.exclude(status="done").filter(deadline__lt=day).count()
    figures = review.part(Chapter.SUPERVISION, SUPERVISION).figures
    assert figures["planned"] == Supervision.objects.restrict(user).filter(review.request.area(), year=year).count()
    # Awards and score sheets.
    figures = review.part(Chapter.EMULATION, "Công tác khen thưởng").figures
    awarded = (
        Recipient.objects.awarded().received_within(user).filter(decision__year=year, unit__path__startswith=unit.path)
    )
    assert figures["collectives"] + figures["individuals"] == awarded.count()
    figures = review.part(Chapter.EMULATION, "Chấm điểm thi đua").figures
    final = Scorecard.objects.restrict(user).filter(
        review.request.area("criteria_set__unit__path"), criteria_set__year=year, status=Status.FINAL
    )
    assert figures["finalized"] == final.count()
    # Grassroots democracy: in today's borders, its statistics page for the unit and year (the page's area is the
    # unit with all it absorbed); as at the time, the records of the review's area.
    today = assemble.build(user, year, unit, areas.TODAY, day).part(Chapter.GOVERNMENT, DEMOCRACY).figures
    totals = client.get(reverse("democracy:statistics"), {"nam": year, "don_vi": unit.pk}).context["totals"]
    assert (today["records"], today["matters"], today["dialogues"]) == (
        totals.records,
        totals.matters,
        totals.dialogues,
    )
    as_at = assemble.build(user, year, unit, areas.AS_AT, day)
    records = DemocracyYear.objects.restrict(user).filter(as_at.request.area(), year=year).count()
    assert sum(p.figures["records"] for p in as_at.chapter(Chapter.GOVERNMENT)) == records
    # Coordination: the list "có hiệu lực trong năm" (absent when nothing was in force).
    listed = client.get(reverse("cooperation:list"), {"nam": year}).context["listing"].count
    parts = [p for p in review.chapter(Chapter.COOPERATION) if p.title.startswith("Thực hiện các chương trình")]
    assert (parts[0].figures["in_force"] if parts else 0) == listed
    # Contests and conferences held in the year up to the report's date: their lists.
    contests = [row for row in client.get(reverse("events:home"), {"nam": year}).context["page"]]
    figures = review.part(Chapter.MOVEMENT, "Tổ chức các hội thi, cuộc thi").figures
    assert figures["contests"] == len([c for c in contests if c.start_date <= day])
    conferences = client.get(reverse("events:conference-list"), {"nam": year}).context["page"]
    figures = review.part(Chapter.EMULATION, "Hội nghị, tọa đàm và khen thưởng tại hội nghị").figures
    assert figures["conferences"] == len([c for c in conferences if c.date <= day])
    # Members: the membership statistics page.
    figures = review.part(Chapter.FRONT, "Công tác phát triển đoàn viên, hội viên").figures
    page = client.get(reverse("membership:statistics"), {"nam": year, "don_vi": unit.pk})
    assert figures["memberships"] == page.context["summary"].memberships
    if figures["memberships"]:
        assert format_number(figures["memberships"]) in text


def download(client, unit, year: int) -> bytes:
    response = client.post(reverse("review:download"), {"don_vi": unit.pk, "nam": year})
    assert response.status_code == 200 and response["Content-Disposition"].endswith(f'-nam-{year}.docx"')
    return response.content


def test_the_demo_province_reviews_2021_and_2026(client, demo):
    users = get_user_model().objects
    tinh = users.get(username="tinh")
    province = default_unit(tinh)
    assert client.login(username="tinh", password=PASSWORD)
    for year, body, symbol in ((2021, "BAN DÂN VẬN", "BDVTU"), (2026, "BAN TUYÊN GIÁO VÀ DÂN VẬN", "BTGDVTU")):
        content = download(client, province, year)
        left, text = opened(content)
        assert left[:2] == ["TỈNH ỦY TÂY NINH", body] and left[-1].endswith(f"-BC/{symbol}"), left
        day = report_day(year, province)
        assert f"ngày {day.day:02d} tháng {day.month:02d} năm {day.year}" in text
        assert f"Tổng kết công tác dân vận năm {year}, phương hướng, nhiệm vụ năm {year + 1}" in text
        assert text.count("[Phần cán bộ tổng hợp viết:") >= 6
        review = assemble.build(tinh, year, province)
        check_against_modules(client, tinh, province, year, review, text)
        render_pages(f"tong-ket-tinh-{year}", content)
    # 2021 already has next year's plan: Phần thứ hai lists its key tasks.
    review = assemble.build(tinh, 2021, province)
    following = KeyTask.objects.restrict(tinh).filter(
        plan__year_start__lte=2022, plan__year_end__gte=2022, deadline__year=2022
    )
    assert review.chapter(Chapter.NEXT_YEAR)[0].figures["tasks"] == following.count() > 0
    # A commune's officer: the commune's own figures only.
    xa = users.get(username="xa")
    commune = default_unit(xa)
    assert client.login(username="xa", password=PASSWORD)
    content = download(client, commune, 2026)
    left, text = opened(content)
    assert left[-1].endswith("-BC/ĐU") and "toàn xã" in text
    review = assemble.build(xa, 2026, commune)
    check_against_modules(client, xa, commune, 2026, review, text)
    assert (
        review.part(Chapter.OPINION, OPINION).figures["cases"]
        < assemble.build(tinh, 2026, province).part(Chapter.OPINION, OPINION).figures["cases"]
    )
    render_pages("tong-ket-xa-2026", content)
    assert client.post(reverse("review:download"), {"don_vi": province.pk, "nam": 2026}).status_code == 404
