"""The import benchmark: `rows` practices over every province and ten years, as one xlsx file.

`run(rows)` starts from an empty practice registry (the units stay: loading them is not what is
measured), writes a deterministic file shaped like the lists units send (title block, STT column,
a total row; units by code or by name, dates as Excel dates or typed text), then times openpyxl
reading the file bare (python-calamine, the reader the import uses) and `run_import("practices", file)`
reading, checking and writing it.
"""

from __future__ import annotations

import datetime as dt
import random
import sys
import time
from collections import Counter
from pathlib import Path

from django.db import connection, transaction

from danvan.core.vn import fold_key

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "var" / "bench"
YEARS = range(2017, 2027)
GENERATOR_VERSION = 1  # bump when the file's content changes, so a cached file is rebuilt

HEADER = [
    "STT",
    "Mã mô hình",
    "Tên mô hình",
    "Loại",
    "Đối tượng",
    "Họ tên",
    "Chức vụ",
    "Đơn vị",
    "Khối",
    "Lĩnh vực",
    "Năm",
    "Cấp đăng ký",
    "Trạng thái",
    "Cấp công nhận",
    "Số quyết định công nhận",
    "Ngày công nhận",
    "Mô tả",
]
WORDS = [
    "hiến đất làm đường",
    "xây dựng nông thôn mới",
    "tổ tự quản",
    "an ninh trật tự",
    "giảm nghèo bền vững",
    "chuyển đổi số",
    "một cửa liên thông",
    "đối thoại với Nhân dân",
    "phân loại rác tại nguồn",
    "nước sạch nông thôn",
    "khuyến học, khuyến tài",
    "rau an toàn",
    "camera an ninh",
    "chi bộ kiểu mẫu",
    "phụ nữ tiết kiệm",
    "đường hoa",
]
FIELDS = ["Kinh tế", "Văn hoá - xã hội", "VĂN HÓA – XÃ HỘI", "Quốc phòng - an ninh", "Xây dựng hệ thống chính trị"]
PEOPLE = ["Nguyễn Văn An", "Trần Thị Bình", "Lê Văn Cường", "Phạm Thị Dung", "Hoàng Văn Em"]


def log(line: str) -> None:
    print(line, file=sys.stderr)


def clear_practices() -> None:
    """An empty registry for each run: practices, their change log and their code counters."""
    from danvan.core.models import ChangeLogEntry
    from danvan.core.numbering import Counter as NumberCounter
    from danvan.practices.models import Amendment, Practice, PracticeFile

    with transaction.atomic():
        for model in (PracticeFile, Amendment, Practice):
            model.objects.all()._raw_delete(connection.alias)
        ChangeLogEntry.objects.all()._raw_delete(connection.alias)
        NumberCounter.objects.filter(key__startswith="DVK-").delete()


def _units_by_year() -> dict[int, list[tuple[str, str, bool]]]:
    """Per year: (code, name, whether the name is unique that year) of the communes and districts then."""
    from danvan.org.models import Unit

    result = {}
    for year in YEARS:
        start, end = dt.date(year, 1, 1), dt.date(year, 12, 31)
        valid = list(Unit.objects.valid_during(start, end).values_list("code", "name", "kind__tier"))
        names = Counter(fold_key(name) for _, name, _ in valid)
        result[year] = [
            (code, name, names[fold_key(name)] == 1) for code, name, tier in valid if tier in ("commune", "district")
        ]
    return result


