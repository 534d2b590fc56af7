"""Proposals (tờ trình đề nghị khen thưởng): create, edit, their recipients, submit / approve / return."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction

from danvan.awards import rules
from danvan.awards.choices import ProposalStatus
from danvan.awards.models import Proposal, Recipient
from danvan.awards.services.common import (
    fill_defaults,
    next_order,
    raise_errors,
    refuse_stale,
    require,
    twin_of,
    visible_practices,
)
from danvan.core import scoping
from danvan.core.workflow import ANCESTOR, Transition, Workflow

PS = ProposalStatus

PROPOSAL_WORKFLOW = Workflow(
    state_field="status",
    proposer=lambda proposal: proposal.submitted_by_id,
    locked_states=frozenset({PS.APPROVED, PS.DECIDED}),
    transitions=[
        Transition(
            "submit",
            "Gửi đề nghị",
            frozenset({PS.DRAFT, PS.RETURNED}),
            PS.SUBMITTED,
            confirmation="Gửi tờ trình lên cấp trên? Sau khi gửi, đơn vị không sửa được tờ trình trừ khi bị trả lại.",
        ),
        Transition(
            "approve",
            "Duyệt",
            frozenset({PS.SUBMITTED}),
            PS.APPROVED,
            scoping.REVIEW,
            ANCESTOR,
            not_by_proposer=True,
            style="success",
            confirmation="Duyệt tờ trình này? Tờ trình đã duyệt bị khóa và chờ quyết định khen thưởng.",
        ),
        Transition(
            "return",
            "Trả lại",
            frozenset({PS.SUBMITTED}),
            PS.RETURNED,
            scoping.REVIEW,
            ANCESTOR,
            requires_comment=True,
            not_by_proposer=True,
            style="warning",
        ),
    ],
)
# Recorded on a proposal's timeline when a decision including it is issued (never taken by hand).
DECIDE = Transition("decide", "Có quyết định khen thưởng", frozenset({PS.APPROVED}), PS.DECIDED, scoping.REVIEW)

# --- Proposals -----------------------------------------------------------------------------------


@transaction.atomic
def create_proposal(user, proposal: Proposal) -> Proposal:
    require(user, proposal.unit)
    raise_errors(rules.check_proposal(year=proposal.year, unit=proposal.unit, award_type=proposal.award_type))
    proposal.unit_name = proposal.unit.name
    proposal.status = PS.DRAFT
    proposal.created_by = user
    proposal.save()
    return proposal


@transaction.atomic
def update_proposal(user, proposal: Proposal, expected_version: int | None = None) -> Proposal:
    current = Proposal.objects.select_for_update().select_related("unit").get(pk=proposal.pk)
    require(user, current.unit)
    if not current.is_editable:
        raise ValidationError("Tờ trình đã gửi hoặc đã được duyệt nên không sửa được.")
    refuse_stale(current, expected_version)
    require(user, proposal.unit)  # the new unit must be in scope too
    errors = rules.check_proposal(year=proposal.year, unit=proposal.unit, award_type=proposal.award_type)
    for recipient in proposal.recipients.select_related("unit"):
        errors += rules.check_recipient(
            kind=recipient.kind,
            is_unit=recipient.is_unit,
            unit=recipient.unit,
            name=recipient.name,
            award_type=proposal.award_type,
            within=proposal.unit,
        )
    raise_errors(errors)
    if proposal.unit_id != current.unit_id:
        proposal.unit_name = proposal.unit.name
    proposal.version = current.version + 1
    proposal.save()
    return proposal


def transition(user, proposal: Proposal, action: str, comment: str = "") -> Proposal:
    """Submit, approve or return a proposal (approve/return: a reviewer above the unit, not the sender)."""
    with transaction.atomic():
        changes: dict[str, Any] = {}
        if action == "submit":
            recipients = list(proposal.recipients.select_related("unit"))
            if not recipients:
                raise ValidationError("Tờ trình chưa có tập thể, cá nhân nào được đề nghị.")
            errors = []
            for r in recipients:
                errors += rules.check_recipient(
                    kind=r.kind,
                    is_unit=r.is_unit,
                    unit=r.unit,
                    name=r.name,
                    award_type=proposal.award_type,
                    within=proposal.unit,
                    year=proposal.year,
                )
            raise_errors(errors)
            changes["submitted_by"] = user
        return PROPOSAL_WORKFLOW.apply(proposal, action, user, comment=comment, changes=changes)


def _locked_proposal(user, proposal: Proposal) -> Proposal:
    current = Proposal.objects.select_for_update().select_related("unit", "award_type").get(pk=proposal.pk)
    require(user, current.unit)
    if not current.is_editable:
        raise ValidationError("Tờ trình đã gửi hoặc đã được duyệt nên không thay đổi danh sách được.")
    return current


@transaction.atomic
def save_proposal_recipient(user, proposal: Proposal, recipient: Recipient, practices: Iterable = ()) -> Recipient:
    """Add a recipient to a draft (or returned) proposal, or save changes to one of its recipients."""
    proposal = _locked_proposal(user, proposal)
    if recipient.pk and recipient.proposal_id != proposal.pk:
        raise PermissionDenied("Người nhận không thuộc tờ trình này.")
    fill_defaults(recipient)
    linked = visible_practices(user, practices)
    errors = rules.check_recipient(
        kind=recipient.kind,
        is_unit=recipient.is_unit,
        unit=recipient.unit,
        name=recipient.name,
        award_type=proposal.award_type,
        within=proposal.unit,
        year=proposal.year,
    )
    errors += rules.check_practices(linked, proposal.unit)
    if not errors and (twin := twin_of(proposal.recipients.all(), recipient)):
        errors.append(("name", f"“{twin.name}” ({twin.unit.name}) đã có trong tờ trình này."))
    raise_errors(errors)
    recipient.proposal = proposal
    if not recipient.pk:
        recipient.order = next_order(proposal=proposal)
    recipient.save()
    recipient.practices.set(linked)
    return recipient


@transaction.atomic
def remove_proposal_recipient(user, recipient: Recipient) -> None:
    _locked_proposal(user, recipient.proposal)
    recipient.delete()
