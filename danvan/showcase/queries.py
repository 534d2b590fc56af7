"""What the public may read. Every public page, the sitemap and the photos go through these
functions: recognized practices whose unit allowed publication, their photos marked public, and
only the columns in PUBLIC_COLUMNS (no person's contact, no workflow comments, no files' uploaders).
"""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import Count, Max, Q, QuerySet
from django.db.models.functions import Substr

from danvan.core import scoping
from danvan.org.choices import Tier
from danvan.org.models import Unit
from danvan.practices.choices import FileKind, Status
from danvan.practices.models import CONTENT_FIELDS, Practice, PracticeFile

PUBLIC_Q = Q(status=Status.RECOGNIZED, published=True)
PUBLIC_COLUMNS = (
    "code", "name", "kind", "subject", "person_name", "person_position", "unit", "unit_name", "bloc", "field",
    "year", "level", "description", *(name for name, _ in CONTENT_FIELDS), "replicated_from",
    "recognized_level", "decision_number", "decision_date", "recognizing_unit", "updated_at",
)  # fmt: skip
LIST_COLUMNS = ("code", "name", "kind", "subject", "unit_name", "year")
# The list page also shows the field, the level and the unit's parent (several "Phường 1" in a province).
LIST_RELATED = ("field__name", "recognized_level__name", "unit__parent__name")


def practices() -> QuerySet[Practice]:
    return Practice.objects.filter(PUBLIC_Q).only(*PUBLIC_COLUMNS)


def practice(code: str) -> Practice | None:
    related = ("unit", "bloc", "field", "level", "recognized_level", "recognizing_unit")
    return practices().select_related(*related).filter(code=code).first()


def photos(of: Practice) -> list[PracticeFile]:
    return list(
        PracticeFile.objects.filter(practice=of, kind=FileKind.PHOTO, public=True).only("pk", "caption", "practice")
    )


def photo(code: str, pk: int) -> PracticeFile | None:
    return (
        PracticeFile.objects.filter(pk=pk, kind=FileKind.PHOTO, public=True, practice__code=code)
        .filter(practice__status=Status.RECOGNIZED, practice__published=True)
        .only("pk", "file", "original_name")
        .first()
    )


def replications(of: Practice) -> list[Practice]:
    """The public practices replicated from this one (the way down the replication graph)."""
    return list(practices().filter(replicated_from=of).only(*LIST_COLUMNS).order_by("-year", "code")[:200])


def source(of: Practice) -> Practice | None:
    """The public practice this one was replicated from (the way up), if that one is public too."""
    if of.replicated_from_id is None:
        return None
    return practices().filter(pk=of.replicated_from_id).only(*LIST_COLUMNS).first()


def last_change():
    """When anything a public page shows may have changed: any practice saved (published or not,
    since leaving the showcase changes the lists too)."""
    return Practice.objects.aggregate(moment=Max("updated_at"))["moment"]


# --- Provinces and figures -------------------------------------------------------------------------


@dataclass(frozen=True)
class Province:
    pk: int
    name: str
    path: str
    valid_until: object = None


def provinces() -> list[Province]:
    """The province committees, current first, then those that ended with the 2025 reform."""
    rows = Unit.objects.filter(kind__tier=Tier.PROVINCE).order_by("valid_until", "name")
    rows = sorted(rows.values_list("pk", "name", "path", "valid_until"), key=lambda r: (r[3] is not None, r[3], r[1]))
    return [Province(*row) for row in rows]


def by_province(queryset: QuerySet[Practice]) -> list[tuple[Province, int]]:
    """How many of `queryset` lie under each province (grouped in the database by the path prefix)."""
    counted: dict[str, int] = {}
    every = provinces()
    for width in sorted({len(p.path) for p in every}):
        rows = (
            queryset.order_by()
            .annotate(prefix=Substr("unit__path", 1, width))
            .values("prefix")
            .annotate(n=Count("pk"))
            .values_list("prefix", "n")
        )
        counted.update(rows)
    return [(p, counted[p.path]) for p in every if counted.get(p.path)]


def by_year(queryset: QuerySet[Practice]) -> list[tuple[int, int]]:
    rows = queryset.order_by().values("year").annotate(n=Count("pk")).values_list("year", "n")
    return sorted(rows, reverse=True)


def units_in(province: Province) -> QuerySet[Unit]:
    """The units under a province that have a public practice (for the unit filter)."""
    with_public = Practice.objects.filter(PUBLIC_Q).filter(scoping.subtree_q("unit__path", province.path))
    return Unit.objects.filter(pk__in=with_public.values("unit_id").distinct()).select_related("parent")
