"""The reports page and its Word documents: the periodic report on the people's situation and public
opinion, the quick report on one case (`?vu_viec=<pk>`), the answers to the proposals forwarded, the
results of citizen reception and dialogues (its own text boxes: `tcd_danh_gia`, `tcd_de_xuat`).

Every read goes through `restrict(request.user)`; the documents read from the replica when one is set.
The page posts its form (the clerk's text boxes would not fit in an address: gunicorn refuses a request
line over 4 KB, about 500 Vietnamese letters once encoded); a link with the same parameters in the query
string gives the same document. Missing parameters take the page's defaults; wrong ones come back on the
page with the reason, never as an error page.
"""

from __future__ import annotations

import datetime as dt

from django import forms
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ObjectDoesNotExist
from django.db.models import Q
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.utils import timezone
from django.views.decorators.http import require_http_methods

from danvan.core.forms import BootstrapFormMixin, DateField, UnitChoiceField
from danvan.core.replica import reads_replica
from danvan.core.vn import text_date
from danvan.opinion import meeting_reports, reports
from danvan.opinion.choices import Intensity
from danvan.opinion.forms import FIRST_YEAR
from danvan.opinion.models import OpinionItem
from danvan.org.models import Unit
from danvan.org.services import default_unit

DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
MSG_UNIT = "Đơn vị đã chọn không có hoặc ngoài phạm vi của bạn."
MSG_NO_SCOPE = "Bạn chưa được phân quyền xem thông tin dư luận của đơn vị nào, nên chưa lập được báo cáo."
RECENT_CASES = 10
PARAMETERS = ("don_vi", "nam", "ky", "ngay", "nhan_dinh", "de_xuat", "tcd_danh_gia", "tcd_de_xuat")


def _capital(text: str) -> str:
    return text[:1].upper() + text[1:]


