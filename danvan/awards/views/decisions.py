"""Decisions: list, draft, gather proposals and recipients, issue, amend, and the downloads
(the decision as Word, the certificates as PDF, the list as Excel)."""

from __future__ import annotations

import datetime as dt

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_POST

from danvan.awards import certificates, services
from danvan.awards.choices import DecisionStatus, ProposalStatus, RecipientKind, SignerMode
from danvan.awards.documents import decision_docx, docx_filename
from danvan.awards.forms import (
    DECISION_STATUSES,
    AmendmentForm,
    AttachForm,
    CommentForm,
    DecisionForm,
    ListFilterForm,
    RecipientForm,
    recipient_units,
)
from danvan.awards.jobs import CERTIFICATES
from danvan.awards.models import Amendment, Decision, Proposal, Recipient
from danvan.awards.views.common import (
    COUNTS,
    DOCX,
    XLSX,
    attachment,
    get_decision,
    get_recipient,
    history,
    is_htmx,
    may,
)
from danvan.core import scoping
from danvan.core.forms import add_errors
from danvan.core.jobs.views import start_and_follow
from danvan.core.lists import Column, Listing
from danvan.core.replica import reads_replica
from danvan.core.vn import text_date
from danvan.core.workflow import timeline
from danvan.core.xlsx import export_bytes
from danvan.documents.phrasing import recipients_phrase

STATE_LABELS = dict(DecisionStatus.choices)
DECISION_SORTS = {
    "so": ("number", "id"),
    "ngay": ("date", "id"),
    "hinh-thuc": ("award_type__name", "id"),
    "nam": ("year", "id"),
    "trang-thai": ("status", "id"),
}
DECISION_COLUMNS = (
    Column("Số quyết định", "so", "text-nowrap"),
    Column("Ngày", "ngay", "text-nowrap"),
    Column("Hình thức", "hinh-thuc"),
    Column("Năm", "nam"),
    Column("Tập thể", "", "text-end"),
    Column("Cá nhân", "", "text-end"),
    Column("Trạng thái", "trang-thai"),
)
AMENDMENT_LABELS = {
    "number": "Số quyết định",
    "date": "Ngày quyết định",
    "signer_mode": "Hình thức ký",
    "signer_name": "Người ký",
    "achievement": "Thành tích",
    "name": "Tên tập thể / Họ tên",
    "position": "Chức vụ",
    "unit_name": "Đơn vị",
}


@login_required
def decision_list(request):
    user = request.user
    form = ListFilterForm(request.GET or None, user=user, statuses=DECISION_STATUSES)
    rows = form.apply(Decision.objects.restrict(user)).select_related("award_type").annotate(**COUNTS)
    listing = Listing(
        request, rows, noun="quyết định khen thưởng", columns=DECISION_COLUMNS, sorts=DECISION_SORTS,
        default=("-date", "-id"),
    )  # fmt: skip
    context = {"listing": listing, "page": listing.page, "filter_form": form, "can_create": may(user, scoping.CHANGE)}
    return render(request, "awards/decision_list.html", context)


@login_required
@reads_replica
def decision_export(request):
    """The issued decisions' recipients under the import columns (the list's year and unit filters apply)."""
    form = ListFilterForm(request.GET or None, user=request.user, statuses=DECISION_STATUSES)
    filters = {}
    if form.is_bound and form.is_valid():
        if form.cleaned_data.get("nam"):
            filters["year"] = form.cleaned_data["nam"]
        if form.cleaned_data.get("don_vi"):
            filters["unit"] = form.cleaned_data["don_vi"].code
    content = export_bytes("awards", filters, user=request.user)
    return attachment(content, XLSX, f"khen-thuong{'-' + str(filters['year']) if 'year' in filters else ''}.xlsx")


