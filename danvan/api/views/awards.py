"""Award proposals and decisions with their recipients: read, and written as their pages write them (the
same forms and services): a proposal is drafted, filled and sent; a decision is drafted, takes the
recipients of approved proposals or its own, and is issued."""

from __future__ import annotations

from drf_spectacular.utils import OpenApiParameter, OpenApiResponse, extend_schema, extend_schema_view
from rest_framework import mixins, status
from rest_framework.decorators import action
from rest_framework.response import Response

from danvan.api import serializers as s
from danvan.api.schema import form_parameters
from danvan.api.views.common import ScopedViewSet, checked, form_errors, positive_id, query_param
from danvan.api.views.writes import FormWrites, WorkflowSteps, form_data, write_schemas
from danvan.awards import services
from danvan.awards.forms import (
    DECISION_STATUSES,
    PROPOSAL_STATUSES,
    AttachForm,
    CommentForm,
    DecisionForm,
    ListFilterForm,
    ProposalForm,
    RecipientForm,
    recipient_units,
)
from danvan.awards.models import Decision, Proposal, Recipient


def _award_filters(statuses):
    return extend_schema(parameters=form_parameters(ListFilterForm, statuses=statuses))


def _writes(write, read, step=s.StepSerializer):
    return write_schemas(write, read, step) | {
        "recipients": extend_schema(
            request=s.RecipientWriteSerializer,
            responses={201: s.RecipientSerializer},
            description="Thêm một tập thể hoặc cá nhân, như thẻ “Tập thể, cá nhân” trên trang hồ sơ.",
        )
    }


class _AwardViewSet(WorkflowSteps, FormWrites, ScopedViewSet, mixins.ListModelMixin, mixins.RetrieveModelMixin):
    statuses = ()

    def get_queryset(self):
        qs = self.scoped().select_related("award_type").order_by("-year", "-id")
        if self.action == "list" and self.request.query_params:
            form = checked(ListFilterForm(self.request.query_params, user=self.request.user, statuses=self.statuses))
            qs = form.apply(qs)
        return qs

    def recipient_units(self, record):
        raise NotImplementedError

    def save_recipient(self, record, form) -> Recipient:
        raise NotImplementedError

    @action(detail=True, methods=["post"])
    def recipients(self, request, pk=None):
        """Add a collective or an individual, as the recipients card of the record's page does."""
        record = self.get_object()
        parent = {self.model._meta.model_name: record}
        units = self.recipient_units(record)
        form = RecipientForm(form_data(request.data), instance=Recipient(**parent), user=request.user, units=units)
        if not form.is_valid():
            raise form_errors(form)
        recipient = self.save_recipient(record, form)
        fresh = Recipient.objects.restrict(request.user).prefetch_related("practices").get(pk=recipient.pk)
        return Response(s.RecipientSerializer(fresh).data, status=status.HTTP_201_CREATED)


@extend_schema_view(list=_award_filters(PROPOSAL_STATUSES), **_writes(s.ProposalWriteSerializer, s.ProposalSerializer))
class ProposalViewSet(_AwardViewSet):
    """Award proposals ("tờ trình"): read, draft, edit, add recipients, and the steps submit, approve,
    return. A proposal without any recipient cannot be submitted."""

    model = Proposal
    serializer_class = s.ProposalSerializer
    statuses = PROPOSAL_STATUSES
    form_class = ProposalForm
    workflow = services.PROPOSAL_WORKFLOW
    noun = "Tờ trình"

    def register(self, user, form):
        return services.create_proposal(user, form.instance)

    def save_edit(self, user, form, version):
        return services.update_proposal(user, form.instance, expected_version=version)

    def step_form(self, step, record, data):
        return CommentForm(form_data(data), reason=step.requires_comment)

    def take_step(self, user, record, step, cleaned: dict) -> None:
        services.transition(user, record, step.action, cleaned["comment"])

    def recipient_units(self, record):
        return recipient_units(self.request.user, record.year, record.unit)

    def save_recipient(self, record, form) -> Recipient:
        return services.save_proposal_recipient(
            self.request.user, record, form.instance, form.cleaned_data["practice_codes"]
        )


@extend_schema_view(
    list=_award_filters(DECISION_STATUSES),
    **_writes(s.DecisionWriteSerializer, s.DecisionSerializer),
    attach=extend_schema(
        request=s.AttachSerializer,
        responses={200: s.DecisionSerializer},
        description="Đưa tập thể, cá nhân của các tờ trình đã duyệt (cùng hình thức, cùng năm) vào dự thảo.",
    ),
)
class DecisionViewSet(_AwardViewSet):
    """Award decisions: drafted, filled with the recipients of approved proposals (`attach`) or their own,
    then issued (`transition` with action `issue`: numbered and locked)."""

    model = Decision
    serializer_class = s.DecisionSerializer
    statuses = DECISION_STATUSES
    form_class = DecisionForm
    workflow = services.DECISION_WORKFLOW
    noun = "Quyết định"

    def register(self, user, form):
        return services.create_decision(user, form.instance)

    def save_edit(self, user, form, version):
        return services.update_decision(user, form.instance, expected_version=version)

    def step_form(self, step, record, data):
        return CommentForm(form_data(data))

    def take_step(self, user, record, step, cleaned: dict) -> None:
        services.issue_decision(user, record, cleaned["comment"])

    def recipient_units(self, record):
        return recipient_units(self.request.user, record.year)

    def save_recipient(self, record, form) -> Recipient:
        return services.save_decision_recipient(
            self.request.user, record, form.instance, form.cleaned_data["practice_codes"]
        )

    @action(detail=True, methods=["post"])
    def attach(self, request, pk=None):
        """Put the recipients of approved proposals (same award type and year) into the draft."""
        decision = self.get_object()
        form = AttachForm(form_data(request.data), queryset=services.attachable_proposals(request.user, decision))
        if not form.is_valid():
            raise form_errors(form)
        services.attach_proposals(request.user, decision, form.cleaned_data["proposals"])
        return self.answer(decision)


PARENTS = [
    OpenApiParameter("proposal", int, description="Tờ trình (id)"),
    OpenApiParameter("decision", int, description="Quyết định (id)"),
]


@extend_schema_view(
    list=extend_schema(parameters=PARENTS),
    destroy=extend_schema(
        responses={204: OpenApiResponse(description="Đã bỏ khỏi tờ trình hoặc dự thảo quyết định.")},
        description="Bỏ một tập thể, cá nhân khỏi tờ trình hoặc dự thảo quyết định chưa gửi, chưa ban hành.",
    ),
)
class RecipientViewSet(ScopedViewSet, mixins.ListModelMixin, mixins.RetrieveModelMixin, mixins.DestroyModelMixin):
    """Collectives and individuals of proposals and decisions; removed from a draft as on its page (one
    that came from a proposal leaves the decision and stays in its proposal)."""

    model = Recipient
    serializer_class = s.RecipientSerializer
    http_method_names = ["get", "delete", "head", "options"]

    def get_queryset(self):
        qs = self.scoped().select_related("unit").prefetch_related("practices").order_by("kind", "order", "id")
        if self.action == "list":
            for name in ("proposal", "decision"):
                parent = query_param(self.request.query_params, name, positive_id, "Mã phải là số nguyên dương.")
                if parent:
                    qs = qs.filter(**{f"{name}_id": parent})
        return qs

    def perform_destroy(self, instance: Recipient) -> None:
        if instance.decision_id:
            services.remove_decision_recipient(self.request.user, instance)
        else:
            services.remove_proposal_recipient(self.request.user, instance)
