"""Commendations: award types and granting authorities (configuration with validity periods),
proposals from units, decisions, and the collectives and individuals they name."""

from __future__ import annotations

from decimal import Decimal

from django.conf import settings
from django.db import models
from django.db.models import Q

from danvan.awards.choices import (
    EDITABLE_PROPOSAL_STATES,
    DecisionStatus,
    Orientation,
    ProposalStatus,
    RecipientKind,
    RecipientKinds,
    SignerMode,
)
from danvan.core import scoping
from danvan.core.models import ConfigItem, ScopedModel, ScopedQuerySet
from danvan.core.vn import fold


class Authority(ConfigItem):
    """Cơ quan, người có thẩm quyền khen thưởng: "Ban Dân vận Tỉnh ủy", "Chủ tịch UBND tỉnh"...

    `name` is the subject of the statistics sentences ("Chủ tịch UBND tỉnh tặng Bằng khen cho ...").
    The texts below pre-fill a new decision, where the clerk can still change them.
    """

    unit = models.ForeignKey(
        "org.Unit",
        verbose_name="đơn vị ban hành, quản lý quyết định",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        help_text="Người có quyền thẩm định, phê duyệt của đơn vị này ban hành quyết định; "
        "văn bản lấy thông tin ban hành (tiêu đề, ký hiệu, người ký) của đơn vị này.",
    )
    decision_heading = models.CharField(
        "thẩm quyền ghi trên quyết định", max_length=200, help_text="Ví dụ: TRƯỞNG BAN DÂN VẬN TỈNH ỦY"
    )
    numbered_by_system = models.BooleanField(
        "số quyết định do hệ thống cấp",
        default=False,
        help_text="Đánh dấu khi số quyết định lấy theo sổ văn bản của đơn vị (theo nhiệm kỳ); "
        "bỏ đánh dấu khi số do cơ quan khác cấp và được nhập tay (ví dụ quyết định của Chủ tịch UBND tỉnh).",
    )
    central = models.BooleanField(
        "cơ quan ở Trung ương",
        default=False,
        help_text="Quyết định do một Ban của Trung ương ban hành (tiêu đề “BAN CHẤP HÀNH TRUNG ƯƠNG”, ký hiệu "
        "BDVTW/BTGDVTW theo ngày); đơn vị ở trên chỉ là nơi lưu giữ hồ sơ.",
    )
    legal_bases = models.TextField("căn cứ ban hành (mỗi dòng một căn cứ)", blank=True)
    executors = models.TextField("điều thi hành (Điều 3)", blank=True)
    distribution = models.TextField("nơi nhận (mỗi dòng một nơi)", blank=True)

    class Meta(ConfigItem.Meta):
        verbose_name = "cơ quan khen thưởng"
        verbose_name_plural = "cơ quan khen thưởng"

    def issuer_on(self, day):
        """Who issues this authority's decisions on `day`: a central commission (derived by date), else the
        issuer of its unit (configured, or from the unit tree)."""
        from danvan.documents.issuers import central_issuer, issuer_for

        return central_issuer(self.unit, day) if self.central else issuer_for(self.unit, day)

    def legal_bases_on(self, day) -> str:
        """The "Căn cứ ..." lines of a decision dated `day`: the laws in force that day (Cấu hình → Căn cứ
        pháp lý, for this authority's document system), then the authority's own lines."""
        from danvan.documents.models import LegalBasis, Purpose

        try:
            system = self.issuer_on(day).system if self.unit_id else ""
        except LookupError:
            system = ""
        laws = LegalBasis.lines(Purpose.AWARD_DECISION, system, day)
        own = [line for line in self.legal_bases.splitlines() if line.strip()]
        return "\n".join([f"{line};" for line in laws] + own)


