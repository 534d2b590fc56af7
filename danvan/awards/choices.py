from django.db import models


class RecipientKind(models.TextChoices):
    COLLECTIVE = "collective", "Tập thể"
    INDIVIDUAL = "individual", "Cá nhân"


class RecipientKinds(models.TextChoices):
    """Who an award type may be given to."""

    BOTH = "both", "Tập thể và cá nhân"
    COLLECTIVE = "collective", "Chỉ tập thể"
    INDIVIDUAL = "individual", "Chỉ cá nhân"


class ProposalStatus(models.TextChoices):
    DRAFT = "draft", "Nháp"
    SUBMITTED = "submitted", "Đã gửi"
    RETURNED = "returned", "Trả lại"
    APPROVED = "approved", "Đã duyệt"
    DECIDED = "decided", "Đã có quyết định"


# A proposal can be edited (and its recipients changed) only in these states.
EDITABLE_PROPOSAL_STATES = frozenset({ProposalStatus.DRAFT, ProposalStatus.RETURNED})


class DecisionStatus(models.TextChoices):
    DRAFT = "draft", "Dự thảo"
    ISSUED = "issued", "Đã ban hành"


class SignerMode(models.TextChoices):
    HEAD = "head", "Người đứng đầu ký"
    DEPUTY = "deputy", "Cấp phó ký thay (K/T)"


class Orientation(models.TextChoices):
    LANDSCAPE = "landscape", "A4 ngang"
    PORTRAIT = "portrait", "A4 dọc"
