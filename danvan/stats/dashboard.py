"""The home page after login: a year's figures in the user's scope (the same scope and the same
"compared with last year" as the statistics page and the yearly report), the trend, the best and
weakest units, and what waits for the user. A fixed number of grouped queries, whatever the data."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from django.db.models import QuerySet
from django.urls import reverse

from danvan.awards.choices import ProposalStatus
from danvan.awards.models import Proposal
from danvan.core import scoping
from danvan.core.lists import head
from danvan.emulation.choices import Status as CardStatus
from danvan.emulation.models import Scorecard
from danvan.org import areas
from danvan.org import services as org_services
from danvan.org.models import Unit
from danvan.org.services import default_unit
from danvan.practices.choices import Status
from danvan.practices.models import Practice
from danvan.stats import cube
from danvan.stats.report_data import current_year

RANKED_TIERS = ("commune", "district")
FIRST_YEAR = 2009  # the "Dân vận khéo" movement began in 2009
LISTED = 3


@dataclass
class Pile:
    """Records of one module in one state that the user can act on."""

    label: str
    count: int
    items: list  # the first few records (each with get_absolute_url and str)
    url: str


@dataclass
class Dashboard:
    year: int
    years: list[int]  # what the year selector offers
    unit: Unit | None
    current: cube.Row
    trend: cube.Table
    best: list[cube.Row]
    weakest: list[cube.Row]
    can_review: bool
    to_review: list[Pile]
    returned: list[Pile]
    has_units_below: bool  # a commune has no units below it to rank
    ended_on: dt.date | None = None  # the unit no longer exists (an abolished district)
    continued_by: list[tuple[Unit, bool]] = field(default_factory=list)

    @property
    def to_review_count(self) -> int:
        return sum(p.count for p in self.to_review)

    @property
    def returned_count(self) -> int:
        return sum(p.count for p in self.returned)


def _reviewable(qs: QuerySet, user, proposer_field: str) -> QuerySet:
    """What a reviewer may decide: in review scope, strictly below the units the right was given on
    (the workflows' ANCESTOR rule), and not proposed by the reviewer (no self-approval)."""
    paths = scoping.scope_paths(user, scoping.REVIEW)
    if paths:
        qs = qs.exclude(unit__path__in=paths)
    return qs.exclude(unit__parent__isnull=True).exclude(**{proposer_field: user.pk})


def to_review(user, year: int) -> list[Pile]:
    """Proposals of every module, for `year`, waiting for a decision this user may take."""
    practices = _reviewable(
        Practice.objects.restrict(user, scoping.REVIEW).filter(status=Status.PROPOSED, year=year), user, "proposed_by"
    )
    proposals = _reviewable(
        Proposal.objects.restrict(user, scoping.REVIEW).filter(status=ProposalStatus.SUBMITTED, year=year),
        user,
        "submitted_by",
    )
    # A scorecard is appraised only by the commission owning its set (emulation's workflow rule).
    cards = _reviewable(
        Scorecard.objects.restrict(user, scoping.REVIEW)
        .filter(status__in=[CardStatus.SUBMITTED, CardStatus.APPRAISING], criteria_set__year=year)
        .filter(scoping.scope_q("criteria_set__unit__path", user, scoping.REVIEW)),
        user,
        "submitted_by",
    )
    return [
        _pile("Mô hình, điển hình đề nghị công nhận", practices, reverse("practices:list") + "?trang_thai=proposed"),
        _pile("Tờ trình đề nghị khen thưởng", proposals, reverse("awards:proposal-list")),
        _pile("Bảng điểm thi đua chờ thẩm định", cards, f"{reverse('emulation:index')}?nam={year}"),
    ]


def returned(user, year: int) -> list[Pile]:
    """Records of `year` returned for completion that the user may correct and send again, in every module."""
    practices = Practice.objects.restrict(user, scoping.CHANGE).filter(
        status=Status.IMPLEMENTING, proposed_by__isnull=False, year=year
    )
    proposals = Proposal.objects.restrict(user, scoping.CHANGE).filter(status=ProposalStatus.RETURNED, year=year)
    cards = Scorecard.objects.restrict(user, scoping.CHANGE).filter(status=CardStatus.RETURNED, criteria_set__year=year)
    return [
        _pile("Mô hình, điển hình", practices, reverse("practices:list") + "?trang_thai=implementing"),
        _pile("Tờ trình khen thưởng", proposals, reverse("awards:proposal-list")),
        _pile("Bảng điểm thi đua", cards, f"{reverse('emulation:index')}?nam={year}"),
    ]


def _pile(label: str, qs: QuerySet, url: str) -> Pile:
    items, count = head(qs.order_by("-pk"), LISTED)
    return Pile(label, count, items, url)


def choose_year(unit: Unit | None, raw: str | None) -> int:
    """The year asked for, else the current one; for a unit that no longer exists, its last year."""
    last = current_year()
    if unit is not None and unit.valid_until is not None and unit.valid_until < org_services.today():
        last = unit.valid_until.year
    try:
        year = int(raw or "")
    except ValueError:
        return last
    return year if FIRST_YEAR <= year <= current_year() else last


def build(user, raw_year: str | None = None) -> Dashboard:
    unit = default_unit(user)
    year = choose_year(unit, raw_year)
    scope = areas.report_area(unit, year, areas.AS_AT)
    qs = cube.practices_for(user, scope=scope)
    trend = cube.by_year(qs, range(year - 4, year + 1))
    by_unit = cube.by_unit(qs, scope, previous=False)
    units = [r for r in by_unit.rows if isinstance(r.key, int) and r.registered]
    tiers = dict(Unit.objects.filter(pk__in=[r.key for r in units]).values_list("pk", "kind__tier"))
    # Rank the Party committees (communes, districts); agencies only when there is nothing else.
    ranked = [r for r in units if tiers.get(r.key) in RANKED_TIERS] or units
    ranked.sort(key=lambda r: (-r.recognized, -r.registered, r.label))
    best = [r for r in ranked if r.recognized][:5]
    weakest = sorted(ranked, key=lambda r: (r.recognized, r.registered, r.label))[:5] if len(ranked) > 5 else []
    reviewer = scoping.scope_paths(user, scoping.REVIEW) != []
    newest = current_year()
    dashboard = Dashboard(
        year=year,
        years=list(range(max(newest, year), FIRST_YEAR - 1, -1)),
        unit=unit,
        current=trend.rows[-1],
        trend=trend,
        best=best,
        weakest=weakest,
        can_review=reviewer,
        to_review=to_review(user, year) if reviewer else [],
        returned=returned(user, year),
        has_units_below=any(isinstance(r.key, int) for r in by_unit.rows),
    )
    today = org_services.today()
    if unit is not None and unit.valid_until is not None and unit.valid_until < today:
        dashboard.ended_on = unit.valid_until
        # (unit, whether the reader may open it): a district's officer reads the province's name, unlinked.
        dashboard.continued_by = [(u, scoping.covers(user, u.path)) for u in org_services.successors_on(unit, today)]
    return dashboard