class AwardType(ConfigItem):
    """A form of commendation by one authority ("Giấy khen của Ban Dân vận Tỉnh ủy"), valid for a
    period, with its certificate layout (plain A4 or a pre-printed blank, offsets in millimetres)."""

    authority = models.ForeignKey(Authority, verbose_name="cơ quan khen thưởng", on_delete=models.PROTECT)
    form = models.CharField("hình thức", max_length=60, help_text="Ví dụ: Giấy khen, Bằng khen, Cờ thi đua")
    recipient_kinds = models.CharField(
        "đối tượng được tặng", max_length=10, choices=RecipientKinds.choices, default=RecipientKinds.BOTH
    )
    reward_collective = models.PositiveIntegerField("tiền thưởng mỗi tập thể (đồng)", default=0)
    reward_individual = models.PositiveIntegerField("tiền thưởng mỗi cá nhân (đồng)", default=0)
    certificate_title = models.CharField("tiêu đề in trên giấy khen, bằng khen", max_length=60)
    certificate_orientation = models.CharField(
        "khổ giấy", max_length=10, choices=Orientation.choices, default=Orientation.LANDSCAPE
    )
    certificate_preprinted = models.BooleanField(
        "in trên phôi in sẵn",
        default=False,
        help_text="Phôi đã có khung, quốc hiệu, tiêu đề: chỉ in tên, chức vụ, đơn vị, thành tích, số và ngày.",
    )
    certificate_offset_x_mm = models.DecimalField(
        "lệch ngang (mm, dương sang phải)", max_digits=4, decimal_places=1, default=Decimal(0)
    )
    certificate_offset_y_mm = models.DecimalField(
        "lệch dọc (mm, dương xuống dưới)", max_digits=4, decimal_places=1, default=Decimal(0)
    )
    certificate_top_mm = models.DecimalField(
        "khoảng cách từ mép trên tới tên người nhận khi in trên phôi (mm)",
        max_digits=4,
        decimal_places=1,
        default=Decimal(78),
    )
    certificate_title_size = models.PositiveSmallIntegerField("cỡ chữ tiêu đề", default=44)
    certificate_name_size = models.PositiveSmallIntegerField("cỡ chữ tên người nhận", default=26)
    certificate_text_size = models.PositiveSmallIntegerField("cỡ chữ nội dung", default=16)

    class Meta(ConfigItem.Meta):
        verbose_name = "hình thức khen thưởng"
        verbose_name_plural = "hình thức khen thưởng"

    def allows(self, kind: str) -> bool:
        return self.recipient_kinds in (RecipientKinds.BOTH, kind)


