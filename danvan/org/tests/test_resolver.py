"""The one unit resolver of the Excel imports: codes, names however written, namesakes, messages, queries."""

import datetime as dt

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from danvan.core.testing.factories import kind, make_unit
from danvan.core.xlsx.result import Row
from danvan.org import resolver
from danvan.org.models import Unit
from danvan.org.resolver import UnitResolver
from danvan.org.services import bulk_create_units

pytestmark = pytest.mark.django_db

JULY_1 = dt.date(2025, 7, 1)
JUNE_30 = dt.date(2025, 6, 30)


def resolve(text, user=None, **narrowing):
    units = UnitResolver(user)
    units.load([text])
    return units.resolve(text, **narrowing)


@pytest.fixture
def long_giang(cast):
    """ "Đảng ủy xã Long Giang" under D1 until the reform, and its successor under the province after it."""
    old = make_unit("Đảng ủy xã Long Giang", parent=cast.d1, code="LG-CU", valid_until=JUNE_30)
    new = make_unit("Đảng ủy xã Long Giang", parent=cast.province, code="LG-MOI", valid_from=JULY_1)
    return old, new


# --- One unit, however the cell writes it ---------------------------------------------------------


@pytest.mark.parametrize("text", ["C1", "c1", "C1 – Đảng ủy xã Long Thuận", "c1 - dang uy xa long thuan", "C1 — x"])
def test_a_code_alone_or_before_the_name(cast, text):
    assert resolve(text) == (cast.c1, None)


@pytest.mark.parametrize(
    "text",
    [
        "Đảng ủy xã Long Thuận",
        "Đảng uỷ xã Long Thuận",  # the old place of the tone mark
        "ĐẢNG ỦY XÃ LONG THUẬN",
        "dang uy xa long thuan",
        "  Đảng ủy  xã\u00a0Long Thuận ",
        "Đảng ủy xã Long-Thuận",
    ],
)
def test_a_name_in_any_case_with_or_without_diacritics(cast, text):
    assert resolve(text) == (cast.c1, None)


def test_a_short_name(cast):
    cast.c2.short_name = "Xã Lợi Thuận"
    cast.c2.save()
    assert resolve("xa loi thuan") == (cast.c2, None)


def test_an_unknown_unit(cast):
    assert resolve("Xã Không Có") == (None, "Không tìm thấy đơn vị có mã hoặc tên 'Xã Không Có'.")
    assert resolve("ZZ – Xã Không Có") == (None, "Không tìm thấy đơn vị có mã hoặc tên 'ZZ – Xã Không Có'.")


def test_a_code_names_its_unit_whatever_the_date(cast):
    # The kind's rules say when D1 was valid; the resolver does not refuse a code.
    assert resolve("D1", year=2026) == (cast.d1, None)
    assert resolver.not_valid(cast.d1, year=2026) == (
        "Đơn vị “Huyện ủy Bến Cầu” không hoạt động trong năm 2026 (Đến 30/6/2025)."
    )
    assert resolver.not_valid(cast.d1, day=dt.date(2025, 6, 30)) is None


# --- Namesakes ----------------------------------------------------------------------------------


def test_namesakes_without_a_time_are_ambiguous(cast, long_giang):
    assert resolve("Đảng ủy xã Long Giang") == (
        None,
        "Có 2 đơn vị cùng tên 'Đảng ủy xã Long Giang' (mã LG-CU, đến 30/6/2025; mã LG-MOI); "
        "hãy ghi mã đơn vị để phân biệt.",
    )


def test_namesakes_are_told_apart_by_the_year_the_day_or_the_period(cast, long_giang):
    old, new = long_giang
    assert resolve("dang uy xa long giang", year=2019) == (old, None)
    assert resolve("dang uy xa long giang", year=2026) == (new, None)
    assert resolve("Đảng ủy xã Long Giang", day=JUNE_30) == (old, None)
    assert resolve("Đảng ủy xã Long Giang", day=JULY_1) == (new, None)
    assert resolve("Đảng ủy xã Long Giang", period=(dt.date(2026, 1, 1), dt.date(2030, 12, 31))) == (new, None)
    found, message = resolve("Đảng ủy xã Long Giang", year=2025)  # both were valid that year
    assert found is None and message.startswith("Có 2 đơn vị cùng tên")
    # A decision's day after the year: the year first, then the day among those left.
    assert resolve("Đảng ủy xã Long Giang", year=2025, day=dt.date(2025, 12, 20)) == (new, None)
    assert resolve("Đảng ủy xã Long Giang", year=2024, day=dt.date(2025, 12, 20)) == (old, None)


