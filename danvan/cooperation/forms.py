"""Forms of the cooperation pages. Thin: the services check the rules (shared with the Excel import) and
the views put their errors back on the forms."""

from __future__ import annotations

from django import forms
from django.utils import timezone

from danvan.cooperation.choices import Kind, State
from danvan.cooperation.models import Evaluation, Party, Programme, ProgrammeItem, YearPlan
from danvan.core import uploads
from danvan.core.forms import BootstrapFormMixin, DateField, FilterForm
from danvan.core.forms import UnitChoiceField as UnitField
from danvan.core.vn import fold, text_date
from danvan.org.models import Unit
from danvan.org.services import owner_units

FIRST_YEAR = 2010


def optional_here(form, *names: str) -> None:
    """Leave these to the service's rules, so every missing value is named at once, in its words."""
    for name in names:
        form.fields[name].required = False


def party_label(party: Party) -> str:
    if party.valid_until:
        return f"{party.name} (đến {text_date(party.valid_until)})"
    if party.valid_from:
        return f"{party.name} (từ {text_date(party.valid_from)})"
    return party.name


class ProgrammeForm(BootstrapFormMixin, forms.ModelForm):
    unit = UnitField(Unit.objects.none(), label="Đơn vị theo dõi", empty_label="— Chọn đơn vị —")
    signed_on = DateField(label="Ngày ký")
    valid_from = DateField(label="Hiệu lực từ ngày", required=False, help_text="Để trống: từ ngày ký")
    valid_until = DateField(label="Hiệu lực đến ngày", required=False, help_text="Để trống: không thời hạn")
    parties = forms.ModelMultipleChoiceField(
        Party.objects.none(), label="Các bên ký kết", required=False, widget=forms.CheckboxSelectMultiple
    )
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)

    class Meta:
        model = Programme
        fields = [
            "unit", "kind", "number", "signed_on", "title", "valid_from", "valid_until", "parties",
            "other_parties", "interim_years", "final_years",
        ]  # fmt: skip
        widgets = {
            "title": forms.Textarea(attrs={"rows": 2}),
            "other_parties": forms.Textarea(attrs={"rows": 2, "placeholder": "VD: Ủy ban nhân dân xã Long Thuận"}),
            "interim_years": forms.TextInput(attrs={"placeholder": "VD: 3"}),
            "final_years": forms.NumberInput(attrs={"min": 1, "placeholder": "VD: 5"}),
        }

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        programme = self.instance
        self.fields["unit"].queryset = owner_units(user, include=programme.unit_id)
        chosen = list(programme.parties.values_list("pk", flat=True)) if programme.pk else []
        self.fields["parties"].queryset = Party.objects.order_by("order", "name")
        self.fields["parties"].label_from_instance = party_label
        self.fields["parties"].help_text = "Chọn các cơ quan có trong danh mục; cơ quan khác ghi ở ô dưới."
        self.fields["parties"].initial = chosen
        self.fields["final_years"].error_messages["invalid"] = "Nhập số năm là một số nguyên, ví dụ 5."
        self.fields["final_years"].error_messages["min_value"] = "Số năm tổng kết phải từ 1 trở lên."
        optional_here(self, "number", "title")
        if programme.pk:
            self.fields["version"].initial = programme.version
        else:
            del self.fields["version"]

    def other_names(self) -> list[str]:
        return (self.cleaned_data.get("other_parties") or "").splitlines()

    SECTIONS = (
        ("Văn bản", ("unit", "kind", "number", "signed_on", "title", "valid_from", "valid_until")),
        ("Các bên ký kết", ("parties", "other_parties")),
        ("Sơ kết, tổng kết", ("interim_years", "final_years")),
    )
    WIDE = frozenset({"title", "parties", "other_parties"})

    def sections(self) -> list[tuple[str, list]]:
        return [
            (heading, [(self[n], "col-12" if n in self.WIDE else "col-12 col-md-6 col-xl-4") for n in names])
            for heading, names in self.SECTIONS
        ]


def _years(first: int = FIRST_YEAR) -> list[tuple[str, str]]:
    return [(str(y), str(y)) for y in range(timezone.localdate().year + 1, first - 1, -1)]


