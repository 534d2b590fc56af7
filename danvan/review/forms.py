"""The year's review page: the unit and year, how the units are counted, and what the clerk writes."""

from __future__ import annotations

import datetime as dt

from django import forms
from django.utils import timezone

from danvan.core.forms import BootstrapFormMixin, UnitChoiceField
from danvan.org import areas
from danvan.org.models import Unit
from danvan.org.services import default_unit
from danvan.review.assemble import ClerkText
from danvan.stats.report_data import top_units

FIRST_YEAR = 2015
MSG_UNIT = "Đơn vị đã chọn không có hoặc ngoài phạm vi của bạn."
MODE_CHOICES = [
    (areas.AS_AT, "Theo đơn vị tại thời điểm năm báo cáo"),
    (areas.TODAY, "Quy về đơn vị hiện nay (gồm cả đơn vị đã sáp nhập vào)"),
]
# Form field -> ClerkText attribute.
CLERK_FIELDS = {
    "uu_diem": "strengths",
    "han_che": "limits",
    "bai_hoc": "lessons",
    "phuong_huong": "direction",
    "de_xuat": "proposals",
}
PARAMETERS = ("don_vi", "nam", "che_do", *CLERK_FIELDS)


def _text(label: str, help_text: str, rows: int = 4) -> forms.CharField:
    return forms.CharField(
        label=label, required=False, widget=forms.Textarea(attrs={"rows": rows}), help_text=help_text
    )


class ReviewForm(BootstrapFormMixin, forms.Form):
    don_vi = UnitChoiceField(
        Unit.objects.none(),
        label="Đơn vị báo cáo",
        empty_label="— Chọn đơn vị —",
        error_messages={"required": "Chọn đơn vị báo cáo.", "invalid_choice": MSG_UNIT},
    )
    nam = forms.TypedChoiceField(label="Năm tổng kết", coerce=int, error_messages={"required": "Chọn năm tổng kết."})
    che_do = forms.ChoiceField(
        label="Cách tính theo đơn vị", choices=MODE_CHOICES, initial=areas.AS_AT, widget=forms.RadioSelect
    )
    uu_diem = _text("Ưu điểm", "Những kết quả nổi bật. Để trống: báo cáo để sẵn chỗ viết. Mỗi dòng là một đoạn văn.")
    han_che = _text("Hạn chế, nguyên nhân", "Hạn chế, khuyết điểm; nguyên nhân khách quan, chủ quan.")
    bai_hoc = _text("Bài học kinh nghiệm", "Những bài học rút ra qua thực tiễn.", rows=3)
    phuong_huong = _text("Phương hướng chung năm sau", "Mục tiêu, phương hướng chung của năm sau.", rows=3)
    de_xuat = _text("Đề xuất, kiến nghị", "Với cấp trên, cấp ủy, chính quyền và các cơ quan liên quan.", rows=3)

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.today = timezone.localdate()
        units = Unit.objects.filter(pk__in=[u.pk for u in top_units(user)])
        self.fields["don_vi"].queryset = units.select_related("kind").order_by("path")
        self.fields["nam"].choices = [(y, str(y)) for y in range(self.today.year, FIRST_YEAR - 1, -1)]

    @classmethod
    def defaults(cls, user) -> dict[str, str]:
        """Last year until the end of January (the review season), this year after; the user's own unit,
        or, when it has ended, the highest unit they see today."""
        today = timezone.localdate()
        year = today.year - 1 if today.month == 1 else today.year
        visible = {u.pk: u for u in top_units(user)}
        unit = default_unit(user)
        if unit is None or unit.pk not in visible or not unit.is_valid_on(today):
            unit = next(
                (u for u in sorted(visible.values(), key=lambda u: (u.depth, u.path)) if u.is_valid_on(today)), None
            )
        return {"don_vi": str(unit.pk) if unit else "", "nam": str(year), "che_do": areas.AS_AT}

    @classmethod
    def from_request(cls, request) -> ReviewForm:
        sent = request.POST if request.method == "POST" else request.GET
        data = cls.defaults(request.user) | {name: sent[name] for name in PARAMETERS if name in sent}
        return cls(data, user=request.user)

    def clean(self):
        data = super().clean()
        unit, year = data.get("don_vi"), data.get("nam")
        if unit is not None and year is not None and unit.valid_until and unit.valid_until < dt.date(year, 1, 1):
            when = unit.period_label
            self.add_error(
                "don_vi", f"{unit.name} không còn hoạt động trong năm {year} ({when[:1].lower()}{when[1:]})."
            )
        return data

    def clerk_text(self) -> ClerkText:
        return ClerkText(**{attribute: self.cleaned_data.get(name, "") for name, attribute in CLERK_FIELDS.items()})
