"""The bodies that sign coordination programmes, and the planning register's types the programmes'
reviews are followed under; administrators can change them (Cấu hình → Bên tham gia phối hợp).

The province's commission is the Ban Dân vận Tỉnh ủy until the 2025 merger and the Ban Tuyên giáo và Dân
vận Tỉnh ủy from then (the date differs by province, February–March 2025: 1/3/2025 here, as the setting
DANVAN_COMMISSION_MERGER); the People's Committee's Party body is the Ban cán sự đảng until the same
reform and the Đảng ủy Ủy ban nhân dân tỉnh after it. District and commune programmes name their own
bodies as free text (`Programme.other_parties`): thousands of local bodies are not configuration.
"""

import datetime as dt

MERGER = dt.date(2025, 3, 1)
BEFORE = MERGER - dt.timedelta(days=1)

# code, name, abbreviation as numbers write it, valid from, valid until
PARTIES = [
    ("ban-dan-van-tinh-uy", "Ban Dân vận Tỉnh ủy", "BDVTU", None, BEFORE),
    ("ban-tuyen-giao-dan-van-tinh-uy", "Ban Tuyên giáo và Dân vận Tỉnh ủy", "BTGDVTU", MERGER, None),
    ("ban-can-su-dang-ubnd-tinh", "Ban cán sự đảng Ủy ban nhân dân tỉnh", "BCSĐUBND", None, BEFORE),
    ("dang-uy-ubnd-tinh", "Đảng ủy Ủy ban nhân dân tỉnh", "ĐUUBND", MERGER, None),
    ("ubnd-tinh", "Ủy ban nhân dân tỉnh", "UBND", None, None),
    ("bo-chqs-tinh", "Bộ Chỉ huy Quân sự tỉnh", "BCHQS", None, None),
    ("bo-chbdbp-tinh", "Bộ Chỉ huy Bộ đội Biên phòng tỉnh", "BĐBP", None, None),
    ("cong-an-tinh", "Công an tỉnh", "CAT", None, None),
    ("ubmttq-tinh", "Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh", "MTTQ", None, None),
    ("ldld-tinh", "Liên đoàn Lao động tỉnh", "LĐLĐ", None, None),
    ("hnd-tinh", "Hội Nông dân tỉnh", "HND", None, None),
    ("hlhpn-tinh", "Hội Liên hiệp Phụ nữ tỉnh", "HLHPN", None, None),
    ("tinh-doan", "Tỉnh đoàn", "TĐ", None, None),
    ("hccb-tinh", "Hội Cựu chiến binh tỉnh", "HCCB", None, None),
]

# code, name, symbol: the planning register's types of the joint documents (see choices.DIRECTIVE_TYPES).
DIRECTIVE_TYPES = [
    ("chuong-trinh-phoi-hop", "Chương trình phối hợp", "CTr"),
    ("quy-che-phoi-hop", "Quy chế phối hợp", "QC"),
    ("ke-hoach-lien-tich", "Kế hoạch liên tịch", "KHLT"),
]

# The models seed_config takes, in order (a data migration passes its historical ones).
MODELS = ("Party",)


def seed_config(Party, DirectiveType=None) -> None:
    """Create the parties and directive types that are missing (the migration passes planning's historical
    DirectiveType; tests reseeding after a flush let it come from the planning app)."""
    if DirectiveType is None:
        from danvan.planning.models import DirectiveType
    for order, (code, name, abbreviation, start, end) in enumerate(PARTIES, start=1):
        Party.objects.get_or_create(
            code=code,
            defaults={
                "name": name,
                "abbreviation": abbreviation,
                "order": order,
                "valid_from": start,
                "valid_until": end,
            },
        )
    for order, (code, name, symbol) in enumerate(DIRECTIVE_TYPES, start=50):
        DirectiveType.objects.get_or_create(code=code, defaults={"name": name, "symbol": symbol, "order": order})
