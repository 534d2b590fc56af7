"""The form renderer: Django's widget templates, with the few widgets every page shows many of written out
in Python.

A list page's filter and bulk forms render about twenty selects, inputs and their options; through Django's
templates (an include per option and another per attribute list) that took 30 of the page's 85 ms. The
functions below produce the same HTML as Django's templates, character for character (core/tests/test_renderers.py
compares both widget by widget and on every page with a form the province admin reaches); any other template goes
the usual way. The project must not override these widget templates (that test checks it).
"""

from __future__ import annotations

from django.forms.renderers import DjangoTemplates
from django.utils.formats import localize
from django.utils.html import conditional_escape
from django.utils.safestring import SafeData, mark_safe

WIDGETS = "django/forms/widgets/"
INPUTS = ("text", "number", "email", "url", "password", "hidden", "date", "datetime", "time", "search", "tel")
OPTION = WIDGETS + "select_option.html"


def _text(value) -> str:
    """`{{ value|stringformat:'s' }}`: the value as text, escaped unless already safe."""
    return value if isinstance(value, SafeData) else conditional_escape(str(value))


def _attrs(attrs: dict) -> str:
    parts = []
    for name, value in attrs.items():
        if value is True:
            parts.append(f" {conditional_escape(name)}")
        elif value is not False:
            parts.append(f' {conditional_escape(name)}="{_text(value)}"')
    return "".join(parts)


def _input(widget: dict) -> str:
    kind, name = conditional_escape(widget["type"]), conditional_escape(widget["name"])
    value = "" if widget["value"] is None else f' value="{_text(widget["value"])}"'
    return f'<input type="{kind}" name="{name}"{value}{_attrs(widget["attrs"])}>'


def _option(option: dict) -> str:
    label = conditional_escape(str(localize(option["label"])))
    return f'<option value="{_text(option["value"])}"{_attrs(option["attrs"])}>{label}</option>\n'


def _select(widget: dict) -> str | None:
    parts = [f'<select name="{conditional_escape(widget["name"])}"{_attrs(widget["attrs"])}>']
    for group_name, group_choices, _index in widget["optgroups"]:
        if group_name:
            parts.append(f'\n  <optgroup label="{conditional_escape(str(localize(group_name)))}">')
        for option in group_choices:
            if option["template_name"] != OPTION:
                return None
            parts.append("\n  " + _option(option))
        if group_name:
            parts.append("\n  </optgroup>")
    parts.append("\n</select>")
    return "".join(parts)


def _textarea(widget: dict) -> str:
    value = conditional_escape(str(localize(widget["value"]))) if widget["value"] else ""
    return f'<textarea name="{conditional_escape(widget["name"])}"{_attrs(widget["attrs"])}>\n{value}</textarea>'


FAST = {
    **{f"{WIDGETS}{kind}.html": _input for kind in (*INPUTS, "input", "checkbox")},
    f"{WIDGETS}select.html": _select,
    f"{WIDGETS}textarea.html": _textarea,
}


class FormRenderer(DjangoTemplates):
    def render(self, template_name, context, request=None):
        fast = FAST.get(template_name)
        html = fast(context["widget"]) if fast and "widget" in context else None
        if html is None:
            return super().render(template_name, context, request=request)
        return mark_safe(html)
