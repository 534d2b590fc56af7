"""The standard blocs and unit kinds every installation starts with."""

BLOCS = [
    ("dang", "Đảng", 1),
    ("chinh-quyen", "Chính quyền", 2),
    ("mttq-doan-the", "MTTQ và đoàn thể", 3),
    ("llvt", "Lực lượng vũ trang", 4),
]

# code, name, tier, default bloc
KINDS = [
    ("tinh-uy", "Tỉnh ủy, Thành ủy trực thuộc Trung ương", "province", "dang"),
    ("ban-dan-van", "Ban Dân vận / Ban Tuyên giáo và Dân vận", "other", "dang"),
    ("huyen-uy", "Huyện ủy, Thị ủy, Thành ủy", "district", "dang"),
    ("dang-uy-xa", "Đảng ủy xã, phường, thị trấn, đặc khu", "commune", "dang"),
    ("dang-uy-truc-thuoc", "Đảng ủy trực thuộc", "other", "dang"),
    ("ubnd", "Ủy ban nhân dân", "other", "chinh-quyen"),
    ("mttq", "Mặt trận Tổ quốc", "other", "mttq-doan-the"),
    ("doan-the", "Đoàn thể", "other", "mttq-doan-the"),
    ("llvt", "Lực lượng vũ trang", "other", "llvt"),
    ("co-quan", "Cơ quan", "other", "chinh-quyen"),
    ("ban-chi-dao", "Ban Chỉ đạo", "other", "dang"),
]

# The models seed_config takes, in order (a data migration passes its historical ones).
MODELS = ("Bloc", "UnitKind")


def seed_config(Bloc, UnitKind) -> None:
    """Create the standard blocs and kinds that are missing (used by the migration and the tests)."""
    blocs = {}
    for code, name, order in BLOCS:
        blocs[code], _ = Bloc.objects.get_or_create(code=code, defaults={"name": name, "order": order})
    for order, (code, name, tier, bloc) in enumerate(KINDS, start=1):
        UnitKind.objects.get_or_create(
            code=code, defaults={"name": name, "tier": tier, "default_bloc": blocs[bloc], "order": order}
        )
