"""Reports on the people's situation and public opinion, as Party-format Word documents.

Three documents, each issued by the owner of the scope it covers (`scope_issuer(unit, day)`):
- the periodic report ("BÁO CÁO Tình hình nhân dân và dư luận xã hội tháng 3 năm 2026"; also a quarter,
  6 and 9 months, a year), built from the cases of the unit's area whose date falls in the period;
- the quick report ("BÁO CÁO NHANH") on one case and every report merged into it;
- the report on the answers to the proposals forwarded in the period, the full list as its annex.

Data first (`situation_data`, `feedback_rows`: scoped querysets, counts grouped in the database), then
the document (`compose` + `render_docx`), as the other apps' reports do. A case is counted once, on its
own date, with the reports merged into it; so a quarter is exactly the sum of its months. What the
clerk writes (the general assessment, the proposals) comes from the report page's text boxes, or stays
a bracketed placeholder that cannot be missed in Word.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from django.db.models import Case, Count, IntegerField, Q, Sum, Value, When
from django.db.models.functions import Coalesce

from danvan.core import scoping
from danvan.core.vn import fold, format_number, format_percent, header_date, text_date
from danvan.documents import choices as doc_choices
from danvan.documents.addressees import addressees_for
from danvan.documents.docx import render_docx
from danvan.documents.issuers import NoIssuer, body_name, scope_word
from danvan.documents.models import Purpose
from danvan.documents.phrasing import scope_sentence, split_sentence
from danvan.documents.services import compose, scope_issuer
from danvan.documents.spec import Annex, Column, Document, Heading, Paragraph, Table
from danvan.opinion.choices import Intensity, Platform, Source, State, Tendency
from danvan.opinion.models import OpinionItem, Topic
from danvan.org.models import Unit

__all__ = [
    "NoIssuer",
    "Period",
    "PeriodError",
    "feedback_document",
    "feedback_rows",
    "parse_period",
    "quick_document",
    "render_docx",
    "situation_data",
    "situation_document",
]

# Receiving bodies configured for this purpose (and for every document) in the admin.
PURPOSE = Purpose.OPINION_REPORT
QUICK_REPORT = doc_choices.Kind(doc_choices.REPORT.code, "BÁO CÁO NHANH")
NOTABLE_LIMIT = 30  # cases told in full in the periodic report; the rest are counted
LIST_LIMIT = 30  # answers and overdue proposals listed in the periodic report (all are in the feedback report)
NOTABLE_INTENSITIES = (Intensity.HIGH, Intensity.MEDIUM)

ASSESSMENT_HINT = (
    "[Phần cán bộ tổng hợp viết: nhận định chung về tư tưởng, tâm trạng của nhân dân, những vấn đề dư luận "
    "nổi bật trong kỳ và dự báo tình hình thời gian tới.]"
)
PROPOSALS_HINT = (
    "[Phần cán bộ tổng hợp viết: đề xuất, kiến nghị với cấp ủy, chính quyền và các cơ quan, đơn vị liên quan.]"
)
QUICK_ASSESSMENT_HINT = "[Phần cán bộ tổng hợp viết: nhận định tính chất, nguyên nhân và dự báo diễn biến vụ việc.]"
QUICK_PROPOSALS_HINT = "[Phần cán bộ tổng hợp viết: đề xuất hướng xử lý, giải quyết vụ việc.]"


# --- Periods --------------------------------------------------------------------------------------

ROMAN = {1: "I", 2: "II", 3: "III", 4: "IV"}
ROLLUPS = {"6-thang": (6, "6 tháng đầu năm"), "9-thang": (9, "9 tháng đầu năm"), "nam": (12, "năm")}
PERIOD_HELP = "chọn một tháng, một quý, 6 tháng, 9 tháng hoặc cả năm"


class PeriodError(ValueError):
    """A period that does not exist ("thang-13", "quy-5", "tuan-2"), with the Vietnamese reason."""


@dataclass(frozen=True)
class Period:
    """Months `first`..`last` of `year`; `code` is what the report page sends ("thang-3", "quy-1", "nam")."""

    code: str
    year: int
    first: int
    last: int
    name: str  # "tháng 3", "quý I", "6 tháng đầu năm", "năm"

    @property
    def start(self) -> dt.date:
        return dt.date(self.year, self.first, 1)

    @property
    def end(self) -> dt.date:
        return dt.date(self.year, self.last, calendar.monthrange(self.year, self.last)[1])

    @property
    def label(self) -> str:
        """ "tháng 3 năm 2026", "quý I năm 2026", "6 tháng đầu năm 2026", "năm 2026"."""
        return f"{self.name} {self.year}" if self.name.endswith("năm") else f"{self.name} năm {self.year}"

    @property
    def slug(self) -> str:
        return f"{self.code}-{self.year}"

    def months(self) -> list[Period]:
        return [parse_period(f"thang-{m}", self.year) for m in range(self.first, self.last + 1)]


def parse_period(code: str, year: int) -> Period:
    code = (code or "").strip().lower()
    kind, _, number = code.partition("-")
    if code in ROLLUPS:
        last, name = ROLLUPS[code]
        return Period(code, year, 1, last, name)
    if kind == "thang" and number:
        if not number.isdigit() or not 1 <= int(number) <= 12:
            raise PeriodError(f"Tháng {number} không có: tháng phải từ 1 đến 12.")
        month = int(number)
        return Period(f"thang-{month}", year, month, month, f"tháng {month}")
    if kind == "quy" and number:
        if not number.isdigit() or not 1 <= int(number) <= 4:
            raise PeriodError(f"Quý {number} không có: quý phải từ I đến IV.")
        quarter = int(number)
        return Period(f"quy-{quarter}", year, 3 * quarter - 2, 3 * quarter, f"quý {ROMAN[quarter]}")
    raise PeriodError(f"Kỳ báo cáo “{code}” không có: {PERIOD_HELP}.")


def period_choices() -> list:
    """The report page's one select, grouped: months, quarters, then the running totals."""
    return [
        ("Tháng", [(f"thang-{m}", f"Tháng {m}") for m in range(1, 13)]),
        ("Quý", [(f"quy-{q}", f"Quý {ROMAN[q]}") for q in range(1, 5)]),
        ("Lũy kế", [("6-thang", "6 tháng đầu năm"), ("9-thang", "9 tháng đầu năm"), ("nam", "Cả năm")]),
    ]


