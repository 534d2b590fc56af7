"""Demo commendations of Tây Ninh, 2019–2026: proposals from the districts (then, after the 2025 reform,
the communes), the UBND's Bằng khen and the commission's Giấy khen decided at each January conference,
a few awards entered directly, and this year's proposals still in progress.

Figures follow the seeds: "UBND tỉnh đã tặng bằng khen cho 54 tập thể và 40 cá nhân ... Ban Dân vận
Tỉnh uỷ khen thưởng cho 6 tập thể" (2020), "5 tập thể và 10 cá nhân được nhận Bằng khen của UBND tỉnh"
(2022). Recipients come from the units' recognized "Dân vận khéo" practices where there are some.
Past years are written in bulk with their timeline; this year's proposals go through the services.
"""

from __future__ import annotations

import datetime as dt
import random
from collections import defaultdict

from django.contrib.contenttypes.models import ContentType

from danvan.awards import services
from danvan.awards.choices import DecisionStatus, ProposalStatus, RecipientKind
from danvan.awards.models import Authority, AwardType, Decision, Proposal, Recipient
from danvan.awards.seed import CENTRAL_MERGER
from danvan.core import scoping
from danvan.core.models import WorkflowStep
from danvan.core.vn import format_number
from danvan.documents.models import Issuer
from danvan.org.models import Unit

YEARS = range(2019, 2026)  # decided at the conference of the following January
CURRENT = 2026
# (collectives, individuals) per year
BANG_KHEN = {2019: (8, 6), 2020: (54, 40), 2021: (7, 9), 2022: (5, 10), 2023: (9, 7), 2024: (12, 10), 2025: (10, 12)}
GIAY_KHEN = {2019: (9, 0), 2020: (6, 0), 2021: (9, 3), 2022: (8, 5), 2023: (9, 0), 2024: (10, 4), 2025: (12, 6)}
DIRECT = {  # awards entered straight into a decision, without a proposal
    "bang-khen-bdv-trung-uong": {2020: (2, 1), 2024: (1, 1)},
    "co-thi-dua-ubnd-tinh": {2020: (2, 0), 2023: (1, 0)},
}
ACHIEVEMENT = "đã có thành tích xuất sắc trong phong trào thi đua “Dân vận khéo” năm {year}"
ACHIEVEMENT_2020 = (
    "đã có thành tích xuất sắc trong phong trào thi đua thực hiện “Năm Dân vận khéo” 2020 trên địa bàn tỉnh"
)
COMMISSION_ACHIEVEMENT = "đã hoàn thành tốt nhiệm vụ công tác dân vận năm {year}"
NAMED_COLLECTIVES = ["Chi bộ ấp {}", "Ban Nhân dân ấp {}", "Chi hội Phụ nữ ấp {}", "Chi đoàn ấp {}"]
HAMLETS = ["Long Hưng", "Long Hòa", "Bình Thạnh", "Phước Lợi", "Tân Định", "Thạnh Tân", "An Bình", "Trường Lưu"]
FAMILY = ["Nguyễn", "Trần", "Lê", "Phạm", "Huỳnh", "Võ", "Đặng", "Bùi", "Đỗ", "Hồ", "Ngô", "Dương", "Lâm"]
MIDDLE = ["Văn", "Thị", "Minh", "Thanh", "Hoàng", "Ngọc", "Hữu", "Kim"]
GIVEN = ["An", "Bình", "Cường", "Dũng", "Hà", "Hạnh", "Hùng", "Lan", "Mai", "Nam", "Phúc", "Sơn", "Tâm", "Thảo"]
POSITIONS = ["Bí thư Chi bộ ấp", "Trưởng ấp", "Chủ tịch Hội Nông dân xã", "Chủ tịch Ủy ban MTTQ Việt Nam xã",
             "Chi hội trưởng Chi hội Phụ nữ", "Phó Bí thư Đảng ủy"]  # fmt: skip


