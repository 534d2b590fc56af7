"""The public pages: no login, nothing read outside `queries`, and answers a browser or a proxy may
keep (Last-Modified and ETag from the last change of any practice; 304 when nothing changed)."""

from __future__ import annotations

import hashlib

from django.http import Http404
from django.shortcuts import render
from django.urls import reverse
from django.utils.cache import patch_cache_control
from django.views.decorators.http import condition, require_safe

from danvan.core import uploads
from danvan.core.lists import Column, Listing
from danvan.practices.models import CONTENT_FIELDS
from danvan.showcase import queries
from danvan.showcase.filters import ShowcaseFilter

MAX_AGE = 300  # seconds a browser or proxy may show a page without asking again
COLUMNS = (
    Column("Mô hình, điển hình", "ten"),
    Column("Đơn vị", "don-vi"),
    Column("Năm", "nam", "text-nowrap"),
    Column("Lĩnh vực"),
    Column("Cấp công nhận", "", "text-nowrap"),
)
SORTS = {"ten": ("name", "code"), "don-vi": ("unit_name", "code"), "nam": ("year", "code")}
DEFAULT_SORT = ("-year", "code")


def _last_change(request):
    """Asked once per request: Django's `condition` calls both the ETag and the Last-Modified function."""
    if not hasattr(request, "_showcase_last_change"):
        request._showcase_last_change = queries.last_change()
    return request._showcase_last_change


def _last_modified(request, *args, **kwargs):
    return _last_change(request)


def _etag(request, *args, **kwargs):
    moment = _last_change(request)
    return hashlib.sha256(f"{moment}|{request.get_full_path()}".encode()).hexdigest()[:32]


def public(view):
    """A public page: GET/HEAD only, conditional, cacheable by anyone for MAX_AGE."""

    @require_safe
    @condition(etag_func=_etag, last_modified_func=_last_modified)
    def wrapped(request, *args, **kwargs):
        response = view(request, *args, **kwargs)
        patch_cache_control(response, public=True, max_age=MAX_AGE)
        return response

    wrapped.__name__ = view.__name__
    wrapped.__doc__ = view.__doc__
    return wrapped


@public
def showcase_list(request):
    """Recognized models and exemplars, searched without diacritics and filtered."""
    showcase_filter = ShowcaseFilter(request.GET)
    rows = showcase_filter.queryset().select_related("field", "recognized_level", "unit__parent")
    rows = rows.only(*queries.LIST_COLUMNS, *queries.LIST_RELATED)
    listing = Listing(
        request,
        rows,
        noun="mô hình, điển hình",
        columns=COLUMNS,
        sorts=SORTS,
        default=DEFAULT_SORT,
        path=reverse("showcase:list"),
        page_size=20,
    )
    context = {"listing": listing, "page": listing.page, "filter_form": showcase_filter.form}
    return render(request, "showcase/list.html", context)


@public
def showcase_figures(request):
    """How many recognized models are shown, by year and by province, for the same filters as the list."""
    showcase_filter = ShowcaseFilter(request.GET)
    rows = showcase_filter.queryset()
    context = {
        "filter_form": showcase_filter.form,
        "by_year": queries.by_year(rows),
        "by_province": queries.by_province(rows),
        "total": rows.count(),
        "query": request.GET.urlencode(),
    }
    return render(request, "showcase/figures.html", context)


@public
def showcase_detail(request, code: str):
    practice = queries.practice(code)
    if practice is None:
        raise Http404("Không có mô hình này trên trang giới thiệu.")
    photos = queries.photos(practice)
    context = {
        "practice": practice,
        "content": [(label, getattr(practice, name)) for name, label in CONTENT_FIELDS if getattr(practice, name)],
        "photos": photos,
        "source": queries.source(practice),
        "replications": queries.replications(practice),
        "summary": practice.description or f"{practice.get_kind_display()} “Dân vận khéo” của {practice.unit_name}",
        "image_url": request.build_absolute_uri(reverse("showcase:photo", args=[code, photos[0].pk])) if photos else "",
        "page_url": request.build_absolute_uri(),
    }
    return render(request, "showcase/detail.html", context)


@public
def showcase_photo(request, code: str, pk: int):
    """A photo the unit chose for publication, under a neutral name (never the uploaded file's name)."""
    photo = queries.photo(code, pk)
    if photo is None:
        raise Http404("Không có hình ảnh này.")
    return uploads.serve(photo.file, f"{code}-anh-{pk}.jpg")
