"""The REST API as another system uses it: a key made on the account page, the user's scope and no more,
the web's own checks on writes, and one error shape in Vietnamese."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from danvan.awards import services as services_of_awards
from danvan.awards.models import Proposal, Recipient
from danvan.awards.tests.conftest import configured, world  # noqa: F401 - fixtures
from danvan.core import tokens
from danvan.core.testing.factories import make_practice
from danvan.practices.forms import PracticeForm
from danvan.practices.models import Field, Level, Practice

pytestmark = pytest.mark.django_db


def make_key(client: Client, user, name: str = "Cổng thông tin tỉnh", days: int = 90) -> str:
    """A key made as a person makes it: on the account page, read back from what the page shows."""
    client.force_login(user)
    page = client.get(reverse("account")).content.decode()
    submit = re.search(r'name="submit_token" value="([0-9a-f]+)"', page).group(1)
    shown = client.post(reverse("api-token-create"), {"name": name, "days": days, "submit_token": submit})
    assert shown["Cache-Control"] == "no-store"
    key = re.search(r'data-testid="new-key">.*?<code[^>]*>([^<]+)</code>', shown.content.decode(), re.S).group(1)
    client.logout()
    return key


def api(key: str | None = None) -> Client:
    headers = {"Authorization": f"Bearer {key}"} if key else {}
    return Client(headers=headers)


def ids(response) -> set[int]:
    assert response.status_code == 200, response.content
    return {row["id"] for row in response.json()["results"]}


def test_a_key_made_on_the_account_page_works_until_revoked(client, cast):
    key = make_key(client, cast.c1_officer)
    assert api(key).get("/api/v1/practices/").status_code == 200
    token = tokens.ApiToken.objects.get(user=cast.c1_officer)
    assert token.digest != key and key.startswith(token.prefix)  # only a digest is stored
    assert token.last_used_at is not None

    # A second send of the same form makes no second key.
    client.force_login(cast.c1_officer)
    page = client.get(reverse("account")).content.decode()
    submit = re.search(r'name="submit_token" value="([0-9a-f]+)"', page).group(1)
    client.post(reverse("api-token-create"), {"name": "Lần 1", "days": 30, "submit_token": submit})
    again = client.post(reverse("api-token-create"), {"name": "Lần 1", "days": 30, "submit_token": submit}, follow=True)
    assert "Biểu mẫu này đã được gửi" in again.content.decode()
    assert tokens.ApiToken.objects.filter(user=cast.c1_officer).count() == 2

    # Another user cannot revoke it; its owner can, from the page's own form.
    other = Client()
    other.force_login(cast.c2_officer)
    other.post(reverse("api-token-revoke", args=[token.pk]))
    assert api(key).get("/api/v1/practices/").status_code == 200
    page = client.get(reverse("account")).content.decode()
    revoke_url = reverse("api-token-revoke", args=[token.pk])
    assert f'action="{revoke_url}"' in page
    done = client.post(revoke_url, follow=True).content.decode()
    assert "Đã thu hồi khóa “Cổng thông tin tỉnh" in done
    refused = api(key).get("/api/v1/practices/")
    assert refused.status_code == 401
    assert refused.json() == {
        "error": {"code": "authentication_failed", "message": "Khóa API không đúng, đã hết hạn hoặc đã bị thu hồi."}
    }
    assert refused["WWW-Authenticate"].startswith("Bearer")


def test_an_expired_key_and_a_missing_key_are_refused_in_vietnamese(client, cast):
    key = make_key(client, cast.c1_officer, days=30)
    tokens.ApiToken.objects.update(expires_at=timezone.now() - dt.timedelta(seconds=1))
    assert api(key).get("/api/v1/units/").json()["error"]["code"] == "authentication_failed"
    missing = api().get("/api/v1/units/")
    assert missing.status_code == 401
    assert missing.json()["error"] == {
        "code": "not_authenticated",
        "message": "Cần khóa API (tiêu đề Authorization: Bearer <khóa>) hoặc đăng nhập.",
    }
    with pytest.raises(Exception, match="Thời hạn khóa không hợp lệ"):
        tokens.issue(cast.c1_officer, "x", days=5000)


def test_each_key_sees_its_users_scope_and_no_more(client, cast):
    own = make_practice(cast.c1, 2024, name="Mô hình của xã Long Thuận")
    sibling = make_practice(cast.c2, 2024, name="Mô hình của xã Lợi Thuận")
    far = make_practice(cast.c3, 2024, name="Mô hình của xã Tân Lập")
    commune = api(make_key(client, cast.c1_officer))
    district = api(make_key(client, cast.d1_officer))
    province = api(make_key(client, cast.admin))

    assert ids(commune.get("/api/v1/practices/")) == {own.pk}
    assert ids(district.get("/api/v1/practices/")) == {own.pk, sibling.pk}
    assert ids(province.get("/api/v1/practices/")) == {own.pk, sibling.pk, far.pk}
    assert commune.get(f"/api/v1/practices/{own.pk}/").json()["code"] == own.code
    for client_, record in ((commune, sibling), (district, far)):
        response = client_.get(f"/api/v1/practices/{record.pk}/")
        assert response.status_code == 404
        assert response.json()["error"]["code"] == "not_found"
    units = {row["code"] for row in commune.get("/api/v1/units/?date=2024-06-01").json()["results"]}
    assert units == {"C1"}
    assert commune.get(f"/api/v1/units/{cast.c3.pk}/").status_code == 404
    # Filters narrow the scope, never widen it: another unit's id is refused, not ignored.
    bad = commune.get(f"/api/v1/practices/?don_vi={cast.c3.pk}")
    assert bad.status_code == 400 and "don_vi" in bad.json()["error"]["fields"]


def test_bad_parameters_get_a_vietnamese_400_naming_the_parameter(client, cast):
    key = make_key(client, cast.admin)
    cases = {
        "/api/v1/practices/?nam=abc": "nam",
        "/api/v1/units/?date=31/12/2024": "date",
        "/api/v1/statistics/?year=1800": "year",
        "/api/v1/statistics/?mode=x": "mode",
        "/api/v1/statistics/?unit=999999": "unit",
        "/api/v1/reviews/?year=x": "year",
    }
    for url, name in cases.items():
        response = api(key).get(url)
        assert response.status_code == 400, url
        error = response.json()["error"]
        assert error["code"] == "validation" and error["message"] == "Dữ liệu gửi lên chưa đúng."
        assert name in error["fields"], (url, error)
        assert not re.search(r"\b(the|is|not|valid|field)\b", str(error["fields"])), error  # no English
    assert api(key).get("/api/v1/practices/?page=99").json()["error"]["code"] == "not_found"


def practice_body(cast, **changes) -> dict:
    body = {
        "name": "Dân vận khéo trong chuyển đổi số ở ấp Long Phú",
        "kind": "model",
        "subject": "collective",
        "year": 2024,
        "unit": cast.c1.pk,
        "level": Level.objects.get(code="co-so").pk,
        "field": Field.objects.get(code="kinh-te").pk,
        "description": "Tổ công nghệ số cộng đồng hướng dẫn người dân dùng dịch vụ công trực tuyến.",
    }
    return body | changes


def test_writes_go_through_the_web_forms_checks_and_services(client, cast):
    commune = api(make_key(client, cast.c1_officer))
    created = commune.post("/api/v1/practices/", practice_body(cast), content_type="application/json")
    assert created.status_code == 201, created.content
    practice = Practice.objects.get(pk=created.json()["id"])
    assert practice.code == created.json()["code"] and practice.unit == cast.c1 and practice.status == "registered"
    # The web list shows what the API wrote.
    client.force_login(cast.c1_officer)
    assert practice.code in client.get("/dan-van-kheo/?q=chuyen doi so").content.decode()

    # The same checks and messages as the form: another unit, a missing name.
    refused = commune.post(
        "/api/v1/practices/", practice_body(cast, unit=cast.c3.pk, name=""), content_type="application/json"
    )
    assert refused.status_code == 400
    fields = refused.json()["error"]["fields"]
    web = PracticeForm(practice_body(cast, unit=cast.c3.pk, name=""), user=cast.c1_officer)
    assert not web.is_valid() and fields == {name: list(errors) for name, errors in web.errors.items()}
    assert set(fields) >= {"unit", "name"}
    assert Practice.objects.count() == 1

    # Two editors at once: an edit based on an old version is a 409 and changes nothing.
    version = created.json()["version"]
    url = f"/api/v1/practices/{practice.pk}/"
    first = commune.patch(url, {"name": "Tên mới", "version": version}, content_type="application/json")
    assert first.status_code == 200 and first.json()["name"] == "Tên mới"
    stale = commune.patch(url, {"name": "Tên cũ hơn", "version": version}, content_type="application/json")
    assert stale.status_code == 409 and stale.json()["error"]["code"] == "conflict"
    assert Practice.objects.get(pk=practice.pk).name == "Tên mới"
    no_version = commune.patch(url, {"name": "X"}, content_type="application/json")
    assert no_version.status_code == 400 and "version" in no_version.json()["error"]["fields"]

    # Workflow steps as the page's buttons take them, with their rules.
    step = f"{url}transition/"
    early = commune.post(step, {"action": "propose"}, content_type="application/json")
    assert early.status_code == 409 and "nên không thể" in early.json()["error"]["message"]
    assert commune.post(step, {"action": "start"}, content_type="application/json").json()["status"] == "implementing"
    assert commune.post(step, {"action": "propose"}, content_type="application/json").json()["status"] == "proposed"
    own_review = commune.post(step, {"action": "return", "comment": "Tự trả"}, content_type="application/json")
    assert own_review.status_code == 403
    reviewer = api(make_key(client, cast.d1_reviewer))
    no_reason = reviewer.post(step, {"action": "return"}, content_type="application/json")
    assert no_reason.status_code == 400 and "comment" in no_reason.json()["error"]["fields"]
    recognized = reviewer.post(
        step,
        {
            "action": "recognize",
            "level": Level.objects.get(code="co-so").pk,
            "decision_number": "15-QĐ/BCĐ",
            "decision_date": "2024-12-20",
            "recognizing_unit": cast.d1.pk,
        },
        content_type="application/json",
    )
    assert recognized.status_code == 200, recognized.content
    assert recognized.json()["status"] == "recognized" and recognized.json()["decision_date"] == "2024-12-20"
    locked = commune.patch(url, {"name": "Sửa sau công nhận", "version": 99}, content_type="application/json")
    assert locked.status_code in (400, 409)


def test_lists_cost_the_same_queries_for_many_rows(client, cast):
    key = make_key(client, cast.admin)
    for i in range(3):
        make_practice(cast.c1, 2024, name=f"Mô hình {i}")

    def count(url: str) -> int:
        with CaptureQueriesContext(connection) as queries:
            assert api(key).get(url).status_code == 200
        return len(queries)

    api(key).get("/api/v1/units/")  # the key's first use records its time; later ones within minutes do not
    few = {url: count(url) for url in ("/api/v1/practices/", "/api/v1/units/", "/api/v1/directives/")}
    for i in range(30):
        make_practice(cast.c2, 2023, name=f"Mô hình thêm {i}")
    assert {url: count(url) for url in few} == few


def test_a_proposal_is_drafted_edited_and_sent_as_on_its_page(client, world):  # noqa: F811 - fixture
    cast = world.cast
    commune = api(make_key(client, cast.c1_officer))
    body = {
        "unit": cast.c1.pk,
        "award_type": world.giay_khen.pk,
        "year": 2024,
        "achievement": "Đã có thành tích xuất sắc trong phong trào thi đua “Dân vận khéo” năm 2024",
    }
    created = commune.post("/api/v1/award-proposals/", body, content_type="application/json")
    assert created.status_code == 201, created.content
    proposal = Proposal.objects.get(pk=created.json()["id"])
    assert (proposal.status, proposal.unit_name) == ("draft", "Đảng ủy xã Long Thuận")
    other = commune.post("/api/v1/award-proposals/", body | {"unit": cast.c3.pk}, content_type="application/json")
    assert other.status_code == 400 and "unit" in other.json()["error"]["fields"]

    url = f"/api/v1/award-proposals/{proposal.pk}/"
    version = created.json()["version"]
    edited = commune.patch(url, {"number": "12-TTr/ĐU", "version": version}, content_type="application/json")
    assert edited.status_code == 200 and edited.json()["number"] == "12-TTr/ĐU"
    stale = commune.patch(url, {"number": "13-TTr/ĐU", "version": version}, content_type="application/json")
    assert stale.status_code == 409

    step = f"{url}transition/"
    empty = commune.post(step, {"action": "submit"}, content_type="application/json")
    assert empty.status_code == 400
    assert "chưa có tập thể, cá nhân nào" in str(empty.json()["error"]["fields"])
    services_of_awards.save_proposal_recipient(
        cast.c1_officer, proposal, Recipient(kind="collective", is_unit=True, unit=cast.c1)
    )
    sent = commune.post(step, {"action": "submit"}, content_type="application/json")
    assert sent.status_code == 200 and sent.json()["status"] == "submitted"
    locked = commune.patch(url, {"number": "14", "version": sent.json()["version"]}, content_type="application/json")
    assert locked.status_code == 400 and "không sửa được" in str(locked.json()["error"]["fields"])
    reviewer = api(make_key(client, cast.d1_reviewer))
    assert reviewer.post(step, {"action": "return"}, content_type="application/json").status_code == 400
    returned = reviewer.post(step, {"action": "return", "comment": "Bổ sung số liệu"}, content_type="application/json")
    assert returned.status_code == 200 and returned.json()["status"] == "returned"
    # A commune drafts no decisions: the award types it may grant are none.
    empty = commune.post("/api/v1/award-decisions/", {}, content_type="application/json")
    assert empty.status_code == 400 and "award_type" in empty.json()["error"]["fields"]
