"""State rules of proposals and decisions, who may take each step, the subtree rule, duplicates, amendments."""

import datetime as dt

import pytest
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied, ValidationError

from danvan.awards import services
from danvan.awards.choices import DecisionStatus, ProposalStatus, RecipientKind
from danvan.awards.models import Amendment, Decision, Proposal, Recipient
from danvan.awards.tests.conftest import (
    ACHIEVEMENT,
    approved_proposal,
    collective,
    individual,
    issued_decision,
    make_proposal,
)
from danvan.core.models import WorkflowStep

pytestmark = pytest.mark.django_db

DAY = dt.date(2025, 1, 10)  # the commission is still the Ban Dân vận


def steps(obj) -> list[str]:
    content_type = ContentType.objects.get_for_model(type(obj))
    return list(
        WorkflowStep.objects.filter(content_type=content_type, object_id=str(obj.pk))
        .order_by("id")
        .values_list("action", flat=True)
    )


def draft_decision(world, user, award=None, year=2024, day=DAY, number="") -> Decision:
    decision = services.new_decision(award or world.giay_khen, year, day)
    decision.achievement, decision.number = ACHIEVEMENT, number
    return services.create_decision(user, decision)


# --- Proposals -----------------------------------------------------------------------------------


def test_an_officer_submits_and_a_reviewer_above_approves(world):
    cast = world.cast
    proposal = make_proposal(cast.c1, world.giay_khen, cast.c1_officer, recipients=[collective(cast.c1)])
    assert proposal.status == ProposalStatus.DRAFT and proposal.unit_name == "Đảng ủy xã Long Thuận"
    services.transition(cast.c1_officer, proposal, "submit")
    services.transition(cast.d1_reviewer, proposal, "approve")
    proposal.refresh_from_db()
    assert proposal.status == ProposalStatus.APPROVED
    assert proposal.submitted_by == cast.c1_officer
    assert steps(proposal) == ["submit", "approve"]


def test_nobody_approves_a_proposal_they_sent(world):
    cast = world.cast
    proposal = make_proposal(cast.c1, world.giay_khen, cast.admin, recipients=[collective(cast.c1)])
    services.transition(cast.admin, proposal, "submit")
    with pytest.raises(PermissionDenied, match="tự phê duyệt"):
        services.transition(cast.admin, proposal, "approve")
    assert Proposal.objects.get(pk=proposal.pk).status == ProposalStatus.SUBMITTED


@pytest.mark.parametrize("who", ["c1_officer", "c2_officer", "d1_officer", "d2_officer", "outsider"])
def test_only_a_reviewer_of_a_unit_above_approves(world, who):
    cast = world.cast
    proposal = make_proposal(cast.c1, world.giay_khen, cast.c1_officer, recipients=[collective(cast.c1)])
    services.transition(cast.c1_officer, proposal, "submit")
    with pytest.raises(PermissionDenied):
        services.transition(getattr(cast, who), proposal, "approve")


def test_a_district_reviewer_cannot_approve_the_districts_own_proposal(world):
    cast = world.cast
    proposal = make_proposal(cast.d1, world.giay_khen, cast.d1_officer, recipients=[collective(cast.c1)])
    services.transition(cast.d1_officer, proposal, "submit")
    with pytest.raises(PermissionDenied):
        services.transition(cast.d1_reviewer, proposal, "approve")
    services.transition(cast.admin, proposal, "approve")  # the province is above the district


def test_returning_needs_a_reason_and_a_returned_proposal_can_be_corrected_and_sent_again(world):
    cast = world.cast
    proposal = make_proposal(cast.c1, world.giay_khen, cast.c1_officer, recipients=[collective(cast.c1)])
    services.transition(cast.c1_officer, proposal, "submit")
    with pytest.raises(ValidationError, match="Cần ghi rõ lý do"):
        services.transition(cast.d1_reviewer, proposal, "return", "   ")
    services.transition(cast.d1_reviewer, proposal, "return", "Bổ sung thành tích của từng cá nhân")
    proposal.refresh_from_db()
    assert proposal.status == ProposalStatus.RETURNED and proposal.is_editable
    services.save_proposal_recipient(
        cast.c1_officer, proposal, Recipient(kind=RecipientKind.INDIVIDUAL, unit=cast.c1, name="Lê Văn Tám")
    )
    services.transition(cast.c1_officer, proposal, "submit")
    step = WorkflowStep.objects.get(action="return", object_id=str(proposal.pk))
    assert step.comment == "Bổ sung thành tích của từng cá nhân"


def test_an_empty_proposal_cannot_be_sent(world):
    cast = world.cast
    proposal = make_proposal(cast.c1, world.giay_khen, cast.c1_officer)
    with pytest.raises(ValidationError, match="chưa có tập thể, cá nhân"):
        services.transition(cast.c1_officer, proposal, "submit")


