"""The statistics page (per organization and per unit, a year's members over an area against the year
before, in either mode of counting units across the reform) and its Word report."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_GET

from danvan.core.replica import reads_replica
from danvan.documents.docx import render_docx
from danvan.documents.services import report_day
from danvan.membership import figures, reports
from danvan.membership.forms import StatsFilter
from danvan.org import areas
from danvan.org.models import Unit
from danvan.org.services import default_unit

DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


def _filters(request) -> tuple[StatsFilter, int, Unit | None, str, Unit | None]:
    """The page's year, area and mode; the user's unit and this year when not given (the picker shows the
    area counted; "—": everything the user sees)."""
    default = default_unit(request.user)
    if default is not None and not Unit.objects.restrict(request.user).filter(pk=default.pk).exists():
        default = None
    data = request.GET.copy()
    if "don_vi" not in data and default is not None:
        data["don_vi"] = str(default.pk)
    data.setdefault("nam", str(timezone.localdate().year))
    data.setdefault("che_do", areas.AS_AT)
    form = StatsFilter(data, user=request.user, default_unit=default)
    values = form.values()
    year = values.get("nam") or timezone.localdate().year
    return form, year, values.get("don_vi"), values.get("che_do") or areas.AS_AT, default


@login_required
@reads_replica
def statistics(request):
    form, year, root, mode, _ = _filters(request)
    summary = figures.summary(request.user, root, year, mode)
    trend = figures.trend(request.user, root, mode)
    context = {
        "trend": trend,
        "trend_chart": trend.chart(),
        "filter_form": form,
        "summary": summary,
        "root": root,
        "year": year,
        "mode": mode,
        "query": request.GET.urlencode(),
    }
    return render(request, "membership/statistics.html", context)


@require_GET
@login_required
@reads_replica
def report_docx(request):
    """ "BÁO CÁO Tình hình đoàn viên, hội viên năm Y" over the page's area, with the page's figures; over the
    user's own unit when the area is "—" or not theirs (a report is issued by one unit)."""
    _, year, root, mode, default = _filters(request)
    root = root or default
    if root is None:
        messages.error(request, "Bạn chưa được phân quyền xem số liệu của đơn vị nào, nên chưa lập được báo cáo.")
        return redirect(f"{reverse('membership:statistics')}?{request.GET.urlencode()}")
    day = report_day(year, root)
    document = reports.year_document(figures.summary(request.user, root, year, mode), root, day)
    response = HttpResponse(render_docx(document), content_type=DOCX)
    name = f"Bao cao doan vien hoi vien {year}.docx"
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response
