"""Excel import pages: upload → preview with every error and warning → confirm. The file waits in a
private temporary folder between the two steps and is checked again, in full, when confirmed."""

from __future__ import annotations

import tempfile
import uuid
from pathlib import Path

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect, render
from django.urls import reverse

from danvan.awards.forms import UploadForm
from danvan.awards.imports import DecisionsKind, ProposalRecipientsKind, warnings
from danvan.awards.views.common import XLSX, attachment, get_proposal, may, safe_filename
from danvan.core import scoping
from danvan.core.xlsx import ImportKind, export_bytes, get_kind, run_import

SESSION_KEY = "awards_imports"
PREVIEW_ROWS = 500  # the preview lists every error, but shows at most this many rows


def _folder() -> Path:
    folder = Path(tempfile.gettempdir()) / "danvan-imports"
    folder.mkdir(mode=0o700, exist_ok=True)
    return folder


def _keep(request, upload, target: str) -> str:
    token = uuid.uuid4().hex
    path = _folder() / f"{token}.xlsx"
    with path.open("wb") as out:
        for chunk in upload.chunks():
            out.write(chunk)
    kept = dict(request.session.get(SESSION_KEY, {}))
    kept[token] = {"path": str(path), "target": target}
    request.session[SESSION_KEY] = dict(list(kept.items())[-10:])
    return token


def _take(request, token: str, target: str) -> Path | None:
    kept = dict(request.session.get(SESSION_KEY, {}))
    entry = kept.pop(token, None)
    request.session[SESSION_KEY] = kept
    if entry is None or entry["target"] != target:
        return None
    path = Path(entry["path"])
    return path if path.exists() else None


def _preview_rows(result, kind: ImportKind) -> list[dict]:
    shown = [column for column in kind.columns if column.field != "unit_code"]
    rows = []
    for row in result.rows[:PREVIEW_ROWS]:
        rows.append(
            {
                "number": row.number,
                "cells": [row.cells.get(column.field) for column in shown],
                "action": row.action.label if row.action and row.ok else "",
                "errors": [
                    error.message if not error.column else f"{error.column}: {error.message}" for error in row.errors
                ],
                "warnings": row.extra.get("warnings", []),
            }
        )
    return rows


def import_flow(request, kind: ImportKind, target: str, context: dict, done_url: str):
    """GET: the upload form. POST file: dry run and preview. POST token: the real import."""
    form = UploadForm()
    if request.method == "POST" and request.POST.get("token"):
        path = _take(request, request.POST["token"], target)
        if path is None:
            messages.warning(request, "Phiên xem trước đã hết hạn; vui lòng chọn lại tệp.")
            return redirect(request.path)
        try:
            result = run_import(kind, str(path), user=request.user)
        finally:
            path.unlink(missing_ok=True)
        if result.ok:
            messages.success(request, result.summary() + ".")
            for number, message in warnings(result)[:20]:
                messages.warning(request, f"Dòng {number}: {message}")
            return redirect(done_url)
        context |= {"result": result, "rows": _preview_rows(result, kind)}
    elif request.method == "POST":
        form = UploadForm(request.POST, request.FILES)
        if form.is_valid():
            upload = form.cleaned_data["file"]
            result = run_import(kind, upload, user=request.user, dry_run=True)
            context |= {"result": result, "rows": _preview_rows(result, kind)}
            if result.ok:
                context["token"] = _keep(request, upload, target)
    context |= {
        "form": form,
        "columns": [c.header for c in kind.columns if c.field != "unit_code"],
        "all_columns": [c.header for c in kind.columns],
        "warnings": warnings(context["result"]) if "result" in context else [],
    }
    return render(request, "awards/import.html", context)


@login_required
def proposal_import(request, pk: int):
    proposal = get_proposal(request, pk)
    if not scoping.covers(request.user, proposal.unit.path, scoping.CHANGE):
        raise PermissionDenied(f"Bạn không có quyền thay đổi tờ trình của {proposal.unit.name}.")
    if not proposal.is_editable:
        messages.warning(request, "Tờ trình đã gửi hoặc đã được duyệt nên không thay đổi danh sách được.")
        return redirect(proposal)
    context = {"proposal": proposal, "title": "Nhập danh sách đề nghị khen thưởng từ Excel"}
    return import_flow(
        request, ProposalRecipientsKind(proposal), f"proposal:{proposal.pk}", context, proposal.get_absolute_url()
    )


@login_required
def proposal_export(request, pk: int):
    """The proposal's recipients under the import columns (also a template to fill in)."""
    proposal = get_proposal(request, pk)
    content = export_bytes(ProposalRecipientsKind(proposal), user=request.user)
    return attachment(content, XLSX, f"de-nghi-khen-thuong-{safe_filename(proposal.unit_name)}-{proposal.year}.xlsx")


@login_required
def decisions_import(request):
    if not may(request.user, scoping.CHANGE):
        raise PermissionDenied("Bạn chưa được phân quyền cập nhật hồ sơ của đơn vị nào nên không nhập được quyết định.")
    kind = get_kind(DecisionsKind.name)
    context = {"title": "Nhập quyết định khen thưởng đã ban hành từ Excel", "decisions": True}
    return import_flow(request, kind, "decisions", context, reverse("awards:decision-list"))
