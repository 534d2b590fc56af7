"""Every grassroots democracy URL walked by the fixed cast: out of scope 404, in scope without the right 403 with
nothing changed, allowed 200/302; lists, statistics and exports show exactly what each person may see."""

from __future__ import annotations

import io

import openpyxl
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from danvan.core.testing.factories import CAST_UNITS, CHANGES, SEES, cast_people
from danvan.core.testing.uploads import pdf_bytes
from danvan.democracy import services
from danvan.democracy.models import Board, Charter, DemocracyYear, Matter, WorkplaceDialogue
from danvan.democracy.tests.conftest import (
    YEAR,
    agency,
    make_board,
    make_charter,
    make_dialogue,
    make_matter,
    make_record,
)

pytestmark = [pytest.mark.django_db, pytest.mark.scope_walk]
PEOPLE = list(SEES)


def expected(who: str, unit: str, allowed: dict, ok: int = 302) -> int:
    if unit not in SEES[who]:
        return 404
    return ok if unit in allowed[who] else 403


@pytest.fixture
def world(cast, settings, tmp_path):
    """A record for every cast unit: the communes' own, an agency's below the province and each district."""
    settings.MEDIA_ROOT = tmp_path
    records = {}
    for name in CAST_UNITS:
        unit = getattr(cast, name)
        if unit.kind.tier != "commune":
            unit = agency(unit, f"Cơ quan thuộc {unit.name}")
        record = make_record(cast.admin, unit, YEAR)
        services.save_record(cast.admin, record, record.version, SimpleUploadedFile("Tổng kết.pdf", pdf_bytes()))
        parts = {"ban": make_board(cast.admin, record)}
        if unit.kind.tier == "commune":
            parts["noi-dung"] = make_matter(cast.admin, record)
            parts["huong-uoc"] = make_charter(cast.admin, record)
        else:
            parts["doi-thoai"] = make_dialogue(cast.admin, record)
        records[name] = (record, parts)
    return cast_people(cast), records


@pytest.mark.parametrize("who", PEOPLE)
def test_pages_and_changes(client, world, who):
    people, records = world
    client.force_login(people[who])
    listed = client.get(reverse("democracy:home")).content.decode()
    stats = client.get(reverse("democracy:statistics") + f"?nam={YEAR}&don_vi=").content.decode()
    for unit, (record, parts) in records.items():
        detail = reverse("democracy:year-detail", args=[record.pk])
        assert (f'href="{detail}"' in listed) == (unit in SEES[who]), (who, unit)
        assert (f'href="{detail}"' in stats) == (unit in SEES[who]), (who, unit)
        assert client.get(detail).status_code == expected(who, unit, SEES, 200)
        tabs = ["ban-thanh-tra-giam-sat", "tong-ket"] + (
            ["ban-va-quyet-dinh", "huong-uoc-quy-uoc"] if "noi-dung" in parts else ["doi-thoai"]
        )
        for tab in tabs:
            url = reverse("democracy:year-tab", args=[record.pk, tab])
            assert client.get(url).status_code == expected(who, unit, SEES, 200), (who, unit, tab)
        assert client.get(reverse("democracy:review-file", args=[record.pk])).status_code == expected(
            who, unit, SEES, 200
        )
        edit = reverse("democracy:year-edit", args=[record.pk])
        assert client.get(edit).status_code == expected(who, unit, CHANGES, 200), (who, unit)
        data = {"place_kind": record.place_kind, "notes": f"Sửa bởi {who}", "version": record.version}
        assert client.post(edit, data).status_code == expected(who, unit, CHANGES), (who, unit)
        assert (DemocracyYear.objects.get(pk=record.pk).notes == f"Sửa bởi {who}") == (unit in CHANGES[who])
        line = record.disclosures.first()
        save = reverse("democracy:checklist-save", args=[record.pk])
        version = DemocracyYear.objects.get(pk=record.pk).version
        response = client.post(save, {"version": version, f"d{line.pk}-done": "on"})
        assert response.status_code == expected(who, unit, CHANGES, 200), (who, unit)  # errors shown on the page
        for slug, part in parts.items():
            url = reverse("democracy:part-edit", args=[slug, part.pk])
            assert client.get(url).status_code == expected(who, unit, CHANGES, 200), (who, unit, slug)
        board = parts["ban"]
        url = reverse("democracy:part-edit", args=["ban", board.pk])
        data = {"kind": board.kind, "members": 13, "meetings": 1, "recommendations": 0, "resolved": 0,
                "version": board.version}  # fmt: skip
        assert client.post(url, data).status_code == expected(who, unit, CHANGES), (who, unit)
        assert (Board.objects.get(pk=board.pk).members == 13) == (unit in CHANGES[who])
        add = reverse("democracy:part-add", args=[record.pk, "ban"])
        data = {"moi-kind": "investment", "moi-members": 5}
        response = client.post(add, data)
        assert response.status_code in (expected(who, unit, CHANGES), 200), (who, unit)
        delete_slug = "noi-dung" if "noi-dung" in parts else "doi-thoai"
        model = Matter if delete_slug == "noi-dung" else WorkplaceDialogue
        url = reverse("democracy:part-delete", args=[delete_slug, parts[delete_slug].pk])
        assert client.post(url).status_code == expected(who, unit, CHANGES), (who, unit)
        assert model.objects.filter(pk=parts[delete_slug].pk).exists() != (unit in CHANGES[who])
    assert Charter.objects.count() == 3


@pytest.mark.parametrize("who", PEOPLE)
def test_creating_only_for_ones_own_units(client, cast, world, who):
    people, _ = world
    client.force_login(people[who])
    assert client.get(reverse("democracy:year-create")).status_code == (200 if CHANGES[who] else 403)
    for unit in ("c1", "c2", "c3"):
        data = {"unit": getattr(cast, unit).pk, "year": YEAR - 1, "place_kind": "commune"}
        client.post(reverse("democracy:year-create"), data)
        created = DemocracyYear.objects.filter(unit=getattr(cast, unit), year=YEAR - 1).exists()
        assert created == (unit in CHANGES[who]), (who, unit)


@pytest.mark.parametrize("who", PEOPLE)
def test_exports_report_and_templates(client, world, who):
    people, records = world
    client.force_login(people[who])
    for tep, model in (("noi-dung", Matter), ("ban", Board), ("huong-uoc", Charter), ("doi-thoai", WorkplaceDialogue)):
        response = client.get(reverse("democracy:export") + f"?tep={tep}")
        assert response.status_code == 200
        sheet = openpyxl.load_workbook(io.BytesIO(b"".join(response.streaming_content))).active
        codes = {row[0] for row in sheet.iter_rows(min_row=2, values_only=True) if row[0]}
        seen = {records[u][0].unit.code for u in SEES[who] if model.objects.filter(record=records[u][0]).exists()}
        assert codes == seen, (who, tep)
        assert client.get(reverse("democracy:template") + f"?tep={tep}").status_code == 200
    assert client.get(reverse("democracy:export") + "?tep=khac").status_code == 404
    assert client.get(reverse("democracy:report")).status_code == 200
