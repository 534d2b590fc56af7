"""Uploaded attachments: what a file is (judged by its bytes, never its name), where it is kept (under a
random name), and how it goes back to a reader (only through a scoped view; shown in the browser only
when it is an image or a PDF).

Seven kinds are accepted, so a few signatures say it all; a general sniffer (libmagic) would add a
system library and still need the zip look-up that tells a Word file from an Excel one."""

from __future__ import annotations

import secrets
import zipfile
from dataclasses import dataclass
from pathlib import PurePath
from typing import IO

from django import forms
from django.conf import settings
from django.http import FileResponse, Http404
from django.utils import timezone
from django.utils.deconstruct import deconstructible

from danvan.core.vn import format_number


@dataclass(frozen=True)
class FileType:
    extension: str
    content_type: str
    label: str
    inline: bool  # a browser may show it in the page; everything else is downloaded

    @property
    def is_image(self) -> bool:
        return self.content_type.startswith("image/")


PDF = FileType("pdf", "application/pdf", "PDF", True)
JPEG = FileType("jpg", "image/jpeg", "JPG", True)
PNG = FileType("png", "image/png", "PNG", True)
DOCX = FileType("docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document", "Word", False)
XLSX = FileType("xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "Excel", False)
DOC = FileType("doc", "application/msword", "Word 97–2003", False)
XLS = FileType("xls", "application/vnd.ms-excel", "Excel 97–2003", False)

IMAGES = (JPEG, PNG)
DOCUMENTS = (PDF, DOCX, DOC, XLSX, XLS)
ATTACHMENTS = DOCUMENTS + IMAGES
OCTET_STREAM = "application/octet-stream"

_OLE2 = bytes.fromhex("D0CF11E0A1B11AE1")
_ZIP = b"PK\x03\x04"
_SCAN_CHUNK = 1024 * 1024
# Stream names in an OLE2 (97–2003) file's directory, stored as UTF-16.
_OLE2_STREAMS = (
    ("WordDocument".encode("utf-16-le"), DOC),
    ("Workbook".encode("utf-16-le"), XLS),
    ("Book".encode("utf-16-le"), XLS),
)
_ENCRYPTED = "EncryptedPackage".encode("utf-16-le")


class Encrypted(Exception):
    """An Office file protected by a password: nobody reviewing it could open it."""


def _ole2_type(stream: IO[bytes]) -> FileType | None:
    """The directory of an OLE2 file may lie anywhere in it: scan chunk by chunk (bounded by the size limit)."""
    tail = b""
    found = None
    while chunk := stream.read(_SCAN_CHUNK):
        window = tail + chunk
        if _ENCRYPTED in window:
            raise Encrypted
        for marker, kind in _OLE2_STREAMS:
            if found is None and marker in window:
                found = kind
        tail = window[-64:]
    return found


def _zip_type(stream: IO[bytes]) -> FileType | None:
    try:
        with zipfile.ZipFile(stream) as archive:
            names = set(archive.namelist())
    except (zipfile.BadZipFile, EOFError, ValueError, OSError):
        return None
    if "[Content_Types].xml" not in names:
        return None
    if "word/document.xml" in names:
        return DOCX
    if "xl/workbook.xml" in names:
        return XLSX
    return None


def detect(stream: IO[bytes]) -> FileType | None:
    """The kind of file these bytes are, or None for anything else. Raises Encrypted."""
    stream.seek(0)
    head = stream.read(8)
    stream.seek(0)
    try:
        if head.startswith(b"%PDF-"):
            return PDF
        if head.startswith(b"\x89PNG\r\n\x1a\n"):
            return PNG
        if head.startswith(b"\xff\xd8\xff"):
            return JPEG
        if head.startswith(_OLE2):
            return _ole2_type(stream)
        if head.startswith(_ZIP):
            return _zip_type(stream)
        return None
    finally:
        stream.seek(0)


def size_text(size: int) -> str:
    """ "10 MB", "10,5 MB", "900 KB": one decimal only where it says something."""
    value, unit = (size / 1024, "KB") if size < 1024 * 1024 else (size / 1024 / 1024, "MB")
    return f"{format_number(value, 0 if value == int(value) else 1)} {unit}"


def labels(types: tuple[FileType, ...]) -> str:
    return ", ".join(dict.fromkeys(t.label.split()[0] for t in types))


def original_name(upload) -> str:
    """The name the user's file had, with the extension its content has (set by AttachmentField)."""
    return getattr(upload, "original_name", None) or PurePath(upload.name).name


class AttachmentField(forms.FileField):
    """A file checked by content and size. The cleaned upload is renamed to a neutral name with the
    extension of what it really is; `original_name(upload)` gives the name to show and download as."""

    def __init__(self, *, types: tuple[FileType, ...] = ATTACHMENTS, **kwargs):
        self.types = types
        kwargs.setdefault("help_text", f"{labels(types)}; tối đa {size_text(settings.ATTACHMENT_MAX_BYTES)}.")
        super().__init__(**kwargs)
        self.error_messages["required"] = "Chưa chọn tệp để tải lên."
        self.error_messages["empty"] = "Tệp rỗng (0 byte)."
        self.widget.attrs["accept"] = ",".join(
            [f".{t.extension}" for t in types] + ([".jpeg"] if JPEG in types else [])
        )

    def clean(self, data, initial=None):
        upload = super().clean(data, initial)
        if not upload or upload is initial or getattr(upload, "original_name", None):
            return upload
        name = PurePath(upload.name).name
        limit = settings.ATTACHMENT_MAX_BYTES
        if upload.size > limit:
            raise forms.ValidationError(
                f"Tệp “{name}” có dung lượng {size_text(upload.size)}, vượt quá giới hạn {size_text(limit)}."
            )
        try:
            kind = detect(upload)
        except Encrypted:
            raise forms.ValidationError(
                f"Tệp “{name}” được đặt mật khẩu nên người xem không mở được; vui lòng gỡ mật khẩu rồi tải lên lại."
            ) from None
        if kind not in self.types:
            raise forms.ValidationError(
                f"Nội dung tệp “{name}” không phải {labels(self.types)} (đã kiểm tra nội dung tệp, không chỉ "
                f"phần đuôi tên); vui lòng chọn đúng tệp."
            )
        stem = PurePath(name).stem.strip() or "tep"
        upload.original_name = f"{stem[:200]}.{kind.extension}"
        upload.file_type = kind
        upload.name = f"tep.{kind.extension}"
        return upload


@deconstructible
class RandomName:
    """`upload_to` that keeps a file under a random name in a dated folder, whatever the user called it
    (no guessable URLs, no clashes, no odd characters on disk); the extension comes from the content."""

    def __init__(self, folder: str) -> None:
        self.folder = folder

    def __call__(self, instance, filename: str) -> str:
        suffix = PurePath(filename).suffix.lower()[:10]
        return f"{self.folder}/{timezone.localdate():%Y/%m}/{secrets.token_hex(16)}{suffix}"

    def __eq__(self, other) -> bool:
        return isinstance(other, RandomName) and other.folder == self.folder


def serve(field, name: str = "") -> FileResponse:
    """A stored attachment, for a view that has already checked the reader's scope. The type is read
    from the stored bytes (files kept before content checks too): images and PDFs open in the browser,
    anything else downloads."""
    if not field:
        raise Http404("Không có tệp.")
    try:
        handle = field.open("rb")
    except FileNotFoundError:
        raise Http404("Tệp không còn trên máy chủ.") from None
    try:
        kind = detect(handle)
    except Encrypted:
        kind = None
    filename = name or PurePath(field.name).name
    if kind is not None and PurePath(filename).suffix.lower().lstrip(".") not in {kind.extension, "jpeg"}:
        filename = f"{PurePath(filename).stem}.{kind.extension}"
    inline = kind is not None and kind.inline
    # The content type comes from the bytes and nosniff is on (SecurityMiddleware): a browser never
    # takes an uploaded file for a page of ours.
    content_type = kind.content_type if kind else OCTET_STREAM
    return FileResponse(handle, as_attachment=not inline, filename=filename, content_type=content_type)


def keep_stored_names(app_label: str, model_name: str, file_field: str, name_field: str):
    """A migration step: files stored before names were random keep the name their path ends in."""
    from django.db import migrations

    def forwards(apps, schema_editor):
        model = apps.get_model(app_label, model_name)
        rows = model.objects.exclude(**{file_field: ""}).only("pk", file_field)
        batch = []
        for row in rows.iterator(chunk_size=2000):
            setattr(row, name_field, PurePath(getattr(row, file_field).name).name[:255])
            batch.append(row)
            if len(batch) == 2000:
                model.objects.bulk_update(batch, [name_field])
                batch = []
        model.objects.bulk_update(batch, [name_field])

    return migrations.RunPython(forwards, migrations.RunPython.noop)