def _configure(ctx) -> dict[str, AwardType]:
    """Point the authorities at the demo's units, declare the UBND as an issuer, set the rewards."""
    ubnd = Unit.objects.get(code="T80-UBND")
    units = {
        "bdv-tinh-uy": ctx.commission_old,
        "btgdv-tinh-uy": ctx.commission,
        "chu-tich-ubnd-tinh": ubnd,
        "bdv-trung-uong": ctx.province,  # national awards are kept by the Tỉnh ủy
        "btgdv-trung-uong": ctx.province,
    }
    for code, unit in units.items():
        Authority.objects.filter(code=code, unit__isnull=True).update(unit=unit)
    Authority.objects.filter(code="chu-tich-ubnd-tinh", decision_heading="CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH").update(
        decision_heading="CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH TÂY NINH"
    )
    if not Issuer.objects.filter(unit__in=[ctx.commission_old, ctx.commission]).exists():
        from danvan.documents import demo as documents_demo

        documents_demo.load(ctx)
    if not Issuer.objects.filter(unit=ubnd).exists():
        Issuer.objects.create(
            unit=ubnd,
            system="state",
            issuer_line="Ủy ban nhân dân\ntỉnh Tây Ninh",
            symbol="UBND",
            place="Tây Ninh",
            head_title="CHỦ TỊCH",
            head_name="Nguyễn Thanh Ngọc",
            deputy_title="PHÓ CHỦ TỊCH",
            deputy_name="Nguyễn Hồng Thanh",
            is_collective=True,
            collective_name="ỦY BAN NHÂN DÂN",
        )
    AwardType.objects.filter(code__startswith="giay-khen-", reward_collective=0).update(
        reward_collective=600_000, reward_individual=300_000
    )
    return {t.code: t for t in AwardType.objects.select_related("authority__unit")}


def _person(rng: random.Random) -> str:
    return f"{rng.choice(FAMILY)} {rng.choice(MIDDLE)} {rng.choice(GIVEN)}"


class Pool:
    """Who a proposing unit can propose in a year: its communes, their named collectives and people
    (recognized individual exemplars first), each with the recognized practices behind them."""

    def __init__(self, rng: random.Random, proposer: Unit, year: int, practices: dict[int, list]) -> None:
        self.rng, self.proposer, self.year = rng, proposer, year
        end = dt.date(year, 12, 31)
        units = list(Unit.objects.subtree(proposer).valid_during(dt.date(year, 1, 1), end).select_related("kind"))
        self.communes = [u for u in units if u.kind.tier == "commune"] or [proposer]
        self.practices = practices
        self.used: set[str] = set()

    def _practices_of(self, unit: Unit, individual: bool) -> list:
        return [p for p in self.practices.get(unit.pk, []) if (p.subject == "individual") == individual]

    def collective(self) -> tuple[Recipient, list]:
        for _ in range(20):
            unit = self.rng.choice(self.communes)
            if f"u{unit.pk}" not in self.used and self.rng.random() < 0.6:
                self.used.add(f"u{unit.pk}")
                return Recipient(kind=RecipientKind.COLLECTIVE, is_unit=True, unit=unit, name=unit.name), \
                    self._practices_of(unit, False)[:1]  # fmt: skip
            name = self.rng.choice(NAMED_COLLECTIVES).format(self.rng.choice(HAMLETS))
            if f"{unit.pk}{name}" not in self.used:
                self.used.add(f"{unit.pk}{name}")
                recipient = Recipient(kind=RecipientKind.COLLECTIVE, unit=unit, name=name, unit_name=unit.name)
                return recipient, self._practices_of(unit, False)[:1]
        raise RuntimeError("no collective left")

    def individual(self) -> tuple[Recipient, list]:
        for _ in range(40):
            unit = self.rng.choice(self.communes)
            exemplars = [p for p in self._practices_of(unit, True) if p.person_name not in self.used]
            if exemplars:
                practice = exemplars[0]
                name, position, linked = practice.person_name, practice.person_position, [practice]
            else:
                name, position, linked = _person(self.rng), self.rng.choice(POSITIONS), []
            if name in self.used:
                continue
            self.used.add(name)
            recipient = Recipient(
                kind=RecipientKind.INDIVIDUAL, unit=unit, name=name, position=position or "", unit_name=unit.name
            )
            return recipient, linked
        raise RuntimeError("no individual left")


def _proposers(province: Unit, year: int) -> list[Unit]:
    """Districts existing on 1 January, or after the reform the province's communes (a sample)."""
    jan1 = dt.date(year, 1, 1)
    units = Unit.objects.subtree(province).select_related("kind")
    districts = list(units.valid_on(jan1).filter(kind__tier="district").order_by("code"))
    if districts:
        return districts
    communes = units.valid_on(dt.date(year, 12, 31)).filter(kind__tier="commune")
    return list(communes.order_by("code")[:10])


def _recognized(year: int) -> dict[int, list]:
    from danvan.practices.choices import Status
    from danvan.practices.models import Practice

    by_unit: dict[int, list] = defaultdict(list)
    fields = ("unit_id", "code", "subject", "person_name", "person_position")
    for practice in Practice.objects.filter(year=year, status=Status.RECOGNIZED).only(*fields).order_by("code"):
        by_unit[practice.unit_id].append(practice)
    return by_unit


