"""The filters of the practice list, shared by the list page, the bulk view and the Excel export.

`PracticeFilter(request.GET, user).queryset()` is always `restrict(user)` first; the filter form
only narrows it down. Query-string names are Vietnamese, like the other pages (`?nam=2019&cap=...`).
"""

from __future__ import annotations

from django import forms
from django.db.models import Q, QuerySet

from danvan.core import scoping
from danvan.core.db import ViCollate
from danvan.core.forms import BootstrapFormMixin, UnitChoiceField
from danvan.core.lists import ordering
from danvan.core.vn import fold
from danvan.org.models import Bloc, Unit
from danvan.practices import rules
from danvan.practices.choices import Kind, Status, Subject
from danvan.practices.models import Field, Level, Practice

# ?sap_xep= value -> ordering; "-" in front reverses. Each ends with a unique key so pages are stable.
SORTS = {
    "ma": ("code",),
    "ten": (ViCollate("name"), "code"),
    "don-vi": (ViCollate("unit_name"), "code"),
    "nam": ("year", "code"),
    "trang-thai": ("status", "code"),
}
DEFAULT_SORT = ("-year", "code")  # served by the practice_list_idx index
# Sorting by name needs the Vietnamese collation over every matching row (SQLite calls Python for each
# comparison: ~2 s per 100,000 rows), so larger results keep the default order until filtered down.
COLLATED_SORTS = {"ten", "don-vi"}
COLLATED_SORT_LIMIT = 20_000


def _with_empty(choices, label: str = "Tất cả") -> list:
    return [("", label), *choices]


class PracticeFilterForm(BootstrapFormMixin, forms.Form):
    control_size = "sm"

    nam = forms.TypedChoiceField(label="Năm", coerce=int, required=False)
    cap = forms.ModelChoiceField(Level.objects.all(), label="Cấp đăng ký", required=False, empty_label="Tất cả")
    linh_vuc = forms.ModelChoiceField(Field.objects.all(), label="Lĩnh vực", required=False, empty_label="Tất cả")
    khoi = forms.ModelChoiceField(Bloc.objects.all(), label="Khối", required=False, empty_label="Tất cả")
    loai = forms.ChoiceField(label="Loại", choices=_with_empty(Kind.choices), required=False)
    doi_tuong = forms.ChoiceField(label="Đối tượng", choices=_with_empty(Subject.choices), required=False)
    trang_thai = forms.ChoiceField(label="Trạng thái", choices=_with_empty(Status.choices), required=False)
    don_vi = UnitChoiceField(
        Unit.objects.none(), label="Đơn vị", required=False, empty_label="Tất cả đơn vị", preselect=False
    )
    truc_thuoc = forms.BooleanField(label="Bao gồm đơn vị trực thuộc", required=False, initial=True)
    q = forms.CharField(label="Tìm kiếm", required=False, max_length=200)
    sap_xep = forms.ChoiceField(
        required=False,
        choices=[(k, k) for k in SORTS] + [(f"-{k}", k) for k in SORTS],
        widget=forms.HiddenInput,
    )

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        years = list(reversed(rules.year_range()))
        self.fields["nam"].choices = _with_empty([(y, str(y)) for y in years])
        units = Unit.objects.restrict(user)
        if len(units.values_list("pk", flat=True)[: LONG_UNIT_LIST + 1]) > LONG_UNIT_LIST:
            # A national or large scope would list thousands of communes: offer the provinces,
            # districts and agencies (a commune is found with the search box or its own page).
            chosen = self.data.get("don_vi") if self.is_bound else None
            keep = Q(pk=chosen) if chosen and str(chosen).isdigit() else Q(pk__in=[])
            units = units.filter(~Q(kind__tier="commune") | keep)
        self.fields["don_vi"].queryset = units.order_by("path")
        self.fields["q"].widget.attrs.update(placeholder="Tên, mã, nội dung… (gõ không dấu được)", type="search")


LONG_UNIT_LIST = 600


class PracticeFilter:
    """Applies the filter form to `Practice.objects.restrict(user)`; invalid values are ignored
    (the form shows their errors), so a bad link never widens the user's scope."""

    def __init__(self, data, user):
        # Unbound on a bare visit, so "bao gồm đơn vị trực thuộc" starts ticked.
        filtering = data is not None and any(name in data for name in PracticeFilterForm.base_fields)
        self.user = user
        self.form = PracticeFilterForm(data if filtering else None, user=user)
        self.data: dict = {}
        if filtering:
            self.form.is_valid()  # cleaned_data keeps the valid values; errors are shown for the rest
            self.data = self.form.cleaned_data

    @property
    def sort(self) -> str:
        return self.data.get("sap_xep") or ""

    @property
    def query(self) -> str:
        return (self.data.get("q") or "").strip()

    def queryset(self) -> QuerySet[Practice]:
        data = self.data
        qs = Practice.objects.restrict(self.user)
        simple = {"nam": "year", "cap": "level", "linh_vuc": "field", "khoi": "bloc", "loai": "kind"}
        simple |= {"doi_tuong": "subject", "trang_thai": "status"}
        for param, field in simple.items():
            value = data.get(param)
            if value not in (None, ""):
                qs = qs.filter(**{field: value})
        unit = data.get("don_vi")
        if unit is not None:
            qs = (
                qs.filter(scoping.subtree_q("unit__path", unit.path))
                if data.get("truc_thuoc")
                else qs.filter(unit=unit)
            )
        if self.query:
            qs = qs.filter(search_text__contains=fold(self.query))
        return qs.order_by(*(ordering(SORTS, self.sort) if self.sort else DEFAULT_SORT))
