"""Forms of the opinion pages. Thin: the services check the rules (shared with the Excel import) and the
views put their errors back on the forms."""

from __future__ import annotations

import datetime as dt

from django import forms
from django.utils import timezone

from danvan.core import scoping, uploads
from danvan.core.forms import BootstrapFormMixin, DateField, FilterForm, UnitChoiceField
from danvan.core.vn import fold
from danvan.opinion.choices import OPEN_STATES, Source, State, Tendency
from danvan.opinion.models import (
    Collaborator,
    Commitment,
    Dialogue,
    DialogueIssue,
    OpinionItem,
    Reception,
    ReceptionCase,
    Topic,
)
from danvan.org.models import Unit
from danvan.org.services import area_units, owner_units

OVERDUE = "qua-han"
FIRST_YEAR = 2015


def _years() -> list[tuple[str, str]]:
    return [("", "Tất cả")] + [(str(y), str(y)) for y in range(timezone.localdate().year, FIRST_YEAR - 1, -1)]


class VersionedForm(BootstrapFormMixin, forms.ModelForm):
    """A model form saved by a service; `version` guards against two editors at once."""

    version = forms.IntegerField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            self.fields["version"].initial = self.instance.version
        else:
            del self.fields["version"]


class ItemForm(VersionedForm):
    unit = UnitChoiceField(Unit.objects.none(), label="Đơn vị nắm tình hình", empty_label="— Chọn đơn vị —")
    place = UnitChoiceField(Unit.objects.none(), label="Địa bàn", empty_label="— Chọn xã, phường, đơn vị —")
    noted_on = DateField(label="Ngày ghi nhận")
    link = forms.URLField(label="Đường dẫn", max_length=500, required=False, assume_scheme="https")

    class Meta:
        model = OpinionItem
        fields = [
            "unit", "noted_on", "place", "topic", "summary", "source", "collaborator", "source_detail",
            "platform", "link", "reach", "tendency", "intensity", "hot_spot", "people_involved", "proposal",
        ]  # fmt: skip
        widgets = {
            "summary": forms.Textarea(attrs={"rows": 4}),
            "proposal": forms.Textarea(attrs={"rows": 2}),
            "reach": forms.NumberInput(attrs={"min": 0}),
            "people_involved": forms.NumberInput(attrs={"min": 1}),
        }

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        item = self.instance
        self.fields["unit"].queryset = owner_units(user, include=item.unit_id)
        self.fields["place"].queryset = area_units(user, include=[item.place_id] if item.place_id else ())
        day = item.noted_on or timezone.localdate()
        topics = Topic.objects.valid_on(day) | Topic.objects.filter(pk=item.topic_id)
        self.fields["topic"].queryset = topics.order_by("order", "name")
        self.fields["topic"].empty_label = "— Chọn lĩnh vực —"
        collaborators = Collaborator.objects.restrict(user).select_related("unit").order_by("name", "id")
        self.fields["collaborator"].queryset = collaborators
        self.fields["collaborator"].label_from_instance = lambda c: f"{c.name} – {c.unit.name}"
        self.fields["collaborator"].empty_label = "— Khi nguồn là cộng tác viên —"
        self.fields["platform"].choices = [
            ("", "— Khi nguồn là không gian mạng —"),
            *self.fields["platform"].choices[1:],
        ]
        self.fields["summary"].help_text = "Tóm tắt sự việc, ý kiến của nhân dân."
        self.fields["reach"].error_messages["min_value"] = "Lượt tiếp cận không được là số âm."
        self.fields["people_involved"].error_messages["min_value"] = "Số người liên quan phải từ 1 trở lên."
        self.fields["link"].error_messages["invalid"] = "Đường dẫn không hợp lệ; hãy dán cả địa chỉ, ví dụ https://…"
        if not item.pk:
            self.fields["noted_on"].initial = timezone.localdate()

    SECTIONS = (
        ("Sự việc", ("unit", "noted_on", "place", "topic", "summary")),
        ("Nguồn thông tin", ("source", "collaborator", "source_detail", "platform", "link", "reach")),
        ("Chiều hướng dư luận và đề xuất", ("tendency", "intensity", "hot_spot", "people_involved", "proposal")),
    )
    WIDE = frozenset({"summary", "proposal", "source_detail", "link"})

    def sections(self) -> list[tuple[str, list]]:
        """(heading, [(bound field, column css)]) for the template."""
        return [
            (heading, [(self[n], "col-12" if n in self.WIDE else "col-12 col-md-6 col-xl-4") for n in names])
            for heading, names in self.SECTIONS
        ]


