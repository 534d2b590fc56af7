"""Build the national-scale dataset: every province's units and about a million practices over ten years.

Deterministic (seeded), idempotent per database: a database that already holds the dataset is
reused, so `make bench` pays the build only once.
"""

from __future__ import annotations

import datetime as dt
import random
import time

from django.db import connection, transaction

from danvan.core import numbering
from danvan.org.divisions import load_divisions
from danvan.org.models import Unit
from danvan.practices import services
from danvan.practices.choices import Kind, Status, Subject
from danvan.practices.models import Field, Level, Practice

YEARS = range(2017, 2027)
TARGET = 1_000_000
WORDS = [
    "Dân vận khéo",
    "xây dựng nông thôn mới",
    "hiến đất làm đường",
    "đường hoa",
    "tổ tự quản",
    "an ninh trật tự",
    "giảm nghèo",
    "chuyển đổi số",
    "một cửa",
    "đối thoại",
    "đồng bào Khmer",
    "phân loại rác",
    "nước sạch",
    "khuyến học",
    "chăn nuôi bò",
    "rau an toàn",
    "camera an ninh",
    "chi bộ kiểu mẫu",
    "phụ nữ tiết kiệm",
]


def _units_by_year() -> dict[int, list[tuple[int, str, int | None, int | None]]]:
    result = {}
    for year in YEARS:
        jan1 = dt.date(year, 1, 1)
        rows = (
            Unit.objects.valid_on(jan1)
            .filter(kind__tier__in=["commune", "district"])
            .values_list("pk", "name", "bloc_id", "parent_id")
        )
        result[year] = list(rows)
    return result


def build(target: int = TARGET, log=print) -> int:
    """Load all units and `target` practices; returns the number of practices in the database."""
    existing = Practice.objects.count()
    if existing >= target:
        return existing
    started = time.perf_counter()
    load_divisions()
    log(f"  đơn vị: {Unit.objects.count():,} ({time.perf_counter() - started:.1f} s)")
    rng = random.Random(1_000_000)
    fields = list(Field.objects.values_list("pk", flat=True))
    levels = {lv.code: lv.pk for lv in Level.objects.all()}
    units = _units_by_year()
    per_year = (target - existing) // len(YEARS)
    total = existing
    for year in YEARS:
        pool = units[year]
        batch = []
        for i in range(per_year):
            pk, unit_name, bloc_id, parent_id = pool[i % len(pool)]
            roll = rng.random()
            if year < 2026:
                status = Status.RECOGNIZED if roll < 0.85 else Status.REJECTED if roll < 0.9 else Status.IMPLEMENTING
            else:
                status = rng.choice(list(Status))
            recognized = status == Status.RECOGNIZED
            name = f"Mô hình {rng.choice(WORDS)} và {rng.choice(WORDS)} số {i}"
            practice = Practice(
                code=f"DVK-{year}-{i + 1:06d}",
                name=name,
                kind=Kind.EXEMPLAR if roll > 0.97 else Kind.MODEL,
                subject=Subject.COLLECTIVE,
                unit_id=pk,
                unit_name=unit_name,
                bloc_id=bloc_id or 1,
                field_id=fields[i % len(fields)],
                year=year,
                level_id=levels["co-so"] if year >= 2026 or roll < 0.9 else levels["huyen"],
                status=status,
                recognized_level_id=levels["co-so"] if recognized else None,
                decision_number=f"{i % 500 + 1}-QĐ/BCĐ" if recognized else "",
                decision_date=dt.date(year, 12, 20) if recognized else None,
                recognizing_unit_id=parent_id if recognized else None,
                description="Vận động Nhân dân cùng tham gia, cấp ủy lãnh đạo, chính quyền quản lý.",
            )
            practice.search_text = f"{practice.code.lower()} {name.lower()}"
            batch.append(practice)
            if len(batch) == 20_000:
                _flush(batch)
                total += len(batch)
                batch = []
        _flush(batch)
        total += len(batch)
        numbering.ensure_at_least(services.code_key(year), per_year)
        log(f"  năm {year}: {total:,} mô hình ({time.perf_counter() - started:.0f} s)")
    with connection.cursor() as cursor:
        # Fresh statistics and (on PostgreSQL) a visibility map, so index-only scans are possible,
        # as they would be on a production database after autovacuum.
        cursor.execute("VACUUM ANALYZE" if connection.vendor == "postgresql" else "ANALYZE")
    return total


def _flush(batch: list[Practice]) -> None:
    if batch:
        with transaction.atomic():
            Practice.objects.bulk_create(batch, batch_size=2000)
