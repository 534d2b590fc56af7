"""Vietnamese formatting, parsing, folding and collation (danvan.core.vn, db, templatetags.vn)."""

from __future__ import annotations

import sqlite3
import unicodedata
from datetime import date, datetime
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from danvan.core.db import Fold, ViCollate, register_sqlite_functions
from danvan.core.templatetags import vn as tags
from danvan.core.vn import (
    clean_text,
    fold,
    fold_key,
    format_number,
    format_percent,
    header_date,
    parse_date,
    parse_int,
    percent,
    place_date,
    sort_key,
    sqlite_collate,
    text_date,
)

NBSP = "\u00a0"

# --- Strategies ----------------------------------------------------------------------------------

_TONE_MARKS = ["\u0300", "\u0309", "\u0303", "\u0301", "\u0323"]  # huyền hỏi ngã sắc nặng
_VOWELS = "aăâeêioôơuưy"
_CONSONANTS = "bcdđghklmnpqrstvx"
LOWER_LETTERS = sorted(
    {unicodedata.normalize("NFC", v + t) for v in _VOWELS for t in ["", *_TONE_MARKS]} | set(_CONSONANTS)
)
ALL_LETTERS = LOWER_LETTERS + [letter.upper() for letter in LOWER_LETTERS]


def _vietnamese_text(letters: list[str]) -> st.SearchStrategy[str]:
    words = st.lists(st.sampled_from(letters), min_size=1, max_size=8).map("".join)
    text = st.lists(words, max_size=5).map(" ".join)
    # Both storage forms occur in the wild: NFC from most keyboards, NFD from macOS and some PDFs.
    return st.tuples(text, st.sampled_from(["NFC", "NFD"])).map(lambda t: unicodedata.normalize(t[1], t[0]))


vietnamese_text = _vietnamese_text(ALL_LETTERS)
lowercase_vietnamese_text = _vietnamese_text(LOWER_LETTERS)


def strip_tones(text: str) -> str:
    decomposed = unicodedata.normalize("NFD", text)
    return unicodedata.normalize("NFC", "".join(ch for ch in decomposed if ch not in _TONE_MARKS))


# --- format_number -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "decimals", "expected"),
    [
        (7736, 0, "7.736"),
        (1500000, 0, "1.500.000"),
        (-1234, 0, "-1.234"),
        (12.5, 1, "12,5"),
        (0, 0, "0"),
        (999, 0, "999"),
        (1000, 0, "1.000"),
        (12, 1, "12,0"),
        (Decimal("1234.5"), 2, "1.234,50"),
        (Decimal("84.85"), 1, "84,9"),
        (2.675, 2, "2,68"),  # half-up on the decimal value, not on the binary float 2.67499...
        (-0.4, 0, "0"),
        (10**30, 0, "1" + ".000" * 10),
    ],
)
def test_format_number_uses_dot_for_thousands_and_comma_for_decimals(value, decimals, expected):
    assert format_number(value, decimals) == expected


def test_format_number_of_none_is_empty():
    assert format_number(None) == ""


def test_format_number_rejects_text_and_non_finite_values():
    with pytest.raises(TypeError):
        format_number("7736")  # type: ignore[arg-type]
    with pytest.raises(ValueError):
        format_number(float("nan"))


@given(st.integers())
def test_format_number_round_trips_through_parse_int(n):
    assert parse_int(format_number(n)) == n


# --- percent / format_percent --------------------------------------------------------------------


def test_percent_of_the_seed_figures():
    assert percent(6568, 7736) == Decimal("84.9")
    assert format_percent(6568, 7736) == "84,9%"


def test_percent_rounds_half_up():
    assert percent(8485, 10000) == Decimal("84.9")
    assert percent(84.85, 100) == Decimal("84.9")
    assert percent(Decimal("84.85"), 100) == Decimal("84.9")
    assert percent(8484, 10000) == Decimal("84.8")
    assert percent(-8485, 10000) == Decimal("-84.9")
    assert percent(1, 3) == Decimal("33.3")
    assert percent(2, 3) == Decimal("66.7")


def test_percent_never_divides_by_zero():
    assert percent(5, 0) is None
    assert percent(0, 0) is None
    assert percent(5, None) is None
    assert percent(None, 5) is None
    assert percent(5, Decimal("0.0")) is None


