"""Composing a document for a unit on a date: the issuer, the profile and the number are looked up here."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from danvan.documents.choices import Kind
from danvan.documents.models import FormatProfile, Issuer
from danvan.documents.numbering import format_symbol, next_document_number
from danvan.documents.spec import Annex, Block, Document, Signature


def compose(
    kind: Kind,
    unit,
    day: dt.date,
    summary: str,
    blocks: Sequence[Block],
    recipients: Sequence[str],
    signature: Signature | None = None,
    annexes: Sequence[Annex] = (),
    number: int | None = None,
    reserve_number: bool = False,
) -> Document:
    """A document of `kind` issued by `unit` on `day`.

    The number is left blank for a draft unless given, or reserved from the counter of the
    unit, kind and Party term when `reserve_number` is set (do that only when issuing).
    """
    issuer = Issuer.for_unit(unit, day)
    profile = FormatProfile.for_date(day, issuer.system)
    if reserve_number:
        number = next_document_number(issuer, kind.code, day)
    return Document(
        kind_label=kind.label,
        summary=summary,
        issuer=issuer,
        date=day,
        number_text=format_symbol(number, kind.code, issuer),
        blocks=list(blocks),
        recipients=list(recipients),
        signature=signature or Signature(),
        profile=profile,
        annexes=list(annexes),
        doc_type=kind.code,
    )
