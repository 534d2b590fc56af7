"""Every practice URL walked by the fixed cast (plus a viewer): in scope 200/302, out of scope 404,
in scope without the right 403 (or an error message) with nothing changed."""

import datetime as dt

import pytest
from django.contrib.auth import get_user_model
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from danvan.core.testing.factories import CAST_UNITS, CHANGES, SEES, cast_people, make_practice
from danvan.org.models import Bloc
from danvan.practices import services
from danvan.practices.choices import Status
from danvan.practices.models import Amendment, Field, Level, Practice, PracticeFile

pytestmark = [pytest.mark.django_db, pytest.mark.scope_walk]

UNITS = CAST_UNITS
ALL = set(UNITS)
VIEW = SEES  # whose records (owned by a unit) each person may see
CHANGE = CHANGES
REVIEW = {who: set() for who in VIEW} | {"admin": ALL, "d1_reviewer": {"d1", "c1", "c2"}}
RECOGNIZE = {who: set() for who in VIEW} | {"admin": ALL - {"province"}, "d1_reviewer": {"c1", "c2"}}
PEOPLE = list(VIEW)


def expected(who: str, unit: str, allowed: dict, ok: int = 302) -> int:
    if unit not in VIEW[who]:
        return 404
    return ok if unit in allowed[who] else 403


@pytest.fixture
def world(cast, settings, tmp_path):
    """A practice in every state in every unit, filed by a clerk who takes no decision in the tests."""
    settings.MEDIA_ROOT = tmp_path
    clerk = get_user_model().objects.create_user("nguoi_nhap", is_superuser=True)
    people = cast_people(cast)
    co_so = Level.objects.get(code="co-so")
    records: dict[tuple[str, str], Practice] = {}
    for name in UNITS:
        unit = getattr(cast, name)
        for state in ("registered", "implementing", "proposed", "recognized"):
            practice = make_practice(unit, 2019, user=clerk, name=f"Mô hình dân vận khéo {state} của {unit.name}")
            if state != "registered":
                practice = services.transition(clerk, practice, "start")
            if state in ("proposed", "recognized"):
                practice = services.transition(clerk, practice, "propose")
            if state == "recognized":  # set directly: a province's own practice has nobody above it
                Practice.objects.filter(pk=practice.pk).update(
                    status=Status.RECOGNIZED,
                    recognized_level=co_so,
                    decision_number="01-QĐ/BCĐ",
                    decision_date=dt.date(2019, 12, 1),
                    recognizing_unit=unit.parent or unit,
                )
            records[name, state] = Practice.objects.get(pk=practice.pk)
        PracticeFile.objects.create(
            practice=records[name, "registered"], file=ContentFile(b"%PDF", name="minh-chung.pdf"), uploaded_by=clerk
        )
    return people, records


def edit_data(practice: Practice, **overrides) -> dict:
    data = {
        "name": practice.name,
        "kind": practice.kind,
        "subject": practice.subject,
        "unit": practice.unit_id,
        "bloc": practice.bloc_id,
        "field": practice.field_id,
        "year": practice.year,
        "level": practice.level_id,
        "version": practice.version,
        "replicated_from_code": "",
    }
    if practice.status == Status.RECOGNIZED:
        data |= {
            "recognized_level": practice.recognized_level_id,
            "decision_number": practice.decision_number,
            "decision_date": practice.decision_date.isoformat(),
        }
    return data | overrides


@pytest.mark.parametrize("who", PEOPLE)
def test_detail_and_file_download(client, cast, world, who):
    people, records = world
    client.force_login(people[who])
    for (unit, _state), practice in records.items():
        assert client.get(reverse("practices:detail", args=[practice.pk])).status_code == expected(
            who, unit, VIEW, 200
        ), (who, unit)
    for attached in PracticeFile.objects.select_related("practice__unit"):
        unit = next(name for name in UNITS if getattr(cast, name) == attached.practice.unit)
        response = client.get(reverse("practices:file", args=[attached.pk]))
        assert response.status_code == expected(who, unit, VIEW, 200), (who, unit)


