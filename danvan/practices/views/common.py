"""What every practice view shares: the scoped fetch and the 403 page with the service's reason."""

from __future__ import annotations

from functools import wraps

from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, render
from django.urls import NoReverseMatch, reverse

from danvan.practices.models import Practice

DETAIL_RELATED = ("unit", "unit__parent", "unit__kind", "level", "field", "bloc", "recognized_level")


def get_practice(request, pk: int) -> Practice:
    """The practice if the user may see it; 404 otherwise (another unit's record does not exist for them)."""
    queryset = Practice.objects.restrict(request.user).select_related(*DETAIL_RELATED, "recognizing_unit")
    return get_object_or_404(queryset, pk=pk)


def refuse_with_403(view):
    """Turn a PermissionDenied from a service into a 403 page that says why, in Vietnamese."""

    @wraps(view)
    def wrapper(request, *args, **kwargs):
        try:
            return view(request, *args, **kwargs)
        except PermissionDenied as exc:
            message = str(exc) or "Bạn không có quyền thực hiện thao tác này."
            return render(request, "practices/forbidden.html", {"message": message}, status=403)

    return wrapper


def optional_url(name: str, *args) -> str | None:
    """The URL if the view exists (export/import arrive in a later change), else None."""
    try:
        return reverse(name, args=args)
    except NoReverseMatch:
        return None