# --- Words ----------------------------------------------------------------------------------------

_AREA = [
    (re.compile(r"^(?:đảng\s+[ủu]y|ủy\s+ban\s+nhân\s+dân|ubnd)\s+(xã|phường|thị trấn|đặc khu)\s+(.+)$", re.I), None),
    (re.compile(r"^(tỉnh|huyện|quận)\s+[ủu]y\s+(.+)$", re.I), None),
    (re.compile(r"^(thị)\s+[ủu]y\s+(.+)$", re.I), "thị xã"),
    (re.compile(r"^(thành)\s+[ủu]y\s+(.+)$", re.I), "thành phố"),
]
SOURCE_PHRASES = {
    Source.COLLABORATOR: "qua cộng tác viên dư luận xã hội",
    Source.BRIEFING: "qua giao ban, sinh hoạt định kỳ",
    Source.RECEPTION: "qua tiếp công dân",
    Source.FRONT: "qua Mặt trận Tổ quốc và các đoàn thể",
    Source.PRESS: "qua báo chí",
    Source.CYBERSPACE: "qua không gian mạng",
    Source.OTHER: "qua nguồn khác",
}
# Characters Word refuses in a document (python-docx raises on them): control characters but tab and newline.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def safe(text: str | None) -> str:
    """Text as Word accepts it: control characters pasted from other programs dropped, spaces tidied."""
    return " ".join(_NOT_XML.sub(" ", text or "").split())


def area_name(unit: Unit) -> str:
    """The place a committee leads: "Đảng ủy xã Long Thuận" → "xã Long Thuận", "Tỉnh ủy Tây Ninh" →
    "tỉnh Tây Ninh", "Thị ủy Hòa Thành" → "thị xã Hòa Thành"; any other unit keeps its name."""
    name = " ".join(unit.name.split())
    for pattern, word in _AREA:
        match = pattern.match(name)
        if match:
            return f"{word or match.group(1).lower()} {match.group(2)}"
    return name


def _lower_first(text: str) -> str:
    return text[:1].lower() + text[1:] if text else text


def _upper_first(text: str) -> str:
    return text[:1].upper() + text[1:] if text else text


def _sentence(text: str) -> str:
    text = safe(text)
    return text if not text or text[-1] in ".!?…" else f"{text}."


def lines(text: str | None) -> list[str]:
    """The non-empty lines of a typed text, tidied; only real line ends count (str.splitlines would also
    break at a vertical tab or a form feed pasted from Word)."""
    found = (safe(line) for line in (text or "").replace("\r\n", "\n").replace("\r", "\n").split("\n"))
    return [line for line in found if line]


def clerk_paragraphs(text: str | None, hint: str) -> list[Paragraph]:
    """The clerk's text as paragraphs, one per line; else the bracketed hint, in italics."""
    found = lines(text)
    return [Paragraph(line) for line in found] if found else [Paragraph(hint, italic=True)]


def source_details(item: OpinionItem) -> str:
    """ "Báo Tây Ninh", "Nguyễn Văn Tư", "Facebook, 12.500 lượt tiếp cận, tương tác"; "" when nothing is known."""
    details = []
    if item.source == Source.COLLABORATOR and item.collaborator_id:
        details.append(safe(item.collaborator.name))
    if item.source == Source.CYBERSPACE and item.platform:
        details.append(Platform(item.platform).label)
    if item.source_detail:
        details.append(safe(item.source_detail))
    if item.reach:
        details.append(f"{format_number(item.reach)} lượt tiếp cận, tương tác")
    return ", ".join(details)


def source_label(item: OpinionItem) -> str:
    """ "Báo chí (Báo Tây Ninh)", "Không gian mạng (Facebook, 12.500 lượt tiếp cận, tương tác)", "Tiếp công dân"."""
    details = source_details(item)
    label = Source(item.source).label
    return f"{label} ({details})" if details else label


