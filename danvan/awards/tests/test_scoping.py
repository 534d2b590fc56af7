"""Every commendation URL walked by the fixed cast (plus a viewer): in scope 200/302, out of scope 404,
in scope without the right 403 (or the form again), and nothing changed when refused."""

from __future__ import annotations

import datetime as dt
import io

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse
from openpyxl import load_workbook

from danvan.awards import services
from danvan.awards.choices import DecisionStatus, ProposalStatus
from danvan.awards.models import Amendment, Decision, Proposal, Recipient
from danvan.awards.tests.conftest import ACHIEVEMENT, collective, individual, make_proposal
from danvan.core.testing.factories import CAST_UNITS, CHANGES, SEES, cast_people
from danvan.core.testing.jobs import job_file

pytestmark = [pytest.mark.django_db, pytest.mark.scope_walk]

UNITS = CAST_UNITS
ALL = set(UNITS)
VIEW = SEES  # whose records (owned by a unit) each person may see
CHANGE = CHANGES
APPROVE = {who: set() for who in VIEW} | {"admin": ALL - {"province"}, "d1_reviewer": {"c1", "c2"}}
# Decisions belong to the granting unit: the province's commission, or district D1 for its own Giấy khen.
DECISION_VIEW = {who: set() for who in VIEW} | {
    "admin": {"province", "d1"},
    "d1_officer": {"d1"},
    "d1_reviewer": {"d1"},
}
DECISION_CHANGE = {who: set() for who in VIEW} | {"admin": {"province", "d1"}, "d1_officer": {"d1"}}
DECISION_REVIEW = {who: set() for who in VIEW} | {"admin": {"province", "d1"}, "d1_reviewer": {"d1"}}
PEOPLE = list(VIEW)


def expected(who: str, unit: str, allowed: dict, ok: int = 302, visible: dict = VIEW) -> int:
    if unit not in visible[who]:
        return 404
    return ok if unit in allowed[who] else 403


@pytest.fixture
def records(world):
    """Proposals in three states in every unit, and a draft and an issued decision of each granting unit,
    made by a clerk who takes no part in the tests."""
    cast = world.cast
    clerk = get_user_model().objects.create_user("nguoi_nhap", is_superuser=True)
    people = cast_people(cast)
    proposals = {}
    for name in UNITS:
        unit = getattr(cast, name)
        for state in ("draft", "submitted", "approved"):
            proposal = make_proposal(
                unit, world.giay_khen, clerk, recipients=[collective(unit), individual(unit, f"Nguyễn Văn {state}")]
            )
            if state != "draft":
                Proposal.objects.filter(pk=proposal.pk).update(status=state, submitted_by=clerk)
            proposals[name, state] = Proposal.objects.get(pk=proposal.pk)
    decisions = {}
    for name, award, number in (("province", world.giay_khen, ""), ("d1", world.district_award, "15-QĐ/BDVHU")):
        for state in ("draft", "issued"):
            decision = services.new_decision(award, 2024, dt.date(2025, 1, 10))
            decision.achievement, decision.number = ACHIEVEMENT, number if state == "issued" else ""
            decision = services.create_decision(clerk, decision)
            services.save_decision_recipient(clerk, decision, Recipient(kind="collective", is_unit=True, unit=cast.c2))
            if state == "issued":
                decision = services.issue_decision(clerk, decision)
            decisions[name, state] = Decision.objects.get(pk=decision.pk)
    return people, proposals, decisions


# --- Proposals -----------------------------------------------------------------------------------


@pytest.mark.parametrize("who", PEOPLE)
def test_proposal_pages(client, records, who):
    people, proposals, _ = records
    client.force_login(people[who])
    for (unit, state), proposal in proposals.items():
        for name in ("awards:proposal-detail", "awards:proposal-export"):
            response = client.get(reverse(name, args=[proposal.pk]))
            assert response.status_code == expected(who, unit, VIEW, 200), (who, unit, state, name)
        if state != "draft":
            continue
        recipient = proposal.recipients.first()
        for url in (
            reverse("awards:proposal-edit", args=[proposal.pk]),
            reverse("awards:proposal-import", args=[proposal.pk]),
            reverse("awards:recipient-edit", args=[proposal.pk, recipient.pk]),
        ):
            assert client.get(url).status_code == expected(who, unit, CHANGE, 200), (who, unit, url)


