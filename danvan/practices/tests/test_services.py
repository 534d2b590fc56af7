import datetime as dt

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from danvan.core.models import WorkflowStep
from danvan.core.testing.factories import make_practice, make_user
from danvan.practices import services
from danvan.practices.choices import Status
from danvan.practices.models import Level, Practice

pytestmark = pytest.mark.django_db


@pytest.fixture
def levels(db):
    return {lv.code: lv for lv in Level.objects.all()}


def proposed(cast, unit=None, year=2019):
    practice = make_practice(unit or cast.c1, year)
    practice = services.transition(cast.d1_officer, practice, "start")
    return services.transition(cast.d1_officer, practice, "propose")


def recognize(cast, practice, levels, user=None):
    return services.recognize(
        user or cast.d1_reviewer, practice, levels["co-so"], "15-QĐ/BCĐ", dt.date(2019, 12, 20), cast.d1
    )


def test_codes_are_generated_per_year_without_gaps(cast):
    a = make_practice(cast.c1, 2019)
    b = make_practice(cast.c2, 2019)
    c = make_practice(cast.c1, 2020)
    assert (a.code, b.code, c.code) == ("DVK-2019-000001", "DVK-2019-000002", "DVK-2020-000001")


def test_registration_keeps_the_units_name_at_the_time(cast):
    practice = make_practice(cast.c1)
    cast.c1.name = "Đảng ủy xã Long Thuận (tên mới)"
    cast.c1.save()
    practice.refresh_from_db()
    assert practice.unit_name == "Đảng ủy xã Long Thuận"


def test_an_officer_cannot_register_for_another_unit(cast):
    with pytest.raises(PermissionDenied):
        make_practice(cast.c3, user=cast.c1_officer)


def test_district_level_is_refused_after_the_reform(cast, levels):
    with pytest.raises(ValidationError, match="không có “Cấp huyện”"):
        make_practice(cast.province, 2026, level=levels["huyen"])
    assert make_practice(cast.c1, 2025, level=levels["huyen"]).level == levels["huyen"]


def test_a_unit_that_no_longer_exists_cannot_register(cast):
    with pytest.raises(ValidationError, match="không còn hoạt động"):
        make_practice(cast.d1, 2026)


def test_the_full_cycle_is_recorded_on_the_timeline(cast, levels):
    practice = recognize(cast, proposed(cast), levels)
    assert practice.status == Status.RECOGNIZED
    assert (practice.recognized_level, practice.decision_number, practice.recognizing_unit) == (
        levels["co-so"],
        "15-QĐ/BCĐ",
        cast.d1,
    )
    steps = WorkflowStep.objects.filter(object_id=str(practice.pk)).order_by("id")
    assert [(s.from_state, s.to_state) for s in steps] == [
        ("registered", "implementing"),
        ("implementing", "proposed"),
        ("proposed", "recognized"),
    ]
    assert steps[2].actor == cast.d1_reviewer


def test_only_a_reviewer_of_an_ancestor_unit_recognizes(cast, levels):
    practice = proposed(cast)
    for user in (cast.c1_officer, cast.d1_officer, cast.d2_officer, cast.c2_officer, cast.outsider):
        with pytest.raises(PermissionDenied):
            recognize(cast, practice, levels, user=user)
    # A reviewer on the commune itself is not above it.
    own_reviewer = make_user("c1_reviewer", cast.c1, "reviewer")
    with pytest.raises(PermissionDenied):
        recognize(cast, practice, levels, user=own_reviewer)
    assert recognize(cast, practice, levels, user=cast.admin).status == Status.RECOGNIZED


def test_nobody_approves_their_own_proposal(cast, levels):
    practice = make_practice(cast.c1)
    services.transition(cast.admin, practice, "start")
    practice = services.transition(cast.admin, Practice.objects.get(pk=practice.pk), "propose")
    with pytest.raises(PermissionDenied, match="tự phê duyệt"):
        recognize(cast, practice, levels, user=cast.admin)


