"""Directives, their reviews, work plans and key tasks written through the API as their pages write them:
the same form checks and messages, the services' rules, the version for two editors, and the scope."""

from __future__ import annotations

import datetime as dt

import pytest
from django.utils import timezone

from danvan.api.tests.test_api import api, make_key
from danvan.planning.forms import DirectiveForm, KeyTaskForm
from danvan.planning.models import Directive, KeyTask, Milestone, WorkPlan
from danvan.planning.tests.conftest import config, dtype, make_plan  # noqa: F401 - fixtures

pytestmark = pytest.mark.django_db
JSON = "application/json"


def directive_body(cast, **changes) -> dict:
    body = {
        "unit": cast.d1.pk,
        "type": dtype("ket-luan").pk,
        "number": "03-KL/TW",
        "issued_on": "2016-05-13",
        "issuer": "Ban Bí thư",
        "summary": "Tiếp tục thực hiện Quyết định số 290-QĐ/TW của Bộ Chính trị về Quy chế công tác dân vận",
        "interim_years": "3, 5",
        "final_years": 10,
    }
    return body | changes


def test_a_directive_is_registered_with_its_review_dates_and_edited_once_at_a_time(client, cast, config):  # noqa: F811
    district = api(make_key(client, cast.d1_officer))
    created = district.post("/api/v1/directives/", directive_body(cast), content_type=JSON)
    assert created.status_code == 201, created.content
    directive = Directive.objects.get(pk=created.json()["id"])
    dues = sorted((m["kind"], m["due_date"]) for m in created.json()["milestones"])
    assert dues == [("final", "2026-05-13"), ("interim", "2019-05-13"), ("interim", "2021-05-13")]
    assert dues == sorted((m.kind, m.due_date.isoformat()) for m in directive.milestones.all())

    # The form's own checks and messages: another district's unit, a number not of its type.
    wrong = directive_body(cast, unit=cast.d2.pk, number="03-CT/TW")
    refused = district.post("/api/v1/directives/", wrong, content_type=JSON)
    assert refused.status_code == 400
    web = DirectiveForm(wrong, user=cast.d1_officer)
    assert not web.is_valid() and "unit" in web.errors
    assert set(refused.json()["error"]["fields"]) >= {"unit"}
    # The service's rule: the same directive twice in a unit's register.
    twin = district.post("/api/v1/directives/", directive_body(cast), content_type=JSON)
    assert twin.status_code == 400 and "đã có văn bản này" in str(twin.json()["error"])
    assert Directive.objects.count() == 1

    url = f"/api/v1/directives/{directive.pk}/"
    version = created.json()["version"]
    edited = district.patch(url, {"final_years": 15, "version": version}, content_type=JSON)
    assert edited.status_code == 200, edited.content
    assert [m["due_date"] for m in edited.json()["milestones"] if m["kind"] == "final"] == ["2031-05-13"]
    stale = district.patch(url, {"final_years": 20, "version": version}, content_type=JSON)
    assert stale.status_code == 409
    assert Directive.objects.get(pk=directive.pk).final_years == 15
    assert district.patch(url, {"final_years": 20}, content_type=JSON).status_code == 400  # no version read

    # Another district's officer does not see it, so cannot change it.
    other = api(make_key(client, cast.d2_officer))
    assert other.patch(url, {"final_years": 5, "version": 2}, content_type=JSON).status_code == 404


def test_a_review_is_closed_by_its_report(client, cast, config):  # noqa: F811
    district = api(make_key(client, cast.d1_officer))
    created = district.post("/api/v1/directives/", directive_body(cast), content_type=JSON).json()
    interim = Milestone.objects.get(directive_id=created["id"], kind="interim", years=3)
    url = f"/api/v1/reviews/{interim.pk}/report/"

    future = (timezone.localdate() + dt.timedelta(days=30)).isoformat()
    early = district.post(url, {"report_number": "45-BC/BDVHU", "report_date": future}, content_type=JSON)
    assert early.status_code == 400 and "report_date" in early.json()["error"]["fields"]
    bad_date = district.post(url, {"report_number": "45-BC/BDVHU", "report_date": "31/02/2019"}, content_type=JSON)
    assert bad_date.status_code == 400

    body = {"report_number": "45-BC/BDVHU", "report_date": "2019-06-20", "report_title": "Sơ kết 3 năm"}
    done = district.post(url, body, content_type=JSON)
    assert done.status_code == 200, done.content
    assert (done.json()["report_number"], done.json()["report_date"]) == ("45-BC/BDVHU", "2019-06-20")
    interim.refresh_from_db()
    assert interim.report_number == "45-BC/BDVHU" and interim.reported_by == cast.d1_officer

    commune = api(make_key(client, cast.c1_officer))  # sees nothing of the district's register
    assert commune.post(url, body, content_type=JSON).status_code == 404


