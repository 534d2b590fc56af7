"""The report on citizen reception and dialogues with the people, as a Party-format Word document.

"BÁO CÁO Kết quả công tác tiếp công dân, đối thoại với nhân dân quý I năm 2026" (also a month, 6 and
9 months, a year: the periods of `reports.parse_period`), issued by the owner of the scope it covers
(`scope_issuer(unit, day)`), about the unit's area (`reports.area_units`: its subtree and the units
merged into it) as the user may see it:
- reception: the sessions held (regular, unscheduled), the days held per unit against the monthly
  minimum of its tier (`services.meetings.frequency`, `rules.reception_minimum`), naming the units and
  months that fell short; the cases heard by type with their people, settled, pending and overdue on
  the report's date, and the cases of earlier periods still pending;
- dialogues: the conferences held, the people taking part, the issues raised and answered there, the
  conferences notified less than 7 days ahead, the results published or not; the commitments made,
  done, open and overdue, and every commitment overdue on the report's date with its body and deadline;
- what the clerk writes (the assessment, the proposals), from the report page's text boxes, else a
  bracketed placeholder.

Data first (`meeting_data`: restricted querysets, counts grouped in the database), then the document
(`meeting_document`), as the opinion report does. Figures run from the period's start to its end, or
to the report's date if earlier; states (settled, done, published, overdue) are taken on that date.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field

from django.db.models import Count, Q, Sum

from danvan.core.vn import format_number, format_percent, header_date, text_date
from danvan.documents import choices as doc_choices
from danvan.documents.addressees import addressees_for
from danvan.documents.issuers import body_name, scope_word
from danvan.documents.phrasing import join_names, scope_sentence
from danvan.documents.services import compose, scope_issuer
from danvan.documents.spec import Annex, Column, Document, Heading, Paragraph, Table
from danvan.opinion import rules
from danvan.opinion.choices import CaseType, HostRole, ReceptionKind, ReceptionStatus
from danvan.opinion.models import Commitment, Dialogue, Reception, ReceptionCase
from danvan.opinion.reports import PURPOSE, Period, area_name, area_units, clerk_paragraphs, safe
from danvan.opinion.services.meetings import frequency
from danvan.org.choices import Tier
from danvan.org.models import Unit

TIERS = (Tier.PROVINCE, Tier.DISTRICT, Tier.COMMUNE)  # the committees whose heads must receive citizens
UNIT_TABLE_LIMIT = 15  # units in the body's reception table; a larger area has its table as an annex
NAMED_LIMIT = 20  # units or conferences named in one sentence; the rest are counted
OVERDUE_LIMIT = 100  # overdue commitments listed

ASSESSMENT_HINT = (
    "[Phần cán bộ tổng hợp viết: đánh giá ưu điểm, hạn chế và nguyên nhân trong việc người đứng đầu cấp ủy "
    "tiếp công dân, đối thoại với nhân dân và giải quyết những phản ánh, kiến nghị của nhân dân.]"
)
PROPOSALS_HINT = (
    "[Phần cán bộ tổng hợp viết: đề xuất, kiến nghị với cấp ủy, chính quyền và các cơ quan, đơn vị liên quan.]"
)


# --- Data -----------------------------------------------------------------------------------------


@dataclass
class UnitDays:
    """A unit's reception in the period: sessions held by kind, days held, the months checked."""

    unit: Unit
    regular: int = 0
    unscheduled: int = 0
    days: int = 0
    required: int | None = None  # the monthly minimums of the months checked, added; None: none checked
    short: list[tuple[int, int, int]] = field(default_factory=list)  # (month, days held, minimum)

    @property
    def checked(self) -> bool:
        return self.required is not None


@dataclass
class CaseRow:
    """Cases heard of one type (or all of them): how many, their people, their state on the report's date."""

    label: str
    cases: int = 0
    people: int = 0
    settled: int = 0
    overdue: int = 0

    @property
    def pending(self) -> int:
        return self.cases - self.settled

    def cells(self, index) -> list:
        return [index, self.label, self.cases, self.people, self.settled, self.pending, self.overdue]


