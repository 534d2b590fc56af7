"""Shared model machinery: scoped querysets, validity periods, tracked changes, the change log."""

from __future__ import annotations

import datetime as dt

from django.conf import settings
from django.contrib.auth.models import AbstractUser
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ObjectDoesNotExist
from django.db import models
from django.db.models import Q
from django.utils import timezone

from danvan.core import scoping
from danvan.core.jobs.models import Job  # noqa: F401 - model registration
from danvan.core.numbering import Counter  # noqa: F401 - model registration
from danvan.core.tokens import ApiToken  # noqa: F401 - model registration


class User(AbstractUser):
    """A person who logs in; what they may do comes from role assignments on units."""

    class Meta(AbstractUser.Meta):
        swappable = "AUTH_USER_MODEL"
        verbose_name = "người dùng"
        verbose_name_plural = "người dùng"

    def get_full_name(self) -> str:
        # Vietnamese order: family and middle names, then the given name ("Lê Thị Mai").
        return f"{self.last_name} {self.first_name}".strip()

    def get_short_name(self) -> str:
        return self.first_name


class ScopedQuerySet(models.QuerySet):
    """Every read of domain data goes through `restrict(user, action)`."""

    def restrict(self, user, action: str = scoping.VIEW) -> ScopedQuerySet:
        return self.filter(scoping.scope_q(self.model.scope_path, user, action))


class ScopedManager(models.Manager.from_queryset(ScopedQuerySet)):
    pass


class TrackedModel(models.Model):
    """A model whose creates, changes and deletes are written to the change log.

    The values loaded from the database are kept (cheaply, unserialized) so a save can
    record before/after without querying again.
    """

    changelog_exclude: tuple[str, ...] = ()
    # The foreign keys to the record this one is a part of, first one set wins: the part's changes are shown
    # in that record's history through an indexed column, not a search of every entry's JSON values.
    changelog_parents: tuple[str, ...] = ()

    class Meta:
        abstract = True

    @classmethod
    def from_db(cls, db, field_names, values):
        instance = super().from_db(db, field_names, values)
        instance._loaded_values = dict(zip(field_names, values, strict=True))
        return instance

    def changelog_unit_id(self) -> int | None:
        """The unit whose scope governs who may read this record's history."""
        return getattr(self, "unit_id", None)

    def changelog_unit_id_after_delete(self) -> int | None:
        return self.changelog_unit_id()

    def changelog_parent(self, before: dict | None = None) -> tuple[type[models.Model], int] | None:
        """The record this one is a part of (its model and id), or None."""
        fields = [self._meta.get_field(name) for name in self.changelog_parents]
        return parent_of(fields, {f.attname: getattr(self, f.attname) for f in fields}, before or {})


def parent_of(fields: list, now: dict, before: dict) -> tuple[type[models.Model], int] | None:
    """The first of the parent keys `fields` set in `now`; but a part taken out of a record (its key none
    now, set in `before`) stays in that record's history."""
    taken_out = [(f, before.get(f.attname)) for f in fields if now.get(f.attname) is None]
    for field, value in (*taken_out, *((f, now.get(f.attname)) for f in fields)):
        if value is not None:
            return field.related_model, value
    return None


class ScopedModel(TrackedModel):
    """A domain record that belongs to a unit; `scope_path` reaches the unit's path."""

    scope_path = "unit__path"
    objects = ScopedManager()

    class Meta:
        abstract = True


class ValidityQuerySet(models.QuerySet):
    def valid_on(self, day: dt.date) -> ValidityQuerySet:
        return self.filter(valid_on_q(day))

    def valid_during(self, start: dt.date | None, end: dt.date | None) -> ValidityQuerySet:
        """Rows whose validity overlaps [start, end] (None = open)."""
        q = Q()
        if end is not None:
            q &= Q(valid_from__isnull=True) | Q(valid_from__lte=end)
        if start is not None:
            q &= Q(valid_until__isnull=True) | Q(valid_until__gte=start)
        return self.filter(q)


def valid_on_q(day: dt.date, prefix: str = "") -> Q:
    return (Q(**{f"{prefix}valid_from__isnull": True}) | Q(**{f"{prefix}valid_from__lte": day})) & (
        Q(**{f"{prefix}valid_until__isnull": True}) | Q(**{f"{prefix}valid_until__gte": day})
    )


class ValidityPeriod(models.Model):
    """A validity period: valid from/until, both inclusive, either open."""

    valid_from = models.DateField("hiệu lực từ", null=True, blank=True)
    valid_until = models.DateField("hiệu lực đến", null=True, blank=True)

    class Meta:
        abstract = True

    def clean(self):
        super().clean()
        if self.valid_from and self.valid_until and self.valid_until < self.valid_from:
            from django.core.exceptions import ValidationError

            from danvan.core.vn import text_date

            message = (
                f"Ngày hết hiệu lực ({text_date(self.valid_until)}) trước ngày bắt đầu hiệu lực "
                f"({text_date(self.valid_from)})"
            )
            raise ValidationError({"valid_until": message})

    def is_valid_on(self, day: dt.date) -> bool:
        return (self.valid_from is None or self.valid_from <= day) and (
            self.valid_until is None or day <= self.valid_until
        )

    def overlaps(self, start: dt.date | None, end: dt.date | None) -> bool:
        return (end is None or self.valid_from is None or self.valid_from <= end) and (
            start is None or self.valid_until is None or start <= self.valid_until
        )

    @property
    def period_label(self) -> str:
        from danvan.core.vn import text_date

        if self.valid_from and self.valid_until:
            return f"Từ {text_date(self.valid_from)} đến {text_date(self.valid_until)}"
        if self.valid_from:
            return f"Từ {text_date(self.valid_from)}"
        if self.valid_until:
            return f"Đến {text_date(self.valid_until)}"
        return "Không thời hạn"


