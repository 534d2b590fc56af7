from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone

from danvan.awards.statistics import dashboard_figures as award_figures
from danvan.cooperation.dashboard import panel as cooperation_panel
from danvan.core.forms import unit_picker_html
from danvan.core.jobs.views import start_and_follow
from danvan.core.replica import reading_replica, reads_replica
from danvan.democracy.dashboard import panel as democracy_panel
from danvan.documents.services import report_day
from danvan.emulation.reports import status_counts as emulation_status
from danvan.events.dashboard import panel as events_panel
from danvan.membership.dashboard import panel as membership_panel
from danvan.opinion.dashboard import panel as opinion_panel
from danvan.org.models import Unit
from danvan.planning.dashboard import panels as planning_panels
from danvan.stats import cube, exports, reports
from danvan.stats.dashboard import build as build_dashboard
from danvan.stats.jobs import ANNUAL_PDF
from danvan.stats.report_data import (
    DIMENSION_ORDER,
    current_year,
    parse_filters,
    practice_report,
    reform_year,
    top_units,
)

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def chart_data(table: cube.Table) -> dict:
    rows = table.rows if table.dimension in ("year", "level") else [r for r in table.rows if r.registered]
    return {
        "labels": [row.label for row in rows],
        "registered": [row.registered for row in rows],
        "recognized": [row.recognized for row in rows],
    }


@login_required
def dashboard(request):
    d = build_dashboard(request.user, request.GET.get("nam"))
    today = timezone.localdate()
    context = {
        "d": d,
        "trend_chart": chart_data(d.trend),
        "planning": planning_panels(request.user, year=d.year),
        "cooperation": cooperation_panel(request.user, today),
        "opinion": opinion_panel(request.user, today),
        "democracy": democracy_panel(request.user, today),
        "events": events_panel(request.user, today),
        "membership": membership_panel(request.user, today),
        "emulation": emulation_status(request.user, year=d.year),
        "awards": award_figures(request.user, d.year),
    }
    context["emulation_total"] = sum(context["emulation"].values())
    return render(request, "stats/dashboard.html", context)


@login_required
@reads_replica
def index(request):
    filters, notes = parse_filters(request.user, request.GET)
    report = practice_report(request.user, filters)
    tables = [(key, report.tables[key]) for key in DIMENSION_ORDER] + [("unit", report.by_unit)]
    context = {
        "report": report,
        "filters": filters,
        "notes": notes,
        "tables": tables,
        "charts": {f"chart-{key}": chart_data(table) for key, table in [*tables, ("year", report.trend)]},
        "unit_picker": unit_picker_html(
            "don_vi",
            Unit.objects.filter(pk__in=[u.pk for u in top_units(request.user)]).order_by("path"),
            filters.unit.pk if filters.unit else "",
            empty_label="Toàn hệ thống" if request.user.is_superuser else None,
            attrs={"id": "f-donvi", "class": "form-select form-select-sm"},
        ),
        "years": range(current_year(), 2008, -1),
        "show_mode": reform_year(filters.year),
        "charts_unit_height": min(900, 60 + 22 * sum(1 for r in report.by_unit.rows if r.registered)),
        "hidden_units": sum(1 for r in report.by_unit.rows if not (r.registered or r.previous_registered)),
        "query": request.GET.urlencode(),
        "report_urls": {
            fmt: f"{reverse('stats:annual-report', args=[fmt])}?{request.GET.urlencode()}" for fmt in ("docx", "pdf")
        },
    }
    return render(request, "stats/index.html", context)


@login_required
@reads_replica
def export_xlsx(request):
    filters, _ = parse_filters(request.user, request.GET)
    only = request.GET.get("bang") or None
    if only and only not in [*DIMENSION_ORDER, "unit", "year"]:
        raise Http404("Không có bảng này.")
    report = practice_report(request.user, filters)
    response = HttpResponse(exports.workbook_bytes(report, only), content_type=XLSX)
    name = f"thong-ke-dan-van-kheo-{filters.year}{'-' + only if only else ''}.xlsx"
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response


DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


@login_required
def annual_report(request, fmt: str):
    """The yearly report as Word (at once) or PDF (by the worker), for the filters of the statistics page."""
    filters, _ = parse_filters(request.user, request.GET)
    if fmt == "pdf":
        query = request.GET.urlencode()
        title = f"Báo cáo năm {filters.year} “Dân vận khéo” (PDF)"
        link = f"{reverse('stats:index')}?{query}"
        return start_and_follow(request, ANNUAL_PDF, title, {"query": query}, link=link)
    try:
        with reading_replica():  # the PDF's job reads there too; starting it writes its row on the primary
            document, _report = reports.annual_document(request.user, filters, report_day(filters.year, filters.unit))
    except reports.NoIssuer as exc:
        messages.error(request, str(exc))
        return redirect(f"{reverse('stats:index')}?{request.GET.urlencode()}")
    response = HttpResponse(reports.render(document, "docx"), content_type=DOCX)
    response["Content-Disposition"] = f'attachment; filename="bao-cao-dan-van-kheo-{filters.year}.docx"'
    return response
