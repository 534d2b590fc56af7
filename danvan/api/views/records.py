"""Award proposals (read and write) and decisions, directives and their reviews, plans and tasks (read)."""

from __future__ import annotations

from django.db.models import Prefetch
from drf_spectacular.utils import OpenApiParameter, extend_schema, extend_schema_view
from rest_framework import mixins

from danvan.api import serializers as s
from danvan.api.schema import form_parameters
from danvan.api.views.common import ScopedViewSet, checked, plausible_year, query_param
from danvan.api.views.writes import FormWrites, form_data
from danvan.awards import services as award_services
from danvan.awards.forms import DECISION_STATUSES, PROPOSAL_STATUSES, CommentForm, ListFilterForm, ProposalForm
from danvan.awards.models import Decision, Proposal
from danvan.planning.forms import DirectiveFilter
from danvan.planning.models import Directive, KeyTask, Milestone, WorkPlan

# --- Awards --------------------------------------------------------------------------------------


def _award_filters(statuses):
    return extend_schema(parameters=form_parameters(ListFilterForm, statuses=statuses))


class _AwardViewSet(ScopedViewSet, mixins.ListModelMixin, mixins.RetrieveModelMixin):
    statuses = ()

    def get_queryset(self):
        qs = self.scoped().select_related("award_type").order_by("-year", "-id")
        if self.action == "list" and self.request.query_params:
            form = checked(ListFilterForm(self.request.query_params, user=self.request.user, statuses=self.statuses))
            qs = form.apply(qs)
        return qs


@extend_schema_view(
    list=_award_filters(PROPOSAL_STATUSES),
    create=extend_schema(request=s.ProposalWriteSerializer, responses={201: s.ProposalSerializer}),
    partial_update=extend_schema(request=s.ProposalWriteSerializer, responses={200: s.ProposalSerializer}),
    transition=extend_schema(request=s.StepSerializer, responses={200: s.ProposalSerializer}),
)
class ProposalViewSet(FormWrites, _AwardViewSet):
    """Award proposals ("tờ trình"): read, draft, edit and the steps submit, approve, return. Their
    recipients are added on the proposal's page; a proposal without any cannot be submitted."""

    model = Proposal
    serializer_class = s.ProposalSerializer
    statuses = PROPOSAL_STATUSES
    form_class = ProposalForm
    workflow = award_services.PROPOSAL_WORKFLOW
    noun = "Tờ trình"

    def register(self, user, record):
        return award_services.create_proposal(user, record)

    def save_edit(self, user, record, version):
        return award_services.update_proposal(user, record, expected_version=version)

    def step_form(self, step, record, data):
        return CommentForm(form_data(data), reason=step.requires_comment)

    def take_step(self, user, record, step, cleaned: dict) -> None:
        award_services.transition(user, record, step.action, cleaned["comment"])


@extend_schema_view(list=_award_filters(DECISION_STATUSES))
class DecisionViewSet(_AwardViewSet):
    model = Decision
    serializer_class = s.DecisionSerializer
    statuses = DECISION_STATUSES


# --- Directives, reviews, plans, tasks -----------------------------------------------------------


@extend_schema_view(list=extend_schema(parameters=form_parameters(DirectiveFilter)))
class DirectiveViewSet(ScopedViewSet, mixins.ListModelMixin, mixins.RetrieveModelMixin):
    model = Directive
    serializer_class = s.DirectiveSerializer

    def get_queryset(self):
        qs = self.scoped().select_related("type").order_by("-issued_on", "-id")
        qs = qs.prefetch_related(Prefetch("milestones", queryset=Milestone.objects.order_by("due_date", "id")))
        if self.action == "list" and self.request.query_params:
            qs = checked(DirectiveFilter(self.request.query_params)).apply(qs)
        return qs


YEAR = [OpenApiParameter("year", int, description="Năm (đến hạn, hoặc năm kế hoạch có hiệu lực)")]


def _year(request) -> int | None:
    return query_param(request.query_params, "year", plausible_year, "Năm phải là số từ 1900 đến 2200.")


@extend_schema_view(list=extend_schema(parameters=YEAR))
class ReviewViewSet(ScopedViewSet, mixins.ListModelMixin, mixins.RetrieveModelMixin):
    """Interim and final reviews of directives (their milestones), due or reported."""

    model = Milestone
    serializer_class = s.MilestoneSerializer

    def get_queryset(self):
        qs = self.scoped().order_by("due_date", "id")
        year = _year(self.request) if self.action == "list" else None
        return qs.filter(due_date__year=year) if year else qs


@extend_schema_view(list=extend_schema(parameters=YEAR))
class WorkPlanViewSet(ScopedViewSet, mixins.ListModelMixin, mixins.RetrieveModelMixin):
    model = WorkPlan
    serializer_class = s.WorkPlanSerializer

    def get_queryset(self):
        qs = self.scoped().order_by("-year_start", "code", "id")
        year = _year(self.request) if self.action == "list" else None
        return qs.filter(year_start__lte=year, year_end__gte=year) if year else qs


@extend_schema_view(list=extend_schema(parameters=YEAR))
class KeyTaskViewSet(ScopedViewSet, mixins.ListModelMixin, mixins.RetrieveModelMixin):
    model = KeyTask
    serializer_class = s.KeyTaskSerializer

    def get_queryset(self):
        qs = self.scoped().prefetch_related("partner_units").order_by("deadline", "id")
        year = _year(self.request) if self.action == "list" else None
        return qs.filter(deadline__year=year) if year else qs
