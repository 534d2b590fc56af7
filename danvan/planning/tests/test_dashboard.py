"""The planning panels: what is due for the user, overdue in red, in a constant number of queries."""

import datetime as dt

import pytest
from django.db import connection
from django.template.loader import render_to_string
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from danvan.planning.dashboard import panels
from danvan.planning.models import Recommendation
from danvan.planning.services import directives as directive_services
from danvan.planning.services import supervision as supervision_services
from danvan.planning.tests.conftest import make_directive, make_plan, make_supervision, make_task

pytestmark = pytest.mark.django_db
TODAY = dt.date(2021, 6, 20)


@pytest.fixture
def due(cast, config):
    admin = cast.admin
    make_directive(admin, cast.province, interim_years="5")  # due 13/5/2021: overdue on 20/6
    ct19 = make_directive(admin, cast.province, "19-CT/TW", dt.date(2018, 1, 10), "chi-thi", interim_years="3")
    directive_services.record_review(admin, ct19.milestones.get(), number="2-BC", date=dt.date(2021, 2, 1))
    make_directive(admin, cast.d1, "08-KL/TW", dt.date(2011, 8, 2), final_years=10)  # due 2/8/2021, D1's register
    plan = make_plan(admin, cast.province, 2021)
    make_task(admin, plan, cast.d1, dt.date(2021, 6, 1), "Nhiệm vụ đã quá hạn")
    make_task(admin, plan, cast.d2, dt.date(2021, 6, 30), "Nhiệm vụ sắp đến hạn")
    make_task(admin, plan, cast.d2, dt.date(2021, 11, 30), "Nhiệm vụ còn xa")
    sup = make_supervision(admin, cast.province, [cast.d1], actual_start=dt.date(2021, 3, 1))
    supervision_services.save_recommendation(
        admin,
        Recommendation(
            supervision=sup, content="Kiến nghị quá hạn", responsible_unit=cast.d1, deadline=dt.date(2021, 4, 30)
        ),
    )
    return cast


def test_the_panels_for_the_province(due):
    data = panels(due.admin, TODAY)
    reviews = data["reviews"]
    assert (reviews["this_year"], reviews["done"], reviews["overdue"]) == (3, 1, 1)
    assert [(i["label"][:25], i["overdue"]) for i in reviews["items"]] == [
        ("Sơ kết 5 năm thực hiện Kế", True),
        ("Tổng kết 10 năm thực hiện", False),
    ]
    assert (data["tasks"]["overdue"], data["tasks"]["soon"]) == (1, 1)
    assert [i["label"] for i in data["tasks"]["items"]] == ["Nhiệm vụ đã quá hạn", "Nhiệm vụ sắp đến hạn"]
    assert (data["recommendations"]["open"], data["recommendations"]["overdue"]) == (1, 1)


def test_each_user_sees_their_own(due):
    d1 = panels(due.d1_officer, TODAY)
    assert [i["label"][:8] for i in d1["reviews"]["items"]] == ["Tổng kết"]  # D1's register only
    assert [i["label"] for i in d1["tasks"]["items"]] == ["Nhiệm vụ đã quá hạn"]  # led by D1
    assert d1["recommendations"]["open"] == 1  # addressed to D1
    d2 = panels(due.d2_officer, TODAY)
    assert d2["reviews"]["items"] == [] and d2["recommendations"]["items"] == []
    assert [i["label"] for i in d2["tasks"]["items"]] == ["Nhiệm vụ sắp đến hạn"]
    nobody = panels(due.outsider, TODAY)
    assert nobody["reviews"]["this_year"] == nobody["tasks"]["soon"] == nobody["recommendations"]["open"] == 0


def test_overdue_items_are_red(due):
    html = render_to_string("planning/_dashboard.html", {"planning": panels(due.admin, TODAY)})
    assert 'badge bg-danger" data-testid="reviews-overdue">1 quá hạn' in html
    assert 'badge bg-danger" data-testid="tasks-overdue">1 quá hạn' in html
    assert "quá hạn 38 ngày" in html  # 13/5 → 20/6
    assert html.count('class="mb-2 text-danger"') == 3


def test_a_constant_number_of_queries(due, django_assert_max_num_queries):
    user = type(due.admin).objects.get(pk=due.admin.pk)  # as a request finds it: the scope not yet read
    with CaptureQueriesContext(connection) as few:
        panels(user, TODAY)
    plan = make_plan(user, due.province, 2021, title="Kế hoạch thêm")
    for day in range(1, 20):
        make_task(user, plan, due.d1, dt.date(2021, 6, day), f"Nhiệm vụ thêm {day}")
        make_directive(user, due.province, f"{day}-CT/TW", dt.date(2016, 6, day), "chi-thi", interim_years="5")
    user = type(user).objects.get(pk=user.pk)  # a fresh request: the scope is read again
    with django_assert_max_num_queries(len(few.captured_queries)):
        data = panels(user, TODAY)
    assert data["tasks"]["more"] > 0 and len(data["tasks"]["items"]) == 8


def test_the_planning_page_shows_the_panels(client, due):
    client.force_login(due.d1_officer)
    response = client.get(reverse("planning:home"))
    assert response.status_code == 200
    assert 'data-testid="planning-panels"' in response.content.decode()
