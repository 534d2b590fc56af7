"""Vietnamese formatting, parsing, search folding and collation.

Numbers and dates follow the way the commission writes them in official documents
("7.736", "84,9%", "ngày 05 tháng 01 năm 2020"); folding and collation follow the
Vietnamese alphabet rather than Unicode code points. Standard library only, so the
importers, the reports and the database functions all share one definition.
"""

from __future__ import annotations

import functools
import math
import re
import unicodedata
from datetime import date, datetime
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation, localcontext
from fractions import Fraction
from functools import lru_cache

__all__ = [
    "clean_text",
    "fold",
    "fold_key",
    "format_number",
    "format_percent",
    "header_date",
    "parse_date",
    "parse_int",
    "percent",
    "place_date",
    "sort_key",
    "sqlite_collate",
    "text_date",
]

Number = int | float | Decimal

# Invisible characters that come with copy-paste from the web or Word and break matching.
_INVISIBLE = dict.fromkeys(map(ord, "\u200b\u2060\ufeff"))
_INVISIBLE_RE = re.compile("[\u200b\u2060\ufeff]")


# --- Numbers -------------------------------------------------------------------------------------


def _to_decimal(value: Number) -> Decimal:
    if isinstance(value, Decimal):
        result = value
    elif isinstance(value, int):
        result = Decimal(value)
    elif isinstance(value, float):
        # str() gives the shortest repr, so 84.85 stays 84.85 instead of 84.849999...
        result = Decimal(str(value))
    else:
        raise TypeError(f"Expected a number, got {type(value).__name__}")
    if not result.is_finite():
        raise ValueError(f"Not a finite number: {value!r}")
    return result


def format_number(value: Number | None, decimals: int = 0) -> str:
    """Format with a dot for thousands and a comma for decimals: 1500000 -> "1.500.000"."""
    if value is None:
        return ""
    number = _to_decimal(value)
    with localcontext() as ctx:
        # Enough precision for any magnitude: quantize fails when digits exceed the context's.
        ctx.prec = max(28, number.adjusted() + decimals + 2)
        rounded = number.quantize(Decimal(1).scaleb(-decimals), rounding=ROUND_HALF_UP)
    if rounded == 0:
        rounded = abs(rounded)  # never print "-0"
    text = f"{rounded:,.{decimals}f}"
    # Swap the English separators through a placeholder.
    return text.replace(",", "\0").replace(".", ",").replace("\0", ".")


MINUS = "\u2212"  # a true minus sign: "−1.016", not a hyphen


def format_signed(value: Number | None, empty: str = "") -> str:
    """A change with its sign: "+399", "−1.016" (U+2212), "0"; `empty` when there is no figure."""
    if value is None or value == "":
        return empty
    number = _to_decimal(value)
    if number > 0:
        return f"+{format_number(number)}"
    if number < 0:
        return f"{MINUS}{format_number(-number)}"
    return "0"


def percent(part: Number | None, whole: Number | None) -> Decimal | None:
    """part / whole * 100, rounded half-up to one decimal; None when whole is 0 or missing."""
    if part is None or whole is None:
        return None
    whole_d = _to_decimal(whole)
    if whole_d == 0:
        return None
    # Exact rational arithmetic, so the half-up rule sees the true value (no 28-digit rounding).
    ratio = Fraction(_to_decimal(part)) * 100 / Fraction(whole_d)
    tenths = math.floor(abs(ratio) * 10 + Fraction(1, 2))
    result = Decimal(tenths).scaleb(-1)
    return -result if ratio < 0 else result


def format_percent(part: Number | None, whole: Number | None, empty: str = "–") -> str:
    """'84,9%' as in official reports (always one decimal); `empty` when whole is 0 or missing."""
    value = percent(part, whole)
    if value is None:
        return empty
    return f"{format_number(value, 1)}%"


# --- Dates ---------------------------------------------------------------------------------------


def header_date(d: date) -> str:
    """Date as written in a document header: 'ngày 05 tháng 01 năm 2020', 'ngày 29 tháng 6 năm 2019'.

    Day padded below 10; month padded only for January and February (the official style,
    which keeps "tháng 1" from being mistaken for "tháng 10"/"11"/"12" when handwritten).
    """
    month = f"{d.month:02d}" if d.month <= 2 else str(d.month)
    return f"ngày {d.day:02d} tháng {month} năm {d.year}"


def place_date(place: str, d: date) -> str:
    """'Tây Ninh, ngày 05 tháng 02 năm 2021'."""
    return f"{clean_text(place)}, {header_date(d)}"


