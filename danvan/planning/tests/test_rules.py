"""Due dates, year lists, citations and the directive rules: pure functions, no database."""

import datetime as dt
from types import SimpleNamespace

import pytest

from danvan.planning import rules
from danvan.planning.choices import quarter_bounds

KL = SimpleNamespace(name="Kết luận", symbol="KL", is_valid_on=lambda day: True)
QDI = SimpleNamespace(name="Quy định", symbol="QĐi", is_valid_on=lambda day: True)


@pytest.mark.parametrize(
    ("issued", "years", "due"),
    [
        (dt.date(2016, 5, 13), 5, dt.date(2021, 5, 13)),
        (dt.date(2018, 1, 10), 3, dt.date(2021, 1, 10)),
        (dt.date(2011, 8, 2), 10, dt.date(2021, 8, 2)),
        (dt.date(2016, 2, 29), 3, dt.date(2019, 2, 28)),  # no 29/2 in 2019: the last day of February
        (dt.date(2016, 2, 29), 4, dt.date(2020, 2, 29)),  # a leap year keeps it
        (dt.date(2016, 2, 29), 1, dt.date(2017, 2, 28)),
        (dt.date(2020, 12, 31), 1, dt.date(2021, 12, 31)),
    ],
)
def test_a_milestone_falls_n_years_after_the_issue_date(issued, years, due):
    assert rules.add_years(issued, years) == due


@pytest.mark.parametrize(
    ("value", "years"),
    [("3, 5", [3, 5]), ("3;5", [3, 5]), ("3 và 5", [3, 5]), (" 5 ", [5]), (5, [5]), (5.0, [5]), ("", []), (None, [])],
)
def test_years_are_read_as_people_type_them(value, years):
    assert rules.parse_years(value) == years


@pytest.mark.parametrize("value", ["ba", "3, năm", "2.5", 2.5, "3,5 năm", True, "-3"])
def test_non_numeric_years_are_refused_in_vietnamese(value):
    with pytest.raises(ValueError, match="năm"):
        rules.parse_years(value)


def test_year_rules():
    assert rules.check_years([3, 5], 10) == []
    assert rules.check_years([0], None) == [("interim_years", "Số năm sơ kết phải từ 1 đến 50 (đang là 0).")]
    assert rules.check_years([3, 3], None) == [("interim_years", "Số năm sơ kết bị lặp: 3.")]
    assert rules.check_years([], 99)[0][0] == "final_years"
    assert rules.check_years([5, 10], 10) == [("interim_years", "Sơ kết phải trước tổng kết (tổng kết sau 10 năm).")]


def test_the_citation_style_of_the_seed():
    assert (
        rules.citation("Sơ kết", 5, "Kết luận", "03-KL/TW", dt.date(2016, 5, 13), "Ban Bí thư")
        == "Sơ kết 5 năm thực hiện Kết luận số 03-KL/TW, ngày 13/5/2016 của Ban Bí thư"
    )
    assert (
        rules.citation("Tổng kết", 10, "Kết luận", "08-KL/TW", dt.date(2011, 8, 2), "Ban Bí thư (khóa XI)")
        == "Tổng kết 10 năm thực hiện Kết luận số 08-KL/TW, ngày 2/8/2011 của Ban Bí thư (khóa XI)"
    )
    assert rules.citation("Sơ kết", None, "Đề án", "08", dt.date(2020, 3, 27)) == (
        "Sơ kết thực hiện Đề án số 08, ngày 27/3/2020"
    )
    with_summary = rules.citation(
        "Sơ kết", 3, "Chỉ thị", "19-CT/TW", dt.date(2018, 1, 10), "Ban Bí thư",
        "Tăng cường công tác ở vùng đồng bào dân tộc Khmer trong tình hình mới.",
    )  # fmt: skip
    assert with_summary.endswith(
        "của Ban Bí thư về tăng cường công tác ở vùng đồng bào dân tộc Khmer trong tình hình mới"
    )
    assert rules.about("về xây dựng cốt cán") == "về xây dựng cốt cán"


def test_a_number_must_carry_the_types_symbol():
    today = dt.date(2025, 1, 1)
    assert rules.check_directive(type=KL, number="03-KL/TW", issued_on=dt.date(2016, 5, 13), today=today) == []
    assert rules.check_directive(type=KL, number="03-kl/tw", issued_on=dt.date(2016, 5, 13), today=today) == []
    errors = rules.check_directive(type=KL, number="19-CT/TW", issued_on=dt.date(2018, 1, 10), today=today)
    assert errors == [("number", "Số hiệu 19-CT/TW có ký hiệu CT, không khớp loại Kết luận (KL).")]
    assert rules.check_directive(type=QDI, number="05-QĐi/TW", issued_on=dt.date(2018, 1, 10), today=today) == []
    assert rules.check_directive(type=QDI, number="05-QĐ/TW", issued_on=dt.date(2018, 1, 10), today=today)
    # Numbers without a Party symbol (a provincial scheme, a State resolution) are accepted as written.
    assert rules.check_directive(type=KL, number="08", issued_on=dt.date(2020, 3, 27), today=today) == []
    assert rules.check_directive(type=KL, number="202/2025/QH15", issued_on=dt.date(2020, 3, 27), today=today) == []


def test_bad_directive_values_are_all_reported():
    errors = rules.check_directive(
        type=KL, number=" ", issued_on=dt.date(2030, 1, 1), interim=[3, 3, 60], final=2, today=dt.date(2025, 1, 1)
    )
    fields = [field for field, _ in errors]
    assert fields.count("interim_years") == 3  # out of range, repeated, after the final review
    assert "number" in fields and "issued_on" in fields


def test_number_keys_ignore_case_spaces_and_diacritics():
    assert rules.number_key("03-KL/TW") == rules.number_key("03 - kl/tw")
    assert rules.number_key("290-QĐ/TW") == rules.number_key("290-QD/TW")


def test_quarters():
    assert quarter_bounds(2021, 1) == (dt.date(2021, 1, 1), dt.date(2021, 3, 31))
    assert quarter_bounds(2024, 1)[1] == dt.date(2024, 3, 31)
    assert quarter_bounds(2021, 2) == (dt.date(2021, 4, 1), dt.date(2021, 6, 30))
    assert quarter_bounds(2021, 4) == (dt.date(2021, 10, 1), dt.date(2021, 12, 31))
    with pytest.raises(ValueError):
        quarter_bounds(2021, 5)
