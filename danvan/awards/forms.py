"""Forms of the commendation pages. Their clean() runs the same rules as the services and the imports."""

from __future__ import annotations

from django import forms
from django.core.exceptions import ValidationError
from django.db.models import Count
from django.utils import timezone

from danvan.awards import rules
from danvan.awards.choices import DecisionStatus, ProposalStatus, RecipientKind, SignerMode
from danvan.awards.imports import CODE_SPLIT
from danvan.awards.models import AwardType, Decision, Proposal, Recipient
from danvan.core import scoping
from danvan.core.db import ViCollate
from danvan.core.forms import BootstrapFormMixin, DateField, DatePicker, UnitChoiceField
from danvan.org.models import Unit
from danvan.practices.forms import ValiditySelect, editable_units

ACHIEVEMENT_EXAMPLE = "đã có thành tích xuất sắc trong phong trào thi đua “Dân vận khéo” năm {year}"


def _with_empty(choices, label: str = "Tất cả") -> list:
    return [("", label), *choices]


def year_choices() -> list[tuple[int, str]]:
    return [(y, str(y)) for y in reversed(rules.year_range())]


class ProposalForm(BootstrapFormMixin, forms.ModelForm):
    unit = UnitChoiceField(Unit.objects.none(), label="Đơn vị đề nghị", empty_label="— Chọn đơn vị —")
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)

    class Meta:
        model = Proposal
        fields = ["unit", "award_type", "year", "period", "number", "achievement"]
        labels = {"award_type": "Hình thức khen thưởng đề nghị", "number": "Số tờ trình (nếu có)"}
        widgets = {
            "award_type": ValiditySelect,
            "achievement": forms.Textarea(attrs={"rows": 3}),
            "year": forms.NumberInput(attrs={"min": rules.FIRST_YEAR, "step": 1}),
        }
        help_texts = {"achievement": "Ghi như trong quyết định, ví dụ: " + ACHIEVEMENT_EXAMPLE.format(year=2022) + "."}

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        editing = self.instance.pk is not None
        units = editable_units(user, include=self.instance.unit_id if editing else None)
        self.fields["unit"].queryset = units
        self.fields["award_type"].queryset = AwardType.objects.select_related("authority")
        self.fields["award_type"].empty_label = "— Chọn hình thức —"
        if editing:
            self.fields["version"].initial = self.instance.version
        else:
            del self.fields["version"]
            year = timezone.localdate().year
            self.fields["year"].initial = year
            self.fields["achievement"].initial = ACHIEVEMENT_EXAMPLE.format(year=year)

    def clean(self):
        data = super().clean()
        errors = rules.check_proposal(year=data.get("year"), unit=data.get("unit"), award_type=data.get("award_type"))
        for field, message in errors:
            self.add_error(field if field in self.fields else None, message)
        return data