def proposal_text(item: OpinionItem) -> str:
    """What was proposed: the item's proposal, else what the matter is."""
    return safe(item.proposal) or safe(item.summary)


# --- Scope ----------------------------------------------------------------------------------------


def area_units(unit: Unit, paths: Sequence[str] | None = None):
    """Units a report about `unit` covers: its subtree and those of the units merged, split or renamed
    into it (a commune formed in 2025 reports on its area's past); and those absorbed units. `paths`, when
    given, are the area's subtrees as the caller drew them (the year's review, as at the time or today)."""
    if paths is None:
        history = scoping.with_history({unit.pk: unit.path})
        paths = scoping.minimal_paths(history.values())
        absorbed = Q(pk__in=[pk for pk, path in history.items() if not path.startswith(unit.path)])
    else:
        absorbed = Q(path__in=[path for path in paths if not path.startswith(unit.path)])
    return Unit.objects.filter(scoping.subtrees_q("path", paths)), list(Unit.objects.filter(absorbed).order_by("path"))


def scope_units(unit: Unit, paths: Sequence[str] | None = None) -> tuple[Q, list[Unit]]:
    """The items' filter for the units a report about `unit` covers (`area_units`); and the absorbed units."""
    units, absorbed_units = area_units(unit, paths)
    return Q(unit__in=units.values("pk")), absorbed_units


def area_items(user, unit: Unit):
    """Every item of the area the user may see (merged or not)."""
    area, _ = scope_units(unit)
    return OpinionItem.objects.restrict(user).filter(area)


def answered_by(item: OpinionItem, day: dt.date) -> bool:
    return item.answered_on is not None and item.answered_on <= day


def overdue_days(item: OpinionItem, day: dt.date) -> int | None:
    """Days past the answer's deadline on `day`, for a forwarded proposal still unanswered then
    (a matter since resolved is not waiting for an answer)."""
    if answered_by(item, day) or item.answer_due is None or item.answer_due >= day or item.state == State.RESOLVED:
        return None
    return (day - item.answer_due).days


def _pending_q(day: dt.date) -> Q:
    """Forwarded by `day`, unanswered on `day` and not resolved: the SQL twin of `answered_by`."""
    unanswered = Q(answered_on__isnull=True) | Q(answered_on__gt=day)
    return Q(forwarded_on__isnull=False, forwarded_on__lte=day) & unanswered & ~Q(state=State.RESOLVED)


# --- The periodic report: data --------------------------------------------------------------------


@dataclass
class TopicRow:
    label: str
    cases: int = 0
    agree: int = 0
    disagree: int = 0
    unsure: int = 0
    hot: int = 0

    def cells(self, index) -> list:
        return [index, self.label, self.cases, self.agree, self.disagree, self.unsure, self.hot]


@dataclass
class SourceRow:
    label: str
    reports: int = 0
    cases: int = 0


@dataclass
class Notable:
    case: OpinionItem
    reports: list[OpinionItem]  # merged into the case, those the user may see


@dataclass
class SituationData:
    unit: Unit
    period: Period
    day: dt.date  # the report's date: states (answered, overdue) are taken on it
    last: dt.date  # the last day counted: the period's end, or the report's date if earlier
    absorbed: list[Unit]
    cases: int = 0
    reports: int = 0  # cases and the reports merged into them
    multi_source: int = 0  # cases with at least one merged report
    hot_spots: int = 0
    tendency: dict[str, int] = field(default_factory=dict)
    intensity: dict[str, int] = field(default_factory=dict)
    topics: list[TopicRow] = field(default_factory=list)
    sources: list[SourceRow] = field(default_factory=list)
    platforms: list[tuple[str, int, int]] = field(default_factory=list)  # label, reports, reach
    notable: list[Notable] = field(default_factory=list)
    notable_total: int = 0
    with_proposal: int = 0
    forwarded: int = 0
    answered: list[OpinionItem] = field(default_factory=list)
    answered_total: int = 0
    pending: int = 0
    overdue: list[OpinionItem] = field(default_factory=list)
    overdue_total: int = 0