@pytest.mark.parametrize("who", PEOPLE)
def test_edit(client, world, who):
    people, records = world
    client.force_login(people[who])
    for unit in UNITS:
        practice = records[unit, "registered"]
        url = reverse("practices:edit", args=[practice.pk])
        assert client.get(url).status_code == expected(who, unit, CHANGE, 200), (who, unit)
        response = client.post(url, edit_data(practice, name="Tên đã sửa"))
        assert response.status_code == expected(who, unit, CHANGE), (who, unit)
        changed = Practice.objects.get(pk=practice.pk).name == "Tên đã sửa"
        assert changed == (unit in CHANGE[who]), (who, unit)


@pytest.mark.parametrize("who", PEOPLE)
def test_create(client, cast, world, who):
    people, _ = world
    client.force_login(people[who])
    can_create = bool(CHANGE[who])
    assert client.get(reverse("practices:create")).status_code == (200 if can_create else 403)
    field, level = Field.objects.get(code="kinh-te"), Level.objects.get(code="co-so")
    for unit in UNITS:
        before = Practice.objects.count()
        data = {"name": "Mô hình mới", "kind": "model", "subject": "collective", "unit": getattr(cast, unit).pk}
        data |= {"field": field.pk, "year": 2019, "level": level.pk, "bloc": ""}
        response = client.post(reverse("practices:create"), data)
        created = Practice.objects.count() - before
        if unit in CHANGE[who]:
            assert (response.status_code, created) == (302, 1), (who, unit)
        else:
            assert response.status_code in (200, 403) and created == 0, (who, unit)


@pytest.mark.parametrize("who", PEOPLE)
@pytest.mark.parametrize(
    ("action", "state", "allowed", "target"),
    [
        ("start", "registered", CHANGE, Status.IMPLEMENTING),
        ("propose", "implementing", CHANGE, Status.PROPOSED),
        ("recognize", "proposed", RECOGNIZE, Status.RECOGNIZED),
        ("return", "proposed", RECOGNIZE, Status.IMPLEMENTING),
        ("reject", "proposed", RECOGNIZE, Status.REJECTED),
    ],
)
def test_workflow_actions(client, cast, world, who, action, state, allowed, target):
    people, records = world
    client.force_login(people[who])
    for unit in UNITS:
        practice = records[unit, state]
        data = {f"{action}-comment": "Đủ điều kiện" if action != "return" else "Bổ sung minh chứng"}
        if action == "recognize":
            parent = getattr(cast, unit).parent
            data |= {
                "recognize-level": Level.objects.get(code="co-so").pk,
                "recognize-decision_number": "12-QĐ/BCĐ",
                "recognize-decision_date": "2019-12-20",
                "recognize-recognizing_unit": parent.pk if parent else "",
            }
        response = client.post(reverse("practices:action", args=[practice.pk, action]), data)
        assert response.status_code == expected(who, unit, allowed), (who, action, unit)
        status = Practice.objects.get(pk=practice.pk).status
        assert status == (target if unit in allowed[who] else practice.status), (who, action, unit)


@pytest.mark.parametrize("who", PEOPLE)
def test_file_upload(client, world, who):
    people, records = world
    client.force_login(people[who])
    may_attach = {name: CHANGE[name] | REVIEW[name] for name in PEOPLE}
    for unit in UNITS:
        practice = records[unit, "implementing"]
        file = SimpleUploadedFile("bien-ban.pdf", b"%PDF-1.4")
        response = client.post(reverse("practices:file-upload", args=[practice.pk]), {"kind": "evidence", "file": file})
        assert response.status_code == expected(who, unit, may_attach), (who, unit)
        assert practice.files.exists() == (unit in may_attach[who]), (who, unit)


@pytest.mark.parametrize("who", PEOPLE)
def test_amend(client, world, who):
    people, records = world
    client.force_login(people[who])
    for unit in UNITS:
        practice = records[unit, "recognized"]
        url = reverse("practices:amend", args=[practice.pk])
        assert client.get(url).status_code == expected(who, unit, REVIEW, 200), (who, unit)
        response = client.post(url, edit_data(practice, name="Tên đính chính", reason="Sai tên"))
        assert response.status_code == expected(who, unit, REVIEW), (who, unit)
        assert Amendment.objects.filter(practice=practice).exists() == (unit in REVIEW[who]), (who, unit)