@dataclass
class MeetingData:
    unit: Unit
    period: Period
    day: dt.date  # the report's date: states are taken on it
    last: dt.date  # the last day counted: the period's end, or the report's date if earlier
    absorbed: list[Unit]
    units: list[UnitDays] = field(default_factory=list)
    regular: int = 0  # sessions held
    unscheduled: int = 0
    cancelled: int = 0
    unrecorded: int = 0  # still "on the schedule" although their day has passed
    case_rows: list[CaseRow] = field(default_factory=list)
    case_total: CaseRow = field(default_factory=lambda: CaseRow("Tổng cộng"))
    backlog: int = 0  # cases heard before the period, still pending on `day`
    backlog_overdue: int = 0
    dialogues: list[Dialogue] = field(default_factory=list)  # with `issue_count`, `answered_count`
    commitments: int = 0  # made at the period's conferences
    commitments_done: int = 0
    commitments_overdue: int = 0
    overdue: list[Commitment] = field(default_factory=list)  # every commitment overdue on `day`
    overdue_total: int = 0

    @property
    def sessions(self) -> int:
        return self.regular + self.unscheduled

    @property
    def days(self) -> int:
        return sum(u.days for u in self.units)

    @property
    def checked(self) -> list[UnitDays]:
        return [u for u in self.units if u.checked]

    @property
    def short(self) -> list[UnitDays]:
        return [u for u in self.units if u.short]

    @property
    def participants(self) -> int:
        return sum(d.participants or 0 for d in self.dialogues)

    @property
    def uncounted(self) -> int:
        """Conferences without the number of people taking part."""
        return sum(1 for d in self.dialogues if d.participants is None)

    @property
    def issues(self) -> int:
        return sum(d.issue_count for d in self.dialogues)

    @property
    def answered(self) -> int:
        return sum(d.answered_count for d in self.dialogues)

    @property
    def short_notice(self) -> list[Dialogue]:
        return [d for d in self.dialogues if d.notice_days is not None and d.notice_days < rules.NOTICE_DAYS]

    @property
    def no_notice(self) -> list[Dialogue]:
        return [d for d in self.dialogues if d.notice_on is None]

    @property
    def unpublished(self) -> list[Dialogue]:
        return [d for d in self.dialogues if not published_by(d, self.day)]


def published_by(dialogue: Dialogue, day: dt.date) -> bool:
    return dialogue.published_on is not None and dialogue.published_on <= day


def _pending_q(field_name: str, day: dt.date) -> Q:
    """Not done by `day`: no date yet, or a date after it (the report is dated earlier)."""
    return Q(**{f"{field_name}__isnull": True}) | Q(**{f"{field_name}__gt": day})


