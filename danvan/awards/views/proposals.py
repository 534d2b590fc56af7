"""Proposals (tờ trình đề nghị khen thưởng): list, create, edit, the page with its recipients (HTMX rows),
and the workflow steps."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from danvan.awards import services
from danvan.awards.choices import ProposalStatus, RecipientKind
from danvan.awards.documents import proposal_docx, proposal_filename
from danvan.awards.forms import (
    PROPOSAL_STATUSES,
    CommentForm,
    ListFilterForm,
    ProposalForm,
    RecipientForm,
    recipient_units,
)
from danvan.awards.models import Proposal, Recipient
from danvan.awards.views.common import (
    COUNTS,
    DOCX,
    attachment,
    get_proposal,
    get_recipient,
    history,
    is_htmx,
    may,
)
from danvan.core import scoping
from danvan.core.db import ViCollate
from danvan.core.forms import add_errors
from danvan.core.lists import Column, Listing
from danvan.core.views import requested_transition
from danvan.core.workflow import timeline
from danvan.documents.phrasing import recipients_phrase

STATE_LABELS = dict(ProposalStatus.choices)
PROPOSAL_SORTS = {
    "nam": ("year", "id"),
    "don-vi": (ViCollate("unit_name"), "id"),
    "hinh-thuc": ("award_type__name", "id"),
    "trang-thai": ("status", "id"),
}
PROPOSAL_COLUMNS = (
    Column("Năm", "nam", "text-nowrap"),
    Column("Đơn vị đề nghị", "don-vi"),
    Column("Hình thức", "hinh-thuc"),
    Column("Tập thể", "", "text-end"),
    Column("Cá nhân", "", "text-end"),
    Column("Trạng thái", "trang-thai"),
)


@login_required
def proposal_list(request):
    user = request.user
    form = ListFilterForm(request.GET or None, user=user, statuses=PROPOSAL_STATUSES)
    rows = form.apply(Proposal.objects.restrict(user)).select_related("award_type").annotate(**COUNTS)
    listing = Listing(
        request, rows, noun="tờ trình đề nghị khen thưởng", columns=PROPOSAL_COLUMNS, sorts=PROPOSAL_SORTS,
        default=("-year", "-id"),
    )  # fmt: skip
    context = {"listing": listing, "page": listing.page, "filter_form": form, "can_create": may(user, scoping.CHANGE)}
    return render(request, "awards/proposal_list.html", context)


@login_required
def proposal_create(request):
    if not may(request.user, scoping.CHANGE):
        raise PermissionDenied("Bạn chưa được phân quyền cập nhật hồ sơ của đơn vị nào nên không lập được tờ trình.")
    form = ProposalForm(request.POST or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        try:
            proposal = services.create_proposal(request.user, form.instance)
        except ValidationError as exc:
            add_errors(form, exc)
        else:
            messages.success(request, "Đã lập tờ trình; tiếp theo, thêm các tập thể, cá nhân được đề nghị.")
            return redirect(proposal)
    return render(request, "awards/proposal_form.html", {"form": form, "title": "Lập tờ trình đề nghị khen thưởng"})


@login_required
def proposal_edit(request, pk: int):
    proposal = get_proposal(request, pk)
    if not scoping.covers(request.user, proposal.unit.path, scoping.CHANGE):
        raise PermissionDenied(f"Bạn không có quyền sửa tờ trình của {proposal.unit.name}.")
    if not proposal.is_editable:
        messages.warning(request, "Tờ trình đã gửi hoặc đã được duyệt nên không sửa được.")
        return redirect(proposal)
    form = ProposalForm(request.POST or None, instance=proposal, user=request.user)
    if request.method == "POST" and form.is_valid():
        try:
            services.update_proposal(request.user, form.instance, expected_version=form.cleaned_data["version"])
        except ValidationError as exc:
            add_errors(form, exc)
        else:
            messages.success(request, "Đã lưu thay đổi của tờ trình.")
            return redirect(proposal)
    context = {"form": form, "proposal": proposal, "title": "Sửa tờ trình"}
    return render(request, "awards/proposal_form.html", context)


def can_change(user, proposal: Proposal) -> bool:
    return proposal.is_editable and scoping.covers(user, proposal.unit.path, scoping.CHANGE)


def recipients_context(request, proposal: Proposal, form: RecipientForm | None = None) -> dict:
    """The recipients card: the list with duplicate warnings, and the add form when the list is editable."""
    user = request.user
    recipients = list(proposal.recipients.select_related("unit", "decision").prefetch_related("practices"))
    editable = can_change(user, proposal)
    if editable and form is None:
        form = RecipientForm(user=user, units=recipient_units(user, proposal.year, proposal.unit))
    warnings = services.recipient_warnings(user, recipients, proposal.award_type, proposal.year)
    collectives = sum(1 for r in recipients if r.kind == RecipientKind.COLLECTIVE)
    return {
        "proposal": proposal,
        "recipients": [(r, warnings.get(r.pk, [])) for r in recipients],
        "warning_count": sum(1 for r in recipients if r.pk in warnings),
        "summary": recipients_phrase(collectives, len(recipients) - collectives),
        "recipient_form": form if editable else None,
        "editable": editable,
    }


def can_decide(user, proposal: Proposal) -> bool:
    """An approved proposal not yet in a decision, and the user drafts the granting unit's decisions."""
    unit = proposal.award_type.authority.unit
    return (
        proposal.status == ProposalStatus.APPROVED
        and proposal.decision_id is None
        and unit is not None
        and scoping.covers(user, unit.path, scoping.CHANGE)
    )


