"""Directives with their review milestones, work plans with key tasks, inspections and supervisions.

Scoping. Every record belongs to an owning unit (the commission, a district...) and is read through
`restrict(user, action)`. Records that concern other units (a supervision of named units, a key task
led by a unit, a recommendation addressed to a unit) are also *viewable* by whoever covers one of
those units: `ConcernedQuerySet` is the one place that rule lives, used by every view, export,
reminder and dashboard panel. Changes stay with the owner's scope (services check them).
"""

from __future__ import annotations

import datetime as dt

from django.conf import settings
from django.db import models
from django.db.models import Case, Q, Value, When
from django.urls import reverse

from danvan.core import scoping
from danvan.core.models import ConfigItem, ScopedModel, ScopedQuerySet
from danvan.core.uploads import RandomName
from danvan.core.vn import fold, text_date
from danvan.planning import rules
from danvan.planning.choices import (
    Activity,
    Mode,
    RecommendationState,
    ReviewKind,
    ReviewState,
    SupervisionState,
    TaskState,
    TaskStatus,
)

# --- Scoping of records that concern several units -----------------------------------------------


class ConcernedQuerySet(ScopedQuerySet):
    """Rows the user covers through the owner (`scope_path`), and, to view only, through any of the
    units named by `concern_paths` (the supervised units, the lead unit...).

    "Covers" is the usual rule: the user holds a role on that unit or above it. So the people of a
    supervised district and those above it see the supervision; a commune below the district and a
    sibling district do not.
    """

    def restrict(self, user, action: str = scoping.VIEW) -> ConcernedQuerySet:
        owner = scoping.scope_q(self.model.scope_path, user, action)
        paths = scoping.scope_paths(user, action)
        if action != scoping.VIEW or not paths:  # None (everything) or [] (nothing): the owner rule says it
            return self.filter(owner)
        q = owner
        for lookup in self.model.concern_paths:
            concerned = self.model._base_manager.filter(scoping.scope_q(lookup, user, action)).values("pk")
            q |= Q(pk__in=concerned)
        return self.filter(q)


class ConcernedManager(models.Manager.from_queryset(ConcernedQuerySet)):
    pass


# --- Configuration -------------------------------------------------------------------------------


class DirectiveType(ConfigItem):
    """Loại văn bản (Nghị quyết, Chỉ thị, Kết luận...) and its symbol in numbers ("KL" in 03-KL/TW)."""

    symbol = models.CharField("ký hiệu", max_length=10, help_text="Ví dụ: KL, CT, NQ, QĐ, QĐi, ĐA")

    class Meta(ConfigItem.Meta):
        verbose_name = "loại văn bản"
        verbose_name_plural = "loại văn bản"


class IssuingBody(ConfigItem):
    """A body that issues directives (Ban Bí thư, Bộ Chính trị...): suggestions for the free-text field."""

    class Meta(ConfigItem.Meta):
        verbose_name = "cơ quan ban hành"
        verbose_name_plural = "cơ quan ban hành"


# --- Directives and review milestones -------------------------------------------------------------


