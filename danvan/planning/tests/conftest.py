"""Planning fixtures: configuration (types, bodies, document profiles), the commissions that issue
documents, and records built through the services."""

from __future__ import annotations

import datetime as dt

import pytest

from danvan.documents.tests.conftest import commissions, seeded  # noqa: F401 - fixtures
from danvan.planning.models import Directive, DirectiveType, IssuingBody, KeyTask, Supervision, WorkPlan
from danvan.planning.seed import seed_config
from danvan.planning.services import directives as directive_services
from danvan.planning.services import plans as plan_services
from danvan.planning.services import supervision as supervision_services


@pytest.fixture
def config(db):
    # Transactional (browser) tests flush the migration's seed; put it back.
    seed_config(DirectiveType, IssuingBody)


def dtype(code: str) -> DirectiveType:
    return DirectiveType.objects.get(code=code)


def make_directive(user, unit, number="03-KL/TW", issued_on=dt.date(2016, 5, 13), type_code="ket-luan", **fields):
    directive = Directive(
        unit=unit,
        type=dtype(type_code),
        number=number,
        issued_on=issued_on,
        issuer=fields.pop("issuer", "Ban Bí thư"),
        summary=fields.pop("summary", "Tiếp tục thực hiện Quyết định số 290-QĐ/TW của Bộ Chính trị"),
        **fields,
    )
    return directive_services.save_directive(user, directive)


def make_plan(user, unit, year=2021, **fields) -> WorkPlan:
    plan = WorkPlan(unit=unit, year_start=year, year_end=fields.pop("year_end", year), **fields)
    plan.title = plan.title or f"Kế hoạch công tác dân vận năm {year}"
    return plan_services.save_plan(user, plan)


def make_task(user, plan, lead, deadline, content="Tham mưu sơ kết 5 năm thực hiện Kết luận số 03-KL/TW", partners=()):
    task = KeyTask(plan=plan, content=content, lead_unit=lead, deadline=deadline)
    return plan_services.save_task(user, task, partners)


def make_supervision(user, owner, units, year=2021, **fields) -> Supervision:
    sup = Supervision(
        unit=owner,
        year=year,
        topic=fields.pop("topic", "Kết quả 10 năm thực hiện Chỉ thị số 04-CT/TW của Ban Bí thư (khóa XI)"),
        planned_start=fields.pop("planned_start", dt.date(year, 6, 1)),
        planned_end=fields.pop("planned_end", dt.date(year, 6, 30)),
        **fields,
    )
    return supervision_services.save_supervision(user, sup, units)
