"""The reports list, one report's page with its history, and the page entering one unit's figures for a
period (every organization on one page)."""

from __future__ import annotations

import datetime as dt

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Q
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse

from danvan.core import changelog, scoping
from danvan.core.forms import add_errors
from danvan.core.lists import Column, Listing
from danvan.membership import services
from danvan.membership.choices import SECTORS, Period
from danvan.membership.forms import PeriodChoice, PeriodEntryForm, ReportFilter
from danvan.membership.models import MembershipReport, Organization, PopulationFigure, period_end, period_label
from danvan.org.models import Unit

COLUMNS = (
    Column("Kỳ", "ky", "text-nowrap"),
    Column("Đơn vị"),
    Column("Tổ chức"),
    Column("Tổng số", "tong_so", "text-end"),
    Column("Nữ", css="text-end"),
    Column("Dân tộc thiểu số", css="text-end"),
    Column("Có đạo", css="text-end"),
)
SORTS = {"ky": ("year", "months", "id"), "tong_so": ("members", "id")}


def may_record(user) -> bool:
    return scoping.scope_paths(user, scoping.CHANGE) != []


@login_required
def report_list(request):
    form = ReportFilter(request.GET or None, user=request.user)
    rows = form.apply(MembershipReport.objects.restrict(request.user).select_related("unit", "organization"))
    listing = Listing(
        request,
        rows,
        noun="báo cáo",
        columns=COLUMNS,
        sorts=SORTS,
        default=("-year", "-months", "unit__path", "organization__order", "id"),
    )
    context = {"listing": listing, "page": listing.page, "filter_form": form, "can_create": may_record(request.user)}
    return render(request, "membership/report_list.html", context)


@login_required
def report_detail(request, pk: int):
    report = get_object_or_404(
        MembershipReport.objects.restrict(request.user).select_related("unit", "organization"), pk=pk
    )
    figure = PopulationFigure.objects.filter(unit=report.unit, year=report.year, months=report.months).first()
    context = {
        "report": report,
        "figure": figure,
        "sectors": [(label, getattr(report, name)) for name, label in SECTORS],
        "can_change": scoping.covers(request.user, report.unit.path, scoping.CHANGE),
        "entry_url": reverse("membership:entry", args=[report.unit_id, report.year, report.months]),
        "history": changelog.history_page(request, report),
    }
    return render(request, "membership/report_detail.html", context)


@login_required
def entry_choose(request):
    if not may_record(request.user):
        raise PermissionDenied("Bạn chưa được phân quyền cập nhật số liệu của đơn vị nào.")
    form = PeriodChoice(request.GET or None, user=request.user)
    if form.is_bound and form.is_valid():
        data = form.cleaned_data
        return redirect("membership:entry", data["don_vi"].pk, data["nam"], data["ky"])
    return render(request, "membership/entry_choose.html", {"form": form})


@login_required
def entry(request, unit: int, year: int, months: int):
    unit = get_object_or_404(Unit.objects.restrict(request.user), pk=unit)
    if months not in Period.values or not 1900 <= year <= 9999:
        raise Http404("Kỳ báo cáo không có.")
    if not scoping.covers(request.user, unit.path, scoping.CHANGE):
        raise PermissionDenied(f"Bạn không có quyền cập nhật số liệu của {unit.name}.")
    reports = {r.organization_id: r for r in MembershipReport.objects.filter(unit=unit, year=year, months=months)}
    start, end = dt.date(year, 1, 1), period_end(year, months)
    organizations = Organization.objects.filter(
        Q(pk__in=Organization.objects.valid_during(start, end)) | Q(pk__in=list(reports))
    ).order_by("order", "name")
    figure = PopulationFigure.objects.filter(unit=unit, year=year, months=months).first()
    form = PeriodEntryForm(request.POST or None, organizations=organizations, reports=reports, figure=figure)
    if request.method == "POST" and form.is_valid():
        rows, population, versions = form.submitted()
        try:
            done = services.save_period(request.user, unit, year, months, rows, population, versions)
        except ValidationError as exc:
            add_errors(form, exc)
        else:
            changed = done["created"] + done["changed"] + done["deleted"] + done["population"]
            messages.success(
                request,
                f"Đã lưu số liệu {period_label(year, months).lower()} của {unit.name}."
                if changed
                else "Không có số liệu nào thay đổi.",
            )
            return redirect(f"{reverse('membership:report-list')}?nam={year}&don_vi={unit.pk}")
    context = {"form": form, "unit": unit, "period": period_label(year, months), "end": end, "sectors": SECTORS}
    return render(request, "membership/entry.html", context)
