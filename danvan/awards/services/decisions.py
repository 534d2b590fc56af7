"""Decisions: draft from an authority's configuration, gather approved proposals or direct recipients,
issue (numbered per term, or the typed number), and amend once locked."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone

from danvan.awards import rules
from danvan.awards.choices import DecisionStatus, ProposalStatus, RecipientKind, SignerMode
from danvan.awards.models import Amendment, AwardType, Decision, Proposal, Recipient
from danvan.awards.services.common import (
    as_json,
    fill_defaults,
    next_order,
    raise_errors,
    refuse_stale,
    require,
    twin_of,
    visible_practices,
)
from danvan.awards.services.proposals import DECIDE, PROPOSAL_WORKFLOW
from danvan.core import changelog, scoping
from danvan.core.workflow import OWN_UNIT, Transition, Workflow
from danvan.documents.choices import DECISION as DECISION_KIND
from danvan.documents.issuers import NoIssuer
from danvan.documents.models import Issuer, PartyTerm
from danvan.documents.numbering import format_symbol, next_document_number

PS, DS = ProposalStatus, DecisionStatus

DECISION_WORKFLOW = Workflow(
    state_field="status",
    locked_states=frozenset({DS.ISSUED}),
    transitions=[
        Transition(
            "issue",
            "Ban hành",
            frozenset({DS.DRAFT}),
            DS.ISSUED,
            scoping.REVIEW,
            OWN_UNIT,
            style="success",
            confirmation="Ban hành quyết định? Quyết định được cấp số và khóa; muốn sửa phải lập đính chính.",
        )
    ],
)

AMENDABLE_DECISION_FIELDS = ("number", "date", "signer_mode", "signer_name", "achievement")
AMENDABLE_RECIPIENT_FIELDS = ("name", "position", "unit_name")


# --- Decisions -----------------------------------------------------------------------------------


def issuer_for(decision: Decision) -> Issuer:
    try:
        return decision.award_type.authority.issuer_on(decision.date)
    except NoIssuer as exc:
        raise ValidationError(str(exc)) from None


def new_decision(award_type: AwardType, year: int, day: dt.date | None = None) -> Decision:
    """An unsaved draft pre-filled from the authority's configuration."""
    authority = award_type.authority
    decision = Decision(
        award_type=award_type,
        year=year,
        date=day or timezone.localdate(),
        unit=authority.unit,
        legal_bases=authority.legal_bases_on(day or timezone.localdate()),
        executors=authority.executors,
        distribution=authority.distribution,
        signer_mode=SignerMode.HEAD,
    )
    if authority.unit_id:
        decision.signer_name = authority.issuer_on(decision.date).head_name
    return decision


def _number_taken(decision: Decision) -> list[tuple[str, str]]:
    if (
        decision.number
        and Decision.objects.filter(number=decision.number, date=decision.date).exclude(pk=decision.pk).exists()
    ):
        return [("number", f"Đã có quyết định số {decision.number} ngày {decision.date:%d/%m/%Y}.")]
    return []


def _kind_errors(award_type: AwardType, kinds: Iterable[str]) -> list[tuple[str, str]]:
    return [
        ("award_type", f"“{award_type.name}” không tặng cho {RecipientKind(kind).label.lower()}.")
        for kind in sorted(set(kinds))
        if not award_type.allows(kind)
    ]


def _check_decision(decision: Decision) -> None:
    errors = rules.check_decision(year=decision.year, date=decision.date, award_type=decision.award_type)
    raise_errors(errors + _number_taken(decision))


@transaction.atomic
def create_decision(user, decision: Decision) -> Decision:
    authority = decision.award_type.authority
    if authority.unit_id is None:
        raise ValidationError(
            {
                "award_type": f"“{authority.name}” chưa gắn với đơn vị ban hành; "
                "khai báo tại Cấu hình → Cơ quan khen thưởng."
            }
        )
    decision.unit = authority.unit
    require(user, decision.unit)
    if not decision.legal_bases.strip():
        decision.legal_bases = authority.legal_bases_on(decision.date)  # blank on the form: those in force
    for name in ("executors", "distribution"):
        if not getattr(decision, name).strip():
            setattr(decision, name, getattr(authority, name))  # blank on the form: the configured text
    if not decision.signer_name:
        decision.signer_name = new_decision(decision.award_type, decision.year, decision.date).signer_name
    _check_decision(decision)
    decision.status = DS.DRAFT
    decision.created_by = user
    decision.save()
    return decision


def _locked_decision(user, decision: Decision, action: str = scoping.CHANGE) -> Decision:
    current = Decision.objects.select_for_update().select_related("unit", "award_type__authority").get(pk=decision.pk)
    require(user, current.unit, action)
    if current.is_locked:
        raise ValidationError("Quyết định đã ban hành nên đã khóa; chỉ sửa bằng cách lập đính chính.")
    return current


