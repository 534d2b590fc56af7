"""The services: a record brings the checklist of the law valid in its year; the parts are checked by the
rules; two editors at once get a Vietnamese refusal; nobody changes what is not theirs."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from danvan.core.services import STALE_MESSAGE
from danvan.democracy import services
from danvan.democracy.choices import BoardKind, CharterState, PlaceKind
from danvan.democracy.models import DemocracyYear, Disclosure, DisclosureMethod, Matter
from danvan.democracy.tests.conftest import agency, make_board, make_charter, make_matter, make_record

pytestmark = pytest.mark.django_db


def messages(exc) -> list[str]:
    return list(exc.value.messages)


def bases(record) -> set[str]:
    return set(Disclosure.objects.filter(record=record).values_list("item__basis", flat=True))


def test_the_checklist_is_the_law_valid_in_the_year(cast):
    before = make_record(cast.admin, cast.c1, 2022)
    both = make_record(cast.admin, cast.c2, 2023)
    office = make_record(cast.admin, agency(cast.province), 2024)
    assert bases(before) == {"Pháp lệnh số 34/2007/PL-UBTVQH11"}
    assert bases(both) == {"Pháp lệnh số 34/2007/PL-UBTVQH11", "Luật Thực hiện dân chủ ở cơ sở số 10/2022/QH15"}
    assert bases(office) == {"Luật Thực hiện dân chủ ở cơ sở số 10/2022/QH15"}
    assert set(Disclosure.objects.filter(record=office).values_list("item__place_kind", flat=True)) == {"agency"}
    assert Disclosure.objects.filter(record=before).count() == 11


def test_record_rules(cast):
    with pytest.raises(ValidationError) as exc:
        make_record(cast.admin, cast.d1, 2024, place_kind=PlaceKind.COMMUNE)
    upper = "Dân chủ ở cơ sở ghi cho xã, phường, cơ quan, doanh nghiệp; Huyện ủy Bến Cầu là cấp ủy cấp trên."
    assert upper in messages(exc)
    with pytest.raises(ValidationError) as exc:
        make_record(cast.admin, cast.c1, 2024, place_kind=PlaceKind.ENTERPRISE, review_on=dt.date(2025, 5, 1))
    found = messages(exc)
    assert "Đảng ủy xã Long Thuận là cấp xã: chọn loại hình xã, phường, đặc khu." in found
    assert "Ngày tổng kết năm 2024 phải trong năm 2024 hoặc quý I năm sau." in found
    assert "Cần ghi kết quả tổng kết." in found
    make_record(cast.admin, cast.c1, 2024)
    with pytest.raises(ValidationError) as exc:
        make_record(cast.admin, cast.c1, 2024)
    assert messages(exc) == ["Đảng ủy xã Long Thuận đã có hồ sơ dân chủ ở cơ sở năm 2024; hãy mở hồ sơ đó để cập nhật."]


def test_checklist_ticked_with_methods_and_dates(cast):
    record = make_record(cast.c1_officer, cast.c1)
    lines = list(Disclosure.objects.filter(record=record).order_by("item__order"))
    post, radio = DisclosureMethod.objects.get(code="niem-yet"), DisclosureMethod.objects.get(code="truyen-thanh")
    with pytest.raises(ValidationError) as exc:
        wrong = {lines[0].pk: (True, [], None), lines[1].pk: (False, [], dt.date(2023, 5, 1))}
        services.save_checklist(cast.c1_officer, record, wrong, 1)
    found = messages(exc)
    assert f"{lines[0].item.name}: Cần nhập ngày công khai." in found
    assert f"{lines[0].item.name}: Chọn ít nhất một hình thức công khai." in found
    assert f"{lines[1].item.name}: Ngày công khai 1/5/2023 không thuộc năm 2024." in found
    changed = services.save_checklist(
        cast.c1_officer, record, {lines[0].pk: (True, [radio.pk, post.pk], dt.date(2024, 2, 1))}, 1
    )
    assert changed == 1
    line = Disclosure.objects.get(pk=lines[0].pk)
    assert line.done and line.methods_label == "Niêm yết tại trụ sở; Hệ thống truyền thanh cơ sở"
    assert set(line.methods.values_list("code", flat=True)) == {"niem-yet", "truyen-thanh"}
    with pytest.raises(ValidationError) as exc:  # a page read before that save
        services.save_checklist(cast.c1_officer, record, {lines[2].pk: (False, [], None)}, 1)
    assert messages(exc) == [STALE_MESSAGE]


def test_matter_rules_and_decision(cast):
    record = make_record(cast.c1_officer, cast.c1)
    assert make_matter(cast.c1_officer, record, agreeing=101, households=200).decided is True
    assert make_matter(cast.c1_officer, record, agreeing=100, households=200, content="Khác").decided is False
    assert make_matter(cast.c1_officer, record, agreeing=None, content="Chưa kiểm").decided is None
    with pytest.raises(ValidationError) as exc:
        make_matter(cast.c1_officer, record, agreeing=250, households=200, day=dt.date(2025, 1, 3), content=" ")
    found = messages(exc)
    assert "Số hộ đồng ý (250) vượt quá tổng số hộ gia đình (200)." in found
    assert "Ngày lấy ý kiến 3/1/2025 không thuộc năm 2024." in found
    assert "Cần ghi nội dung nhân dân bàn và quyết định." in found
    with pytest.raises(ValidationError) as exc:
        make_matter(cast.c1_officer, record, households=0, agreeing=0)
    assert messages(exc) == ["Tổng số hộ gia đình phải từ 1 trở lên."]
    office = make_record(cast.admin, agency(cast.province))
    with pytest.raises(ValidationError) as exc:
        make_matter(cast.admin, office)
    assert messages(exc) == [
        "Nội dung nhân dân bàn và quyết định chỉ ghi cho xã, phường, đặc khu; Sở Nội vụ là cơ quan, đơn vị."
    ]


def test_boards_and_charters(cast):
    record = make_record(cast.c1_officer, cast.c1)
    make_board(cast.c1_officer, record)
    with pytest.raises(ValidationError) as exc:
        make_board(cast.c1_officer, record, recommendations=3, resolved=4)
    assert set(messages(exc)) == {
        "Năm 2024 đã ghi Ban Thanh tra nhân dân của đơn vị; hãy sửa ban đã có.",
        "Số kiến nghị được giải quyết (4) vượt quá số kiến nghị (3).",
    }
    office = make_record(cast.admin, agency(cast.province))
    with pytest.raises(ValidationError):
        make_board(cast.admin, office, kind=BoardKind.INVESTMENT)
    with pytest.raises(ValidationError) as exc:
        make_charter(cast.c1_officer, record, decided_on=None, decision_number="")
    assert set(messages(exc)) == {"Cần nhập ngày quyết định công nhận.", "Cần ghi số quyết định công nhận."}
    with pytest.raises(ValidationError) as exc:
        make_charter(cast.c1_officer, record, state=CharterState.DRAFTED, decision_number="12/QĐ-UBND")
    assert messages(exc) == ["Hương ước, quy ước đang xây dựng chưa có quyết định công nhận."]


def test_two_editors_and_scope(cast):
    record = make_record(cast.c1_officer, cast.c1)
    matter = make_matter(cast.c1_officer, record)
    first, second = Matter.objects.get(pk=matter.pk), Matter.objects.get(pk=matter.pk)
    first.agreeing = 150
    services.save_part(cast.c1_officer, first, 1)
    second.agreeing = 90
    with pytest.raises(ValidationError) as exc:
        services.save_part(cast.d1_officer, second, 1)
    assert messages(exc) == [STALE_MESSAGE]
    assert Matter.objects.get(pk=matter.pk).agreeing == 150
    with pytest.raises(PermissionDenied):
        services.save_part(cast.c2_officer, Matter.objects.get(pk=matter.pk), 2)
    stale = DemocracyYear.objects.get(pk=record.pk)
    record.notes = "Đã sửa"
    services.save_record(cast.c1_officer, record, 1)
    stale.notes = "Sửa cùng lúc"
    with pytest.raises(ValidationError):
        services.save_record(cast.d1_officer, stale, 1)
    with pytest.raises(PermissionDenied):
        make_record(cast.c1_officer, cast.c2)


def test_changing_the_kind_rebuilds_an_untouched_checklist(cast):
    office = agency(cast.province)
    record = make_record(cast.admin, office)
    record.place_kind = PlaceKind.ENTERPRISE
    services.save_record(cast.admin, record, record.version)
    assert set(Disclosure.objects.filter(record=record).values_list("item__place_kind", flat=True)) == {"enterprise"}
    line = Disclosure.objects.filter(record=record).first()
    services.save_checklist(cast.admin, record, {line.pk: (True, [DisclosureMethod.objects.first().pk],
                                                           dt.date(2024, 3, 1))}, record.version)  # fmt: skip
    record.refresh_from_db()
    record.place_kind = PlaceKind.AGENCY
    with pytest.raises(ValidationError) as exc:
        services.save_record(cast.admin, record, record.version)
    assert "Đã đánh dấu công khai 1 nội dung theo loại hình cũ" in messages(exc)[0]
