"""The services of contests and conferences: rules, states, locking after the announcement, stale edits,
the ranking and its tie rule, the change log of the units attending."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from danvan.core.models import ChangeLogEntry
from danvan.core.services import STALE_MESSAGE
from danvan.events.choices import ContestState
from danvan.events.models import Attendance, Contest, Entry, Prize, Score
from danvan.events.ranking import missing_scores, ranked_entries
from danvan.events.services import conferences as conference_services
from danvan.events.services import contests as services
from danvan.events.tests.conftest import (
    add_entry,
    add_round,
    make_conference,
    make_contest,
    prize_kind,
)

pytestmark = pytest.mark.django_db


def messages(exc: ValidationError) -> list[str]:
    return list(exc.messages)


def test_contest_rules(cast):
    with pytest.raises(ValidationError) as exc:
        make_contest(cast.admin, cast.d1, name=" ", start=dt.date(2025, 8, 1), end=dt.date(2025, 7, 1))
    found = messages(exc.value)
    assert "Cần nhập tên hội thi." in found
    assert "Ngày kết thúc phải từ ngày bắt đầu trở đi." in found
    assert any("Huyện ủy Bến Cầu không hoạt động vào ngày 1/8/2025" in m for m in found)
    with pytest.raises(PermissionDenied):
        make_contest(cast.c1_officer, cast.province)


def test_entries_are_units_of_the_area_valid_then_and_not_twice(cast):
    contest = make_contest(cast.d1_officer, cast.d1)
    add_entry(cast.d1_officer, contest, cast.c1, "Đội Long Thuận")
    with pytest.raises(ValidationError) as exc:
        add_entry(cast.d1_officer, contest, cast.c1, "Đội Long Thuận")
    assert messages(exc.value) == ["Đảng ủy xã Long Thuận đã có đội, bài dự thi “Đội Long Thuận”."]
    with pytest.raises(ValidationError) as exc:
        add_entry(cast.d1_officer, contest, cast.c3)
    assert messages(exc.value) == ["Đảng ủy xã Tân Lập không thuộc phạm vi của Huyện ủy Bến Cầu."]
    late = make_contest(cast.admin, cast.province, start=dt.date(2025, 9, 1), end=dt.date(2025, 9, 2))
    with pytest.raises(ValidationError) as exc:
        add_entry(cast.admin, late, cast.d2)
    assert "Huyện ủy Tân Biên không hoạt động vào ngày 1/9/2025" in messages(exc.value)[0]


def test_rounds_need_a_name_a_positive_maximum_and_a_day_within_the_contest(cast):
    contest = make_contest(cast.admin, cast.province)
    first = add_round(cast.admin, contest)
    assert first.order == 1 and add_round(cast.admin, contest, "Vòng chung khảo").order == 2
    with pytest.raises(ValidationError) as exc:
        add_round(cast.admin, contest, "", max_score=Decimal(0), order=1, day=dt.date(2025, 6, 1))
    assert set(messages(exc.value)) == {
        "Cần nhập tên vòng thi.",
        "Đã có vòng thi thứ tự 1.",
        "Điểm tối đa phải lớn hơn 0.",
        "Ngày thi phải trong thời gian hội thi (20/5/2025 – 22/5/2025).",
    }


def test_start_needs_rounds_and_two_entries(cast):
    contest = make_contest(cast.admin, cast.province)
    with pytest.raises(ValidationError) as exc:
        services.take_step(cast.admin, contest, "start")
    assert len(messages(exc.value)) == 2
    assert Contest.objects.get(pk=contest.pk).state == ContestState.PREPARING


def test_scores_checked_ranked_and_locked_once_announced(cast, contest):
    contest, (first, final), (d1, d2, c1) = contest
    values = {(d1.pk, first.pk): Decimal("101"), (d2.pk, first.pk): Decimal("-1")}
    with pytest.raises(ValidationError) as exc:
        services.save_scores(cast.admin, contest, values, contest.version)
    assert exc.value.message_dict == {
        f"d_{d1.pk}_{first.pk}": ["Điểm Vòng sơ khảo phải từ 0 đến 100."],
        f"d_{d2.pk}_{first.pk}": ["Điểm Vòng sơ khảo phải từ 0 đến 100."],
    }
    assert not Score.objects.exists()
    contest.refresh_from_db()
    # d1 and d2 tie on the total; d2 has the better final: it ranks above. c1 ties with nobody.
    values = {
        (d1.pk, first.pk): Decimal("90"), (d1.pk, final.pk): Decimal("80"),
        (d2.pk, first.pk): Decimal("85"), (d2.pk, final.pk): Decimal("85"),
        (c1.pk, first.pk): Decimal("70.5"),
    }  # fmt: skip
    assert services.save_scores(cast.admin, contest, values, contest.version) == 5
    ranking = [(e.pk, e.total, e.rank) for e in ranked_entries(contest)]
    assert ranking == [(d2.pk, Decimal(170), 1), (d1.pk, Decimal(170), 2), (c1.pk, Decimal("70.5"), 3)]
    assert missing_scores(contest) == 1
    # A second clerk working on the page loaded before the save is refused.
    with pytest.raises(ValidationError) as exc:
        services.save_scores(cast.admin, contest, {(c1.pk, final.pk): Decimal(60)}, 1)
    assert messages(exc.value) == [STALE_MESSAGE]
    contest.refresh_from_db()
    with pytest.raises(ValidationError) as exc:
        services.take_step(cast.admin, contest, "announce")
    assert set(messages(exc.value)) == {
        "Còn 1 ô điểm chưa nhập; nhập đủ điểm các vòng trước khi công bố kết quả.",
        "Chưa trao giải nào; ghi các giải trước khi công bố kết quả.",
    }
    services.save_scores(cast.admin, contest, {(c1.pk, final.pk): Decimal(60)}, contest.version)
    services.save_prize(cast.admin, Prize(contest=contest, entry=d2, kind=prize_kind("nhat")))
    contest.refresh_from_db()
    services.take_step(cast.admin, contest, "announce")
    contest.refresh_from_db()
    assert contest.state == ContestState.ANNOUNCED
    for change in (
        lambda: services.save_scores(cast.admin, contest, {(c1.pk, final.pk): Decimal(1)}, contest.version),
        lambda: add_entry(cast.admin, contest, cast.c2),
        lambda: services.save_prize(cast.admin, Prize(contest=contest, entry=d1, kind=prize_kind("nhi"))),
        lambda: services.delete_entry(cast.admin, d1),
    ):
        with pytest.raises(ValidationError) as exc:
            change()
        assert messages(exc.value) == ["Hội thi đã công bố kết quả nên không sửa được nữa."]
    assert Entry.objects.filter(pk=d1.pk).exists()


def test_scores_only_while_running(cast):
    contest = make_contest(cast.admin, cast.province)
    first = add_round(cast.admin, contest)
    entry = add_entry(cast.admin, contest, cast.d1)
    with pytest.raises(ValidationError) as exc:
        services.save_scores(cast.admin, contest, {(entry.pk, first.pk): Decimal(5)}, contest.version)
    assert messages(exc.value) == ["Chỉ nhập điểm khi hội thi đang diễn ra (trạng thái “Đang thi”)."]


def test_a_prize_once_per_entry_and_kind(cast, contest):
    contest, _, (d1, *_rest) = contest
    services.save_prize(cast.admin, Prize(contest=contest, entry=d1, kind=prize_kind("nhat")))
    with pytest.raises(ValidationError):
        services.save_prize(cast.admin, Prize(contest=contest, entry=d1, kind=prize_kind("nhat")))


def test_conference_rules_and_the_units_attending_in_the_log(cast):
    with pytest.raises(ValidationError) as exc:
        make_conference(cast.d1_officer, cast.d1, title="", attendees=0, attending=[cast.c3])
    assert set(messages(exc.value)) == {
        "Cần nhập tên hội nghị.",
        "Số đại biểu dự phải từ 1 trở lên.",
        "Đảng ủy xã Tân Lập không thuộc phạm vi của Huyện ủy Bến Cầu.",
    }
    conference = make_conference(cast.d1_officer, cast.d1, attending=[cast.c1, cast.c2], attendees=120)
    assert set(conference.attending.all()) == {cast.c1, cast.c2}
    conference_services.save_conference(cast.d1_officer, conference, [cast.c1], None, conference.version)
    assert list(conference.attending.all()) == [cast.c1]
    removed = ChangeLogEntry.objects.filter(action="delete", object_repr="Đảng ủy xã Lợi Thuận")
    assert removed.count() == 1 and Attendance.objects.count() == 1
    with pytest.raises(ValidationError) as exc:
        conference_services.save_conference(cast.d1_officer, conference, None, None, 1)
    assert messages(exc.value) == [STALE_MESSAGE]
    with pytest.raises(ValidationError) as exc:
        make_conference(cast.admin, cast.province, date=dt.date(2025, 9, 1), attending=[cast.d1])
    assert "Huyện ủy Bến Cầu không hoạt động vào ngày 1/9/2025" in messages(exc.value)[0]