def text_date(d: date) -> str:
    """Date in running text: '11/3/2016' (no padding)."""
    return f"{d.day}/{d.month}/{d.year}"


_SEP = r"\s*[./-]\s*"
_DMY_RE = re.compile(rf"(\d{{1,2}}){_SEP}(\d{{1,2}}){_SEP}(\d{{4}})")
_YMD_RE = re.compile(rf"(\d{{4}}){_SEP}(\d{{1,2}}){_SEP}(\d{{1,2}})")


def parse_date(value: object) -> date:
    """Parse a date as units type it: '13.5.2016', '13/5/2016', '13-5-2016', '2016-05-13'.

    Raises ValueError with a message for the user otherwise (two-digit years included:
    '13/5/16' could be 1916 or 2016).
    """
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    text = clean_text(value)
    if match := _DMY_RE.fullmatch(text):
        day, month, year = (int(group) for group in match.groups())
    elif match := _YMD_RE.fullmatch(text):
        year, month, day = (int(group) for group in match.groups())
    else:
        raise ValueError(_date_error(text))
    try:
        return date(year, month, day)
    except ValueError:
        raise ValueError(_date_error(text)) from None


def _date_error(text: str) -> str:
    return f"Ngày không hợp lệ: '{text}'; ghi theo dạng ngày/tháng/năm, ví dụ 13/5/2016"


# --- Integers ------------------------------------------------------------------------------------

# "7736", "7.736", "7 736", "1.500.000"; the groups after the first must have exactly three digits,
# so "77.36" (a decimal written the English way) is rejected rather than read as 7736.
_INT_RE = re.compile(r"([+-]?)(\d{1,3}(?:[. ]\d{3})+|\d+)")


def parse_int(value: object) -> int:
    """Parse an integer count from a cell: 7736, 7736.0, '7.736', '7 736', ' 12 '."""
    if isinstance(value, bool):
        # bool is an int subclass, but TRUE in a count column is a data error.
        raise ValueError(_int_error(value))
    if isinstance(value, int):
        return value
    if isinstance(value, float | Decimal):
        try:
            if value == int(value):
                return int(value)
        except (OverflowError, ValueError, InvalidOperation):
            pass  # inf / nan
        raise ValueError(_int_error(value))
    text = clean_text(value)
    match = _INT_RE.fullmatch(text.replace("−", "-"))  # U+2212 minus sign from Word
    if not match:
        raise ValueError(_int_error(text))
    sign, digits = match.groups()
    number = int(digits.replace(".", "").replace(" ", ""))
    return -number if sign == "-" else number


def _int_error(value: object) -> str:
    return f"Không phải số nguyên: '{value}'"


# --- Text ----------------------------------------------------------------------------------------


def clean_text(value: object) -> str:
    """str(value), NFC, every kind of space made a plain space, runs collapsed, stripped."""
    if value is None:
        return ""
    text = value if value.__class__ is str else str(value)
    # An import cleans millions of cells, most of them repeats (unit codes, choices, years).
    return _clean_str(text) if len(text) <= 200 else _clean(text)


def _clean(text: str) -> str:
    if text.isascii():  # nothing to normalize or drop
        return " ".join(text.split())
    if _INVISIBLE_RE.search(text):
        # Drop invisibles before NFC: removing one can bring a letter and its combining mark together.
        text = text.translate(_INVISIBLE)
    # str.split() with no argument splits on all Unicode whitespace, NBSP included.
    return " ".join(unicodedata.normalize("NFC", text).split())


_clean_str = lru_cache(maxsize=16384)(_clean)


# Every combining mark Vietnamese (and other Latin text) uses lives in U+0300–U+036F; one regex
# over the NFD form is several times faster than testing each character's category.
_MARKS = re.compile("[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]")


def _strip_marks(text: str) -> str:
    return _MARKS.sub("", unicodedata.normalize("NFD", text))


# đ has no Unicode decomposition, so NFD alone leaves it; ð (U+00F0) is its look-alike that
# legacy-encoding converters sometimes produce for Đ.


def fold(text: object) -> str:
    """Search key ignoring case and diacritics: 'Dân vận khéo' -> 'dan van kheo', 'Đồng Tháp' -> 'dong thap'.

    Removing all marks also makes the old and new tone placement ('uỷ' / 'ủy') equal.
    """
    if text is None:
        return ""
    text = text if text.__class__ is str else str(text)
    if text.isascii():  # no marks, no invisibles (codes, numbers)
        return " ".join(text.lower().split())
    if _INVISIBLE_RE.search(text):
        text = text.translate(_INVISIBLE)
    folded = _strip_marks(unicodedata.normalize("NFC", text).lower())
    if "đ" in folded or "ð" in folded:
        folded = folded.replace("đ", "d").replace("ð", "d")
    return " ".join(folded.split())


