"""Form helpers shared by every app: Bootstrap 5 rendering and one-time submit tokens."""

from __future__ import annotations

import uuid

from django import forms
from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.forms.renderers import DjangoTemplates
from django.forms.utils import flatatt
from django.utils.html import format_html
from django.utils.safestring import mark_safe


class BootstrapRenderer(DjangoTemplates):
    """Renders `{{ form }}` and `{{ form.field.as_field_group }}` with Bootstrap 5 markup."""

    form_template_name = "core/forms/div.html"
    field_template_name = "core/forms/field.html"


def _css_class(widget: forms.Widget) -> str | None:
    if isinstance(widget, forms.CheckboxInput):
        return "form-check-input"
    if isinstance(widget, forms.RadioSelect | forms.HiddenInput):
        return None
    if isinstance(widget, forms.Select):
        return "form-select"
    return "form-control"


# Longest text a form accepts in a field that sets no limit of its own (a description, a note):
# about ten typed pages. Without it a 10 MB description was stored and made its page weigh 27 MB.
TEXT_MAX_CHARS = 20_000


def _check_length(limit: int):
    def check(value):
        if value is not None and len(value) > limit:
            raise ValidationError(
                "Nội dung quá dài: tối đa %(limit)s ký tự, hiện có %(length)s ký tự.",
                code="max_length",
                params={"limit": f"{limit:,}".replace(",", "."), "length": f"{len(value):,}".replace(",", ".")},
            )

    return check


def limit_text_fields(form: forms.BaseForm, limit: int = TEXT_MAX_CHARS) -> None:
    """Give every text field without a length limit one, with a Vietnamese message."""
    for field in form.fields.values():
        if type(field) in (forms.CharField, forms.RegexField) and field.max_length is None:
            field.max_length = limit
            field.validators.append(_check_length(limit))
            field.widget.attrs.setdefault("maxlength", str(limit))


class BootstrapFormMixin:
    """Adds Bootstrap classes to the widgets, and `is-invalid` to those whose field has errors.

    Text fields without a length limit get TEXT_MAX_CHARS. `control_size = "sm"` gives small
    controls (filter bars).
    """

    default_renderer = BootstrapRenderer
    control_size = ""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        limit_text_fields(self)
        for field in self.fields.values():
            css = _css_class(field.widget)
            if css is None:
                continue
            if self.control_size and css != "form-check-input":
                css += f" {css}-{self.control_size}"
            existing = field.widget.attrs.get("class", "")
            field.widget.attrs["class"] = f"{existing} {css}".strip()

    def __getitem__(self, name):
        bound = super().__getitem__(name)
        if self.is_bound and bound.errors:
            attrs = bound.field.widget.attrs
            if "is-invalid" not in attrs.get("class", ""):
                attrs["class"] = f"{attrs.get('class', '')} is-invalid".strip()
        return bound


def add_errors(form: forms.BaseForm, exc: ValidationError) -> None:
    """Put a service's ValidationError on the form: per field where the form has it, else on top."""
    if hasattr(exc, "error_dict"):
        for field, errors in exc.error_dict.items():
            target = field if field in form.fields else None
            for error in errors:
                form.add_error(target, error.messages)
    else:
        form.add_error(None, exc.messages)


def top_errors(form: forms.BaseForm) -> list[str]:
    return list(form.errors.get(NON_FIELD_ERRORS, []))


# One-time submit tokens: a create form carries a fresh token; the first POST with it records the
# created object's id in the session, so a second POST (double click, back + resend) finds it
# instead of creating a duplicate.
_TOKENS_KEY = "danvan_submit_tokens"
_TOKENS_KEPT = 50


def new_submit_token() -> str:
    return uuid.uuid4().hex


def submit_token_result(request, scope: str, token: str) -> str | None:
    """The result (e.g. the object id) recorded for this token, if it was already used."""
    if not token:
        return None
    return request.session.get(_TOKENS_KEY, {}).get(f"{scope}:{token}")


def spend_submit_token(request, scope: str, token: str, result: object) -> None:
    if not token:
        return
    used = dict(request.session.get(_TOKENS_KEY, {}))
    used[f"{scope}:{token}"] = str(result)
    # Dicts keep insertion order: drop the oldest beyond the limit.
    request.session[_TOKENS_KEY] = dict(list(used.items())[-_TOKENS_KEPT:])


class LightSelect(forms.Select):
    """A <select> built in Python: a few milliseconds for thousands of options (a unit picker over a
    whole province) instead of one template render per option. No option groups."""

    def render(self, name, value, attrs=None, renderer=None):
        final_attrs = self.build_attrs(self.attrs, attrs)
        final_attrs["name"] = name
        chosen = {str(v) for v in self.format_value(value)}
        parts = [format_html("<select{}>", flatatt(final_attrs))]
        for option_value, label in self.choices:
            text = "" if option_value is None else str(option_value)
            selected = mark_safe(" selected") if text in chosen else ""
            parts.append(format_html('<option value="{}"{}>{}</option>', text, selected, label))
        parts.append("</select>")
        return mark_safe("".join(parts))
