"""Forms of the grassroots democracy pages. Thin: the services check the rules (shared with the Excel imports)
and the views put their errors back on the forms."""

from __future__ import annotations

import datetime as dt

from django import forms
from django.db.models import F
from django.utils import timezone

from danvan.core import scoping, uploads
from danvan.core.forms import BootstrapFormMixin, DateField, FilterForm, UnitChoiceField
from danvan.core.vn import fold
from danvan.democracy.choices import Completion, PlaceKind
from danvan.democracy.models import Board, Charter, DemocracyYear, DisclosureMethod, Matter, WorkplaceDialogue
from danvan.org.models import Unit
from danvan.org.services import owner_units

FIRST_YEAR = 2015


def years(blank: str | None = "Tất cả") -> list[tuple[str, str]]:
    choices = [(str(y), str(y)) for y in range(timezone.localdate().year, FIRST_YEAR - 1, -1)]
    return ([("", blank)] if blank is not None else []) + choices


def optional_here(form, *names: str) -> None:
    """Leave these to the service's rules, so every missing value is named at once, in its words."""
    for name in names:
        form.fields[name].required = False


class VersionedForm(BootstrapFormMixin, forms.ModelForm):
    """A model form saved by a service; `version` guards against two editors at once."""

    version = forms.IntegerField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            self.fields["version"].initial = self.instance.version
        else:
            del self.fields["version"]


class RecordForm(VersionedForm):
    unit = UnitChoiceField(
        Unit.objects.none(), label="Đơn vị", empty_label="— Chọn xã, phường, cơ quan, doanh nghiệp —"
    )
    year = forms.TypedChoiceField(label="Năm", coerce=int)
    review_on = DateField(label="Ngày tổng kết", required=False)
    review_file = uploads.AttachmentField(label="Tệp báo cáo tổng kết", required=False)

    class Meta:
        model = DemocracyYear
        fields = ["unit", "year", "place_kind", "review_on", "review_number", "review_result", "notes"]
        widgets = {"review_result": forms.Textarea(attrs={"rows": 3}), "notes": forms.Textarea(attrs={"rows": 2})}

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["unit"].queryset = owner_units(user, include=self.instance.unit_id).exclude(
            kind__tier__in=["province", "district"]
        )
        self.fields["year"].choices = years(blank=None)
        self.fields["year"].initial = timezone.localdate().year
        self.fields[
            "place_kind"
        ].help_text = "Xã, phường chọn loại hình xã; cơ quan, đơn vị sự nghiệp hoặc doanh nghiệp."
        self.fields["review_result"].help_text = "Đánh giá của Ban Chỉ đạo: mặt được, hạn chế, xếp loại nếu có."
        if self.instance.pk:
            self.fields["unit"].disabled = True
            self.fields["year"].disabled = True


class PartForm(VersionedForm):
    """The common base of a record's parts: every required value is checked by the rules."""

    required_here: tuple[str, ...] = ()

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name, field in self.fields.items():
            if name not in self.required_here:
                field.required = False
            if isinstance(field, forms.IntegerField):
                field.widget.attrs.setdefault("min", 0)
                field.error_messages["min_value"] = f"{field.label} không được là số âm."


class MatterForm(PartForm):
    held_on = DateField(label="Ngày lấy ý kiến", required=False)

    class Meta:
        model = Matter
        fields = ["content", "place", "method", "held_on", "households", "agreeing"]
        widgets = {"content": forms.Textarea(attrs={"rows": 2})}
        help_texts = {"agreeing": "Để trống khi chưa kiểm phiếu; quyết định khi quá nửa số hộ đồng ý."}


class BoardForm(PartForm):
    class Meta:
        model = Board
        fields = ["kind", "members", "meetings", "recommendations", "resolved"]


class CharterForm(PartForm):
    decided_on = DateField(label="Ngày quyết định công nhận", required=False)

    class Meta:
        model = Charter
        fields = ["kind", "village", "state", "decided_on", "decision_number"]


class DialogueForm(PartForm):
    held_on = DateField(label="Ngày đối thoại", required=False)

    class Meta:
        model = WorkplaceDialogue
        fields = ["held_on", "kind", "participants", "issues", "resolved", "content"]
        widgets = {"content": forms.Textarea(attrs={"rows": 2})}