def test_format_percent_always_writes_one_decimal():
    assert format_percent(1, 1) == "100,0%"
    assert format_percent(0, 7) == "0,0%"
    assert format_percent(3, 2) == "150,0%"


def test_format_percent_of_an_empty_whole_is_the_empty_marker():
    assert format_percent(3, 0) == "–"
    assert format_percent(3, None, empty="") == ""


@given(st.integers(min_value=0, max_value=10**9), st.integers(min_value=1, max_value=10**9))
def test_percent_of_a_part_is_between_0_and_100(a, b):
    part, whole = min(a, b), max(a, b)
    value = percent(part, whole)
    assert value is not None
    assert Decimal(0) <= value <= Decimal(100)
    assert value == value.quantize(Decimal("0.1"))


# --- Dates ---------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("d", "expected"),
    [
        (date(2020, 1, 5), "ngày 05 tháng 01 năm 2020"),
        (date(2020, 2, 24), "ngày 24 tháng 02 năm 2020"),
        (date(2019, 6, 29), "ngày 29 tháng 6 năm 2019"),
        (date(2020, 12, 11), "ngày 11 tháng 12 năm 2020"),
        (date(2021, 1, 1), "ngày 01 tháng 01 năm 2021"),
        (date(2021, 2, 2), "ngày 02 tháng 02 năm 2021"),
        (date(2020, 2, 29), "ngày 29 tháng 02 năm 2020"),
        (date(2025, 3, 9), "ngày 09 tháng 3 năm 2025"),
        (date(2025, 10, 1), "ngày 01 tháng 10 năm 2025"),
    ],
)
def test_header_date_pads_day_and_only_january_and_february(d, expected):
    assert header_date(d) == expected


def test_place_date_puts_the_place_before_the_header_date():
    assert place_date("Tây Ninh", date(2021, 2, 5)) == "Tây Ninh, ngày 05 tháng 02 năm 2021"
    assert place_date(" Tây Ninh ", date(2021, 2, 5)) == "Tây Ninh, ngày 05 tháng 02 năm 2021"


def test_text_date_has_no_padding():
    assert text_date(date(2016, 3, 11)) == "11/3/2016"
    assert text_date(date(2020, 1, 1)) == "1/1/2020"
    assert text_date(datetime(2020, 12, 31, 23, 59)) == "31/12/2020"


@pytest.mark.parametrize(
    "value",
    [
        "13.5.2016",
        "13/5/2016",
        "13-5-2016",
        "2016-05-13",
        "13/05/2016 ",
        f"{NBSP}13/05/2016{NBSP}",
        " 13 / 5 / 2016 ",
        date(2016, 5, 13),
        datetime(2016, 5, 13, 8, 30),
    ],
)
def test_parse_date_accepts_the_ways_units_type_dates(value):
    assert parse_date(value) == date(2016, 5, 13)


def test_parse_date_of_a_datetime_is_a_plain_date():
    assert type(parse_date(datetime(2016, 5, 13, 8, 30))) is date


def test_parse_date_accepts_leap_day_and_year_edges():
    assert parse_date("29/2/2020") == date(2020, 2, 29)
    assert parse_date("1.1.2021") == date(2021, 1, 1)
    assert parse_date("31/12/2020") == date(2020, 12, 31)


@pytest.mark.parametrize(
    "value",
    [
        "31/2/2020",
        "29/2/2019",
        "abc",
        "13/13/2020",
        "0/1/2020",
        "13/5/16",
        "",
        "13/5",
        "2016-13-01",
        None,
        42,
    ],
)
def test_parse_date_rejects_impossible_or_ambiguous_dates_in_vietnamese(value):
    with pytest.raises(ValueError, match="Ngày không hợp lệ") as excinfo:
        parse_date(value)
    assert "ví dụ 13/5/2016" in str(excinfo.value)


def test_parse_date_error_quotes_the_cleaned_input():
    with pytest.raises(ValueError) as excinfo:
        parse_date(" 31/2/2020 ")
    assert str(excinfo.value) == ("Ngày không hợp lệ: '31/2/2020'; ghi theo dạng ngày/tháng/năm, ví dụ 13/5/2016")


