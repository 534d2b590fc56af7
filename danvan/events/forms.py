"""Forms of the events pages. Thin: the services check the rules (shared with the Excel imports) and the
views put their errors back on the forms."""

from __future__ import annotations

from decimal import Decimal, InvalidOperation

from django import forms
from django.utils import timezone

from danvan.awards.choices import DecisionStatus, RecipientKind
from danvan.awards.models import Decision, Recipient
from danvan.core import uploads
from danvan.core.forms import BootstrapFormMixin, DateField, FilterForm, UnitChoiceField, UnitMultipleChoiceField
from danvan.core.vn import fold, parse_date
from danvan.emulation.rules import format_score
from danvan.events import rules
from danvan.events.choices import ContestState
from danvan.events.models import Conference, ConferenceKind, Contest, ContestKind, Entry, Prize, PrizeKind, Round
from danvan.events.services.contests import cell_name
from danvan.org.models import Unit
from danvan.org.services import area_units, owner_units

FIRST_YEAR = 2015


def years() -> list[tuple[str, str]]:
    return [("", "Tất cả")] + [(str(y), str(y)) for y in range(timezone.localdate().year + 1, FIRST_YEAR - 1, -1)]


def _dated(model, day, current_pk=None):
    """Configuration valid on `day` (today for a new record), the record's own choice kept."""
    rows = model.objects.valid_on(day or timezone.localdate()) | model.objects.filter(pk=current_pk)
    return rows.order_by("order", "name")


class VersionedForm(BootstrapFormMixin, forms.ModelForm):
    """A model form saved by a service; `version` guards against two editors at once."""

    version = forms.IntegerField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            self.fields["version"].initial = self.instance.version
        else:
            del self.fields["version"]


class ContestForm(VersionedForm):
    unit = UnitChoiceField(Unit.objects.none(), label="Đơn vị tổ chức", empty_label="— Chọn đơn vị —")
    start_date = DateField(label="Ngày bắt đầu")
    end_date = DateField(label="Ngày kết thúc")

    class Meta:
        model = Contest
        fields = ["unit", "kind", "name", "edition", "start_date", "end_date", "place", "description"]
        widgets = {"description": forms.Textarea(attrs={"rows": 3})}

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        contest = self.instance
        self.fields["unit"].queryset = owner_units(user, include=contest.unit_id)
        self.fields["kind"].queryset = _dated(ContestKind, contest.start_date, contest.kind_id)
        self.fields["kind"].empty_label = "— Chọn loại hội thi —"
        self.fields["name"].widget.attrs["placeholder"] = "VD: Hội thi “Dân vận khéo” tỉnh Tây Ninh"


class RoundForm(BootstrapFormMixin, forms.ModelForm):
    day = DateField(label="Ngày thi", required=False)

    class Meta:
        model = Round
        fields = ["name", "day", "max_score"]
        widgets = {"max_score": forms.NumberInput(attrs={"min": 0, "step": "0.01"})}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["name"].widget.attrs["placeholder"] = "VD: Vòng sơ khảo"


class EntryForm(BootstrapFormMixin, forms.ModelForm):
    unit = UnitChoiceField(Unit.objects.none(), label="Đơn vị dự thi", empty_label="— Chọn đơn vị —", preselect=False)

    class Meta:
        model = Entry
        fields = ["unit", "title", "members"]
        widgets = {"members": forms.Textarea(attrs={"rows": 2})}

    def __init__(self, *args, contest: Contest, user, **kwargs):
        super().__init__(*args, **kwargs)
        day = contest.start_date
        self.fields["unit"].queryset = area_units(user, day, day).exclude(pk=contest.unit_id)
        self.fields["title"].widget.attrs["placeholder"] = "Để trống: lấy tên đơn vị"


