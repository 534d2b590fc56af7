"""The shared form widgets: unit pickers (labels, order, preselection, one query however many units)
and dates typed dd/mm/yyyy; the workflow's confirmations and next steps."""

import datetime as dt

import pytest
from django import forms
from django.db import connection
from django.test.utils import CaptureQueriesContext

from danvan.core.forms import (
    CURRENT_GROUP,
    ENDED_GROUP,
    BootstrapFormMixin,
    DateField,
    UnitChoiceField,
    UnitMultipleChoiceField,
)
from danvan.core.testing.factories import make_practice, make_unit
from danvan.org.models import Unit
from danvan.practices import services as practice_services
from danvan.practices.forms import PracticeForm

pytestmark = pytest.mark.django_db


class UnitForm(BootstrapFormMixin, forms.Form):
    unit = UnitChoiceField(Unit.objects.none(), label="Đơn vị", empty_label="— Chọn đơn vị —")
    units = UnitMultipleChoiceField(Unit.objects.none(), label="Các đơn vị", required=False)
    day = DateField(label="Ngày", required=False)

    def __init__(self, *args, queryset, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["unit"].queryset = queryset
        self.fields["units"].queryset = queryset


def test_labels_name_the_parent_and_ended_units_come_last_marked_with_their_last_day(cast):
    html = UnitForm(queryset=Unit.objects.order_by("path"))["unit"].as_widget()
    assert html.index(f'<optgroup label="{CURRENT_GROUP}">') < html.index(f'<optgroup label="{ENDED_GROUP}">')
    current, ended = html.split(f'<optgroup label="{ENDED_GROUP}">')
    assert f'<option value="{cast.c1.pk}">Đảng ủy xã Long Thuận – Huyện ủy Bến Cầu</option>' in current
    assert f'<option value="{cast.province.pk}">Tỉnh ủy Tây Ninh</option>' in current
    assert f'<option value="{cast.d1.pk}">Huyện ủy Bến Cầu – Tỉnh ủy Tây Ninh (đến 30/6/2025)</option>' in ended
    assert "Long Thuận" not in ended
    assert "data-unit-picker" in html


def test_without_ended_units_there_are_no_groups(cast):
    html = UnitForm(queryset=Unit.objects.filter(pk__in=[cast.c1.pk, cast.c2.pk]))["unit"].as_widget()
    assert "optgroup" not in html


def test_the_only_unit_is_chosen_and_a_choice_among_several_is_left_to_the_user(cast):
    only = UnitForm(queryset=Unit.objects.filter(pk=cast.c1.pk))
    assert only["unit"].value() == cast.c1.pk
    assert f'<option value="{cast.c1.pk}" selected>' in only["unit"].as_widget()
    several = UnitForm(queryset=Unit.objects.filter(pk__in=[cast.c1.pk, cast.c2.pk]))
    assert several["unit"].value() is None
    assert only["units"].value() is None  # a multiple choice is never made for the user
    # Each form looks at its own choices (the field is copied per form).
    assert UnitForm(queryset=Unit.objects.filter(pk=cast.c2.pk))["unit"].value() == cast.c2.pk


def test_a_form_for_a_single_unit_officer_starts_on_that_unit(cast):
    form = PracticeForm(user=cast.c1_officer)
    assert form["unit"].value() == cast.c1.pk


def test_the_labels_take_one_query_however_many_units(cast):
    def queries(count: int) -> int:
        for index in range(count):
            make_unit(f"Đảng ủy phường {index + 1}", "dang-uy-xa", cast.d2, code=f"W{count}-{index}")
        form = UnitForm(queryset=Unit.objects.order_by("path"))
        with CaptureQueriesContext(connection) as captured:
            form["unit"].as_widget()
            form["units"].as_widget()
        return len(captured)

    assert queries(3) == queries(40) == 2  # one per field, the parent's name joined in


def test_chosen_units_are_checked_against_the_queryset(cast):
    queryset = Unit.objects.filter(pk__in=[cast.c1.pk, cast.c2.pk])
    form = UnitForm({"unit": cast.c3.pk, "units": [cast.c1.pk, cast.c2.pk]}, queryset=queryset)
    assert not form.is_valid()
    assert "unit" in form.errors and "units" not in form.errors
    assert list(form.cleaned_data["units"]) == [cast.c1, cast.c2]


@pytest.mark.parametrize(
    "typed, expected",
    [("05/01/2026", dt.date(2026, 1, 5)), ("5/1/2026", dt.date(2026, 1, 5)), ("2026-01-05", dt.date(2026, 1, 5))],
)
def test_a_date_is_read_day_first(typed, expected):
    form = UnitForm({"unit": "", "day": typed}, queryset=Unit.objects.none())
    form.is_valid()
    assert form.cleaned_data["day"] == expected


@pytest.mark.parametrize("typed", ["01/13/2026", "31/02/2026", "hôm qua", "5/1/26"])
def test_a_wrong_date_gets_a_vietnamese_message_and_stays_as_typed(typed):
    form = UnitForm({"unit": "", "day": typed}, queryset=Unit.objects.none())
    assert not form.is_valid()
    assert form.errors["day"] == ["Ngày không hợp lệ: ghi theo dạng ngày/tháng/năm, ví dụ 05/01/2026."]
    assert f'value="{typed}"' in form["day"].as_widget()


def test_dates_are_shown_dd_mm_yyyy_in_a_text_field_never_the_browsers_date_input():
    html = UnitForm(initial={"day": dt.date(2026, 1, 5)}, queryset=Unit.objects.none())["day"].as_widget()
    assert 'type="text"' in html and 'value="05/01/2026"' in html and "data-date-picker" in html


def test_a_model_forms_own_date_fields_get_the_date_picker_too():
    from danvan.planning.forms import SupervisionForm

    class Form(BootstrapFormMixin, forms.ModelForm):
        class Meta:
            model = SupervisionForm.Meta.model
            fields = ["planned_start"]

    form = Form({"planned_start": "20/01/2026"})
    assert "data-date-picker" in form["planned_start"].as_widget()
    form.is_valid()
    assert form.cleaned_data["planned_start"] == dt.date(2026, 1, 20)


# --- Workflow: confirmations and next steps ------------------------------------------------------


def test_irreversible_steps_ask_for_confirmation():
    workflow = practice_services.WORKFLOW
    assert workflow.get("propose").is_one_way
    assert workflow.get("recognize").is_one_way
    assert not workflow.get("start").is_one_way
    assert not workflow.get("return").is_one_way


def test_next_steps_say_which_step_comes_first(cast):
    practice = make_practice(cast.c1, 2024)
    steps = practice_services.WORKFLOW.next_steps(practice, cast.c1_officer)
    assert [(s.transition.action, s.allowed) for s in steps] == [("start", True), ("propose", False)]
    assert steps[1].hint.startswith("Cần “Bắt đầu thực hiện” trước.")
    # The reviewer above sees no step until the unit proposes; the unit never sees "Công nhận".
    assert practice_services.WORKFLOW.next_steps(practice, cast.d1_reviewer) == []
    practice_services.transition(cast.c1_officer, practice, "start")
    steps = practice_services.WORKFLOW.next_steps(practice, cast.c1_officer)
    assert [(s.transition.action, s.allowed) for s in steps] == [("propose", True)]
