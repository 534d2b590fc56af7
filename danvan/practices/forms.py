"""Forms of the "Dân vận khéo" pages. Their clean() runs rules.check, as the Excel import does,
so a user sees the same messages whichever way the data comes in."""

from __future__ import annotations

import datetime as dt

from django import forms
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Exists, OuterRef
from django.urls import reverse_lazy
from django.utils import timezone

from danvan.core import scoping, uploads
from danvan.core.db import ViCollate
from danvan.core.forms import BootstrapFormMixin, DateField, DatePicker, UnitChoiceField
from danvan.org.models import Unit
from danvan.practices import rules, services
from danvan.practices.choices import FileKind, Status, Subject
from danvan.practices.models import CONTENT_FIELDS, Level, Practice, PracticeFile

RECENT_YEARS = 5  # units that ended more than this many years ago are not offered for new records


class ValiditySelect(forms.Select):
    """A select of configuration items whose options carry their validity years, so the page can
    hide the ones that do not exist in the chosen year (the server checks again with rules.check)."""

    def create_option(self, name, value, label, selected, index, subindex=None, attrs=None):
        option = super().create_option(name, value, label, selected, index, subindex, attrs)
        item = getattr(value, "instance", None)
        if item is not None:
            if item.valid_from:
                option["attrs"]["data-from"] = item.valid_from.year
            if item.valid_until:
                option["attrs"]["data-until"] = item.valid_until.year
        return option


def editable_units(user, action: str = scoping.CHANGE, include: int | None = None):
    """Units the user may file records for, that existed in recent years, in Vietnamese order."""
    since = dt.date(timezone.localdate().year - RECENT_YEARS, 1, 1)
    units = Unit.objects.restrict(user, action).valid_during(since, None)
    if include is not None:
        units = units | Unit.objects.filter(pk=include)
    return units.order_by(ViCollate("name"))


def reviewing_units(user, practice: Practice | None = None):
    """Units the user reviews that can recognize: the ancestors of the practice's unit, or (for a
    batch) any unit that has units below it. The closest ancestor first."""
    units = Unit.objects.restrict(user, scoping.REVIEW)
    if practice is not None:
        units = units.filter(pk__in=practice.unit.ancestors().values("pk"))
    else:
        units = units.filter(Exists(Unit.objects.filter(parent=OuterRef("pk"))))
    return units.order_by("-depth", ViCollate("name"))


