"""The showcase's filters: a plain GET form (no script needed), every value checked against its list."""

from __future__ import annotations

from django import forms
from django.db.models import QuerySet

from danvan.core import scoping
from danvan.core.forms import BootstrapFormMixin, unit_label
from danvan.core.vn import fold
from danvan.org.models import Bloc
from danvan.practices.choices import Kind
from danvan.practices.models import Field, Level, Practice
from danvan.showcase import queries


def _empty(choices, label: str = "Tất cả") -> list:
    return [("", label), *choices]


class ShowcaseFilterForm(BootstrapFormMixin, forms.Form):
    control_size = "sm"

    q = forms.CharField(label="Tìm kiếm", required=False, max_length=200)
    tinh = forms.TypedChoiceField(label="Tỉnh", coerce=int, required=False)
    don_vi = forms.TypedChoiceField(label="Đơn vị (xã, phường…)", coerce=int, required=False)
    nam = forms.TypedChoiceField(label="Năm", coerce=int, required=False)
    cap = forms.ModelChoiceField(Level.objects.all(), label="Cấp công nhận", required=False, empty_label="Tất cả")
    linh_vuc = forms.ModelChoiceField(Field.objects.all(), label="Lĩnh vực", required=False, empty_label="Tất cả")
    khoi = forms.ModelChoiceField(Bloc.objects.all(), label="Khối", required=False, empty_label="Tất cả")
    loai = forms.ChoiceField(label="Loại", choices=_empty(Kind.choices), required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.provinces = {p.pk: p for p in queries.provinces()}
        self.fields["tinh"].choices = _empty(
            [(p.pk, unit_label(p.name, None, p.valid_until)) for p in self.provinces.values()], "Tất cả các tỉnh"
        )
        years = queries.practices().order_by("-year").values_list("year", flat=True).distinct()
        self.fields["nam"].choices = _empty([(y, str(y)) for y in years])
        province = self.provinces.get(_int(self.data.get("tinh"))) if self.is_bound else None
        units = queries.units_in(province) if province else []
        self.fields["don_vi"].choices = _empty(
            sorted(
                ((u.pk, unit_label(u.name, u.parent.name if u.parent_id else None, u.valid_until)) for u in units),
                key=lambda choice: fold(choice[1]),
            ),
            "Tất cả đơn vị" if province else "Chọn tỉnh trước",
        )
        self.fields["q"].widget.attrs.update(placeholder="Tên mô hình, đơn vị… (gõ không dấu được)", type="search")


def _int(value) -> int | None:
    return int(value) if value and str(value).isdigit() else None


class ShowcaseFilter:
    """The public practices narrowed by the form; an invalid value is ignored (and shown as an error)."""

    def __init__(self, data):
        filtering = any(name in data for name in ShowcaseFilterForm.base_fields)
        self.form = ShowcaseFilterForm(data if filtering else None)
        self.data: dict = {}
        if filtering:
            self.form.is_valid()  # cleaned_data keeps the valid values; the form shows the others' errors
            self.data = self.form.cleaned_data

    def queryset(self) -> QuerySet[Practice]:
        data, qs = self.data, queries.practices()
        for param, field in {"nam": "year", "cap": "recognized_level", "linh_vuc": "field", "khoi": "bloc"}.items():
            if data.get(param) not in (None, ""):
                qs = qs.filter(**{field: data[param]})
        if data.get("loai"):
            qs = qs.filter(kind=data["loai"])
        province = self.form.provinces.get(data.get("tinh"))
        if province is not None:
            qs = qs.filter(scoping.subtree_q("unit__path", province.path))
            if data.get("don_vi"):
                qs = qs.filter(unit_id=data["don_vi"])
        if text := (data.get("q") or "").strip():
            qs = qs.filter(search_text__contains=fold(text))
        return qs
