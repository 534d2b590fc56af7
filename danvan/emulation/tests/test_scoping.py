"""Every score-sheet URL walked by the fixed cast: in scope 200/302, out of scope 404, in scope
without the right 403, and nothing changed where the answer is no.

Two sets of 2021: the province's (scoring districts D1, D2) and district D1's own (scoring communes
C1, C2). In each, the first card is a complete draft and the second has been submitted.
"""

from decimal import Decimal as D

import pytest
from django.core.files.base import ContentFile
from django.urls import reverse

from danvan.emulation import services
from danvan.emulation.choices import Kind, Status
from danvan.emulation.models import CriteriaSet, Criterion, EvidenceFile, Score, Scorecard
from danvan.emulation.tests.conftest import build_tree
from danvan.org.models import UnitKind

pytestmark = [pytest.mark.django_db, pytest.mark.scope_walk]

PEOPLE = ["admin", "d1_officer", "d1_reviewer", "c1_officer", "c2_officer", "d2_officer", "outsider"]
SETS = ["P", "D"]
CARDS = ["D1", "D2", "C1", "C2"]
SET_OF = {"D1": "P", "D2": "P", "C1": "D", "C2": "D"}

VIEW_SET = {who: set() for who in PEOPLE} | {"admin": {"P", "D"}, "d1_officer": {"D"}, "d1_reviewer": {"D"}}
MANAGE_SET = {who: set() for who in PEOPLE} | {"admin": {"P", "D"}, "d1_reviewer": {"D"}}
VIEW_CARD = {
    "admin": set(CARDS),
    "d1_officer": {"D1", "C1", "C2"},
    "d1_reviewer": {"D1", "C1", "C2"},
    "c1_officer": {"C1"},
    "c2_officer": {"C2"},
    "d2_officer": {"D2"},
    "outsider": set(),
}
FILL_CARD = VIEW_CARD | {"d1_reviewer": set()}  # an editor of the unit or above
APPRAISE_CARD = {who: set() for who in PEOPLE} | {"admin": {"D2", "C2"}, "d1_reviewer": {"C2"}}


def expected(who: str, key: str, view: dict, allowed: dict, ok: int) -> int:
    if key not in view[who]:
        return 404
    return ok if key in allowed[who] else 403


