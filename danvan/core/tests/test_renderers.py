"""The Python widgets of core/renderers.py write exactly what Django's widget templates write."""

import datetime as dt
import re

import pytest
from django import forms
from django.forms.renderers import DjangoTemplates, get_default_renderer
from django.test import Client
from django.utils.safestring import mark_safe

from danvan.core.renderers import FAST, FormRenderer
from danvan.core.testing.crawl import crawl


class Everything(forms.Form):
    choice = forms.ChoiceField(
        choices=[("", "---"), ("x", "X <b> & “ngoặc”"), ("Nhóm <1>", [(1, 2024), ("2", mark_safe("<i>an</i>"))])],
        required=False,
    )
    many = forms.MultipleChoiceField(choices=[("a", "A"), ("b", "B")], initial=["a", "b"])
    year = forms.TypedChoiceField(choices=[(2024, 2024), (2025, 12345)], coerce=int, initial=2025)
    text = forms.CharField(initial='v"<&', max_length=20, widget=forms.TextInput(attrs={"data-x": mark_safe("&amp;")}))
    number = forms.IntegerField(initial=12345, min_value=0)
    day = forms.DateField(initial=dt.date(2025, 7, 1), widget=forms.DateInput(attrs={"autofocus": True}))
    hidden = forms.CharField(widget=forms.HiddenInput, initial="h")
    flag = forms.BooleanField(initial=True, required=False)
    off = forms.BooleanField(initial=False, required=False, widget=forms.CheckboxInput(attrs={"disabled": False}))
    note = forms.CharField(widget=forms.Textarea, initial="dòng 1\n<dòng 2>")
    empty_note = forms.CharField(widget=forms.Textarea, required=False)
    email = forms.EmailField(required=False)
    secret = forms.CharField(widget=forms.PasswordInput, required=False)


@pytest.mark.parametrize("data", [None, {"choice": "x", "many": ["b"], "year": "2024", "text": "", "number": "x"}])
def test_each_widget_is_written_as_djangos_templates_write_it(data):
    fast, django = Everything(data, renderer=FormRenderer()), Everything(data, renderer=DjangoTemplates())
    for name in Everything.base_fields:
        assert str(fast[name]) == str(django[name]), name


def test_the_widget_templates_are_djangos_own():
    # An override in the project would be bypassed by the Python widgets: there must be none.
    engine = FormRenderer().engine
    for name in FAST:
        assert "/django/forms/templates/django/forms/widgets/" in engine.get_template(name).origin.name


# What differs on every request whatever the renderer: the CSRF token (in forms and HTMX headers), the
# double-submit token, the scripts' nonce.
TOKENS = re.compile(r'((?:name="(?:csrfmiddlewaretoken|token|submit_token)" value=|nonce=|"X-CSRFToken": )")[^"]*"')


@pytest.mark.django_db
def test_every_page_with_a_form_is_the_same_with_djangos_renderer(cast, settings):
    from danvan.core.testing.factories import make_practice

    make_practice(cast.c1, 2024)
    client = Client()
    client.force_login(cast.admin)
    pages = [url for _ms, status, url in crawl(client, samples=1) if status == 200]
    compared = 0
    for url in pages:
        settings.FORM_RENDERER = "danvan.core.renderers.FormRenderer"
        assert type(get_default_renderer()) is FormRenderer
        fast = client.get(url)
        if not fast["Content-Type"].startswith("text/html") or b"<form" not in fast.content:
            continue
        settings.FORM_RENDERER = "django.forms.renderers.DjangoTemplates"
        assert type(get_default_renderer()) is DjangoTemplates  # else both pages came from ours
        django = client.get(url)
        assert TOKENS.sub(r"\1", fast.content.decode()) == TOKENS.sub(r"\1", django.content.decode()), url
        compared += 1
    assert compared > 20, compared