class ReportForm(BootstrapFormMixin, forms.Form):
    """The unit, the period and the report's date; the clerk's parts of the text."""

    don_vi = UnitChoiceField(
        Unit.objects.none(),
        label="Đơn vị báo cáo",
        empty_label="— Chọn đơn vị —",
        error_messages={"required": "Chọn đơn vị báo cáo.", "invalid_choice": MSG_UNIT},
    )
    ky = forms.CharField(
        label="Kỳ báo cáo", widget=forms.Select, error_messages={"required": "Chọn kỳ báo cáo."}
    )  # fmt: skip
    nam = forms.CharField(label="Năm", widget=forms.Select, error_messages={"required": "Chọn năm báo cáo."})
    ngay = DateField(
        label="Ngày báo cáo",
        required=False,
        help_text="Để trống: ngày cuối kỳ, hoặc hôm nay nếu kỳ chưa kết thúc. Số liệu tính đến ngày này.",
    )
    nhan_dinh = forms.CharField(
        label="Nhận định chung",
        required=False,
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text="Tư tưởng, tâm trạng của nhân dân, dư luận nổi bật, dự báo. Để trống: báo cáo để sẵn chỗ viết.",
    )
    de_xuat = forms.CharField(
        label="Đề xuất, kiến nghị",
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text="Với cấp ủy, chính quyền và các cơ quan liên quan. Mỗi dòng là một đoạn văn.",
    )
    # The parts the clerk writes in the report on citizen reception and dialogues.
    tcd_danh_gia = forms.CharField(
        label="Đánh giá chung",
        required=False,
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text="Ưu điểm, hạn chế, nguyên nhân trong tiếp công dân, đối thoại với nhân dân. Để trống: báo cáo "
        "để sẵn chỗ viết.",
    )
    tcd_de_xuat = forms.CharField(
        label="Đề xuất, kiến nghị",
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="Mỗi dòng là một đoạn văn.",
    )

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.today = timezone.localdate()
        units = Unit.objects.restrict(user).valid_during(dt.date(FIRST_YEAR, 1, 1), None)
        self.fields["don_vi"].queryset = units.select_related("kind").order_by("path")
        self.fields["ky"].widget.choices = reports.period_choices()
        years = range(self.today.year, FIRST_YEAR - 1, -1)
        self.fields["nam"].widget.choices = [(str(y), str(y)) for y in years]

    @classmethod
    def defaults(cls, user) -> dict[str, str]:
        """This month, for the user's own unit; when that unit has ended (a district after the 2025
        reform), the highest unit the user may see that exists today."""
        today = timezone.localdate()
        visible = Unit.objects.restrict(user)
        unit = default_unit(user)
        if unit is None or not unit.is_valid_on(today) or not visible.filter(pk=unit.pk).exists():
            unit = visible.valid_on(today).order_by("depth", "path").first()
        return {"don_vi": str(unit.pk) if unit else "", "ky": f"thang-{today.month}", "nam": str(today.year)}

    @classmethod
    def from_request(cls, request) -> ReportForm:
        """Bound to what was sent, every parameter left out taking the page's default."""
        sent = request.POST if request.method == "POST" else request.GET
        data = cls.defaults(request.user) | {name: sent[name] for name in PARAMETERS if name in sent}
        return cls(data, user=request.user)

    def clean_nam(self) -> int:
        raw = self.cleaned_data["nam"].strip()
        if not raw.isdigit() or not FIRST_YEAR <= int(raw) <= self.today.year:
            raise forms.ValidationError(f"Năm “{raw}” không hợp lệ: chọn từ {FIRST_YEAR} đến {self.today.year}.")
        return int(raw)

    def clean(self):
        data = super().clean()
        year, code, unit = data.get("nam"), data.get("ky"), data.get("don_vi")
        if year is None or code is None:
            return data
        try:
            period = reports.parse_period(code, year)
        except reports.PeriodError as exc:
            self.add_error("ky", str(exc))
            return data
        if period.start > self.today:
            self.add_error("ky", f"{_capital(period.label)} chưa bắt đầu: chưa có số liệu để báo cáo.")
            return data
        if unit is not None and not unit.overlaps(period.start, period.end):
            when = unit.period_label
            self.add_error(
                "don_vi", f"{unit.name} không hoạt động trong {period.label} ({when[:1].lower()}{when[1:]})."
            )
        day = data.get("ngay") or min(self.today, period.end)
        if day > self.today:
            self.add_error("ngay", f"Ngày báo cáo {text_date(day)} chưa đến.")
        elif day < period.start:
            self.add_error("ngay", f"Ngày báo cáo phải từ ngày {text_date(period.start)} (đầu kỳ báo cáo) trở đi.")
        data["period"], data["day"] = period, day
        return data


class QuickForm(BootstrapFormMixin, forms.Form):
    """The quick report's date and the clerk's parts; the case comes from `vu_viec`."""

    ngay = DateField(label="Ngày báo cáo", required=False)
    nhan_dinh = forms.CharField(label="Nhận định", required=False, widget=forms.Textarea)
    de_xuat = forms.CharField(label="Đề xuất, kiến nghị", required=False, widget=forms.Textarea)

    def __init__(self, *args, item: OpinionItem, **kwargs):
        super().__init__(*args, **kwargs)
        self.item = item

    def clean(self):
        data = super().clean()
        today = timezone.localdate()
        day = data.get("ngay") or today
        if day > today:
            self.add_error("ngay", f"Ngày báo cáo {text_date(day)} chưa đến.")
        elif day < self.item.noted_on:
            self.add_error(
                "ngay", f"Ngày báo cáo phải từ ngày ghi nhận vụ việc ({text_date(self.item.noted_on)}) trở đi."
            )
        data["day"] = day
        return data


# --- Views ----------------------------------------------------------------------------------------


def _download(content: bytes, filename: str) -> HttpResponse:
    response = HttpResponse(content, content_type=DOCX)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


def _page(request, form: ReportForm, quick_errors: list[str] = ()) -> HttpResponse:
    units = form.fields["don_vi"].queryset
    recent = (
        OpinionItem.objects.restrict(request.user)
        .cases()
        .filter(Q(hot_spot=True) | Q(intensity=Intensity.HIGH))
        .select_related("place", "topic")
        .order_by("-noted_on", "-id")[:RECENT_CASES]
    )
    context = {
        "form": form,
        "can_report": units.exists(),
        "no_scope": MSG_NO_SCOPE,
        "recent": recent,
        "quick_errors": list(quick_errors),
    }
    return render(request, "opinion/reports.html", context)


