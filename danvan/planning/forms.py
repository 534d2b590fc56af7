"""Forms of the planning pages. They stay thin: the services check the rules (shared with the Excel
imports) and the views put the services' errors back on the forms, so messages are the same either way."""

from __future__ import annotations

import datetime as dt

from django import forms
from django.utils import timezone

from danvan.core import uploads
from danvan.core.forms import (
    BootstrapFormMixin,
    DateField,
    DatePicker,
    FilterForm,
    UnitChoiceField,
    UnitMultipleChoiceField,
)
from danvan.core.vn import fold, text_date
from danvan.org.models import Unit
from danvan.org.services import area_units, committee_root, owner_units
from danvan.planning.choices import QUARTERS, Activity, Mode, ReviewKind, ReviewState, TaskState
from danvan.planning.models import (
    Directive,
    DirectiveType,
    FollowUp,
    IssuingBody,
    KeyTask,
    Milestone,
    Recommendation,
    Supervision,
    TaskProgress,
    WorkPlan,
)
from danvan.planning.services.plans import usable_directives


class PlanningForm(BootstrapFormMixin, forms.ModelForm):
    """A model form whose instance is saved by a service, not by `form.save()`."""

    version = forms.IntegerField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk and hasattr(self.instance, "version"):
            self.fields["version"].initial = self.instance.version
        else:
            del self.fields["version"]


# --- Directives ----------------------------------------------------------------------------------


class DirectiveForm(PlanningForm):
    unit = UnitChoiceField(Unit.objects.none(), label="Đơn vị theo dõi", empty_label="— Chọn đơn vị —")
    file = uploads.AttachmentField(label="Tệp văn bản", types=uploads.DOCUMENTS, required=False)

    class Meta:
        model = Directive
        fields = ["unit", "type", "number", "issued_on", "issuer", "summary", "interim_years", "final_years", "file"]
        widgets = {
            "issued_on": DatePicker,
            "summary": forms.Textarea(attrs={"rows": 3}),
            "issuer": forms.TextInput(attrs={"list": "issuing-bodies", "autocomplete": "off"}),
            "interim_years": forms.TextInput(attrs={"placeholder": "VD: 3, 5"}),
            "final_years": forms.NumberInput(attrs={"min": 1, "placeholder": "VD: 10"}),
        }

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["unit"].queryset = owner_units(user, include=self.instance.unit_id)
        self.fields["type"].queryset = DirectiveType.objects.all()
        self.fields["type"].empty_label = "— Chọn loại —"
        # Saved as typed ("3; 5" becomes "3, 5"); the service says what is wrong with it.
        self.fields["interim_years"].help_text = "Một hoặc nhiều số năm, cách nhau bởi dấu phẩy: 3, 5"
        self.fields["final_years"].error_messages["invalid"] = "Nhập số năm là một số nguyên, ví dụ 10."
        self.issuing_bodies = list(IssuingBody.objects.valid_on(timezone.localdate()).values_list("name", flat=True))

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload is False:  # "Xóa" ticked
            self.instance.file_name = ""
        elif getattr(upload, "original_name", None):  # a new upload, not the file kept from before
            self.instance.file_name = upload.original_name
        return upload


class MilestoneForm(BootstrapFormMixin, forms.Form):
    kind = forms.ChoiceField(label="Loại", choices=ReviewKind.choices)
    years = forms.IntegerField(
        label="Sau (năm)",
        required=False,
        min_value=1,
        help_text="Để trống nếu không theo số năm",
        error_messages={"invalid": "Nhập số năm là một số nguyên, ví dụ 5."},
    )
    due_date = DateField(label="Hạn")


class ReviewReportForm(BootstrapFormMixin, forms.Form):
    report_number = forms.CharField(label="Số, ký hiệu báo cáo", max_length=60, required=False)
    report_date = DateField(label="Ngày báo cáo", required=False)
    report_title = forms.CharField(label="Trích yếu báo cáo", max_length=500, required=False)
    report_file = uploads.AttachmentField(label="Tệp báo cáo", types=uploads.DOCUMENTS, required=False)

    @classmethod
    def for_milestone(cls, milestone: Milestone, data=None, files=None):
        initial = {
            "report_number": milestone.report_number,
            "report_date": milestone.report_date,
            "report_title": milestone.report_title or milestone.citation,
        }
        return cls(data, files, initial=initial, prefix=f"m{milestone.pk}")


# --- Work plans ----------------------------------------------------------------------------------


