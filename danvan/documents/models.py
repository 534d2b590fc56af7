"""Settings of the document engine: format profiles, issuing bodies and Party terms, all dated."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q

from danvan.core.models import ConfigItem, TrackedModel, ValidityPeriod, ValidityQuerySet
from danvan.core.vn import fold, text_date
from danvan.documents.choices import CONVENTIONS, Conventions, System


def _overlapping(queryset, obj: ValidityPeriod):
    """Rows of `queryset` other than `obj` whose validity overlaps obj's."""
    return queryset.exclude(pk=obj.pk).valid_during(obj.valid_from, obj.valid_until)


def _check_period(obj: ValidityPeriod) -> None:
    if obj.valid_from and obj.valid_until and obj.valid_until < obj.valid_from:
        raise ValidationError({"valid_until": "Ngày hết hiệu lực phải sau ngày bắt đầu hiệu lực."})


def _mm(default: str, label: str) -> models.DecimalField:
    return models.DecimalField(label, max_digits=5, decimal_places=1, default=Decimal(default))


def _pt(default: int, label: str) -> models.PositiveSmallIntegerField:
    return models.PositiveSmallIntegerField(label, default=default)


class FormatProfile(ConfigItem):
    """Page and typography rules of a format regulation, chosen by the document date.

    Quy định 66-QĐ/TW with Hướng dẫn 36-HD/VPTW until 8/1/2026, Quy định 399-QĐ/TW from 9/1/2026;
    State documents follow Nghị định 30/2020/NĐ-CP. A clerk changes values here, not in code.
    """

    system = models.CharField("hệ thống văn bản", max_length=10, choices=System.choices, default=System.PARTY)
    regulation = models.CharField("căn cứ quy định", max_length=200)
    page_width_mm = _mm("210", "khổ giấy: rộng (mm)")
    page_height_mm = _mm("297", "khổ giấy: cao (mm)")
    margin_top_mm = _mm("20", "lề trên (mm)")
    margin_bottom_mm = _mm("20", "lề dưới (mm)")
    margin_left_mm = _mm("30", "lề trái (mm)")
    margin_right_mm = _mm("15", "lề phải (mm)")
    header_distance_mm = _mm("10", "khoảng cách số trang tới mép trên (mm)")
    font_name = models.CharField("phông chữ", max_length=60, default="Times New Roman")
    body_size = _pt(14, "cỡ chữ nội dung")
    superior_size = _pt(14, "cỡ chữ tên cơ quan cấp trên")
    issuer_size = _pt(14, "cỡ chữ tên cơ quan ban hành")
    national_size = _pt(15, "cỡ chữ tiêu đề (ĐẢNG CỘNG SẢN VIỆT NAM / Quốc hiệu)")
    motto_size = _pt(14, "cỡ chữ tiêu ngữ")
    number_size = _pt(14, "cỡ chữ số, ký hiệu")
    place_date_size = _pt(14, "cỡ chữ địa danh, ngày tháng")
    type_size = _pt(15, "cỡ chữ tên loại văn bản")
    summary_size = _pt(14, "cỡ chữ trích yếu")
    signature_size = _pt(14, "cỡ chữ quyền hạn, chức vụ, họ tên người ký")
    recipients_label_size = _pt(14, "cỡ chữ “Nơi nhận:”")
    recipients_label_bold = models.BooleanField("“Nơi nhận:” in đậm", default=False)
    recipients_label_italic = models.BooleanField("“Nơi nhận:” in nghiêng", default=False)
    recipients_label_underline = models.BooleanField("“Nơi nhận:” gạch chân", default=True)
    recipients_size = _pt(12, "cỡ chữ danh sách nơi nhận")
    page_number_size = _pt(14, "cỡ chữ số trang")
    first_line_indent_cm = models.DecimalField(
        "thụt đầu dòng (cm)", max_digits=4, decimal_places=2, default=Decimal("1.27")
    )
    line_spacing = models.DecimalField(
        "giãn dòng (lần dòng đơn)", max_digits=3, decimal_places=2, default=Decimal("1.15")
    )
    paragraph_spacing_pt = _pt(6, "khoảng cách giữa các đoạn (pt)")
    signature_space_lines = _pt(4, "số dòng để trống cho chữ ký")
    number_from_second_page = models.BooleanField("đánh số trang từ trang thứ hai", default=True)

    class Meta(ConfigItem.Meta):
        verbose_name = "thể thức văn bản"
        verbose_name_plural = "thể thức văn bản"
        ordering = ["system", "valid_from"]

    def __str__(self) -> str:
        return f"{self.name} ({self.period_label})"

    @property
    def conventions(self) -> Conventions:
        return CONVENTIONS[System(self.system)]

    def clean(self) -> None:
        _check_period(self)
        if _overlapping(FormatProfile.objects.filter(system=self.system), self).exists():
            raise ValidationError("Thời gian hiệu lực trùng với một thể thức khác cùng hệ thống văn bản.")

    @classmethod
    def for_date(cls, day: dt.date, system: str = System.PARTY) -> FormatProfile:
        profile = cls.objects.filter(system=system).valid_on(day).order_by("-valid_from").first()
        if profile is None:
            raise cls.DoesNotExist(
                f"Chưa có thể thức văn bản ({System(system).label.lower()}) áp dụng cho ngày "
                f"{text_date(day)}; khai báo trong Quản trị → Thể thức văn bản."
            )
        return profile


