"""The people's situation and public opinion: items noted by a unit, their sources and what became of them.

An item belongs to the unit that recorded it (its scope) and happened in a place (a commune, ward or
the unit itself). When the same matter is reported several times, the duplicates are merged into one
case: they keep their own sources and dates and point to the case with `case`; lists and figures
count cases only (`OpinionItem.objects.cases()`).
"""

from __future__ import annotations

import datetime as dt

from django.conf import settings
from django.db import models
from django.db.models import Case, Q, Value, When
from django.urls import reverse

from danvan.core.models import ConfigItem, ScopedModel, ScopedQuerySet
from danvan.core.uploads import RandomName
from danvan.core.vn import fold
from danvan.opinion.choices import (
    CaseType,
    HostRole,
    Intensity,
    Platform,
    ReceptionKind,
    ReceptionStatus,
    Source,
    State,
    Tendency,
)


class Topic(ConfigItem):
    """Lĩnh vực of an item (đất đai, y tế, an ninh trật tự...)."""

    class Meta(ConfigItem.Meta):
        verbose_name = "lĩnh vực dư luận"
        verbose_name_plural = "lĩnh vực dư luận"


class Collaborator(ScopedModel):
    """A public-opinion collaborator ("cộng tác viên dư luận xã hội") on a unit's register."""

    unit = models.ForeignKey(
        "org.Unit", verbose_name="đơn vị quản lý", on_delete=models.PROTECT, related_name="opinion_collaborators"
    )
    name = models.CharField("họ và tên", max_length=120)
    position = models.CharField("chức vụ, nơi công tác", max_length=200, blank=True)
    topic = models.ForeignKey(
        Topic, verbose_name="lĩnh vực theo dõi", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    term_start = models.DateField("nhiệm kỳ từ ngày")
    term_end = models.DateField("đến ngày", null=True, blank=True)
    version = models.PositiveIntegerField(default=1)

    changelog_exclude = ("version",)

    class Meta:
        verbose_name = "cộng tác viên dư luận xã hội"
        verbose_name_plural = "cộng tác viên dư luận xã hội"
        ordering = ["unit__path", "name", "id"]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("opinion:collaborator-detail", args=[self.pk])

    def serves_on(self, day: dt.date) -> bool:
        return self.term_start <= day and (self.term_end is None or day <= self.term_end)


class ItemQuerySet(ScopedQuerySet):
    def cases(self) -> ItemQuerySet:
        """Items that stand for themselves: not merged into another case."""
        return self.filter(case__isnull=True)

    def with_overdue(self, day: dt.date) -> ItemQuerySet:
        """`overdue`: forwarded and still unanswered after the answer's deadline (shown in red)."""
        late = Q(state=State.FORWARDED, answer_due__lt=day)
        return self.annotate(
            overdue=Case(When(late, then=Value(True)), default=Value(False), output_field=models.BooleanField())
        )

    def overdue(self, day: dt.date) -> ItemQuerySet:
        return self.filter(state=State.FORWARDED, answer_due__lt=day)


class OpinionItem(ScopedModel):
    """One matter of the people's opinion, from its source to the answer of the body it was sent to."""

    unit = models.ForeignKey(
        "org.Unit", verbose_name="đơn vị nắm tình hình", on_delete=models.PROTECT, related_name="opinion_items"
    )
    place = models.ForeignKey(
        "org.Unit", verbose_name="địa bàn", on_delete=models.PROTECT, related_name="opinion_items_here"
    )
    noted_on = models.DateField("ngày ghi nhận")
    topic = models.ForeignKey(Topic, verbose_name="lĩnh vực", on_delete=models.PROTECT, related_name="items")
    summary = models.TextField("nội dung")
    source = models.CharField("nguồn", max_length=16, choices=Source.choices)
    collaborator = models.ForeignKey(
        Collaborator,
        verbose_name="cộng tác viên",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="items",
    )
    source_detail = models.CharField(
        "chi tiết nguồn", max_length=300, blank=True, help_text="Mạng lưới, tổ chức, tên báo, người phản ánh..."
    )
    platform = models.CharField("nền tảng", max_length=12, choices=Platform.choices, blank=True)
    link = models.URLField("đường dẫn", max_length=500, blank=True)
    reach = models.PositiveIntegerField("lượt tiếp cận, tương tác", null=True, blank=True)
    tendency = models.CharField("chiều hướng", max_length=10, choices=Tendency.choices)
    intensity = models.CharField("mức độ", max_length=8, choices=Intensity.choices, default=Intensity.LOW)
    hot_spot = models.BooleanField("điểm nóng, vụ việc phức tạp", default=False)
    people_involved = models.PositiveIntegerField("số người liên quan", null=True, blank=True)
    proposal = models.TextField("đề xuất, kiến nghị", blank=True)
    forwarded_to = models.CharField("cơ quan được chuyển đến", max_length=300, blank=True)
    forwarded_on = models.DateField("ngày chuyển", null=True, blank=True)
    answer_due = models.DateField("hạn trả lời", null=True, blank=True)
    answer = models.TextField("nội dung trả lời", blank=True)
    answered_on = models.DateField("ngày trả lời", null=True, blank=True)
    state = models.CharField("tình trạng", max_length=10, choices=State.choices, default=State.NEW)
    case = models.ForeignKey(
        "self",
        verbose_name="gộp vào vụ việc",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="merged",
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+", verbose_name="người ghi"
    )
    created_at = models.DateTimeField("ngày tạo", auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    version = models.PositiveIntegerField(default=1)
    search_text = models.TextField(editable=False, default="")

    changelog_exclude = ("search_text", "created_at", "updated_at", "version")
    objects = models.Manager.from_queryset(ItemQuerySet)()

    class Meta:
        verbose_name = "thông tin dư luận"
        verbose_name_plural = "thông tin dư luận"
        ordering = ["-noted_on", "-id"]
        indexes = [
            models.Index(fields=["unit", "-noted_on"], name="opinion_unit_date_idx"),
            models.Index(fields=["noted_on"], name="opinion_date_idx"),
            models.Index(fields=["state", "answer_due"], name="opinion_state_due_idx"),
            models.Index(fields=["forwarded_on"], name="opinion_forwarded_idx"),
            models.Index(fields=["answered_on"], name="opinion_answered_idx"),
        ]

    def __str__(self) -> str:
        text = " ".join(self.summary.split())
        return text if len(text) <= 90 else text[:89] + "…"

    def get_absolute_url(self) -> str:
        return reverse("opinion:item-detail", args=[self.pk])

    def compute_search_text(self) -> str:
        """Every searchable text, folded (no diacritics, đ = d); bulk writes call it too."""
        parts = (self.summary, self.source_detail, self.proposal, self.forwarded_to, self.answer)
        return fold(" ".join(p for p in parts if p))

    def save(self, *args, **kwargs):
        self.search_text = self.compute_search_text()
        super().save(*args, **kwargs)

    def is_overdue(self, day: dt.date) -> bool:
        return self.state == State.FORWARDED and self.answer_due is not None and self.answer_due < day


class ItemFile(ScopedModel):
    """Evidence of an item: a screenshot of a post, a petition, a photo."""

    item = models.ForeignKey(OpinionItem, on_delete=models.CASCADE, related_name="files")
    file = models.FileField("tệp", upload_to=RandomName("opinion"), max_length=300)
    original_name = models.CharField("tên tệp", max_length=255, blank=True)
    caption = models.CharField("chú thích", max_length=300, blank=True)
    uploaded_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    uploaded_at = models.DateTimeField(auto_now_add=True)

    scope_path = "item__unit__path"

    class Meta:
        verbose_name = "tệp minh chứng"
        verbose_name_plural = "tệp minh chứng"
        ordering = ["uploaded_at", "id"]

    def __str__(self) -> str:
        return self.caption or self.original_name or self.file.name.rsplit("/", 1)[-1]

    def changelog_unit_id(self) -> int | None:
        return self.item.unit_id


# --- Citizen reception and dialogues ---------------------------------------------------------------


class Reception(ScopedModel):
    """A citizen-reception day of a Party committee's head (Quy định 11-QĐi/TW): on the schedule, then
    held (it counts towards the monthly minimum) or cancelled."""

    unit = models.ForeignKey(
        "org.Unit", verbose_name="cấp ủy, đơn vị", on_delete=models.PROTECT, related_name="receptions"
    )
    day = models.DateField("ngày tiếp")
    leader = models.CharField("người chủ trì tiếp", max_length=200, help_text="Họ tên, chức vụ")
    kind = models.CharField("hình thức", max_length=12, choices=ReceptionKind.choices, default=ReceptionKind.REGULAR)
    status = models.CharField(
        "tình trạng", max_length=10, choices=ReceptionStatus.choices, default=ReceptionStatus.PLANNED
    )
    place = models.CharField("địa điểm", max_length=300, blank=True)
    notes = models.TextField("ghi chú", blank=True)
    version = models.PositiveIntegerField(default=1)

    changelog_exclude = ("version",)

    class Meta:
        verbose_name = "buổi tiếp công dân"
        verbose_name_plural = "tiếp công dân"
        ordering = ["-day", "-id"]
        indexes = [models.Index(fields=["unit", "day"], name="reception_unit_day_idx")]

    def __str__(self) -> str:
        return f"Tiếp công dân ngày {self.day:%d/%m/%Y}"

    def get_absolute_url(self) -> str:
        return reverse("opinion:reception-detail", args=[self.pk])


class ReceptionCase(ScopedModel):
    """A matter heard at a reception: who brought it, what kind, who must settle it, by when, the result."""

    reception = models.ForeignKey(Reception, on_delete=models.CASCADE, related_name="cases")
    petitioner = models.CharField("người đến", max_length=200, help_text="Họ tên người đại diện, nơi cư trú")
    case_type = models.CharField("loại đơn, việc", max_length=14, choices=CaseType.choices)
    people = models.PositiveIntegerField("số người", default=1)
    content = models.TextField("nội dung")
    assigned_to = models.CharField("giao cho", max_length=300, blank=True)
    deadline = models.DateField("hạn giải quyết", null=True, blank=True)
    result = models.TextField("kết quả giải quyết", blank=True)
    settled_on = models.DateField("ngày có kết quả", null=True, blank=True)

    scope_path = "reception__unit__path"

    class Meta:
        verbose_name = "vụ việc tiếp nhận khi tiếp công dân"
        verbose_name_plural = "vụ việc tiếp nhận khi tiếp công dân"
        ordering = ["reception", "id"]

    def __str__(self) -> str:
        return f"{self.get_case_type_display()}: {self.petitioner}"

    def changelog_unit_id(self) -> int | None:
        return self.reception.unit_id

    def is_overdue(self, day: dt.date) -> bool:
        return self.settled_on is None and self.deadline is not None and self.deadline < day


class Dialogue(ScopedModel):
    """A dialogue conference between the Party committee head or the commune chair and the people."""

    unit = models.ForeignKey(
        "org.Unit", verbose_name="cấp ủy, chính quyền", on_delete=models.PROTECT, related_name="dialogues"
    )
    day = models.DateField("ngày đối thoại")
    host_role = models.CharField("người chủ trì", max_length=10, choices=HostRole.choices)
    hosts = models.CharField("họ tên người chủ trì", max_length=300)
    topic = models.CharField("chủ đề", max_length=500)
    place = models.CharField("địa điểm", max_length=300, blank=True)
    notice_on = models.DateField("ngày thông báo", null=True, blank=True)
    participants = models.PositiveIntegerField("số người dân tham dự", null=True, blank=True)
    published_on = models.DateField("ngày công khai kết quả", null=True, blank=True)
    publication = models.CharField(
        "hình thức công khai", max_length=300, blank=True, help_text="Niêm yết tại trụ sở, loa truyền thanh..."
    )
    version = models.PositiveIntegerField(default=1)

    changelog_exclude = ("version",)

    class Meta:
        verbose_name = "hội nghị đối thoại"
        verbose_name_plural = "đối thoại với nhân dân"
        ordering = ["-day", "-id"]
        indexes = [models.Index(fields=["unit", "day"], name="dialogue_unit_day_idx")]

    def __str__(self) -> str:
        return f"Đối thoại ngày {self.day:%d/%m/%Y}: {self.topic}"

    def get_absolute_url(self) -> str:
        return reverse("opinion:dialogue-detail", args=[self.pk])

    @property
    def notice_days(self) -> int | None:
        return (self.day - self.notice_on).days if self.notice_on else None


class DialogueIssue(ScopedModel):
    """A matter raised by the people at a dialogue, and the answer given there."""

    dialogue = models.ForeignKey(Dialogue, on_delete=models.CASCADE, related_name="issues")
    raised_by = models.CharField("người nêu", max_length=200, blank=True)
    content = models.TextField("ý kiến, kiến nghị")
    answer = models.TextField("trả lời tại hội nghị", blank=True)

    scope_path = "dialogue__unit__path"

    class Meta:
        verbose_name = "ý kiến tại hội nghị đối thoại"
        verbose_name_plural = "ý kiến tại hội nghị đối thoại"
        ordering = ["dialogue", "id"]

    def __str__(self) -> str:
        return self.content[:90]

    def changelog_unit_id(self) -> int | None:
        return self.dialogue.unit_id


class Commitment(ScopedModel):
    """What the hosts promised at a dialogue: the body responsible, a deadline, followed until done."""

    dialogue = models.ForeignKey(Dialogue, on_delete=models.CASCADE, related_name="commitments")
    content = models.TextField("nội dung cam kết")
    responsible = models.CharField("cơ quan chịu trách nhiệm", max_length=300)
    deadline = models.DateField("hạn thực hiện")
    done_on = models.DateField("ngày hoàn thành", null=True, blank=True)
    result = models.TextField("kết quả thực hiện", blank=True)

    scope_path = "dialogue__unit__path"

    class Meta:
        verbose_name = "cam kết tại hội nghị đối thoại"
        verbose_name_plural = "cam kết tại hội nghị đối thoại"
        ordering = ["deadline", "id"]
        indexes = [models.Index(fields=["done_on", "deadline"], name="commitment_open_idx")]

    def __str__(self) -> str:
        return self.content[:90]

    def changelog_unit_id(self) -> int | None:
        return self.dialogue.unit_id

    def is_overdue(self, day: dt.date) -> bool:
        return self.done_on is None and self.deadline < day
