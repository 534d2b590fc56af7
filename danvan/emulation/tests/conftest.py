"""A small score sheet over the cast: the province's commission scores districts D1 and D2 in 2021.

Tree (maximum 100, bonus up to +10, penalty up to −10):
  I    Công tác tham mưu, hướng dẫn           30 = I.1 (10) + I.2 (20)
  II   Phong trào thi đua “Dân vận khéo”       70 = II.1 (30) + II.2 (40 = II.2.a 20 + II.2.b 20)
  III  Điểm thưởng                             +10 = III.1 (10)
  IV   Điểm trừ                                −10 = IV.1 (10)
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

import pytest

from danvan.emulation import services
from danvan.emulation.choices import Kind
from danvan.emulation.models import CriteriaSet, Criterion, Scorecard

D = Decimal


def add(user, criteria_set, content, max_score=None, parent=None, kind=Kind.CRITERION, **extra) -> Criterion:
    return services.add_criterion(
        user,
        criteria_set,
        parent=parent,
        kind=kind,
        content=content,
        max_score=None if max_score is None else D(str(max_score)),
        **extra,
    )


def build_tree(user, criteria_set) -> dict[str, Criterion]:
    c = {}
    c["I"] = add(user, criteria_set, "Công tác tham mưu, hướng dẫn", None)
    c["I.1"] = add(
        user,
        criteria_set,
        "Tham mưu cấp ủy ban hành văn bản lãnh đạo công tác dân vận",
        10,
        c["I"],
        guidance="Đủ văn bản: 10 điểm; thiếu mỗi văn bản trừ 2 điểm.",
        evidence="Văn bản đã ban hành",
    )
    c["I.2"] = add(user, criteria_set, "Hướng dẫn, kiểm tra, giám sát cơ sở", 20, c["I"])
    c["II"] = add(user, criteria_set, "Thực hiện phong trào thi đua “Dân vận khéo”", None)
    c["II.1"] = add(user, criteria_set, "Xây dựng mô hình, điển hình “Dân vận khéo”", 30, c["II"])
    c["II.2"] = add(user, criteria_set, "Sơ kết, tổng kết, nhân rộng", None, c["II"])
    c["II.2.a"] = add(user, criteria_set, "Tổ chức sơ kết phong trào", 20, c["II.2"])
    c["II.2.b"] = add(user, criteria_set, "Biểu dương, khen thưởng kịp thời", 20, c["II.2"])
    c["III"] = add(user, criteria_set, "Điểm thưởng", None, kind=Kind.BONUS)
    c["III.1"] = add(user, criteria_set, "Được tặng Cờ thi đua của UBND tỉnh", 10, c["III"])
    c["IV"] = add(user, criteria_set, "Điểm trừ", None, kind=Kind.PENALTY)
    c["IV.1"] = add(user, criteria_set, "Để xảy ra điểm nóng, khiếu kiện đông người", 10, c["IV"])
    return {key: Criterion.objects.get(pk=value.pk) for key, value in c.items()}


LEAVES = ["I.1", "I.2", "II.1", "II.2.a", "II.2.b", "III.1", "IV.1"]


@dataclass
class Sheet:
    cast: object
    criteria_set: CriteriaSet
    criteria: dict[str, Criterion]
    d1: Scorecard
    d2: Scorecard

    def card(self, name: str) -> Scorecard:
        return Scorecard.objects.select_related("unit", "unit__parent", "criteria_set__unit").get(
            pk=getattr(self, name).pk
        )

    def fill(self, card_name: str, user, **scores) -> Scorecard:
        """Self-scores by position with "_" for "." (I_1=8); criteria not given get their maximum."""
        card = self.card(card_name)
        for position in LEAVES:
            key = position.replace(".", "_")
            criterion = self.criteria[position]
            if key in scores:
                value = scores[key]
            elif criterion.kind == Kind.CRITERION:
                value = criterion.max_score
            else:
                continue
            services.save_self_score(user, card, criterion.pk, None if value is None else D(str(value)), "Có")
        return card

    def submit(self, card_name: str, user, **scores) -> Scorecard:
        self.fill(card_name, user, **scores)
        return services.transition(user, self.card(card_name), "submit")

    def finalize(self, card_name: str, officer, commission, appraised: dict | None = None, **scores) -> Scorecard:
        self.submit(card_name, officer, **scores)
        services.transition(commission, self.card(card_name), "appraise")
        for position, value in (appraised or {}).items():
            services.save_appraisal(commission, self.card(card_name), self.criteria[position].pk, D(str(value)))
        return services.transition(commission, self.card(card_name), "finalize")


def make_sheet(cast, year: int = 2021) -> Sheet:
    criteria_set = services.create_set(
        cast.admin,
        name=f"Bản điểm thi đua Ban Dân vận Huyện ủy, Thị ủy, Thành ủy năm {year}",
        year=year,
        unit=cast.province,
    )
    criteria = build_tree(cast.admin, criteria_set)
    services.fill_members(cast.admin, criteria_set, ["huyen-uy"])
    cards = {c.unit_id: c for c in Scorecard.objects.filter(criteria_set=criteria_set)}
    return Sheet(cast, criteria_set, criteria, cards[cast.d1.pk], cards[cast.d2.pk])


@pytest.fixture
def sheet(cast) -> Sheet:
    return make_sheet(cast)