def test_namesakes_are_narrowed_to_the_one_valid_then(cast, long_giang):
    make_unit("Đảng ủy xã Long Giang", parent=cast.d2, code="LG-D2", valid_until=dt.date(2018, 12, 31))
    make_unit("Đảng ủy xã Long Giang", parent=cast.d1, code="LG-X", valid_from=dt.date(2031, 1, 1))
    assert resolve("Đảng ủy xã Long Giang", day=dt.date(2030, 1, 1)) == (long_giang[1], None)
    in_2019 = (dt.date(2019, 1, 1), dt.date(2019, 12, 31))
    assert resolve("Đảng ủy xã Long Giang", period=in_2019) == (long_giang[0], None)


def test_namesakes_none_valid_then_say_so(cast):
    make_unit("Đảng ủy xã Phước Chỉ", parent=cast.d1, code="PC-1", valid_until=dt.date(2018, 12, 31))
    make_unit("Đảng ủy xã Phước Chỉ", parent=cast.d2, code="PC-2", valid_until=dt.date(2018, 12, 31))
    assert resolve("Đảng ủy xã Phước Chỉ", year=2019) == (
        None,
        "Không có đơn vị nào tên 'Đảng ủy xã Phước Chỉ' hoạt động trong năm 2019 "
        "(mã PC-1, đến 31/12/2018; mã PC-2, đến 31/12/2018).",
    )
    assert resolve("Đảng ủy xã Phước Chỉ", day=dt.date(2020, 5, 4))[1] == (
        "Không có đơn vị nào tên 'Đảng ủy xã Phước Chỉ' hoạt động vào ngày 4/5/2020 "
        "(mã PC-1, đến 31/12/2018; mã PC-2, đến 31/12/2018)."
    )


def test_namesakes_are_told_apart_by_the_unit_they_lie_within(cast):
    # "Đảng ủy phường 1" in two cities.
    first = make_unit("Đảng ủy phường 1", parent=cast.d1, code="P1-D1")
    second = make_unit("Đảng ủy phường 1", parent=cast.d2, code="P1-D2")
    assert resolve("Dang uy phuong 1", within=cast.d1) == (first, None)
    assert resolve("Dang uy phuong 1", within=cast.d2) == (second, None)
    found, message = resolve("Dang uy phuong 1", within=cast.province)
    assert found is None and "(mã P1-D1; mã P1-D2)" in message
    # Within a unit holding neither: both stay, and the kind's rules refuse the one written by code.
    assert resolve("Dang uy phuong 1", within=cast.c1)[0] is None


def test_namesakes_are_told_apart_by_the_users_scope(cast):
    namesake = make_unit("Đảng ủy xã Tân Lập", parent=cast.d1, code="TL-D1")
    assert resolve("Đảng uỷ xã Tân Lập", user=cast.d2_officer) == (cast.c3, None)
    assert resolve("Đảng uỷ xã Tân Lập", user=cast.d1_officer) == (namesake, None)
    assert resolve("Đảng uỷ xã Tân Lập", user=cast.admin) == (
        None,
        "Có 2 đơn vị cùng tên 'Đảng uỷ xã Tân Lập' (mã C3; mã TL-D1); hãy ghi mã đơn vị để phân biệt.",
    )


def test_a_name_spelled_as_written_comes_before_its_namesakes_without_diacritics(cast):
    tan_an = make_unit("Đảng ủy xã Tân An", parent=cast.d1, code="TAN")
    tan_an_2 = make_unit("Đảng ủy xã Tấn An", parent=cast.d1, code="TAN2")
    assert resolve("ĐẢNG UỶ XÃ TÂN AN") == (tan_an, None)
    assert resolve("Đảng ủy xã Tấn An") == (tan_an_2, None)
    assert resolve("Dang uy xa Tan An")[0] is None  # no diacritics: either


