"""The year's review report: "BÁO CÁO tổng kết công tác dân vận năm Y, phương hướng, nhiệm vụ năm Y+1".

Every installed danvan app that offers `year_review.parts(request)` (the contract in
`danvan/documents/year_review.py`) is found as Django's admin finds `admin.py` modules, asked for its parts,
and the parts are put in the order of a provincial review report (`Chapter`, then each part's `order`).
The "Dân vận khéo" figures are added here (`review.parts.movement`), from the statistics report itself.

The scope is one unit as it was in the year (`org.areas.report_area`: a province alone before its
merger, a commune formed in 2025 with the communes it came from), or as it is today when the clerk asks;
the request carries the unit first, then the units its records carry. The document is issued by the owner
of that scope on the report's date (`documents.services.report_day`, `scope_issuer`): the 2021 report by
the Ban Dân vận Tỉnh ủy on 15/01/2022, the 2026 one by the Ban Tuyên giáo và Dân vận Tỉnh ủy.

What a person must write (the general assessment, limitations and causes, lessons, the general direction,
proposals) comes from the page's text boxes, else stays a bracketed hint in italics, as the opinion
reports mark it, so the clerk cannot miss it in Word.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from importlib import import_module

from django.apps import apps
from django.utils.module_loading import module_has_submodule

from danvan.core.vn import text_date
from danvan.documents import choices as doc_choices
from danvan.documents.addressees import addressees_for
from danvan.documents.issuers import body_name, scope_word
from danvan.documents.models import Purpose
from danvan.documents.phrasing import scope_sentence
from danvan.documents.services import compose, report_day, scope_issuer
from danvan.documents.spec import Document, Heading, Paragraph
from danvan.documents.year_review import CHAPTER_TITLES, Chapter, ReviewPart, ReviewRequest
from danvan.opinion.reports import clerk_paragraphs
from danvan.org import areas
from danvan.review.parts import movement

ROMAN = ["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII"]
MODES = (areas.AS_AT, areas.TODAY)


def hint(text: str) -> str:
    return f"[Phần cán bộ tổng hợp viết: {text}]"


# What the clerk writes: (key, heading, hint).
ASSESSMENT = [
    ("strengths", "Ưu điểm", "những kết quả nổi bật, ưu điểm trong công tác dân vận của năm."),
    ("limits", "Hạn chế, nguyên nhân", "những hạn chế, khuyết điểm; nguyên nhân khách quan và chủ quan."),
    ("lessons", "Bài học kinh nghiệm", "những bài học kinh nghiệm rút ra qua thực tiễn lãnh đạo, chỉ đạo."),
]
DIRECTION_HINT = "phương hướng chung, mục tiêu của công tác dân vận năm {next}."
TASKS_HINT = (
    "các nhiệm vụ, giải pháp trọng tâm năm {next} (chưa có kế hoạch công tác năm {next} có nhiệm vụ trong hệ thống)."
)
PROPOSALS_HINT = "đề xuất, kiến nghị với cấp trên, cấp ủy, chính quyền và các cơ quan liên quan."
EMPTY_CHAPTER_HINT = "kết quả {title} năm {year} (chưa có số liệu trong hệ thống)."


@dataclass
class ClerkText:
    """What the clerk typed on the page; blank parts stay hints."""

    strengths: str = ""
    limits: str = ""
    lessons: str = ""
    direction: str = ""
    proposals: str = ""


@dataclass
class Review:
    request: ReviewRequest
    scope: areas.Area
    parts: list[ReviewPart] = field(default_factory=list)

    @property
    def mode(self) -> str:
        return self.request.mode

    @property
    def unit(self):
        return self.request.units[0]

    def part(self, chapter: Chapter, title: str) -> ReviewPart:
        """The part of `chapter` titled `title` (tests and callers read figures through it)."""
        return next(p for p in self.parts if p.chapter == chapter and p.title == title)

    def chapter(self, chapter: Chapter) -> list[ReviewPart]:
        return [p for p in self.parts if p.chapter == chapter]


def contributors() -> list:
    """The `year_review` modules of the installed danvan apps that give parts, in INSTALLED_APPS order."""
    found = []
    for config in apps.get_app_configs():
        if config.name.startswith("danvan.") and module_has_submodule(config.module, "year_review"):
            module = import_module(f"{config.name}.year_review")
            if callable(getattr(module, "parts", None)):  # documents.year_review is the contract itself
                found.append(module)
    return found


def review_request(user, year: int, unit, mode: str = areas.AS_AT, day: dt.date | None = None) -> tuple:
    """The request every app answers, and the scope it was drawn from: `unit` first, then the units its
    records carry in that mode (merged, split or renamed into it)."""
    scope = areas.report_area(unit, year, mode)
    carried = sorted((u for pk, u in scope.members.items() if pk != unit.pk), key=lambda u: u.path)
    day = day or report_day(year, unit)
    return ReviewRequest(user=user, year=year, units=(unit, *carried), today=day, mode=mode), scope


def build(user, year: int, unit, mode: str = areas.AS_AT, day: dt.date | None = None) -> Review:
    """Every part of the year's review for `unit`, in the report's order."""
    request, scope = review_request(user, year, unit, mode, day)
    parts = list(movement.parts(request))
    for module in contributors():
        parts += module.parts(request)
    parts.sort(key=lambda p: (p.chapter, p.order))
    return Review(request, scope, parts)


def _part_blocks(parts: list[ReviewPart]) -> list:
    """A chapter's parts: numbered sub-headings when there are several, the text alone when there is one."""
    if len(parts) == 1:
        return list(parts[0].blocks)
    blocks = []
    for number, part in enumerate(parts, start=1):
        blocks += [Heading(f"{number}. {part.title}", 2), *part.blocks]
    return blocks


