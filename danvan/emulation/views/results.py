"""The ranking of a set: the page, its xlsx and Word exports, and the award proposal from the top units."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from danvan.core.forms import add_errors
from danvan.documents.issuers import NoIssuer
from danvan.documents.models import FormatProfile
from danvan.documents.services import report_day
from danvan.emulation import awards_link, reports, services, tree
from danvan.emulation.forms import ProposeForm
from danvan.emulation.views.common import DOCX, XLSX, attachment, get_set


def _propose_form(criteria_set, data=None) -> ProposeForm:
    return ProposeForm(data, award_types=services.award_types(criteria_set.year))


def render_results(request, criteria_set, propose_form=None):
    result = reports.ranking(criteria_set, request.user)
    can_manage = services.can_manage(request.user, criteria_set)
    context = {
        "criteria_set": criteria_set,
        "result": result,
        "grades": tree.grade_ranges(result.grades),
        "can_manage": can_manage,
        "propose_form": (propose_form or _propose_form(criteria_set)) if can_manage and result.ranked else None,
    }
    return render(request, "emulation/results.html", context)


@login_required
def results(request, pk: int):
    return render_results(request, get_set(request, pk))


@login_required
def results_xlsx(request, pk: int):
    criteria_set = get_set(request, pk)
    data = reports.ranking_xlsx(reports.ranking(criteria_set, request.user))
    return attachment(HttpResponse(data, content_type=XLSX), f"ket-qua-thi-dua-{criteria_set.year}.xlsx")


@login_required
def results_docx(request, pk: int):
    criteria_set = get_set(request, pk)
    result = reports.ranking(criteria_set, request.user)
    try:
        data = reports.ranking_docx(result, report_day(criteria_set.year, criteria_set.unit))
    except (NoIssuer, FormatProfile.DoesNotExist) as exc:  # not configured yet: say where
        messages.error(request, str(exc))
        return redirect("emulation:results", pk=criteria_set.pk)
    return attachment(HttpResponse(data, content_type=DOCX), f"bao-cao-ket-qua-thi-dua-{criteria_set.year}.docx")


@require_POST
@login_required
def propose(request, pk: int):
    """Put the top N units of the ranking into a draft award proposal, in one step."""
    criteria_set = get_set(request, pk)
    if not services.can_manage(request.user, criteria_set):
        raise PermissionDenied(f"Chỉ {criteria_set.unit.name} (cơ quan chấm điểm) mới lập được tờ trình khen thưởng.")
    form = _propose_form(criteria_set, request.POST)
    if form.is_valid():
        data = form.cleaned_data
        try:
            proposal = services.propose_top_units(
                criteria_set, data["n"], request.user, award_type=data["award_type"], achievement=data["achievement"]
            )
        except ValidationError as exc:
            add_errors(form, exc)
        else:
            count = proposal.recipients.count()
            messages.success(
                request, f"Đã lập tờ trình đề nghị “{data['award_type'].name}” (bản nháp) cho {count} đơn vị dẫn đầu."
            )
            url = awards_link.proposal_url(proposal)
            return redirect(url) if url else redirect("emulation:results", pk=criteria_set.pk)
    return render_results(request, criteria_set, propose_form=form)
