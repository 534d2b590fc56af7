"""Excel for the practice list: the import template, upload → preview → confirm, and the export.

An upload is kept under MEDIA_ROOT/imports/<uuid>.xlsx with a small <uuid>.json beside it that names its
owner. The preview is a dry run; confirming runs the import for real on the stored file. Only the owner
can confirm, and a confirmed upload is consumed once: the file is renamed away (an atomic step only one
request can win) before it is imported, so a double submit never imports twice.
"""

from __future__ import annotations

import datetime as dt
import io
import json
import os
import re
import tempfile
import uuid
from pathlib import Path

from django import forms
from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import FileResponse, Http404
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_GET

from danvan.core import scoping
from danvan.core.forms import BootstrapFormMixin
from danvan.core.vn import format_number
from danvan.core.xlsx import ImportResult, export, reader, run_import, writer
from danvan.practices import imports

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
UPLOADS = "imports"
PREVIEW_ROWS = 200
KEEP_UPLOADS = dt.timedelta(days=2)  # unconfirmed uploads older than this are removed
UPLOAD_ID = re.compile(r"[0-9a-f]{32}")
KIND = imports.PracticesKind.name

MSG_NO_RIGHT = "Bạn chưa được phân quyền cập nhật hồ sơ của đơn vị nào nên không nhập được danh sách."
MSG_DONE = "Tệp này đã được nhập; không nhập lại lần nữa."
MSG_BUSY = "Tệp này đang được nhập hoặc đã được nhập; không nhập lại lần nữa."


def file_size(size: int) -> str:
    if size < 1024 * 1024:
        return f"{format_number(size / 1024, 1)} KB"
    return f"{format_number(size / 1024 / 1024, 1)} MB"


