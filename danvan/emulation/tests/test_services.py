"""Every rule of sets, criteria, members, scores and the scorecard workflow, at the service level."""

import re
from decimal import Decimal as D

import pytest
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.base import ContentFile

from danvan.core.models import ChangeLogEntry, WorkflowStep
from danvan.core.testing.factories import make_user
from danvan.emulation import services
from danvan.emulation.choices import Kind, Status
from danvan.emulation.models import CriteriaSet, Criterion, Grade, Score, Scorecard
from danvan.emulation.tests.conftest import add, build_tree, make_sheet

pytestmark = pytest.mark.django_db


def messages(exc_info) -> str:
    return " ".join(exc_info.value.messages)


# --- Sets and criteria ---------------------------------------------------------------------------


def test_the_commission_creates_a_set_with_the_default_classes(cast):
    criteria_set = services.create_set(cast.admin, name="Bản điểm 2021", year=2021, unit=cast.province)
    grades = [(g.name, g.min_score) for g in Grade.objects.filter(criteria_set=criteria_set)]
    assert grades == [
        ("Hoàn thành xuất sắc nhiệm vụ", D("90")),
        ("Hoàn thành tốt nhiệm vụ", D("75")),
        ("Hoàn thành nhiệm vụ", D("50")),
        ("Không hoàn thành nhiệm vụ", D("0")),
    ]
    assert criteria_set.unit_name == "Tỉnh ủy Tây Ninh" and not criteria_set.is_locked


@pytest.mark.parametrize("who", ["d1_officer", "c1_officer", "outsider", "d1_reviewer"])
def test_only_a_reviewer_of_the_owner_or_above_creates_a_set(cast, who):
    with pytest.raises(PermissionDenied):
        services.create_set(cast.users[who], name="Bản điểm", year=2021, unit=cast.province)


def test_a_district_reviewer_creates_a_set_for_its_own_district(cast):
    criteria_set = services.create_set(cast.d1_reviewer, name="Bản điểm các xã", year=2021, unit=cast.d1)
    assert criteria_set.unit == cast.d1


def test_a_set_needs_a_name_and_an_owner_that_exists_that_year(cast):
    with pytest.raises(ValidationError) as exc:
        services.create_set(cast.admin, name=" ", year=2026, unit=cast.d1)
    assert set(exc.value.message_dict) == {"name", "unit"}
    assert "không hoạt động trong năm 2026" in messages(exc)


def test_a_parents_maximum_is_the_sum_of_its_childrens(sheet):
    tree = services.load_tree(sheet.criteria_set.pk)
    assert tree.by_id[sheet.criteria["I"].pk].max_score == D("30")
    assert tree.by_id[sheet.criteria["II"].pk].max_score == D("70")
    assert tree.by_id[sheet.criteria["II.2"].pk].max_score == D("40")
    assert (tree.total_max, tree.bonus_max, tree.penalty_max) == (D("100"), D("10"), D("10"))
    assert [n.criterion.position for n in tree.nodes] == [
        "I", "I.1", "I.2", "II", "II.1", "II.2", "II.2.a", "II.2.b", "III", "III.1", "IV", "IV.1"
    ]  # fmt: skip


def test_children_take_their_parents_kind(sheet):
    child = add(sheet.cast.admin, sheet.criteria_set, "Bằng khen của UBND tỉnh", 5, sheet.criteria["III"], Kind.PENALTY)
    assert child.kind == Kind.BONUS and child.position == "III.2"


def test_a_criterion_with_a_bad_maximum_is_refused(sheet):
    with pytest.raises(ValidationError) as exc:
        add(sheet.cast.admin, sheet.criteria_set, "", -2, sheet.criteria["I"])
    assert exc.value.message_dict == {
        "content": ["Cần nhập nội dung tiêu chí."],
        "max_score": ["Điểm tối đa phải lớn hơn 0."],
    }