@pytest.mark.parametrize("who", PEOPLE)
def test_proposal_edits_and_recipients(client, world, records, who):
    people, proposals, _ = records
    client.force_login(people[who])
    for unit in UNITS:
        proposal = proposals[unit, "draft"]
        data = {"unit": proposal.unit_id, "award_type": proposal.award_type_id, "year": 2024}
        data |= {"number": "99-TTr", "achievement": proposal.achievement, "period": "", "version": proposal.version}
        response = client.post(reverse("awards:proposal-edit", args=[proposal.pk]), data)
        assert response.status_code == expected(who, unit, CHANGE), (who, unit)
        assert (Proposal.objects.get(pk=proposal.pk).number == "99-TTr") == (unit in CHANGE[who])

        added = {"kind": "collective", "unit": proposal.unit_id, "name": "Chi bộ ấp Mới"}
        response = client.post(reverse("awards:recipient-add", args=[proposal.pk]), added)
        assert response.status_code == expected(who, unit, CHANGE), (who, unit)
        assert proposal.recipients.filter(name="Chi bộ ấp Mới").exists() == (unit in CHANGE[who])

        person = proposal.recipients.get(kind="individual")
        response = client.post(reverse("awards:recipient-delete", args=[proposal.pk, person.pk]))
        assert response.status_code == expected(who, unit, CHANGE), (who, unit)
        assert Recipient.objects.filter(pk=person.pk).exists() == (unit not in CHANGE[who])


@pytest.mark.parametrize("who", PEOPLE)
@pytest.mark.parametrize(
    ("action", "state", "allowed", "target"),
    [
        ("submit", "draft", CHANGE, ProposalStatus.SUBMITTED),
        ("approve", "submitted", APPROVE, ProposalStatus.APPROVED),
        ("return", "submitted", APPROVE, ProposalStatus.RETURNED),
    ],
)
def test_proposal_workflow(client, records, who, action, state, allowed, target):
    people, proposals, _ = records
    client.force_login(people[who])
    for unit in UNITS:
        proposal = proposals[unit, state]
        data = {f"{action}-comment": "Bổ sung minh chứng"}
        response = client.post(reverse("awards:proposal-action", args=[proposal.pk, action]), data)
        assert response.status_code == expected(who, unit, allowed), (who, action, unit)
        status = Proposal.objects.get(pk=proposal.pk).status
        assert status == (target if unit in allowed[who] else state), (who, action, unit)


@pytest.mark.parametrize("who", PEOPLE)
def test_creating_a_proposal(client, world, records, who):
    people, _, _ = records
    client.force_login(people[who])
    assert client.get(reverse("awards:proposal-create")).status_code == (200 if CHANGE[who] else 403)
    for unit in UNITS:
        before = Proposal.objects.count()
        data = {"unit": getattr(world.cast, unit).pk, "award_type": world.giay_khen.pk, "year": 2024}
        data |= {"achievement": ACHIEVEMENT, "number": "", "period": ""}
        response = client.post(reverse("awards:proposal-create"), data)
        created = Proposal.objects.count() - before
        if unit in CHANGE[who]:
            assert (response.status_code, created) == (302, 1), (who, unit)
        else:
            assert response.status_code in (200, 403) and created == 0, (who, unit)


# --- Decisions -----------------------------------------------------------------------------------


@pytest.mark.parametrize("who", PEOPLE)
def test_decision_pages_and_downloads(client, records, who):
    people, _, decisions = records
    client.force_login(people[who])
    for (unit, state), decision in decisions.items():
        for name in ("awards:decision-detail", "awards:decision-docx"):
            response = client.get(reverse(name, args=[decision.pk]))
            assert response.status_code == expected(who, unit, DECISION_VIEW, 200, DECISION_VIEW), (who, unit, name)
        if state == "draft":
            response = client.get(reverse("awards:decision-edit", args=[decision.pk]))
            assert response.status_code == expected(who, unit, DECISION_CHANGE, 200, DECISION_VIEW), (who, unit)
        else:
            url = reverse("awards:decision-certificates", args=[decision.pk])
            allowed = expected(who, unit, DECISION_VIEW, 200, DECISION_VIEW)
            if allowed == 200:
                assert job_file(client, url)[1].startswith(b"%PDF")  # made by the worker, offered on its page
            else:
                assert client.post(url).status_code == allowed, (who, unit)
            response = client.get(reverse("awards:decision-amend", args=[decision.pk]))
            assert response.status_code == expected(who, unit, DECISION_REVIEW, 200, DECISION_VIEW), (who, unit)


