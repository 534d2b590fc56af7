"""The demo province's grassroots democracy: every commune and ward of Tây Ninh and of Long An (merged into it on
1/7/2025) for each year from 2021, the old communes until 30/6/2025 and the new ones from 1/7/2025, and a few
agencies and enterprises with their workplace dialogues.

Each record's checklist is the one of the law valid that year (both laws in 2023, each item dated while its law
was in force), mostly made public by two or three methods; the matters the people decided (roads, lights,
canals, the village head...) by meeting or household ballot with their counts, a few short of half and some of
this year's still being counted; both boards with their members and recommendations; every village's hương ước
or quy ước, some revised; the steering committee's review of each finished year. Made up, but checked by the
rules like a clerk's entry. Bulk inserts, logged in bulk; idempotent: a second run adds nothing."""

from __future__ import annotations

import datetime as dt
import random

from django.db import transaction
from django.utils import timezone

from danvan.core import bulk, changelog, scoping
from danvan.core.vn import format_number
from danvan.democracy import rules
from danvan.democracy.choices import BoardKind, CharterKind, CharterState, DialogueKind, MatterMethod, PlaceKind
from danvan.democracy.models import (
    Board,
    Charter,
    DemocracyYear,
    Disclosure,
    DisclosureItem,
    DisclosureMethod,
    Matter,
    WorkplaceDialogue,
)
from danvan.democracy.seed import seed_config
from danvan.org.models import Unit, UnitKind

FIRST_YEAR = 2021
# code, name, short name, place kind
WORKPLACES = [
    ("T80-SNV", "Sở Nội vụ tỉnh Tây Ninh", "Sở Nội vụ", PlaceKind.AGENCY),
    ("T80-BVDK", "Bệnh viện Đa khoa tỉnh Tây Ninh", "Bệnh viện Đa khoa tỉnh", PlaceKind.AGENCY),
    ("T80-CS15", "Công ty TNHH MTV Cao su 1-5 Tây Ninh", "Cao su 1-5", PlaceKind.ENTERPRISE),
    ("T80-MDTN", "Công ty Cổ phần Mía đường Tây Ninh", "Mía đường Tây Ninh", PlaceKind.ENTERPRISE),
]
MATTERS = [
    ("Làm đường giao thông nông thôn tuyến {v} theo phương châm Nhà nước và Nhân dân cùng làm", MatterMethod.MEETING),
    ("Mức đóng góp xây dựng, sửa chữa nhà văn hóa {v}", MatterMethod.BALLOT),
    ("Lắp đặt đèn chiếu sáng công cộng các tuyến đường {v}", MatterMethod.MEETING),
    ("Nạo vét kênh mương nội đồng phục vụ sản xuất vụ Đông Xuân tại {v}", MatterMethod.MEETING),
    ("Bầu Trưởng {v} nhiệm kỳ mới", MatterMethod.BALLOT),
    ("Mức thu quỹ phòng, chống thiên tai và quỹ an ninh trật tự tại {v}", MatterMethod.BALLOT),
    ("Xây dựng hàng rào xanh, tuyến đường hoa kiểu mẫu {v}", MatterMethod.MEETING),
    ("Thành lập tổ tự quản bảo vệ môi trường, thu gom rác thải {v}", MatterMethod.ONLINE),
]
REVIEW_RESULTS = [
    "Triển khai đầy đủ các nội dung công khai; Ban Thanh tra nhân dân, Ban Giám sát đầu tư của cộng đồng hoạt động "
    "nền nếp. Hạn chế: việc công khai trên hệ thống truyền thanh có lúc chưa kịp thời.",
    "Thực hiện tốt việc để Nhân dân bàn và quyết định trực tiếp các công trình dân sinh; hương ước, quy ước được rà "
    "soát, sửa đổi phù hợp. Cần nâng chất lượng tiếp thu, giải trình ý kiến của Nhân dân.",
    "Công khai minh bạch, đúng quy định; đối thoại định kỳ được duy trì. Một số nội dung giám sát của Ban Thanh tra "
    "nhân dân còn chậm được trả lời.",
]
DIALOGUE_TOPICS = [
    "Chế độ tiền lương, phụ cấp và điều kiện làm việc",
    "Quy chế chi tiêu nội bộ, khen thưởng cuối năm",
    "An toàn, vệ sinh lao động và trang bị bảo hộ",
    "Kế hoạch sản xuất, bố trí ca làm việc và nghỉ phép",
]


