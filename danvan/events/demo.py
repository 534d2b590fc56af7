"""Demo contests and conferences for Tây Ninh, 2021–2026.

Contests: the province's Hội thi “Dân vận khéo” in 2022 (the districts' teams and the province's blocs)
and in 2025 (the new communes' teams after the reform, and the blocs), both announced, the 2025 first prize
linked to the Giấy khen its commune received in January 2026 when the awards demo holds one; Bến Cầu's
contest of propagandists in 2023 with its communes' teams, announced; the province's writing contest of this
year, running (its first round scored, the final half done). Conferences: the commission's yearly “Hội
nghị tổng kết công tác dân vận” on 15 January 2021–2026 with the districts (the Front and the mass
organizations after the reform) attending and the award decisions of that day presented, next January's on
the schedule; seminars and quarterly briefings; Bến Cầu's yearly conferences until 2025 and Long Thuận's
since the reform. Every row passes `rules.py`; written in bulk with the change log; idempotent (nothing is
added once the commission has a conference).
"""

from __future__ import annotations

import datetime as dt
import random
from decimal import Decimal

from django.contrib.contenttypes.models import ContentType
from django.utils import timezone

from danvan.awards.choices import DecisionStatus, RecipientKind
from danvan.awards.models import Decision, Recipient
from danvan.core import changelog
from danvan.core.models import WorkflowStep
from danvan.core.services import raise_errors
from danvan.events import rules
from danvan.events.choices import ContestState
from danvan.events.models import (
    Attendance,
    Conference,
    ConferenceKind,
    Contest,
    ContestKind,
    Entry,
    PresentedAward,
    Prize,
    PrizeKind,
    Round,
    Score,
)
from danvan.events.seed import seed_config
from danvan.org.models import Unit

D = dt.date
SEED = 2214
REFORM = D(2025, 7, 1)
CHAIRS_OLD = "Đồng chí Lê Minh Thế, Ủy viên Ban Thường vụ Tỉnh ủy, Trưởng Ban Dân vận Tỉnh ủy"
CHAIRS_NEW = "Đồng chí Nguyễn Thành Tâm, Ủy viên Ban Thường vụ Tỉnh ủy, Trưởng Ban Tuyên giáo và Dân vận Tỉnh ủy"
DEPUTY = "Đồng chí Nguyễn Văn Hợp, Phó Bí thư Tỉnh ủy, Chủ tịch Ủy ban MTTQ Việt Nam tỉnh"
PROVINCE_CODES = ["T80-MTTQ", "T80-HND", "T80-HLHPN", "T80-TD", "T80-LDLD", "T80-HCCB", "T80-CA", "T80-BCHQS",
                  "T80-BDBP"]  # fmt: skip


def _units(codes) -> list[Unit]:
    found = {u.code: u for u in Unit.objects.filter(code__in=codes).select_related("kind", "parent", "bloc")}
    return [found[c] for c in codes if c in found]


def _districts(province: Unit, day: dt.date) -> list[Unit]:
    return list(
        Unit.objects.filter(parent=province, kind__tier="district")
        .valid_on(day)
        .select_related("bloc")
        .order_by("code")
    )


def _communes(parent: Unit, day: dt.date, limit: int, rng: random.Random) -> list[Unit]:
    units = list(Unit.objects.subtree(parent).filter(kind__tier="commune").valid_on(day).order_by("code"))
    return sorted(rng.sample(units, min(limit, len(units))), key=lambda u: u.code)


