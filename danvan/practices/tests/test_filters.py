import pytest

from danvan.practices import filters

pytestmark = pytest.mark.django_db


def unit_choices(form) -> set[str]:
    return {unit.code for unit in form.fields["don_vi"].queryset}


def test_a_large_scope_lists_no_communes_in_the_unit_filter_except_the_chosen_one(cast, monkeypatch):
    monkeypatch.setattr(filters, "LONG_UNIT_LIST", 3)
    form = filters.PracticeFilterForm(data={}, user=cast.admin)
    assert unit_choices(form) == {"P", "D1", "D2"}
    form = filters.PracticeFilterForm(data={"don_vi": str(cast.c1.pk)}, user=cast.admin)
    assert unit_choices(form) == {"P", "D1", "D2", "C1"}
    assert form.is_valid() and form.cleaned_data["don_vi"] == cast.c1


def test_a_small_scope_lists_every_unit(cast):
    assert unit_choices(filters.PracticeFilterForm(data={}, user=cast.d1_officer)) == {"D1", "C1", "C2"}