@pytest.mark.parametrize("who", PEOPLE)
def test_decision_changes(client, world, records, who):
    people, proposals, decisions = records
    client.force_login(people[who])
    for unit in ("province", "d1"):
        draft = decisions[unit, "draft"]
        data = {"award_type": draft.award_type_id, "year": 2024, "date": "2025-01-10", "number": "",
                "signer_mode": "head", "signer_name": "Người Ký", "achievement": ACHIEVEMENT, "legal_bases": "Căn cứ;",
                "executors": "Thi hành.", "distribution": "Lưu VP", "version": draft.version}  # fmt: skip
        response = client.post(reverse("awards:decision-edit", args=[draft.pk]), data)
        assert response.status_code == expected(who, unit, DECISION_CHANGE, 302, DECISION_VIEW), (who, unit)
        assert (Decision.objects.get(pk=draft.pk).signer_name == "Người Ký") == (unit in DECISION_CHANGE[who])

        added = {"kind": "individual", "unit": world.cast.c1.pk, "name": "Lê Văn Mới", "position": "Trưởng ấp"}
        response = client.post(reverse("awards:decision-recipient-add", args=[draft.pk]), added)
        assert response.status_code == expected(who, unit, DECISION_CHANGE, 302, DECISION_VIEW), (who, unit)
        assert draft.recipients.filter(name="Lê Văn Mới").exists() == (unit in DECISION_CHANGE[who])

        first = draft.recipients.get(unit=world.cast.c2)
        response = client.post(reverse("awards:decision-recipient-remove", args=[draft.pk, first.pk]))
        assert response.status_code == expected(who, unit, DECISION_CHANGE, 302, DECISION_VIEW), (who, unit)
        assert Recipient.objects.filter(pk=first.pk).exists() == (unit not in DECISION_CHANGE[who])

    approved = proposals["c1", "approved"]
    province = decisions["province", "draft"]
    response = client.post(reverse("awards:decision-attach", args=[province.pk]), {"proposals": [approved.pk]})
    assert response.status_code == expected(who, "province", DECISION_CHANGE, 302, DECISION_VIEW)
    attached = Proposal.objects.get(pk=approved.pk).decision_id == province.pk
    assert attached == ("province" in DECISION_CHANGE[who])
    if attached:
        response = client.post(reverse("awards:decision-detach", args=[province.pk, approved.pk]))
        assert response.status_code == 302 and Proposal.objects.get(pk=approved.pk).decision_id is None


@pytest.mark.parametrize("who", PEOPLE)
def test_issuing_and_amending(client, records, who):
    people, _, decisions = records
    client.force_login(people[who])
    for unit in ("province", "d1"):
        draft = decisions[unit, "draft"]
        if unit == "d1":
            Decision.objects.filter(pk=draft.pk).update(number="16-QĐ/BDVHU")
        response = client.post(reverse("awards:decision-issue", args=[draft.pk]), {"issue-comment": ""})
        assert response.status_code == expected(who, unit, DECISION_REVIEW, 302, DECISION_VIEW), (who, unit)
        issued = Decision.objects.get(pk=draft.pk).status == DecisionStatus.ISSUED
        assert issued == (unit in DECISION_REVIEW[who]), (who, unit)

        locked = decisions[unit, "issued"]
        data = {"reason": "Sai ngày", "number": locked.number, "date": "2025-01-11", "signer_mode": "head",
                "signer_name": locked.signer_name, "achievement": locked.achievement, "recipient": ""}  # fmt: skip
        response = client.post(reverse("awards:decision-amend", args=[locked.pk]), data)
        assert response.status_code == expected(who, unit, DECISION_REVIEW, 302, DECISION_VIEW), (who, unit)
        assert Amendment.objects.filter(decision=locked).exists() == (unit in DECISION_REVIEW[who])


