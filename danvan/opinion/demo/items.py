"""The demo's opinion items and collaborators: built with the rules' checks, written in bulk with their
timelines and history."""

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
    Intensity,
    Platform,
    Source,
    State,
)
from danvan.opinion.demo.common import (
    FIRMS,
    LABEL_SQL,
    MERGER,
    RATE_BEFORE,
    RATE_BETWEEN,
    RATE_LAST_YEAR,
    REFORM,
    ROADS,
    SEED,
    START,
    WATERS,
    Area,
    D,
    _area,
    _tags,
    body,
)
from danvan.opinion.demo.matters import (
    AFTER,
    COMMUNE_POSITIONS,
    DISTRICT_POSITIONS,
    EXPLAINED,
    FAMILY,
    FB_GROUPS,
    FB_PAGES,
    FEMALE_GIVEN,
    FEMALE_MIDDLE,
    KEEP_CAPITAL,
    MALE_GIVEN,
    MALE_MIDDLE,
    MATTERS,
    NEWS_SITES,
    OPENERS,
    PLATFORM_WEIGHTS,
    PLATFORMS,
    PRESS,
    PROVINCE_POSITIONS_AFTER,
    PROVINCE_POSITIONS_BEFORE,
    REACH,
    RESOLVED,
    SOURCE_WEIGHTS,
    SOURCES,
    TIKTOK,
    WATCHED,
    YOUTUBE,
    A,
    Matter,
    N,
    U,
    _cases,
)
from danvan.opinion.models import (
    Collaborator,
    OpinionItem,
    Topic,
)
from danvan.opinion.services import WORKFLOW
from danvan.org.models import Unit

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
