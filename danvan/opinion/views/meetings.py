"""Citizen reception (the schedule, the days held, the cases heard, the monthly minimum) and dialogues
with the people (the issues raised, the commitments followed until done)."""

from __future__ import annotations

import datetime as dt

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Count, Q
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.views.decorators.http import require_POST

from danvan.core import changelog, scoping
from danvan.core.forms import add_errors
from danvan.core.lists import Column, Listing
from danvan.core.views import saved_by_service
from danvan.opinion import rules
from danvan.opinion.forms import (
    CommitmentDoneForm,
    CommitmentForm,
    DialogueForm,
    DialogueIssueForm,
    MeetingFilter,
    ReceptionCaseForm,
    ReceptionForm,
)
from danvan.opinion.models import Commitment, Dialogue, DialogueIssue, Reception, ReceptionCase
from danvan.opinion.services import meetings as services
from danvan.opinion.views.items import may_record
from danvan.org.models import Unit

RECEPTION_COLUMNS = (
    Column("Ngày", "ngay", "text-nowrap"),
    Column("Đơn vị, người chủ trì"),
    Column("Hình thức"),
    Column("Số vụ việc", css="text-end"),
    Column("Tình trạng"),
)
DIALOGUE_COLUMNS = (
    Column("Ngày", "ngay", "text-nowrap"),
    Column("Chủ đề"),
    Column("Người dân tham dự", css="text-end"),
    Column("Cam kết", css="text-end"),
)
DAY_SORTS = {"ngay": ("day", "id")}


def _filtered(request, rows):
    form = MeetingFilter(request.GET or None, user=request.user)
    values = form.values()
    if values.get("nam"):
        rows = rows.filter(day__year=values["nam"])
    if values.get("don_vi"):
        rows = rows.filter(scoping.subtree_q("unit__path", values["don_vi"].path))
    return form, rows


def _require_change(user, unit: Unit, noun: str) -> None:
    if not scoping.covers(user, unit.path, scoping.CHANGE):
        raise PermissionDenied(f"Bạn không có quyền sửa {noun} của {unit.name}.")


def _meeting_form(request, form, record, title: str, back: str, section: str):
    context = {"form": form, "record": record, "title": title, "back": back, "section": section}
    return render(request, "opinion/meeting_form.html", context)


# --- Reception -------------------------------------------------------------------------------------


@login_required
def reception_list(request):
    rows = Reception.objects.restrict(request.user).select_related("unit").annotate(heard=Count("cases"))
    form, rows = _filtered(request, rows)
    listing = Listing(
        request, rows, noun="buổi tiếp", columns=RECEPTION_COLUMNS, sorts=DAY_SORTS, default=("-day", "-id")
    )
    context = {"listing": listing, "page": listing.page, "filter_form": form, "can_create": may_record(request.user)}
    return render(request, "opinion/reception_list.html", context)


def get_reception(request, pk: int) -> Reception:
    return get_object_or_404(Reception.objects.restrict(request.user).select_related("unit__kind"), pk=pk)


def _reception_form(request, form, reception=None):
    title = "Sửa buổi tiếp công dân" if reception else "Thêm buổi tiếp công dân"
    return _meeting_form(request, form, reception, title, "opinion:reception-list", "Tiếp công dân")


@login_required
def reception_create(request):
    if not may_record(request.user):
        raise PermissionDenied("Bạn chưa được phân quyền cập nhật thông tin của đơn vị nào.")
    form = ReceptionForm(request.POST or None, user=request.user)
    if done := saved_by_service(
        request, form, lambda f: services.save_reception(request.user, f.instance), "Đã thêm buổi tiếp công dân."
    ):
        return done
    return _reception_form(request, form)


@login_required
def reception_edit(request, pk: int):
    reception = get_reception(request, pk)
    _require_change(request.user, reception.unit, "lịch tiếp công dân")
    form = ReceptionForm(request.POST or None, instance=reception, user=request.user)
    if done := saved_by_service(
        request,
        form,
        lambda f: services.save_reception(request.user, f.instance, f.cleaned_data.get("version")),
        "Đã lưu buổi tiếp công dân.",
        to=reception,
    ):
        return done
    return _reception_form(request, form, reception)


