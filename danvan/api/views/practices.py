"""“Dân vận khéo” practices: read, register, edit, workflow steps, through the web's forms and services."""

from __future__ import annotations

from django.forms.models import model_to_dict
from drf_spectacular.utils import extend_schema, extend_schema_view
from rest_framework import mixins

from danvan.api import serializers as s
from danvan.api.schema import form_parameters
from danvan.api.views.common import ScopedViewSet, checked
from danvan.api.views.writes import FormWrites, WorkflowSteps, form_data, write_schemas
from danvan.practices import services as practice_services
from danvan.practices.filters import PracticeFilter, PracticeFilterForm
from danvan.practices.forms import PracticeForm, action_form
from danvan.practices.models import Practice


@extend_schema_view(
    list=extend_schema(parameters=form_parameters(PracticeFilterForm), summary="Mô hình, điển hình “Dân vận khéo”"),
    **write_schemas(s.PracticeWriteSerializer, s.PracticeDetailSerializer, s.TransitionSerializer),
)
class PracticeViewSet(WorkflowSteps, FormWrites, ScopedViewSet, mixins.ListModelMixin, mixins.RetrieveModelMixin):
    model = Practice

    def get_serializer_class(self):
        return s.PracticeSerializer if self.action == "list" else s.PracticeDetailSerializer

    def get_queryset(self):
        related = ("level", "field", "bloc", "recognized_level")
        if self.action != "list":
            return self.scoped().select_related(*related, "replicated_from", "recognizing_unit", "unit")
        params = self.request.query_params
        filtering = any(name in params for name in PracticeFilterForm.base_fields)
        practice_filter = PracticeFilter(params if filtering else None, self.request.user)
        checked(practice_filter.form)  # the filter ignores bad values; the API names them instead
        return practice_filter.queryset().select_related(*related)

    form_class = PracticeForm
    workflow = practice_services.WORKFLOW

    def register(self, user, form):
        return practice_services.register(user, form.instance)

    def save_edit(self, user, form, version):
        return practice_services.update(user, form.instance, expected_version=version)

    def current_values(self, record) -> dict:
        values = model_to_dict(record, fields=practice_services.EDITABLE_FIELDS)
        values["replicated_from_code"] = record.replicated_from.code if record.replicated_from_id else ""
        return values

    def step_form(self, step, record, data):
        prefix = "recognize" if step.action == "recognize" else None
        return action_form(step, record, self.request.user, form_data(data, prefix=prefix))

    def take_step(self, user, record, step, cleaned: dict) -> None:
        if step.action == "recognize":
            practice_services.recognize(user, record, **cleaned)
        else:
            practice_services.transition(user, record, step.action, cleaned["comment"])