def situation_data(user, unit: Unit, period: Period, day: dt.date, paths: Sequence[str] | None = None) -> SituationData:
    """The figures of the periodic report: cases of the unit's area (`paths`: see area_units) noted from the
    period's start to its end (or to `day`, if earlier), as the user may see them."""
    last = min(period.end, day)
    area, absorbed = scope_units(unit, paths)
    visible = OpinionItem.objects.restrict(user).filter(area)
    cases = visible.cases().filter(noted_on__range=(period.start, last))
    data = SituationData(unit=unit, period=period, day=day, last=last, absorbed=absorbed)

    # One GROUP BY gives the fields, tendencies, intensities and hot spots.
    groups = cases.order_by().values_list("topic_id", "tendency", "intensity", "hot_spot").annotate(n=Count("id"))
    by_topic: dict[int, TopicRow] = {}
    topics = Topic.objects.valid_during(period.start, last)
    counted = {topic_id for topic_id, *_ in groups}
    for topic in (topics | Topic.objects.filter(pk__in=counted)).order_by("order", "name"):
        by_topic[topic.pk] = TopicRow(topic.name)
    data.tendency = dict.fromkeys(Tendency.values, 0)
    data.intensity = dict.fromkeys(Intensity.values, 0)
    for topic_id, tendency, intensity, hot, n in groups:
        row = by_topic[topic_id]
        row.cases += n
        if tendency in Tendency.values:  # the row's attributes are named after the tendencies
            setattr(row, tendency, getattr(row, tendency) + n)
        if hot:
            row.hot += n
            data.hot_spots += n
        data.cases += n
        data.tendency[tendency] = data.tendency.get(tendency, 0) + n
        data.intensity[intensity] = data.intensity.get(intensity, 0) + n
    data.topics = list(by_topic.values())

    # The reports of those cases: each case and every item merged into it the user may see.
    reports = visible.filter(Q(pk__in=cases.values("pk")) | Q(case__in=cases.values("pk")))
    per_source = {
        source: (n, c)
        for source, n, c in reports.order_by()
        .values_list("source")
        .annotate(n=Count("id"), c=Count(Coalesce("case_id", "id"), distinct=True))
        .values_list("source", "n", "c")
    }
    data.sources = [SourceRow(label, *per_source.get(value, (0, 0))) for value, label in Source.choices]
    data.reports = sum(row.reports for row in data.sources)
    data.multi_source = reports.filter(case__isnull=False).order_by().values("case").distinct().count()
    data.platforms = [
        (Platform(platform).label if platform else "Chưa rõ nền tảng", n, reach or 0)
        for platform, n, reach in reports.filter(source=Source.CYBERSPACE)
        .order_by()
        .values_list("platform")
        .annotate(n=Count("id"), reach=Sum("reach"))
        .values_list("platform", "n", "reach")
        .order_by("-n", "platform")
    ]

    # Notable cases, told in full: hot spots, then by intensity, each in date order.
    notable = cases.filter(Q(hot_spot=True) | Q(intensity__in=NOTABLE_INTENSITIES))
    data.notable_total = notable.count()
    rank = Case(
        When(intensity=Intensity.HIGH, then=Value(0)),
        When(intensity=Intensity.MEDIUM, then=Value(1)),
        default=Value(2),
        output_field=IntegerField(),
    )
    chosen = list(
        notable.select_related("place", "topic", "collaborator")
        .annotate(rank=rank)
        .order_by("-hot_spot", "rank", "noted_on", "id")[:NOTABLE_LIMIT]
    )
    merged: dict[int, list[OpinionItem]] = {}
    for report in (
        visible.filter(case__in=[c.pk for c in chosen])
        .select_related("unit", "collaborator")
        .order_by("noted_on", "id")
    ):
        merged.setdefault(report.case_id, []).append(report)
    data.notable = [Notable(case, merged.get(case.pk, [])) for case in chosen]

    # Proposals: made in the period's cases, forwarded and answered in the period, waiting on `day`.
    data.with_proposal = cases.exclude(proposal="").count()
    owned = visible.cases()
    data.forwarded = owned.filter(forwarded_on__range=(period.start, last)).count()
    answered = owned.filter(answered_on__range=(period.start, last)).select_related("place")
    data.answered_total = answered.count()
    data.answered = list(answered.order_by("answered_on", "id")[:LIST_LIMIT])
    pending = owned.filter(_pending_q(day))
    data.pending = pending.count()
    late = pending.filter(answer_due__lt=day).select_related("place")
    data.overdue_total = late.count()
    data.overdue = list(late.order_by("answer_due", "id")[:LIST_LIMIT])
    return data


# --- The periodic report: document ----------------------------------------------------------------


def _in_area(unit: Unit) -> str:
    area = area_name(unit)
    return f"trên địa bàn {area}" if area != " ".join(unit.name.split()) else f"của {unit.name}"


def _count_sentence(data: SituationData, scope: str) -> str:
    when = f"Trong {data.period.label}"
    if not data.cases:
        return f"{when}, {scope} chưa ghi nhận vụ việc, vấn đề dư luận xã hội nào."
    text = f"{when}, {scope} ghi nhận {format_number(data.cases)} vụ việc, vấn đề dư luận xã hội"
    if data.reports > data.cases:
        text += f", tổng hợp từ {format_number(data.reports)} lượt phản ánh"
        text += f" ({format_number(data.multi_source)} vụ việc được phản ánh từ nhiều nguồn)"
    if data.hot_spots:
        text += f"; trong đó có {format_number(data.hot_spots)} điểm nóng, vụ việc phức tạp"
    else:
        text += "; không có điểm nóng, vụ việc phức tạp"
    return f"{text}."


def _share(lead: str, counts: dict[str, int], labels, total: int) -> str:
    parts = [(_lower_first(label), counts.get(value, 0)) for value, label in labels]
    return split_sentence(lead, parts, total, noun="vụ việc")


def _platform_sentence(data: SituationData) -> str | None:
    if not data.platforms:
        return None
    total = sum(n for _, n, _ in data.platforms)
    reach = sum(r for _, _, r in data.platforms)
    parts = ", ".join(f"{label} {format_number(n)} lượt" for label, n, _ in data.platforms)
    text = f"Trên không gian mạng có {format_number(total)} lượt thông tin ({parts})"
    if reach:
        text += f", tổng số lượt tiếp cận, tương tác {format_number(reach)}"
    return f"{text}."