def load(ctx) -> list[str]:
    seed_config(DisclosureItem, DisclosureMethod)
    if DemocracyYear.objects.exists():
        count = format_number(DemocracyYear.objects.count())
        return [f"Dân chủ ở cơ sở: đã có {count} hồ sơ, không nạp thêm."]
    today = timezone.localdate()
    places = [(unit, PlaceKind.COMMUNE) for unit in _communes(ctx.province)] + _workplaces(ctx.province)
    items = list(DisclosureItem.objects.all())
    methods = list(DisclosureMethod.objects.order_by("order"))
    built = Built()
    for year in range(FIRST_YEAR, today.year + 1):
        start, end = dt.date(year, 1, 1), min(dt.date(year, 12, 31), today)
        for unit, kind in places:
            if unit.overlaps(start, end):
                _year(built, unit, kind, year, today, items, [m.name for m in methods])
    with transaction.atomic():
        bulk.insert(built.records)
        for group in (built.disclosures, built.matters, built.boards, built.charters, built.dialogues):
            for part in group:
                part.record = part.record  # the record's id, now it has one
            bulk.insert(group)
        through = Disclosure.methods.through
        links = [
            through(disclosure_id=line.pk, disclosuremethod_id=methods[i].pk)
            for line in built.disclosures
            for i in line.chosen
        ]
        through.objects.bulk_create(links, batch_size=5000)
        changelog.bulk_log(
            (obj, "create", None, changelog.snapshot(obj))
            for obj in [*built.records, *built.disclosures, *built.matters, *built.boards, *built.charters,
                        *built.dialogues]
        )  # fmt: skip
    communes = len({r.unit_id for r in built.records if r.place_kind == PlaceKind.COMMUNE})
    return [
        f"Dân chủ ở cơ sở: {format_number(len(built.records))} hồ sơ năm của {format_number(communes)} xã, phường và "
        f"{len(WORKPLACES)} cơ quan, doanh nghiệp từ năm {FIRST_YEAR}; {format_number(len(built.matters))} nội dung "
        f"nhân dân bàn và quyết định, {format_number(len(built.charters))} hương ước, quy ước, "
        f"{format_number(len(built.dialogues))} cuộc đối thoại tại nơi làm việc."
    ]


class Built:
    def __init__(self) -> None:
        self.records: list[DemocracyYear] = []
        self.disclosures: list[Disclosure] = []
        self.matters: list[Matter] = []
        self.boards: list[Board] = []
        self.charters: list[Charter] = []
        self.dialogues: list[WorkplaceDialogue] = []


def _communes(province: Unit) -> list[Unit]:
    paths = scoping.minimal_paths(scoping.with_history({province.pk: province.path}).values())
    communes = Unit.objects.none()
    for path in paths:
        communes |= Unit.objects.filter(scoping.subtree_q("path", path), kind__tier="commune")
    return list(communes.select_related("kind").order_by("path"))


def _workplaces(province: Unit) -> list[tuple[Unit, str]]:
    kind = UnitKind.objects.get(code="co-quan")
    found = []
    for code, name, short, place_kind in WORKPLACES:
        unit, _ = Unit.objects.get_or_create(
            code=code,
            defaults={"name": name, "short_name": short, "kind": kind, "bloc": kind.default_bloc, "parent": province},
        )
        found.append((unit, place_kind))
    return found


def _day(rng: random.Random, first: dt.date, last: dt.date) -> dt.date:
    return first + dt.timedelta(days=rng.randint(0, max(0, (last - first).days)))


def _check(errors, what) -> None:
    if errors:
        raise ValueError(f"{what}: {errors}")


