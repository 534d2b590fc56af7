"""`danvan send_reminders [--days N] [--date YYYY-MM-DD] [--site-url URL] [--dry-run]`: the daily reminder emails.

Meant for a daily timer (see danvan/planning/README.md); running it twice on a day sends nothing new.
"""

from __future__ import annotations

import datetime as dt
import os
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils import timezone

from danvan.core.actor import acting_as
from danvan.planning.reminders import DEFAULT_DAYS, send_reminders


class Command(BaseCommand):
    help = "Gửi thư nhắc các việc sơ kết, tổng kết, nhiệm vụ trọng tâm, kiến nghị đến hạn hoặc quá hạn."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--days", type=int, default=DEFAULT_DAYS, help="nhắc việc đến hạn trong số ngày này")
        parser.add_argument("--date", help="ngày chạy (YYYY-MM-DD), mặc định hôm nay")
        parser.add_argument(
            "--site-url",
            default=os.environ.get("DANVAN_SITE_URL", ""),
            help="địa chỉ trang danvan để đưa đường dẫn vào thư (mặc định biến DANVAN_SITE_URL)",
        )
        parser.add_argument("--dry-run", action="store_true", help="chỉ in thư ra màn hình, không gửi")

    def handle(self, *args: Any, days: int, date: str | None, site_url: str, dry_run: bool, **options: Any) -> None:
        if days < 0 or days > 366:
            raise CommandError("--days phải từ 0 đến 366.")
        try:
            today = dt.date.fromisoformat(date) if date else timezone.localdate()
        except ValueError:
            raise CommandError(f"Ngày không hợp lệ: {date} (ghi theo dạng YYYY-MM-DD).") from None
        with acting_as(None, source="system"):
            outcome = send_reminders(today, days, site_url, dry_run)
        if dry_run:
            for address, subject, body in outcome.messages:
                self.stdout.write(f"Đến: {address}\nTiêu đề: {subject}\n\n{body}\n{'-' * 60}")
        self.stdout.write(
            f"Đã gửi {outcome.sent} thư; đã gửi trước đó trong ngày {outcome.already_sent}; "
            f"không có việc đến hạn {outcome.nothing_due}; không có địa chỉ thư {outcome.skipped_no_email}; "
            f"lỗi {outcome.failed}."
        )
        if outcome.failed:
            raise CommandError(f"{outcome.failed} thư không gửi được (xem nhật ký).")