@given(st.dates(min_value=date(1000, 1, 1)))
def test_parse_date_round_trips_text_date_and_iso(d):
    assert parse_date(text_date(d)) == d
    assert parse_date(d.isoformat()) == d
    assert parse_date(d.strftime("%d.%m.%Y")) == d


# --- parse_int -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("7.736", 7736),
        ("7 736", 7736),
        (f"7{NBSP}736", 7736),
        ("7736", 7736),
        (f" 12{NBSP}", 12),
        ("1.500.000", 1500000),
        ("-1.234", -1234),
        ("0", 0),
        (7736, 7736),
        (7736.0, 7736),
        (Decimal("12"), 12),
    ],
)
def test_parse_int_accepts_counts_as_units_write_them(value, expected):
    assert parse_int(value) == expected


@pytest.mark.parametrize(
    "value", ["77.36", "7,5", "7.5", "1.2345", "abc", "", "12a", 7.5, float("nan"), float("inf"), True, None]
)
def test_parse_int_rejects_non_integers_in_vietnamese(value):
    with pytest.raises(ValueError, match="Không phải số nguyên"):
        parse_int(value)


# --- clean_text ----------------------------------------------------------------------------------


def test_clean_text_normalizes_spaces_and_unicode():
    assert clean_text(f"  Tỉnh{NBSP}ủy \t Tây\u2009Ninh\n ") == "Tỉnh ủy Tây Ninh"
    assert clean_text(unicodedata.normalize("NFD", "Dân vận")) == "Dân vận"
    assert clean_text(None) == ""
    assert clean_text(7736) == "7736"
    assert clean_text("Dân\u200b vận\ufeff") == "Dân vận"


@given(st.text())
def test_clean_text_is_idempotent(text):
    assert clean_text(clean_text(text)) == clean_text(text)


# --- fold / fold_key -----------------------------------------------------------------------------

UY_OLD_NFC = "Tỉnh u\u1ef7"  # "uỷ": tone on the y
UY_NEW_NFC = "Tỉnh \u1ee7y"  # "ủy": tone on the u


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Dân vận khéo", "dan van kheo"),
        ("Đồng Tháp", "dong thap"),
        ("ĐỒNG THÁP", "dong thap"),
        ("đ Đ", "d d"),
        (UY_OLD_NFC, "tinh uy"),
        (UY_NEW_NFC, "tinh uy"),
        (unicodedata.normalize("NFD", UY_OLD_NFC), "tinh uy"),
        (unicodedata.normalize("NFD", UY_NEW_NFC), "tinh uy"),
        ("Văn hoá", "van hoa"),
        ("Văn hóa", "van hoa"),
        ("Thừa Thiên Huế", "thua thien hue"),
        (f"  Bà Rịa{NBSP}-  Vũng Tàu ", "ba ria - vung tau"),
        ("", ""),
        (None, ""),
    ],
)
def test_fold_ignores_case_diacritics_and_spacing(text, expected):
    assert fold(text) == expected


def test_fold_makes_old_and_new_tone_placement_equal():
    assert fold(UY_OLD_NFC) == fold(UY_NEW_NFC)
    assert fold("Văn hoá") == fold("Văn hóa")


@given(st.text())
def test_fold_is_idempotent(text):
    assert fold(fold(text)) == fold(text)


@given(st.text())
def test_fold_does_not_depend_on_the_normalization_form(text):
    assert fold(unicodedata.normalize("NFD", text)) == fold(unicodedata.normalize("NFC", text))


@given(vietnamese_text)
def test_fold_of_vietnamese_letters_is_lowercase_ascii(text):
    folded = fold(text)
    assert folded.isascii()
    assert folded == folded.lower()


@pytest.mark.parametrize(
    "header",
    [
        "Mã đơn vị cấp trên",
        "ma don vi cap tren",
        "MÃ  ĐƠN VỊ - CẤP TRÊN",
        "Mã đơn vị – cấp trên",
        "Mã đơn vị — cấp trên",
        "Mã đơn vị ‐ cấp trên",
        "Mã_đơn_vị / cấp trên:",
        "(*) Mã đơn vị. Cấp trên",
        f"Mã{NBSP}đơn vị cấp trên ",
    ],
)
def test_fold_key_treats_dashes_and_header_punctuation_as_spaces(header):
    assert fold_key(header) == "ma don vi cap tren"


