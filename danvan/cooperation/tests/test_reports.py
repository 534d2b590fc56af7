"""The year's report in Word: its figures are the database's, its scope the user's, its receiving bodies and
issuer those of its date; rendered to PNG pages to look at. The year-review part and its figures."""

from __future__ import annotations

import datetime as dt
import io
import os
import shutil
import subprocess
from pathlib import Path

import docx
import pytest
from django.urls import reverse

from danvan.cooperation import reports, services, year_review
from danvan.cooperation.choices import Kind
from danvan.cooperation.models import Evaluation, Programme, ProgrammeItem, YearPlan
from danvan.cooperation.tests.conftest import evaluate, make_programme
from danvan.documents.docx import render_docx
from danvan.documents.pdf import docx_to_pdf
from danvan.documents.year_review import Chapter, ReviewRequest
from danvan.planning.models import Milestone
from danvan.planning.services.directives import record_review

pytestmark = pytest.mark.django_db
DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


def text_of(word) -> str:
    cells = [c.text for t in word.tables for r in t.rows for c in r.cells]
    return "\n".join([p.text for p in word.paragraphs if p.text] + cells)


@pytest.fixture
def year_2024(cast):
    """The province's three programmes and a district's, in force in 2024; two evaluated; reviews due."""
    armed = make_programme(
        cast.admin,
        cast.province,
        number="12-CTr/BDVTU-BCHQS",
        title="Phối hợp thực hiện công tác dân vận trong lực lượng vũ trang tỉnh",
        parties=["ban-dan-van-tinh-uy", "bo-chqs-tinh"],
        signed_on=dt.date(2021, 4, 2),
    )
    government = make_programme(cast.admin, cast.province, signed_on=dt.date(2021, 3, 12))
    front = make_programme(
        cast.admin,
        cast.province,
        number="03-QC/BDVTU-MTTQ",
        kind=Kind.REGULATION,
        title="Quy chế phối hợp với Mặt trận Tổ quốc",
        parties=["ban-dan-van-tinh-uy", "ubmttq-tinh"],
        signed_on=dt.date(2024, 1, 5),
        interim_years="",
        final_years=None,
    )
    local = make_programme(
        cast.d1_officer,
        cast.d1,
        number="05-CTr/HU-UBND",
        parties=[],
        others=["Ban Dân vận Huyện ủy Bến Cầu", "Ủy ban nhân dân huyện Bến Cầu"],
        signed_on=dt.date(2023, 2, 1),
        interim_years="1",
        final_years=None,
    )
    old = make_programme(
        cast.admin,
        cast.province,
        number="01-CTr/BDVTU-CAT",
        signed_on=dt.date(2016, 5, 1),
        parties=["ban-dan-van-tinh-uy", "cong-an-tinh"],
        valid_until=dt.date(2020, 12, 31),
    )
    evaluate(cast.admin, armed, 2024, held_on=dt.date(2024, 12, 27))
    evaluate(cast.admin, front, 2024, held_on=dt.date(2025, 1, 10))
    evaluate(cast.d1_officer, local, 2023)
    interim = Milestone.objects.get(directive=government.directive, kind="interim")
    record_review(cast.admin, interim, number="45-BC/BDVTU", date=dt.date(2024, 3, 20))
    services.save_item(
        cast.admin,
        ProgrammeItem(programme=armed, content="Tham gia xây dựng cơ sở vững mạnh", lead="Bộ Chỉ huy Quân sự tỉnh"),
    )
    services.save_year_plan(
        cast.admin, YearPlan(programme=armed, year=2024, number="02-KHPH/BDVTU-BCHQS", issued_on=dt.date(2024, 1, 15))
    )
    return armed, government, front, local, old


