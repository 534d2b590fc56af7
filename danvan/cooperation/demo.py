"""Demo coordination programmes of Tây Ninh, 2016–2026.

The province's commission signs with the Ban cán sự đảng Ủy ban nhân dân tỉnh (the programme seed 002
reports on), the military command, the border guard, the police, the Front and the mass organizations;
after the merger of 1/3/2025 the Ban Tuyên giáo và Dân vận Tỉnh ủy replaces three of them with new
agreements (with the Đảng ủy Ủy ban nhân dân tỉnh from the same reform). A district's programme runs until
the districts end on 30/6/2025, and the new commune of Long Thuận signs its own from September 2025.
Each year in force has its joint plan in January and its evaluation meeting at the end of December (a few
missing, so the pages and the panel show late ones in red); past reviews are closed by their report in
the planning register, except one left overdue. Everything goes through the services, so the rules hold
and the history is written. Idempotent: a programme already recorded (same unit and number) is skipped.
"""

from __future__ import annotations

import datetime as dt

from django.utils import timezone

from danvan.cooperation import services
from danvan.cooperation.choices import Kind
from danvan.cooperation.models import Evaluation, Party, Programme, ProgrammeItem, YearPlan
from danvan.cooperation.seed import seed_config
from danvan.planning.models import Milestone
from danvan.planning.services.directives import record_review

D = dt.date
BDV, BTGDV = "ban-dan-van-tinh-uy", "ban-tuyen-giao-dan-van-tinh-uy"
BDV_NAME, BTGDV_NAME = "Ban Dân vận Tỉnh ủy", "Ban Tuyên giáo và Dân vận Tỉnh ủy"

