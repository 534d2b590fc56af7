"""Directives and their review milestones through the services: stored due dates, recomputation,
reports closing reviews, explicit dates, states, quarters, scope."""

import datetime as dt

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from danvan.planning.choices import ReviewState
from danvan.planning.models import Directive, Milestone
from danvan.planning.services import directives as services
from danvan.planning.tests.conftest import dtype, make_directive

pytestmark = pytest.mark.django_db


def dues(directive) -> list[tuple[str, int | None, dt.date]]:
    return list(directive.milestones.order_by("due_date").values_list("kind", "years", "due_date"))


def test_saving_a_directive_stores_its_milestones(cast, config):
    directive = make_directive(cast.admin, cast.province, interim_years="3; 5", final_years=10)
    assert directive.interim_years == "3, 5"  # normalized
    assert dues(directive) == [
        ("interim", 3, dt.date(2019, 5, 13)),
        ("interim", 5, dt.date(2021, 5, 13)),
        ("final", 10, dt.date(2026, 5, 13)),
    ]


def test_a_leap_day_directive_is_due_on_the_last_day_of_february(cast, config):
    directive = make_directive(
        cast.admin, cast.province, "01-CT/TW", dt.date(2016, 2, 29), "chi-thi", interim_years="3, 4"
    )
    assert [d for _, _, d in dues(directive)] == [dt.date(2019, 2, 28), dt.date(2020, 2, 29)]


def test_changing_the_rules_or_the_date_recomputes_the_milestones(cast, config):
    directive = make_directive(cast.admin, cast.province, interim_years="5", final_years=10)
    directive.issued_on = dt.date(2016, 6, 1)
    directive.interim_years = "3"
    directive.final_years = None
    services.save_directive(cast.admin, directive)
    assert dues(directive) == [("interim", 3, dt.date(2019, 6, 1))]


def test_a_milestone_with_a_report_cannot_be_dropped_from_the_rules(cast, config):
    directive = make_directive(cast.admin, cast.province, interim_years="5")
    milestone = directive.milestones.get()
    services.record_review(cast.admin, milestone, number="125-BC/TU", date=dt.date(2021, 6, 10))
    directive = Directive.objects.get(pk=directive.pk)
    directive.interim_years = "3"
    with pytest.raises(ValidationError) as caught:
        services.save_directive(cast.admin, directive)
    assert "đã có báo cáo số 125-BC/TU ngày 10/6/2021" in str(caught.value)
    assert dues(Directive.objects.get(pk=directive.pk)) == [("interim", 5, dt.date(2021, 5, 13))]  # rolled back
    assert Directive.objects.get(pk=directive.pk).interim_years == "5"


def test_a_reported_review_is_done_and_an_unreported_past_one_overdue(cast, config):
    directive = make_directive(cast.admin, cast.province, interim_years="3, 5", final_years=10)
    three, five, _ten = directive.milestones.order_by("due_date")
    services.record_review(cast.admin, three, number="45-BC/TU", date=dt.date(2019, 6, 1), title="Báo cáo sơ kết")
    today = dt.date(2022, 1, 1)
    states = dict(Milestone.objects.with_state(today).values_list("years", "state"))
    assert states == {3: ReviewState.DONE, 5: ReviewState.OVERDUE, 10: ReviewState.PENDING}
    assert Milestone.objects.get(pk=five.pk).state_on(dt.date(2021, 5, 13)) == ReviewState.PENDING  # due today
    assert Milestone.objects.get(pk=five.pk).state_on(dt.date(2021, 5, 14)) == ReviewState.OVERDUE
    # Reported late, it is done all the same.
    services.record_review(cast.admin, five, number="60-BC/TU", date=dt.date(2021, 12, 1))
    assert Milestone.objects.with_state(today).get(pk=five.pk).state == ReviewState.DONE


def test_reports_are_checked(cast, config):
    directive = make_directive(cast.admin, cast.province, interim_years="5")
    milestone = directive.milestones.get()
    with pytest.raises(ValidationError) as caught:
        services.record_review(cast.admin, milestone, number="", date=None)
    assert set(caught.value.message_dict) == {"report_number", "report_date"}
    with pytest.raises(ValidationError, match="chưa đến"):
        services.record_review(cast.admin, milestone, number="1-BC", date=dt.date.today() + dt.timedelta(days=3))
    with pytest.raises(ValidationError, match="trước ngày ban hành"):
        services.record_review(cast.admin, milestone, number="1-BC", date=dt.date(2015, 1, 1))


