"""Issuers, format profiles, Party terms and document numbers, all chosen by the document's date."""

from __future__ import annotations

import datetime as dt
from types import SimpleNamespace

import pytest
from django.core.exceptions import ValidationError

from danvan.documents import demo
from danvan.documents.choices import PLAN, REPORT
from danvan.documents.models import FormatProfile, Issuer, PartyTerm
from danvan.documents.numbering import format_symbol, next_document_number
from danvan.documents.services import compose
from danvan.documents.tests.conftest import BEFORE_MERGER, MERGER, ubnd_issuer

pytestmark = pytest.mark.django_db


def test_the_issuer_is_chosen_by_the_documents_date(commissions):
    old = Issuer.for_unit(commissions.old, BEFORE_MERGER)
    new = Issuer.for_unit(commissions.new, MERGER)
    assert (old.symbol, old.issuer_line, old.head_name) == ("BDVTU", "BAN DÂN VẬN", "Lê Minh Thế")
    assert (new.symbol, new.issuer_line, new.head_name) == ("BTGDVTU", "BAN TUYÊN GIÁO VÀ DÂN VẬN", "Nguyễn Văn Hùng")
    assert format_symbol(5, "BC", old) == "Số 05-BC/BDVTU"
    assert format_symbol(5, "BC", new) == "Số 05-BC/BTGDVTU"


def test_a_missing_issuer_is_explained_in_vietnamese(commissions):
    with pytest.raises(Issuer.DoesNotExist, match="Chưa khai báo thông tin ban hành văn bản của Ban Dân vận"):
        Issuer.for_unit(commissions.old, MERGER)


def test_a_document_after_the_merger_is_issued_by_the_new_commission(commissions):
    before = compose(REPORT, commissions.old, BEFORE_MERGER, "Báo cáo", [], ["Lưu VP"], number=3)
    after = compose(REPORT, commissions.new, MERGER, "Báo cáo", [], ["Lưu VP"], number=3)
    assert (before.number_text, before.issuer.issuer_line) == ("Số 03-BC/BDVTU", "BAN DÂN VẬN")
    assert (after.number_text, after.issuer.issuer_line) == ("Số 03-BC/BTGDVTU", "BAN TUYÊN GIÁO VÀ DÂN VẬN")


def test_two_issuer_periods_of_one_unit_may_not_overlap(commissions):
    with pytest.raises(ValidationError, match="trùng"):
        Issuer.objects.create(
            unit=commissions.new,
            issuer_line="BAN TUYÊN GIÁO VÀ DÂN VẬN",
            symbol="X",
            place="Tây Ninh",
            valid_from=dt.date(2025, 6, 1),
        )


def test_a_ban_may_not_be_declared_a_collective(commissions):
    issuer = Issuer.for_unit(commissions.new, MERGER)
    issuer.is_collective, issuer.collective_name = True, "BAN TUYÊN GIÁO VÀ DÂN VẬN"
    with pytest.raises(ValidationError, match="không ký “T/M”"):
        issuer.save()


def test_numbers_run_per_type_for_a_party_term(commissions):
    issuer = Issuer.for_unit(commissions.old, dt.date(2021, 2, 5))
    first = next_document_number(issuer, "BC", dt.date(2021, 2, 5))
    second = next_document_number(issuer, "BC", dt.date(2024, 12, 30))  # same term (2020–2025)
    plan = next_document_number(issuer, "KH", dt.date(2022, 3, 1))
    earlier_term = next_document_number(issuer, "BC", dt.date(2020, 9, 30))  # still the 2015–2020 term
    assert (first, second, plan, earlier_term) == (1, 2, 1, 1)
    assert format_symbol(second, "BC", issuer) == "Số 02-BC/BDVTU"


def test_the_next_term_starts_again_from_01(commissions):
    issuer = Issuer.for_unit(commissions.new, MERGER)
    assert next_document_number(issuer, "BC", dt.date(2025, 9, 30)) == 1  # term 2020–2025
    assert next_document_number(issuer, "BC", dt.date(2025, 9, 30)) == 2
    assert next_document_number(issuer, "BC", dt.date(2025, 10, 1)) == 1  # congress: term 2025–2030


def test_compose_reserves_the_number_when_issuing(commissions):
    day = dt.date(2025, 11, 3)
    draft = compose(PLAN, commissions.new, day, "Kế hoạch", [], ["Lưu VP"])
    issued = compose(PLAN, commissions.new, day, "Kế hoạch", [], ["Lưu VP"], reserve_number=True)
    again = compose(PLAN, commissions.new, day, "Kế hoạch", [], ["Lưu VP"], reserve_number=True)
    assert draft.number_text == "Số       -KH/BTGDVTU"  # room for the clerk to write the number
    assert (issued.number_text, again.number_text) == ("Số 01-KH/BTGDVTU", "Số 02-KH/BTGDVTU")