class WorkPlanForm(PlanningForm):
    unit = UnitChoiceField(Unit.objects.none(), label="Đơn vị", empty_label="— Chọn đơn vị —")

    class Meta:
        model = WorkPlan
        fields = ["unit", "title", "year_start", "year_end", "number", "issued_on", "purpose", "implementation"]
        widgets = {
            "issued_on": DatePicker,
            "purpose": forms.Textarea(attrs={"rows": 4}),
            "implementation": forms.Textarea(attrs={"rows": 4}),
        }

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["unit"].queryset = owner_units(user, include=self.instance.unit_id)
        self.fields["year_end"].required = False
        if not self.instance.pk:
            self.fields["year_start"].initial = timezone.localdate().year


class KeyTaskForm(BootstrapFormMixin, forms.ModelForm):
    lead_unit = UnitChoiceField(Unit.objects.none(), label="Đơn vị chủ trì", empty_label="— Chọn đơn vị —")
    partner_units = UnitMultipleChoiceField(Unit.objects.none(), label="Đơn vị phối hợp", required=False)

    class Meta:
        model = KeyTask
        fields = ["number", "content", "directive", "lead_unit", "partner_units", "deadline"]
        widgets = {"content": forms.Textarea(attrs={"rows": 3}), "deadline": DatePicker}

    def __init__(self, *args, user, plan: WorkPlan, **kwargs):
        super().__init__(*args, **kwargs)
        task = self.instance
        current = [task.lead_unit_id] if task.pk else []
        if task.pk:
            current += [u.pk for u in task.partner_units.all()]
        root = committee_root(plan.unit)
        units = Unit.objects.subtree(root).valid_during(plan.first_day, plan.last_day)
        units = (units | Unit.objects.filter(pk__in=current)).order_by("path")
        self.fields["lead_unit"].queryset = units
        self.fields["partner_units"].queryset = units
        self.fields["number"].required = False
        self.fields["number"].help_text = "Để trống: xếp sau nhiệm vụ cuối."
        self.fields["deadline"].required = False
        self.fields["deadline"].help_text = f"Để trống: hết thời gian của kế hoạch ({text_date(plan.last_day)})."
        directives = usable_directives(plan, user).select_related("type").order_by("-issued_on")
        self.fields["directive"].queryset = directives
        self.fields["directive"].label_from_instance = lambda d: d.short_label
        self.fields["directive"].empty_label = "— Không —"


class ProgressForm(BootstrapFormMixin, forms.ModelForm):
    class Meta:
        model = TaskProgress
        fields = ["date", "percent", "note"]
        widgets = {"date": DatePicker, "note": forms.Textarea(attrs={"rows": 2})}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["date"].initial = timezone.localdate()
        self.fields["percent"].widget.attrs.update(min=0, max=100)


# --- Supervision ---------------------------------------------------------------------------------


class SupervisionForm(PlanningForm):
    unit = UnitChoiceField(Unit.objects.none(), label="Đơn vị chủ trì", empty_label="— Chọn đơn vị —")
    supervised_units = UnitMultipleChoiceField(
        Unit.objects.none(), label="Đơn vị được kiểm tra, giám sát", required=False
    )

    PLAN_FIELDS = [
        "unit", "year", "activity", "mode", "topic", "directive", "supervised_units", "subject_label",
        "team_head", "team", "planned_start", "planned_end",
    ]  # fmt: skip
    RESULT_FIELDS = ["actual_start", "actual_end", "findings", "conclusions", "concluded_on", "announcement_number"]

    class Meta:
        model = Supervision
        fields = [
            "unit", "year", "activity", "mode", "topic", "directive", "supervised_units", "subject_label",
            "team_head", "team", "planned_start", "planned_end", "actual_start", "actual_end", "findings",
            "conclusions", "concluded_on", "announcement_number",
        ]  # fmt: skip
        widgets = {
            "topic": forms.Textarea(attrs={"rows": 2}),
            "team": forms.Textarea(attrs={"rows": 2}),
            "findings": forms.Textarea(attrs={"rows": 5}),
            "conclusions": forms.Textarea(attrs={"rows": 4}),
            **{
                name: DatePicker
                for name in ("planned_start", "planned_end", "actual_start", "actual_end", "concluded_on")
            },
        }

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        sup = self.instance
        self.fields["unit"].queryset = owner_units(user, include=sup.unit_id)
        current = [u.pk for u in sup.supervised_units.all()] if sup.pk else []
        self.fields["supervised_units"].queryset = area_units(user, include=current)
        self.fields["directive"].queryset = Directive.objects.restrict(user).select_related("type")
        self.fields["directive"].label_from_instance = lambda d: d.short_label
        self.fields["directive"].empty_label = "— Không —"
        if not sup.pk:
            self.fields["year"].initial = timezone.localdate().year

    WIDE = {"topic", "supervised_units", "subject_label", "team", "findings", "conclusions"}

    def sections(self) -> list[tuple[str, list]]:
        """(heading, [(bound field, column css)]) for the template."""

        def layout(names):
            return [(self[n], "col-12" if n in self.WIDE else "col-12 col-md-6 col-xl-4") for n in names]

        return [
            ("Kế hoạch kiểm tra, giám sát", layout(self.PLAN_FIELDS)),
            ("Kết quả thực hiện", layout(self.RESULT_FIELDS)),
        ]


