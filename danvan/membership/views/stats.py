"""The statistics page: per organization, a year's members over an area against the year before."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.shortcuts import render
from django.utils import timezone

from danvan.core.replica import reads_replica
from danvan.membership import figures
from danvan.membership.forms import StatsFilter
from danvan.org.models import Unit
from danvan.org.services import default_unit


@login_required
@reads_replica
def statistics(request):
    default = default_unit(request.user)
    if default is not None and not Unit.objects.restrict(request.user).filter(pk=default.pk).exists():
        default = None
    data = request.GET.copy()
    if "don_vi" not in data and default is not None:
        data["don_vi"] = str(default.pk)  # the picker shows the area counted ("—": all the user sees)
    data.setdefault("nam", str(timezone.localdate().year))
    form = StatsFilter(data, user=request.user, default_unit=default)
    values = form.values()
    year = values.get("nam") or timezone.localdate().year
    root = values.get("don_vi")
    summary = figures.summary(request.user, root, year)
    context = {"filter_form": form, "summary": summary, "root": root, "year": year}
    return render(request, "membership/statistics.html", context)