def render_detail(request, proposal: Proposal, failed_action: str = "", failed_form=None, recipient_form=None):
    user = request.user
    steps = timeline(proposal, user)
    for step in steps:
        step.from_label = STATE_LABELS.get(step.from_state, step.from_state)
        step.to_label = STATE_LABELS.get(step.to_state, step.to_state)
    actions = []
    for transition in services.PROPOSAL_WORKFLOW.available(proposal, user):
        if transition.action == failed_action:
            form = failed_form
        else:
            form = CommentForm(reason=transition.requires_comment, prefix=transition.action)
        actions.append((transition, form))
    decision = None
    if proposal.decision_id:
        decision = proposal.decision if scoping.covers(user, proposal.decision.unit.path) else None
    context = recipients_context(request, proposal, recipient_form) | {
        "actions": actions,
        "failed_action": failed_action,
        "steps": steps,
        "history": history(request, proposal),
        "decision": decision,
        "can_edit": can_change(user, proposal),
        "can_decide": can_decide(user, proposal),
    }
    return render(request, "awards/proposal_detail.html", context)


@login_required
def proposal_detail(request, pk: int):
    return render_detail(request, get_proposal(request, pk))


@require_POST
@login_required
def proposal_action(request, pk: int, action: str):
    """Submit, approve or return a proposal."""
    proposal = get_proposal(request, pk)
    transition = requested_transition(request, proposal, services.PROPOSAL_WORKFLOW, action, "Tờ trình")
    if isinstance(transition, HttpResponse):
        return transition
    form = CommentForm(request.POST, reason=transition.requires_comment, prefix=action)
    if form.is_valid():
        try:
            services.transition(request.user, proposal, action, form.cleaned_data["comment"])
        except ValidationError as exc:
            add_errors(form, exc)
        else:
            messages.success(request, f"Tờ trình đã chuyển sang “{STATE_LABELS[transition.target]}”.")
            return redirect(proposal)
    return render_detail(request, proposal, failed_action=action, failed_form=form)


def _recipients_response(request, proposal: Proposal, form: RecipientForm | None = None, saved: bool = False):
    """HTMX: the refreshed recipients card; otherwise the page (on error) or a redirect (on success)."""
    if is_htmx(request):
        return render(request, "awards/_proposal_recipients.html", recipients_context(request, proposal, form))
    if saved:
        return redirect(proposal)
    return render_detail(request, proposal, recipient_form=form)


def _require_change(request, proposal: Proposal) -> None:
    if not scoping.covers(request.user, proposal.unit.path, scoping.CHANGE):
        raise PermissionDenied(f"Bạn không có quyền thay đổi tờ trình của {proposal.unit.name}.")
    if not proposal.is_editable:
        raise PermissionDenied("Tờ trình đã gửi hoặc đã được duyệt nên không thay đổi danh sách được.")


@require_POST
@login_required
def recipient_add(request, pk: int):
    proposal = get_proposal(request, pk)
    _require_change(request, proposal)
    units = recipient_units(request.user, proposal.year, proposal.unit)
    form = RecipientForm(request.POST, instance=Recipient(proposal=proposal), user=request.user, units=units)
    if form.is_valid():
        try:
            recipient = services.save_proposal_recipient(
                request.user, proposal, form.instance, form.cleaned_data["practice_codes"]
            )
        except ValidationError as exc:
            add_errors(form, exc)
        else:
            if not is_htmx(request):
                messages.success(request, f"Đã thêm “{recipient.name}” vào tờ trình.")
            return _recipients_response(request, proposal, saved=True)
    return _recipients_response(request, proposal, form)


@login_required
def recipient_edit(request, pk: int, rid: int):
    proposal = get_proposal(request, pk)
    _require_change(request, proposal)
    recipient = get_recipient(proposal, rid)
    units = recipient_units(request.user, proposal.year, proposal.unit)
    form = RecipientForm(request.POST or None, instance=recipient, user=request.user, units=units)
    if request.method == "POST" and form.is_valid():
        try:
            services.save_proposal_recipient(request.user, proposal, form.instance, form.cleaned_data["practice_codes"])
        except ValidationError as exc:
            add_errors(form, exc)
        else:
            messages.success(request, "Đã lưu thay đổi.")
            return redirect(proposal)
    context = {"form": form, "proposal": proposal, "recipient": recipient}
    return render(request, "awards/recipient_form.html", context)


@require_POST
@login_required
def recipient_delete(request, pk: int, rid: int):
    proposal = get_proposal(request, pk)
    _require_change(request, proposal)
    recipient = get_recipient(proposal, rid)
    services.remove_proposal_recipient(request.user, recipient)
    if not is_htmx(request):
        messages.success(request, f"Đã bỏ “{recipient.name}” khỏi tờ trình.")
    return _recipients_response(request, proposal, saved=True)


@login_required
def proposal_docx_download(request, pk: int):
    """The tờ trình (a draft too) as a Party- or State-format Word file, like the decision."""
    proposal = get_proposal(request, pk)
    try:
        content = proposal_docx(proposal)
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
        return redirect("awards:proposal-detail", pk=proposal.pk)
    return attachment(content, DOCX, proposal_filename(proposal))