@transaction.atomic
def update_decision(user, decision: Decision, expected_version: int | None = None) -> Decision:
    current = _locked_decision(user, decision)
    refuse_stale(current, expected_version)
    if decision.award_type.authority_id != current.award_type.authority_id:
        raise ValidationError({"award_type": "Không đổi được sang hình thức khen thưởng của cơ quan khác."})
    errors = []
    if (decision.award_type_id, decision.year) != (current.award_type_id, current.year) and (
        current.proposals.exists()
    ):
        errors.append(
            ("award_type", "Quyết định đã có tờ trình kèm theo: bỏ các tờ trình trước khi đổi hình thức, năm.")
        )
    errors += _kind_errors(decision.award_type, current.recipients.values_list("kind", flat=True))
    raise_errors(errors)
    _check_decision(decision)
    decision.unit = current.unit
    decision.version = current.version + 1
    decision.save()
    return decision


def attachable_proposals(user, decision: Decision):
    """Approved proposals of the same award type and year, not yet in a decision, that the user sees."""
    return (
        Proposal.objects.restrict(user)
        .filter(status=PS.APPROVED, decision__isnull=True, award_type=decision.award_type_id, year=decision.year)
        .select_related("unit")
        .order_by("unit__path", "id")
    )


def _log_recipient_moves(recipients: list[Recipient], fields: list[str], before: dict[int, dict]) -> None:
    Recipient.objects.bulk_update(recipients, fields)
    changelog.bulk_log(
        (r, "update", before[r.pk], {f"{name}_id" if name == "decision" else name: _attr(r, name) for name in fields})
        for r in recipients
    )


def _attr(recipient: Recipient, name: str):
    return recipient.decision_id if name == "decision" else getattr(recipient, name)


@transaction.atomic
def attach_proposals(user, decision: Decision, proposals: Iterable[Proposal]) -> int:
    """Put the recipients of approved proposals into a draft decision; returns how many were added."""
    decision = _locked_decision(user, decision)
    ids = [p.pk for p in proposals]
    fresh = list(Proposal.objects.select_for_update().filter(pk__in=ids).select_related("unit"))
    visible = set(attachable_proposals(user, decision).filter(pk__in=ids).values_list("pk", flat=True))
    errors = [
        ("proposals", f"Tờ trình của {p.unit_name} chưa được duyệt, đã có quyết định hoặc khác hình thức, năm.")
        for p in fresh
        if p.pk not in visible
    ]
    if len(fresh) != len(set(ids)):
        errors.append(("proposals", "Có tờ trình không còn tồn tại."))
    raise_errors(errors)
    start = next_order(decision=decision)
    recipients = list(Recipient.objects.filter(proposal__in=fresh).order_by("proposal__unit__path", "kind", "order"))
    before = {r.pk: {"decision_id": r.decision_id, "order": r.order} for r in recipients}
    for offset, recipient in enumerate(recipients):
        recipient.decision = decision
        recipient.order = start + offset
    _log_recipient_moves(recipients, ["decision", "order"], before)
    for proposal in fresh:
        proposal.decision = decision
        proposal.save(update_fields=["decision", "updated_at"])
    return len(recipients)


@transaction.atomic
def detach_proposal(user, decision: Decision, proposal: Proposal) -> None:
    decision = _locked_decision(user, decision)
    proposal = Proposal.objects.select_for_update().get(pk=proposal.pk)
    if proposal.decision_id != decision.pk:
        raise ValidationError("Tờ trình không thuộc quyết định này.")
    recipients = list(Recipient.objects.filter(proposal=proposal, decision=decision))
    before = {r.pk: {"decision_id": decision.pk} for r in recipients}
    for recipient in recipients:
        recipient.decision = None
    _log_recipient_moves(recipients, ["decision"], before)
    proposal.decision = None
    proposal.save(update_fields=["decision", "updated_at"])


@transaction.atomic
def save_decision_recipient(user, decision: Decision, recipient: Recipient, practices: Iterable = ()) -> Recipient:
    """Add a recipient directly to a draft decision (no proposal), or save changes to one."""
    decision = _locked_decision(user, decision)
    if recipient.pk and recipient.decision_id != decision.pk:
        raise PermissionDenied("Người nhận không thuộc quyết định này.")
    if recipient.unit_id and not scoping.covers(user, recipient.unit.path):
        raise PermissionDenied(f"Đơn vị “{recipient.unit.name}” ngoài phạm vi quản lý của bạn.")
    fill_defaults(recipient)
    linked = visible_practices(user, practices)
    errors = rules.check_recipient(
        kind=recipient.kind,
        is_unit=recipient.is_unit,
        unit=recipient.unit,
        name=recipient.name,
        award_type=decision.award_type,
        year=decision.year,
    )
    if not errors and (twin := twin_of(decision.recipients.all(), recipient)):
        errors.append(("name", f"“{twin.name}” ({twin.unit.name}) đã có trong quyết định này."))
    raise_errors(errors)
    recipient.decision = decision
    if not recipient.pk:
        recipient.order = next_order(decision=decision)
    recipient.save()
    recipient.practices.set(linked)
    return recipient


