"""Grassroots democracy (Luật Thực hiện dân chủ ở cơ sở 10/2022/QH15; before 1/7/2023 Pháp lệnh 34/2007 in
communes, Nghị định 04/2015 in agencies, Nghị định 149/2018 and 145/2020 in enterprises).

A `DemocracyYear` is one unit's year: a commune (its Party committee stands for it), an agency or an
enterprise. It holds the checklist of what had to be made public that year (`Disclosure`, one row per
`DisclosureItem` valid in the year for its kind of place, created with the record), the matters the
people discussed and decided (`Matter`), the People's Inspection Board and the Community Investment
Supervision Board (`Board`), the village charters (`Charter`), the workplace dialogues
(`WorkplaceDialogue`) and the steering committee's yearly review. Every part is scoped through its
record's unit.
"""

from __future__ import annotations

from django.db import models
from django.urls import reverse

from danvan.core.models import ConfigItem, ScopedModel
from danvan.core.uploads import RandomName
from danvan.democracy.choices import (
    BoardKind,
    CharterKind,
    CharterState,
    DialogueKind,
    MatterMethod,
    PlaceKind,
)


class DisclosureItem(ConfigItem):
    """A content the law says must be made public, for one kind of place, valid while that law was."""

    place_kind = models.CharField("áp dụng cho", max_length=12, choices=PlaceKind.choices)
    basis = models.CharField("văn bản quy định", max_length=200)

    class Meta(ConfigItem.Meta):
        verbose_name = "nội dung phải công khai"
        verbose_name_plural = "nội dung phải công khai"
        ordering = ["place_kind", "order", "name"]


class DisclosureMethod(ConfigItem):
    """A way of making things public: niêm yết, hệ thống truyền thanh, hội nghị, trang thông tin điện tử..."""

    class Meta(ConfigItem.Meta):
        verbose_name = "hình thức công khai"
        verbose_name_plural = "hình thức công khai"


class DemocracyYear(ScopedModel):
    """One unit's year of grassroots democracy, with the steering committee's yearly review."""

    unit = models.ForeignKey(
        "org.Unit", verbose_name="đơn vị", on_delete=models.PROTECT, related_name="democracy_years"
    )
    year = models.PositiveSmallIntegerField("năm")
    place_kind = models.CharField("loại hình", max_length=12, choices=PlaceKind.choices)
    review_on = models.DateField("ngày tổng kết", null=True, blank=True)
    review_number = models.CharField("số báo cáo tổng kết", max_length=60, blank=True)
    review_result = models.TextField("kết quả tổng kết", blank=True)
    review_file = models.FileField(
        "tệp báo cáo tổng kết", upload_to=RandomName("democracy"), max_length=300, blank=True
    )
    review_file_name = models.CharField("tên tệp báo cáo tổng kết", max_length=255, blank=True)
    notes = models.TextField("ghi chú", blank=True)
    version = models.PositiveIntegerField(default=1)

    changelog_exclude = ("version", "review_file")

    class Meta:
        verbose_name = "thực hiện dân chủ ở cơ sở"
        verbose_name_plural = "thực hiện dân chủ ở cơ sở"
        ordering = ["-year", "unit__path", "id"]
        constraints = [models.UniqueConstraint(fields=["unit", "year"], name="democracy_year_unit_unique")]
        indexes = [models.Index(fields=["year", "place_kind"], name="democracy_year_kind_idx")]

    def __str__(self) -> str:
        return f"{self.unit.name} – năm {self.year}"

    def get_absolute_url(self) -> str:
        return reverse("democracy:year-detail", args=[self.pk])


class RecordPart(ScopedModel):
    """A part of a unit's year: scoped, logged and shown through its record."""

    scope_path = "record__unit__path"

    class Meta:
        abstract = True

    def changelog_unit_id(self) -> int | None:
        return self.record.unit_id


class Disclosure(RecordPart):
    """One line of the year's checklist: whether the item was made public, how and when."""

    record = models.ForeignKey(
        DemocracyYear, verbose_name="hồ sơ", on_delete=models.CASCADE, related_name="disclosures"
    )
    item = models.ForeignKey(
        DisclosureItem, verbose_name="nội dung công khai", on_delete=models.PROTECT, related_name="+"
    )
    done = models.BooleanField("đã công khai", default=False)
    methods = models.ManyToManyField(DisclosureMethod, verbose_name="hình thức", blank=True, related_name="+")
    # The methods' names, kept by the service beside the many-to-many so the history reads them as words.
    methods_label = models.CharField("hình thức công khai", max_length=400, blank=True)
    disclosed_on = models.DateField("ngày công khai", null=True, blank=True)
    changelog_parents = ("record",)

    class Meta:
        verbose_name = "nội dung công khai"
        verbose_name_plural = "nội dung công khai"
        ordering = ["record", "item__order", "id"]
        constraints = [models.UniqueConstraint(fields=["record", "item"], name="democracy_disclosure_unique")]

    def __str__(self) -> str:
        return self.item.name