@pytest.mark.parametrize("who", PEOPLE)
def test_bulk_decisions(client, cast, world, who):
    people, records = world
    client.force_login(people[who])
    mine = [records[unit, "proposed"] for unit in UNITS if unit in RECOGNIZE[who]]
    others = [records[unit, "proposed"] for unit in UNITS if unit not in RECOGNIZE[who]]
    decision = {"action": "recognize", "level": Level.objects.get(code="co-so").pk, "decision_number": "30-QĐ/BCĐ"}
    decision |= {
        "decision_date": "2019-12-30",
        "recognizing_unit": (cast.d1 if who == "d1_reviewer" else cast.province).pk,
    }
    # Anything the user may not decide spoils the whole batch.
    for intruder in others:
        response = client.post(reverse("practices:bulk"), decision | {"practices": [p.pk for p in [*mine, intruder]]})
        assert response.status_code in (200, 403), (who, intruder.unit_name)
        if response.status_code == 200:
            assert "Chưa xử lý hồ sơ nào" in response.content.decode()
        assert not Practice.objects.filter(decision_number="30-QĐ/BCĐ").exists(), (who, intruder.unit_name)
    if mine:
        response = client.post(reverse("practices:bulk"), decision | {"practices": [p.pk for p in mine]})
        assert response.status_code == 302
        assert Practice.objects.filter(decision_number="30-QĐ/BCĐ").count() == len(mine)


FILTERS = [
    {},
    {"q": "mo hinh dan van kheo"},
    {"q": "xa"},
    {"nam": 2019},
    {"loai": "model"},
    {"doi_tuong": "collective"},
    {"trang_thai": "registered"},
    {"trang_thai": "recognized"},
    {"sap_xep": "ten"},
    {"sap_xep": "-don-vi"},
    {"sap_xep": "trang-thai"},
]


@pytest.mark.parametrize("who", PEOPLE)
def test_the_list_never_shows_another_units_practice(client, cast, world, who):
    people, records = world
    client.force_login(people[who])
    co_so, kinh_te = Level.objects.get(code="co-so"), Field.objects.get(code="kinh-te")
    filters = [*FILTERS, {"cap": co_so.pk}, {"linh_vuc": kinh_te.pk}, {"khoi": Bloc.objects.get(code="dang").pk}]
    for unit in UNITS:  # the unit filter, in and out of scope, with and without the subtree
        filters += [{"don_vi": getattr(cast, unit).pk, "truc_thuoc": "on"}, {"don_vi": getattr(cast, unit).pk}]
    for params in filters:
        response = client.get(reverse("practices:list"), params)
        assert response.status_code == 200
        html = response.content.decode()
        shown = {unit for (unit, _), p in records.items() if f'href="/dan-van-kheo/{p.pk}/"' in html}
        assert shown <= VIEW[who], (who, params)
        if not params:
            assert shown == VIEW[who], who
        if "don_vi" in params and params["don_vi"] not in {getattr(cast, u).pk for u in VIEW[who]}:
            assert "Hãy chọn một lựa chọn hợp lệ" in html  # an out-of-scope unit id is refused, not applied
    options = client.get(reverse("practices:lookup"), {"replicated_from_code": "mo hinh"}).content.decode()
    listed = {unit for (unit, _), p in records.items() if f'value="{p.code}"' in options}
    assert listed <= VIEW[who], who


@pytest.mark.parametrize(
    ("name", "args", "method"),
    [
        ("practices:list", [], "get"),
        ("practices:create", [], "get"),
        ("practices:lookup", [], "get"),
        ("practices:bulk", [], "post"),
        ("practices:detail", [1], "get"),
        ("practices:edit", [1], "get"),
        ("practices:amend", [1], "get"),
        ("practices:file-upload", [1], "post"),
        ("practices:file", [1], "get"),
        ("practices:action", [1, "start"], "post"),
    ],
)
def test_every_page_requires_login(client, name, args, method):
    response = getattr(client, method)(reverse(name, args=args))
    assert response.status_code == 302
    assert response.url.startswith(reverse("login"))