@transaction.atomic
def remove_decision_recipient(user, recipient: Recipient) -> None:
    """Take a recipient out of a draft decision: one from a proposal stays in its proposal."""
    _locked_decision(user, recipient.decision)
    if recipient.proposal_id:
        before = {recipient.pk: {"decision_id": recipient.decision_id}}
        recipient.decision = None
        _log_recipient_moves([recipient], ["decision"], before)
    else:
        recipient.delete()


def reserve_number(decision: Decision) -> str:
    """The next number of the issuing unit's decisions in the Party term: '05-QĐ/BTGDVTU'."""
    issuer = issuer_for(decision)
    try:
        number = next_document_number(issuer, DECISION_KIND.code, decision.date)
    except PartyTerm.DoesNotExist as exc:
        raise ValidationError(str(exc)) from None
    text = format_symbol(number, DECISION_KIND.code, issuer)
    return text.split(" ", 1)[1]  # drop "Số " / "Số: "


def issue_decision(user, decision: Decision, comment: str = "") -> Decision:
    """Issue a draft: number it (or require the typed number), lock it, and mark its proposals decided."""
    with transaction.atomic():
        current = (
            Decision.objects.select_for_update().select_related("unit", "award_type__authority").get(pk=decision.pk)
        )
        refusal = DECISION_WORKFLOW.refusal(current, DECISION_WORKFLOW.get("issue"), user)
        if refusal:
            raise PermissionDenied(refusal)
        kinds = list(current.recipients.values_list("kind", flat=True))
        if not kinds:
            raise ValidationError("Quyết định chưa có tập thể, cá nhân nào.")
        raise_errors(_kind_errors(current.award_type, kinds))
        _check_decision(current)
        number = current.number
        if not number:
            if not current.award_type.authority.numbered_by_system:
                raise ValidationError({"number": "Cần nhập số quyết định trước khi ban hành."})
            number = reserve_number(current)
        changes = {"number": number, "issued_by": user, "issued_at": timezone.now()}
        issued = DECISION_WORKFLOW.apply(current, "issue", user, comment=comment, changes=changes)
        for proposal in Proposal.objects.select_for_update().filter(decision=issued, status=PS.APPROVED):
            proposal.status = PS.DECIDED
            proposal.save(update_fields=["status", "updated_at"])
            PROPOSAL_WORKFLOW.record(proposal, DECIDE, PS.APPROVED, user, str(issued), {"decision": issued.pk})
    decision.status, decision.number = issued.status, issued.number
    return issued


@transaction.atomic
def amend_decision(
    user, decision: Decision, changes: dict, reason: str, recipient_changes: dict[int, dict] | None = None
) -> Amendment:
    """Correct an issued decision (a reviewer of its unit); the original values stay in the amendment."""
    current = Decision.objects.select_for_update().select_related("unit", "award_type").get(pk=decision.pk)
    require(user, current.unit, scoping.REVIEW)
    if not current.is_locked:
        raise ValidationError("Chỉ lập đính chính cho quyết định đã ban hành; dự thảo sửa trực tiếp.")
    if not (reason or "").strip():
        raise ValidationError({"reason": "Cần ghi rõ lý do đính chính."})
    before: dict[str, dict] = {"decision": {}, "recipients": {}}
    after: dict[str, dict] = {"decision": {}, "recipients": {}}
    for name, value in changes.items():
        if name not in AMENDABLE_DECISION_FIELDS:
            raise ValidationError(f"Không đính chính được trường {name}.")
        old = getattr(current, name)
        if old != value:
            before["decision"][name], after["decision"][name] = as_json(old), as_json(value)
            setattr(current, name, value)
    recipients = {r.pk: r for r in current.recipients.all()}
    for pk, values in (recipient_changes or {}).items():
        if pk not in recipients:
            raise ValidationError("Người nhận không thuộc quyết định này.")
        recipient = recipients[pk]
        for name, value in values.items():
            if name not in AMENDABLE_RECIPIENT_FIELDS:
                raise ValidationError(f"Không đính chính được trường {name}.")
            value = (value or "").strip()
            if getattr(recipient, name) != value:
                if name == "name" and not value:
                    raise ValidationError({"name": "Tên tập thể, họ tên không được để trống."})
                before["recipients"].setdefault(str(pk), {})[name] = getattr(recipient, name)
                after["recipients"].setdefault(str(pk), {})[name] = value
                setattr(recipient, name, value)
    if not (after["decision"] or after["recipients"]):
        raise ValidationError("Nội dung đính chính không khác nội dung hiện tại.")
    _check_decision(current)
    current.version += 1
    current.save()
    for key in after["recipients"]:
        recipients[int(key)].save()
    return Amendment.objects.create(decision=current, reason=reason.strip(), before=before, after=after, author=user)
