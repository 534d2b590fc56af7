"""Programmes through the services: their reviews in the planning register, edits by two people at once,
replacement, the state on a day, items, year plans and evaluations and their rules."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from danvan.cooperation import services
from danvan.cooperation.choices import Kind, State
from danvan.cooperation.models import Evaluation, Programme, ProgrammeItem, YearPlan
from danvan.cooperation.tests.conftest import SIGNED, evaluate, make_programme, party
from danvan.planning.models import Directive, Milestone

pytestmark = pytest.mark.django_db


def messages(exc) -> dict:
    return exc.value.message_dict


def test_a_programme_follows_its_reviews_in_the_planning_register(cast):
    programme = make_programme(cast.admin, cast.province)
    directive = programme.directive
    assert directive.type.code == "chuong-trinh-phoi-hop" and directive.number == programme.number
    assert directive.issuer == "Ban Dân vận Tỉnh ủy và Ban cán sự đảng Ủy ban nhân dân tỉnh"
    dues = list(Milestone.objects.filter(directive=directive).order_by("due_date").values_list("kind", "due_date"))
    assert dues == [("interim", dt.date(2024, 3, 12)), ("final", dt.date(2026, 3, 12))]
    programme.final_years = None
    programme.interim_years = "2, 4"
    services.save_programme(cast.admin, programme, list(programme.parties.all()), [], programme.version)
    dues = sorted(Milestone.objects.filter(directive=directive).values_list("due_date", flat=True))
    assert dues == [dt.date(2023, 3, 12), dt.date(2025, 3, 12)]
    assert Directive.objects.count() == 1


def test_a_directive_registered_first_is_linked_not_doubled(cast):
    from danvan.planning.models import DirectiveType
    from danvan.planning.services.directives import save_directive

    earlier = save_directive(
        cast.admin,
        Directive(
            unit=cast.province,
            type=DirectiveType.objects.get(code="chuong-trinh-phoi-hop"),
            number="161-CTr/BCSĐUBND-BDVTU",
            issued_on=SIGNED,
            issuer="Hai bên",
            summary="Phối hợp",
        ),
    )
    programme = make_programme(cast.admin, cast.province)
    assert programme.directive_id == earlier.pk and Directive.objects.count() == 1


def test_two_editors_at_once(cast):
    programme = make_programme(cast.admin, cast.province)
    first = Programme.objects.get(pk=programme.pk)
    second = Programme.objects.get(pk=programme.pk)
    first.title = "Bản của người thứ nhất"
    services.save_programme(cast.admin, first, list(first.parties.all()), [], first.version)
    second.title = "Bản của người thứ hai"
    with pytest.raises(ValidationError, match="đã được người khác sửa"):
        services.save_programme(cast.admin, second, list(second.parties.all()), [], second.version)
    assert Programme.objects.get(pk=programme.pk).title == "Bản của người thứ nhất"


@pytest.mark.parametrize(
    "changes, field, message",
    [
        ({"number": "161/CTr-BDVTU"}, "number", "không đúng dạng"),
        ({"number": "161-QC/BCSĐUBND-BDVTU"}, "number", "không khớp loại Chương trình phối hợp (CTr)"),
        ({"signed_on": dt.date(2099, 1, 1)}, "signed_on", "chưa đến"),
        ({"valid_from": dt.date(2021, 3, 1)}, "valid_from", "từ ngày ký"),
        ({"valid_until": dt.date(2021, 1, 1)}, "valid_until", "phải sau ngày có hiệu lực"),
        ({"final_years": 99}, "final_years", "từ 1 đến 50"),
        ({"interim_years": "ba"}, "interim_years", "không hợp lệ"),
        ({"title": " "}, "title", "Cần nhập trích yếu"),
    ],
)
def test_the_rules_of_a_programme(cast, changes, field, message):
    with pytest.raises(ValidationError) as exc:
        make_programme(cast.admin, cast.province, **changes)
    assert any(message in text for text in messages(exc)[field]), messages(exc)
    assert not Programme.objects.exists()


def test_parties_two_at_least_and_valid_on_the_signing_day(cast):
    with pytest.raises(ValidationError) as exc:
        make_programme(cast.admin, cast.province, parties=["ban-dan-van-tinh-uy"])
    assert "ít nhất 2 bên" in " ".join(messages(exc)["parties"])
    with pytest.raises(ValidationError) as exc:
        make_programme(
            cast.admin,
            cast.province,
            signed_on=dt.date(2025, 6, 2),
            valid_from=dt.date(2025, 6, 2),
            parties=["ban-dan-van-tinh-uy", "cong-an-tinh"],
        )
    assert "“Ban Dân vận Tỉnh ủy” không còn hoặc chưa có vào ngày ký 2/6/2025" in messages(exc)["parties"][0]
    with pytest.raises(ValidationError) as exc:
        make_programme(cast.admin, cast.province, parties=["ban-dan-van-tinh-uy"], others=["ban dan van tinh uy"])
    assert "hai lần" in messages(exc)["other_parties"][0]
    # A commune's programme names its own bodies.
    local = make_programme(
        cast.c1_officer,
        cast.c1,
        number="02-CTr/ĐU-UBND",
        parties=[],
        others=["Đảng ủy xã Long Thuận", "Ủy ban nhân dân xã Long Thuận"],
    )
    assert local.parties_label == "Đảng ủy xã Long Thuận; Ủy ban nhân dân xã Long Thuận"


def test_a_unit_outside_scope_is_refused(cast):
    with pytest.raises(PermissionDenied):
        make_programme(cast.c1_officer, cast.c2, number="03-CTr/ĐU-UBND", parties=[], others=["A", "B"])


def test_the_state_on_a_day_and_the_replacement(cast):
    old = make_programme(cast.admin, cast.province, interim_years="", final_years=None)
    assert old.state_on(dt.date(2021, 3, 11)) == State.NOT_YET
    assert old.state_on(dt.date(2024, 1, 1)) == State.IN_FORCE
    new = Programme(
        unit=cast.province,
        kind=Kind.PROGRAMME,
        number="05-CTr/ĐUUBND-BTGDVTU",
        title="Giai đoạn mới",
        signed_on=dt.date(2025, 8, 5),
    )
    services.replace(cast.admin, old, new, [party("dang-uy-ubnd-tinh"), party("ban-tuyen-giao-dan-van-tinh-uy")], [])
    old.refresh_from_db()
    assert old.replaced_by_id == new.pk and old.valid_until == dt.date(2025, 8, 4)
    assert old.state_on(dt.date(2025, 8, 5)) == State.REPLACED and new.state_on(dt.date(2025, 8, 5)) == State.IN_FORCE
    states = dict(Programme.objects.with_state(dt.date(2025, 8, 5)).values_list("pk", "state"))
    assert states == {old.pk: State.REPLACED, new.pk: State.IN_FORCE}
    again = Programme(
        unit=cast.province,
        kind=Kind.PROGRAMME,
        number="06-CTr/ĐUUBND-BTGDVTU",
        title="Lần hai",
        signed_on=dt.date(2025, 9, 1),
    )
    with pytest.raises(ValidationError, match="đã được thay thế"):
        services.replace(cast.admin, old, again, [party("dang-uy-ubnd-tinh"), party("cong-an-tinh")], [])


def test_items_name_the_programmes_parties(cast):
    programme = make_programme(cast.admin, cast.province)
    item = services.save_item(
        cast.admin,
        ProgrammeItem(
            programme=programme,
            content="Tuyên truyền, vận động nhân dân thực hiện chủ trương của Đảng",
            lead="Ban Dân vận Tỉnh ủy",
            partners="Ban cán sự đảng Ủy ban nhân dân tỉnh",
        ),
    )
    assert item.order == 1
    with pytest.raises(ValidationError) as exc:
        services.save_item(cast.admin, ProgrammeItem(programme=programme, content="X", lead="Công an tỉnh"))
    assert "không phải một bên" in messages(exc)["lead"][0]
    # A party an item names cannot be dropped from the programme.
    with pytest.raises(ValidationError, match="Nội dung số 1 còn ghi"):
        services.save_programme(
            cast.admin, programme, [party("ban-dan-van-tinh-uy"), party("cong-an-tinh")], [], programme.version
        )


def test_year_plans_and_evaluations(cast):
    programme = make_programme(cast.admin, cast.province, valid_until=dt.date(2025, 12, 31))
    plan = services.save_year_plan(
        cast.admin,
        YearPlan(programme=programme, year=2022, number="01-KHPH/BDVTU-UBND", issued_on=dt.date(2022, 1, 20)),
    )
    assert str(plan) == "Kế hoạch phối hợp năm 2022 số 01-KHPH/BDVTU-UBND"
    with pytest.raises(ValidationError, match="Đã có kế hoạch phối hợp năm 2022"):
        services.save_year_plan(cast.admin, YearPlan(programme=programme, year=2022, issued_on=dt.date(2022, 2, 1)))
    evaluate(cast.admin, programme, 2022)
    evaluate(cast.admin, programme, 2023, held_on=dt.date(2024, 1, 12))  # early in the next year counts
    with pytest.raises(ValidationError) as exc:
        evaluate(cast.admin, programme, 2024, held_on=dt.date(2025, 5, 1))
    assert "đến 31/3/2025" in messages(exc)["held_on"][0]
    with pytest.raises(ValidationError) as exc:
        evaluate(cast.admin, programme, 2020)
    assert "không có hiệu lực" in messages(exc)["year"][0]
    with pytest.raises(ValidationError, match="Đã ghi hội nghị đánh giá năm 2022"):
        evaluate(cast.admin, programme, 2022)


def test_editing_and_deleting_year_plans_and_evaluations(cast):
    from danvan.core.models import ChangeLogEntry

    programme = make_programme(cast.admin, cast.province, valid_until=dt.date(2025, 12, 31))
    plan = services.save_year_plan(cast.admin, YearPlan(programme=programme, year=2022, issued_on=dt.date(2022, 1, 20)))
    evaluation = evaluate(cast.admin, programme, 2022)
    first, second = YearPlan.objects.get(pk=plan.pk), YearPlan.objects.get(pk=plan.pk)
    first.number = "02-KHPH/BDVTU-UBND"
    services.save_year_plan(cast.admin, first, expected_version=first.version)
    second.content = "Bản của người thứ hai"
    with pytest.raises(ValidationError, match="đã được người khác sửa"):
        services.save_year_plan(cast.admin, second, expected_version=second.version)
    stored = YearPlan.objects.get(pk=plan.pk)
    assert (stored.number, stored.content, stored.version) == ("02-KHPH/BDVTU-UBND", "", 2)
    services.save_year_plan(cast.admin, YearPlan(programme=programme, year=2023, issued_on=dt.date(2023, 1, 5)))
    stored.year = 2023  # the other year already has its plan
    with pytest.raises(ValidationError, match="Đã có kế hoạch phối hợp năm 2023"):
        services.save_year_plan(cast.admin, stored, expected_version=stored.version)

    first, second = Evaluation.objects.get(pk=evaluation.pk), Evaluation.objects.get(pk=evaluation.pk)
    first.result = "Hoàn thành tốt"
    services.save_evaluation(cast.admin, first, expected_version=first.version)
    second.held_on = dt.date(2025, 6, 1)
    with pytest.raises(ValidationError, match="đã được người khác sửa"):
        services.save_evaluation(cast.admin, second, expected_version=second.version)
    first.held_on = dt.date(2023, 5, 1)  # the rules apply to an edit too
    with pytest.raises(ValidationError) as exc:
        services.save_evaluation(cast.admin, first, expected_version=first.version)
    assert "đến 31/3/2023" in messages(exc)["held_on"][0]
    assert Evaluation.objects.get(pk=evaluation.pk).result == "Hoàn thành tốt"

    for record, delete in ((plan, services.delete_year_plan), (evaluation, services.delete_evaluation)):
        with pytest.raises(PermissionDenied):  # a commune's officer may not change the province's
            delete(cast.c1_officer, record)
        pk = record.pk
        assert type(record).objects.filter(pk=pk).exists()
        delete(cast.admin, record)
        assert not type(record).objects.filter(pk=pk).exists()
        model = type(record)._meta.model_name
        logged = ChangeLogEntry.objects.get(content_type__model=model, object_id=str(pk), action="delete")
        assert logged.unit_id == cast.province.pk and str(record.year) in logged.object_repr
    updates = ChangeLogEntry.objects.filter(action="update", content_type__model__in=["yearplan", "evaluation"])
    assert updates.count() == 2


def test_a_year_plan_cannot_move_to_another_programme(cast):
    programme = make_programme(cast.admin, cast.province)
    other = make_programme(cast.admin, cast.province, number="200-CTr/BDVTU-MTTQ")
    plan = services.save_year_plan(cast.admin, YearPlan(programme=programme, year=2022, issued_on=dt.date(2022, 1, 20)))
    plan.programme = other
    with pytest.raises(ValidationError, match="sang văn bản phối hợp khác"):
        services.save_year_plan(cast.admin, plan, expected_version=plan.version)
