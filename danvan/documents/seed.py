"""Format profiles and Party terms every installation starts with; administrators can change them."""

import datetime as dt

STATE_SIZES = {
    "superior_size": 13,
    "issuer_size": 13,
    "national_size": 13,
    "motto_size": 14,
    "number_size": 13,
    "type_size": 14,
    "recipients_label_size": 12,
    "recipients_label_bold": True,
    "recipients_label_italic": True,
    "recipients_label_underline": False,
    "recipients_size": 11,
}

# code, name, system, regulation, valid from, valid until, values differing from the model defaults
PROFILES = [
    (
        "dang-66",
        "Thể thức văn bản của Đảng (Quy định 66-QĐ/TW)",
        "party",
        "Quy định 66-QĐ/TW, Hướng dẫn 36-HD/VPTW",
        None,
        dt.date(2026, 1, 8),
        {},
    ),
    (
        # Same values as 66 until its companion guidance is confirmed; change them here or in the admin.
        "dang-399",
        "Thể thức văn bản của Đảng (Quy định 399-QĐ/TW)",
        "party",
        "Quy định 399-QĐ/TW",
        dt.date(2026, 1, 9),
        None,
        {},
    ),
    (
        # Before Nghị định 30/2020, State documents followed Thông tư 01/2011/TT-BNV; the same sizes are used
        # here so older decisions (a 15/01/2020 decision of the UBND) render; adjust them in the admin.
        "nha-nuoc-01-2011",
        "Thể thức văn bản hành chính (Thông tư 01/2011/TT-BNV)",
        "state",
        "Thông tư 01/2011/TT-BNV",
        None,
        dt.date(2020, 3, 4),
        STATE_SIZES,
    ),
    (
        "nha-nuoc-30",
        "Thể thức văn bản hành chính (Nghị định 30/2020/NĐ-CP)",
        "state",
        "Nghị định 30/2020/NĐ-CP",
        dt.date(2020, 3, 5),
        None,
        STATE_SIZES,
    ),
]

# Provincial Party congresses open each term.
TERMS = [
    ("Nhiệm kỳ 2015–2020", dt.date(2015, 10, 1), dt.date(2020, 9, 30)),
    ("Nhiệm kỳ 2020–2025", dt.date(2020, 10, 1), dt.date(2025, 9, 30)),
    ("Nhiệm kỳ 2025–2030", dt.date(2025, 10, 1), None),
]

# The models seed_config takes, in order (a data migration passes its historical ones).
MODELS = ("FormatProfile", "PartyTerm")


def seed_config(FormatProfile, PartyTerm) -> None:
    """Create the standard profiles and terms that are missing (used by the migration and the tests)."""
    for order, (code, name, system, regulation, start, until, values) in enumerate(PROFILES, start=1):
        FormatProfile.objects.get_or_create(
            code=code,
            defaults={
                "name": name,
                "system": system,
                "regulation": regulation,
                "valid_from": start,
                "valid_until": until,
                "order": order,
                **values,
            },
        )
    for name, start, end in TERMS:
        PartyTerm.objects.get_or_create(start=start, defaults={"name": name, "end": end})


# --- Receiving bodies and legal grounds, with the real successions -------------------------------

# The Ban Dân vận Trung ương and the Ban Tuyên giáo Trung ương merged into the Ban Tuyên giáo và Dân vận
# Trung ương, announced on 3/2/2025; a province's own commission merged on its own day (DANVAN_COMMISSION_MERGER).
CENTRAL_MERGER = dt.date(2025, 2, 3)
DAY_BEFORE_CENTRAL_MERGER = CENTRAL_MERGER - dt.timedelta(days=1)
PROVINCE_MERGER = dt.date(2025, 3, 1)
BEFORE_PROVINCE_MERGER = PROVINCE_MERGER - dt.timedelta(days=1)
REFORM = dt.date(2025, 7, 1)  # two-tier local government: districts end on 30/6/2025
LAST_OLD_DAY = REFORM - dt.timedelta(days=1)