def test_an_ambiguity_lists_a_few_codes(cast):
    for number in range(7):
        make_unit("Chi bộ ấp 1", parent=cast.c1, code=f"AP{number}")
    found, message = resolve("Chi bộ ấp 1")
    assert found is None
    assert message == (
        "Có 7 đơn vị cùng tên 'Chi bộ ấp 1' (mã AP0; mã AP1; mã AP2; mã AP3; mã AP4; và 2 đơn vị khác); "
        "hãy ghi mã đơn vị để phân biệt."
    )


# --- In a row; the user's scope ------------------------------------------------------------------


def test_find_reports_on_the_row_and_check_scope_gives_the_one_message(cast):
    units = UnitResolver(cast.c1_officer)
    row = Row(7, {"unit": "Đơn vị"}, values={"unit": "C2"})
    units.load([row.values["unit"], "Không có"])
    unit = units.find(row, "unit")
    assert unit == cast.c2 and row.ok
    assert not units.check_scope(row, "unit", unit)
    assert units.find(row, "unit", "Không có") is None
    assert [str(error) for error in row.errors] == [
        "Dòng 7, cột 'Đơn vị': Đơn vị 'C2' ngoài phạm vi quản lý của bạn",
        "Dòng 7, cột 'Đơn vị': Không tìm thấy đơn vị có mã hoặc tên 'Không có'.",
    ]
    assert units.check_scope(row, "unit", cast.c1) and UnitResolver(None).in_scope(cast.c2)


# --- Queries ------------------------------------------------------------------------------------


def texts(units: list[Unit], count: int) -> list[str]:
    """`count` cells of every form: codes, names, "code – name", lowercase codes, unknown names."""
    forms = [
        lambda u: u.code,
        lambda u: u.name.upper(),
        lambda u: f"{u.code} – {u.name}",
        lambda u: u.code.lower(),
        lambda u: f"Xã không có {u.code}",
    ]
    return [forms[n % len(forms)](units[n % len(units)]) for n in range(count)]


def test_the_queries_do_not_grow_with_the_rows(cast):
    parent = cast.province
    commune = kind("dang-uy-xa")
    many = [Unit(code=f"X{n:04d}", name=f"Đảng ủy xã Thứ {n}", kind=commune, parent=parent) for n in range(400)]
    bulk_create_units(many, log=False)
    counts = []
    for count in (10, 1000):
        units = UnitResolver(cast.admin)
        cells = texts(many, count)
        with CaptureQueriesContext(connection) as queries:
            units.load(cells)
            found = [units.resolve(text, year=2026) for text in cells]
        counts.append(len(queries))
        assert all(message is None for (_, message), text in zip(found, cells, strict=True) if "không có" not in text)
        assert [unit.code for unit, _ in found[:4]] == [many[n].code for n in range(4)]
        with CaptureQueriesContext(connection) as again:
            units.load(cells)  # a later chunk naming the same units asks nothing
            units.resolve(cells[-1], year=2025)
        assert len(again) == 0
    assert counts == [1, 1]


def test_a_text_not_loaded_first_is_still_found(cast):
    units = UnitResolver()
    with CaptureQueriesContext(connection) as queries:
        assert units.resolve("c3") == (cast.c3, None)
        assert units.resolve("c3") == (cast.c3, None)
    assert len(queries) == 1


def test_units_by_id_are_loaded_once(cast):
    units = UnitResolver()
    with CaptureQueriesContext(connection) as queries:
        found = units.by_pk({cast.d1.pk, cast.province.pk, None})
        assert found == {cast.d1.pk: cast.d1, cast.province.pk: cast.province}
        units.by_pk({cast.d1.pk})
    assert len(queries) == 1


# --- The name keys ----------------------------------------------------------------------------


def test_the_name_keys_follow_the_names(cast):
    unit = make_unit("Đảng Uỷ Phường An Tịnh", parent=cast.d1, short_name="P. An Tịnh")
    assert (unit.name_key, unit.short_name_key) == ("dang uy phuong an tinh", "p an tinh")
    unit.name = "Đảng ủy phường Trảng Bàng"
    unit.save()
    assert Unit.objects.filter(name_key="dang uy phuong trang bang").get() == unit
    [made] = bulk_create_units([Unit(code="BK", name="Đảng ủy xã Bình Khánh", kind=kind("dang-uy-xa"))], log=False)
    assert Unit.objects.get(pk=made.pk).name_key == "dang uy xa binh khanh"