class ProgrammeFilter(FilterForm):
    q = forms.CharField(label="Tìm kiếm", required=False, max_length=200)
    loai = forms.ChoiceField(label="Loại", required=False, choices=[("", "Tất cả"), *Kind.choices])
    ben = forms.ModelChoiceField(
        Party.objects.order_by("order", "name"), label="Bên ký kết", required=False, empty_label="Tất cả"
    )
    trang_thai = forms.ChoiceField(label="Tình trạng hôm nay", required=False, choices=[("", "Tất cả"), *State.choices])
    nam = forms.TypedChoiceField(label="Có hiệu lực trong năm", coerce=int, required=False, empty_value=None)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["nam"].choices = [("", "Tất cả"), *_years()]
        self.fields["ben"].label_from_instance = party_label
        self.fields["q"].widget.attrs.update(
            placeholder="Số hiệu, trích yếu, các bên… (gõ không dấu được)", type="search"
        )

    def apply(self, rows, today):
        values = self.values()
        if values.get("q"):
            rows = rows.filter(search_text__contains=fold(values["q"]))
        if values.get("loai"):
            rows = rows.filter(kind=values["loai"])
        if values.get("ben"):
            rows = rows.filter(parties=values["ben"])
        if values.get("trang_thai"):
            rows = rows.filter(state=values["trang_thai"])
        if values.get("nam"):
            rows = rows.in_year(values["nam"])
        return rows


class ItemForm(BootstrapFormMixin, forms.ModelForm):
    prefix = "nd"  # the programme's page holds three forms: their ids must differ
    lead = forms.ChoiceField(label="Cơ quan chủ trì", required=False)
    partner_list = forms.MultipleChoiceField(
        label="Cơ quan phối hợp", required=False, widget=forms.CheckboxSelectMultiple
    )

    class Meta:
        model = ProgrammeItem
        fields = ["order", "content", "lead"]
        widgets = {"content": forms.Textarea(attrs={"rows": 3}), "order": forms.NumberInput(attrs={"min": 1})}

    def __init__(self, *args, names: list[str], **kwargs):
        super().__init__(*args, **kwargs)
        choices = [(n, n) for n in names]
        self.fields["lead"].choices = [("", "— Chọn cơ quan chủ trì —"), *choices]
        self.fields["partner_list"].choices = choices
        self.fields["partner_list"].initial = self.instance.partner_names if self.instance.pk else []
        self.fields["order"].required = False
        self.fields["order"].help_text = "Để trống: số tiếp theo"
        self.fields["order"].error_messages["min_value"] = "Thứ tự phải từ 1 trở lên."
        optional_here(self, "content")

    def clean(self):
        data = super().clean()
        self.instance.partners = "; ".join(data.get("partner_list") or [])
        return data


class YearPlanForm(BootstrapFormMixin, forms.ModelForm):
    prefix = "kh"
    year = forms.TypedChoiceField(label="Năm", coerce=int, required=False, empty_value=None)
    issued_on = DateField(label="Ngày ban hành", required=False)
    upload = uploads.AttachmentField(label="Tệp kế hoạch", types=uploads.DOCUMENTS, required=False)
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)

    class Meta:
        model = YearPlan
        fields = ["year", "number", "issued_on", "content"]
        widgets = {"content": forms.Textarea(attrs={"rows": 2})}

    def __init__(self, *args, programme: Programme, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["year"].choices = year_choices(programme)
        keep_version(self)


class EvaluationForm(BootstrapFormMixin, forms.ModelForm):
    prefix = "dg"
    year = forms.TypedChoiceField(label="Năm được đánh giá", coerce=int, required=False, empty_value=None)
    held_on = DateField(label="Ngày tổ chức", required=False)
    upload = uploads.AttachmentField(label="Tệp báo cáo, biên bản", types=uploads.DOCUMENTS, required=False)
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)

    class Meta:
        model = Evaluation
        fields = ["year", "held_on", "chair", "result"]
        widgets = {
            "result": forms.Textarea(attrs={"rows": 3}),
            "chair": forms.TextInput(attrs={"placeholder": "VD: Trưởng Ban Dân vận Tỉnh ủy, Phó Chủ tịch UBND tỉnh"}),
        }

    def __init__(self, *args, programme: Programme, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["year"].choices = year_choices(programme)
        optional_here(self, "chair", "result")
        keep_version(self)


def keep_version(form) -> None:
    """An edit carries the version it was read at (two editors at once); a new record has none."""
    if form.instance.pk:
        form.fields["version"].initial = form.instance.version
    else:
        del form.fields["version"]


def year_choices(programme: Programme) -> list[tuple[str, str]]:
    years = programme.years_in_force(timezone.localdate().year)
    return [("", "— Chọn năm —"), *[(str(y), str(y)) for y in reversed(years)]]


class ReportForm(FilterForm):
    nam = forms.TypedChoiceField(label="Năm", coerce=int, required=True)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        this_year = timezone.localdate().year
        self.fields["nam"].choices = [(str(y), str(y)) for y in range(this_year, FIRST_YEAR - 1, -1)]
        self.fields["nam"].initial = this_year
