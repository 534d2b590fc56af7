"""Small pieces every domain view shares."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import redirect

from danvan.core.forms import add_errors
from danvan.core.workflow import Transition, Workflow


def requested_transition(request, obj, workflow: Workflow, action: str, noun: str) -> Transition | HttpResponse:
    """The workflow step a POST asks for, after the checks every workflow view makes.

    An unknown action is 404; a step the record has already left (usually a second click) is a
    warning and a redirect back to the record; a step the user may not take is 403 with the reason.
    Returns the transition, or the response to send instead.
    """
    try:
        transition = workflow.get(action)
    except ValidationError:
        raise Http404("Thao tác không tồn tại.") from None
    state = getattr(obj, workflow.state_field)
    if state not in transition.sources:
        shown = getattr(obj, f"get_{workflow.state_field}_display")()
        messages.warning(request, f"{noun} đang ở trạng thái “{shown}” nên không thể “{transition.label}”.")
        return redirect(obj)
    refusal = workflow.refusal(obj, transition, request.user)
    if refusal:
        raise PermissionDenied(refusal)
    return transition


def favicon(request):
    """Browsers ask for /favicon.ico whatever the page links: send them to the SVG icon (no 404 in the console)."""
    from django.templatetags.static import static

    return redirect(static("danvan/favicon.svg"), permanent=True)


def saved_by_service(request, form, save, success: str, to=None) -> HttpResponse | None:
    """The POST of a form whose record a service saves: `save(form)` returns the record, then a message
    and a redirect to it (or to `to`, the page the record is shown on). None when the form is to be shown
    again: a GET, an invalid form, or the service's own errors, put on the form's fields (nothing typed is
    lost)."""
    if request.method != "POST" or not form.is_valid():
        return None
    try:
        record = save(form)
    except ValidationError as exc:
        add_errors(form, exc)
        return None
    messages.success(request, success)
    return redirect(to or record)
