"""Organization units through time, their lineage, and who holds which role where."""

from __future__ import annotations

from django.conf import settings
from django.db import models, transaction
from django.db.models import F, Value
from django.db.models.functions import Concat, Substr

from danvan.core import scoping
from danvan.core.models import (
    ConfigItem,
    ScopedManager,
    ScopedModel,
    ScopedQuerySet,
    TrackedModel,
    ValidityPeriod,
    ValidityQuerySet,
)
from danvan.core.vn import fold, fold_key
from danvan.org.choices import LineageKind, Role, Tier


class Bloc(ConfigItem):
    """Khối: Đảng · Chính quyền · MTTQ và đoàn thể · Lực lượng vũ trang."""

    class Meta(ConfigItem.Meta):
        verbose_name = "khối"
        verbose_name_plural = "khối"


class UnitKind(ConfigItem):
    """Loại đơn vị (Tỉnh ủy, Huyện ủy, Đảng ủy xã...)."""

    tier = models.CharField("cấp", max_length=10, choices=Tier.choices, default=Tier.OTHER)
    default_bloc = models.ForeignKey(
        Bloc, verbose_name="khối mặc định", null=True, blank=True, on_delete=models.PROTECT
    )

    class Meta(ConfigItem.Meta):
        verbose_name = "loại đơn vị"
        verbose_name_plural = "loại đơn vị"


NAME_KEY_LENGTH = 255


def unit_name_key(text: object) -> str:
    """What a unit is found by when a file names it: its name without case, diacritics or punctuation
    ("Đảng uỷ xã Long Thuận", "ĐẢNG ỦY XÃ LONG THUẬN" -> "dang uy xa long thuan")."""
    return fold_key(text)[:NAME_KEY_LENGTH]


class UnitQuerySet(ValidityQuerySet, ScopedQuerySet):
    def subtree(self, unit: Unit) -> UnitQuerySet:
        return self.filter(scoping.subtree_q("path", unit.path))

    def with_parent_name(self) -> UnitQuerySet:
        return self.select_related("kind", "parent", "bloc")


