"""`danvan send_reminders [--days N] [--date YYYY-MM-DD] [--site-url URL] [--dry-run]`: the daily reminder emails.

Meant for a daily timer (see danvan/planning/README.md): it queues the sending for the worker (`--now`
sends in this process); running it twice on a day sends nothing new.
"""

from __future__ import annotations

import datetime as dt
import os
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils import timezone
from django_tasks import TaskResultStatus

from danvan.core.actor import acting_as
from danvan.planning.reminders import DEFAULT_DAYS, send_reminders
from danvan.planning.tasks import send_reminders_task


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
        parser.add_argument(
            "--now", action="store_true", help="gửi ngay trong lệnh này thay vì giao cho tiến trình nền"
        )

    def handle(
        self, *args: Any, days: int, date: str | None, site_url: str, dry_run: bool, now: bool, **options: Any
    ) -> None:
        if days < 0 or days > 366:
            raise CommandError("--days phải từ 0 đến 366.")
        try:
            today = dt.date.fromisoformat(date) if date else timezone.localdate()
        except ValueError:
            raise CommandError(f"Ngày không hợp lệ: {date} (ghi theo dạng YYYY-MM-DD).") from None
        if dry_run or now:
            with acting_as(None, source="system"):
                outcome = send_reminders(today, days, site_url, dry_run)
            if dry_run:
                for address, subject, body in outcome.messages:
                    self.stdout.write(f"Đến: {address}\nTiêu đề: {subject}\n\n{body}\n{'-' * 60}")
            self._report(vars(outcome))
            return
        # The worker sends (a slow mail server holds no timer); with the immediate backend it is done here.
        result = send_reminders_task.enqueue(today.isoformat(), days, site_url)
        if result.status == TaskResultStatus.SUCCESSFUL:
            self._report(result.return_value)
        elif result.status == TaskResultStatus.FAILED:
            raise CommandError(f"Gửi thư nhắc việc không thành công: {result.errors[-1].traceback.splitlines()[-1]}")
        else:
            self.stdout.write(
                f"Đã đưa việc gửi thư nhắc ngày {today:%d/%m/%Y} vào hàng đợi (mã {result.id}); "
                "tiến trình nền (danvan db_worker) sẽ gửi."
            )

    def _report(self, counts: dict) -> None:
        self.stdout.write(
            f"Đã gửi {counts['sent']} thư; đã gửi trước đó trong ngày {counts['already_sent']}; "
            f"không có việc đến hạn {counts['nothing_due']}; không có địa chỉ thư {counts['skipped_no_email']}; "
            f"lỗi {counts['failed']}."
        )
        if counts["failed"]:
            raise CommandError(f"{counts['failed']} thư không gửi được (xem nhật ký).")