def test_deleting_and_moving_renumber_the_siblings(sheet):
    admin, c = sheet.cast.admin, sheet.criteria
    services.delete_criterion(admin, c["II.1"])
    assert Criterion.objects.get(pk=c["II.2.b"].pk).position == "II.1.b"
    services.move_criterion(admin, Criterion.objects.get(pk=c["IV"].pk), -1)
    positions = dict(Criterion.objects.filter(criteria_set=sheet.criteria_set).values_list("content", "position"))
    assert positions["Điểm trừ"] == "III" and positions["Điểm thưởng"] == "IV"
    assert positions["Được tặng Cờ thi đua của UBND tỉnh"] == "IV.1"


def test_a_criterion_already_scored_gets_no_children(sheet):
    sheet.fill("d1", sheet.cast.d1_officer)
    with pytest.raises(ValidationError, match="đã có đơn vị chấm điểm"):
        add(sheet.cast.admin, sheet.criteria_set, "Mục con", 5, sheet.criteria["I.1"])


def test_only_the_commission_edits_criteria(sheet):
    with pytest.raises(PermissionDenied):
        add(sheet.cast.d1_reviewer, sheet.criteria_set, "Mục mới", 5)
    with pytest.raises(PermissionDenied):
        services.update_criterion(sheet.cast.d1_officer, sheet.criteria["I.1"], content="Sửa", max_score=D("5"))


def test_the_set_locks_at_the_first_submission_and_refuses_every_edit(sheet):
    admin, c = sheet.cast.admin, sheet.criteria
    services.update_criterion(admin, c["I.1"], content="Sửa khi chưa nộp", max_score=D("10"))  # drafts do not lock
    sheet.submit("d1", sheet.cast.d1_officer)
    criteria_set = CriteriaSet.objects.get(pk=sheet.criteria_set.pk)
    assert criteria_set.is_locked
    attempts = [
        lambda: add(admin, criteria_set, "Mục mới", 5),
        lambda: services.update_criterion(admin, c["I.1"], content="Sửa", max_score=D("5")),
        lambda: services.delete_criterion(admin, c["I.2"]),
        lambda: services.move_criterion(admin, c["II"], -1),
        lambda: services.set_grades(admin, criteria_set, [("Xuất sắc", D("95"))]),
        lambda: services.update_set(admin, criteria_set, name=criteria_set.name, description="", year=2022),
        lambda: services.import_criteria(admin, criteria_set, b"PK"),
    ]
    for attempt in attempts:
        with pytest.raises(ValidationError) as exc:
            attempt()
        assert messages(exc) == services.MSG_SET_LOCKED
    assert Criterion.objects.get(pk=c["I.1"].pk).max_score == D("10")
    services.update_set(admin, criteria_set, name="Tên mới", description="Căn cứ Kế hoạch số 12")  # the name may change


def test_classes_need_distinct_thresholds_and_names(sheet):
    with pytest.raises(ValidationError) as exc:
        services.set_grades(
            sheet.cast.admin, sheet.criteria_set, [("A", D("90")), ("B", D("90")), ("A", D("50")), ("", D("-1"))]
        )
    text = messages(exc)
    assert "cùng điểm tối thiểu 90" in text and "bị trùng tên" in text and "cần có tên" in text
    services.set_grades(sheet.cast.admin, sheet.criteria_set, [("Xuất sắc", D("85")), ("Đạt", D("0"))])
    assert list(Grade.objects.filter(criteria_set=sheet.criteria_set).values_list("name", flat=True)) == [
        "Xuất sắc",
        "Đạt",
    ]


def test_copying_keeps_criteria_and_classes_and_the_units_still_there(sheet):
    cast = sheet.cast
    services.set_grades(cast.admin, sheet.criteria_set, [("Xuất sắc", D("92")), ("Đạt", D("0"))])
    sheet.submit("d1", cast.d1_officer)
    copy = services.copy_set(cast.admin, sheet.criteria_set, year=2022, name="Bản điểm năm 2022")
    assert not copy.is_locked and copy.copied_from_id == sheet.criteria_set.pk
    source = [
        (c.position, c.content, c.max_score, c.kind) for c in Criterion.objects.filter(criteria_set=sheet.criteria_set)
    ]
    copied = [(c.position, c.content, c.max_score, c.kind) for c in Criterion.objects.filter(criteria_set=copy)]
    assert copied == source
    assert list(copy.grades.values_list("name", "min_score")) == [("Xuất sắc", D("92")), ("Đạt", D("0"))]
    assert set(Scorecard.objects.filter(criteria_set=copy).values_list("unit", "status")) == {
        (cast.d1.pk, Status.DRAFT),
        (cast.d2.pk, Status.DRAFT),
    }
    after_reform = services.copy_set(cast.admin, sheet.criteria_set, year=2026, name="Bản điểm năm 2026")
    assert not Scorecard.objects.filter(criteria_set=after_reform).exists()  # the districts ended in 2025


