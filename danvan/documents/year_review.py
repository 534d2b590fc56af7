"""The contract between the year's review report and the modules that feed it.

"BÁO CÁO tổng kết công tác dân vận năm Y, phương hướng, nhiệm vụ năm Y+1" is assembled by `danvan.review`
from parts: each domain app that has something to say about a year offers `<app>/year_review.py` with

    def parts(request: ReviewRequest) -> list[ReviewPart]

reading only what `request.user` may see (`restrict(user)`) within `request.units` for `request.year`, with
its figures aggregated in the database. A part names the chapter it belongs to (`Chapter`), so the report's
headings and order follow a real provincial review report whatever the order the apps answer in.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from enum import IntEnum

from django.db.models import Q

from danvan.core import scoping
from danvan.documents.spec import Block
from danvan.org.areas import AS_AT


class Chapter(IntEnum):
    """The report's sections in the order a provincial review report reads them."""

    LEADERSHIP = 1  # Lãnh đạo, chỉ đạo; ban hành, sơ kết, tổng kết văn bản; kế hoạch, nhiệm vụ trọng tâm
    OPINION = 2  # Nắm tình hình nhân dân, dư luận xã hội; tiếp công dân, đối thoại
    GOVERNMENT = 3  # Dân vận chính quyền; thực hiện dân chủ ở cơ sở
    COOPERATION = 4  # Phối hợp với chính quyền, lực lượng vũ trang, Mặt trận và các đoàn thể
    MOVEMENT = 5  # Phong trào thi đua "Dân vận khéo"; hội thi
    FRONT = 6  # Mặt trận Tổ quốc và các đoàn thể: đoàn viên, hội viên
    SUPERVISION = 7  # Kiểm tra, giám sát
    EMULATION = 8  # Thi đua, khen thưởng; hội nghị
    NEXT_YEAR = 9  # Phần II: phương hướng, nhiệm vụ năm sau


CHAPTER_TITLES = {
    Chapter.LEADERSHIP: "Công tác lãnh đạo, chỉ đạo, triển khai thực hiện",
    Chapter.OPINION: "Công tác nắm tình hình nhân dân, định hướng dư luận xã hội",
    Chapter.GOVERNMENT: "Công tác dân vận của chính quyền và thực hiện dân chủ ở cơ sở",
    Chapter.COOPERATION: "Công tác phối hợp",
    Chapter.MOVEMENT: "Phong trào thi đua “Dân vận khéo”",
    Chapter.FRONT: "Hoạt động của Mặt trận Tổ quốc và các đoàn thể chính trị - xã hội",
    Chapter.SUPERVISION: "Công tác kiểm tra, giám sát",
    Chapter.EMULATION: "Công tác thi đua, khen thưởng, hội nghị",
    Chapter.NEXT_YEAR: "Phương hướng, nhiệm vụ",
}


@dataclass(frozen=True)
class ReviewRequest:
    """Who asks, for which year, over which units (the top units of the report's scope)."""

    user: object
    year: int
    units: tuple  # Unit rows: the report's unit, then those its records carry in the report's mode
    today: dt.date
    mode: str = AS_AT  # org.areas: as at the time, or mapped to today's units (what `units` were drawn for)

    @property
    def start(self) -> dt.date:
        return dt.date(self.year, 1, 1)

    @property
    def end(self) -> dt.date:
        return dt.date(self.year, 12, 31)

    def area(self, lookup: str = "unit__path") -> Q:
        """Rows whose unit (reached through `lookup`, a path) lies in one of the request's units' subtrees.

        Every part counts the same area: the units the report's mode carries (review_request chose them),
        not every unit ever merged into the first one, so a report "as at" 2019 leaves out a province that
        merged into it in 2025, as its statistics do."""
        return scoping.subtrees_q(lookup, self.top_paths())

    def top_paths(self) -> list[str]:
        """The request's units' paths, those below another left out (their rows are already in its subtree)."""
        return scoping.minimal_paths(unit.path for unit in self.units)

    def top_units(self) -> list:
        """The request's units whose subtrees do not overlap: a part that sums unit by unit counts each row once."""
        paths = set(self.top_paths())
        return [unit for unit in self.units if unit.path in paths]


@dataclass
class ReviewPart:
    """A module's contribution: a sub-heading, its sentences and tables, and the figures it cites.

    `figures` names every number the text states (e.g. {"registered": 7736}) so tests can hold the report
    against the module's own pages and exports."""

    chapter: Chapter
    title: str
    blocks: list[Block]
    figures: dict[str, int] = field(default_factory=dict)
    order: int = 0  # within the chapter
