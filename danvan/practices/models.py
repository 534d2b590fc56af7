"""The "Dân vận khéo" registry: good-practice models and exemplars, from registration to recognition."""

from __future__ import annotations

from django.conf import settings
from django.db import models

from danvan.core.models import ConfigItem, ScopedModel
from danvan.core.uploads import RandomName
from danvan.core.vn import fold
from danvan.practices.choices import FileKind, Kind, LevelTier, Status, Subject


class Field(ConfigItem):
    """Lĩnh vực: Kinh tế, Văn hóa - xã hội, Quốc phòng - an ninh, Xây dựng hệ thống chính trị..."""

    class Meta(ConfigItem.Meta):
        verbose_name = "lĩnh vực"
        verbose_name_plural = "lĩnh vực"


class Level(ConfigItem):
    """Cấp đăng ký / công nhận; "cấp huyện" is valid only until 30/6/2025."""

    tier = models.CharField("bậc", max_length=10, choices=LevelTier.choices)

    class Meta(ConfigItem.Meta):
        verbose_name = "cấp"
        verbose_name_plural = "cấp"


# The registration contents, in the order of the registration form ("phiếu đăng ký").
CONTENT_FIELDS = [
    ("situation", "Thực trạng và lý do đăng ký"),
    ("goals", "Mục tiêu, tiêu chí"),
    ("methods", "Cách làm, giải pháp"),
    ("area", "Địa bàn, đối tượng"),
    ("forces", "Lực lượng tham gia"),
    ("resources", "Nguồn lực"),
    ("timeline", "Thời gian thực hiện"),
    ("outputs", "Sản phẩm, kết quả kiểm chứng"),
    ("sustainability", "Khả năng duy trì, nhân rộng"),
]

SEARCH_FIELDS = ("code", "name", "person_name", "unit_name", "description", *(name for name, _ in CONTENT_FIELDS))


