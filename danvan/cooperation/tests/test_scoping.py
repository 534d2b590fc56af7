"""Every cooperation URL walked by the fixed cast (plus a viewer): out of scope 404, in scope without the
right 403 with nothing changed, allowed 200/302; lists and exports show exactly what each person may see."""

from __future__ import annotations

import datetime as dt
import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from openpyxl import load_workbook

from danvan.cooperation import services
from danvan.cooperation.models import Evaluation, Programme, ProgrammeItem, YearPlan
from danvan.cooperation.tests.conftest import evaluate, make_programme
from danvan.core.testing.factories import CAST_UNITS, CHANGES, SEES, cast_people
from danvan.core.testing.uploads import pdf_bytes

pytestmark = [pytest.mark.django_db, pytest.mark.scope_walk]

DAY = dt.date(2023, 5, 15)  # every cast unit existed then (the districts ended on 30/6/2025)
PEOPLE = list(SEES)
NAMES = ["Cấp ủy bên thứ nhất", "Chính quyền bên thứ hai"]


def expected(who: str, unit: str, allowed: dict, ok: int = 302) -> int:
    if unit not in SEES[who]:
        return 404
    return ok if unit in allowed[who] else 403


@pytest.fixture
def world(cast, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    people = cast_people(cast)
    records = {}
    for index, name in enumerate(CAST_UNITS, start=1):
        unit = getattr(cast, name)
        programme = make_programme(
            cast.admin,
            unit,
            number=f"{index:02d}-CTr/HAI-BEN",
            signed_on=DAY,
            parties=[],
            others=NAMES,
            title=f"Phối hợp tại {unit.name}",
        )
        item = services.save_item(cast.admin, ProgrammeItem(programme=programme, content="Nội dung", lead=NAMES[0]))
        plan = services.save_year_plan(
            cast.admin,
            YearPlan(programme=programme, year=2023, issued_on=DAY),
            SimpleUploadedFile("ke-hoach.pdf", pdf_bytes()),
        )
        evaluation = evaluate(cast.admin, programme, 2023, held_on=dt.date(2023, 12, 28))
        evaluation.file = SimpleUploadedFile("bien-ban.pdf", pdf_bytes())
        evaluation.save()
        records[name] = (programme, item, plan, evaluation)
    return people, records


def form_data(programme: Programme, **changes) -> dict:
    data = {
        "unit": programme.unit_id,
        "kind": programme.kind,
        "number": programme.number,
        "signed_on": "15/05/2023",
        "title": programme.title,
        "other_parties": "\n".join(NAMES),
        "interim_years": "3",
        "final_years": "5",
        "version": programme.version,
    }
    return data | changes


@pytest.mark.parametrize("who", PEOPLE)
def test_programme_pages(client, world, who):
    people, records = world
    client.force_login(people[who])
    listed = client.get(reverse("cooperation:list")).content.decode()
    export = client.get(reverse("cooperation:export"))
    sheet = load_workbook(io.BytesIO(export.getvalue())).worksheets[0]
    exported = {row[2] for row in sheet.iter_rows(min_row=2, values_only=True)}
    export = client.get(reverse("cooperation:evaluation-export"))
    sheet = load_workbook(io.BytesIO(export.getvalue())).worksheets[0]
    evaluated = {row[0] for row in sheet.iter_rows(min_row=2, values_only=True)}
    for unit, (programme, item, plan, evaluation) in records.items():
        sees = unit in SEES[who]
        assert (f'href="/phoi-hop/{programme.pk}/"' in listed) == sees, (who, unit)
        assert (programme.number in exported) == sees, (who, unit)
        assert (programme.number in evaluated) == sees, (who, unit)
        for name, args in (("detail", programme.pk), ("plan-file", plan.pk), ("evaluation-file", evaluation.pk)):
            assert client.get(reverse(f"cooperation:{name}", args=[args])).status_code == expected(who, unit, SEES, 200)
        edits = (
            ("edit", programme.pk), ("replace", programme.pk), ("item-edit", item.pk), ("plan-edit", plan.pk),
            ("evaluation-edit", evaluation.pk),
        )  # fmt: skip
        for name, args in edits:
            response = client.get(reverse(f"cooperation:{name}", args=[args]))
            assert response.status_code == expected(who, unit, CHANGES, 200), (who, unit, name)
        response = client.post(reverse("cooperation:edit", args=[programme.pk]), form_data(programme, title="Đã sửa"))
        assert response.status_code == expected(who, unit, CHANGES), (who, unit, response.content.decode()[:2000])
        assert (Programme.objects.get(pk=programme.pk).title == "Đã sửa") == (unit in CHANGES[who])
        response = client.post(
            reverse("cooperation:item-add", args=[programme.pk]), {"nd-content": "Thêm", "nd-lead": NAMES[1]}
        )
        assert response.status_code == expected(who, unit, CHANGES), (who, unit)
        assert ProgrammeItem.objects.filter(programme=programme, content="Thêm").exists() == (unit in CHANGES[who])
        response = client.post(
            reverse("cooperation:item-edit", args=[item.pk]),
            {"nd-order": 1, "nd-content": "Sửa nội dung", "nd-lead": NAMES[0]},
        )
        assert response.status_code == expected(who, unit, CHANGES), (who, unit)
        response = client.post(
            reverse("cooperation:plan-add", args=[programme.pk]), {"kh-year": 2024, "kh-issued_on": "10/01/2024"}
        )
        assert response.status_code == expected(who, unit, CHANGES), (who, unit)
        assert YearPlan.objects.filter(programme=programme, year=2024).exists() == (unit in CHANGES[who])
        response = client.post(
            reverse("cooperation:evaluation-add", args=[programme.pk]),
            {"dg-year": 2024, "dg-held_on": "27/12/2024", "dg-chair": "Hai bên", "dg-result": "Tốt"},
        )
        assert response.status_code == expected(who, unit, CHANGES), (who, unit)
        assert Evaluation.objects.filter(programme=programme, year=2024).exists() == (unit in CHANGES[who])
        response = client.post(reverse("cooperation:item-delete", args=[item.pk]))
        assert response.status_code == expected(who, unit, CHANGES), (who, unit)
        assert ProgrammeItem.objects.filter(pk=item.pk).exists() != (unit in CHANGES[who])


@pytest.mark.parametrize("who", PEOPLE)
def test_replacing(client, world, who):
    people, records = world
    client.force_login(people[who])
    for unit, (programme, *_) in records.items():
        data = form_data(programme, number="99-CTr/HAI-BEN", signed_on="01/06/2024", title="Văn bản mới")
        data.pop("version")
        response = client.post(reverse("cooperation:replace", args=[programme.pk]), data)
        assert response.status_code == expected(who, unit, CHANGES), (who, unit, response.content.decode()[:1500])
        replaced = Programme.objects.get(pk=programme.pk).replaced_by_id is not None
        assert replaced == (unit in CHANGES[who]), (who, unit)


@pytest.mark.parametrize("who", PEOPLE)
def test_creating_only_for_ones_own_units(client, cast, world, who):
    people, _ = world
    client.force_login(people[who])
    may = bool(CHANGES[who])
    assert client.get(reverse("cooperation:create")).status_code == (200 if may else 403)
    for unit in CAST_UNITS:
        cast_unit = getattr(cast, unit)
        data = {
            "unit": cast_unit.pk,
            "kind": "programme",
            "number": "77-CTr/HAI-BEN",
            "signed_on": "15/05/2023",
            "title": f"Mới {unit}",
            "other_parties": "\n".join(NAMES),
        }
        client.post(reverse("cooperation:create"), data)
        assert Programme.objects.filter(title=f"Mới {unit}").exists() == (unit in CHANGES[who]), (who, unit)


@pytest.mark.parametrize("who", PEOPLE)
def test_the_template_and_the_report(client, world, who):
    people, _ = world
    client.force_login(people[who])
    assert client.get(reverse("cooperation:template")).status_code == 200
    assert client.get(reverse("cooperation:evaluation-template")).status_code == 200
    response = client.get(reverse("cooperation:report"), {"nam": 2023})
    if who == "outsider":
        assert response.status_code == 302  # no unit: told on the list page
    else:
        assert response.status_code == 200 and response["Content-Type"].endswith("document")


@pytest.mark.parametrize("who", PEOPLE)
def test_editing_and_deleting_year_plans_and_evaluations(client, world, who):
    people, records = world
    client.force_login(people[who])
    for unit, (_, _, plan, evaluation) in records.items():
        may = unit in CHANGES[who]
        response = client.post(
            reverse("cooperation:plan-edit", args=[plan.pk]),
            {"kh-year": 2023, "kh-number": "09-KHPH/HAI-BEN", "kh-issued_on": "15/05/2023", "kh-version": plan.version},
        )
        assert response.status_code == expected(who, unit, CHANGES), (who, unit, response.content.decode()[:1500])
        assert (YearPlan.objects.get(pk=plan.pk).number == "09-KHPH/HAI-BEN") == may, (who, unit)
        data = {
            "dg-year": 2023,
            "dg-held_on": "28/12/2023",
            "dg-chair": "Hai bên",
            "dg-result": "Đã sửa kết quả",
            "dg-version": evaluation.version,
        }
        response = client.post(reverse("cooperation:evaluation-edit", args=[evaluation.pk]), data)
        assert response.status_code == expected(who, unit, CHANGES), (who, unit, response.content.decode()[:1500])
        assert (Evaluation.objects.get(pk=evaluation.pk).result == "Đã sửa kết quả") == may, (who, unit)
        for name, record in (("plan-delete", plan), ("evaluation-delete", evaluation)):
            assert client.get(reverse(f"cooperation:{name}", args=[record.pk])).status_code == 405
            response = client.post(reverse(f"cooperation:{name}", args=[record.pk]))
            assert response.status_code == expected(who, unit, CHANGES), (who, unit, name)
            assert type(record).objects.filter(pk=record.pk).exists() != may, (who, unit, name)