# --- Members -------------------------------------------------------------------------------------


def test_members_are_filled_by_kind_among_units_valid_that_year(sheet):
    cast = sheet.cast
    assert set(Scorecard.objects.filter(criteria_set=sheet.criteria_set).values_list("unit", flat=True)) == {
        cast.d1.pk,
        cast.d2.pk,
    }
    assert services.fill_members(cast.admin, sheet.criteria_set, ["huyen-uy"]) == []  # idempotent
    later = services.create_set(cast.admin, name="Bản điểm 2026", year=2026, unit=cast.province)
    assert services.fill_members(cast.admin, later, ["huyen-uy"]) == []
    added = services.fill_members(cast.admin, later, ["dang-uy-xa"])
    assert {card.unit_id for card in added} == {cast.c1.pk, cast.c2.pk, cast.c3.pk}


def test_a_commission_adds_only_units_in_its_scope_and_never_itself(cast):
    criteria_set = services.create_set(cast.d1_reviewer, name="Các xã", year=2021, unit=cast.d1)
    services.add_members(cast.d1_reviewer, criteria_set, [cast.c1, cast.c2])
    for unit in (cast.c3, cast.d1, cast.province):
        with pytest.raises(ValidationError, match="Không thể đưa vào bản điểm"):
            services.add_members(cast.d1_reviewer, criteria_set, [unit])
    with pytest.raises(PermissionDenied):
        services.add_members(cast.d1_officer, criteria_set, [cast.c1])


def test_a_member_that_started_scoring_stays(sheet):
    sheet.fill("d1", sheet.cast.d1_officer, I_1=5)
    with pytest.raises(ValidationError, match="đã bắt đầu chấm điểm"):
        services.remove_member(sheet.cast.admin, sheet.card("d1"))
    services.remove_member(sheet.cast.admin, sheet.card("d2"))
    assert not Scorecard.objects.filter(pk=sheet.d2.pk).exists()


# --- Scores --------------------------------------------------------------------------------------


def test_a_unit_scores_its_own_card_and_every_change_is_logged(sheet):
    cast, c = sheet.cast, sheet.criteria
    card = sheet.card("d1")
    score = services.save_self_score(cast.d1_officer, card, c["I.1"].pk, D("8.5"), "Nghị quyết số 05")
    services.save_self_score(cast.d1_officer, card, c["I.1"].pk, D("9"), "Nghị quyết số 05")
    entries = ChangeLogEntry.objects.filter(
        content_type=ContentType.objects.get_for_model(Score), object_id=str(score.pk)
    )
    assert [e.action for e in entries.order_by("timestamp", "id")] == ["create", "update"]
    update = entries.get(action="update")
    assert (update.before, update.after, update.actor_id, update.unit_id) == (
        {"self_score": "8.50"},
        {"self_score": "9.00"},
        None,  # no request actor in a service call
        cast.d1.pk,
    )
    assert update.object_repr.startswith("I.1 Tham mưu")


@pytest.mark.parametrize(
    ("position", "value", "message"),
    [("I.1", "10.5", "Điểm không được vượt quá điểm tối đa (10)."), ("I.1", "-1", "Điểm không được âm."),
     ("IV.1", "11", "Điểm trừ không được vượt quá mức trừ tối đa (10)."), ("III.1", "10.01", "vượt quá điểm tối đa")],
)  # fmt: skip
def test_a_score_outside_its_limits_is_refused(sheet, position, value, message):
    card = sheet.card("d1")
    with pytest.raises(ValidationError) as exc:
        services.save_self_score(sheet.cast.d1_officer, card, sheet.criteria[position].pk, D(value))
    assert message in exc.value.message_dict["self_score"][0]
    assert not Score.objects.filter(scorecard=card).exists()


