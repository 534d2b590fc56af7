"""Server-time figures at national scale, measured through Django's test client (no network)."""

from __future__ import annotations

LIST = "/dan-van-kheo/"


def list_pages(client, admin, commune, timed, figure) -> list[dict]:
    """The practices list stays fast at a million rows: first page, a filtered page, a search, a deep page."""
    client.force_login(admin)

    def get(url):
        def run():
            response = client.get(url)
            assert response.status_code == 200, (url, response.status_code)

        return run

    figures = [
        figure("danh sách mô hình, trang đầu (toàn quốc)", timed(get("/dan-van-kheo/")), 300),
        figure("danh sách lọc năm 2019 + đã công nhận", timed(get(f"{LIST}?nam=2019&trang_thai=recognized")), 300),
        figure("tìm kiếm không dấu “chuyen doi so” năm 2024", timed(get(f"{LIST}?nam=2024&q=chuyen+doi+so")), 1000),
        figure("danh sách, trang 500", timed(get("/dan-van-kheo/?trang=500")), 500),
    ]
    if commune is not None:
        client.force_login(commune)
        figures.append(figure("danh sách của một xã (cán bộ xã)", timed(get("/dan-van-kheo/")), 300))
    return figures


def extra(client, admin, commune, timed, figure) -> list[dict]:
    """Later issues add their figures here (statistics, dashboard, yearly report)."""
    return []
