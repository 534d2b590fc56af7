"""A contest's ranking, computed in the database.

The total is the sum of an entry's scores over every round. Entries with the same total are told apart by
their score in the last round (the final, chung khảo); still equal, they share the rank ("đồng hạng") and the
next rank is skipped (1, 2, 2, 4), as a jury's results sheet is written.
"""

from __future__ import annotations

from decimal import Decimal

from django.db.models import Count, DecimalField, F, OuterRef, Subquery, Sum, Value, Window
from django.db.models.functions import Coalesce, Rank

from danvan.events.models import Entry, Round, Score

ZERO = Value(Decimal(0), output_field=DecimalField(max_digits=7, decimal_places=2))
TIE_RULE = (
    "Xếp hạng theo tổng điểm các vòng thi; bằng tổng điểm thì đội có điểm vòng cuối cao hơn xếp trên; "
    "vẫn bằng nhau thì đồng hạng."
)


def ranked_entries(contest):
    """The contest's entries with `total`, `final` (the last round's score), `scored` (rounds scored) and
    `rank`, best first; one query."""
    last_round = Round.objects.filter(contest=contest).order_by("-order").values("pk")[:1]
    final = Score.objects.filter(entry=OuterRef("pk"), round=Subquery(last_round)).values("score")[:1]
    return (
        Entry.objects.filter(contest=contest)
        .select_related("unit__bloc")
        .annotate(
            total=Coalesce(Sum("scores__score"), ZERO),
            final=Coalesce(Subquery(final), ZERO),
            scored=Count("scores"),
        )
        .annotate(rank=Window(Rank(), order_by=[F("total").desc(), F("final").desc()]))
        .order_by("rank", "unit__name", "id")
    )


def missing_scores(contest) -> int:
    """Cells of the entry × round matrix still empty."""
    rounds = Round.objects.filter(contest=contest).count()
    entries = Entry.objects.filter(contest=contest).count()
    return rounds * entries - Score.objects.filter(entry__contest=contest).count()
