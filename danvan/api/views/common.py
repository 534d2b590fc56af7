"""What every endpoint shares: its rows from `restrict(user)`, checked filter forms, typed parameters."""

from __future__ import annotations

from rest_framework import exceptions, status, viewsets
from rest_framework.response import Response

from danvan.api.errors import OWN


def checked(form):
    """The valid values of a filter form, or a 400 naming the bad parameters (never a silent default)."""
    if form.is_bound and not form.is_valid():
        raise form_errors(form)
    return form


def form_errors(form) -> exceptions.ValidationError:
    """A form's errors as the API's 400, field by field (the form-wide ones as `non_field_errors`)."""
    fields = {("non_field_errors" if name == "__all__" else name): list(errors) for name, errors in form.errors.items()}
    return exceptions.ValidationError(fields, code=OWN)


class ScopedViewSet(viewsets.GenericViewSet):
    """A model's rows the user may see (`restrict(user)`); a record outside them is a 404."""

    model = None

    def scoped(self):
        return self.model.objects.restrict(self.request.user)

    def answer(self, record, code: int = status.HTTP_200_OK) -> Response:
        """The record as read again after a write (through the scope, as any read)."""
        fresh = self.scoped().get(pk=record.pk)
        return Response(self.get_serializer_class()(fresh).data, status=code)


def positive_id(raw: str) -> int:
    value = int(raw)
    if not 0 < value < 2**63:  # beyond what the database's integers hold
        raise ValueError(raw)
    return value


def plausible_year(raw: str) -> int:
    value = int(raw)
    if not 1900 <= value <= 2200:
        raise ValueError(raw)
    return value


def query_param(params, name: str, parse, message: str):
    raw = params.get(name)
    if raw in (None, ""):
        return None
    try:
        return parse(raw)
    except (TypeError, ValueError):
        raise exceptions.ValidationError({name: [message]}, code=OWN) from None
