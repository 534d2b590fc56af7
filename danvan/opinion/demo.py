"""Demo opinion data for Tây Ninh: the collaborators' registers and the people's opinion from January 2025.

Before the reform of 1/7/2025 the districts (Tây Ninh's and Long An's) and the provincial commission record
what they learn; after it the new communes and the Ban Tuyên giáo và Dân vận Tỉnh ủy. Items come from every
source (collaborators on the unit's register, briefings, receptions, the Front, the press, posts on Facebook,
TikTok...), are forwarded to the body in charge with a deadline, answered, resolved or watched; a few matters
reported several times are merged into one case (scripted in `_cases`), the rest are drawn from `MATTERS`
with a fixed seed, denser in the last twelve months (about 50 a month). Steps falling after today are left out, so a forwarded item whose answer never came is
overdue. Idempotent: nothing is added once the register or the items exist.

Everything is written in bulk (items, their timeline and the creation entries of the change log) after
each item has passed `rules.item_errors` and every step the checks of `services.take_step`.

Citizen reception and dialogues (`Meetings`), from January 2025 to the end of this month, so that each year
of the frequency page is whole: the province committee's day each month (Long An's too until 30/6/2025), two
days a month for each district until 30/6/2025 and each new commune from 1/7/2025, on the unit's own
schedule; a few days missed (cancelled, sometimes made up, or just not held), more in the communes' first
month and in a few weaker communes, so some months fall short; unscheduled days; the demo commune and some
others enter their days ahead. The cases heard (`HEARD`: phản ánh, kiến nghị, khiếu nại, tố cáo) go to the
body in charge with a deadline, most settled with a result, some late, some overdue; some are explained at
the reception itself. Dialogues on the communes' matters (`TALKS`) and scripted ones tied to the items'
cases (Long Thuận's compensation, Tân Hòa's pig farm, Bến Cầu before the reform, the province's on the
two-tier government, one announced ahead). Every record passes the rules of `rules.py`; its history is
logged step by step (put on the schedule, held or cancelled, a case settled, a commitment done). Idempotent
on its own: nothing is added once a reception day or a dialogue exists.
"""

from __future__ import annotations

import datetime as dt
import random
import string
from collections import defaultdict
from dataclasses import dataclass, field

from django.contrib.auth import get_user_model
from django.contrib.contenttypes.models import ContentType
from django.db import connections, router, transaction
from django.utils import timezone

from danvan.core import bulk, changelog
from danvan.core.models import ChangeLogEntry, WorkflowStep
from danvan.core.users import display_name
from danvan.core.vn import fold, format_number, text_date
from danvan.opinion import rules
from danvan.opinion.choices import (
    CaseType,
    HostRole,
    Intensity,
    Platform,
    ReceptionKind,
    ReceptionStatus,
    Source,
    State,
    Tendency,
)
from danvan.opinion.models import (
    Collaborator,
    Commitment,
    Dialogue,
    DialogueIssue,
    OpinionItem,
    Reception,
    ReceptionCase,
    Topic,
)
from danvan.opinion.seed import seed_config
from danvan.opinion.services import WORKFLOW
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


# ---------------------------------------------------------------------------------------------------------
# What the people talk about
# ---------------------------------------------------------------------------------------------------------

A, N, U = Tendency.AGREE, Tendency.DISAGREE, Tendency.UNSURE


@dataclass(frozen=True)
class Matter:
    """A kind of matter with ways to tell it. A text is a string (its tendency drawn from `tendency`) or a
    pair (tendency, text). Placeholders: see `Builder.values`."""

    key: str
    topic: str
    texts: tuple
    tendency: tuple[int, int, int] = (0, 3, 1)  # agree, disagree, unsure
    intensity: tuple[int, int, int] = (2, 3, 1)  # low, medium, high
    proposals: tuple[str, ...] = ()
    bodies: tuple[str, ...] = ()
    forward: float = 0.0
    answers: tuple[str, ...] = ()
    handled: tuple[str, ...] = ()  # a comment when settled locally, without forwarding
    settled: tuple[str, ...] = ()  # a comment when resolved after the answer
    hot: float = 0.0
    households: tuple[int, int] = (6, 45)
    tags: frozenset[str] = frozenset()
    wide: bool = False  # may be about the whole area (the province, a district)
    months: tuple[int, ...] = ()
    between: tuple[dt.date, dt.date] | None = None
    weight: float = 1.0
    paired: bool = False  # proposals, answers, settled go with the text of the same index ("" for none)

    def active(self, day: dt.date) -> bool:
        if self.months and day.month not in self.months:
            return False
        return self.between is None or self.between[0] <= day <= self.between[1]


def M(key, topic, *texts, **options) -> Matter:
    if "tags" in options:
        options["tags"] = frozenset(options["tags"])
    return Matter(key, topic, tuple(texts), **options)


