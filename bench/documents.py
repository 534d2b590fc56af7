"""The certificates benchmark: one PDF of `count` certificates (giấy khen), as the print button makes it.

The decision and its recipients are built in memory (the PDF needs nothing else from the database
but the award type, its authority and the issuer derived from a province).
"""

from __future__ import annotations

import datetime as dt
import time

ACHIEVEMENT = "đã có thành tích xuất sắc trong phong trào thi đua “Dân vận khéo” năm 2024"


def certificates(count: int) -> dict:
    from danvan.awards import certificates as certificate_pdf
    from danvan.awards.choices import RecipientKind
    from danvan.awards.models import AwardType, Decision, Recipient
    from danvan.org.divisions import load_divisions
    from danvan.org.models import Unit

    load_divisions()
    award = AwardType.objects.select_related("authority").order_by("pk").first()
    award.authority.unit = Unit.objects.filter(kind__tier="province", valid_until__isnull=True).order_by("code").first()
    decision = Decision(award_type=award, year=2024, number="125-QĐ/BTGDV", date=dt.date(2024, 12, 20),
                        achievement=ACHIEVEMENT)  # fmt: skip
    recipients = [
        Recipient(
            kind=RecipientKind.INDIVIDUAL if i % 3 else RecipientKind.COLLECTIVE,
            name=f"Nguyễn Thị Phương Thảo {i}" if i % 3 else f"Chi bộ ấp Long Khánh {i}",
            position="Bí thư Chi bộ" if i % 3 else "",
            unit_name="Đảng ủy xã Long Thuận, Huyện ủy Bến Cầu",
        )
        for i in range(count)
    ]
    started, cpu = time.perf_counter(), time.process_time()
    pdf = certificate_pdf.certificates_pdf(decision, recipients)
    seconds, cpu_seconds = time.perf_counter() - started, time.process_time() - cpu
    assert pdf.startswith(b"%PDF")
    return {"count": count, "seconds": round(seconds, 2), "cpu_seconds": round(cpu_seconds, 2), "bytes": len(pdf)}