# Dashes of every style and the punctuation people put in column headers.
_KEY_PUNCT = re.compile(r"[-‐‑‒–—―−_/.:()*]")


def fold_key(text: object) -> str:
    """Header matching key: fold() plus dashes and `_ / . : ( ) *` treated as spaces.

    'MÃ  ĐƠN VỊ - CẤP TRÊN' -> 'ma don vi cap tren'.
    """
    return " ".join(_KEY_PUNCT.sub(" ", fold(text)).split())


# --- Collation -----------------------------------------------------------------------------------

# The Vietnamese alphabet, with f j w z (foreign names) at their Latin places.
_ALPHABET = "aăâbcdđeêfghijklmnoôơpqrstuưvwxyz"  # one precomposed code point each
# Letters rank after every other character (digits, spaces, punctuation sort first by code point).
_LETTER_BASE = 0x110000
_LETTER_RANK = {letter: _LETTER_BASE + i for i, letter in enumerate(_ALPHABET)}

_BREVE, _CIRCUMFLEX, _HORN = "\u0306", "\u0302", "\u031b"
_MODIFIED = {
    ("a", _BREVE): "ă",
    ("a", _CIRCUMFLEX): "â",
    ("e", _CIRCUMFLEX): "ê",
    ("o", _CIRCUMFLEX): "ô",
    ("o", _HORN): "ơ",
    ("u", _HORN): "ư",
}
# Dictionary order of tones: ngang, huyền, hỏi, ngã, sắc, nặng.
_TONE_RANK = {"\u0300": 1, "\u0309": 2, "\u0303": 3, "\u0301": 4, "\u0323": 5}


@lru_cache(maxsize=8192)
def _char_weights(ch: str) -> tuple[int, int, int, str]:
    """(primary, tone, case, other marks) for one NFC character."""
    lower = ch.lower()
    case = 0 if lower == ch else 1  # lowercase first, as ICU's vi collation does
    if len(lower) != 1:  # e.g. 'İ' lowers to two code points
        lower = ch
    if lower == "đ":
        return _LETTER_RANK["đ"], 0, case, ""
    base, *marks = unicodedata.normalize("NFD", lower)
    if base not in _LETTER_RANK:
        return ord(lower), 0, case, ""
    letter, tone, others = base, 0, []
    for mark in marks:
        if mark in _TONE_RANK and tone == 0:
            tone = _TONE_RANK[mark]
        elif (letter, mark) in _MODIFIED:
            letter = _MODIFIED[letter, mark]
        else:
            others.append(mark)  # foreign diacritics (ö, ç): a tie-breaker only
    return _LETTER_RANK[letter], tone, case, "".join(others)


@lru_cache(maxsize=8192)
def safe_filename(text: str, empty: str = "tep") -> str:
    """An ASCII file name: 'Giấy khen 01-QĐ/BTGDVTU' -> 'giay-khen-01-qd-btgdvtu'."""
    return re.sub(r"[^a-z0-9]+", "-", fold(text)).strip("-") or empty


# Keys of recent values are kept: SQLite calls the collation for every comparison of a sort (about
# log2(n) times per value; a unit picker of 600 names sorted in 34 ms without, 3 ms with), and pages
# sort the same unit names again and again.
@functools.lru_cache(maxsize=8192)
def sort_key(text: str) -> tuple:
    """Vietnamese collation key: a < ă < â < b < c < d < đ < e < ê ... < y.

    Levels, each compared over the whole string: base letters (case-insensitive; other
    characters before letters by code point), then tones (ngang, huyền, hỏi, ngã, sắc, nặng),
    then other diacritics, then case (lowercase first), then the string itself so that
    only equal strings have equal keys.
    """
    weights = [_char_weights(ch) for ch in unicodedata.normalize("NFC", text)]
    return (
        tuple(w[0] for w in weights),
        tuple(w[1] for w in weights),
        tuple(w[3] for w in weights),
        tuple(w[2] for w in weights),
        text,
    )


def sqlite_collate(a: str, b: str) -> int:
    """Comparison function for sqlite3.Connection.create_collation (negative, 0, positive)."""
    key_a, key_b = sort_key(a), sort_key(b)
    return (key_a > key_b) - (key_a < key_b)