def meeting_data(user, unit: Unit, period: Period, day: dt.date, paths: Sequence[str] | None = None) -> MeetingData:
    """The figures of the report for `unit`'s area (`paths`: see reports.area_units) from the period's start to
    its end (or to `day`, if earlier), as the user may see them."""
    last = min(period.end, day)
    area, absorbed = area_units(unit, paths)
    area_ids = area.values("pk")
    data = MeetingData(unit=unit, period=period, day=day, last=last, absorbed=absorbed)

    # Sessions by unit, kind and status (one GROUP BY); the days held per unit and month against the rule.
    receptions = Reception.objects.restrict(user).filter(unit__in=area_ids, day__range=(period.start, last))
    held: dict[int, dict[str, int]] = {}
    for unit_id, kind, status, n in (
        receptions.order_by().values_list("unit_id", "kind", "status").annotate(n=Count("id"))
    ):
        if status == ReceptionStatus.HELD:
            held.setdefault(unit_id, {})[kind] = n
        elif status == ReceptionStatus.CANCELLED:
            data.cancelled += n
        else:
            data.unrecorded += n
    committees = Q(kind__tier__in=TIERS, pk__in=area.valid_during(period.start, last).values("pk"))
    units = (
        Unit.objects.restrict(user).filter(committees | Q(pk__in=list(held))).select_related("kind").order_by("path")
    )
    months = range(period.first, period.last + 1)
    for row in frequency(units, period.year, last):
        sessions = held.get(row.unit.pk, {})
        found = UnitDays(
            row.unit,
            regular=sessions.get(ReceptionKind.REGULAR, 0),
            unscheduled=sessions.get(ReceptionKind.UNSCHEDULED, 0),
            days=sum(row.held[m - 1] for m in months),
        )
        rules_ = [(m, row.held[m - 1], row.minimum[m - 1]) for m in months if row.minimum[m - 1] is not None]
        if rules_:
            found.required = sum(minimum for _, _, minimum in rules_)
            found.short = [(m, days, minimum) for m, days, minimum in rules_ if days < minimum]
        data.units.append(found)
        data.regular += found.regular
        data.unscheduled += found.unscheduled

    # Cases heard in the period by type, with their state on `day` (one GROUP BY).
    cases = ReceptionCase.objects.restrict(user).filter(
        reception__unit__in=area_ids, reception__status=ReceptionStatus.HELD
    )
    pending = _pending_q("settled_on", day)
    counts = {
        case_type: (n, people or 0, settled, overdue)
        for case_type, n, people, settled, overdue in cases.filter(reception__day__range=(period.start, last))
        .order_by()
        .values_list("case_type")
        .annotate(
            n=Count("id"),
            people=Sum("people"),
            settled=Count("id", filter=~Q(pending)),
            overdue=Count("id", filter=pending & Q(deadline__lt=day)),
        )
        .values_list("case_type", "n", "people", "settled", "overdue")
    }
    data.case_rows = [CaseRow(label, *counts.get(value, (0, 0, 0, 0))) for value, label in CaseType.choices]
    total = data.case_total
    for row in data.case_rows:
        total.cases, total.people = total.cases + row.cases, total.people + row.people
        total.settled, total.overdue = total.settled + row.settled, total.overdue + row.overdue
    backlog = cases.filter(pending, reception__day__lt=period.start).aggregate(
        n=Count("id"), overdue=Count("id", filter=Q(deadline__lt=day))
    )
    data.backlog, data.backlog_overdue = backlog["n"], backlog["overdue"]

    # Conferences held in the period, with the issues raised and answered there.
    dialogues = Dialogue.objects.restrict(user).filter(unit__in=area_ids, day__range=(period.start, last))
    data.dialogues = list(
        dialogues.select_related("unit")
        .annotate(issue_count=Count("issues"), answered_count=Count("issues", filter=Q(issues__answer__gt="")))
        .order_by("day", "id")
    )

    # Commitments made at them, and every commitment of the area overdue on `day`.
    open_ = _pending_q("done_on", day)
    made = Commitment.objects.restrict(user).filter(dialogue__in=dialogues.values("pk"))
    figures = made.aggregate(
        n=Count("id"), done=Count("id", filter=~Q(open_)), overdue=Count("id", filter=open_ & Q(deadline__lt=day))
    )
    data.commitments, data.commitments_done = figures["n"], figures["done"]
    data.commitments_overdue = figures["overdue"]
    late = Commitment.objects.restrict(user).filter(open_, dialogue__unit__in=area_ids, deadline__lt=day)
    data.overdue_total = late.count()
    data.overdue = list(late.select_related("dialogue__unit").order_by("deadline", "id")[:OVERDUE_LIMIT])
    return data


# --- Words ----------------------------------------------------------------------------------------


def _in_area(unit: Unit) -> str:
    area = area_name(unit)
    return f"trên địa bàn {area}" if area != " ".join(unit.name.split()) else f"của {unit.name}"


def _capital(text: str) -> str:
    return text[:1].upper() + text[1:]


def _named(items: list[str], noun: str) -> str:
    """ "A, B và C"; past NAMED_LIMIT: "A, B, … và 12 {noun} khác"."""
    if len(items) <= NAMED_LIMIT:
        return join_names(items)
    rest = len(items) - NAMED_LIMIT
    return f"{', '.join(items[:NAMED_LIMIT])} và {format_number(rest)} {noun} khác"


def _conference(dialogue: Dialogue) -> str:
    """ "Đảng ủy xã Long Thuận ngày 5/3/2026"."""
    return f"{dialogue.unit.name} ngày {text_date(dialogue.day)}"


def _shortfall(unit_days: UnitDays) -> str:
    """ "tháng 1 (0/2), tháng 3 (1/2)": days held / the minimum, for each month that fell short."""
    return ", ".join(f"tháng {m} ({held}/{minimum})" for m, held, minimum in unit_days.short)