@given(st.text())
def test_fold_key_is_idempotent(text):
    assert fold_key(fold_key(text)) == fold_key(text)


# --- sort_key / sqlite_collate -------------------------------------------------------------------


def test_sort_key_orders_by_the_vietnamese_alphabet():
    names = ["Đà Nẵng", "Hà Nội", "Cà Mau", "Bắc Ninh", "Bạc Liêu", "An Giang", "Ấp Bắc"]
    assert sorted(names, key=sort_key) == [
        "An Giang",
        "Ấp Bắc",
        "Bạc Liêu",
        "Bắc Ninh",
        "Cà Mau",
        "Đà Nẵng",
        "Hà Nội",
    ]


PROVINCES_SORTED = [
    "An Giang",
    "Bà Rịa - Vũng Tàu",  # the space sorts before the "c" of "Bạc"
    "Bạc Liêu",
    "Bắc Giang",
    "Bắc Kạn",
    "Bắc Ninh",
    "Bến Tre",
    "Bình Dương",  # d < đ
    "Bình Định",
    "Bình Phước",
    "Bình Thuận",
    "Cà Mau",
    "Cao Bằng",
    "Cần Thơ",
    "Đà Nẵng",
    "Đắk Lắk",
    "Đắk Nông",
    "Điện Biên",
    "Đồng Nai",
    "Đồng Tháp",
    "Gia Lai",
    "Hà Giang",
    "Hà Nam",
    "Hà Nội",
    "Hà Tĩnh",
    "Hải Dương",
    "Hải Phòng",
    "Hậu Giang",
    "Hòa Bình",
    "Hưng Yên",
    "Khánh Hòa",
    "Kiên Giang",
    "Kon Tum",
    "Lai Châu",
    "Lạng Sơn",
    "Lào Cai",
    "Lâm Đồng",  # â after every a
    "Long An",
    "Nam Định",
    "Nghệ An",
    "Ninh Bình",
    "Ninh Thuận",
    "Quảng Bình",
    "Quảng Nam",
    "Quảng Ngãi",
    "Quảng Ninh",
    "Quảng Trị",
    "Sóc Trăng",
    "Sơn La",
    "Tây Ninh",
    "Thái Bình",
    "Thái Nguyên",
    "Thanh Hóa",
    "Thừa Thiên Huế",
    "Tiền Giang",
    "TP. Hồ Chí Minh",
    "Trà Vinh",
    "Tuyên Quang",
    "Vĩnh Long",
    "Vĩnh Phúc",
    "Yên Bái",
]


def test_sort_key_sorts_real_province_names():
    shuffled = sorted(PROVINCES_SORTED, key=lambda name: name[::-1])
    assert sorted(shuffled, key=sort_key) == PROVINCES_SORTED


def test_sort_key_breaks_ties_by_tone_in_dictionary_order():
    assert sorted(["bạ", "bá", "bã", "bả", "bà", "ba"], key=sort_key) == ["ba", "bà", "bả", "bã", "bá", "bạ"]


def test_sort_key_compares_letters_over_the_whole_string_before_tones():
    # A tone on the first syllable does not beat a letter difference later on.
    assert sorted(["bá c", "ba d"], key=sort_key) == ["bá c", "ba d"]


def test_sort_key_is_case_insensitive_for_letters():
    assert sorted(["bình", "An", "anh", "Ba"], key=sort_key) == ["An", "anh", "Ba", "bình"]


def test_sort_key_puts_d_before_d_with_stroke():
    assert sorted(["Đinh", "Dung", "Doãn", "Đỗ", "Ên"], key=sort_key) == ["Doãn", "Dung", "Đinh", "Đỗ", "Ên"]


def test_sort_key_puts_digits_and_punctuation_before_letters():
    assert sorted(["a", "1", "(b)", " z", "Z"], key=sort_key) == [" z", "(b)", "1", "a", "Z"]


def test_sort_key_treats_nfc_and_nfd_alike_up_to_the_final_tie_break():
    nfc, nfd = "Thừa Thiên Huế", unicodedata.normalize("NFD", "Thừa Thiên Huế")
    assert sort_key(nfc)[:-1] == sort_key(nfd)[:-1]