def _topic_table(data: SituationData) -> Table:
    columns = [
        Column("STT", 12),
        Column("Lĩnh vực"),
        Column("Số vụ việc", 19),
        Column("Đồng tình", 19),
        Column("Không đồng tình", 22),
        Column("Băn khoăn, chưa rõ", 27),
        Column("Điểm nóng", 19),
    ]
    rows = [row.cells(i) for i, row in enumerate(data.topics, start=1)]
    total = TopicRow(
        "Tổng cộng",
        data.cases,
        data.tendency.get(Tendency.AGREE, 0),
        data.tendency.get(Tendency.DISAGREE, 0),
        data.tendency.get(Tendency.UNSURE, 0),
        data.hot_spots,
    )
    return Table(columns, rows, totals_row=total.cells(""))


def _source_table(data: SituationData) -> Table:
    columns = [Column("STT", 12), Column("Nguồn thông tin"), Column("Lượt phản ánh", 30), Column("Số vụ việc", 30)]
    rows = [[i, row.label, row.reports, row.cases] for i, row in enumerate(data.sources, start=1)]
    return Table(columns, rows, totals_row=["", "Tổng cộng", data.reports, data.cases])


def _degree(item: OpinionItem) -> str:
    """ "mức độ: bức xúc, lan rộng; điểm nóng, vụ việc phức tạp"."""
    text = f"mức độ: {Intensity(item.intensity).label.lower()}"
    return f"{text}; điểm nóng, vụ việc phức tạp" if item.hot_spot else text


def _forwarding(item: OpinionItem, day: dt.date) -> str:
    """ "đã chuyển UBND xã Long Thuận ngày 11/3/2026, hạn trả lời 26/3/2026; trả lời ngày 20/3/2026: …"."""
    if not item.forwarded_on:
        return "chưa chuyển cơ quan chức năng"
    text = f"đã chuyển {safe(item.forwarded_to)} ngày {text_date(item.forwarded_on)}"
    if item.answer_due:
        text += f", hạn trả lời {text_date(item.answer_due)}"
    if answered_by(item, day):
        text += f"; trả lời ngày {text_date(item.answered_on)}: {safe(item.answer).rstrip('.')}"
    else:
        late = overdue_days(item, day)
        text += f"; chưa trả lời, quá hạn {late} ngày" if late else "; chưa trả lời"
    return text


def _case_paragraphs(index: int, notable: Notable, day: dt.date) -> list[Paragraph]:
    case = notable.case
    facts = [
        f"địa bàn: {area_name(case.place)}",
        f"ngày ghi nhận: {text_date(case.noted_on)}",
        f"lĩnh vực: {_lower_first(case.topic.name)}",
        f"chiều hướng: {Tendency(case.tendency).label.lower()}",
        _degree(case),
    ]
    if case.people_involved:
        facts.append(f"số người liên quan: {format_number(case.people_involved)}")
    blocks = [
        Paragraph(_sentence(case.summary), lead=f"{index}."),
        Paragraph(f"- {_upper_first('; '.join(facts))}."),
    ]
    sources = f"- Nguồn: {source_label(case)}"
    if notable.reports:
        others = "; ".join(f"ngày {text_date(r.noted_on)}, {source_label(r)}" for r in notable.reports)
        sources += f"; vụ việc được phản ánh {len(notable.reports) + 1} lượt, các lượt khác: {others}"
    blocks.append(Paragraph(f"{sources}."))
    if case.link:
        blocks.append(Paragraph(f"- Đường dẫn: {safe(case.link)}"))
    if case.proposal or case.forwarded_on:
        proposal = f"- Đề xuất, kiến nghị: {safe(case.proposal).rstrip('.')}; " if case.proposal else "- "
        blocks.append(Paragraph(f"{proposal}{_forwarding(case, day)}."))
    blocks.append(Paragraph(f"- Tình trạng: {State(case.state).label.lower()}."))
    return blocks


