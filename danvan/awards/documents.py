"""The award decision as a Party- or State-format document (through danvan.documents): header, "QUYẾT
ĐỊNH / Về việc tặng Giấy khen", the legal bases, Điều 1–3, Nơi nhận, the signature, and the annex list."""

from __future__ import annotations

import datetime as dt
import re

from django.core.exceptions import ValidationError
from django.utils import timezone

from danvan.awards.choices import RecipientKind, SignerMode
from danvan.awards.models import Decision, Proposal, Recipient
from danvan.core.vn import fold, format_number, header_date
from danvan.documents.choices import CONVENTIONS, DECISION, SUBMISSION, System
from danvan.documents.docx import render_docx
from danvan.documents.issuers import NoIssuer, default_signature, issuer_for
from danvan.documents.models import FormatProfile, Issuer
from danvan.documents.numbering import format_symbol
from danvan.documents.phrasing import recipients_phrase
from danvan.documents.spec import (
    CENTER,
    DEPUTY,
    HEAD,
    Annex,
    Column,
    Document,
    Heading,
    Paragraph,
    Signature,
    Table,
)


def _lines(text: str) -> list[str]:
    return [line.strip().lstrip("-–+• ").rstrip(";,.").strip() for line in (text or "").splitlines() if line.strip()]


def number_text(decision: Decision, issuer: Issuer) -> str:
    """'Số 05-QĐ/BTGDVTU' (Party) or 'Số: 1234/QĐ-UBND' (State); a blank number for a draft."""
    if not decision.number:
        return format_symbol(None, DECISION.code, issuer)
    prefix = CONVENTIONS[System(issuer.system)].number_pattern.split("{number}")[0]
    return f"{prefix}{decision.number}"


def summary(decision: Decision) -> str:
    return f"Về việc tặng {decision.award_type.form}"


def considerations(decision: Decision, proposals: list) -> list[str]:
    """The "Căn cứ ..." lines, then "Xét đề nghị của ..." from the proposals when the clerk wrote none."""
    lines = _lines(decision.legal_bases)
    if proposals and not any(line.lower().startswith("xét") for line in lines):
        names = list(dict.fromkeys(p.unit_name for p in proposals))
        lines.append(f"Xét đề nghị của {', '.join(names)}")
    last_basis = max((i for i, line in enumerate(lines) if not line.lower().startswith("xét")), default=-1)
    return [f"{line}{';' if i <= last_basis else ','}" for i, line in enumerate(lines)]


def article_one(decision: Decision, collectives: int, individuals: int) -> str:
    achievement = decision.achievement.strip().rstrip(".")
    return (
        f"Tặng {decision.award_type.form} cho {recipients_phrase(collectives, individuals)} "
        f"(có danh sách kèm theo) {achievement}."
    )


def article_two(decision: Decision, collectives: int, individuals: int) -> str:
    award = decision.award_type
    parts = [
        f"mỗi {who} được tặng {award.form} kèm theo tiền thưởng {format_number(amount)} đồng"
        for who, count, amount in (
            ("tập thể", collectives, award.reward_collective),
            ("cá nhân", individuals, award.reward_individual),
        )
        if count and amount
    ]
    if not parts:
        return f"Tiền thưởng kèm theo {award.form} thực hiện theo quy định hiện hành."
    text = "; ".join(parts)
    return f"{text[0].upper()}{text[1:]}."


