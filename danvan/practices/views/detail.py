"""The record page: fields, workflow actions, timeline, history, amendments, files, replications."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_POST

from danvan.core import changelog, scoping, uploads
from danvan.core.forms import add_errors
from danvan.core.models import ChangeLogEntry
from danvan.core.views import requested_transition
from danvan.core.workflow import timeline
from danvan.practices import services
from danvan.practices.choices import FileKind, Status
from danvan.practices.forms import PracticeFileForm, PublicationForm, action_form
from danvan.practices.models import CONTENT_FIELDS, Amendment, Practice, PracticeFile
from danvan.practices.views.common import get_practice, optional_url

STATE_LABELS = dict(Status.choices)
SUMMARY_COLUMNS = ("code", "name", "unit_name", "year", "status")


def _amendments(practice: Practice, user) -> list:
    """Each amendment with its before/after described like a change-log entry."""
    amendments = list(Amendment.objects.restrict(user).filter(practice=practice).select_related("author"))
    content_type = ContentType.objects.get_for_model(Practice)
    entries = [
        ChangeLogEntry(content_type=content_type, action=ChangeLogEntry.Action.UPDATE, before=a.before, after=a.after)
        for a in amendments
    ]
    described = changelog.describe(entries, user)
    return [(amendment, changes) for amendment, (_, changes) in zip(amendments, described, strict=True)]


def may_attach(user, practice: Practice) -> bool:
    if scoping.covers(user, practice.unit.path, scoping.REVIEW):
        return True
    return not practice.is_locked and scoping.covers(user, practice.unit.path, scoping.CHANGE)


def may_publish(user, practice: Practice) -> bool:
    unit_path = practice.unit.path
    return scoping.covers(user, unit_path, scoping.CHANGE) or scoping.covers(user, unit_path, scoping.REVIEW)


def render_detail(
    request, practice: Practice, failed_action: str = "", failed_form=None, file_form=None, publication_form=None
):
    user = request.user
    steps = timeline(practice, user)
    for step in steps:
        step.from_label = STATE_LABELS.get(step.from_state, step.from_state)
        step.to_label = STATE_LABELS.get(step.to_state, step.to_state)
    actions = []
    for transition in services.WORKFLOW.available(practice, user):
        needs_form = transition.action == "recognize" or transition.requires_comment
        if transition.action == failed_action:
            form = failed_form
        else:
            form = action_form(transition, practice, user) if needs_form else None
        actions.append((transition, form))
    source = None
    if practice.replicated_from_id:
        source = Practice.objects.restrict(user).only(*SUMMARY_COLUMNS).filter(pk=practice.replicated_from_id).first()
    can_attach = may_attach(user, practice)
    files = list(PracticeFile.objects.restrict(user).filter(practice=practice).select_related("uploaded_by"))
    context = {
        "practice": practice,
        "actions": actions,
        "next_steps": services.WORKFLOW.next_steps(practice, user),
        "failed_action": failed_action,
        "steps": steps,
        "history": changelog.history_page(request, practice),
        "amendments": _amendments(practice, user),
        "content": [(label, getattr(practice, name)) for name, label in CONTENT_FIELDS],
        "photos": [f for f in files if f.kind == FileKind.PHOTO],
        "documents": [f for f in files if f.kind != FileKind.PHOTO],
        "file_form": (file_form or PracticeFileForm()) if can_attach else None,
        "replications": list(
            Practice.objects.restrict(user)
            .filter(replicated_from=practice)
            .only(*SUMMARY_COLUMNS)
            .order_by("-year", "code")[:200]
        ),
        "source": source,
        "source_hidden": practice.replicated_from_id is not None and source is None,
        "can_edit": not practice.is_locked and scoping.covers(user, practice.unit.path, scoping.CHANGE),
        "can_amend": practice.is_locked and scoping.covers(user, practice.unit.path, scoping.REVIEW),
        "publication_form": (publication_form or PublicationForm(practice=practice))
        if may_publish(user, practice)
        else None,
        "public_url": optional_url("showcase:detail", practice.code)
        if practice.published and practice.status == Status.RECOGNIZED
        else None,
    }
    return render(request, "practices/practice_detail.html", context)


@login_required
def practice_detail(request, pk: int):
    return render_detail(request, get_practice(request, pk))


@require_POST
@login_required
def practice_action(request, pk: int, action: str):
    """Take a workflow step (start, propose, recognize, return, reject) on one practice."""
    practice = get_practice(request, pk)
    transition = requested_transition(request, practice, services.WORKFLOW, action, "Hồ sơ")
    if isinstance(transition, HttpResponse):
        return transition
    form = action_form(transition, practice, request.user, request.POST)
    if form.is_valid():
        data = form.cleaned_data
        try:
            if action == "recognize":
                services.recognize(request.user, practice, **data)
            else:
                services.transition(request.user, practice, action, data["comment"])
        except ValidationError as exc:
            add_errors(form, exc)
        else:
            messages.success(request, f"Hồ sơ {practice.code} đã chuyển sang “{STATE_LABELS[transition.target]}”.")
            return redirect(practice)
    return render_detail(request, practice, failed_action=action, failed_form=form)


@require_POST
@login_required
def file_upload(request, pk: int):
    practice = get_practice(request, pk)
    if not may_attach(request.user, practice):
        raise PermissionDenied(f"Bạn không có quyền thêm tệp cho hồ sơ của {practice.unit.name}.")
    form = PracticeFileForm(request.POST, request.FILES)
    if form.is_valid():
        attached = form.save_for(request.user, practice)
        messages.success(request, f"Đã tải lên “{attached}”.")
        return redirect(practice)
    return render_detail(request, practice, file_form=form)


@login_required
def file_download(request, pk: int):
    """Serve a file only to users who may see its practice (never a bare media URL)."""
    attached = get_object_or_404(PracticeFile.objects.restrict(request.user), pk=pk)
    return uploads.serve(attached.file, attached.original_name)


@require_POST
@login_required
def practice_publication(request, pk: int):
    """Whether the practice (and which of its photos) may be shown on the public showcase."""
    practice = get_practice(request, pk)
    if not may_publish(request.user, practice):
        raise PermissionDenied(f"Bạn không có quyền quyết định công bố hồ sơ của {practice.unit.name}.")
    form = PublicationForm(request.POST, practice=practice)
    if form.is_valid():
        try:
            services.set_publication(
                request.user, practice, form.cleaned_data["published"], [f.pk for f in form.cleaned_data["photos"]]
            )
        except ValidationError as exc:
            add_errors(form, exc)
        else:
            if not practice.published:
                messages.success(request, f"Hồ sơ {practice.code} không được giới thiệu trên trang công khai.")
            elif practice.status == Status.RECOGNIZED:
                messages.success(request, f"Hồ sơ {practice.code} được giới thiệu trên trang công khai.")
            else:
                messages.success(
                    request, f"Đã lưu: hồ sơ {practice.code} sẽ được giới thiệu công khai khi được công nhận."
                )
            return redirect(practice)
    return render_detail(request, practice, publication_form=form)
