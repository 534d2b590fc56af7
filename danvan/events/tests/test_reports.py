"""The announcement of a contest's results (Word, reopened with python-docx; rendered to PNG under
test-artifacts/events/ to be looked at), a prize linked to an award recipient, the awards presented at a
conference, and the parts the app gives the year's review report, checked against the database."""

from __future__ import annotations

import datetime as dt
import io
import os
import shutil
import subprocess
from decimal import Decimal
from pathlib import Path

import docx
import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from danvan.awards.tests.conftest import collective, configured, issued_decision, world  # noqa: F401 - fixtures
from danvan.documents.docx import render_docx
from danvan.documents.pdf import docx_to_pdf
from danvan.documents.year_review import Chapter, ReviewRequest
from danvan.events import reports, year_review
from danvan.events.models import Prize
from danvan.events.services import contests as services
from danvan.events.tests.conftest import make_conference, prize_kind, running_contest

pytestmark = pytest.mark.django_db

DAY = dt.date(2025, 5, 20)


@pytest.fixture
def announced(cast, world):  # noqa: F811 - the awards fixture
    """A province contest of three districts' and communes' teams, scored, with prizes, announced; the
    first prize's team received the commission's Giấy khen."""
    contest, (first, final), (d1, d2, c1) = running_contest(cast.admin, cast.province, [cast.d1, cast.d2, cast.c1])
    contest.place = "Hội trường Tỉnh ủy Tây Ninh"
    contest.save()
    values = {
        (d1.pk, first.pk): Decimal("88.5"), (d1.pk, final.pk): Decimal("92"),
        (d2.pk, first.pk): Decimal("90"), (d2.pk, final.pk): Decimal("90.5"),
        (c1.pk, first.pk): Decimal("75"), (c1.pk, final.pk): Decimal("80.25"),
    }  # fmt: skip
    services.save_scores(cast.admin, contest, values, contest.version)
    decision = issued_decision(world, world.giay_khen_new, 2025, DAY + dt.timedelta(days=10), [collective(cast.d1)],
                               cast.admin, number="15-QĐ/BTGDVTU")  # fmt: skip
    recipient = decision.recipients.get()
    services.save_prize(cast.admin, Prize(contest=contest, entry=d1, kind=prize_kind("nhat"), award=recipient))
    services.save_prize(cast.admin, Prize(contest=contest, entry=d2, kind=prize_kind("nhi")))
    services.save_prize(cast.admin, Prize(contest=contest, entry=c1, kind=prize_kind("khuyen-khich")))
    contest.refresh_from_db()
    services.take_step(cast.admin, contest, "announce")
    contest.refresh_from_db()
    return contest, decision


def reopen(content: bytes):
    return docx.Document(io.BytesIO(content))


def test_the_results_notice_holds_the_ranking_and_the_prizes(client, cast, announced):
    contest, _decision = announced
    client.force_login(cast.admin)
    response = client.get(reverse("events:results-notice", args=[contest.pk]))
    assert response.status_code == 200
    word = reopen(response.content)
    text = "\n".join(p.text for p in word.paragraphs)
    assert "THÔNG BÁO" in text and "Kết quả Hội thi “Dân vận khéo” lần thứ II năm 2025" in text
    assert "3 đội, bài dự thi của 3 đơn vị, qua 2 vòng thi (vòng sơ khảo, vòng chung khảo)" in text
    assert "Ban Tổ chức trao 3 giải: 1 Giải Nhất; 1 Giải Nhì; 1 Giải Khuyến khích." in text
    ranking = next(t for t in word.tables if t.rows[0].cells[0].text == "Hạng")
    rows = [[c.text for c in row.cells] for row in ranking.rows[1:]]
    # d1 and d2 tie on 180,5; d2's final (90,5) is below d1's (92): d1 first.
    assert [(r[0], r[-1]) for r in rows] == [("1", "180,5"), ("2", "180,5"), ("3", "155,25")]
    assert rows[0][1] == "Đội Huyện ủy Bến Cầu"
    prizes = next(t for t in word.tables if t.rows[0].cells[1].text == "Giải")
    first = [c.text for c in prizes.rows[1].cells]
    assert first[1] == "Giải Nhất" and "15-QĐ/BTGDVTU" in first[4]
    client.force_login(cast.d1_officer)
    assert client.get(reverse("events:results-notice", args=[contest.pk])).status_code == 404