class PracticeForm(BootstrapFormMixin, forms.ModelForm):
    """Register or edit a practice (the fields of services.EDITABLE_FIELDS)."""

    replicated_from_code = forms.CharField(
        label="Mã mô hình gốc",
        required=False,
        max_length=60,
        help_text="Gõ mã hoặc tên để tìm mô hình gốc trong phạm vi đơn vị của bạn; để trống nếu không nhân rộng.",
    )
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)

    unit = UnitChoiceField(Unit.objects.none(), label="Đơn vị", empty_label="— Chọn đơn vị —")

    # (field, columns out of 12 on wide screens): the layout of the sections.
    GENERAL = [
        ("name", 12), ("kind", 3), ("subject", 3), ("year", 2), ("level", 4), ("unit", 6), ("bloc", 3),
        ("field", 3), ("person_name", 6), ("person_position", 6), ("description", 12),
    ]  # fmt: skip
    CONTENT = [(name, 6) for name, _ in CONTENT_FIELDS]
    INDIVIDUAL_ONLY = ("person_name", "person_position")

    class Meta:
        model = Practice
        fields = [name for name in services.EDITABLE_FIELDS if name != "replicated_from"]
        labels = {name: label for name, label in CONTENT_FIELDS} | {
            "name": "Tên mô hình, điển hình",
            "person_name": "Họ tên (điển hình cá nhân)",
            "person_position": "Chức vụ (điển hình cá nhân)",
            "description": "Mô tả tóm tắt",
        }
        widgets = {name: forms.Textarea(attrs={"rows": 3}) for name, _ in CONTENT_FIELDS} | {
            "name": forms.Textarea(attrs={"rows": 2}),
            "description": forms.Textarea(attrs={"rows": 3}),
            "level": ValiditySelect,
            "year": forms.NumberInput(attrs={"min": rules.FIRST_YEAR, "step": 1}),
        }
        help_texts = {"bloc": "Để trống để lấy theo khối của đơn vị."}

    def __init__(self, *args, user, unit_action: str = scoping.CHANGE, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user
        editing = self.instance.pk is not None
        unit_field = self.fields["unit"]
        unit_field.queryset = editable_units(user, unit_action, include=self.instance.unit_id if editing else None)
        self.fields["level"].empty_label = "— Chọn cấp —"
        self.fields["field"].empty_label = "— Chọn lĩnh vực —"
        self.fields["bloc"].required = False
        self.fields["bloc"].empty_label = "— Theo đơn vị —"
        lookup = self.fields["replicated_from_code"].widget.attrs
        lookup.update(
            {
                "list": "practice-options",
                "autocomplete": "off",
                "hx-get": reverse_lazy("practices:lookup"),
                "hx-trigger": "input changed delay:300ms",
                "hx-target": "#practice-options",
                "placeholder": "VD: DVK-2019-000123",
            }
        )
        if editing:
            self.fields["version"].initial = self.instance.version
            if self.instance.replicated_from_id:
                self.fields["replicated_from_code"].initial = self.instance.replicated_from.code
        else:
            del self.fields["version"]
            self.fields["year"].initial = timezone.localdate().year

    def _layout(self, fields) -> list[tuple]:
        """(bound field, css classes of its column) for the template."""
        result = []
        for name, width in fields:
            css = "col-12" if width == 12 else f"col-12 col-md-6 col-xl-{width}"
            if name in self.INDIVIDUAL_ONLY:
                css += " individual-only"
            result.append((self[name], css))
        return result

    def sections(self) -> list[tuple[str, list]]:
        return [
            ("Thông tin chung", self._layout(self.GENERAL)),
            ("Nội dung đăng ký", self._layout(self.CONTENT)),
            ("Nhân rộng từ", self._layout([("replicated_from_code", 6)])),
        ]

    def clean_replicated_from_code(self) -> Practice | None:
        text = self.cleaned_data["replicated_from_code"].strip()
        if not text:
            return None
        code = text.split()[0]
        current = self.instance.replicated_from if self.instance.replicated_from_id else None
        if current is not None and current.code.lower() == code.lower():
            return current  # kept as it was, even if the source lies outside the editor's scope
        source = Practice.objects.restrict(self.user).filter(code__iexact=code).first()
        if source is None:
            raise ValidationError(f"Không tìm thấy mô hình mã “{code}” trong phạm vi đơn vị của bạn.")
        if source.pk == self.instance.pk:
            raise ValidationError("Mô hình không thể nhân rộng từ chính nó.")
        return source

    def rule_inputs(self, data: dict) -> dict:
        return {
            "status": self.instance.status,
            "recognized_level": self.instance.recognized_level,
            "decision_date": self.instance.decision_date,
        }

    def clean(self):
        data = super().clean()
        if "replicated_from_code" in data:
            self.instance.replicated_from = data["replicated_from_code"]
        errors = rules.check(
            year=data.get("year"),
            unit=data.get("unit"),
            level=data.get("level"),
            subject=data.get("subject") or Subject.COLLECTIVE,
            person_name=data.get("person_name") or "",
            **self.rule_inputs(data),
        )
        for field, message in errors:
            self.add_error(field if field in self.fields else None, message)
        unit = data.get("unit")
        if unit is not None and not data.get("bloc"):
            data["bloc"] = unit.bloc or unit.kind.default_bloc
        return data


class AmendmentForm(PracticeForm):
    """Correct a recognized practice: the same fields plus the recognition, and a reason."""

    reason = forms.CharField(
        label="Lý do đính chính",
        widget=forms.Textarea(attrs={"rows": 2}),
        error_messages={"required": "Cần ghi rõ lý do đính chính."},
    )

    RECOGNITION = ["recognized_level", "decision_number", "decision_date"]

    class Meta(PracticeForm.Meta):
        fields = [*PracticeForm.Meta.fields, "recognized_level", "decision_number", "decision_date"]
        widgets = PracticeForm.Meta.widgets | {"decision_date": DatePicker, "recognized_level": ValiditySelect}

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, user=user, unit_action=scoping.REVIEW, **kwargs)
        del self.fields["version"]
        self.fields["recognized_level"].required = True
        self.fields["decision_number"].required = True
        self.fields["decision_date"].required = True

    def sections(self) -> list[tuple[str, list]]:
        return [
            ("Lý do đính chính", self._layout([("reason", 12)])),
            ("Quyết định công nhận", self._layout([(name, 4) for name in self.RECOGNITION])),
            *super().sections(),
        ]

    def rule_inputs(self, data: dict) -> dict:
        return {
            "status": Status.RECOGNIZED,
            "recognized_level": data.get("recognized_level"),
            "decision_date": data.get("decision_date"),
        }

    def changes(self) -> dict:
        """The model values the user changed, for services.amend."""
        result = {name: self.cleaned_data[name] for name in self.changed_data if name in self._meta.fields}
        if "replicated_from_code" in self.changed_data:
            result["replicated_from"] = self.cleaned_data["replicated_from_code"]
        return result


class CommentForm(BootstrapFormMixin, forms.Form):
    """The comment of a workflow step; the service says when it is required."""

    comment = forms.CharField(label="Ý kiến", required=False, widget=forms.Textarea(attrs={"rows": 2}))

    def __init__(self, *args, reason: bool = False, **kwargs):
        super().__init__(*args, **kwargs)
        if reason:
            self.fields["comment"].label = "Lý do"


