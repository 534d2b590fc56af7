"""The register of public-opinion collaborators, each with the items they reported."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.db.models import Count, Q
from django.shortcuts import get_object_or_404, render
from django.utils import timezone

from danvan.core import changelog, scoping
from danvan.core.db import ViCollate
from danvan.core.lists import Column, Listing
from danvan.core.views import saved_by_service
from danvan.opinion import services
from danvan.opinion.forms import CollaboratorForm
from danvan.opinion.models import Collaborator, OpinionItem
from danvan.opinion.views.items import may_record

SORTS = {
    "ten": (ViCollate("name"), "id"),
    "don-vi": ("unit__path", ViCollate("name"), "id"),
    "so-tin": ("reported", "id"),
}
COLUMNS = (
    Column("Họ và tên", "ten"),
    Column("Đơn vị", "don-vi"),
    Column("Lĩnh vực theo dõi"),
    Column("Nhiệm kỳ", css="text-nowrap"),
    Column("Số thông tin", "so-tin", "text-end"),
)


@login_required
def collaborator_list(request):
    today = timezone.localdate()
    rows = Collaborator.objects.restrict(request.user).select_related("unit", "topic").annotate(reported=Count("items"))
    current = request.GET.get("con_nhiem_ky") == "1"
    if current:
        rows = rows.filter(Q(term_end__isnull=True) | Q(term_end__gte=today), term_start__lte=today)
    listing = Listing(
        request, rows, noun="cộng tác viên", columns=COLUMNS, sorts=SORTS, default=("unit__path", "name", "id")
    )
    context = {"listing": listing, "page": listing.page, "current": current, "can_create": may_record(request.user)}
    return render(request, "opinion/collaborator_list.html", context)


def get_collaborator(request, pk: int) -> Collaborator:
    return get_object_or_404(Collaborator.objects.restrict(request.user).select_related("unit", "topic"), pk=pk)


@login_required
def collaborator_detail(request, pk: int):
    collaborator = get_collaborator(request, pk)
    items = (
        OpinionItem.objects.restrict(request.user).filter(collaborator=collaborator).select_related("topic", "place")
    )
    listing = Listing(request, items, noun="thông tin", columns=(), sorts={}, default=("-noted_on", "-id"))
    context = {
        "collaborator": collaborator,
        "listing": listing,
        "page": listing.page,
        "can_change": scoping.covers(request.user, collaborator.unit.path, scoping.CHANGE),
        "history": changelog.history_page(request, collaborator),
    }
    return render(request, "opinion/collaborator_detail.html", context)


def _form(request, form, collaborator=None):
    title = "Sửa cộng tác viên" if collaborator else "Thêm cộng tác viên dư luận xã hội"
    context = {"form": form, "collaborator": collaborator, "title": title}
    return render(request, "opinion/collaborator_form.html", context)


@login_required
def collaborator_create(request):
    if not may_record(request.user):
        raise PermissionDenied("Bạn chưa được phân quyền cập nhật thông tin của đơn vị nào.")
    form = CollaboratorForm(request.POST or None, user=request.user)
    if done := saved_by_service(
        request,
        form,
        lambda f: services.save_collaborator(request.user, f.instance),
        "Đã thêm cộng tác viên vào danh sách.",
    ):
        return done
    return _form(request, form)


@login_required
def collaborator_edit(request, pk: int):
    collaborator = get_collaborator(request, pk)
    if not scoping.covers(request.user, collaborator.unit.path, scoping.CHANGE):
        raise PermissionDenied(f"Bạn không có quyền sửa danh sách cộng tác viên của {collaborator.unit.name}.")
    form = CollaboratorForm(request.POST or None, instance=collaborator, user=request.user)
    if done := saved_by_service(
        request,
        form,
        lambda f: services.save_collaborator(request.user, f.instance, f.cleaned_data.get("version")),
        "Đã lưu cộng tác viên.",
        to=collaborator,
    ):
        return done
    return _form(request, form, collaborator)
