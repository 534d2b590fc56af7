"""What an import found: parsed rows, their planned actions and every error, for the CLI and a web preview."""

from __future__ import annotations

import enum
from dataclasses import dataclass, field
from typing import Any, ClassVar


class Action(enum.StrEnum):
    CREATE = "create"
    UPDATE = "update"
    UNCHANGED = "unchanged"

    @property
    def label(self) -> str:
        return {"create": "Thêm mới", "update": "Cập nhật", "unchanged": "Không đổi"}[self.value]


@dataclass(frozen=True)
class RowError:
    """One problem: the Excel row number the user sees (None for the whole file) and the column header."""

    row: int | None
    column: str | None
    message: str

    def __str__(self) -> str:
        where = []
        if self.row is not None:
            where.append(f"Dòng {self.row}")
        if self.column:
            where.append(f"cột '{self.column}'")
        if not where:
            return self.message
        text = ", ".join(where)
        return f"{text[0].upper()}{text[1:]}: {self.message}"


@dataclass
class Row:
    """One data row: the cells as read (for a preview), the parsed values by field, and what will happen."""

    number: int
    headers: dict[str, str] = field(repr=False)  # field -> header, shared by all rows of an import
    cells: dict[str, Any] = field(default_factory=dict)
    values: dict[str, Any] = field(default_factory=dict)
    errors: list[RowError] = field(default_factory=list)
    action: Action | None = None
    target: Any = None  # the object the row creates or updates (set by the kind)
    extra: dict[str, Any] = field(default_factory=dict)  # a kind's own bookkeeping

    @property
    def ok(self) -> bool:
        return not self.errors

    def error(self, field_name: str | None, message: str) -> None:
        column = self.headers.get(field_name, field_name) if field_name else None
        self.errors.append(RowError(self.number, column, message))


@dataclass
class ImportResult:
    kind: str
    label: str  # what is counted, e.g. "đơn vị"
    dry_run: bool = False
    rows: list[Row] = field(default_factory=list)
    file_errors: list[RowError] = field(default_factory=list)
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    written: bool = False
    sheet: str | None = None
    header_row: int | None = None
    # A kind read in chunks (`ImportKind.chunk_rows`) keeps only its first rows whole; of the others it
    # keeps the count, the errors and the warnings.
    dropped: int = 0
    dropped_errors: list[RowError] = field(default_factory=list)
    dropped_warnings: list[tuple[int, str]] = field(default_factory=list)
    dropped_error_count: int = 0  # all of them; only the first ERRORS_KEPT are in dropped_errors
    # A file with an error on each of 200,000 rows would hold ~100 MB of messages nobody reads (the web
    # preview shows 1,000): past this many, errors are counted, not kept.
    ERRORS_KEPT: ClassVar[int] = 10_000

    @property
    def errors(self) -> list[RowError]:
        return self.file_errors + [e for row in self.rows for e in row.errors] + self.dropped_errors

    @property
    def ok(self) -> bool:
        return not self.file_errors and not self.dropped_error_count and all(row.ok for row in self.rows)

    @property
    def error_count(self) -> int:
        """Every error, those only counted included."""
        return len(self.errors) + self.dropped_error_count - len(self.dropped_errors)

    @property
    def row_count(self) -> int:
        return len(self.rows) + self.dropped

    @property
    def warnings(self) -> list[tuple[int, str]]:
        """(row, message) of what does not block the import (a kind's row.extra["warnings"])."""
        kept = [(row.number, message) for row in self.rows for message in row.extra.get("warnings", ())]
        return kept + self.dropped_warnings

    def keep(self, rows: list[Row], limit: int) -> None:
        """Add rows, whole up to `limit` rows, then only their errors and warnings."""
        for row in rows:
            if len(self.rows) < limit:
                self.rows.append(row)
                continue
            self.dropped += 1
            if row.errors:
                self.dropped_error_count += len(row.errors)
                self.dropped_errors.extend(row.errors[: max(self.ERRORS_KEPT - len(self.dropped_errors), 0)])
            if len(self.dropped_warnings) < self.ERRORS_KEPT:
                self.dropped_warnings.extend((row.number, message) for message in row.extra.get("warnings", ()))

    def summary(self) -> str:
        counts = f"thêm {self.created}, cập nhật {self.updated}, không đổi {self.unchanged} {self.label}"
        if self.written or not self.dry_run:
            return f"Đã {counts}"
        return f"Kiểm tra xong, chưa ghi gì (chạy thử): sẽ {counts}"