def test_returning_and_rejecting_require_a_reason(cast):
    practice = proposed(cast)
    for action in ("return", "reject"):
        with pytest.raises(ValidationError, match="lý do"):
            services.transition(cast.d1_reviewer, practice, action, comment="  ")
    returned = services.transition(cast.d1_reviewer, practice, "return", comment="Bổ sung minh chứng")
    assert returned.status == Status.IMPLEMENTING
    assert (
        WorkflowStep.objects.filter(object_id=str(practice.pk), action="return").get().comment == "Bổ sung minh chứng"
    )


def test_transitions_from_the_wrong_state_are_refused(cast):
    practice = make_practice(cast.c1)
    with pytest.raises(PermissionDenied, match="trạng thái"):
        services.transition(cast.c1_officer, practice, "propose")


def test_a_stale_click_is_refused_when_someone_else_already_acted(cast, levels):
    practice = proposed(cast)
    stale = Practice.objects.get(pk=practice.pk)
    recognize(cast, practice, levels)
    with pytest.raises(ValidationError, match="người khác"):
        services.transition(cast.admin, stale, "reject", comment="Trùng")


def test_recognition_needs_a_decision_number_and_a_superior_unit(cast, levels):
    practice = proposed(cast)
    with pytest.raises(ValidationError) as info:
        services.recognize(cast.d1_reviewer, practice, levels["co-so"], " ", dt.date(2019, 12, 1), cast.c2)
    assert set(info.value.message_dict) == {"decision_number", "recognizing_unit"}


def test_a_recognized_practice_is_locked_and_corrected_by_amendment(cast, levels):
    practice = recognize(cast, proposed(cast), levels)
    practice.name = "Tên sửa trực tiếp"
    with pytest.raises(ValidationError, match="đính chính"):
        services.update(cast.c1_officer, practice)
    amendment = services.amend(cast.d1_reviewer, practice, {"name": "Tên đã đính chính"}, "Sai chính tả")
    practice.refresh_from_db()
    assert practice.name == "Tên đã đính chính"
    assert amendment.before == {"name": "Mô hình dân vận khéo 2019"}
    assert amendment.after == {"name": "Tên đã đính chính"}
    with pytest.raises(ValidationError, match="lý do"):
        services.amend(cast.d1_reviewer, practice, {"name": "Khác"}, "")
    with pytest.raises(PermissionDenied):
        services.amend(cast.c2_officer, practice, {"name": "Khác"}, "Lý do")


def test_two_editors_at_once_the_second_save_is_refused(cast):
    practice = make_practice(cast.c1)
    first = Practice.objects.get(pk=practice.pk)
    second = Practice.objects.get(pk=practice.pk)
    first.name = "Sửa lần một"
    services.update(cast.c1_officer, first, expected_version=first.version)
    second.name = "Sửa lần hai"
    with pytest.raises(ValidationError, match="người khác sửa"):
        services.update(cast.c1_officer, second, expected_version=second.version)
    assert Practice.objects.get(pk=practice.pk).name == "Sửa lần một"


def test_an_editor_cannot_move_a_practice_out_of_their_scope(cast):
    practice = make_practice(cast.c1)
    practice.unit = cast.c3
    with pytest.raises(PermissionDenied):
        services.update(cast.d1_officer, practice)
    assert Practice.objects.get(pk=practice.pk).unit == cast.c1


def test_bulk_recognition_is_all_or_nothing(cast, levels):
    good = [proposed(cast), proposed(cast, cast.c2)]
    not_proposed = make_practice(cast.c1)
    decision = {
        "level": levels["co-so"],
        "decision_number": "20-QĐ/BCĐ",
        "decision_date": dt.date(2019, 12, 25),
        "recognizing_unit": cast.d1,
    }
    with pytest.raises(ValidationError) as info:
        services.decide_many(cast.d1_reviewer, [*good, not_proposed], "recognize", **decision)
    assert not_proposed.code in " ".join(info.value.messages)
    assert Practice.objects.filter(status=Status.RECOGNIZED).count() == 0
    done = services.decide_many(cast.d1_reviewer, good, "recognize", **decision)
    assert {p.status for p in done} == {Status.RECOGNIZED}
    assert {p.decision_number for p in Practice.objects.filter(pk__in=[p.pk for p in good])} == {"20-QĐ/BCĐ"}


def test_an_individual_exemplar_needs_a_name(cast):
    with pytest.raises(ValidationError, match="họ tên"):
        make_practice(cast.c1, kind="exemplar", subject="individual")