def render_reception(request, reception: Reception, case_form=None, result_forms=None, status: int = 200):
    user = request.user
    today = timezone.localdate()
    can_change = scoping.covers(user, reception.unit.path, scoping.CHANGE)
    result_forms = result_forms or {}
    cases = list(ReceptionCase.objects.restrict(user).filter(reception=reception))
    for case in cases:
        case.overdue = case.is_overdue(today)
        if can_change:
            case.form = result_forms.get(case.pk) or ReceptionCaseForm(instance=case, prefix=f"c{case.pk}")
    context = {
        "reception": reception,
        "cases": cases,
        "can_change": can_change,
        "case_form": (case_form or ReceptionCaseForm()) if can_change and reception.status == "held" else None,
        "history": changelog.history_page(request, reception),
    }
    return render(request, "opinion/reception_detail.html", context, status=status)


@login_required
def reception_detail(request, pk: int):
    return render_reception(request, get_reception(request, pk))


@require_POST
@login_required
def case_add(request, pk: int):
    reception = get_reception(request, pk)
    _require_change(request.user, reception.unit, "buổi tiếp công dân")
    form = ReceptionCaseForm(request.POST)
    form.instance.reception = reception
    if done := saved_by_service(
        request, form, lambda f: services.save_case(request.user, f.instance), "Đã ghi vụ việc.", to=reception
    ):
        return done
    return render_reception(request, reception, case_form=form)


@require_POST
@login_required
def case_edit(request, pk: int):
    case = get_object_or_404(
        ReceptionCase.objects.restrict(request.user).select_related("reception__unit__kind"), pk=pk
    )
    reception = case.reception
    _require_change(request.user, reception.unit, "buổi tiếp công dân")
    form = ReceptionCaseForm(request.POST, instance=case, prefix=f"c{case.pk}")
    if done := saved_by_service(
        request,
        form,
        lambda f: services.save_case(request.user, f.instance),
        "Đã lưu kết quả giải quyết.",
        to=reception,
    ):
        return done
    return render_reception(request, reception, result_forms={case.pk: form})


@login_required
def reception_frequency(request):
    """Days held per unit and month against the minimum the rule sets for the unit's tier."""
    form = MeetingFilter(request.GET or None, user=request.user)
    values = form.values()
    today = timezone.localdate()
    year = values.get("nam") or today.year
    units = (
        Unit.objects.restrict(request.user)
        .filter(Q(kind__tier__in=["province", "district", "commune"]))
        .select_related("kind")
    )
    if values.get("don_vi"):
        units = units.filter(scoping.subtree_q("path", values["don_vi"].path))
    units = units.valid_during(dt.date(year, 1, 1), dt.date(year, 12, 31))
    listing = Listing(request, units, noun="đơn vị", default=("path",))
    rows = services.frequency(listing.page.object_list, year, today)
    context = {"listing": listing, "page": listing.page, "rows": rows, "filter_form": form, "year": year,
               "months": range(1, 13)}  # fmt: skip
    return render(request, "opinion/reception_frequency.html", context)


# --- Dialogues -------------------------------------------------------------------------------------


@login_required
def dialogue_list(request):
    rows = Dialogue.objects.restrict(request.user).select_related("unit").annotate(promised=Count("commitments"))
    form, rows = _filtered(request, rows)
    listing = Listing(
        request, rows, noun="hội nghị", columns=DIALOGUE_COLUMNS, sorts=DAY_SORTS, default=("-day", "-id")
    )
    context = {"listing": listing, "page": listing.page, "filter_form": form, "can_create": may_record(request.user)}
    return render(request, "opinion/dialogue_list.html", context)


def get_dialogue(request, pk: int) -> Dialogue:
    return get_object_or_404(Dialogue.objects.restrict(request.user).select_related("unit"), pk=pk)


def _dialogue_form(request, form, dialogue=None):
    title = "Sửa hội nghị đối thoại" if dialogue else "Thêm hội nghị đối thoại"
    return _meeting_form(request, form, dialogue, title, "opinion:dialogue-list", "Đối thoại")