# key, owner ("old"/"new" commission, "district", "commune"), kind, number, signed, until, parties (codes),
# other bodies, title, interim, final, chairs, the key of the programme it replaces
PROGRAMMES = [
    ("cqs-2016", "old", Kind.PROGRAMME, "01-CTr/BDVTU-BCHQS", D(2016, 3, 15), D(2020, 12, 31), [BDV, "bo-chqs-tinh"], [],
     "Phối hợp thực hiện công tác dân vận trong lực lượng vũ trang tỉnh giai đoạn 2016–2020", "3", 5,
     "Trưởng Ban Dân vận Tỉnh ủy, Chỉ huy trưởng Bộ Chỉ huy Quân sự tỉnh", None),
    ("ubnd-2021", "old", Kind.PROGRAMME, "161-CTr/BCSĐUBND-BDVTU", D(2021, 3, 12), None,
     ["ban-can-su-dang-ubnd-tinh", BDV], [],
     "Phối hợp thực hiện công tác dân vận chính quyền giai đoạn 2021–2025", "2", 4,
     "Trưởng Ban Dân vận Tỉnh ủy, Phó Chủ tịch Ủy ban nhân dân tỉnh", None),
    ("cqs-2021", "old", Kind.PROGRAMME, "09-CTr/BDVTU-BCHQS", D(2021, 4, 20), None, [BDV, "bo-chqs-tinh"], [],
     "Phối hợp thực hiện công tác dân vận trong lực lượng vũ trang tỉnh giai đoạn 2021–2026", "3", 5,
     "Trưởng Ban Dân vận Tỉnh ủy, Chính ủy Bộ Chỉ huy Quân sự tỉnh", "cqs-2016"),
    ("bdbp-2021", "old", Kind.PROGRAMME, "15-CTr/BDVTU-BĐBP", D(2021, 6, 10), None, [BDV, "bo-chbdbp-tinh"], [],
     "Phối hợp thực hiện công tác dân vận ở khu vực biên giới, xây dựng thế trận lòng dân nơi biên giới",
     "3", None, "Trưởng Ban Dân vận Tỉnh ủy, Chính ủy Bộ Chỉ huy Bộ đội Biên phòng tỉnh", None),
    ("ca-2021", "old", Kind.PROGRAMME, "21-CTr/BDVTU-CAT", D(2021, 11, 5), None, [BDV, "cong-an-tinh"], [],
     "Phối hợp vận động nhân dân tham gia phong trào Toàn dân bảo vệ an ninh Tổ quốc", "3", 5,
     "Trưởng Ban Dân vận Tỉnh ủy, Giám đốc Công an tỉnh", None),
    ("mttq-2022", "old", Kind.REGULATION, "02-QC/BDVTU-MTTQ", D(2022, 1, 18), None,
     [BDV, "ubmttq-tinh", "ldld-tinh", "hnd-tinh", "hlhpn-tinh", "tinh-doan", "hccb-tinh"], [],
     "Quy chế phối hợp giữa Ban Dân vận Tỉnh ủy với Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh và các tổ chức "
     "chính trị - xã hội tỉnh", "", None, "Trưởng Ban Dân vận Tỉnh ủy, Chủ tịch Ủy ban MTTQ Việt Nam tỉnh", None),
    ("hnd-2023", "old", Kind.JOINT_PLAN, "07-KHLT/BDVTU-HND", D(2023, 2, 14), D(2025, 12, 31), [BDV, "hnd-tinh"], [],
     "Vận động nông dân tham gia xây dựng nông thôn mới, đô thị văn minh giai đoạn 2023–2025", "", None,
     "Phó Trưởng Ban Dân vận Tỉnh ủy, Chủ tịch Hội Nông dân tỉnh", None),
    ("huyen-2022", "district", Kind.PROGRAMME, "04-CTr/BDVHU-UBND", D(2022, 3, 1), D(2025, 6, 30), [],
     ["Ban Dân vận Huyện ủy Bến Cầu", "Ủy ban nhân dân huyện Bến Cầu"],
     "Phối hợp thực hiện công tác dân vận chính quyền huyện Bến Cầu giai đoạn 2022–2025", "2", None,
     "Trưởng Ban Dân vận Huyện ủy, Chủ tịch Ủy ban nhân dân huyện", None),
    ("ubnd-2025", "new", Kind.PROGRAMME, "05-CTr/ĐUUBND-BTGDVTU", D(2025, 8, 5), None,
     ["dang-uy-ubnd-tinh", BTGDV], [],
     "Phối hợp thực hiện công tác dân vận chính quyền trong tổ chức chính quyền địa phương hai cấp, giai đoạn "
     "2025–2030", "2", 5, "Trưởng Ban Tuyên giáo và Dân vận Tỉnh ủy, Phó Chủ tịch Ủy ban nhân dân tỉnh",
     "ubnd-2021"),
    ("mttq-2025", "new", Kind.REGULATION, "03-QC/BTGDVTU-MTTQ", D(2025, 9, 20), None, [BTGDV, "ubmttq-tinh"], [],
     "Quy chế phối hợp giữa Ban Tuyên giáo và Dân vận Tỉnh ủy với Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh", "", None,
     "Trưởng Ban Tuyên giáo và Dân vận Tỉnh ủy, Chủ tịch Ủy ban MTTQ Việt Nam tỉnh", "mttq-2022"),
    ("bdbp-2025", "new", Kind.PROGRAMME, "11-CTr/BTGDVTU-BĐBP", D(2025, 10, 15), None, [BTGDV, "bo-chbdbp-tinh"], [],
     "Phối hợp thực hiện công tác dân vận ở khu vực biên giới giai đoạn 2025–2030", "3", 5,
     "Trưởng Ban Tuyên giáo và Dân vận Tỉnh ủy, Chính ủy Bộ Chỉ huy Bộ đội Biên phòng tỉnh", "bdbp-2021"),
    ("xa-2025", "commune", Kind.PROGRAMME, "01-CTr/ĐU-UBND", D(2025, 9, 15), None, [],
     ["Đảng ủy xã Long Thuận", "Ủy ban nhân dân xã Long Thuận"],
     "Phối hợp thực hiện công tác dân vận chính quyền xã Long Thuận nhiệm kỳ 2025–2030", "", None,
     "Bí thư Đảng ủy xã, Chủ tịch Ủy ban nhân dân xã", None),
    ("xa-mttq-2025", "commune", Kind.REGULATION, "02-QC/ĐU-MTTQ", D(2025, 10, 2), None, [],
     ["Đảng ủy xã Long Thuận", "Ủy ban Mặt trận Tổ quốc Việt Nam xã Long Thuận"],
     "Quy chế phối hợp giữa Đảng ủy xã với Ủy ban Mặt trận Tổ quốc Việt Nam xã Long Thuận", "", None,
     "Phó Bí thư Đảng ủy xã, Chủ tịch Ủy ban MTTQ Việt Nam xã", None),
]  # fmt: skip