def _year(built: Built, unit: Unit, kind: str, year: int, today: dt.date, items, method_names) -> None:
    rng = random.Random(f"{unit.code}-{year}")
    first = max(dt.date(year, 1, 1), unit.valid_from or dt.date(year, 1, 1))
    last = min(dt.date(year, 12, 31), unit.valid_until or dt.date(year, 12, 31), today)
    record = DemocracyYear(unit=unit, year=year, place_kind=kind)
    finished = year < today.year or (today.month == 12 and rng.random() < 0.35)
    if finished and (unit.valid_until is None or unit.valid_until >= dt.date(year, 12, 31)):
        review = (
            dt.date(year, 12, rng.randint(12, 28))
            if year < today.year
            else _day(rng, today - dt.timedelta(days=5), today)
        )
        if unit.valid_from and unit.valid_from.year == year and year < today.year:
            review = dt.date(year + 1, 1, rng.randint(5, 20))  # a commune's first half year, reviewed in January
        record.review_on = min(review, today)
        record.review_number = f"{rng.randint(2, 40):02d}-BC/BCĐ"
        record.review_result = rng.choice(REVIEW_RESULTS)
    _check(rules.record_errors(record, today), unit.name)
    built.records.append(record)
    share = 0.8 + 0.04 * (year - FIRST_YEAR)
    for item in items:
        if item.place_kind != kind or not item.overlaps(dt.date(year, 1, 1), dt.date(year, 12, 31)):
            continue
        start, end = max(first, item.valid_from or first), min(last, item.valid_until or last)
        line = Disclosure(record=record, item=item)
        line.chosen = []
        if start <= end and rng.random() < share:
            line.done = True
            line.disclosed_on = _day(rng, start, end)
            line.chosen = sorted(rng.sample(range(min(5, len(method_names))), rng.randint(1, 3)))
            line.methods_label = "; ".join(method_names[i] for i in line.chosen)
        built.disclosures.append(line)
    members = rng.randint(5, 11)
    made = rng.randint(2, 12)
    kinds = [BoardKind.INSPECTION, BoardKind.INVESTMENT] if kind == PlaceKind.COMMUNE else [BoardKind.INSPECTION]
    for board_kind in kinds:
        board = Board(record=record, kind=board_kind, members=members if board_kind == BoardKind.INSPECTION else
                      rng.randint(5, 9), meetings=rng.randint(3, 12), recommendations=made,
                      resolved=rng.randint(max(0, made - 3), made))  # fmt: skip
        _check(rules.board_errors(board, record), unit.name)
        built.boards.append(board)
        made = rng.randint(0, 6)
    if kind == PlaceKind.COMMUNE:
        _commune_parts(built, rng, record, unit, year, first, last, today)
    else:
        _dialogues(built, rng, record, first, last, today)


def _commune_parts(built, rng, record, unit, year, first, last, today) -> None:
    ward = "phường" in unit.name.lower()
    village = "Khu phố" if ward else "Ấp"
    villages = [f"{village} {n}" for n in range(1, rng.randint(5, 10) + 1)]
    for _ in range(rng.randint(2, 5)):
        text, method = rng.choice(MATTERS)
        households = rng.randint(120, 900)
        held_on = _day(rng, first, last)
        place = rng.choice(villages)
        matter = Matter(record=record, content=text.format(v=place.lower()), place=place, method=method,
                        held_on=held_on, households=households)  # fmt: skip
        if (today - held_on).days > 20 or rng.random() < 0.3:
            agreed = rng.uniform(0.42, 0.97) if rng.random() < 0.08 else rng.uniform(0.58, 0.97)
            matter.agreeing = int(households * agreed)
        _check(rules.matter_errors(matter, record, today), unit.name)
        built.matters.append(matter)
    for name in villages:
        charter = Charter(record=record, kind=CharterKind.CUSTOM if rng.random() < 0.7 else CharterKind.COVENANT,
                          village=name, state=CharterState.APPROVED)  # fmt: skip
        roll = rng.random()
        if roll < 0.08:
            charter.state = CharterState.DRAFTED
        else:
            revised = roll > 0.85 and year >= 2023
            charter.state = CharterState.REVISED if revised else CharterState.APPROVED
            earlier = dt.date(rng.randint(2016, year - 1), rng.randint(1, 12), rng.randint(1, 28))
            charter.decided_on = _day(rng, first, last) if revised else earlier
            charter.decision_number = f"{rng.randint(10, 980)}/QĐ-UBND"
        _check(rules.charter_errors(charter, record, today), unit.name)
        built.charters.append(charter)


def _dialogues(built, rng, record, first, last, today) -> None:
    for n in range(rng.randint(2, 4)):
        issues = rng.randint(3, 15)
        dialogue = WorkplaceDialogue(
            record=record,
            held_on=_day(rng, first, last),
            kind=DialogueKind.PERIODIC if n < 2 else DialogueKind.AD_HOC,
            participants=rng.randint(40, 350),
            issues=issues,
            resolved=rng.randint(issues // 2, issues),
            content=rng.choice(DIALOGUE_TOPICS),
        )
        _check(rules.dialogue_errors(dialogue, record, today), record.unit.name)
        built.dialogues.append(dialogue)
