"""The statistics page: awards of a year by award type, authority and recipient kind, the trend, the sentence."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.urls import reverse

from danvan.awards import reports
from danvan.awards.forms import StatsForm
from danvan.awards.statistics import award_report, latest_year
from danvan.awards.views.common import DOCX, XLSX, attachment
from danvan.core.replica import reads_replica
from danvan.org.services import default_unit


def _report(request):
    form = StatsForm(request.GET or None, user=request.user, default_year=latest_year(request.user))
    year, unit = form.values()
    return form, award_report(request.user, year, unit)


@login_required
@reads_replica
def stats_index(request):
    form, report = _report(request)
    context = {"form": form, "report": report, "query": request.GET.urlencode()}
    return render(request, "awards/stats.html", context)


@login_required
@reads_replica
def stats_export(request):
    _, report = _report(request)
    return attachment(reports.workbook_bytes(report), XLSX, f"thong-ke-khen-thuong-{report.year}.xlsx")


@login_required
@reads_replica
def stats_docx(request):
    _, report = _report(request)
    try:
        content = reports.docx_bytes(report, owner=default_unit(request.user))
    except (ValidationError, LookupError) as exc:
        messages.error(request, " ".join(getattr(exc, "messages", [str(exc)])))
        return redirect(reverse("awards:stats") + (f"?{request.GET.urlencode()}" if request.GET else ""))
    return attachment(content, DOCX, f"bao-cao-khen-thuong-{report.year}.docx")
