"""The year's review page and its Word report.

The page posts its form (the clerk's text boxes would not fit in an address); a link with the same
parameters in the query string gives the same document. Every read goes through `restrict(request.user)`
in the parts; both views read from the replica when one is configured.
"""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.core.exceptions import ObjectDoesNotExist
from django.http import Http404, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_http_methods

from danvan.core.replica import reads_replica
from danvan.documents.docx import render_docx
from danvan.documents.issuers import NoIssuer
from danvan.review import assemble
from danvan.review.forms import MSG_UNIT, ReviewForm

DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
MSG_NO_SCOPE = "Bạn chưa được phân quyền xem số liệu của đơn vị nào, nên chưa lập được báo cáo tổng kết."


def _page(request, form: ReviewForm, status: int = 200) -> HttpResponse:
    context = {
        "form": form,
        "can_report": form.fields["don_vi"].queryset.exists(),
        "no_scope": MSG_NO_SCOPE,
        "chapters": [title for _, title in assemble.outline()],
    }
    return render(request, "review/index.html", context, status=status)


@login_required
@reads_replica
def index(request):
    """The form, starting on the year and unit of the link that led here (the statistics page's)."""
    chosen = {name: request.GET[name] for name in ("don_vi", "nam", "che_do") if request.GET.get(name)}
    return _page(request, ReviewForm(initial=ReviewForm.defaults(request.user) | chosen, user=request.user))


@login_required
@reads_replica
@require_http_methods(["GET", "POST"])
def download(request):
    form = ReviewForm.from_request(request)
    if not form.is_valid():
        if form.has_error("don_vi", "invalid_choice"):
            raise Http404(MSG_UNIT)  # another unit's report: as if it did not exist
        return _page(request, form)
    values = form.cleaned_data
    try:
        review = assemble.build(request.user, values["nam"], values["don_vi"], values["che_do"])
        document = assemble.document(review, form.clerk_text())
    except (NoIssuer, ObjectDoesNotExist) as exc:
        form.add_error(None, str(exc) or "Chưa cấu hình thể thức văn bản cho ngày báo cáo.")
        return _page(request, form)
    response = HttpResponse(render_docx(document), content_type=DOCX)
    response["Content-Disposition"] = f'attachment; filename="{assemble.filename(values["nam"])}"'
    return response
