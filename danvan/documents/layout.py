"""Geometry shared by the renderers: text widths in Times New Roman and the header's column widths.

The widths are estimates from Times New Roman's average advances (Liberation Serif has the same
metrics), good to a few per cent: enough to size a rule to its title and keep header lines unbroken.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from danvan.documents.spec import Document

PT_PER_MM = 72 / 25.4
CELL_PADDING_MM = 1.9  # each side of a table cell (Word's default)
SLACK_MM = 4  # room so that an estimate a little short does not wrap a line
MAX_OUTDENT_MM = 12  # the header may reach this far into the left margin, as printed templates do

# em widths: (upper, lower, digit, space, other) for (bold, italic)
_ADVANCE = {
    (False, False): (0.667, 0.454, 0.5, 0.25, 0.3),
    (True, False): (0.705, 0.488, 0.5, 0.25, 0.33),
    (False, True): (0.630, 0.454, 0.5, 0.25, 0.3),
    (True, True): (0.669, 0.469, 0.5, 0.25, 0.33),
}


def lines_of(text: str) -> list[str]:
    """A header name in capitals, one item per line the clerk typed ("ỦY BAN NHÂN DÂN" / "TỈNH TÂY NINH")."""
    return [unicodedata.normalize("NFC", line.strip().upper()) for line in text.splitlines() if line.strip()]


def text_width_pt(text: str, size: float, bold: bool = False, italic: bool = False) -> float:
    upper, lower, digit, space, other = _ADVANCE[bold, italic]
    total = 0.0
    for ch in unicodedata.normalize("NFD", text):
        if unicodedata.combining(ch):
            continue
        if ch.isupper():
            total += upper
        elif ch.islower():
            total += lower
        elif ch.isdigit():
            total += digit
        elif ch.isspace():
            total += space
        else:
            total += other
    return total * size


def text_width_mm(text: str, size: float, bold: bool = False, italic: bool = False) -> float:
    return text_width_pt(text, size, bold, italic) / PT_PER_MM


def rule_indent_mm(content_mm: float, rule_mm: float) -> float:
    """The indent on each side that leaves a rule `rule_mm` long centred in `content_mm`."""
    return max((content_mm - rule_mm) / 2, 0)


def header_widths_mm(document: Document, available_mm: float) -> tuple[float, float, float]:
    """(left, right, outdent): the header's two columns, wide enough for their longest line each.

    When both do not fit in the text width, the table reaches up to MAX_OUTDENT_MM into the left margin.
    """
    profile, conv, issuer = document.profile, document.conventions, document.issuer
    left_need = max(
        *(text_width_mm(t, profile.superior_size) for t in lines_of(issuer.superior_line)),
        *(text_width_mm(t, profile.issuer_size, bold=True) for t in lines_of(issuer.issuer_line)),
        text_width_mm(document.number_text, profile.number_size),
    )
    right_need = max(
        text_width_mm(conv.national_line, profile.national_size, bold=True),
        text_width_mm(conv.motto_line, profile.motto_size, bold=True),
        text_width_mm(document.place_date, profile.place_date_size, italic=True),
    )
    left = left_need + 2 * CELL_PADDING_MM + SLACK_MM
    right = right_need + 2 * CELL_PADDING_MM + SLACK_MM
    extra = available_mm - left - right
    if extra >= 0:
        return left + extra / 2, right + extra / 2, 0.0
    outdent = min(-extra, MAX_OUTDENT_MM)
    # Whatever still does not fit is taken from the left column, whose lines may wrap.
    return left + extra + outdent, right, outdent


LINE_HEIGHT = 1.15  # of a single-spaced line in Times New Roman, in ems
RULE_HEIGHT_PT = 5.5  # the small paragraph that carries a rule, with the rule's own spacing


@dataclass
class Line:
    """One line of the header; `rule_mm` draws a rule that long, centred, under it."""

    text: str
    size: float
    bold: bool = False
    italic: bool = False
    rule_mm: float | None = None


def header_lines(document: Document) -> tuple[list[Line], list[Line]]:
    """The header's left column (issuing body, mark, number) and right column (title, date).

    Blank lines in the right column put the place and date level with the number.
    """
    profile, conv, issuer = document.profile, document.conventions, document.issuer
    left: list[Line] = []
    left += [Line(text, profile.superior_size) for text in lines_of(issuer.superior_line)]
    left += [Line(text, profile.issuer_size, bold=True) for text in lines_of(issuer.issuer_line)]
    if conv.issuer_mark:
        left.append(Line(conv.issuer_mark, profile.issuer_size))
    else:  # State: a short rule under the issuing body, about a third of its longest line
        longest = max(text_width_mm(t, profile.issuer_size, bold=True) for t in lines_of(issuer.issuer_line))
        left[-1].rule_mm = max(longest / 3, 20)

    right = [Line(conv.national_line, profile.national_size, bold=True)]
    if conv.motto_line:
        right.append(Line(conv.motto_line, profile.motto_size, bold=True))
    last = right[-1]
    last.rule_mm = text_width_mm(last.text, last.size, bold=True)
    right += _spacers(_height(left) - _height(right), profile.place_date_size)
    left.append(Line(document.number_text, profile.number_size))
    right.append(Line(document.place_date, profile.place_date_size, italic=True))
    return left, right


def _height(lines: list[Line]) -> float:
    return sum(line.size * LINE_HEIGHT + (RULE_HEIGHT_PT if line.rule_mm else 0) for line in lines)


def _spacers(gap_pt: float, size: float) -> list[Line]:
    """Blank lines filling `gap_pt`, about `size` each, sized so that they fill it exactly."""
    count = round(gap_pt / (size * LINE_HEIGHT))
    if count <= 0:
        return []
    each = round(gap_pt / count / LINE_HEIGHT * 2) / 2  # half points, as Word stores sizes
    return [Line("", each) for _ in range(count)]
