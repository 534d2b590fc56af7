"""The announcement of a contest's results, as a Party-format Word document.

"THÔNG BÁO Kết quả Hội thi “Dân vận khéo” lần thứ II năm 2025", issued by the organizer's body
(`scope_issuer(unit, day)`) on the contest's last day (today while it is not over): what was held, where and
by how many entries; the ranking (a row per entry: its unit and bloc, its score in each round, the total and
its rank, the tie rule under the table); the prizes by kind with the commendation given with each. Every
figure comes from the database (`results_data`: the ranking query, the prizes), then the document
(`results_document`).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.utils import timezone

from danvan.core.vn import format_number, text_date
from danvan.documents import choices as doc_choices
from danvan.documents.addressees import addressees_for
from danvan.documents.docx import render_docx  # noqa: F401 - the views render through here
from danvan.documents.issuers import NoIssuer, body_name  # noqa: F401 - NoIssuer: the views catch it
from danvan.documents.models import Purpose
from danvan.documents.services import compose, scope_issuer
from danvan.documents.spec import Column, Document, Heading, Paragraph, Table
from danvan.emulation.rules import format_score
from danvan.events.models import Contest, Prize, Round
from danvan.events.ranking import TIE_RULE, ranked_entries

PURPOSE = Purpose.EVENTS


@dataclass
class ResultsData:
    contest: Contest
    day: dt.date
    rounds: list[Round]
    ranking: list  # entries with total, rank and `cells` (a score or None per round)
    prizes: list[Prize]

    @property
    def entries(self) -> int:
        return len(self.ranking)

    @property
    def units(self) -> int:
        return len({e.unit_id for e in self.ranking})


def notice_day(contest: Contest) -> dt.date:
    today = timezone.localdate()
    return contest.end_date if contest.end_date <= today else today


def results_data(contest: Contest, day: dt.date | None = None) -> ResultsData:
    from danvan.events.models import Score

    rounds = list(Round.objects.filter(contest=contest).order_by("order"))
    ranking = list(ranked_entries(contest))
    scores = {(s.entry_id, s.round_id): s.score for s in Score.objects.filter(entry__contest=contest)}
    for entry in ranking:
        entry.cells = [scores.get((entry.pk, r.pk)) for r in rounds]
    prizes = list(
        Prize.objects.filter(contest=contest)
        .select_related("kind", "entry__unit", "award__decision__award_type")
        .order_by("kind__order", "entry_id")
    )
    return ResultsData(contest, day or notice_day(contest), rounds, ranking, prizes)


def summary(contest: Contest) -> str:
    return f"Kết quả {contest} năm {contest.start_date.year}"


def _held(data: ResultsData, body: str) -> str:
    contest = data.contest
    start, end = contest.start_date, contest.end_date
    when = f"ngày {text_date(start)}" if start == end else f"từ ngày {text_date(start)} đến ngày {text_date(end)}"
    where = f" tại {contest.place}" if contest.place else ""
    rounds = ", ".join(r.name.lower() for r in data.rounds)
    return (
        f"Thực hiện kế hoạch tổ chức {contest}, {when}{where}, {body} đã tổ chức hội thi với "
        f"{format_number(data.entries)} đội, bài dự thi của {format_number(data.units)} đơn vị"
        f"{f', qua {len(data.rounds)} vòng thi ({rounds})' if data.rounds else ''}. "
        f"Căn cứ kết quả chấm điểm của Ban Giám khảo, {body} thông báo kết quả hội thi như sau:"
    )


WIDTH_MM = 160  # the text width of an A4 portrait page in the Party format


def entry_name(entry) -> str:
    """ "Đội tuyên truyền xã Long Thuận (Đảng ủy xã Long Thuận)"; the unit alone when the title names it."""
    if not entry.title:
        return entry.unit.name
    return entry.title if entry.unit.name in entry.title else f"{entry.title} ({entry.unit.name})"


def ranking_table(data: ResultsData) -> Table:
    score_mm = 18 if len(data.rounds) <= 3 else 15
    name_mm = WIDTH_MM - 15 - 24 - score_mm * (len(data.rounds) + 1)
    columns = [
        Column("Hạng", 15, align="center"), Column("Đơn vị, đội dự thi", name_mm), Column("Khối", 24),
        *[Column(r.name, score_mm) for r in data.rounds], Column("Tổng điểm", score_mm),
    ]  # fmt: skip
    rows = []
    for entry in data.ranking:
        name = entry_name(entry)
        bloc = entry.unit.bloc.name if entry.unit.bloc_id else ""
        cells = [format_score(v) if v is not None else "–" for v in entry.cells]
        rows.append([str(entry.rank), name, bloc, *cells, format_score(entry.total)])
    return Table(columns, rows, font_size=11)


def prize_table(data: ResultsData) -> Table:
    rows = []
    for index, prize in enumerate(data.prizes, start=1):
        entry = prize.entry
        award = ""
        if prize.award_id:
            award = f"{prize.award.decision.award_type.name} ({prize.award.decision})"
        rows.append([index, prize.kind.name, entry.title or entry.unit.name, entry.unit.name, award])
    columns = [Column("STT", 12), Column("Giải", 26), Column("Đội, bài dự thi", 44), Column("Đơn vị", 38),
               Column("Khen thưởng kèm theo", 40)]  # fmt: skip
    return Table(columns, rows, font_size=11)


def results_document(data: ResultsData) -> Document:
    contest, day = data.contest, data.day
    issuer = scope_issuer(contest.unit, day)
    body = body_name(issuer)
    blocks: list = [
        Paragraph(_held(data, body)),
        Heading("I. KẾT QUẢ XẾP HẠNG", 1),
        ranking_table(data),
        Paragraph(TIE_RULE, italic=True),
        Heading("II. GIẢI THƯỞNG", 1),
    ]
    if data.prizes:
        by_kind: dict[str, int] = {}
        for prize in data.prizes:
            by_kind[prize.kind.name] = by_kind.get(prize.kind.name, 0) + 1
        counts = "; ".join(f"{format_number(n)} {name}" for name, n in by_kind.items())
        blocks += [Paragraph(f"Ban Tổ chức trao {format_number(len(data.prizes))} giải: {counts}."), prize_table(data)]
    else:
        blocks.append(Paragraph("Ban Tổ chức chưa trao giải."))
    blocks.append(
        Paragraph(f"{body} thông báo để các đơn vị có đội, bài dự thi và các cơ quan, đơn vị liên quan biết.")
    )
    recipients = addressees_for(PURPOSE, issuer, day)
    recipients = [*recipients[:-1], "Các đơn vị có đội, bài dự thi", recipients[-1]] if recipients else recipients
    return compose(doc_choices.ANNOUNCEMENT, issuer.unit, day, summary(contest), blocks, recipients, issuer=issuer)
