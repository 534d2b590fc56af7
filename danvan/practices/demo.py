"""Demo practices: several years of "Dân vận khéo" models and exemplars across the 2025 reform."""

from __future__ import annotations

import datetime as dt
import io
import math
import random

from django.contrib.contenttypes.models import ContentType
from django.core.files.base import ContentFile

from danvan.core.models import WorkflowStep
from danvan.core.vn import format_number
from danvan.org.divisions import place_name
from danvan.org.models import Bloc, Unit
from danvan.practices import services
from danvan.practices.choices import FileKind, Kind, Status, Subject
from danvan.practices.models import Field, Level, Practice, PracticeFile

YEARS = range(2019, 2027)
REFORM = dt.date(2025, 7, 1)

TOPICS = {
    "kinh-te": [
        (
            "Vận động Nhân dân hiến đất, góp công làm đường giao thông nông thôn",
            "Ban Nhân dân ấp, Mặt trận và các đoàn thể vận động từng hộ hiến đất, góp ngày công mở rộng đường.",
        ),
        (
            "Tổ hợp tác trồng rau an toàn theo chuỗi liên kết",
            "Hội Nông dân hướng dẫn quy trình VietGAP, kết nối doanh nghiệp bao tiêu sản phẩm.",
        ),
        (
            "Hỗ trợ hộ nghèo phát triển chăn nuôi bò sinh sản",
            "Cho hộ nghèo mượn bò giống, hộ thoát nghèo trao lại bê cho hộ khác.",
        ),
        (
            "Vận động chuyển đổi cây trồng kém hiệu quả sang cây ăn trái",
            "Cán bộ khuyến nông cùng tổ dân vận đến từng hộ tư vấn chuyển đổi mãng cầu, sầu riêng.",
        ),
        (
            "Phụ nữ tiết kiệm, giúp nhau phát triển kinh tế gia đình",
            "Tổ tiết kiệm xoay vòng không lãi cho hội viên khó khăn vay vốn sản xuất.",
        ),
    ],
    "van-hoa-xa-hoi": [
        (
            "Tuyến đường hoa, đường cây xanh kiểu mẫu",
            "Mỗi hộ trồng và chăm sóc hoa trước nhà; ấp tổ chức bình chọn tuyến đường đẹp hằng quý.",
        ),
        (
            "Vận động xóa nhà tạm, nhà dột nát cho hộ khó khăn",
            "Quỹ “Vì người nghèo” cùng mạnh thường quân hỗ trợ vật tư, đoàn viên góp ngày công.",
        ),
        (
            "Tủ sách pháp luật và văn hóa đọc tại ấp",
            "Đoàn Thanh niên duy trì tủ sách, tổ chức đọc sách cuối tuần cho thiếu nhi.",
        ),
        (
            "Gìn giữ bản sắc văn hóa đồng bào Khmer",
            "Phối hợp chùa Khmer mở lớp dạy chữ, dạy múa truyền thống trong dịp hè.",
        ),
        (
            "Phân loại rác thải tại nguồn, xây dựng ấp sáng – xanh – sạch",
            "Chi hội Phụ nữ hướng dẫn hộ gia đình phân loại rác, bán phế liệu gây quỹ.",
        ),
    ],
    "quoc-phong-an-ninh": [
        (
            "Tổ tự quản an ninh trật tự ở ấp",
            "Tổ tự quản tuần tra ban đêm, hòa giải mâu thuẫn, phát hiện và báo tin tội phạm.",
        ),
        (
            "Camera an ninh kết nối cộng đồng",
            "Vận động hộ kinh doanh lắp camera hướng ra đường, kết nối về Công an xã.",
        ),
        (
            "Dân vận khéo trong phòng, chống tội phạm ma túy",
            "Cảm hóa, giúp đỡ người sau cai nghiện tìm việc làm, tái hòa nhập cộng đồng.",
        ),
        (
            "Quân dân chung sức bảo vệ đường biên, mốc giới",
            "Bộ đội Biên phòng cùng người dân tự quản đường biên, cột mốc.",
        ),
    ],
    "xay-dung-he-thong-chinh-tri": [
        (
            "Dân vận chính quyền trong giải quyết thủ tục hành chính",
            "Bộ phận một cửa hẹn trả kết quả tại nhà cho người cao tuổi, người khuyết tật.",
        ),
        (
            "Đối thoại trực tiếp giữa người đứng đầu cấp ủy với Nhân dân",
            "Tổ chức đối thoại định kỳ hằng quý tại ấp, trả lời kiến nghị trong 15 ngày.",
        ),
        (
            "Chi bộ ấp kiểu mẫu, đảng viên gương mẫu nơi cư trú",
            "Mỗi đảng viên nhận giúp đỡ một hộ, báo cáo kết quả tại sinh hoạt chi bộ.",
        ),
        (
            "Nâng cao chất lượng sinh hoạt chi bộ gắn với lắng nghe ý kiến Nhân dân",
            "Mời đại diện hộ dân dự sinh hoạt chuyên đề, ghi nhận và phản hồi ý kiến.",
        ),
    ],
}