class Writer:
    """Collects the rows, checks each with the rules, writes them in bulk with their change log."""

    def __init__(self) -> None:
        self.rng = random.Random(SEED)
        self.kinds = {k.code: k for k in ContestKind.objects.all()}
        self.conference_kinds = {k.code: k for k in ConferenceKind.objects.all()}
        self.prize_kinds = {k.code: k for k in PrizeKind.objects.all()}
        self.steps: list[WorkflowStep] = []

    # --- contests --------------------------------------------------------------------------------

    def contest(self, unit, kind, name, edition, start, end, place, rounds, teams, prizes, state, final_share=1.0):
        contest = Contest(unit=unit, kind=self.kinds[kind], name=name, edition=edition, start_date=start,
                          end_date=end, place=place, state=state,
                          description="Thể lệ theo kế hoạch của Ban Tổ chức; mỗi đội gồm 5 thành viên, thi "
                                      "chào hỏi, kiến thức và tiểu phẩm về mô hình “Dân vận khéo”.")  # fmt: skip
        raise_errors(rules.contest_errors(contest))
        contest.save()
        made_rounds = []
        for order, (round_name, day, top) in enumerate(rounds, start=1):
            round_ = Round(contest=contest, order=order, name=round_name, day=day, max_score=Decimal(top))
            raise_errors(rules.round_errors(round_, contest, made_rounds))
            made_rounds.append(round_)
        Round.objects.bulk_create(made_rounds)
        entries = []
        for unit_, title, members in teams:
            entry = Entry(contest=contest, unit=unit_, title=title, members=members)
            raise_errors(rules.entry_errors(entry, contest, entries))
            entries.append(entry)
        Entry.objects.bulk_create(entries)
        scores = []
        for index, round_ in enumerate(made_rounds):
            share = final_share if index == len(made_rounds) - 1 else 1.0
            for entry in entries[: round(len(entries) * share)]:
                value = Decimal(self.rng.randint(int(round_.max_score) * 70, int(round_.max_score) * 97)) / 100
                value = (value * 4).quantize(Decimal(1)) / 4  # juries mark in quarters
                raise_errors(rules.score_errors(value, round_))
                scores.append(Score(entry=entry, round=round_, score=value))
        Score.objects.bulk_create(scores)
        prize_rows = self.prizes(contest, entries, scores, prizes)
        changelog.bulk_log(
            (obj, "create", None, changelog.snapshot(obj)) for obj in [*made_rounds, *entries, *scores, *prize_rows]
        )
        if state != ContestState.PREPARING:
            self.step(contest, "start", "Bắt đầu thi", ContestState.PREPARING, ContestState.RUNNING, start)
        if state == ContestState.ANNOUNCED:
            self.step(contest, "announce", "Công bố kết quả", ContestState.RUNNING, ContestState.ANNOUNCED, end)
        return contest

    def prizes(self, contest, entries, scores, prizes) -> list[Prize]:
        totals = {e.pk: Decimal(0) for e in entries}
        for score in scores:
            totals[score.entry.pk] += score.score
        ranked = sorted(entries, key=lambda e: (-totals[e.pk], e.pk))
        rows, at = [], 0
        for code, count, award in prizes:
            for entry in ranked[at : at + count]:
                prize = Prize(contest=contest, entry=entry, kind=self.prize_kinds[code], award=award(entry))
                raise_errors(rules.prize_errors(prize, contest, timezone.localdate()))
                rows.append(prize)
            at += count
        Prize.objects.bulk_create(rows)
        return rows

    def step(self, obj, action, label, source, target, day) -> None:
        when = timezone.make_aware(dt.datetime.combine(day, dt.time(16, 30)))
        self.steps.append(
            WorkflowStep(content_type=ContentType.objects.get_for_model(obj), object_id=str(obj.pk),
                         unit_id=obj.unit_id, action=action, action_label=label, from_state=source, to_state=target,
                         actor_name="Hệ thống", timestamp=when)
        )  # fmt: skip

    # --- conferences -----------------------------------------------------------------------------

    def conference(self, unit, kind, title, day, place, chairs, attendees, attending=(), documents="",
                   conclusions="", decisions=()):  # fmt: skip
        conference = Conference(
            unit=unit,
            kind=self.conference_kinds[kind],
            title=title,
            date=day,
            place=place,
            chairs=chairs,
            attendees=attendees,
            documents=documents,
            conclusions=conclusions,
        )
        raise_errors(rules.conference_errors(conference, attending, decisions))
        conference.save()
        rows = [Attendance(conference=conference, unit=u) for u in attending]
        rows += [PresentedAward(conference=conference, decision=d) for d in decisions]
        Attendance.objects.bulk_create([r for r in rows if isinstance(r, Attendance)])
        PresentedAward.objects.bulk_create([r for r in rows if isinstance(r, PresentedAward)])
        changelog.bulk_log((r, "create", None, changelog.snapshot(r)) for r in rows)
        return conference

    def finish(self) -> None:
        WorkflowStep.objects.bulk_create(self.steps)


