"""Every opinion URL walked by the fixed cast (plus a viewer): out of scope 404, in scope without the right
403 with nothing changed, allowed 200/302; lists show exactly what each person may see."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from danvan.core.testing.factories import CAST_UNITS, CHANGES, SEES, cast_people
from danvan.core.testing.uploads import image_bytes
from danvan.opinion import services
from danvan.opinion.choices import State
from danvan.opinion.models import Collaborator, ItemFile, OpinionItem
from danvan.opinion.tests.conftest import make_collaborator, make_item

pytestmark = [pytest.mark.django_db, pytest.mark.scope_walk]

DAY = dt.date(2025, 5, 15)  # every cast unit existed then (the districts ended on 30/6/2025)
PEOPLE = list(SEES)


def expected(who: str, unit: str, allowed: dict, ok: int = 302) -> int:
    if unit not in SEES[who]:
        return 404
    return ok if unit in allowed[who] else 403


@pytest.fixture
def world(cast, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    people = cast_people(cast)
    items, files, collaborators = {}, {}, {}
    for name in CAST_UNITS:
        unit = getattr(cast, name)
        items[name] = make_item(cast.admin, unit, noted_on=DAY, summary=f"Dư luận tại {unit.name}")
        upload = SimpleUploadedFile("anh-chup.png", image_bytes())
        files[name] = services.attach(cast.admin, items[name], upload, "Ảnh chụp màn hình")
        collaborators[name] = make_collaborator(cast.admin, unit, name=f"Cộng tác viên {name}")
    items["d1_about_c1"] = make_item(cast.admin, cast.d1, place=cast.c1, noted_on=DAY, summary="Cùng vụ việc")
    return people, items, files, collaborators


@pytest.mark.parametrize("who", PEOPLE)
def test_item_pages_and_steps(client, world, who):
    people, items, files, _ = world
    client.force_login(people[who])
    listed = client.get(reverse("opinion:item-list")).content.decode()
    for unit, item in items.items():
        if unit not in CAST_UNITS:
            continue
        assert (f'href="/du-luan/{item.pk}/"' in listed) == (unit in SEES[who]), (who, unit)
        assert client.get(reverse("opinion:item-detail", args=[item.pk])).status_code == expected(who, unit, SEES, 200)
        assert client.get(reverse("opinion:item-file", args=[files[unit].pk])).status_code == expected(
            who, unit, SEES, 200
        )
        assert client.get(reverse("opinion:item-edit", args=[item.pk])).status_code == expected(
            who, unit, CHANGES, 200
        ), (who, unit)
        data = {
            "unit": item.unit_id, "noted_on": "15/05/2025", "place": item.place_id, "topic": item.topic_id,
            "summary": "Đã sửa", "source": item.source, "tendency": item.tendency, "intensity": item.intensity,
            "version": item.version,
        }  # fmt: skip
        response = client.post(reverse("opinion:item-edit", args=[item.pk]), data)
        assert response.status_code == expected(who, unit, CHANGES), (who, unit, response.content.decode()[:3000])
        assert (OpinionItem.objects.get(pk=item.pk).summary == "Đã sửa") == (unit in CHANGES[who])
        response = client.post(reverse("opinion:item-step", args=[item.pk, "watch"]))
        assert response.status_code == expected(who, unit, CHANGES), (who, unit)
        assert (OpinionItem.objects.get(pk=item.pk).state == State.WATCHING) == (unit in CHANGES[who])
        upload = SimpleUploadedFile("bien-ban.png", image_bytes())
        response = client.post(reverse("opinion:item-file-add", args=[item.pk]), {"file": upload})
        assert response.status_code == expected(who, unit, CHANGES), (who, unit)
        response = client.post(reverse("opinion:item-file-delete", args=[files[unit].pk]))
        assert response.status_code == expected(who, unit, CHANGES), (who, unit)
        assert ItemFile.objects.filter(pk=files[unit].pk).exists() != (unit in CHANGES[who])


@pytest.mark.parametrize("who", PEOPLE)
def test_merging_needs_change_scope_on_both(client, world, who):
    people, items, *_ = world
    client.force_login(people[who])
    case, duplicate = items["d1_about_c1"], items["c1"]
    response = client.post(reverse("opinion:item-merge", args=[case.pk]), {"duplicates": [duplicate.pk]})
    merged = OpinionItem.objects.get(pk=duplicate.pk).case_id == case.pk
    assert merged == ("d1" in CHANGES[who] and "c1" in CHANGES[who]), who
    assert response.status_code in ((302,) if merged else (200, 403, 404)), who


@pytest.mark.parametrize("who", PEOPLE)
def test_collaborator_pages(client, world, who):
    people, _, _, collaborators = world
    client.force_login(people[who])
    listed = client.get(reverse("opinion:collaborator-list")).content.decode()
    for unit, collaborator in collaborators.items():
        assert (f'href="/du-luan/cong-tac-vien/{collaborator.pk}/"' in listed) == (unit in SEES[who]), (who, unit)
        url = reverse("opinion:collaborator-detail", args=[collaborator.pk])
        assert client.get(url).status_code == expected(who, unit, SEES, 200)
        edit = reverse("opinion:collaborator-edit", args=[collaborator.pk])
        assert client.get(edit).status_code == expected(who, unit, CHANGES, 200)
        data = {"unit": collaborator.unit_id, "name": "Tên mới", "term_start": "01/01/2025", "version": 1}
        assert client.post(edit, data).status_code == expected(who, unit, CHANGES), (who, unit)
        assert (Collaborator.objects.get(pk=collaborator.pk).name == "Tên mới") == (unit in CHANGES[who])


@pytest.mark.parametrize("who", PEOPLE)
def test_recording_only_for_ones_own_units(client, cast, world, who):
    people, *_ = world
    client.force_login(people[who])
    may = bool(CHANGES[who])
    assert client.get(reverse("opinion:item-create")).status_code == (200 if may else 403)
    for unit in CAST_UNITS:
        cast_unit = getattr(cast, unit)
        data = {
            "unit": cast_unit.pk, "noted_on": "15/05/2025", "place": cast_unit.pk,
            "topic": OpinionItem.objects.first().topic_id, "summary": f"Mới {unit}", "source": "briefing",
            "tendency": "unsure", "intensity": "low",
        }  # fmt: skip
        client.post(reverse("opinion:item-create"), data)
        assert OpinionItem.objects.filter(summary=f"Mới {unit}").exists() == (unit in CHANGES[who]), (who, unit)
