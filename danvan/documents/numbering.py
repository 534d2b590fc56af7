"""Document numbers: from 01 per issuing unit and document type, for a Party term (or a year for State)."""

from __future__ import annotations

import datetime as dt

from danvan.core.numbering import reserve
from danvan.documents.choices import CONVENTIONS, NumberingPeriod, System
from danvan.documents.models import Issuer, PartyTerm

BLANK_NUMBER = " " * 6  # a draft leaves room for the clerk to write the number by hand


def numbering_key(issuer: Issuer, doc_type: str, day: dt.date) -> str:
    """The counter key: 'VB/<unit>/<symbol>/<type>/NK<term>' for the Party, '.../<year>' for the State.

    The symbol is part of it: a body renamed within a term (BDVTU → BTGDVTU) starts its own series.
    """
    if CONVENTIONS[System(issuer.system)].numbering == NumberingPeriod.YEAR:
        period = str(day.year)
    else:
        period = f"NK{PartyTerm.for_date(day).pk}"
    return f"VB/{issuer.unit_id}/{issuer.symbol}/{doc_type}/{period}"


def next_document_number(issuer: Issuer, doc_type: str, day: dt.date) -> int:
    """Reserve the next number; gap-free and safe under concurrent issuing."""
    return reserve(numbering_key(issuer, doc_type, day))[0]


def format_symbol(number: int | None, doc_type: str, issuer: Issuer) -> str:
    """'Số 05-BC/BTGDVTU' (Party) or 'Số: 05/QĐ-UBND' (State); a blank number for a draft."""
    pattern = CONVENTIONS[System(issuer.system)].number_pattern
    text = BLANK_NUMBER if number is None else f"{number:02d}"
    return pattern.format(number=text, type=doc_type, symbol=issuer.symbol)
