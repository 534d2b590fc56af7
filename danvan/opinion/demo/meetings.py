"""The demo's citizen reception days, the cases heard, and the dialogues with their issues and commitments."""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass, field

from django.contrib.contenttypes.models import ContentType
from django.db import connections, router, transaction
from django.utils import timezone

from danvan.core import bulk, changelog
from danvan.core.models import ChangeLogEntry
from danvan.core.vn import fold, format_number, text_date
from danvan.opinion import rules
from danvan.opinion.choices import (
    CaseType,
    HostRole,
    ReceptionKind,
    ReceptionStatus,
)
from danvan.opinion.demo.common import (
    REFORM,
    SEED,
    START,
    Area,
    D,
    _area,
    body,
)
from danvan.opinion.demo.items import (
    Builder,
    _actor,
    _moment,
)
from danvan.opinion.models import (
    Commitment,
    Dialogue,
    DialogueIssue,
    Reception,
    ReceptionCase,
)
from danvan.org.models import Unit

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
                rows.append((when, user.pk, user.get_username(), "", LOG_WEB, *head, action, before, after, None, ""))
                state = now
        changelog.insert_entries(rows, using)

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
