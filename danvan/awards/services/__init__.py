"""Every state change of proposals, decisions and recipients: one transaction each, each checking its
own permission. Views, the Excel imports, the CLI and the demo call these and nothing else."""

from danvan.awards.services.common import duplicate_warnings, recipient_warnings, require
from danvan.awards.services.decisions import (
    DECISION_WORKFLOW,
    amend_decision,
    attach_proposals,
    attachable_proposals,
    create_decision,
    detach_proposal,
    issue_decision,
    issuer_for,
    new_decision,
    remove_decision_recipient,
    reserve_number,
    save_decision_recipient,
    update_decision,
)
from danvan.awards.services.proposals import (
    DECIDE,
    PROPOSAL_WORKFLOW,
    create_proposal,
    remove_proposal_recipient,
    save_proposal_recipient,
    transition,
    update_proposal,
)

__all__ = [
    "DECIDE",
    "DECISION_WORKFLOW",
    "PROPOSAL_WORKFLOW",
    "amend_decision",
    "attach_proposals",
    "attachable_proposals",
    "create_decision",
    "create_proposal",
    "detach_proposal",
    "duplicate_warnings",
    "issue_decision",
    "issuer_for",
    "new_decision",
    "recipient_warnings",
    "remove_decision_recipient",
    "remove_proposal_recipient",
    "require",
    "reserve_number",
    "save_decision_recipient",
    "save_proposal_recipient",
    "transition",
    "update_decision",
    "update_proposal",
]