def test_a_prize_links_only_an_issued_award_of_the_entrys_unit(cast, world):  # noqa: F811
    contest, _, (d1, _d2) = running_contest(cast.admin, cast.province, [cast.d1, cast.d2])
    decision = issued_decision(world, world.giay_khen_new, 2025, DAY, [collective(cast.d2)], cast.admin)
    with pytest.raises(ValidationError) as exc:
        services.save_prize(cast.admin, Prize(contest=contest, entry=d1, kind=prize_kind(),
                                              award=decision.recipients.get()))  # fmt: skip
    assert exc.value.messages == ["Huyện ủy Tân Biên không thuộc Huyện ủy Bến Cầu."]


def test_the_awards_presented_at_a_conference_are_issued_ones_of_the_weeks_before(cast, world):  # noqa: F811
    day = dt.date(2025, 1, 15)
    decision = issued_decision(world, world.giay_khen, 2024, day, [collective(cast.d1), collective(cast.d2)],
                               cast.admin)  # fmt: skip
    old = issued_decision(world, world.giay_khen, 2024, dt.date(2024, 6, 1), [collective(cast.c1)], cast.admin)
    with pytest.raises(ValidationError) as exc:
        make_conference(cast.admin, cast.province, date=day, decisions=[old])
    assert "không ban hành trong 90 ngày trước hội nghị (15/1/2025)" in exc.value.messages[0]
    conference = make_conference(cast.admin, cast.province, date=day, decisions=[decision], attendees=250)
    request = ReviewRequest(cast.admin, 2025, (cast.province,), dt.date(2026, 1, 10))
    movement, emulation = year_review.parts(request)
    assert emulation.chapter == Chapter.EMULATION and movement.chapter == Chapter.MOVEMENT
    assert emulation.figures == {"conferences": 1, "attendees": 250, "decisions_presented": 1,
                                 "collectives_awarded": 2, "individuals_awarded": 0}  # fmt: skip
    assert conference.awards.get() == decision


def test_the_year_review_counts_the_years_contests_in_the_users_area(cast, announced):
    _contest, _ = announced
    province = year_review.parts(ReviewRequest(cast.admin, 2025, (cast.province,), dt.date(2026, 1, 10)))[0]
    assert province.figures == {"contests": 1, "entries": 3, "units": 3, "prizes": 3}
    assert "tổ chức 1 hội thi, cuộc thi với 3 đội, bài dự thi của 3 đơn vị; trao 3 giải." in province.blocks[0].text
    district = year_review.parts(ReviewRequest(cast.d1_officer, 2025, (cast.d1,), dt.date(2026, 1, 10)))[0]
    assert district.figures["contests"] == 0
    earlier = year_review.parts(ReviewRequest(cast.admin, 2024, (cast.province,), dt.date(2025, 1, 10)))[0]
    assert earlier.figures["contests"] == 0


def artifacts() -> Path:
    folder = Path(os.environ.get("DANVAN_ARTIFACTS", "test-artifacts")) / "events"
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def test_the_notice_is_rendered_to_look_at(cast, announced):
    contest, _ = announced
    content = render_docx(reports.results_document(reports.results_data(contest)))
    folder = artifacts()
    (folder / "thong-bao-ket-qua.docx").write_bytes(content)
    assert reopen(content).paragraphs
    pdf = docx_to_pdf(content)
    pdftoppm = shutil.which("pdftoppm")
    if pdf is None or pdftoppm is None:
        return  # no LibreOffice or poppler here: the .docx file is still there
    (folder / "thong-bao-ket-qua.pdf").write_bytes(pdf)
    subprocess.run([pdftoppm, "-png", "-r", "70", str(folder / "thong-bao-ket-qua.pdf"),
                    str(folder / "thong-bao-ket-qua")], check=True)  # fmt: skip
    assert (folder / "thong-bao-ket-qua-1.png").exists()