# Who carries a practice out, by field: the Party, the authorities, the Front and mass organisations, the armed
# forces (weights in the order of BLOC_CODES), so the statistics by bloc look like a real province's.
BLOC_CODES = ["dang", "chinh-quyen", "mttq-doan-the", "llvt"]
BLOC_WEIGHTS = {
    "kinh-te": [10, 40, 42, 8],
    "van-hoa-xa-hoi": [10, 35, 50, 5],
    "quoc-phong-an-ninh": [5, 15, 15, 65],
    "xay-dung-he-thong-chinh-tri": [60, 20, 20, 0],
}

FAMILY = ["Nguyễn", "Trần", "Lê", "Phạm", "Huỳnh", "Võ", "Đặng", "Bùi", "Đỗ", "Hồ", "Ngô", "Dương", "Lâm"]
MIDDLE = ["Văn", "Thị", "Minh", "Thanh", "Hoàng", "Ngọc", "Hữu", "Kim"]
GIVEN = [
    "An",
    "Bình",
    "Cường",
    "Dũng",
    "Hà",
    "Hạnh",
    "Hùng",
    "Lan",
    "Mai",
    "Nam",
    "Phúc",
    "Sơn",
    "Tâm",
    "Thảo",
    "Trung",
    "Tuấn",
    "Vân",
    "Yến",
]
POSITIONS = [
    "Bí thư Chi bộ ấp",
    "Trưởng ấp",
    "Chi hội trưởng Chi hội Phụ nữ",
    "Chủ tịch Hội Nông dân xã",
    "Công an xã",
    "Người có uy tín trong cộng đồng",
]


def _person(rng: random.Random) -> str:
    return f"{rng.choice(FAMILY)} {rng.choice(MIDDLE)} {rng.choice(GIVEN)}"


def _year_units(province: Unit, year: int) -> tuple[list[Unit], list[Unit]]:
    """Communes and districts that existed on 1 January of `year` under the demo province family."""
    jan1 = dt.date(year, 1, 1)
    family = Unit.objects.valid_on(jan1).filter(code__in=["T80", "TC80"])
    communes, districts = [], []
    for root in family:
        units = Unit.objects.subtree(root).valid_on(jan1).select_related("kind")
        communes += [u for u in units if u.kind.tier == "commune"]
        districts += [u for u in units if u.kind.tier == "district"]
    return communes, districts


def _final_status(rng: random.Random, year: int) -> str:
    if year < 2026:
        roll = rng.random()
        return Status.RECOGNIZED if roll < 0.85 else Status.REJECTED if roll < 0.9 else Status.IMPLEMENTING
    return rng.choice([Status.REGISTERED, Status.IMPLEMENTING, Status.IMPLEMENTING, Status.PROPOSED, Status.RECOGNIZED])


def load(ctx) -> list[str]:
    if Practice.objects.exists():
        return [f"Mô hình “Dân vận khéo”: đã có {format_number(Practice.objects.count())} hồ sơ, không nạp thêm."]
    rng = random.Random(2019)
    bloc_rng = random.Random(2025)  # apart from `rng`, so the counts and statuses stay those documented
    blocs = {b.code: b for b in Bloc.objects.all()}
    fields = {f.code: f for f in Field.objects.all()}
    levels = {lv.code: lv for lv in Level.objects.all()}
    province = ctx.province
    practices: list[Practice] = []
    for year in YEARS:
        communes, districts = _year_units(province, year)
        decision_counter = 0
        for unit in communes + districts:
            is_district = unit in districts
            # Communes after the reform are about three old communes each.
            count = rng.randint(1, 3) if is_district else rng.randint(7, 13) if year >= 2026 else rng.randint(2, 5)
            for _ in range(count):
                field_code = rng.choice(list(TOPICS))
                title, description = rng.choice(TOPICS[field_code])
                exemplar = rng.random() < 0.15
                level = levels["huyen"] if is_district and year <= 2025 else levels["co-so"]
                if not is_district and year <= 2025 and rng.random() < 0.05:
                    level = levels["huyen"]
                status = _final_status(rng, year)
                place = place_name(unit.name)
                practice = Practice(
                    name=f"{title} tại {place}" if not exemplar else f"Điển hình “Dân vận khéo”: {title.lower()}",
                    kind=Kind.EXEMPLAR if exemplar else Kind.MODEL,
                    subject=Subject.INDIVIDUAL if exemplar and rng.random() < 0.6 else Subject.COLLECTIVE,
                    unit=unit,
                    unit_name=unit.name,
                    bloc=blocs[bloc_rng.choices(BLOC_CODES, BLOC_WEIGHTS[field_code])[0]],
                    field=fields[field_code],
                    year=year,
                    level=level,
                    status=status,
                    description=description,
                    situation=f"Năm {year}, {place} còn nhiều khó khăn; Nhân dân mong muốn được tham gia.",
                    methods=description,
                    area=f"Các ấp, khu phố trên địa bàn {place}",
                    forces="Cấp ủy, chính quyền, Mặt trận, các đoàn thể và Nhân dân",
                    outputs="Biên bản, hình ảnh, số liệu kết quả thực hiện",
                )
                if practice.subject == Subject.INDIVIDUAL:
                    practice.person_name, practice.person_position = _person(rng), rng.choice(POSITIONS)
                if status == Status.RECOGNIZED:
                    parent = unit.parent if year <= 2025 else province
                    decision_counter += 1
                    practice.recognized_level = level if rng.random() < 0.9 else levels["co-so"]
                    practice.decision_number = f"{decision_counter:02d}-QĐ/BCĐ"
                    practice.decision_date = dt.date(year, 12, rng.randint(5, 28))
                    practice.recognizing_unit = parent
                practices.append(practice)
    services.bulk_insert(practices, log=False)
    _replications(rng, practices)
    _timeline(practices, ctx)
    _publication(practices)
    registered = len(practices)
    recognized = sum(1 for p in practices if p.status == Status.RECOGNIZED)
    return [
        f"Đã nạp {format_number(registered)} mô hình, điển hình “Dân vận khéo” "
        f"({format_number(recognized)} đã công nhận), năm {YEARS[0]}–{YEARS[-1]}."
    ]


