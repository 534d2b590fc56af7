"""`danvan export_xlsx KIND -o FILE.xlsx [--user USERNAME] [--unit CODE] [--year Y]`: the columns the import reads."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from danvan.core.management.commands.import_xlsx import resolve_kind, resolve_user
from danvan.core.xlsx import export, writer


class Command(BaseCommand):
    help = "Xuất dữ liệu ra tệp Excel (.xlsx) đúng các cột của chức năng nhập, để có thể nhập lại."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("kind", help="loại dữ liệu, ví dụ: units, lineage")
        parser.add_argument("-o", "--output", required=True, help="tệp .xlsx sẽ ghi")
        parser.add_argument("--user", help="chỉ xuất dữ liệu người dùng này được xem")
        parser.add_argument("--unit", help="chỉ xuất dữ liệu của đơn vị có mã này và các đơn vị trực thuộc")
        parser.add_argument("--year", type=int, help="chỉ xuất dữ liệu của năm này (với loại dữ liệu theo năm)")

    def handle(
        self, *args: Any, kind: str, output: str, user: str | None, unit: str | None, year: int | None, **options: Any
    ) -> None:
        spec = resolve_kind(kind)
        filters = {key: value for key, value in (("unit", unit), ("year", year)) if value}
        try:
            workbook = export(spec, filters, user=resolve_user(user))
            writer.save(workbook, output)
        except ValueError as exc:
            raise CommandError(str(exc)) from None
        except OSError as exc:
            raise CommandError(f"Không ghi được tệp '{output}': {exc.strerror}.") from None
        self.stdout.write(f"Đã xuất danh sách {spec.label} ra tệp {output}.")
