"""Scores as people type them, and the rules every score and criterion must satisfy.

Shared by the forms, the services and the Excel import, so a user sees the same Vietnamese
message whichever way a value comes in. Checks return (field, message) pairs instead of raising.
"""

from __future__ import annotations

import re
from decimal import ROUND_DOWN, Decimal, InvalidOperation

from danvan.core.vn import clean_text, format_number
from danvan.emulation.choices import Kind

PLACES = 2  # decimal places of every score (DecimalField(max_digits=6, decimal_places=2))
MAX_VALUE = Decimal("9999.99")
_STEP = Decimal(1).scaleb(-PLACES)

# "8", "8,5", "8.5", "+8", "-2,25", "10 " (a comma or a dot as the decimal mark; scores never reach thousands).
_SCORE_RE = re.compile(r"([+-]?)(\d+)(?:[.,](\d+))?")

MSG_NOT_A_NUMBER = "“{}” không phải là số; nhập điểm dạng 8 hoặc 8,5."
MSG_TOO_MANY_PLACES = "Điểm chỉ lấy tối đa 2 chữ số thập phân (ví dụ 8,25)."
MSG_NEGATIVE = "Điểm không được âm."
MSG_ABOVE_MAX = "Điểm không được vượt quá điểm tối đa ({})."
MSG_PENALTY_ABOVE_LIMIT = "Điểm trừ không được vượt quá mức trừ tối đa ({})."
MSG_TOO_LARGE = "Điểm quá lớn (tối đa 9.999,99)."


def parse_score(value: object) -> Decimal:
    """A score from what was typed or read from a cell: 8, 8.5, "8,5", " 8,50 ", "−2".

    Raises ValueError with a Vietnamese message for text, more than two decimals or a huge number.
    The sign is kept: whether a negative number is allowed depends on the criterion.
    """
    if isinstance(value, bool):
        raise ValueError(MSG_NOT_A_NUMBER.format(value))
    if isinstance(value, int):
        number = Decimal(value)
    elif isinstance(value, float):
        number = Decimal(str(value))  # shortest repr: 8.5 stays 8.5
    elif isinstance(value, Decimal):
        number = value
    else:
        text = clean_text(value).replace("−", "-").replace(" ", "")
        match = _SCORE_RE.fullmatch(text)
        if not match:
            raise ValueError(MSG_NOT_A_NUMBER.format(clean_text(value)))
        sign, whole, fraction = match.groups()
        number = Decimal(f"{sign}{whole}.{fraction or '0'}")
    if not number.is_finite():
        raise ValueError(MSG_NOT_A_NUMBER.format(value))
    try:
        quantized = number.quantize(_STEP)
    except InvalidOperation:
        raise ValueError(MSG_TOO_LARGE) from None
    if quantized != number:
        raise ValueError(MSG_TOO_MANY_PLACES)
    if abs(quantized) > MAX_VALUE:
        raise ValueError(MSG_TOO_LARGE)
    return quantized


def quantize(value: Decimal | None) -> Decimal | None:
    """A checked score with its two decimal places, as the database returns it (8.5 -> 8.50)."""
    return None if value is None else value.quantize(_STEP)


def format_score(value: Decimal | int | None, signed: bool = False) -> str:
    """'8,5', '10', '8,25' (no trailing zeros); '−5' for a deduction when `signed`; '' for None."""
    if value is None:
        return ""
    number = Decimal(value)
    places = max(0, -number.normalize().as_tuple().exponent) if number != 0 else 0
    text = format_number(abs(number), min(places, PLACES))
    if number < 0:
        return f"−{text}"
    if signed and number > 0:
        return f"+{text}"
    return text


def check_score(
    value: Decimal | None, maximum: Decimal | None, kind: str, field: str = "score"
) -> list[tuple[str, str]]:
    """A score for a leaf: between 0 and its maximum (a penalty: between 0 and its limit)."""
    if value is None:
        return []
    if value != value.quantize(_STEP, rounding=ROUND_DOWN):
        return [(field, MSG_TOO_MANY_PLACES)]
    if value < 0:
        return [(field, MSG_NEGATIVE)]
    if maximum is not None and value > maximum:
        template = MSG_PENALTY_ABOVE_LIMIT if kind == Kind.PENALTY else MSG_ABOVE_MAX
        return [(field, template.format(format_score(maximum)))]
    return []


MSG_NO_MAX = "Cần nhập điểm tối đa (mức trừ tối đa với điểm trừ)."


def check_criterion(
    *,
    content: str,
    max_score: Decimal | None,
    kind: str,
    is_leaf: bool,
    parent_kind: str | None,
    require_max: bool = True,
) -> list[tuple[str, str]]:
    """A node of the criteria tree: a leaf needs a positive maximum; children share their parent's kind.

    `require_max=False` while a tree is being built by hand: a new heading gets its children later
    (a leaf still without a maximum cannot be scored, and stops a scorecard from being submitted).
    """
    errors: list[tuple[str, str]] = []
    if not clean_text(content):
        errors.append(("content", "Cần nhập nội dung tiêu chí."))
    if is_leaf:
        if max_score is None:
            if require_max:
                errors.append(("max_score", MSG_NO_MAX))
        elif max_score <= 0:
            errors.append(("max_score", "Điểm tối đa phải lớn hơn 0."))
    if parent_kind is not None and kind != parent_kind:
        labels = dict(Kind.choices)
        errors.append(
            (
                "kind",
                f"Mục con phải cùng loại với mục cấp trên (“{labels[parent_kind]}”), không thể là “{labels[kind]}”.",
            )
        )
    return errors


# --- Numbering of the tree ----------------------------------------------------------------------

_ROMAN = [(1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"), (50, "L"), (40, "XL"),
          (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")]  # fmt: skip
_ROMAN_RE = re.compile(r"M{0,3}(CM|CD|D?C{0,3})(XC|XL|L?X{0,3})(IX|IV|V?I{0,3})")


def roman(number: int) -> str:
    result = []
    for value, letters in _ROMAN:
        count, number = divmod(number, value)
        result.append(letters * count)
    return "".join(result)


def _letters(number: int, upper: bool = False) -> str:
    text = ""
    while number > 0:
        number, rest = divmod(number - 1, 26)
        text = chr(ord("a") + rest) + text
    return text.upper() if upper else text


# Styles of a level's labels, detected from its first label; depth default when a level is new.
ROMAN, ARABIC, LOWER, UPPER, CUSTOM = "roman", "arabic", "lower", "upper", "custom"
DEPTH_STYLES = [ROMAN, ARABIC, LOWER, ARABIC]


def label_style(label: str) -> str:
    if label.isdigit():
        return ARABIC
    if label and _ROMAN_RE.fullmatch(label):
        return ROMAN
    if len(label) == 1 and label.islower():
        return LOWER
    if len(label) == 1 and label.isupper():
        return UPPER
    return CUSTOM


def make_label(style: str, index: int) -> str | None:
    """The label of the `index`-th (1-based) sibling in a style; None for custom labels."""
    if style == ROMAN:
        return roman(index)
    if style == ARABIC:
        return str(index)
    if style == LOWER:
        return _letters(index)
    if style == UPPER:
        return _letters(index, upper=True)
    return None


def depth_style(depth: int) -> str:
    return DEPTH_STYLES[min(depth, len(DEPTH_STYLES) - 1)]
