"""Excel of the events pages: the conferences as filtered (and their template), a contest's score sheet
(which is also the template to fill in). The imports are the core flow, declared in `danvan/events/flows.py`."""

from __future__ import annotations

import io

from django.contrib.auth.decorators import login_required
from django.http import FileResponse
from django.utils import timezone
from django.views.decorators.http import require_GET

from danvan.core.replica import reads_replica
from danvan.core.vn import safe_filename
from danvan.core.xlsx import export_bytes, writer
from danvan.events.forms import ConferenceFilter
from danvan.events.imports import ConferencesKind, ContestScoresKind
from danvan.events.imports import conference_template as template_book
from danvan.events.views.contests import get_contest

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def _download(content: bytes, filename: str) -> FileResponse:
    return FileResponse(io.BytesIO(content), as_attachment=True, filename=filename, content_type=XLSX)


@require_GET
@login_required
@reads_replica
def conference_export(request):
    """The conferences of the list page with its filters (same query string), under the import's columns."""
    form = ConferenceFilter(request.GET or None, user=request.user)
    content = export_bytes(ConferencesKind.name, {"form": form}, user=request.user)
    return _download(content, f"Hội nghị, tọa đàm {timezone.localdate():%d-%m-%Y}.xlsx")


@require_GET
@login_required
def conference_template(request):
    return _download(writer.workbook_bytes(template_book(request.user)), "Mẫu nhập hội nghị.xlsx")


@require_GET
@login_required
@reads_replica
def scores_export(request, pk: int):
    """A contest's score sheet: a row per entry, a column per round (fill in and import it back)."""
    contest = get_contest(request, pk)
    content = export_bytes(ContestScoresKind.for_contest(contest), {}, user=request.user)
    return _download(content, f"Bảng điểm {safe_filename(str(contest))}.xlsx")
