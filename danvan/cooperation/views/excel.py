"""Excel and Word of the cooperation pages: the list as filtered, the import template, the year's report."""

from __future__ import annotations

import io

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import FileResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_GET

from danvan.cooperation import reports
from danvan.cooperation.evaluation_kind import EvaluationsKind
from danvan.cooperation.forms import ReportForm
from danvan.cooperation.imports import ProgrammesKind
from danvan.core import scoping
from danvan.core.replica import reads_replica
from danvan.core.xlsx import export_bytes, writer
from danvan.documents.docx import render_docx
from danvan.org.services import default_unit

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
TEMPLATE_NAME = "Mẫu nhập chương trình, quy chế phối hợp.xlsx"
EVALUATION_TEMPLATE_NAME = "Mẫu nhập hội nghị đánh giá năm.xlsx"


def _download(content: bytes, filename: str, content_type: str = XLSX) -> FileResponse:
    return FileResponse(io.BytesIO(content), as_attachment=True, filename=filename, content_type=content_type)


@require_GET
@login_required
@reads_replica
def programme_export(request):
    """The programmes of the list page with its filters, under the import's columns."""
    content = export_bytes(ProgrammesKind.name, {"params": request.GET}, user=request.user)
    return _download(content, f"Chương trình, quy chế phối hợp {timezone.localdate():%d-%m-%Y}.xlsx")


@require_GET
@login_required
def programme_template(request):
    """The import's columns with no rows, to fill in."""
    workbook = writer.build_workbook(ProgrammesKind.columns, [], ProgrammesKind.sheet_title)
    return _download(writer.workbook_bytes(workbook), TEMPLATE_NAME)


@require_GET
@login_required
@reads_replica
def evaluation_export(request):
    """The evaluation meetings the user may see, under the import's columns."""
    content = export_bytes(EvaluationsKind.name, {}, user=request.user)
    return _download(content, f"Hội nghị đánh giá năm {timezone.localdate():%d-%m-%Y}.xlsx")


@require_GET
@login_required
def evaluation_template(request):
    workbook = writer.build_workbook(EvaluationsKind.columns, [], EvaluationsKind.sheet_title)
    return _download(writer.workbook_bytes(workbook), EVALUATION_TEMPLATE_NAME)


@require_GET
@login_required
@reads_replica
def year_report(request):
    """ "BÁO CÁO kết quả thực hiện các chương trình, quy chế phối hợp năm Y" of the user's scope."""
    form = ReportForm(request.GET or None)
    back = reverse("cooperation:list")
    if not form.is_valid():
        messages.error(request, "Chọn năm của báo cáo.")
        return redirect(back)
    unit = default_unit(request.user)
    if unit is None or scoping.scope_paths(request.user, scoping.VIEW) == []:
        messages.error(request, reports.MSG_NO_SCOPE)
        return redirect(back)
    year = form.cleaned_data["nam"]
    try:
        data = reports.year_data(request.user, unit, year)
        document = reports.year_document(data)
    except reports.NoIssuer as exc:
        messages.error(request, str(exc))
        return redirect(back)
    return _download(render_docx(document), f"Bao cao phoi hop nam {year}.docx", DOCX)