class RecipientForm(BootstrapFormMixin, forms.ModelForm):
    """One collective or individual; `units` are those the recipient may belong to."""

    unit = UnitChoiceField(Unit.objects.none(), label="Thuộc đơn vị", empty_label="— Chọn đơn vị —")
    practice_codes = forms.CharField(
        label="Mô hình, điển hình “Dân vận khéo” (mã)",
        required=False,
        max_length=500,
        help_text="Mã các mô hình, điển hình làm căn cứ, cách nhau bằng dấu phẩy, ví dụ DVK-2022-000123.",
    )

    class Meta:
        model = Recipient
        fields = ["kind", "is_unit", "unit", "name", "position", "unit_name", "achievement"]
        labels = {
            "is_unit": "Tập thể là chính đơn vị đã chọn",
            "name": "Tên tập thể / Họ tên",
            "unit_name": "Đơn vị (ghi trong danh sách)",
            "achievement": "Thành tích riêng (để trống nếu như thành tích chung)",
        }
        widgets = {"kind": forms.RadioSelect, "achievement": forms.Textarea(attrs={"rows": 2})}
        help_texts = {"unit_name": "Để trống để lấy tên đơn vị đã chọn."}

    def __init__(self, *args, user, units, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user
        self.fields["unit"].queryset = units
        self.fields["name"].required = False  # a collective that is its unit takes the unit's name
        self.fields["kind"].choices = RecipientKind.choices  # no blank radio
        if self.instance.pk:
            self.fields["practice_codes"].initial = ", ".join(p.code for p in self.instance.practices.all())
        else:
            self.fields["kind"].initial = RecipientKind.COLLECTIVE

    def clean_practice_codes(self) -> list:
        from danvan.practices.models import Practice

        codes = {code.upper() for code in CODE_SPLIT.split(self.cleaned_data["practice_codes"]) if code}
        found = {p.code.upper(): p for p in Practice.objects.restrict(self.user).filter(code__in=codes)}
        missing = sorted(codes - set(found))
        if missing:
            raise ValidationError(f"Không tìm thấy mô hình, điển hình mã {', '.join(missing)} trong phạm vi của bạn.")
        return list(found.values())

    def clean(self):
        data = super().clean()
        if data.get("kind") == RecipientKind.INDIVIDUAL and not (data.get("name") or "").strip():
            self.add_error("name", "Cần nhập họ tên.")
        if data.get("kind") == RecipientKind.COLLECTIVE and not data.get("is_unit") and not data.get("name"):
            self.add_error("name", "Cần nhập tên tập thể (hoặc đánh dấu “Tập thể là chính đơn vị đã chọn”).")
        return data


def recipient_units(user, year: int, within: Unit | None = None):
    """Units a recipient may belong to: alive in the year, in the proposing unit's subtree or the user's scope."""
    units = Unit.objects.restrict(user).valid_during(*rules.year_bounds(year))
    if within is not None:
        units = units.filter(scoping.subtree_q("path", within.path))
    return units.order_by("path")


class CommentForm(BootstrapFormMixin, forms.Form):
    comment = forms.CharField(label="Ý kiến", required=False, widget=forms.Textarea(attrs={"rows": 2}))

    def __init__(self, *args, reason: bool = False, **kwargs):
        super().__init__(*args, **kwargs)
        if reason:
            self.fields["comment"].label = "Lý do"


class DecisionForm(BootstrapFormMixin, forms.ModelForm):
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)

    class Meta:
        model = Decision
        fields = [
            "award_type",
            "year",
            "date",
            "number",
            "signer_mode",
            "signer_name",
            "achievement",
            "legal_bases",
            "executors",
            "distribution",
        ]
        widgets = {
            "award_type": ValiditySelect,
            "date": DatePicker,
            "year": forms.NumberInput(attrs={"min": rules.FIRST_YEAR, "step": 1}),
            "achievement": forms.Textarea(attrs={"rows": 2}),
            "legal_bases": forms.Textarea(attrs={"rows": 3}),
            "executors": forms.Textarea(attrs={"rows": 2}),
            "distribution": forms.Textarea(attrs={"rows": 3}),
        }
        help_texts = {
            "number": "Để trống nếu số do hệ thống cấp khi ban hành (theo sổ văn bản của đơn vị).",
            "legal_bases": "Mỗi dòng một căn cứ; “Xét đề nghị của ...” được thêm theo các tờ trình kèm theo.",
        }

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        paths = scoping.scope_paths(user, scoping.CHANGE)
        types = AwardType.objects.select_related("authority", "authority__unit").filter(authority__unit__isnull=False)
        if paths is not None:
            ids = [t.pk for t in types if scoping.covers(user, t.authority.unit.path, scoping.CHANGE)]
            types = types.filter(pk__in=ids)
        self.fields["award_type"].queryset = types
        self.fields["award_type"].empty_label = "— Chọn hình thức —"
        if self.instance.pk:
            self.fields["version"].initial = self.instance.version
        else:
            del self.fields["version"]
            self.fields["date"].initial = timezone.localdate()
            for name in ("legal_bases", "executors", "distribution"):
                self.fields[name].required = False

    def clean(self):
        data = super().clean()
        errors = rules.check_decision(year=data.get("year"), date=data.get("date"), award_type=data.get("award_type"))
        for field, message in errors:
            self.add_error(field if field in self.fields else None, message)
        return data