# A commission of the Party committee works under its head, so it never signs for a collective.
_COLLECTIVE_BODIES = ("ban thuong vu", "ban chap hanh", "ban chi dao", "thuong truc")


def is_commission(issuer_line: str, unit_kind_code: str = "") -> bool:
    """True for a Ban (Ban Dân vận, Ban Tuyên giáo và Dân vận...), which never signs "T/M"."""
    if unit_kind_code == "ban-dan-van":
        return True
    line = fold(issuer_line)
    return line.startswith("ban ") and not line.startswith(_COLLECTIVE_BODIES)


class Issuer(ValidityPeriod, TrackedModel):
    """How a unit issues documents during a period: its header lines, symbol, place and signers."""

    unit = models.ForeignKey(
        "org.Unit", verbose_name="đơn vị", on_delete=models.PROTECT, related_name="document_issuers"
    )
    system = models.CharField("hệ thống văn bản", max_length=10, choices=System.choices, default=System.PARTY)
    superior_line = models.CharField(
        "tên cơ quan cấp trên", max_length=120, blank=True, help_text="Ví dụ: TỈNH ỦY TÂY NINH"
    )
    issuer_line = models.CharField("tên cơ quan ban hành", max_length=160, help_text="Ví dụ: BAN TUYÊN GIÁO VÀ DÂN VẬN")
    symbol = models.CharField("ký hiệu cơ quan", max_length=30, help_text="Ví dụ: BDVTU, BTGDVTU; với UBND tỉnh: UBND")
    place = models.CharField("địa danh", max_length=80, help_text="Ví dụ: Tây Ninh")
    head_title = models.CharField("chức vụ người đứng đầu", max_length=80, default="TRƯỞNG BAN")
    head_name = models.CharField("họ tên người đứng đầu", max_length=120, blank=True)
    deputy_title = models.CharField("chức vụ cấp phó", max_length=80, default="PHÓ TRƯỞNG BAN")
    deputy_name = models.CharField("họ tên cấp phó ký thay", max_length=120, blank=True)
    is_collective = models.BooleanField(
        "cơ quan lãnh đạo tập thể (ký “T/M”)",
        default=False,
        help_text="Chỉ cho tập thể lãnh đạo như Ban Thường vụ, Ủy ban nhân dân; các Ban của cấp ủy không ký “T/M”.",
    )
    collective_name = models.CharField(
        "tên tập thể ký thay mặt", max_length=120, blank=True, help_text="Ví dụ: BAN THƯỜNG VỤ"
    )

    objects = models.Manager.from_queryset(ValidityQuerySet)()

    class Meta:
        verbose_name = "cơ quan ban hành văn bản"
        verbose_name_plural = "cơ quan ban hành văn bản"
        ordering = ["unit", "valid_from"]

    def __str__(self) -> str:
        return f"{self.name_line} ({self.symbol}, {self.period_label.lower()})"

    @property
    def name_line(self) -> str:
        """The issuing body's name on one line (it may be typed on two for the header)."""
        return " ".join(self.issuer_line.split())

    def clean(self) -> None:
        _check_period(self)
        kind_code = self.unit.kind.code if self.unit_id else ""
        if self.is_collective and is_commission(self.issuer_line, kind_code):
            raise ValidationError(
                {"is_collective": "Các Ban của cấp ủy làm việc theo chế độ thủ trưởng, không ký “T/M”."}
            )
        if self.is_collective and not self.collective_name:
            raise ValidationError({"collective_name": "Cần tên tập thể ký thay mặt, ví dụ BAN THƯỜNG VỤ."})
        if self.unit_id and _overlapping(Issuer.objects.filter(unit_id=self.unit_id), self).exists():
            raise ValidationError("Thời gian hiệu lực trùng với một bản khai báo khác của cùng đơn vị.")

    def save(self, *args, **kwargs):
        self.clean()  # the rules hold for the demo loader and the shell too, not only in the admin
        super().save(*args, **kwargs)

    @classmethod
    def for_unit(cls, unit, day: dt.date) -> Issuer:
        issuer = cls.objects.filter(unit=unit).valid_on(day).select_related("unit").first()
        if issuer is None:
            raise cls.DoesNotExist(
                f"Chưa khai báo thông tin ban hành văn bản của {unit} có hiệu lực ngày {text_date(day)}; "
                "khai báo trong Quản trị → Cơ quan ban hành văn bản."
            )
        return issuer


