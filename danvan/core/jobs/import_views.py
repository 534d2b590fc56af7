"""The one web import flow: upload (size and type checked here) → check job → preview → write job."""

from __future__ import annotations

import os

from django import forms
from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db import transaction
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.views.decorators.http import require_POST

from danvan.core import jobs
from danvan.core.forms import BootstrapFormMixin
from danvan.core.jobs.flows import Flow, get_flow
from danvan.core.jobs.imports import CHECK, WRITE
from danvan.core.jobs.models import Job
from danvan.core.vn import format_number
from danvan.core.xlsx import reader

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
TARGET = "doi_tuong"
ERRORS_SHOWN = 1000

MSG_TAKEN = "Tệp này đang được ghi hoặc đã được ghi; không ghi lại lần nữa."
MSG_NOT_READY = "Tệp có lỗi hoặc không có gì thay đổi nên không có gì để ghi."


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
        """Size and type, before anything is stored: the same check the engine makes."""
        upload = self.cleaned_data["tep"]
        try:
            reader.check_container(upload)
        except reader.FileRejected as exc:
            raise forms.ValidationError(exc.messages) from None
        upload.seek(0)
        return upload


def _target_pk(request):
    return request.GET.get(TARGET) or request.POST.get(TARGET) or None


def _context(flow: Flow, target, pk) -> dict:
    return {
        "flow": flow,
        "target": target,
        "target_pk": pk,
        "back_url": flow.back(target),
        "template_url": flow.template(target) if flow.template else None,
        "limit": file_size(settings.IMPORT_MAX_BYTES),
    }


@login_required
def upload(request, flow: str):
    """The form; a valid file is stored with a check job, and the page follows the job."""
    flow_ = get_flow(flow)
    pk = _target_pk(request)
    target = flow_.target(request.user, pk)
    flow_.check(request.user, target)
    form = ImportForm(request.POST, request.FILES) if request.method == "POST" else ImportForm()
    if form.is_bound and form.is_valid():
        file = form.cleaned_data["tep"]
        name = os.path.basename(file.name or "") or "tep.xlsx"
        job = jobs.start(
            request.user,
            CHECK,
            f"Kiểm tra tệp “{name}”: {flow_.title}",
            params={"flow": flow_.name, "target": int(pk) if pk else None},
            source=file,
            source_name=name,
            link=flow_.back(target),
        )
        return redirect("jobs:detail", pk=job.pk)
    return render(request, "core/jobs/import.html", _context(flow_, target, pk) | {"form": form})


def _writable(job: Job) -> bool:
    report = job.report or {}
    return job.status == Job.Status.DONE and report.get("ok") and (report.get("created") or report.get("updated"))


@login_required
def preview(request, pk: int):
    """Every error (row, column, message) of the checked file, the counts, the first rows; confirm if clean."""
    job = get_object_or_404(Job, pk=pk, user=request.user, kind=CHECK)
    if not job.finished:
        return redirect("jobs:detail", pk=job.pk)
    flow = get_flow(job.params["flow"])
    target = flow.target(request.user, job.params.get("target"))
    report = job.report or {}
    errors = report.get("errors", [])
    writes = job.children.filter(kind=WRITE).order_by("-created_at")
    context = _context(flow, target, job.params.get("target")) | {
        "job": job,
        "report": report,
        "errors": errors[:ERRORS_SHOWN],
        "more_errors": max(report.get("error_count", 0) - ERRORS_SHOWN, 0),
        "writable": _writable(job),
        "writes": writes,
        "taken": writes.exclude(status=Job.Status.FAILED).first(),
        "upload_url": reverse("jobs:import", args=[flow.name])
        + (f"?{TARGET}={job.params['target']}" if job.params.get("target") else ""),
    }
    return render(request, "core/jobs/preview.html", context)


@require_POST
@login_required
def confirm(request, pk: int):
    """Start the write job, once: a second submit finds the first (unless it failed, then it may retry)."""
    with transaction.atomic():
        job = get_object_or_404(Job.objects.select_for_update(), pk=pk, user=request.user, kind=CHECK)
        jobs.reap(request.user)  # a write whose worker died no longer holds the file
        taken = job.children.filter(kind=WRITE).exclude(status=Job.Status.FAILED).first()
        if taken is not None:
            messages.info(request, MSG_TAKEN)
            return redirect("jobs:detail", pk=taken.pk)
        if not _writable(job):
            messages.warning(request, MSG_NOT_READY)
            return redirect("jobs:import-preview", pk=job.pk)
        flow = get_flow(job.params["flow"])
        write = jobs.start(
            request.user,
            WRITE,
            f"Ghi dữ liệu từ tệp “{job.source_name}”: {flow.title}",
            params=job.params,
            parent=job,
            link=job.link,
        )
    return redirect("jobs:detail", pk=write.pk)
