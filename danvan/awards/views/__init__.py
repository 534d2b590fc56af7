"""The commendation pages: thin views (access check → service → redirect)."""

from danvan.awards.views.decisions import (
    decision_amend,
    decision_attach,
    decision_certificates,
    decision_create,
    decision_detach,
    decision_detail,
    decision_docx_download,
    decision_edit,
    decision_export,
    decision_issue,
    decision_list,
    decision_recipient_add,
    decision_recipient_remove,
)
from danvan.awards.views.imports import proposal_export
from danvan.awards.views.proposals import (
    proposal_action,
    proposal_create,
    proposal_detail,
    proposal_docx_download,
    proposal_edit,
    proposal_list,
    recipient_add,
    recipient_delete,
    recipient_edit,
)
from danvan.awards.views.stats import stats_docx, stats_export, stats_index

__all__ = [
    "decision_amend",
    "decision_attach",
    "decision_certificates",
    "decision_create",
    "decision_detach",
    "decision_detail",
    "decision_docx_download",
    "decision_edit",
    "decision_export",
    "decision_issue",
    "decision_list",
    "decision_recipient_add",
    "decision_recipient_remove",
    "proposal_action",
    "proposal_create",
    "proposal_detail",
    "proposal_docx_download",
    "proposal_edit",
    "proposal_export",
    "proposal_list",
    "recipient_add",
    "recipient_delete",
    "recipient_edit",
    "stats_docx",
    "stats_export",
    "stats_index",
]
