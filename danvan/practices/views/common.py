"""What every practice view shares: the scoped fetch and the 403 page with the service's reason."""

from __future__ import annotations

from django.shortcuts import get_object_or_404
from django.urls import NoReverseMatch, reverse

from danvan.practices.models import Practice

DETAIL_RELATED = ("unit", "unit__parent", "unit__kind", "level", "field", "bloc", "recognized_level")


def get_practice(request, pk: int) -> Practice:
    """The practice if the user may see it; 404 otherwise (another unit's record does not exist for them)."""
    queryset = Practice.objects.restrict(request.user).select_related(*DETAIL_RELATED, "recognizing_unit")
    return get_object_or_404(queryset, pk=pk)


def optional_url(name: str, *args) -> str | None:
    """The URL if the view exists (export/import arrive in a later change), else None."""
    try:
        return reverse(name, args=args)
    except NoReverseMatch:
        return None