@pytest.fixture
def world(cast, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    sets, cards, criteria = {}, {}, {}
    for key, owner, members, commission in [
        ("P", cast.province, [cast.d1, cast.d2], cast.admin),
        ("D", cast.d1, [cast.c1, cast.c2], cast.d1_reviewer),
    ]:
        sets[key] = services.create_set(commission, name=f"Bản điểm {key} năm 2021", year=2021, unit=owner)
        criteria[key] = build_tree(commission, sets[key])
        for card in services.add_members(commission, sets[key], members):
            cards[card.unit.code] = card
    officers = {"D1": cast.d1_officer, "D2": cast.d2_officer, "C1": cast.c1_officer, "C2": cast.c2_officer}
    for code, card in cards.items():
        card = Scorecard.objects.select_related("unit__parent", "criteria_set__unit").get(pk=card.pk)
        for criterion in criteria[SET_OF[code]].values():
            if criterion.kind == Kind.CRITERION and criterion.max_score:
                services.save_self_score(officers[code], card, criterion.pk, criterion.max_score, "Có")
        if code in ("D2", "C2"):
            services.transition(officers[code], card, "submit")
        EvidenceFile.objects.create(scorecard=card, file=ContentFile(b"%PDF", name="minh-chung.pdf"))
    people = cast.users
    return people, sets, {k: Scorecard.objects.get(pk=v.pk) for k, v in cards.items()}, criteria


@pytest.mark.parametrize("who", PEOPLE)
def test_index_lists_only_what_is_in_scope(client, world, who):
    people, sets, cards, _ = world
    client.force_login(people[who])
    response = client.get(reverse("emulation:index"))
    assert response.status_code == 200
    assert {s.pk for s in response.context["sets"]} == {sets[k].pk for k in VIEW_SET[who]}
    shown_cards = {c.pk for c in response.context["cards"]}
    assert shown_cards == {cards[k].pk for k in VIEW_CARD[who] if SET_OF[k] not in VIEW_SET[who]}
    create = client.get(reverse("emulation:set-create")).status_code
    assert create == (200 if who in ("admin", "d1_reviewer") else 403)
    before = CriteriaSet.objects.count()
    data = {"name": "Bản điểm mới", "year": "2021", "unit": people["admin"].role_assignments.get().unit_id}
    response = client.post(reverse("emulation:set-create"), data)  # the province: only its admin
    assert response.status_code == (302 if who == "admin" else 200 if who == "d1_reviewer" else 403), who
    assert CriteriaSet.objects.count() - before == (1 if who == "admin" else 0)


@pytest.mark.parametrize("who", PEOPLE)
def test_set_pages(client, world, who):
    people, sets, _, criteria = world
    client.force_login(people[who])
    for key, criteria_set in sets.items():
        criterion = criteria[key]["I.1"]
        for name, args, ok in [
            ("emulation:set", [criteria_set.pk], 200),
            ("emulation:criteria-export", [criteria_set.pk], 200),
            ("emulation:results", [criteria_set.pk], 200),
            ("emulation:results-xlsx", [criteria_set.pk], 200),
            ("emulation:results-docx", [criteria_set.pk], 200),
        ]:
            status = client.get(reverse(name, args=args)).status_code
            assert status == expected(who, key, VIEW_SET, VIEW_SET, ok), (who, key, name)
        for name, args in [
            ("emulation:set-edit", [criteria_set.pk]),
            ("emulation:set-copy", [criteria_set.pk]),
            ("emulation:criterion-add", [criteria_set.pk]),
            ("emulation:criteria-import", [criteria_set.pk]),
            ("emulation:criterion-edit", [criterion.pk]),
        ]:
            status = client.get(reverse(name, args=args)).status_code
            assert status == expected(who, key, VIEW_SET, MANAGE_SET, 200), (who, key, name)


@pytest.mark.parametrize("who", PEOPLE)
def test_set_changes(client, world, who):
    people, sets, cards, criteria = world
    client.force_login(people[who])
    for key, criteria_set in sets.items():
        before = CriteriaSet.objects.get(pk=criteria_set.pk).name
        response = client.post(
            reverse("emulation:set-edit", args=[criteria_set.pk]),
            {"name": "Tên mới", "year": "2021", "description": "", "xl-TOTAL_FORMS": "0", "xl-INITIAL_FORMS": "0"},
        )
        assert response.status_code == expected(who, key, VIEW_SET, MANAGE_SET, 302), (who, key)
        changed = CriteriaSet.objects.get(pk=criteria_set.pk).name != before
        assert changed == (key in MANAGE_SET[who])
        moved = criteria[key]["II"]
        for name, args in [
            ("emulation:criterion-move", [moved.pk, "len"]),
            ("emulation:criterion-delete", [criteria[key]["IV.1"].pk]),
            ("emulation:members-remove", [criteria_set.pk, cards["D1" if key == "P" else "C1"].pk]),
        ]:
            status = client.post(reverse(name, args=args)).status_code
            assert status == expected(who, key, VIEW_SET, MANAGE_SET, 302), (who, key, name)
        response = client.post(reverse("emulation:members-add", args=[criteria_set.pk]), {"unit": ""})
        assert response.status_code == expected(who, key, VIEW_SET, MANAGE_SET, 200), (who, key)
        kinds = list(UnitKind.objects.filter(code="dang-uy-xa").values_list("pk", flat=True))
        owner = criteria_set.unit_id
        response = client.post(
            reverse("emulation:members-fill", args=[criteria_set.pk]), {"kinds": kinds, "within": owner}
        )
        assert response.status_code == expected(who, key, VIEW_SET, MANAGE_SET, 302), (who, key)
        response = client.post(
            reverse("emulation:criterion-add", args=[criteria_set.pk]), {"content": "Mới", "max_score": "2"}
        )
        assert response.status_code == expected(who, key, VIEW_SET, MANAGE_SET, 200), (
            who,
            key,
        )  # locked: the form says so
        assert not Criterion.objects.filter(criteria_set=criteria_set, content="Mới").exists()
        copied = CriteriaSet.objects.count()
        response = client.post(
            reverse("emulation:set-copy", args=[criteria_set.pk]),
            {"name": "Bản sao", "year": "2022", "unit": owner, "description": ""},
        )
        assert response.status_code == expected(who, key, VIEW_SET, MANAGE_SET, 302), (who, key)
        assert CriteriaSet.objects.count() - copied == (1 if key in MANAGE_SET[who] else 0)
        response = client.post(reverse("emulation:propose", args=[criteria_set.pk]), {"n": "1"})
        assert response.status_code == expected(who, key, VIEW_SET, MANAGE_SET, 200), (who, key)


@pytest.mark.parametrize("who", PEOPLE)
def test_scorecard_pages_and_files(client, world, who):
    people, _, cards, _ = world
    client.force_login(people[who])
    for code, card in cards.items():
        status = client.get(reverse("emulation:card", args=[card.pk])).status_code
        assert status == expected(who, code, VIEW_CARD, VIEW_CARD, 200), (who, code)
    for attached in EvidenceFile.objects.select_related("scorecard__unit"):
        code = attached.scorecard.unit.code
        status = client.get(reverse("emulation:file", args=[attached.pk])).status_code
        assert status == expected(who, code, VIEW_CARD, VIEW_CARD, 200), (who, code)


@pytest.mark.parametrize("who", PEOPLE)
def test_self_scoring_and_submitting(client, world, who):
    people, _, cards, criteria = world
    client.force_login(people[who])
    for code in ("D1", "C1"):
        card, criterion = cards[code], criteria[SET_OF[code]]["I.1"]
        url = reverse("emulation:score", args=[card.pk, criterion.pk])
        status = client.post(url, {"self_score": "7,5", "evidence": ""}).status_code
        assert status == expected(who, code, VIEW_CARD, FILL_CARD, 200), (who, code)
        saved = Score.objects.get(scorecard=card, criterion=criterion).self_score
        assert (saved == D("7.5")) == (code in FILL_CARD[who]), (who, code)
        status = client.post(reverse("emulation:card-action", args=[card.pk, "submit"])).status_code
        assert status == expected(who, code, VIEW_CARD, FILL_CARD, 302), (who, code)
        submitted = Scorecard.objects.get(pk=card.pk).status == Status.SUBMITTED
        assert submitted == (code in FILL_CARD[who]), (who, code)
        upload = client.post(
            reverse("emulation:file-upload", args=[card.pk]),
            {"file": ContentFile(b"%PDF", name="them.pdf"), "caption": ""},
        ).status_code
        assert upload in ({404} if code not in VIEW_CARD[who] else {200, 302, 403}), (who, code)


@pytest.mark.parametrize("who", PEOPLE)
def test_appraising(client, world, who):
    people, _, cards, criteria = world
    client.force_login(people[who])
    for code in ("D2", "C2"):
        card = cards[code]
        status = client.post(reverse("emulation:card-action", args=[card.pk, "appraise"])).status_code
        assert status == expected(who, code, VIEW_CARD, APPRAISE_CARD, 302), (who, code)
        appraising = Scorecard.objects.get(pk=card.pk).status == Status.APPRAISING
        assert appraising == (code in APPRAISE_CARD[who]), (who, code)
        if appraising:
            criterion = criteria[SET_OF[code]]["I.2"]
            url = reverse("emulation:score", args=[card.pk, criterion.pk])
            assert client.post(url, {"appraised_score": "15", "comment": ""}).status_code == 200
            assert Score.objects.get(scorecard=card, criterion=criterion).appraised_score == D("15")
            response = client.post(reverse("emulation:card-action", args=[card.pk, "finalize"]))
            assert response.status_code == 302
            assert Scorecard.objects.get(pk=card.pk).status == Status.FINAL


@pytest.mark.parametrize("who", PEOPLE)
def test_nobody_posts_a_score_to_another_units_card(client, world, who):
    """Out-of-scope posts are 404 and in-scope appraisal without the right is 403."""
    people, _, cards, criteria = world
    services.transition(people["admin"], cards["D2"], "appraise")
    client.force_login(people[who])
    card, criterion = cards["D2"], criteria["P"]["I.2"]
    status = client.post(reverse("emulation:score", args=[card.pk, criterion.pk]), {"appraised_score": "1"}).status_code
    assert status == expected(who, "D2", VIEW_CARD, APPRAISE_CARD, 200), who
    saved = Score.objects.get(scorecard=card, criterion=criterion).appraised_score
    assert (saved == D("1")) == (who == "admin"), who
