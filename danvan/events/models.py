"""Contests (hội thi, cuộc thi) and conferences (hội nghị, tọa đàm) organized by a unit.

A contest belongs to the unit that organizes it (its scope); its rounds, entries, scores and prizes are
read through the contest. Once its results are announced, nothing of it changes any more. A conference
belongs to its organizing unit; the units attending and the award decisions presented at it are rows of
their own (`Attendance`, `PresentedAward`), so adding or removing one is in the change log.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.urls import reverse

from danvan.core.models import ConfigItem, ScopedModel
from danvan.core.uploads import RandomName
from danvan.core.vn import fold
from danvan.events.choices import ContestState


class ContestKind(ConfigItem):
    """Hội thi “Dân vận khéo”, cuộc thi viết, hội thi tuyên truyền..."""

    class Meta(ConfigItem.Meta):
        verbose_name = "loại hội thi"
        verbose_name_plural = "loại hội thi"


class ConferenceKind(ConfigItem):
    """Hội nghị tổng kết, sơ kết, tọa đàm, hội thảo, hội nghị biểu dương, giao ban..."""

    class Meta(ConfigItem.Meta):
        verbose_name = "loại hội nghị"
        verbose_name_plural = "loại hội nghị"


class PrizeKind(ConfigItem):
    """Giải Nhất, Nhì, Ba, Khuyến khích, giải phụ; `order` ranks them (the first prize first)."""

    class Meta(ConfigItem.Meta):
        verbose_name = "loại giải thưởng"
        verbose_name_plural = "loại giải thưởng"


class Contest(ScopedModel):
    """One edition of a contest: its rounds, the entries of units, their scores per round, the prizes."""

    unit = models.ForeignKey(
        "org.Unit", verbose_name="đơn vị tổ chức", on_delete=models.PROTECT, related_name="contests"
    )
    kind = models.ForeignKey(
        ContestKind, verbose_name="loại hội thi", on_delete=models.PROTECT, related_name="contests"
    )
    name = models.CharField("tên hội thi", max_length=300)
    edition = models.CharField("lần tổ chức", max_length=60, blank=True, help_text="Ví dụ: lần thứ II")
    start_date = models.DateField("ngày bắt đầu")
    end_date = models.DateField("ngày kết thúc")
    place = models.CharField("địa điểm", max_length=300, blank=True)
    description = models.TextField("nội dung, thể lệ", blank=True)
    state = models.CharField("trạng thái", max_length=10, choices=ContestState.choices, default=ContestState.PREPARING)
    created_at = models.DateTimeField("ngày tạo", auto_now_add=True)
    version = models.PositiveIntegerField(default=1)
    search_text = models.TextField(editable=False, default="")

    changelog_exclude = ("search_text", "created_at", "version")

    class Meta:
        verbose_name = "hội thi"
        verbose_name_plural = "hội thi"
        ordering = ["-start_date", "-id"]
        indexes = [
            models.Index(fields=["unit", "-start_date"], name="contest_unit_date_idx"),
            models.Index(fields=["start_date"], name="contest_date_idx"),
            models.Index(fields=["state", "start_date"], name="contest_state_idx"),
        ]

    def __str__(self) -> str:
        return f"{self.name} {self.edition}".strip()

    def get_absolute_url(self) -> str:
        return reverse("events:contest-detail", args=[self.pk])

    @property
    def is_locked(self) -> bool:
        return self.state == ContestState.ANNOUNCED

    def save(self, *args, **kwargs):
        self.search_text = fold(" ".join(p for p in (self.name, self.edition, self.place) if p))
        super().save(*args, **kwargs)


class Round(ScopedModel):
    """Vòng thi: sơ khảo, chung khảo; the score of each entry in it is out of `max_score`."""

    contest = models.ForeignKey(Contest, on_delete=models.CASCADE, related_name="rounds", verbose_name="hội thi")
    order = models.PositiveSmallIntegerField("thứ tự")
    name = models.CharField("tên vòng thi", max_length=120)
    day = models.DateField("ngày thi", null=True, blank=True)
    max_score = models.DecimalField("điểm tối đa", max_digits=5, decimal_places=2, default=100)

    scope_path = "contest__unit__path"

    class Meta:
        verbose_name = "vòng thi"
        verbose_name_plural = "vòng thi"
        ordering = ["contest", "order", "id"]
        constraints = [models.UniqueConstraint(fields=["contest", "order"], name="events_round_order_unique")]

    def __str__(self) -> str:
        return self.name

    def changelog_unit_id(self) -> int | None:
        return self.contest.unit_id


class Entry(ScopedModel):
    """A participating unit's team or entry (a writing contest: one work, its authors in `members`)."""

    contest = models.ForeignKey(Contest, on_delete=models.CASCADE, related_name="entries", verbose_name="hội thi")
    unit = models.ForeignKey("org.Unit", verbose_name="đơn vị dự thi", on_delete=models.PROTECT, related_name="+")
    title = models.CharField("tên đội, tác phẩm", max_length=300, blank=True)
    members = models.TextField("thành viên, tác giả", blank=True)

    scope_path = "contest__unit__path"

    class Meta:
        verbose_name = "đội, bài dự thi"
        verbose_name_plural = "đội, bài dự thi"
        ordering = ["contest", "id"]
        constraints = [
            models.UniqueConstraint(fields=["contest", "unit", "title"], name="events_entry_unique"),
        ]

    def __str__(self) -> str:
        return self.title or self.unit.name

    def changelog_unit_id(self) -> int | None:
        return self.contest.unit_id