class Writer:
    """Collects the bulk rows of the past years, then writes them with their timeline."""

    def __init__(self, ctx) -> None:
        self.ctx = ctx
        self.recipients: list[tuple[Recipient, list]] = []
        self.steps: list[WorkflowStep] = []
        self.proposal_type = ContentType.objects.get_for_model(Proposal)
        self.decision_type = ContentType.objects.get_for_model(Decision)

    def step(self, obj, content_type, unit_id, action, label, source, target, when, actor, comment=""):
        self.steps.append(
            WorkflowStep(
                timestamp=dt.datetime.combine(when, dt.time(9), tzinfo=dt.UTC),
                content_type=content_type,
                object_id=str(obj.pk),
                unit_id=unit_id,
                action=action,
                action_label=label,
                from_state=source,
                to_state=target,
                actor=actor,
                actor_name=actor.get_full_name() if actor else "",
                comment=comment,
            )
        )

    def decision(self, award: AwardType, year: int, day: dt.date, number: str, achievement: str) -> Decision:
        decision = services.new_decision(award, year, day)
        decision.achievement = achievement
        decision.status = DecisionStatus.ISSUED
        decision.created_by = decision.issued_by = self.ctx.users.get("tinh")
        decision.issued_at = dt.datetime.combine(day, dt.time(9), tzinfo=dt.UTC)
        decision.number = number or services.reserve_number(decision)
        decision.save()
        self.step(decision, self.decision_type, decision.unit_id, "issue", "Ban hành", DecisionStatus.DRAFT,
                  DecisionStatus.ISSUED, day, self.ctx.users.get("tinh"))  # fmt: skip
        return decision

    def proposal(self, pool: Pool, award, year, decision, counts, achievement, submitted: dt.date) -> None:
        proposer = pool.proposer
        proposal = Proposal.objects.create(
            unit=proposer,
            unit_name=proposer.name,
            award_type=award,
            year=year,
            achievement=achievement,
            status=ProposalStatus.DECIDED,
            decision=decision,
            number=f"{pool.rng.randint(10, 95)}-TTr/{'HU' if proposer.kind.tier == 'district' else 'ĐU'}",
        )
        reviewer = self.ctx.users.get("tinh")
        for action, label, source, target, when in (
            ("submit", "Gửi đề nghị", ProposalStatus.DRAFT, ProposalStatus.SUBMITTED, submitted),
            ("approve", "Duyệt", ProposalStatus.SUBMITTED, ProposalStatus.APPROVED, submitted + dt.timedelta(days=10)),
            ("decide", "Có quyết định khen thưởng", ProposalStatus.APPROVED, ProposalStatus.DECIDED, decision.date),
        ):
            actor = reviewer if action != "submit" else None
            self.step(proposal, self.proposal_type, proposer.pk, action, label, source, target, when, actor,
                      str(decision) if action == "decide" else "")  # fmt: skip
        collectives, individuals = counts
        for _ in range(collectives):
            recipient, linked = pool.collective()
            self._add(recipient, linked, proposal, decision)
        for _ in range(individuals):
            recipient, linked = pool.individual()
            self._add(recipient, linked, proposal, decision)

    def _add(self, recipient, linked, proposal, decision) -> None:
        recipient.proposal, recipient.decision = proposal, decision
        recipient.order = len(self.recipients) + 1
        recipient.match_key = recipient.compute_match_key()
        self.recipients.append((recipient, linked))

    def flush(self) -> None:
        Recipient.objects.bulk_create([r for r, _ in self.recipients], batch_size=1000)
        through = Recipient.practices.through
        links = [through(recipient_id=r.pk, practice_id=p.pk) for r, linked in self.recipients for p in linked]
        through.objects.bulk_create(links, batch_size=1000)
        WorkflowStep.objects.bulk_create(self.steps, batch_size=1000)


def _split(total: int, parts: int) -> list[int]:
    base, extra = divmod(total, parts)
    return [base + (1 if i < extra else 0) for i in range(parts)]