def test_a_sent_proposal_is_locked(world):
    cast = world.cast
    proposal = make_proposal(cast.c1, world.giay_khen, cast.c1_officer, recipients=[collective(cast.c1)])
    services.transition(cast.c1_officer, proposal, "submit")
    with pytest.raises(ValidationError, match="đã gửi"):
        services.save_proposal_recipient(
            cast.c1_officer, proposal, Recipient(kind="individual", unit=cast.c1, name="A")
        )
    with pytest.raises(ValidationError, match="đã gửi"):
        services.remove_proposal_recipient(cast.c1_officer, proposal.recipients.get())
    proposal.achievement = "đã sửa"
    with pytest.raises(ValidationError, match="không sửa được"):
        services.update_proposal(cast.c1_officer, proposal)


@pytest.mark.parametrize("unit", ["c3", "d1", "d2", "province"])
def test_recipients_outside_the_proposing_units_subtree_are_refused(world, unit):
    cast = world.cast
    proposal = make_proposal(cast.c1, world.giay_khen, cast.admin)
    outside = Recipient(kind=RecipientKind.COLLECTIVE, is_unit=True, unit=getattr(cast, unit))
    with pytest.raises(ValidationError) as caught:
        services.save_proposal_recipient(cast.admin, proposal, outside)
    assert "không thuộc Đảng ủy xã Long Thuận" in caught.value.message_dict["unit"][0]
    assert not proposal.recipients.exists()


def test_a_district_proposes_its_communes_and_people(world):
    cast = world.cast
    proposal = make_proposal(
        cast.d1, world.giay_khen, cast.d1_officer, recipients=[collective(cast.c1), individual(cast.c2, "Lê Thị Mai")]
    )
    assert proposal.recipients.count() == 2


def test_nobody_files_a_proposal_for_a_unit_out_of_their_scope(world):
    cast = world.cast
    for user in (cast.c2_officer, cast.d2_officer, cast.d1_reviewer, cast.outsider):
        with pytest.raises(PermissionDenied):
            make_proposal(cast.c1, world.giay_khen, user)


def test_the_award_type_must_exist_in_the_proposals_year(world):
    cast = world.cast
    with pytest.raises(ValidationError, match="Năm 2026 không có “Giấy khen của Ban Dân vận Tỉnh ủy”"):
        make_proposal(cast.c1, world.giay_khen, cast.admin, year=2026)
    with pytest.raises(ValidationError, match="Năm 2023 không có"):
        make_proposal(cast.c1, world.giay_khen_new, cast.admin, year=2023)
    with pytest.raises(ValidationError, match="không hoạt động trong năm 2026"):
        make_proposal(cast.d1, world.giay_khen_new, cast.admin, year=2026)  # districts ended 30/6/2025


def test_an_award_for_collectives_only_refuses_individuals(world):
    cast = world.cast
    with pytest.raises(ValidationError, match="chỉ tặng cho tập thể"):
        make_proposal(cast.c1, world.co_thi_dua, cast.admin, recipients=[individual(cast.c1, "Trần Văn Hai")])


def test_the_same_person_twice_in_a_proposal_is_refused_whatever_the_accents(world):
    cast = world.cast
    proposal = make_proposal(cast.c1, world.giay_khen, cast.admin, recipients=[individual(cast.c1, "Trần Văn Hai")])
    twin = Recipient(kind=RecipientKind.INDIVIDUAL, unit=cast.c1, name="tran van  HAI")
    with pytest.raises(ValidationError, match="đã có trong tờ trình"):
        services.save_proposal_recipient(cast.admin, proposal, twin)
    other_unit = Recipient(kind=RecipientKind.INDIVIDUAL, unit=cast.c2, name="Trần Văn Hai")
    with pytest.raises(ValidationError):  # C2 is outside C1: a namesake elsewhere is another person anyway
        services.save_proposal_recipient(cast.admin, proposal, other_unit)


def test_a_stale_edit_is_refused(world):
    cast = world.cast
    proposal = make_proposal(cast.c1, world.giay_khen, cast.c1_officer)
    first = Proposal.objects.get(pk=proposal.pk)
    first.number = "12-TTr/ĐU"
    services.update_proposal(cast.c1_officer, first, expected_version=1)
    second = Proposal.objects.get(pk=proposal.pk)
    second.number = "13-TTr/ĐU"
    with pytest.raises(ValidationError, match="người khác sửa"):
        services.update_proposal(cast.c1_officer, second, expected_version=1)


# --- Duplicates ----------------------------------------------------------------------------------


