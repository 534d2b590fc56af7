"""A commendation through the API from the proposal to the issued decision, as the pages make it: the
recipients card's form and rules, the decision's draft, the proposals it takes, the issuing step."""

from __future__ import annotations

import pytest

from danvan.api.tests.test_api import api, make_key
from danvan.awards.models import Decision, Proposal, Recipient
from danvan.awards.tests.conftest import configured, world  # noqa: F401 - fixtures

pytestmark = pytest.mark.django_db
JSON = "application/json"


def test_a_proposal_becomes_an_issued_decision(client, world):  # noqa: F811 - fixture
    cast = world.cast
    commune = api(make_key(client, cast.c1_officer))
    body = {"unit": cast.c1.pk, "award_type": world.district_award.pk, "year": 2024,
            "achievement": "Đã có thành tích xuất sắc trong phong trào thi đua “Dân vận khéo” năm 2024"}  # fmt: skip
    proposal = commune.post("/api/v1/award-proposals/", body, content_type=JSON).json()
    recipients = f"/api/v1/award-proposals/{proposal['id']}/recipients/"

    itself = commune.post(recipients, {"kind": "collective", "is_unit": True, "unit": cast.c1.pk}, content_type=JSON)
    assert itself.status_code == 201, itself.content
    assert (itself.json()["name"], itself.json()["proposal"]) == (cast.c1.name, proposal["id"])
    person = {"kind": "individual", "unit": cast.c1.pk, "name": "Nguyễn Thị Hoa", "position": "Bí thư Chi bộ ấp"}
    assert commune.post(recipients, person, content_type=JSON).status_code == 201
    again = commune.post(recipients, person, content_type=JSON)
    assert again.status_code == 400 and "đã có trong tờ trình" in str(again.json()["error"]["fields"])
    nameless = commune.post(recipients, person | {"name": ""}, content_type=JSON)
    assert nameless.status_code == 400 and nameless.json()["error"]["fields"]["name"] == ["Cần nhập họ tên."]
    elsewhere = commune.post(recipients, person | {"unit": cast.c3.pk}, content_type=JSON)
    assert elsewhere.status_code == 400 and "unit" in elsewhere.json()["error"]["fields"]
    extra = commune.post(recipients, person | {"name": "Trần Văn Bình"}, content_type=JSON).json()
    listed = commune.get(f"/api/v1/award-recipients/?proposal={proposal['id']}").json()["results"]
    assert [r["name"] for r in listed] == [cast.c1.name, "Nguyễn Thị Hoa", "Trần Văn Bình"]
    assert commune.delete(f"/api/v1/award-recipients/{extra['id']}/").status_code == 204
    assert Recipient.objects.filter(proposal_id=proposal["id"]).count() == 2

    step = f"/api/v1/award-proposals/{proposal['id']}/transition/"
    assert commune.post(step, {"action": "submit"}, content_type=JSON).json()["status"] == "submitted"
    locked = commune.post(recipients, person | {"name": "Lê Văn Cường"}, content_type=JSON)
    assert locked.status_code == 400, locked.content  # a sent proposal takes no more recipients
    reviewer = api(make_key(client, cast.d1_reviewer))
    assert reviewer.post(step, {"action": "approve"}, content_type=JSON).json()["status"] == "approved"

    # The district drafts the decision, takes the approved proposal's recipients and adds one of its own.
    district = api(make_key(client, cast.d1_officer))
    draft = {"award_type": world.district_award.pk, "year": 2024, "date": "2024-12-20", "signer_mode": "head",
             "achievement": "Đã có thành tích xuất sắc trong phong trào thi đua “Dân vận khéo” năm 2024"}  # fmt: skip
    created = district.post("/api/v1/award-decisions/", draft, content_type=JSON)
    assert created.status_code == 201, created.content
    decision = created.json()
    assert (decision["status"], decision["unit"]) == ("draft", cast.d1.pk)
    url = f"/api/v1/award-decisions/{decision['id']}/"
    attached = district.post(f"{url}attach/", {"proposals": [proposal["id"]]}, content_type=JSON)
    assert attached.status_code == 200, attached.content
    assert Proposal.objects.get(pk=proposal["id"]).decision_id == decision["id"]
    twice = district.post(f"{url}attach/", {"proposals": [proposal["id"]]}, content_type=JSON)
    assert twice.status_code == 400 and "proposals" in twice.json()["error"]["fields"]
    own = {"kind": "collective", "unit": cast.c2.pk, "name": "Chi bộ ấp Bàu Tràm"}
    assert district.post(f"{url}recipients/", own, content_type=JSON).status_code == 201
    names = [r["name"] for r in district.get(f"/api/v1/award-recipients/?decision={decision['id']}").json()["results"]]
    assert sorted(names) == sorted([cast.c1.name, "Nguyễn Thị Hoa", "Chi bộ ấp Bàu Tràm"])

    change = {"signer_name": "Phạm Văn Lực", "number": "25-QĐ/BDVHU", "version": decision["version"]}
    edited = district.patch(url, change, content_type=JSON)  # the district keeps no register: it numbers by hand
    assert edited.status_code == 200 and edited.json()["signer_name"] == "Phạm Văn Lực"
    stale = district.patch(url, {"signer_name": "Người khác", "version": decision["version"]}, content_type=JSON)
    assert stale.status_code == 409
    outsider = api(make_key(client, cast.d2_officer))
    assert outsider.get(url).status_code == 404

    # Issuing needs the reviewer's right; it numbers and locks the decision.
    assert district.post(f"{url}transition/", {"action": "issue"}, content_type=JSON).status_code == 403
    issued = reviewer.post(f"{url}transition/", {"action": "issue"}, content_type=JSON)
    assert issued.status_code == 200, issued.content
    assert (issued.json()["status"], issued.json()["number"]) == ("issued", "25-QĐ/BDVHU")
    stored = Decision.objects.get(pk=decision["id"])
    assert (stored.status, stored.number) == ("issued", issued.json()["number"])
    after = district.patch(url, {"signer_name": "X", "version": issued.json()["version"]}, content_type=JSON)
    assert after.status_code in (400, 409)
    one = Recipient.objects.filter(decision_id=decision["id"]).first()
    assert district.delete(f"/api/v1/award-recipients/{one.pk}/").status_code in (400, 403)
    assert Recipient.objects.filter(decision_id=decision["id"]).count() == 3