def _initial_from_proposal(request) -> tuple[dict, Proposal | None]:
    """?to_trinh=<id>: a decision drafted from an approved proposal starts with its award type, year and text."""
    proposal_id = request.GET.get("to_trinh") or request.POST.get("to_trinh")
    if not (proposal_id or "").isdigit():
        return {}, None
    proposal = (
        Proposal.objects.restrict(request.user)
        .filter(pk=proposal_id, status=ProposalStatus.APPROVED, decision__isnull=True)
        .first()
    )
    if proposal is None:
        return {}, None
    return {"award_type": proposal.award_type_id, "year": proposal.year, "achievement": proposal.achievement}, proposal


@login_required
def decision_create(request):
    if not may(request.user, scoping.CHANGE):
        raise PermissionDenied("Bạn chưa được phân quyền cập nhật hồ sơ của đơn vị nào nên không lập được quyết định.")
    initial, proposal = _initial_from_proposal(request)
    form = DecisionForm(request.POST or None, initial=initial, user=request.user)
    if request.method == "POST" and form.is_valid():
        try:
            decision = services.create_decision(request.user, form.instance)
        except ValidationError as exc:
            add_errors(form, exc)
        else:
            messages.success(request, "Đã lập dự thảo quyết định.")
            if proposal is not None:
                try:
                    count = services.attach_proposals(request.user, decision, [proposal])
                    messages.info(request, f"Đã đưa {count} tập thể, cá nhân của tờ trình vào quyết định.")
                except (ValidationError, PermissionDenied) as exc:
                    messages.warning(request, " ".join(getattr(exc, "messages", [str(exc)])))
            return redirect(decision)
    context = {"form": form, "title": "Lập quyết định khen thưởng", "proposal": proposal}
    return render(request, "awards/decision_form.html", context)


@login_required
def decision_edit(request, pk: int):
    decision = get_decision(request, pk)
    if not scoping.covers(request.user, decision.unit.path, scoping.CHANGE):
        raise PermissionDenied(f"Bạn không có quyền sửa quyết định của {decision.unit.name}.")
    if decision.is_locked:
        messages.warning(request, "Quyết định đã ban hành nên đã khóa; chỉ sửa bằng cách lập đính chính.")
        return redirect(decision)
    form = DecisionForm(request.POST or None, instance=decision, user=request.user)
    if request.method == "POST" and form.is_valid():
        try:
            services.update_decision(request.user, form.instance, expected_version=form.cleaned_data["version"])
        except ValidationError as exc:
            add_errors(form, exc)
        else:
            messages.success(request, "Đã lưu thay đổi của dự thảo quyết định.")
            return redirect(decision)
    context = {"form": form, "decision": decision, "title": "Sửa dự thảo quyết định"}
    return render(request, "awards/decision_form.html", context)


def _shown(name: str, value):
    """An amended value as people read it: dates as 12/1/2025, signer modes by their label."""
    if name == "date" and value:
        return text_date(dt.date.fromisoformat(value))
    if name == "signer_mode" and value:
        return SignerMode(value).label
    return value


def _amendments(decision: Decision, user) -> list:
    """Each amendment with its changes as (label, before, after)."""
    result = []
    amendments = list(Amendment.objects.restrict(user).filter(decision=decision).select_related("author"))
    names = dict(decision.recipients.values_list("pk", "name"))
    for amendment in amendments:
        rows = [
            (AMENDMENT_LABELS.get(name, name), _shown(name, value), _shown(name, amendment.after["decision"].get(name)))
            for name, value in amendment.before.get("decision", {}).items()
        ]
        for pk, values in amendment.before.get("recipients", {}).items():
            for name, value in values.items():
                label = f"{AMENDMENT_LABELS.get(name, name)} ({names.get(int(pk), '')})"
                rows.append((label, value, amendment.after["recipients"][pk][name]))
        result.append((amendment, rows))
    return result


def can_change(user, decision: Decision) -> bool:
    return not decision.is_locked and scoping.covers(user, decision.unit.path, scoping.CHANGE)


