"""Every planning URL walked by the fixed cast (plus a viewer): out of scope 404, in scope without the
right 403 with nothing changed, allowed 200/302. Supervised and lead units see what concerns them."""

import datetime as dt
import io

import pytest
from django.urls import reverse

from danvan.core.testing.factories import CAST_UNITS, CHANGES, SEES, cast_people
from danvan.planning.models import (
    Directive,
    FollowUp,
    KeyTask,
    Milestone,
    Recommendation,
    Supervision,
    TaskProgress,
    WorkPlan,
)
from danvan.planning.services import supervision as supervision_services
from danvan.planning.tests.conftest import make_directive, make_plan, make_supervision, make_task

pytestmark = [pytest.mark.django_db, pytest.mark.scope_walk]

UNITS = CAST_UNITS
ALL = set(UNITS)
VIEW = SEES  # whose records (owned by a unit) each person may see
CHANGE = CHANGES
PEOPLE = list(VIEW)

# The supervision of D1 owned by the province (recommendation to D1) and the one of C1 owned by D1
# (recommendation to C1): the owner's side, and the supervised unit's own people and those above it.
SEES_SUPERVISION = {
    "p_on_d1": {"admin", "d1_officer", "d1_reviewer"},
    "d1_on_c1": {"admin", "d1_officer", "d1_reviewer", "c1_officer", "c1_viewer"},
}
# The province's task led by D1 with C3 taking part.
SEES_TASK = {"admin", "d1_officer", "d1_reviewer", "d2_officer"}
REPORTS_TASK = {"admin", "d1_officer"}


def expected(who: str, unit: str, allowed: dict, ok: int = 302) -> int:
    if unit not in VIEW[who]:
        return 404
    return ok if unit in allowed[who] else 403