def _minimums(data: MeetingData) -> str:
    """The rule for the tiers checked in the period: "cấp tỉnh 1 ngày, cấp xã 2 ngày (từ 1/7/2025)"."""
    tiers = {u.unit.kind.tier for u in data.checked}
    parts = []
    for tier, days, start, end in rules.RECEPTION_MINIMUMS:
        if tier not in tiers or (start and start > data.last) or (end and end < data.period.start):
            continue
        when = ""
        if start and start > data.period.start:
            when = f" (từ {text_date(start)})"
        elif end and end < data.last:
            when = f" (đến {text_date(end)})"
        parts.append(f"{Tier(tier).label.lower()} {days} ngày{when}")
    return ", ".join(parts)


def _sessions_sentence(data: MeetingData, scope: str) -> str:
    when = f"Trong {data.period.label}"
    if not data.sessions:
        text = f"{when}, {scope} chưa tổ chức buổi tiếp công dân nào của người đứng đầu cấp ủy"
    else:
        kinds = []
        if data.regular:
            kinds.append(f"{format_number(data.regular)} buổi định kỳ")
        if data.unscheduled:
            kinds.append(f"{format_number(data.unscheduled)} buổi đột xuất")
        who = f"{data.units[0].unit.name}" if len(data.units) == 1 else f"cấp ủy các cấp trong {scope}"
        text = (
            f"{when}, người đứng đầu {who} đã tiếp công dân {format_number(data.sessions)} buổi "
            f"({', '.join(kinds)}) trong {format_number(data.days)} ngày"
        )
    others = []
    if data.cancelled:
        others.append(f"{format_number(data.cancelled)} buổi theo lịch bị hoãn, hủy")
    if data.unrecorded:
        others.append(f"{format_number(data.unrecorded)} buổi theo lịch chưa cập nhật kết quả")
    return f"{text}; {', '.join(others)}." if others else f"{text}."


def _rule_sentence(data: MeetingData) -> str:
    """The units and months short of the monthly minimum, or why nothing was checked."""
    checked = data.checked
    if not checked:
        if data.last < data.period.end:
            return (
                f"{_capital(data.period.label)} chưa kết thúc nên chưa đối chiếu số ngày tiếp công dân với mức "
                "tối thiểu hằng tháng theo quy định."
            )
        return "Trong kỳ không có đơn vị thuộc diện áp dụng số ngày tiếp công dân tối thiểu hằng tháng."
    lead = f"Đối chiếu với số ngày tiếp công dân tối thiểu mỗi tháng theo quy định ({_minimums(data)})"
    short = data.short
    if len(data.units) == 1:
        name = data.units[0].unit.name
        if not short:
            return f"{lead}, {name} đã tổ chức đủ số ngày tiếp công dân trong các tháng đã kết thúc của kỳ."
        return (
            f"{lead}, {name} chưa tổ chức đủ số ngày tiếp công dân (số ngày đã tiếp/số ngày tối thiểu): "
            f"{_shortfall(short[0])}."
        )
    if not short:
        return f"{lead}, {format_number(len(checked))}/{format_number(len(checked))} đơn vị đã tổ chức đủ."
    named = "; ".join(f"{u.unit.name} {_shortfall(u)}" for u in short[:NAMED_LIMIT])
    if len(short) > NAMED_LIMIT:
        named += f"; {format_number(len(short) - NAMED_LIMIT)} đơn vị khác (chi tiết tại phụ lục)"
    return (
        f"{lead}, {format_number(len(checked) - len(short))}/{format_number(len(checked))} đơn vị đã tổ chức đủ; "
        f"{format_number(len(short))} đơn vị chưa đủ (số ngày đã tiếp/số ngày tối thiểu): {named}."
    )


