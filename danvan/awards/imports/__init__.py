"""Excel in and out for commendations, on the shared engine (danvan.core.xlsx).

- `awards` (registered; `danvan import_xlsx awards FILE.xlsx`, `danvan export_xlsx awards -o FILE`):
  past decisions and their recipients, one row per recipient; rows with the same decision number and
  date form one decision. An existing decision is never changed by an import: its rows must match it.
- `ProposalRecipientsKind(proposal)`: the recipients of one proposal, from the list a unit sends.

Both report every error at once and write nothing unless all is right; warnings (the same person or
collective already has, or is proposed for, the same award in the same year) go in
`row.extra["warnings"]` and never block: read them with `warnings(result)`.
"""

from danvan.awards.imports.common import CODE_SPLIT, warnings
from danvan.awards.imports.decisions import DecisionsKind
from danvan.awards.imports.proposals import ProposalRecipientsKind

__all__ = ["CODE_SPLIT", "DecisionsKind", "ProposalRecipientsKind", "warnings"]
