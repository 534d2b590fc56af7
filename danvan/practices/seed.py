"""Standard fields (lĩnh vực) and levels (cấp) of the movement; administrators can change them."""

import datetime as dt

FIELDS = [
    ("kinh-te", "Kinh tế"),
    ("van-hoa-xa-hoi", "Văn hóa - xã hội"),
    ("quoc-phong-an-ninh", "Quốc phòng - an ninh"),
    ("xay-dung-he-thong-chinh-tri", "Xây dựng hệ thống chính trị"),
]

# code, name, tier, valid until (district level ended with the district level of government)
LEVELS = [
    ("co-so", "Cấp cơ sở", "commune", None),
    ("huyen", "Cấp huyện", "district", dt.date(2025, 6, 30)),
    ("tinh", "Cấp tỉnh", "province", None),
    ("trung-uong", "Cấp Trung ương", "national", None),
]

# The models seed_config takes, in order (a data migration passes its historical ones).
MODELS = ("Field", "Level")


def seed_config(Field, Level) -> None:
    for order, (code, name) in enumerate(FIELDS, start=1):
        Field.objects.get_or_create(code=code, defaults={"name": name, "order": order})
    for order, (code, name, tier, until) in enumerate(LEVELS, start=1):
        Level.objects.get_or_create(
            code=code, defaults={"name": name, "tier": tier, "order": order, "valid_until": until}
        )