@pytest.mark.parametrize("who", PEOPLE)
def test_creating_and_importing_decisions(client, world, records, who):
    people, _, _ = records
    client.force_login(people[who])
    may_create = bool(CHANGE[who])
    for name in ("awards:decision-create", "awards:decision-import"):
        assert client.get(reverse(name)).status_code == (200 if may_create else 403), (who, name)
    for unit, award in (("province", world.giay_khen), ("d1", world.district_award)):
        before = Decision.objects.count()
        data = {"award_type": award.pk, "year": 2024, "date": "2025-01-12", "number": "", "signer_mode": "head",
                "achievement": ACHIEVEMENT}  # fmt: skip
        response = client.post(reverse("awards:decision-create"), data)
        created = Decision.objects.count() - before
        if unit in DECISION_CHANGE[who]:
            assert (response.status_code, created) == (302, 1), (who, unit)
        else:
            assert response.status_code in (200, 403) and created == 0, (who, unit)


# --- Lists, exports, statistics ------------------------------------------------------------------


@pytest.mark.parametrize("who", PEOPLE)
def test_lists_exports_and_statistics_show_only_what_is_in_scope(client, world, records, who):
    people, proposals, decisions = records
    client.force_login(people[who])
    html = client.get(reverse("awards:proposal-list")).content.decode()
    shown = {unit for (unit, _), p in proposals.items() if f'href="/khen-thuong/de-nghi/{p.pk}/"' in html}
    assert shown == VIEW[who], who
    for unit in UNITS:
        html = client.get(reverse("awards:proposal-list"), {"don_vi": getattr(world.cast, unit).pk}).content.decode()
        shown = {u for (u, _), p in proposals.items() if f'href="/khen-thuong/de-nghi/{p.pk}/"' in html}
        assert shown <= VIEW[who], (who, unit)
    html = client.get(reverse("awards:decision-list")).content.decode()
    shown = {unit for (unit, _), d in decisions.items() if f'href="/khen-thuong/quyet-dinh/{d.pk}/"' in html}
    assert shown == DECISION_VIEW[who], who

    sheet = load_workbook(io.BytesIO(client.get(reverse("awards:decision-export")).content)).active
    rows = list(sheet.iter_rows(min_row=2, values_only=True))
    # Recipients of issued decisions: C2 collectives, seen by whoever sees C2 or the decision.
    visible = [
        d
        for (unit, state), d in decisions.items()
        if state == "issued" and (unit in DECISION_VIEW[who] or "c2" in VIEW[who])
    ]
    assert sorted(r[0] for r in rows) == sorted(d.number for d in visible), who

    stats = client.get(reverse("awards:stats"), {"nam": 2024})
    assert stats.status_code == 200
    counted = stats.context["report"].total.collectives
    assert counted == (2 if "c2" in VIEW[who] else 0), who
    assert client.get(reverse("awards:stats-export"), {"nam": 2024}).status_code == 200


@pytest.mark.parametrize(
    ("name", "args", "method"),
    [
        ("awards:proposal-list", [], "get"),
        ("awards:proposal-create", [], "get"),
        ("awards:proposal-detail", [1], "get"),
        ("awards:proposal-edit", [1], "get"),
        ("awards:proposal-action", [1, "submit"], "post"),
        ("awards:recipient-add", [1], "post"),
        ("awards:recipient-edit", [1, 1], "get"),
        ("awards:recipient-delete", [1, 1], "post"),
        ("awards:proposal-import", [1], "get"),
        ("awards:proposal-export", [1], "get"),
        ("awards:decision-list", [], "get"),
        ("awards:decision-create", [], "get"),
        ("awards:decision-export", [], "get"),
        ("awards:decision-import", [], "get"),
        ("awards:decision-detail", [1], "get"),
        ("awards:decision-edit", [1], "get"),
        ("awards:decision-attach", [1], "post"),
        ("awards:decision-detach", [1, 1], "post"),
        ("awards:decision-recipient-add", [1], "post"),
        ("awards:decision-recipient-remove", [1, 1], "post"),
        ("awards:decision-issue", [1], "post"),
        ("awards:decision-amend", [1], "get"),
        ("awards:decision-docx", [1], "get"),
        ("awards:decision-certificates", [1], "post"),
        ("awards:stats", [], "get"),
        ("awards:stats-export", [], "get"),
        ("awards:stats-docx", [], "get"),
    ],
)
def test_every_page_requires_login(client, name, args, method):
    response = getattr(client, method)(reverse(name, args=args))
    assert response.status_code == 302
    assert response.url.startswith(reverse("login"))
