"""The granting authorities and award types every installation starts with; administrators change
them (texts, dates, certificate layout) in Cấu hình → Khen thưởng.

The commission's dates follow the 2025 merger of the Ban Dân vận into the Ban Tuyên giáo và Dân vận
(1/3/2025 in most provinces): a province that merged on another day corrects them in the admin.
"""

import datetime as dt

BEFORE_MERGER = dt.date(2025, 2, 28)
MERGER = dt.date(2025, 3, 1)
# The central commissions merged into the Ban Tuyên giáo và Dân vận Trung ương, announced on 3/2/2025.
CENTRAL_MERGER = dt.date(2025, 2, 3)
BEFORE_CENTRAL_MERGER = dt.date(2025, 2, 2)

PARTY_DISTRIBUTION = "Như Điều 3\nThường trực Tỉnh ủy (báo cáo)\nLưu VP"
PARTY_EXECUTORS = "Văn phòng Ban, các tập thể và cá nhân có tên tại Điều 1 chịu trách nhiệm thi hành Quyết định này."


def _party_bases(body: str) -> str:
    """The authority's own ground; the laws (dated) come from Cấu hình → Căn cứ pháp lý."""
    return f"Căn cứ Quy định về chức năng, nhiệm vụ, quyền hạn, tổ chức bộ máy của {body};"


# code, name (the subject of the statistics sentences), heading on the decision, numbered by the
# system, valid from, valid until, legal bases, executors (Điều 3), distribution (Nơi nhận)
AUTHORITIES = [
    (
        "chu-tich-ubnd-tinh",
        "Chủ tịch UBND tỉnh",
        "CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH",
        False,
        None,
        None,
        "",
        "Chánh Văn phòng Ủy ban nhân dân tỉnh, Giám đốc Sở Nội vụ, các tập thể và cá nhân có tên tại Điều 1 "
        "chịu trách nhiệm thi hành Quyết định này.",
        "Như Điều 3\nBan Thi đua - Khen thưởng tỉnh\nLưu: VT",
    ),
    (
        "bdv-trung-uong",
        "Ban Dân vận Trung ương",
        "TRƯỞNG BAN DÂN VẬN TRUNG ƯƠNG",
        False,
        None,
        BEFORE_CENTRAL_MERGER,
        _party_bases("Ban Dân vận Trung ương"),
        "Vụ Tổ chức - Cán bộ, các tập thể và cá nhân có tên tại Điều 1 chịu trách nhiệm thi hành Quyết định này.",
        "Như Điều 3\nLưu Vụ TCCB",
    ),
    (
        "btgdv-trung-uong",
        "Ban Tuyên giáo và Dân vận Trung ương",
        "TRƯỞNG BAN TUYÊN GIÁO VÀ DÂN VẬN TRUNG ƯƠNG",
        False,
        CENTRAL_MERGER,
        None,
        _party_bases("Ban Tuyên giáo và Dân vận Trung ương"),
        "Vụ Tổ chức - Cán bộ, các tập thể và cá nhân có tên tại Điều 1 chịu trách nhiệm thi hành Quyết định này.",
        "Như Điều 3\nLưu Vụ TCCB",
    ),
    (
        "bdv-tinh-uy",
        "Ban Dân vận Tỉnh ủy",
        "TRƯỞNG BAN DÂN VẬN TỈNH ỦY",
        True,
        None,
        BEFORE_MERGER,
        _party_bases("Ban Dân vận Tỉnh ủy"),
        PARTY_EXECUTORS,
        PARTY_DISTRIBUTION,
    ),
    (
        "btgdv-tinh-uy",
        "Ban Tuyên giáo và Dân vận Tỉnh ủy",
        "TRƯỞNG BAN TUYÊN GIÁO VÀ DÂN VẬN TỈNH ỦY",
        True,
        MERGER,
        None,
        _party_bases("Ban Tuyên giáo và Dân vận Tỉnh ủy"),
        PARTY_EXECUTORS,
        PARTY_DISTRIBUTION,
    ),
]

