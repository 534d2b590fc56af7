"""The API's endpoints: thin, like the web's views. Every read starts from `restrict(user)`; every write
goes through the web's own forms (same checks, same Vietnamese messages) and services."""

from __future__ import annotations

import datetime as dt

from django.core.exceptions import ValidationError
from django.db.models import Prefetch
from django.forms.models import model_to_dict
from django.http import QueryDict
from django.utils import timezone
from drf_spectacular.utils import OpenApiParameter, extend_schema, extend_schema_view
from rest_framework import exceptions, mixins, status, viewsets
from rest_framework.decorators import action
from rest_framework.response import Response
from rest_framework.views import APIView

from danvan.api import serializers as s
from danvan.api.errors import Conflict
from danvan.api.schema import form_parameters
from danvan.awards.forms import DECISION_STATUSES, PROPOSAL_STATUSES, ListFilterForm
from danvan.awards.models import Decision, Proposal
from danvan.core.services import STALE_MESSAGE
from danvan.core.vn import fold
from danvan.org.models import LineageEvent, Unit
from danvan.planning.forms import DirectiveFilter
from danvan.planning.models import Directive, KeyTask, Milestone, WorkPlan
from danvan.practices import services as practice_services
from danvan.practices.filters import PracticeFilter, PracticeFilterForm
from danvan.practices.forms import PracticeForm, action_form
from danvan.practices.models import Practice
from danvan.stats import cube
from danvan.stats.report_data import MSG_UNIT_OUT_OF_SCOPE, parse_filters, practice_report


def checked(form):
    """The valid values of a filter form, or a 400 naming the bad parameters (never a silent default)."""
    if form.is_bound and not form.is_valid():
        raise exceptions.ValidationError({name: list(errors) for name, errors in form.errors.items()})
    return form


def form_errors(form) -> exceptions.ValidationError:
    return exceptions.ValidationError(
        {("non_field_errors" if name == "__all__" else name): list(errors) for name, errors in form.errors.items()}
    )


class ScopedViewSet(viewsets.GenericViewSet):
    """A model's rows the user may see (`restrict(user)`); a record outside them is a 404."""

    model = None

    def scoped(self):
        return self.model.objects.restrict(self.request.user)


# --- Units ---------------------------------------------------------------------------------------

UNIT_PARAMETERS = [
    OpenApiParameter("date", dt.date, description="Đơn vị còn hiệu lực vào ngày này (mặc định: hôm nay)"),
    OpenApiParameter("parent", int, description="Chỉ các đơn vị trực thuộc đơn vị này (id)"),
    OpenApiParameter("q", str, description="Tìm theo tên hoặc mã, gõ không dấu được"),
]


@extend_schema_view(list=extend_schema(parameters=UNIT_PARAMETERS, summary="Đơn vị tại một ngày"))
class UnitViewSet(ScopedViewSet, mixins.ListModelMixin, mixins.RetrieveModelMixin):
    model = Unit

    def get_serializer_class(self):
        return s.UnitDetailSerializer if self.action == "retrieve" else s.UnitSerializer

    def get_queryset(self):
        qs = self.scoped().select_related("kind", "bloc").order_by("path")
        if self.action == "retrieve":
            events = LineageEvent.objects.prefetch_related("predecessors", "successors")
            return qs.prefetch_related(
                Prefetch("successor_events", queryset=events), Prefetch("predecessor_events", queryset=events)
            )
        params = self.request.query_params
        day = _param(params, "date", dt.date.fromisoformat, "Ngày không hợp lệ (dạng YYYY-MM-DD).")
        qs = qs.valid_on(day or timezone.localdate())
        parent = _param(params, "parent", _id, "Mã đơn vị cấp trên phải là số nguyên dương.")
        if parent is not None:
            qs = qs.filter(parent_id=parent)
        if params.get("q"):
            qs = qs.filter(search_text__contains=fold(params["q"]))
        return qs


def _id(raw: str) -> int:
    value = int(raw)
    if not 0 < value < 2**63:  # beyond what the database's integers hold
        raise ValueError(raw)
    return value


def _year_value(raw: str) -> int:
    value = int(raw)
    if not 1900 <= value <= 2200:
        raise ValueError(raw)
    return value


def _param(params, name: str, parse, message: str):
    raw = params.get(name)
    if raw in (None, ""):
        return None
    try:
        return parse(raw)
    except (TypeError, ValueError):
        raise exceptions.ValidationError({name: [message]}) from None


# --- Practices -----------------------------------------------------------------------------------