class PartyTerm(TrackedModel):
    """A Party term (nhiệm kỳ) between two congresses: document numbers restart at each."""

    name = models.CharField("tên nhiệm kỳ", max_length=60, unique=True)
    start = models.DateField("từ ngày", unique=True)
    end = models.DateField("đến ngày", null=True, blank=True)

    class Meta:
        verbose_name = "nhiệm kỳ"
        verbose_name_plural = "nhiệm kỳ"
        ordering = ["start"]

    def __str__(self) -> str:
        return self.name

    def clean(self) -> None:
        if self.end and self.start and self.end < self.start:
            raise ValidationError({"end": "Ngày kết thúc phải sau ngày bắt đầu nhiệm kỳ."})
        others = PartyTerm.objects.exclude(pk=self.pk)
        if self.end:
            others = others.filter(start__lte=self.end)
        if self.start and others.filter(Q(end__isnull=True) | Q(end__gte=self.start)).exists():
            raise ValidationError("Nhiệm kỳ trùng thời gian với một nhiệm kỳ khác.")

    @classmethod
    def for_date(cls, day: dt.date) -> PartyTerm:
        term = (
            cls.objects.filter(start__lte=day).filter(Q(end__isnull=True) | Q(end__gte=day)).order_by("-start").first()
        )
        if term is None:
            raise cls.DoesNotExist(
                f"Chưa khai báo nhiệm kỳ chứa ngày {text_date(day)}; khai báo trong Quản trị → Nhiệm kỳ."
            )
        return term


class Purpose(models.TextChoices):
    """What a receiving body or a legal ground is configured for."""

    ALL = "all", "Mọi văn bản"
    ANNUAL_REPORT = "annual-report", "Báo cáo năm “Dân vận khéo”"
    REVIEWS = "reviews", "Báo cáo sơ kết, tổng kết"
    PLAN = "plan", "Kế hoạch"
    ANNOUNCEMENT = "announcement", "Thông báo kết luận"
    EMULATION = "emulation", "Báo cáo kết quả chấm điểm thi đua"
    AWARD_DECISION = "award-decision", "Quyết định khen thưởng"
    OPINION_REPORT = "opinion-report", "Báo cáo tình hình nhân dân, dư luận xã hội"
    COOPERATION = "cooperation", "Báo cáo thực hiện chương trình, quy chế phối hợp"
    DEMOCRACY = "democracy", "Báo cáo thực hiện dân chủ ở cơ sở"
    EVENTS = "events", "Báo cáo hội thi, hội nghị"
    MEMBERSHIP = "membership", "Báo cáo đoàn viên, hội viên"
    YEAR_REVIEW = "year-review", "Báo cáo tổng kết công tác dân vận năm"


class Addressee(ConfigItem):
    """A receiving body ("Nơi nhận") of the documents of one level, valid for a period: the 2026 report
    goes to the Ban Tuyên giáo và Dân vận Trung ương, the 2024 one went to the Ban Dân vận Trung ương."""

    purpose = models.CharField("loại văn bản", max_length=20, choices=Purpose.choices, default=Purpose.ALL)
    tier = models.CharField(
        "cấp của cơ quan ban hành",
        max_length=10,
        blank=True,
        choices=[("province", "Cấp tỉnh"), ("district", "Cấp huyện"), ("commune", "Cấp xã"), ("other", "Khác")],
        help_text="Để trống: mọi cấp.",
    )

    class Meta(ConfigItem.Meta):
        verbose_name = "nơi nhận văn bản"
        verbose_name_plural = "nơi nhận văn bản"
        ordering = ["purpose", "tier", "order", "name"]

    def clean(self) -> None:
        _check_period(self)

    @classmethod
    def lines(cls, purpose: str, tier: str, day: dt.date) -> list[str]:
        """The names valid on `day` for `purpose` (or every document) and the issuer's `tier` (or every level)."""
        rows = (
            cls.objects.valid_on(day)
            .filter(purpose__in=[purpose, Purpose.ALL], tier__in=[tier, ""])
            .order_by("order", "name")
        )
        return list(dict.fromkeys(rows.values_list("name", flat=True)))


class LegalBasis(ConfigItem):
    """A legal ground ("Căn cứ Luật Thi đua, khen thưởng ngày 15 tháng 6 năm 2022"), valid from the day it
    takes effect until the day before its successor does; a document cites those valid on its own date."""

    text = models.CharField(
        "nội dung căn cứ", max_length=400, help_text="Không ghi “Căn cứ” ở đầu, ví dụ: Luật Thi đua, khen thưởng ..."
    )
    purpose = models.CharField("loại văn bản", max_length=20, choices=Purpose.choices, default=Purpose.AWARD_DECISION)
    system = models.CharField(
        "hệ thống văn bản", max_length=10, choices=System.choices, blank=True, help_text="Để trống: cả hai hệ thống."
    )

    class Meta(ConfigItem.Meta):
        verbose_name = "căn cứ pháp lý"
        verbose_name_plural = "căn cứ pháp lý"
        ordering = ["purpose", "order", "valid_from"]

    def clean(self) -> None:
        _check_period(self)

    @classmethod
    def lines(cls, purpose: str, system: str, day: dt.date) -> list[str]:
        """ "Căn cứ ..." lines valid on `day` for `purpose` and the document `system`, in their order."""
        rows = (
            cls.objects.valid_on(day)
            .filter(purpose__in=[purpose, Purpose.ALL], system__in=[system, ""])
            .order_by("order", "valid_from")
        )
        return [f"Căn cứ {text}" for text in rows.values_list("text", flat=True)]
