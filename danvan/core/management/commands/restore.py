"""`danvan restore ARCHIVE [--force]`: put a backup into this install (empty database and upload folder)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from danvan.core import backup
from danvan.core.vn import format_number


class Command(BaseCommand):
    help = "Khôi phục CSDL và các tệp tải lên từ một bản sao lưu của lệnh `danvan backup`."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("archive", help="tệp danvan-YYYYMMDD-HHMMSS.tar.gz")
        parser.add_argument("--force", action="store_true", help="ghi đè CSDL và thư mục tệp tải lên đang có dữ liệu")

    def handle(self, *args: Any, archive: str, force: bool, **options: Any) -> None:
        try:
            done = backup.restore(Path(archive), force=force)
        except backup.BackupError as exc:
            raise CommandError(str(exc)) from None
        self.stdout.write(
            f"Đã khôi phục {format_number(done.rows)} bản ghi trong {done.tables} bảng và "
            f"{format_number(done.files)} tệp, trong {format_number(done.seconds, decimals=1)} giây. "
            "Chạy tiếp `danvan migrate` nếu bản sao lưu có từ phiên bản trước."
        )
