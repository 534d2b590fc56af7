"""The report page: "BÁO CÁO Kết quả thực hiện dân chủ ở cơ sở năm Y" of an area, as Word. The page posts its
form (the clerk's text would not fit in an address); wrong values come back on the page with the reason."""

from __future__ import annotations

from django import forms
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ObjectDoesNotExist
from django.http import HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.views.decorators.http import require_http_methods

from danvan.core.forms import BootstrapFormMixin, UnitChoiceField
from danvan.core.replica import reads_replica
from danvan.democracy import reports
from danvan.democracy.forms import years
from danvan.documents.issuers import NoIssuer
from danvan.org.models import Unit
from danvan.org.services import default_unit

DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
MSG_UNIT = "Đơn vị đã chọn không có hoặc ngoài phạm vi của bạn."


class ReportForm(BootstrapFormMixin, forms.Form):
    don_vi = UnitChoiceField(
        Unit.objects.none(),
        label="Địa bàn báo cáo",
        empty_label="— Chọn đơn vị —",
        error_messages={"required": "Chọn địa bàn báo cáo.", "invalid_choice": MSG_UNIT},
    )
    nam = forms.TypedChoiceField(label="Năm", coerce=int)
    danh_gia = forms.CharField(
        label="Đánh giá chung",
        required=False,
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text="Ưu điểm, hạn chế, nguyên nhân. Để trống: báo cáo để sẵn chỗ viết. Mỗi dòng là một đoạn văn.",
    )
    phuong_huong = forms.CharField(
        label="Phương hướng, nhiệm vụ năm sau",
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
    )

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["don_vi"].queryset = Unit.objects.restrict(user).order_by("path")
        self.fields["don_vi"].initial = default_unit(user)
        self.fields["nam"].choices = years(blank=None)
        self.fields["nam"].initial = timezone.localdate().year


@login_required
@reads_replica
@require_http_methods(["GET", "POST"])
def report_page(request):
    form = ReportForm(request.POST or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        values = form.cleaned_data
        unit, year = values["don_vi"], values["nam"]
        try:
            data = reports.report_data(request.user, unit, year)
            document = reports.report_document(data, values["danh_gia"], values["phuong_huong"])
        except (NoIssuer, ObjectDoesNotExist) as exc:
            form.add_error(None, f"Chưa lập được báo cáo: {exc}")
        else:
            response = HttpResponse(reports.render_docx(document), content_type=DOCX)
            response["Content-Disposition"] = f'attachment; filename="bao-cao-dan-chu-co-so-{year}.docx"'
            return response
    return render(request, "democracy/report.html", {"form": form})