def test_a_plan_and_its_tasks_are_written_and_progress_reported_by_the_lead_unit(client, cast, config):  # noqa: F811
    district = api(make_key(client, cast.d1_officer))
    plan_body = {"unit": cast.d1.pk, "title": "Kế hoạch công tác dân vận năm 2024", "year_start": 2024}
    created = district.post("/api/v1/plans/", plan_body, content_type=JSON)
    assert created.status_code == 201, created.content
    plan = WorkPlan.objects.get(pk=created.json()["id"])
    assert plan.year_end == 2024 and plan.code.startswith("KH-2024-")
    out = district.post("/api/v1/plans/", plan_body | {"unit": cast.d2.pk}, content_type=JSON)
    assert out.status_code == 400 and "unit" in out.json()["error"]["fields"]

    task_body = {
        "plan": plan.pk,
        "content": "Hướng dẫn các xã đăng ký mô hình “Dân vận khéo” năm 2024",
        "lead_unit": cast.c1.pk,
        "partner_units": [cast.c2.pk],
        "deadline": "2024-06-30",
    }
    task = district.post("/api/v1/tasks/", task_body, content_type=JSON)
    assert task.status_code == 201, task.content
    assert (task.json()["number"], task.json()["partner_units"]) == (1, [cast.c2.pk])
    late = district.post("/api/v1/tasks/", task_body | {"deadline": "2025-03-01"}, content_type=JSON)
    assert late.status_code == 400 and "deadline" in late.json()["error"]["fields"], late.content
    outsider = district.post("/api/v1/tasks/", task_body | {"lead_unit": cast.c3.pk}, content_type=JSON)
    web = KeyTaskForm(
        task_body | {"lead_unit": cast.c3.pk}, user=cast.d1_officer, plan=plan, instance=KeyTask(plan=plan)
    )
    assert not web.is_valid() and outsider.json()["error"]["fields"]["lead_unit"] == web.errors["lead_unit"]
    no_plan = district.post("/api/v1/tasks/", task_body | {"plan": 10**9}, content_type=JSON)
    assert no_plan.status_code == 400 and "plan" in no_plan.json()["error"]["fields"]
    other = api(make_key(client, cast.d2_officer))  # cannot add to a plan it does not see
    assert other.post("/api/v1/tasks/", task_body, content_type=JSON).status_code == 400

    url = f"/api/v1/tasks/{task.json()['id']}/"
    moved = district.patch(url, {"partner_units": [], "number": 3}, content_type=JSON)
    assert moved.status_code == 200 and (moved.json()["number"], moved.json()["partner_units"]) == (3, [])

    # The lead unit (a commune) reports progress; a unit only taking part may not.
    lead = api(make_key(client, cast.c1_officer))
    progress = {"date": "2024-05-02", "percent": 100, "note": "Cả 12 ấp đã đăng ký"}
    reported = lead.post(f"{url}progress/", progress, content_type=JSON)
    assert reported.status_code == 200, reported.content
    assert (reported.json()["status"], reported.json()["progress"]) == ("done", 100)
    too_much = lead.post(f"{url}progress/", progress | {"percent": 120}, content_type=JSON)
    assert too_much.status_code == 400 and "percent" in too_much.json()["error"]["fields"]
    assert district.patch(url, {"content": "Sửa"}, content_type=JSON).status_code == 200
    c2 = api(make_key(client, cast.c2_officer))
    assert c2.post(f"{url}progress/", progress, content_type=JSON).status_code in (403, 404)