def _unit_table(data: MeetingData) -> Table:
    columns = [
        Column("STT", 12),
        Column("Đơn vị"),
        Column("Buổi tiếp định kỳ", 18),
        Column("Buổi tiếp đột xuất", 18),
        Column("Số ngày đã tiếp", 18),
        Column("Số ngày tối thiểu", 19),
        Column("Tháng chưa đạt", 21, align="center"),
    ]
    rows = []
    for i, u in enumerate(data.units, start=1):
        months = ", ".join(str(m) for m, _, _ in u.short) if u.short else ("Không" if u.checked else "–")
        rows.append([i, u.unit.name, u.regular, u.unscheduled, u.days, u.required if u.checked else "–", months])
    required = sum(u.required for u in data.checked) if data.checked else "–"
    short = f"{format_number(len(data.short))} đơn vị" if data.short else ""
    totals = ["", "Tổng cộng", data.regular, data.unscheduled, data.days, required, short]
    bold = frozenset(i for i, u in enumerate(data.units) if u.short)
    return Table(columns, rows, totals_row=totals, font_size=11, bold_rows=bold)


def _unit_note(data: MeetingData) -> Paragraph:
    return Paragraph(
        "Số ngày tối thiểu cộng mức tối thiểu của các tháng đã kết thúc mà đơn vị thuộc diện áp dụng; "
        "dòng in đậm: đơn vị có tháng chưa tổ chức đủ số ngày tiếp công dân.",
        italic=True,
        indent=False,
    )


def _case_blocks(data: MeetingData) -> list:
    total = data.case_total
    blocks: list = []
    if not total.cases:
        blocks.append(Paragraph("Trong kỳ, qua tiếp công dân không tiếp nhận vụ việc nào."))
    else:
        kinds = [f"{format_number(row.cases)} {row.label.lower()}" for row in data.case_rows if row.cases]
        blocks.append(
            Paragraph(
                f"Qua tiếp công dân đã tiếp nhận {format_number(total.cases)} vụ việc với "
                f"{format_number(total.people)} lượt người, gồm {join_names(kinds)}."
            )
        )
        blocks.append(
            Table(
                [
                    Column("STT", 12),
                    Column("Loại vụ việc"),
                    Column("Số vụ việc", 20),
                    Column("Số người", 20),
                    Column("Đã giải quyết", 22),
                    Column("Đang giải quyết", 22),
                    Column("Trong đó quá hạn", 22),
                ],
                [row.cells(i) for i, row in enumerate(data.case_rows, start=1)],
                totals_row=total.cells(""),
            )
        )
        status = f"Đến ngày {text_date(data.day)}, "
        if not total.pending:
            status += "các vụ việc tiếp nhận trong kỳ đều đã được giải quyết xong."
        else:
            status += (
                f"đã giải quyết xong {format_number(total.settled)} vụ việc "
                f"({format_percent(total.settled, total.cases)}); đang giải quyết {format_number(total.pending)} "
                "vụ việc, "
            )
            status += (
                f"trong đó {format_number(total.overdue)} vụ việc quá hạn giải quyết."
                if total.overdue
                else "chưa có vụ việc nào quá hạn giải quyết."
            )
        blocks.append(Paragraph(status))
    if data.backlog:
        text = (
            f"Ngoài ra, đến ngày {text_date(data.day)} còn {format_number(data.backlog)} vụ việc tiếp nhận trước kỳ "
            "báo cáo chưa giải quyết xong"
        )
        text += f", trong đó {format_number(data.backlog_overdue)} vụ việc quá hạn." if data.backlog_overdue else "."
        blocks.append(Paragraph(text))
    return blocks


