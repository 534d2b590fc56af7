"""Directives and their reviews, work plans and key tasks: read, and written as their pages write them
(the same forms and services). Files (a directive's text, a review's report) are attached on the pages."""

from __future__ import annotations

from django.db.models import Prefetch
from drf_spectacular.utils import OpenApiParameter, extend_schema, extend_schema_view
from rest_framework import exceptions, mixins
from rest_framework.decorators import action

from danvan.api import serializers as s
from danvan.api.errors import OWN
from danvan.api.schema import form_parameters
from danvan.api.views.common import ScopedViewSet, checked, form_errors, plausible_year, positive_id, query_param
from danvan.api.views.writes import FormWrites, form_data, write_schemas
from danvan.planning.forms import (
    DirectiveFilter,
    DirectiveForm,
    KeyTaskForm,
    ProgressForm,
    ReviewReportForm,
    WorkPlanForm,
)
from danvan.planning.models import Directive, KeyTask, Milestone, WorkPlan
from danvan.planning.services import directives, plans

YEAR = [OpenApiParameter("year", int, description="Năm (đến hạn, hoặc năm kế hoạch có hiệu lực)")]


def _year(request) -> int | None:
    return query_param(request.query_params, "year", plausible_year, "Năm phải là số từ 1900 đến 2200.")


@extend_schema_view(list=extend_schema(parameters=form_parameters(DirectiveFilter)), **write_schemas(
    s.DirectiveWriteSerializer, s.DirectiveSerializer))  # fmt: skip
class DirectiveViewSet(FormWrites, ScopedViewSet, mixins.ListModelMixin, mixins.RetrieveModelMixin):
    """Directives in a unit's register; saving one sets its interim and final review dates."""

    model = Directive
    serializer_class = s.DirectiveSerializer
    form_class = DirectiveForm
    noun = "Văn bản"

    def get_queryset(self):
        qs = self.scoped().select_related("type").order_by("-issued_on", "-id")
        qs = qs.prefetch_related(Prefetch("milestones", queryset=Milestone.objects.order_by("due_date", "id")))
        if self.action == "list" and self.request.query_params:
            qs = checked(DirectiveFilter(self.request.query_params)).apply(qs)
        return qs

    def current_values(self, record) -> dict:
        return super().current_values(record) | {"file": ""}

    def register(self, user, form):
        return directives.save_directive(user, form.instance)

    def save_edit(self, user, form, version):
        return directives.save_directive(user, form.instance, expected_version=version)


@extend_schema_view(list=extend_schema(parameters=YEAR))
class ReviewViewSet(ScopedViewSet, mixins.ListModelMixin, mixins.RetrieveModelMixin):
    """Interim and final reviews of directives (their milestones), due or reported."""

    model = Milestone
    serializer_class = s.MilestoneSerializer

    def get_queryset(self):
        qs = self.scoped().order_by("due_date", "id")
        year = _year(self.request) if self.action == "list" else None
        return qs.filter(due_date__year=year) if year else qs

    @extend_schema(
        request=s.ReviewReportSerializer,
        responses={200: s.MilestoneSerializer},
        description="Ghi báo cáo sơ kết, tổng kết (số, ngày, trích yếu); tệp báo cáo đính kèm trên trang web.",
    )
    @action(detail=True, methods=["post"])
    def report(self, request, pk=None):
        """Close the review with the report that records it (or correct that report), as its page does."""
        milestone = self.get_object()
        form = ReviewReportForm(form_data(request.data))
        if not form.is_valid():
            raise form_errors(form)
        data = form.cleaned_data
        directives.record_review(
            request.user, milestone, number=data["report_number"], date=data["report_date"], title=data["report_title"]
        )
        return self.answer(milestone)


@extend_schema_view(
    list=extend_schema(parameters=YEAR), **write_schemas(s.WorkPlanWriteSerializer, s.WorkPlanSerializer)
)
class WorkPlanViewSet(FormWrites, ScopedViewSet, mixins.ListModelMixin, mixins.RetrieveModelMixin):
    model = WorkPlan
    serializer_class = s.WorkPlanSerializer
    form_class = WorkPlanForm
    noun = "Kế hoạch"

    def get_queryset(self):
        qs = self.scoped().order_by("-year_start", "code", "id")
        year = _year(self.request) if self.action == "list" else None
        return qs.filter(year_start__lte=year, year_end__gte=year) if year else qs

    def register(self, user, form):
        return plans.save_plan(user, form.instance)

    def save_edit(self, user, form, version):
        return plans.save_plan(user, form.instance, expected_version=version)


@extend_schema_view(list=extend_schema(parameters=YEAR), **write_schemas(s.KeyTaskWriteSerializer, s.KeyTaskSerializer))
class KeyTaskViewSet(FormWrites, ScopedViewSet, mixins.ListModelMixin, mixins.RetrieveModelMixin):
    """Key tasks of work plans: added and edited by the plan's unit, progress reported by the lead unit."""

    model = KeyTask
    serializer_class = s.KeyTaskSerializer
    form_class = KeyTaskForm
    noun = "Nhiệm vụ"

    def get_queryset(self):
        qs = self.scoped().prefetch_related("partner_units").order_by("deadline", "id")
        year = _year(self.request) if self.action == "list" else None
        return qs.filter(deadline__year=year) if year else qs

    def make_form(self, data: dict, record=None):
        plan = record.plan if record else self._plan(data.get("plan"))
        record = record or KeyTask(plan=plan)
        return self.form_class(data, user=self.request.user, plan=plan, instance=record)

    def _plan(self, raw) -> WorkPlan:
        message = "Cần chọn kế hoạch (id) trong phạm vi của bạn."
        try:
            return WorkPlan.objects.restrict(self.request.user).get(pk=positive_id(str(raw)))
        except (ValueError, WorkPlan.DoesNotExist):
            raise exceptions.ValidationError({"plan": [message]}, code=OWN) from None

    def current_values(self, record) -> dict:
        values = super().current_values(record)
        values["partner_units"] = [unit.pk for unit in values.get("partner_units", [])]
        return values

    def register(self, user, form):
        return plans.save_task(user, form.instance, form.cleaned_data["partner_units"])

    def save_edit(self, user, form, version):
        return plans.save_task(user, form.instance, form.cleaned_data["partner_units"])

    @extend_schema(
        request=s.ProgressSerializer,
        responses={200: s.KeyTaskSerializer},
        description="Báo cáo tiến độ nhiệm vụ: đơn vị chủ trì hoặc đơn vị lập kế hoạch.",
    )
    @action(detail=True, methods=["post"])
    def progress(self, request, pk=None):
        """Report the task's progress (date, percent, note), as the lead unit does on the task's page."""
        task = self.get_object()
        form = ProgressForm(form_data(request.data))
        if not form.is_valid():
            raise form_errors(form)
        data = form.cleaned_data
        plans.report_progress(request.user, task, data["date"], data["percent"], data["note"])
        return self.answer(task)