class Proposal(ScopedModel):
    """Tờ trình đề nghị khen thưởng: a unit proposes its collectives and individuals for an award."""

    unit = models.ForeignKey(
        "org.Unit", verbose_name="đơn vị đề nghị", on_delete=models.PROTECT, related_name="award_proposals"
    )
    unit_name = models.CharField("tên đơn vị lúc đề nghị", max_length=255)
    award_type = models.ForeignKey(
        AwardType, verbose_name="hình thức khen thưởng", on_delete=models.PROTECT, related_name="proposals"
    )
    year = models.PositiveSmallIntegerField("năm")
    period = models.CharField("giai đoạn", max_length=60, blank=True, help_text="Ví dụ: giai đoạn 2016–2020")
    number = models.CharField("số tờ trình", max_length=60, blank=True)
    achievement = models.TextField("thành tích")
    status = models.CharField("trạng thái", max_length=10, choices=ProposalStatus.choices, default=ProposalStatus.DRAFT)
    decision = models.ForeignKey(
        "Decision",
        verbose_name="quyết định khen thưởng",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="proposals",
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="người lập",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="người gửi",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField("ngày tạo", auto_now_add=True)
    updated_at = models.DateTimeField("cập nhật lúc", auto_now=True)
    version = models.PositiveIntegerField("phiên bản", default=1)

    changelog_exclude = ("created_at", "updated_at", "version")
    changelog_parents = ("decision",)

    class Meta:
        verbose_name = "tờ trình đề nghị khen thưởng"
        verbose_name_plural = "tờ trình đề nghị khen thưởng"
        ordering = ["-year", "-id"]
        indexes = [
            models.Index(fields=["year", "award_type", "status"], name="award_proposal_year_idx"),
            models.Index(fields=["unit", "year"], name="award_proposal_unit_idx"),
            models.Index(fields=["status", "year"], name="award_proposal_status_idx"),
        ]

    def __str__(self) -> str:
        return f"Đề nghị {self.award_type.name} năm {self.year} – {self.unit_name}"

    def get_absolute_url(self) -> str:
        from django.urls import reverse

        return reverse("awards:proposal-detail", args=[self.pk])

    @property
    def is_editable(self) -> bool:
        return self.status in EDITABLE_PROPOSAL_STATES

    @property
    def year_label(self) -> str:
        return self.period or f"năm {self.year}"


class Decision(ScopedModel):
    """Quyết định khen thưởng: a draft gathers recipients; once issued it is locked (amendments correct it)."""

    unit = models.ForeignKey(
        "org.Unit", verbose_name="đơn vị ban hành", on_delete=models.PROTECT, related_name="award_decisions"
    )
    award_type = models.ForeignKey(
        AwardType, verbose_name="hình thức khen thưởng", on_delete=models.PROTECT, related_name="decisions"
    )
    year = models.PositiveSmallIntegerField("năm")
    number = models.CharField(
        "số quyết định", max_length=60, blank=True, help_text="Ví dụ: 05-QĐ/BTGDVTU hoặc 1234/QĐ-UBND"
    )
    date = models.DateField("ngày quyết định")
    signer_mode = models.CharField("hình thức ký", max_length=10, choices=SignerMode.choices, default=SignerMode.HEAD)
    signer_name = models.CharField("người ký", max_length=120, blank=True)
    achievement = models.TextField("thành tích")
    legal_bases = models.TextField("căn cứ ban hành (mỗi dòng một căn cứ)", blank=True)
    executors = models.TextField("điều thi hành (Điều 3)", blank=True)
    distribution = models.TextField("nơi nhận (mỗi dòng một nơi)", blank=True)
    status = models.CharField("trạng thái", max_length=10, choices=DecisionStatus.choices, default=DecisionStatus.DRAFT)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="người lập",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    issued_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="người ban hành",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    issued_at = models.DateTimeField("ban hành lúc", null=True, blank=True)
    created_at = models.DateTimeField("ngày tạo", auto_now_add=True)
    updated_at = models.DateTimeField("cập nhật lúc", auto_now=True)
    version = models.PositiveIntegerField("phiên bản", default=1)

    changelog_exclude = ("created_at", "updated_at", "version", "issued_at")  # the timeline has the time

    class Meta:
        verbose_name = "quyết định khen thưởng"
        verbose_name_plural = "quyết định khen thưởng"
        ordering = ["-date", "-id"]
        indexes = [
            # Statistics: issued decisions of a year, by award type.
            models.Index(fields=["status", "year", "award_type"], name="award_decision_stats_idx"),
            models.Index(fields=["unit", "year"], name="award_decision_unit_idx"),
            models.Index(fields=["-date", "-id"], name="award_decision_list_idx"),
        ]
        constraints = [
            models.UniqueConstraint(
                fields=["number", "date"],
                condition=~Q(number=""),
                name="award_decision_number_unique",
                violation_error_message="Đã có quyết định cùng số, cùng ngày.",
            )
        ]

    def __str__(self) -> str:
        if self.number:
            return f"Quyết định số {self.number} ngày {self.date:%d/%m/%Y}"
        return f"Dự thảo quyết định {self.award_type.name} năm {self.year}"

    def get_absolute_url(self) -> str:
        from django.urls import reverse

        return reverse("awards:decision-detail", args=[self.pk])

    @property
    def is_locked(self) -> bool:
        return self.status == DecisionStatus.ISSUED

    @property
    def authority(self) -> Authority:
        return self.award_type.authority


class RecipientQuerySet(ScopedQuerySet):
    def restrict(self, user, action: str = scoping.VIEW) -> RecipientQuerySet:
        """A recipient is readable by whoever sees its unit, its proposal or its decision."""
        if scoping.scope_paths(user, action) is None:
            return self.all()
        return self.filter(
            scoping.scope_q("unit__path", user, action)
            | scoping.scope_q("proposal__unit__path", user, action)
            | scoping.scope_q("decision__unit__path", user, action)
        )

    def received_within(self, user) -> RecipientQuerySet:
        """Awards received by units in the user's scope (what the statistics count)."""
        return self.filter(scoping.scope_q("unit__path", user))

    def awarded(self) -> RecipientQuerySet:
        return self.filter(decision__status=DecisionStatus.ISSUED)


def match_key(kind: str, is_unit: bool, unit_id: int | None, name: str) -> str:
    """What makes two recipients "the same": the unit itself, or the folded name within a unit."""
    if kind == RecipientKind.COLLECTIVE and is_unit:
        return f"u:{unit_id}"
    prefix = "t" if kind == RecipientKind.COLLECTIVE else "n"
    return f"{prefix}:{unit_id}:{fold(name)}"[:300]


class Recipient(ScopedModel):
    """A collective or an individual named in a proposal and/or a decision, as they were at the time."""

    proposal = models.ForeignKey(
        Proposal, verbose_name="tờ trình", null=True, blank=True, on_delete=models.CASCADE, related_name="recipients"
    )
    decision = models.ForeignKey(
        Decision,
        verbose_name="quyết định",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="recipients",
    )
    kind = models.CharField("đối tượng", max_length=10, choices=RecipientKind.choices)
    is_unit = models.BooleanField("tập thể là chính đơn vị", default=False)
    unit = models.ForeignKey("org.Unit", verbose_name="thuộc đơn vị", on_delete=models.PROTECT, related_name="+")
    name = models.CharField("tên tập thể, họ tên", max_length=255)
    position = models.CharField("chức vụ", max_length=200, blank=True)
    unit_name = models.CharField("đơn vị (ghi trong danh sách)", max_length=255, blank=True)
    achievement = models.TextField("thành tích riêng", blank=True)
    practices = models.ManyToManyField(
        "practices.Practice", verbose_name="mô hình, điển hình", blank=True, related_name="award_recipients"
    )
    order = models.PositiveIntegerField("thứ tự", default=0)
    match_key = models.CharField("khóa so trùng", max_length=300, editable=False, default="")

    objects = models.Manager.from_queryset(RecipientQuerySet)()
    changelog_exclude = ("match_key",)
    changelog_parents = ("decision", "proposal")

    class Meta:
        verbose_name = "tập thể, cá nhân được khen thưởng"
        verbose_name_plural = "tập thể, cá nhân được khen thưởng"
        ordering = ["kind", "order", "id"]
        indexes = [
            models.Index(fields=["decision", "kind"], name="award_recipient_decision_idx"),
            models.Index(fields=["proposal", "kind"], name="award_recipient_proposal_idx"),
            models.Index(fields=["match_key"], name="award_recipient_match_idx"),
            models.Index(fields=["unit", "kind"], name="award_recipient_unit_idx"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(proposal__isnull=False) | Q(decision__isnull=False),
                name="award_recipient_has_parent",
                violation_error_message="Tập thể, cá nhân phải thuộc một tờ trình hoặc một quyết định.",
            )
        ]

    def __str__(self) -> str:
        return self.name

    @property
    def is_individual(self) -> bool:
        return self.kind == RecipientKind.INDIVIDUAL

    def compute_match_key(self) -> str:
        return match_key(self.kind, self.is_unit, self.unit_id, self.name)

    def save(self, *args, **kwargs):
        self.match_key = self.compute_match_key()
        super().save(*args, **kwargs)

    def line(self) -> str:
        """'Nguyễn Văn An, Bí thư Chi bộ ấp Long Hưng, Đảng ủy xã Long Thuận' as one line."""
        return ", ".join(part for part in (self.name, self.position, self.unit_name) if part)


class Amendment(ScopedModel):
    """A correction of an issued (locked) decision: the original values are kept here."""

    decision = models.ForeignKey(
        Decision, verbose_name="quyết định", on_delete=models.CASCADE, related_name="amendments"
    )
    reason = models.TextField("lý do đính chính")
    before = models.JSONField("nội dung gốc")
    after = models.JSONField("nội dung đính chính")
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name="người lập", null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField("lập lúc", auto_now_add=True)

    scope_path = "decision__unit__path"

    class Meta:
        verbose_name = "đính chính quyết định khen thưởng"
        verbose_name_plural = "đính chính quyết định khen thưởng"
        ordering = ["created_at", "id"]

    def __str__(self) -> str:
        return f"Đính chính {self.decision}"

    def changelog_unit_id(self) -> int | None:
        return self.decision.unit_id
