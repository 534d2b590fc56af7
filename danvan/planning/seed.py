"""Directive types with their symbols, and the usual issuing bodies; administrators can change them.

Symbols are those of the Party's document rules (Quy định 66-QĐ/TW, Hướng dẫn 36-HD/VPTW): the part
between the number and the issuing body in "03-KL/TW".
"""

from django.utils.text import slugify

from danvan.core.vn import fold

# code, name, symbol
DIRECTIVE_TYPES = [
    ("nghi-quyet", "Nghị quyết", "NQ"),
    ("chi-thi", "Chỉ thị", "CT"),
    ("ket-luan", "Kết luận", "KL"),
    ("quyet-dinh", "Quyết định", "QĐ"),
    ("quy-che", "Quy chế", "QC"),
    ("quy-dinh", "Quy định", "QĐi"),
    ("de-an", "Đề án", "ĐA"),
    ("chuong-trinh", "Chương trình", "CTr"),
    ("ke-hoach", "Kế hoạch", "KH"),
    ("huong-dan", "Hướng dẫn", "HD"),
    ("thong-bao", "Thông báo", "TB"),
    ("cong-van", "Công văn", "CV"),
]

ISSUING_BODIES = [
    "Ban Chấp hành Trung ương",
    "Bộ Chính trị",
    "Ban Bí thư",
    "Ban Dân vận Trung ương",
    "Quốc hội",
    "Chính phủ",
    "Thủ tướng Chính phủ",
    "Ban Chấp hành Đảng bộ tỉnh",
    "Ban Thường vụ Tỉnh ủy",
    "Thường trực Tỉnh ủy",
    "Ủy ban nhân dân tỉnh",
]

# The models seed_config takes, in order (a data migration passes its historical ones).
MODELS = ("DirectiveType", "IssuingBody")


def seed_config(DirectiveType, IssuingBody) -> None:
    """Create the standard types and bodies that are missing (used by the migration and the tests)."""
    for order, (code, name, symbol) in enumerate(DIRECTIVE_TYPES, start=1):
        DirectiveType.objects.get_or_create(code=code, defaults={"name": name, "symbol": symbol, "order": order})
    for order, name in enumerate(ISSUING_BODIES, start=1):
        code = slugify(fold(name))[:40]
        IssuingBody.objects.get_or_create(code=code, defaults={"name": name, "order": order})