@pytest.fixture
def world(cast, config, commissions, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    people = cast_people(cast)
    directives, plans = {}, {}
    for name in UNITS:
        unit = getattr(cast, name)
        directives[name] = make_directive(cast.admin, unit, interim_years="3, 5", final_years=10)
        plans[name] = make_plan(cast.admin, unit, 2021)
        make_task(cast.admin, plans[name], unit, dt.date(2021, 6, 30), content=f"Nhiệm vụ của {unit.name}")
    task = make_task(cast.admin, plans["province"], cast.d1, dt.date(2021, 3, 31), partners=[cast.c3])
    sups = {
        "p_on_d1": make_supervision(cast.admin, cast.province, [cast.d1], actual_start=dt.date(2021, 6, 7)),
        "d1_on_c1": make_supervision(cast.admin, cast.d1, [cast.c1], actual_start=dt.date(2021, 6, 7)),
    }
    recs = {
        "p_on_d1": supervision_services.save_recommendation(
            cast.admin,
            Recommendation(
                supervision=sups["p_on_d1"],
                content="Kiến nghị Huyện ủy Bến Cầu",
                responsible_unit=cast.d1,
                deadline=dt.date(2021, 12, 31),
            ),
        ),
        "d1_on_c1": supervision_services.save_recommendation(
            cast.admin,
            Recommendation(
                supervision=sups["d1_on_c1"],
                content="Kiến nghị xã Long Thuận",
                responsible_unit=cast.c1,
                deadline=dt.date(2021, 12, 31),
            ),
        ),
    }
    return people, directives, plans, task, sups, recs


@pytest.mark.parametrize("who", PEOPLE)
def test_directive_pages(client, world, who):
    people, directives, *_ = world
    client.force_login(people[who])
    for unit, directive in directives.items():
        assert client.get(reverse("planning:directive-detail", args=[directive.pk])).status_code == expected(
            who, unit, VIEW, 200
        ), (who, unit)
        assert client.get(reverse("planning:directive-file", args=[directive.pk])).status_code == 404  # no file
        assert client.get(reverse("planning:directive-edit", args=[directive.pk])).status_code == expected(
            who, unit, CHANGE, 200
        ), (who, unit)
        data = {
            "unit": directive.unit_id,
            "type": directive.type_id,
            "number": directive.number,
            "issued_on": "2016-05-13",
            "issuer": "Ban Bí thư",
            "summary": "Đã sửa",
            "interim_years": "3, 5",
            "final_years": 10,
            "version": directive.version,
        }
        response = client.post(reverse("planning:directive-edit", args=[directive.pk]), data)
        assert response.status_code == expected(who, unit, CHANGE), (who, unit)
        assert (Directive.objects.get(pk=directive.pk).summary == "Đã sửa") == (unit in CHANGE[who])


@pytest.mark.parametrize("who", PEOPLE)
def test_milestone_actions(client, world, who):
    people, directives, *_ = world
    client.force_login(people[who])
    for unit, directive in directives.items():
        three = directive.milestones.get(years=3)
        response = client.post(
            reverse("planning:milestone-report", args=[three.pk]),
            {f"m{three.pk}-report_number": "12-BC/TU", f"m{three.pk}-report_date": "2019-06-01"},
        )
        assert response.status_code == expected(who, unit, CHANGE), (who, unit)
        assert Milestone.objects.get(pk=three.pk).is_done == (unit in CHANGE[who])
        response = client.post(
            reverse("planning:milestone-add", args=[directive.pk]), {"kind": "final", "due_date": "2024-12-31"}
        )
        assert response.status_code == expected(who, unit, CHANGE), (who, unit)
        added = Milestone.objects.filter(directive=directive, years__isnull=True).first()
        assert (added is not None) == (unit in CHANGE[who])
        target = added or directive.milestones.get(years=5)
        response = client.post(reverse("planning:milestone-remove", args=[target.pk]))
        assert response.status_code == expected(who, unit, CHANGE), (who, unit)
        assert client.get(reverse("planning:milestone-file", args=[three.pk])).status_code == 404


@pytest.mark.parametrize("who", PEOPLE)
def test_plan_pages(client, world, who):
    people, _, plans, *_ = world
    client.force_login(people[who])
    for unit, plan in plans.items():
        for name in ("plan-detail", "plan-export", "plan-docx"):
            response = client.get(reverse(f"planning:{name}", args=[plan.pk]))
            assert response.status_code == expected(who, unit, VIEW, 200), (who, unit, name)
        for name in ("plan-edit", "plan-import", "task-create"):
            response = client.get(reverse(f"planning:{name}", args=[plan.pk]))
            assert response.status_code == expected(who, unit, CHANGE, 200), (who, unit, name)
        before = KeyTask.objects.filter(plan=plan).count()
        data = {"content": "Nhiệm vụ mới", "lead_unit": plan.unit_id, "deadline": "2021-09-30"}
        response = client.post(reverse("planning:task-create", args=[plan.pk]), data)
        assert response.status_code == expected(who, unit, CHANGE), (who, unit)
        assert KeyTask.objects.filter(plan=plan).count() - before == (1 if unit in CHANGE[who] else 0)


@pytest.mark.parametrize("who", PEOPLE)
def test_task_pages_follow_the_lead_and_partner_units(client, world, who):
    people, _, plans, task, *_ = world
    client.force_login(people[who])
    sees = who in SEES_TASK
    assert client.get(reverse("planning:task-detail", args=[task.pk])).status_code == (200 if sees else 404)
    edit = client.get(reverse("planning:task-edit", args=[task.pk])).status_code
    assert edit == (200 if who == "admin" else 403 if sees else 404), who
    response = client.post(reverse("planning:task-progress", args=[task.pk]), {"date": "2021-03-01", "percent": 50})
    assert response.status_code == (302 if who in REPORTS_TASK else 403 if sees else 404), who
    assert TaskProgress.objects.filter(task=task).exists() == (who in REPORTS_TASK)
    listed = client.get(reverse("planning:task-list")).content.decode()
    assert (f'href="/ke-hoach/nhiem-vu/{task.pk}/"' in listed) == sees
    # The plan itself stays with its unit: a lead unit sees its task, not the province's plan.
    plan_status = client.get(reverse("planning:plan-detail", args=[plans["province"].pk])).status_code
    assert plan_status == (200 if who == "admin" else 404)


@pytest.mark.parametrize("who", PEOPLE)
def test_supervision_pages(client, world, who):
    people, *_, sups, recs = world
    client.force_login(people[who])
    owners = {"p_on_d1": "province", "d1_on_c1": "d1"}
    for key, sup in sups.items():
        sees = who in SEES_SUPERVISION[key]
        owner_change = owners[key] in CHANGE[who]
        assert client.get(reverse("planning:supervision-detail", args=[sup.pk])).status_code == (200 if sees else 404)
        for name in ("supervision-edit", "supervision-docx"):
            status = client.get(reverse(f"planning:{name}", args=[sup.pk])).status_code
            assert status == (200 if owner_change else 403 if sees else 404), (who, key, name)
        data = {
            "content": "Kiến nghị thêm",
            "responsible_unit": recs[key].responsible_unit_id,
            "deadline": "2021-12-01",
        }
        status = client.post(reverse("planning:recommendation-add", args=[sup.pk]), data).status_code
        assert status == (302 if owner_change else 403 if sees else 404), (who, key)
        rec = recs[key]
        may_follow = owner_change or rec.responsible_unit.code.lower() in CHANGE[who]
        data = {f"r{rec.pk}-date": "2021-07-01", f"r{rec.pk}-content": "Đã thực hiện"}
        status = client.post(reverse("planning:follow-up-add", args=[rec.pk]), data).status_code
        assert status == (302 if may_follow else 403 if sees else 404), (who, key)
        assert FollowUp.objects.filter(recommendation=rec).exists() == may_follow
        listed = client.get(reverse("planning:supervision-list")).content.decode()
        assert (f'href="/ke-hoach/giam-sat/{sup.pk}/"' in listed) == sees, (who, key)


def test_a_supervised_unit_sees_only_the_recommendations_addressed_to_it(client, cast, world):
    people = world[0]
    joint = make_supervision(cast.admin, cast.province, [cast.d1, cast.d2], actual_start=dt.date(2021, 6, 7))
    for unit, text in ((cast.d1, "Riêng Bến Cầu"), (cast.d2, "Riêng Tân Biên")):
        supervision_services.save_recommendation(
            cast.admin,
            Recommendation(supervision=joint, content=text, responsible_unit=unit, deadline=dt.date(2021, 12, 1)),
        )
    for who, mine, other in (
        ("d1_officer", "Riêng Bến Cầu", "Riêng Tân Biên"),
        ("d2_officer", "Riêng Tân Biên", "Riêng Bến Cầu"),
    ):
        client.force_login(people[who])
        html = client.get(reverse("planning:supervision-detail", args=[joint.pk])).content.decode()
        assert mine in html and other not in html
        assert Recommendation.objects.restrict(people[who]).filter(supervision=joint).count() == 1
    client.force_login(people["admin"])
    html = client.get(reverse("planning:supervision-detail", args=[joint.pk])).content.decode()
    assert "Riêng Bến Cầu" in html and "Riêng Tân Biên" in html


def test_a_unit_addressed_by_a_recommendation_sees_the_supervision(cast, world):
    people, *_, sups, _ = world
    rec = supervision_services.save_recommendation(
        cast.admin,
        Recommendation(
            supervision=sups["p_on_d1"], content="Xã Lợi Thuận", responsible_unit=cast.c2, deadline=dt.date(2021, 12, 1)
        ),
    )
    assert Supervision.objects.restrict(people["c2_officer"]).filter(pk=sups["p_on_d1"].pk).exists()
    assert list(Recommendation.objects.restrict(people["c2_officer"])) == [rec]
    assert not Supervision.objects.restrict(people["c1_officer"]).filter(pk=sups["p_on_d1"].pk).exists()
    # Seeing is not changing: the concerned unit cannot edit the supervision.
    assert not Supervision.objects.restrict(people["c2_officer"], "change").exists()


@pytest.mark.parametrize("who", PEOPLE)
def test_lists_reports_and_exports_show_only_what_is_in_scope(client, cast, world, who):
    people, directives, plans, *_ = world
    client.force_login(people[who])
    html = client.get(reverse("planning:directive-list")).content.decode()
    shown = {unit for unit, d in directives.items() if f'href="/ke-hoach/van-ban/{d.pk}/"' in html}
    assert shown == VIEW[who], who
    html = client.get(reverse("planning:plan-list")).content.decode()
    assert {unit for unit, p in plans.items() if f'href="/ke-hoach/cong-tac/{p.pk}/"' in html} == VIEW[who]
    html = client.get(reverse("planning:review-list"), {"nam": 2019}).content.decode()
    shown = {unit for unit, d in directives.items() if f"/ke-hoach/van-ban/{d.pk}/#moc-" in html}
    assert shown == VIEW[who], who
    import openpyxl

    book = openpyxl.load_workbook(io.BytesIO(client.get(reverse("planning:directive-export")).content))
    codes = {row[7] for row in book.active.iter_rows(min_row=2, values_only=True)}
    assert codes == {getattr(cast, unit).code for unit in VIEW[who]}
    response = client.get(reverse("planning:review-report", args=["xlsx"]), {"nam": 2019})
    rows = list(openpyxl.load_workbook(io.BytesIO(response.content)).active.iter_rows(min_row=2, values_only=True))
    assert len(rows) == len(VIEW[who])
    assert client.get(reverse("planning:home")).status_code == 200


URLS = [
    ("planning:home", [], "get"),
    ("planning:directive-list", [], "get"),
    ("planning:directive-create", [], "get"),
    ("planning:directive-export", [], "get"),
    ("planning:directive-import", [], "get"),
    ("planning:directive-detail", [1], "get"),
    ("planning:directive-edit", [1], "get"),
    ("planning:directive-file", [1], "get"),
    ("planning:milestone-add", [1], "post"),
    ("planning:milestone-report", [1], "post"),
    ("planning:milestone-remove", [1], "post"),
    ("planning:milestone-file", [1], "get"),
    ("planning:review-list", [], "get"),
    ("planning:review-report", ["docx"], "get"),
    ("planning:plan-list", [], "get"),
    ("planning:plan-create", [], "get"),
    ("planning:plan-detail", [1], "get"),
    ("planning:plan-edit", [1], "get"),
    ("planning:plan-docx", [1], "get"),
    ("planning:plan-export", [1], "get"),
    ("planning:plan-import", [1], "get"),
    ("planning:task-create", [1], "get"),
    ("planning:task-list", [], "get"),
    ("planning:task-detail", [1], "get"),
    ("planning:task-edit", [1], "get"),
    ("planning:task-progress", [1], "post"),
    ("planning:supervision-list", [], "get"),
    ("planning:supervision-create", [], "get"),
    ("planning:supervision-detail", [1], "get"),
    ("planning:supervision-edit", [1], "get"),
    ("planning:supervision-docx", [1], "get"),
    ("planning:recommendation-add", [1], "post"),
    ("planning:follow-up-add", [1], "post"),
]


@pytest.mark.parametrize(("name", "args", "method"), URLS)
def test_every_page_requires_login(client, name, args, method):
    response = getattr(client, method)(reverse(name, args=args))
    assert response.status_code == 302
    assert response.url.startswith(reverse("login"))


@pytest.mark.parametrize("who", ["outsider", "c1_viewer", "d1_reviewer"])
def test_creating_needs_a_change_role_somewhere(client, world, who):
    people, *_ = world
    client.force_login(people[who])
    for name in ("directive-create", "directive-import", "plan-create", "supervision-create"):
        assert client.get(reverse(f"planning:{name}")).status_code == 403, (who, name)
    assert WorkPlan.objects.count() == 6
