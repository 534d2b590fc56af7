"""`danvan report KIND --year Y [--unit CODE] [--mode as_at|today] -o FILE.(docx|pdf|xlsx) [--user USERNAME]`.

One command for every report; each kind is a function `(year, unit_code, path, user) -> str` in its app, which
takes `mode` too when the report, like its page, counts units as at the time or mapped to today's units.
"""

from __future__ import annotations

import importlib
from pathlib import Path

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

from danvan.core.actor import acting_as

# kind -> (module, function, formats, whether it takes a mode)
REPORTS = {
    "annual": ("danvan.stats.cli", "annual", ("docx", "pdf", "xlsx"), True),
    "reviews": ("danvan.planning.cli", "reviews", ("docx", "xlsx"), False),
    "awards": ("danvan.awards.reports", "write_awards_report", ("docx", "xlsx"), False),
    "review": ("danvan.review.cli", "review", ("docx",), True),
}

# org.areas' modes, named here because core does not import org; the writers default to as_at.
MODES = ("as_at", "today")
MODES_HELP = "as_at: tại thời điểm đó, mặc định; today: quy về đơn vị hiện nay"


class Command(BaseCommand):
    help = "Xuất báo cáo: " + ", ".join(REPORTS)

    def add_arguments(self, parser):
        parser.add_argument("kind", help="loại báo cáo: " + ", ".join(REPORTS))
        parser.add_argument("--year", type=int, required=True, help="năm báo cáo")
        parser.add_argument("--unit", help="mã đơn vị (mặc định: toàn bộ phạm vi)")
        parser.add_argument("-o", "--output", required=True, help="tệp kết quả .docx, .pdf hoặc .xlsx")
        parser.add_argument("--user", help="tên đăng nhập: báo cáo trong phạm vi của người này")
        parser.add_argument("--mode", help=f"báo cáo annual, review: cách tính theo đơn vị ({MODES_HELP})")

    def handle(self, kind, year, unit, output, user, mode=None, **options):
        if kind not in REPORTS:
            raise CommandError(f"Không có loại báo cáo “{kind}”. Các loại: {', '.join(REPORTS)}.")
        module, function, formats, takes_mode = REPORTS[kind]
        if mode and not takes_mode:
            raise CommandError(f"Báo cáo “{kind}” không tính theo hai cách nên không nhận --mode.")
        if mode and mode not in MODES:
            raise CommandError(f"Không có cách tính “{mode}”: ghi {MODES_HELP}.")
        path = Path(output)
        fmt = path.suffix.lower().lstrip(".")
        if fmt not in formats:
            raise CommandError(f"Báo cáo “{kind}” xuất được các định dạng: {', '.join(formats)} (tệp {path.name}).")
        account = None
        if user:
            account = get_user_model().objects.filter(username=user).first()
            if account is None:
                raise CommandError(f"Không có người dùng “{user}”.")
        writer = getattr(importlib.import_module(module), function)
        with acting_as(account, source="cli"):
            try:
                extra = {"mode": mode} if mode else {}
                message = writer(year=year, unit_code=unit, path=path, user=account, **extra)
            except (ValueError, LookupError) as exc:
                raise CommandError(str(exc)) from exc
        self.stdout.write(message)
