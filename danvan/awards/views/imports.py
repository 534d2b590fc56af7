"""Excel export of a proposal's recipients (the import is the core flow, declared in `danvan/awards/flows.py`)."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required

from danvan.awards.imports import ProposalRecipientsKind
from danvan.awards.views.common import XLSX, attachment, get_proposal
from danvan.core.vn import safe_filename
from danvan.core.xlsx import export_bytes


@login_required
def proposal_export(request, pk: int):
    """The proposal's recipients under the import columns (also a template to fill in)."""
    proposal = get_proposal(request, pk)
    content = export_bytes(ProposalRecipientsKind(proposal), user=request.user)
    return attachment(content, XLSX, f"de-nghi-khen-thuong-{safe_filename(proposal.unit_name)}-{proposal.year}.xlsx")
