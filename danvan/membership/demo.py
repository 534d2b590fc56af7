"""The demo province's membership figures: every commune and ward of Tây Ninh and of Long An (merged into it
on 1/7/2025) for each year from 2023, so the list and the statistics have something real to show.

Before the reform the old communes report (their first half of 2025 too, as at 30/6/2025); from the reform the
new ones. The figures are made up but shaped like the province's: a large share of religious followers (Cao
Đài, Buddhism, Catholicism), few ethnic minority members (Khmer, Chăm), fewer farmers in the wards (by sector too: workers rather than
farmers in a ward, students in the Youth Union). The Front
(Mặt trận) has no individual members to count and is left without figures. Idempotent: a second run adds
nothing."""

from __future__ import annotations

import random

from django.db import transaction
from django.utils import timezone

from danvan.core import bulk, changelog, scoping
from danvan.core.vn import format_number
from danvan.membership import rules
from danvan.membership.choices import Period
from danvan.membership.models import MembershipReport, Organization, PopulationFigure, period_end
from danvan.membership.seed import seed_config
from danvan.org.models import Unit

FIRST_YEAR = 2023
# organization code -> (members per inhabitant in a rural commune, in a ward, share of women)
SHAPES = {
    "cong-doan": (0.025, 0.07, 0.52),
    "nong-dan": (0.16, 0.05, 0.41),
    "phu-nu": (0.19, 0.17, 1.0),
    "doan-thanh-nien": (0.055, 0.06, 0.49),
    "cuu-chien-binh": (0.014, 0.013, 0.03),
    "nguoi-cao-tuoi": (0.085, 0.09, 0.58),
    "chu-thap-do": (0.045, 0.05, 0.56),
}
# organization code -> share of members by sector in a rural commune (choices.SECTORS); a ward has a third of
# the farmers, the rest workers. A few members stay unclassified, as in the units' own tables.
SECTOR_SHARES = {
    "cong-doan": {"workers": 0.58, "officials": 0.38, "other_sector": 0.02},
    "nong-dan": {"farmers": 0.9, "workers": 0.04, "other_sector": 0.04},
    "phu-nu": {"farmers": 0.48, "workers": 0.2, "officials": 0.08, "students": 0.02, "other_sector": 0.2},
    "doan-thanh-nien": {"farmers": 0.2, "workers": 0.26, "officials": 0.08, "students": 0.38, "armed_forces": 0.04,
                        "other_sector": 0.02},
    "cuu-chien-binh": {"farmers": 0.52, "workers": 0.08, "officials": 0.06, "other_sector": 0.32},
    "nguoi-cao-tuoi": {"farmers": 0.5, "other_sector": 0.48},
    "chu-thap-do": {"farmers": 0.3, "workers": 0.12, "officials": 0.12, "students": 0.3, "other_sector": 0.14},
}  # fmt: skip
RELIGIOUS = (0.28, 0.42)  # share of members following a religion, lowest and highest
ETHNIC = (0.0, 0.025)


def load(ctx) -> list[str]:
    seed_config(Organization)
    if MembershipReport.objects.exists():
        count = format_number(MembershipReport.objects.count())
        return [f"Đoàn viên, hội viên: đã có {count} dòng số liệu, không nạp thêm."]
    today = timezone.localdate()
    organizations = {o.code: o for o in Organization.objects.filter(code__in=SHAPES)}
    paths = scoping.minimal_paths(scoping.with_history({ctx.province.pk: ctx.province.path}).values())
    communes = Unit.objects.none()
    for path in paths:
        communes |= Unit.objects.filter(scoping.subtree_q("path", path), kind__tier="commune")
    communes = list(communes.order_by("path"))
    reports: list[MembershipReport] = []
    figures: list[PopulationFigure] = []
    for year in range(FIRST_YEAR, today.year + 1):
        for months in (Period.HALF, Period.YEAR):
            end = period_end(year, months)
            if end >= today:
                continue
            if months == Period.HALF and year not in (2025, today.year):
                continue  # the first half only where it matters: the reform's and the year under way
            for unit in communes:
                if unit.is_valid_on(end):
                    _period(unit, year, months, organizations, reports, figures)
    with transaction.atomic():
        bulk.insert(reports)
        bulk.insert(figures)
        changelog.bulk_log((obj, "create", None, changelog.snapshot(obj)) for obj in [*reports, *figures])
    units = len({r.unit_id for r in reports})
    return [
        f"Đoàn viên, hội viên: {format_number(len(reports))} dòng số liệu của {format_number(units)} xã, phường "
        f"từ năm {FIRST_YEAR}, {format_number(len(figures))} số liệu dân số."
    ]


def _sectors(code: str, members: int, ward: bool) -> dict[str, int]:
    shares = dict(SECTOR_SHARES[code])
    if ward and "farmers" in shares:
        moved = shares["farmers"] * 2 / 3
        shares["farmers"] -= moved
        shares["workers"] = shares.get("workers", 0) + moved
    return {name: int(members * share) for name, share in shares.items()}


def _period(unit, year, months, organizations, reports, figures) -> None:
    rng = random.Random(f"{unit.code}")
    ward = "phường" in unit.name.lower()
    population = rng.randint(6000, 17000) * (3 if unit.valid_from else 1)  # the merged communes are larger
    growth = 1 + 0.011 * (year - FIRST_YEAR) + (0.004 if months == Period.YEAR else 0)
    population = int(population * (1 + 0.009 * (year - FIRST_YEAR)))
    religious, ethnic = rng.uniform(*RELIGIOUS), rng.uniform(*ETHNIC)
    total, largest = 0, 0
    for code, (rural, urban, women) in SHAPES.items():
        shape = random.Random(f"{unit.code}-{code}")
        members = int(population * (urban if ward else rural) * shape.uniform(0.85, 1.15) * growth)
        report = MembershipReport(
            unit=unit,
            organization=organizations[code],
            year=year,
            months=months,
            members=members,
            women=min(members, int(members * women)),
            ethnic_minority=int(members * ethnic),
            religious=int(members * religious * shape.uniform(0.9, 1.1)),
            **_sectors(code, members, ward),
        )
        errors = rules.report_errors(report)
        if errors:
            raise ValueError(f"{unit.name} {year}: {errors}")
        reports.append(report)
        total, largest = total + members, max(largest, members)
    figure = PopulationFigure(
        unit=unit, year=year, months=months, population=population, organized=max(largest, int(total * 0.58))
    )
    errors = rules.population_errors(figure, ("", largest))
    if errors:
        raise ValueError(f"{unit.name} {year}: {errors}")
    figures.append(figure)