class Directive(ScopedModel):
    """A directive or guiding document in a unit's register, with the rules of its reviews."""

    unit = models.ForeignKey(
        "org.Unit", verbose_name="đơn vị theo dõi", on_delete=models.PROTECT, related_name="directives"
    )
    type = models.ForeignKey(DirectiveType, verbose_name="loại văn bản", on_delete=models.PROTECT)
    number = models.CharField("số hiệu", max_length=60, help_text="Ghi như trên văn bản, ví dụ 03-KL/TW")
    number_key = models.CharField(max_length=60, editable=False, default="")
    issued_on = models.DateField("ngày ban hành")
    issuer = models.CharField("cơ quan ban hành", max_length=200, help_text="Ví dụ: Ban Bí thư, Bộ Chính trị")
    summary = models.TextField("trích yếu")
    file = models.FileField("tệp văn bản", upload_to=RandomName("planning/van-ban"), max_length=300, blank=True)
    file_name = models.CharField("tên tệp văn bản", max_length=255, blank=True)
    interim_years = models.CharField(
        "sơ kết sau (năm)", max_length=60, blank=True, help_text="Một hoặc nhiều số, cách nhau bởi dấu phẩy: 3, 5"
    )
    final_years = models.PositiveSmallIntegerField("tổng kết sau (năm)", null=True, blank=True)
    search_text = models.TextField(editable=False, default="")
    created_at = models.DateTimeField("ngày tạo", auto_now_add=True)
    updated_at = models.DateTimeField("cập nhật lúc", auto_now=True)
    version = models.PositiveIntegerField(default=1)

    changelog_exclude = ("number_key", "search_text", "created_at", "updated_at", "version")

    class Meta:
        verbose_name = "văn bản chỉ đạo"
        verbose_name_plural = "văn bản chỉ đạo"
        ordering = ["-issued_on", "-id"]
        constraints = [
            models.UniqueConstraint(fields=["unit", "type", "number_key", "issued_on"], name="directive_unique")
        ]
        indexes = [models.Index(fields=["unit", "-issued_on"], name="directive_unit_idx")]

    def __str__(self) -> str:
        return self.label

    def get_absolute_url(self) -> str:
        return reverse("planning:directive-detail", args=[self.pk])

    @property
    def label(self) -> str:
        """ "Kết luận số 03-KL/TW, ngày 13/5/2016 của Ban Bí thư"."""
        return rules.directive_label(self.type.name, self.number, self.issued_on, self.issuer)

    @property
    def short_label(self) -> str:
        return f"{self.type.name} số {self.number}, ngày {text_date(self.issued_on)}"

    @property
    def interim_list(self) -> list[int]:
        return rules.parse_years(self.interim_years)

    def compute_search_text(self) -> str:
        return fold(" ".join([self.number, self.issuer, self.summary]))

    def save(self, *args, **kwargs):
        self.number_key = rules.number_key(self.number)
        self.search_text = self.compute_search_text()
        super().save(*args, **kwargs)


class MilestoneQuerySet(ScopedQuerySet):
    def with_state(self, today: dt.date) -> MilestoneQuerySet:
        """Annotate `state` (done / overdue / pending) so lists can filter and count by it in SQL."""
        return self.annotate(
            state=Case(
                When(report_date__isnull=False, then=Value(ReviewState.DONE)),
                When(due_date__lt=today, then=Value(ReviewState.OVERDUE)),
                default=Value(ReviewState.PENDING),
                output_field=models.CharField(),
            )
        )

    def due_between(self, start: dt.date, end: dt.date) -> MilestoneQuerySet:
        return self.filter(due_date__gte=start, due_date__lte=end)

    def with_directive(self) -> MilestoneQuerySet:
        return self.select_related("directive__type", "directive__unit")


class Milestone(ScopedModel):
    """An interim or final review of a directive, due on a date; closed by the report that records it.

    The due date is computed from the directive's rules ("sơ kết sau 3, 5 năm") and stored, so lists
    and dashboards query it; a date set by hand (`fixed`) is kept when the directive changes.
    """

    directive = models.ForeignKey(Directive, on_delete=models.CASCADE, related_name="milestones")
    kind = models.CharField("loại", max_length=10, choices=ReviewKind.choices)
    years = models.PositiveSmallIntegerField("sau (năm)", null=True, blank=True)
    due_date = models.DateField("hạn")
    fixed = models.BooleanField("ngày đặt riêng", default=False)
    report_number = models.CharField("số báo cáo", max_length=60, blank=True)
    report_date = models.DateField("ngày báo cáo", null=True, blank=True)
    report_title = models.CharField("trích yếu báo cáo", max_length=500, blank=True)
    report_file = models.FileField(
        "tệp báo cáo", upload_to=RandomName("planning/so-ket-tong-ket"), max_length=300, blank=True
    )
    report_file_name = models.CharField("tên tệp báo cáo", max_length=255, blank=True)
    reported_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    scope_path = "directive__unit__path"
    objects = models.Manager.from_queryset(MilestoneQuerySet)()

    class Meta:
        verbose_name = "mốc sơ kết, tổng kết"
        verbose_name_plural = "mốc sơ kết, tổng kết"
        ordering = ["due_date", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["directive", "kind", "years"], condition=Q(years__isnull=False), name="milestone_years_unique"
            ),
            models.UniqueConstraint(
                fields=["directive", "kind", "due_date"], condition=Q(years__isnull=True), name="milestone_date_unique"
            ),
        ]
        indexes = [models.Index(fields=["due_date", "report_date"], name="milestone_due_idx")]

    def __str__(self) -> str:
        return self.citation

    def changelog_unit_id(self) -> int | None:
        return self.directive.unit_id

    @property
    def citation(self) -> str:
        d = self.directive
        return rules.citation(self.get_kind_display(), self.years, d.type.name, d.number, d.issued_on, d.issuer)

    @property
    def full_citation(self) -> str:
        d = self.directive
        return rules.citation(
            self.get_kind_display(), self.years, d.type.name, d.number, d.issued_on, d.issuer, d.summary
        )

    @property
    def is_done(self) -> bool:
        return self.report_date is not None

    def state_on(self, day: dt.date) -> str:
        if self.report_date is not None and self.report_date <= day:
            return ReviewState.DONE
        return ReviewState.OVERDUE if self.due_date < day else ReviewState.PENDING