def recipients_context(request, decision: Decision, form: RecipientForm | None = None, attach_form=None) -> dict:
    user = request.user
    recipients = list(decision.recipients.select_related("unit", "proposal").prefetch_related("practices"))
    editable = can_change(user, decision)
    if editable and form is None:
        form = RecipientForm(user=user, units=recipient_units(user, decision.year))
    if editable and attach_form is None:
        attach_form = AttachForm(queryset=services.attachable_proposals(user, decision))
    warnings = services.recipient_warnings(user, recipients, decision.award_type, decision.year)
    collectives = sum(1 for r in recipients if r.kind == RecipientKind.COLLECTIVE)
    return {
        "decision": decision,
        "recipients": [(r, warnings.get(r.pk, [])) for r in recipients],
        "warning_count": sum(1 for r in recipients if r.pk in warnings),
        "summary": recipients_phrase(collectives, len(recipients) - collectives),
        "recipient_form": form if editable else None,
        "attach_form": attach_form if editable else None,
        "proposals": list(Proposal.objects.restrict(user).filter(decision=decision).order_by("unit__path")),
        "editable": editable,
    }


def render_detail(request, decision: Decision, recipient_form=None, attach_form=None, issue_form=None):
    user = request.user
    steps = timeline(decision, user)
    for step in steps:
        step.from_label = STATE_LABELS.get(step.from_state, step.from_state)
        step.to_label = STATE_LABELS.get(step.to_state, step.to_state)
    issue = services.DECISION_WORKFLOW.get("issue")
    may_issue = services.DECISION_WORKFLOW.refusal(decision, issue, user) is None
    context = recipients_context(request, decision, recipient_form, attach_form) | {
        "steps": steps,
        "history": history(request, decision),
        "amendments": _amendments(decision, user),
        "issue_form": (issue_form or CommentForm(prefix="issue")) if may_issue else None,
        "issue": issue,
        "needs_number": not decision.number and not decision.award_type.authority.numbered_by_system,
        "can_edit": can_change(user, decision),
        "can_amend": decision.is_locked and scoping.covers(user, decision.unit.path, scoping.REVIEW),
        "layout": certificates.Layout.of(decision.award_type),
    }
    return render(request, "awards/decision_detail.html", context)


@login_required
def decision_detail(request, pk: int):
    return render_detail(request, get_decision(request, pk))


def _require_change(request, decision: Decision) -> None:
    if not scoping.covers(request.user, decision.unit.path, scoping.CHANGE):
        raise PermissionDenied(f"Bạn không có quyền thay đổi quyết định của {decision.unit.name}.")
    if decision.is_locked:
        raise PermissionDenied("Quyết định đã ban hành nên đã khóa; chỉ sửa bằng cách lập đính chính.")


@require_POST
@login_required
def decision_attach(request, pk: int):
    decision = get_decision(request, pk)
    _require_change(request, decision)
    form = AttachForm(request.POST, queryset=services.attachable_proposals(request.user, decision))
    if form.is_valid():
        try:
            count = services.attach_proposals(request.user, decision, form.cleaned_data["proposals"])
        except ValidationError as exc:
            add_errors(form, exc)
        else:
            messages.success(request, f"Đã đưa {count} tập thể, cá nhân từ các tờ trình vào quyết định.")
            return redirect(decision)
    return render_detail(request, decision, attach_form=form)


@require_POST
@login_required
def decision_detach(request, pk: int, proposal_pk: int):
    decision = get_decision(request, pk)
    _require_change(request, decision)
    proposal = Proposal.objects.restrict(request.user).filter(pk=proposal_pk, decision=decision).first()
    if proposal is None:
        raise Http404("Tờ trình không thuộc quyết định này.")
    services.detach_proposal(request.user, decision, proposal)
    messages.success(request, f"Đã bỏ tờ trình của {proposal.unit_name} khỏi quyết định.")
    return redirect(decision)


@require_POST
@login_required
def decision_recipient_add(request, pk: int):
    decision = get_decision(request, pk)
    _require_change(request, decision)
    units = recipient_units(request.user, decision.year)
    form = RecipientForm(request.POST, instance=Recipient(decision=decision), user=request.user, units=units)
    if form.is_valid():
        try:
            services.save_decision_recipient(request.user, decision, form.instance, form.cleaned_data["practice_codes"])
        except ValidationError as exc:
            add_errors(form, exc)
        else:
            if is_htmx(request):
                return render(request, "awards/_decision_recipients.html", recipients_context(request, decision))
            return redirect(decision)
    if is_htmx(request):
        return render(request, "awards/_decision_recipients.html", recipients_context(request, decision, form))
    return render_detail(request, decision, recipient_form=form)