def _team(unit: Unit) -> tuple[Unit, str, str]:
    short = unit.short_name or unit.name
    return unit, f"Đội {short}", "Trưởng đoàn và 4 thành viên là cán bộ dân vận, đoàn thể, người có uy tín"


def _awarded_unit(day_from: dt.date):
    """Award recipients (collectives) of issued decisions from `day_from`, by unit: a prize may cite one."""
    recipients = (
        Recipient.objects.filter(
            kind=RecipientKind.COLLECTIVE, decision__status=DecisionStatus.ISSUED, decision__date__gte=day_from
        )
        .select_related("unit", "decision")
        .order_by("decision__date", "id")
    )
    found: dict[int, Recipient] = {}
    for recipient in recipients:
        found.setdefault(recipient.unit_id, recipient)
    return found


def _contests(ctx, writer: Writer) -> int:
    province, today, rng = ctx.province, timezone.localdate(), writer.rng
    blocs = _units(["T80-MTTQ", "T80-HLHPN", "T80-TD", "T80-CA", "T80-BCHQS"])
    count = 0
    # 2022: the districts of the old province and the blocs.
    start = D(2022, 8, 23)
    teams = [_team(u) for u in _districts(province, start)] + [_team(u) for u in blocs]
    writer.contest(ctx.commission_old, "dan-van-kheo", "Hội thi “Dân vận khéo” tỉnh Tây Ninh", "lần thứ I", start,
                   D(2022, 8, 25), "Hội trường Tỉnh ủy Tây Ninh",
                   [("Vòng sơ khảo", D(2022, 8, 23), 100), ("Vòng chung khảo", D(2022, 8, 25), 100)], teams,
                   [("nhat", 1, lambda e: None), ("nhi", 2, lambda e: None), ("ba", 3, lambda e: None),
                    ("khuyen-khich", 4, lambda e: None)], ContestState.ANNOUNCED)  # fmt: skip
    count += 1
    # 2023: Bến Cầu's propagandists, its communes.
    start = D(2023, 5, 16)
    communes = _communes(ctx.district, start, 9, rng)
    if len(communes) >= 2:
        teams = [(u, f"Đội tuyên truyền {u.short_name or u.name}", "3 tuyên truyền viên") for u in communes]
        writer.contest(ctx.district, "tuyen-truyen", "Hội thi tuyên truyền viên giỏi về công tác dân vận huyện Bến Cầu",
                       "", start, start, "Trung tâm Văn hóa huyện Bến Cầu", [("Vòng chung kết", start, 100)], teams,
                       [("nhat", 1, lambda e: None), ("nhi", 1, lambda e: None), ("ba", 2, lambda e: None)],
                       ContestState.ANNOUNCED)  # fmt: skip
        count += 1
    # 2025: after the reform, the new communes and the blocs; the first prize cites its commune's Giấy khen.
    start = D(2025, 10, 14)
    awarded = _awarded_unit(start)
    communes = _communes(province, start, 14, rng)
    cited = [u for u in Unit.objects.filter(pk__in=list(awarded)).valid_on(start) if u.kind.tier == "commune"]
    for unit in cited[:1]:
        if unit not in communes:
            communes = [unit, *communes[:-1]]
    teams = [_team(u) for u in communes] + [_team(u) for u in blocs]
    first = cited[0] if cited else None
    writer.contest(ctx.commission, "dan-van-kheo", "Hội thi “Dân vận khéo” tỉnh Tây Ninh", "lần thứ II", start,
                   D(2025, 10, 17), "Nhà Văn hóa Thanh niên tỉnh Tây Ninh",
                   [("Vòng sơ khảo", D(2025, 10, 14), 100), ("Vòng bán kết", D(2025, 10, 15), 100),
                    ("Vòng chung khảo", D(2025, 10, 17), 100)], teams,
                   [("nhat", 1, lambda e: awarded.get(e.unit_id) if e.unit == first else None),
                    ("nhi", 2, lambda e: None), ("ba", 3, lambda e: None), ("khuyen-khich", 5, lambda e: None),
                    ], ContestState.ANNOUNCED)  # fmt: skip
    count += 1
    # This year: a writing contest, running; the final half marked.
    start, end = today - dt.timedelta(days=75), today + dt.timedelta(days=10)
    communes = _communes(province, start, 18, rng)
    teams = [(u, f"Bài viết “Dân vận khéo ở {u.short_name or u.name}”", "Tác giả: cán bộ, công chức xã")
             for u in communes]  # fmt: skip
    writer.contest(ctx.commission, "cuoc-thi-viet", f"Cuộc thi viết về gương “Dân vận khéo” năm {today.year}", "",
                   start, end, "", [("Vòng sơ khảo", start + dt.timedelta(days=45), 50),
                                    ("Vòng chung khảo", None, 100)], teams, [], ContestState.RUNNING,
                   final_share=0.5)  # fmt: skip
    return count + 1