MATTERS: list[Matter] = [
    # --- Kinh tế, đời sống
    M("gia-mi", "kinh-te-doi-song",
      "Nông dân trồng mì ở {ap} lo lắng vì giá củ mì tươi giảm còn khoảng {gia_mi} đồng/kg, thấp hơn đầu vụ gần một nửa; nhiều hộ thuê đất trồng có nguy cơ thua lỗ.",
      "Giá mì nguyên liệu {noi} tiếp tục giảm; thương lái lấy lý do trữ lượng bột thấp để ép giá, trừ tạp chất cao. Bà con {ap} mong có giải pháp bình ổn giá.",
      "Nhiều hộ {ap} chưa thu hoạch mì vì giá thấp, trong khi bệnh khảm lá làm năng suất giảm mạnh; một số hộ tính chuyển sang cây trồng khác nhưng thiếu vốn.",
      proposals=("Đề nghị ngành nông nghiệp hỗ trợ giống mì sạch bệnh, kết nối nhà máy thu mua theo hợp đồng để ổn định giá.",
                 "Đề nghị kiểm tra việc các điểm thu mua trừ tạp chất, đo trữ lượng bột thiếu minh bạch."),
      bodies=("congthuong", "nn"), forward=0.35,
      answers=("Đã làm việc với các nhà máy chế biến tinh bột mì; các nhà máy cam kết công khai cách đo trữ lượng bột tại điểm thu mua. Ngành nông nghiệp tiếp tục hỗ trợ giống mì kháng bệnh khảm lá cho vụ tới.",
               "Đã kiểm tra {so_vu} điểm thu mua, nhắc nhở các điểm không niêm yết cách trừ tạp chất; hướng dẫn nông dân liên kết với hợp tác xã để bán trực tiếp cho nhà máy."),
      tags={"tn", "rural"}, months=(11, 12, 1, 2, 3, 4), intensity=(1, 3, 2), weight=1.4),
    M("gia-lua", "kinh-te-doi-song",
      "Nông dân {ap} phản ánh giá lúa {vu} giảm, lúa tươi chỉ còn {gia_lua} đồng/kg; thương lái đặt cọc rồi chậm cắt, viện cớ chất lượng để ép giá.",
      "Một số thương lái {noi} bỏ cọc, không thu mua lúa như đã thỏa thuận khiến nhiều hộ {ap} phải tự tìm đầu ra; bà con lo lúa chín quá ngày bị rụng hạt.",
      "Bà con {ap} cho rằng chi phí phân bón, thuốc bảo vệ thực vật tăng trong khi giá lúa {vu} thấp, lợi nhuận còn rất ít.",
      proposals=("Đề nghị kết nối doanh nghiệp bao tiêu, hỗ trợ nông dân ký hợp đồng thu mua có cam kết giá sàn.",
                 "Đề nghị có biện pháp xử lý thương lái bỏ cọc, vi phạm thỏa thuận."),
      bodies=("congthuong", "nn"), forward=0.3,
      answers=("Đã đề nghị các doanh nghiệp kinh doanh lúa gạo trên địa bàn tăng thu mua; hướng dẫn nông dân lập hợp đồng mua bán có điều khoản phạt khi bỏ cọc.",
               "Đã phối hợp Hội Nông dân tuyên truyền bà con ký hợp đồng bằng văn bản; giới thiệu 3 hợp tác xã có nhu cầu thu mua lúa."),
      tags={"la", "rural"}, months=(2, 3, 4, 6, 7, 8, 10, 11, 12), intensity=(1, 3, 2), weight=1.4),
    M("tien-dien", "kinh-te-doi-song",
      (U, "Nhiều hộ {ap} thắc mắc hóa đơn tiền điện tháng {thang_truoc} tăng gấp rưỡi, có hộ gấp đôi so với tháng trước dù thói quen sử dụng không thay đổi nhiều."),
      (U, "Người dân {noi} bàn tán về việc tiền điện tăng cao trong mùa nắng nóng; một số ý kiến nghi ngờ công tơ điện tử ghi chỉ số không chính xác."),
      (N, "Hộ kinh doanh nhỏ ở {cho} phản ánh tiền điện tăng mạnh, đề nghị kiểm tra lại chỉ số công tơ."),
      proposals=("Đề nghị ngành điện công khai chỉ số, kiểm định công tơ khi người dân yêu cầu; tuyên truyền cách sử dụng điện tiết kiệm.",),
      bodies=("dienluc",), forward=0.35,
      answers=("Đã kiểm tra công tơ của các hộ có ý kiến, chỉ số ghi đúng; sản lượng tăng do dùng máy lạnh, quạt nhiều trong những ngày nắng nóng và áp dụng giá bậc thang. Đã hướng dẫn người dân tra cứu chỉ số hằng ngày qua ứng dụng chăm sóc khách hàng.",
               "Đã kiểm định lại {so_vu} công tơ theo đề nghị, tất cả đạt yêu cầu; tổ chức tuyên truyền sử dụng điện an toàn, tiết kiệm tại ấp."),
      months=(4, 5, 6, 7), intensity=(3, 2, 0), wide=True),
    M("viec-lam-cong-nhan", "kinh-te-doi-song",
      (U, "Công nhân ở các khu nhà trọ {ap} lo lắng về việc làm khi một số doanh nghiệp may mặc, giày da giảm đơn hàng, cắt giờ tăng ca; thu nhập giảm nên nhiều người nợ tiền trọ."),
      (U, "Một số doanh nghiệp {noi} cho công nhân nghỉ luân phiên vì thiếu đơn hàng; người lao động băn khoăn về chế độ khi ngừng việc và việc đóng bảo hiểm xã hội."),
      (N, "Khoảng {nguoi} người lao động của {dn} phản ánh công ty chậm trả lương tháng {thang_truoc}, nợ đóng bảo hiểm xã hội nhiều tháng, ảnh hưởng đến việc hưởng chế độ thai sản, ốm đau."),
      proposals=("Đề nghị tổ chức phiên giao dịch việc làm lưu động, giới thiệu việc làm cho công nhân bị giảm giờ làm.",
                 "Đề nghị hướng dẫn doanh nghiệp thực hiện đúng chế độ ngừng việc, đóng đủ bảo hiểm xã hội cho người lao động.",
                 "Đề nghị cơ quan quản lý lao động kiểm tra việc trả lương, đóng bảo hiểm xã hội của doanh nghiệp."),
      bodies=("ldld", "noivu", "bhxh"), forward=0.5, paired=True,
      answers=("Trung tâm Dịch vụ việc làm đã tổ chức phiên giao dịch việc làm lưu động, {nguoi} lao động tham gia, nhiều người được nhận việc ngay tại phiên.",
               "Đã hướng dẫn doanh nghiệp trả lương ngừng việc theo Bộ luật Lao động và đóng đủ bảo hiểm xã hội trong thời gian nghỉ luân phiên; công đoàn cơ sở giám sát việc thực hiện.",
               "Công đoàn đã làm việc với doanh nghiệp; doanh nghiệp cam kết trả đủ lương còn nợ trước ngày {han}, lập lộ trình đóng bù bảo hiểm xã hội, kể cả tiền lãi chậm đóng."),
      hot=0.15, households=(20, 160), tags={"industry"}, between=(D(2025, 4, 1), D(2026, 12, 31)), intensity=(1, 3, 2)),
    M("xoa-nha-tam", "kinh-te-doi-song",
      (A, "Nhân dân {ap} đồng tình, đánh giá cao phong trào chung tay xóa nhà tạm, nhà dột nát; nhiều hộ nghèo đã được hỗ trợ xây mới, sửa chữa nhà trước mùa mưa."),
      (A, "Bà con {noi} phấn khởi khi {ho} căn nhà cho hộ nghèo, hộ có hoàn cảnh khó khăn được bàn giao; nhiều ý kiến mong tiếp tục hỗ trợ sinh kế để các hộ ổn định lâu dài."),
      (U, "Một số hộ {ap} băn khoăn vì chưa có tên trong danh sách được hỗ trợ xóa nhà tạm dù nhà đã xuống cấp, đề nghị rà soát, công khai danh sách."),
      proposals=("Đề nghị rà soát, công khai danh sách hộ được hỗ trợ tại nhà văn hóa ấp.",),
      bodies=("xa",), forward=0.15,
      answers=("UBND đã rà soát, bổ sung 2 hộ đủ điều kiện vào danh sách hỗ trợ đợt cuối; công khai danh sách tại nhà văn hóa ấp.",),
      between=(D(2025, 3, 1), D(2025, 10, 31)), intensity=(2, 3, 0), wide=True),
    M("hang-gia", "kinh-te-doi-song",
      "Dư luận {noi} bức xúc trước các vụ sản xuất, buôn bán sữa bột, thực phẩm chức năng, thuốc giả bị phát hiện thời gian qua; người tiêu dùng hoang mang, không biết mua hàng ở đâu để bảo đảm chất lượng.",
      "Nhiều phụ huynh {ap} lo lắng về sữa, thuốc giả; đề nghị công khai danh sách sản phẩm giả, tăng kiểm tra các cửa hàng, nhà thuốc.",
      proposals=("Đề nghị tăng cường kiểm tra, xử lý nghiêm cơ sở kinh doanh hàng giả, hàng kém chất lượng; hướng dẫn người dân cách tra cứu nguồn gốc sản phẩm.",),
      bodies=("congthuong", "yte"), forward=0.25,
      answers=("Đoàn kiểm tra liên ngành đã kiểm tra {so_cs} cơ sở kinh doanh thực phẩm, dược phẩm; tạm giữ hàng hóa không rõ nguồn gốc tại 3 cơ sở, chuyển cơ quan chức năng xử lý. Danh sách sản phẩm bị thu hồi đã đăng trên cổng thông tin của Sở.",),
      between=(D(2025, 4, 10), D(2025, 9, 30)), intensity=(0, 3, 2), wide=True),
    M("duong-nong-thon", "kinh-te-doi-song",
      (A, "Nhân dân {ap} phấn khởi khi {duong_ap} được bê tông hóa, đi lại thuận tiện hơn trong mùa mưa; nhiều hộ tự nguyện hiến đất, dời hàng rào để mở rộng đường."),
      (N, "Bà con {ap} phản ánh {duong_ap} xuống cấp, nhiều ổ gà, mùa mưa lầy lội, học sinh đi lại khó khăn."),
      (U, "Người dân {ap} đề nghị sớm lắp đèn chiếu sáng trên đoạn đường từ {ap} đến {ap2}; buổi tối rất tối, tiềm ẩn nguy cơ tai nạn và trộm cắp."),
      proposals=("", "Đề nghị đưa tuyến đường vào kế hoạch đầu tư công; trước mắt dặm vá, khơi thông mương thoát nước.",
                 "Đề nghị vận động xã hội hóa lắp đèn chiếu sáng."),
      bodies=("xa",), forward=0.4,
      answers=("", "UBND đã đưa tuyến đường vào danh mục đầu tư năm {nam_sau}; trước mắt giao bộ phận giao thông dặm vá các ổ gà, khơi thông mương thoát nước.",
               "UBND đã vận động xã hội hóa lắp {so_den} bóng đèn chiếu sáng trên tuyến đường, dự kiến hoàn thành trong tháng {thang_sau}."),
      settled=("", "Tuyến đường đã được dặm vá, người dân đi lại thuận tiện.", "Đã lắp xong đèn chiếu sáng."),
      tags={"rural"}, intensity=(3, 2, 0), weight=1.2, paired=True),
    # --- Đất đai, môi trường
    M("trai-chan-nuoi", "dat-dai-moi-truong",
      "Nhiều hộ {ap} phản ánh {trai} gây mùi hôi nồng nặc, nhất là lúc chiều tối và khi trời mưa; nước thải chảy ra mương thoát nước chung, ruồi nhặng nhiều.",
      "Người dân {ap} bức xúc vì {trai} xả nước thải chưa qua xử lý ra {song}, cá chết, nước có mùi; bà con không dám dùng nước giếng khoan để sinh hoạt.",
      "Khoảng {ho} hộ dân {ap} ký đơn phản ánh ô nhiễm từ {trai}; một số hộ cho rằng đã phản ánh nhiều lần nhưng tình trạng vẫn tái diễn.",
      proposals=("Đề nghị kiểm tra, xử lý nghiêm việc xả thải; buộc chủ trại đầu tư hệ thống xử lý chất thải, trồng cây xanh cách ly.",
                 "Đề nghị lấy mẫu nước, không khí để quan trắc và công khai kết quả cho Nhân dân biết.",
                 "Đề nghị không cho mở rộng quy mô trại khi chưa khắc phục ô nhiễm."),
      bodies=("xa", "nnmt"), forward=0.75,
      answers=("Đoàn kiểm tra đã đến trại ngày {ngay_kt}, lập biên bản vi phạm về xả nước thải chưa qua xử lý; chủ trại cam kết nạo vét hầm biogas, làm thêm hồ lắng, hoàn thành trong 30 ngày.",
               "Đã lấy mẫu nước thải, kết quả vượt quy chuẩn; đã xử phạt vi phạm hành chính {tien_phat} triệu đồng và buộc khắc phục hậu quả. Sẽ tái kiểm tra sau thời hạn khắc phục.",
               "Qua kiểm tra, trại đã có hệ thống xử lý nhưng vận hành chưa thường xuyên; đã nhắc nhở, yêu cầu phun chế phẩm khử mùi hằng ngày và báo cáo kết quả về UBND xã."),
      settled=("Trại đã hoàn thành hạng mục xử lý chất thải; qua nắm tình hình, người dân không còn phản ánh.",
               "Kết quả tái kiểm tra đạt yêu cầu; mùi hôi đã giảm rõ rệt."),
      hot=0.35, households=(12, 90), tags={"rural"}, intensity=(0, 3, 3), weight=1.5),
    M("nha-may-xa-thai", "dat-dai-moi-truong",
      "Người dân {ap} phản ánh {nm} xả nước thải có mùi chua, màu đục ra {song}, nhất là vào ban đêm; cá chết nổi, nước không thể dùng để tưới.",
      "Bà con sống gần {nm} bức xúc vì mùi hôi, khói bụi khi nhà máy hoạt động cả đêm; một số hộ có trẻ nhỏ bị ho kéo dài.",
      proposals=("Đề nghị kiểm tra đột xuất, lắp camera giám sát cửa xả; công khai kết quả quan trắc.",),
      bodies=("nnmt", "xa"), forward=0.8,
      answers=("Đã kiểm tra đột xuất, lấy mẫu nước thải, khí thải; kết quả có 3 chỉ tiêu vượt quy chuẩn. Doanh nghiệp bị xử phạt {tien_phat} triệu đồng và buộc dừng xả thải đến khi nâng cấp xong hệ thống xử lý.",
               "Qua kiểm tra, doanh nghiệp có giấy phép môi trường, hệ thống xử lý đang vận hành; đã yêu cầu lắp camera giám sát cửa xả, truyền số liệu quan trắc tự động. Tiếp tục theo dõi phản ánh của Nhân dân."),
      settled=("Doanh nghiệp đã nâng cấp hệ thống xử lý; kết quả quan trắc đạt quy chuẩn.",),
      hot=0.3, households=(15, 80), tags={"rural"}, intensity=(0, 2, 3)),
    M("cat-trai-phep", "dat-dai-moi-truong",
      "Người dân {ap} phản ánh tình trạng ghe hút cát trái phép trên {song} vào ban đêm; bờ sông bị sạt lở, nhiều hộ lo mất đất sản xuất.",
      "Đoạn bờ {song} qua {ap} xuất hiện vết nứt dài khoảng {met} m; {ho} hộ sống sát bờ lo sợ sạt lở trong mùa mưa.",
      proposals=("Đề nghị tăng cường tuần tra, xử lý nghiêm phương tiện khai thác cát trái phép; khảo sát, bố trí vốn kè chống sạt lở.",),
      bodies=("nnmt", "congan", "xa"), forward=0.8,
      answers=("Lực lượng chức năng đã tuần tra trên sông, bắt giữ 2 phương tiện khai thác cát trái phép, chuyển xử lý theo quy định.",
               "UBND đã cắm biển cảnh báo, di dời tạm {so_vu} hộ ở vị trí nguy hiểm; đề xuất tỉnh bố trí vốn kè chống sạt lở."),
      hot=0.3, households=(5, 40), intensity=(0, 2, 2), weight=0.7),
    M("cap-giay-dat", "dat-dai-moi-truong",
      (N, "Một số hộ {ap} phản ánh hồ sơ cấp giấy chứng nhận quyền sử dụng đất, tách thửa nộp từ tháng {thang_truoc} đến nay chưa có kết quả, quá hẹn nhưng không được thông báo lý do."),
      (N, "Người dân {noi} than phiền thủ tục đăng ký biến động đất đai sau khi sắp xếp đơn vị hành chính phải đi lại nhiều lần; hồ sơ luân chuyển giữa xã và chi nhánh văn phòng đăng ký đất đai mất nhiều thời gian."),
      (U, "Nhiều hộ {ap} băn khoăn việc chỉnh lý địa chỉ trên giấy chứng nhận quyền sử dụng đất sau khi đổi tên xã, lo phải làm lại giấy tờ, tốn chi phí."),
      proposals=("Đề nghị rà soát hồ sơ trễ hẹn, thông báo lý do và thời gian trả kết quả cho người dân.",
                 "Đề nghị rút ngắn thời gian luân chuyển hồ sơ, cho nhận kết quả tại xã.",
                 "Đề nghị thông tin rõ để người dân yên tâm, không phải làm lại giấy tờ."),
      bodies=("vpdk", "xa"), forward=0.5, paired=True,
      answers=("Đã rà soát {so_hs} hồ sơ trễ hẹn; nguyên nhân do chuyển giao dữ liệu khi sắp xếp, đã gửi thư xin lỗi và hẹn trả kết quả trong 10 ngày làm việc.",
               "Đã bố trí viên chức chi nhánh văn phòng đăng ký đất đai tiếp nhận, trả kết quả tại Trung tâm Phục vụ hành chính công xã 2 ngày mỗi tuần; hồ sơ được luân chuyển bằng bản điện tử.",
               "Người dân không bắt buộc phải đổi giấy chứng nhận khi thay đổi tên đơn vị hành chính; việc cập nhật thực hiện khi có nhu cầu đăng ký biến động, không thu phí."),
      between=(REFORM, D(2026, 12, 31)), intensity=(1, 3, 1), wide=True),
    M("rac-thai", "dat-dai-moi-truong",
      "Rác thải sinh hoạt tồn đọng ở {ap} nhiều ngày chưa được thu gom, bốc mùi hôi; một số điểm dọc {duong_ap} trở thành bãi rác tự phát.",
      "Người dân {ap} phản ánh xe thu gom rác đến không đều, có tuần chỉ một lần; giá dịch vụ thu gom tăng nhưng chất lượng không cải thiện.",
      proposals=("Đề nghị yêu cầu đơn vị thu gom thực hiện đúng lịch, xử lý các điểm rác tự phát.",),
      bodies=("xa",), forward=0.45,
      answers=("UBND đã làm việc với đơn vị thu gom, điều chỉnh lịch thu gom 3 lần/tuần; tổ chức ra quân dọn dẹp điểm tập kết rác tự phát, đặt biển cấm đổ rác.",
               "Đã giao Đoàn Thanh niên, Hội Phụ nữ vận động hộ dân phân loại rác tại nguồn; đơn vị thu gom bổ sung 1 xe tải nhỏ vào các tuyến hẻm."),
      handled=("Ban Nhân dân ấp đã vận động người dân dọn dẹp, đơn vị thu gom cam kết thu đúng lịch.",),
      intensity=(2, 3, 1), weight=1.1),
    M("tranh-chap-ranh", "dat-dai-moi-truong",
      "Hai hộ ở {ap} tranh chấp ranh giới đất, đã xảy ra xô xát; bà con lo ngại mâu thuẫn kéo dài nếu không hòa giải kịp thời.",
      "{ten} ở {ap} phản ánh hộ lân cận xây hàng rào lấn sang phần đất đã được cấp giấy chứng nhận, đề nghị địa phương đo đạc lại.",
      proposals=("Đề nghị tổ hòa giải ấp sớm hòa giải; cán bộ địa chính đo đạc, xác định ranh.",),
      bodies=("xa",), forward=0.5,
      answers=("Cán bộ địa chính đã đo đạc, xác định ranh theo hồ sơ địa chính; tổ hòa giải đã hòa giải thành, hai hộ ký biên bản thống nhất.",
               "Đã mời hai bên hòa giải nhưng chưa thành; hướng dẫn người dân gửi đơn đến Tòa án để giải quyết theo quy định."),
      handled=("Tổ hòa giải ấp đã hòa giải thành, hai bên thống nhất cắm lại mốc ranh.",),
      hot=0.15, households=(2, 6), tags={"rural"}, intensity=(3, 2, 1), weight=0.8),
    M("nhiem-man", "dat-dai-moi-truong",
      "Nước mặn xâm nhập sâu vào các kênh nội đồng ở {ap}; nông dân lo thiếu nước tưới cho lúa {vu} và vườn thanh long, chanh.",
      "Người dân {ap} phản ánh nước máy bị nhiễm mặn, có mùi; nhiều hộ phải mua nước bình với giá cao.",
      proposals=("Đề nghị vận hành cống ngăn mặn hợp lý, hỗ trợ nước sinh hoạt cho các hộ bị ảnh hưởng.",),
      bodies=("nn", "xa"), forward=0.5,
      answers=("Đã vận hành đóng các cống ngăn mặn, thông báo lịch lấy nước ngọt; bố trí xe chở nước miễn phí cho các ấp bị ảnh hưởng nặng.",),
      tags={"la", "rural"}, months=(1, 2, 3, 4), tendency=(0, 1, 2), intensity=(1, 3, 1)),
    M("ngap-ung", "dat-dai-moi-truong",
      "Sau trận mưa lớn ngày {ngay_truoc}, nhiều đoạn đường và nhà dân ở {ap} ngập sâu 30–50 cm; người dân cho rằng cống thoát nước nhỏ, bị san lấp khi thi công {duong}.",
      "Người dân {ap} phản ánh mương thoát nước bị lấn chiếm, bồi lắng nên mỗi khi mưa lớn nước tràn vào nhà, hư hỏng tài sản.",
      proposals=("Đề nghị nạo vét mương thoát nước, buộc nhà thầu thi công hoàn trả hệ thống thoát nước.",),
      bodies=("xa", "xaydung"), forward=0.55,
      answers=("UBND đã chỉ đạo nạo vét {met} m mương thoát nước, yêu cầu nhà thầu lắp đặt cống tạm để thoát nước; đề xuất nâng cấp hệ thống thoát nước trong kế hoạch năm sau.",),
      months=(6, 7, 8, 9, 10, 11), intensity=(1, 3, 1)),
    M("xe-qua-tai", "dat-dai-moi-truong",
      "Xe tải chở đất, đá san lấp chạy liên tục trên {duong} gây bụi mù, hư hỏng mặt đường; người dân {ap} phải đóng cửa cả ngày.",
      "Bà con {ap} phản ánh xe ben chở đất không che phủ, rơi vãi trên {duong}, trời mưa trơn trượt đã xảy ra tai nạn.",
      proposals=("Đề nghị kiểm tra tải trọng, xử lý xe chở quá tải, yêu cầu đơn vị vận chuyển tưới nước giảm bụi.",),
      bodies=("congan", "xaydung"), forward=0.5,
      answers=("Lực lượng chức năng đã lập chốt kiểm tra tải trọng, xử lý {so_xe} trường hợp chở quá tải; yêu cầu đơn vị vận chuyển che phủ thùng xe, tưới nước giảm bụi.",),
      intensity=(1, 3, 1), weight=0.8),
    # --- Bồi thường, giải phóng mặt bằng
    M("gia-boi-thuong", "giai-phong-mat-bang",
      (N, "{ho} hộ dân {ap} bị ảnh hưởng bởi {du_an} không đồng tình với đơn giá bồi thường đất nông nghiệp, cho rằng thấp hơn nhiều so với giá chuyển nhượng thực tế trong khu vực."),
      (N, "Người dân {ap} có đất thu hồi cho {du_an} phản ánh việc áp giá bồi thường cây trồng, vật kiến trúc chưa thỏa đáng; một số hộ chưa nhận tiền, chưa đồng ý bàn giao mặt bằng."),
      (U, "Các hộ có đất bị thu hồi một phần cho {du_an} ở {ap} kiến nghị được thu hồi luôn phần diện tích còn lại không đủ điều kiện sử dụng, đồng thời sớm bố trí tái định cư."),
      (U, "Người dân {ap} băn khoăn vì {du_an} đã cắm mốc nhiều năm nhưng chưa thu hồi; đất không được xây dựng, chuyển nhượng, ảnh hưởng đến đời sống."),
      proposals=("Đề nghị rà soát, điều chỉnh giá đất cụ thể sát giá thị trường; tổ chức đối thoại công khai với các hộ còn ý kiến.",
                 "Đề nghị công khai phương án bồi thường, hỗ trợ tại nhà văn hóa ấp để người dân được biết và giám sát.",
                 "Đề nghị sớm chi trả tiền bồi thường, bố trí tái định cư tại chỗ và hỗ trợ chuyển đổi nghề cho các hộ mất đất sản xuất.",
                 "Đề nghị công bố thời gian thực hiện dự án; nếu chưa triển khai thì cho người dân được sử dụng, chuyển nhượng đất."),
      bodies=("bt", "xa", "nnmt", "bqlda"), forward=0.85, paired=True,
      answers=("Hội đồng bồi thường đã tổ chức đối thoại với các hộ; giải thích đơn giá được xác định theo giá đất cụ thể UBND tỉnh phê duyệt. Các kiến nghị về giá đã được tổng hợp, đề xuất Sở Nông nghiệp và Môi trường xem xét điều chỉnh hệ số.",
               "Đã rà soát, bồi thường bổ sung cây trồng, vật kiến trúc bị áp giá thiếu cho {so_hs} hộ; chi trả bổ sung trong tháng {thang_sau}.",
               "Phần diện tích còn lại dưới diện tích tối thiểu đủ điều kiện thu hồi theo đề nghị của người dân; đã lập hồ sơ bổ sung phương án.",
               "Dự án đã được bố trí vốn năm {nam_sau}, dự kiến chi trả, thu hồi đất trong quý I; người dân được làm thủ tục chuyển nhượng, tách thửa phần đất ngoài ranh quy hoạch."),
      settled=("Các hộ đã nhận tiền bồi thường, bàn giao mặt bằng cho đơn vị thi công.",
               "Đã chi trả bổ sung; người dân thống nhất, không còn ý kiến."),
      hot=0.5, households=(8, 70), intensity=(0, 2, 3), weight=1.6),
    M("tai-dinh-cu", "giai-phong-mat-bang",
      "Các hộ thuộc diện tái định cư của {du_an} phản ánh khu tái định cư chưa hoàn thiện điện, nước, đường nội bộ dù đã bốc thăm nền từ nhiều tháng trước.",
      "Người dân nhận nền tái định cư ở {xa} cho rằng giá nền cao hơn tiền bồi thường đất ở, nhiều hộ không đủ tiền xây nhà.",
      proposals=("Đề nghị đẩy nhanh hoàn thiện hạ tầng khu tái định cư; cho các hộ khó khăn được ghi nợ tiền sử dụng đất.",),
      bodies=("bt", "bqlda"), forward=0.8,
      answers=("Chủ đầu tư đã yêu cầu nhà thầu hoàn thành đấu nối điện, nước khu tái định cư trước ngày {han}; các hộ khó khăn được giãn thời gian nộp tiền sử dụng đất.",),
      hot=0.3, households=(10, 40), intensity=(0, 3, 2), weight=0.7),
    # --- Y tế, giáo dục
    M("tram-y-te", "y-te-giao-duc",
      "Người dân {ap} phản ánh trạm y tế thiếu một số thuốc điều trị bệnh mạn tính như tăng huyết áp, tiểu đường; người có thẻ bảo hiểm y tế phải tự mua thuốc bên ngoài.",
      "Sau khi sắp xếp, một số điểm trạm y tế {noi} chỉ khám buổi sáng; người cao tuổi phải đi xa đến trạm chính để khám, nhận thuốc.",
      proposals=("Đề nghị bảo đảm đủ thuốc bảo hiểm y tế tại trạm.", "Đề nghị bố trí lịch khám cả ngày tại các điểm trạm."),
      paired=True, bodies=("yte", "xa"), forward=0.55,
      answers=("Đã chỉ đạo Trung tâm Y tế khu vực điều chuyển thuốc cho trạm; gói thầu thuốc tập trung đã hoàn tất, bảo đảm đủ thuốc cấp phát từ tháng {thang_sau}.",
               "Trạm y tế đã bố trí khám cả ngày tại điểm trạm, luân phiên bác sĩ 2 buổi mỗi tuần."),
      between=(REFORM, D(2026, 12, 31)), intensity=(1, 3, 1)),
    M("dich-benh", "y-te-giao-duc",
      "Ở {ap} ghi nhận nhiều ca sốt xuất huyết trong tháng {thang}; người dân lo lắng, đề nghị phun thuốc diệt muỗi diện rộng.",
      "Bệnh tay chân miệng xuất hiện ở trẻ mầm non {noi}; phụ huynh lo ngại, một số gia đình cho con nghỉ học.",
      proposals=("Đề nghị xử lý ổ dịch, phun hóa chất diệt muỗi, tuyên truyền diệt lăng quăng.",
                 "Đề nghị khử khuẩn trường học, hướng dẫn phụ huynh phòng bệnh cho trẻ."),
      paired=True, bodies=("yte", "xa"), forward=0.4,
      answers=("Trạm y tế đã xử lý ổ dịch, phun hóa chất diệt muỗi tại {ap} và các ấp lân cận; tổ chức chiến dịch diệt lăng quăng, bọ gậy.",
               "Đã khử khuẩn trường học, hướng dẫn phụ huynh theo dõi triệu chứng; các ca bệnh đều nhẹ, đã ổn định."),
      handled=("Trạm y tế đã xử lý ổ dịch; không phát sinh ca bệnh mới.",),
      months=(5, 6, 7, 8, 9, 10, 11), tendency=(0, 1, 2), intensity=(1, 3, 1)),
    M("mien-hoc-phi", "y-te-giao-duc",
      (A, "Phụ huynh {noi} phấn khởi trước chủ trương miễn học phí cho học sinh từ mầm non đến hết trung học phổ thông công lập, cho rằng đây là quyết sách nhân văn, giảm gánh nặng cho gia đình đông con."),
      (A, "Nhân dân đồng tình với việc miễn học phí, hỗ trợ bữa trưa cho học sinh; mong được quan tâm thêm chi phí đồng phục, sách vở cho học sinh vùng khó khăn."),
      between=(D(2025, 3, 1), D(2025, 10, 31)), intensity=(1, 3, 0), wide=True, weight=1.2),
    M("day-them", "y-te-giao-duc",
      (U, "Nhiều phụ huynh {noi} băn khoăn sau khi có quy định mới về dạy thêm, học thêm: giáo viên không được dạy thêm có thu tiền học sinh lớp mình, con em không biết học thêm ở đâu trước kỳ thi chuyển cấp."),
      (A, "Một số ý kiến đồng tình với việc siết dạy thêm, học thêm, cho rằng sẽ giảm áp lực cho học sinh và chấm dứt tình trạng ép học thêm."),
      between=(D(2025, 2, 14), D(2025, 6, 15)), intensity=(1, 3, 0), wide=True),
    M("lam-thu", "y-te-giao-duc",
      "Phụ huynh học sinh {truong} phản ánh các khoản thu đầu năm học nhiều; có khoản gọi là “tự nguyện” nhưng ấn định mức thu cho từng học sinh.",
      "Một số phụ huynh {ap} phản ánh ban đại diện cha mẹ học sinh {truong} vận động đóng góp mua máy lạnh, ti vi cho lớp học, mức đóng cao.",
      proposals=("Đề nghị kiểm tra các khoản thu, công khai thu chi; hoàn trả các khoản thu sai quy định.",),
      bodies=("xa", "gd"), forward=0.7,
      answers=("Đã kiểm tra, yêu cầu nhà trường dừng thu các khoản chưa đúng quy định, hoàn trả cho phụ huynh; kiểm điểm trách nhiệm Ban Giám hiệu.",),
      months=(8, 9, 10), intensity=(0, 3, 1)),
    M("truong-xuong-cap", "y-te-giao-duc",
      "{truong} có nhiều phòng học xuống cấp, mái tôn dột, nhà vệ sinh hư hỏng; phụ huynh lo mất an toàn cho học sinh trong mùa mưa.",
      "Điểm lẻ {truong} ở {ap} thiếu giáo viên, phải ghép lớp; phụ huynh mong được bố trí đủ giáo viên trước năm học mới.",
      proposals=("Đề nghị bố trí kinh phí sửa chữa trường học trong dịp hè.", "Đề nghị bố trí đủ giáo viên cho điểm lẻ."),
      paired=True, bodies=("xa", "gd"), forward=0.6,
      answers=("UBND đã bố trí kinh phí sửa chữa mái, nhà vệ sinh trong dịp hè; tạm dừng sử dụng 2 phòng học xuống cấp.",
               "Ngành giáo dục đã điều động thêm 2 giáo viên cho điểm lẻ từ đầu năm học."),
      tags={"rural"}, intensity=(1, 3, 0), weight=0.7),
    M("kham-suc-khoe", "y-te-giao-duc",
      (A, "Người dân {noi} đồng tình, phấn khởi với chủ trương mỗi người dân được khám sức khỏe định kỳ miễn phí ít nhất mỗi năm một lần và từng bước miễn viện phí."),
      (U, "Người cao tuổi {ap} hỏi về thời gian, địa điểm khám sức khỏe miễn phí, việc lập hồ sơ sức khỏe điện tử; mong trạm y tế thông báo cụ thể."),
      between=(D(2025, 9, 1), D(2026, 12, 31)), intensity=(2, 3, 0), wide=True),
    # --- Văn hóa, xã hội
    M("karaoke", "van-hoa-xa-hoi",
      "Người dân {ap} phản ánh tình trạng hát karaoke bằng loa kéo công suất lớn đến khuya, nhất là các đám tiệc cuối tuần, ảnh hưởng giấc ngủ của người già, trẻ nhỏ.",
      "Quán karaoke ở {ap} hoạt động quá giờ quy định, khách ra vào ồn ào, có lúc xảy ra cãi vã, đánh nhau.",
      proposals=("Đề nghị kiểm tra, xử lý vi phạm về tiếng ồn; tuyên truyền quy định về giờ giấc trong khu dân cư.",),
      bodies=("congan", "xa"), forward=0.3,
      answers=("Công an đã mời chủ quán làm việc, lập biên bản vi phạm về gây tiếng ồn; tổ chức tuyên truyền quy định về tiếng ồn trong khu dân cư.",),
      handled=("Ban Nhân dân ấp đã nhắc nhở, các hộ cam kết không hát karaoke sau 22 giờ.",),
      intensity=(3, 2, 0)),
    M("le-hoi-nui-ba", "van-hoa-xa-hoi",
      "Du khách và người dân phản ánh tình trạng chèo kéo, ép giá dịch vụ giữ xe, ăn uống quanh khu vực lễ hội Xuân núi Bà Đen; một số điểm giữ xe thu gấp 2–3 lần giá niêm yết.",
      (A, "Nhân dân đồng tình với công tác tổ chức lễ hội Xuân núi Bà Đen năm {nam}: an ninh trật tự bảo đảm, giao thông thông suốt, vệ sinh môi trường tốt hơn các năm trước."),
      proposals=("Đề nghị tăng kiểm tra, niêm yết giá, xử lý các điểm giữ xe tự phát.",),
      bodies=("vhtt", "xa"), forward=0.4,
      answers=("Đoàn kiểm tra liên ngành đã xử lý {so_cs} điểm giữ xe tự phát, yêu cầu các cơ sở kinh doanh niêm yết giá và công bố đường dây nóng.",),
      tags={"mountain"}, months=(1, 2, 3), intensity=(1, 3, 1)),
    M("duoi-nuoc", "van-hoa-xa-hoi",
      (U, "Trong dịp hè, nhiều trẻ em {ap} tự ý tắm ở ao, hồ, {song}; phụ huynh lo ngại tai nạn đuối nước, mong có lớp dạy bơi miễn phí."),
      handled=("Đoàn Thanh niên đã mở 2 lớp dạy bơi miễn phí cho thiếu nhi; cắm biển cảnh báo tại các điểm nước sâu.",),
      months=(5, 6, 7, 8), intensity=(2, 2, 0), weight=0.7),
    M("hien-dat", "van-hoa-xa-hoi",
      (A, "Bà con {ap} đồng tình cao với chủ trương mở rộng {duong_ap}; {ho} hộ đã ký cam kết hiến đất, tự tháo dỡ hàng rào, cây trồng."),
      (A, "Nhân dân {ap} hưởng ứng phong trào “Dân vận khéo”, góp ngày công, vật liệu xây cầu bê tông thay cầu khỉ cho học sinh đi học."),
      tags={"rural"}, intensity=(2, 3, 0), weight=0.8),
    M("tro-cap", "van-hoa-xa-hoi",
      (N, "Một số người có công, người cao tuổi {ap} phản ánh tiền trợ cấp tháng {thang_truoc} chi trả chậm so với mọi tháng; chưa được thông báo lịch nhận mới sau khi sắp xếp."),
      (U, "Người hưởng trợ cấp xã hội {noi} băn khoăn việc chuyển sang nhận trợ cấp qua tài khoản ngân hàng; nhiều người cao tuổi không biết sử dụng thẻ."),
      proposals=("Đề nghị chi trả đúng kỳ, thông báo lịch chi trả mới.", "Đề nghị cho người cao tuổi được chọn nhận tiền mặt hoặc được hỗ trợ sử dụng thẻ."),
      paired=True, bodies=("xa", "noivu"), forward=0.5,
      answers=("Việc chậm chi trả do chuyển đổi danh sách sau sắp xếp; đã chi trả đủ trong ngày {han}. Bưu điện tổ chức chi trả tại nhà cho người già yếu, neo đơn.",
               "Người hưởng được chọn nhận bằng tiền mặt hoặc qua tài khoản; Đoàn Thanh niên hỗ trợ người cao tuổi mở tài khoản, sử dụng thẻ."),
      between=(REFORM, D(2026, 6, 30)), intensity=(1, 3, 1)),
    # --- An ninh, trật tự
    M("trom-cap", "an-ninh-trat-tu",
      "Tình trạng trộm cắp tài sản ở {ap} có chiều hướng tăng: trong tháng xảy ra {so_vu} vụ mất trộm xe máy, gà, chó; người dân lo lắng, mong tăng cường tuần tra ban đêm.",
      "Nông dân {ap} phản ánh bị trộm máy bơm nước, dây điện ngoài đồng; một số hộ phải thuê người canh giữ ban đêm.",
      proposals=("Đề nghị tăng cường tuần tra ban đêm, xử lý nghiêm các đối tượng trộm cắp.",),
      bodies=("congan",), forward=0.45,
      answers=("Công an đã tăng cường tuần tra, phối hợp lực lượng bảo vệ an ninh, trật tự ở cơ sở; bắt giữ 2 đối tượng trộm cắp, thu hồi tài sản trả lại người dân.",),
      intensity=(1, 3, 1), weight=1.2),
    M("lua-dao", "an-ninh-trat-tu",
      "Nhiều người {noi} nhận cuộc gọi giả danh công an, nhân viên ngân hàng, điện lực yêu cầu cài ứng dụng, cập nhật thông tin định danh; đã có người bị lừa chuyển tiền.",
      "Một số người cao tuổi {ap} bị lừa mua thực phẩm chức năng qua các buổi “hội thảo tặng quà”; người dân đề nghị kiểm tra, ngăn chặn.",
      "Người dân phản ánh các ứng dụng cho vay tiền qua mạng lãi suất cao, đòi nợ bằng cách gọi điện, nhắn tin bôi nhọ người thân, đồng nghiệp của người vay.",
      proposals=("Đề nghị tuyên truyền thường xuyên các thủ đoạn lừa đảo trên loa truyền thanh và nhóm Zalo của ấp.",),
      paired=True, bodies=("congan",), forward=0.35,
      answers=("Công an đã xác minh, tiếp nhận tố giác; khuyến cáo người dân không cung cấp mã OTP, không cài ứng dụng lạ. Tuyên truyền tại các ấp qua loa truyền thanh.",
               "Công an đã kiểm tra, đình chỉ buổi “hội thảo” của công ty kinh doanh thực phẩm chức năng không có giấy phép tổ chức, lập biên bản chuyển xử lý; tuyên truyền người cao tuổi cảnh giác.",
               "Công an đã tiếp nhận tố giác, xác minh các số điện thoại đòi nợ, khởi tố vụ án cho vay lãi nặng; khuyến cáo người dân không vay qua ứng dụng không rõ nguồn gốc."),
      tendency=(0, 3, 1), intensity=(1, 3, 1), wide=True, weight=1.3),
    M("dua-xe", "an-ninh-trat-tu",
      "Thanh thiếu niên tụ tập chạy xe tốc độ cao, lạng lách, nẹt pô trên {duong} vào các tối cuối tuần; người dân bức xúc và lo ngại tai nạn.",
      proposals=("Đề nghị lập chốt, tuần tra vào các tối cuối tuần; thông báo về gia đình các trường hợp vi phạm.",),
      bodies=("congan",), forward=0.6,
      answers=("Công an đã tổ chức tuần tra, tạm giữ {so_xe} xe mô tô vi phạm, mời phụ huynh đến làm việc, ký cam kết.",),
      intensity=(1, 3, 1), weight=0.7),
    M("ma-tuy", "an-ninh-trat-tu",
      "Người dân {ap} nghi có tụ điểm sử dụng trái phép chất ma túy tại một số phòng trọ; thanh niên lạ ra vào thường xuyên vào ban đêm.",
      proposals=("Đề nghị kiểm tra hành chính khu nhà trọ, xử lý nghiêm các đối tượng liên quan ma túy.",),
      bodies=("congan",), forward=0.7,
      answers=("Công an đã kiểm tra hành chính khu nhà trọ, phát hiện {so_vu} đối tượng dương tính với ma túy, lập hồ sơ đưa đi cai nghiện; tiếp tục theo dõi địa bàn.",),
      tags={"industry"}, tendency=(0, 3, 1), intensity=(0, 3, 2), weight=0.7),
    M("bien-gioi", "an-ninh-trat-tu",
      (N, "Người dân khu vực biên giới {ap} phản ánh có đối tượng lạ thường xuyên qua lại đường mòn, lối mở vào ban đêm, nghi vận chuyển hàng lậu (đường cát, thuốc lá)."),
      (A, "Bà con {ap} đồng tình với việc Bộ đội Biên phòng và lực lượng chức năng tăng cường tuần tra, kiểm soát khu vực biên giới; nhiều hộ tham gia tổ tự quản đường biên, cột mốc."),
      proposals=("Đề nghị tăng cường tuần tra, kiểm soát đường mòn, lối mở; xử lý nghiêm đối tượng buôn lậu.",),
      bodies=("bdbp",), forward=0.5,
      answers=("Đồn Biên phòng đã tăng cường tổ tuần tra, phối hợp tổ tự quản bắt giữ 1 vụ vận chuyển {so_vu} tấn đường cát nhập lậu, chuyển xử lý theo quy định.",),
      tags={"border"}, intensity=(1, 3, 1)),
    M("camera-an-ninh", "an-ninh-trat-tu",
      (A, "Nhân dân {ap} đồng tình, tích cực tham gia mô hình “Camera an ninh”; {ho} hộ tự nguyện lắp camera hướng ra đường, kết nối với Công an xã."),
      intensity=(2, 2, 0), weight=0.6),
    # --- Tôn giáo, dân tộc
    M("dai-le-cao-dai", "ton-giao-dan-toc",
      (A, "Chức sắc, chức việc và tín đồ Cao Đài {noi} đồng tình, đánh giá cao sự phối hợp của chính quyền trong bảo đảm an ninh trật tự, an toàn giao thông dịp Đại lễ tại Tòa Thánh Tây Ninh."),
      tags={"tn"}, months=(1, 2, 8, 9), intensity=(2, 2, 0), wide=True, weight=0.6),
    M("dao-la", "ton-giao-dan-toc",
      "Có người lạ đến khu nhà trọ công nhân ở {ap} tuyên truyền, rủ rê tham gia nhóm sinh hoạt tôn giáo chưa được công nhận, yêu cầu đóng góp tiền; một số gia đình lo con em bị lôi kéo.",
      proposals=("Đề nghị xác minh, ngăn chặn hoạt động tuyên truyền trái phép; tuyên truyền để người dân không tham gia.",),
      bodies=("congan", "tongiao"), forward=0.6,
      answers=("Đã phối hợp xác minh, vận động những người tham gia không sinh hoạt trái quy định; tuyên truyền về chính sách tự do tín ngưỡng, tôn giáo và các hoạt động bị nghiêm cấm.",),
      tags={"industry"}, tendency=(0, 2, 2), intensity=(1, 3, 1), weight=0.4),
    M("khmer", "ton-giao-dan-toc",
      (A, "Đồng bào Khmer {ap} phấn khởi đón Tết cổ truyền Chôl Chnăm Thmây; đồng tình với việc địa phương thăm hỏi, tặng quà các chùa và gia đình chính sách."),
      (A, "Đồng bào Khmer {ap} đồng tình với việc chính quyền, Mặt trận thăm hỏi, chúc mừng Lễ Sene Dolta; không khí lễ vui tươi, an toàn."),
      (U, "Một số hộ đồng bào Khmer {ap} mong được vay vốn ưu đãi, đào tạo nghề cho thanh niên; một số hộ còn thiếu đất sản xuất."),
      proposals=("Đề nghị ưu tiên vốn vay, đào tạo nghề cho thanh niên đồng bào dân tộc thiểu số.",),
      bodies=("dantoc", "xa"), forward=0.3,
      answers=("Đã đưa {so_hs} hộ vào danh sách vay vốn ưu đãi của Ngân hàng Chính sách xã hội; mở lớp dạy nghề may công nghiệp cho thanh niên.",),
      tags={"khmer"}, months=(3, 4, 9, 10), intensity=(2, 2, 0), weight=0.8),
    M("co-so-tho-tu", "ton-giao-dan-toc",
      (U, "Ban quản trị chùa, thánh thất ở {ap} mong được hướng dẫn thủ tục sửa chữa, nâng cấp cơ sở thờ tự bị xuống cấp."),
      proposals=("Đề nghị hướng dẫn cụ thể trình tự, thủ tục sửa chữa cơ sở tôn giáo.",),
      bodies=("tongiao", "xa"), forward=0.5,
      answers=("Đã hướng dẫn Ban quản trị lập hồ sơ đề nghị sửa chữa theo quy định; thủ tục được giải quyết trong 15 ngày.",),
      intensity=(3, 1, 0), weight=0.4),
    # --- Chủ trương, chính sách, pháp luật
    M("xu-phat-giao-thong", "chinh-sach-phap-luat",
      (A, "Nhân dân {noi} đồng tình với việc tăng mức xử phạt vi phạm giao thông theo Nghị định số 168/2024/NĐ-CP, nhất là vi phạm nồng độ cồn, vượt đèn đỏ; tình trạng chạy ẩu giảm rõ rệt."),
      (N, "Một bộ phận người dân, nhất là người lao động thu nhập thấp, cho rằng mức phạt vi phạm giao thông mới quá cao so với thu nhập; mong tăng tuyên truyền, nhắc nhở trước khi xử phạt ở nông thôn."),
      (U, "Người dân băn khoăn về quy định trẻ em dưới 10 tuổi, cao dưới 1,35 m không được ngồi hàng ghế trước ô tô và việc xử phạt qua hình ảnh camera."),
      between=(D(2025, 1, 2), D(2025, 6, 30)), intensity=(1, 3, 1), wide=True, weight=1.4),
    M("bang-gia-dat", "chinh-sach-phap-luat",
      "Người dân {noi} quan tâm bảng giá đất mới áp dụng từ ngày 01/01/2026; nhiều ý kiến lo tiền sử dụng đất khi chuyển mục đích, thuế, phí trước bạ tăng cao so với trước.",
      "Một số hộ {ap} phải tạm dừng thủ tục chuyển mục đích sử dụng đất vì số tiền phải nộp theo bảng giá mới tăng gấp nhiều lần; mong có chính sách giảm, giãn nộp cho người có nhu cầu đất ở thật.",
      (U, "Nhiều ý kiến cho rằng bảng giá đất sát giá thị trường sẽ bảo đảm quyền lợi người dân khi bị thu hồi đất, nhưng cần có lộ trình phù hợp."),
      proposals=("Đề nghị xem xét điều chỉnh hệ số đối với đất ở nông thôn; hướng dẫn rõ các trường hợp được ghi nợ tiền sử dụng đất.",),
      bodies=("nnmt",), forward=0.35,
      answers=("Sở đã tổng hợp ý kiến, báo cáo UBND tỉnh xem xét điều chỉnh hệ số đối với đất ở nông thôn; hướng dẫn người dân các trường hợp được ghi nợ tiền sử dụng đất.",),
      between=(D(2026, 1, 2), D(2026, 6, 30)), intensity=(0, 3, 3), wide=True, weight=1.8),
    M("thue-ho-kinh-doanh", "chinh-sach-phap-luat",
      (U, "Hộ kinh doanh ở {cho} băn khoăn khi bỏ thuế khoán, chuyển sang tự kê khai và dùng hóa đơn điện tử; nhiều tiểu thương lớn tuổi không biết sử dụng phần mềm, lo bị phạt."),
      (N, "Tiểu thương {noi} cho rằng việc kê khai doanh thu làm tăng chi phí thuê dịch vụ kế toán; một số hộ tạm ngừng bán hàng để chờ hướng dẫn."),
      proposals=("Đề nghị cơ quan thuế hướng dẫn trực tiếp tại chợ, hỗ trợ miễn phí phần mềm kê khai.",),
      bodies=("thue",), forward=0.4,
      answers=("Đã tổ chức 4 buổi hướng dẫn trực tiếp tại chợ, hỗ trợ cài đặt ứng dụng kê khai và hóa đơn điện tử miễn phí; hộ có doanh thu dưới ngưỡng chịu thuế không phải nộp thuế giá trị gia tăng, thu nhập cá nhân.",),
      between=(D(2026, 1, 2), D(2026, 12, 31)), intensity=(1, 3, 1), wide=True, weight=1.3),
    M("du-lieu-dat-dai", "chinh-sach-phap-luat",
      (A, "Người dân {noi} hưởng ứng chiến dịch làm giàu, làm sạch dữ liệu đất đai; nhiều hộ đã tự cập nhật thông tin giấy chứng nhận qua ứng dụng VNeID."),
      (U, "Một số người cao tuổi {ap} lo lắng vì nhận tin nhắn yêu cầu “cập nhật sổ đỏ lên VNeID trước hạn, nếu không sẽ bị thu hồi”, không biết thật giả."),
      proposals=("Đề nghị thông tin chính thức để người dân không bị lợi dụng, lừa đảo.",),
      bodies=("congan",), forward=0.2,
      answers=("Công an đã thông báo trên loa truyền thanh và mạng xã hội: không có quy định thu hồi đất khi chưa cập nhật dữ liệu; người dân không làm theo tin nhắn lạ.",),
      between=(D(2025, 8, 15), D(2025, 12, 31)), intensity=(2, 3, 0), wide=True),
    M("rut-bhxh", "chinh-sach-phap-luat",
      (U, "Người lao động {noi} băn khoăn về quy định mới hạn chế rút bảo hiểm xã hội một lần từ ngày 01/7/2025; một số người có ý định nghỉ việc để rút trước thời điểm luật có hiệu lực."),
      proposals=("Đề nghị tuyên truyền rõ quyền lợi khi bảo lưu thời gian đóng bảo hiểm xã hội.",),
      bodies=("bhxh",), forward=0.2,
      answers=("Bảo hiểm xã hội đã phối hợp công đoàn tổ chức đối thoại tại doanh nghiệp, giải thích quyền lợi khi bảo lưu thời gian đóng.",),
      tags={"industry"}, between=(D(2025, 2, 1), D(2025, 8, 31)), intensity=(1, 3, 0), wide=True),
    # --- Sắp xếp tổ chức bộ máy, đơn vị hành chính
    M("sap-nhap-tinh", "sap-xep-bo-may",
      (A, "Nhân dân {noi} đồng tình với chủ trương sắp xếp đơn vị hành chính, hợp nhất tỉnh Tây Ninh và tỉnh Long An; cho rằng sẽ mở ra không gian phát triển mới."),
      (U, "Một bộ phận Nhân dân và cán bộ hưu trí băn khoăn về vị trí trung tâm hành chính của tỉnh mới, lo đi lại xa khi giải quyết thủ tục; mong tăng thủ tục trực tuyến."),
      (U, "Người dân {ap} quan tâm tên gọi xã mới, vị trí trụ sở sau sáp nhập; mong muốn giữ tên gọi gắn với lịch sử, truyền thống địa phương."),
      between=(D(2025, 3, 15), D(2025, 6, 30)), intensity=(0, 2, 2), wide=True, weight=2.5),
    M("doi-giay-to", "sap-xep-bo-may",
      (U, "Người dân {noi} lo phải đổi căn cước, giấy phép lái xe, giấy chứng nhận quyền sử dụng đất sau khi đổi địa chỉ; một số nơi xuất hiện “dịch vụ” nhận làm giấy tờ thu tiền."),
      proposals=("Đề nghị thông tin rộng rãi để người dân biết giấy tờ đã cấp vẫn còn giá trị.",),
      bodies=("congan", "xa"), forward=0.2,
      answers=("Đã thông tin trên loa truyền thanh, mạng xã hội: giấy tờ đã cấp vẫn còn giá trị sử dụng; người dân không phải đổi giấy tờ khi thay đổi địa giới, tên đơn vị hành chính.",),
      handled=("Đã giải thích tại cuộc họp ấp; người dân yên tâm.",),
      between=(D(2025, 6, 1), D(2025, 10, 31)), intensity=(1, 3, 1), wide=True, weight=1.5),
    M("tru-so-xa", "sap-xep-bo-may",
      (N, "Người dân các ấp xa trung tâm {xa} phản ánh trụ sở xã mới cách nhà 15–20 km, đi lại làm thủ tục mất nhiều thời gian; mong duy trì điểm tiếp nhận hồ sơ tại trụ sở cũ."),
      (N, "Trung tâm Phục vụ hành chính công {xa} những ngày đầu vận hành quá tải, người dân chờ đợi lâu; phần mềm có lúc bị lỗi, chậm."),
      (A, "Nhân dân {noi} ghi nhận cán bộ Trung tâm Phục vụ hành chính công xã nhiệt tình, hướng dẫn tận tình; nhiều thủ tục được giải quyết ngay trong ngày."),
      proposals=("Đề nghị bố trí điểm tiếp nhận hồ sơ lưu động, tăng cán bộ hỗ trợ nộp hồ sơ trực tuyến.",),
      paired=True, bodies=("xa",), forward=0.4,
      answers=("UBND xã đã bố trí điểm tiếp nhận hồ sơ tại trụ sở cũ vào thứ Ba, thứ Năm hằng tuần; tăng cường 2 cán bộ hỗ trợ người dân nộp hồ sơ trực tuyến.",
               "UBND xã đã bổ sung 3 quầy tiếp nhận, phối hợp đơn vị cung cấp phần mềm khắc phục lỗi; kết quả được hẹn trả qua tin nhắn.", ""),
      between=(REFORM, D(2026, 3, 31)), intensity=(1, 3, 1), weight=1.6),
    M("can-bo-nghi-viec", "sap-xep-bo-may",
      (U, "Một số cán bộ, công chức cấp xã và người hoạt động không chuyên trách ở ấp băn khoăn về chính sách khi nghỉ việc do sắp xếp, thời gian nhận chế độ theo Nghị định số 178/2024/NĐ-CP."),
      (U, "Cán bộ hưu trí, cựu chiến binh {noi} lo ngại một số cán bộ có năng lực, kinh nghiệm xin nghỉ sớm sau sắp xếp, ảnh hưởng đến việc giải quyết công việc của dân."),
      proposals=("Đề nghị sớm chi trả chế độ cho các trường hợp nghỉ việc.", "Đề nghị có chính sách giữ chân cán bộ có năng lực."),
      paired=True, bodies=("noivu",), forward=0.3,
      answers=("Sở Nội vụ đã thẩm định hồ sơ; các trường hợp nghỉ việc được chi trả chế độ trong tháng {thang_sau}.",
               "Sở Nội vụ đã hướng dẫn các xã rà soát, giữ lại cán bộ có năng lực, kinh nghiệm; việc nghỉ việc được xem xét trên cơ sở đánh giá, sắp xếp vị trí việc làm."),
      between=(D(2025, 3, 1), D(2025, 12, 31)), intensity=(1, 3, 1), wide=True),
    M("chinh-quyen-hai-cap", "sap-xep-bo-may",
      (A, "Nhân dân {noi} đánh giá chính quyền địa phương hai cấp sau {so_thang} tháng vận hành cơ bản thông suốt; thủ tục hành chính được giải quyết ngay tại xã, không phải lên huyện như trước."),
      (U, "Người dân {ap} cho rằng một số thủ tục về đất đai, xây dựng vẫn phải chờ lâu vì cán bộ xã mới tiếp nhận nhiệm vụ, chưa quen việc."),
      between=(D(2025, 9, 1), D(2026, 12, 31)), intensity=(2, 3, 0), wide=True, weight=1.2),
    # --- Xây dựng Đảng, hệ thống chính trị
    M("dai-hoi-tinh", "xay-dung-dang",
      (A, "Cán bộ, đảng viên và Nhân dân {noi} quan tâm, theo dõi Đại hội đại biểu Đảng bộ tỉnh lần thứ I, nhiệm kỳ 2025–2030; kỳ vọng tỉnh mới phát huy lợi thế cửa khẩu, công nghiệp, nông nghiệp công nghệ cao."),
      (A, "Nhiều ý kiến góp ý dự thảo các văn kiện trình Đại hội XIV của Đảng tập trung vào phòng, chống tham nhũng, lãng phí và chăm lo an sinh xã hội."),
      between=(D(2025, 9, 15), D(2025, 11, 30)), intensity=(1, 3, 0), wide=True, weight=1.3),
    M("dai-hoi-xiv", "xay-dung-dang",
      (A, "Nhân dân {noi} phấn khởi, tin tưởng vào thành công của Đại hội đại biểu toàn quốc lần thứ XIV của Đảng; mong các nghị quyết sớm đi vào cuộc sống, nhất là về phát triển kinh tế, chăm lo đời sống Nhân dân."),
      between=(D(2026, 1, 10), D(2026, 3, 10)), intensity=(1, 3, 0), wide=True, weight=1.3),
    M("bau-cu", "xay-dung-dang",
      (A, "Cử tri {noi} quan tâm cuộc bầu cử đại biểu Quốc hội khóa XVI và đại biểu Hội đồng nhân dân các cấp nhiệm kỳ 2026–2031; mong người ứng cử có năng lực, gần dân, dám nói lên tiếng nói của cử tri."),
      (U, "Một số cử tri {ap} mong danh sách, tiểu sử người ứng cử được niêm yết sớm và đầy đủ tại nhà văn hóa ấp để tìm hiểu trước ngày bầu cử."),
      between=(D(2026, 1, 15), D(2026, 3, 14)), intensity=(1, 3, 0), wide=True, weight=1.4),
    M("sau-bau-cu", "xay-dung-dang",
      (A, "Cử tri {noi} phấn khởi đi bầu cử ngày 15/3/2026, đánh giá công tác tổ chức chu đáo, đúng luật; tỷ lệ cử tri đi bầu cao."),
      between=(D(2026, 3, 15), D(2026, 4, 20)), intensity=(1, 3, 0), wide=True, weight=1.2),
    M("tac-phong-can-bo", "xay-dung-dang",
      "Người dân phản ánh một số cán bộ bộ phận tiếp nhận hồ sơ {xa} thái độ chưa niềm nở, hướng dẫn không đầy đủ khiến người dân phải bổ sung hồ sơ nhiều lần.",
      "{ten} ở {ap} phản ánh đến hẹn nhận kết quả nhưng hồ sơ chưa được giải quyết, cán bộ không giải thích lý do.",
      proposals=("Đề nghị chấn chỉnh tác phong, thái độ phục vụ của cán bộ; niêm yết công khai thành phần hồ sơ.",),
      bodies=("xa",), forward=0.5,
      answers=("UBND đã kiểm điểm, nhắc nhở cán bộ; niêm yết công khai thành phần hồ sơ và số điện thoại đường dây nóng để người dân phản ánh.",),
      intensity=(1, 3, 0), weight=0.8),
    # --- Phòng, chống tham nhũng, tiêu cực
    M("ho-ngheo", "tham-nhung-tieu-cuc",
      "Người dân {ap} phản ánh việc bình xét hộ nghèo, hộ cận nghèo năm {nam} chưa khách quan: một số hộ có điều kiện vẫn có tên, trong khi hộ khó khăn thực sự lại không được xét.",
      proposals=("Đề nghị rà soát lại danh sách, công khai kết quả bình xét.",),
      bodies=("xa",), forward=0.7,
      answers=("Đã rà soát lại danh sách, đưa ra khỏi danh sách 3 hộ không đủ điều kiện, bổ sung 2 hộ; công khai kết quả tại nhà văn hóa ấp.",),
      intensity=(0, 3, 1), weight=0.7),
    M("nhung-nhieu", "tham-nhung-tieu-cuc",
      "{ten} ở {ap} phản ánh khi làm thủ tục tách thửa bị gợi ý nộp thêm “chi phí dịch vụ” ngoài quy định để được giải quyết nhanh.",
      proposals=("Đề nghị xác minh, xử lý nghiêm nếu có sai phạm; công khai kết quả cho người phản ánh.",),
      bodies=("thanhtra", "xa"), forward=0.9,
      answers=("Đã xác minh, tạm đình chỉ công tác cán bộ có liên quan để làm rõ; kết quả sẽ được thông báo cho người phản ánh.",
               "Qua xác minh, chưa có căn cứ kết luận cán bộ nhận tiền; đã chấn chỉnh quy trình, hẹn trả kết quả đúng hạn và niêm yết phí, lệ phí."),
      intensity=(0, 1, 2), weight=0.5),
    M("xu-ly-tham-nhung", "tham-nhung-tieu-cuc",
      (A, "Nhân dân {noi} đồng tình cao với việc Trung ương và tỉnh kiên quyết xử lý các vụ án tham nhũng, tiêu cực, kể cả cán bộ cấp cao; cho rằng góp phần củng cố niềm tin vào Đảng."),
      (U, "Dư luận quan tâm việc xử lý trách nhiệm người đứng đầu để xảy ra sai phạm trong quản lý đất đai, đầu tư công; mong công khai kết quả xử lý."),
      intensity=(1, 3, 0), wide=True, weight=0.8),
    M("quy-dong-gop", "tham-nhung-tieu-cuc",
      "Người dân {ap} phản ánh việc thu các khoản đóng góp làm đường, quỹ quốc phòng - an ninh chưa công khai thu chi; mong Ban Nhân dân ấp báo cáo trước Nhân dân.",
      proposals=("Đề nghị Ban Thanh tra nhân dân kiểm tra, công khai thu chi tại cuộc họp dân.",),
      bodies=("xa", "mttq"), forward=0.6,
      answers=("Ban Thanh tra nhân dân đã kiểm tra; Ban Nhân dân ấp đã công khai quyết toán thu chi tại cuộc họp dân, các khoản đóng góp thực hiện trên tinh thần tự nguyện.",),
      tags={"rural"}, intensity=(1, 3, 0), weight=0.6),
]  # fmt: skip

