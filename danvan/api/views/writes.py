"""Writes as the web makes them: the record's own form (same checks, same Vietnamese messages), then its
service; edits carry the version read (a stale one is a 409); workflow steps pass the same checks as the
buttons of the record's page."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.forms.models import model_to_dict
from drf_spectacular.utils import extend_schema
from rest_framework import exceptions, mixins, status
from rest_framework.decorators import action

from danvan.api.errors import Conflict
from danvan.api.views.common import form_errors
from danvan.core.services import STALE_MESSAGE

MSG_VERSION = "Cần gửi phiên bản (version) đã đọc để tránh ghi đè."


def write_schemas(write, read, step=None) -> dict:
    """The documented operations of a `FormWrites` viewset (and `WorkflowSteps` with `step`), in Vietnamese."""
    schemas = {
        "create": extend_schema(
            request=write, responses={201: read}, description="Lập mới, qua cùng biểu mẫu và kiểm tra như trang web."
        ),
        "partial_update": extend_schema(
            request=write,
            responses={200: read},
            description="Sửa các trường gửi lên; kèm `version` đã đọc (nếu bản ghi có) — bản đã bị sửa trước: lỗi 409.",
        ),
    }
    if step is not None:
        schemas["transition"] = extend_schema(
            request=step, responses={200: read}, description="Một bước xử lý, với cùng điều kiện như nút trên trang."
        )
    return schemas


def form_data(data, prefix: str | None = None) -> dict:
    """A JSON body as a form's data: null is empty, names get the form's prefix."""
    return {(f"{prefix}-{key}" if prefix else key): "" if value is None else value for key, value in dict(data).items()}


class FormWrites(mixins.CreateModelMixin, mixins.UpdateModelMixin):
    """POST (create) and PATCH (edit) for a viewset of `ScopedViewSet`.

    A subclass names `form_class` (the web's form, taking `user=`) and implements `register` and
    `save_edit` with the app's services; a form with a `version` field makes edits carry it.
    """

    form_class = None
    noun = "Hồ sơ"
    http_method_names = ["get", "post", "patch", "head", "options"]

    def make_form(self, data: dict, record=None):
        return self.form_class(data, user=self.request.user, instance=record)

    def register(self, user, form):
        raise NotImplementedError

    def save_edit(self, user, form, version: int | None):
        raise NotImplementedError

    def current_values(self, record) -> dict:
        fields = [name for name in self.form_class.base_fields if name != "version"]
        return model_to_dict(record, fields=fields)

    def create(self, request, *args, **kwargs):
        form = self.make_form(form_data(request.data))
        if not form.is_valid():
            raise form_errors(form)
        return self.answer(self.register(request.user, form), status.HTTP_201_CREATED)

    def update(self, request, *args, **kwargs):
        if not kwargs.get("partial"):
            raise exceptions.MethodNotAllowed("PUT")
        record = self.get_object()
        if "version" in self.form_class.base_fields and "version" not in request.data:
            raise exceptions.ValidationError({"version": [MSG_VERSION]})
        current = {key: "" if value is None else value for key, value in self.current_values(record).items()}
        form = self.make_form(current | form_data(request.data), record)
        if not form.is_valid():
            raise form_errors(form)
        try:
            self.save_edit(request.user, form, form.cleaned_data.get("version"))
        except ValidationError as exc:
            if STALE_MESSAGE in exc.messages:
                raise Conflict() from None
            raise
        return self.answer(record)


class WorkflowSteps:
    """POST …/transition/ for a `FormWrites` viewset whose records follow a `Workflow`: a subclass names
    `workflow` and implements `step_form` and `take_step` with the app's services."""

    workflow = None

    def step_form(self, step, record, data):
        raise NotImplementedError

    def take_step(self, user, record, step, cleaned: dict) -> None:
        raise NotImplementedError

    @action(detail=True, methods=["post"])
    def transition(self, request, pk=None):
        """Take a workflow step, as the buttons of the record's page do."""
        record = self.get_object()
        name = str(request.data.get("action", ""))
        try:
            step = self.workflow.get(name)
        except ValidationError:
            raise exceptions.ValidationError({"action": [f"Không có bước xử lý “{name}”."]}) from None
        state = getattr(record, self.workflow.state_field)
        if state not in step.sources:
            shown = getattr(record, f"get_{self.workflow.state_field}_display")()
            raise Conflict(f"{self.noun} đang ở trạng thái “{shown}” nên không thể “{step.label}”.")
        refusal = self.workflow.refusal(record, step, request.user)
        if refusal:
            raise exceptions.PermissionDenied(refusal)
        form = self.step_form(step, record, request.data)
        if not form.is_valid():
            raise form_errors(form)
        self.take_step(request.user, record, step, form.cleaned_data)
        return self.answer(record)
