"""Composing a document for a unit on a date: the issuer (once), the profile and the number are looked up here."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from django.utils import timezone

from danvan.documents.choices import Kind
from danvan.documents.issuers import default_signature, issuer_for, issuing_unit
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
    issuer: Issuer | None = None,
) -> Document:
    """A document of `kind` issued by `unit` on `day` (by `issuer` when the caller already has it).

    The issuer is the configured one or the one derived from the unit tree (`issuers.issuer_for`);
    without a signature, a collective body signs "T/M" and a commission's head alone.
    The number is left blank for a draft unless given, or reserved from the counter of the
    issuer, kind and Party term when `reserve_number` is set (do that only when issuing).
    """
    issuer = issuer or issuer_for(unit, day)
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
        signature=signature or default_signature(issuer),
        profile=profile,
        annexes=list(annexes),
        doc_type=kind.code,
    )


def report_day(year: int, unit=None) -> dt.date:
    """The date of a yearly document about `year`: today for the current year (or a later one), else
    the year's review conference in mid-January of the next year, unless `unit` did not exist yet on
    that day (a commune formed in 2025 writes its 2024 report today). The web and the command line alike."""
    today = timezone.localdate()
    if year >= today.year:
        return today
    conference = dt.date(year + 1, 1, 15)
    if unit is not None and unit.valid_from and conference < unit.valid_from:
        return today
    return conference


def scope_issuer(unit, day: dt.date) -> Issuer:
    """The issuer of a report, plan or announcement covering `unit` on `day` (see `issuers.issuing_unit`)."""
    return issuer_for(issuing_unit(unit, day), day)
