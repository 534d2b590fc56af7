from django.db import models


class Role(models.TextChoices):
    VIEWER = "viewer", "Xem"
    EDITOR = "editor", "Cập nhật"
    REVIEWER = "reviewer", "Thẩm định, phê duyệt"
    ADMIN = "admin", "Quản trị"


class Tier(models.TextChoices):
    """Where a kind of unit sits in the administrative hierarchy (drives levels and reports)."""

    PROVINCE = "province", "Cấp tỉnh"
    DISTRICT = "district", "Cấp huyện"
    COMMUNE = "commune", "Cấp xã"
    OTHER = "other", "Khác"


class LineageKind(models.TextChoices):
    ESTABLISH = "establish", "Thành lập"
    MERGE = "merge", "Hợp nhất, sáp nhập"
    SPLIT = "split", "Chia tách"
    RENAME = "rename", "Đổi tên"
    REPARENT = "reparent", "Chuyển trực thuộc"
    END = "end", "Kết thúc hoạt động"
