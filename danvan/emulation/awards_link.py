"""INTEGRATION POINT with the awards app (danvan.awards): the only module here that imports it.

"From the ranking, the top units can be put into an award proposal in one step": the emulation
services pick the units; this module turns them into a draft proposal through the awards
services (create_proposal, save_proposal_recipient), which check scope and their own rules. If
the awards API changes, only this file follows it.
"""

from __future__ import annotations

from collections.abc import Sequence

from django.core.exceptions import ValidationError

from danvan.emulation.rules import format_score


def award_types(year: int):
    """Award types valid during the year that may be given to collectives."""
    import datetime as dt

    from danvan.awards.choices import RecipientKinds
    from danvan.awards.models import AwardType

    return (
        AwardType.objects.valid_during(dt.date(year, 1, 1), dt.date(year, 12, 31))
        .exclude(recipient_kinds=RecipientKinds.INDIVIDUAL)
        .select_related("authority")
        .order_by("order", "name")
    )


def proposal_url(proposal) -> str | None:
    try:
        return proposal.get_absolute_url()
    except Exception:  # the awards pages may not be wired yet (NoReverseMatch)
        return None


def create_proposal(user, *, unit, year: int, award_type, achievement: str, recipients: Sequence[tuple]):
    """A draft proposal by `unit` with each (unit, ranking row) as a collective that is the unit itself."""
    from danvan.awards import services as awards
    from danvan.awards.choices import RecipientKind
    from danvan.awards.models import Proposal, Recipient

    if award_type is None:
        raise ValidationError({"award_type": "Cần chọn hình thức khen thưởng."})
    proposal = awards.create_proposal(
        user, Proposal(unit=unit, award_type=award_type, year=year, achievement=achievement)
    )
    for recipient_unit, row in recipients:
        details = f"Tổng điểm thẩm định {format_score(row.appraised_total)}, xếp hạng {row.rank}"
        awards.save_proposal_recipient(
            user,
            proposal,
            Recipient(
                kind=RecipientKind.COLLECTIVE,
                is_unit=True,
                unit=recipient_unit,
                name=row.unit_name,
                achievement=f"{details}; {row.grade.lower()}." if row.grade else f"{details}.",
            ),
        )
    return proposal
