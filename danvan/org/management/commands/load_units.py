"""`danvan load_units [--province TÊN_HOẶC_MÃ]`: Party committees of the administrative divisions."""

from __future__ import annotations

import time

from django.core.management.base import BaseCommand, CommandError

from danvan.core.actor import acting_as
from danvan.core.vn import format_number
from danvan.org.divisions import UnknownProvince, load_divisions


class Command(BaseCommand):
    help = (
        "Nạp tỉnh ủy, huyện ủy, đảng ủy xã theo đơn vị hành chính trước và sau ngày 1/7/2025 "
        "(34 tỉnh, thành phố hiện nay; 63 tỉnh, 696 huyện, 10.051 xã trước sắp xếp) cùng các sự kiện "
        "sáp nhập theo Nghị quyết 202/2025/QH15. Chạy lại nhiều lần không tạo trùng."
    )

    def add_arguments(self, parser) -> None:
        parser.add_argument(
            "--province",
            metavar="TÊN_HOẶC_MÃ",
            help="chỉ nạp một tỉnh: tên (có dấu hay không, trước hoặc sau sắp xếp) hoặc mã (80, T80); "
            "tên một tỉnh cũ nạp cả tỉnh mới mà nó sáp nhập vào",
        )

    def handle(self, *args, province: str | None = None, **options) -> None:
        started = time.perf_counter()
        with acting_as(None, source="cli"):
            try:
                summary = load_divisions(province)
            except UnknownProvince as error:
                raise CommandError(str(error)) from error
        for note in summary.notes:
            self.stderr.write(self.style.WARNING(note))
        seconds = format_number(time.perf_counter() - started, 1)
        self.stdout.write(self.style.SUCCESS(f"{summary.message()} ({seconds} giây)"))
