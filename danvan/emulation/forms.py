"""Forms of the score-sheet pages. Scores are typed the Vietnamese way ("8,5") and checked by the
same rules the services and the Excel import use."""

from __future__ import annotations

from django import forms
from django.core.exceptions import ValidationError
from django.db.models import Q

from danvan.core import scoping, uploads
from danvan.core.db import ViCollate
from danvan.core.forms import BootstrapFormMixin, UnitChoiceField
from danvan.emulation import rules
from danvan.emulation.choices import Kind
from danvan.emulation.models import CriteriaSet, EvidenceFile
from danvan.org.models import Unit, UnitKind

# Units that adopt score sheets: commissions (Ban) and Party committees of the province and districts.
OWNER_Q = Q(kind__code="ban-dan-van") | Q(kind__tier__in=["province", "district"])


class ScoreField(forms.CharField):
    """A score typed as "8", "8,5" or "8.5"; text, three decimals... refused with a Vietnamese message."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.widget.attrs.update({"inputmode": "decimal", "autocomplete": "off", "maxlength": "20"})

    def prepare_value(self, value):
        if value is None or isinstance(value, str):
            return value
        return rules.format_score(value)

    def to_python(self, value):
        text = super().to_python(value)
        if text in self.empty_values:
            return None
        try:
            return rules.parse_score(text)
        except ValueError as exc:
            raise ValidationError(str(exc), code="invalid") from None


def owner_units(user):
    return (
        Unit.objects.restrict(user, scoping.REVIEW)
        .filter(OWNER_Q)
        .select_related("kind")
        .order_by("depth", ViCollate("name"))
    )


class CriteriaSetForm(BootstrapFormMixin, forms.Form):
    name = forms.CharField(
        label="Tên bản điểm",
        max_length=300,
        error_messages={"required": "Cần nhập tên bản điểm."},
        help_text="Ví dụ: Bản điểm thi đua Ban Dân vận Huyện ủy, Thị ủy, Thành ủy năm 2021",
    )
    year = forms.IntegerField(label="Năm", min_value=2000, max_value=2100, error_messages={"required": "Cần nhập năm."})
    unit = UnitChoiceField(
        Unit.objects.none(),
        label="Cơ quan chấm điểm",
        empty_label="— Chọn cơ quan —",
        error_messages={"required": "Cần chọn cơ quan chấm điểm."},
    )
    description = forms.CharField(label="Căn cứ, ghi chú", required=False, widget=forms.Textarea(attrs={"rows": 2}))

    def __init__(self, *args, user, editing: CriteriaSet | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        if editing is not None:
            del self.fields["unit"]
            if editing.is_locked:
                self.fields["year"].disabled = True
        else:
            self.fields["unit"].queryset = owner_units(user)


class CopySetForm(CriteriaSetForm):
    """Copy a set (usually last year's) into a new one to edit."""


class GradeForm(BootstrapFormMixin, forms.Form):
    name = forms.CharField(label="Xếp loại", max_length=120, required=False)
    min_score = ScoreField(label="Từ (điểm)", required=False)

    def has_changed(self) -> bool:
        return True  # every row counts: an unchanged row is a class to keep, a blank one is dropped


GradeFormSet = forms.formset_factory(GradeForm, extra=2)


def grades_from(formset) -> list[tuple[str, object]]:
    return [
        (form.cleaned_data.get("name") or "", form.cleaned_data.get("min_score"))
        for form in formset.forms
        if form.cleaned_data.get("name") or form.cleaned_data.get("min_score") is not None
    ]


class CriterionForm(BootstrapFormMixin, forms.Form):
    content = forms.CharField(
        label="Nội dung", widget=forms.Textarea(attrs={"rows": 2}), error_messages={"required": "Cần nhập nội dung."}
    )
    max_score = ScoreField(
        label="Điểm tối đa",
        required=False,
        help_text="Với điểm trừ: mức trừ tối đa. Để trống nếu mục này sẽ chia thành các mục con "
        "(điểm tối đa của mục là tổng các mục con).",
    )
    kind = forms.ChoiceField(label="Loại", choices=Kind.choices, initial=Kind.CRITERION)
    guidance = forms.CharField(label="Hướng dẫn chấm", required=False, widget=forms.Textarea(attrs={"rows": 2}))
    evidence = forms.CharField(label="Minh chứng", required=False, widget=forms.Textarea(attrs={"rows": 2}))

    def __init__(self, *args, top_level: bool = True, is_leaf: bool = True, **kwargs):
        super().__init__(*args, **kwargs)
        if not top_level:
            del self.fields["kind"]  # children share their parent's kind
        if not is_leaf:
            del self.fields["max_score"]

    def values(self) -> dict:
        data = dict(self.cleaned_data)
        data.pop("kind", None)
        return data


class FillMembersForm(BootstrapFormMixin, forms.Form):
    """Add every unit of some kinds below a unit (valid in the set's year) to the set."""

    kinds = forms.ModelMultipleChoiceField(
        UnitKind.objects.none(),
        label="Loại đơn vị được chấm điểm",
        widget=forms.CheckboxSelectMultiple,
        error_messages={"required": "Chọn ít nhất một loại đơn vị."},
    )
    within = UnitChoiceField(Unit.objects.none(), label="Thuộc", empty_label=None)

    def __init__(self, *args, user, criteria_set: CriteriaSet, default_within: Unit, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["kinds"].queryset = UnitKind.objects.filter(
            code__in=["huyen-uy", "dang-uy-xa", "dang-uy-truc-thuoc", "mttq", "doan-the", "llvt", "co-quan"]
        ).order_by("order")
        self.fields["within"].queryset = owner_units(user).filter(~Q(kind__code="ban-dan-van"))
        self.fields["within"].initial = default_within.pk


class AddMemberForm(BootstrapFormMixin, forms.Form):
    unit = UnitChoiceField(
        Unit.objects.none(),
        label="Đơn vị",
        empty_label="— Chọn đơn vị —",
        error_messages={"required": "Chọn đơn vị để thêm.", "invalid_choice": "Đơn vị không hợp lệ."},
    )

    def __init__(self, *args, candidates, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["unit"].queryset = candidates


class SelfScoreForm(forms.Form):
    """One criterion's self-assessment, posted by the scorecard row (HTMX)."""

    self_score = ScoreField(required=False)
    evidence = forms.CharField(required=False, max_length=4000)


class AppraisalForm(forms.Form):
    appraised_score = ScoreField(required=False)
    comment = forms.CharField(required=False, max_length=4000)


class CommentForm(BootstrapFormMixin, forms.Form):
    comment = forms.CharField(label="Ý kiến", required=False, widget=forms.Textarea(attrs={"rows": 2}))

    def __init__(self, *args, reason: bool = False, **kwargs):
        super().__init__(*args, **kwargs)
        if reason:
            self.fields["comment"].label = "Lý do trả lại"


class ProposeForm(BootstrapFormMixin, forms.Form):
    n = forms.IntegerField(
        label="Số đơn vị dẫn đầu",
        min_value=1,
        initial=3,
        error_messages={"required": "Nhập số đơn vị.", "min_value": "Số đơn vị phải từ 1 trở lên."},
        help_text="Các đơn vị đồng hạng ở vị trí cuối cũng được đưa vào.",
    )
    award_type = forms.ModelChoiceField(
        None, label="Hình thức khen thưởng", empty_label="— Chọn hình thức —",
        error_messages={"required": "Cần chọn hình thức khen thưởng."},
    )  # fmt: skip
    achievement = forms.CharField(label="Thành tích", required=False, widget=forms.Textarea(attrs={"rows": 2}))

    def __init__(self, *args, award_types, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["award_type"].queryset = award_types


class EvidenceFileForm(BootstrapFormMixin, forms.ModelForm):
    """An evidence document or photo, checked by its content (PDF, Word, Excel, JPG or PNG) and size."""

    file = uploads.AttachmentField(label="Chọn tệp")

    class Meta:
        model = EvidenceFile
        fields = ["criterion", "file", "caption"]
        labels = {"criterion": "Cho tiêu chí"}

    def __init__(self, *args, leaves=(), **kwargs):
        super().__init__(*args, **kwargs)
        field = self.fields["criterion"]
        field.queryset = field.queryset.model.objects.filter(pk__in=[n.pk for n in leaves])
        field.empty_label = "— Chung cho cả bảng điểm —"
        field.label_from_instance = lambda c: f"{c.position}. {' '.join(c.content.split())[:90]}"
