"""What the opinion demo shares: its dates and seed, the places of the province and their kinds (border,
Khmer, expressway, industry...), and the texts that name a place."""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass

from danvan.org.divisions import place_name
from danvan.org.models import Unit

D = dt.date
START = D(2025, 1, 2)
MERGER = D(2025, 3, 1)  # Ban Dân vận and Ban Tuyên giáo become the Ban Tuyên giáo và Dân vận
REFORM = D(2025, 7, 1)  # the districts end, the new communes begin
SEED = 2026
LABEL_SQL = "CASE WHEN LENGTH(summary) <= 90 THEN summary ELSE SUBSTR(summary, 1, 89) || '…' END"

# Items a month: before the reform, between it and the last twelve months, in the last twelve months.
RATE_BEFORE, RATE_BETWEEN, RATE_LAST_YEAR = 23, 28, 50

# ---------------------------------------------------------------------------------------------------------
# Places
# ---------------------------------------------------------------------------------------------------------

HAMLETS = {
    "tn": ["Long Hòa", "Long Hưng", "Thuận Tây", "Bến Đình", "Phước Hội", "Bàu Tép", "Cầu Xe", "Suối Cao", "Trà Võ",
           "Tân Định", "Thạnh Hiệp", "Bình Phú", "Trường Lưu", "Xóm Mới", "Rạch Sơn", "Bến Kéo", "Cây Da", "Bàu Sen",
           "Phước Long", "Hòa Bình", "Tân Lợi", "Lộc Thuận", "Thanh Trung", "Suối Muồn", "Bàu Vừng", "Trâm Vàng"],
    "la": ["Bình Hòa", "Rạch Đào", "Vàm Thủ", "Cầu Tre", "Mỹ Điền", "Long Khốt", "Gò Gòn", "Bình An", "Tân Thuận",
           "Kinh Xáng", "Nhơn Hòa", "Chợ Mới", "Phước Thuận", "Long Thạnh", "Bà Mía", "Xóm Bưng", "Bình Điền",
           "Tân Long", "Lộc Trung", "Mương Đình", "Rạch Bùi", "Cầu Ván", "Thanh Hà", "Bàu Công", "Hòa Thuận 2"],
}  # fmt: skip
ROADS = {
    "tn": ["Quốc lộ 22", "Quốc lộ 22B", "đường tỉnh 782", "đường tỉnh 784", "đường tỉnh 785", "đường tỉnh 786",
           "đường tỉnh 793", "đường tỉnh 781", "đường Xuyên Á"],
    "la": ["Quốc lộ 1", "Quốc lộ 50", "Quốc lộ N2", "Quốc lộ 62", "đường tỉnh 830", "đường tỉnh 824",
           "đường tỉnh 825", "đường tỉnh 826", "đường tỉnh 835"],
}  # fmt: skip
WATERS = {
    "tn": ["sông Vàm Cỏ Đông", "kênh Đông", "kênh Tây", "suối Ngô", "rạch Tây Ninh", "suối Cần Đăng", "rạch Trảng Bàng"],
    "la": ["sông Vàm Cỏ Tây", "sông Vàm Cỏ Đông", "kênh Thủ Thừa", "sông Cần Giuộc", "rạch Cần Đước",
           "kênh Dương Văn Dương", "kênh Hai Hạt"],
}  # fmt: skip
FIRMS = ["Phú Thịnh", "Hưng Phát", "Tân Thịnh", "An Khang", "Minh Phát", "Thành Đạt", "Phước An", "Hoàng Long",
         "Đại Lộc", "Kim Ngân", "Sao Mai", "Việt Hưng"]  # fmt: skip

# Areas tagged by their Party committee's short name: new communes and old districts.
BORDER = {"Tân Lập", "Thạnh Bình", "Tân Đông", "Tân Hòa", "Hoà Hội", "Phước Vinh", "Ninh Điền", "Long Chữ", "Long Thuận",
          "Bến Cầu", "Phước Chỉ", "Mỹ Quý", "Đông Thành", "Bình Hiệp", "Tuyên Bình", "Khánh Hưng", "Hưng Điền",
          "Vĩnh Thạnh", "Tân Hưng", "Bình Thành"}  # fmt: skip
