"""What a file is comes from its bytes; how it is served comes from what it is."""

import io
import zipfile

import pytest
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import SimpleUploadedFile

from danvan.core import uploads
from danvan.core.testing.uploads import DISGUISED_PAGE, docx_bytes, image_bytes, pdf_bytes, xlsx_bytes


def ole2(*streams: str) -> bytes:
    """The start of a 97–2003 Office file: the OLE2 signature, then directory entries named in UTF-16."""
    body = b"".join(name.encode("utf-16-le").ljust(64, b"\0") for name in streams)
    return bytes.fromhex("D0CF11E0A1B11AE1") + b"\0" * 2000 + body


def plain_zip() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("anh.jpg", image_bytes("JPEG"))
    return buffer.getvalue()


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        (pdf_bytes, uploads.PDF),
        (docx_bytes, uploads.DOCX),
        (xlsx_bytes, uploads.XLSX),
        (lambda: image_bytes("PNG"), uploads.PNG),
        (lambda: image_bytes("JPEG"), uploads.JPEG),
        (lambda: ole2("Root Entry", "WordDocument"), uploads.DOC),
        (lambda: ole2("Root Entry", "Workbook"), uploads.XLS),
        (lambda: DISGUISED_PAGE, None),
        (lambda: b"MZ\x90\x00" + b"\0" * 100, None),  # a Windows program
        (plain_zip, None),  # a zip that is no Office file
        (lambda: docx_bytes()[:300], None),  # a cut-off Word file
    ],
)
def test_the_kind_of_file_is_read_from_its_bytes(content, expected):
    stream = io.BytesIO(content())
    assert uploads.detect(stream) == expected
    assert stream.tell() == 0  # left ready to be stored


def test_a_password_protected_office_file_is_refused_with_the_reason(settings):
    field = uploads.AttachmentField()
    with pytest.raises(Exception, match="được đặt mật khẩu"):
        field.clean(SimpleUploadedFile("bao-cao.docx", ole2("Root Entry", "EncryptedPackage")))


def test_the_field_keeps_the_users_name_with_the_extension_the_content_has():
    upload = uploads.AttachmentField(types=uploads.IMAGES).clean(
        SimpleUploadedFile("Ảnh hội nghị.PNG.jpg", image_bytes())
    )
    assert (upload.name, upload.original_name, upload.file_type) == ("tep.png", "Ảnh hội nghị.PNG.png", uploads.PNG)
    with pytest.raises(Exception, match="không phải JPG, PNG"):
        uploads.AttachmentField(types=uploads.IMAGES).clean(SimpleUploadedFile("anh.png", pdf_bytes()))


def test_stored_names_are_random_and_dated():
    name = uploads.RandomName("practices")
    first, second = name(None, "tep.pdf"), name(None, "tep.pdf")
    assert first != second
    assert first.startswith("practices/") and first.endswith(".pdf") and len(first.rsplit("/", 1)[1]) == 36


def test_a_file_stored_before_content_checks_is_served_by_what_it_is():
    """An older upload named .png that is really a page: downloaded as bytes, never shown."""
    stored = default_storage.save("cu/anh.png", ContentFile(DISGUISED_PAGE))
    renamed = default_storage.save("cu/bien-ban.doc", ContentFile(pdf_bytes()))
    try:
        response = uploads.serve(_FieldLike(stored), "anh.png")
        assert response["Content-Type"] == "application/octet-stream"
        assert response["Content-Disposition"].startswith("attachment")
        response.file_to_stream.close()  # not response.close(): that signals a request end (closes db connections)
        response = uploads.serve(_FieldLike(renamed))
        assert response["Content-Type"] == "application/pdf" and "bien-ban.pdf" in response["Content-Disposition"]
        response.file_to_stream.close()  # not response.close(): that signals a request end (closes db connections)
    finally:
        default_storage.delete(stored)
        default_storage.delete(renamed)


class _FieldLike:
    """What `serve` needs of a FieldFile: a name and open()."""

    def __init__(self, name: str) -> None:
        self.name = name

    def __bool__(self) -> bool:
        return True

    def open(self, mode: str):
        return default_storage.open(self.name, mode)


@pytest.mark.django_db
def test_files_kept_before_random_names_keep_the_name_their_path_ends_in(cast):
    from django.apps import apps

    from danvan.core.jobs.models import Job

    old = Job.objects.create(user=cast.admin, kind="x", title="Nhập", source="viec/nguon/2024/01/Danh sách xã.xlsx")
    none = Job.objects.create(user=cast.admin, kind="x", title="Không tệp")
    uploads.keep_stored_names("core", "Job", "source", "source_name").code(apps, None)
    assert Job.objects.get(pk=old.pk).source_name == "Danh sách xã.xlsx"
    assert Job.objects.get(pk=none.pk).source_name == ""