def test_a_heading_or_another_sets_criterion_is_not_scored(sheet):
    card = sheet.card("d1")
    with pytest.raises(ValidationError, match="được cộng từ các tiêu chí con"):
        services.save_self_score(sheet.cast.d1_officer, card, sheet.criteria["II.2"].pk, D("5"))
    other = make_sheet(sheet.cast, 2022)
    with pytest.raises(ValidationError, match="không thuộc bản điểm này"):
        services.save_self_score(sheet.cast.d1_officer, card, other.criteria["I.1"].pk, D("5"))


@pytest.mark.parametrize("who", ["d2_officer", "d1_reviewer", "c1_officer", "outsider"])
def test_nobody_else_fills_a_units_card(sheet, who):
    with pytest.raises(PermissionDenied):
        services.save_self_score(sheet.cast.users[who], sheet.card("d1"), sheet.criteria["I.1"].pk, D("5"))


def test_submitting_needs_every_criterion_scored(sheet):
    sheet.fill("d1", sheet.cast.d1_officer, I_2=None, II_2_a=None)
    with pytest.raises(ValidationError) as exc:
        services.transition(sheet.cast.d1_officer, sheet.card("d1"), "submit")
    assert messages(exc) == "Còn 2 tiêu chí chưa tự chấm điểm: I.2, II.2.a."
    assert not CriteriaSet.objects.get(pk=sheet.criteria_set.pk).is_locked


def test_the_whole_cycle_with_a_return(sheet):
    cast = sheet.cast
    card = sheet.submit("d1", cast.d1_officer, III_1=10, IV_1=2)
    assert card.status == Status.SUBMITTED and card.submitted_by == cast.d1_officer
    with pytest.raises(ValidationError, match=re.escape(services.MSG_CARD_SUBMITTED)):
        services.save_self_score(cast.d1_officer, sheet.card("d1"), sheet.criteria["I.1"].pk, D("5"))
    with pytest.raises(PermissionDenied, match="Bạn không có quyền “Bắt đầu thẩm định”"):
        services.transition(cast.d1_reviewer, sheet.card("d1"), "appraise")  # a reviewer of the unit itself
    services.transition(cast.admin, sheet.card("d1"), "appraise")
    services.save_appraisal(cast.admin, sheet.card("d1"), sheet.criteria["I.2"].pk, D("15"), "Thiếu kế hoạch kiểm tra")
    with pytest.raises(ValidationError) as exc:
        services.transition(cast.admin, sheet.card("d1"), "return", "  ")
    assert messages(exc) == "Cần ghi rõ lý do khi “Trả lại”."
    services.transition(cast.admin, sheet.card("d1"), "return", "Bổ sung minh chứng mục I.2")
    services.save_self_score(cast.d1_officer, sheet.card("d1"), sheet.criteria["I.2"].pk, D("18"))
    services.transition(cast.d1_officer, sheet.card("d1"), "submit")
    services.transition(cast.admin, sheet.card("d1"), "appraise")
    final = services.transition(cast.admin, sheet.card("d1"), "finalize")
    assert final.status == Status.FINAL and final.finalized_at is not None
    steps = WorkflowStep.objects.filter(object_id=str(card.pk)).order_by("timestamp", "id")
    assert [(s.action, s.to_state) for s in steps] == [
        ("submit", "submitted"), ("appraise", "appraising"), ("return", "returned"), ("submit", "submitted"),
        ("appraise", "appraising"), ("finalize", "final"),
    ]  # fmt: skip
    assert steps[2].comment == "Bổ sung minh chứng mục I.2"
    score = Score.objects.get(scorecard=card, criterion=sheet.criteria["I.2"])
    assert (score.self_score, score.appraised_score, score.comment) == (D("18"), D("15"), "Thiếu kế hoạch kiểm tra")