class ImportForm(BootstrapFormMixin, forms.Form):
    tep = forms.FileField(
        label="Tệp Excel (.xlsx)",
        error_messages={
            "required": "Vui lòng chọn tệp Excel (.xlsx) cần nhập.",
            "empty": reader.MSG_EMPTY_FILE,
            "invalid": "Không nhận được tệp; vui lòng chọn lại.",
        },
        widget=forms.ClearableFileInput(attrs={"accept": ".xlsx," + XLSX}),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["tep"].help_text = f"Tối đa {file_size(settings.IMPORT_MAX_BYTES)}."

    def clean_tep(self):
        upload = self.cleaned_data["tep"]
        limit = settings.IMPORT_MAX_BYTES
        if upload.size > limit:
            raise forms.ValidationError(f"Tệp quá lớn ({file_size(upload.size)}); giới hạn là {file_size(limit)}.")
        return upload


# --- Stored uploads ------------------------------------------------------------------------------


def upload_dir() -> Path:
    return Path(settings.MEDIA_ROOT) / UPLOADS


def _paths(upload_id: str) -> tuple[Path, Path, Path]:
    folder = upload_dir()
    return folder / f"{upload_id}.xlsx", folder / f"{upload_id}.json", folder / f"{upload_id}.dang-nhap.xlsx"


def _write_meta(path: Path, meta: dict) -> None:
    temporary = path.with_suffix(".tmp")
    temporary.write_text(json.dumps(meta, ensure_ascii=False))
    os.replace(temporary, path)  # readers see the old or the new content, never half of it


def store_upload(upload, user) -> str:
    """Keep the uploaded file with its owner; returns the upload id."""
    folder = upload_dir()
    folder.mkdir(parents=True, exist_ok=True)
    _remove_old_uploads(folder)
    upload_id = uuid.uuid4().hex
    data_path, meta_path, _ = _paths(upload_id)
    with open(data_path, "wb") as handle:
        for chunk in upload.chunks():
            handle.write(chunk)
    meta = {"owner": user.pk, "name": os.path.basename(upload.name or ""), "at": timezone.now().isoformat()}
    _write_meta(meta_path, meta)
    return upload_id


def read_meta(upload_id: str) -> dict | None:
    if not UPLOAD_ID.fullmatch(upload_id or ""):
        return None
    try:
        return json.loads(_paths(upload_id)[1].read_text())
    except (OSError, ValueError):
        return None


def discard_upload(upload_id: str) -> None:
    for path in _paths(upload_id):
        path.unlink(missing_ok=True)


def _remove_old_uploads(folder: Path) -> None:
    oldest = (timezone.now() - KEEP_UPLOADS).timestamp()
    for path in folder.iterdir():
        try:
            if path.stat().st_mtime < oldest:
                path.unlink()
        except OSError:
            pass  # removed by another request meanwhile


def claim_upload(upload_id: str) -> Path | None:
    """Take the stored file for importing; None if another request already took it."""
    data_path, _, claimed = _paths(upload_id)
    try:
        os.rename(data_path, claimed)
    except FileNotFoundError:
        return None
    return claimed


def release_upload(upload_id: str) -> None:
    data_path, _, claimed = _paths(upload_id)
    os.replace(claimed, data_path)


def finish_upload(upload_id: str, meta: dict) -> None:
    """The upload is consumed: its file goes, its record stays (marked done) to answer a resubmission."""
    data_path, meta_path, claimed = _paths(upload_id)
    _write_meta(meta_path, meta | {"done": True})
    claimed.unlink(missing_ok=True)
    data_path.unlink(missing_ok=True)


# --- Views ---------------------------------------------------------------------------------------


def _require_change(user) -> None:
    if scoping.scope_paths(user, scoping.CHANGE) == []:
        raise PermissionDenied(MSG_NO_RIGHT)


def _preview(request, result: ImportResult, name: str, upload_id: str | None):
    errors = result.errors
    rows = [
        {
            "number": row.number,
            "action": row.action.label if row.ok and row.action else "Lỗi",
            "css": "" if row.ok else "table-danger",
            "code": (row.target.code if row.target is not None and row.target.code else row.cells.get("code")) or "",
            "name": row.values.get("name") or row.cells.get("name") or "",
            "unit": row.target.unit_name if row.ok and row.target is not None else row.cells.get("unit") or "",
            "year": row.values.get("year") or row.cells.get("year") or "",
            "level": row.cells.get("level") or "",
            "status": row.cells.get("status") or "",
        }
        for row in result.rows[:PREVIEW_ROWS]
    ]
    context = {
        "result": result,
        "errors": errors,
        "rows": rows,
        "more_rows": max(len(result.rows) - PREVIEW_ROWS, 0),
        "name": name,
        "upload_id": upload_id if result.ok else None,
        "nothing_to_do": result.ok and not (result.created or result.updated),
    }
    return render(request, "practices/import_preview.html", context)


@login_required
def practice_import(request):
    """Upload a list, see what it would do (every error at once), then confirm."""
    _require_change(request.user)
    if request.method == "POST" and "tai_len" in request.POST:
        return _confirm(request, request.POST["tai_len"])
    form = ImportForm(request.POST, request.FILES) if request.method == "POST" else ImportForm()
    if form.is_bound and form.is_valid():
        upload = form.cleaned_data["tep"]
        upload_id = store_upload(upload, request.user)
        result = run_import(KIND, _paths(upload_id)[0], user=request.user, dry_run=True)
        if not result.ok or not (result.created or result.updated):
            discard_upload(upload_id)  # nothing to confirm
        return _preview(request, result, os.path.basename(upload.name or ""), upload_id)
    context = {"form": form, "limit": file_size(settings.IMPORT_MAX_BYTES)}
    return render(request, "practices/import.html", context)


def _confirm(request, upload_id: str):
    meta = read_meta(upload_id)
    if meta is None or meta.get("owner") != request.user.pk:
        raise Http404("Không có tệp tải lên này.")
    if meta.get("done"):
        messages.info(request, MSG_DONE)
        return redirect("practices:list")
    claimed = claim_upload(upload_id)
    if claimed is None:
        messages.info(request, MSG_BUSY)
        return redirect("practices:list")
    try:
        result = run_import(KIND, claimed, user=request.user)
    except Exception:
        release_upload(upload_id)  # not consumed: the owner may confirm again
        raise
    finish_upload(upload_id, meta)
    if result.ok:
        messages.success(request, f"{result.summary()} từ tệp “{meta.get('name', '')}”.")
        return redirect("practices:list")
    # The data changed since the preview (another import, an edit): the file is refused as it stands.
    return _preview(request, result, meta.get("name", ""), None)


@require_GET
@login_required
def import_template(request):
    """`Mẫu nhập mô hình.xlsx` with drop-down lists and the units the user may import for."""
    buffer = io.BytesIO()
    writer.save(imports.template_workbook(request.user), buffer)
    buffer.seek(0)
    return FileResponse(buffer, as_attachment=True, filename=imports.TEMPLATE_FILENAME, content_type=XLSX)


@require_GET
@login_required
def practice_export(request):
    """The list as filtered on the list page (same query string), under the import's columns."""
    workbook = export(KIND, {"params": request.GET}, user=request.user)
    # Written as rows stream from the database, then sent; FileResponse closes it.
    handle = tempfile.TemporaryFile()  # noqa: SIM115
    writer.save(workbook, handle)
    handle.seek(0)
    year = request.GET.get("nam", "")
    name = f"Danh sách mô hình dân vận khéo{' năm ' + year if year.isdigit() else ''}.xlsx"
    return FileResponse(handle, as_attachment=True, filename=name, content_type=XLSX)