class AttachForm(BootstrapFormMixin, forms.Form):
    proposals = forms.ModelMultipleChoiceField(
        Proposal.objects.none(),
        label="Tờ trình đã duyệt",
        widget=forms.CheckboxSelectMultiple,
        error_messages={"required": "Chưa chọn tờ trình nào."},
    )

    def __init__(self, *args, queryset, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["proposals"].queryset = queryset.annotate(recipient_count=Count("recipients"))
        self.fields["proposals"].label_from_instance = lambda p: f"{p.unit_name} – {p.recipient_count} tập thể, cá nhân"


class AmendmentForm(BootstrapFormMixin, forms.Form):
    """Correct an issued decision: its number, date, signer or achievement, and one recipient's text."""

    reason = forms.CharField(label="Lý do đính chính", widget=forms.Textarea(attrs={"rows": 2}))
    number = forms.CharField(label="Số quyết định", max_length=60)
    date = DateField(label="Ngày quyết định")
    signer_mode = forms.ChoiceField(label="Hình thức ký", choices=SignerMode.choices)
    signer_name = forms.CharField(label="Người ký", max_length=120, required=False)
    achievement = forms.CharField(label="Thành tích", widget=forms.Textarea(attrs={"rows": 2}))
    recipient = forms.ModelChoiceField(
        Recipient.objects.none(), label="Đính chính tập thể, cá nhân", required=False, empty_label="— Không —"
    )
    recipient_name = forms.CharField(label="Tên tập thể / Họ tên (mới)", max_length=255, required=False)
    recipient_position = forms.CharField(label="Chức vụ (mới)", max_length=200, required=False)
    recipient_unit_name = forms.CharField(label="Đơn vị (mới)", max_length=255, required=False)

    DECISION_FIELDS = ("number", "date", "signer_mode", "signer_name", "achievement")

    def __init__(self, *args, decision: Decision, **kwargs):
        initial = {name: getattr(decision, name) for name in self.DECISION_FIELDS}
        super().__init__(*args, initial=initial, **kwargs)
        self.fields["recipient"].queryset = decision.recipients.order_by("kind", "order", "id")
        self.fields["recipient"].label_from_instance = lambda r: r.line()

    def clean(self):
        data = super().clean()
        if data.get("recipient") and not (data.get("recipient_name") or "").strip():
            self.add_error("recipient_name", "Cần ghi tên tập thể / họ tên sau khi đính chính.")
        return data

    def decision_changes(self) -> dict:
        return {name: self.cleaned_data[name] for name in self.DECISION_FIELDS if name in self.changed_data}

    def recipient_changes(self) -> dict[int, dict]:
        recipient = self.cleaned_data.get("recipient")
        if recipient is None:
            return {}
        data = self.cleaned_data
        return {
            recipient.pk: {
                "name": data["recipient_name"],
                "position": data["recipient_position"],
                "unit_name": data["recipient_unit_name"],
            }
        }


class UploadForm(BootstrapFormMixin, forms.Form):
    file = forms.FileField(label="Tệp Excel (.xlsx)", error_messages={"required": "Chưa chọn tệp để nhập."})

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["file"].widget.attrs["accept"] = ".xlsx"


class ListFilterForm(BootstrapFormMixin, forms.Form):
    """Filters of the proposal and decision lists (?nam=2022&hinh_thuc=3&trang_thai=approved)."""

    control_size = "sm"

    nam = forms.TypedChoiceField(label="Năm", coerce=int, required=False)
    hinh_thuc = forms.ModelChoiceField(AwardType.objects.all(), label="Hình thức", required=False, empty_label="Tất cả")
    trang_thai = forms.ChoiceField(label="Trạng thái", required=False)
    don_vi = UnitChoiceField(
        Unit.objects.none(), label="Đơn vị", required=False, empty_label="Tất cả đơn vị", preselect=False
    )

    def __init__(self, *args, user, statuses, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["nam"].choices = _with_empty(year_choices())
        self.fields["trang_thai"].choices = _with_empty(statuses)
        self.fields["don_vi"].queryset = Unit.objects.restrict(user).filter(depth__lte=2).order_by(ViCollate("name"))

    def apply(self, queryset, unit_lookup: str = "unit__path"):
        if not self.is_bound or not self.is_valid():
            return queryset
        data = self.cleaned_data
        if data.get("nam"):
            queryset = queryset.filter(year=data["nam"])
        if data.get("hinh_thuc"):
            queryset = queryset.filter(award_type=data["hinh_thuc"])
        if data.get("trang_thai"):
            queryset = queryset.filter(status=data["trang_thai"])
        if data.get("don_vi"):
            queryset = queryset.filter(scoping.subtree_q(unit_lookup, data["don_vi"].path))
        return queryset


PROPOSAL_STATUSES = ProposalStatus.choices
DECISION_STATUSES = DecisionStatus.choices


class StatsForm(BootstrapFormMixin, forms.Form):
    control_size = "sm"

    nam = forms.TypedChoiceField(label="Năm", coerce=int, required=False)
    don_vi = UnitChoiceField(
        Unit.objects.none(), label="Đơn vị", required=False, empty_label="Toàn bộ phạm vi", preselect=False
    )

    def __init__(self, *args, user, default_year: int, **kwargs):
        super().__init__(*args, **kwargs)
        self.default_year = default_year
        self.fields["nam"].choices = year_choices()
        self.fields["nam"].initial = default_year
        self.fields["don_vi"].queryset = (
            Unit.objects.restrict(user).filter(kind__tier__in=["province", "district"]).order_by("path")
        )

    def values(self) -> tuple[int, Unit | None]:
        if self.is_bound and self.is_valid():
            return self.cleaned_data.get("nam") or self.default_year, self.cleaned_data.get("don_vi")
        return self.default_year, None