# --- Work plans and key tasks ---------------------------------------------------------------------


class WorkPlan(ScopedModel):
    """A unit's work plan for a year or a period, with its key tasks."""

    unit = models.ForeignKey("org.Unit", verbose_name="đơn vị", on_delete=models.PROTECT, related_name="work_plans")
    code = models.CharField("mã kế hoạch", max_length=30, unique=True)
    title = models.CharField("tên kế hoạch", max_length=300)
    year_start = models.PositiveSmallIntegerField("năm")
    year_end = models.PositiveSmallIntegerField("đến năm", help_text="Bằng năm bắt đầu với kế hoạch một năm")
    number = models.CharField("số, ký hiệu", max_length=60, blank=True, help_text="Ví dụ: 15-KH/BDVTU")
    issued_on = models.DateField("ngày ban hành", null=True, blank=True)
    purpose = models.TextField("mục đích, yêu cầu", blank=True)
    implementation = models.TextField("tổ chức thực hiện", blank=True)
    created_at = models.DateTimeField("ngày tạo", auto_now_add=True)
    version = models.PositiveIntegerField(default=1)

    changelog_exclude = ("created_at", "version")

    class Meta:
        verbose_name = "kế hoạch công tác"
        verbose_name_plural = "kế hoạch công tác"
        ordering = ["-year_start", "code"]
        indexes = [models.Index(fields=["unit", "-year_start"], name="workplan_unit_idx")]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("planning:plan-detail", args=[self.pk])

    @property
    def period_label(self) -> str:
        if self.year_end and self.year_end != self.year_start:
            return f"giai đoạn {self.year_start}–{self.year_end}"
        return f"năm {self.year_start}"

    @property
    def first_day(self) -> dt.date:
        return dt.date(self.year_start, 1, 1)

    @property
    def last_day(self) -> dt.date:
        return dt.date(self.year_end or self.year_start, 12, 31)


class KeyTaskQuerySet(ConcernedQuerySet):
    def with_state(self, today: dt.date) -> KeyTaskQuerySet:
        """Annotate `state`: the stored status, or "overdue" once the deadline has passed undone."""
        return self.annotate(
            state=Case(
                When(status=TaskStatus.DONE, then=Value(TaskState.DONE)),
                When(deadline__lt=today, then=Value(TaskState.OVERDUE)),
                default="status",
                output_field=models.CharField(),
            )
        )


