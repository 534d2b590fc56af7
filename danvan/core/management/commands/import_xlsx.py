"""`danvan import_xlsx KIND FILE.xlsx [--dry-run] [--user USERNAME]`: the one Excel import command."""

from __future__ import annotations

from typing import Any

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError, CommandParser

from danvan.core.xlsx import UnknownKind, get_kind, run_import


def resolve_user(username: str | None) -> Any:
    """The --user to act and be scoped as; without it the command runs as the system (no scope limit)."""
    if not username:
        return None
    user = get_user_model().objects.filter(username=username).first()
    if user is None:
        raise CommandError(f"Không có người dùng '{username}'.")
    return user


def resolve_kind(name: str) -> Any:
    try:
        return get_kind(name)
    except UnknownKind as exc:
        raise CommandError(str(exc)) from None


class Command(BaseCommand):
    help = "Nhập dữ liệu từ tệp Excel (.xlsx): kiểm tra toàn bộ, chỉ ghi khi không có lỗi nào."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("kind", help="loại dữ liệu, ví dụ: units, lineage")
        parser.add_argument("file", help="tệp .xlsx")
        parser.add_argument("--dry-run", action="store_true", help="chỉ kiểm tra, không ghi")
        parser.add_argument("--user", help="nhập với quyền của người dùng này (giới hạn theo phạm vi quản lý)")

    def handle(self, *args: Any, kind: str, file: str, dry_run: bool, user: str | None, **options: Any) -> None:
        spec = resolve_kind(kind)
        result = run_import(spec, file, user=resolve_user(user), dry_run=dry_run)
        if not result.ok:
            errors = result.errors
            for error in errors:
                self.stderr.write(str(error))
            count = result.error_count
            if count > len(errors):
                self.stderr.write(f"... và {count - len(errors)} lỗi nữa.")
            raise CommandError(f"Tệp có {count} lỗi; không có dữ liệu nào được ghi.")
        self.stdout.write(result.summary())