# What each programme's items say: content, the index of the lead party, the indexes of the partners.
ITEMS = {
    "ubnd-2021": [
        ("Lãnh đạo, chỉ đạo thực hiện công tác dân vận của cơ quan nhà nước, chính quyền các cấp", 0, [1]),
        ("Đẩy mạnh cải cách hành chính, nhất là thủ tục hành chính, gắn với chuyển đổi số", 0, [1]),
        ("Nắm tình hình nhân dân, giải quyết kịp thời khiếu nại, tố cáo, vấn đề bức xúc ở cơ sở", 1, [0]),
        ("Thực hiện dân chủ ở cơ sở; tiếp công dân, đối thoại trực tiếp của người đứng đầu", 0, [1]),
    ],
    "cqs-2021": [
        ("Tuyên truyền, vận động nhân dân thực hiện nhiệm vụ quốc phòng, tuyển quân hằng năm", 1, [0]),
        ("Tham gia xây dựng cơ sở chính trị vững mạnh ở địa bàn trọng điểm", 1, [0]),
        ("Thực hiện phong trào thi đua “Dân vận khéo” trong lực lượng vũ trang", 0, [1]),
    ],
    "bdbp-2021": [
        ("Vận động đồng bào khu vực biên giới tham gia tự quản đường biên, cột mốc", 1, [0]),
        ("Thực hiện chương trình “Nâng bước em tới trường – Con nuôi đồn Biên phòng”", 1, []),
        ("Nắm tình hình nhân dân, tôn giáo ở các xã biên giới", 0, [1]),
    ],
    "ca-2021": [
        ("Xây dựng, nhân rộng mô hình tự quản về an ninh, trật tự ở khu dân cư", 1, [0]),
        ("Tuyên truyền phòng, chống tội phạm, tệ nạn xã hội, tín dụng đen", 1, [0]),
    ],
    "mttq-2022": [
        ("Thống nhất nội dung, phương thức tập hợp, vận động các tầng lớp nhân dân", 0, [1]),
        ("Tổ chức Ngày hội Đại đoàn kết toàn dân tộc ở khu dân cư", 1, [2, 3, 4, 5, 6]),
    ],
    "ubnd-2025": [
        ("Công tác dân vận trong vận hành chính quyền địa phương hai cấp", 0, [1]),
        ("Giải quyết thủ tục hành chính cho người dân tại trung tâm phục vụ hành chính công cấp xã", 0, [1]),
        ("Nắm tình hình, định hướng dư luận xã hội sau sắp xếp đơn vị hành chính", 1, [0]),
    ],
    "bdbp-2025": [("Xây dựng thế trận lòng dân nơi biên giới sau sắp xếp xã", 1, [0])],
    "xa-2025": [("Vận động nhân dân hiến đất làm đường giao thông nông thôn", 1, [0])],
}
RESULTS = [
    "Các bên triển khai đầy đủ nội dung phối hợp; giải quyết kịp thời các vấn đề bức xúc ở cơ sở.",
    "Hoàn thành kế hoạch năm; nhiều mô hình “Dân vận khéo” được nhân rộng; cần tăng cường nắm tình hình ở cơ sở.",
    "Thực hiện tốt việc trao đổi thông tin; phối hợp giải quyết dứt điểm một số vụ việc khiếu kiện kéo dài.",
]
# Years whose evaluation meeting was not held: late (red) on the pages and the panel.
SKIPPED = {("ca-2021", 2025), ("huyen-2022", 2024), ("mttq-2022", 2023)}
LEFT_OVERDUE = {("bdbp-2021", 3)}  # a review whose report never came