class PrizeForm(BootstrapFormMixin, forms.ModelForm):
    class Meta:
        model = Prize
        fields = ["entry", "kind", "award"]

    def __init__(self, *args, contest: Contest, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["entry"].queryset = Entry.objects.filter(contest=contest).select_related("unit").order_by("id")
        self.fields["entry"].empty_label = "— Chọn đội, bài dự thi —"
        self.fields["kind"].queryset = _dated(PrizeKind, contest.end_date, self.instance.kind_id)
        self.fields["kind"].empty_label = "— Chọn giải —"
        awards = (
            Recipient.objects.restrict(user)
            .filter(decision__status=DecisionStatus.ISSUED, decision__date__gte=contest.start_date,
                    kind=RecipientKind.COLLECTIVE,
                    unit__in=Entry.objects.filter(contest=contest).values("unit"))
            .select_related("decision__award_type")
            .order_by("decision__date", "id")
        )  # fmt: skip
        self.fields["award"].queryset = awards
        self.fields["award"].required = False
        self.fields["award"].empty_label = "— Không gắn khen thưởng —"
        self.fields["award"].label_from_instance = lambda r: f"{r.name} – {r.decision.award_type.name} ({r.decision})"


class ScoreMatrixForm(BootstrapFormMixin, forms.Form):
    """One cell per entry and round (`d_<entry>_<round>`), blank for no score; the contest's version."""

    version = forms.IntegerField(widget=forms.HiddenInput)

    def __init__(self, *args, contest: Contest, rounds, entries, scores: dict, **kwargs):
        super().__init__(*args, **kwargs)
        self.rounds, self.entries = list(rounds), list(entries)
        self.fields["version"].initial = contest.version
        for entry in self.entries:
            for round_ in self.rounds:
                value = scores.get((entry.pk, round_.pk))
                self.fields[cell_name(entry.pk, round_.pk)] = forms.CharField(
                    label=f"{entry} – {round_.name}",
                    required=False,
                    initial=format_score(value) if value is not None else "",
                    widget=forms.TextInput(attrs={"inputmode": "decimal", "class": "text-end", "size": 6}),
                )

    def clean(self):
        data = super().clean()
        values: dict[tuple[int, int], Decimal | None] = {}
        for entry in self.entries:
            for round_ in self.rounds:
                name = cell_name(entry.pk, round_.pk)
                text = (data.get(name) or "").strip().replace(",", ".")
                if not text:
                    values[(entry.pk, round_.pk)] = None
                    continue
                try:
                    value = Decimal(text)
                except InvalidOperation:
                    self.add_error(name, "Điểm phải là số, ví dụ 8,5.")
                    continue
                values[(entry.pk, round_.pk)] = value
                for _, message in rules.score_errors(value, round_):  # every cell's error at once
                    self.add_error(name, message)
        data["values"] = values
        return data

    def rows(self) -> list[tuple[Entry, list]]:
        return [(e, [self[cell_name(e.pk, r.pk)] for r in self.rounds]) for e in self.entries]


class ContestFilter(FilterForm):
    q = forms.CharField(label="Tìm kiếm", required=False, max_length=200)
    nam = forms.TypedChoiceField(label="Năm", coerce=int, required=False, empty_value=None)
    loai = forms.ModelChoiceField(ContestKind.objects.all(), label="Loại hội thi", required=False, empty_label="Tất cả")
    trang_thai = forms.ChoiceField(label="Trạng thái", required=False, choices=[("", "Tất cả"), *ContestState.choices])
    don_vi = UnitChoiceField(Unit.objects.none(), label="Đơn vị", required=False, preselect=False, empty_label="Tất cả")

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["nam"].choices = years()
        self.fields["don_vi"].queryset = Unit.objects.restrict(user).order_by("path")
        self.fields["q"].widget.attrs.update(placeholder="Tên hội thi, địa điểm (gõ không dấu được)", type="search")

    def apply(self, rows):
        from danvan.core import scoping

        values = self.values()
        if values.get("q"):
            rows = rows.filter(search_text__contains=fold(values["q"]))
        if values.get("nam"):
            rows = rows.filter(start_date__year=values["nam"])
        if values.get("loai"):
            rows = rows.filter(kind=values["loai"])
        if values.get("trang_thai"):
            rows = rows.filter(state=values["trang_thai"])
        if values.get("don_vi"):
            rows = rows.filter(scoping.subtree_q("unit__path", values["don_vi"].path))
        return rows


class ConferenceFilter(ContestFilter):
    loai = forms.ModelChoiceField(
        ConferenceKind.objects.all(), label="Loại hội nghị", required=False, empty_label="Tất cả"
    )
    trang_thai = None

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["q"].widget.attrs["placeholder"] = "Tên hội nghị, địa điểm, chủ trì (gõ không dấu được)"

    def apply(self, rows):
        from danvan.core import scoping

        values = self.values()
        if values.get("q"):
            rows = rows.filter(search_text__contains=fold(values["q"]))
        if values.get("nam"):
            rows = rows.filter(date__year=values["nam"])
        if values.get("loai"):
            rows = rows.filter(kind=values["loai"])
        if values.get("don_vi"):
            rows = rows.filter(scoping.subtree_q("unit__path", values["don_vi"].path))
        return rows


class ConferenceForm(VersionedForm):
    unit = UnitChoiceField(Unit.objects.none(), label="Đơn vị tổ chức", empty_label="— Chọn đơn vị —")
    date = DateField(label="Ngày tổ chức")
    attending_units = UnitMultipleChoiceField(Unit.objects.none(), label="Đơn vị dự", required=False)
    presented = forms.ModelMultipleChoiceField(
        Decision.objects.none(),
        label="Khen thưởng trao tại hội nghị",
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text="Quyết định khen thưởng đã ban hành trong 90 ngày trước hội nghị.",
    )

    class Meta:
        model = Conference
        fields = ["unit", "kind", "title", "date", "place", "chairs", "attendees", "documents", "conclusions"]
        widgets = {
            "documents": forms.Textarea(attrs={"rows": 3}),
            "conclusions": forms.Textarea(attrs={"rows": 4}),
            "attendees": forms.NumberInput(attrs={"min": 1}),
        }

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        conference = self.instance
        self.fields["unit"].queryset = owner_units(user, include=conference.unit_id)
        self.fields["kind"].queryset = _dated(ConferenceKind, conference.date, conference.kind_id)
        self.fields["kind"].empty_label = "— Chọn loại hội nghị —"
        chosen = list(conference.attendance.values_list("unit_id", flat=True)) if conference.pk else []
        day = _typed_date(self.data.get(self.add_prefix("date"))) or conference.date
        self.fields["attending_units"].queryset = area_units(user, day, day, include=chosen)
        decisions = Decision.objects.restrict(user).filter(status=DecisionStatus.ISSUED)
        if day:
            decisions = decisions.filter(date__lte=day, date__year__gte=day.year - 1)
        else:
            decisions = decisions.filter(date__year__gte=timezone.localdate().year - 1)
        self.fields["presented"].queryset = decisions.select_related("award_type").order_by("-date", "-id")
        self.fields["presented"].label_from_instance = lambda d: f"{d} – {d.award_type.name}"
        self.fields["attendees"].error_messages["min_value"] = "Số đại biểu dự phải từ 1 trở lên."
        self.fields["chairs"].widget.attrs["placeholder"] = "VD: đồng chí Nguyễn Văn A, Phó Bí thư Thường trực Tỉnh ủy"
        if conference.pk:
            self.fields["attending_units"].initial = chosen
            self.fields["presented"].initial = list(conference.presented.values_list("decision_id", flat=True))


def _typed_date(text):
    """The date typed on a form sent back, so its choices are those valid on it (None when unreadable)."""
    try:
        return parse_date(text) if text else None
    except (ValueError, TypeError):
        return None


class ConferenceFileForm(BootstrapFormMixin, forms.Form):
    file = uploads.AttachmentField(label="Tệp văn bản (báo cáo, nghị quyết, chương trình)")
    caption = forms.CharField(label="Tên văn bản", max_length=300, required=False)