def _proposal_blocks(data: SituationData, scope: str) -> list:
    when = f"Trong {data.period.label}"
    if not (data.with_proposal or data.forwarded or data.answered_total or data.pending):
        return [Paragraph(f"{when}, {scope} không có đề xuất, kiến nghị nào chuyển cơ quan có thẩm quyền.")]
    parts = []
    if data.with_proposal:
        parts.append(f"có {format_number(data.with_proposal)} vụ việc có đề xuất, kiến nghị")
    parts.append(
        f"đã chuyển {format_number(data.forwarded)} đề xuất, kiến nghị đến cơ quan có thẩm quyền xem xét, giải quyết"
        if data.forwarded
        else "không chuyển đề xuất, kiến nghị mới nào đến cơ quan có thẩm quyền"
    )
    parts.append(
        f"nhận được trả lời đối với {format_number(data.answered_total)} đề xuất, kiến nghị"
        if data.answered_total
        else "chưa nhận được trả lời nào"
    )
    status = f"Đến ngày {text_date(data.day)}, "
    if data.pending:
        status += f"còn {format_number(data.pending)} đề xuất, kiến nghị chưa được trả lời"
        status += (
            f", trong đó {format_number(data.overdue_total)} đề xuất, kiến nghị quá hạn."
            if data.overdue_total
            else ", chưa có đề xuất, kiến nghị nào quá hạn."
        )
    else:
        status += "không còn đề xuất, kiến nghị nào chờ trả lời."
    blocks: list = [Paragraph(f"{when}, {scope} {'; '.join(parts)}. {status}")]
    if data.answered:
        blocks.append(Heading("a) Các đề xuất, kiến nghị được trả lời trong kỳ", 4))
        for i, item in enumerate(data.answered, start=1):
            text = (
                f"{proposal_text(item).rstrip('.')} ({area_name(item.place)}): {safe(item.forwarded_to)} "
                f"trả lời ngày {text_date(item.answered_on)}: {_sentence(item.answer)}"
            )
            blocks.append(Paragraph(text, lead=f"{i}."))
        if data.answered_total > len(data.answered):
            rest = data.answered_total - len(data.answered)
            blocks.append(Paragraph(f"Và {format_number(rest)} trả lời khác (chi tiết tại báo cáo kết quả trả lời)."))
    if data.overdue:
        blocks.append(Heading("b) Các đề xuất, kiến nghị quá hạn chưa được trả lời", 4))
        for i, item in enumerate(data.overdue, start=1):
            text = (
                f"{proposal_text(item).rstrip('.')} ({area_name(item.place)}): chuyển {safe(item.forwarded_to)} "
                f"ngày {text_date(item.forwarded_on)}, hạn trả lời {text_date(item.answer_due)}, "
                f"quá hạn {overdue_days(item, data.day)} ngày."
            )
            blocks.append(Paragraph(text, lead=f"{i}."))
        if data.overdue_total > len(data.overdue):
            rest = data.overdue_total - len(data.overdue)
            blocks.append(Paragraph(f"Và {format_number(rest)} đề xuất, kiến nghị quá hạn khác."))
    return blocks


def _recipients(issuer, day: dt.date) -> list[str]:
    return addressees_for(PURPOSE, issuer, day)


def situation_document(data: SituationData, assessment: str = "", proposals: str = "") -> Document:
    """ "BÁO CÁO Tình hình nhân dân và dư luận xã hội tháng 3 năm 2026" from `situation_data`."""
    unit, period, day = data.unit, data.period, data.day
    issuer = scope_issuer(unit, day)
    scope = scope_word(unit)
    until = f"ngày {text_date(data.last)}"
    intro = (
        f"Thực hiện chế độ thông tin, báo cáo định kỳ, {body_name(issuer)} báo cáo tình hình nhân dân và dư luận "
        f"xã hội {period.label} {_in_area(unit)} (số liệu tính từ ngày {text_date(period.start)} đến {until}) "
        "như sau:"
    )
    blocks: list = [Paragraph(intro)]
    if data.absorbed:
        blocks.append(Paragraph(scope_sentence(scope, [u.name for u in data.absorbed]), italic=True))
    blocks += [
        Heading("I. TÌNH HÌNH NHÂN DÂN VÀ DƯ LUẬN XÃ HỘI", 1),
        Heading("1. Nhận định chung", 2),
        *clerk_paragraphs(assessment, ASSESSMENT_HINT),
        Heading("2. Kết quả nắm tình hình dư luận xã hội", 2),
        Paragraph(_count_sentence(data, scope)),
    ]
    if data.cases:
        blocks.append(Paragraph(_share("Về chiều hướng dư luận", data.tendency, Tendency.choices, data.cases)))
        intensities = list(reversed(Intensity.choices))  # the most pressing first
        blocks.append(Paragraph(_share("Về mức độ", data.intensity, intensities, data.cases)))
        platforms = _platform_sentence(data)
        if platforms:
            blocks.append(Paragraph(platforms))
        blocks += [
            Heading("a) Theo lĩnh vực", 4),
            _topic_table(data),
            Heading("b) Theo nguồn thông tin", 4),
            _source_table(data),
            Paragraph(
                "Vụ việc được phản ánh từ nhiều nguồn được tính ở mỗi nguồn đã phản ánh; dòng tổng cộng tính "
                "mỗi vụ việc một lần.",
                italic=True,
            ),
        ]
    blocks.append(Heading("3. Điểm nóng, vụ việc phức tạp và vấn đề được nhiều người quan tâm", 2))
    if data.notable:
        for index, notable in enumerate(data.notable, start=1):
            blocks += _case_paragraphs(index, notable, day)
        if data.notable_total > len(data.notable):
            rest = data.notable_total - len(data.notable)
            blocks.append(Paragraph(f"Ngoài ra còn {format_number(rest)} vụ việc khác được nhiều người quan tâm."))
    else:
        blocks.append(Paragraph("Trong kỳ không có điểm nóng, vụ việc phức tạp hoặc vấn đề được nhiều người quan tâm."))
    blocks += [
        Heading("II. KẾT QUẢ PHẢN ÁNH, KIẾN NGHỊ VÀ TRẢ LỜI", 1),
        *_proposal_blocks(data, scope),
        Heading("III. ĐỀ XUẤT, KIẾN NGHỊ", 1),
        *clerk_paragraphs(proposals, PROPOSALS_HINT),
    ]
    return compose(
        doc_choices.REPORT,
        issuer.unit,
        day,
        f"Tình hình nhân dân và dư luận xã hội {period.label}",
        blocks,
        _recipients(issuer, day),
        issuer=issuer,
    )


