"""The Word announcement of a contest's results."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ObjectDoesNotExist
from django.http import HttpResponse
from django.shortcuts import redirect
from django.views.decorators.http import require_GET

from danvan.core.replica import reads_replica
from danvan.events import reports
from danvan.events.views.contests import get_contest

DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


@require_GET
@login_required
@reads_replica
def results_notice(request, pk: int):
    contest = get_contest(request, pk)
    if not contest.is_locked:
        messages.warning(request, "Thông báo kết quả lập được khi hội thi đã công bố kết quả.")
        return redirect(contest)
    try:
        document = reports.results_document(reports.results_data(contest))
    except (reports.NoIssuer, ObjectDoesNotExist) as exc:
        messages.error(request, str(exc) or "Chưa cấu hình thể thức văn bản cho ngày thông báo.")
        return redirect(contest)
    response = HttpResponse(reports.render_docx(document), content_type=DOCX)
    response["Content-Disposition"] = f'attachment; filename="thong-bao-ket-qua-hoi-thi-{contest.pk}.docx"'
    return response
