"""Server-time figures at national scale, measured in-process (Django test client, no network)."""

from __future__ import annotations

import datetime as dt
import time

from django.db import connection
from django.db.models import Count

LIST = "/dan-van-kheo/"
ADMIN_LIST = "/quan-tri/practices/practice/"
YEAR = 2024


def _get(client, url):
    def run():
        response = client.get(url)
        assert response.status_code == 200, (url, response.status_code)

    return run


def list_pages(client, admin, commune, timed, figure) -> list[dict]:
    """The practices list stays fast at a million rows: first page, a filtered page, a search, a deep page."""
    client.force_login(admin)
    figures = [
        figure("danh sách mô hình, trang đầu (toàn quốc)", timed(_get(client, LIST)), 300),
        figure(
            "danh sách lọc năm 2019 + đã công nhận", timed(_get(client, f"{LIST}?nam=2019&trang_thai=recognized")), 300
        ),
        figure("tìm không dấu “chuyen doi so” năm 2024", timed(_get(client, f"{LIST}?nam=2024&q=chuyen+doi+so")), 1000),
        figure("danh sách, trang 500", timed(_get(client, f"{LIST}?trang=500")), 500),
    ]
    # The same 100 rows as Django admin's changelist (which counts them too), against that changelist.
    ours, admin_ms = timed(_get(client, f"{LIST}?so_dong=100")), timed(_get(client, ADMIN_LIST))
    figures.append(
        {
            "label": "danh sách 100 dòng so với trang quản trị Django",
            "value": ours,
            "unit": "ms",
            "baseline": admin_ms,
            "goal": "<= 2× trang quản trị",
            "ok": ours <= 2 * admin_ms,
        }
    )
    if commune is not None:
        client.force_login(commune)
        figures.append(figure("danh sách của một xã (cán bộ xã)", timed(_get(client, LIST)), 300))
    return figures


def biggest_province(year: int):
    from danvan.org.models import Unit
    from danvan.practices.models import Practice

    counts = Practice.objects.filter(year=year).values("unit__path").annotate(n=Count("pk")).order_by()
    totals: dict[str, int] = {}
    for row in counts:
        prefix = row["unit__path"][:10]
        totals[prefix] = totals.get(prefix, 0) + row["n"]
    prefix, n = max(totals.items(), key=lambda item: item[1])
    return Unit.objects.select_related("kind").get(path=prefix), n


def raw_province_year(province, year: int) -> None:
    """The hand-written GROUP BY the statistics page needs for one province-year (by level)."""
    sql = """
        SELECT p.year, p.level_id, COUNT(*), SUM(CASE WHEN p.status = 'recognized' THEN 1 ELSE 0 END)
        FROM practices_practice p JOIN org_unit u ON u.id = p.unit_id
        WHERE p.year IN (%s, %s) AND u.path >= %s AND u.path < %s
        GROUP BY p.year, p.level_id
    """
    with connection.cursor() as cursor:
        cursor.execute(sql, [year - 1, year, province.path, province.path + "a"])
        cursor.fetchall()


def extra(client, admin, commune, timed, figure) -> list[dict]:
    from bench.phases import bench_user
    from danvan.core.testing.factories import make_unit
    from danvan.core.vn import format_number
    from danvan.documents.models import Issuer
    from danvan.stats import cube
    from danvan.stats.report_data import Filters
    from danvan.stats.reports import annual_document, render

    province, count = biggest_province(YEAR)
    officer = bench_user("bench_province", province.code)
    qs = cube.practices_for(officer, province)
    ours = timed(lambda: cube.by_dimension(qs, YEAR, "level"))
    raw = timed(lambda: raw_province_year(province, YEAR))
    figures = [
        {
            "label": f"thống kê theo cấp, {province.name} năm {YEAR} ({format_number(count)} mô hình)",
            "value": ours,
            "unit": "ms",
            "baseline": raw,
            "goal": "<= 3× truy vấn SQL viết tay",
            "ok": ours <= 3 * max(raw, 1.0),
        }
    ]
    client.force_login(officer)
    figures.append(figure(f"trang tổng quan, cán bộ {province.name}", timed(_get(client, "/")), 300))
    client.force_login(admin)
    figures.append(figure("trang tổng quan, quản trị toàn quốc", timed(_get(client, "/")), 300))
    figures.append(
        figure(
            f"trang thống kê năm {YEAR}, {province.name}",
            timed(_get(client, f"/thong-ke/?nam={YEAR}&don_vi={province.pk}")),
            1000,
        )
    )
    commission_code = f"{province.code}-BDV-BENCH"
    commission = (
        make_unit("Ban Tuyên giáo và Dân vận (bench)", "ban-dan-van", province, code=commission_code)
        if not _exists(commission_code)
        else _unit(commission_code)
    )
    Issuer.objects.get_or_create(
        unit=commission,
        defaults={
            "superior_line": "TỈNH ỦY",
            "issuer_line": "BAN TUYÊN GIÁO VÀ DÂN VẬN",
            "symbol": "BTGDVTU",
            "place": province.short_name or province.name,
            "head_name": "Nguyễn Văn A",
        },
    )

    def report():
        document, _ = annual_document(officer, Filters(YEAR, province), dt.date(YEAR + 1, 1, 15))
        render(document, "docx")

    started = time.perf_counter()
    report()
    first = (time.perf_counter() - started) * 1000
    figures.append(
        figure(
            f"báo cáo năm (Word), {province.name} ({count:,} mô hình năm {YEAR})".replace(",", "."),
            max(first, timed(report, repeat=3)),
            2000,
        )
    )
    return figures


def _exists(code: str) -> bool:
    from danvan.org.models import Unit

    return Unit.objects.filter(code=code).exists()


def _unit(code: str):
    from danvan.org.models import Unit

    return Unit.objects.get(code=code)
