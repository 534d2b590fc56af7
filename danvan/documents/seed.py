"""Format profiles and Party terms every installation starts with; administrators can change them."""

import datetime as dt

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
        "nha-nuoc-30",
        "Thể thức văn bản hành chính (Nghị định 30/2020/NĐ-CP)",
        "state",
        "Nghị định 30/2020/NĐ-CP",
        dt.date(2020, 3, 5),
        None,
        {
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
        },
    ),
]

# Provincial Party congresses open each term.
TERMS = [
    ("Nhiệm kỳ 2015–2020", dt.date(2015, 10, 1), dt.date(2020, 9, 30)),
    ("Nhiệm kỳ 2020–2025", dt.date(2020, 10, 1), dt.date(2025, 9, 30)),
    ("Nhiệm kỳ 2025–2030", dt.date(2025, 10, 1), None),
]


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
