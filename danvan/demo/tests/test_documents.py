"""Every document the demo offers renders, for every demo account, and says what is true on its date.

For each account the test downloads, through the web like a clerk, every yearly report (Word and PDF) of the reform
years, every award decision (Word) and one set of certificates per award type (PDF), the awards report, every work
plan, supervision announcement, reviews report and emulation results report in its scope, the opinion, reception,
cooperation, grassroots democracy and membership reports, the year's review report and the contests' notices; it
reopens each file (python-docx, pdftotext) and checks the issuer against the scope and the date, and that no
receiving body, legal ground or symbol is used outside its validity.
"""

from __future__ import annotations

import datetime as dt
import io
import re
import subprocess

import pytest
from django.urls import reverse
from docx import Document as Docx
from docx.oxml.ns import qn

from danvan.awards.models import Decision
from danvan.core.testing.jobs import job_file
from danvan.demo.build import PASSWORD
from danvan.documents.issuers import CENTRAL_MERGER, merger_date
from danvan.documents.models import Addressee, LegalBasis
from danvan.emulation.models import CriteriaSet
from danvan.planning.models import Supervision, WorkPlan

pytestmark = pytest.mark.django_db

DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
REFORM = dt.date(2025, 7, 1)
YEARS = (2024, 2025, 2026)
DATE = re.compile(r"ngày (\d{2}) tháng (\d{2}|\d) năm (\d{4})")


def lines(cell) -> list[str]:
    return [p.text.strip() for p in cell.paragraphs if p.text.strip()]


class Opened:
    """A downloaded .docx, read back: header, date, number, receiving bodies, grounds, the whole text."""

    def __init__(self, content: bytes, label: str) -> None:
        self.label = label
        self.word = Docx(io.BytesIO(content))
        header = self.word.tables[0]
        self.left = lines(header.cell(0, 0))
        self.right = lines(header.cell(0, 1))
        match = DATE.search(" ".join(self.right))
        assert match, f"{label}: no date in {self.right}"
        self.date = dt.date(int(match[3]), int(match[2]), int(match[1]))
        self.number = next(line for line in self.left if line.startswith("Số"))
        parts = [p.text for p in self.word.paragraphs]
        for table in self.word.tables:
            for row in table.rows:
                parts += [cell.text for cell in row.cells]
        self.text = "\n".join(parts)
        closing = self.word.tables[-1] if "Nơi nhận:" in self.text else None
        self.recipients = []
        for table in self.word.tables:
            cell_lines = lines(table.cell(0, 0))
            if cell_lines and cell_lines[0] == "Nơi nhận:":
                closing = table
                self.recipients = [line.lstrip("- ").rstrip(",.") for line in cell_lines[1:]]
        self.closing = closing
        self.grounds = [p.text for p in self.word.paragraphs if p.text.lstrip("- ").startswith("Căn cứ")]

    @property
    def symbol(self) -> str:
        return self.number.rsplit("/", 1)[-1] if "/" in self.number else ""


def check_valid_on_its_date(doc: Opened) -> None:
    day, where = doc.date, doc.label
    # The issuer's symbol is the one of its time.
    rules = {
        "BDVTU": lambda d: d < merger_date(),
        "BTGDVTU": lambda d: d >= merger_date(),
        "BDVHU": lambda d: d < merger_date(),
        "BTGDVHU": lambda d: merger_date() <= d < REFORM,
        "BDVTW": lambda d: d < CENTRAL_MERGER,
        "BTGDVTW": lambda d: d >= CENTRAL_MERGER,
    }
    if doc.symbol in rules:
        assert rules[doc.symbol](day), f"{where}: {doc.number} dated {day}"
    if doc.symbol.startswith("BDVHU") or "HUYỆN ỦY" in doc.left[:1]:
        assert day < REFORM, f"{where}: a district issues on {day}"
    # Receiving bodies: configured ones must be valid that day.
    for name in doc.recipients:
        rows = list(Addressee.objects.filter(name=name))
        if rows:
            assert any(row.is_valid_on(day) for row in rows), f"{where}: “{name}” is not a receiving body on {day}"
    assert not ("Ban Dân vận Trung ương" in doc.recipients and day >= CENTRAL_MERGER), where
    # Legal grounds: every configured law cited is in force that day, and none outside it is.
    bases = sorted(LegalBasis.objects.all(), key=lambda b: -len(b.text))
    for line in doc.grounds:
        cited = next((b for b in bases if b.text in line), None)  # the longest text: amendments included
        if cited is not None:
            assert cited.is_valid_on(day), f"{where}: cites “{cited.name}” on {day}"
    in_force = [b for b in bases if b.is_valid_on(day) and b.text in doc.text]
    laws = [line for line in doc.grounds if line.lstrip("- ").startswith("Căn cứ Luật")]
    assert not laws or in_force, f"{where}: no law in force on {day} among {laws}"
    assert "(từ tháng 3/2025 là" not in doc.text, where


