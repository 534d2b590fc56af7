from django.core.management.base import BaseCommand

from danvan.core.db import refresh_statistics
from danvan.demo import build


class Command(BaseCommand):
    help = "Nạp tỉnh minh họa (Tây Ninh, trước và sau sắp xếp 7/2025) cùng các tài khoản demo."

    def handle(self, *args, **options):
        report = build.run()
        refresh_statistics()
        for line in report:
            self.stdout.write(line)