def _compose_failed(request, form: ReportForm, exc: Exception) -> HttpResponse:
    """No issuer or no format profile for the day: said on the page, with what was typed kept."""
    form.add_error(None, str(exc) or "Chưa cấu hình thể thức văn bản cho ngày báo cáo.")
    return _page(request, form)


@login_required
@reads_replica
def report_index(request):
    form = ReportForm(initial=ReportForm.defaults(request.user), user=request.user)
    return _page(request, form)


@login_required
@reads_replica
@require_http_methods(["GET", "POST"])
def situation_report(request):
    """The periodic report as Word; with `vu_viec`, the quick report on that case."""
    sent = request.POST if request.method == "POST" else request.GET
    if "vu_viec" in sent:
        return _quick_report(request, sent)
    form = ReportForm.from_request(request)
    if not form.is_valid():
        return _page(request, form)
    values = form.cleaned_data
    unit, period, day = values["don_vi"], values["period"], values["day"]
    try:
        data = reports.situation_data(request.user, unit, period, day)
        document = reports.situation_document(data, values["nhan_dinh"], values["de_xuat"])
    except (reports.NoIssuer, ObjectDoesNotExist) as exc:
        return _compose_failed(request, form, exc)
    return _download(reports.render_docx(document), f"bao-cao-tinh-hinh-du-luan-{period.slug}.docx")


def _quick_report(request, sent):
    raw = sent.get("vu_viec", "")
    if not raw.isdigit():
        raise Http404("Không có vụ việc này.")
    item = get_object_or_404(OpinionItem.objects.restrict(request.user), pk=int(raw))
    quick = QuickForm(sent, item=item)
    if not quick.is_valid():
        errors = [e for errors in quick.errors.values() for e in errors]
        return _page(request, ReportForm(initial=ReportForm.defaults(request.user), user=request.user), errors)
    values = quick.cleaned_data
    try:
        document, case = reports.quick_document(
            request.user, item, values["day"], values["nhan_dinh"], values["de_xuat"]
        )
    except (reports.NoIssuer, ObjectDoesNotExist) as exc:
        form = ReportForm(initial=ReportForm.defaults(request.user), user=request.user)
        return _page(request, form, [str(exc)])
    return _download(reports.render_docx(document), f"bao-cao-nhanh-vu-viec-{case.pk}.docx")


@login_required
@reads_replica
@require_http_methods(["GET", "POST"])
def feedback_report(request):
    """The answers to the proposals forwarded in the period, as Word."""
    form = ReportForm.from_request(request)
    if not form.is_valid():
        return _page(request, form)
    values = form.cleaned_data
    unit, period, day = values["don_vi"], values["period"], values["day"]
    try:
        rows = reports.feedback_rows(request.user, unit, period, day)
        # The page's text boxes belong to the periodic report; this one words its own request.
        document = reports.feedback_document(rows, unit, period, day)
    except (reports.NoIssuer, ObjectDoesNotExist) as exc:
        return _compose_failed(request, form, exc)
    return _download(reports.render_docx(document), f"ket-qua-tra-loi-kien-nghi-{period.slug}.docx")


@login_required
@reads_replica
@require_http_methods(["GET", "POST"])
def reception_report(request):
    """The results of citizen reception and dialogues in the period, as Word."""
    form = ReportForm.from_request(request)
    if not form.is_valid():
        return _page(request, form)
    values = form.cleaned_data
    unit, period, day = values["don_vi"], values["period"], values["day"]
    try:
        data = meeting_reports.meeting_data(request.user, unit, period, day)
        document = meeting_reports.meeting_document(data, values["tcd_danh_gia"], values["tcd_de_xuat"])
    except (reports.NoIssuer, ObjectDoesNotExist) as exc:
        return _compose_failed(request, form, exc)
    return _download(reports.render_docx(document), f"bao-cao-tiep-cong-dan-doi-thoai-{period.slug}.docx")