BORDER_DISTRICTS = {"HC705", "HC706", "HC708", "HC711", "HC712", "HC795", "HC796", "HC797", "HC798", "HC801"}
KHMER = {"Tân Lập", "Thạnh Bình", "Tân Đông", "Tân Hòa", "Hoà Hội", "Ninh Điền", "Phước Vinh"}
KHMER_DISTRICTS = {"HC705", "HC706", "HC708"}
EXPRESSWAY = {"Trảng Bàng", "An Tịnh", "Hưng Thuận", "Gia Lộc", "Phước Chỉ", "Gò Dầu", "Phước Thạnh", "Thạnh Đức",
              "Bến Cầu", "Long Thuận", "Long Chữ"}  # fmt: skip
EXPRESSWAY_DISTRICTS = {"HC710", "HC711", "HC712"}
RING_ROAD = {"Bến Lức", "Lương Hoà", "Mỹ Yên", "Bình Đức", "Thạnh Lợi"}
RING_ROAD_DISTRICTS = {"HC803"}
HIGHWAY_50 = {"Cần Giuộc", "Phước Lý", "Mỹ Lộc", "Cần Đước", "Long Cang", "Rạch Kiến", "Mỹ Lệ", "Tân Lân", "Long Hựu",
              "Phước Vĩnh Tây", "Tân Tập"}  # fmt: skip
HIGHWAY_50_DISTRICTS = {"HC806", "HC807"}
INDUSTRY = {"Trảng Bàng", "An Tịnh", "Gia Lộc", "Phước Thạnh", "Gò Dầu", "Thanh Điền", "Bến Cầu", "Đức Hòa", "Hậu Nghĩa",
            "Mỹ Hạnh", "Hoà Khánh", "Đức Lập", "Hiệp Hoà", "Bến Lức", "Thạnh Lợi", "Cần Giuộc", "Phước Lý", "Long An",
            "Tân An", "Khánh Hậu", "Long Hựu"}  # fmt: skip
INDUSTRY_DISTRICTS = {"HC710", "HC712", "HC794", "HC802", "HC803", "HC806", "HC807"}
MOUNTAIN = {"Ninh Thạnh", "Tân Ninh", "Bình Minh"}
MOUNTAIN_DISTRICTS = {"HC703"}


@dataclass
class Area:
    """A place items happen in: the province, a district, a commune (old or new)."""

    unit: Unit
    phrase: str  # "xã Tân Hòa", "Phường 1", "huyện Bến Cầu", "tỉnh"
    short: str  # for markets and schools: "Tân Hòa"
    tier: str
    region: str  # "tn" (Tây Ninh before the merger) or "la" (Long An)
    tags: frozenset[str]
    hamlets: list[str]
    district: Unit | None = None  # an old commune's district
    weight: float = 1.0

    @property
    def urban(self) -> bool:
        return "urban" in self.tags


def _area(unit: Unit, region: str, tags: set[str], rng: random.Random, district: Unit | None = None) -> Area:
    tier = unit.kind.tier
    phrase = place_name(unit.name) if tier != "province" else "tỉnh"
    urban = phrase.lower().startswith(("phường", "thị trấn"))
    if urban:
        tags.add("urban")
        hamlets = [f"khu phố {n}" for n in sorted(rng.sample(range(1, 10), 6))]
    else:
        hamlets = [f"ấp {name}" for name in rng.sample(HAMLETS[region], 6)]
    short = unit.short_name if not unit.short_name.isdigit() else hamlets[0].split(" ", 1)[1].title()
    tags.add(region)
    tags.add("city" if urban else "rural")
    return Area(unit, phrase, short, tier, region, frozenset(tags), hamlets, district)


