"""“Dân vận khéo” practices: read, register, edit, workflow steps, through the web's forms and services."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.forms.models import model_to_dict
from django.http import QueryDict
from drf_spectacular.utils import extend_schema, extend_schema_view
from rest_framework import exceptions, mixins, status
from rest_framework.decorators import action
from rest_framework.response import Response

from danvan.api import serializers as s
from danvan.api.errors import Conflict
from danvan.api.schema import form_parameters
from danvan.api.views.common import ScopedViewSet, checked, form_errors
from danvan.core.services import STALE_MESSAGE
from danvan.practices import services as practice_services
from danvan.practices.filters import PracticeFilter, PracticeFilterForm
from danvan.practices.forms import PracticeForm, action_form
from danvan.practices.models import Practice

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