def _lower_first(text: str) -> str:
    return text[:1].lower() + text[1:]


def document(review: Review, text: ClerkText | None = None) -> Document:
    """The Party-format report of `review`."""
    text = text or ClerkText()
    request, unit = review.request, review.unit
    year, following, day = request.year, request.year + 1, request.today
    issuer = scope_issuer(unit, day)
    blocks: list = [
        Paragraph(
            f"Thực hiện chương trình công tác năm {year}, {body_name(issuer)} báo cáo tổng kết công tác dân vận "
            f"năm {year} trên phạm vi {scope_word(unit)}, phương hướng, nhiệm vụ năm {following} như sau:"
        )
    ]
    # Named with their end, as the statistics do: an old commune often shares the new one's name.
    carried = [f"{u.name} (đến {text_date(u.valid_until)})" if u.valid_until else u.name for u in request.units[1:]]
    if carried:
        blocks.append(Paragraph(scope_sentence(scope_word(unit), carried), italic=True))
    blocks += [Heading("Phần thứ nhất", 0), Heading(f"KẾT QUẢ CÔNG TÁC DÂN VẬN NĂM {year}", 0)]
    chapters = [c for c in Chapter if c != Chapter.NEXT_YEAR]
    for number, chapter in zip(ROMAN, chapters, strict=False):
        title = CHAPTER_TITLES[chapter]
        blocks.append(Heading(f"{number}. {title.upper()}", 1))
        parts = review.chapter(chapter)
        if parts:
            blocks += _part_blocks(parts)
        else:
            empty = EMPTY_CHAPTER_HINT.format(title=_lower_first(title), year=year)
            blocks.append(Paragraph(hint(empty), italic=True))
    blocks.append(Heading(f"{ROMAN[len(chapters)]}. ĐÁNH GIÁ CHUNG", 1))
    for number, (key, heading, what) in enumerate(ASSESSMENT, start=1):
        blocks += [Heading(f"{number}. {heading}", 2), *clerk_paragraphs(getattr(text, key), hint(what))]
    blocks += [
        Heading("Phần thứ hai", 0),
        Heading(f"PHƯƠNG HƯỚNG, NHIỆM VỤ NĂM {following}", 0),
        Heading("I. PHƯƠNG HƯỚNG CHUNG", 1),
        *clerk_paragraphs(text.direction, hint(DIRECTION_HINT.format(next=following))),
        Heading("II. NHIỆM VỤ, GIẢI PHÁP TRỌNG TÂM", 1),
    ]
    next_parts = review.chapter(Chapter.NEXT_YEAR)
    if next_parts:
        blocks += _part_blocks(next_parts)
        blocks.append(Paragraph(hint(f"bổ sung nhiệm vụ, giải pháp khác năm {following} (nếu có)."), italic=True))
    else:
        blocks.append(Paragraph(hint(TASKS_HINT.format(next=following)), italic=True))
    blocks += [
        Heading("Phần thứ ba", 0),
        Heading("ĐỀ XUẤT, KIẾN NGHỊ", 0),
        *clerk_paragraphs(text.proposals, hint(PROPOSALS_HINT)),
    ]
    return compose(
        doc_choices.REPORT,
        issuer.unit,
        day,
        summary(year),
        blocks,
        addressees_for(Purpose.YEAR_REVIEW, issuer, day),
        issuer=issuer,
    )


def summary(year: int) -> str:
    return f"Tổng kết công tác dân vận năm {year}, phương hướng, nhiệm vụ năm {year + 1}"


def filename(year: int) -> str:
    return f"bao-cao-tong-ket-cong-tac-dan-van-nam-{year}.docx"


def outline() -> list[tuple[Chapter, str]]:
    """The chapters of Phần thứ nhất in their order, as the page lists them."""
    return [(c, CHAPTER_TITLES[c]) for c in Chapter if c != Chapter.NEXT_YEAR]
