"""Citizen reception and dialogues: the rules with their messages, the monthly minimum by tier and date,
commitments followed until done, the pages with scoping for every member of the cast."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse

from danvan.core.testing.factories import CAST_UNITS, CHANGES, SEES, cast_people
from danvan.opinion import rules
from danvan.opinion.choices import CaseType, HostRole, ReceptionStatus
from danvan.opinion.models import Commitment, Dialogue, Reception, ReceptionCase
from danvan.opinion.services import meetings as services

pytestmark = pytest.mark.django_db

DAY = dt.date(2025, 5, 15)


def make_reception(user, unit, day=DAY, status=ReceptionStatus.HELD, **fields) -> Reception:
    reception = Reception(
        unit=unit, day=day, leader=fields.pop("leader", "Trần Văn Bình, Bí thư"), status=status, **fields
    )
    return services.save_reception(user, reception)


def make_dialogue(user, unit, day=DAY, **fields) -> Dialogue:
    dialogue = Dialogue(
        unit=unit, day=day, host_role=HostRole.SECRETARY, hosts=fields.pop("hosts", "Lê Thị Hoa, Bí thư Đảng ủy"),
        topic=fields.pop("topic", "Bồi thường, hỗ trợ tái định cư dự án đường tỉnh 786"), **fields,
    )  # fmt: skip
    return services.save_dialogue(user, dialogue)


def test_minimum_days_follow_the_tier_and_the_reform():
    assert rules.reception_minimum("province", dt.date(2024, 3, 1)) == 1
    assert rules.reception_minimum("district", dt.date(2025, 6, 1)) == 2
    assert rules.reception_minimum("district", dt.date(2025, 7, 1)) is None
    assert rules.reception_minimum("commune", dt.date(2025, 6, 1)) is None
    assert rules.reception_minimum("commune", dt.date(2025, 7, 1)) == 2


def test_frequency_counts_days_held_against_the_rule(cast):
    for day in (dt.date(2025, 7, 3), dt.date(2025, 7, 17), dt.date(2025, 7, 17), dt.date(2025, 8, 5)):
        make_reception(cast.admin, cast.c1, day=day)
    make_reception(cast.admin, cast.c1, day=dt.date(2025, 8, 20), status=ReceptionStatus.CANCELLED)
    make_reception(cast.admin, cast.d1, day=dt.date(2025, 6, 10))
    rows = {r.unit.pk: r for r in services.frequency([cast.c1, cast.d1], 2025, dt.date(2025, 9, 30))}
    c1, d1 = rows[cast.c1.pk], rows[cast.d1.pk]
    assert c1.held[6:9] == [2, 1, 0]  # two distinct days in July; the cancelled one does not count
    assert c1.minimum[5:10] == [None, 2, 2, 2, None]  # from July 2025; October is not over
    assert c1.shortfalls == 2  # August (1 day) and September (none)
    assert d1.held[5] == 1 and d1.minimum[5] == 2 and d1.minimum[6] is None  # the district ended 30/6/2025
    assert d1.shortfalls == 6  # January to June, each under two days


def test_reception_rules(cast):
    with pytest.raises(ValidationError) as exc:
        make_reception(cast.admin, cast.d1, day=dt.date(2025, 9, 1), leader=" ")
    found = exc.value.message_dict
    assert found["leader"] == ["Cần ghi họ tên, chức vụ người chủ trì tiếp công dân."]
    assert "không hoạt động vào ngày 1/9/2025" in found["unit"][0]
    planned = make_reception(cast.admin, cast.c1, day=DAY, status=ReceptionStatus.PLANNED)
    with pytest.raises(ValidationError, match="Chỉ ghi vụ việc vào buổi tiếp đã diễn ra"):
        services.save_case(cast.admin, ReceptionCase(reception=planned, petitioner="Ông A", case_type=CaseType.PETITION,
                                                     content="Đề nghị cấp giấy chứng nhận"))  # fmt: skip
    with pytest.raises(PermissionDenied):
        make_reception(cast.c2_officer, cast.c1)


def test_a_case_with_its_result(cast):
    reception = make_reception(cast.c1_officer, cast.c1)
    case = ReceptionCase(reception=reception, petitioner="Bà Nguyễn Thị Lan, ấp Bến Đình", case_type=CaseType.COMPLAINT,
                         people=5, content="Khiếu nại mức bồi thường đất nông nghiệp", assigned_to="UBND xã",
                         deadline=DAY + dt.timedelta(days=30), settled_on=DAY + dt.timedelta(days=3))  # fmt: skip
    with pytest.raises(ValidationError) as exc:
        services.save_case(cast.c1_officer, case)
    assert exc.value.message_dict["result"] == ["Cần ghi kết quả giải quyết."]
    case.result = "UBND xã đã đối thoại, giải thích căn cứ giá đất; bà Lan đồng ý"
    services.save_case(cast.c1_officer, case)
    assert not case.is_overdue(DAY + dt.timedelta(days=60))


def test_dialogue_notice_warning_and_commitments(cast):
    dialogue = make_dialogue(cast.c1_officer, cast.c1, notice_on=DAY - dt.timedelta(days=4), participants=120)
    assert rules.notice_warning(dialogue) == "Thông báo trước 4 ngày, ít hơn 7 ngày theo quy định."
    with pytest.raises(ValidationError) as exc:
        services.save_commitment(cast.c1_officer, Commitment(dialogue=dialogue, content="", responsible="",
                                                             deadline=DAY - dt.timedelta(days=1)))  # fmt: skip
    found = exc.value.message_dict
    assert found["content"] == ["Cần ghi nội dung cam kết."]
    assert found["deadline"] == ["Hạn thực hiện phải sau ngày đối thoại."]
    commitment = services.save_commitment(cast.c1_officer, Commitment(
        dialogue=dialogue, content="Chi trả dứt điểm tiền bồi thường còn lại", responsible="UBND xã Long Thuận",
        deadline=DAY + dt.timedelta(days=45)))  # fmt: skip
    assert commitment.is_overdue(DAY + dt.timedelta(days=46))
    commitment.done_on = DAY + dt.timedelta(days=40)
    with pytest.raises(ValidationError, match="Cần ghi kết quả thực hiện cam kết"):
        services.save_commitment(cast.c1_officer, commitment)


def expected(who: str, unit: str, allowed: dict, ok: int = 302) -> int:
    if unit not in SEES[who]:
        return 404
    return ok if unit in allowed[who] else 403


@pytest.fixture
def world(cast):
    people = cast_people(cast)
    receptions = {name: make_reception(cast.admin, getattr(cast, name)) for name in CAST_UNITS}
    dialogues = {name: make_dialogue(cast.admin, getattr(cast, name)) for name in CAST_UNITS}
    due = DAY + dt.timedelta(days=30)
    commitments = {
        name: services.save_commitment(
            cast.admin, Commitment(dialogue=d, content=f"Cam kết {name}", responsible="UBND", deadline=due)
        )
        for name, d in dialogues.items()
    }
    return people, receptions, dialogues, commitments


@pytest.mark.parametrize("who", list(SEES))
def test_pages_for_every_member_of_the_cast(client, world, who):
    people, receptions, dialogues, commitments = world
    client.force_login(people[who])
    listed = client.get(reverse("opinion:reception-list") + "?nam=2025").content.decode()
    talks = client.get(reverse("opinion:dialogue-list") + "?nam=2025").content.decode()
    assert client.get(reverse("opinion:reception-frequency") + "?nam=2025").status_code == 200
    for unit in CAST_UNITS:
        reception, dialogue = receptions[unit], dialogues[unit]
        assert (f'href="/du-luan/tiep-cong-dan/{reception.pk}/"' in listed) == (unit in SEES[who]), (who, unit)
        assert (f'href="/du-luan/doi-thoai/{dialogue.pk}/"' in talks) == (unit in SEES[who]), (who, unit)
        assert client.get(reception.get_absolute_url()).status_code == expected(who, unit, SEES, 200)
        assert client.get(dialogue.get_absolute_url()).status_code == expected(who, unit, SEES, 200)
        assert client.get(reverse("opinion:reception-edit", args=[reception.pk])).status_code == expected(
            who, unit, CHANGES, 200
        )
        data = {"petitioner": "Ông Tư", "case_type": "petition", "people": 1, "content": "Đề nghị sửa cầu"}
        response = client.post(reverse("opinion:reception-case-add", args=[reception.pk]), data)
        assert response.status_code == expected(who, unit, CHANGES), (who, unit)
        assert reception.cases.exists() == (unit in CHANGES[who])
        data = {"cam-content": "Lắp đèn đường", "cam-responsible": "UBND xã", "cam-deadline": "30/06/2025"}
        response = client.post(reverse("opinion:dialogue-commitment-add", args=[dialogue.pk]), data)
        assert response.status_code == expected(who, unit, CHANGES), (who, unit)
        commitment = commitments[unit]
        data = {f"k{commitment.pk}-done_on": "10/06/2025", f"k{commitment.pk}-result": "Đã chi trả xong"}
        response = client.post(reverse("opinion:dialogue-commitment-done", args=[commitment.pk]), data)
        assert response.status_code == expected(who, unit, CHANGES), (who, unit)
        assert (Commitment.objects.get(pk=commitment.pk).done_on is not None) == (unit in CHANGES[who])


def test_the_dialogue_page_warns_and_keeps_bad_input(client, cast):
    dialogue = make_dialogue(cast.c1_officer, cast.c1, notice_on=DAY - dt.timedelta(days=2))
    client.force_login(cast.c1_officer)
    page = client.get(dialogue.get_absolute_url()).content.decode()
    assert "Thông báo trước 2 ngày, ít hơn 7 ngày theo quy định." in page
    data = {"cam-content": "Nâng cấp tuyến đường ấp 3", "cam-responsible": "", "cam-deadline": "01/01/2025"}
    response = client.post(reverse("opinion:dialogue-commitment-add", args=[dialogue.pk]), data)
    html = response.content.decode()
    assert response.status_code == 200
    assert "Cần ghi cơ quan chịu trách nhiệm thực hiện." in html and "Hạn thực hiện phải sau ngày đối thoại." in html
    assert "Nâng cấp tuyến đường ấp 3" in html
    assert not Commitment.objects.exists()
