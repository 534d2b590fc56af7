"""What a document says, as plain data: the renderers (docx, pdf) decide how it looks.

A report, decision, plan or announcement is a `Document` whose body is a list of blocks;
the signature rules (who may sign how) live here so every renderer obeys the same ones.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from dataclasses import dataclass, field
from decimal import Decimal
from typing import TYPE_CHECKING

from danvan.core.vn import format_number, place_date
from danvan.documents.choices import CONVENTIONS, Conventions, System
from danvan.documents.models import is_commission

if TYPE_CHECKING:
    from danvan.documents.models import FormatProfile, Issuer

Cell = str | int | float | Decimal | None

LEFT, CENTER, RIGHT, JUSTIFY = "left", "center", "right", "justify"
# A number as text, or the dash that stands for "no figure" in a numeric column.
_NUMERIC_TEXT = re.compile(r"[+\-−]?\d[\d.]*(,\d+)?\s?%?|[–—-]")


def nfc(text: str) -> str:
    """Vietnamese text in composed form (Word and PDF fonts expect one code point per letter)."""
    return unicodedata.normalize("NFC", text)


# --- Blocks --------------------------------------------------------------------------------------


@dataclass
class Heading:
    """A section heading: level 0 centred ("QUYẾT ĐỊNH:"), 1 "I. ...", 2 "1. ...", 3 "1.1. ...", 4 "a) ..."."""

    text: str
    level: int = 1

    def __post_init__(self) -> None:
        self.text = nfc(self.text)


@dataclass
class Paragraph:
    """A body paragraph; `lead` is a bold lead-in such as "Điều 1." before the text."""

    text: str
    bold: bool = False
    italic: bool = False
    indent: bool = True
    lead: str = ""
    align: str = JUSTIFY

    def __post_init__(self) -> None:
        self.text, self.lead = nfc(self.text), nfc(self.lead)


@dataclass
class Column:
    """A table column: numbers are right-aligned and "STT" centred unless `align` says otherwise."""

    title: str
    width_mm: float | None = None
    align: str | None = None
    decimals: int = 0

    def __post_init__(self) -> None:
        self.title = nfc(self.title)


@dataclass
class Table:
    columns: list[str | Column]
    rows: list[list[Cell]]
    widths: list[float] | None = None  # mm, one per column; overrides Column.width_mm
    totals_row: list[Cell] | None = None
    font_size: int = 12
    bold_rows: frozenset[int] = frozenset()  # indexes into `rows` printed bold (group headings such as "I. TẬP THỂ")

    def __post_init__(self) -> None:
        self.columns = [c if isinstance(c, Column) else Column(c) for c in self.columns]
        if self.widths is not None:
            if len(self.widths) != len(self.columns):
                raise ValueError("Số độ rộng cột khác số cột của bảng.")
            for column, width in zip(self.columns, self.widths, strict=True):
                column.width_mm = width
        for row in [*self.rows, *([self.totals_row] if self.totals_row else [])]:
            if len(row) != len(self.columns):
                raise ValueError(f"Dòng {row!r} có {len(row)} ô, bảng có {len(self.columns)} cột.")

    def text(self, value: Cell, index: int) -> str:
        """A cell as printed: numbers in the Vietnamese style ('1.234', '89,1')."""
        if value is None:
            return ""
        if isinstance(value, bool):
            return "x" if value else ""
        if isinstance(value, int | float | Decimal):
            return format_number(value, self.columns[index].decimals)
        return nfc(str(value))

    def align(self, value: Cell, index: int) -> str:
        column = self.columns[index]
        if column.align:
            return column.align
        if column.title.strip().upper() == "STT":
            return CENTER
        if isinstance(value, int | float | Decimal) and not isinstance(value, bool):
            return RIGHT
        if isinstance(value, str) and _NUMERIC_TEXT.fullmatch(value.strip()):
            return RIGHT
        return LEFT

    def body_rows(self) -> list[tuple[bool, list[tuple[str, str]]]]:
        """(bold, [(text, align), ...]) for each row, the totals row (bold) last."""
        rows = [(index in self.bold_rows, row) for index, row in enumerate(self.rows)]
        if self.totals_row:
            rows.append((True, self.totals_row))
        return [(total, [(self.text(v, i), self.align(v, i)) for i, v in enumerate(row)]) for total, row in rows]


@dataclass
class PageBreak:
    pass


Block = Heading | Paragraph | Table | PageBreak


@dataclass
class Annex:
    """A list attached after the signature: "DANH SÁCH ..." / "(Kèm theo Quyết định số ...)" and a table."""

    title: str
    subtitle: str = ""
    table: Table | None = None
    blocks: list[Block] = field(default_factory=list)  # notes under the table

    def __post_init__(self) -> None:
        self.title, self.subtitle = nfc(self.title), nfc(self.subtitle)


# --- Signature -----------------------------------------------------------------------------------

HEAD, DEPUTY, COLLECTIVE = "head", "deputy", "collective"


@dataclass
class Signature:
    """Who signs: the head ("TRƯỞNG BAN"), a deputy for the head ("K/T TRƯỞNG BAN" / "PHÓ TRƯỞNG BAN"),
    or the head (or a deputy, `by_deputy`) for a collective ("T/M BAN THƯỜNG VỤ" / "BÍ THƯ").
    """

    mode: str = HEAD
    name: str = ""  # overrides the name set on the issuer
    by_deputy: bool = False

    def titles(self, issuer: Issuer) -> list[str]:
        conv = CONVENTIONS[System(issuer.system)]
        if self.mode == HEAD:
            return [issuer.head_title]
        if self.mode == DEPUTY:
            return [f"{conv.deputy_prefix} {issuer.head_title}", issuer.deputy_title]
        if self.mode == COLLECTIVE:
            if not issuer.is_collective or is_commission(issuer.issuer_line):
                raise ValueError(
                    f"{issuer.name_line} không phải tập thể lãnh đạo, không được ký "
                    f"“{conv.collective_prefix}”; dùng chữ ký của người đứng đầu hoặc cấp phó ký thay."
                )
            title = issuer.deputy_title if self.by_deputy else issuer.head_title
            return [f"{conv.collective_prefix} {issuer.collective_name}", title]
        raise ValueError(f"Kiểu chữ ký không hợp lệ: {self.mode!r}")

    def signer(self, issuer: Issuer) -> str:
        if self.name:
            return nfc(self.name)
        deputy = self.mode == DEPUTY or (self.mode == COLLECTIVE and self.by_deputy)
        return nfc(issuer.deputy_name if deputy else issuer.head_name)


# --- Document ------------------------------------------------------------------------------------


@dataclass
class Document:
    """One document in a format profile; `number_text` is 'Số 12-BC/BTGDVTU' (see numbering.format_symbol)."""

    kind_label: str
    summary: str
    issuer: Issuer
    date: dt.date
    number_text: str
    blocks: list[Block]
    recipients: list[str]
    signature: Signature
    profile: FormatProfile
    annexes: list[Annex] = field(default_factory=list)
    doc_type: str = ""

    def __post_init__(self) -> None:
        self.kind_label, self.summary = nfc(self.kind_label), nfc(self.summary)
        self.number_text = nfc(self.number_text)
        self.recipients = [nfc(r) for r in self.recipients]
        if self.profile.system != self.issuer.system:
            raise ValueError("Thể thức văn bản không cùng hệ thống (Đảng / Nhà nước) với cơ quan ban hành.")
        self.signature.titles(self.issuer)  # refuse a signature the issuer may not use, before rendering

    @property
    def conventions(self) -> Conventions:
        return CONVENTIONS[System(self.issuer.system)]

    @property
    def place_date(self) -> str:
        return place_date(self.issuer.place, self.date)

    @property
    def signature_titles(self) -> list[str]:
        return [nfc(t.upper()) for t in self.signature.titles(self.issuer)]

    @property
    def signer_name(self) -> str:
        return self.signature.signer(self.issuer)

    def recipient_lines(self) -> list[str]:
        """'- Ban Dân vận Trung ương,' ... '- Lưu VP.' (a comma after each, a full stop after the last)."""
        lines = []
        for i, text in enumerate(self.recipients):
            text = text.strip().lstrip("-– ").rstrip(",.;")
            end = "." if i == len(self.recipients) - 1 else ","
            lines.append(f"- {text}{end}")
        return lines
