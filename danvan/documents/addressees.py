"""Receiving bodies ("Nơi nhận") of a document: those valid on its date, for the level of its issuer."""

from __future__ import annotations

import datetime as dt

from danvan.documents.issuers import COMMISSION_KIND, commission_name


def issuer_tier(issuer) -> str:
    """The level the issuer speaks for: a commission unit speaks for the committee it belongs to."""
    unit = issuer.unit
    if unit.kind.code == COMMISSION_KIND and unit.parent_id:
        return unit.parent.kind.tier
    return unit.kind.tier


def addressees_for(purpose: str, issuer, day: dt.date) -> list[str]:
    """The "Nơi nhận" lines of a document of `purpose` by `issuer` on `day`, "Lưu" last."""
    from danvan.documents.models import Addressee

    return Addressee.lines(purpose, issuer_tier(issuer), day) or _fallback(issuer, day)


def _fallback(issuer, day: dt.date) -> list[str]:
    """Nothing configured: the commission above and the archive."""
    name = "Ban Dân vận" if commission_name(day)[1] == "BDV" else "Ban Tuyên giáo và Dân vận"
    above = f"{name} Tỉnh ủy" if issuer_tier(issuer) in ("district", "commune") else ""
    return [line for line in (above, "Lưu") if line]