class Practice(ScopedModel):
    """A "Dân vận khéo" model (mô hình) or exemplar (điển hình) registered by a unit for a year."""

    code = models.CharField("mã", max_length=30, unique=True)
    name = models.CharField("tên", max_length=500)
    kind = models.CharField("loại", max_length=10, choices=Kind.choices, default=Kind.MODEL)
    subject = models.CharField("đối tượng", max_length=10, choices=Subject.choices, default=Subject.COLLECTIVE)
    person_name = models.CharField("họ tên", max_length=150, blank=True)
    person_position = models.CharField("chức vụ", max_length=200, blank=True)
    unit = models.ForeignKey("org.Unit", verbose_name="đơn vị", on_delete=models.PROTECT, related_name="practices")
    unit_name = models.CharField("tên đơn vị lúc đăng ký", max_length=255)
    bloc = models.ForeignKey("org.Bloc", verbose_name="khối", on_delete=models.PROTECT)
    field = models.ForeignKey(Field, verbose_name="lĩnh vực", on_delete=models.PROTECT)
    year = models.PositiveSmallIntegerField("năm")
    level = models.ForeignKey(Level, verbose_name="cấp đăng ký", on_delete=models.PROTECT, related_name="+")
    status = models.CharField("trạng thái", max_length=15, choices=Status.choices, default=Status.REGISTERED)
    description = models.TextField("mô tả", blank=True)
    situation = models.TextField("thực trạng và lý do đăng ký", blank=True)
    goals = models.TextField("mục tiêu, tiêu chí", blank=True)
    methods = models.TextField("cách làm, giải pháp", blank=True)
    area = models.TextField("địa bàn, đối tượng", blank=True)
    forces = models.TextField("lực lượng tham gia", blank=True)
    resources = models.TextField("nguồn lực", blank=True)
    timeline = models.TextField("thời gian thực hiện", blank=True)
    outputs = models.TextField("sản phẩm, kết quả kiểm chứng", blank=True)
    sustainability = models.TextField("khả năng duy trì, nhân rộng", blank=True)
    replicated_from = models.ForeignKey(
        "self",
        verbose_name="nhân rộng từ",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="replications",
    )
    recognized_level = models.ForeignKey(
        Level, verbose_name="cấp công nhận", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    decision_number = models.CharField("số quyết định, giấy chứng nhận", max_length=100, blank=True)
    decision_date = models.DateField("ngày công nhận", null=True, blank=True)
    recognizing_unit = models.ForeignKey(
        "org.Unit",
        verbose_name="đơn vị công nhận",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    proposed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="người đề nghị",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    # The unit's consent to show the practice on the public showcase once it is recognized.
    published = models.BooleanField("giới thiệu trên trang công khai", default=False)
    created_at = models.DateTimeField("ngày tạo", auto_now_add=True)
    updated_at = models.DateTimeField("cập nhật lúc", auto_now=True)
    # Optimistic lock: a save based on an older version is refused ("two editors at once").
    version = models.PositiveIntegerField(default=1)
    search_text = models.TextField(editable=False, default="")

    changelog_exclude = ("search_text", "updated_at", "created_at", "version")

    class Meta:
        verbose_name = "mô hình, điển hình"
        verbose_name_plural = "mô hình, điển hình"
        ordering = ["-year", "code"]
        indexes = [
            # Statistics group one year by level/status/unit: covering indexes keep them ~10 ms at 1M rows.
            models.Index(fields=["year", "level", "status"], name="practice_year_level_idx"),
            models.Index(fields=["year", "unit", "status"], name="practice_year_unit_idx"),
            models.Index(fields=["unit", "year"], name="practice_unit_year_idx"),
            models.Index(fields=["status", "year"], name="practice_status_idx"),
            models.Index(fields=["-year", "code"], name="practice_list_idx"),
            # The public showcase: its rows, and the Last-Modified of its pages (MAX(updated_at)).
            models.Index(fields=["published", "status", "-year", "code"], name="practice_public_idx"),
            models.Index(fields=["updated_at"], name="practice_changed_idx"),
        ]

    LABEL_SQL = "code || ' – ' || name"  # str() in SQL, for change-log entries written by the database

    def __str__(self) -> str:
        return f"{self.code} – {self.name}"

    def get_absolute_url(self) -> str:
        from django.urls import reverse

        return reverse("practices:detail", args=[self.pk])

    @property
    def is_locked(self) -> bool:
        return self.status == Status.RECOGNIZED

    def compute_search_text(self, folded: dict[str, str] | None = None) -> str:
        """Every searchable text, folded. `folded` (text -> its fold) lets a bulk write fold each
        repeated text (a unit's name, a shared description) once: folding the texts one by one and
        joining them gives the same key as folding them joined."""
        parts = [getattr(self, name) for name in SEARCH_FIELDS]
        if folded is None:
            return fold(" ".join(p for p in parts if p))
        keys = []
        for part in parts:
            if part:
                key = folded.get(part)
                if key is None:
                    key = folded[part] = fold(part)
                if key:
                    keys.append(key)
        return " ".join(keys)

    def save(self, *args, **kwargs):
        self.search_text = self.compute_search_text()
        super().save(*args, **kwargs)


class PracticeFile(ScopedModel):
    """An evidence document or photo attached to a practice."""

    practice = models.ForeignKey(Practice, on_delete=models.CASCADE, related_name="files")
    kind = models.CharField("loại tệp", max_length=10, choices=FileKind.choices, default=FileKind.EVIDENCE)
    file = models.FileField("tệp", upload_to=RandomName("practices"), max_length=300)
    original_name = models.CharField("tên tệp", max_length=255, blank=True)
    caption = models.CharField("chú thích", max_length=300, blank=True)
    public = models.BooleanField("đưa lên trang giới thiệu công khai", default=False)
    uploaded_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    uploaded_at = models.DateTimeField(auto_now_add=True)

    scope_path = "practice__unit__path"

    class Meta:
        verbose_name = "tệp minh chứng"
        verbose_name_plural = "tệp minh chứng"
        ordering = ["uploaded_at"]

    def __str__(self) -> str:
        return self.caption or self.original_name or self.file.name.rsplit("/", 1)[-1]

    def changelog_unit_id(self) -> int | None:
        return self.practice.unit_id


class Amendment(ScopedModel):
    """A correction of a recognized (locked) practice: the original values are kept here."""

    practice = models.ForeignKey(Practice, on_delete=models.CASCADE, related_name="amendments")
    reason = models.TextField("lý do đính chính")
    before = models.JSONField("nội dung gốc")
    after = models.JSONField("nội dung đính chính")
    author = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    scope_path = "practice__unit__path"

    class Meta:
        verbose_name = "đính chính"
        verbose_name_plural = "đính chính"
        ordering = ["created_at"]

    def __str__(self) -> str:
        return f"Đính chính {self.practice.code}"

    def changelog_unit_id(self) -> int | None:
        return self.practice.unit_id
