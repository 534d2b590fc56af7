"""Cell parsers: turn what people type into Excel into Python values, or say why not (in Vietnamese).

A parser gets a cell value that is never blank (the engine handles blanks and `required`), already
stripped when it is text. It returns the value or raises `ValueError` with a message for the user.
`bind()` runs once per import, so a parser that needs the database (a choice list) queries it once.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable
from typing import Any

from openpyxl.utils.datetime import from_excel

from danvan.core.vn import clean_text, fold_key, parse_date, parse_int, text_date

ParseFn = Callable[[Any], Any]

# Excel serial numbers of 1/1/1900 and 31/12/9999: a number in a date column within these is a date
# whose cell format was lost ("General"), which happens when columns are pasted between files.
_EXCEL_SERIAL_RANGE = (1, 2958465)


class Parser:
    """Base parser: the value as it is. `empty` is what a blank cell becomes."""

    empty: Any = None
    # The result depends on the text alone and is immutable: the engine parses each distinct text of
    # a column once (a column of 100,000 rows repeats a few hundred values).
    pure: bool = False

    def bind(self) -> ParseFn:
        return self.parse

    def parse(self, value: Any) -> Any:
        return value

    def export(self, value: Any) -> Any:
        """The value to write in an exported cell (the inverse of parse)."""
        return value


class Text(Parser):
    empty = ""
    pure = True

    def __init__(self, max_length: int | None = None, multiline: bool = False) -> None:
        self.max_length = max_length
        self.multiline = multiline  # keep line breaks (notes); otherwise all whitespace is one space

    def parse(self, value: Any) -> str:
        if isinstance(value, bool):
            text = "TRUE" if value else "FALSE"
        elif isinstance(value, float) and value.is_integer():
            text = str(int(value))  # a code typed as a number: 123 is read back as 123.0
        elif isinstance(value, dt.datetime | dt.date):
            text = text_date(value)
        elif self.multiline:
            text = "\n".join(clean_text(line) for line in str(value).splitlines()).strip("\n")
        else:
            text = clean_text(value)
        if self.max_length is not None and len(text) > self.max_length:
            raise ValueError(f"Dài quá {self.max_length} ký tự (hiện có {len(text)} ký tự)")
        return text

    def export(self, value: Any) -> str:
        return "" if value is None else str(value)


class Integer(Parser):
    pure = True

    def __init__(self, min_value: int | None = None) -> None:
        self.min_value = min_value

    def parse(self, value: Any) -> int:
        number = parse_int(value)
        if self.min_value is not None and number < self.min_value:
            raise ValueError(f"Phải lớn hơn hoặc bằng {self.min_value}")
        return number


class Date(Parser):
    pure = True

    def parse(self, value: Any) -> dt.date:
        if isinstance(value, int | float) and not isinstance(value, bool):
            low, high = _EXCEL_SERIAL_RANGE
            if low <= value <= high:
                return from_excel(value).date()
        return parse_date(value)


class Choice(Parser):
    """One of a list of options, matched regardless of case, diacritics, spacing and dashes.

    `options` yields (value, names): every name (a code, the full name, accepted variants) selects
    the value. `display` gives the name written on export, which must select the value again.
    """

    pure = True  # within one import: bind() reads the options once

    def __init__(
        self,
        options: Callable[[], Iterable[tuple[Any, Iterable[str]]]],
        label: str,
        display: Callable[[Any], str] = str,
    ) -> None:
        self.options = options
        self.label = label
        self.display = display

    def bind(self) -> ParseFn:
        table: dict[str, Any] = {}
        shown: list[str] = []
        for value, names in self.options():
            shown.append(self.display(value))
            for name in names:
                table.setdefault(fold_key(name), value)  # the first option keeps a shared name
        hint = "; ".join(shown[:20]) + ("; …" if len(shown) > 20 else "")

        def parse(value: Any) -> Any:
            try:
                return table[fold_key(value)]
            except KeyError:
                raise ValueError(f"Không có {self.label} '{clean_text(value)}'. Giá trị hợp lệ: {hint}") from None

        return parse

    def export(self, value: Any) -> str:
        return "" if value is None else self.display(value)


def model_choices(queryset_factory: Callable[[], Iterable[Any]], label: str) -> Choice:
    """A Choice over configuration rows (kinds, blocs...): matched by code or name, exported by name."""

    def options() -> Iterable[tuple[Any, list[str]]]:
        return ((obj, [obj.code, obj.name]) for obj in queryset_factory())

    return Choice(options, label, display=lambda obj: obj.name)


def enum_choices(choices: Any, label: str, aliases: dict[str, Iterable[str]] | None = None) -> Choice:
    """A Choice over a TextChoices class: matched by value, label or an alias, exported by label."""
    aliases = aliases or {}
    labels = dict(choices.choices)

    def options() -> Iterable[tuple[str, list[str]]]:
        return ((value, [value, label, *aliases.get(value, ())]) for value, label in choices.choices)

    return Choice(options, label, display=lambda value: str(labels.get(value, value)))
