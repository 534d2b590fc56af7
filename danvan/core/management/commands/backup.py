"""`danvan backup [-o DIR] [--keep N]`: database and uploaded files in one dated archive."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError, CommandParser

from danvan.core import backup
from danvan.core.vn import format_number


class Command(BaseCommand):
    help = "Sao lưu CSDL và các tệp tải lên vào một tệp nén có ghi ngày giờ; giữ lại N bản mới nhất."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("-o", "--output", default=str(settings.BACKUP_DIR), help="thư mục chứa bản sao lưu")
        parser.add_argument("--keep", type=int, default=settings.BACKUP_KEEP, help="số bản sao lưu giữ lại")

    def handle(self, *args: Any, output: str, keep: int, **options: Any) -> None:
        try:
            path = backup.backup(Path(output), keep=keep)
        except backup.BackupError as exc:
            raise CommandError(str(exc)) from None
        size = format_number(path.stat().st_size / 1024 / 1024, decimals=1)
        self.stdout.write(f"Đã sao lưu vào {path} ({size} MB).")