def annex_table(recipients: list[Recipient], font_size: int = 13) -> Table:
    """STT, name of the collective or full name, position, unit; collectives first, under "I."/"II."."""
    collectives = [r for r in recipients if r.kind == RecipientKind.COLLECTIVE]
    individuals = [r for r in recipients if r.kind == RecipientKind.INDIVIDUAL]
    rows: list[list] = []
    headings: set[int] = set()
    grouped = bool(collectives and individuals)
    number = 0
    for roman, label, group in (("I", "TẬP THỂ", collectives), ("II", "CÁ NHÂN", individuals)):
        if not group:
            continue
        if grouped:
            headings.add(len(rows))
            rows.append([roman, f"{label} ({format_number(len(group))})", "", ""])
        for recipient in group:
            number += 1
            rows.append([number, recipient.name, recipient.position, recipient.unit_name])
    return Table(
        columns=[
            Column("STT", 13),
            Column("Tên tập thể, họ và tên", 62, align="left"),
            Column("Chức vụ", 42, align="left"),
            Column("Đơn vị", None, align="left"),
        ],
        rows=rows,
        font_size=font_size,
        bold_rows=frozenset(headings),
    )


def annex_title(decision: Decision, collectives: int, individuals: int) -> str:
    who = "TẬP THỂ, CÁ NHÂN" if collectives and individuals else "TẬP THỂ" if collectives else "CÁ NHÂN"
    return f"DANH SÁCH {who} ĐƯỢC TẶNG {decision.award_type.form.upper()}"


def decision_document(decision: Decision) -> Document:
    """The decision as a document spec; the issuer and the format profile come from its unit and date."""
    try:
        issuer = decision.award_type.authority.issuer_on(decision.date)
    except NoIssuer as exc:
        raise ValidationError(str(exc)) from None
    try:
        profile = FormatProfile.for_date(decision.date, issuer.system)
    except FormatProfile.DoesNotExist as exc:
        raise ValidationError(str(exc)) from None
    recipients = list(decision.recipients.all().order_by("kind", "order", "id"))
    proposals = list(decision.proposals.order_by("unit__path", "id"))
    collectives = sum(1 for r in recipients if r.kind == RecipientKind.COLLECTIVE)
    individuals = len(recipients) - collectives
    state = issuer.system == System.STATE
    number = number_text(decision, issuer)
    blocks = [Heading(decision.award_type.authority.decision_heading.upper(), 0)]
    for line in considerations(decision, proposals):
        blocks.append(Paragraph(line, italic=state) if state else Paragraph(f"- {line}"))
    blocks += [
        Heading("QUYẾT ĐỊNH:" if state else "QUYẾT ĐỊNH", 0),
        Paragraph(article_one(decision, collectives, individuals), lead="Điều 1."),
        Paragraph(article_two(decision, collectives, individuals), lead="Điều 2."),
        Paragraph(f"{' '.join(_lines(decision.executors))}.", lead="Điều 3."),
    ]
    issuer_name = decision.award_type.authority.name
    bare_number = number.split(" ", 1)[1]  # without "Số " / "Số: "
    subtitle = f"(Kèm theo Quyết định số {bare_number}, {header_date(decision.date)} của {issuer_name})"
    signature = Signature(DEPUTY if decision.signer_mode == SignerMode.DEPUTY else HEAD, name=decision.signer_name)
    return Document(
        kind_label=DECISION.label,
        summary=summary(decision),
        issuer=issuer,
        date=decision.date,
        number_text=number,
        blocks=blocks,
        recipients=_lines(decision.distribution),
        signature=signature,
        profile=profile,
        annexes=[Annex(annex_title(decision, collectives, individuals), subtitle, annex_table(recipients))],
        doc_type=DECISION.code,
    )


def decision_docx(decision: Decision) -> bytes:
    return render_docx(decision_document(decision))


def docx_filename(decision: Decision) -> str:
    """An ASCII name: 'quyet-dinh-01-qd-btgdvtu.docx', 'du-thao-quyet-dinh-12.docx'."""
    if decision.number:
        return f"quyet-dinh-{re.sub(r'[^a-z0-9]+', '-', fold(decision.number)).strip('-')}.docx"
    return f"du-thao-quyet-dinh-{decision.pk}.docx"


# --- The proposal (tờ trình) ---------------------------------------------------------------------