def _past_years(ctx, types: dict[str, AwardType], rng: random.Random) -> Writer:
    writer = Writer(ctx)
    for year in YEARS:
        day = dt.date(year + 1, 1, 15)
        practices = _recognized(year)
        proposers = _proposers(ctx.province, year)
        commission_award = types["giay-khen-bdv-tinh-uy" if day <= dt.date(2025, 2, 28) else "giay-khen-btgdv-tinh-uy"]
        achievement = ACHIEVEMENT_2020 if year == 2020 else ACHIEVEMENT.format(year=year)
        plans = [
            (types["bang-khen-chu-tich-ubnd-tinh"], BANG_KHEN[year], achievement,
             f"{rng.randint(60, 190)}/QĐ-UBND"),
            (commission_award, GIAY_KHEN[year], COMMISSION_ACHIEVEMENT.format(year=year), ""),
        ]  # fmt: skip
        for award, (collectives, individuals), text, number in plans:
            decision = writer.decision(award, year, day, number, text)
            chosen = rng.sample(proposers, k=min(len(proposers), max(3, (collectives + individuals) // 8)))
            pools = [Pool(rng, unit, year, practices) for unit in chosen]
            shares = zip(_split(collectives, len(pools)), _split(individuals, len(pools)), strict=True)
            for pool, counts in zip(pools, shares, strict=True):
                if sum(counts):
                    writer.proposal(pool, award, year, decision, counts, text, dt.date(year, 11, 20))
        for code, by_year in DIRECT.items():
            if year in by_year:
                when = day + dt.timedelta(days=20)
                central = "trung-uong" in code
                # From 3/2/2025 the Ban Dân vận Trung ương's successor gives its Bằng khen.
                award_code = "bang-khen-btgdv-trung-uong" if central and when >= CENTRAL_MERGER else code
                symbol = "BDVTW" if when < CENTRAL_MERGER else "BTGDVTW"
                decision = writer.decision(types[award_code], year, when,
                                           f"{rng.randint(100, 900)}-QĐ/{symbol}" if central
                                           else f"{rng.randint(60, 190)}/QĐ-UBND", achievement)  # fmt: skip
                pool = Pool(rng, ctx.province, year, practices)
                collectives, individuals = by_year[year]
                for _ in range(collectives):
                    writer._add(*pool.collective(), None, decision)
                for _ in range(individuals):
                    writer._add(*pool.individual(), None, decision)
    writer.flush()
    return writer


def _current_year(ctx, types: dict[str, AwardType]) -> list[str]:
    """This year's proposals from the demo commune, in three states, through the services."""
    xa, tinh = ctx.users.get("xa"), ctx.users.get("tinh")
    commune = ctx.commune
    if xa is None or tinh is None or not scoping.covers(xa, commune.path, scoping.CHANGE):
        return []
    people = [
        (RecipientKind.COLLECTIVE, True, "", ""),
        (RecipientKind.COLLECTIVE, False, "Chi bộ ấp Long Hưng", ""),
        (RecipientKind.INDIVIDUAL, False, "Trần Thị Ngọc Hân", "Chi hội trưởng Chi hội Phụ nữ ấp Long Hòa"),
        (RecipientKind.INDIVIDUAL, False, "Võ Văn Sáu", "Trưởng ấp Long Hưng"),
    ]
    made = []
    for code, keep in (
        ("giay-khen-btgdv-tinh-uy", 4),
        ("bang-khen-chu-tich-ubnd-tinh", 3),
        ("co-thi-dua-ubnd-tinh", 1),
    ):
        award = types[code]
        proposal = services.create_proposal(
            xa, Proposal(unit=commune, award_type=award, year=CURRENT, achievement=ACHIEVEMENT.format(year=CURRENT))
        )
        for kind, is_unit, name, position in people[:keep]:
            recipient = Recipient(kind=kind, is_unit=is_unit, unit=commune, name=name, position=position)
            services.save_proposal_recipient(xa, proposal, recipient)
        made.append(proposal)
    services.transition(xa, made[0], "submit")
    services.transition(xa, made[1], "submit")
    services.transition(tinh, made[1], "return", "Bổ sung thành tích cụ thể của từng cá nhân, kèm minh chứng.")
    return [f"Năm {CURRENT}: 3 tờ trình của {commune.name} (đã gửi, bị trả lại, nháp) để thử quy trình."]


def load(ctx) -> list[str]:
    if Decision.objects.filter(unit__path__startswith=ctx.province.path).exists():
        return [f"Khen thưởng: đã có {format_number(Decision.objects.count())} quyết định, không nạp thêm."]
    types = _configure(ctx)
    writer = _past_years(ctx, types, random.Random(2020))
    awarded = len(writer.recipients)
    decisions = Decision.objects.filter(unit__path__startswith=ctx.province.path).count()
    report = [
        f"Đã nạp {format_number(decisions)} quyết định khen thưởng ({format_number(awarded)} tập thể, cá nhân), "
        f"năm {YEARS[0]}–{YEARS[-1]}, kèm tờ trình của các đơn vị."
    ]
    return report + _current_year(ctx, types)