@login_required
def dialogue_create(request):
    if not may_record(request.user):
        raise PermissionDenied("Bạn chưa được phân quyền cập nhật thông tin của đơn vị nào.")
    form = DialogueForm(request.POST or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        try:
            dialogue = services.save_dialogue(request.user, form.instance)
        except ValidationError as exc:
            add_errors(form, exc)
        else:
            messages.success(request, "Đã thêm hội nghị đối thoại.")
            if warning := rules.notice_warning(dialogue):
                messages.warning(request, warning)
            return redirect(dialogue)
    return _dialogue_form(request, form)


@login_required
def dialogue_edit(request, pk: int):
    dialogue = get_dialogue(request, pk)
    _require_change(request.user, dialogue.unit, "hội nghị đối thoại")
    form = DialogueForm(request.POST or None, instance=dialogue, user=request.user)
    if done := saved_by_service(
        request,
        form,
        lambda f: services.save_dialogue(request.user, f.instance, f.cleaned_data.get("version")),
        "Đã lưu hội nghị đối thoại.",
        to=dialogue,
    ):
        return done
    return _dialogue_form(request, form, dialogue)


def render_dialogue(request, dialogue: Dialogue, issue_form=None, commitment_form=None, done_forms=None):
    user = request.user
    today = timezone.localdate()
    can_change = scoping.covers(user, dialogue.unit.path, scoping.CHANGE)
    done_forms = done_forms or {}
    commitments = list(Commitment.objects.restrict(user).filter(dialogue=dialogue))
    for commitment in commitments:
        commitment.overdue = commitment.is_overdue(today)
        if can_change and not commitment.done_on:
            commitment.form = done_forms.get(commitment.pk) or CommitmentDoneForm(prefix=f"k{commitment.pk}")
    context = {
        "dialogue": dialogue,
        "notice_warning": rules.notice_warning(dialogue),
        "issues": list(DialogueIssue.objects.restrict(user).filter(dialogue=dialogue)),
        "commitments": commitments,
        "can_change": can_change,
        "issue_form": (issue_form or DialogueIssueForm(prefix="y")) if can_change else None,
        "commitment_form": (commitment_form or CommitmentForm(prefix="cam")) if can_change else None,
        "history": changelog.history_page(request, dialogue),
    }
    return render(request, "opinion/dialogue_detail.html", context)


@login_required
def dialogue_detail(request, pk: int):
    return render_dialogue(request, get_dialogue(request, pk))


@require_POST
@login_required
def issue_add(request, pk: int):
    dialogue = get_dialogue(request, pk)
    _require_change(request.user, dialogue.unit, "hội nghị đối thoại")
    form = DialogueIssueForm(request.POST, prefix="y")
    form.instance.dialogue = dialogue
    if done := saved_by_service(
        request,
        form,
        lambda f: services.save_issue(request.user, f.instance),
        "Đã ghi ý kiến của nhân dân.",
        to=dialogue,
    ):
        return done
    return render_dialogue(request, dialogue, issue_form=form)


@require_POST
@login_required
def commitment_add(request, pk: int):
    dialogue = get_dialogue(request, pk)
    _require_change(request.user, dialogue.unit, "hội nghị đối thoại")
    form = CommitmentForm(request.POST, prefix="cam")
    form.instance.dialogue = dialogue
    if done := saved_by_service(
        request, form, lambda f: services.save_commitment(request.user, f.instance), "Đã ghi cam kết.", to=dialogue
    ):
        return done
    return render_dialogue(request, dialogue, commitment_form=form)


@require_POST
@login_required
def commitment_done(request, pk: int):
    commitment = get_object_or_404(Commitment.objects.restrict(request.user).select_related("dialogue__unit"), pk=pk)
    dialogue = commitment.dialogue
    _require_change(request.user, dialogue.unit, "hội nghị đối thoại")
    if commitment.done_on:
        messages.warning(request, "Cam kết này đã được ghi là hoàn thành.")
        return redirect(dialogue)
    form = CommitmentDoneForm(request.POST, prefix=f"k{commitment.pk}")
    if form.is_valid():
        commitment.done_on, commitment.result = form.cleaned_data["done_on"], form.cleaned_data["result"]
        try:
            services.save_commitment(request.user, commitment)
        except ValidationError as exc:
            add_errors(form, exc)
        else:
            messages.success(request, "Đã ghi cam kết hoàn thành.")
            return redirect(dialogue)
    return render_dialogue(request, dialogue, done_forms={commitment.pk: form})