def proposal_day(proposal: Proposal) -> dt.date:
    """The date of the tờ trình: when it was last sent up, else when it was drawn up."""
    from django.contrib.contenttypes.models import ContentType

    from danvan.core.models import WorkflowStep

    sent = (
        WorkflowStep.objects.filter(
            content_type=ContentType.objects.get_for_model(Proposal), object_id=str(proposal.pk), action="submit"
        )
        .order_by("-timestamp")
        .values_list("timestamp", flat=True)
        .first()
    )
    moment = sent or proposal.created_at
    return timezone.localtime(moment).date() if moment else timezone.localdate()


def proposal_number_text(proposal: Proposal, issuer: Issuer) -> str:
    """'Số 12-TTr/ĐU' from the number the unit wrote ('12' or '12-TTr/ĐU'); blank when there is none."""
    number = proposal.number.strip()
    if number.isdigit():
        return format_symbol(int(number), SUBMISSION.code, issuer)
    if not number:
        return format_symbol(None, SUBMISSION.code, issuer)
    prefix = CONVENTIONS[System(issuer.system)].number_pattern.split("{number}")[0]
    return f"{prefix}{number}"


def proposal_document(proposal: Proposal) -> Document:
    """The proposal as a tờ trình in the issuer's format: "Kính gửi" the awarding authority, the
    request with the achievement, and the list of collectives and individuals as an annex."""
    day = proposal_day(proposal)
    try:
        issuer = issuer_for(proposal.unit, day)  # configured, or from the unit tree
    except NoIssuer as exc:
        raise ValidationError(str(exc)) from None
    try:
        profile = FormatProfile.for_date(day, issuer.system)
    except FormatProfile.DoesNotExist as exc:
        raise ValidationError(str(exc)) from None
    award = proposal.award_type
    recipients = list(proposal.recipients.all().order_by("kind", "order", "id"))
    collectives = sum(1 for r in recipients if r.kind == RecipientKind.COLLECTIVE)
    individuals = len(recipients) - collectives
    achievement = proposal.achievement.strip().rstrip(".")
    who = recipients_phrase(collectives, individuals) or "các tập thể, cá nhân"
    period = f" {proposal.period}" if proposal.period else ""
    number = proposal_number_text(proposal, issuer)
    bare_number = number.split(" ", 1)[1]
    blocks = [
        Paragraph(f"Kính gửi: {award.authority.name}", align=CENTER, indent=False),
        Paragraph(
            f"Căn cứ kết quả thực hiện phong trào thi đua “Dân vận khéo” năm {proposal.year}{period}, "
            f"{proposal.unit_name} kính đề nghị {award.authority.name} xem xét, tặng {award.form} cho {who} "
            f"(có danh sách kèm theo) {achievement}."
        ),
        Paragraph(f"Kính đề nghị {award.authority.name} xem xét, quyết định."),
    ]
    subtitle = f"(Kèm theo Tờ trình số {bare_number}, {header_date(day)} của {proposal.unit_name})"
    title = f"DANH SÁCH {_who_upper(collectives, individuals)} ĐỀ NGHỊ TẶNG {award.form.upper()}"
    return Document(
        kind_label=SUBMISSION.label,
        summary=f"Đề nghị tặng {award.form}",
        issuer=issuer,
        date=day,
        number_text=number,
        blocks=blocks,
        recipients=[award.authority.name, "Lưu VP"],
        signature=default_signature(issuer),
        profile=profile,
        annexes=[Annex(title, subtitle, annex_table(recipients))],
        doc_type=SUBMISSION.code,
    )


def _who_upper(collectives: int, individuals: int) -> str:
    return "TẬP THỂ, CÁ NHÂN" if collectives and individuals else "CÁ NHÂN" if individuals else "TẬP THỂ"


def proposal_docx(proposal: Proposal) -> bytes:
    return render_docx(proposal_document(proposal))


def proposal_filename(proposal: Proposal) -> str:
    return f"to-trinh-de-nghi-khen-thuong-{proposal.pk}.docx"
