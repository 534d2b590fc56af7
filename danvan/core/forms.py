"""Form helpers shared by every app: Bootstrap 5 rendering and one-time submit tokens."""

from __future__ import annotations

import html
import uuid
from datetime import date

from django import forms
from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.forms.renderers import DjangoTemplates, get_default_renderer
from django.forms.utils import flatatt
from django.utils import timezone
from django.utils.choices import BaseChoiceIterator
from django.utils.html import format_html
from django.utils.safestring import mark_safe

from danvan.core.renderers import WIDGETS
from danvan.core.vn import parse_date, text_date


class BootstrapRenderer(DjangoTemplates):
    """Renders `{{ form }}` and `{{ form.field.as_field_group }}` with Bootstrap 5 markup; the widgets inside
    go to the project's renderer (settings.FORM_RENDERER, which writes the common ones in Python), like every
    other form's."""

    form_template_name = "core/forms/div.html"
    field_template_name = "core/forms/field.html"

    def render(self, template_name, context, request=None):
        if template_name.startswith(WIDGETS):
            return get_default_renderer().render(template_name, context, request=request)
        return super().render(template_name, context, request=request)


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


BOOTSTRAP_RENDERER = BootstrapRenderer()


class BootstrapFormMixin:
    """Adds Bootstrap classes to the widgets, and `is-invalid` to those whose field has errors.

    Text fields without a length limit get TEXT_MAX_CHARS. `control_size = "sm"` gives small
    controls (filter bars).
    """

    # One renderer for every form: Django makes a new one per form from a class, and each new
    # renderer starts a template engine with an empty cache (15 templates parsed on each list page).
    default_renderer = BOOTSTRAP_RENDERER
    control_size = ""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        limit_text_fields(self)
        for field in self.fields.values():
            if isinstance(field, forms.DateField) and not isinstance(field.widget, DatePicker):
                # Model forms' own date fields too: dd/mm/yyyy in every browser.
                field.widget = DatePicker(attrs=field.widget.attrs)
                field.error_messages["invalid"] = DATE_ERROR
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


class FilterForm(BootstrapFormMixin, forms.Form):
    control_size = "sm"

    def values(self) -> dict:
        """The valid values only: a bad link never widens the user's scope or breaks the page."""
        if not self.is_bound:
            return {name: field.initial for name, field in self.fields.items()}
        self.is_valid()
        return self.cleaned_data


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


# --- Unit pickers --------------------------------------------------------------------------------
# Every unit choice of every form and filter: a <select> built in Python (thousands of options in a
# few milliseconds), enhanced in the page by Tom Select (static/danvan/widgets.js) into a searchable
# picker that ignores diacritics. Labels name the parent unit, so the many "Đảng ủy phường 1" of a
# province are told apart, and mark ended units "(đến 30/6/2025)"; current units come first.
# The labels come from one query (values_list with the parent's name), however many units.

CURRENT_GROUP = "Đang hoạt động"
ENDED_GROUP = "Đã kết thúc hoạt động"


def unit_label(name: str, parent_name: str | None, valid_until: date | None) -> str:
    label = f"{name} – {parent_name}" if parent_name else name
    if valid_until:
        label += f" (đến {text_date(valid_until)})"
    return label


def _render_options(parts: list, choices, chosen: set[str]) -> None:
    # Plain html.escape (what Django's escape does for text) rather than format_html, whose lazy-text
    # checks cost more than the rest of a national list page's 1,500-option picker.
    for option_value, label in choices:
        if isinstance(label, list | tuple):
            parts.append(f'<optgroup label="{html.escape(str(option_value))}">')
            _render_options(parts, label, chosen)
            parts.append("</optgroup>")
            continue
        text = "" if option_value is None else str(option_value)
        selected = " selected" if text in chosen else ""
        parts.append(f'<option value="{html.escape(text)}"{selected}>{html.escape(str(label))}</option>')


class UnitPicker(forms.Select):
    """A searchable single unit choice (Tom Select on `data-unit-picker`)."""

    def __init__(self, attrs=None, choices=()):
        super().__init__({"data-unit-picker": "", **(attrs or {})}, choices)

    def render(self, name, value, attrs=None, renderer=None):
        final_attrs = self.build_attrs(self.attrs, attrs)
        final_attrs["name"] = name
        if self.allow_multiple_selected:
            final_attrs["multiple"] = True
        chosen = {str(v) for v in self.format_value(value)}
        parts = [format_html("<select{}>", flatatt(final_attrs))]
        _render_options(parts, self.choices, chosen)
        parts.append("</select>")
        return mark_safe("".join(parts))