class Matter(RecordPart):
    """A matter the people discussed and decided (Nhân dân bàn và quyết định): decided when more than half
    of the households agree; no count yet means the ballot is still open."""

    record = models.ForeignKey(DemocracyYear, verbose_name="hồ sơ", on_delete=models.CASCADE, related_name="matters")
    content = models.TextField("nội dung")
    place = models.CharField("thôn, ấp, khu phố", max_length=200, blank=True)
    method = models.CharField("hình thức", max_length=10, choices=MatterMethod.choices)
    held_on = models.DateField("ngày lấy ý kiến")
    households = models.PositiveIntegerField("tổng số hộ gia đình")
    agreeing = models.PositiveIntegerField("số hộ đồng ý", null=True, blank=True)
    version = models.PositiveIntegerField(default=1)

    changelog_exclude = ("version",)
    changelog_parents = ("record",)

    class Meta:
        verbose_name = "nội dung nhân dân bàn và quyết định"
        verbose_name_plural = "nội dung nhân dân bàn và quyết định"
        ordering = ["record", "held_on", "id"]
        indexes = [models.Index(fields=["record", "held_on"], name="democracy_matter_idx")]

    def __str__(self) -> str:
        text = " ".join(self.content.split())
        return text if len(text) <= 90 else text[:89] + "…"

    @property
    def decided(self) -> bool | None:
        """True when more than half of the households agreed; None while not counted."""
        if self.agreeing is None or not self.households:
            return None
        return self.agreeing * 2 > self.households


class Board(RecordPart):
    """The People's Inspection Board or the Community Investment Supervision Board of a unit, in a year."""

    record = models.ForeignKey(DemocracyYear, verbose_name="hồ sơ", on_delete=models.CASCADE, related_name="boards")
    kind = models.CharField("ban", max_length=12, choices=BoardKind.choices)
    members = models.PositiveIntegerField("số thành viên")
    meetings = models.PositiveIntegerField("số cuộc họp, giám sát", default=0)
    recommendations = models.PositiveIntegerField("số kiến nghị", default=0)
    resolved = models.PositiveIntegerField("số kiến nghị được giải quyết", default=0)
    version = models.PositiveIntegerField(default=1)

    changelog_exclude = ("version",)
    changelog_parents = ("record",)

    class Meta:
        verbose_name = "ban thanh tra, giám sát"
        verbose_name_plural = "ban thanh tra nhân dân, ban giám sát đầu tư của cộng đồng"
        ordering = ["record", "kind", "id"]
        constraints = [models.UniqueConstraint(fields=["record", "kind"], name="democracy_board_unique")]

    def __str__(self) -> str:
        return self.get_kind_display()


class Charter(RecordPart):
    """A village's hương ước or quy ước: drafted, approved by decision, or revised (a new decision)."""

    record = models.ForeignKey(DemocracyYear, verbose_name="hồ sơ", on_delete=models.CASCADE, related_name="charters")
    kind = models.CharField("loại", max_length=10, choices=CharterKind.choices, default=CharterKind.CUSTOM)
    village = models.CharField("thôn, ấp, khu phố", max_length=200)
    state = models.CharField("tình trạng", max_length=10, choices=CharterState.choices)
    decided_on = models.DateField("ngày quyết định công nhận", null=True, blank=True)
    decision_number = models.CharField("số quyết định", max_length=60, blank=True)
    version = models.PositiveIntegerField(default=1)

    changelog_exclude = ("version",)
    changelog_parents = ("record",)

    class Meta:
        verbose_name = "hương ước, quy ước"
        verbose_name_plural = "hương ước, quy ước"
        ordering = ["record", "village", "id"]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.village}"


class WorkplaceDialogue(RecordPart):
    """A dialogue at the workplace of an agency or enterprise: the issues raised and those resolved."""

    record = models.ForeignKey(DemocracyYear, verbose_name="hồ sơ", on_delete=models.CASCADE, related_name="dialogues")
    held_on = models.DateField("ngày đối thoại")
    kind = models.CharField("hình thức", max_length=10, choices=DialogueKind.choices, default=DialogueKind.PERIODIC)
    participants = models.PositiveIntegerField("số người tham dự")
    issues = models.PositiveIntegerField("số ý kiến, kiến nghị", default=0)
    resolved = models.PositiveIntegerField("số ý kiến được giải quyết", default=0)
    content = models.TextField("nội dung chính", blank=True)
    version = models.PositiveIntegerField(default=1)

    changelog_exclude = ("version",)
    changelog_parents = ("record",)

    class Meta:
        verbose_name = "đối thoại tại nơi làm việc"
        verbose_name_plural = "đối thoại tại nơi làm việc"
        ordering = ["record", "held_on", "id"]

    def __str__(self) -> str:
        return f"Đối thoại ngày {self.held_on:%d/%m/%Y}"
