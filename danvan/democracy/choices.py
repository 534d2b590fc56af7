"""Choices of the grassroots democracy app: the kind of place a record is for, how the people decided,
the boards, the state of a village charter, the kind of a workplace dialogue."""

from __future__ import annotations

from django.db import models


class PlaceKind(models.TextChoices):
    """Where the law applies: a commune (ward, special zone), an agency or public unit, an enterprise."""

    COMMUNE = "commune", "Xã, phường, đặc khu"
    AGENCY = "agency", "Cơ quan, đơn vị"
    ENTERPRISE = "enterprise", "Doanh nghiệp"


class MatterMethod(models.TextChoices):
    MEETING = "meeting", "Hội nghị cử tri, hộ gia đình"
    BALLOT = "ballot", "Phát phiếu lấy ý kiến hộ gia đình"
    ONLINE = "online", "Biểu quyết trực tuyến"


class BoardKind(models.TextChoices):
    INSPECTION = "inspection", "Ban Thanh tra nhân dân"
    INVESTMENT = "investment", "Ban Giám sát đầu tư của cộng đồng"


class CharterKind(models.TextChoices):
    CUSTOM = "huong-uoc", "Hương ước"
    COVENANT = "quy-uoc", "Quy ước"


class CharterState(models.TextChoices):
    DRAFTED = "drafted", "Đang xây dựng"
    APPROVED = "approved", "Đã được công nhận"
    REVISED = "revised", "Đã sửa đổi, bổ sung"


# A charter in force: approved, or approved and then revised (both carry a decision).
IN_FORCE = (CharterState.APPROVED, CharterState.REVISED)


class DialogueKind(models.TextChoices):
    PERIODIC = "periodic", "Định kỳ"
    AD_HOC = "ad-hoc", "Đột xuất, theo yêu cầu"


class Completion(models.TextChoices):
    """The list's filter on how far a unit's year has got."""

    NO_REVIEW = "chua-tong-ket", "Chưa tổng kết"
    REVIEWED = "da-tong-ket", "Đã tổng kết"
    DISCLOSURE_OPEN = "chua-cong-khai-du", "Công khai chưa đủ"
    DISCLOSURE_DONE = "cong-khai-du", "Công khai đủ"
