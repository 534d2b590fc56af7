"""Every planning list used by clicking its own links: page size, page 2, back, sort both ways, filters kept."""

import datetime as dt

import pytest
from django.urls import reverse

from danvan.core.testing.links import walk_list
from danvan.planning.choices import ReviewKind
from danvan.planning.models import Directive, KeyTask, Milestone, Supervision, WorkPlan
from danvan.planning.tests.conftest import dtype

pytestmark = pytest.mark.django_db


def add_directives(unit, year: int, count: int) -> list[Directive]:
    rows = []
    for n in range(count):
        directive = Directive(
            unit=unit,
            type=dtype("ket-luan"),
            number=f"{year}{n:02d}-KL/TW",
            issued_on=dt.date(year, 1 + n % 12, 1 + n % 28),
            issuer="Ban Bí thư",
            summary=f"Tiếp tục thực hiện Quyết định số {n + 1}-QĐ/TW",
        )
        directive.search_text = directive.compute_search_text()
        rows.append(directive)
    return Directive.objects.bulk_create(rows)


def test_the_directive_list(client, cast, config):
    wanted = add_directives(cast.province, 2016, 23)
    add_directives(cast.province, 2017, 4)
    client.force_login(cast.admin)
    url = reverse("planning:directive-list") + f"?nam=2016&loai={dtype('ket-luan').pk}&q=quyet+dinh"
    walk_list(client, url, {d.pk for d in wanted}, header="Văn bản, ngày ban hành", value=lambda d: d.issued_on)


def test_the_review_list(client, cast, config):
    directives = add_directives(cast.province, 2016, 40)
    due = [Milestone(directive=d, kind=ReviewKind.INTERIM, years=5, due_date=dt.date(2021, 1 + n % 12, 1 + n % 28))
           for n, d in enumerate(directives)]  # fmt: skip
    reported = {m.pk for m in Milestone.objects.bulk_create(due) if m.due_date.month > 6}
    Milestone.objects.filter(pk__in=reported).update(report_date=dt.date(2021, 12, 31), report_number="1-BC/TU")
    wanted = Milestone.objects.filter(due_date__year=2021).exclude(pk__in=reported)
    client.force_login(cast.admin)
    url = reverse("planning:review-list") + "?nam=2021&loai=interim&trang_thai=overdue"
    walk_list(client, url, set(wanted.values_list("pk", flat=True)), header="Thời hạn", value=lambda m: m.due_date)


def test_the_plan_and_task_lists(client, cast, config):
    plans = WorkPlan.objects.bulk_create(
        WorkPlan(unit=cast.province, code=f"KH-{n:03d}", title=f"Kế hoạch công tác dân vận số {n}",
                 year_start=2021 if n < 24 else 2020, year_end=2021 if n < 24 else 2020)
        for n in range(28)
    )  # fmt: skip
    tasks = KeyTask.objects.bulk_create(
        KeyTask(plan=plans[0], number=n + 1, content=f"Nhiệm vụ {n + 1}", lead_unit=cast.d1,
                deadline=dt.date(2021 if n < 22 else 2022, 1 + n % 12, 10))
        for n in range(26)
    )  # fmt: skip
    client.force_login(cast.admin)
    url = reverse("planning:plan-list") + "?nam=2021&q=c%C3%B4ng+t%C3%A1c"
    walk_list(client, url, {p.pk for p in plans[:24]}, header="Mã", value=lambda p: p.code)
    url = reverse("planning:task-list") + "?nam=2021&trang_thai=overdue"
    walk_list(client, url, {t.pk for t in tasks[:22]}, header="Thời hạn", value=lambda t: t.deadline)


def test_the_supervision_list(client, cast, config):
    rows = Supervision.objects.bulk_create(
        Supervision(unit=cast.province, year=2021 if n < 28 else 2022, topic=f"Giám sát số {n}",
                    activity="supervision" if n % 7 == 0 else "inspection",
                    planned_start=dt.date(2021, 1 + n % 12, 1), planned_end=dt.date(2021, 1 + n % 12, 20))
        for n in range(32)
    )  # fmt: skip
    wanted = {s.pk for s in rows if s.year == 2021 and s.activity == "inspection"}
    client.force_login(cast.admin)
    url = reverse("planning:supervision-list") + "?nam=2021&hinh_thuc=inspection"
    walk_list(client, url, wanted, header="Thời gian", value=lambda s: s.planned_start)