# code, name, purpose, issuer tier ("" = any), valid from, valid until
ADDRESSEES = [
    ("bdv-tw-bc", "Ban Dân vận Trung ương", "annual-report", "province", None, DAY_BEFORE_CENTRAL_MERGER),
    ("btgdv-tw-bc", "Ban Tuyên giáo và Dân vận Trung ương", "annual-report", "province", CENTRAL_MERGER, None),
    ("tt-tu-bc", "Thường trực Tỉnh ủy", "all", "province", None, None),
    ("bcd-dvk-bc", "Ban Chỉ đạo phong trào “Dân vận khéo” tỉnh", "annual-report", "province", None, None),
    ("bdv-tu-huyen", "Ban Dân vận Tỉnh ủy", "all", "district", None, BEFORE_PROVINCE_MERGER),
    ("btgdv-tu-huyen", "Ban Tuyên giáo và Dân vận Tỉnh ủy", "all", "district", PROVINCE_MERGER, LAST_OLD_DAY),
    ("tt-hu", "Thường trực Huyện ủy", "all", "district", None, LAST_OLD_DAY),
    ("btgdv-tu-xa", "Ban Tuyên giáo và Dân vận Tỉnh ủy", "all", "commune", REFORM, None),
    ("bdv-hu-xa", "Ban Dân vận Huyện ủy", "all", "commune", None, LAST_OLD_DAY),
    ("tt-du", "Thường trực Đảng ủy", "all", "commune", None, None),
    ("luu", "Lưu", "all", "", None, None),
]  # fmt: skip
ADDRESSEE_ORDER = {"luu": 99}

# code, name, text (after "Căn cứ"), system ("" = both), valid from (in force), valid until
LEGAL_BASES = [
    ("luat-tcqdp-2015", "Luật Tổ chức chính quyền địa phương 2015",
     "Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015",
     "state", dt.date(2016, 1, 1), dt.date(2020, 6, 30)),
    ("luat-tcqdp-2015-2019", "Luật Tổ chức chính quyền địa phương 2015, sửa đổi 2019",
     "Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015; Luật sửa đổi, bổ sung một số điều của "
     "Luật Tổ chức Chính phủ và Luật Tổ chức chính quyền địa phương ngày 22 tháng 11 năm 2019",
     "state", dt.date(2020, 7, 1), dt.date(2025, 2, 28)),
    ("luat-tcqdp-2025-65", "Luật Tổ chức chính quyền địa phương số 65/2025/QH15",
     "Luật Tổ chức chính quyền địa phương ngày 19 tháng 02 năm 2025",
     "state", dt.date(2025, 3, 1), dt.date(2025, 6, 30)),
    ("luat-tcqdp-2025-72", "Luật Tổ chức chính quyền địa phương số 72/2025/QH15",
     "Luật Tổ chức chính quyền địa phương ngày 16 tháng 6 năm 2025",
     "state", dt.date(2025, 7, 1), None),
    ("luat-tdkt-2003", "Luật Thi đua, khen thưởng 2003, sửa đổi 2005, 2013",
     "Luật Thi đua, khen thưởng ngày 26 tháng 11 năm 2003; Luật sửa đổi, bổ sung một số điều của Luật Thi đua, "
     "khen thưởng ngày 14 tháng 6 năm 2005 và ngày 16 tháng 11 năm 2013",
     "", dt.date(2014, 6, 1), dt.date(2023, 12, 31)),
    ("luat-tdkt-2022", "Luật Thi đua, khen thưởng 2022",
     "Luật Thi đua, khen thưởng ngày 15 tháng 6 năm 2022",
     "", dt.date(2024, 1, 1), None),
]  # fmt: skip


def seed_dated(Addressee, LegalBasis) -> None:
    """Create the standard receiving bodies and legal grounds that are missing (migration and tests)."""
    for order, (code, name, purpose, tier, start, until) in enumerate(ADDRESSEES, start=1):
        Addressee.objects.get_or_create(
            code=code,
            defaults={
                "name": name,
                "purpose": purpose,
                "tier": tier,
                "valid_from": start,
                "valid_until": until,
                "order": ADDRESSEE_ORDER.get(code, order),
            },
        )
    for code, name, text, system, start, until in LEGAL_BASES:
        LegalBasis.objects.get_or_create(
            code=code,
            defaults={
                "name": name,
                "text": text,
                "system": system,
                "purpose": "award-decision",
                "valid_from": start,
                "valid_until": until,
                "order": 1 if code.startswith("luat-tcqdp") else 2,
            },
        )