class Score(ScopedModel):
    """An entry's score in a round (0 to the round's maximum)."""

    entry = models.ForeignKey(Entry, on_delete=models.CASCADE, related_name="scores", verbose_name="đội dự thi")
    round = models.ForeignKey(Round, on_delete=models.CASCADE, related_name="scores", verbose_name="vòng thi")
    score = models.DecimalField("điểm", max_digits=5, decimal_places=2)

    scope_path = "entry__contest__unit__path"

    class Meta:
        verbose_name = "điểm vòng thi"
        verbose_name_plural = "điểm vòng thi"
        ordering = ["entry", "round"]
        constraints = [models.UniqueConstraint(fields=["entry", "round"], name="events_score_unique")]

    def __str__(self) -> str:
        return f"Điểm {self.round.name}: {self.entry}"

    def changelog_unit_id(self) -> int | None:
        return self.round.contest.unit_id


class Prize(ScopedModel):
    """A prize an entry won, with the commendation it received for it when there is one."""

    contest = models.ForeignKey(Contest, on_delete=models.CASCADE, related_name="prizes", verbose_name="hội thi")
    entry = models.ForeignKey(Entry, on_delete=models.CASCADE, related_name="prizes", verbose_name="đội, bài dự thi")
    kind = models.ForeignKey(PrizeKind, verbose_name="giải", on_delete=models.PROTECT, related_name="+")
    award = models.ForeignKey(
        "awards.Recipient",
        verbose_name="khen thưởng kèm theo",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="contest_prizes",
        help_text="Tập thể, cá nhân trong quyết định khen thưởng đã ban hành cho giải này.",
    )

    scope_path = "contest__unit__path"

    class Meta:
        verbose_name = "giải thưởng"
        verbose_name_plural = "giải thưởng"
        ordering = ["contest", "kind__order", "id"]
        constraints = [models.UniqueConstraint(fields=["entry", "kind"], name="events_prize_unique")]

    def __str__(self) -> str:
        return f"{self.kind.name}: {self.entry}"

    def changelog_unit_id(self) -> int | None:
        return self.contest.unit_id


