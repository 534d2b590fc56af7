"""The pages: entering a unit's period, the list (paging and sorting by its own links), the statistics page
agreeing with sums taken from the database, queries not growing with rows."""

from __future__ import annotations

import pytest
from django.db.models import Exists, OuterRef, Sum
from django.urls import reverse

from danvan.core.testing.links import walk_list
from danvan.membership.choices import Period
from danvan.membership.models import MembershipReport, Organization, PopulationFigure
from danvan.membership.tests.conftest import enter, org

pytestmark = pytest.mark.django_db


def entry_data(values: dict[str, dict | None], population=None) -> dict:
    data = {}
    for code, figures in values.items():
        pk = org(code).pk
        for name, value in (figures or {}).items():
            data[f"o{pk}-{name}"] = "" if value is None else str(value)
    if population:
        data["population"], data["organized"] = str(population[0]), str(population[1])
    return data


def test_entering_a_period_on_one_page(client, cast):
    client.force_login(cast.c1_officer)
    chosen = client.get(reverse("membership:entry-choose"), {"don_vi": cast.c1.pk, "nam": 2024, "ky": 12})
    url = reverse("membership:entry", args=[cast.c1.pk, 2024, 12])
    assert chosen.status_code == 302 and chosen.url == url
    page = client.get(url).content.decode()
    assert page.count('data-testid="entry-row"') == Organization.objects.count()
    data = entry_data(
        {"nong-dan": {"members": 1200, "women": 1300}, "phu-nu": {"members": 800, "women": 800}}, (4000, 3900)
    )
    response = client.post(url, data)
    text = response.content.decode()
    assert response.status_code == 200
    assert "Hội Nông dân:</strong> Số nữ (1.300) vượt quá tổng số đoàn viên, hội viên (1.200)." in text
    assert "Số người tham gia ít nhất một tổ chức (3.900)" not in text
    assert not MembershipReport.objects.exists()
    data[f"o{org('nong-dan').pk}-women"] = "500"
    response = client.post(url, data)
    assert response.status_code == 302
    assert sorted(MembershipReport.objects.values_list("organization__code", "members", "women")) == [
        ("nong-dan", 1200, 500),
        ("phu-nu", 800, 800),
    ]
    # The page now shows the figures with their versions; a second editor's stale page is refused.
    page = client.get(url)
    assert page.context["form"][f"o{org('nong-dan').pk}-version"].value() == 1
    stale = dict(data, **{f"o{org('nong-dan').pk}-version": "1", f"o{org('nong-dan').pk}-members": "1250"})
    assert client.post(url, stale).status_code == 302
    response = client.post(url, dict(stale, **{f"o{org('nong-dan').pk}-members": "1300"}))
    assert "Hội Nông dân: Hồ sơ đã được người khác sửa" in response.content.decode()
    assert MembershipReport.objects.get(organization__code="nong-dan").members == 1250
    report = MembershipReport.objects.get(organization__code="nong-dan")
    detail = client.get(reverse("membership:report-detail", args=[report.pk])).content.decode()
    assert "1.250" in detail and "Lịch sử thay đổi" in detail and "Sửa số liệu kỳ này" in detail


def db_totals(user, paths: list[str], year: int) -> dict[str, int]:
    """Sums taken straight from the rows: each unit's latest report of the year, per organization."""
    from danvan.core import scoping

    rows = MembershipReport.objects.restrict(user).filter(year=year).exclude(unit__valid_until__lt=f"{year}-12-31")
    q = scoping.subtree_q("unit__path", paths[0])
    for path in paths[1:]:
        q |= scoping.subtree_q("unit__path", path)
    rows = rows.filter(q)
    later = MembershipReport.objects.filter(
        unit=OuterRef("unit"), organization=OuterRef("organization"), year=year, months__gt=OuterRef("months")
    )
    return {
        code: total
        for code, total in rows.exclude(Exists(later))
        .values_list("organization__code")
        .annotate(total=Sum("members"))
        .order_by()
    }


def figures_on_page(response) -> dict[str, int]:
    return {row.organization.code: row.members for row in response.context["summary"].rows if row.members}