def _dialogue_blocks(data: MeetingData, scope: str) -> list[Paragraph]:
    when = f"Trong {data.period.label}"
    held = len(data.dialogues)
    if not held:
        return [Paragraph(f"{when}, {scope} không tổ chức hội nghị đối thoại với nhân dân.")]
    roles = []
    for value, label in HostRole.choices:
        n = sum(1 for d in data.dialogues if d.host_role == value)
        if n:
            roles.append((n, label[:1].lower() + label[1:]))
    if len(roles) == 1:
        hosts = f"do {roles[0][1]} chủ trì"
    else:
        hosts = ", ".join(f"{format_number(n)} hội nghị do {label} chủ trì" for n, label in roles)
    text = f"{when}, {scope} tổ chức {format_number(held)} hội nghị đối thoại với nhân dân ({hosts})"
    if data.participants:
        text += f" với {format_number(data.participants)} lượt người dân tham dự"
        if data.uncounted:
            text += f" ({format_number(data.uncounted)} hội nghị chưa ghi số người tham dự)"
    if data.issues:
        text += f"; nhân dân nêu {format_number(data.issues)} ý kiến, kiến nghị"
        text += (
            f", trong đó {format_number(data.answered)} ý kiến được trả lời trực tiếp tại hội nghị."
            if data.answered
            else ", chưa có ý kiến nào được trả lời trực tiếp tại hội nghị."
        )
    else:
        text += "; chưa ghi nhận ý kiến, kiến nghị nào của nhân dân tại hội nghị."
    blocks = [Paragraph(text)]

    short, missing = data.short_notice, data.no_notice
    if not short and not missing:
        notice = f"Các hội nghị đều thông báo cho nhân dân trước ít nhất {rules.NOTICE_DAYS} ngày."
    else:
        parts = []
        on_time = held - len(short) - len(missing)
        if on_time:
            parts.append(f"{format_number(on_time)} hội nghị thông báo trước từ {rules.NOTICE_DAYS} ngày trở lên")
        if short:
            named = "; ".join(f"{_conference(d)}, trước {d.notice_days} ngày" for d in short[:NAMED_LIMIT])
            if len(short) > NAMED_LIMIT:
                named += f"; {format_number(len(short) - NAMED_LIMIT)} hội nghị khác"
            parts.append(
                f"{format_number(len(short))} hội nghị thông báo trước dưới {rules.NOTICE_DAYS} ngày ({named})"
            )
        if missing:
            named = [_conference(d) for d in missing]
            parts.append(
                f"{format_number(len(missing))} hội nghị chưa ghi ngày thông báo ({_named(named, 'hội nghị')})"
            )
        notice = f"Về thông báo cho nhân dân trước hội nghị: {'; '.join(parts)}."
    blocks.append(Paragraph(notice))

    unpublished = data.unpublished
    status = f"Đến ngày {text_date(data.day)}, "
    if not unpublished:
        status += "các hội nghị đều đã công khai kết quả đối thoại."
    else:
        named = _named([_conference(d) for d in unpublished], "hội nghị")
        if len(unpublished) == held:
            status += f"các hội nghị chưa công khai kết quả đối thoại ({named})."
        else:
            status += (
                f"{format_number(held - len(unpublished))} hội nghị đã công khai kết quả đối thoại; "
                f"{format_number(len(unpublished))} hội nghị chưa công khai ({named})."
            )
    blocks.append(Paragraph(status))
    return blocks


def _commitment_blocks(data: MeetingData, scope: str) -> list:
    blocks: list = []
    if data.dialogues:
        if not data.commitments:
            blocks.append(Paragraph("Tại các hội nghị đối thoại trong kỳ không có nội dung cam kết nào."))
        else:
            done, n = data.commitments_done, data.commitments
            text = (
                f"Tại các hội nghị đối thoại trong kỳ, người chủ trì đã cam kết giải quyết {format_number(n)} nội "
                f"dung; đến ngày {text_date(data.day)} đã thực hiện xong {format_number(done)} nội dung "
                f"({format_percent(done, n)})"
            )
            if n > done:
                text += f", đang thực hiện {format_number(n - done)} nội dung"
                text += (
                    f", trong đó {format_number(data.commitments_overdue)} nội dung quá hạn."
                    if data.commitments_overdue
                    else ", chưa có nội dung nào quá hạn."
                )
            else:
                text += "."
            blocks.append(Paragraph(text))
    if not data.overdue_total:
        blocks.append(
            Paragraph(f"Đến ngày {text_date(data.day)}, {scope} không có cam kết nào quá hạn chưa thực hiện.")
        )
        return blocks
    earlier = any(c.dialogue.day < data.period.start for c in data.overdue)
    text = (
        f"Đến ngày {text_date(data.day)}, {scope} còn {format_number(data.overdue_total)} cam kết quá hạn chưa "
        "thực hiện xong"
    )
    text += ", gồm cả cam kết tại các hội nghị đối thoại trước kỳ báo cáo:" if earlier else ":"
    blocks.append(Paragraph(text))
    blocks.append(
        Table(
            [
                Column("STT", 12),
                Column("Nội dung cam kết"),
                Column("Hội nghị đối thoại", 32),
                Column("Cơ quan thực hiện", 30),
                Column("Hạn thực hiện", 23, align="center"),
                Column("Số ngày quá hạn", 18),
            ],
            [
                [
                    i,
                    safe(c.content),
                    f"{c.dialogue.unit.name}, {text_date(c.dialogue.day)}",
                    safe(c.responsible),
                    text_date(c.deadline),
                    (data.day - c.deadline).days,
                ]
                for i, c in enumerate(data.overdue, start=1)
            ],
            font_size=11,
        )
    )
    if data.overdue_total > len(data.overdue):
        rest = data.overdue_total - len(data.overdue)
        blocks.append(Paragraph(f"Và {format_number(rest)} cam kết quá hạn khác."))
    return blocks


