"""The proposal and decision lists used by clicking their own links: page size, page 2, sort, filters kept."""

import datetime as dt

import pytest
from django.urls import reverse

from danvan.awards.choices import DecisionStatus, ProposalStatus
from danvan.awards.models import Decision, Proposal
from danvan.awards.tests.conftest import ACHIEVEMENT
from danvan.core.testing.links import walk_list

pytestmark = pytest.mark.django_db


def add_proposals(world, year: int, count: int, status=ProposalStatus.DRAFT) -> list[Proposal]:
    units = [world.cast.c1, world.cast.c2, world.cast.c3]
    rows = [
        Proposal(
            unit=u, unit_name=u.name, award_type=world.giay_khen, year=year, achievement=ACHIEVEMENT, status=status
        )
        for u in (units[n % 3] for n in range(count))
    ]
    return Proposal.objects.bulk_create(rows)


def add_decisions(world, year: int, count: int) -> list[Decision]:
    rows = [
        Decision(
            unit=world.commission_old,
            award_type=world.giay_khen,
            year=year,
            number=f"{n + 1}-QĐ/BDVTU",
            date=dt.date(year, 1 + n % 12, 1 + n % 28),
            achievement=ACHIEVEMENT,
            status=DecisionStatus.ISSUED,
        )
        for n in range(count)
    ]
    return Decision.objects.bulk_create(rows)


def test_the_proposal_list_pages_and_sorts_by_its_links(client, world):
    wanted = add_proposals(world, 2024, 22, ProposalStatus.SUBMITTED)
    add_proposals(world, 2023, 4, ProposalStatus.SUBMITTED)
    add_proposals(world, 2024, 3)  # drafts: filtered out
    client.force_login(world.cast.admin)
    url = reverse("awards:proposal-list") + "?nam=2024&trang_thai=submitted"
    walk_list(client, url, {p.pk for p in wanted}, header="Năm", value=lambda p: p.year)
    walk_list(client, url, {p.pk for p in wanted}, header="Trạng thái", value=lambda p: p.status)


def test_the_decision_list_pages_and_sorts_by_its_links(client, world):
    wanted = add_decisions(world, 2022, 24)
    add_decisions(world, 2021, 5)
    client.force_login(world.cast.admin)
    url = reverse("awards:decision-list") + f"?nam=2022&hinh_thuc={world.giay_khen.pk}"
    walk_list(client, url, {d.pk for d in wanted}, header="Ngày", value=lambda d: d.date)