def test_someone_already_awarded_or_proposed_the_same_year_is_a_warning_not_a_block(world):
    cast = world.cast
    decision = issued_decision(
        world, world.giay_khen, 2024, DAY, [individual(cast.c1, "Trần Văn Hai"), collective(cast.c1)], cast.admin
    )
    other = make_proposal(cast.d1, world.giay_khen, cast.d1_officer, recipients=[collective(cast.c2)])
    proposal = make_proposal(
        cast.c2,
        world.giay_khen,
        cast.admin,
        recipients=[collective(cast.c2), individual(cast.c2, "Trần Văn Hai")],
    )
    mine = make_proposal(cast.c1, world.giay_khen, cast.c1_officer, recipients=[individual(cast.c1, "TRẦN VĂN HAI")])
    warnings = services.recipient_warnings(cast.admin, list(mine.recipients.all()), world.giay_khen, 2024)
    (messages,) = warnings.values()
    assert messages == [f"đã được tặng “Giấy khen của Ban Dân vận Tỉnh ủy” năm 2024 theo {decision}"]
    # The C2 collective is also in the district's proposal; the namesake in C2 is another person.
    recipients = list(proposal.recipients.order_by("kind"))
    warnings = services.recipient_warnings(cast.admin, recipients, world.giay_khen, 2024)
    assert list(warnings) == [recipients[0].pk]
    assert "đã được Huyện ủy Bến Cầu đề nghị" in warnings[recipients[0].pk][0]
    assert other.recipients.count() == 1
    # Another year or another award type: nothing to say.
    later = make_proposal(cast.c1, world.giay_khen_new, cast.admin, 2025, [individual(cast.c1, "Trần Văn Hai")])
    assert services.recipient_warnings(cast.admin, list(later.recipients.all()), world.giay_khen_new, 2025) == {}
    services.transition(cast.c1_officer, mine, "submit")  # a warning never blocks


# --- Decisions -----------------------------------------------------------------------------------


def test_a_decision_gathers_approved_proposals_and_issuing_numbers_it_and_decides_them(world):
    cast = world.cast
    first = approved_proposal(world, cast.c1, cast.c1_officer, cast.d1_reviewer, recipients=[collective(cast.c1)])
    second = approved_proposal(
        world, cast.c3, cast.d2_officer, cast.admin, recipients=[collective(cast.c3), individual(cast.c3, "Lê Mai")]
    )
    decision = draft_decision(world, cast.admin)
    assert decision.unit == world.commission_old and decision.signer_name == "Lê Minh Thế"
    assert decision.legal_bases.startswith("Căn cứ Luật Thi đua, khen thưởng")
    assert services.attach_proposals(cast.admin, decision, [first, second]) == 3
    issued = services.issue_decision(cast.admin, decision, "Đồng ý")
    assert (issued.status, issued.number) == (DecisionStatus.ISSUED, "01-QĐ/BDVTU")
    for proposal in (first, second):
        proposal.refresh_from_db()
        assert proposal.status == ProposalStatus.DECIDED
        assert steps(proposal) == ["submit", "approve", "decide"]
    assert steps(issued) == ["issue"]
    again = draft_decision(world, cast.admin)
    services.save_decision_recipient(cast.admin, again, Recipient(kind="collective", is_unit=True, unit=cast.c2))
    assert services.issue_decision(cast.admin, again).number == "02-QĐ/BDVTU"  # numbers run through the term


def test_only_approved_proposals_of_the_same_award_and_year_are_gathered(world):
    cast = world.cast
    sent = make_proposal(cast.c1, world.giay_khen, cast.c1_officer, recipients=[collective(cast.c1)])
    services.transition(cast.c1_officer, sent, "submit")
    other_year = approved_proposal(world, cast.c2, cast.c2_officer, cast.d1_reviewer, year=2023,
                                   recipients=[collective(cast.c2)])  # fmt: skip
    decision = draft_decision(world, cast.admin)
    for proposal in (sent, other_year):
        with pytest.raises(ValidationError, match="chưa được duyệt, đã có quyết định hoặc khác hình thức, năm"):
            services.attach_proposals(cast.admin, decision, [proposal])
    assert not decision.recipients.exists()


def test_a_state_decision_needs_its_typed_number(world):
    cast = world.cast
    decision = draft_decision(world, cast.admin, world.bang_khen)
    services.save_decision_recipient(cast.admin, decision, Recipient(kind="collective", is_unit=True, unit=cast.c1))
    with pytest.raises(ValidationError, match="Cần nhập số quyết định"):
        services.issue_decision(cast.admin, decision)
    decision.number = "152/QĐ-UBND"
    services.update_decision(cast.admin, decision)
    assert services.issue_decision(cast.admin, decision).number == "152/QĐ-UBND"
    copy = draft_decision(world, cast.admin, world.bang_khen)
    copy.number = "152/QĐ-UBND"
    with pytest.raises(ValidationError, match="Đã có quyết định số 152/QĐ-UBND"):
        services.update_decision(cast.admin, copy)