def check_signature_keeps_with_text(doc: Opened) -> None:
    """The element before the closing block (after its spacer) is kept with the next one."""
    body = [el for el in doc.word.element.body.iterchildren() if el.tag in (qn("w:p"), qn("w:tbl"))]
    index = body.index(doc.closing._tbl)
    before = body[index - 2]  # index - 1 is the spacer paragraph
    paragraphs = before.findall(".//" + qn("w:p")) if before.tag == qn("w:tbl") else [before]
    assert paragraphs[-1].find(".//" + qn("w:keepNext")) is not None, doc.label


def pdf_text(content: bytes) -> str:
    assert content.startswith(b"%PDF")
    result = subprocess.run(["pdftotext", "-layout", "-", "-"], input=content, capture_output=True, check=True)
    return result.stdout.decode()


def changeable(user) -> list[str]:
    """Paths of units whose own announcements the user may issue (the supervising unit only)."""
    from danvan.core import scoping
    from danvan.org.models import Unit

    return [u.path for u in Unit.objects.all().only("path") if scoping.covers(user, u.path, scoping.CHANGE)]


def download(client, url: str, params: dict | None = None, kind: str = DOCX) -> bytes:
    response = client.get(url, params or {})
    assert response.status_code == 200, f"{url} {params}: {response.status_code}"
    assert response["Content-Type"].startswith(kind), f"{url} {params}: {response['Content-Type']}"
    return b"".join(response.streaming_content) if response.streaming else response.content


def module_reports(client, user, username: str) -> list[Opened]:
    """The yearly reports of opinion, cooperation, grassroots democracy and membership, the year's review
    report, and the results notice of every announced contest in scope, for the account's own unit."""
    from danvan.events.choices import ContestState
    from danvan.events.models import Contest
    from danvan.org.services import default_unit

    unit = default_unit(user)
    docs = []
    years = (2024,) if unit.valid_until else (2025, 2026)  # a district that ended with the reform: its last full year
    for year in years:
        for name in ("opinion:situation-report", "opinion:reception-report"):
            params = {"don_vi": unit.pk, "ky": "nam" if year < 2026 else "6-thang", "nam": year}
            docs.append(Opened(download(client, reverse(name), params), f"{username} {name} {year}"))
        url = reverse("cooperation:report")
        docs.append(Opened(download(client, url, {"nam": year}), f"{username} phối hợp {year}"))
        url = reverse("membership:statistics-report")
        docs.append(Opened(download(client, url, {"nam": year, "don_vi": unit.pk}), f"{username} đoàn thể {year}"))
        for name, label in (("democracy:report", "dân chủ"), ("review:download", "tổng kết")):
            response = client.post(reverse(name), {"don_vi": unit.pk, "nam": year})
            assert response.status_code == 200 and response["Content-Type"] == DOCX, (name, year, response.status_code)
            content = b"".join(response.streaming_content) if response.streaming else response.content
            docs.append(Opened(content, f"{username} {label} {year}"))
    for contest in Contest.objects.restrict(user).filter(state=ContestState.ANNOUNCED):
        url = reverse("events:results-notice", args=[contest.pk])
        docs.append(Opened(download(client, url), f"{username} {contest.name}"))
    return docs


