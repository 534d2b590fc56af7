"""Every membership URL walked by the fixed cast (plus a viewer): out of scope 404, in scope without the right
403 with nothing changed, allowed 200/302; the list, the statistics (both modes) and the Word report show exactly
what each person may see."""

from __future__ import annotations

import io

import docx
import openpyxl
import pytest
from django.urls import reverse

from danvan.core.testing.factories import CAST_UNITS, CHANGES, SEES, cast_people
from danvan.core.vn import format_number
from danvan.membership.models import MembershipReport
from danvan.membership.tests.conftest import enter, org

pytestmark = [pytest.mark.django_db, pytest.mark.scope_walk]
PEOPLE = list(SEES)
YEAR = 2024  # every cast unit existed through it (the districts ended on 30/6/2025)


def expected(who: str, unit: str, allowed: dict, ok: int = 302) -> int:
    if unit not in SEES[who]:
        return 404
    return ok if unit in allowed[who] else 403


@pytest.fixture
def world(cast):
    people = cast_people(cast)
    reports = {}
    for index, name in enumerate(CAST_UNITS):
        unit = getattr(cast, name)
        enter(cast.admin, unit, YEAR, nong_dan=1000 + index, population=(100000, 5000))
        reports[name] = MembershipReport.objects.get(unit=unit)
    return people, reports


@pytest.mark.parametrize("who", PEOPLE)
def test_every_page(client, cast, world, who):
    people, reports = world
    client.force_login(people[who])
    listed = client.get(reverse("membership:report-list"))
    assert listed.status_code == 200
    text = listed.content.decode()
    for name, report in reports.items():
        assert (f'href="/doan-the/{report.pk}/"' in text) == (name in SEES[who]), (who, name)
        detail = client.get(reverse("membership:report-detail", args=[report.pk]))
        assert detail.status_code == expected(who, name, SEES, 200), (who, name)
        url = reverse("membership:entry", args=[report.unit_id, YEAR, 12])
        assert client.get(url).status_code == expected(who, name, CHANGES, 200), (who, name)
        data = {f"o{org('nong-dan').pk}-members": "777", "population": "100000", "organized": "5000"}
        assert client.post(url, data).status_code == expected(who, name, CHANGES), (who, name)
        assert (MembershipReport.objects.get(pk=report.pk).members == 777) == (name in CHANGES[who]), (who, name)
    may = bool(CHANGES[who])
    assert client.get(reverse("membership:entry-choose")).status_code == (200 if may else 403)
    assert client.get(reverse("jobs:import", args=["membership-reports"])).status_code == (200 if may else 403)
    assert client.get(reverse("membership:template")).status_code == 200
    exported = client.get(reverse("membership:export"))
    assert exported.status_code == 200
    sheet = openpyxl.load_workbook(io.BytesIO(b"".join(exported.streaming_content))).active
    codes = {row[0].value for row in sheet.iter_rows()}
    for name in CAST_UNITS:
        assert (getattr(cast, name).code in codes) == (name in SEES[who]), (who, name)
    for name in CAST_UNITS:
        unit = getattr(cast, name)
        response = client.get(reverse("membership:entry-choose"), {"don_vi": unit.pk, "nam": YEAR, "ky": 12})
        assert response.status_code == ((302 if name in CHANGES[who] else 200) if may else 403), (who, name)
    # The Word report: over the user's own area (whatever unit is asked for), with only what they see.
    seen = sum(MembershipReport.objects.filter(unit__code__in=[getattr(cast, n).code for n in SEES[who]])
               .values_list("members", flat=True))  # fmt: skip
    for params in ({"nam": YEAR}, {"nam": YEAR, "don_vi": cast.province.pk}, {"nam": YEAR, "che_do": "today"}):
        response = client.get(reverse("membership:statistics-report"), params)
        if not SEES[who]:
            assert response.status_code == 302, who
            continue
        assert response.status_code == 200, (who, params)
        word = docx.Document(io.BytesIO(response.content))
        totals = next(t for t in word.tables if t.rows[0].cells[1].text == "Tổ chức").rows[-1]
        assert totals.cells[3].text == format_number(seen), (who, params)


@pytest.mark.parametrize("who", PEOPLE)
def test_statistics_count_only_what_one_sees(client, cast, world, who):
    people, reports = world
    client.force_login(people[who])
    seen = sum(r.members for name, r in reports.items() if name in SEES[who])
    for params in (
        {"nam": YEAR},
        {"nam": YEAR, "don_vi": cast.province.pk},
        {"nam": YEAR, "don_vi": cast.c3.pk},
        {"nam": YEAR, "don_vi": cast.province.pk, "che_do": "today"},
        {"nam": YEAR, "don_vi": cast.c3.pk, "che_do": "today"},
    ):
        response = client.get(reverse("membership:statistics"), params)
        assert response.status_code == 200
        summary = response.context["summary"]
        root = response.context["root"]
        within = {n for n in SEES[who] if root is None or getattr(cast, n).path.startswith(root.path)}
        assert summary.memberships == sum(r.members for n, r in reports.items() if n in within), (who, params)
        assert summary.memberships <= seen
        assert summary.population == 100000 * len(within)
        assert sum(row.memberships for row in summary.units) == summary.memberships, (who, params)