@require_POST
@login_required
def decision_recipient_remove(request, pk: int, rid: int):
    decision = get_decision(request, pk)
    _require_change(request, decision)
    services.remove_decision_recipient(request.user, get_recipient(decision, rid))
    if is_htmx(request):
        return render(request, "awards/_decision_recipients.html", recipients_context(request, decision))
    return redirect(decision)


@require_POST
@login_required
def decision_issue(request, pk: int):
    decision = get_decision(request, pk)
    if decision.is_locked:
        messages.warning(request, "Quyết định đã được ban hành.")
        return redirect(decision)
    refusal = services.DECISION_WORKFLOW.refusal(decision, services.DECISION_WORKFLOW.get("issue"), request.user)
    if refusal:
        raise PermissionDenied(refusal)
    form = CommentForm(request.POST, prefix="issue")
    if form.is_valid():
        try:
            issued = services.issue_decision(request.user, decision, form.cleaned_data["comment"])
        except ValidationError as exc:
            add_errors(form, exc)
        else:
            messages.success(request, f"Đã ban hành {issued}.")
            return redirect(decision)
    return render_detail(request, decision, issue_form=form)


@login_required
def decision_amend(request, pk: int):
    decision = get_decision(request, pk)
    if not decision.is_locked:
        messages.info(request, "Dự thảo chưa ban hành: sửa trực tiếp, không cần đính chính.")
        return redirect(decision)
    if not scoping.covers(request.user, decision.unit.path, scoping.REVIEW):
        raise PermissionDenied("Chỉ người có quyền thẩm định, phê duyệt của đơn vị ban hành mới lập đính chính.")
    form = AmendmentForm(request.POST or None, decision=decision)
    if request.method == "POST" and form.is_valid():
        try:
            services.amend_decision(
                request.user, decision, form.decision_changes(), form.cleaned_data["reason"], form.recipient_changes()
            )
        except ValidationError as exc:
            add_errors(form, exc)
        else:
            messages.success(request, "Đã lập đính chính; nội dung gốc được lưu lại.")
            return redirect(decision)
    return render(request, "awards/amendment_form.html", {"form": form, "decision": decision})


@login_required
def decision_docx_download(request, pk: int):
    """The decision (a draft too, with a blank number) as a Party- or State-format Word file."""
    decision = get_decision(request, pk)
    try:
        content = decision_docx(decision)
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
        return redirect(decision)
    return attachment(content, DOCX, docx_filename(decision))


@login_required
def decision_certificates(request, pk: int):
    """The certificates as one PDF made by the worker, one page per recipient (or one recipient with
    nguoi_nhan), on plain A4 or a pre-printed blank (in_tren=phoi), shifted by lech_ngang / lech_doc mm: the
    decision page's form, posted."""
    decision = get_decision(request, pk)
    if not decision.is_locked:
        messages.warning(request, "Chỉ in giấy khen, bằng khen của quyết định đã ban hành.")
        return redirect(decision)
    options = {name: request.POST[name] for name in certificates.PRINT_OPTIONS if request.POST.get(name)}
    try:
        _layout, recipients = certificates.print_run(decision, options)  # checked here, so errors show at once
    except ValueError as exc:
        messages.error(request, str(exc))
        return redirect(reverse("awards:decision-detail", args=[decision.pk]) + "#in-giay-khen")
    except LookupError as exc:
        raise Http404(str(exc)) from None
    form = decision.award_type.form
    title = f"In {form.lower()} theo quyết định {decision.number} ({len(recipients)} trang)"
    params = {"decision": decision.pk, "options": options}
    return start_and_follow(request, CERTIFICATES, title, params, link=decision.get_absolute_url())
