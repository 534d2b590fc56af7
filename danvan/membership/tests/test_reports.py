"""The yearly Word report: downloaded from the statistics page's button, opened again with python-docx, its
figures (organizations, sectors, people organized, the units' annex) equal to the page's in both modes; the
issuer and scope of the area chosen; no area, no report. Rendered to PDF and PNG under
test-artifacts/membership/ to be looked at."""

from __future__ import annotations

import io
import os
import shutil
import subprocess
from pathlib import Path

import docx
import pytest
from django.urls import reverse

from danvan.core.vn import format_number, format_percent, format_signed
from danvan.documents.docx import render_docx
from danvan.documents.pdf import docx_to_pdf
from danvan.membership import figures, reports
from danvan.membership.tests.conftest import enter
from danvan.org import areas

pytestmark = pytest.mark.django_db
DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
STATS = reverse("membership:statistics")
REPORT = reverse("membership:statistics-report")


def table_with(word, *titles: str) -> list[list[str]]:
    """The rows (as text) of the table whose header starts with `titles`."""
    for table in word.tables:
        cells = [[c.text for c in row.cells] for row in table.rows]
        if cells and cells[0][: len(titles)] == list(titles):
            return cells
    raise AssertionError(f"no table headed {titles}")


def text_of(word) -> str:
    return "\n".join(p.text for p in word.paragraphs if p.text)


def download(client, **params):
    response = client.get(REPORT, params)
    assert response.status_code == 200
    assert response["Content-Type"] == DOCX
    return docx.Document(io.BytesIO(response.content))


def number(value) -> str:
    return "–" if value is None else format_number(value)


@pytest.fixture
def breakdowns(cast, reform):
    """The reform's figures, and women and sectors in the new commune's farmers' union."""
    enter(cast.admin, reform["new"], 2025, nong_dan={"members": 950, "women": 380, "ethnic_minority": 4,
          "religious": 310, "farmers": 820, "workers": 60, "other_sector": 40}, population=(13500, 1300))  # fmt: skip
    return reform


@pytest.mark.parametrize("mode", [areas.AS_AT, areas.TODAY])
def test_the_report_has_the_pages_figures(client, cast, breakdowns, mode):
    client.force_login(cast.admin)
    params = {"nam": 2025, "don_vi": cast.province.pk, "che_do": mode}
    page = client.get(STATS, params)
    assert f'href="{REPORT}?nam=2025&amp;don_vi={cast.province.pk}&amp;che_do={mode}"' in page.content.decode()
    summary = page.context["summary"]
    word = download(client, **params)
    text = text_of(word)
    assert "Tình hình đoàn viên, hội viên năm 2025" in text
    assert f"có {format_number(summary.memberships)} lượt đoàn viên, hội viên" in text
    assert "tăng 185 lượt so với năm 2024" in text  # 2,635 against 2,450
    assert "Tỉnh ủy Long An" in text  # the reform's sentence names the province merged in
    organizations = table_with(word, "STT", "Tổ chức", "Đơn vị báo cáo")
    by_name = {row[1]: row for row in organizations[1:]}
    assert len(organizations) == len(summary.rows) + 2  # header and totals
    for row in summary.rows:
        cells = by_name[row.organization.name]
        assert cells[2:8] == [
            number(row.units), number(row.members), number(row.women), number(row.ethnic_minority),
            number(row.religious), number(row.previous),
        ], row.organization.code  # fmt: skip
        assert cells[8] == format_signed(row.change, "–")
    assert organizations[-1][3] == format_number(summary.memberships) == "2.635"
    sectors = table_with(word, "STT", "Tổ chức", "Nông dân")
    assert sectors[-1][2:8] == [format_number(value) for _, value in summary.sector_totals]
    assert sectors[-1][2] == "820" and sectors[-1][-1] == format_number(summary.unclassified)
    assert f"đạt tỷ lệ tập hợp {format_percent(summary.organized, summary.population)}" in text
    annex = table_with(word, "STT", "Đơn vị", "Lượt đoàn viên, hội viên")
    assert [(r[1], r[2], r[3]) for r in annex[1:-1]] == [
        (u.label, format_number(u.memberships), number(u.previous)) for u in summary.units
    ]
    assert annex[-1][2] == "2.635"
    labels = [r[1] for r in annex[1:-1]]
    if mode == areas.AS_AT:
        assert "Huyện ủy Bến Cầu (đến 30/6/2025)" in labels and "Đảng ủy xã Mỹ Yên (đến 30/6/2025)" in labels
    else:
        assert "Đảng ủy xã Phước Thạnh" in labels and "Đảng ủy xã Mỹ Yên (đến 30/6/2025)" not in labels


def test_a_communes_report_is_its_own(client, cast, breakdowns):
    client.force_login(cast.c1_officer)
    word = download(client, nam=2025)  # the officer's own unit by default
    header = [p.text for cell in word.tables[0].rows[0].cells for p in cell.paragraphs if p.text]
    assert "ĐẢNG ỦY XÃ LONG THUẬN" in header
    organizations = table_with(word, "STT", "Tổ chức", "Đơn vị báo cáo")
    assert organizations[-1][3] == "110"  # C1 alone: nothing of the province's own or the other communes
    assert "toàn xã" in text_of(word)


def test_the_report_is_over_ones_own_unit_without_an_area_and_none_without_a_scope(client, cast, breakdowns):
    client.force_login(cast.admin)
    everything = client.get(STATS, {"nam": 2025, "don_vi": ""})
    assert "Báo cáo năm (Word)" not in everything.content.decode()  # "—": the button needs one unit
    word = download(client, nam=2025, don_vi="")
    assert table_with(word, "STT", "Tổ chức", "Đơn vị báo cáo")[-1][3] == "2.635"
    client.force_login(cast.c2_officer)
    word = download(client, nam=2025, don_vi=cast.c1.pk)  # not theirs: their own area instead
    header = [p.text for cell in word.tables[0].rows[0].cells for p in cell.paragraphs if p.text]
    assert "ĐẢNG ỦY XÃ LỢI THUẬN" in header
    assert table_with(word, "STT", "Tổ chức", "Đơn vị báo cáo")[-1][3] == "0"
    client.force_login(cast.outsider)
    response = client.get(REPORT, {"nam": 2025})
    assert response.status_code == 302
    page = client.get(response.url).content.decode()
    assert "Bạn chưa được phân quyền xem số liệu của đơn vị nào, nên chưa lập được báo cáo." in page


def test_the_report_is_rendered_to_look_at(cast, breakdowns):
    folder = Path(os.environ.get("DANVAN_ARTIFACTS", "test-artifacts")) / "membership"
    folder.mkdir(parents=True, exist_ok=True)
    summary = figures.summary(cast.admin, cast.province, 2025, areas.AS_AT)
    import datetime as dt

    content = render_docx(reports.year_document(summary, cast.province, dt.date(2026, 1, 15)))
    (folder / "bao-cao-doan-vien-hoi-vien-2025.docx").write_bytes(content)
    pdf = docx_to_pdf(content)
    pdftoppm = shutil.which("pdftoppm")
    if pdf is None or pdftoppm is None:
        pytest.skip("LibreOffice hoặc pdftoppm không có: chỉ có tệp .docx")
    (folder / "bao-cao-doan-vien-hoi-vien-2025.pdf").write_bytes(pdf)
    name = str(folder / "bao-cao-doan-vien-hoi-vien-2025")
    subprocess.run([pdftoppm, "-png", "-r", "70", f"{name}.pdf", name], check=True)
    assert Path(f"{name}-1.png").exists()