def test_the_figures_are_the_databases(client, cast, year_2024):
    *_, old = year_2024
    client.force_login(cast.admin)
    response = client.get(reverse("cooperation:report"), {"nam": 2024})
    assert response["Content-Type"] == DOCX
    word = docx.Document(io.BytesIO(response.getvalue()))
    text = text_of(word)
    in_force = Programme.objects.in_year(2024)
    assert in_force.count() == 4 and old not in in_force
    assert "toàn tỉnh có 4 văn bản phối hợp có hiệu lực (3 chương trình phối hợp, 1 quy chế phối hợp)" in text
    assert "ký mới 1 văn bản" in text
    held = Evaluation.objects.filter(year=2024).count()
    assert f"Đã tổ chức {held}/4 hội nghị đánh giá kết quả thực hiện năm 2024" in text
    assert "Chưa tổ chức đánh giá năm 2024: Chương trình phối hợp số 161-CTr/BCSĐUBND-BDVTU" in text
    due = Milestone.objects.filter(due_date__year=2024, directive__cooperation_programme__isnull=False).count()
    assert due == 3  # the two interims of 2021 and the district's first year
    assert f"có {due} nội dung sơ kết, tổng kết các văn bản phối hợp đến hạn" in text
    assert "Báo cáo số 45-BC/BDVTU, ngày 20/3/2024" in text
    assert "KẾT QUẢ THỰC HIỆN CÁC CHƯƠNG TRÌNH, QUY CHẾ PHỐI HỢP NĂM 2024" in text.upper()
    header = [p.text for p in word.tables[0].rows[0].cells[0].paragraphs if p.text]
    assert "BAN DÂN VẬN" in header  # dated 15/1/2025, before the merger
    data = reports.year_data(cast.admin, cast.province, 2024)
    assert data.figures["in_force"] == 4 and data.figures["evaluated"] == held
    assert data.figures["reviews_due"] == due and data.figures["reviews_done"] == 1


def test_a_district_sees_its_own(client, cast, year_2024):
    client.force_login(cast.d1_officer)
    word = docx.Document(io.BytesIO(client.get(reverse("cooperation:report"), {"nam": 2024}).getvalue()))
    text = text_of(word)
    assert "toàn huyện có 1 văn bản phối hợp có hiệu lực" in text
    assert "12-CTr/BDVTU-BCHQS" not in text and "05-CTr/HU-UBND" in text


def test_the_year_review_part(cast, year_2024):
    request = ReviewRequest(user=cast.admin, year=2024, units=(cast.province,), today=dt.date(2025, 1, 20))
    [part] = year_review.parts(request)
    assert part.chapter == Chapter.COOPERATION
    text = " ".join(block.text for block in part.blocks)
    assert part.figures["in_force"] == 4 and "thực hiện 4 văn bản phối hợp" in text
    assert part.figures["evaluated"] == 2 and "Đã tổ chức 2/4 hội nghị" in text
    assert part.figures["reviews_done"] == 1 and "1/3 nội dung đến hạn" in text
    assert year_review.parts(ReviewRequest(cast.c2_officer, 2024, (cast.c2,), dt.date(2025, 1, 20))) == []


def test_a_year_with_nothing_newly_signed_says_so_in_words(cast, year_2024):
    """2025: the programmes still run but none was signed that year; no "ký mới 0 văn bản"."""
    request = ReviewRequest(user=cast.admin, year=2025, units=(cast.province,), today=dt.date(2026, 1, 20))
    [part] = year_review.parts(request)
    assert part.figures["signed"] == 0
    assert "không có văn bản nào ký mới." in part.blocks[0].text
    overview = reports.overview(reports.year_data(cast.admin, cast.province, 2025, dt.date(2026, 1, 20)), "toàn tỉnh")
    assert "; không ký mới văn bản nào" in overview and " 0 văn bản" not in overview


def test_the_report_is_rendered_to_look_at(cast, year_2024):
    folder = Path(os.environ.get("DANVAN_ARTIFACTS", "test-artifacts")) / "cooperation"
    folder.mkdir(parents=True, exist_ok=True)
    data = reports.year_data(cast.admin, cast.province, 2024, dt.date(2025, 1, 15))
    content = render_docx(reports.year_document(data))
    (folder / "bao-cao-phoi-hop-2024.docx").write_bytes(content)
    pdf = docx_to_pdf(content)
    pdftoppm = shutil.which("pdftoppm")
    if pdf is None or pdftoppm is None:
        pytest.skip("LibreOffice or poppler is missing: the .docx is still there")
    (folder / "bao-cao-phoi-hop-2024.pdf").write_bytes(pdf)
    subprocess.run(
        [
            pdftoppm,
            "-png",
            "-r",
            "70",
            str(folder / "bao-cao-phoi-hop-2024.pdf"),
            str(folder / "bao-cao-phoi-hop-2024"),
        ],
        check=True,
    )
    assert (folder / "bao-cao-phoi-hop-2024-1.png").exists()