def test_state_documents_are_numbered_per_year(cast, seeded):
    issuer = ubnd_issuer(cast)
    assert next_document_number(issuer, "QĐ", dt.date(2025, 12, 31)) == 1
    assert next_document_number(issuer, "QĐ", dt.date(2025, 12, 31)) == 2
    assert next_document_number(issuer, "QĐ", dt.date(2026, 1, 2)) == 1
    assert format_symbol(7, "QĐ", issuer) == "Số: 07/QĐ-UBND"


def test_the_format_profile_is_chosen_by_the_documents_date(seeded):
    assert FormatProfile.for_date(dt.date(2025, 12, 31)).regulation == "Quy định 66-QĐ/TW, Hướng dẫn 36-HD/VPTW"
    assert FormatProfile.for_date(dt.date(2026, 1, 8)).code == "dang-66"
    profile = FormatProfile.for_date(dt.date(2026, 1, 9))
    assert (profile.code, profile.regulation) == ("dang-399", "Quy định 399-QĐ/TW")
    assert FormatProfile.for_date(dt.date(2026, 1, 9), "state").regulation == "Nghị định 30/2020/NĐ-CP"


def test_the_party_profile_holds_the_rules_of_the_regulation(seeded):
    p = FormatProfile.for_date(dt.date(2021, 2, 5))
    page = [p.page_width_mm, p.page_height_mm, p.margin_top_mm, p.margin_bottom_mm, p.margin_left_mm, p.margin_right_mm]
    assert page == [210, 297, 20, 20, 30, 15]
    sizes = (p.body_size, p.superior_size, p.issuer_size, p.national_size, p.type_size, p.summary_size)
    assert (p.font_name, sizes, p.recipients_size) == ("Times New Roman", (14, 14, 14, 15, 15, 14), 12)
    assert p.number_from_second_page is True


def test_profiles_of_one_system_may_not_overlap(seeded):
    profile = FormatProfile(code="dang-moi", name="Mới", regulation="X", valid_from=dt.date(2026, 6, 1))
    with pytest.raises(ValidationError, match="trùng"):
        profile.clean()


def test_party_terms_are_seeded_and_found_by_date(seeded):
    assert [t.name for t in PartyTerm.objects.all()] == [
        "Nhiệm kỳ 2015–2020",
        "Nhiệm kỳ 2020–2025",
        "Nhiệm kỳ 2025–2030",
    ]
    assert PartyTerm.for_date(dt.date(2020, 9, 30)).name == "Nhiệm kỳ 2015–2020"
    assert PartyTerm.for_date(dt.date(2020, 10, 1)).name == "Nhiệm kỳ 2020–2025"
    assert PartyTerm.for_date(dt.date(2031, 1, 1)).name == "Nhiệm kỳ 2025–2030"
    with pytest.raises(PartyTerm.DoesNotExist, match="Chưa khai báo nhiệm kỳ chứa ngày 1/1/2015"):
        PartyTerm.for_date(dt.date(2015, 1, 1))


def test_the_demo_loader_can_run_twice(commissions, cast):
    ctx = SimpleNamespace(commission_old=commissions.old, commission=commissions.new, province=cast.province)
    demo.load(ctx)
    assert Issuer.objects.count() == 2
    assert Issuer.objects.get(symbol="BDVTU").valid_until == BEFORE_MERGER
    assert Issuer.objects.get(symbol="BTGDVTU").valid_from == MERGER


def test_issuer_changes_are_recorded_in_the_change_log(commissions):
    from danvan.core.models import ChangeLogEntry

    issuer = Issuer.for_unit(commissions.new, MERGER)
    issuer.head_name = "Phạm Văn Tân"
    issuer.save()
    entry = ChangeLogEntry.objects.get(
        content_type__model="issuer", object_id=str(issuer.pk), action=ChangeLogEntry.Action.UPDATE
    )
    assert entry.after == {"head_name": "Phạm Văn Tân"}
    assert entry.unit_id == commissions.new.pk


def test_a_commune_kept_through_the_reform_is_under_the_province_from_then(cast):
    from danvan.documents.issuers import derived_issuer

    # C1 keeps its ended district D1 as parent in the tree; on a date after 30/6/2025 it belongs to the province.
    assert derived_issuer(cast.c1, dt.date(2025, 6, 30)).superior_line == "ĐẢNG BỘ HUYỆN BẾN CẦU"
    assert derived_issuer(cast.c1, dt.date(2026, 3, 1)).superior_line == "ĐẢNG BỘ TỈNH TÂY NINH"
