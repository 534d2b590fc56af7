"""Forms of the membership pages. Thin: the service checks the rules and the views put their errors back."""

from __future__ import annotations

from django import forms
from django.utils import timezone

from danvan.core import scoping
from danvan.core.forms import BootstrapFormMixin, FilterForm, UnitChoiceField
from danvan.membership.choices import SECTORS, Period
from danvan.membership.models import Organization
from danvan.membership.services import BREAKDOWN, FIGURES, prefix
from danvan.org.areas import MODES
from danvan.org.models import Unit
from danvan.org.services import owner_units

FIRST_YEAR = 2015
LABELS = {
    "members": "Tổng số",
    "women": "Nữ",
    "ethnic_minority": "Dân tộc thiểu số",
    "religious": "Có đạo",
    **dict(SECTORS),
}


def years(blank: str | None = "Tất cả") -> list[tuple[str, str]]:
    choices = [(str(y), str(y)) for y in range(timezone.localdate().year, FIRST_YEAR - 1, -1)]
    return ([("", blank)] if blank is not None else []) + choices


class ReportFilter(FilterForm):
    nam = forms.TypedChoiceField(label="Năm", coerce=int, required=False, empty_value=None)
    don_vi = UnitChoiceField(Unit.objects.none(), label="Đơn vị", required=False, preselect=False, empty_label="Tất cả")
    to_chuc = forms.ModelChoiceField(Organization.objects.all(), label="Tổ chức", required=False, empty_label="Tất cả")

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["nam"].choices = years()
        self.fields["don_vi"].queryset = Unit.objects.restrict(user).order_by("path")

    def apply(self, rows):
        values = self.values()
        if values.get("nam"):
            rows = rows.filter(year=values["nam"])
        if values.get("don_vi"):
            rows = rows.filter(scoping.subtree_q("unit__path", values["don_vi"].path))
        if values.get("to_chuc"):
            rows = rows.filter(organization=values["to_chuc"])
        return rows


class PeriodChoice(BootstrapFormMixin, forms.Form):
    """Which unit and period to enter figures for."""

    don_vi = UnitChoiceField(Unit.objects.none(), label="Đơn vị", empty_label="— Chọn đơn vị —")
    nam = forms.TypedChoiceField(label="Năm", coerce=int)
    ky = forms.TypedChoiceField(label="Kỳ báo cáo", coerce=int, choices=Period.choices, initial=Period.YEAR)

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["don_vi"].queryset = owner_units(user)
        self.fields["nam"].choices = years(blank=None)
        self.fields["nam"].initial = timezone.localdate().year


class StatsFilter(FilterForm):
    nam = forms.TypedChoiceField(label="Năm", coerce=int, required=False, empty_value=None)
    don_vi = UnitChoiceField(Unit.objects.none(), label="Địa bàn", required=False, preselect=False, empty_label="—")
    che_do = forms.ChoiceField(
        label="Đơn vị theo",
        choices=list(MODES.items()),
        required=False,
        widget=forms.Select(attrs={"data-autosubmit": ""}),
        help_text="Các đơn vị như trong năm đó, hoặc số liệu của đơn vị cũ quy về đơn vị hiện nay.",
    )

    def __init__(self, *args, user, default_unit=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["nam"].choices = years(blank=None)
        self.fields["nam"].initial = timezone.localdate().year
        self.fields["don_vi"].queryset = Unit.objects.restrict(user).order_by("path")
        self.fields["don_vi"].initial = default_unit


class PeriodEntryForm(BootstrapFormMixin, forms.Form):
    """One unit's figures for one period: a row per organization, then the population."""

    population = forms.IntegerField(label="Dân số", required=False)
    organized = forms.IntegerField(
        label="Số người tham gia ít nhất một tổ chức",
        required=False,
        help_text="Mỗi người chỉ tính một lần dù tham gia nhiều tổ chức.",
    )
    population_version = forms.IntegerField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args, organizations, reports, figure, **kwargs):
        super().__init__(*args, **kwargs)
        self.organizations = list(organizations)
        self.reports = reports  # organization pk -> existing report
        for organization in self.organizations:
            report = reports.get(organization.pk)
            for name in FIGURES:
                field = forms.IntegerField(label=f"{organization.name}: {LABELS[name].lower()}", required=False)
                field.widget.attrs.update({"class": "form-control form-control-sm text-end", "inputmode": "numeric"})
                field.initial = getattr(report, name) if report else None
                self.fields[prefix(organization) + name] = field
            self.fields[prefix(organization) + "version"] = forms.IntegerField(
                widget=forms.HiddenInput, required=False, initial=report.version if report else None
            )
        if figure is not None:
            self.fields["population"].initial = figure.population
            self.fields["organized"].initial = figure.organized
            self.fields["population_version"].initial = figure.version

    def rows(self) -> list[tuple[Organization, list]]:
        """The total and its breakdowns (women, ethnic minorities, religious), a row per organization."""
        return [(o, [self[prefix(o) + name] for name in BREAKDOWN]) for o in self.organizations]

    def sector_rows(self) -> list[tuple[Organization, list]]:
        return [(o, [self[prefix(o) + name] for name, _ in SECTORS]) for o in self.organizations]

    def row_errors(self) -> list[tuple[Organization, list[str]]]:
        return [
            (o, [e for name in FIGURES for e in self.errors.get(prefix(o) + name, [])])
            for o in self.organizations
            if any(prefix(o) + name in self.errors for name in FIGURES)
        ]

    def submitted(self) -> tuple[dict, dict | None, dict]:
        """What the service takes: the organizations' rows (None when blank), the population, the versions."""
        data = self.cleaned_data
        rows = {}
        versions: dict[str, int | None] = {"population": data.get("population_version")}
        for organization in self.organizations:
            values = {name: data.get(prefix(organization) + name) for name in FIGURES}
            rows[organization.pk] = None if all(v is None for v in values.values()) else values
            versions[f"o{organization.pk}"] = data.get(prefix(organization) + "version")
        population = {"population": data.get("population"), "organized": data.get("organized")}
        if all(v is None for v in population.values()):
            population = None
        return rows, population, versions