class UnitMultiPicker(UnitPicker):
    """A searchable choice of several units: chosen ones shown as removable tags."""

    allow_multiple_selected = True

    def value_from_datadict(self, data, files, name):
        getter = getattr(data, "getlist", None)
        return getter(name) if getter else data.get(name)

    def value_omitted_from_data(self, data, files, name):
        return False  # an empty multi-select sends nothing at all


class UnitChoiceIterator(BaseChoiceIterator):
    """(value, label) pairs, in optgroups when current and ended units are mixed; lazy (a
    BaseChoiceIterator is not expanded by Django when the field is built)."""

    def __init__(self, field):
        self.field = field

    def __iter__(self):
        if self.field.empty_label is not None:
            yield ("", self.field.empty_label)
        current, ended = self.field.grouped_rows()
        if current and ended:
            yield (CURRENT_GROUP, current)
            yield (ENDED_GROUP, ended)
        else:
            yield from current or ended

    def __len__(self):
        return len(self.field.unit_rows()) + (self.field.empty_label is not None)

    def __bool__(self):
        return self.field.empty_label is not None or bool(self.field.unit_rows())


class UnitFieldMixin:
    """Shared by the single and multiple unit fields: one query for all labels, cached per form."""

    iterator = UnitChoiceIterator
    _rows = None

    def _set_queryset(self, queryset):
        self._rows = None
        super()._set_queryset(queryset)

    def unit_rows(self) -> list[tuple[int, str, bool]]:
        """(pk, label, ended) for every unit of the queryset, in its order, from one query."""
        if self._rows is None:
            today = timezone.localdate()
            rows = self.queryset.values_list("pk", "name", "parent__name", "valid_until")
            self._rows = [
                (pk, unit_label(name, parent, until), until is not None and until < today)
                for pk, name, parent, until in rows
            ]
        return self._rows

    def grouped_rows(self) -> tuple[list, list]:
        current = [(pk, label) for pk, label, ended in self.unit_rows() if not ended]
        ended = [(pk, label) for pk, label, ended in self.unit_rows() if ended]
        return current, ended


class UnitChoiceField(UnitFieldMixin, forms.ModelChoiceField):
    """One unit. Unless `preselect=False` (filters), a user with a single unit to choose from finds it
    already chosen."""

    widget = UnitPicker

    def __init__(self, queryset, *, preselect: bool = True, **kwargs):
        super().__init__(queryset, **kwargs)
        if preselect and "initial" not in kwargs:
            self.initial = self.only_unit

    queryset = property(forms.ModelChoiceField._get_queryset, UnitFieldMixin._set_queryset)

    def __deepcopy__(self, memo):
        result = super().__deepcopy__(memo)
        if getattr(self.initial, "__self__", None) is self:
            result.initial = result.only_unit  # each form's copy looks at its own choices
        return result

    def only_unit(self) -> int | None:
        rows = self.unit_rows()
        return rows[0][0] if len(rows) == 1 else None


class UnitMultipleChoiceField(UnitFieldMixin, forms.ModelMultipleChoiceField):
    """Several units, searched and picked as tags (no Ctrl-click)."""

    widget = UnitMultiPicker

    queryset = property(forms.ModelMultipleChoiceField._get_queryset, UnitFieldMixin._set_queryset)


# --- Dates ---------------------------------------------------------------------------------------


DATE_ERROR = "Ngày không hợp lệ: ghi theo dạng ngày/tháng/năm, ví dụ 05/01/2026."


class DatePicker(forms.DateInput):
    """dd/mm/yyyy whatever the browser's language: a text input with a Vietnamese calendar
    (flatpickr on `data-date-picker`), never the browser's own mm/dd/yyyy date input."""

    input_type = "text"

    def __init__(self, attrs=None, format=None):
        defaults = {"data-date-picker": "", "placeholder": "dd/mm/yyyy", "autocomplete": "off"}
        attrs = {key: value for key, value in (attrs or {}).items() if key != "type"}
        super().__init__({**defaults, **attrs}, format="%d/%m/%Y")


class DateField(forms.DateField):
    """A date typed dd/mm/yyyy (also 5/1/2026, 05.01.2026 or 2026-01-05), read by vn.parse_date."""

    widget = DatePicker
    default_error_messages = {"invalid": DATE_ERROR}

    def to_python(self, value):
        if value in self.empty_values:
            return None
        try:
            return parse_date(value)
        except (ValueError, TypeError):
            raise ValidationError(self.error_messages["invalid"], code="invalid") from None


def unit_picker_html(name: str, queryset, value, *, empty_label: str | None, attrs: dict) -> str:
    """A unit picker outside a form (a hand-written filter bar): the same labels, order and search."""
    field = UnitChoiceField(queryset, required=False, empty_label=empty_label, preselect=False)
    return field.widget.render(name, value, attrs=attrs)
