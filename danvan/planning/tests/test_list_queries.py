"""The number of queries of a list page must not grow with the number of rows it shows."""

import datetime as dt

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from danvan.planning.models import Recommendation
from danvan.planning.services import supervision as supervision_services
from danvan.planning.tests.conftest import make_directive, make_plan, make_supervision, make_task

pytestmark = pytest.mark.django_db

PAGES = [
    ("planning:directive-list", {}),
    ("planning:review-list", {"nam": 2021}),
    ("planning:plan-list", {}),
    ("planning:task-list", {}),
    ("planning:supervision-list", {}),
    ("planning:home", {}),
]


def add(cast, start: int, count: int) -> None:
    admin = cast.admin
    for n in range(start, start + count):
        day = dt.date(2016, 1 + n % 12, 1 + n % 28)
        make_directive(admin, cast.province, f"{n}-KL/TW", day, interim_years="5", final_years=10)
        plan = make_plan(admin, cast.province, 2021, title=f"Kế hoạch {n}")
        make_task(admin, plan, cast.d1, dt.date(2021, 6, 30), partners=[cast.d2, cast.c3])
        sup = make_supervision(admin, cast.province, [cast.d1, cast.d2], actual_start=dt.date(2021, 6, 7))
        late = dt.date(2021, 7 + n % 6, 1)
        rec = Recommendation(supervision=sup, content=f"Kiến nghị {n}", responsible_unit=cast.d1, deadline=late)
        supervision_services.save_recommendation(admin, rec)


@pytest.mark.parametrize("who", ["admin", "d1_officer"])
@pytest.mark.parametrize(("name", "params"), PAGES)
def test_list_queries_do_not_grow(client, cast, config, who, name, params):
    client.force_login(cast.users[who])
    add(cast, 1, 2)
    with CaptureQueriesContext(connection) as few:
        assert client.get(reverse(name), params).status_code == 200
    add(cast, 3, 12)
    with CaptureQueriesContext(connection) as many:
        assert client.get(reverse(name), params).status_code == 200
    assert len(many.captured_queries) == len(few.captured_queries), name
