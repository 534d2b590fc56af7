"""Conferences and seminars: the list, recording and editing (units attending, awards presented), their page
with the documents adopted and the conclusions, files."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.db.models import Count, Q
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.views.decorators.http import require_POST

from danvan.core import changelog, scoping, uploads
from danvan.core.lists import Column, Listing
from danvan.core.views import saved_by_service
from danvan.events.forms import ConferenceFileForm, ConferenceFilter, ConferenceForm
from danvan.events.models import Attendance, Conference, ConferenceFile, PresentedAward
from danvan.events.services import conferences as services
from danvan.events.views.common import form_page, may_record, require_change, require_record

COLUMNS = (
    Column("Ngày", "ngay", "text-nowrap"),
    Column("Hội nghị"),
    Column("Loại"),
    Column("Đại biểu", "dai_bieu", "text-end"),
    Column("Đơn vị dự", css="text-end"),
)
SORTS = {"ngay": ("date", "id"), "dai_bieu": ("attendees", "id")}


@login_required
def conference_list(request):
    filters = ConferenceFilter(request.GET or None, user=request.user)
    rows = filters.apply(Conference.objects.restrict(request.user))
    rows = rows.select_related("unit", "kind").annotate(unit_count=Count("attendance"))
    listing = Listing(request, rows, noun="hội nghị", columns=COLUMNS, sorts=SORTS, default=("-date", "-id"))
    context = {
        "listing": listing,
        "page": listing.page,
        "filter_form": filters,
        "can_create": may_record(request.user),
        "today": timezone.localdate(),
    }
    return render(request, "events/conference_list.html", context)


def get_conference(request, pk: int) -> Conference:
    queryset = Conference.objects.restrict(request.user).select_related("unit__kind", "unit__parent", "kind")
    return get_object_or_404(queryset, pk=pk)


def _save(request, form: ConferenceForm):
    values = form.cleaned_data
    return services.save_conference(
        request.user, form.instance, values["attending_units"], values["presented"], values.get("version")
    )


@login_required
def conference_create(request):
    require_record(request.user)
    form = ConferenceForm(request.POST or None, user=request.user)
    if done := saved_by_service(request, form, lambda f: _save(request, f), "Đã thêm hội nghị."):
        return done
    return form_page(request, form, None, "Thêm hội nghị, tọa đàm", "events:conference-list", "Hội nghị, tọa đàm")


@login_required
def conference_edit(request, pk: int):
    conference = get_conference(request, pk)
    require_change(request.user, conference.unit, "hội nghị")
    form = ConferenceForm(request.POST or None, instance=conference, user=request.user)
    if done := saved_by_service(request, form, lambda f: _save(request, f), "Đã lưu hội nghị.", to=conference):
        return done
    return form_page(request, form, conference, "Sửa hội nghị", "events:conference-list", "Hội nghị, tọa đàm")


def _history(request, conference: Conference):
    """The conference's changes and the units, awards and files added or removed, newest first."""
    return changelog.record_history(request, conference)


def render_conference(request, conference: Conference, file_form=None):
    user = request.user
    can_change = scoping.covers(user, conference.unit.path, scoping.CHANGE)
    attending = list(
        Attendance.objects.filter(conference=conference).select_related("unit__bloc").order_by("unit__path")
    )
    presented = list(
        PresentedAward.objects.filter(conference=conference)
        .select_related("decision__award_type")
        .annotate(
            collectives=Count("decision__recipients", filter=Q(decision__recipients__kind="collective")),
            individuals=Count("decision__recipients", filter=Q(decision__recipients__kind="individual")),
        )
        .order_by("decision__date", "decision_id")
    )
    context = {
        "conference": conference,
        "upcoming": conference.date > timezone.localdate(),
        "attending": attending,
        "presented": presented,
        "files": list(ConferenceFile.objects.restrict(user).filter(conference=conference)),
        "can_change": can_change,
        "file_form": (file_form or ConferenceFileForm()) if can_change else None,
        "history": _history(request, conference),
    }
    return render(request, "events/conference_detail.html", context)


@login_required
def conference_detail(request, pk: int):
    return render_conference(request, get_conference(request, pk))


@require_POST
@login_required
def file_add(request, pk: int):
    conference = get_conference(request, pk)
    if not services.may_change(request.user, conference):
        raise PermissionDenied(f"Bạn không có quyền bổ sung văn bản cho hội nghị của {conference.unit.name}.")
    form = ConferenceFileForm(request.POST, request.FILES)
    if form.is_valid():
        services.attach(request.user, conference, form.cleaned_data["file"], form.cleaned_data["caption"])
        messages.success(request, "Đã thêm văn bản.")
        return redirect(conference)
    return render_conference(request, conference, file_form=form)


def get_file(request, pk: int) -> ConferenceFile:
    return get_object_or_404(ConferenceFile.objects.restrict(request.user).select_related("conference__unit"), pk=pk)


@login_required
def file_open(request, pk: int):
    attached = get_file(request, pk)
    return uploads.serve(attached.file, attached.original_name)


@require_POST
@login_required
def file_delete(request, pk: int):
    attached = get_file(request, pk)
    conference = attached.conference
    services.remove_file(request.user, attached)
    messages.success(request, "Đã xóa văn bản.")
    return redirect(conference)
