"""Supervisions: the programme's rules, results, recommendations and their follow-up."""

import datetime as dt

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from danvan.planning.choices import RecommendationState, SupervisionState
from danvan.planning.models import Recommendation
from danvan.planning.services import supervision as services
from danvan.planning.tests.conftest import make_supervision

pytestmark = pytest.mark.django_db


def add_rec(user, sup, unit, deadline=dt.date(2021, 12, 31), content="Tăng cường tuyên truyền Chỉ thị 04-CT/TW"):
    return services.save_recommendation(
        user, Recommendation(supervision=sup, content=content, responsible_unit=unit, deadline=deadline)
    )


def test_from_plan_to_conclusion(cast, config):
    sup = make_supervision(cast.admin, cast.province, [cast.d1, cast.d2], team_head="Lý Trung Đông")
    assert sup.state == SupervisionState.PLANNED
    sup.actual_start, sup.actual_end = dt.date(2021, 6, 7), dt.date(2021, 6, 11)
    sup.findings = "Ban Thường vụ Huyện ủy đã ban hành kế hoạch thực hiện Chỉ thị."
    services.save_supervision(cast.admin, sup, [cast.d1, cast.d2])
    assert sup.state == SupervisionState.CARRIED_OUT
    sup.conclusions = "Việc thực hiện Chỉ thị đạt kết quả khá."
    sup.concluded_on = dt.date(2021, 7, 1)
    services.save_supervision(cast.admin, sup, [cast.d1, cast.d2])
    assert sup.state == SupervisionState.CONCLUDED


def test_every_bad_supervision_value_is_reported(cast, config):
    from danvan.planning.models import Supervision

    sup = Supervision(
        unit=cast.d1,
        year=2021,
        topic=" ",
        planned_start=dt.date(2022, 6, 1),
        planned_end=dt.date(2022, 5, 1),
        actual_end=dt.date(2021, 6, 1),
        findings="Kết quả",
        concluded_on=dt.date(2021, 6, 1),
    )
    with pytest.raises(ValidationError) as caught:
        services.save_supervision(cast.admin, sup, [cast.c3, cast.d1])
    errors = caught.value.message_dict
    assert set(errors) == {"topic", "supervised_units", "planned_start", "planned_end", "actual_start", "conclusions"}
    assert len(errors["supervised_units"]) == 2  # C3 is outside D1's area; D1 cannot supervise itself
    with pytest.raises(ValidationError, match="Chọn ít nhất một"):
        make_supervision(cast.admin, cast.province, [])
    with pytest.raises(ValidationError, match="không hoạt động trong năm 2026"):
        make_supervision(cast.admin, cast.province, [cast.d1], year=2026)


def test_recommendations_and_follow_up(cast, config):
    sup = make_supervision(cast.admin, cast.province, [cast.d1], actual_start=dt.date(2021, 6, 7))
    rec = add_rec(cast.admin, sup, cast.d1, dt.date(2021, 9, 30))
    assert Recommendation.objects.with_state(dt.date(2021, 10, 1)).get().state == RecommendationState.OVERDUE
    services.follow_up(cast.d1_officer, rec, dt.date(2021, 9, 1), "Đã quán triệt đến chi bộ")
    assert Recommendation.objects.with_state(dt.date(2021, 9, 2)).get().state == RecommendationState.OPEN
    services.follow_up(cast.d1_officer, rec, dt.date(2021, 10, 5), "Đã hoàn thành", closes=True)
    rec.refresh_from_db()
    assert rec.closed_on == dt.date(2021, 10, 5)
    assert Recommendation.objects.with_state(dt.date(2022, 1, 1)).get().state == RecommendationState.CLOSED
    with pytest.raises(ValidationError, match="đã hoàn thành"):
        services.follow_up(cast.admin, rec, dt.date(2021, 10, 6), "Thêm")


def test_bad_recommendations_and_reports(cast, config):
    sup = make_supervision(cast.d1_officer, cast.d1, [cast.c1], actual_start=dt.date(2021, 6, 7))
    with pytest.raises(ValidationError) as caught:
        add_rec(cast.d1_officer, sup, cast.c3, dt.date(2021, 1, 1), content="")
    assert set(caught.value.message_dict) == {"content", "responsible_unit", "deadline"}
    rec = add_rec(cast.d1_officer, sup, cast.c1)
    with pytest.raises(ValidationError) as caught:
        services.follow_up(cast.c1_officer, rec, None, " ")
    assert set(caught.value.message_dict) == {"date", "content"}
    with pytest.raises(ValidationError, match="trước ngày kiểm tra"):
        services.follow_up(cast.c1_officer, rec, dt.date(2021, 5, 1), "Sớm quá")


def test_who_may_act(cast, config):
    sup = make_supervision(cast.d1_officer, cast.d1, [cast.c1, cast.c2], actual_start=dt.date(2021, 6, 7))
    rec = add_rec(cast.d1_officer, sup, cast.c1)
    for user in (cast.c1_officer, cast.c2_officer, cast.d2_officer):
        with pytest.raises(PermissionDenied):
            services.save_supervision(user, sup, [cast.c1])
        with pytest.raises(PermissionDenied):
            add_rec(user, sup, cast.c1)
    for user in (cast.c2_officer, cast.d2_officer, cast.d1_reviewer):
        with pytest.raises(PermissionDenied):
            services.follow_up(user, rec, dt.date(2021, 7, 1), "Không được")
    services.follow_up(cast.c1_officer, rec, dt.date(2021, 7, 1), "Xã đã thực hiện")