def _replications(rng: random.Random, practices: list[Practice]) -> None:
    recognized = [p for p in practices if p.status == Status.RECOGNIZED and p.year <= 2022]
    later = [p for p in practices if p.year >= 2023 and p.kind == Kind.MODEL]
    chosen = rng.sample(later, k=min(60, len(later)))
    for practice in chosen:
        source = rng.choice(recognized)
        practice.replicated_from = source
        practice.name = f"Nhân rộng: {source.name.split(' tại ')[0]} tại {place_name(practice.unit.name)}"
        practice.search_text = practice.compute_search_text()
    Practice.objects.bulk_update(chosen, ["replicated_from", "name", "search_text"])


PUBLISHED_SHARE = 0.7  # of recognized practices, whose unit agreed to show them on the public showcase
PHOTO_PRACTICES = 24


def _publication(practices: list[Practice]) -> None:
    """Most recognized practices are published; some carry a photo chosen for the showcase, and
    one photo each that is kept internal (the showcase must not show it)."""
    rng = random.Random(2030)  # apart from the others, so the documented counts stay
    recognized = [p for p in practices if p.status == Status.RECOGNIZED]
    published = [p for p in recognized if rng.random() < PUBLISHED_SHARE]
    Practice.objects.filter(pk__in=[p.pk for p in published]).update(published=True)
    sources = {p.replicated_from_id for p in practices if p.replicated_from_id}
    with_photos = [p for p in published if p.pk in sources][: PHOTO_PRACTICES // 2]
    with_photos += rng.sample(published, k=min(len(published), PHOTO_PRACTICES - len(with_photos)))
    for number, practice in enumerate(with_photos):
        for public in (True, False):
            photo = PracticeFile(
                practice=practice,
                kind=FileKind.PHOTO,
                caption=f"Hoạt động của mô hình tại {place_name(practice.unit_name)}" if public else "Ảnh nội bộ",
                original_name=f"anh-{practice.code}-{'cong-khai' if public else 'noi-bo'}.png",
                public=public,
            )
            photo.file.save(photo.original_name, ContentFile(_png(number, public)), save=False)
            photo.save()


def _png(number: int, public: bool) -> bytes:
    """A plain gradient picture standing in for a photo of the practice (Pillow comes with WeasyPrint)."""
    from PIL import Image, ImageOps

    hue = (number * 47) % 360
    color = tuple(int(128 + 100 * math.cos(math.radians(hue + shift))) for shift in (0, 120, 240))
    shade = Image.linear_gradient("L").resize((480, 320))
    image = ImageOps.colorize(shade, black=color, white="white") if public else Image.new("RGB", (480, 320), "gray")
    buffer = io.BytesIO()
    image.save(buffer, "PNG")
    return buffer.getvalue()


def _timeline(practices: list[Practice], ctx) -> None:
    """Timeline entries for the recognition of each practice (so detail pages tell the story)."""
    content_type = ContentType.objects.get_for_model(Practice)
    reviewer = ctx.users.get("tinh")
    steps = []
    for p in practices:
        if p.status in (Status.RECOGNIZED, Status.REJECTED):
            recognized = p.status == Status.RECOGNIZED
            when = dt.datetime.combine(p.decision_date or dt.date(p.year, 12, 20), dt.time(9), tzinfo=dt.UTC)
            steps.append(
                WorkflowStep(
                    timestamp=when,
                    content_type=content_type,
                    object_id=str(p.pk),
                    unit_id=p.unit_id,
                    action="recognize" if recognized else "reject",
                    action_label="Công nhận" if recognized else "Không công nhận",
                    from_state=Status.PROPOSED,
                    to_state=p.status,
                    actor=reviewer,
                    actor_name="Ban Chỉ đạo phong trào “Dân vận khéo”",
                    comment="" if recognized else "Chưa đạt tiêu chí về kết quả và khả năng nhân rộng.",
                )
            )
    WorkflowStep.objects.bulk_create(steps, batch_size=2000)
