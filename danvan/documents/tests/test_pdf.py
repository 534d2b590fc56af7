"""The PDF is read back with poppler: the Vietnamese text must come out whole, in the embedded fonts."""

from __future__ import annotations

import datetime as dt
import subprocess
import unicodedata

import pytest

from danvan.documents.choices import REPORT
from danvan.documents.docx import render_docx
from danvan.documents.pdf import docx_to_pdf, office_available, render_pdf
from danvan.documents.services import compose
from danvan.documents.spec import DEPUTY, Column, Heading, Signature, Table
from danvan.documents.tests.conftest import artifacts, require_tool, sample_report

pytestmark = pytest.mark.django_db

EXPECTED = [
    "ĐẢNG CỘNG SẢN VIỆT NAM",
    "Tây Ninh, ngày 05 tháng 02 năm 2021",
    "Số 05-BC/BDVTU",
    "BÁO CÁO",
    "chiếm 89,1%",
    "TRƯỞNG BAN",
    "Lê Minh Thế",
    "Nơi nhận:",
]


def pdf_pages(pdf: bytes, layout: bool = False) -> list[str]:
    """The text of each page, composed (NFC) and with its lines joined; `layout` keeps table rows together."""
    pdftotext = require_tool("pdftotext")
    options = ["-layout"] if layout else []
    command = [pdftotext, *options, "-enc", "UTF-8", "-", "-"]
    out = subprocess.run(command, input=pdf, capture_output=True, check=True)
    pages = out.stdout.decode("utf-8").split("\f")
    return [" ".join(unicodedata.normalize("NFC", page).split()) for page in pages if page.strip()]


def pdf_fonts(pdf: bytes, tmp_path) -> list[str]:
    pdffonts = require_tool("pdffonts")
    path = tmp_path / "van-ban.pdf"
    path.write_bytes(pdf)
    out = subprocess.run([pdffonts, str(path)], capture_output=True, check=True, text=True)
    # "BAAAAA+LiberationSerif-Bold" (LibreOffice), "ABCDEF+Liberation-Serif-Bold" (WeasyPrint)
    return [line.split()[0].split("+")[-1].replace("-", "") for line in out.stdout.splitlines()[2:]]


def assert_readable(pdf: bytes, tmp_path) -> list[str]:
    assert pdf.startswith(b"%PDF")
    pages = pdf_pages(pdf)
    text = " ".join(pages)
    for expected in EXPECTED:
        assert expected in text
    assert "?" not in text and "\ufffd" not in text  # no glyph lost on the way
    fonts = pdf_fonts(pdf, tmp_path)
    assert fonts, "no font embedded"
    assert all(f.startswith(("LiberationSerif", "Times")) for f in fonts), fonts  # no DejaVu fallback
    return pages


def test_weasyprint_renders_the_vietnamese_text_in_liberation_serif(report, tmp_path):
    pdf = render_pdf(report)
    pages = assert_readable(pdf, tmp_path)
    assert len(pages) >= 2
    assert not pages[0].startswith("1 ")  # no number on the first page
    assert pages[1].startswith("2 ")  # top centre from the second page on


def test_the_weasyprint_table_and_signature_for_a_deputy(commissions, tmp_path):
    report = sample_report(commissions.new, dt.date(2025, 12, 20), number=12, signature=Signature(DEPUTY))
    pdf = render_pdf(report)
    assert "Tổng cộng 1.234 1.100 89,1" in " ".join(pdf_pages(pdf, layout=True))
    text = " ".join(pdf_pages(pdf))
    assert "Số 12-BC/BTGDVTU" in text
    assert "K/T TRƯỞNG BAN PHÓ TRƯỞNG BAN" in text
    assert "Trần Thị Kim Ngân" in text


@pytest.mark.skipif(not office_available(), reason="LibreOffice (soffice) không được cài đặt")
def test_libreoffice_converts_the_word_file(report, tmp_path):
    pdf = docx_to_pdf(render_docx(report))
    assert pdf is not None
    (artifacts() / "bao-cao-libreoffice.pdf").write_bytes(pdf)
    assert_readable(pdf, tmp_path)


def test_without_libreoffice_the_conversion_offers_nothing(report, monkeypatch):
    monkeypatch.setattr("danvan.documents.pdf.shutil.which", lambda name: None)
    assert docx_to_pdf(render_docx(report)) is None


def test_no_page_ends_on_a_heading_or_starts_with_a_lonely_total(commissions):
    """Headings keep with their table and a totals row with the rows it adds up, wherever the page breaks."""
    blocks = []
    for n in range(1, 19):  # tables of 2..10 rows move the page breaks through every position
        blocks.append(Heading(f"Mục số {n}", 2))
        rows = [[i, f"Đơn vị {n}-{i}", i * 7] for i in range(1, n % 9 + 3)]
        blocks.append(Table([Column("STT", 12), "Đơn vị", "Số"], rows, totals_row=["", f"Tổng mục {n}", 1]))
    pdf = render_pdf(compose(REPORT, commissions.new, dt.date(2025, 12, 20), "Kiểm tra ngắt trang", blocks, []))
    pages = pdf_pages(pdf, layout=True)
    assert len(pages) >= 3
    for number, page in enumerate(pages, start=1):
        body = page.split("STT Đơn vị Số", 1)[-1].split()
        assert not page.rstrip().endswith(tuple(f"Mục số {n}" for n in range(1, 19))), number
        assert body[:2] != ["Tổng", "mục"], f"trang {number} bắt đầu bằng dòng tổng"