# Sentences that may follow the text, by tendency.
AFTER = {
    N: ["Một số người dân bức xúc, cho biết sẽ gửi đơn lên cấp trên nếu không được giải quyết.",
        "Nội dung này được nhiều người chia sẻ trên mạng xã hội.", "Đây là lần thứ hai người dân phản ánh nội dung này.",
        "Ý kiến tập trung ở người cao tuổi và hộ sản xuất nông nghiệp."],
    U: ["Nhiều người chưa nắm rõ quy định nên còn băn khoăn.", "Người dân mong được thông tin, giải thích cụ thể.",
        "Nội dung này được bàn tán nhiều trong khu dân cư."],
    A: ["Đây là tâm trạng chung của đa số cán bộ, đảng viên và Nhân dân.", "Nhiều ý kiến mong tiếp tục duy trì, nhân rộng.",
        "Không khí phấn khởi, tin tưởng."],
}  # fmt: skip
WATCHED = ["Vụ việc chưa dứt điểm, tiếp tục theo dõi.", "Người dân chưa đồng tình với nội dung trả lời; tiếp tục theo dõi, vận động.",
           "Giao Ban Nhân dân ấp nắm tình hình, báo cáo định kỳ.", ""]  # fmt: skip
RESOLVED = ["Đã giải quyết xong, người dân không còn ý kiến.",
            "Qua nắm tình hình, Nhân dân đồng tình với kết quả giải quyết.", ""]  # fmt: skip
EXPLAINED = ["Đã giải thích, vận động; người dân đồng tình.", "Ban Nhân dân ấp đã gặp gỡ, giải thích cho người dân.",
             "Đã thông tin đầy đủ tại cuộc họp dân; người dân thống nhất.",
             "Chi bộ đã phân công đảng viên gặp gỡ, vận động các hộ; tình hình ổn định.",
             "Đã báo cáo cấp ủy; nội dung được giải quyết tại cơ sở.", ""]  # fmt: skip
# How a clerk may begin the summary, by source; the text's first word is then lowercased (see `_begin`).
OPENERS = {
    Source.COLLABORATOR: ["Qua nắm tình hình, ", "Theo cộng tác viên, "],
    Source.BRIEFING: ["Tại buổi giao ban, ", "Qua nắm tình hình ở cơ sở, "],
    Source.RECEPTION: ["Tại buổi tiếp công dân, ", "Qua tiếp xúc cử tri, "],
    Source.FRONT: ["Qua tổng hợp ý kiến của Mặt trận, đoàn thể, ", "Theo thông tin từ hội viên, "],
    Source.PRESS: ["Theo thông tin trên báo chí, "],
    Source.CYBERSPACE: ["Trên không gian mạng, ", "Theo bài đăng trên mạng, "],
    Source.OTHER: ["Qua đường dây nóng, ", "Qua nắm tình hình, "],
}
KEEP_CAPITAL = ("Nhân dân", "Trường", "Trung tâm", "UBND", "Ủy ban", "Ban ", "Đoàn", "Hội", "Công ty", "Báo", "Cử tri")

# ---------------------------------------------------------------------------------------------------------
# Collaborators
# ---------------------------------------------------------------------------------------------------------

FAMILY = ["Nguyễn"] * 10 + ["Trần"] * 4 + ["Lê"] * 3 + ["Phạm", "Phạm", "Huỳnh", "Huỳnh", "Võ", "Võ", "Phan", "Trương",
          "Đặng", "Bùi", "Đỗ", "Hồ", "Ngô", "Dương", "Lâm", "Lý", "Đoàn", "Mai", "Châu", "Tô", "Thái", "Đinh"]  # fmt: skip
MALE_MIDDLE = ["Văn", "Văn", "Minh", "Hữu", "Quốc", "Thanh", "Công", "Đức", "Hoàng", "Tấn", "Phước", "Ngọc"]
FEMALE_MIDDLE = ["Thị", "Thị", "Thị", "Ngọc", "Kim", "Thanh", "Thu", "Bích", "Mỹ", "Thúy"]
MALE_GIVEN = ["Bình", "Cường", "Dũng", "Hùng", "Nam", "Phúc", "Sơn", "Trung", "Tuấn", "Hải", "Lộc", "Tài", "Thắng",
              "Nghĩa", "Hiếu", "Khang", "Phong", "Long", "Tâm", "Toàn", "Lợi", "Hậu", "Tín", "Thiện", "Vinh", "Đạt"]  # fmt: skip
FEMALE_GIVEN = ["Hà", "Hạnh", "Lan", "Mai", "Thảo", "Vân", "Yến", "Hương", "Trang", "Nhung", "Loan", "Diễm", "Phượng",
                "Thủy", "Hằng", "Ngân", "Linh", "Tuyết", "Hồng", "Nga", "Mến", "Trinh"]  # fmt: skip

# (position, topic code or None for every field); {ap} a hamlet, {xa} the commune, {short} its short name.
COMMUNE_POSITIONS = [
    ("Bí thư Chi bộ {ap}", None), ("Trưởng {ap}", "dat-dai-moi-truong"), ("Trưởng Ban Công tác Mặt trận {ap}", None),
    ("Chi hội trưởng Chi hội Nông dân {ap}", "kinh-te-doi-song"), ("Chi hội trưởng Chi hội Phụ nữ {ap}", "van-hoa-xa-hoi"),
    ("Chi hội trưởng Chi hội Cựu chiến binh {ap}", "an-ninh-trat-tu"), ("Giáo viên Trường Tiểu học {short}", "y-te-giao-duc"),
    ("Viên chức Trạm Y tế {xa}", "y-te-giao-duc"), ("Người có uy tín trong cộng đồng, {ap}", None),
    ("Đảng viên hưu trí, {ap}", "xay-dung-dang"), ("Phó Chủ tịch Ủy ban MTTQ Việt Nam {xa}", None),
    ("Bí thư Đoàn Thanh niên {xa}", "van-hoa-xa-hoi"), ("Giám đốc Hợp tác xã nông nghiệp {short}", "kinh-te-doi-song"),
    ("Tiểu thương chợ {short}", "kinh-te-doi-song"), ("Công an viên {ap}", "an-ninh-trat-tu"),
    ("Phó Chủ tịch Hội Cựu chiến binh {xa}", "xay-dung-dang"),
]  # fmt: skip
DISTRICT_POSITIONS = [
    ("Phó Trưởng Ban Dân vận {huyen}", None), ("Chuyên viên Ban Tuyên giáo {huyen}", "chinh-sach-phap-luat"),
    ("Phó Chủ tịch Ủy ban MTTQ Việt Nam {phrase}", None), ("Phó Trưởng phòng Tài nguyên và Môi trường {phrase}", "dat-dai-moi-truong"),
    ("Bí thư Đảng ủy {xa_cu}", None), ("Chủ tịch Hội Nông dân {xa_cu}", "kinh-te-doi-song"),
    ("Hiệu trưởng Trường THCS {short_cu}", "y-te-giao-duc"), ("Trưởng Công an {xa_cu}", "an-ninh-trat-tu"),
    ("Chủ tịch Hội Cựu chiến binh {phrase}", "xay-dung-dang"), ("Bí thư Chi bộ {ap}, {xa_cu}", None),
]  # fmt: skip
PROVINCE_POSITIONS_BEFORE = [
    ("Phó Trưởng phòng Tuyên truyền, Ban Tuyên giáo Tỉnh ủy", None), ("Phóng viên Báo Tây Ninh", None),
    ("Giảng viên Trường Chính trị tỉnh", "xay-dung-dang"), ("Chuyên viên Sở Tài nguyên và Môi trường", "dat-dai-moi-truong"),
    ("Phó Chủ tịch Hội Nông dân tỉnh", "kinh-te-doi-song"), ("Trưởng ban Tuyên giáo Hội Liên hiệp Phụ nữ tỉnh", "van-hoa-xa-hoi"),
    ("Chuyên viên Sở Thông tin và Truyền thông", "chinh-sach-phap-luat"), ("Bác sĩ Bệnh viện Đa khoa tỉnh", "y-te-giao-duc"),
    ("Luật sư, Đoàn Luật sư tỉnh", "chinh-sach-phap-luat"), ("Cán bộ hưu trí, Hội Cựu giáo chức tỉnh", None),
    ("Phó Chánh Văn phòng Liên đoàn Lao động tỉnh", "kinh-te-doi-song"), ("Chức sắc tôn giáo, Ủy viên Ủy ban MTTQ Việt Nam tỉnh", "ton-giao-dan-toc"),
    ("Doanh nhân, Hội Doanh nhân trẻ tỉnh", "kinh-te-doi-song"), ("Cán bộ Phòng An ninh chính trị nội bộ, Công an tỉnh", "an-ninh-trat-tu"),
]  # fmt: skip
PROVINCE_POSITIONS_AFTER = [
    ("Chuyên viên Phòng Tuyên truyền, Ban Tuyên giáo và Dân vận Tỉnh ủy", None), ("Phóng viên Báo và Phát thanh, Truyền hình Tây Ninh", None),
    ("Giảng viên Trường Chính trị tỉnh", "xay-dung-dang"), ("Chuyên viên Sở Nông nghiệp và Môi trường", "dat-dai-moi-truong"),
    ("Phó Chủ tịch Hội Nông dân tỉnh", "kinh-te-doi-song"), ("Trưởng ban Tuyên giáo Hội Liên hiệp Phụ nữ tỉnh", "van-hoa-xa-hoi"),
    ("Chuyên viên Sở Khoa học và Công nghệ", "chinh-sach-phap-luat"), ("Bác sĩ Bệnh viện Đa khoa tỉnh", "y-te-giao-duc"),
    ("Luật sư, Đoàn Luật sư tỉnh", "chinh-sach-phap-luat"), ("Cán bộ hưu trí, Hội Cựu giáo chức tỉnh", None),
    ("Phó Chánh Văn phòng Liên đoàn Lao động tỉnh", "kinh-te-doi-song"), ("Chức sắc tôn giáo, Ủy viên Ủy ban MTTQ Việt Nam tỉnh", "ton-giao-dan-toc"),
    ("Doanh nhân, Hội Doanh nhân trẻ tỉnh", "kinh-te-doi-song"), ("Cán bộ Phòng An ninh chính trị nội bộ, Công an tỉnh", "an-ninh-trat-tu"),
    ("Chuyên viên Sở Dân tộc và Tôn giáo", "ton-giao-dan-toc"), ("Chuyên viên Sở Xây dựng", "giai-phong-mat-bang"),
    ("Hiệu trưởng Trường THPT chuyên Hoàng Lê Kha", "y-te-giao-duc"), ("Nhà báo, Hội Nhà báo tỉnh", None),
    ("Phó Giám đốc Trung tâm Phát triển quỹ đất tỉnh", "giai-phong-mat-bang"), ("Kiểm sát viên, Viện Kiểm sát nhân dân tỉnh", "tham-nhung-tieu-cuc"),
]  # fmt: skip

# ---------------------------------------------------------------------------------------------------------
# Sources
# ---------------------------------------------------------------------------------------------------------