class ConfigItem(ValidityPeriod, TrackedModel):
    """A configurable lookup (fields, levels, blocs, kinds...) with a validity period."""

    code = models.SlugField("mã", max_length=40, unique=True)
    name = models.CharField("tên", max_length=200)
    order = models.PositiveSmallIntegerField("thứ tự", default=0)

    objects = models.Manager.from_queryset(ValidityQuerySet)()

    class Meta:
        abstract = True
        ordering = ["order", "name"]

    def __str__(self) -> str:
        return self.name


class ChangeLogEntry(models.Model):
    """One create, change or delete of a tracked record: who, when, before and after."""

    class Action(models.TextChoices):
        CREATE = "create", "Tạo mới"
        UPDATE = "update", "Cập nhật"
        DELETE = "delete", "Xóa"

    timestamp = models.DateTimeField("thời điểm", default=timezone.now)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name="người thực hiện", null=True, on_delete=models.SET_NULL
    )
    actor_name = models.CharField("tên người thực hiện", max_length=150, blank=True)
    request_id = models.CharField(max_length=64, blank=True)
    source = models.CharField("nguồn", max_length=20, blank=True)
    content_type = models.ForeignKey(ContentType, on_delete=models.CASCADE)
    object_id = models.CharField(max_length=64)
    object_repr = models.CharField("đối tượng", max_length=300)
    unit = models.ForeignKey("org.Unit", null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    action = models.CharField("thao tác", max_length=10, choices=Action.choices)
    before = models.JSONField(null=True, blank=True)
    after = models.JSONField(null=True, blank=True)
    # The record the changed one is a part of (TrackedModel.changelog_parents), e.g. a score's scorecard.
    parent_type = models.ForeignKey(
        ContentType, null=True, blank=True, on_delete=models.CASCADE, related_name="+", db_index=False
    )
    parent_id = models.CharField(max_length=64, blank=True)

    scope_path = "unit__path"
    objects = ScopedManager()

    class Meta:
        verbose_name = "nhật ký thay đổi"
        verbose_name_plural = "nhật ký thay đổi"
        ordering = ["-timestamp", "-id"]
        indexes = [
            models.Index(fields=["content_type", "object_id", "-timestamp"], name="changelog_object_idx"),
            models.Index(fields=["unit", "-timestamp"], name="changelog_unit_idx"),
            models.Index(
                fields=["parent_type", "parent_id", "-timestamp"],
                name="changelog_parent_idx",
                condition=models.Q(parent_type__isnull=False),
            ),
        ]

    SOURCE_LABELS = {"web": "Giao diện", "cli": "Dòng lệnh", "import": "Nhập Excel", "system": "Hệ thống"}

    def __str__(self) -> str:
        return f"{self.get_action_display()} {self.object_repr}"

    @property
    def actor_label(self) -> str:
        """Who made the change as a person reads it: the full name (the account name only when none is set)."""
        if self.actor_id is None and not self.actor_name:
            return "Hệ thống"
        full_name = self.actor.get_full_name() if self.actor_id and self.actor else ""
        return full_name or self.actor_name or "Người dùng đã xóa"

    @property
    def source_label(self) -> str:
        return self.SOURCE_LABELS.get(self.source, self.source)

    @property
    def changed_fields(self) -> list[str]:
        before, after = self.before or {}, self.after or {}
        return [k for k in sorted(set(before) | set(after)) if before.get(k) != after.get(k)]

    def target(self):
        try:
            return self.content_type.get_object_for_this_type(pk=self.object_id)
        except ObjectDoesNotExist:
            return None


class WorkflowStep(models.Model):
    """One workflow action on a record (propose, recognize, return...): the record's timeline."""

    timestamp = models.DateTimeField("thời điểm", default=timezone.now)
    content_type = models.ForeignKey(ContentType, on_delete=models.CASCADE)
    object_id = models.CharField(max_length=64)
    unit = models.ForeignKey("org.Unit", null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    action = models.CharField("thao tác", max_length=30)
    action_label = models.CharField("thao tác", max_length=100)
    from_state = models.CharField("từ trạng thái", max_length=30)
    to_state = models.CharField("sang trạng thái", max_length=30)
    actor = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    actor_name = models.CharField("người thực hiện", max_length=150, blank=True)
    comment = models.TextField("ý kiến", blank=True)
    data = models.JSONField(default=dict, blank=True)

    scope_path = "unit__path"
    objects = ScopedManager()

    class Meta:
        verbose_name = "bước xử lý"
        verbose_name_plural = "các bước xử lý"
        ordering = ["timestamp", "id"]
        indexes = [models.Index(fields=["content_type", "object_id", "timestamp"], name="workflow_object_idx")]

    def __str__(self) -> str:
        return f"{self.action_label}: {self.from_state} → {self.to_state}"
