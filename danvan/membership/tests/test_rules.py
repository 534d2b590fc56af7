"""The rules of a unit's figures, with their Vietnamese messages, through the service that applies them."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from danvan.core.models import ChangeLogEntry
from danvan.membership import services
from danvan.membership.choices import Period
from danvan.membership.models import MembershipReport, PopulationFigure
from danvan.membership.tests.conftest import enter, org

pytestmark = pytest.mark.django_db


def messages(exc: ValidationError) -> dict[str, list[str]]:
    return {field: [m for e in errors for m in e.messages] for field, errors in exc.error_dict.items()}


def test_seeded_organizations():
    codes = ["mat-tran", "cong-doan", "nong-dan", "phu-nu", "doan-thanh-nien", "cuu-chien-binh", "nguoi-cao-tuoi",
             "chu-thap-do"]  # fmt: skip
    assert [o.code for o in org("mat-tran").__class__.objects.all()] == codes


def test_parts_never_exceed_the_total(cast):
    nong_dan = org("nong-dan")
    with pytest.raises(ValidationError) as caught:
        enter(cast.admin, cast.c1, 2024, nong_dan={"members": 1200, "women": 1300, "ethnic_minority": 1201,
                                                 "religious": 40})  # fmt: skip
    found = messages(caught.value)
    prefix = f"o{nong_dan.pk}-"
    assert found[prefix + "women"] == ["Số nữ (1.300) vượt quá tổng số đoàn viên, hội viên (1.200)."]
    assert found[prefix + "ethnic_minority"] == [
        "Số người dân tộc thiểu số (1.201) vượt quá tổng số đoàn viên, hội viên (1.200)."
    ]
    assert prefix + "religious" not in found
    assert not MembershipReport.objects.exists()


def test_sectors_each_and_together_within_the_total(cast):
    nong_dan, phu_nu = org("nong-dan"), org("phu-nu")
    with pytest.raises(ValidationError) as caught:
        enter(cast.admin, cast.c1, 2024,
              nong_dan={"members": 1000, "farmers": 900, "workers": 80, "students": 30},
              phu_nu={"members": 700, "officials": 701, "armed_forces": -1})  # fmt: skip
    found = messages(caught.value)
    assert found[f"o{nong_dan.pk}-students"] == [
        "Cộng các thành phần (1.010) vượt quá tổng số đoàn viên, hội viên (1.000); mỗi người chỉ thuộc một thành phần."
    ]
    assert found[f"o{phu_nu.pk}-officials"] == [
        "Số cán bộ, công chức, viên chức (701) vượt quá tổng số đoàn viên, hội viên (700)."
    ]
    assert found[f"o{phu_nu.pk}-armed_forces"] == ["Số người trong lực lượng vũ trang không được là số âm."]
    assert f"o{phu_nu.pk}-other_sector" not in found  # the sum is not checked over wrong parts
    assert not MembershipReport.objects.exists()
    enter(cast.admin, cast.c1, 2024, nong_dan={"members": 1000, "farmers": 900, "workers": 70, "students": 30})
    report = MembershipReport.objects.get()
    assert (report.farmers, report.workers, report.students, report.officials) == (900, 70, 30, 0)


def test_totals_not_negative_and_required(cast):
    phu_nu, cuu = org("phu-nu"), org("cuu-chien-binh")
    with pytest.raises(ValidationError) as caught:
        enter(cast.admin, cast.c1, 2024, phu_nu={"members": -5}, cuu_chien_binh={"members": None, "women": 3},
              population=(-1, 10))  # fmt: skip
    found = messages(caught.value)
    assert found[f"o{phu_nu.pk}-members"] == ["Số đoàn viên, hội viên không được là số âm."]
    assert found[f"o{cuu.pk}-members"] == ["Cần nhập số đoàn viên, hội viên."]
    assert found["population"] == ["Dân số không được là số âm."]


def test_share_at_most_100_percent_and_no_fewer_people_than_the_largest_organization(cast):
    with pytest.raises(ValidationError) as caught:
        enter(cast.admin, cast.c1, 2024, nong_dan=820, phu_nu=700, population=(800, 850))
    assert messages(caught.value)["organized"] == [
        "Số người tham gia tổ chức (850) vượt quá dân số (800): tỷ lệ tập hợp không thể quá 100%."
    ]
    with pytest.raises(ValidationError) as caught:
        enter(cast.admin, cast.c1, 2024, nong_dan=900, phu_nu=700, population=(5000, 850))
    assert messages(caught.value)["organized"] == [
        "Số người tham gia ít nhất một tổ chức (850) ít hơn số hội viên của Hội Nông dân (900); mỗi người chỉ "
        "tính một lần nhưng không thể ít hơn số hội viên của một tổ chức."
    ]
    enter(cast.admin, cast.c1, 2024, nong_dan=900, phu_nu=700, population=(5000, 1400))
    assert PopulationFigure.objects.get().organized == 1400


def test_the_unit_must_exist_at_the_end_of_the_period(cast):
    # D1 ended on 30/6/2025: its first half of 2025 may be reported, not the whole year.
    enter(cast.d1_officer, cast.d1, 2025, Period.HALF, nong_dan=300)
    with pytest.raises(ValidationError) as caught:
        enter(cast.d1_officer, cast.d1, 2025, Period.YEAR, nong_dan=300)
    assert messages(caught.value)["unit"] == [
        "Huyện ủy Bến Cầu không hoạt động vào ngày 31/12/2025, ngày chốt số liệu năm 2025 (Đến 30/6/2025)."
    ]
    with pytest.raises(ValidationError) as caught:
        enter(cast.admin, cast.c1, dt.date.today().year + 1, nong_dan=1)
    assert messages(caught.value)["year"] == [f"Năm {dt.date.today().year + 1} chưa đến."]


def test_an_organization_outside_the_period(cast):
    chu_thap_do = org("chu-thap-do")
    chu_thap_do.valid_from = dt.date(2025, 1, 1)
    chu_thap_do.save()
    with pytest.raises(ValidationError) as caught:
        enter(cast.admin, cast.c1, 2024, chu_thap_do=10)
    assert messages(caught.value)[f"o{chu_thap_do.pk}-members"] == ["Hội Chữ thập đỏ không có trong danh mục năm 2024."]


def test_one_report_per_unit_organization_and_period(cast):
    enter(cast.admin, cast.c1, 2024, nong_dan=900)
    enter(cast.admin, cast.c1, 2024, nong_dan=950)  # the same period again changes the report
    enter(cast.admin, cast.c1, 2024, Period.HALF, nong_dan=880)  # another period is another report
    assert sorted(MembershipReport.objects.values_list("months", "members")) == [(6, 880), (12, 950)]
    from django.db import IntegrityError, transaction

    with pytest.raises(IntegrityError), transaction.atomic():
        MembershipReport.objects.create(unit=cast.c1, organization=org("nong-dan"), year=2024, members=1)


def test_blank_row_deletes_and_history_records_everything(cast):
    enter(cast.admin, cast.c1, 2024, nong_dan=900, phu_nu=700, population=(5000, 1400))
    report = MembershipReport.objects.get(organization__code="nong-dan")
    done = enter(cast.admin, cast.c1, 2024, nong_dan=910, phu_nu=None, population=(5000, 1400))
    assert done == {"created": 0, "changed": 1, "deleted": 1, "population": 0}
    report.refresh_from_db()
    assert (report.members, report.version) == (910, 2)
    actions = ChangeLogEntry.objects.filter(content_type__app_label="membership").values_list("action", flat=True)
    assert sorted(actions) == ["create", "create", "create", "delete", "update"]


def test_two_editors_at_once(cast):
    enter(cast.admin, cast.c1, 2024, nong_dan=900, population=(5000, 1400))
    nong_dan = org("nong-dan")
    rows = {nong_dan.pk: {"members": 905, "women": 0, "ethnic_minority": 0, "religious": 0}}
    services.save_period(cast.c1_officer, cast.c1, 2024, 12, rows, None, {f"o{nong_dan.pk}": 1, "population": 1})
    with pytest.raises(ValidationError) as caught:
        rows[nong_dan.pk]["members"] = 999
        services.save_period(cast.c1_officer, cast.c1, 2024, 12, rows, {"population": 5000, "organized": 1400},
                             {f"o{nong_dan.pk}": 1, "population": 1})  # fmt: skip
    assert caught.value.messages == [
        "Hội Nông dân: Hồ sơ đã được người khác sửa trong lúc bạn đang sửa. Vui lòng tải lại trang để xem bản mới nhất."
    ]
    assert MembershipReport.objects.get().members == 905


def test_scope_is_checked(cast):
    with pytest.raises(PermissionDenied):
        enter(cast.c2_officer, cast.c1, 2024, nong_dan=900)
    with pytest.raises(PermissionDenied):
        enter(cast.d1_reviewer, cast.c1, 2024, nong_dan=900)
    assert not MembershipReport.objects.exists()