@pytest.mark.sweep
def test_every_document_renders_for_every_demo_account(client, demo):
    from django.contrib.auth import get_user_model

    seen: dict[str, int] = {}
    for username in ("tinh", "huyen", "xa", "nhaplieu"):
        user = get_user_model().objects.get(username=username)
        assert client.login(username=username, password=PASSWORD)
        opened: list[Opened] = []
        # Yearly "Dân vận khéo" reports of the reform years, Word and PDF, for the account's own scope.
        for year in YEARS:
            url = reverse("stats:annual-report", args=["docx"])
            doc = Opened(download(client, url, {"nam": year}), f"{username} báo cáo năm {year}")
            opened.append(doc)
            scope = {"tinh": "toàn tỉnh", "nhaplieu": "toàn tỉnh", "xa": "toàn xã", "huyen": "toàn huyện"}[username]
            assert f"Năm {year}, {scope}" in doc.text, doc.label
            if username in ("tinh", "nhaplieu"):
                assert doc.left[0] == "TỈNH ỦY TÂY NINH" and doc.left[1].startswith("BAN "), doc.left
            if username == "xa":
                assert doc.left[:2] == ["ĐẢNG BỘ TỈNH TÂY NINH", "ĐẢNG ỦY XÃ LONG THUẬN"], doc.left
                assert doc.symbol == "ĐU" and "T/M ĐẢNG ỦY" in doc.text and "TRƯỞNG BAN" not in doc.text
            if username == "huyen" and doc.date < REFORM:
                assert doc.left[0] == "HUYỆN ỦY BẾN CẦU", doc.left
            if year == 2026 and username == "tinh":
                changes = [c.text for t in doc.word.tables for r in t.rows for c in r.cells]
                assert not [c for c in changes if re.fullmatch(r"-[\d.]+", c)], "changes print with a minus sign"
            pdf = pdf_text(job_file(client, reverse("stats:annual-report", args=["pdf"]), {"nam": year})[1])
            assert f"-BC/{doc.symbol}" in pdf and doc.left[1] in pdf, doc.label
        # Award decisions (every one in scope) and one set of certificates per award type.
        decisions = Decision.objects.restrict(user).select_related("award_type__authority")
        certified: set[int] = set()
        for decision in decisions:
            doc = Opened(download(client, reverse("awards:decision-docx", args=[decision.pk])), str(decision.number))
            opened.append(doc)
            assert decision.award_type.is_valid_on(decision.date), doc.label
            assert decision.award_type.authority.decision_heading.upper() in doc.text, doc.label
            if decision.award_type.authority.central:
                assert doc.left[0] == "BAN CHẤP HÀNH TRUNG ƯƠNG" and "TỈNH ỦY" not in doc.left, doc.left
            if decision.award_type_id not in certified and decision.recipients.exists():
                certified.add(decision.award_type_id)
                url = reverse("awards:decision-certificates", args=[decision.pk])
                assert decision.award_type.certificate_title.upper() in pdf_text(job_file(client, url)[1])
        # Proposals (tờ trình) and score sheets in scope.
        from danvan.awards.models import Proposal
        from danvan.emulation.models import Scorecard

        for proposal in Proposal.objects.restrict(user).order_by("-year")[:15]:
            url = reverse("awards:proposal-docx", args=[proposal.pk])
            opened.append(Opened(download(client, url), f"tờ trình {proposal.pk}"))
        for card in Scorecard.objects.restrict(user).order_by("-pk")[:10]:
            url = reverse("emulation:card-docx", args=[card.pk])
            opened.append(Opened(download(client, url), f"bảng điểm {card.pk}"))
        # The awards report of the last finished year.
        opened.append(Opened(download(client, reverse("awards:stats-docx"), {"nam": 2025}), f"{username} khen thưởng"))
        # Plans, announcements, the reviews report, emulation results.
        for plan in WorkPlan.objects.restrict(user):
            opened.append(Opened(download(client, reverse("planning:plan-docx", args=[plan.pk])), plan.title))
        for sup in Supervision.objects.restrict(user, "change").filter(unit__path__in=changeable(user)):
            url = reverse("planning:supervision-docx", args=[sup.pk])
            opened.append(Opened(download(client, url), f"thông báo {sup.pk}"))
        for year in YEARS:
            url = reverse("planning:review-report", args=["docx"])
            opened.append(Opened(download(client, url, {"nam": year}), f"{username} sơ kết {year}"))
        for criteria_set in CriteriaSet.objects.restrict(user):
            url = reverse("emulation:results-docx", args=[criteria_set.pk])
            opened.append(Opened(download(client, url), criteria_set.name))
        opened += module_reports(client, user, username)
        for doc in opened:
            check_valid_on_its_date(doc)
            check_signature_keeps_with_text(doc)
        seen[username] = len(opened)
        client.logout()
    assert seen["tinh"] > 30 and seen["xa"] >= 6, seen