class KeyTask(ScopedModel):
    """A key task (nhiệm vụ trọng tâm) of a plan: who leads it, who takes part, by when, how far."""

    plan = models.ForeignKey(WorkPlan, verbose_name="kế hoạch", on_delete=models.CASCADE, related_name="tasks")
    number = models.PositiveSmallIntegerField("thứ tự")
    content = models.TextField("nội dung")
    directive = models.ForeignKey(
        Directive,
        verbose_name="văn bản thực hiện",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="tasks",
    )
    lead_unit = models.ForeignKey(
        "org.Unit", verbose_name="đơn vị chủ trì", on_delete=models.PROTECT, related_name="led_tasks"
    )
    partner_units = models.ManyToManyField(
        "org.Unit", verbose_name="đơn vị phối hợp", blank=True, related_name="partner_tasks"
    )
    deadline = models.DateField("thời hạn")
    status = models.CharField("trạng thái", max_length=15, choices=TaskStatus.choices, default=TaskStatus.NOT_STARTED)
    progress = models.PositiveSmallIntegerField("tiến độ (%)", default=0)

    scope_path = "plan__unit__path"
    concern_paths = ("lead_unit__path", "partner_units__path")
    objects = models.Manager.from_queryset(KeyTaskQuerySet)()

    class Meta:
        verbose_name = "nhiệm vụ trọng tâm"
        verbose_name_plural = "nhiệm vụ trọng tâm"
        ordering = ["plan", "number"]
        constraints = [models.UniqueConstraint(fields=["plan", "number"], name="keytask_number_unique")]
        indexes = [
            models.Index(fields=["deadline", "status"], name="keytask_deadline_idx"),
            models.Index(fields=["lead_unit", "deadline"], name="keytask_lead_idx"),
        ]

    def __str__(self) -> str:
        return f"{self.number}. {self.content[:120]}"

    def get_absolute_url(self) -> str:
        return reverse("planning:task-detail", args=[self.pk])

    def changelog_unit_id(self) -> int | None:
        return self.plan.unit_id

    def state_on(self, day: dt.date) -> str:
        if self.status == TaskStatus.DONE:
            return TaskState.DONE
        return TaskState.OVERDUE if self.deadline < day else self.status


class TaskProgress(ScopedModel):
    """A progress report on a key task: the date, how far (%), what was done."""

    task = models.ForeignKey(KeyTask, on_delete=models.CASCADE, related_name="progress_reports")
    date = models.DateField("ngày báo cáo")
    percent = models.PositiveSmallIntegerField("tiến độ (%)")
    note = models.TextField("kết quả thực hiện", blank=True)
    reported_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    scope_path = "task__plan__unit__path"
    concern_paths = ("task__lead_unit__path", "task__partner_units__path")
    objects = ConcernedManager()

    class Meta:
        verbose_name = "báo cáo tiến độ"
        verbose_name_plural = "báo cáo tiến độ"
        ordering = ["date", "id"]

    def __str__(self) -> str:
        return f"{text_date(self.date)}: {self.percent}%"

    def changelog_unit_id(self) -> int | None:
        return self.task.plan.unit_id


# --- Inspection and supervision -------------------------------------------------------------------


class Supervision(ScopedModel):
    """An inspection or supervision (regular or thematic) of named units, from plan to conclusion."""

    unit = models.ForeignKey(
        "org.Unit", verbose_name="đơn vị chủ trì", on_delete=models.PROTECT, related_name="supervisions"
    )
    year = models.PositiveSmallIntegerField("năm")
    activity = models.CharField("hình thức", max_length=12, choices=Activity.choices, default=Activity.SUPERVISION)
    mode = models.CharField("loại", max_length=10, choices=Mode.choices, default=Mode.THEMATIC)
    topic = models.TextField("nội dung")
    directive = models.ForeignKey(
        Directive,
        verbose_name="văn bản được giám sát việc thực hiện",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="supervisions",
    )
    supervised_units = models.ManyToManyField(
        "org.Unit", verbose_name="đơn vị được kiểm tra, giám sát", related_name="+"
    )
    subject_label = models.CharField(
        "đối tượng (cách ghi trong văn bản)",
        max_length=300,
        blank=True,
        help_text="Ví dụ: Ban Thường vụ Huyện ủy Bến Cầu và Tân Biên; để trống thì ghi tên các đơn vị.",
    )
    team_head = models.CharField("trưởng đoàn", max_length=200, blank=True)
    team = models.TextField("thành viên đoàn", blank=True)
    planned_start = models.DateField("dự kiến từ ngày")
    planned_end = models.DateField("dự kiến đến ngày")
    actual_start = models.DateField("tiến hành từ ngày", null=True, blank=True)
    actual_end = models.DateField("tiến hành đến ngày", null=True, blank=True)
    findings = models.TextField("kết quả kiểm tra, giám sát", blank=True)
    conclusions = models.TextField("kết luận", blank=True)
    concluded_on = models.DateField("ngày thông báo kết luận", null=True, blank=True)
    announcement_number = models.CharField("số thông báo kết luận", max_length=60, blank=True)
    created_at = models.DateTimeField("ngày tạo", auto_now_add=True)
    version = models.PositiveIntegerField(default=1)

    # The supervised units, and the units a recommendation is addressed to, see the supervision.
    concern_paths = ("supervised_units__path", "recommendations__responsible_unit__path")
    changelog_exclude = ("created_at", "version")
    objects = ConcernedManager()

    class Meta:
        verbose_name = "cuộc kiểm tra, giám sát"
        verbose_name_plural = "kiểm tra, giám sát"
        ordering = ["-year", "planned_start", "id"]
        indexes = [models.Index(fields=["unit", "-year"], name="supervision_unit_idx")]

    def __str__(self) -> str:
        return f"{self.get_activity_display()} {self.topic[:120]}"

    def get_absolute_url(self) -> str:
        return reverse("planning:supervision-detail", args=[self.pk])

    @property
    def state(self) -> str:
        if self.concluded_on:
            return SupervisionState.CONCLUDED
        if self.actual_start:
            return SupervisionState.CARRIED_OUT
        return SupervisionState.PLANNED

    def get_state_display(self) -> str:
        return SupervisionState(self.state).label