# --- The quick report on one case -----------------------------------------------------------------


def quick_summary(case: OpinionItem) -> str:
    return f"Vụ việc liên quan đến {_lower_first(case.topic.name)} tại {area_name(case.place)}"


def quick_document(
    user, item: OpinionItem, day: dt.date, assessment: str = "", proposals: str = ""
) -> tuple[Document, OpinionItem]:
    """ "BÁO CÁO NHANH" on `item`'s case (the item itself when it stands alone, or when its case is
    outside the user's scope), with every report merged into it the user may see."""
    visible = OpinionItem.objects.restrict(user).select_related("unit__kind", "place", "topic", "collaborator")
    case = visible.get(pk=item.pk)
    if case.case_id:
        case = visible.filter(pk=case.case_id).first() or case
    reports = list(visible.filter(case=case).order_by("noted_on", "id"))
    issuer = scope_issuer(case.unit, day)
    area = area_name(case.place)
    source = SOURCE_PHRASES[Source(case.source)]
    details = source_details(case)
    if details:
        source += f" ({details})"
    blocks: list = [
        Paragraph(
            f"Ngày {text_date(case.noted_on)}, {source}, {body_name(issuer)} nắm được thông tin về vụ việc tại "
            f"{area}; báo cáo nhanh như sau:"
        ),
        Heading("1. Nội dung vụ việc", 2),
        *[Paragraph(_sentence(line)) for line in lines(case.summary)],
    ]
    facts = [f"địa bàn: {area}", f"lĩnh vực: {_lower_first(case.topic.name)}"]
    if case.people_involved:
        facts.append(f"số người liên quan: {format_number(case.people_involved)}")
    blocks.append(Paragraph(f"- {_upper_first('; '.join(facts))}."))
    if case.link:
        blocks.append(Paragraph(f"- Đường dẫn: {safe(case.link)}"))
    if reports:
        blocks.append(
            Paragraph(f"- Vụ việc được phản ánh {len(reports) + 1} lượt; ngoài thông tin trên còn có các lượt sau:")
        )
        for report in reports:
            who = "" if report.unit_id == case.unit_id else f", {report.unit.name} ghi nhận"
            when = f"Ngày {text_date(report.noted_on)}, {source_label(report)}{who}"
            link = f" Đường dẫn: {safe(report.link)}" if report.link else ""
            blocks.append(Paragraph(f"+ {when}: {_sentence(report.summary)}{link}"))
    blocks += [
        Heading("2. Tính chất, mức độ", 2),
        Paragraph(f"Chiều hướng dư luận: {Tendency(case.tendency).label.lower()}; {_degree(case)}."),
        Heading("3. Việc đã làm, kết quả xử lý", 2),
    ]
    if case.forwarded_on:
        done = _forwarding(case, day)
        blocks.append(Paragraph(f"{_upper_first(done)}."))
    else:
        blocks.append(Paragraph("Vụ việc đang được theo dõi, chưa chuyển cơ quan chức năng."))
    blocks.append(Paragraph(f"Tình trạng đến ngày {text_date(day)}: {State(case.state).label.lower()}."))
    blocks += [Heading("4. Nhận định", 2), *clerk_paragraphs(assessment, QUICK_ASSESSMENT_HINT)]
    blocks.append(Heading("5. Đề xuất, kiến nghị", 2))
    if safe(proposals):
        blocks += clerk_paragraphs(proposals, QUICK_PROPOSALS_HINT)
    elif safe(case.proposal):
        blocks.append(Paragraph(_sentence(case.proposal)))
    else:
        blocks.append(Paragraph(QUICK_PROPOSALS_HINT, italic=True))
    document = compose(
        QUICK_REPORT, issuer.unit, day, quick_summary(case), blocks, _recipients(issuer, day), issuer=issuer
    )
    return document, case


# --- Answers to the proposals forwarded in the period ---------------------------------------------


@dataclass
class FeedbackRow:
    item: OpinionItem
    answered: bool
    overdue: int | None  # days past the deadline, unanswered

    @property
    def result(self) -> str:
        if self.answered:
            return f"Ngày {text_date(self.item.answered_on)}: {_sentence(self.item.answer)}"
        text = "Chưa trả lời"
        if self.overdue:
            return f"{text}, quá hạn {self.overdue} ngày"
        if self.item.state == State.RESOLVED:
            return f"{text} (vụ việc đã giải quyết)"
        return text


def feedback_rows(user, unit: Unit, period: Period, day: dt.date) -> list[FeedbackRow]:
    """Every case of the unit's area forwarded from the period's start to its end (or `day`), with its
    answer as known on `day`, in the order it was forwarded."""
    last = min(period.end, day)
    rows = (
        area_items(user, unit)
        .cases()
        .filter(forwarded_on__range=(period.start, last))
        .select_related("place")
        .order_by("forwarded_on", "id")
    )
    return [FeedbackRow(item, answered_by(item, day), overdue_days(item, day)) for item in rows]