def test_an_empty_decision_cannot_be_issued(world):
    decision = draft_decision(world, world.cast.admin)
    with pytest.raises(ValidationError, match="chưa có tập thể, cá nhân"):
        services.issue_decision(world.cast.admin, decision)


def test_only_a_reviewer_of_the_granting_unit_issues(world):
    cast = world.cast
    province = draft_decision(world, cast.admin)
    services.save_decision_recipient(cast.admin, province, Recipient(kind="collective", is_unit=True, unit=cast.c1))
    for user in (cast.d1_reviewer, cast.d1_officer, cast.c1_officer, cast.outsider):
        with pytest.raises(PermissionDenied):
            services.issue_decision(user, province)
    district = draft_decision(world, cast.d1_officer, world.district_award, number="05-QĐ/BDVHU")
    services.save_decision_recipient(
        cast.d1_officer, district, Recipient(kind="collective", is_unit=True, unit=cast.c2)
    )
    with pytest.raises(PermissionDenied):
        services.issue_decision(cast.d1_officer, district)  # an editor drafts, a reviewer issues
    assert services.issue_decision(cast.d1_reviewer, district).status == DecisionStatus.ISSUED


def test_a_draft_is_only_for_editors_of_the_granting_unit(world):
    cast = world.cast
    for user in (cast.d1_officer, cast.d1_reviewer, cast.c1_officer):
        with pytest.raises(PermissionDenied):
            draft_decision(world, user)


def test_a_direct_recipient_must_be_in_the_users_scope(world):
    cast = world.cast
    decision = draft_decision(world, cast.d1_officer, world.district_award, number="06-QĐ/BDVHU")
    with pytest.raises(PermissionDenied):
        services.save_decision_recipient(
            cast.d1_officer, decision, Recipient(kind="collective", is_unit=True, unit=cast.c3)
        )


def test_an_issued_decision_is_locked_and_corrected_by_an_amendment(world):
    cast = world.cast
    decision = issued_decision(world, world.giay_khen, 2024, DAY, [individual(cast.c1, "Trần Văn Hia")], cast.admin)
    decision.achievement = "sửa trực tiếp"
    with pytest.raises(ValidationError, match="đã khóa"):
        services.update_decision(cast.admin, decision)
    with pytest.raises(ValidationError, match="đã khóa"):
        services.save_decision_recipient(cast.admin, decision, Recipient(kind="collective", is_unit=True, unit=cast.c2))
    recipient = decision.recipients.get()
    with pytest.raises(ValidationError, match="lý do"):
        services.amend_decision(cast.admin, decision, {}, "", {recipient.pk: {"name": "Trần Văn Hai"}})
    with pytest.raises(ValidationError, match="không khác"):
        services.amend_decision(cast.admin, decision, {"number": decision.number}, "Sai chính tả")
    with pytest.raises(PermissionDenied):
        services.amend_decision(cast.d1_reviewer, decision, {}, "Sai", {recipient.pk: {"name": "Trần Văn Hai"}})
    amendment = services.amend_decision(
        cast.admin,
        decision,
        {"date": dt.date(2025, 1, 12)},
        "Sai chính tả họ tên",
        {recipient.pk: {"name": "Trần Văn Hai"}},
    )
    assert amendment.before == {
        "decision": {"date": "2025-01-10"},
        "recipients": {str(recipient.pk): {"name": "Trần Văn Hia"}},
    }
    assert amendment.after["recipients"][str(recipient.pk)] == {"name": "Trần Văn Hai"}
    recipient.refresh_from_db()
    assert recipient.name == "Trần Văn Hai" and recipient.match_key.endswith("tran van hai")
    assert Amendment.objects.count() == 1


def test_detaching_a_proposal_and_removing_its_recipient_keep_them_in_the_proposal(world):
    cast = world.cast
    proposal = approved_proposal(world, cast.c1, cast.c1_officer, cast.d1_reviewer,
                                 recipients=[collective(cast.c1), individual(cast.c1, "Lê Mai")])  # fmt: skip
    decision = draft_decision(world, cast.admin)
    services.attach_proposals(cast.admin, decision, [proposal])
    services.remove_decision_recipient(cast.admin, decision.recipients.get(kind="individual"))
    assert decision.recipients.count() == 1 and proposal.recipients.count() == 2
    services.detach_proposal(cast.admin, decision, proposal)
    assert not decision.recipients.exists() and proposal.recipients.count() == 2
    proposal.refresh_from_db()
    assert proposal.decision is None and proposal.status == ProposalStatus.APPROVED