SOURCE_WEIGHTS = {  # collaborator, briefing, reception, front, press, cyberspace, other
    "commune": (30, 18, 14, 18, 3, 10, 7),
    "district": (28, 22, 12, 18, 6, 8, 6),
    "commission": (22, 10, 4, 12, 20, 28, 4),
}
SOURCES = [
    Source.COLLABORATOR,
    Source.BRIEFING,
    Source.RECEPTION,
    Source.FRONT,
    Source.PRESS,
    Source.CYBERSPACE,
    Source.OTHER,
]
PRESS = ["Báo Tuổi Trẻ", "Báo Thanh Niên", "Báo Người Lao Động", "Báo Pháp Luật TP. Hồ Chí Minh", "Báo Sài Gòn Giải Phóng",
         "Báo Lao Động", "Báo Tiền Phong", "Báo điện tử VnExpress", "Báo Dân trí"]  # fmt: skip
FB_GROUPS = [("Hội những người yêu Tây Ninh", "hoinhungnguoiyeutayninh", "tn"), ("Cộng đồng Trảng Bàng", "congdongtrangbang", "tn"),
             ("Người Hòa Thành", "nguoihoathanh.tn", "tn"), ("Cộng đồng Bến Cầu – Tây Ninh", "congdongbencau", "tn"),
             ("Tân Châu quê tôi", "tanchauquetoi", "tn"), ("Góc nhìn Long An", "gocnhinlongan", "la"),
             ("Đức Hòa – Hậu Nghĩa online", "duchoahaunghia.online", "la"), ("Chợ Bến Lức online", "chobenluconline", "la"),
             ("Cần Giuộc – Cần Đước 24h", "cangiuoccanduoc24h", "la"), ("Tây Ninh 24h – Tin tức địa phương", "tayninh24h.tintuc", None)]  # fmt: skip
FB_PAGES = [("Tin nóng miền Tây 24h", "tinnongmientay24h"), ("Tây Ninh Review", "tayninhreview.page"),
            ("Chuyện xóm miền Đông", "chuyenxommiendong")]  # fmt: skip
TIKTOK = ["tayninh.review", "longan.quetoi", "nguoiquebencau", "reviewduchoa", "tintuc.miennam247", "chuyenxommientay",
          "anhbaxe.tayninh", "mientay.doisong"]  # fmt: skip
YOUTUBE = ["Đời sống miền Tây", "Tây Ninh Vlog", "Nông dân Long An TV"]
NEWS_SITES = ["baomoi.com", "tinmoi.vn", "congdongmiennam.net"]
PLATFORMS = [Platform.FACEBOOK, Platform.TIKTOK, Platform.ZALO, Platform.YOUTUBE, Platform.NEWS_SITE, Platform.FORUM]
PLATFORM_WEIGHTS = (45, 22, 12, 7, 9, 5)
REACH = {
    Platform.FACEBOOK: (800, 65_000),
    Platform.TIKTOK: (3_000, 420_000),
    Platform.ZALO: (60, 1_500),
    Platform.YOUTUBE: (1_200, 90_000),
    Platform.NEWS_SITE: (500, 25_000),
    Platform.FORUM: (200, 9_000),
}


# ---------------------------------------------------------------------------------------------------------
# The scripted cases: one matter reported several times, merged into its case
# ---------------------------------------------------------------------------------------------------------


@dataclass
class Report:
    day: dt.date
    source: str
    summary: str
    tendency: str = N
    intensity: str = Intensity.MEDIUM
    detail: str = ""
    by_commission: bool = False  # recorded by the provincial commission (the press, cyberspace watchers)
    platform: str = ""
    link: str = ""
    reach: int | None = None


@dataclass
class Case:
    """A scripted case: where it happened (`place` a commune's short name, "" the province), who recorded
    it (`by` "commune", "district" with `district` its code, or "commission"), its reports (the first is
    the case, the others duplicates merged into it) and its steps."""

    topic: str
    place: str
    by: str
    reports: list[Report]
    steps: list[tuple]  # (action, day, values or comment)
    hot: bool = False
    people: int | None = None
    proposal: str = ""
    district: str = ""


def _cases(hamlet) -> list[Case]:
    """`hamlet(short_name, i)` names a hamlet of a place, so texts and the place agree."""
    lt = [hamlet("Long Thuận", i) for i in range(2)]
    th = [hamlet("Tân Hòa", i) for i in range(2)]
    tc = hamlet("Tân Hội", 0, district="HC706")
    lh = hamlet("Lương Hoà", 0)
    lc = hamlet("Long Chữ", 0, district="HC711")
    return [
        Case("giai-phong-mat-bang", "Long Thuận", "commune", hot=True, people=138, reports=[
            Report(D(2026, 3, 18), Source.COLLABORATOR, f"46 hộ dân {lt[0]} và {lt[1]} có đất bị thu hồi cho dự án đường cao tốc TP. Hồ Chí Minh – Mộc Bài không đồng tình với đơn giá bồi thường đất trồng cây lâu năm (bình quân khoảng 410.000 đồng/m²), cho rằng thấp hơn nhiều so với giá chuyển nhượng thực tế; 12 hộ chưa nhận tiền, chưa bàn giao mặt bằng, nhà thầu phải tạm dừng thi công đoạn dài khoảng 600 m.", intensity=Intensity.HIGH),
            Report(D(2026, 3, 24), Source.FRONT, f"Cử tri {lt[0]} kiến nghị xem xét lại giá bồi thường đất nông nghiệp thuộc dự án đường cao tốc TP. Hồ Chí Minh – Mộc Bài; cho rằng cùng một cánh đồng nhưng đơn giá giữa các thửa chênh lệch, chưa được giải thích rõ.", detail="Ủy ban MTTQ Việt Nam xã Long Thuận tổng hợp ý kiến, kiến nghị cử tri trước kỳ họp HĐND xã"),
            Report(D(2026, 3, 27), Source.PRESS, "Báo điện tử phản ánh một số hộ dân xã Long Thuận chưa đồng thuận giá bồi thường, chưa bàn giao mặt bằng cho dự án cao tốc TP. Hồ Chí Minh – Mộc Bài; bài viết thu hút nhiều bình luận so sánh giá bồi thường với giá đất thị trường.", detail="Báo Người Lao Động, bài “Dân chưa đồng thuận giá bồi thường, cao tốc qua Tây Ninh chậm mặt bằng”, ngày 27/3/2026", by_commission=True),
            Report(D(2026, 3, 29), Source.CYBERSPACE, "Video phát trực tiếp trên Facebook quay cảnh người dân tập trung tại khu đất đang thi công để phản đối giá bồi thường; nhiều bình luận mang tính kích động, quy chụp chính quyền “ép dân”.", intensity=Intensity.HIGH, detail="Nhóm Facebook “Cộng đồng Bến Cầu – Tây Ninh”", by_commission=True, platform=Platform.FACEBOOK, link="https://www.facebook.com/groups/congdongbencau/posts/1893270416625518/", reach=41_300),
        ], steps=[
            ("forward", D(2026, 3, 20), {"forwarded_to": "UBND xã Long Thuận; Hội đồng bồi thường, hỗ trợ và tái định cư xã Long Thuận", "answer_due": D(2026, 4, 4)}),
            ("answer", D(2026, 4, 9), "Ngày 7/4/2026, UBND xã phối hợp Hội đồng bồi thường đối thoại với 46 hộ. Đơn giá được xác định theo giá đất cụ thể UBND tỉnh đã phê duyệt; kiến nghị về giá đã được tổng hợp, đề xuất Sở Nông nghiệp và Môi trường xem xét điều chỉnh hệ số. Sau đối thoại, 34 hộ đồng ý nhận tiền, bàn giao mặt bằng."),
            ("watch", D(2026, 4, 14), "Còn 12 hộ chưa đồng thuận; chuyển Sở Nông nghiệp và Môi trường xem xét giá đất."),
            ("forward", D(2026, 4, 20), {"forwarded_to": "Sở Nông nghiệp và Môi trường", "answer_due": D(2026, 5, 20)}),
            ("answer", D(2026, 6, 3), "Sở đã thẩm định, trình UBND tỉnh phê duyệt điều chỉnh hệ số giá đất cụ thể đối với đất trồng cây lâu năm dọc tuyến, tăng bình quân 16%; các hộ được chi trả bổ sung phần chênh lệch, kể cả hộ đã nhận tiền trước đó."),
            ("resolve", D(2026, 7, 15), "46/46 hộ đã nhận tiền bồi thường bổ sung và bàn giao mặt bằng cho đơn vị thi công."),
        ], proposal="Đề nghị rà soát, điều chỉnh giá đất cụ thể sát giá thị trường; đối thoại trực tiếp với các hộ; hỗ trợ chuyển đổi nghề cho hộ mất trên 30% đất sản xuất."),
        Case("dat-dai-moi-truong", "Tân Hòa", "commune", hot=True, people=360, reports=[
            Report(D(2026, 5, 12), Source.FRONT, f"Khoảng 120 hộ dân {th[0]} và {th[1]} bức xúc vì trại heo quy mô khoảng 8.000 con của Công ty TNHH Chăn nuôi Hưng Thịnh gây mùi hôi nồng nặc, nhất là chiều tối; nước thải tràn ra suối, cá chết. Người dân đã phản ánh nhiều lần, có ý định kéo đến trại yêu cầu dừng hoạt động.", intensity=Intensity.HIGH, detail="Hội Nông dân xã Tân Hòa"),
            Report(D(2026, 5, 9), Source.COLLABORATOR, f"Người dân {th[0]} phản ánh mùi hôi từ trại heo của Công ty TNHH Chăn nuôi Hưng Thịnh tăng mạnh từ khi trại nhập thêm heo; nhiều hộ phải đóng cửa cả ngày."),
            Report(D(2026, 5, 14), Source.CYBERSPACE, "Video trên TikTok quay cảnh nước thải màu đen chảy từ trại heo ra suối ở xã Tân Hòa, kèm lời kể của người dân; nhiều bình luận bức xúc, đòi đóng cửa trại.", intensity=Intensity.HIGH, detail="Tài khoản TikTok @tayninh.review", by_commission=True, platform=Platform.TIKTOK, link="https://www.tiktok.com/@tayninh.review/video/7503318846251992337", reach=126_400),
            Report(D(2026, 10, 21), Source.RECEPTION, f"Tại buổi tiếp công dân, đại diện các hộ {th[1]} phản ánh mùi hôi từ trại heo của Công ty TNHH Chăn nuôi Hưng Thịnh tái diễn sau các đợt mưa lớn, dù trại đã cải tạo hệ thống xử lý.", detail="Tiếp công dân định kỳ của Bí thư Đảng ủy xã Tân Hòa"),
        ], steps=[
            ("forward", D(2026, 5, 13), {"forwarded_to": "UBND xã Tân Hòa; Sở Nông nghiệp và Môi trường", "answer_due": D(2026, 5, 28)}),
            ("answer", D(2026, 6, 4), "Đoàn kiểm tra liên ngành đã kiểm tra trại ngày 22/5/2026, lấy mẫu nước thải: 4 chỉ tiêu vượt quy chuẩn. Công ty bị xử phạt 185 triệu đồng, đình chỉ nhập heo mới 3 tháng, buộc cải tạo hệ thống xử lý nước thải, trồng cây xanh cách ly, hoàn thành trước ngày 30/8/2026."),
            ("watch", D(2026, 6, 8), "Giao UBND xã theo dõi việc khắc phục của công ty, báo cáo hằng tháng."),
        ], proposal="Đề nghị kiểm tra, xử lý nghiêm; buộc công ty cải tạo hệ thống xử lý nước thải, không cho tăng đàn khi chưa khắc phục."),
        Case("dat-dai-moi-truong", "Tân Hội", "district", district="HC706", hot=True, people=240, reports=[
            Report(D(2025, 2, 10), Source.COLLABORATOR, f"Người dân {tc}, xã Tân Hội phản ánh nhà máy chế biến tinh bột mì Phước An xả nước thải có mùi chua ra suối vào ban đêm; nước suối chuyển màu đen, cá chết, khoảng 85 hộ không thể lấy nước tưới mì và cao su.", intensity=Intensity.HIGH),
            Report(D(2025, 2, 12), Source.FRONT, "Hội Nông dân xã Tân Hội tổng hợp ý kiến hội viên về ô nhiễm suối do nhà máy tinh bột mì Phước An xả thải; hội viên đề nghị kiểm tra, xử lý dứt điểm trước vụ thu hoạch mì.", detail="Hội Nông dân xã Tân Hội"),
            Report(D(2025, 2, 14), Source.PRESS, "Báo phản ánh tình trạng nhà máy tinh bột mì ở huyện Tân Châu xả thải ra suối gây ô nhiễm, ảnh hưởng sản xuất của người dân xã Tân Hội.", detail="Báo Tây Ninh, ngày 14/2/2025"),
        ], steps=[
            ("forward", D(2025, 2, 11), {"forwarded_to": "UBND huyện Tân Châu; Sở Tài nguyên và Môi trường", "answer_due": D(2025, 2, 26)}),
            ("answer", D(2025, 2, 27), "Đoàn kiểm tra liên ngành ngày 18/2/2025 phát hiện nhà máy xả nước thải qua đường ống ngầm không qua hệ thống xử lý; đã lập biên bản, đề nghị xử phạt 320 triệu đồng, buộc dừng xả thải và khắc phục hậu quả."),
            ("resolve", D(2025, 5, 20), "Nhà máy đã cải tạo xong hệ thống xử lý nước thải; kết quả quan trắc tháng 5/2025 đạt quy chuẩn, người dân không còn phản ánh."),
        ], proposal="Đề nghị kiểm tra đột xuất ban đêm, xử lý nghiêm; buộc nhà máy bồi thường thiệt hại cho các hộ bị ảnh hưởng."),
        Case("sap-xep-bo-may", "", "commission", reports=[
            Report(D(2025, 7, 8), Source.CYBERSPACE, "Trang Facebook đăng thông tin sai sự thật: sau khi sắp xếp đơn vị hành chính, người dân phải đổi toàn bộ căn cước, giấy chứng nhận quyền sử dụng đất trước ngày 31/12/2025, quá hạn bị phạt; kèm số điện thoại nhận làm “dịch vụ” với giá 500.000–2.000.000 đồng mỗi hồ sơ.", tendency=U, intensity=Intensity.HIGH, detail="Trang Facebook “Tin nóng miền Tây 24h”", platform=Platform.FACEBOOK, link="https://www.facebook.com/tinnongmientay24h/posts/1267734918736402", reach=58_700),
            Report(D(2025, 7, 9), Source.COLLABORATOR, "Nhiều người dân hỏi cán bộ ấp có phải đổi giấy tờ sau sáp nhập hay không, vì đọc được tin trên mạng; một số người đã liên hệ “dịch vụ” và nộp tiền cọc.", tendency=U),
            Report(D(2025, 7, 10), Source.CYBERSPACE, "Tin nhắn “phải đổi sổ đỏ, căn cước sau sáp nhập” được chia sẻ lại trong nhóm Zalo của các ấp, gây hoang mang cho người cao tuổi.", tendency=U, detail="Nhóm Zalo “Bà con ấp Bình Hòa”", platform=Platform.ZALO, link="https://zalo.me/g/qkxbte482", reach=640),
        ], steps=[
            ("forward", D(2025, 7, 9), {"forwarded_to": "Công an tỉnh (Phòng An ninh mạng và phòng, chống tội phạm sử dụng công nghệ cao)", "answer_due": D(2025, 7, 19)}),
            ("answer", D(2025, 7, 17), "Đã xác minh chủ trang, mời làm việc; xử phạt vi phạm hành chính 7,5 triệu đồng về hành vi cung cấp thông tin sai sự thật, buộc gỡ bỏ bài viết. Báo, đài của tỉnh đã đăng tin cải chính: giấy tờ đã cấp vẫn còn giá trị sử dụng."),
            ("resolve", D(2025, 7, 25), "Thông tin sai sự thật đã được gỡ bỏ; dư luận ổn định."),
        ], proposal="Đề nghị xác minh, xử lý người đăng tin sai sự thật; thông tin chính thức trên báo, đài và mạng xã hội."),
        Case("dat-dai-moi-truong", "Lương Hoà", "commune", hot=True, people=120, reports=[
            Report(D(2026, 9, 8), Source.COLLABORATOR, f"Đoạn bờ sông Vàm Cỏ Đông qua {lh} sạt lở dài khoảng 70 m, cuốn trôi một phần vườn chanh của 5 hộ; người dân cho rằng nguyên nhân do ghe hút cát hoạt động ban đêm sát bờ. 37 hộ sống dọc bờ sông lo sợ, một số hộ đã tự di dời tài sản.", intensity=Intensity.HIGH),
            Report(D(2026, 9, 12), Source.PRESS, "Báo phản ánh tình trạng ghe hút cát trái phép hoạt động về đêm trên sông Vàm Cỏ Đông đoạn qua xã Lương Hòa, gây sạt lở bờ sông.", detail="Báo Thanh Niên, ngày 12/9/2026", by_commission=True),
            Report(D(2026, 9, 15), Source.FRONT, "Ban Công tác Mặt trận ấp phản ánh người dân đã tự tổ chức canh ghe hút cát ban đêm, có nguy cơ xảy ra xô xát với người trên ghe.", detail="Ủy ban MTTQ Việt Nam xã Lương Hòa"),
        ], steps=[
            ("forward", D(2026, 9, 10), {"forwarded_to": "Sở Nông nghiệp và Môi trường; Công an tỉnh", "answer_due": D(2026, 10, 10)}),
        ], proposal="Đề nghị tuần tra, bắt giữ phương tiện khai thác cát trái phép; khảo sát, bố trí vốn kè khẩn cấp đoạn sạt lở, hỗ trợ các hộ phải di dời."),
        Case("kinh-te-doi-song", "Trảng Bàng", "commune", hot=True, people=850, reports=[
            Report(D(2026, 1, 12), Source.FRONT, "Khoảng 850 công nhân Công ty TNHH May mặc Hoàng Long ngừng việc tập thể, đề nghị tăng phụ cấp chuyên cần, trả thưởng Tết đúng hạn và không cắt giờ tăng ca trước Tết; công nhân tập trung trước cổng công ty.", intensity=Intensity.HIGH, detail="Công đoàn cơ sở Công ty TNHH May mặc Hoàng Long"),
            Report(D(2026, 1, 12), Source.CYBERSPACE, "Video công nhân tập trung trước cổng Công ty TNHH May mặc Hoàng Long được chia sẻ trên TikTok, kèm bình luận cho rằng công ty “quỵt thưởng Tết”.", intensity=Intensity.HIGH, detail="Tài khoản TikTok @tintuc.miennam247", by_commission=True, platform=Platform.TIKTOK, link="https://www.tiktok.com/@tintuc.miennam247/video/7594012275518227733", reach=88_000),
            Report(D(2026, 1, 13), Source.PRESS, "Báo đưa tin hàng trăm công nhân một doanh nghiệp may ở phường Trảng Bàng ngừng việc, đòi quyền lợi dịp Tết.", detail="Báo Lao Động, ngày 13/1/2026", by_commission=True),
        ], steps=[
            ("forward", D(2026, 1, 12), {"forwarded_to": "Liên đoàn Lao động tỉnh; Sở Nội vụ", "answer_due": D(2026, 1, 19)}),
            ("answer", D(2026, 1, 16), "Đã phối hợp tổ chức đối thoại giữa công ty và người lao động; công ty đồng ý tăng phụ cấp chuyên cần 150.000 đồng/tháng, chi thưởng Tết bình quân 1,2 tháng lương trước ngày 5/2/2026. Công nhân trở lại làm việc từ ngày 15/1/2026."),
            ("resolve", D(2026, 2, 6), "Công ty đã chi thưởng Tết đúng cam kết; quan hệ lao động ổn định."),
        ], proposal="Đề nghị công đoàn cấp trên và cơ quan quản lý lao động tổ chức đối thoại, bảo đảm quyền lợi người lao động."),
        Case("dat-dai-moi-truong", "Long Chữ", "district", district="HC711", people=65, reports=[
            Report(D(2025, 4, 8), Source.BRIEFING, f"Tại giao ban Khối dân vận huyện, Đảng ủy xã Long Chữ phản ánh xe tải chở đất san lấp cho công trình chạy liên tục trên đường tỉnh 786 qua {lc}, gây bụi, hư hỏng mặt đường; người dân đã chặn xe một lần để phản đối.", detail="Giao ban Khối dân vận huyện Bến Cầu tháng 4/2025"),
            Report(D(2025, 4, 7), Source.COLLABORATOR, f"Bà con {lc} bức xúc vì bụi từ xe chở đất, nhà cửa, quán ăn ven đường phủ bụi đỏ; trẻ em đi học phải đeo khẩu trang."),
            Report(D(2025, 4, 10), Source.CYBERSPACE, "Bài đăng kèm hình ảnh đoạn đường tỉnh 786 bụi mù, xe tải nối đuôi, thu hút nhiều bình luận đề nghị chính quyền vào cuộc.", detail="Nhóm Facebook “Cộng đồng Bến Cầu – Tây Ninh”", platform=Platform.FACEBOOK, link="https://www.facebook.com/groups/congdongbencau/posts/1462093751248306/", reach=12_800),
        ], steps=[
            ("forward", D(2025, 4, 9), {"forwarded_to": "UBND huyện Bến Cầu; Sở Xây dựng", "answer_due": D(2025, 4, 24)}),
            ("answer", D(2025, 5, 6), "Công an huyện phối hợp Thanh tra Sở Xây dựng lập chốt kiểm tra tải trọng, xử lý 27 trường hợp; nhà thầu cam kết tưới nước giảm bụi 3 lần/ngày và sửa chữa các đoạn hư hỏng."),
            ("resolve", D(2025, 6, 12), "Nhà thầu đã sửa chữa mặt đường, tưới nước thường xuyên; người dân không còn phản ánh."),
        ], proposal="Đề nghị kiểm tra tải trọng, buộc nhà thầu che phủ thùng xe, tưới nước giảm bụi và sửa chữa mặt đường."),
        Case("tham-nhung-tieu-cuc", "Tân An", "commune", reports=[
            Report(D(2026, 9, 15), Source.CYBERSPACE, "Bài đăng trong nhóm phụ huynh liệt kê các khoản thu đầu năm học của một trường tiểu học trên địa bàn phường Tân An, khoảng 1,8 triệu đồng/học sinh, gồm cả tiền lắp máy lạnh và “quỹ hội”; nhiều phụ huynh bình luận đồng tình.", intensity=Intensity.MEDIUM, detail="Nhóm Facebook “Góc nhìn Long An”", platform=Platform.FACEBOOK, link="https://www.facebook.com/groups/gocnhinlongan/posts/2316840925573301/", reach=9_400),
            Report(D(2026, 9, 17), Source.RECEPTION, "Hai phụ huynh đến trụ sở phản ánh việc ban đại diện cha mẹ học sinh ấn định mức đóng góp lắp máy lạnh 450.000 đồng/học sinh.", detail="Tiếp công dân tại Trụ sở UBND phường Tân An"),
        ], steps=[
            ("forward", D(2026, 9, 16), {"forwarded_to": "UBND phường Tân An", "answer_due": D(2026, 9, 30)}),
            ("answer", D(2026, 9, 28), "Đã kiểm tra, yêu cầu nhà trường dừng thu khoản lắp máy lạnh, hoàn trả cho 312 phụ huynh đã nộp; kiểm điểm trách nhiệm Hiệu trưởng; công khai các khoản thu đúng quy định."),
            ("resolve", D(2026, 10, 9), "Nhà trường đã hoàn trả đủ tiền cho phụ huynh."),
        ], proposal="Đề nghị kiểm tra các khoản thu đầu năm học, hoàn trả các khoản thu sai quy định."),
    ]  # fmt: skip


# ---------------------------------------------------------------------------------------------------------
# Building
# ---------------------------------------------------------------------------------------------------------


@dataclass
class Recorder:
    """A unit that records items: the commission, a district or a commune, with the places it may use."""

    unit: Unit
    kind: str  # "commune", "district", "commission"
    own: Area  # its own area (the province for the commission)


@dataclass
class Built:
    item: OpinionItem
    steps: list[tuple[str, dt.date, str]] = field(default_factory=list)
    case: Built | None = None