def test_explicit_dates_set_a_rule_milestone_or_add_one(cast, config):
    directive = make_directive(cast.admin, cast.province, interim_years="5")
    five = services.add_milestone(cast.admin, directive, "interim", 5, dt.date(2021, 6, 30))
    assert (five.due_date, five.fixed) == (dt.date(2021, 6, 30), True)
    extra = services.add_milestone(cast.admin, directive, "final", None, dt.date(2024, 12, 31))
    assert extra.citation == "Tổng kết thực hiện Kết luận số 03-KL/TW, ngày 13/5/2016 của Ban Bí thư"
    # A date set by hand survives a change of the issue date.
    directive.issued_on = dt.date(2016, 5, 20)
    services.save_directive(cast.admin, directive)
    assert Milestone.objects.get(pk=five.pk).due_date == dt.date(2021, 6, 30)
    # Removing the hand-set date returns to the rule; removing the extra one deletes it.
    assert services.remove_milestone(cast.admin, five).due_date == dt.date(2021, 5, 20)
    assert services.remove_milestone(cast.admin, extra) is None
    assert dues(directive) == [("interim", 5, dt.date(2021, 5, 20))]


def test_bad_explicit_dates(cast, config):
    directive = make_directive(cast.admin, cast.province, interim_years="5")
    with pytest.raises(ValidationError, match="phải sau ngày ban hành"):
        services.add_milestone(cast.admin, directive, "interim", None, dt.date(2010, 1, 1))
    with pytest.raises(ValidationError):
        services.add_milestone(cast.admin, directive, "interim", 0, dt.date(2022, 1, 1))
    with pytest.raises(ValidationError):
        services.add_milestone(cast.admin, directive, "other", None, None)
    services.add_milestone(cast.admin, directive, "interim", None, dt.date(2022, 1, 1))
    with pytest.raises(ValidationError, match="Đã có mốc này"):
        services.add_milestone(cast.admin, directive, "interim", None, dt.date(2022, 1, 1))
    with pytest.raises(ValidationError, match="theo quy tắc"):
        services.remove_milestone(cast.admin, directive.milestones.get(years=5))


def test_the_same_directive_twice_in_a_register_is_refused(cast, config):
    make_directive(cast.admin, cast.province, "03-KL/TW")
    with pytest.raises(ValidationError, match="đã có văn bản này"):
        make_directive(cast.admin, cast.province, "03 - kl/tw")
    make_directive(cast.admin, cast.d1, "03-KL/TW")  # another unit's register may hold it


def test_a_bad_directive_writes_nothing(cast, config):
    with pytest.raises(ValidationError) as caught:
        make_directive(cast.admin, cast.province, "19-CT/TW", interim_years="ba", final_years=10)
    assert set(caught.value.message_dict) == {"interim_years"}
    with pytest.raises(ValidationError) as caught:
        make_directive(cast.admin, cast.province, "19-CT/TW", interim_years="12", final_years=10)
    assert set(caught.value.message_dict) == {"number", "interim_years"}
    assert not Directive.objects.exists() and not Milestone.objects.exists()


def test_only_the_registers_unit_and_above_may_change_it(cast, config):
    with pytest.raises(PermissionDenied):
        make_directive(cast.c1_officer, cast.d1)
    directive = make_directive(cast.d1_officer, cast.d1, interim_years="5")
    for user in (cast.c1_officer, cast.d2_officer, cast.d1_reviewer, cast.outsider):
        with pytest.raises(PermissionDenied):
            services.record_review(user, directive.milestones.get(), number="1-BC", date=dt.date(2021, 6, 1))
    directive.unit = cast.d2  # nobody moves a record out of their reach
    with pytest.raises(PermissionDenied):
        services.save_directive(cast.d1_officer, directive)


def test_a_stale_edit_is_refused(cast, config):
    directive = make_directive(cast.admin, cast.province)
    first, second = Directive.objects.get(pk=directive.pk), Directive.objects.get(pk=directive.pk)
    first.summary = "Sửa lần một"
    services.save_directive(cast.admin, first, expected_version=1)
    second.summary = "Sửa lần hai"
    with pytest.raises(ValidationError, match="người khác sửa"):
        services.save_directive(cast.admin, second, expected_version=1)


def test_the_type_must_be_valid_on_the_issue_date(cast, config):
    de_an = dtype("de-an")
    de_an.valid_from = dt.date(2018, 1, 1)
    de_an.save()
    with pytest.raises(ValidationError, match="không áp dụng"):
        make_directive(cast.admin, cast.province, "08", dt.date(2017, 3, 27), "de-an")


def test_the_quarter_and_year_filters(cast, config):
    make_directive(cast.admin, cast.province, "19-CT/TW", dt.date(2018, 1, 10), "chi-thi", interim_years="3")
    make_directive(cast.admin, cast.province, interim_years="5")
    make_directive(cast.admin, cast.province, "08-KL/TW", dt.date(2011, 8, 2), final_years=10)
    from danvan.planning.choices import quarter_bounds

    def due(year, quarter=None):
        start, end = quarter_bounds(year, quarter) if quarter else (dt.date(year, 1, 1), dt.date(year, 12, 31))
        return sorted(Milestone.objects.due_between(start, end).values_list("directive__number", flat=True))

    assert due(2021) == ["03-KL/TW", "08-KL/TW", "19-CT/TW"]
    assert due(2021, 1) == ["19-CT/TW"]
    assert due(2021, 2) == ["03-KL/TW"]
    assert due(2021, 3) == ["08-KL/TW"]
    assert due(2021, 4) == [] and due(2020) == []