class ForwardForm(BootstrapFormMixin, forms.Form):
    # Not required here: the service checks them with the rest, so every error shows at once.
    forwarded_to = forms.CharField(
        label="Cơ quan được chuyển đến",
        max_length=300,
        required=False,
        help_text="Ví dụ: UBND xã Long Thuận, Sở Nông nghiệp và Môi trường",
    )
    forwarded_on = DateField(label="Ngày chuyển", required=False)
    answer_due = DateField(label="Hạn trả lời", required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        today = timezone.localdate()
        self.fields["forwarded_on"].initial = today
        self.fields["answer_due"].initial = today + dt.timedelta(days=15)


class AnswerForm(BootstrapFormMixin, forms.Form):
    answer = forms.CharField(label="Nội dung trả lời", widget=forms.Textarea(attrs={"rows": 3}), required=False)
    answered_on = DateField(label="Ngày trả lời", required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["answered_on"].initial = timezone.localdate()


STEP_FORMS = {"forward": ForwardForm, "answer": AnswerForm}


class MergeForm(BootstrapFormMixin, forms.Form):
    """Duplicates to merge into this case: the user's other open items of the same place, near in time."""

    duplicates = forms.ModelMultipleChoiceField(
        OpinionItem.objects.none(), label="Thông tin trùng", widget=forms.CheckboxSelectMultiple
    )

    def __init__(self, *args, case: OpinionItem, user, **kwargs):
        super().__init__(*args, **kwargs)
        window = dt.timedelta(days=90)
        self.fields["duplicates"].queryset = (
            OpinionItem.objects.restrict(user, scoping.CHANGE)
            .cases()
            .filter(place_id=case.place_id, noted_on__range=(case.noted_on - window, case.noted_on + window))
            .exclude(pk=case.pk)
            .exclude(merged__isnull=False)
            .order_by("noted_on", "id")
        )
        self.fields["duplicates"].label_from_instance = lambda i: (
            f"{i.noted_on:%d/%m/%Y} – {i.get_source_display()}: {i}"
        )
        self.fields["duplicates"].error_messages["required"] = "Chọn ít nhất một thông tin trùng để gộp."


class ItemFileForm(BootstrapFormMixin, forms.Form):
    file = uploads.AttachmentField(label="Tệp minh chứng (ảnh chụp màn hình, văn bản)")
    caption = forms.CharField(label="Chú thích", max_length=300, required=False)


class CollaboratorForm(VersionedForm):
    unit = UnitChoiceField(Unit.objects.none(), label="Đơn vị quản lý", empty_label="— Chọn đơn vị —")
    term_start = DateField(label="Nhiệm kỳ từ ngày")
    term_end = DateField(label="Đến ngày", required=False)

    class Meta:
        model = Collaborator
        fields = ["unit", "name", "position", "topic", "term_start", "term_end"]

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["unit"].queryset = owner_units(user, include=self.instance.unit_id)
        self.fields["topic"].queryset = Topic.objects.all()
        self.fields["topic"].empty_label = "— Mọi lĩnh vực —"


class ItemFilter(FilterForm):
    q = forms.CharField(label="Tìm kiếm", required=False, max_length=200)
    nam = forms.TypedChoiceField(label="Năm", coerce=int, required=False, empty_value=None)
    thang = forms.TypedChoiceField(
        label="Tháng",
        coerce=int,
        required=False,
        empty_value=None,
        choices=[("", "Cả năm")] + [(str(m), f"Tháng {m}") for m in range(1, 13)],
    )
    linh_vuc = forms.ModelChoiceField(Topic.objects.all(), label="Lĩnh vực", required=False, empty_label="Tất cả")
    chieu_huong = forms.ChoiceField(label="Chiều hướng", required=False, choices=[("", "Tất cả"), *Tendency.choices])
    nguon = forms.ChoiceField(label="Nguồn", required=False, choices=[("", "Tất cả"), *Source.choices])
    trang_thai = forms.ChoiceField(
        label="Tình trạng",
        required=False,
        choices=[("", "Tất cả"), ("mo", "Chưa xong"), *State.choices, (OVERDUE, "Quá hạn trả lời")],
    )
    diem_nong = forms.BooleanField(label="Chỉ điểm nóng", required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["nam"].choices = _years()
        self.fields["q"].widget.attrs.update(placeholder="Nội dung, nguồn, cơ quan… (gõ không dấu được)", type="search")

    def apply(self, rows, today: dt.date):
        values = self.values()
        if values.get("q"):
            rows = rows.filter(search_text__contains=fold(values["q"]))
        if values.get("nam"):
            rows = rows.filter(noted_on__year=values["nam"])
            if values.get("thang"):
                rows = rows.filter(noted_on__month=values["thang"])
        if values.get("linh_vuc"):
            rows = rows.filter(topic=values["linh_vuc"])
        if values.get("chieu_huong"):
            rows = rows.filter(tendency=values["chieu_huong"])
        if values.get("nguon"):
            rows = rows.filter(source=values["nguon"])
        state = values.get("trang_thai")
        if state == OVERDUE:
            rows = rows.overdue(today)
        elif state == "mo":
            rows = rows.filter(state__in=OPEN_STATES)
        elif state:
            rows = rows.filter(state=state)
        if values.get("diem_nong"):
            rows = rows.filter(hot_spot=True)
        return rows


# --- Citizen reception and dialogues ---------------------------------------------------------------


def optional_here(form, *names: str) -> None:
    """Leave these to the service's rules, so every missing value is named at once, in its words."""
    for name in names:
        form.fields[name].required = False


class ReceptionForm(VersionedForm):
    unit = UnitChoiceField(Unit.objects.none(), label="Cấp ủy, đơn vị", empty_label="— Chọn đơn vị —")
    day = DateField(label="Ngày tiếp")

    class Meta:
        model = Reception
        fields = ["unit", "day", "leader", "kind", "status", "place", "notes"]
        widgets = {"notes": forms.Textarea(attrs={"rows": 2})}

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["unit"].queryset = owner_units(user, include=self.instance.unit_id)
        self.fields["leader"].widget.attrs["placeholder"] = "VD: Nguyễn Văn A, Bí thư Đảng ủy xã"


class ReceptionCaseForm(BootstrapFormMixin, forms.ModelForm):
    deadline = DateField(label="Hạn giải quyết", required=False)
    settled_on = DateField(label="Ngày có kết quả", required=False)

    class Meta:
        model = ReceptionCase
        fields = ["petitioner", "case_type", "people", "content", "assigned_to", "deadline", "result", "settled_on"]
        widgets = {
            "content": forms.Textarea(attrs={"rows": 2}),
            "result": forms.Textarea(attrs={"rows": 2}),
            "people": forms.NumberInput(attrs={"min": 1}),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["people"].error_messages["min_value"] = "Số người phải từ 1 trở lên."
        optional_here(self, "petitioner", "content")


class DialogueForm(VersionedForm):
    unit = UnitChoiceField(Unit.objects.none(), label="Cấp ủy, chính quyền", empty_label="— Chọn đơn vị —")
    day = DateField(label="Ngày đối thoại")
    notice_on = DateField(label="Ngày thông báo cho nhân dân", required=False)
    published_on = DateField(label="Ngày công khai kết quả", required=False)

    class Meta:
        model = Dialogue
        fields = [
            "unit",
            "day",
            "host_role",
            "hosts",
            "topic",
            "place",
            "notice_on",
            "participants",
            "published_on",
            "publication",
        ]
        widgets = {"participants": forms.NumberInput(attrs={"min": 1})}

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["unit"].queryset = owner_units(user, include=self.instance.unit_id)
        self.fields["participants"].error_messages["min_value"] = "Số người tham dự phải từ 1 trở lên."


class DialogueIssueForm(BootstrapFormMixin, forms.ModelForm):
    class Meta:
        model = DialogueIssue
        fields = ["raised_by", "content", "answer"]
        widgets = {"content": forms.Textarea(attrs={"rows": 2}), "answer": forms.Textarea(attrs={"rows": 2})}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        optional_here(self, "content")


class CommitmentForm(BootstrapFormMixin, forms.ModelForm):
    deadline = DateField(label="Hạn thực hiện", required=False)

    class Meta:
        model = Commitment
        fields = ["content", "responsible", "deadline"]
        widgets = {"content": forms.Textarea(attrs={"rows": 2})}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        optional_here(self, "content", "responsible")


class CommitmentDoneForm(BootstrapFormMixin, forms.Form):
    done_on = DateField(label="Ngày hoàn thành", required=False)
    result = forms.CharField(label="Kết quả thực hiện", widget=forms.Textarea(attrs={"rows": 2}), required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["done_on"].initial = timezone.localdate()


class MeetingFilter(FilterForm):
    nam = forms.TypedChoiceField(label="Năm", coerce=int, required=False, empty_value=None)
    don_vi = UnitChoiceField(Unit.objects.none(), label="Đơn vị", required=False, preselect=False, empty_label="Tất cả")

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["nam"].choices = _years()
        self.fields["nam"].initial = timezone.localdate().year
        self.fields["don_vi"].queryset = Unit.objects.restrict(user).order_by("path")