# code, name, form, authority code, recipient kinds, certificate title, valid from, valid until
AWARD_TYPES = [
    ("co-thi-dua-ubnd-tinh", "Cờ thi đua của UBND tỉnh", "Cờ thi đua", "chu-tich-ubnd-tinh", "collective",
     "CỜ THI ĐUA", None, None),
    ("bang-khen-bdv-trung-uong", "Bằng khen của Ban Dân vận Trung ương", "Bằng khen", "bdv-trung-uong", "both",
     "BẰNG KHEN", None, BEFORE_CENTRAL_MERGER),
    ("bang-khen-btgdv-trung-uong", "Bằng khen của Ban Tuyên giáo và Dân vận Trung ương", "Bằng khen",
     "btgdv-trung-uong", "both", "BẰNG KHEN", CENTRAL_MERGER, None),
    ("bang-khen-chu-tich-ubnd-tinh", "Bằng khen của Chủ tịch UBND tỉnh", "Bằng khen", "chu-tich-ubnd-tinh", "both",
     "BẰNG KHEN", None, None),
    ("giay-khen-bdv-tinh-uy", "Giấy khen của Ban Dân vận Tỉnh ủy", "Giấy khen", "bdv-tinh-uy", "both",
     "GIẤY KHEN", None, BEFORE_MERGER),
    ("giay-khen-btgdv-tinh-uy", "Giấy khen của Ban Tuyên giáo và Dân vận Tỉnh ủy", "Giấy khen", "btgdv-tinh-uy",
     "both", "GIẤY KHEN", MERGER, None),
]  # fmt: skip

# The models seed_config takes, in order (a data migration passes its historical ones).
MODELS = ("Authority", "AwardType")


def seed_config(Authority, AwardType) -> None:
    """Create the standard authorities and award types that are missing (migration and tests)."""
    authorities = {}
    has_central = any(f.name == "central" for f in Authority._meta.get_fields())  # added by migration 0003
    for order, (code, name, heading, numbered, start, until, bases, executors, distribution) in enumerate(
        AUTHORITIES, start=1
    ):
        authorities[code], _ = Authority.objects.get_or_create(
            code=code,
            defaults={
                "name": name,
                "order": order,
                "decision_heading": heading,
                "numbered_by_system": numbered,
                "valid_from": start,
                "valid_until": until,
                "legal_bases": bases,
                "executors": executors,
                "distribution": distribution,
                **({"central": code.endswith("trung-uong")} if has_central else {}),
            },
        )
    for order, (code, name, form, authority, kinds, title, start, until) in enumerate(AWARD_TYPES, start=1):
        AwardType.objects.get_or_create(
            code=code,
            defaults={
                "name": name,
                "order": order,
                "form": form,
                "authority": authorities[authority],
                "recipient_kinds": kinds,
                "certificate_title": title,
                "valid_from": start,
                "valid_until": until,
            },
        )


# Laws cited by the first release in every authority's grounds; they now come, dated, from documents.LegalBasis.
OLD_LAW_LINES = (
    "Căn cứ Luật Tổ chức chính quyền địa phương ngày 16 tháng 6 năm 2025;",
    "Căn cứ Luật Thi đua, khen thưởng ngày 15 tháng 6 năm 2022;",
)


def apply_successions(Authority, AwardType) -> None:
    """Bring an installation seeded before the central merger up to date (migration 0003): the Ban Dân vận
    Trung ương and its Bằng khen end on 2/2/2025, their successors are added, undated law lines are dropped."""
    Authority.objects.filter(code="bdv-trung-uong", valid_until__isnull=True).update(valid_until=BEFORE_CENTRAL_MERGER)
    AwardType.objects.filter(code="bang-khen-bdv-trung-uong", valid_until__isnull=True).update(
        valid_until=BEFORE_CENTRAL_MERGER
    )
    central = Authority.objects.filter(code="bdv-trung-uong").first()
    seed_config(Authority, AwardType)
    Authority.objects.filter(code__in=["bdv-trung-uong", "btgdv-trung-uong"]).update(central=True)
    if central is not None and central.unit_id:
        Authority.objects.filter(code="btgdv-trung-uong", unit__isnull=True).update(unit=central.unit)
    for authority in Authority.objects.all():
        lines = [line for line in authority.legal_bases.splitlines() if line.strip() not in OLD_LAW_LINES]
        if len(lines) != len(authority.legal_bases.splitlines()):
            authority.legal_bases = "\n".join(lines)
            authority.save(update_fields=["legal_bases"])
