from django.db import models


class Kind(models.TextChoices):
    MODEL = "model", "Mô hình"
    EXEMPLAR = "exemplar", "Điển hình"


class Subject(models.TextChoices):
    COLLECTIVE = "collective", "Tập thể"
    INDIVIDUAL = "individual", "Cá nhân"


class Status(models.TextChoices):
    REGISTERED = "registered", "Đăng ký"
    IMPLEMENTING = "implementing", "Đang thực hiện"
    PROPOSED = "proposed", "Đề nghị công nhận"
    RECOGNIZED = "recognized", "Đã công nhận"
    REJECTED = "rejected", "Không công nhận"


FINAL_STATUSES = frozenset({Status.RECOGNIZED, Status.REJECTED})


class LevelTier(models.TextChoices):
    COMMUNE = "commune", "Cấp cơ sở"
    DISTRICT = "district", "Cấp huyện"
    PROVINCE = "province", "Cấp tỉnh"
    NATIONAL = "national", "Cấp Trung ương"


class FileKind(models.TextChoices):
    EVIDENCE = "evidence", "Tài liệu minh chứng"
    PHOTO = "photo", "Hình ảnh"
