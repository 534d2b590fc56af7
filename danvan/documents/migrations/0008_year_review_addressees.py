"""Receiving bodies of the year's review report ("Báo cáo tổng kết công tác dân vận năm"), with their
successions: the central commission merged on 3/2/2025, the province's on 1/3/2025, the districts ended on
30/6/2025 (the communes report to the province from 1/7/2025). The Thường trực Tỉnh ủy and the archive come
from the rows every document uses."""

import datetime as dt

from django.db import migrations

CENTRAL_MERGER = dt.date(2025, 2, 3)
PROVINCE_MERGER = dt.date(2025, 3, 1)
REFORM = dt.date(2025, 7, 1)
DAY = dt.timedelta(days=1)

# code, name, tier ("": every level), valid from, valid until, order (after the bodies above the issuer)
ROWS = [
    ("tk-bdv-tw", "Ban Dân vận Trung ương", "province", None, CENTRAL_MERGER - DAY, 1),
    ("tk-btgdv-tw", "Ban Tuyên giáo và Dân vận Trung ương", "province", CENTRAL_MERGER, None, 1),
    ("tk-mttq", "Mặt trận Tổ quốc và các đoàn thể cùng cấp", "", None, None, 20),
    ("tk-bdv-huyen", "Ban Dân vận các huyện ủy, thị ủy, thành ủy", "province", None, PROVINCE_MERGER - DAY, 21),
    ("tk-btgdv-huyen", "Ban Tuyên giáo và Dân vận các huyện ủy, thị ủy, thành ủy", "province", PROVINCE_MERGER,
     REFORM - DAY, 21),
    ("tk-du-xa", "Các đảng ủy xã, phường", "province", REFORM, None, 21),
    ("tk-du-xa-huyen", "Các đảng ủy xã, thị trấn", "district", None, REFORM - DAY, 21),
]  # fmt: skip


def seed(apps, schema_editor):
    Addressee = apps.get_model("documents", "Addressee")
    for code, name, tier, start, until, order in ROWS:
        Addressee.objects.get_or_create(
            code=code,
            defaults={
                "name": name,
                "purpose": "year-review",
                "tier": tier,
                "valid_from": start,
                "valid_until": until,
                "order": order,
            },
        )


def unseed(apps, schema_editor):
    apps.get_model("documents", "Addressee").objects.filter(code__in=[row[0] for row in ROWS]).delete()


class Migration(migrations.Migration):
    dependencies = [("documents", "0007_year_review_purposes")]
    operations = [migrations.RunPython(seed, unseed)]
