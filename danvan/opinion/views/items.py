"""Opinion items: the list, recording and editing, the workflow steps, merging duplicates, evidence files."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Count
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_POST

from danvan.core import changelog, scoping, uploads
from danvan.core.forms import add_errors
from danvan.core.lists import Column, Listing
from danvan.core.views import requested_transition, saved_by_service
from danvan.core.workflow import timeline
from danvan.opinion import services
from danvan.opinion.choices import State
from danvan.opinion.forms import STEP_FORMS, ItemFileForm, ItemFilter, ItemForm, MergeForm
from danvan.opinion.models import ItemFile, OpinionItem

STATE_LABELS = dict(State.choices)
SORTS = {
    "ngay": ("noted_on", "id"),
    "han": ("answer_due", "id"),
}
COLUMNS = (
    Column("Ngày", "ngay", "text-nowrap"),
    Column("Nội dung"),
    Column("Lĩnh vực"),
    Column("Nguồn"),
    Column("Chiều hướng"),
    Column("Hạn trả lời", "han", "text-nowrap"),
    Column("Tình trạng"),
)


def get_item(request, pk: int) -> OpinionItem:
    queryset = OpinionItem.objects.restrict(request.user).select_related(
        "unit__kind", "place", "topic", "collaborator", "case", "created_by"
    )
    return get_object_or_404(queryset, pk=pk)


def may_record(user) -> bool:
    return scoping.scope_paths(user, scoping.CHANGE) != []


@login_required
def item_list(request):
    today = timezone.localdate()
    filters = ItemFilter(request.GET or None)
    rows = OpinionItem.objects.restrict(request.user).cases()
    rows = filters.apply(rows, today).select_related("unit", "place", "topic").annotate(sources=Count("merged"))
    listing = Listing(
        request, rows, noun="thông tin", columns=COLUMNS, sorts=SORTS, default=("-noted_on", "-id")
    )  # fmt: skip
    context = {
        "listing": listing,
        "page": listing.page,
        "filter_form": filters,
        "today": today,
        "can_create": may_record(request.user),
        "export_url": f"{reverse('opinion:item-export')}?{request.GET.urlencode()}",
    }
    return render(request, "opinion/item_list.html", context)


def _form(request, form, item=None):
    title = "Sửa thông tin dư luận" if item else "Ghi nhận thông tin dư luận"
    return render(request, "opinion/item_form.html", {"form": form, "item": item, "title": title})


@login_required
def item_create(request):
    if not may_record(request.user):
        raise PermissionDenied("Bạn chưa được phân quyền cập nhật thông tin của đơn vị nào.")
    form = ItemForm(request.POST or None, user=request.user)
    if done := saved_by_service(
        request, form, lambda f: services.save_item(request.user, f.instance), "Đã ghi nhận thông tin dư luận."
    ):
        return done
    return _form(request, form)


@login_required
def item_edit(request, pk: int):
    item = get_item(request, pk)
    if not services.may_change(request.user, item):
        raise PermissionDenied(f"Bạn không có quyền sửa thông tin của {item.unit.name}.")
    form = ItemForm(request.POST or None, instance=item, user=request.user)
    if done := saved_by_service(
        request,
        form,
        lambda f: services.save_item(request.user, f.instance, f.cleaned_data.get("version")),
        "Đã lưu thông tin dư luận.",
        to=item,
    ):
        return done
    return _form(request, form, item)


def render_detail(
    request, item: OpinionItem, failed_action: str = "", failed_form=None, merge_form=None, file_form=None
):
    user = request.user
    steps = timeline(item, user)
    for step in steps:
        step.from_label = STATE_LABELS.get(step.from_state, step.from_state)
        step.to_label = STATE_LABELS.get(step.to_state, step.to_state)
    actions = []
    if not item.case_id:
        for transition in services.WORKFLOW.available(item, user):
            form_class = STEP_FORMS.get(transition.action)
            form = failed_form if transition.action == failed_action else (form_class() if form_class else None)
            actions.append((transition, form))
    can_change = services.may_change(user, item)
    merged = list(OpinionItem.objects.restrict(user).filter(case=item).select_related("unit", "collaborator"))
    if can_change and not item.case_id and merge_form is None:
        merge_form = MergeForm(case=item, user=user)
    context = {
        "item": item,
        "today": timezone.localdate(),
        "actions": actions,
        "next_steps": [] if item.case_id else services.WORKFLOW.next_steps(item, user),
        "failed_action": failed_action,
        "steps": steps,
        "history": changelog.history_page(request, item),
        "can_change": can_change,
        "merged": merged,
        "merge_form": merge_form
        if merge_form is not None and merge_form.fields["duplicates"].queryset.exists()
        else None,
        "files": list(ItemFile.objects.restrict(user).filter(item=item).select_related("uploaded_by")),
        "file_form": (file_form or ItemFileForm()) if can_change else None,
    }
    return render(request, "opinion/item_detail.html", context)


@login_required
def item_detail(request, pk: int):
    return render_detail(request, get_item(request, pk))


@require_POST
@login_required
def item_step(request, pk: int, action: str):
    item = get_item(request, pk)
    transition = requested_transition(request, item, services.WORKFLOW, action, "Thông tin")
    if isinstance(transition, HttpResponse):
        return transition
    form_class = STEP_FORMS.get(action)
    form = form_class(request.POST) if form_class else None
    if form is None or form.is_valid():
        try:
            services.take_step(request.user, item, action, **(form.cleaned_data if form else {}))
        except ValidationError as exc:
            if form is None:
                messages.error(request, " ".join(exc.messages))
                return redirect(item)
            add_errors(form, exc)
        else:
            messages.success(request, f"Thông tin đã chuyển sang “{STATE_LABELS[transition.target]}”.")
            return redirect(item)
    return render_detail(request, item, failed_action=action, failed_form=form)


@require_POST
@login_required
def item_merge(request, pk: int):
    item = get_item(request, pk)
    form = MergeForm(request.POST, case=item, user=request.user)
    if form.is_valid():
        try:
            count = services.merge(request.user, item, list(form.cleaned_data["duplicates"]))
        except ValidationError as exc:
            add_errors(form, exc)
        else:
            messages.success(request, f"Đã gộp; vụ việc này nay gồm {count + 1} thông tin.")
            return redirect(item)
    return render_detail(request, item, merge_form=form)


@require_POST
@login_required
def item_unmerge(request, pk: int):
    item = get_item(request, pk)
    if not item.case_id:
        messages.warning(request, "Thông tin này không thuộc vụ việc nào.")
        return redirect(item)
    case = item.case
    services.unmerge(request.user, item)
    messages.success(request, "Đã tách thông tin khỏi vụ việc.")
    return redirect(case)


@require_POST
@login_required
def file_add(request, pk: int):
    item = get_item(request, pk)
    if not services.may_change(request.user, item):
        raise PermissionDenied(f"Bạn không có quyền bổ sung tệp cho thông tin của {item.unit.name}.")
    form = ItemFileForm(request.POST, request.FILES)
    if form.is_valid():
        services.attach(request.user, item, form.cleaned_data["file"], form.cleaned_data["caption"])
        messages.success(request, "Đã thêm tệp minh chứng.")
        return redirect(item)
    return render_detail(request, item, file_form=form)


def get_file(request, pk: int) -> ItemFile:
    return get_object_or_404(ItemFile.objects.restrict(request.user).select_related("item__unit"), pk=pk)


@login_required
def file_open(request, pk: int):
    attachment = get_file(request, pk)
    return uploads.serve(attachment.file, attachment.original_name)


@require_POST
@login_required
def file_delete(request, pk: int):
    attachment = get_file(request, pk)
    item = attachment.item
    services.remove_file(request.user, attachment)
    messages.success(request, "Đã xóa tệp minh chứng.")
    return redirect(item)