class Builder:
    def __init__(self, ctx, today: dt.date):
        self.ctx, self.today = ctx, today
        self.rng = random.Random(SEED)
        self.topics = {t.code: t for t in Topic.objects.all()}
        self.users = ctx.users
        self.clerk = get_user_model().objects.filter(username="nhaplieu").first() or ctx.users["tinh"]
        self._load_units()
        self.collaborators: list[Collaborator] = []
        self.serving: dict[int, list[Collaborator]] = defaultdict(list)  # unit id -> collaborators
        self.built: list[Built] = []

    # --- units and areas
    def _load_units(self) -> None:
        province = self.ctx.province
        old_la = Unit.objects.filter(code="TC80").first()
        roots = [province] + ([old_la] if old_la else [])
        units = []
        for root in roots:
            units += list(Unit.objects.subtree(root).select_related("kind", "parent__kind"))
        rng = random.Random(SEED + 1)
        self.province = next(u for u in units if u.pk == province.pk)
        self.province_area = _area(self.province, "tn", set(), rng)
        self.province_area.tags = frozenset({"tn", "la"})
        self.areas: dict[int, Area] = {self.province.pk: self.province_area}
        self.old_communes: dict[int, list[Area]] = defaultdict(list)  # district id -> communes
        self.districts: list[Area] = []
        self.new_communes: list[Area] = []
        la_path = old_la.path if old_la else None
        by_code = {u.code: u for u in units}
        for unit in sorted(units, key=lambda u: u.path):
            tier = unit.kind.tier
            region = "la" if la_path and unit.path.startswith(la_path) else "tn"
            if not (unit.is_valid_on(START) or unit.valid_from == REFORM):
                continue
            if tier == "district" and unit.valid_until and unit.valid_until < REFORM:
                area = _area(unit, region, _tags(unit.short_name, unit.code), rng)
                self.districts.append(area)
            elif (
                tier == "commune"
                and unit.valid_until
                and unit.valid_until < REFORM
                and unit.parent.kind.tier == "district"
            ):
                district = unit.parent
                area = _area(unit, region, _tags("", district.code), rng, district=district)
                self.old_communes[district.pk].append(area)
            elif tier == "commune" and unit.valid_from == REFORM and unit.parent_id == self.province.pk:
                region = "la" if unit.code[1:].isdigit() and int(unit.code[1:]) >= 26000 else "tn"
                area = _area(unit, region, _tags(unit.short_name, ""), rng)
                area.weight = 0.4 + rng.random() * 1.8
                self.new_communes.append(area)
            else:
                continue
            self.areas[unit.pk] = area
        self.commission_old = by_code.get("T80-BDV", self.ctx.commission_old)
        self.commission = by_code.get("T80-BTGDV", self.ctx.commission)
        self.propaganda_old = by_code.get("T80-BTG")
        for area in self.new_communes:
            if area.unit.pk == self.ctx.commune.pk:
                area.weight = 6.0
        for area in self.districts:
            area.weight = 4.0 if area.unit.pk == self.ctx.district.pk else 1.6 if area.region == "tn" else 0.8

    def area_of(self, short: str, district: str = "") -> Area:
        wanted = fold(short)
        if district:
            parent = next(a for a in self.districts if a.unit.code == district)
            pool = self.old_communes[parent.unit.pk]
        else:
            pool = self.new_communes
        return next(a for a in pool if fold(a.unit.short_name) == wanted)

    def recorder(self, day: dt.date) -> Recorder:
        rng = self.rng
        if day < REFORM:
            if rng.random() < 0.22:
                unit = self.commission_old if day < MERGER else self.commission
                return Recorder(unit, "commission", self.province_area)
            area = self._weighted(self.districts)
            return Recorder(area.unit, "district", area)
        if rng.random() < 0.27:
            return Recorder(self.commission, "commission", self.province_area)
        area = self._weighted(self.new_communes)
        return Recorder(area.unit, "commune", area)

    def local_places(self, recorder: Recorder, day: dt.date) -> list[Area]:
        if recorder.kind == "commune":
            return [recorder.own]
        if recorder.kind == "district":
            return self.old_communes[recorder.unit.pk]
        if day < REFORM:  # the commission's province before the reform: Tây Ninh's old communes
            return [a for d in self.districts if d.region == "tn" for a in self.old_communes[d.unit.pk]]
        return self.new_communes

    def _weighted(self, areas: list[Area]) -> Area:
        return self.rng.choices(areas, weights=[a.weight for a in areas])[0]

    # --- the register
    def register(self) -> None:
        rng = random.Random(SEED + 2)
        kept = []
        if self.propaganda_old:  # the Ban Tuyên giáo's network until the merger
            for position, topic in rng.sample(PROVINCE_POSITIONS_BEFORE, 13) + rng.sample(PROVINCE_POSITIONS_BEFORE, 5):
                name = self._person(rng, _female(position))
                self._collaborator(
                    self.propaganda_old, name, position, topic, D(2023, 2, 15), MERGER - dt.timedelta(days=1)
                )
                if len(kept) < 11:  # most stay on under the merged commission, their bodies renamed
                    kept.append((name, _renamed(position), topic))
        fresh = rng.sample(PROVINCE_POSITIONS_AFTER, 17)
        for name, position, topic in kept + [(self._person(rng, _female(p)), p, t) for p, t in fresh]:
            end = None
            if rng.random() < 0.08:
                end = D(2026, rng.randint(2, 9), rng.randint(1, 28))
            self._collaborator(self.commission, name, position, topic, D(2025, 3, 20), end)
        for area in self.districts:
            communes = [a for a in self.old_communes[area.unit.pk] if a.unit.is_valid_on(START)]
            count = (
                10
                if area.unit.pk == self.ctx.district.pk
                else rng.randint(6, 9)
                if area.region == "tn"
                else rng.randint(4, 6)
            )
            start = D(2023, rng.randint(1, 4), rng.randint(1, 28))
            for _ in range(count):
                commune = rng.choice(communes)
                template, topic = rng.choice(DISTRICT_POSITIONS)
                position = template.format(
                    huyen=area.unit.name,
                    phrase=area.phrase,
                    xa_cu=commune.phrase,
                    short_cu=commune.short,
                    ap=rng.choice(commune.hamlets),
                )
                name = self._person(rng, _female(position))
                self._collaborator(area.unit, name, position, topic, start, REFORM - dt.timedelta(days=1))
        for area in self.new_communes:
            count = 8 if area.unit.pk == self.ctx.commune.pk else rng.randint(3, 6)
            start = D(2025, rng.choice([8, 9, 10]), rng.randint(1, 28))
            for template, topic in rng.sample(COMMUNE_POSITIONS, count):
                position = template.format(ap=rng.choice(area.hamlets), xa=area.phrase, short=area.short)
                end = None
                if rng.random() < 0.05:  # moved away or took another post; a successor came in
                    end = D(2026, rng.randint(3, 10), rng.randint(1, 28))
                    successor = self._person(rng, _female(position))
                    after = end + dt.timedelta(days=rng.randint(10, 40))
                    self._collaborator(area.unit, successor, position, topic, after, None)
                self._collaborator(area.unit, self._person(rng, _female(position)), position, topic, start, end)

    def _person(self, rng: random.Random, female: bool | None = None) -> str:
        family = rng.choice(FAMILY)
        if female if female is not None else rng.random() < 0.45:
            middle = rng.choice(FEMALE_MIDDLE)
            if middle == "Thị" and rng.random() < 0.25:
                middle += " " + rng.choice(["Ngọc", "Kim", "Thanh", "Thu", "Mỹ"])
            return f"{family} {middle} {rng.choice(FEMALE_GIVEN)}"
        return f"{family} {rng.choice(MALE_MIDDLE)} {rng.choice(MALE_GIVEN)}"

    def _collaborator(self, unit, name, position, topic_code, start, end) -> None:
        if start > self.today:
            return
        collaborator = Collaborator(
            unit=unit, name=name, position=position, topic=self.topics.get(topic_code) if topic_code else None,
            term_start=start, term_end=end,
        )  # fmt: skip
        errors = rules.collaborator_errors(collaborator)
        if errors:
            raise ValueError(f"{name}: {errors}")
        self.collaborators.append(collaborator)
        self.serving[unit.pk].append(collaborator)

    def collaborator_for(self, recorder_unit: Unit, place: Area, day: dt.date, topic: str) -> Collaborator | None:
        """Someone on the recorder's register serving on `day`: the commission also hears the communes'."""
        pools = [self.serving[recorder_unit.pk]]
        if recorder_unit.pk == self.commission_old.pk and self.propaganda_old:
            pools = [self.serving[self.propaganda_old.pk]]
        if recorder_unit.kind.tier == "other" and place.tier == "commune" and self.rng.random() < 0.35:
            pools.insert(0, self.serving[place.unit.pk])
        for pool in pools:
            serving = [c for c in pool if c.serves_on(day)]
            if serving:
                fitting = [c for c in serving if c.topic is None or c.topic.code == topic]
                return self.rng.choice(fitting or serving)
        return None

    # --- items
    def routine(self) -> None:
        rng = self.rng
        last_year = self.today - dt.timedelta(days=365)
        day = START
        while day <= self.today:
            rate = RATE_BEFORE if day < REFORM else RATE_BETWEEN if day < last_year else RATE_LAST_YEAR
            factor = (1.2, 1.2, 1.2, 1.2, 1.1, 0.35, 0.15)[day.weekday()]
            if _is_tet(day):
                factor *= 0.25
            expected = rate * 12 / 365 * factor
            count = int(expected) + (rng.random() < expected - int(expected))
            for _ in range(count):
                self.built.append(self._routine_item(day))
            day += dt.timedelta(days=1)

    def _routine_item(self, day: dt.date) -> Built:
        rng = self.rng
        while True:
            recorder = self.recorder(day)
            matters = [m for m in MATTERS if m.active(day)]
            matter = rng.choices(matters, weights=[m.weight for m in matters])[0]
            if (
                matter.wide
                and recorder.kind != "commune"
                and rng.random() < 0.6
                and matter.tags <= recorder.own.tags
                and _area_texts(matter)
            ):
                place = recorder.own
            else:
                options = [
                    a for a in self.local_places(recorder, day) if matter.tags <= a.tags and a.unit.is_valid_on(day)
                ]
                if not options:
                    continue
                place = self._weighted(options)
            return self._compose(recorder, place, matter, day)

    def values(self, place: Area, day: dt.date, matter: Matter | None = None) -> dict:
        rng = self.rng
        hamlets = rng.sample(place.hamlets, 2) if place.hamlets else ["khu dân cư", "khu dân cư lân cận"]
        region = place.region if place.tier != "province" else rng.choice(["tn", "la"])
        low, high = matter.households if matter else (6, 45)
        ho = rng.randint(low, high)
        previous = (day.replace(day=1) - dt.timedelta(days=1)).month
        firm = rng.choice(FIRMS)
        farm = rng.choice([
            f"trại heo của ông {self._person(rng, female=False)}",
            f"trại gà của Công ty TNHH Chăn nuôi {firm}",
            f"trại heo quy mô khoảng {format_number(rng.randint(2, 12) * 1000)} con",
            f"cơ sở giết mổ gia súc ở {hamlets[1]}",
        ])  # fmt: skip
        factory = (
            f"nhà máy chế biến tinh bột mì {firm}" if region == "tn" else rng.choice([
                f"Công ty TNHH Dệt nhuộm {firm}", f"một nhà máy trong cụm công nghiệp {place.short}",
                f"cơ sở tái chế nhựa {firm}"])
        )  # fmt: skip
        project = rng.choice(
            (["dự án đường cao tốc TP. Hồ Chí Minh – Mộc Bài"] * 3 if "expressway" in place.tags else [])
            + (["dự án đường Vành đai 3 TP. Hồ Chí Minh"] * 3 if "ring-road" in place.tags else [])
            + (["dự án nâng cấp, mở rộng Quốc lộ 50"] * 3 if "highway-50" in place.tags else [])
            + [f"dự án nâng cấp, mở rộng {rng.choice(ROADS[region])}", f"dự án khu dân cư {place.short}"]
            + ([f"dự án khu công nghiệp {place.short}"] if "industry" in place.tags else [])
        )
        school = rng.choice(["Trường Tiểu học", "Trường THCS", "Trường Mẫu giáo"]) + f" {place.short}"
        female = rng.random() < 0.45
        person = ("Bà " if female else "Ông ") + self._person(rng, female)
        month = day.month
        season = "vụ Đông Xuân" if month in (12, 1, 2, 3) else "vụ Hè Thu" if month in (4, 5, 6, 7) else "vụ Thu Đông"
        noi = "trên địa bàn tỉnh" if place.tier == "province" else f"trên địa bàn {place.phrase}"
        return {
            "xa": place.phrase if place.tier != "province" else "các xã, phường",
            "ap": hamlets[0], "ap2": hamlets[1], "noi": noi,
            "duong": rng.choice(ROADS[region]), "duong_ap": f"đường liên ấp {hamlets[0].split(' ', 1)[1]} – {hamlets[1].split(' ', 1)[1]}" if not place.urban else f"tuyến hẻm ở {hamlets[0]}",
            "song": rng.choice(WATERS[region]), "cho": f"chợ {place.short}", "truong": school,
            "trai": farm, "nm": factory, "dn": f"Công ty TNHH {rng.choice(['May mặc', 'Giày da', 'Điện tử', 'Bao bì'])} {firm}",
            "du_an": project, "ten": person,
            "ho": ho, "nguoi": ho * rng.randint(2, 4) + rng.randint(0, 3), "met": rng.randint(3, 16) * 10,
            "so_vu": rng.randint(3, 8), "so_xe": rng.randint(9, 46), "so_cs": rng.randint(12, 48),
            "so_hs": rng.randint(4, 30), "so_den": rng.randint(12, 40), "so_thang": max(1, (day - REFORM).days // 30),
            "gia_mi": rng.choice(["1.900", "2.100", "2.300", "2.450"]), "gia_lua": rng.choice(["5.600", "5.900", "6.200", "6.800"]),
            "tien_phat": rng.choice([45, 60, 85, 120, 150, 185, 250]), "vu": season,
            "thang": month, "thang_truoc": previous, "nam": day.year,
            "ngay_truoc": text_date(day - dt.timedelta(days=rng.randint(1, 3))),
        }  # fmt: skip

    def _compose(self, recorder: Recorder, place: Area, matter: Matter, day: dt.date) -> Built:
        rng = self.rng
        values = self.values(place, day, matter)
        choice = rng.choice(matter.texts if place.tier == "commune" else _area_texts(matter))
        values["_text"] = matter.texts.index(choice)  # which text, for the paired proposals and answers
        tendency, text = (
            choice if isinstance(choice, tuple) else (rng.choices([A, N, U], weights=matter.tendency)[0], choice)
        )
        summary = text.format(**values)
        summary = summary[0].upper() + summary[1:]
        hot = tendency != A and rng.random() < matter.hot
        intensity = Intensity.HIGH if hot else rng.choices(list(Intensity), weights=matter.intensity)[0]
        people = None
        if hot or (tendency != A and "{ho}" in text and rng.random() < 0.5) or "{nguoi}" in text:
            people = values["nguoi"]
        proposal = ""
        if tendency != A and matter.proposals and rng.random() < 0.75:
            proposal = _pick(rng, matter, matter.proposals, values)
        item = OpinionItem(
            unit=recorder.unit, place=place.unit, noted_on=day, topic=self.topics[matter.topic], summary=summary,
            tendency=tendency, intensity=intensity, hot_spot=hot, people_involved=people, proposal=proposal,
        )  # fmt: skip
        self._source(item, recorder, place, matter, day, intensity, values)
        if rng.random() < 0.4:
            item.summary = _begin(rng.choice(OPENERS[item.source]), item.summary)
        if rng.random() < 0.3:
            item.summary += " " + rng.choice(AFTER[tendency])
        built = Built(item)
        if tendency != A:
            self._path(built, matter, place, values)
        return built

    def _source(self, item, recorder: Recorder, place: Area, matter: Matter, day: dt.date, intensity, values) -> None:
        rng = self.rng
        weights = list(SOURCE_WEIGHTS[recorder.kind])
        if intensity == Intensity.HIGH:
            weights[5] *= 1.6  # what spreads is seen online
        source = rng.choices(SOURCES, weights=weights)[0]
        if source == Source.COLLABORATOR:
            item.collaborator = self.collaborator_for(recorder.unit, place, day, matter.topic)
            if item.collaborator is None:
                source = Source.BRIEFING
        item.source = source
        quarter = (day.month - 1) // 3 + 1
        roman = ["I", "II", "III", "IV"][quarter - 1]
        ap = values["ap"] if place.tier == "commune" else ""  # the hamlet the summary names
        if source == Source.BRIEFING:
            if recorder.kind == "commune":
                options = [f"Giao ban Khối dân vận {place.phrase} tháng {day.month}/{day.year}",
                           f"Sinh hoạt Chi bộ {ap} tháng {day.month}/{day.year}", f"Họp Ban Nhân dân {ap}",
                           f"Giao ban Ban Chỉ đạo thực hiện dân chủ ở cơ sở {place.phrase} quý {roman}/{day.year}"]  # fmt: skip
            elif recorder.kind == "district":
                options = [f"Giao ban Khối dân vận {recorder.own.phrase} tháng {day.month}/{day.year}",
                           f"Giao ban công tác dân vận với Đảng ủy {place.phrase}", f"Sinh hoạt Chi bộ {ap}, {place.phrase}"]  # fmt: skip
            else:
                options = [f"Hội nghị giao ban công tác dân vận quý {roman}/{day.year}",
                           f"Giao ban trực tuyến với các Đảng ủy xã, phường tháng {day.month}/{day.year}",
                           "Giao ban công tác tuyên giáo và dân vận khu vực biên giới"]  # fmt: skip
            item.source_detail = rng.choice(options)
        elif source == Source.RECEPTION:
            where = place.phrase if place.tier != "province" else "tỉnh"
            item.source_detail = rng.choice([
                f"Tiếp công dân định kỳ của Bí thư Đảng ủy {where}" if place.tier == "commune" else f"Tiếp công dân định kỳ tại Trụ sở tiếp công dân {where}",
                f"Tiếp xúc cử tri của đại biểu HĐND tại {ap or where}",
                f"Đối thoại giữa người đứng đầu cấp ủy, chính quyền với Nhân dân {where}",
                f"Tiếp công dân tại Trụ sở UBND {where}; người phản ánh: {self._person(rng)}, {ap or where}",
            ])  # fmt: skip
        elif source == Source.FRONT:
            where = place.phrase if place.tier != "province" else "tỉnh"
            item.source_detail = rng.choice([
                f"Ủy ban MTTQ Việt Nam {where} tổng hợp ý kiến, kiến nghị cử tri", f"Hội Nông dân {where}",
                f"Hội Liên hiệp Phụ nữ {where}", f"Hội Cựu chiến binh {where}", f"Đoàn Thanh niên {where}",
                f"Ban Công tác Mặt trận {ap}" if ap else f"Ban Thường trực Ủy ban MTTQ Việt Nam {where}",
            ])  # fmt: skip
        elif source == Source.PRESS:
            local = "Báo Tây Ninh" if place.region == "tn" else "Báo Long An"
            outlets = PRESS + [local if day < REFORM else "Báo và Phát thanh, Truyền hình Tây Ninh"] * 3
            item.source_detail = f"{rng.choice(outlets)}, ngày {text_date(day)}"
        elif source == Source.CYBERSPACE:
            self._online(item, place, day, intensity, values)
        elif source == Source.OTHER:
            where = place.phrase if place.tier != "province" else "tỉnh"
            item.source_detail = rng.choice([
                f"Đường dây nóng của UBND {where}", f"Hộp thư góp ý đặt tại {ap or 'trụ sở'}",
                f"Tổ dân vận {ap} nắm tình hình" if ap else "Khảo sát của Tổ dân vận",
                "Phản ánh qua Cổng Dịch vụ công", "Qua nắm tình hình của lực lượng công an cơ sở",
            ])  # fmt: skip

    def _online(self, item, place: Area, day: dt.date, intensity: str, values: dict) -> None:
        rng = self.rng
        platform = rng.choices(PLATFORMS, weights=PLATFORM_WEIGHTS)[0]
        low, high = REACH[platform]
        scale = {Intensity.LOW: 0.15, Intensity.MEDIUM: 0.45, Intensity.HIGH: 1.0}[intensity]
        reach = int(low + (high - low) * scale * rng.random() ** 1.5)
        reach = round(reach, -2) if reach >= 1000 else reach
        slug = "-".join(fold(item.summary).replace(",", " ").replace(";", " ").replace(".", " ").split()[:9])
        if platform == Platform.FACEBOOK:
            if rng.random() < 0.7:
                groups = [g for g in FB_GROUPS if g[2] in (None, place.region)]
                name, handle, _ = rng.choice(groups)
                detail, link = (
                    f"Nhóm Facebook “{name}”",
                    f"https://www.facebook.com/groups/{handle}/posts/{_digits(rng, 16, '1')}/",
                )
            else:
                name, handle = rng.choice(FB_PAGES)
                detail, link = (
                    f"Trang Facebook “{name}”",
                    f"https://www.facebook.com/{handle}/posts/{_digits(rng, 16, '1')}",
                )
        elif platform == Platform.TIKTOK:
            handle = rng.choice(TIKTOK)
            detail, link = (
                f"Tài khoản TikTok @{handle}",
                f"https://www.tiktok.com/@{handle}/video/{_digits(rng, 19, '75')}",
            )
        elif platform == Platform.ZALO:
            ap = values["ap"] if place.tier == "commune" else "khu dân cư"
            name = rng.choice([f"Bà con {ap}", f"Tổ dân cư {ap}", f"Phụ huynh {ap}", f"Chợ quê {place.short}"])
            code = "".join(rng.choices(string.ascii_lowercase + string.digits, k=9))
            detail, link = f"Nhóm Zalo “{name}”", f"https://zalo.me/g/{code}"
        elif platform == Platform.YOUTUBE:
            code = "".join(rng.choices(string.ascii_letters + string.digits + "-_", k=11))
            detail, link = f"Kênh YouTube “{rng.choice(YOUTUBE)}”", f"https://www.youtube.com/watch?v={code}"
        elif platform == Platform.NEWS_SITE:
            site = rng.choice(NEWS_SITES)
            detail, link = f"Trang tin {site}", f"https://{site}/{slug}-{_digits(rng, 8, '5')}.html"
        else:
            detail, link = "Diễn đàn voz.vn", f"https://voz.vn/t/{slug}.{_digits(rng, 7, '1')}/"
        item.platform, item.link, item.reach, item.source_detail = platform, link, reach, detail

    # --- what became of it
    def _path(self, built: Built, matter: Matter, place: Area, values: dict) -> None:
        """Draw the item's steps (those after today are left out when they are taken)."""
        rng, item = self.rng, built.item
        day = item.noted_on
        forward = matter.forward + (0.15 if item.hot_spot else 0) + (0.1 if item.intensity == Intensity.HIGH else 0)
        if matter.bodies and rng.random() < forward:
            first = day + dt.timedelta(days=rng.choice([0, 1, 1, 2, 3, 5]))
            if place.unit.valid_until:  # sent while the district (and the body it names) still existed
                first = min(first, place.unit.valid_until)
            self._forward_round(built, matter, place, first, values)
            return
        roll = rng.random()
        if matter.handled and roll < 0.55:
            built.steps.append(("resolve", day + dt.timedelta(days=rng.randint(3, 25)), rng.choice(matter.handled)))
        elif roll < 0.2 or (item.hot_spot and roll < 0.6):
            built.steps.append(("watch", day + dt.timedelta(days=rng.randint(1, 10)), rng.choice(WATCHED)))
        elif roll < (0.45 if item.intensity == Intensity.LOW else 0.55):
            built.steps.append(("resolve", day + dt.timedelta(days=rng.randint(5, 30)), rng.choice(EXPLAINED)))

    def _forward_round(
        self, built: Built, matter: Matter, place: Area, day: dt.date, values: dict, again: bool = False
    ):
        rng = self.rng
        keys = list(matter.bodies)
        chosen = [keys[0] if rng.random() < 0.6 else rng.choice(keys)]
        if len(keys) > 1 and rng.random() < 0.3:
            chosen.append(rng.choice([k for k in keys if k not in chosen] or keys))
        bodies = list(dict.fromkeys(body(k, place, day) for k in chosen))
        due = day + dt.timedelta(days=rng.choice([10, 15, 15, 15, 20, 30]))
        built.steps.append(("forward", day, {"forwarded_to": "; ".join(bodies), "answer_due": due}))
        if rng.random() < 0.08:
            return  # never answered: overdue once its deadline is past
        answered = day + dt.timedelta(days=max(2, int(rng.gauss((due - day).days * 0.8, 7))))
        answer_values = values | {
            "ngay_kt": text_date(day + dt.timedelta(days=max(1, (answered - day).days // 2))),
            "han": text_date(answered + dt.timedelta(days=rng.randint(10, 25))),
            "thang_sau": answered.month % 12 + 1, "nam_sau": answered.year + 1,
        }  # fmt: skip
        answers = matter.answers or ("Đã tiếp nhận, kiểm tra và giải thích cho người dân theo quy định.",)
        built.steps.append(("answer", answered, _pick(rng, matter, answers, values).format(**answer_values)))
        roll = rng.random()
        later = answered + dt.timedelta(days=rng.randint(3, 30))
        if roll < 0.5:
            settled = _pick(rng, matter, matter.settled, values) or rng.choice(RESOLVED)
            built.steps.append(("resolve", later, settled if rng.random() < 0.6 else ""))
        elif roll < 0.72:
            built.steps.append(("watch", later, rng.choice(WATCHED)))
            again_on = later + dt.timedelta(days=rng.randint(3, 12))
            if not again and rng.random() < 0.45 and not (place.unit.valid_until and again_on > place.unit.valid_until):
                self._forward_round(built, matter, place, again_on, values, True)

    # --- scripted cases
    def cases(self) -> None:
        def hamlet(short: str, i: int, district: str = "") -> str:
            return self.area_of(short, district).hamlets[i]

        for case in _cases(hamlet):
            place = self.province_area if not case.place else self.area_of(case.place, case.district)
            if case.by == "commission":
                own = self.commission_old if case.reports[0].day < MERGER else self.commission
            elif case.by == "district":
                own = self.areas[place.district.pk].unit
            else:
                own = place.unit
            main = None
            for report in case.reports:
                if report.day > self.today:
                    continue
                unit = own
                if report.by_commission:
                    unit = self.commission_old if report.day < MERGER else self.commission
                item = OpinionItem(
                    unit=unit, place=place.unit, noted_on=report.day, topic=self.topics[case.topic],
                    summary=report.summary, source=report.source, source_detail=report.detail,
                    platform=report.platform, link=report.link, reach=report.reach,
                    tendency=report.tendency, intensity=report.intensity,
                )  # fmt: skip
                if report.source == Source.COLLABORATOR:
                    item.collaborator = self.collaborator_for(unit, place, report.day, case.topic)
                built = Built(item, case=main)
                if main is None:
                    item.hot_spot, item.people_involved, item.proposal = case.hot, case.people, case.proposal
                    built.steps = list(case.steps)
                    main = built
                self.built.append(built)

    # --- checks and state
    def settle(self, built: Built) -> list[tuple[str, dt.datetime, str, str, str]]:
        """Take the item's steps up to today as `services.take_step` would; returns the timeline rows."""
        item = built.item
        item.state = State.NEW
        rows = []
        last = item.noted_on
        for action, day, values in built.steps:
            if day > self.today:
                break
            day = max(day, last)
            transition = WORKFLOW.get(action)
            if item.state not in transition.sources:
                raise ValueError(f"{action} from {item.state}: {item.summary[:60]}")
            comment = ""
            if action == "forward":
                item.forwarded_to, item.forwarded_on = values["forwarded_to"], day
                item.answer_due, item.answer, item.answered_on = values["answer_due"], "", None
                errors = rules.forward_errors(item, item.forwarded_to, day, item.answer_due, self.today)
            elif action == "answer":
                item.answer, item.answered_on = values, day
                errors = rules.answer_errors(item, values, day, self.today)
            else:
                comment, errors = values, []
            if errors:
                raise ValueError(f"{action}: {errors} ({item.summary[:60]})")
            rows.append((action, day, transition.label, item.state, transition.target, comment))
            item.state = transition.target
            last = day
        return rows


LOCAL_SLOTS = ("{ap", "{xa}", "{cho}", "{truong}", "{duong_ap}", "{ten}")


def _area_texts(matter: Matter) -> list:
    """The texts that read right about a whole district or the province (no hamlet, market, school)."""
    return [t for t in matter.texts if not any(slot in (t[1] if isinstance(t, tuple) else t) for slot in LOCAL_SLOTS)]


def _female(position: str) -> bool | None:
    return True if "Phụ nữ" in position else None


RENAMED = [("Ban Tuyên giáo Tỉnh ủy", "Ban Tuyên giáo và Dân vận Tỉnh ủy"), ("Báo Tây Ninh", "Báo và Phát thanh, Truyền hình Tây Ninh"),
           ("Sở Tài nguyên và Môi trường", "Sở Nông nghiệp và Môi trường"), ("Sở Thông tin và Truyền thông", "Sở Khoa học và Công nghệ")]  # fmt: skip


def _renamed(position: str) -> str:
    """A position after the bodies were merged on 1/3/2025."""
    for old, new in RENAMED:
        position = position.replace(old, new)
    return position


def _pick(rng: random.Random, matter: Matter, options: tuple[str, ...], values: dict) -> str:
    """One of `options`: the one of the item's text when the matter pairs them, else any given one."""
    if matter.paired and len(options) == len(matter.texts):
        return options[values["_text"]]
    given = [o for o in options if o]
    return rng.choice(given) if given else ""


def _begin(opener: str, summary: str) -> str:
    """The opener, then the summary with its first word lowercased unless it is a name ("Nhân dân" too)."""
    if summary.startswith(KEEP_CAPITAL) or not summary[:1].isalpha():
        return opener + summary
    return opener + summary[0].lower() + summary[1:]


def _digits(rng: random.Random, count: int, start: str) -> str:
    return start + "".join(rng.choices(string.digits, k=count - len(start)))


def _is_tet(day: dt.date) -> bool:
    return D(2025, 1, 26) <= day <= D(2025, 2, 3) or D(2026, 2, 14) <= day <= D(2026, 2, 22)


def _moment(day: dt.date, rng: random.Random, afternoon: bool) -> dt.datetime:
    hour = rng.randint(13, 16) if afternoon else rng.randint(7, 10)
    return dt.datetime.combine(day, dt.time(hour, rng.randint(0, 59)), tzinfo=timezone.get_default_timezone())


def _actor(builder: Builder, unit: Unit, day: dt.date | None = None):
    """Who records an item of `unit` and takes its steps: the demo commune's and district's own accounts;
    for the other units, which send in their reports, the commission's staff (also once a district ended)."""
    users = builder.users
    if day and unit.valid_until and day > unit.valid_until:
        unit = builder.commission
    if unit.pk == builder.ctx.commune.pk:
        user = users["xa"]
    elif unit.pk == builder.ctx.district.pk:
        user = users["huyen"]
    else:
        user = users["tinh"] if builder.rng.random() < 0.3 else builder.clerk
    return user, display_name(user)


# ---------------------------------------------------------------------------------------------------------
# Citizen reception and dialogues
# ---------------------------------------------------------------------------------------------------------

# Public holidays: a reception day falling on one moves to the next working day of its month.
HOLIDAYS = frozenset(
    [D(2025, 1, 1), *(D(2025, 1, 25) + dt.timedelta(days=i) for i in range(9)), D(2025, 4, 7), D(2025, 4, 30),
     D(2025, 5, 1), D(2025, 5, 2), D(2025, 9, 1), D(2025, 9, 2), D(2026, 1, 1), D(2026, 1, 2),
     *(D(2026, 2, 14) + dt.timedelta(days=i) for i in range(9)), D(2026, 4, 27), D(2026, 4, 30), D(2026, 5, 1),
     D(2026, 9, 1), D(2026, 9, 2), D(2027, 1, 1)]
)  # fmt: skip
MEETINGS_SEED = SEED + 20


def _working_day(day: dt.date) -> dt.date:
    """The day, or the next working day of its month (the one before when the month ends first)."""
    later = day
    while later.weekday() >= 5 or later in HOLIDAYS:
        later += dt.timedelta(days=1)
    if later.month == day.month:
        return later
    while day.weekday() >= 5 or day in HOLIDAYS:
        day -= dt.timedelta(days=1)
    return day


def _months(first: dt.date, last: dt.date):
    month = first.replace(day=1)
    while month <= last:
        yield month
        month = (month + dt.timedelta(days=32)).replace(day=1)


def _month_end(first: dt.date) -> dt.date:
    return (first + dt.timedelta(days=32)).replace(day=1) - dt.timedelta(days=1)


@dataclass(frozen=True)
class Schedule:
    """A unit's regular reception days: fixed days of the month, or a weekday of given weeks."""

    days: tuple[int, ...] = ()
    weekday: int = 3
    weeks: tuple[int, ...] = ()

    def in_month(self, first: dt.date) -> list[dt.date]:
        if self.days:
            raw = [first.replace(day=d) for d in self.days]
        else:
            offset = (self.weekday - first.weekday()) % 7
            raw = [first + dt.timedelta(days=offset + 7 * (week - 1)) for week in self.weeks]
        return sorted({_working_day(d) for d in raw})


COMMUNE_SCHEDULES = [Schedule(days=(5, 20)), Schedule(days=(10, 25)), Schedule(days=(8, 22)), Schedule(days=(15, 28)),
                     Schedule(weekday=3, weeks=(2, 4)), Schedule(weekday=1, weeks=(1, 3)),
                     Schedule(weekday=2, weeks=(2, 4)), Schedule(weekday=4, weeks=(1, 3))]  # fmt: skip


@dataclass
class Host:
    """A Party committee that receives citizens: its tier, its months, its heads and where people come from."""

    unit: Unit
    area: Area
    tier: str  # "province", "district", "commune"
    start: dt.date
    end: dt.date
    schedule: Schedule
    committee: str  # "Đảng ủy xã", "Huyện ủy", "Tỉnh ủy"
    chair_title: str  # "Chủ tịch UBND xã"
    hall: str
    people: dict[str, str] = field(default_factory=dict)  # secretary, deputy, chair
    successor: tuple[dt.date, str] | None = None  # a secretary elected at the 2025 congress
    miss: float = 0.0  # chance a regular day is not held
    extra: float = 0.0  # chance of an unscheduled day in a month
    ahead: bool = False  # enters its schedule before the days
    pools: tuple[list[Area], list[Area]] = ((), ())  # where petitioners live: before and after the reform

    def secretary(self, day: dt.date) -> str:
        if self.successor and day >= self.successor[0]:
            return self.successor[1]
        return self.people["secretary"]

    def petitioners(self, day: dt.date) -> list[Area]:
        return self.pools[0] if day < REFORM else self.pools[1]


@dataclass(frozen=True)
class Heard:
    """A kind of matter brought to a reception: its texts, who is to settle it, what came of it."""

    case_type: str
    texts: tuple[str, ...]
    bodies: tuple[str, ...]
    results: tuple[str, ...]
    group: bool = False  # brought by a representative of several households
    on_the_spot: bool = False  # may be explained at the reception itself
    tags: frozenset[str] = frozenset()
    between: tuple[dt.date, dt.date] | None = None
    weight: float = 1.0


def H(case_type, texts, bodies, results, **options) -> Heard:
    if "tags" in options:
        options["tags"] = frozenset(options["tags"])
    return Heard(case_type, tuple(texts), tuple(bodies), tuple(results), **options)


R, P, K, T = CaseType.REFLECTION, CaseType.PETITION, CaseType.COMPLAINT, CaseType.DENUNCIATION

HEARD: list[Heard] = [
    # --- Phản ánh
    H(R, ["Phản ánh {trai} gây mùi hôi, nước thải chảy ra mương thoát nước chung của {ap}; đã phản ánh với ấp nhưng chưa được xử lý.",
          "Phản ánh {trai} ở {ap2} xả nước thải ra {song}, ruồi nhặng nhiều, các hộ lân cận không dùng được nước giếng."],
      ["xa", "nnmt"],
      ["UBND đã kiểm tra ngày {ngay_kt}, lập biên bản, yêu cầu chủ trại nạo vét hầm biogas, phun chế phẩm khử mùi; đã trả lời bằng văn bản cho công dân.",
       "Đoàn kiểm tra đã lấy mẫu nước thải, xử phạt chủ trại {tien_phat} triệu đồng, buộc khắc phục trong 30 ngày; công dân đồng ý với kết quả."],
      group=True, tags={"rural"}, weight=1.4),
    H(R, ["Phản ánh {duong_ap} xuống cấp, nhiều ổ gà, mùa mưa lầy lội, học sinh đi lại khó khăn.",
          "Phản ánh đèn chiếu sáng trên {duong_ap} hư hỏng nhiều tháng chưa được sửa, buổi tối rất tối."],
      ["xa"],
      ["UBND đã dặm vá các ổ gà, khơi thông mương thoát nước; đưa tuyến đường vào kế hoạch đầu tư năm {nam_sau}.",
       "UBND đã thay {so_den} bóng đèn hư hỏng, giao Ban Nhân dân ấp theo dõi, báo hư hỏng kịp thời."],
      on_the_spot=True, weight=1.3),
    H(R, ["Phản ánh tình trạng hát karaoke bằng loa kéo đến khuya ở {ap}, ảnh hưởng giấc ngủ của người già, trẻ nhỏ.",
          "Phản ánh thanh niên tụ tập chạy xe lạng lách, nẹt pô trên {duong} vào các tối cuối tuần."],
      ["congan"],
      ["Công an đã mời các hộ liên quan làm việc, nhắc nhở; lập biên bản 2 trường hợp tái phạm. Tình trạng đã giảm.",
       "Công an đã tăng cường tuần tra các tối cuối tuần, tạm giữ {so_xe} xe vi phạm, mời phụ huynh đến làm việc."],
      on_the_spot=True),
    H(R, ["Phản ánh rác thải tồn đọng dọc {duong_ap}, xe thu gom đến không đúng lịch, có nơi thành bãi rác tự phát."],
      ["xa"],
      ["UBND đã làm việc với đơn vị thu gom, điều chỉnh lịch thu gom 3 lần mỗi tuần; dọn dẹp điểm rác tự phát, đặt biển cấm đổ rác."],
      on_the_spot=True),
    H(R, ["Phản ánh xe tải chở đất san lấp chạy liên tục trên {duong}, không che phủ, đất đá rơi vãi gây bụi và trơn trượt khi mưa."],
      ["congan", "xaydung"],
      ["Lực lượng chức năng đã lập chốt kiểm tra, xử lý {so_xe} trường hợp; nhà thầu cam kết che phủ thùng xe, tưới nước giảm bụi hằng ngày."]),
    H(R, ["Phản ánh hồ sơ đăng ký biến động đất đai nộp từ tháng {thang_truoc} đến nay đã quá hẹn nhưng chưa có kết quả, không được thông báo lý do.",
          "Phản ánh phải đi lại nhiều lần để bổ sung hồ sơ tách thửa do mỗi lần được hướng dẫn một kiểu."],
      ["vpdk", "xa"],
      ["Đã rà soát hồ sơ, nguyên nhân trễ hẹn do chuyển giao dữ liệu khi sắp xếp; đã trả kết quả cho công dân và xin lỗi theo quy định.",
       "Đã chấn chỉnh cán bộ tiếp nhận, niêm yết đầy đủ thành phần hồ sơ; hồ sơ của công dân đã được giải quyết."],
      between=(REFORM, D(2026, 12, 31))),
    H(R, ["Phản ánh ghe hút cát hoạt động ban đêm trên {song}, đoạn bờ qua {ap} có vết nứt, các hộ ven sông lo sạt lở."],
      ["congan", "nnmt"],
      ["Lực lượng chức năng đã tuần tra ban đêm, bắt giữ 1 phương tiện khai thác cát trái phép; cắm biển cảnh báo sạt lở, di dời tạm {so_vu} hộ."],
      group=True, weight=0.5),
    H(R, ["Phản ánh trợ cấp xã hội tháng {thang_truoc} chi trả chậm so với mọi tháng, người cao tuổi chưa được báo lịch nhận mới."],
      ["xa"],
      ["Đã chi trả đủ trợ cấp còn chậm; bưu điện chi trả tại nhà cho người già yếu, neo đơn và thông báo lịch chi trả cố định hằng tháng."],
      between=(REFORM, D(2026, 6, 30)), on_the_spot=True),
    # --- Kiến nghị
    H(P, ["Kiến nghị được cấp giấy chứng nhận quyền sử dụng đất đối với phần đất gia đình sử dụng ổn định từ năm {nam_cu}, không tranh chấp.",
          "Kiến nghị được chuyển mục đích một phần đất trồng cây lâu năm sang đất ở để xây nhà cho con."],
      ["vpdk", "xa"],
      ["Đã hướng dẫn công dân hoàn thiện hồ sơ; Văn phòng Đăng ký đất đai đã cấp giấy chứng nhận ngày {han}.",
       "Đã kiểm tra, phần đất phù hợp quy hoạch; hướng dẫn công dân nộp hồ sơ chuyển mục đích tại Trung tâm Phục vụ hành chính công."],
      weight=1.3),
    H(P, ["Kiến nghị lắp đặt đèn tín hiệu và biển báo giao thông tại ngã ba {duong} đoạn qua {ap}, nơi thường xảy ra va chạm.",
          "Kiến nghị làm gờ giảm tốc trước cổng {truong} để bảo đảm an toàn cho học sinh."],
      ["xa", "xaydung"],
      ["Ngành xây dựng đã khảo sát, lắp đặt biển cảnh báo và vạch sơn giảm tốc; đèn tín hiệu được đưa vào kế hoạch năm {nam_sau}.",
       "UBND đã làm gờ giảm tốc, biển báo khu vực trường học trước năm học mới."]),
    H(P, ["Kiến nghị xem xét đưa gia đình vào diện hộ cận nghèo năm {nam}; chồng bệnh nặng, mất khả năng lao động, con còn đi học.",
          "Kiến nghị được hỗ trợ sửa chữa nhà ở do nhà tạm, mái dột nát, vách xiêu vẹo."],
      ["xa"],
      ["Ban Chỉ đạo giảm nghèo đã rà soát, gia đình đủ điều kiện và được công nhận hộ cận nghèo; đã hướng dẫn làm thẻ bảo hiểm y tế.",
       "Gia đình đã được hỗ trợ 50 triệu đồng từ chương trình xóa nhà tạm, nhà dột nát; nhà đã bàn giao."],
      on_the_spot=True),
    H(P, ["Kiến nghị nạo vét kênh nội đồng {ap} để kịp lấy nước cho {vu}; kênh bồi lắng, nhiều đoạn lục bình dày đặc."],
      ["xa", "nn"],
      ["UBND đã huy động lực lượng dân quân và người dân nạo vét {met} m kênh, vớt lục bình; nước đã về kịp vụ."],
      tags={"rural"}),
    H(P, ["Kiến nghị sớm chi trả tiền bồi thường, hỗ trợ phần đất bị thu hồi cho {du_an}; đã bàn giao mặt bằng nhưng chưa nhận đủ tiền.",
          "Kiến nghị được hỗ trợ chuyển đổi nghề, vay vốn tạo việc làm sau khi bị thu hồi phần lớn đất sản xuất cho {du_an}."],
      ["bt", "xa"],
      ["Hội đồng bồi thường đã chi trả đủ tiền còn lại cho công dân ngày {han}.",
       "Công dân đã được giới thiệu học nghề và vay vốn từ Ngân hàng Chính sách xã hội theo chương trình hỗ trợ hộ bị thu hồi đất."],
      group=True, weight=1.2),
    H(P, ["Kiến nghị bố trí điểm tiếp nhận hồ sơ tại trụ sở xã cũ vì người dân các ấp xa phải đi 15–20 km đến trụ sở mới.",
          "Kiến nghị tiếp tục duy trì trạm y tế tại điểm cũ để người cao tuổi khám bệnh, nhận thuốc gần nhà."],
      ["xa"],
      ["UBND đã bố trí điểm tiếp nhận hồ sơ tại trụ sở cũ vào thứ Ba, thứ Năm hằng tuần.",
       "Trạm y tế duy trì điểm khám tại trụ sở cũ, bác sĩ luân phiên 2 buổi mỗi tuần."],
      between=(REFORM, D(2026, 6, 30)), group=True, on_the_spot=True),
    H(P, ["Kiến nghị xem xét hồ sơ hưởng chế độ người hoạt động kháng chiến bị nhiễm chất độc hóa học của cha; hồ sơ đã nộp từ năm {nam_cu}."],
      ["noivu", "xa"],
      ["Đã rà soát, hồ sơ còn thiếu giấy xác nhận của cơ quan quân sự; đã hướng dẫn bổ sung, chuyển Sở Nội vụ thẩm định."],
      weight=0.5),
    # --- Khiếu nại
    H(K, ["Khiếu nại phương án bồi thường, hỗ trợ của {du_an}; cho rằng đơn giá đất trồng cây lâu năm thấp hơn nhiều so với giá chuyển nhượng trong khu vực.",
          "Khiếu nại việc áp giá bồi thường cây trồng, vật kiến trúc thuộc {du_an} chưa đúng thực tế; gia đình chưa đồng ý bàn giao mặt bằng."],
      ["bt", "xa"],
      ["Đã ban hành quyết định giải quyết khiếu nại lần đầu: giữ nguyên đơn giá đất, bồi thường bổ sung cây trồng bị áp giá thiếu; công dân đồng ý nhận tiền.",
       "Đã đối thoại với người khiếu nại; công nhận một phần nội dung khiếu nại, điều chỉnh phương án bồi thường vật kiến trúc."],
      group=True, weight=1.5),
    H(K, ["Khiếu nại việc UBND không chấp thuận hồ sơ tách thửa đất của gia đình ở {ap}, không nêu rõ lý do.",
          "Khiếu nại quyết định xử phạt vi phạm hành chính về xây dựng nhà kho trên đất nông nghiệp."],
      ["xa"],
      ["Đã ban hành quyết định giải quyết khiếu nại lần đầu, giữ nguyên quyết định; đã giải thích căn cứ pháp lý, công dân thống nhất không khiếu nại tiếp.",
       "Qua xem xét, khiếu nại có cơ sở một phần; UBND đã thu hồi quyết định cũ, hướng dẫn công dân hoàn thiện hồ sơ."]),
    H(K, ["Khiếu nại việc bị đưa ra khỏi danh sách hộ nghèo năm {nam} trong khi hoàn cảnh gia đình chưa cải thiện."],
      ["xa"],
      ["Ban Chỉ đạo giảm nghèo đã rà soát lại, gia đình đủ điều kiện hộ cận nghèo; đã công khai kết quả tại nhà văn hóa ấp."],
      on_the_spot=False, weight=0.6),
    H(K, ["Khiếu nại việc thu hồi đất mở rộng {duong} nhưng chưa được bồi thường phần tường rào, mái che đã tháo dỡ."],
      ["bt", "bqlda"],
      ["Chủ đầu tư đã kiểm đếm bổ sung, bồi thường phần vật kiến trúc còn thiếu; công dân rút đơn khiếu nại."],
      group=True, weight=0.7),
    H(K, ["Khiếu nại kết quả hòa giải tranh chấp ranh đất với hộ lân cận ở {ap}; đề nghị đo đạc lại theo hồ sơ địa chính."],
      ["xa"],
      ["Cán bộ địa chính đã đo đạc lại, xác định ranh theo hồ sơ; hai bên thống nhất cắm mốc. Trường hợp không thống nhất, hướng dẫn khởi kiện tại Tòa án."],
      tags={"rural"}, weight=0.7),
    # --- Tố cáo
    H(T, ["Tố cáo cán bộ tiếp nhận hồ sơ gợi ý nộp thêm “chi phí” ngoài quy định để giải quyết nhanh hồ sơ tách thửa.",
          "Tố cáo cán bộ địa chính nhận tiền của người dân để làm hồ sơ cấp giấy chứng nhận nhưng không thực hiện."],
      ["ubkt", "thanhtra"],
      ["Đã xác minh, nội dung tố cáo đúng một phần; kiểm điểm, điều chuyển công tác cán bộ có liên quan; đã thông báo kết quả cho người tố cáo.",
       "Qua xác minh, chưa đủ căn cứ kết luận; đã chấn chỉnh quy trình, niêm yết phí, lệ phí và thông báo kết quả cho người tố cáo."],
      weight=0.9),
    H(T, ["Tố cáo Trưởng {ap} thu tiền đóng góp làm đường không công khai, sử dụng không đúng mục đích.",
          "Tố cáo việc bình xét hộ nghèo ở {ap} có sai phạm, người thân cán bộ ấp được xét không đúng đối tượng."],
      ["ttnd", "ubkt"],
      ["Ban Thanh tra nhân dân đã kiểm tra; Ban Nhân dân ấp công khai quyết toán thu chi tại cuộc họp dân, hoàn trả phần chi chưa đúng.",
       "Đã xác minh, đưa 2 hộ không đủ điều kiện ra khỏi danh sách; kiểm điểm Trưởng ấp; thông báo kết quả cho người tố cáo."],
      group=True),
    H(T, ["Tố cáo {nm} xả nước thải chưa qua xử lý ra {song} vào ban đêm, có hình ảnh, video kèm theo."],
      ["congan", "nnmt"],
      ["Lực lượng cảnh sát môi trường đã kiểm tra đột xuất ban đêm, lập biên bản vi phạm; doanh nghiệp bị xử phạt {tien_phat} triệu đồng."],
      weight=0.6),
    H(T, ["Tố cáo một đảng viên ở {ap} cho vay lãi nặng, đòi nợ bằng cách đe dọa người vay.",
          "Tố cáo đối tượng tổ chức đánh bạc tại quán nước ở {ap} vào ban đêm."],
      ["ubkt", "congan"],
      ["Ủy ban Kiểm tra đã kiểm tra, đảng viên vi phạm bị xử lý kỷ luật khiển trách; hồ sơ cho vay chuyển cơ quan công an xem xét.",
       "Công an đã kiểm tra, bắt quả tang 6 đối tượng đánh bạc, xử phạt vi phạm hành chính; đã thông báo cho người tố cáo."],
      weight=0.6),
]  # fmt: skip
CASE_TYPE_WEIGHTS = {R: 38, P: 34, K: 19, T: 9}
DEADLINE_DAYS = {R: (15, 15, 20, 30), P: (15, 30, 30, 45), K: (30, 30, 45), T: (30, 60)}
ON_THE_SPOT = [
    "Người chủ trì đã giải thích, hướng dẫn trực tiếp tại buổi tiếp; công dân thống nhất.",
    "Đã giải thích chủ trương, chính sách tại buổi tiếp; công dân nắm rõ, không còn ý kiến.",
    "Đã hướng dẫn công dân trình tự, thủ tục và nơi nộp hồ sơ ngay tại buổi tiếp.",
    "Chỉ đạo cán bộ chuyên môn giải quyết ngay trong buổi tiếp; công dân đồng tình.",
]
NO_ONE = ["Không có công dân đến liên hệ.", "Không có công dân đến; cán bộ trực ghi sổ theo dõi."]
CANCELLED = [
    "Hoãn do {chuc_danh} dự hội nghị của cấp trên; chưa bố trí được ngày tiếp bù.",
    "Hoãn do trùng lịch họp Ban Thường vụ.",
    "Hoãn do mưa lớn, ngập úng cục bộ trên các tuyến đường về trụ sở.",
    "Hoãn do {chuc_danh} đi học lớp bồi dưỡng; đã thông báo trên loa truyền thanh.",
]
UNSCHEDULED = [
    "Tiếp đột xuất theo đề nghị của các hộ dân {ap}; có đại diện các ngành chuyên môn cùng dự.",
    "Tiếp đột xuất khi nhiều hộ dân {ap} tập trung tại trụ sở đề nghị được giải quyết.",
    "Tiếp đột xuất để nghe các hộ dân {ap} trình bày trước khi tổ chức cưỡng chế, bàn giao mặt bằng.",
]


@dataclass(frozen=True)
class Talk:
    """A dialogue's subject, what the people raise (with the answer given there) and what may be promised
    (content, the responsible body's key, days to the deadline, the result when done)."""

    topic: str
    issues: tuple[tuple[str, str], ...]
    commitments: tuple[tuple[str, str, int, str], ...]
    tags: frozenset[str] = frozenset()
    between: tuple[dt.date, dt.date] | None = None


TALKS = [
    Talk("Thực hiện chính quyền địa phương hai cấp và giải quyết thủ tục hành chính tại {xa}", (
        ("Trụ sở xã mới xa, người dân các ấp ven phải đi lại nhiều lần để nộp, bổ sung hồ sơ.",
         "UBND xã sẽ bố trí điểm tiếp nhận hồ sơ tại trụ sở cũ 2 buổi mỗi tuần; Đoàn Thanh niên hỗ trợ người dân nộp hồ sơ trực tuyến."),
        ("Hồ sơ đất đai luân chuyển giữa xã và chi nhánh văn phòng đăng ký đất đai còn chậm, có hồ sơ trễ hẹn.",
         "Xã đã đề nghị chi nhánh văn phòng đăng ký đất đai cử viên chức trực tại Trung tâm Phục vụ hành chính công; hồ sơ trễ hẹn được rà soát, xin lỗi người dân."),
        ("Người cao tuổi không biết sử dụng ứng dụng VNeID, dịch vụ công trực tuyến.",
         "Tổ công nghệ số cộng đồng ở các ấp sẽ hướng dẫn tại nhà; người dân vẫn được nộp hồ sơ giấy tại Trung tâm."),
        ("Một số cán bộ mới điều động chưa nắm địa bàn, hướng dẫn chưa đầy đủ.",
         "Đảng ủy đã chỉ đạo phân công cán bộ phụ trách từng ấp, nắm địa bàn; người dân phản ánh qua đường dây nóng của xã."),
    ), (
        ("Bố trí điểm tiếp nhận hồ sơ tại trụ sở cũ vào thứ Ba, thứ Năm hằng tuần", "xa", 30,
         "Điểm tiếp nhận tại trụ sở cũ đã hoạt động, bình quân 25 hồ sơ mỗi buổi."),
        ("Rà soát, giải quyết dứt điểm các hồ sơ đất đai trễ hẹn", "vpdk", 45,
         "Đã giải quyết xong các hồ sơ trễ hẹn, gửi thư xin lỗi người dân."),
    ), between=(D(2025, 8, 15), D(2026, 6, 30))),
    Talk("Bồi thường, hỗ trợ, tái định cư {du_an}", (
        ("Đơn giá bồi thường đất nông nghiệp thấp hơn giá chuyển nhượng thực tế.",
         "Đơn giá theo giá đất cụ thể UBND tỉnh đã phê duyệt; xã sẽ tổng hợp kiến nghị, đề nghị cơ quan chuyên môn xem xét điều chỉnh hệ số."),
        ("Khu tái định cư chưa có điện, nước, đường nội bộ dù đã bốc thăm nền.",
         "Chủ đầu tư đã cam kết hoàn thành hạ tầng thiết yếu trước khi người dân vào xây nhà."),
        ("Phần đất còn lại sau thu hồi quá nhỏ, không sử dụng được.",
         "Hộ có phần đất còn lại dưới diện tích tối thiểu được đề nghị thu hồi luôn; Hội đồng bồi thường sẽ lập phương án bổ sung."),
        ("Cần hỗ trợ chuyển đổi nghề cho lao động lớn tuổi mất đất sản xuất.",
         "Xã phối hợp Trung tâm Dịch vụ việc làm mở lớp nghề ngắn hạn, giới thiệu việc làm tại các khu công nghiệp lân cận."),
    ), (
        ("Tổng hợp kiến nghị về đơn giá bồi thường, gửi cơ quan chuyên môn thẩm định", "xa", 20,
         "Đã gửi văn bản tổng hợp kiến nghị; cơ quan chuyên môn đã trả lời, giải thích căn cứ giá đất."),
        ("Hoàn thành đấu nối điện, nước khu tái định cư", "bqlda", 60,
         "Khu tái định cư đã có điện, nước sinh hoạt; người dân bắt đầu xây nhà."),
        ("Lập phương án thu hồi bổ sung phần đất còn lại không đủ điều kiện sử dụng", "bt", 45,
         "Phương án bổ sung đã được phê duyệt, chi trả cho các hộ."),
    ), tags={"rural"}),
    Talk("Bảo vệ môi trường, xử lý ô nhiễm từ các trại chăn nuôi và cơ sở sản xuất trên địa bàn {xa}", (
        ("Trại chăn nuôi gây mùi hôi kéo dài, đã phản ánh nhiều lần chưa dứt điểm.",
         "Xã đã lập đoàn kiểm tra, yêu cầu chủ trại cải tạo hệ thống xử lý; tái kiểm tra sau 30 ngày và công khai kết quả."),
        ("Nước thải chảy ra kênh, cá chết, không dùng được nước tưới.",
         "Xã sẽ đề nghị lấy mẫu nước quan trắc, xử lý nghiêm nếu vượt quy chuẩn."),
        ("Rác thải sinh hoạt thu gom không đúng lịch, nhiều điểm đổ trộm.",
         "Đơn vị thu gom đã cam kết thu 3 lần mỗi tuần; các ấp ra quân dọn dẹp, đặt biển cấm đổ rác."),
    ), (
        ("Kiểm tra, xử lý các trại chăn nuôi gây ô nhiễm; công khai kết quả tại nhà văn hóa ấp", "xa", 30,
         "Đã kiểm tra 6 trại, xử phạt 2 trại; kết quả được niêm yết tại nhà văn hóa ấp."),
        ("Lấy mẫu nước kênh nội đồng để quan trắc, thông báo kết quả cho Nhân dân", "nnmt", 45,
         "Kết quả quan trắc đã thông báo trên loa truyền thanh; các chỉ tiêu đạt quy chuẩn sau khi trại khắc phục."),
    ), tags={"rural"}),
    Talk("Bảo đảm an ninh trật tự, phòng chống tội phạm và tệ nạn xã hội trong khu dân cư", (
        ("Trộm cắp tài sản về đêm tăng, nhất là xe máy, máy bơm ngoài đồng.",
         "Công an xã tăng cường tuần tra ban đêm cùng lực lượng bảo vệ an ninh, trật tự ở cơ sở; người dân báo tin qua đường dây nóng."),
        ("Nghi có người sử dụng ma túy tại một số phòng trọ.",
         "Công an xã sẽ kiểm tra hành chính các khu nhà trọ, xử lý nghiêm nếu phát hiện vi phạm."),
        ("Nhiều người cao tuổi nhận cuộc gọi lừa đảo giả danh công an, ngân hàng.",
         "Công an xã tuyên truyền các thủ đoạn lừa đảo trên loa truyền thanh và nhóm Zalo của các ấp."),
    ), (
        ("Lắp camera an ninh tại các ngã ba, ngã tư của ấp theo mô hình “Camera an ninh”", "congan", 90,
         "Đã lắp 24 camera tại các điểm giao thông chính, kết nối về Công an xã."),
        ("Kiểm tra hành chính các khu nhà trọ, xử lý tụ điểm tệ nạn", "congan", 30,
         "Đã kiểm tra 15 khu nhà trọ, xử lý 3 trường hợp vi phạm."),
    )),
    Talk("Chính sách an sinh xã hội, bình xét hộ nghèo, hộ cận nghèo năm {nam}", (
        ("Việc bình xét hộ nghèo ở một số ấp chưa công khai, chưa khách quan.",
         "Xã sẽ chỉ đạo bình xét lại ở các ấp có ý kiến, công khai danh sách tại nhà văn hóa ấp."),
        ("Trợ cấp cho người có công, người cao tuổi chi trả chưa đúng kỳ.",
         "Từ tháng sau, trợ cấp được chi trả cố định vào ngày 10 hằng tháng; bưu điện chi trả tại nhà cho người già yếu."),
        ("Học sinh hộ nghèo còn thiếu sách vở, đồng phục.",
         "Mặt trận và các đoàn thể sẽ vận động học bổng, tặng sách vở, xe đạp cho học sinh khó khăn."),
    ), (
        ("Bình xét lại hộ nghèo, hộ cận nghèo ở các ấp có ý kiến; công khai kết quả", "xa", 30,
         "Đã bình xét lại, điều chỉnh danh sách 2 ấp; kết quả công khai tại nhà văn hóa ấp."),
        ("Chi trả trợ cấp xã hội đúng ngày 10 hằng tháng", "xa", 40,
         "Trợ cấp đã được chi trả đúng ngày trong các tháng tiếp theo."),
    )),
    Talk("Xây dựng nông thôn mới, nâng cấp đường giao thông nông thôn và chiếu sáng trên địa bàn {xa}", (
        ("Đường liên ấp xuống cấp, mùa mưa lầy lội.",
         "Xã đã đưa tuyến đường vào kế hoạch đầu tư công; trước mắt dặm vá các đoạn hư hỏng nặng."),
        ("Người dân sẵn sàng hiến đất mở rộng đường nếu được hỗ trợ di dời hàng rào.",
         "Xã ghi nhận, sẽ hỗ trợ vật liệu xây lại hàng rào cho các hộ hiến đất; Mặt trận vận động xã hội hóa."),
        ("Nhiều tuyến đường ấp chưa có đèn chiếu sáng.",
         "Xã vận động xã hội hóa lắp đèn chiếu sáng, ưu tiên các tuyến có học sinh đi lại buổi tối."),
    ), (
        ("Dặm vá các đoạn đường liên ấp hư hỏng nặng trước mùa mưa", "xa", 45,
         "Đã dặm vá xong các đoạn hư hỏng; người dân đi lại thuận tiện."),
        ("Vận động xã hội hóa lắp đèn chiếu sáng các tuyến đường ấp", "mttq", 75,
         "Đã lắp 85 bóng đèn chiếu sáng trên 6 tuyến đường ấp."),
    ), tags={"rural"}),
]  # fmt: skip
PUBLICATIONS = [
    "Niêm yết tại trụ sở UBND {xa} và nhà văn hóa các ấp; thông báo trên hệ thống loa truyền thanh",
    "Thông báo kết quả trên loa truyền thanh và trang thông tin điện tử của {xa}",
    "Niêm yết tại trụ sở, gửi văn bản trả lời đến các hộ có kiến nghị",
]
LOG_WEB = "web"


class Meetings:
    """The demo's reception days and dialogues: the province committee's (and Long An's until 30/6/2025),
    the districts' until 30/6/2025 and the new communes' from 1/7/2025, from January 2025 to the end of this
    month. Each record keeps the history a clerk would have left: a regular day put on the schedule, then
    marked held (or cancelled) with the cases heard; a case settled later; a dialogue announced, held, its
    results published, its commitments done."""

    def __init__(self, builder: Builder):
        self.b, self.today = builder, builder.today
        self.rng = builder.rng = random.Random(MEETINGS_SEED)
        self.horizon = _month_end(self.today)
        self.receptions: list[Reception] = []
        self.cases: list[ReceptionCase] = []
        self.dialogues: list[Dialogue] = []
        self.issues: list[DialogueIssue] = []
        self.commitments: list[Commitment] = []
        self.history: list[tuple] = []  # (record, [(moment, user, fields before the final values)])
        self.called_off: dict[tuple[int, dt.date], tuple[str, dt.date]] = {}  # (unit, day): reason, make-up day
        self.heard: dict[tuple[int, dt.date], list[ReceptionCase]] = {}  # scripted cases of a regular day
        self.hosts = self._hosts()

    # --- who receives
    def _hosts(self) -> list[Host]:
        rng, b = self.rng, self.b
        tn_old = [a for d in b.districts if d.region == "tn" for a in b.old_communes[d.unit.pk]]
        la_old = [a for d in b.districts if d.region == "la" for a in b.old_communes[d.unit.pk]]
        hosts = [
            Host(b.province, b.province_area, "province", START, self.horizon, Schedule(days=(15,)), "Tỉnh ủy",
                 "Chủ tịch UBND tỉnh", "Trụ sở Tiếp công dân tỉnh", extra=0.1, ahead=True,
                 pools=(tn_old, b.new_communes)),
        ]  # fmt: skip
        long_an = Unit.objects.filter(code="TC80").select_related("kind").first()
        if long_an:
            area = _area(long_an, "la", set(), random.Random(MEETINGS_SEED))
            hosts.append(Host(long_an, area, "province", START, long_an.valid_until, Schedule(days=(20,)), "Tỉnh ủy",
                              "Chủ tịch UBND tỉnh", "Trụ sở Tiếp công dân tỉnh Long An", pools=(la_old, [])))  # fmt: skip
        for area in b.districts:
            committee = " ".join(area.unit.name.split()[:2])  # Huyện ủy, Thị ủy, Thành ủy
            place = area.phrase.rsplit(" ", len(area.unit.short_name.split()))[0]  # huyện, thị xã, thành phố
            hosts.append(Host(area.unit, area, "district", START, REFORM - dt.timedelta(days=1),
                              rng.choice(COMMUNE_SCHEDULES), committee, f"Chủ tịch UBND {place}",
                              f"Trụ sở Tiếp công dân {area.phrase}", miss=0.04, extra=0.05,
                              pools=(b.old_communes[area.unit.pk], [])))  # fmt: skip
        weak = set(rng.sample(range(len(b.new_communes)), max(1, len(b.new_communes) // 12)))
        for i, area in enumerate(b.new_communes):
            word = area.phrase.split(" ")[0].lower()  # xã, phường
            demo = area.unit.pk == b.ctx.commune.pk
            schedule = Schedule(days=(6, 21)) if area.unit.short_name == "Tân Hòa" else rng.choice(COMMUNE_SCHEDULES)
            hall = rng.choice([f"Phòng tiếp công dân, Trụ sở Đảng ủy {area.phrase}", f"Hội trường UBND {area.phrase}",
                               f"Trụ sở Tiếp công dân {area.phrase}"])  # fmt: skip
            hosts.append(Host(area.unit, area, "commune", REFORM, self.horizon, schedule, f"Đảng ủy {word}",
                              f"Chủ tịch UBND {word}", hall, miss=0.015 if demo else 0.12 if i in weak else 0.025,
                              extra=0.15 if demo else 0.04, ahead=demo or rng.random() < 0.3,
                              pools=([], [area])))  # fmt: skip
        for host in hosts:
            host.people = {role: b._person(rng) for role in ("secretary", "deputy", "chair")}
            if host.tier == "commune" and rng.random() < 0.12:  # a new secretary elected at the commune congress
                host.successor = (D(2025, 9, rng.randint(1, 25)), b._person(rng))
        return hosts

    def host_of(self, short: str) -> Host:
        return next(h for h in self.hosts if h.tier == "commune" and fold(h.unit.short_name) == fold(short))

    def _leader(self, host: Host, day: dt.date) -> str:
        if self.rng.random() < 0.12:
            return f"{host.people['deputy']}, Phó Bí thư Thường trực {host.committee} (được Bí thư ủy quyền)"
        return f"{host.secretary(day)}, Bí thư {host.committee}"

    def _user(self, host: Host, day: dt.date):
        return _actor(self.b, host.unit, day)[0]

    # --- reception days
    def schedule(self) -> None:
        """Every host's regular days month by month, some missed (cancelled or simply not held), some
        unscheduled days; the scripted ones (`self.called_off`, `self.heard`) as written."""
        rng = self.rng
        for host in self.hosts:
            for first in _months(max(host.start, START), min(host.end, self.horizon)):
                regular = [d for d in host.schedule.in_month(first) if host.unit.is_valid_on(d)]
                miss = host.miss + (0.08 if host.tier == "commune" and first == REFORM else 0)
                for day in regular:
                    key = (host.unit.pk, day)
                    if key in self.called_off:
                        reason, again = self.called_off[key]
                        self._cancelled(host, day, reason)
                        self._held(host, again, notes=f"Tiếp bù buổi ngày {text_date(day)} đã hoãn.")
                    elif key in self.heard and day < self.today:
                        self._held(host, day, cases=self.heard[key] + [self._case(host, day)])
                    elif day >= self.today:  # not held yet (today's is recorded once over)
                        if host.ahead:
                            self._planned(host, day)
                    elif rng.random() < miss:
                        self._missed(host, day, regular)
                    else:
                        self._held(host, day)
                end = min(_month_end(first), self.today - dt.timedelta(days=1), host.end)
                if first <= end and rng.random() < host.extra:
                    free = [d for d in _days(first, end) if d not in regular and _working_day(d) == d]
                    if free:
                        self._held(host, rng.choice(free), unscheduled=True)

    def _missed(self, host: Host, day: dt.date, regular: list[dt.date]) -> None:
        rng = self.rng
        if rng.random() < 0.45:  # on the schedule, then called off
            reason = rng.choice(CANCELLED).format(chuc_danh=f"Bí thư {host.committee}")
            again = _working_day(day + dt.timedelta(days=rng.randint(2, 6)))
            if rng.random() < 0.35 and again.month == day.month and again <= self.today and again not in regular:
                self._cancelled(host, day, reason.split(";")[0] + f"; tiếp bù ngày {text_date(again)}.")
                self._held(host, again, notes=f"Tiếp bù buổi ngày {text_date(day)} đã hoãn.")
            else:
                self._cancelled(host, day, reason)

    def _reception(self, host: Host, day: dt.date, status: str, **fields) -> Reception:
        reception = Reception(unit=host.unit, day=day, status=status, place=fields.pop("place", host.hall), **fields)
        self.receptions.append(reception)
        return reception

    def _scheduled_on(self, host: Host, day: dt.date) -> dt.date:
        """When a regular day was put on the schedule: in the last days of the month before."""
        first = day.replace(day=1)
        on = first - dt.timedelta(days=self.rng.randint(1, 6))
        if host.unit.valid_from and on < host.unit.valid_from:
            on = host.unit.valid_from
        return min(on, self.today - dt.timedelta(days=1))

    def _planned(self, host: Host, day: dt.date) -> None:
        reception = self._reception(
            host, day, ReceptionStatus.PLANNED, leader=f"{host.secretary(day)}, Bí thư {host.committee}"
        )
        on = self._scheduled_on(host, day)
        self.history.append((reception, [(_moment(on, self.rng, False), self._user(host, on), {})]))

    def _cancelled(self, host: Host, day: dt.date, reason: str) -> None:
        rng = self.rng
        reception = self._reception(host, day, ReceptionStatus.CANCELLED, notes=reason, version=2,
                                    leader=f"{host.secretary(day)}, Bí thư {host.committee}")  # fmt: skip
        on = self._scheduled_on(host, day)
        off = min(max(day - dt.timedelta(days=rng.randint(0, 3)), on), self.today - dt.timedelta(days=1))
        user = self._user(host, day)
        self.history.append((reception, [
            (_moment(on, rng, False), user, {"status": ReceptionStatus.PLANNED.value, "notes": ""}),
            (_moment(off, rng, True), user, {}),
        ]))  # fmt: skip

    def _held(self, host: Host, day: dt.date, unscheduled=False, notes="", cases=None, place="") -> Reception:
        rng = self.rng
        place = place or host.hall
        if unscheduled:
            area = rng.choice(host.petitioners(day))
            hamlet = rng.choice(area.hamlets)
            where = hamlet + (f", {area.phrase}" if host.tier != "commune" else "")
            notes = notes or rng.choice(UNSCHEDULED).format(ap=where)
            if host.tier == "commune" and place == host.hall and rng.random() < 0.4:
                place = f"Nhà văn hóa {hamlet}"
        kind = ReceptionKind.UNSCHEDULED if unscheduled else ReceptionKind.REGULAR
        reception = self._reception(host, day, ReceptionStatus.HELD, leader=self._leader(host, day), kind=kind,
                                    place=place, notes=notes)  # fmt: skip
        if cases is None:
            weights = {
                "province": (0, 15, 30, 30, 15, 10),
                "district": (14, 30, 30, 16, 10),
                "commune": (30, 38, 20, 9, 3),
            }
            count = rng.choices(range(len(weights[host.tier])), weights=weights[host.tier])[0]
            if unscheduled:
                count = max(1, min(count, 2))
            cases = [self._case(host, day, group=unscheduled) for _ in range(count)]
        if not cases and not reception.notes:
            reception.notes = rng.choice(NO_ONE)
        user = self._user(host, day)
        recorded = min(day + dt.timedelta(days=rng.choice([0, 0, 1, 1, 2, 3])), self.today - dt.timedelta(days=1))
        moment = _moment(recorded, rng, True)
        if unscheduled:
            self.history.append((reception, [(moment, user, {})]))
        else:
            reception.version = 2
            on = self._scheduled_on(host, day)
            first = {"status": ReceptionStatus.PLANNED.value, "notes": ""}
            self.history.append((reception, [(_moment(on, rng, False), user, first), (moment, user, {})]))
        for case in cases:
            case.reception = reception
            moment += dt.timedelta(minutes=rng.randint(3, 12))
            steps = [(moment, user, {})]
            if case.settled_on and case.settled_on > recorded:
                steps = [(moment, user, {"result": "", "settled_on": None}),
                         (_moment(case.settled_on, rng, True), self._user(host, case.settled_on), {})]  # fmt: skip
            self.history.append((case, steps))
            self.cases.append(case)
        return reception

    # --- what people bring
    def _case(self, host: Host, day: dt.date, group: bool = False) -> ReceptionCase:
        rng = self.rng
        area = rng.choice(host.petitioners(day))
        case_type = rng.choices(list(CASE_TYPE_WEIGHTS), weights=list(CASE_TYPE_WEIGHTS.values()))[0]
        options = [h for h in HEARD if h.case_type == case_type and h.tags <= area.tags
                   and (h.between is None or h.between[0] <= day <= h.between[1]) and (h.group or not group)]  # fmt: skip
        heard = rng.choices(options, weights=[h.weight for h in options])[0]
        values = self.b.values(area, day)
        values |= {"nam_cu": rng.randint(1992, 2012), "nam_sau": day.year + 1}
        told = rng.randrange(len(heard.texts))
        content = heard.texts[told].format(**values)
        female = rng.random() < 0.45
        person = ("Bà " if female else "Ông ") + self.b._person(rng, female)
        where = values["ap"] + (f", {area.phrase}" if host.tier != "commune" else "")
        if heard.group and (group or rng.random() < 0.35):
            households = rng.randint(4, 40)
            petitioner = f"{person}, đại diện {households} hộ {where}"
            people = rng.randint(3, min(15, households))
        else:
            petitioner = f"{person}, {where}"
            people = 2 if rng.random() < 0.12 else 1
        case = ReceptionCase(petitioner=petitioner, case_type=case_type, people=people, content=content)
        if heard.on_the_spot and rng.random() < 0.3:
            case.result, case.settled_on = rng.choice(ON_THE_SPOT), day
            return case
        key = heard.bodies[0] if rng.random() < 0.6 else rng.choice(heard.bodies)
        case.assigned_to = self._body(key, host, area, day)
        case.deadline = day + dt.timedelta(days=rng.choice(DEADLINE_DAYS[case_type]))
        roll = rng.random()
        span = (case.deadline - day).days
        settled = (
            day + dt.timedelta(days=rng.randint(max(3, span // 3), span)) if roll < 0.82
            else case.deadline + dt.timedelta(days=rng.randint(3, 25)) if roll < 0.95 else None
        )  # fmt: skip
        if settled and settled <= self.today:
            values |= {"ngay_kt": text_date(day + dt.timedelta(days=max(1, (settled - day).days // 2))),
                       "han": text_date(settled)}  # fmt: skip
            results = heard.results
            result = results[told] if len(results) == len(heard.texts) else rng.choice(results)
            case.result, case.settled_on = result.format(**values), settled
        return case

    def _body(self, key: str, host: Host, area: Area, day: dt.date) -> str:
        if key == "ubkt":
            return f"Ủy ban Kiểm tra {host.unit.name}"
        if key == "ttnd":
            return f"Ban Thanh tra nhân dân {area.phrase}"
        if host.tier == "province" and key == "xa" and self.rng.random() < 0.3:
            return "UBND tỉnh (Thanh tra tỉnh tham mưu)"
        return body(key, area, day)

    # --- dialogues
    def talks(self) -> None:
        """Dialogues of about half the communes, each on a subject that concerns it."""
        rng = self.rng
        for host in self.hosts:
            if host.tier != "commune" or rng.random() > 0.45:
                continue
            first, last = D(2025, 8, 20), self.today - dt.timedelta(days=20)
            day = _working_day(first + dt.timedelta(days=rng.randint(0, (last - first).days)))
            area = host.area
            options = [
                t for t in TALKS if t.tags <= area.tags and (t.between is None or t.between[0] <= day <= t.between[1])
            ]
            talk = rng.choice(options)
            values = self.b.values(area, day) | {"xa": host.area.phrase}
            role = HostRole.SECRETARY if rng.random() < 0.65 else HostRole.CHAIR
            notice = rng.choice([7, 8, 10, 10, 12, 14, 15]) if rng.random() < 0.9 else rng.choice([3, 4, 5, 6, None])
            participants = rng.randint(45, 220)
            published = day + dt.timedelta(days=rng.randint(3, 12)) if rng.random() < 0.8 else None
            issues = [(self._raised_by(area, values), raised, answer)
                      for raised, answer in rng.sample(talk.issues, rng.randint(2, len(talk.issues)))]  # fmt: skip
            promised = []
            for content, key, days, result in rng.sample(talk.commitments, rng.randint(1, len(talk.commitments))):
                deadline = day + dt.timedelta(days=days)
                done = day + dt.timedelta(days=rng.randint(days // 2, days + 12)) if rng.random() < 0.82 else None
                promised.append(
                    (
                        content,
                        self._body(key, host, area, day),
                        deadline,
                        done if done and done <= self.today else None,
                        result,
                    )
                )
            self.dialogue(host, day, role, talk.topic.format(**values), notice, participants, published, issues, promised,
                          place=rng.choice([host.hall.split(", ")[-1], f"Nhà văn hóa {values['ap']}"]),
                          publication=rng.choice(PUBLICATIONS).format(xa=host.area.phrase))  # fmt: skip

    def _raised_by(self, area: Area, values: dict) -> str:
        rng = self.rng
        female = rng.random() < 0.45
        person = ("Bà " if female else "Ông ") + self.b._person(rng, female)
        return rng.choice([f"{person}, {values['ap']}", f"{person}, {values['ap2']}",
                           f"{person}, Chi hội trưởng Chi hội Nông dân {values['ap']}", f"Cử tri {values['ap']}"])  # fmt: skip

    def dialogue(self, host, day, role, topic, notice, participants, published, issues=(), promised=(), place="",
                 publication="", hosts="") -> Dialogue:  # fmt: skip
        """A dialogue with what was raised ((by, content, answer)) and promised ((content, responsible,
        deadline, done on, result)); its history: announced, held, published, each commitment followed."""
        rng = self.rng
        notice_on = day - dt.timedelta(days=notice) if notice is not None else None
        if not hosts:
            chair = f"{host.people['chair']}, {host.chair_title}"
            secretary = f"{host.secretary(day)}, Bí thư {host.committee}"
            hosts = chair if role == HostRole.CHAIR else secretary + (f"; {chair}" if rng.random() < 0.5 else "")
        held = day < self.today
        dialogue = Dialogue(
            unit=host.unit, day=day, host_role=role, hosts=hosts, topic=topic, place=place, notice_on=notice_on,
            participants=participants if held else None, published_on=published if published and published <= self.today else None,
        )  # fmt: skip
        dialogue.publication = publication if dialogue.published_on else ""
        self.dialogues.append(dialogue)
        announced = min(notice_on or day - dt.timedelta(days=3), self.today - dt.timedelta(days=1))
        user = self._user(host, day)
        steps = [
            (_moment(announced, rng, False), user, {"participants": None, "published_on": None, "publication": ""})
        ]
        if held:
            after = min(day + dt.timedelta(days=rng.randint(0, 2)), self.today - dt.timedelta(days=1))
            moment = _moment(after, rng, True)
            steps.append((moment, user, {"published_on": None, "publication": ""}))
            for raised_by, content, answer in issues:
                issue = DialogueIssue(dialogue=dialogue, raised_by=raised_by, content=content, answer=answer)
                self.issues.append(issue)
                self.history.append((issue, [(moment + dt.timedelta(minutes=len(self.issues) % 7 + 1), user, {})]))
            for content, responsible, deadline, done, result in promised:
                done = done if done and done <= self.today else None
                commitment = Commitment(dialogue=dialogue, content=content, responsible=responsible, deadline=deadline,
                                        done_on=done, result=result if done else "")  # fmt: skip
                self.commitments.append(commitment)
                follow = [(moment + dt.timedelta(minutes=9), user, {"done_on": None, "result": ""} if done else {})]
                if done:
                    follow.append((_moment(done, rng, True), self._user(host, done), {}))
                self.history.append((commitment, follow))
            if dialogue.published_on:
                steps.append((_moment(dialogue.published_on, rng, True), user, {}))
        steps[-1] = (*steps[-1][:2], {})
        dialogue.version = len(steps)
        self.history.append((dialogue, steps))
        return dialogue

    # --- scripted: the matters the items tell of, as they came to receptions and dialogues
    def scripted(self) -> None:
        """The province's day called off and made up; Long Thuận's compensation (an unscheduled day, then a
        dialogue announced only 5 days ahead) and Tân Hòa's pig farm (a dialogue, a late commitment, the
        matter back at a reception); Bến Cầu's dialogue before the reform; the province's on the two-tier
        government; one announced for the coming days."""
        b, today = self.b, self.today
        later = max(D(2026, 12, 31), today + dt.timedelta(days=45))  # still open whenever the demo is loaded
        province = self.hosts[0]
        self.called_off[(province.unit.pk, D(2025, 9, 15))] = (
            "Hoãn do trùng lịch Hội nghị Ban Chấp hành Đảng bộ tỉnh chuẩn bị Đại hội; tiếp bù ngày 22/9/2025.",
            D(2025, 9, 22),
        )
        long_thuan = self.host_of("Long Thuận")
        lt = [b.area_of("Long Thuận").hamlets[i] for i in range(2)]
        if D(2026, 3, 25) < today:
            self._held(long_thuan, D(2026, 3, 25), unscheduled=True, place=f"Hội trường UBND {long_thuan.area.phrase}",
                       notes=f"Tiếp đột xuất 12 hộ dân {lt[0]}, {lt[1]} chưa nhận tiền bồi thường dự án đường cao tốc "
                             "TP. Hồ Chí Minh – Mộc Bài; có đại diện Hội đồng bồi thường, Ban Quản lý dự án cùng dự.",
                       cases=[
                self._settled(ReceptionCase(
                    petitioner=f"Ông Trần Văn Lực, đại diện 12 hộ {lt[0]} và {lt[1]}", case_type=CaseType.COMPLAINT, people=12,
                    content="Khiếu nại đơn giá bồi thường đất trồng cây lâu năm thuộc dự án đường cao tốc TP. Hồ Chí Minh – Mộc Bài "
                            "(bình quân khoảng 410.000 đồng/m²), cho rằng thấp hơn nhiều so với giá chuyển nhượng thực tế; "
                            "các hộ chưa nhận tiền, chưa bàn giao mặt bằng.",
                    assigned_to="Hội đồng bồi thường, hỗ trợ và tái định cư xã Long Thuận; UBND xã Long Thuận",
                    deadline=D(2026, 4, 24)), D(2026, 7, 15),
                    "Sau đối thoại ngày 7/4/2026, UBND tỉnh phê duyệt điều chỉnh hệ số giá đất cụ thể đối với đất trồng cây "
                    "lâu năm dọc tuyến (tăng bình quân 16%); 12 hộ đã nhận tiền bồi thường bổ sung và bàn giao mặt bằng."),
                self._settled(ReceptionCase(
                    petitioner=f"Bà Lê Thị Thu Vân, {lt[1]}", case_type=CaseType.PETITION, people=1,
                    content="Kiến nghị hỗ trợ chuyển đổi nghề, giới thiệu việc làm cho lao động các hộ mất trên 30% đất sản xuất "
                            "do thu hồi đất làm đường cao tốc.",
                    assigned_to="UBND xã Long Thuận", deadline=D(2026, 4, 25)), D(2026, 4, 22),
                    "UBND xã đã lập danh sách 17 lao động có nhu cầu, phối hợp Trung tâm Dịch vụ việc làm tỉnh mở lớp hàn, "
                    "may công nghiệp từ tháng 5/2026."),
            ])  # fmt: skip
        deputy = b._person(self.rng, False)
        self.dialogue(
            long_thuan, D(2026, 4, 7), HostRole.CHAIR,
            "Bồi thường, hỗ trợ, tái định cư dự án đường cao tốc TP. Hồ Chí Minh – Mộc Bài đoạn qua xã Long Thuận",
            5, 58, D(2026, 4, 10), place=f"Hội trường UBND {long_thuan.area.phrase}",
            publication=f"Niêm yết tại trụ sở UBND xã và nhà văn hóa {lt[0]}, {lt[1]}; thông báo trên loa truyền thanh xã",
            hosts=f"{long_thuan.people['chair']}, Chủ tịch UBND xã; {deputy}, Phó Chủ tịch UBND xã, Chủ tịch Hội đồng bồi thường",
            issues=[
                (f"Ông Trần Văn Lực, {lt[0]}", "Đơn giá bồi thường đất trồng cây lâu năm khoảng 410.000 đồng/m² thấp hơn nhiều so với giá chuyển nhượng thực tế trong khu vực.",
                 "Đơn giá được xác định theo giá đất cụ thể UBND tỉnh đã phê duyệt; UBND xã tiếp thu, tổng hợp kiến nghị gửi Sở Nông nghiệp và Môi trường thẩm định, đề xuất điều chỉnh hệ số."),
                (f"Bà Nguyễn Thị Kim Loan, {lt[1]}", "Cùng một cánh đồng nhưng đơn giá giữa các thửa chênh lệch, chưa được giải thích rõ.",
                 "Thửa tiếp giáp đường giao thông áp vị trí 1, thửa phía trong áp vị trí 2; Hội đồng bồi thường sẽ công khai vị trí từng thửa tại nhà văn hóa ấp."),
                (f"Ông Phạm Văn Hậu, {lt[0]}", "Mương thoát nước nội đồng bị nhà thầu san lấp khi thi công, ruộng bị ngập úng sau mưa.",
                 "Ban Quản lý dự án yêu cầu nhà thầu khôi phục mương thoát nước trước mùa mưa."),
                (f"Bà Võ Thị Hạnh, {lt[1]}", "Lao động lớn tuổi mất đất sản xuất chưa biết làm nghề gì để sinh sống.",
                 "UBND xã phối hợp Trung tâm Dịch vụ việc làm tỉnh khảo sát nhu cầu, mở lớp nghề ngắn hạn, giới thiệu việc làm tại các khu công nghiệp lân cận."),
            ],
            promised=[
                ("Tổng hợp kiến nghị về đơn giá bồi thường, đề nghị Sở Nông nghiệp và Môi trường thẩm định, điều chỉnh hệ số giá đất cụ thể",
                 "UBND xã Long Thuận", D(2026, 4, 20), D(2026, 4, 20),
                 "Đã gửi văn bản ngày 20/4/2026; ngày 3/6/2026 UBND tỉnh phê duyệt điều chỉnh hệ số, tăng bình quân 16%."),
                ("Khôi phục mương thoát nước nội đồng bị san lấp khi thi công, bảo đảm tiêu nước trước mùa mưa",
                 "Ban Quản lý dự án đầu tư xây dựng các công trình giao thông tỉnh; nhà thầu thi công", D(2026, 5, 31), None, ""),
                ("Mở lớp đào tạo nghề, giới thiệu việc làm cho lao động các hộ mất trên 30% đất sản xuất",
                 "UBND xã Long Thuận; Trung tâm Dịch vụ việc làm tỉnh", later, None, ""),
            ],
        )  # fmt: skip
        tan_hoa = self.host_of("Tân Hòa")
        th = [b.area_of("Tân Hòa").hamlets[i] for i in range(2)]
        self.heard[(tan_hoa.unit.pk, D(2026, 10, 21))] = [ReceptionCase(
            petitioner=f"Bà Đặng Thị Mến, đại diện 30 hộ {th[1]}", case_type=CaseType.REFLECTION, people=6,
            content="Phản ánh mùi hôi từ trại heo của Công ty TNHH Chăn nuôi Hưng Thịnh tái diễn sau các đợt mưa lớn dù trại "
                    f"đã cải tạo hệ thống xử lý; nước suối đoạn qua {th[1]} vẫn đục, có mùi.",
            assigned_to="UBND xã Tân Hòa; Sở Nông nghiệp và Môi trường", deadline=D(2026, 11, 5),
        )]  # fmt: skip
        self.dialogue(
            tan_hoa, D(2026, 6, 19), HostRole.SECRETARY,
            f"Xử lý ô nhiễm từ trại heo của Công ty TNHH Chăn nuôi Hưng Thịnh tại {th[0]}, {th[1]}", 11, 96, D(2026, 6, 26),
            place=f"Nhà văn hóa {th[0]}",
            publication=f"Niêm yết tại trụ sở UBND xã Tân Hòa, nhà văn hóa {th[0]}, {th[1]}; thông báo trên loa truyền thanh xã",
            issues=[
                (f"Ông Huỳnh Văn Tài, {th[0]}", "Mùi hôi từ trại heo nồng nặc mỗi chiều tối, nhiều hộ phải đóng cửa cả ngày; đề nghị đình chỉ hoạt động trại.",
                 "Công ty đã bị xử phạt 185 triệu đồng, đình chỉ nhập heo mới 3 tháng và phải cải tạo hệ thống xử lý nước thải trước ngày 30/8/2026; không hoàn thành, xã sẽ đề nghị đình chỉ hoạt động."),
                (f"Bà Đặng Thị Mến, {th[1]}", "Nước thải tràn ra suối, cá chết; bà con không dám dùng nước giếng.",
                 "Xã đề nghị Sở Nông nghiệp và Môi trường quan trắc nước suối, nước giếng hằng tháng và công khai kết quả; Trạm Y tế hướng dẫn người dân xử lý nước sinh hoạt."),
                (f"Ông Lâm Văn Phong, Chi hội trưởng Chi hội Nông dân {th[0]}", "Đoạn suối bị bồi lắng bùn thải cần được nạo vét.",
                 "Công ty phải chịu chi phí nạo vét đoạn suối bị ảnh hưởng, hoàn thành trước ngày 30/9/2026."),
            ],
            promised=[
                ("Hoàn thành cải tạo hệ thống xử lý nước thải, trồng cây xanh cách ly quanh trại",
                 "Công ty TNHH Chăn nuôi Hưng Thịnh; UBND xã Tân Hòa giám sát", D(2026, 8, 30), D(2026, 8, 27),
                 "Công ty đã hoàn thành cải tạo hệ thống xử lý; đoàn kiểm tra liên ngành nghiệm thu ngày 27/8/2026."),
                ("Quan trắc nước suối, nước giếng hằng tháng và công khai kết quả tại nhà văn hóa ấp",
                 "Sở Nông nghiệp và Môi trường; UBND xã Tân Hòa", later, None, ""),
                (f"Nạo vét đoạn suối bị bồi lắng bùn thải qua {th[0]}, {th[1]}", "Công ty TNHH Chăn nuôi Hưng Thịnh",
                 D(2026, 9, 30), None, ""),
            ],
        )  # fmt: skip
        self.dialogue(
            province, D(2025, 11, 14), HostRole.SECRETARY,
            "Vận hành chính quyền địa phương hai cấp, giải quyết thủ tục hành chính cho người dân và doanh nghiệp", 14, 240,
            D(2025, 11, 21), place="Hội trường Trung tâm Hội nghị tỉnh",
            publication="Đăng trên Báo và Phát thanh, Truyền hình Tây Ninh và Cổng thông tin điện tử tỉnh; gửi văn bản đến các xã, phường",
            hosts=f"{province.secretary(D(2025, 11, 14))}, Bí thư Tỉnh ủy; {province.people['chair']}, Chủ tịch UBND tỉnh",
            issues=[
                (f"Ông Châu Văn Thiện, {self._village('Tân Đông')}", "Trụ sở xã mới cách các ấp biên giới 20–25 km, người dân đi nộp hồ sơ mất cả ngày.",
                 "UBND tỉnh sẽ chỉ đạo các xã biên giới bố trí điểm tiếp nhận hồ sơ lưu động tại ấp; mở rộng dịch vụ bưu chính công ích nhận, trả kết quả tại nhà."),
                (f"Bà Mai Thị Ngọc Trinh, {self._village('Bến Lức')}", "Hồ sơ đất đai của các huyện cũ chưa được chuyển đủ, xã mới phải hẹn lại nhiều lần.",
                 "Sở Nông nghiệp và Môi trường đang số hóa, đồng bộ dữ liệu đất đai; hồ sơ trễ hẹn được ưu tiên giải quyết và xin lỗi người dân."),
                (f"Ông Đoàn Minh Khang, {self._village('Trảng Bàng')}", "Công nhân ở trọ muốn đăng ký tạm trú, làm thủ tục cho con đi học nhưng không biết nộp ở đâu.",
                 "Công an các xã, phường nhận hồ sơ cư trú trực tuyến và tại trụ sở; nhà trường tiếp nhận con công nhân theo nơi tạm trú."),
                (f"Bà Thái Thị Yến, {self._village('Tân Hòa')}", "Chế độ cho cán bộ không chuyên trách ở ấp nghỉ việc sau sắp xếp chưa được chi trả.",
                 "Sở Nội vụ đang thẩm định hồ sơ; chế độ được chi trả trong tháng 12/2025."),
            ],
            promised=[
                ("Chỉ đạo các xã biên giới bố trí điểm tiếp nhận hồ sơ lưu động tại các ấp xa trung tâm", "UBND tỉnh; Sở Nội vụ",
                 D(2025, 12, 31), D(2025, 12, 15), "23 xã biên giới, vùng sâu đã bố trí điểm tiếp nhận lưu động, mỗi tuần 1 buổi tại các ấp xa."),
                ("Số hóa, đồng bộ dữ liệu đất đai của các huyện cũ cho các xã, phường", "Sở Nông nghiệp và Môi trường; Văn phòng Đăng ký đất đai",
                 D(2026, 3, 31), D(2026, 3, 28), "Đã đồng bộ xong dữ liệu địa chính cho 96 xã, phường."),
                ("Chi trả chế độ cho cán bộ không chuyên trách ở ấp nghỉ việc do sắp xếp", "Sở Nội vụ; UBND các xã, phường",
                 D(2025, 12, 31), D(2026, 1, 9), "Đã chi trả đủ chế độ, chậm 9 ngày do bổ sung hồ sơ."),
                ("Đầu tư nâng cấp Trung tâm Phục vụ hành chính công các xã biên giới", "Sở Tài chính; UBND các xã biên giới",
                 later + dt.timedelta(days=180), None, ""),
            ],
        )  # fmt: skip
        ben_cau = next((h for h in self.hosts if h.unit.pk == b.ctx.district.pk), None)
        if ben_cau:
            lc = b.area_of("Long Chữ", district="HC711")
            self.dialogue(
                ben_cau, D(2025, 4, 17), HostRole.SECRETARY,
                "Bồi thường, giải phóng mặt bằng dự án đường cao tốc TP. Hồ Chí Minh – Mộc Bài và vận chuyển vật liệu san lấp qua địa bàn huyện",
                10, 85, D(2025, 4, 24), place=f"Hội trường UBND {lc.phrase}",
                publication="Niêm yết tại trụ sở UBND các xã có dự án đi qua; thông báo trên Đài Truyền thanh huyện",
                issues=[
                    (f"Ông Tô Văn Nghĩa, {lc.hamlets[0]}, {lc.phrase}", "Xe chở đất san lấp chạy suốt ngày trên đường tỉnh 786, bụi phủ nhà cửa, quán ăn ven đường.",
                     "Công an huyện phối hợp Thanh tra Sở Xây dựng lập chốt kiểm tra tải trọng; nhà thầu phải tưới nước giảm bụi 3 lần mỗi ngày."),
                    (f"Bà Dương Thị Thủy, {lc.hamlets[1]}, {lc.phrase}", "Mặt đường tỉnh 786 hư hỏng nặng do xe quá tải, nhiều ổ gà gây tai nạn.",
                     "Nhà thầu vận chuyển phải sửa chữa các đoạn hư hỏng; huyện giám sát, nghiệm thu."),
                    (f"Ông Hồ Văn Lợi, {lc.hamlets[0]}, {lc.phrase}", "Giá bồi thường đất ở dọc tuyến cao tốc chưa sát giá thị trường.",
                     "Huyện tổng hợp kiến nghị, đề nghị Sở Tài nguyên và Môi trường xem xét khi thẩm định giá đất cụ thể đợt tiếp theo."),
                ],
                promised=[
                    ("Lập chốt kiểm tra tải trọng xe trên đường tỉnh 786 đoạn qua xã Long Chữ", "Công an huyện Bến Cầu", D(2025, 4, 30),
                     D(2025, 4, 22), "Đã lập chốt, xử lý 27 trường hợp chở quá tải."),
                    ("Sửa chữa các đoạn đường tỉnh 786 hư hỏng do xe chở vật liệu", "Nhà thầu vận chuyển; UBND huyện Bến Cầu giám sát",
                     D(2025, 6, 15), D(2025, 6, 12), "Đã sửa chữa xong 1,2 km mặt đường hư hỏng."),
                ],
            )  # fmt: skip
        ahead = (
            self.host_of("Trảng Bàng")
            if any(fold(h.unit.short_name) == "trang bang" for h in self.hosts)
            else long_thuan
        )
        day = _working_day(today + dt.timedelta(days=10))
        if day.month != (today + dt.timedelta(days=10)).month or day <= today:
            day = today + dt.timedelta(days=12)
        self.dialogue(
            ahead,
            day,
            HostRole.CHAIR,
            "Việc làm, thu nhập và đời sống công nhân lao động tại các khu, cụm công nghiệp",
            (day - today).days + 2,
            None,
            None,
            place=f"Hội trường UBND {ahead.area.phrase}",
        )

    def _settled(self, case: ReceptionCase, on: dt.date, result: str) -> ReceptionCase:
        if on <= self.today:
            case.settled_on, case.result = on, result
        return case

    def _village(self, short: str) -> str:
        """A hamlet and its commune, for someone who came from there."""
        area = self.b.area_of(short)
        return f"{area.hamlets[2]}, {area.phrase}"

    # --- checks and writing
    def check(self) -> None:
        today = self.today
        for reception in self.receptions:
            if errors := rules.reception_errors(reception, today):
                raise ValueError(f"{reception.unit.name} {reception.day}: {errors}")
        for case in self.cases:
            if errors := rules.case_errors(case, case.reception, today):
                raise ValueError(f"{case.reception.unit.name} {case.reception.day}: {errors} ({case.content[:60]})")
        for dialogue in self.dialogues:
            if errors := rules.dialogue_errors(dialogue, today):
                raise ValueError(f"{dialogue.unit.name} {dialogue.day}: {errors}")
        for issue in self.issues:
            if errors := rules.issue_errors(issue):
                raise ValueError(f"{issue.dialogue.topic}: {errors}")
        for commitment in self.commitments:
            if errors := rules.commitment_errors(commitment, commitment.dialogue, today):
                raise ValueError(f"{commitment.dialogue.topic}: {errors} ({commitment.content[:60]})")

    def write(self) -> None:
        self.receptions.sort(key=lambda r: (r.day, r.unit.path))
        bulk.insert(self.receptions)
        for case in self.cases:
            case.reception = case.reception  # its id, now that it has one
        bulk.insert(self.cases)
        bulk.insert(self.dialogues)
        for child in (*self.issues, *self.commitments):
            child.dialogue = child.dialogue
        bulk.insert(self.issues)
        bulk.insert(self.commitments)
        self._log()

    def _log(self) -> None:
        """The change log of every record, step by step, each entry at its moment and by its clerk: rows built
        here and inserted in one executemany (a model instance per entry took most of the load time)."""
        using = router.db_for_write(ChangeLogEntry)
        connection = connections[using]
        opts = ChangeLogEntry._meta
        encoder, to_json = opts.get_field("before").encoder, connection.ops.adapt_json_value
        stamp = opts.get_field("timestamp")
        types = {
            m: ContentType.objects.get_for_model(m).pk
            for m in (Reception, ReceptionCase, Dialogue, DialogueIssue, Commitment)
        }
        labels = dict(CaseType.choices)
        rows = []
        for record, steps in self.history:
            model = type(record)
            label = f"{labels[record.case_type]}: {record.petitioner}" if model is ReceptionCase else str(record)
            head = (types[model], str(record.pk), label[:300], record.changelog_unit_id())
            final, state = changelog.snapshot(record), None
            for moment, user, earlier in steps:
                now = final | earlier
                if state is None:
                    action, before, after = ChangeLogEntry.Action.CREATE, None, to_json(now, encoder)
                else:
                    changed = [k for k in now if now[k] != state[k]]
                    action = ChangeLogEntry.Action.UPDATE
                    before = to_json({k: state[k] for k in changed}, encoder)
                    after = to_json({k: now[k] for k in changed}, encoder)
                when = stamp.get_db_prep_save(moment, connection)
                rows.append((when, user.pk, user.get_username(), "", LOG_WEB, *head, action, before, after))
                state = now
        ids = bulk.new_ids(ChangeLogEntry, len(rows), using)
        names = ("timestamp", "actor", "actor_name", "request_id", "source", "content_type", "object_id",
                 "object_repr", "unit", "action", "before", "after")  # fmt: skip
        columns = ["id", *(opts.get_field(name).column for name in names)]
        bulk.insert_rows(ChangeLogEntry, columns, [(i, *row) for i, row in zip(ids, rows, strict=True)], using)

    def summary(self) -> str:
        held = sum(1 for r in self.receptions if r.status == ReceptionStatus.HELD)
        overdue = sum(1 for c in self.cases if c.is_overdue(self.today))
        late = sum(1 for c in self.commitments if c.is_overdue(self.today))
        return (
            f"Đã nạp {format_number(len(self.receptions))} buổi tiếp công dân ({format_number(held)} đã tiếp) với "
            f"{format_number(len(self.cases))} vụ việc ({overdue} quá hạn giải quyết) và {len(self.dialogues)} hội nghị "
            f"đối thoại với {len(self.issues)} ý kiến, {len(self.commitments)} cam kết ({late} quá hạn)."
        )


def _days(first: dt.date, last: dt.date):
    day = first
    while day <= last:
        yield day
        day += dt.timedelta(days=1)


def load(ctx) -> list[str]:
    seed_config(Topic)
    return [_load_items(ctx), _load_meetings(ctx)]


def _load_meetings(ctx) -> str:
    if Reception.objects.exists() or Dialogue.objects.exists():
        return (
            f"Tiếp công dân, đối thoại: đã có {format_number(Reception.objects.count())} buổi tiếp, "
            f"{format_number(Dialogue.objects.count())} hội nghị đối thoại, không nạp thêm."
        )
    with transaction.atomic():
        meetings = Meetings(Builder(ctx, timezone.localdate()))
        meetings.scripted()
        meetings.schedule()
        meetings.talks()
        meetings.check()
        meetings.write()
    return meetings.summary()


def _load_items(ctx) -> str:
    if OpinionItem.objects.exists() or Collaborator.objects.exists():
        return (
            f"Dư luận xã hội: đã có {format_number(OpinionItem.objects.count())} thông tin, "
            f"{format_number(Collaborator.objects.count())} cộng tác viên, không nạp thêm."
        )
    today = timezone.localdate()
    with transaction.atomic():
        builder = Builder(ctx, today)
        builder.register()
        bulk.insert(builder.collaborators)  # items name them by id
        changelog.log_created_rows(Collaborator, [c.pk for c in builder.collaborators], label_sql="name")
        builder.cases()
        builder.routine()
        timelines = {}
        for built in builder.built:
            item = built.item
            errors = rules.item_errors(item, today)
            if errors:
                raise ValueError(f"{item.unit.name} {item.noted_on}: {errors} ({item.summary[:60]})")
            timelines[id(built)] = builder.settle(built)
            parts = (item.summary, item.source_detail, item.proposal, item.forwarded_to, item.answer)
            item.search_text = fold(" ".join(p for p in parts if p))
            item.created_by = _actor(builder, item.unit)[0]
        _write(builder, timelines, random.Random(SEED + 3))
    items = [b.item for b in builder.built]
    merged = sum(1 for b in builder.built if b.case is not None)
    overdue = sum(1 for i in items if i.case_id is None and i.is_overdue(today))
    states = {s: sum(1 for i in items if i.state == s) for s in State.values}
    return (
        f"Đã nạp {format_number(len(builder.collaborators))} cộng tác viên dư luận xã hội và "
        f"{format_number(len(items))} thông tin tình hình Nhân dân, dư luận xã hội từ {text_date(START)} "
        f"({sum(1 for i in items if i.hot_spot)} điểm nóng, {states[State.RESOLVED]} đã giải quyết, "
        f"{states[State.ANSWERED]} đã có trả lời, {states[State.WATCHING]} đang theo dõi, {overdue} quá hạn trả lời; "
        f"{merged} thông tin trùng đã gộp vào vụ việc)."
    )


def _write(builder: Builder, timelines: dict, rng: random.Random) -> None:
    first = [b for b in builder.built if b.case is None]
    merged = [b for b in builder.built if b.case is not None]
    bulk.insert([b.item for b in first])
    for built in merged:
        built.item.case = built.case.item  # now that the case has its id
    bulk.insert([b.item for b in merged])
    items = [b.item for b in first + merged]
    changelog.log_created_rows(OpinionItem, [i.pk for i in items], label_sql=LABEL_SQL)
    content_type = ContentType.objects.get_for_model(OpinionItem)
    steps = []
    for built in first + merged:
        item = built.item
        item.created_at = item.updated_at = moment = _moment(item.noted_on, rng, afternoon=False)
        for action, day, label, source, target, comment in timelines[id(built)]:
            user, name = _actor(builder, item.unit, day)
            moment = max(_moment(day, rng, afternoon=True), moment + dt.timedelta(minutes=7))
            item.updated_at = moment
            steps.append(
                WorkflowStep(
                    timestamp=moment, content_type=content_type, object_id=str(item.pk), unit_id=item.unit_id,
                    action=action, action_label=label, from_state=source, to_state=target, actor=user,
                    actor_name=name, comment=comment,
                )
            )  # fmt: skip
    bulk.insert(steps)
    # The moments the clerk recorded the item and last changed it (an insert in bulk stamps "now"), and the
    # same moment on the creation entries of the change log, as the item's page says.
    _update_rows(OpinionItem, ["created_at", "updated_at"], [(i.pk, i.created_at, i.updated_at) for i in items])
    created = {str(i.pk): i.created_at for i in items}
    entries = ChangeLogEntry.objects.filter(content_type=content_type, action=ChangeLogEntry.Action.CREATE)
    rows = [(pk, created[key]) for pk, key in entries.values_list("id", "object_id").iterator() if key in created]
    _update_rows(ChangeLogEntry, ["timestamp"], rows)


def _update_rows(model, fields: list[str], rows: list[tuple]) -> None:
    """Set `fields` of many rows, (pk, *values) each, in one executemany (bulk_update's CASE is slow to build)."""
    connection = connections[router.db_for_write(model)]
    quote = connection.ops.quote_name
    columns = [model._meta.get_field(name) for name in fields]
    sets = ", ".join(f"{quote(column.column)} = %s" for column in columns)
    sql = f"UPDATE {quote(model._meta.db_table)} SET {sets} WHERE {quote(model._meta.pk.column)} = %s"
    params = [
        [*(column.get_db_prep_save(value, connection) for column, value in zip(columns, values, strict=True)), pk]
        for pk, *values in rows
    ]
    with connection.cursor() as cursor:
        cursor.executemany(sql, params)
