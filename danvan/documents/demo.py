"""Demo issuers: the Ban Dân vận until the 2025 merger, the Ban Tuyên giáo và Dân vận after it."""

from __future__ import annotations

from danvan.documents.models import Issuer


def load(ctx) -> list[str]:
    common = {"superior_line": "TỈNH ỦY TÂY NINH", "place": "Tây Ninh", "system": "party"}
    issuers = [
        (
            ctx.commission_old,
            {
                "issuer_line": "BAN DÂN VẬN",
                "symbol": "BDVTU",
                "head_name": "Lê Minh Thế",
                "deputy_name": "Lý Trung Đông",
                "valid_until": ctx.commission_old.valid_until,
            },
        ),
        (
            ctx.commission,
            {
                "issuer_line": "BAN TUYÊN GIÁO VÀ DÂN VẬN",
                "symbol": "BTGDVTU",
                "head_name": "Nguyễn Văn Hùng",
                "deputy_name": "Trần Thị Kim Ngân",
                "valid_until": None,
            },
        ),
    ]
    for unit, values in issuers:
        Issuer.objects.update_or_create(unit=unit, valid_from=unit.valid_from, defaults={**common, **values})
    return ["Đã khai báo thông tin ban hành văn bản: BDVTU (đến 28/2/2025), BTGDVTU (từ 1/3/2025)."]
