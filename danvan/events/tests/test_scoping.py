"""Every events URL walked by the fixed cast (plus a viewer): out of scope 404, in scope without the right
403 with nothing changed, allowed 200/302; lists show exactly what each person may see."""

from __future__ import annotations

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from danvan.core.testing.factories import CAST_UNITS, CHANGES, SEES, cast_people
from danvan.core.testing.uploads import image_bytes
from danvan.events.models import Conference, ConferenceFile, Contest, Entry, Prize, Round, Score
from danvan.events.services import conferences as conference_services
from danvan.events.services import contests as services
from danvan.events.tests.conftest import START, add_entry, add_round, make_conference, make_contest, prize_kind

pytestmark = [pytest.mark.django_db, pytest.mark.scope_walk]

PEOPLE = list(SEES)
CHILD = {"province": "d1", "d1": "c1", "d2": "c3", "c1": "c1", "c2": "c2", "c3": "c3"}


def expected(who: str, unit: str, allowed: dict, ok: int = 302) -> int:
    if unit not in SEES[who]:
        return 404
    return ok if unit in allowed[who] else 403


@pytest.fixture
def world(cast, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    contests, conferences, files = {}, {}, {}
    for name in CAST_UNITS:
        unit = getattr(cast, name)
        contest = make_contest(cast.admin, unit, name=f"Hội thi của {unit.name}")
        add_round(cast.admin, contest)
        add_entry(cast.admin, contest, getattr(cast, CHILD[name]), "Đội một")
        add_entry(cast.admin, contest, getattr(cast, CHILD[name]), "Đội hai")
        contests[name] = services.take_step(cast.admin, contest, "start")
        conferences[name] = make_conference(cast.admin, unit, title=f"Hội nghị của {unit.name}")
        upload = SimpleUploadedFile("bao-cao.png", image_bytes())
        files[name] = conference_services.attach(cast.admin, conferences[name], upload, "Báo cáo")
    return cast_people(cast), contests, conferences, files


@pytest.mark.parametrize("who", PEOPLE)
def test_contest_pages_and_changes(client, cast, world, who):
    people, contests, *_ = world
    client.force_login(people[who])
    assert client.get(reverse("events:home")).status_code == 200
    listed = client.get(reverse("events:home") + "?so_dong=100").content.decode()
    for unit, contest in contests.items():
        assert (f'href="/hoi-thi-hoi-nghi/hoi-thi/{contest.pk}/"' in listed) == (unit in SEES[who]), (who, unit)
        pk = contest.pk
        assert client.get(reverse("events:contest-detail", args=[pk])).status_code == expected(who, unit, SEES, 200)
        assert client.get(reverse("events:scores-export", args=[pk])).status_code == expected(who, unit, SEES, 200)
        assert client.get(reverse("events:results-notice", args=[pk])).status_code == expected(who, unit, SEES, 302)
        assert client.get(reverse("events:contest-edit", args=[pk])).status_code == expected(who, unit, CHANGES, 200)
        assert client.get(reverse("events:scores", args=[pk])).status_code == expected(who, unit, CHANGES, 200)
        rounds, entries = list(Round.objects.filter(contest=contest)), list(Entry.objects.filter(contest=contest))
        data = {"version": Contest.objects.get(pk=pk).version, f"d_{entries[0].pk}_{rounds[0].pk}": "9,5"}
        response = client.post(reverse("events:scores", args=[pk]), data)
        assert response.status_code == expected(who, unit, CHANGES), (who, unit)
        assert Score.objects.filter(entry=entries[0]).exists() == (unit in CHANGES[who])
        data = {"v-name": "Vòng chung khảo", "v-max_score": "100"}
        assert client.post(reverse("events:round-add", args=[pk]), data).status_code == expected(who, unit, CHANGES)
        data = {"g-entry": entries[1].pk, "g-kind": prize_kind("nhat").pk}
        assert client.post(reverse("events:prize-add", args=[pk]), data).status_code == expected(who, unit, CHANGES)
        prize = Prize.objects.filter(entry=entries[1]).first()
        assert (prize is not None) == (unit in CHANGES[who])
        if prize is not None:
            client.post(reverse("events:prize-delete", args=[prize.pk]))
        response = client.post(reverse("events:entry-delete", args=[entries[1].pk]))
        assert response.status_code == expected(who, unit, CHANGES), (who, unit)
        assert Entry.objects.filter(pk=entries[1].pk).exists() != (unit in CHANGES[who])
        response = client.post(reverse("events:round-delete", args=[rounds[0].pk]))
        assert response.status_code == expected(who, unit, CHANGES)
        response = client.post(reverse("events:contest-step", args=[pk, "announce"]))
        assert response.status_code in ((302,) if unit in CHANGES[who] else (403, 404)), (who, unit)


@pytest.mark.parametrize("who", PEOPLE)
def test_conference_pages_and_changes(client, cast, world, who):
    people, _, conferences, files = world
    client.force_login(people[who])
    listed = client.get(reverse("events:conference-list") + "?so_dong=100").content.decode()
    for unit, conference in conferences.items():
        pk = conference.pk
        assert (f'href="/hoi-thi-hoi-nghi/hoi-nghi/{pk}/"' in listed) == (unit in SEES[who]), (who, unit)
        assert client.get(reverse("events:conference-detail", args=[pk])).status_code == expected(who, unit, SEES, 200)
        assert client.get(reverse("events:conference-file", args=[files[unit].pk])).status_code == expected(
            who, unit, SEES, 200
        )
        edit = reverse("events:conference-edit", args=[pk])
        assert client.get(edit).status_code == expected(who, unit, CHANGES, 200)
        data = {"unit": conference.unit_id, "kind": conference.kind_id, "title": "Đã sửa",
                "date": START.strftime("%d/%m/%Y"), "version": conference.version}  # fmt: skip
        assert client.post(edit, data).status_code == expected(who, unit, CHANGES), (who, unit)
        assert (Conference.objects.get(pk=pk).title == "Đã sửa") == (unit in CHANGES[who])
        upload = SimpleUploadedFile("chuong-trinh.png", image_bytes())
        response = client.post(reverse("events:conference-file-add", args=[pk]), {"file": upload})
        assert response.status_code == expected(who, unit, CHANGES), (who, unit)
        response = client.post(reverse("events:conference-file-delete", args=[files[unit].pk]))
        assert response.status_code == expected(who, unit, CHANGES)
        assert ConferenceFile.objects.filter(pk=files[unit].pk).exists() != (unit in CHANGES[who])


@pytest.mark.parametrize("who", PEOPLE)
def test_recording_only_for_ones_own_units_and_exports_in_scope(client, cast, world, who):
    people, *_ = world
    client.force_login(people[who])
    may = bool(CHANGES[who])
    for url in ("events:contest-create", "events:conference-create"):
        assert client.get(reverse(url)).status_code == (200 if may else 403)
    assert client.get(reverse("events:conference-template")).status_code == 200
    exported = client.get(reverse("events:conference-export"))
    assert exported.status_code == 200
    for name in CAST_UNITS:
        unit = getattr(cast, name)
        data = {"unit": unit.pk, "kind": Conference.objects.first().kind_id, "title": f"Mới {name}",
                "date": "15/05/2025"}  # fmt: skip
        client.post(reverse("events:conference-create"), data)
        assert Conference.objects.filter(title=f"Mới {name}").exists() == (name in CHANGES[who]), (who, name)
        data = {"unit": unit.pk, "kind": Contest.objects.first().kind_id, "name": f"Hội thi mới {name}",
                "start_date": "15/05/2025", "end_date": "16/05/2025"}  # fmt: skip
        client.post(reverse("events:contest-create"), data)
        assert Contest.objects.filter(name=f"Hội thi mới {name}").exists() == (name in CHANGES[who]), (who, name)