@given(st.text(), st.text())
def test_sort_key_is_a_total_order_consistent_with_equality(a, b):
    assert (sort_key(a) == sort_key(b)) == (a == b)
    assert sqlite_collate(a, b) == -sqlite_collate(b, a)
    assert (sqlite_collate(a, b) == 0) == (a == b)
    assert (sqlite_collate(a, b) < 0) == (sort_key(a) < sort_key(b))


@given(lowercase_vietnamese_text, lowercase_vietnamese_text)
def test_tone_marks_never_change_the_order_of_different_words(a, b):
    if strip_tones(a) != strip_tones(b):
        assert (sort_key(a) < sort_key(b)) == (sort_key(strip_tones(a)) < sort_key(strip_tones(b)))


@given(vietnamese_text)
def test_a_word_without_tones_sorts_before_its_toned_forms(text):
    assert sort_key(strip_tones(text)) <= sort_key(unicodedata.normalize("NFC", text))


# --- SQLite functions ----------------------------------------------------------------------------


class _FakeWrapper:
    """Just what register_sqlite_functions uses from a Django connection wrapper."""

    def __init__(self, vendor: str = "sqlite") -> None:
        self.vendor = vendor
        self.connection = sqlite3.connect(":memory:") if vendor == "sqlite" else None


@pytest.fixture
def sqlite_db():
    wrapper = _FakeWrapper()
    register_sqlite_functions(wrapper)
    db = wrapper.connection
    db.execute("CREATE TABLE unit (name TEXT)")
    db.executemany("INSERT INTO unit VALUES (?)", [(name,) for name in reversed(PROVINCES_SORTED)])
    db.execute("INSERT INTO unit VALUES (NULL)")
    yield wrapper
    db.close()


def test_sqlite_vi_collation_sorts_like_sort_key(sqlite_db):
    rows = sqlite_db.connection.execute(
        "SELECT name FROM unit WHERE name IS NOT NULL ORDER BY name COLLATE vi"
    ).fetchall()
    assert [name for (name,) in rows] == PROVINCES_SORTED


def test_sqlite_vn_fold_finds_names_without_diacritics(sqlite_db):
    db = sqlite_db.connection
    assert db.execute("SELECT name FROM unit WHERE vn_fold(name) = 'dong thap'").fetchall() == [("Đồng Tháp",)]
    assert db.execute("SELECT vn_fold(?)", (UY_OLD_NFC,)).fetchone() == ("tinh uy",)
    assert db.execute("SELECT vn_fold(NULL)").fetchone() == (None,)


def test_sqlite_vn_fold_is_deterministic_so_it_can_be_indexed(sqlite_db):
    # SQLite only allows deterministic functions in index expressions.
    sqlite_db.connection.execute("CREATE INDEX unit_name_fold ON unit (vn_fold(name))")


def test_register_sqlite_functions_is_safe_to_call_again_and_as_a_signal_receiver(sqlite_db):
    register_sqlite_functions(sqlite_db)
    register_sqlite_functions(sender=None, connection=sqlite_db, signal=None)
    assert sqlite_db.connection.execute("SELECT vn_fold('Đắk Lắk')").fetchone() == ("dak lak",)


def test_register_sqlite_functions_ignores_other_databases():
    register_sqlite_functions(_FakeWrapper(vendor="postgresql"))


# --- Fold / ViCollate in the configured database -------------------------------------------------

TRICKY = [
    "Dân vận khéo",
    "ĐỒNG THÁP",
    UY_OLD_NFC,
    UY_NEW_NFC,
    unicodedata.normalize("NFD", "Tỉnh ủy Ưng Hòa"),
    "ÀÁẢÃẠĂẰẮẲẴẶÂẦẤẨẪẬÈÉẺẼẸÊỀẾỂỄỆÌÍỈĨỊÒÓỎÕỌÔỒỐỔỖỘƠỜỚỞỠỢÙÚỦŨỤƯỪỨỬỮỰỲÝỶỸỴĐ",
    "àáảãạăằắẳẵặâầấẩẫậèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵđ",
    f"  Bà Rịa{NBSP}-\tVũng\u2009Tàu\n",
    "Văn hoá",
    "100% _x_ O'Brien \\ back",
    "",
]


