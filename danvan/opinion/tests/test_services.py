"""Recording, forwarding, answering and merging opinion items: the rules and their Vietnamese messages."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from danvan.core.models import ChangeLogEntry, WorkflowStep
from danvan.opinion import services
from danvan.opinion.choices import Platform, Source, State
from danvan.opinion.models import OpinionItem
from danvan.opinion.tests.conftest import DAY, make_collaborator, make_item

pytestmark = pytest.mark.django_db


def messages(exc: ValidationError) -> dict[str, list[str]]:
    return exc.message_dict


def test_an_item_is_recorded_with_a_folded_search_text_and_its_history(cast, item):
    assert item.state == State.NEW and item.created_by == cast.c1_officer
    assert "o nhiem" in item.search_text and "trai chan nuoi" in item.search_text
    assert ChangeLogEntry.objects.filter(object_id=str(item.pk), action=ChangeLogEntry.Action.CREATE).exists()


def test_bad_items_are_refused_with_every_reason(cast):
    with pytest.raises(ValidationError) as exc:
        make_item(
            cast.c1_officer,
            cast.c1,
            place=cast.c3,  # another district's commune
            noted_on=dt.date.today() + dt.timedelta(days=3),
            summary="  ",
            source=Source.CYBERSPACE,
            people_involved=0,
        )
    found = messages(exc.value)
    assert found["summary"] == ["Cần nhập nội dung thông tin dư luận."]
    assert "chưa đến" in found["noted_on"][0]
    assert found["place"] == ["Đảng ủy xã Tân Lập không thuộc địa bàn của Đảng ủy xã Long Thuận."]
    assert found["platform"] == ["Cần chọn nền tảng mạng xã hội hoặc trang tin."]
    assert found["link"] == ["Cần nhập đường dẫn đến bài viết trên không gian mạng."]
    assert found["people_involved"] == ["Số người liên quan phải từ 1 trở lên."]
    assert not OpinionItem.objects.exists()


def test_a_cyberspace_item_keeps_platform_link_and_reach(cast):
    item = make_item(
        cast.d1_officer, cast.d1, place=cast.c2, noted_on=dt.date(2025, 5, 4), source=Source.CYBERSPACE,
        platform=Platform.FACEBOOK, link="https://facebook.com/groups/x/posts/1", reach=12500,
    )  # fmt: skip
    assert item.reach == 12500 and item.place == cast.c2


def test_a_collaborator_source_needs_a_collaborator_serving_then(cast):
    collaborator = make_collaborator(cast.c1_officer, cast.c1, term_start=dt.date(2026, 1, 1))
    with pytest.raises(ValidationError) as exc:
        make_item(cast.c1_officer, cast.c1, source=Source.COLLABORATOR)
    assert messages(exc.value)["collaborator"] == ["Chọn cộng tác viên đã phản ánh thông tin này."]
    with pytest.raises(ValidationError) as exc:
        make_item(cast.c1_officer, cast.c1, noted_on=dt.date(2025, 12, 1), source=Source.COLLABORATOR,
                  collaborator=collaborator)  # fmt: skip
    assert "không trong nhiệm kỳ" in messages(exc.value)["collaborator"][0]
    item = make_item(cast.c1_officer, cast.c1, source=Source.COLLABORATOR, collaborator=collaborator)
    assert list(collaborator.items.all()) == [item]


def test_only_the_units_scope_may_record(cast):
    with pytest.raises(PermissionDenied):
        make_item(cast.c2_officer, cast.c1)


def test_forward_answer_resolve_with_dates_checked(cast, item):
    with pytest.raises(ValidationError) as exc:
        services.take_step(cast.c1_officer, item, "forward", forwarded_to="", forwarded_on=DAY - dt.timedelta(days=1))
    found = messages(exc.value)
    assert found["forwarded_to"] == ["Cần ghi cơ quan được chuyển đến."]
    assert found["forwarded_on"] == ["Ngày chuyển phải từ ngày ghi nhận (10/3/2026) trở đi."]
    item = services.take_step(
        cast.c1_officer, item, "forward", forwarded_to="UBND xã Long Thuận", forwarded_on=DAY,
        answer_due=DAY + dt.timedelta(days=15),
    )  # fmt: skip
    assert item.state == State.FORWARDED
    assert item.is_overdue(DAY + dt.timedelta(days=16)) and not item.is_overdue(DAY + dt.timedelta(days=15))
    assert OpinionItem.objects.overdue(DAY + dt.timedelta(days=16)).get() == item
    with pytest.raises(ValidationError) as exc:
        services.take_step(cast.c1_officer, item, "answer", answer="", answered_on=DAY - dt.timedelta(days=2))
    assert messages(exc.value)["answer"] == ["Cần nhập nội dung trả lời của cơ quan."]
    item = services.take_step(
        cast.c1_officer, item, "answer", answer="Đã kiểm tra, yêu cầu xử lý chất thải", answered_on=DAY
    )
    assert item.state == State.ANSWERED and not OpinionItem.objects.overdue(DAY + dt.timedelta(days=16)).exists()
    item = services.take_step(cast.c1_officer, item, "resolve")
    assert item.state == State.RESOLVED
    assert WorkflowStep.objects.filter(object_id=str(item.pk)).count() == 3
    with pytest.raises(
        PermissionDenied, match="Không thể “Ghi nhận trả lời” khi hồ sơ đang ở trạng thái “Đã giải quyết”"
    ):
        services.take_step(cast.c1_officer, item, "answer", answer="x", answered_on=DAY)


def test_another_units_officer_cannot_take_a_step(cast, item):
    with pytest.raises(PermissionDenied):
        services.take_step(cast.c2_officer, item, "resolve")


def test_duplicates_merge_into_one_case_keeping_their_sources(cast, item):
    second = make_item(cast.c1_officer, cast.c1, source=Source.FRONT, source_detail="Hội Nông dân xã")
    third = make_item(
        cast.d1_officer, cast.d1, place=cast.c1, noted_on=dt.date(2025, 6, 2), source=Source.PRESS,
        source_detail="Báo Tây Ninh",
    )  # fmt: skip
    services.merge(cast.d1_officer, third, [second])
    assert services.merge(cast.d1_officer, item, [third]) == 2  # second follows third into the case
    assert set(OpinionItem.objects.cases().values_list("pk", flat=True)) == {item.pk}
    assert {i.source for i in item.merged.all()} == {Source.FRONT, Source.PRESS}
    with pytest.raises(ValidationError, match="đã được gộp vào một vụ việc"):
        services.take_step(cast.c1_officer, OpinionItem.objects.get(pk=second.pk), "resolve")
    with pytest.raises(PermissionDenied):
        services.merge(cast.c1_officer, item, [OpinionItem.objects.get(pk=third.pk)])  # third is the district's
    services.unmerge(cast.d1_officer, OpinionItem.objects.get(pk=third.pk))
    assert OpinionItem.objects.cases().count() == 2


def test_two_editors_at_once(cast, item):
    stale = item.version
    item.summary = "Nội dung sửa lần một"
    services.save_item(cast.c1_officer, item, expected_version=stale)
    again = OpinionItem.objects.get(pk=item.pk)
    again.summary = "Nội dung sửa lần hai"
    with pytest.raises(ValidationError, match="người khác sửa"):
        services.save_item(cast.c1_officer, again, expected_version=stale)