def owner(ctx, key: str):
    return {"old": ctx.commission_old, "new": ctx.commission, "district": ctx.district, "commune": ctx.commune}[key]


def load(ctx) -> list[str]:
    seed_config(Party)
    user = ctx.users["tinh"]
    today = timezone.localdate()
    parties = {p.code: p for p in Party.objects.all()}
    made: dict[str, Programme] = {}
    new = 0
    for key, who, kind, number, signed, until, codes, others, title, interim, final, chair, replaces in PROGRAMMES:
        if signed > today:
            continue
        unit = owner(ctx, who)
        programme = Programme.objects.filter(unit=unit, number=number).first()
        if programme is None:
            programme = Programme(unit=unit, kind=kind, number=number, title=title, signed_on=signed,
                                  valid_from=signed, valid_until=until, interim_years=interim, final_years=final)  # fmt: skip
            chosen = [parties[code] for code in codes]
            if replaces and replaces in made:
                services.replace(user, made[replaces], programme, chosen, others)
            else:
                services.save_programme(user, programme, chosen, others)
            _items(user, programme, key)
            _years(user, programme, key, chair, today)
            new += 1
        made[key] = programme
    for key, programme in made.items():
        _reviews(user, programme, key, today)
    total = Programme.objects.filter(pk__in=[p.pk for p in made.values()]).count()
    return [f"Đã nạp {total} chương trình, quy chế phối hợp 2016–2026 ({new} mới) với kế hoạch và đánh giá hằng năm."]


def _items(user, programme: Programme, key: str) -> None:
    names = services.names_of(programme)
    for order, (content, lead, partners) in enumerate(ITEMS.get(key, []), start=1):
        item = ProgrammeItem(programme=programme, order=order, content=content, lead=names[lead],
                             partners="; ".join(names[i] for i in partners))  # fmt: skip
        services.save_item(user, item)


def _years(user, programme: Programme, key: str, chair: str, today: dt.date) -> None:
    for year in programme.years_in_force(today.year):
        issued = max(D(year, 1, 15), programme.signed_on + dt.timedelta(days=14))
        if issued.year == year and issued <= today:
            number = f"{year - 2015:02d}-KHPH/{programme.number.split('/', 1)[1]}"
            services.save_year_plan(user, YearPlan(programme=programme, year=year, number=number, issued_on=issued,
                                                   content=f"Triển khai các nội dung phối hợp năm {year}."))  # fmt: skip
        held = D(year, 12, 27 + year % 3)
        if (
            (key, year) in SKIPPED
            or held > today
            or (programme.valid_until and held > programme.valid_until + dt.timedelta(days=90))
        ):
            continue
        services.save_evaluation(user, Evaluation(programme=programme, year=year, held_on=held, chair=chair,
                                                  result=RESULTS[year % len(RESULTS)]))  # fmt: skip


def _reviews(user, programme: Programme, key: str, today: dt.date) -> None:
    """Close the reviews past due with their report, a few weeks late or early, except those left overdue."""
    milestones = Milestone.objects.filter(directive_id=programme.directive_id, report_date__isnull=True)
    for milestone in milestones.select_related("directive__type", "directive__unit"):
        reported = milestone.due_date + dt.timedelta(days=20)
        if (key, milestone.years) in LEFT_OVERDUE or reported > today:
            continue
        if programme.unit.kind.code == "ban-dan-van":
            symbol = "BDVTU" if reported < D(2025, 3, 1) else "BTGDVTU"
        else:  # a district's or commune's own body: the first issuer of the programme's number
            symbol = programme.number.split("/", 1)[1].split("-")[0]
        record_review(user, milestone, number=f"{30 + milestone.years}-BC/{symbol}", date=reported,
                      title=f"{milestone.citation}")  # fmt: skip
