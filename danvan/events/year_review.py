"""What the events app gives the year's review report (`danvan/documents/year_review.py`): the contests held
in the year (entries, units, prizes) for the “Dân vận khéo” chapter, the conferences held and the awards
presented at them for the emulation chapter. Counted in the database over what the user may see within the
report's area (the units' subtrees and the units merged into them)."""

from __future__ import annotations

from django.db.models import Count, Q, Sum

from danvan.core.vn import format_number
from danvan.documents.spec import Column, Paragraph, Table
from danvan.documents.year_review import Chapter, ReviewPart, ReviewRequest
from danvan.events.models import Conference, Contest, Entry, PresentedAward, Prize

CONTESTS_TITLE = "Tổ chức các hội thi, cuộc thi"
CONFERENCES_TITLE = "Hội nghị, tọa đàm và khen thưởng tại hội nghị"


def contests_part(request: ReviewRequest) -> ReviewPart:
    contests = (
        Contest.objects.restrict(request.user)
        .filter(request.area(), start_date__year=request.year, start_date__lte=request.today)
        .select_related("kind")
        .annotate(entry_count=Count("entries", distinct=True), prize_count=Count("prizes", distinct=True))
        .order_by("start_date", "id")
    )
    rows = list(contests)
    entries = Entry.objects.filter(contest__in=[c.pk for c in rows])
    figures = {
        "contests": len(rows),
        "entries": sum(c.entry_count for c in rows),
        "units": entries.values("unit").distinct().count(),
        "prizes": Prize.objects.filter(contest__in=[c.pk for c in rows]).count(),
    }
    if not rows:
        text = f"Năm {request.year}, chưa có hội thi, cuộc thi nào được ghi nhận trong hệ thống."
        return ReviewPart(Chapter.MOVEMENT, CONTESTS_TITLE, [Paragraph(text)], figures, order=5)
    text = (
        f"Năm {request.year}, tổ chức {format_number(figures['contests'])} hội thi, cuộc thi với "
        f"{format_number(figures['entries'])} đội, bài dự thi của {format_number(figures['units'])} đơn vị; "
        f"trao {format_number(figures['prizes'])} giải."
    )
    table = Table(
        [Column("STT", 12), Column("Hội thi, cuộc thi"), Column("Thời gian", 34), Column("Đội, bài dự thi", 26),
         Column("Số giải", 20)],
        [[i, str(c), c.start_date.strftime("%d/%m/%Y"), c.entry_count, c.prize_count] for i, c in enumerate(rows, 1)],
        font_size=11,
    )  # fmt: skip
    return ReviewPart(Chapter.MOVEMENT, CONTESTS_TITLE, [Paragraph(text), table], figures, order=5)


def conferences_part(request: ReviewRequest) -> ReviewPart:
    held = Conference.objects.restrict(request.user).filter(
        request.area(), date__year=request.year, date__lte=request.today
    )
    by_kind = list(held.values("kind__name", "kind__order").annotate(n=Count("id")).order_by("kind__order"))
    presented = PresentedAward.objects.filter(conference__in=held.values("pk"))
    recipients = presented.aggregate(
        collectives=Count("decision__recipients", filter=Q(decision__recipients__kind="collective")),
        individuals=Count("decision__recipients", filter=Q(decision__recipients__kind="individual")),
    )
    figures = {
        "conferences": sum(row["n"] for row in by_kind),
        "attendees": held.aggregate(n=Sum("attendees"))["n"] or 0,
        "decisions_presented": presented.values("decision").distinct().count(),
        "collectives_awarded": recipients["collectives"],
        "individuals_awarded": recipients["individuals"],
    }
    if not figures["conferences"]:
        text = f"Năm {request.year}, chưa có hội nghị, tọa đàm nào được ghi nhận trong hệ thống."
        return ReviewPart(Chapter.EMULATION, CONFERENCES_TITLE, [Paragraph(text)], figures, order=5)
    kinds = "; ".join(f"{format_number(row['n'])} {row['kind__name'].lower()}" for row in by_kind)
    text = (
        f"Năm {request.year}, tổ chức {format_number(figures['conferences'])} hội nghị, tọa đàm ({kinds}) với "
        f"{format_number(figures['attendees'])} lượt đại biểu tham dự."
    )
    blocks = [Paragraph(text)]
    if figures["decisions_presented"]:
        blocks.append(
            Paragraph(
                f"Tại các hội nghị đã trao {format_number(figures['decisions_presented'])} quyết định khen thưởng "
                f"cho {format_number(figures['collectives_awarded'])} tập thể và "
                f"{format_number(figures['individuals_awarded'])} cá nhân."
            )
        )
    return ReviewPart(Chapter.EMULATION, CONFERENCES_TITLE, blocks, figures, order=5)


def parts(request: ReviewRequest) -> list[ReviewPart]:
    return [contests_part(request), conferences_part(request)]