def _compile(expression):
    from django.db import connection
    from django.db.models.sql import Query

    return Query(None).get_compiler(connection=connection).compile(expression)


@pytest.mark.django_db
def test_postgresql_fold_matches_python_fold():
    from django.db import connection
    from django.db.models import Value

    if connection.vendor != "postgresql":
        pytest.skip("PostgreSQL only")
    with connection.cursor() as cursor:
        for text in TRICKY:
            sql, params = _compile(Fold(Value(text)))
            cursor.execute(f"SELECT {sql}", params)
            assert cursor.fetchone()[0] == fold(text), text


@pytest.mark.django_db
def test_sqlite_fold_expression_calls_vn_fold():
    from django.db import connection
    from django.db.models import Value

    if connection.vendor != "sqlite":
        pytest.skip("SQLite only")
    connection.ensure_connection()
    register_sqlite_functions(connection)  # normally done by the connection_created receiver
    sql, params = _compile(Fold(Value("Đồng Tháp")))
    assert sql.startswith("vn_fold(")
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT {sql}", params)
        assert cursor.fetchone()[0] == "dong thap"


@pytest.mark.django_db
def test_vi_collate_sorts_like_sort_key_in_the_database():
    from django.db import connection
    from django.db.models import TextField
    from django.db.models.expressions import RawSQL

    if connection.vendor not in {"sqlite", "postgresql"}:
        pytest.skip("no Vietnamese collation on this backend")
    connection.ensure_connection()
    register_sqlite_functions(connection)
    names = list(reversed(PROVINCES_SORTED))
    sql, params = _compile(ViCollate(RawSQL("name", [], output_field=TextField())))
    assert "COLLATE" in sql
    union = " UNION ALL ".join(["SELECT %s AS name"] * len(names))
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT name FROM ({union}) AS t ORDER BY {sql}", [*names, *params])
        assert [name for (name,) in cursor.fetchall()] == PROVINCES_SORTED


# --- Template filters ----------------------------------------------------------------------------


def test_vn_number_filter():
    assert tags.vn_number(1500000) == "1.500.000"
    assert tags.vn_number(12.5, 1) == "12,5"
    assert tags.vn_number(12.5, "1") == "12,5"
    assert tags.vn_number(None) == ""
    assert tags.vn_number("") == ""
    assert tags.vn_number("7736") == "7.736"
    assert tags.vn_number("n/a") == "n/a"
    assert tags.vn_number("+-5") == "+-5"
    assert tags.vn_number("7.736") == "7.736"  # already formatted: left alone, not read as 7,736


def test_vn_percent_filter_formats_a_percentage():
    assert tags.vn_percent(84.9) == "84,9%"
    assert tags.vn_percent(Decimal("84.85")) == "84,9%"
    assert tags.vn_percent(100) == "100,0%"
    assert tags.vn_percent(None) == ""


def test_vn_ratio_filter_divides_part_by_whole():
    assert tags.vn_ratio(6568, 7736) == "84,9%"
    assert tags.vn_ratio(5, 0) == "–"
    assert tags.vn_ratio(5, None) == "–"
    assert tags.vn_ratio(None, 5) == "–"


def test_vn_date_filters():
    assert tags.vn_date(date(2016, 3, 11)) == "11/3/2016"
    assert tags.vn_date(datetime(2016, 3, 11, 23, 0)) == "11/3/2016"
    assert tags.vn_date(None) == ""
    assert tags.vn_header_date(date(2020, 1, 5)) == "ngày 05 tháng 01 năm 2020"
    assert tags.vn_header_date(None) == ""


def test_filters_render_in_a_template_without_load():
    from django.template import Context, Engine

    engine = Engine(builtins=["danvan.core.templatetags.vn"])
    template = engine.from_string(
        "{{ n|vn_number }} {{ r|vn_ratio:w }} {{ p|vn_percent }} {{ d|vn_date }} / {{ d|vn_header_date }}"
    )
    rendered = template.render(Context({"n": 7736, "r": 6568, "w": 7736, "p": 84.9, "d": date(2020, 1, 5)}))
    assert rendered == "7.736 84,9% 84,9% 5/1/2020 / ngày 05 tháng 01 năm 2020"