class RecommendationQuerySet(ConcernedQuerySet):
    def with_state(self, today: dt.date) -> RecommendationQuerySet:
        return self.annotate(
            state=Case(
                When(closed_on__isnull=False, then=Value(RecommendationState.CLOSED)),
                When(deadline__lt=today, then=Value(RecommendationState.OVERDUE)),
                default=Value(RecommendationState.OPEN),
                output_field=models.CharField(),
            )
        )


class Recommendation(ScopedModel):
    """A recommendation of a supervision to a unit, with a deadline, followed up until closed."""

    supervision = models.ForeignKey(Supervision, on_delete=models.CASCADE, related_name="recommendations")
    content = models.TextField("nội dung kiến nghị")
    responsible_unit = models.ForeignKey(
        "org.Unit", verbose_name="đơn vị thực hiện", on_delete=models.PROTECT, related_name="+"
    )
    deadline = models.DateField("thời hạn")
    closed_on = models.DateField("ngày hoàn thành", null=True, blank=True)

    scope_path = "supervision__unit__path"
    concern_paths = ("responsible_unit__path",)
    objects = models.Manager.from_queryset(RecommendationQuerySet)()

    class Meta:
        verbose_name = "kiến nghị"
        verbose_name_plural = "kiến nghị"
        ordering = ["deadline", "id"]
        indexes = [models.Index(fields=["deadline", "closed_on"], name="recommendation_due_idx")]

    def __str__(self) -> str:
        return self.content[:150]

    def changelog_unit_id(self) -> int | None:
        return self.supervision.unit_id

    def state_on(self, day: dt.date) -> str:
        if self.closed_on is not None:
            return RecommendationState.CLOSED
        return RecommendationState.OVERDUE if self.deadline < day else RecommendationState.OPEN


class FollowUp(ScopedModel):
    """A report on carrying out a recommendation; the last one may close it."""

    recommendation = models.ForeignKey(Recommendation, on_delete=models.CASCADE, related_name="follow_ups")
    date = models.DateField("ngày báo cáo")
    content = models.TextField("kết quả thực hiện")
    closes = models.BooleanField("đã hoàn thành kiến nghị", default=False)
    reported_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    scope_path = "recommendation__supervision__unit__path"
    concern_paths = ("recommendation__responsible_unit__path",)
    objects = ConcernedManager()

    class Meta:
        verbose_name = "báo cáo thực hiện kiến nghị"
        verbose_name_plural = "báo cáo thực hiện kiến nghị"
        ordering = ["date", "id"]

    def __str__(self) -> str:
        return f"{text_date(self.date)}: {self.content[:100]}"

    def changelog_unit_id(self) -> int | None:
        return self.recommendation.supervision.unit_id


# --- Reminders ------------------------------------------------------------------------------------


class ReminderLog(models.Model):
    """One reminder email sent to a user on a day: the daily timer may run twice without double-sending."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    day = models.DateField("ngày")
    sent_at = models.DateTimeField("gửi lúc", auto_now_add=True)
    items = models.PositiveIntegerField("số việc nhắc", default=0)

    class Meta:
        verbose_name = "thư nhắc việc"
        verbose_name_plural = "thư nhắc việc"
        constraints = [models.UniqueConstraint(fields=["user", "day"], name="reminder_once_a_day")]

    def __str__(self) -> str:
        return f"{self.user} – {text_date(self.day)}"