def test_statistics_equal_the_database(client, cast):
    enter(cast.admin, cast.c1, 2024, nong_dan=900, phu_nu=700, population=(5000, 1400))
    enter(cast.admin, cast.c1, 2025, Period.HALF, nong_dan=920, phu_nu=710, population=(5050, 1420))
    enter(cast.admin, cast.c1, 2025, nong_dan=950, phu_nu=720, doan_thanh_nien=300, population=(5100, 1500))
    enter(cast.admin, cast.c2, 2025, Period.HALF, nong_dan=400, population=(2000, 450))
    enter(cast.admin, cast.c3, 2024, nong_dan=100)
    enter(cast.admin, cast.c3, 2025, nong_dan=130, cuu_chien_binh=40)
    enter(cast.admin, cast.d1, 2024, cong_doan=60)
    enter(cast.admin, cast.d1, 2025, Period.HALF, cong_doan=65)
    enter(cast.admin, cast.province, 2025, cong_doan=2000, population=(1000000, 2000))
    for who, paths in (
        ("admin", [cast.province.path]),
        ("d1_officer", [cast.d1.path]),
        ("c1_officer", [cast.c1.path]),
        ("d2_officer", [cast.d2.path]),
    ):
        user = getattr(cast, who)
        client.force_login(user)
        response = client.get(reverse("membership:statistics"), {"nam": 2025})
        assert response.status_code == 200
        expected = db_totals(user, paths, 2025)
        assert figures_on_page(response) == expected, who
        summary = response.context["summary"]
        assert summary.memberships == sum(expected.values())
        assert {r.organization.code: r.previous for r in summary.rows if r.previous} == db_totals(user, paths, 2024)
    client.force_login(cast.admin)
    summary = client.get(reverse("membership:statistics"), {"nam": 2025}).context["summary"]
    # C1's whole year (not its half), C2's half, C3's year, the province's own year; not D1's half (it ended
    # on 30/6/2025: a year counts the units existing at its end).
    assert figures_on_page_dict(summary) == {"nong-dan": 950 + 400 + 130, "phu-nu": 720, "doan-thanh-nien": 300,
                                             "cuu-chien-binh": 40, "cong-doan": 2000}  # fmt: skip
    nong_dan = next(r for r in summary.rows if r.organization.code == "nong-dan")
    assert (nong_dan.previous, nong_dan.change, nong_dan.units) == (1000, 480, 3)
    people = (
        PopulationFigure.objects.filter(year=2025)
        .exclude(unit=cast.c1, months=6)
        .aggregate(p=Sum("population"), o=Sum("organized"))
    )
    assert (summary.population, summary.organized) == (people["p"], people["o"])
    text = client.get(reverse("membership:statistics"), {"nam": 2025, "don_vi": cast.c1.pk}).content.decode()
    assert "1.500" in text and "29,4%" in text  # 1,500 of 5,100 people organized
    assert "+50" in text  # Nông dân: 950 against 900


def figures_on_page_dict(summary) -> dict[str, int]:
    return {row.organization.code: row.members for row in summary.rows if row.members}


def add_reports(units, years) -> list[int]:
    organizations = list(Organization.objects.all())
    MembershipReport.objects.bulk_create(
        MembershipReport(unit=unit, organization=o, year=year, members=100 + i)
        for year in years
        for unit in units
        for i, o in enumerate(organizations)
    )
    return list(MembershipReport.objects.values_list("pk", flat=True))


def test_list_pages_and_sorts_by_its_links(client, cast):
    add_reports([cast.c1, cast.c2], [2023, 2024])  # 2 units × 8 organizations × 2 years = 32
    add_reports([cast.c3], [2024])
    client.force_login(cast.d1_officer)
    expected = MembershipReport.objects.filter(unit__in=[cast.c1, cast.c2]).values_list("pk", flat=True)
    url = reverse("membership:report-list") + f"?don_vi={cast.d1.pk}"
    walk_list(client, url, expected, header="Tổng số", value=lambda r: r.members)


def test_query_counts_do_not_grow_with_rows(client, cast):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client.force_login(cast.admin)
    counts = []
    for units in ([cast.c1], [cast.c2, cast.c3, cast.d1]):
        add_reports(units, [2024, 2025])
        for unit in units:
            PopulationFigure.objects.create(unit=unit, year=2025, population=10000, organized=5000)
        for name in ("membership:report-list", "membership:statistics"):
            with CaptureQueriesContext(connection) as captured:
                assert client.get(reverse(name), {"nam": 2025, "so_dong": 100}).status_code == 200
            counts.append((name, len(captured)))
    assert counts[:2] == counts[2:], counts