class RecognizeForm(BootstrapFormMixin, forms.Form):
    """The recognition decision: level recognized, decision number and date, recognizing unit."""

    level = forms.ModelChoiceField(
        Level.objects.all(),
        label="Cấp công nhận",
        empty_label="— Chọn cấp —",
        error_messages={"required": "Cần chọn cấp công nhận."},
    )
    decision_number = forms.CharField(
        label="Số quyết định, giấy chứng nhận",
        max_length=100,
        error_messages={"required": "Cần nhập số quyết định hoặc giấy chứng nhận."},
    )
    decision_date = DateField(label="Ngày công nhận", error_messages={"required": "Cần nhập ngày công nhận."})
    recognizing_unit = UnitChoiceField(
        Unit.objects.none(),
        label="Đơn vị công nhận",
        empty_label="— Chọn đơn vị —",
        error_messages={"required": "Cần chọn đơn vị công nhận."},
    )
    comment = forms.CharField(label="Ý kiến", required=False, widget=forms.Textarea(attrs={"rows": 2}))

    def __init__(self, *args, user, practice: Practice | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        units = reviewing_units(user, practice)
        self.fields["recognizing_unit"].queryset = units
        self.fields["decision_number"].widget.attrs["placeholder"] = "VD: 15-QĐ/BCĐ"
        if practice is not None:
            self.fields["level"].initial = practice.level_id
            first = units.first()
            if first is not None:
                self.fields["recognizing_unit"].initial = first.pk


class BulkDecisionForm(RecognizeForm):
    """Recognize or reject the selected practices with one decision (services.decide_many)."""

    ACTIONS = [("recognize", "Công nhận"), ("reject", "Không công nhận")]

    action = forms.ChoiceField(label="Quyết định", choices=ACTIONS, initial="recognize")
    practices = forms.ModelMultipleChoiceField(
        Practice.objects.none(),
        error_messages={
            "required": "Chưa chọn mô hình nào trong danh sách.",
            "invalid_choice": "Mô hình đã chọn không còn trong phạm vi của bạn.",
            "invalid_pk_value": "Lựa chọn không hợp lệ.",
        },
    )

    field_order = ["action", "level", "decision_number", "decision_date", "recognizing_unit", "comment"]

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, user=user, **kwargs)
        # Only the submitted ids are looked up (pk__in); the list itself is never rendered from here.
        self.fields["practices"].queryset = (
            Practice.objects.restrict(user).select_related("unit", "unit__parent").order_by("code")
        )
        for name in ("level", "decision_number", "decision_date", "recognizing_unit"):
            self.fields[name].required = False

    def clean(self):
        data = super().clean()
        if data.get("action") == "recognize":
            for name in ("level", "decision_number", "decision_date", "recognizing_unit"):
                if not data.get(name) and name not in self.errors:
                    self.add_error(name, self.fields[name].error_messages["required"])
        elif data.get("action") == "reject" and not (data.get("comment") or "").strip():
            self.add_error("comment", "Cần ghi rõ lý do khi “Không công nhận”.")
        return data

    def decision(self) -> dict:
        if self.cleaned_data["action"] != "recognize":
            return {}
        names = ("level", "decision_number", "decision_date", "recognizing_unit")
        return {name: self.cleaned_data[name] for name in names}


class PracticeFileForm(BootstrapFormMixin, forms.ModelForm):
    """An evidence document or photo, checked by its content (PDF, Word, Excel, JPG or PNG) and size."""

    file = uploads.AttachmentField(label="Chọn tệp")

    class Meta:
        model = PracticeFile
        fields = ["kind", "file", "caption"]

    def clean(self):
        data = super().clean()
        upload = data.get("file")
        if upload and data.get("kind") == FileKind.PHOTO and not upload.file_type.is_image:
            self.add_error("file", "Hình ảnh phải là tệp JPG hoặc PNG.")
        elif upload:
            self.instance.original_name = uploads.original_name(upload)
        return data

    # Files have no service yet (services.attach_file is proposed); the same checks as a service would make.
    @transaction.atomic
    def save_for(self, user, practice: Practice) -> PracticeFile:
        return services.attach_file(user, practice, self.instance)


class PublicationForm(BootstrapFormMixin, forms.Form):
    """The unit's choice for the public showcase (see services.set_publication)."""

    published = forms.BooleanField(
        label="Cho phép giới thiệu mô hình này trên trang công khai khi đã được công nhận", required=False
    )
    photos = forms.ModelMultipleChoiceField(
        PracticeFile.objects.none(),
        label="Hình ảnh được đưa lên trang công khai",
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )

    def __init__(self, *args, practice: Practice, **kwargs):
        kwargs.setdefault(
            "initial",
            {"published": practice.published, "photos": [f.pk for f in practice.files.all() if f.public]},
        )
        super().__init__(*args, **kwargs)
        self.fields["photos"].queryset = PracticeFile.objects.filter(practice=practice, kind=FileKind.PHOTO)
        self.fields["photos"].error_messages["invalid_choice"] = "Chỉ chọn được hình ảnh của chính hồ sơ này."


def action_form(transition, practice: Practice, user, data=None):
    """The form of a workflow step: the decision for "recognize", else a comment (a reason where required)."""
    if transition.action == "recognize":
        return RecognizeForm(data, user=user, practice=practice, prefix="recognize")
    return CommentForm(data, reason=transition.requires_comment, prefix=transition.action)