def _tags(short: str, code: str) -> set[str]:
    """Tags of a new commune (by short name) or an old district (by code)."""
    tags = set()
    for tag, names, districts in (
        ("border", BORDER, BORDER_DISTRICTS),
        ("khmer", KHMER, KHMER_DISTRICTS),
        ("expressway", EXPRESSWAY, EXPRESSWAY_DISTRICTS),
        ("ring-road", RING_ROAD, RING_ROAD_DISTRICTS),
        ("highway-50", HIGHWAY_50, HIGHWAY_50_DISTRICTS),
        ("industry", INDUSTRY, INDUSTRY_DISTRICTS),
        ("mountain", MOUNTAIN, MOUNTAIN_DISTRICTS),
    ):
        if short in names or code in districts:
            tags.add(tag)
    return tags


# ---------------------------------------------------------------------------------------------------------
# Bodies the commission forwards to, named as they were on the day
# ---------------------------------------------------------------------------------------------------------


def body(key: str, area: Area, day: dt.date) -> str:
    before_merger, before_reform = day < MERGER, day < REFORM
    local = area if area.tier != "province" else None
    district = area.district or (area.unit if area.tier == "district" else None)
    long_an = before_reform and area.region == "la"  # Long An's own bodies until the merger of the provinces

    def provincial(name: str) -> str:
        if not long_an:
            return name
        return name[: -len(" tỉnh")] + " tỉnh Long An" if name.endswith(" tỉnh") else name + " tỉnh Long An"

    if key == "xa":
        return f"UBND {local.phrase}" if local else "UBND tỉnh"
    if key == "bt":
        where = place_name(district.name) if district else local.phrase if local else "tỉnh"
        return f"Hội đồng bồi thường, hỗ trợ và tái định cư {where}"
    if key == "congan":
        if district and local and local.tier == "commune":
            return f"Công an {place_name(district.name)}"
        return f"Công an {local.phrase}" if local and not before_reform else provincial("Công an tỉnh")
    if key == "mttq":
        return f"Ủy ban MTTQ Việt Nam {local.phrase}" if local else "Ủy ban MTTQ Việt Nam tỉnh"
    if key == "dienluc":
        return "Công ty Điện lực Long An" if area.region == "la" else "Công ty Điện lực Tây Ninh"
    if key == "thue":
        return "Thuế tỉnh Tây Ninh" if not before_reform else provincial("Cục Thuế tỉnh")
    names = {
        "nnmt": "Sở Tài nguyên và Môi trường" if before_merger else "Sở Nông nghiệp và Môi trường",
        "nn": "Sở Nông nghiệp và Phát triển nông thôn" if before_merger else "Sở Nông nghiệp và Môi trường",
        "xaydung": "Sở Giao thông vận tải" if before_merger else "Sở Xây dựng",
        "noivu": "Sở Lao động - Thương binh và Xã hội" if before_merger else "Sở Nội vụ",
        "tongiao": "Ban Tôn giáo, Sở Nội vụ" if before_merger else "Sở Dân tộc và Tôn giáo",
        "dantoc": "Ban Dân tộc" if before_merger else "Sở Dân tộc và Tôn giáo",
        "congthuong": "Sở Công Thương",
        "yte": "Sở Y tế",
        "gd": "Sở Giáo dục và Đào tạo",
        "vhtt": "Sở Văn hóa, Thể thao và Du lịch",
        "ldld": "Liên đoàn Lao động tỉnh",
        "bhxh": "Bảo hiểm xã hội tỉnh",
        "thanhtra": "Thanh tra tỉnh",
        "bdbp": "Bộ Chỉ huy Bộ đội Biên phòng tỉnh",
        "vpdk": "Văn phòng Đăng ký đất đai",
        "bqlda": "Ban Quản lý dự án đầu tư xây dựng các công trình giao thông tỉnh",
    }
    return names[key] if key in ("vpdk", "bqlda") else provincial(names[key])