class Conference(ScopedModel):
    """A conference or seminar: who chaired, who attended, what it adopted, the awards presented, its conclusions."""

    unit = models.ForeignKey(
        "org.Unit", verbose_name="đơn vị tổ chức", on_delete=models.PROTECT, related_name="conferences"
    )
    kind = models.ForeignKey(ConferenceKind, verbose_name="loại hội nghị", on_delete=models.PROTECT, related_name="+")
    title = models.CharField("tên hội nghị", max_length=400)
    date = models.DateField("ngày tổ chức")
    place = models.CharField("địa điểm", max_length=300, blank=True)
    chairs = models.CharField("chủ trì", max_length=500, blank=True, help_text="Họ tên, chức vụ người chủ trì")
    attendees = models.PositiveIntegerField("số đại biểu dự", null=True, blank=True)
    documents = models.TextField("văn bản thông qua", blank=True, help_text="Mỗi dòng một văn bản")
    conclusions = models.TextField("kết luận", blank=True)
    attending = models.ManyToManyField(
        "org.Unit", through="Attendance", verbose_name="đơn vị dự", related_name="+", blank=True
    )
    awards = models.ManyToManyField(
        "awards.Decision",
        through="PresentedAward",
        verbose_name="khen thưởng trao tại hội nghị",
        related_name="+",
        blank=True,
    )
    version = models.PositiveIntegerField(default=1)
    search_text = models.TextField(editable=False, default="")

    changelog_exclude = ("search_text", "version")

    class Meta:
        verbose_name = "hội nghị, tọa đàm"
        verbose_name_plural = "hội nghị, tọa đàm"
        ordering = ["-date", "-id"]
        indexes = [
            models.Index(fields=["unit", "-date"], name="conference_unit_date_idx"),
            models.Index(fields=["date"], name="conference_date_idx"),
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("events:conference-detail", args=[self.pk])

    def document_lines(self) -> list[str]:
        return [line.strip() for line in self.documents.splitlines() if line.strip()]

    def compute_search_text(self) -> str:
        """Every searchable text, folded (no diacritics, đ = d); bulk writes call it too."""
        return fold(" ".join(p for p in (self.title, self.place, self.chairs) if p))

    def save(self, *args, **kwargs):
        self.search_text = self.compute_search_text()
        super().save(*args, **kwargs)


class Attendance(ScopedModel):
    conference = models.ForeignKey(Conference, on_delete=models.CASCADE, related_name="attendance")
    unit = models.ForeignKey("org.Unit", verbose_name="đơn vị dự", on_delete=models.PROTECT, related_name="+")

    scope_path = "conference__unit__path"
    changelog_parents = ("conference",)

    class Meta:
        verbose_name = "đơn vị dự hội nghị"
        verbose_name_plural = "đơn vị dự hội nghị"
        constraints = [models.UniqueConstraint(fields=["conference", "unit"], name="events_attendance_unique")]

    def __str__(self) -> str:
        return self.unit.name

    def changelog_unit_id(self) -> int | None:
        return self.conference.unit_id


class PresentedAward(ScopedModel):
    conference = models.ForeignKey(Conference, on_delete=models.CASCADE, related_name="presented")
    decision = models.ForeignKey(
        "awards.Decision", verbose_name="quyết định khen thưởng", on_delete=models.PROTECT, related_name="+"
    )

    scope_path = "conference__unit__path"
    changelog_parents = ("conference",)

    class Meta:
        verbose_name = "khen thưởng trao tại hội nghị"
        verbose_name_plural = "khen thưởng trao tại hội nghị"
        constraints = [models.UniqueConstraint(fields=["conference", "decision"], name="events_presented_unique")]

    def __str__(self) -> str:
        return str(self.decision)

    def changelog_unit_id(self) -> int | None:
        return self.conference.unit_id


class ConferenceFile(ScopedModel):
    """A document adopted or presented at a conference (the report, the resolution, the programme)."""

    conference = models.ForeignKey(Conference, on_delete=models.CASCADE, related_name="files")
    file = models.FileField("tệp", upload_to=RandomName("events"), max_length=300)
    original_name = models.CharField("tên tệp", max_length=255, blank=True)
    caption = models.CharField("tên văn bản", max_length=300, blank=True)
    uploaded_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    uploaded_at = models.DateTimeField(auto_now_add=True)

    scope_path = "conference__unit__path"
    changelog_parents = ("conference",)

    class Meta:
        verbose_name = "tệp văn bản hội nghị"
        verbose_name_plural = "tệp văn bản hội nghị"
        ordering = ["uploaded_at", "id"]

    def __str__(self) -> str:
        return self.caption or self.original_name or self.file.name.rsplit("/", 1)[-1]

    def changelog_unit_id(self) -> int | None:
        return self.conference.unit_id
