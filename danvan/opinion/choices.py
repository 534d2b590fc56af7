"""Choices of the opinion app: where an item came from, the people's tendency, its state."""

from __future__ import annotations

from django.db import models


class Source(models.TextChoices):
    COLLABORATOR = "collaborator", "Cộng tác viên dư luận xã hội"
    BRIEFING = "briefing", "Giao ban, sinh hoạt định kỳ"
    RECEPTION = "reception", "Tiếp công dân"
    FRONT = "front", "Mặt trận, đoàn thể"
    PRESS = "press", "Báo chí"
    CYBERSPACE = "cyberspace", "Không gian mạng"
    OTHER = "other", "Nguồn khác"


class Platform(models.TextChoices):
    FACEBOOK = "facebook", "Facebook"
    ZALO = "zalo", "Zalo"
    TIKTOK = "tiktok", "TikTok"
    YOUTUBE = "youtube", "YouTube"
    NEWS_SITE = "news_site", "Trang tin, báo điện tử"
    FORUM = "forum", "Diễn đàn, mạng khác"


class Tendency(models.TextChoices):
    AGREE = "agree", "Đồng tình"
    DISAGREE = "disagree", "Không đồng tình"
    UNSURE = "unsure", "Băn khoăn, chưa rõ"


class Intensity(models.TextChoices):
    LOW = "low", "Ít quan tâm"
    MEDIUM = "medium", "Nhiều người quan tâm"
    HIGH = "high", "Bức xúc, lan rộng"


class State(models.TextChoices):
    NEW = "new", "Mới"
    FORWARDED = "forwarded", "Đã chuyển"
    ANSWERED = "answered", "Đã trả lời"
    RESOLVED = "resolved", "Đã giải quyết"
    WATCHING = "watching", "Theo dõi tiếp"


OPEN_STATES = (State.NEW, State.FORWARDED, State.ANSWERED, State.WATCHING)


class ReceptionKind(models.TextChoices):
    REGULAR = "regular", "Định kỳ"
    UNSCHEDULED = "unscheduled", "Đột xuất"


class ReceptionStatus(models.TextChoices):
    PLANNED = "planned", "Theo lịch"
    HELD = "held", "Đã tiếp"
    CANCELLED = "cancelled", "Hoãn, hủy"


class CaseType(models.TextChoices):
    REFLECTION = "reflection", "Phản ánh"
    PETITION = "petition", "Kiến nghị"
    COMPLAINT = "complaint", "Khiếu nại"
    DENUNCIATION = "denunciation", "Tố cáo"


class HostRole(models.TextChoices):
    SECRETARY = "secretary", "Bí thư cấp ủy"
    CHAIR = "chair", "Chủ tịch Ủy ban nhân dân"