def _by_body(rows: list[FeedbackRow]) -> list[list]:
    """[body, forwarded, answered, unanswered, overdue] per receiving body, the busiest first."""
    bodies: dict[str, list] = {}
    for row in rows:
        name = safe(row.item.forwarded_to)
        counts = bodies.setdefault(fold(name), [name, 0, 0, 0, 0])
        counts[1] += 1
        counts[2 if row.answered else 3] += 1
        counts[4] += 1 if row.overdue else 0
    return sorted(bodies.values(), key=lambda c: (-c[1], fold(c[0])))


def feedback_document(
    rows: list[FeedbackRow], unit: Unit, period: Period, day: dt.date, proposals: str = ""
) -> Document:
    """ "BÁO CÁO Kết quả trả lời đề xuất, kiến nghị ..." with the bodies' figures; the list as its annex."""
    issuer = scope_issuer(unit, day)
    scope = scope_word(unit)
    total = len(rows)
    answered = sum(1 for r in rows if r.answered)
    late = sum(1 for r in rows if r.overdue)
    summary = f"Kết quả trả lời đề xuất, kiến nghị về tình hình nhân dân và dư luận xã hội {period.label}"
    when = f"Trong {period.label}"
    if not rows:
        blocks: list = [
            Paragraph(f"{when}, {scope} không có đề xuất, kiến nghị nào được chuyển đến cơ quan có thẩm quyền.")
        ]
    else:
        status = f"đã trả lời {format_number(answered)} ({format_percent(answered, total)})"
        status += f", chưa trả lời {format_number(total - answered)}"
        if late:
            status += f", trong đó quá hạn {format_number(late)}"
        blocks = [
            Paragraph(
                f"{when}, {scope} đã chuyển {format_number(total)} đề xuất, kiến nghị của nhân dân đến các cơ quan "
                f"có thẩm quyền xem xét, giải quyết (từ ngày {text_date(period.start)} đến ngày "
                f"{text_date(min(period.end, day))}). Đến ngày {text_date(day)}: {status}. Cụ thể như sau:"
            ),
            Heading("I. KẾT QUẢ THEO CƠ QUAN TIẾP NHẬN", 1),
            Table(
                [
                    Column("STT", 12),
                    Column("Cơ quan tiếp nhận"),
                    Column("Số đề xuất, kiến nghị", 24),
                    Column("Đã trả lời", 20),
                    Column("Chưa trả lời", 20),
                    Column("Trong đó quá hạn", 22),
                ],
                [[i, *counts] for i, counts in enumerate(_by_body(rows), start=1)],
                totals_row=["", "Tổng cộng", total, answered, total - answered, late],
            ),
            Heading("II. DANH SÁCH ĐỀ XUẤT, KIẾN NGHỊ VÀ KẾT QUẢ TRẢ LỜI", 1),
            Paragraph("Chi tiết tại danh sách kèm theo báo cáo này."),
        ]
        if late or safe(proposals):
            blocks.append(Heading("III. ĐỀ XUẤT, KIẾN NGHỊ", 1))
            if safe(proposals):
                blocks += clerk_paragraphs(proposals, PROPOSALS_HINT)
            else:
                blocks.append(
                    Paragraph(
                        "Đề nghị các cơ quan có thẩm quyền khẩn trương xem xét, trả lời các đề xuất, kiến nghị đã "
                        "quá hạn và thông tin kết quả để trả lời nhân dân."
                    )
                )
    annexes = []
    if rows:
        table = Table(
            [
                Column("STT", 12),
                Column("Nội dung đề xuất, kiến nghị"),
                Column("Cơ quan tiếp nhận", 28),
                Column("Ngày chuyển", 21, align="center"),
                Column("Hạn trả lời", 21, align="center"),
                Column("Kết quả trả lời", 36),
            ],
            [
                [
                    i,
                    f"{proposal_text(r.item).rstrip('.')} ({area_name(r.item.place)})",
                    safe(r.item.forwarded_to),
                    text_date(r.item.forwarded_on),
                    text_date(r.item.answer_due) if r.item.answer_due else "–",
                    r.result,
                ]
                for i, r in enumerate(rows, start=1)
            ],
            font_size=11,
            bold_rows=frozenset(i for i, r in enumerate(rows) if r.overdue),
        )
        annexes.append(table)
    document = compose(doc_choices.REPORT, issuer.unit, day, summary, blocks, _recipients(issuer, day), issuer=issuer)
    if annexes:
        bare = document.number_text.split(" ", 1)[1]  # without "Số "
        note = Paragraph(
            f"Tình trạng tính đến ngày {text_date(day)}; dòng in đậm: quá hạn chưa trả lời.", italic=True, indent=False
        )
        document.annexes = [
            Annex(
                f"DANH SÁCH ĐỀ XUẤT, KIẾN NGHỊ ĐÃ CHUYỂN {period.label.upper()} VÀ KẾT QUẢ TRẢ LỜI",
                f"(Kèm theo Báo cáo số {bare}, {header_date(day)} của {body_name(issuer)})",
                annexes[0],
                [note],
            )
        ]
    return document
