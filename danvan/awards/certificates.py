"""Certificates (giấy khen, bằng khen) of an issued decision as one PDF, one page per recipient.

HTML through WeasyPrint with the machine's fonts only (Liberation Serif for Times New Roman), so
Vietnamese prints with its own glyphs. The recipient's name always lands `top_mm` below the top edge,
plus the offsets: the same settings serve plain A4 (with frame, titles and header) and a pre-printed
blank (only the variable text), and a clerk moves everything by a few millimetres to fit a printer.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from decimal import Decimal

from django.template.loader import render_to_string

from danvan.awards.choices import Orientation, RecipientKind, SignerMode
from danvan.awards.models import AwardType, Decision, Recipient
from danvan.core.vn import header_date, place_date, safe_filename, text_date
from danvan.documents.choices import CONVENTIONS, System
from danvan.documents.pdf import FALLBACK_FONTS, html_to_pdf
from danvan.documents.spec import DEPUTY, HEAD, Signature

MAX_OFFSET_MM = Decimal(50)


@dataclass(frozen=True)
class Layout:
    """Where and how big: from the award type, adjustable for one print run."""

    orientation: str = Orientation.LANDSCAPE
    preprinted: bool = False
    offset_x_mm: Decimal = Decimal(0)
    offset_y_mm: Decimal = Decimal(0)
    top_mm: Decimal = Decimal(78)
    title_size: int = 44
    name_size: int = 26
    text_size: int = 16

    @classmethod
    def of(cls, award_type: AwardType) -> Layout:
        return cls(
            orientation=award_type.certificate_orientation,
            preprinted=award_type.certificate_preprinted,
            offset_x_mm=award_type.certificate_offset_x_mm,
            offset_y_mm=award_type.certificate_offset_y_mm,
            top_mm=award_type.certificate_top_mm,
            title_size=award_type.certificate_title_size,
            name_size=award_type.certificate_name_size,
            text_size=award_type.certificate_text_size,
        )

    def adjusted(self, **changes) -> Layout:
        return replace(self, **{name: value for name, value in changes.items() if value is not None})

    @property
    def size_mm(self) -> tuple[int, int]:
        return (297, 210) if self.orientation == Orientation.LANDSCAPE else (210, 297)


def _sentence(text: str) -> str:
    text = " ".join(text.split()).rstrip(".")
    return f"{text[:1].upper()}{text[1:]}." if text else ""


@dataclass
class Page:
    name: str
    details: list[str]
    achievement: str


def page_for(recipient: Recipient, decision: Decision) -> Page:
    if recipient.kind == RecipientKind.INDIVIDUAL:
        details = [", ".join(p for p in (recipient.position, recipient.unit_name) if p)]
    else:
        details = [recipient.unit_name] if recipient.unit_name else []
    return Page(recipient.name, [d for d in details if d], _sentence(recipient.achievement or decision.achievement))


def positions(layout: Layout) -> dict[str, float]:
    """Every box's place in millimetres from the sheet's top-left corner, the offsets included."""
    width, height = layout.size_mm
    ox, oy = float(layout.offset_x_mm), float(layout.offset_y_mm)
    return {
        "frame_left": ox + 9,
        "frame_top": oy + 9,
        "frame_width": width - 18,
        "frame_height": height - 18,
        "inner_left": ox + 13,
        "inner_top": oy + 13,
        "inner_width": width - 26,
        "inner_height": height - 26,
        "block_left": ox + 25,
        "block_width": width - 50,
        "national_top": oy + 19,
        "heading_top": oy + 31,
        "title_top": oy + 49,
        "name_top": oy + float(layout.top_mm),
        "number_left": ox + 28,
        "number_top": oy + height - 58,
        "sign_left": ox + width - 138,
        "sign_top": oy + height - 58,
    }


def certificates_pdf(
    decision: Decision, recipients: list[Recipient] | None = None, layout: Layout | None = None
) -> bytes:
    """The PDF of the decision's certificates (all its recipients unless a selection is given)."""
    award = decision.award_type
    layout = layout or Layout.of(award)
    recipients = recipients if recipients is not None else list(decision.recipients.order_by("kind", "order", "id"))
    issuer = award.authority.issuer_on(decision.date)
    system = System(issuer.system) if issuer else System.PARTY
    conventions = CONVENTIONS[system]
    titles: list[str] = []
    if issuer is not None:
        signature = Signature(DEPUTY if decision.signer_mode == SignerMode.DEPUTY else HEAD)
        titles = [title.upper() for title in signature.titles(issuer)]
    width, height = layout.size_mm
    context = {
        "layout": layout,
        "width": width,
        "height": height,
        "pos": positions(layout),
        "fonts": f'"Times New Roman", {FALLBACK_FONTS}',
        "national": [line for line in (conventions.national_line, conventions.motto_line) if line],
        "heading": award.authority.decision_heading.upper(),
        "title": award.certificate_title.upper(),
        "pages": [page_for(r, decision) for r in recipients],
        "number": decision.number,
        "date_line": place_date(issuer.place, decision.date) if issuer else header_date(decision.date).capitalize(),
        "signer_titles": titles,
        "signer_name": decision.signer_name or (issuer.head_name if issuer else ""),
    }
    return html_to_pdf(render_to_string("awards/certificates.html", context))


def parse_offset(value: str | None) -> Decimal | None:
    """A millimetre offset typed on the print form ('2', '-3,5'); None when blank; ValueError otherwise."""
    text = (value or "").strip().replace(",", ".")
    if not text:
        return None
    try:
        number = Decimal(text)
    except ArithmeticError:
        raise ValueError(f"Độ lệch “{value}” không phải là số (mm).") from None
    if not number.is_finite() or abs(number) > MAX_OFFSET_MM:
        raise ValueError(f"Độ lệch phải trong khoảng −{MAX_OFFSET_MM} đến {MAX_OFFSET_MM} mm.")
    return number.quantize(Decimal("0.1"))


PRINT_OPTIONS = ("in_tren", "lech_ngang", "lech_doc", "nguoi_nhan")


def file_stem(decision: Decision) -> str:
    return safe_filename(f"{decision.award_type.form} {decision.number} {text_date(decision.date)}")


def print_run(decision: Decision, options) -> tuple[Layout, list[Recipient]]:
    """The layout and recipients of one print run from the print form's options (the query string, or a
    job's copy of it): ValueError for a bad offset, LookupError for a recipient not in the decision."""
    dx = parse_offset(options.get("lech_ngang"))
    dy = parse_offset(options.get("lech_doc"))
    preprinted = {"phoi": True, "giay": False}.get(options.get("in_tren") or "")
    layout = Layout.of(decision.award_type).adjusted(offset_x_mm=dx, offset_y_mm=dy, preprinted=preprinted)
    recipients = list(decision.recipients.order_by("kind", "order", "id"))
    chosen = options.get("nguoi_nhan")
    if chosen:
        recipients = [r for r in recipients if str(r.pk) == chosen]
        if not recipients:
            raise LookupError("Không có tập thể, cá nhân này trong quyết định.")
    return layout, recipients