class RecommendationForm(BootstrapFormMixin, forms.ModelForm):
    responsible_unit = UnitChoiceField(Unit.objects.none(), label="Đơn vị thực hiện", empty_label="— Chọn đơn vị —")

    class Meta:
        model = Recommendation
        fields = ["content", "responsible_unit", "deadline"]
        widgets = {"content": forms.Textarea(attrs={"rows": 2}), "deadline": DatePicker}

    def __init__(self, *args, supervision: Supervision, **kwargs):
        super().__init__(*args, **kwargs)
        root = committee_root(supervision.unit)
        year = supervision.year
        units = Unit.objects.subtree(root).valid_during(dt.date(year, 1, 1), dt.date(year, 12, 31)).order_by("path")
        self.fields["responsible_unit"].queryset = units
        supervised = list(supervision.supervised_units.all()[:2])
        if len(supervised) == 1:
            self.fields["responsible_unit"].initial = supervised[0].pk


class FollowUpForm(BootstrapFormMixin, forms.ModelForm):
    class Meta:
        model = FollowUp
        fields = ["date", "content", "closes"]
        widgets = {"date": DatePicker, "content": forms.Textarea(attrs={"rows": 2})}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["date"].initial = timezone.localdate()


# --- Filters -------------------------------------------------------------------------------------


def _years(extra: int = 1) -> list[tuple[str, str]]:
    this = timezone.localdate().year
    return [("", "Tất cả")] + [(str(y), str(y)) for y in range(this + extra, 2009, -1)]


class DirectiveFilter(FilterForm):
    q = forms.CharField(label="Tìm kiếm", required=False, max_length=200)
    loai = forms.ModelChoiceField(
        DirectiveType.objects.all(), label="Loại văn bản", required=False, empty_label="Tất cả"
    )
    nam = forms.TypedChoiceField(label="Năm ban hành", coerce=int, required=False, empty_value=None)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["nam"].choices = [("", "Tất cả")] + [
            (str(y), str(y)) for y in range(timezone.localdate().year, 1990, -1)
        ]
        self.fields["q"].widget.attrs.update(placeholder="Số hiệu, trích yếu… (gõ không dấu được)", type="search")

    def apply(self, rows):
        values = self.values()
        if values.get("q"):
            rows = rows.filter(search_text__contains=fold(values["q"]))
        if values.get("loai"):
            rows = rows.filter(type=values["loai"])
        if values.get("nam"):
            rows = rows.filter(issued_on__year=values["nam"])
        return rows


class ReviewFilter(FilterForm):
    nam = forms.TypedChoiceField(label="Năm đến hạn", coerce=int, required=False, empty_value=None)
    quy = forms.TypedChoiceField(
        label="Quý", coerce=int, required=False, empty_value=None, choices=[("", "Cả năm"), *QUARTERS.items()]
    )
    trang_thai = forms.ChoiceField(label="Tình trạng", required=False, choices=[("", "Tất cả"), *ReviewState.choices])
    loai = forms.ChoiceField(label="Loại", required=False, choices=[("", "Sơ kết và tổng kết"), *ReviewKind.choices])

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["nam"].choices = _years(extra=10)
        self.fields["nam"].initial = timezone.localdate().year


class TaskFilter(FilterForm):
    nam = forms.TypedChoiceField(label="Năm", coerce=int, required=False, empty_value=None)
    trang_thai = forms.ChoiceField(label="Tình trạng", required=False, choices=[("", "Tất cả"), *TaskState.choices])
    q = forms.CharField(label="Tìm kiếm", required=False, max_length=200)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["nam"].choices = _years()


class SupervisionFilter(FilterForm):
    nam = forms.TypedChoiceField(label="Năm", coerce=int, required=False, empty_value=None)
    hinh_thuc = forms.ChoiceField(label="Hình thức", required=False, choices=[("", "Tất cả"), *Activity.choices])
    loai = forms.ChoiceField(label="Loại", required=False, choices=[("", "Tất cả"), *Mode.choices])

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["nam"].choices = _years()