# --- Document -------------------------------------------------------------------------------------


def summary(period: Period) -> str:
    return f"Kết quả công tác tiếp công dân, đối thoại với nhân dân {period.label}"


def meeting_document(data: MeetingData, assessment: str = "", proposals: str = "") -> Document:
    """ "BÁO CÁO Kết quả công tác tiếp công dân, đối thoại với nhân dân quý I năm 2026" from `meeting_data`."""
    unit, period, day = data.unit, data.period, data.day
    issuer = scope_issuer(unit, day)
    scope = scope_word(unit)
    intro = (
        "Thực hiện Quy định số 11-QĐi/TW của Bộ Chính trị về trách nhiệm của người đứng đầu cấp ủy trong việc "
        "tiếp dân, đối thoại trực tiếp với dân và xử lý những phản ánh, kiến nghị của dân, "
        f"{body_name(issuer)} báo cáo kết quả công tác tiếp công dân, đối thoại với nhân dân {period.label} "
        f"{_in_area(unit)} (số liệu tính từ ngày {text_date(period.start)} đến ngày {text_date(data.last)}) như sau:"
    )
    blocks: list = [Paragraph(intro)]
    if data.absorbed:
        blocks.append(Paragraph(scope_sentence(scope, [u.name for u in data.absorbed]), italic=True))
    blocks += [
        Heading("I. KẾT QUẢ TIẾP CÔNG DÂN", 1),
        Heading("1. Việc tiếp công dân của người đứng đầu cấp ủy", 2),
        Paragraph(_sessions_sentence(data, scope)),
        Paragraph(_rule_sentence(data)),
    ]
    annexes = []
    if len(data.units) > 1:
        if len(data.units) <= UNIT_TABLE_LIMIT:
            blocks += [_unit_table(data), _unit_note(data)]
        else:
            blocks.append(Paragraph("Số buổi, số ngày tiếp công dân của từng đơn vị tại phụ lục kèm theo."))
            annexes.append(data)
    blocks += [
        Heading("2. Tiếp nhận và giải quyết vụ việc", 2),
        *_case_blocks(data),
        Heading("II. KẾT QUẢ ĐỐI THOẠI VỚI NHÂN DÂN", 1),
        Heading("1. Tổ chức hội nghị đối thoại", 2),
        *_dialogue_blocks(data, scope),
        Heading("2. Thực hiện cam kết tại hội nghị đối thoại", 2),
        *_commitment_blocks(data, scope),
        Heading("III. ĐÁNH GIÁ CHUNG", 1),
        *clerk_paragraphs(assessment, ASSESSMENT_HINT),
        Heading("IV. ĐỀ XUẤT, KIẾN NGHỊ", 1),
        *clerk_paragraphs(proposals, PROPOSALS_HINT),
    ]
    document = compose(
        doc_choices.REPORT, issuer.unit, day, summary(period), blocks, addressees_for(PURPOSE, issuer, day),
        issuer=issuer,
    )  # fmt: skip
    if annexes:
        bare = document.number_text.split(" ", 1)[1]  # without "Số "
        document.annexes = [
            Annex(
                f"SỐ BUỔI, SỐ NGÀY TIẾP CÔNG DÂN CỦA NGƯỜI ĐỨNG ĐẦU CẤP ỦY {period.label.upper()}",
                f"(Kèm theo Báo cáo số {bare}, {header_date(day)} của {body_name(issuer)})",
                _unit_table(data),
                [_unit_note(data)],
            )
        ]
    return document
