"""The list with its filters, the decision on a batch, and the search-as-you-type of source practices."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_POST

from danvan.core import scoping
from danvan.core.forms import add_errors
from danvan.core.lists import Column, Listing
from danvan.core.vn import fold
from danvan.practices import filters, services
from danvan.practices.filters import PracticeFilter
from danvan.practices.forms import BulkDecisionForm
from danvan.practices.models import Practice
from danvan.practices.views.common import optional_url

# The columns the list shows: nothing else is read from the database.
LIST_COLUMNS = (
    "code", "name", "kind", "subject", "person_name", "unit_name", "year", "status",
    "level", "level__name", "field", "field__name", "bloc", "bloc__name",
)  # fmt: skip


COLUMNS = (
    Column("Mã", "ma", "text-nowrap"),
    Column("Tên mô hình, điển hình", "ten"),
    Column("Đơn vị", "don-vi"),
    Column("Năm", "nam", "text-nowrap"),
    Column("Cấp", "", "text-nowrap"),
    Column("Lĩnh vực"),
    Column("Trạng thái", "trang-thai", "text-nowrap"),
)


def may(user, action: str) -> bool:
    return scoping.scope_paths(user, action) != []


def render_list(request, bulk_form: BulkDecisionForm | None = None):
    user = request.user
    practice_filter = PracticeFilter(request.GET, user)
    rows = practice_filter.queryset().select_related("level", "field", "bloc").only(*LIST_COLUMNS)
    listing = Listing(
        request,
        rows,
        noun="mô hình, điển hình",
        columns=COLUMNS,
        sorts=filters.SORTS,
        default=filters.DEFAULT_SORT,
        collated=filters.COLLATED_SORTS,
        collated_limit=filters.COLLATED_SORT_LIMIT,
        path=reverse("practices:list"),
    )
    can_review = may(user, scoping.REVIEW)
    if can_review and bulk_form is None:
        bulk_form = BulkDecisionForm(user=user)
    context = {
        "listing": listing,
        "page": listing.page,
        "filter_form": practice_filter.form,
        "query": practice_filter.query,
        "bulk_form": bulk_form,
        "selected": set(request.POST.getlist("practices")),
        "can_create": may(user, scoping.CHANGE),
        "export_url": optional_url("practices:export"),
        "import_url": optional_url("practices:import"),
    }
    return render(request, "practices/practice_list.html", context)


@login_required
def practice_list(request):
    return render_list(request)


@require_POST
@login_required
def practice_bulk(request):
    """Recognize or reject the ticked practices with one decision: all of them, or none and every error."""
    if not may(request.user, scoping.REVIEW):
        raise PermissionDenied("Bạn không có quyền công nhận hoặc không công nhận mô hình.")
    form = BulkDecisionForm(request.POST, user=request.user)
    if form.is_valid():
        action = form.cleaned_data["action"]
        practices = list(form.cleaned_data["practices"])
        try:
            services.decide_many(request.user, practices, action, form.cleaned_data["comment"], **form.decision())
        except ValidationError as exc:
            add_errors(form, exc)
        else:
            verb = "Đã công nhận" if action == "recognize" else "Đã không công nhận"
            messages.success(request, f"{verb} {len(practices)} mô hình, điển hình.")
            query = request.GET.urlencode()
            return redirect(reverse("practices:list") + (f"?{query}" if query else ""))
    return render_list(request, bulk_form=form)


@login_required
def practice_lookup(request):
    """<option>s for the "Nhân rộng từ" field: practices in the user's scope matching the typed text."""
    text = (request.GET.get("replicated_from_code") or request.GET.get("q") or "").strip()
    matches = []
    if len(text) >= 2:
        matches = (
            Practice.objects.restrict(request.user)
            .filter(search_text__contains=fold(text))
            .only("code", "name", "unit_name", "year")
            .order_by("-year", "code")[:15]
        )
    return render(request, "practices/_lookup_options.html", {"matches": matches})
