"""Web imports of commendations (a proposal's recipients, past decisions), on the core import flow."""

from django.shortcuts import get_object_or_404
from django.urls import reverse

from danvan.awards.imports import DecisionsKind, ProposalRecipientsKind
from danvan.awards.models import Proposal
from danvan.core import scoping
from danvan.core.jobs.flows import Flow, register_flow


def _load_proposal(user, pk: int) -> Proposal:
    queryset = Proposal.objects.restrict(user).select_related(
        "unit__parent", "award_type__authority__unit", "decision__unit"
    )
    return get_object_or_404(queryset, pk=pk)


def _may_change_proposal(user, proposal: Proposal) -> str | None:
    if not scoping.covers(user, proposal.unit.path, scoping.CHANGE):
        return f"Bạn không có quyền thay đổi tờ trình của {proposal.unit.name}."
    if not proposal.is_editable:
        return "Tờ trình đã gửi hoặc đã được duyệt nên không thay đổi danh sách được."
    return None


def _may_import_decisions(user, target) -> str | None:
    if scoping.scope_paths(user, scoping.CHANGE) == []:
        return "Bạn chưa được phân quyền cập nhật hồ sơ của đơn vị nào nên không nhập được quyết định."
    return None


register_flow(
    Flow(
        "award-recipients",
        "Nhập danh sách đề nghị khen thưởng từ Excel",
        kind=ProposalRecipientsKind,
        back=lambda proposal: proposal.get_absolute_url(),
        allowed=_may_change_proposal,
        load=_load_proposal,
        template=lambda proposal: reverse("awards:proposal-export", args=[proposal.pk]),
        notes=("Cảnh báo (trùng người, trùng hình thức khen trong năm) không chặn việc nhập.",),
    )
)
register_flow(
    Flow(
        "award-decisions",
        "Nhập quyết định khen thưởng đã ban hành từ Excel",
        kind=lambda target: DecisionsKind.name,
        back=lambda target: reverse("awards:decision-list"),
        allowed=_may_import_decisions,
        template=lambda target: reverse("awards:decision-export"),
    )
)