class ChecklistForm(BootstrapFormMixin, forms.Form):
    """The year's checklist on one page: per line, done, the methods, the date."""

    version = forms.IntegerField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args, lines, record, **kwargs):
        super().__init__(*args, **kwargs)
        self.lines = list(lines)
        self.fields["version"].initial = record.version
        methods = list(DisclosureMethod.objects.valid_during(*record_period(record)).order_by("order", "name"))
        for line in self.lines:
            prefix = f"d{line.pk}-"
            chosen = [m.pk for m in line.methods.all()]
            self.fields[prefix + "done"] = forms.BooleanField(label="Đã công khai", required=False, initial=line.done)
            self.fields[prefix + "methods"] = forms.ModelMultipleChoiceField(
                DisclosureMethod.objects.filter(pk__in=[m.pk for m in methods] + chosen).order_by("order", "name"),
                label="Hình thức",
                required=False,
                initial=chosen,
                widget=forms.CheckboxSelectMultiple(attrs={"class": "form-check-input"}),
            )
            self.fields[prefix + "disclosed_on"] = DateField(
                label="Ngày công khai", required=False, initial=line.disclosed_on
            )

    def rows(self) -> list[tuple]:
        return [
            (line, self[f"d{line.pk}-done"], self[f"d{line.pk}-methods"], self[f"d{line.pk}-disclosed_on"])
            for line in self.lines
        ]

    def submitted(self) -> dict[int, tuple]:
        data = self.cleaned_data
        return {
            line.pk: (
                bool(data.get(f"d{line.pk}-done")),
                [m.pk for m in data.get(f"d{line.pk}-methods") or ()],
                data.get(f"d{line.pk}-disclosed_on"),
            )
            for line in self.lines
        }


def record_period(record) -> tuple[dt.date, dt.date]:
    return dt.date(record.year, 1, 1), dt.date(record.year, 12, 31)


class YearFilter(FilterForm):
    q = forms.CharField(label="Tìm đơn vị", required=False, max_length=200)
    nam = forms.TypedChoiceField(label="Năm", coerce=int, required=False, empty_value=None)
    don_vi = UnitChoiceField(
        Unit.objects.none(), label="Địa bàn", required=False, preselect=False, empty_label="Tất cả"
    )
    loai = forms.ChoiceField(label="Loại hình", required=False, choices=[("", "Tất cả"), *PlaceKind.choices])
    tinh_trang = forms.ChoiceField(label="Tình trạng", required=False, choices=[("", "Tất cả"), *Completion.choices])

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["nam"].choices = years()
        self.fields["don_vi"].queryset = Unit.objects.restrict(user).order_by("path")
        self.fields["q"].widget.attrs.update(placeholder="Tên xã, cơ quan… (gõ không dấu được)", type="search")

    def apply(self, rows):
        """`rows` carries the counts (figures.with_counts) the completion filter reads."""
        from danvan.democracy.figures import in_area

        values = self.values()
        if values.get("q"):
            rows = rows.filter(unit__search_text__contains=fold(values["q"]))
        if values.get("nam"):
            rows = rows.filter(year=values["nam"])
        if values.get("don_vi"):
            rows = in_area(rows, values["don_vi"])
        if values.get("loai"):
            rows = rows.filter(place_kind=values["loai"])
        state = values.get("tinh_trang")
        if state == Completion.NO_REVIEW:
            rows = rows.filter(review_on__isnull=True)
        elif state == Completion.REVIEWED:
            rows = rows.filter(review_on__isnull=False)
        elif state == Completion.DISCLOSURE_OPEN:
            rows = rows.filter(n_done__lt=F("n_items"))
        elif state == Completion.DISCLOSURE_DONE:
            rows = rows.filter(n_done__gte=F("n_items"))
        return rows


class StatsFilter(FilterForm):
    nam = forms.TypedChoiceField(label="Năm", coerce=int, required=False, empty_value=None)
    don_vi = UnitChoiceField(Unit.objects.none(), label="Địa bàn", required=False, preselect=False, empty_label="—")
    loai = forms.ChoiceField(label="Loại hình", required=False, choices=[("", "Tất cả"), *PlaceKind.choices])

    def __init__(self, *args, user, default_unit=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["nam"].choices = years(blank=None)
        self.fields["nam"].initial = timezone.localdate().year
        self.fields["don_vi"].queryset = Unit.objects.restrict(user).order_by("path")
        self.fields["don_vi"].initial = default_unit


def may_record(user) -> bool:
    return scoping.scope_paths(user, scoping.CHANGE) != []
