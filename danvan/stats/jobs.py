"""The yearly report as PDF, made by the worker (WeasyPrint takes seconds for a province's report)."""

from __future__ import annotations

from django.http import QueryDict

from danvan.core import jobs
from danvan.core.replica import reads_replica
from danvan.documents.services import report_day
from danvan.stats import reports
from danvan.stats.report_data import parse_filters

ANNUAL_PDF = "stats.annual-pdf"


@jobs.handler(ANNUAL_PDF)
@reads_replica
def annual_pdf(job, progress) -> None:
    # The filters are read again as the job's owner: the scope is the one they have when it runs.
    filters, _ = parse_filters(job.user, QueryDict(job.params.get("query", "")))
    progress.step("Đang lập báo cáo")
    try:
        document, _report = reports.annual_document(job.user, filters, report_day(filters.year, filters.unit))
    except reports.NoIssuer as exc:
        raise jobs.JobFailed(str(exc)) from None
    progress.step("Đang in ra PDF")
    jobs.save_result(job, f"bao-cao-dan-van-kheo-{filters.year}.pdf", reports.render(document, "pdf"))