def _conferences(ctx, writer: Writer) -> int:
    province, today = ctx.province, timezone.localdate()
    count = 0
    decisions = {}
    for decision in Decision.objects.filter(status=DecisionStatus.ISSUED, unit__in=Unit.objects.subtree(province)):
        decisions.setdefault(decision.date, []).append(decision)
    for year in range(2020, 2026):
        day = D(year + 1, 1, 15)
        old = day < D(2025, 3, 1)
        organizer = ctx.commission_old if old else ctx.commission
        attending = _districts(province, day) + _units(PROVINCE_CODES)
        writer.conference(
            organizer, "tong-ket", f"Hội nghị tổng kết công tác dân vận năm {year}, triển khai nhiệm vụ năm {year + 1}",
            day, "Hội trường Tỉnh ủy Tây Ninh", f"{CHAIRS_OLD if old else CHAIRS_NEW}; {DEPUTY}",
            180 + (year - 2020) * 12, attending,
            documents=f"Báo cáo tổng kết công tác dân vận năm {year}, phương hướng, nhiệm vụ năm {year + 1}\n"
                      f"Chương trình công tác dân vận năm {year + 1}\n"
                      f"Chương trình phối hợp công tác dân vận với Ủy ban nhân dân tỉnh năm {year + 1}",
            conclusions=f"Hội nghị thống nhất đánh giá công tác dân vận năm {year} đạt nhiều kết quả; phong trào thi "
                        f"đua “Dân vận khéo” tiếp tục lan tỏa. Năm {year + 1}, tập trung nắm chắc tình hình nhân "
                        "dân, phát huy vai trò của Mặt trận và các đoàn thể, nhân rộng các mô hình hiệu quả.",
            decisions=[d for d in decisions.get(day, []) if rules.presented_errors(d, day) == []],
        )  # fmt: skip
        count += 1
    next_day = D(today.year + (1 if today >= D(today.year, 1, 15) else 0), 1, 15)
    writer.conference(ctx.commission, "tong-ket",
                      f"Hội nghị tổng kết công tác dân vận năm {next_day.year - 1}, triển khai nhiệm vụ năm "
                      f"{next_day.year}", next_day, "Hội trường Tỉnh ủy Tây Ninh", CHAIRS_NEW, None,
                      _units(PROVINCE_CODES))  # fmt: skip
    count += 1
    seminars = [
        (D(2022, 10, 12), ctx.commission_old, "Tọa đàm “Phát huy vai trò người có uy tín trong đồng bào dân tộc, tôn "
         "giáo tham gia xây dựng khu dân cư”", 65),
        (D(2024, 8, 20), ctx.commission_old, "Tọa đàm “Công tác dân vận trong xây dựng nông thôn mới kiểu mẫu”", 70),
        (D(2025, 9, 25), ctx.commission, "Hội thảo “Công tác dân vận trong vận hành chính quyền địa phương hai cấp”",
         120),
    ]  # fmt: skip
    for day, unit, title, people in seminars:
        kind = "hoi-thao" if title.startswith("Hội thảo") else "toa-dam"
        writer.conference(unit, kind, title, day, "Hội trường Ban", CHAIRS_OLD if day < D(2025, 3, 1) else CHAIRS_NEW,
                          people, _units(["T80-MTTQ", "T80-HND", "T80-HLHPN"]),
                          conclusions="Các ý kiến tham luận được tổng hợp, kiến nghị Ban Thường vụ Tỉnh ủy.")  # fmt: skip
        count += 1
    for year in (2025, 2026):
        for quarter in range(1, 5):
            day = D(year, 3 * quarter, 25)
            if day > today:
                continue
            unit = ctx.commission_old if day < D(2025, 3, 1) else ctx.commission
            writer.conference(unit, "giao-ban", f"Hội nghị giao ban công tác dân vận quý {('I', 'II', 'III', 'IV')[quarter - 1]} "
                              f"năm {year}", day, "Phòng họp Ban", CHAIRS_NEW if day >= D(2025, 3, 1) else CHAIRS_OLD,
                              35, _units(["T80-MTTQ", "T80-CA", "T80-BCHQS"]))  # fmt: skip
            count += 1
    # Bến Cầu until the reform; Long Thuận since.
    for year in range(2020, 2025):
        day = D(year + 1, 1, 10)
        if not ctx.district.is_valid_on(day):
            continue
        writer.conference(ctx.district, "tong-ket", f"Hội nghị tổng kết công tác dân vận năm {year} huyện Bến Cầu", day,
                          "Hội trường Huyện ủy Bến Cầu", "Đồng chí Trần Văn Bình, Phó Bí thư Thường trực Huyện ủy", 90,
                          _communes(ctx.district, day, 9, writer.rng))  # fmt: skip
        count += 1
    for day, kind, title in [
        (D(2025, 12, 22), "so-ket", "Hội nghị sơ kết 6 tháng thực hiện công tác dân vận sau sắp xếp đơn vị hành chính"),
        (D(2026, 7, 10), "bieu-duong", "Hội nghị biểu dương điển hình “Dân vận khéo” xã Long Thuận năm 2026"),
    ]:
        if day <= today and ctx.commune.is_valid_on(day):
            writer.conference(ctx.commune, kind, title, day, "Hội trường Đảng ủy xã Long Thuận",
                              "Đồng chí Lê Thị Mai, Phó Bí thư Đảng ủy xã", 60)  # fmt: skip
            count += 1
    return count


def load(ctx) -> list[str]:
    seed_config(ContestKind, ConferenceKind, PrizeKind)
    if Conference.objects.filter(unit__in=[ctx.commission_old, ctx.commission]).exists():
        return ["Hội thi, hội nghị: đã có dữ liệu minh họa."]
    writer = Writer()
    contests = _contests(ctx, writer)
    conferences = _conferences(ctx, writer)
    writer.finish()
    return [f"Hội thi, hội nghị: {contests} hội thi, {conferences} hội nghị, tọa đàm."]