def write_file(path: Path, rows: int) -> Path:
    from openpyxl import Workbook

    rng = random.Random(20_260_101 + rows)
    units = _units_by_year()
    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet("Danh sách")
    sheet.append(["BAN TUYÊN GIÁO VÀ DÂN VẬN TRUNG ƯƠNG"])
    sheet.append([f"DANH SÁCH {rows:,} MÔ HÌNH, ĐIỂN HÌNH DÂN VẬN KHÉO 2017–2026".replace(",", ".")])
    sheet.append([])
    sheet.append(HEADER)
    per_year = -(-rows // len(YEARS))
    number = 0
    for year in YEARS:
        pool = units[year]
        for i in range(min(per_year, rows - number)):
            number += 1
            code, name, unique = pool[(i * 7919) % len(pool)]
            roll = rng.random()
            individual = roll > 0.97
            kind = "Điển hình" if individual else "Mô hình"
            if year < 2026:
                status = "Đã công nhận" if roll < 0.85 else "Không công nhận" if roll < 0.9 else "Đang thực hiện"
            else:
                status = rng.choice(["Đăng ký", "Đang thực hiện", "Đề nghị công nhận"])
            recognized = status == "Đã công nhận"
            district_level = year <= 2024 and roll < 0.1
            decided = dt.datetime(year, 12, rng.randint(1, 28))
            sheet.append(
                [
                    number,
                    None,
                    f"{kind} {rng.choice(WORDS)} gắn với {rng.choice(WORDS)} số {i}",
                    kind,
                    "Cá nhân" if individual else "Tập thể",
                    rng.choice(PEOPLE) if individual else None,
                    "Bí thư chi bộ" if individual else None,
                    name if unique and roll < 0.3 else code,
                    None if roll < 0.8 else "Đảng",
                    FIELDS[i % len(FIELDS)],
                    year,
                    "Cấp huyện" if district_level else "Cấp cơ sở",
                    status,
                    ("Cấp huyện" if district_level else "Cấp cơ sở") if recognized else None,
                    f"{i % 500 + 1}-QĐ/BCĐ" if recognized else None,
                    (decided if roll < 0.5 else f"{decided.day}/{decided.month}/{year}") if recognized else None,
                    "Vận động Nhân dân cùng tham gia; cấp ủy lãnh đạo, chính quyền quản lý, Nhân dân làm chủ.",
                ]
            )
    sheet.append(["Tổng cộng", None, f"{number} mô hình"])
    path.parent.mkdir(parents=True, exist_ok=True)
    workbook.save(path)
    return path


def bare_read(path: Path) -> tuple[float, float, int]:
    """python-calamine alone: open the file and take every row's values. (wall seconds, CPU seconds, rows)"""
    from python_calamine import CalamineWorkbook

    started, cpu = time.perf_counter(), time.process_time()
    workbook = CalamineWorkbook.from_path(str(path))
    count = 0
    for name in workbook.sheet_names:
        for _ in workbook.get_sheet_by_name(name).iter_rows():
            count += 1
    workbook.close()
    return time.perf_counter() - started, time.process_time() - cpu, count


def prepare(rows: int) -> Path:
    """An empty registry over every unit, and the file of `rows` practices (written once)."""
    from danvan.org.divisions import load_divisions

    started = time.perf_counter()
    clear_practices()
    log(f"  đơn vị: {load_divisions().message()} ({time.perf_counter() - started:.1f} s)")
    path = DATA / f"import-{rows}-v{GENERATOR_VERSION}.xlsx"
    if not path.exists():
        started = time.perf_counter()
        write_file(path, rows)
        log(f"  tạo tệp {path.name}: {path.stat().st_size / 1e6:.1f} MB ({time.perf_counter() - started:.1f} s)")
    return path


def preview(rows: int) -> dict:
    """The web preview: the check job (a dry run) started for a national administrator as the upload
    view starts it, then run as the worker runs it, until its report (counts, errors, first rows) is saved."""
    from django_tasks_db.models import DBTaskResult

    from bench.phases import bench_user
    from danvan.core import jobs
    from danvan.core.jobs.imports import CHECK
    from danvan.core.jobs.models import Job

    path = prepare(rows)
    user = bench_user("bench_tinh", None)
    content = path.read_bytes()
    started, cpu = time.perf_counter(), time.process_time()
    job = jobs.start(user, CHECK, "bench", params={"flow": "practices", "target": None}, source=content,
                     source_name=path.name)  # fmt: skip
    status = jobs.execute(job.pk)
    seconds, cpu_seconds = time.perf_counter() - started, time.process_time() - cpu
    job = Job.objects.get(pk=job.pk)
    report = job.report or {}
    job.source.delete(save=False)
    job.delete()
    DBTaskResult.objects.all().delete()  # the bench database has no worker
    assert status == Job.Status.DONE and report.get("ok") and report.get("created") == rows, (status, job.error)
    return {"rows": rows, "seconds": round(seconds, 2), "cpu_seconds": round(cpu_seconds, 2)}


def run(rows: int) -> dict:
    from danvan.core.xlsx import run_import
    from danvan.practices.models import Practice

    path = prepare(rows)
    bare_seconds, bare_cpu, read_rows = bare_read(path)
    assert read_rows >= rows, (read_rows, rows)
    started, cpu = time.perf_counter(), time.process_time()
    result = run_import("practices", path)
    seconds, cpu_seconds = time.perf_counter() - started, time.process_time() - cpu
    if not result.ok:
        for error in result.errors[:20]:
            log(f"  {error}")
        raise SystemExit(f"nhập thử thất bại: {len(result.errors)} lỗi")
    assert result.created == rows == Practice.objects.count(), (result.created, rows)
    return {
        "rows": rows,
        "seconds": round(seconds, 2),
        "rows_per_second": round(rows / seconds, 1),
        "bare_seconds": round(bare_seconds, 2),
        "bare_rows_per_second": round(rows / bare_seconds, 1),
        "ratio": round(seconds / bare_seconds, 2),
        "cpu_ratio": round(cpu_seconds / bare_cpu, 2),
        # CPU time of this process: the same figures without the other processes of a shared machine
        "cpu_seconds": round(cpu_seconds, 2),
        "cpu_rows_per_second": round(rows / cpu_seconds, 1),
        "bare_cpu_seconds": round(bare_cpu, 2),
    }
