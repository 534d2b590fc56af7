"""The kinds of contests, conferences and prizes; administrators can change them and date them."""

CONTEST_KINDS = [
    ("dan-van-kheo", "Hội thi “Dân vận khéo”"),
    ("cuoc-thi-viet", "Cuộc thi viết"),
    ("tuyen-truyen", "Hội thi tuyên truyền"),
    ("bao-chi", "Cuộc thi báo chí"),
    ("tim-hieu", "Cuộc thi tìm hiểu"),
]
CONFERENCE_KINDS = [
    ("tong-ket", "Hội nghị tổng kết"),
    ("so-ket", "Hội nghị sơ kết"),
    ("trien-khai", "Hội nghị triển khai nhiệm vụ"),
    ("toa-dam", "Tọa đàm"),
    ("hoi-thao", "Hội thảo"),
    ("bieu-duong", "Hội nghị biểu dương, tôn vinh"),
    ("giao-ban", "Hội nghị giao ban"),
]
PRIZE_KINDS = [
    ("dac-biet", "Giải Đặc biệt"),
    ("nhat", "Giải Nhất"),
    ("nhi", "Giải Nhì"),
    ("ba", "Giải Ba"),
    ("khuyen-khich", "Giải Khuyến khích"),
    ("tap-the", "Giải tập thể"),
    ("phu", "Giải phụ"),
]

# The models seed_config takes, in order (a data migration passes its historical ones).
MODELS = ("ContestKind", "ConferenceKind", "PrizeKind")


def seed_config(ContestKind, ConferenceKind, PrizeKind) -> None:
    for model, rows in ((ContestKind, CONTEST_KINDS), (ConferenceKind, CONFERENCE_KINDS), (PrizeKind, PRIZE_KINDS)):
        for order, (code, name) in enumerate(rows, start=1):
            model.objects.get_or_create(code=code, defaults={"name": name, "order": order})
