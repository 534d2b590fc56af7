"""Real attachments for upload tests (made by the libraries that make such files, not typed bytes), and the
one check every upload point of every app passes: content decides, the name on disk is random, the
reader's name is kept, images and PDFs open in the browser, the rest downloads, strangers get 404."""

from __future__ import annotations

import io
import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from urllib.parse import quote

from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile


@cache
def pdf_bytes() -> bytes:
    from weasyprint import HTML

    return HTML(string="<h1>Biên bản họp dân</h1><p>Thôn 3, xã Long Thuận.</p>").write_pdf()


@cache
def docx_bytes() -> bytes:
    from docx import Document

    document = Document()
    document.add_paragraph("Kế hoạch thực hiện mô hình dân vận khéo")
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


@cache
def xlsx_bytes() -> bytes:
    from openpyxl import Workbook

    from danvan.core.xlsx.writer import workbook_bytes

    book = Workbook()
    book.active.append(["Tên mô hình", "Năm"])
    return workbook_bytes(book)


@cache
def image_bytes(form: str = "PNG") -> bytes:
    from PIL import Image

    buffer = io.BytesIO()
    Image.new("RGB", (40, 30), (200, 30, 30)).save(buffer, form)
    return buffer.getvalue()


# A page with a script, named like a PDF: what the content check is for.
DISGUISED_PAGE = b"<!DOCTYPE html><html><body><script>alert(document.cookie)</script></body></html>"


def media_files() -> set[Path]:
    return {p for p in Path(settings.MEDIA_ROOT).rglob("*") if p.is_file()}


@dataclass
class UploadPoint:
    """One place a user attaches a file: how to send one, and what it became."""

    folder: str  # where the stored files go, under MEDIA_ROOT
    send: Callable[[SimpleUploadedFile], object]  # posts the file as the allowed user; returns the response
    stored: Callable[[], tuple]  # (FieldFile, original name, download URL) of the newest attachment, or None


def _disposition(response) -> str:
    return response["Content-Disposition"]


def check_upload_point(point: UploadPoint, client, stranger_client, settings) -> None:
    before = point.stored()

    # A real PDF with a Vietnamese name: kept under a random name, downloaded under its own.
    response = point.send(SimpleUploadedFile("Biên bản họp dân.pdf", pdf_bytes()))
    assert response.status_code == 302, response.content.decode()[:2000]
    field, name, url = point.stored()
    assert re.fullmatch(rf"{re.escape(point.folder)}/\d{{4}}/\d{{2}}/[0-9a-f]{{32}}\.pdf", field.name), field.name
    assert name == "Biên bản họp dân.pdf"
    download = client.get(url)
    assert download.status_code == 200
    assert download["Content-Type"] == "application/pdf"
    assert download["X-Content-Type-Options"] == "nosniff"
    assert _disposition(download).startswith("inline") and quote("Biên bản họp dân.pdf") in _disposition(download)
    assert b"".join(download.streaming_content) == pdf_bytes()
    assert stranger_client.get(url).status_code == 404

    # A Word file named like a spreadsheet: accepted for what it is, downloaded (never shown) as .docx.
    assert point.send(SimpleUploadedFile("ke-hoach.xlsx", docx_bytes())).status_code == 302
    field, name, url = point.stored()
    assert field.name.endswith(".docx") and name == "ke-hoach.docx"
    download = client.get(url)
    assert download["Content-Type"] == XLSX_OR_DOCX["docx"]
    assert _disposition(download).startswith("attachment")
    assert b"".join(download.streaming_content) == docx_bytes()
    kept = point.stored()

    # Refused, with the reason, and nothing stored: a page named .pdf, an empty file, one over the limit.
    files = media_files()
    for upload, message in [
        (SimpleUploadedFile("bao-cao.pdf", DISGUISED_PAGE), "Nội dung tệp “bao-cao.pdf” không phải"),
        (SimpleUploadedFile("rong.pdf", b""), "Tệp rỗng (0 byte)."),
    ]:
        response = point.send(upload)
        assert response.status_code == 200 and message in response.content.decode(), message
    settings.ATTACHMENT_MAX_BYTES = len(pdf_bytes()) - 1
    response = point.send(SimpleUploadedFile("lon.pdf", pdf_bytes()))
    assert response.status_code == 200 and "vượt quá giới hạn" in response.content.decode()
    assert point.stored() == kept and media_files() == files
    assert before is None or before != kept


XLSX_OR_DOCX = {
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}
