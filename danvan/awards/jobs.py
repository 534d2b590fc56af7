"""Certificates as one PDF, made by the worker (a decision may list a hundred recipients)."""

from __future__ import annotations

from danvan.awards import certificates
from danvan.awards.models import Decision
from danvan.core import jobs

CERTIFICATES = "awards.certificates"


@jobs.handler(CERTIFICATES)
def certificates_pdf(job, progress) -> None:
    # Looked up again as the job's owner: a decision out of their scope by now is not printed.
    decisions = Decision.objects.restrict(job.user).select_related("award_type__authority")
    decision = decisions.filter(pk=job.params["decision"]).first()
    if decision is None or not decision.is_locked:
        raise jobs.JobFailed("Không in được: quyết định không còn trong phạm vi của bạn hoặc chưa ban hành.")
    try:
        layout, recipients = certificates.print_run(decision, job.params.get("options", {}))
    except (ValueError, LookupError) as exc:
        raise jobs.JobFailed(str(exc)) from None
    progress.step(f"Đang in {len(recipients)} trang", len(recipients))
    content = certificates.certificates_pdf(decision, recipients, layout)
    progress(len(recipients))
    jobs.save_result(job, f"{certificates.file_stem(decision)}.pdf", content)