class Unit(ValidityPeriod, ScopedModel):
    """An organization unit, valid for a period, placed in a tree by a materialized path."""

    code = models.CharField("mã đơn vị", max_length=40, unique=True)
    name = models.CharField("tên đơn vị", max_length=255)
    short_name = models.CharField("tên ngắn", max_length=120, blank=True)
    kind = models.ForeignKey(UnitKind, verbose_name="loại", on_delete=models.PROTECT)
    bloc = models.ForeignKey(Bloc, verbose_name="khối", null=True, blank=True, on_delete=models.PROTECT)
    parent = models.ForeignKey(
        "self",
        verbose_name="đơn vị cấp trên",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="children",
    )
    # Fixed-width digit segments of the ancestors' and own ids: a subtree is one range filter.
    path = models.CharField(max_length=255, db_index=True, editable=False, default="")
    depth = models.PositiveSmallIntegerField(default=0, editable=False)
    search_text = models.CharField(max_length=600, editable=False, default="")
    # unit_name_key of the name and of the short name: imports find units by them (org.resolver).
    name_key = models.CharField(max_length=NAME_KEY_LENGTH, editable=False, default="")
    short_name_key = models.CharField(max_length=NAME_KEY_LENGTH, editable=False, default="")

    scope_path = "path"
    # Derived from the name; set by set_search_keys() (list them in a bulk_update that changes names).
    SEARCH_FIELDS = ("search_text", "name_key", "short_name_key")
    changelog_exclude = ("path", "depth", *SEARCH_FIELDS)
    objects = models.Manager.from_queryset(UnitQuerySet)()

    class Meta:
        verbose_name = "đơn vị"
        verbose_name_plural = "đơn vị"
        ordering = ["path"]
        indexes = [
            models.Index(fields=["parent", "name"], name="unit_parent_idx"),
            models.Index(fields=["valid_from", "valid_until"], name="unit_validity_idx"),
            models.Index(fields=["name_key"], name="unit_name_key_idx"),
            models.Index(fields=["short_name_key"], name="unit_short_name_key_idx"),
        ]

    def __str__(self) -> str:
        return self.name

    def changelog_unit_id(self) -> int | None:
        return self.pk

    def changelog_unit_id_after_delete(self) -> int | None:
        return self.parent_id  # the unit itself is gone; its parent's people keep the record

    def get_absolute_url(self) -> str:
        from django.urls import reverse

        return reverse("org:unit-detail", args=[self.pk])

    def compute_search_text(self) -> str:
        return fold(" ".join(filter(None, [self.code, self.name, self.short_name])))

    def set_search_keys(self) -> None:
        """The fields derived from the code and names (SEARCH_FIELDS), as save() sets them."""
        self.search_text = self.compute_search_text()
        self.name_key = unit_name_key(self.name)
        self.short_name_key = unit_name_key(self.short_name)

    def save(self, *args, **kwargs):
        self.set_search_keys()
        with transaction.atomic():
            if self.pk and self.parent_id and self.parent.path.startswith(self.path or "-"):
                raise ValueError(f"Không thể đặt {self} trực thuộc đơn vị cấp dưới của chính nó.")
            super().save(*args, **kwargs)
            self._place_in_tree()

    def _place_in_tree(self) -> None:
        """Set the path after the id is known; a re-parented unit carries its subtree along."""
        parent_path = self.parent.path if self.parent_id else ""
        new_path = parent_path + scoping.path_segment(self.pk)
        if new_path == self.path:
            return
        new_depth = len(new_path) // scoping.SEGMENT_WIDTH - 1
        old_path = self.path
        if old_path:
            Unit.objects.filter(scoping.subtree_q("path", old_path)).update(
                path=Concat(Value(new_path), Substr("path", len(old_path) + 1)),
                depth=F("depth") + (new_depth - self.depth),
            )
        else:
            Unit.objects.filter(pk=self.pk).update(path=new_path, depth=new_depth)
        self.path, self.depth = new_path, new_depth

    def ancestors(self) -> models.QuerySet[Unit]:
        seg = scoping.SEGMENT_WIDTH
        prefixes = [self.path[: i * seg] for i in range(1, len(self.path) // seg)]
        return Unit.objects.filter(path__in=prefixes).order_by("path")

    def descendants(self, include_self: bool = False) -> UnitQuerySet:
        qs = Unit.objects.subtree(self)
        return qs if include_self else qs.exclude(pk=self.pk)

    def is_ancestor_of(self, other: Unit) -> bool:
        return other.path.startswith(self.path) and other.pk != self.pk


class LineageEvent(TrackedModel):
    """A merge, split, rename, end or re-parenting on a date, with its legal basis."""

    kind = models.CharField("loại sự kiện", max_length=12, choices=LineageKind.choices)
    date = models.DateField("ngày hiệu lực")
    legal_basis = models.CharField("căn cứ pháp lý", max_length=300, blank=True)
    note = models.TextField("ghi chú", blank=True)
    predecessors = models.ManyToManyField(
        Unit, verbose_name="đơn vị trước", related_name="successor_events", blank=True
    )
    successors = models.ManyToManyField(Unit, verbose_name="đơn vị sau", related_name="predecessor_events", blank=True)

    class Meta:
        verbose_name = "sự kiện thay đổi đơn vị"
        verbose_name_plural = "sự kiện thay đổi đơn vị"
        ordering = ["date", "id"]
        indexes = [models.Index(fields=["date"], name="lineage_date_idx")]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} ({self.date:%d/%m/%Y})"


class RoleAssignment(TrackedModel):
    """A user's role on a unit; it covers the unit's whole subtree."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="người dùng",
        on_delete=models.CASCADE,
        related_name="role_assignments",
    )
    unit = models.ForeignKey(Unit, verbose_name="đơn vị", on_delete=models.PROTECT, related_name="role_assignments")
    role = models.CharField("vai trò", max_length=10, choices=Role.choices)
    position = models.CharField("chức vụ", max_length=200, blank=True)

    scope_path = "unit__path"
    objects = ScopedManager()

    class Meta:
        verbose_name = "phân quyền"
        verbose_name_plural = "phân quyền"
        constraints = [models.UniqueConstraint(fields=["user", "unit", "role"], name="role_assignment_unique")]

    def __str__(self) -> str:
        return f"{self.user} – {self.get_role_display()} – {self.unit}"
