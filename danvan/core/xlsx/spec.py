"""How a kind of import is declared: its columns, and the hooks the engine calls in order.

The engine reads and parses every row with the columns; a kind then plans the rows (looks up what
exists, sets each row's action, adds cross-row errors), names the units each written row touches
(for scoping), writes, and exports. See `ModelKind` for the usual case of one model keyed by a code.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any, ClassVar

from django.core.exceptions import ImproperlyConfigured
from django.db.models import QuerySet

from danvan.core.vn import fold_key
from danvan.core.xlsx.parsers import Parser, Text
from danvan.core.xlsx.result import Action, Row

_TEXT = Text()  # parsers hold no per-import state, so columns can share one


@dataclass(frozen=True)
class Column:
    """One column: its Vietnamese header and accepted variants, the field it fills, how to parse it.

    `required`: every row must fill the cell. `column_required`: the header must be present
    (defaults to `required`; a column can be mandatory while some rows leave it blank).
    `unique`: no two rows of the file may hold the same value. An optional column that is absent
    from the file leaves its field untouched on update.
    """

    header: str
    field: str
    parser: Parser = _TEXT
    required: bool = False
    aliases: tuple[str, ...] = ()
    column_required: bool | None = None
    unique: bool = False
    width: int = 20
    export_value: Callable[[Any], Any] | None = None  # obj -> value, when not getattr(obj, field)

    @property
    def must_exist(self) -> bool:
        return self.required if self.column_required is None else self.column_required

    @property
    def keys(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(fold_key(name) for name in (self.header, *self.aliases)))


@dataclass
class Context:
    """Per-import state handed to a kind's hooks: who imports, and whatever the kind preloads."""

    user: Any = None
    data: dict[str, Any] = field(default_factory=dict)


class ImportKind:
    """Base class of a kind; subclasses set the class attributes and implement the hooks."""

    name: ClassVar[str]
    label: ClassVar[str]  # the noun counted in summaries: "đơn vị"
    columns: ClassVar[Sequence[Column]]
    sheet_title: ClassVar[str] = "Danh sách"
    # Rows planned at a time, for kinds whose files run to hundreds of thousands of rows: the engine then
    # checks the file chunk by chunk keeping only the errors, and writes it in a second pass, chunk by
    # chunk in the same single transaction, so memory holds one chunk. None: the whole file at once
    # (kinds whose rows refer to each other, e.g. a unit to its parent a few rows above).
    chunk_rows: ClassVar[int | None] = None

    def __init__(self) -> None:
        seen: dict[str, str] = {}
        for column in self.columns:
            for key in column.keys:
                if seen.setdefault(key, column.field) != column.field:
                    raise ImproperlyConfigured(f"{self.name}: header '{key}' names two columns")

    @property
    def headers(self) -> dict[str, str]:
        return {column.field: column.header for column in self.columns}

    # --- import hooks --------------------------------------------------------------------------

    def plan(self, rows: list[Row], ctx: Context) -> None:
        """Look up existing records, set `row.action` and `row.target` on valid rows, add errors."""
        raise NotImplementedError

    def touched(self, row: Row, ctx: Context) -> Iterable[tuple[str | None, str, str | None]]:
        """For a row that writes: (field, unit label, unit path or None) of every unit it changes.

        The engine refuses the row unless the user may change each of them; None is a place no
        scope covers (only an unrestricted user may, e.g. a new top-level unit).
        """
        return ()

    def start_write(self, checked: Context, ctx: Context) -> None:
        """Chunked kinds: before the first chunk is written, what the check pass (`checked`) learnt of the
        whole file that the write pass needs (inside the write transaction)."""

    def counts(self, rows: list[Row]) -> Counter[Action]:
        return Counter(row.action for row in rows if row.ok and row.action)

    def write(self, rows: list[Row], ctx: Context) -> None:
        """Write the planned rows (called only when there is no error, inside one transaction)."""
        raise NotImplementedError

    # --- export hooks --------------------------------------------------------------------------

    def export_queryset(self, user: Any, filters: dict[str, Any]) -> QuerySet:
        raise NotImplementedError

    def export_rows(self, queryset: QuerySet) -> Iterable[Sequence[Any]]:
        """Cell values in column order, one list per row, already through `parser.export`."""
        for obj in queryset:
            yield [self.export_cell(column, obj) for column in self.columns]

    def export_cell(self, column: Column, obj: Any) -> Any:
        value = column.export_value(obj) if column.export_value else getattr(obj, column.field)
        return column.parser.export(value)
