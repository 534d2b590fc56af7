"""What every commendation view shares: scoped fetches, the 403 page with the service's reason, history."""

from __future__ import annotations

from django.db.models import Count, Q
from django.http import HttpResponse
from django.shortcuts import get_object_or_404

from danvan.awards.choices import RecipientKind
from danvan.awards.models import Decision, Proposal, Recipient
from danvan.core import changelog, scoping

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


def get_proposal(request, pk: int) -> Proposal:
    """The proposal if the user may see it; 404 otherwise (another unit's record does not exist for them)."""
    queryset = Proposal.objects.restrict(request.user).select_related(
        "unit__parent", "award_type__authority__unit", "decision__unit"
    )
    return get_object_or_404(queryset, pk=pk)


def get_decision(request, pk: int) -> Decision:
    queryset = Decision.objects.restrict(request.user).select_related("unit", "award_type__authority")
    return get_object_or_404(queryset, pk=pk)


def get_recipient(parent, pk: int) -> Recipient:
    """A recipient of this (already scoped) proposal or decision; 404 for any other."""
    return get_object_or_404(parent.recipients.select_related("unit"), pk=pk)


def may(user, action: str) -> bool:
    """Whether the user holds `action` anywhere (to show a button that leads to a form)."""
    return scoping.scope_paths(user, action) != []


def is_htmx(request) -> bool:
    return request.headers.get("HX-Request") == "true"


def attachment(content: bytes, content_type: str, filename: str) -> HttpResponse:
    response = HttpResponse(content, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


def history(request, obj):
    """The record's change log together with that of its parts (see the models' changelog_parents):
    its recipients, and a decision's proposals. Scoped through restrict(user); paged."""
    return changelog.record_history(request, obj)


# Collectives and individuals of a proposal or decision, counted in the list query itself.
COUNTS = {
    "collectives": Count("recipients", filter=Q(recipients__kind=RecipientKind.COLLECTIVE)),
    "individuals": Count("recipients", filter=Q(recipients__kind=RecipientKind.INDIVIDUAL)),
}