@extend_schema_view(
    list=extend_schema(parameters=form_parameters(PracticeFilterForm), summary="Mô hình, điển hình “Dân vận khéo”"),
    create=extend_schema(request=s.PracticeWriteSerializer, responses={201: s.PracticeDetailSerializer}),
    partial_update=extend_schema(request=s.PracticeWriteSerializer, responses={200: s.PracticeDetailSerializer}),
    transition=extend_schema(request=s.TransitionSerializer, responses={200: s.PracticeDetailSerializer}),
)
class PracticeViewSet(
    ScopedViewSet, mixins.ListModelMixin, mixins.RetrieveModelMixin, mixins.CreateModelMixin, mixins.UpdateModelMixin
):
    model = Practice
    http_method_names = ["get", "post", "patch", "head", "options"]

    def get_serializer_class(self):
        return s.PracticeSerializer if self.action == "list" else s.PracticeDetailSerializer

    def get_queryset(self):
        related = ("level", "field", "bloc", "recognized_level")
        if self.action == "list":
            return PracticeFilter(self._filter_data(), self.request.user).queryset().select_related(*related)
        return self.scoped().select_related(*related, "replicated_from", "recognizing_unit", "unit")

    def _filter_data(self) -> QueryDict | None:
        params = self.request.query_params
        data = params if any(name in params for name in PracticeFilterForm.base_fields) else None
        if data is not None:
            checked(PracticeFilterForm(data, user=self.request.user))
        return data

    def create(self, request, *args, **kwargs):
        form = PracticeForm(_form_data(request.data), user=request.user)
        if not form.is_valid():
            raise form_errors(form)
        practice = practice_services.register(request.user, form.instance)
        return Response(s.PracticeDetailSerializer(practice).data, status=status.HTTP_201_CREATED)

    def partial_update(self, request, *args, **kwargs):
        practice = self.get_object()
        if "version" not in request.data:
            raise exceptions.ValidationError({"version": ["Cần gửi phiên bản (version) đã đọc để tránh ghi đè."]})
        current = model_to_dict(practice, fields=practice_services.EDITABLE_FIELDS)
        current["replicated_from_code"] = practice.replicated_from.code if practice.replicated_from_id else ""
        data = {key: "" if value is None else value for key, value in current.items()} | _form_data(request.data)
        form = PracticeForm(data, user=request.user, instance=practice)
        if not form.is_valid():
            raise form_errors(form)
        try:
            practice = practice_services.update(
                request.user, form.instance, expected_version=form.cleaned_data["version"]
            )
        except ValidationError as exc:
            if STALE_MESSAGE in exc.messages:
                raise Conflict() from None
            raise
        return Response(s.PracticeDetailSerializer(practice).data)

    def update(self, request, *args, **kwargs):
        if not kwargs.get("partial"):
            raise exceptions.MethodNotAllowed("PUT")
        return super().update(request, *args, **kwargs)

    @action(detail=True, methods=["post"])
    def transition(self, request, pk=None):
        """Take a workflow step, as the buttons of the practice's page do."""
        practice = self.get_object()
        name = str(request.data.get("action", ""))
        try:
            step = practice_services.WORKFLOW.get(name)
        except ValidationError:
            raise exceptions.ValidationError({"action": [f"Không có bước xử lý “{name}”."]}) from None
        if practice.status not in step.sources:
            raise Conflict(f"Hồ sơ đang ở trạng thái “{practice.get_status_display()}” nên không thể “{step.label}”.")
        refusal = practice_services.WORKFLOW.refusal(practice, step, request.user)
        if refusal:
            raise exceptions.PermissionDenied(refusal)
        form = action_form(
            step, practice, request.user, _form_data(request.data, prefix=None if name != "recognize" else "recognize")
        )
        if not form.is_valid():
            raise form_errors(form)
        data = form.cleaned_data
        if name == "recognize":
            practice_services.recognize(request.user, practice, **data)
        else:
            practice_services.transition(request.user, practice, name, data["comment"])
        return Response(s.PracticeDetailSerializer(self.scoped().get(pk=practice.pk)).data)


def _form_data(data, prefix: str | None = None) -> dict:
    """A JSON body as a form's data: null is empty, names get the form's prefix."""
    result = {}
    for key, value in dict(data).items():
        name = f"{prefix}-{key}" if prefix else key
        result[name] = "" if value is None else value
    return result


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


@extend_schema_view(list=_award_filters(PROPOSAL_STATUSES))
class ProposalViewSet(_AwardViewSet):
    model = Proposal
    serializer_class = s.ProposalSerializer
    statuses = PROPOSAL_STATUSES


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
    return _param(request.query_params, "year", _year_value, "Năm phải là số từ 1900 đến 2200.")


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


# --- Statistics ----------------------------------------------------------------------------------

STATISTICS_PARAMETERS = [
    OpenApiParameter("year", int, description="Năm (mặc định: năm nay)"),
    OpenApiParameter("unit", int, description="Đơn vị (id; mặc định: đơn vị của bạn)"),
    OpenApiParameter(
        "mode",
        str,
        enum=[cube.AS_AT, cube.TODAY],
        description="as_at: đơn vị như vào năm đó; today: theo đơn vị hiện nay (như báo cáo)",
    ),
    OpenApiParameter("kind", str, enum=["model", "exemplar"], description="Chỉ mô hình hoặc chỉ điển hình"),
]
# The report page's own parameter names: one parser, so the API and the report cannot differ.
REPORT_NAMES = {"year": "nam", "unit": "don_vi", "mode": "che_do", "kind": "loai"}


class StatisticsView(APIView):
    @extend_schema(parameters=STATISTICS_PARAMETERS, responses=s.StatisticsSerializer, summary="Thống kê như báo cáo")
    def get(self, request):
        params = {REPORT_NAMES[k]: v for k, v in request.query_params.items() if k in REPORT_NAMES}
        if params.get("che_do") not in (None, cube.AS_AT, cube.TODAY):
            raise exceptions.ValidationError({"mode": ["Chế độ phải là as_at hoặc today."]})
        if params.get("loai") not in (None, "", "model", "exemplar"):
            raise exceptions.ValidationError({"kind": ["Loại phải là model hoặc exemplar."]})
        filters, notes = parse_filters(request.user, params)
        if notes:  # the report page falls back with a note; a program gets the error instead
            raise exceptions.ValidationError(
                {"unit" if note == MSG_UNIT_OUT_OF_SCOPE else "year": [note] for note in notes}
            )
        return Response(s.StatisticsSerializer(practice_report(request.user, filters)).data)