def test_a_final_card_is_locked(sheet, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    cast = sheet.cast
    sheet.finalize("d1", cast.d1_officer, cast.admin)
    card = sheet.card("d1")
    for attempt in [
        lambda: services.save_self_score(cast.d1_officer, card, sheet.criteria["I.1"].pk, D("1")),
        lambda: services.save_appraisal(cast.admin, card, sheet.criteria["I.1"].pk, D("1")),
        lambda: services.attach_file(cast.d1_officer, card, file=ContentFile(b"%PDF", name="a.pdf")),
    ]:
        with pytest.raises(ValidationError) as exc:
            attempt()
        assert messages(exc) == services.MSG_CARD_FINAL
    for action in ("submit", "appraise", "return", "finalize"):
        with pytest.raises(ValidationError, match="Đã chốt"):
            services.transition(cast.admin, card, action, "Lý do")


def test_appraisal_is_for_the_commission_while_appraising(sheet):
    cast = sheet.cast
    sheet.submit("d1", cast.d1_officer)
    with pytest.raises(ValidationError, match="Đang thẩm định"):
        services.save_appraisal(cast.admin, sheet.card("d1"), sheet.criteria["I.1"].pk, D("5"))
    services.transition(cast.admin, sheet.card("d1"), "appraise")
    with pytest.raises(PermissionDenied):
        services.save_appraisal(cast.d1_reviewer, sheet.card("d1"), sheet.criteria["I.1"].pk, D("5"))
    with pytest.raises(ValidationError) as exc:
        services.save_appraisal(cast.admin, sheet.card("d1"), sheet.criteria["I.1"].pk, D("11"))
    assert exc.value.message_dict == {"appraised_score": ["Điểm không được vượt quá điểm tối đa (10)."]}


def test_nobody_appraises_what_they_submitted(sheet):
    cast = sheet.cast
    sheet.submit("d2", cast.admin)  # the province admin may fill in for a district, then cannot judge it
    with pytest.raises(PermissionDenied, match="Không được tự phê duyệt"):
        services.transition(cast.admin, sheet.card("d2"), "appraise")
    other_admin = make_user("tinh_admin_2", cast.province, "admin")
    services.transition(other_admin, sheet.card("d2"), "appraise")
    with pytest.raises(PermissionDenied, match="chính mình nộp"):
        services.save_appraisal(cast.admin, sheet.card("d2"), sheet.criteria["I.1"].pk, D("5"))


def test_only_the_commission_owning_the_set_appraises(cast):
    """A reviewer above the unit who is not the set's commission may not appraise it."""
    criteria_set = services.create_set(cast.admin, name="Các xã năm 2021", year=2021, unit=cast.province)
    criteria = build_tree(cast.admin, criteria_set)
    card = services.add_members(cast.admin, criteria_set, [cast.c1])[0]
    card = Scorecard.objects.select_related("unit__parent", "criteria_set__unit").get(pk=card.pk)
    for criterion in criteria.values():
        if criterion.kind == Kind.CRITERION and criterion.max_score:
            services.save_self_score(cast.c1_officer, card, criterion.pk, criterion.max_score)
    services.transition(cast.c1_officer, card, "submit")
    with pytest.raises(PermissionDenied, match="Chỉ Tỉnh ủy Tây Ninh \\(cơ quan chấm điểm\\)"):
        services.transition(cast.d1_reviewer, Scorecard.objects.get(pk=card.pk), "appraise")
    services.transition(cast.admin, Scorecard.objects.get(pk=card.pk), "appraise")


def test_a_unit_never_sees_another_units_card(sheet):
    cast = sheet.cast
    visible = {
        who: set(Scorecard.objects.restrict(user).values_list("unit__code", flat=True))
        for who, user in cast.users.items()
    }
    assert visible == {
        "admin": {"D1", "D2"},
        "d1_officer": {"D1"},
        "d1_reviewer": {"D1"},
        "c1_officer": set(),
        "c2_officer": set(),
        "d2_officer": {"D2"},
        "outsider": set(),
    }
