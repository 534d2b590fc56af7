"""Demo score sheets: the districts in 2021 (before the reform) and the communes in 2026 (after it).

2021: the Ban Dân vận Tỉnh ủy scores the nine district-level Party committees; most results are final
(two units tie), one is being appraised, one submitted, and Bến Cầu's was returned (the `huyen` user
can correct and resubmit it). 2026: the Ban Tuyên giáo và Dân vận copies the sheet, adapts it to the
two-tier local government and scores the communes and wards and the Party committees directly under
the province, in every state; Long Thuận's (the `xa` user's) is a draft half filled in.

Idempotent: a set that already exists is left as it is.
"""

from __future__ import annotations

import datetime as dt
import random
from decimal import ROUND_HALF_UP, Decimal

from django.contrib.auth import get_user_model
from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.utils import timezone

from danvan.core import changelog
from danvan.core.models import ChangeLogEntry, WorkflowStep
from danvan.emulation import services
from danvan.emulation.choices import Kind, Status
from danvan.emulation.models import CriteriaSet, Criterion, Score, Scorecard
from danvan.org.choices import Role
from danvan.org.models import RoleAssignment, Unit

D = Decimal
NAME_2021 = "Bản điểm thi đua Ban Dân vận Huyện ủy, Thị ủy, Thành ủy năm 2021"
NAME_2026 = "Bản điểm thi đua công tác dân vận năm 2026 của Đảng ủy xã, phường và Đảng ủy trực thuộc Tỉnh ủy"
CLERK = "nhaplieu"

# (content, maximum or children, guidance, evidence); a part is (content, [children], kind).
C = Kind.CRITERION
CRITERIA_2021 = [
    ("Công tác tham mưu, hướng dẫn", C, [
        ("Tham mưu Ban Thường vụ Huyện ủy ban hành nghị quyết, chương trình, kế hoạch lãnh đạo công tác dân vận năm 2021", 4,
         "Ban hành đầy đủ, kịp thời: 4 điểm; chậm so với hướng dẫn của tỉnh: 2 điểm; không ban hành: 0 điểm.",
         "Nghị quyết, chương trình, kế hoạch đã ban hành"),
        ("Tham mưu sơ kết, tổng kết các chỉ thị, nghị quyết, kết luận về công tác dân vận đúng thời gian quy định", 3,
         "Mỗi văn bản sơ kết, tổng kết chậm hoặc không thực hiện trừ 1 điểm.", "Báo cáo sơ kết, tổng kết"),
        ("Xây dựng và triển khai kế hoạch công tác dân vận năm của Ban Dân vận Huyện ủy", 3,
         "Có kế hoạch và tổ chức thực hiện đạt trên 90% nội dung: 3 điểm.", "Kế hoạch công tác năm"),
        ("Hướng dẫn Đảng ủy xã, thị trấn thực hiện công tác dân vận và Quy chế dân chủ ở cơ sở", 3,
         "Có văn bản hướng dẫn và kiểm tra việc thực hiện ở cơ sở.", "Văn bản hướng dẫn"),
        ("Tham mưu thực hiện Quy chế công tác dân vận của hệ thống chính trị", 3, "", "Báo cáo kết quả thực hiện"),
        ("Chế độ thông tin, báo cáo", [
            ("Báo cáo tháng, quý, 6 tháng, năm gửi đúng hạn, đủ nội dung", 2,
             "Mỗi báo cáo chậm trừ 0,5 điểm.", "Sổ theo dõi văn bản đến của Ban Dân vận Tỉnh ủy"),
            ("Báo cáo chuyên đề, đột xuất theo yêu cầu của Ban Dân vận Tỉnh ủy", 2, "", "Các báo cáo chuyên đề"),
        ]),
    ]),
    ("Thực hiện phong trào thi đua “Dân vận khéo”", C, [
        ("Ban hành kế hoạch triển khai phong trào thi đua “Dân vận khéo” năm 2021", 3, "", "Kế hoạch của Ban Chỉ đạo huyện"),
        ("Đăng ký mô hình, điển hình “Dân vận khéo”", [
            ("Mỗi xã, thị trấn có ít nhất một mô hình “Dân vận khéo” đăng ký", 3,
             "Mỗi xã, thị trấn không có mô hình đăng ký trừ 1 điểm.", "Danh sách đăng ký mô hình"),
            ("Các cơ quan, đơn vị cấp huyện đăng ký mô hình, điển hình", 2, "", "Danh sách đăng ký mô hình"),
        ]),
        ("Tỷ lệ mô hình được công nhận đạt từ 80% số đăng ký trở lên", 5,
         "Từ 80% trở lên: 5 điểm; từ 70% đến dưới 80%: 3 điểm; dưới 70%: 1 điểm.", "Quyết định công nhận mô hình"),
        ("Khảo sát, kiểm tra, bình xét, công nhận mô hình theo đúng quy trình", 4, "", "Biên bản khảo sát, bình xét"),
        ("Biểu dương, khen thưởng, nhân rộng điển hình; tuyên truyền trên phương tiện thông tin đại chúng", 4,
         "", "Quyết định khen thưởng, tin bài đã đăng"),
        ("Tham gia hội thi, cuộc thi báo chí về “Dân vận khéo” do tỉnh tổ chức", 4,
         "Tham gia đầy đủ: 4 điểm; có giải: cộng vào điểm thưởng.", "Danh sách dự thi"),
    ]),
    ("Công tác nắm tình hình Nhân dân", C, [
        ("Nắm tình hình tư tưởng, tâm trạng, dư luận xã hội; báo cáo định kỳ hằng tháng", 4,
         "Mỗi tháng không báo cáo trừ 0,5 điểm.", "Báo cáo tình hình Nhân dân hằng tháng"),
        ("Kịp thời tham mưu giải quyết các vấn đề bức xúc, nổi cộm ở cơ sở", 4, "", "Văn bản tham mưu"),
        ("Theo dõi các vụ khiếu nại, tố cáo kéo dài; phối hợp vận động Nhân dân", 3, "", "Báo cáo theo dõi"),
        ("Nắm tình hình chuyên đề", [
            ("Tình hình tôn giáo, dân tộc", 2, "", "Báo cáo chuyên đề"),
            ("Tình hình dư luận trên không gian mạng", 2, "", "Báo cáo chuyên đề"),
        ]),
    ]),
    ("Thực hiện dân chủ ở cơ sở, tiếp xúc, đối thoại", C, [
        ("Kiện toàn Ban Chỉ đạo thực hiện Quy chế dân chủ ở cơ sở; ban hành kế hoạch năm", 3, "", "Quyết định kiện toàn, kế hoạch"),
        ("Người đứng đầu cấp ủy, chính quyền tiếp dân, đối thoại trực tiếp với Nhân dân", [
            ("Tiếp dân định kỳ theo quy định", 2, "", "Sổ tiếp dân"),
            ("Tổ chức đối thoại trực tiếp với Nhân dân", 2, "Ít nhất một cuộc đối thoại mỗi năm.", "Thông báo kết luận đối thoại"),
        ]),
        ("Kiểm tra, giám sát việc thực hiện dân chủ ở cơ sở", 4, "", "Kế hoạch, báo cáo kiểm tra"),
        ("Giải quyết kiến nghị của Nhân dân sau đối thoại đạt trên 90%", 4,
         "Trên 90%: 4 điểm; từ 70% đến 90%: 2 điểm; dưới 70%: 0 điểm.", "Báo cáo kết quả giải quyết"),
    ]),
    ("Công tác phối hợp và xây dựng hệ thống chính trị", C, [
        ("Thực hiện chương trình phối hợp với UBND huyện về công tác dân vận chính quyền", 4, "", "Báo cáo đánh giá chương trình phối hợp"),
        ("Phối hợp với lực lượng vũ trang thực hiện công tác dân vận", 3, "", "Báo cáo phối hợp"),
        ("Hướng dẫn, kiểm tra, giám sát hoạt động của Mặt trận Tổ quốc và các đoàn thể", 4, "", "Kế hoạch, báo cáo giám sát"),
        ("Kiện toàn Khối dân vận, tổ dân vận; duy trì sinh hoạt định kỳ", 4, "", "Quyết định kiện toàn, sổ sinh hoạt"),
    ]),
    ("Xây dựng cơ quan", C, [
        ("Chi bộ đạt hoàn thành tốt nhiệm vụ trở lên; không có cán bộ vi phạm kỷ luật", 4, "", "Kết quả đánh giá, xếp loại"),
        ("Thực hiện quy chế làm việc, chế độ hội họp, học tập nghị quyết", 3, "", "Quy chế, sổ họp"),
        ("Bồi dưỡng nghiệp vụ công tác dân vận cho cán bộ cơ sở", 3, "", "Kế hoạch, danh sách học viên"),
    ]),
    ("Điểm thưởng", Kind.BONUS, [
        ("Được tặng Cờ thi đua của UBND tỉnh", 10, "", "Quyết định khen thưởng"),
        ("Được tặng Bằng khen của Ban Dân vận Trung ương hoặc của Chủ tịch UBND tỉnh", 5, "", "Quyết định khen thưởng"),
        ("Có mô hình “Dân vận khéo” được công nhận cấp tỉnh", 3, "", "Quyết định công nhận"),
        ("Có sáng kiến, cách làm hay được Ban Dân vận Tỉnh ủy đánh giá cao, nhân rộng", 2, "", "Văn bản đánh giá"),
    ]),
    ("Điểm trừ", Kind.PENALTY, [
        ("Để xảy ra điểm nóng, khiếu kiện đông người", 10, "Mỗi vụ trừ 5 điểm, tối đa 10 điểm.", ""),
        ("Chậm nộp báo cáo định kỳ", 5, "Mỗi lần chậm trừ 1 điểm.", ""),
        ("Không tham gia đầy đủ các hoạt động do Ban Dân vận Tỉnh ủy tổ chức", 3, "Mỗi lần vắng trừ 1 điểm.", ""),
    ]),
]  # fmt: skip

# 2026: the same sheet, adapted to the communes (texts) with one criterion traded for another.
REPLACEMENTS_2026 = [
    ("Ban Thường vụ Huyện ủy", "Ban Thường vụ Đảng ủy"),
    ("Ban Dân vận Huyện ủy", "Ban Xây dựng Đảng Đảng ủy"),
    ("Ban Dân vận Tỉnh ủy", "Ban Tuyên giáo và Dân vận Tỉnh ủy"),
    ("Ban Dân vận Trung ương", "Ban Tuyên giáo và Dân vận Trung ương"),
    ("Đảng ủy xã, thị trấn", "chi bộ ấp, khu phố"),
    ("Mỗi xã, thị trấn", "Mỗi chi bộ ấp, khu phố"),
    ("UBND huyện", "UBND xã, phường"),
    ("cấp huyện", "cấp xã"),
    ("Ban Chỉ đạo huyện", "Ban Chỉ đạo xã, phường"),
    ("năm 2021", "năm 2026"),
]
NEW_2026 = (
    "Nắm tình hình Nhân dân trong thực hiện mô hình chính quyền địa phương hai cấp sau sắp xếp đơn vị hành chính",
    D("3"),
    "Có báo cáo chuyên đề hằng quý: 3 điểm.",
    "Báo cáo chuyên đề",
)

EVIDENCE = [
    "Kế hoạch số {n}-KH/{s} ngày {d}/{m}",
    "Báo cáo số {n}-BC/{s} ngày {d}/{m}",
    "Đã gửi kèm văn bản số {n}-CV/{s}",
    "Biên bản, danh sách kèm theo",
    "Tin bài trên Báo Tây Ninh, Cổng thông tin điện tử huyện",
]
APPRAISAL_NOTES = [
    "Chưa có văn bản chứng minh, chỉ chấm phần đã thực hiện.",
    "Báo cáo nộp chậm so với quy định.",
    "Tỷ lệ thực tế thấp hơn số đơn vị tự đánh giá.",
    "Minh chứng chưa đầy đủ.",
]


def load(ctx) -> list[str]:
    user = ctx.users["tinh"]
    clerk = _clerk(ctx)
    report = []
    with transaction.atomic():
        old = CriteriaSet.objects.filter(unit=ctx.commission_old, year=2021, name=NAME_2021).first()
        if old is None:
            old = _set_2021(ctx, user, clerk)
            report.append(f"Đã lập {_describe(old)}.")
        new = CriteriaSet.objects.filter(unit=ctx.commission, year=2026, name=NAME_2026).first()
        if new is None:
            new = _set_2026(ctx, user, clerk, old)
            report.append(f"Đã lập {_describe(new)}.")
    return report or ["Bản điểm thi đua minh họa đã có sẵn."]


def _describe(criteria_set: CriteriaSet) -> str:
    cards = Scorecard.objects.filter(criteria_set=criteria_set)
    counts = ", ".join(f"{cards.filter(status=value).count()} {label.lower()}" for value, label in Status.choices)
    criteria = Criterion.objects.filter(criteria_set=criteria_set).count()
    return f"“{criteria_set.name}” ({criteria} mục tiêu chí; {cards.count()} đơn vị: {counts})"


def _clerk(ctx):
    """The commission's clerk who types in the paper scorecards units send (submits on their behalf)."""
    clerk, created = get_user_model().objects.get_or_create(
        username=CLERK, defaults={"first_name": "Hạnh", "last_name": "Phạm Thị"}
    )
    if created:
        clerk.set_password("danvan-demo")
        clerk.save()
    RoleAssignment.objects.update_or_create(
        user=clerk, unit=ctx.province, role=Role.EDITOR, defaults={"position": "Văn thư, nhập liệu bảng điểm thi đua"}
    )
    return clerk


def _add_tree(user, criteria_set, items, parent=None, kind=C) -> None:
    for item in items:
        if len(item) == 3 and isinstance(item[2], list):  # a part: (content, kind, children)
            content, part_kind, children = item
            node = services.add_criterion(user, criteria_set, parent=parent, kind=part_kind, content=content)
            _add_tree(user, criteria_set, children, node, part_kind)
        elif isinstance(item[1], list):  # a section: (content, children)
            node = services.add_criterion(user, criteria_set, parent=parent, kind=kind, content=item[0])
            _add_tree(user, criteria_set, item[1], node, kind)
        else:
            content, maximum, guidance, evidence = item
            services.add_criterion(
                user, criteria_set, parent=parent, kind=kind, content=content, max_score=D(maximum),
                guidance=guidance, evidence=evidence,
            )  # fmt: skip


def _set_2021(ctx, user, clerk) -> CriteriaSet:
    criteria_set = services.create_set(
        user,
        name=NAME_2021,
        year=2021,
        unit=ctx.commission_old,
        description="Căn cứ Hướng dẫn của Ban Dân vận Tỉnh ủy về chấm điểm thi đua công tác dân vận năm 2021.",
    )
    _add_tree(user, criteria_set, CRITERIA_2021)
    services.fill_members(user, criteria_set, ["huyen-uy"], ctx.province)
    cards = sorted(_cards(criteria_set), key=lambda c: c.unit.code)
    # Two final results tie (0.83, the same scores): they share a rank.
    others = iter([(Status.APPRAISING, 0.9), (Status.SUBMITTED, 0.8)] + [(Status.FINAL, q) for q in
                  (0.97, 0.83, 0.83, 0.9, 0.74, 0.55, 0.66)])  # fmt: skip
    plan = []
    for index, card in enumerate(cards):
        state, quality = (Status.RETURNED, 0.86) if card.unit_id == ctx.district.pk else next(others)
        plan.append((card, state, quality, index))
    _fill(criteria_set, plan, user, clerk, ctx, tie=True)
    _backdate(criteria_set, dt.datetime(2021, 12, 10, 8, 30, tzinfo=timezone.get_current_timezone()))
    return criteria_set


def _set_2026(ctx, user, clerk, source: CriteriaSet) -> CriteriaSet:
    criteria_set = services.copy_set(user, source, year=2026, name=NAME_2026, unit=ctx.commission)
    criteria_set.description = (
        "Sao chép từ bản điểm năm 2021, điều chỉnh theo mô hình chính quyền địa phương hai cấp (từ 1/7/2025)."
    )
    criteria_set.save()
    for criterion in Criterion.objects.filter(criteria_set=criteria_set):
        text = criterion.content
        for old, new in REPLACEMENTS_2026:
            text = text.replace(old, new)
        if text != criterion.content:
            services.update_criterion(
                user, criterion, content=text, max_score=criterion.max_score,
                guidance=criterion.guidance.replace("Ban Dân vận Tỉnh ủy", "Ban Tuyên giáo và Dân vận Tỉnh ủy"),
                evidence=criterion.evidence,
            )  # fmt: skip
    dropped = Criterion.objects.get(criteria_set=criteria_set, content__startswith="Bồi dưỡng nghiệp vụ")
    services.delete_criterion(user, dropped)
    section = Criterion.objects.get(criteria_set=criteria_set, content="Công tác nắm tình hình Nhân dân")
    content, maximum, guidance, evidence = NEW_2026
    services.add_criterion(
        user, criteria_set, parent=section, content=content, max_score=maximum, guidance=guidance, evidence=evidence
    )
    services.fill_members(user, criteria_set, ["dang-uy-xa", "dang-uy-truc-thuoc"], ctx.province)
    directly_under = Unit.objects.filter(parent=ctx.province, kind__code="llvt", name__startswith="Đảng ủy")
    services.add_members(user, criteria_set, directly_under.valid_during(*services.year_bounds(2026)))
    cards = sorted(_cards(criteria_set), key=lambda c: c.unit.code)
    rng = random.Random(2026)
    states = [Status.FINAL] * 40 + [Status.APPRAISING] * 10 + [Status.SUBMITTED] * 15 + [Status.RETURNED] * 5
    states += [Status.DRAFT] * (len(cards) - len(states))
    rng.shuffle(states)
    plan = []
    for index, (card, state) in enumerate(zip(cards, states, strict=False)):
        quality = round(rng.uniform(0.55, 0.99), 2)
        if card.unit_id == ctx.commune.pk:
            state = Status.DRAFT  # the `xa` user's: half filled in, to finish and submit
        elif state == Status.DRAFT and index % 2:
            quality = None  # not started yet
        plan.append((card, state, quality, index))
    _fill(criteria_set, plan, user, clerk, ctx, partial={ctx.commune.pk})
    return criteria_set


def _cards(criteria_set) -> list[Scorecard]:
    return list(
        Scorecard.objects.filter(criteria_set=criteria_set).select_related(
            "unit", "unit__parent", "criteria_set", "criteria_set__unit"
        )
    )


def _half(value: Decimal) -> Decimal:
    """Scores are given in half points."""
    return (value * 2).quantize(D("1"), rounding=ROUND_HALF_UP) / 2


def _scores_for(card, leaves, quality: float, rng: random.Random, partial: bool) -> list[Score]:
    symbol = "HU" if card.criteria_set.year < 2025 else "ĐU"
    scores = []
    for number, leaf in enumerate(leaves):
        if partial and number >= len(leaves) // 2:
            break
        maximum = leaf.criterion.max_score
        if leaf.kind == Kind.CRITERION:
            value = _half(maximum * D(str(min(1.0, max(0.0, quality + rng.uniform(-0.12, 0.08))))))
        elif leaf.kind == Kind.BONUS:
            if rng.random() > quality - 0.25:
                continue
            value = maximum
        else:
            if rng.random() > 0.18:
                continue
            value = _half(maximum * D(str(rng.choice([0.2, 0.4, 0.5]))))
        evidence = rng.choice(EVIDENCE).format(
            n=rng.randint(10, 180), s=symbol, d=rng.randint(1, 28), m=rng.randint(1, 12)
        )
        scores.append(Score(scorecard=card, criterion=leaf.criterion, self_score=value, evidence=evidence))
    return scores


def _fill(criteria_set, plan, user, clerk, ctx, tie: bool = False, partial: frozenset | set = frozenset()) -> None:
    leaves = services.load_tree(criteria_set.pk).leaves()
    rng = random.Random(criteria_set.year)
    scores: list[Score] = []
    quality_of = {}
    for card, _state, quality, index in plan:
        if quality is None:
            continue
        unit_rng = random.Random(f"{criteria_set.year}-{quality}" if tie else f"{criteria_set.year}-{index}")
        scores += _scores_for(card, leaves, quality, unit_rng, partial=card.unit_id in partial)
        quality_of[card.pk] = quality
    Score.objects.bulk_create(scores, batch_size=2000)
    changelog.bulk_log((s, "create", None, changelog.snapshot(s)) for s in scores)
    submitters = {ctx.district.pk: ctx.users.get("huyen"), ctx.commune.pk: ctx.users.get("xa")}
    for card, state, quality, _index in plan:
        if state == Status.DRAFT:
            continue
        submitter = submitters.get(card.unit_id) or clerk
        card = services.transition(submitter, _fresh(card), "submit")
        if state == Status.SUBMITTED:
            continue
        if state == Status.RETURNED:
            services.transition(
                user,
                _fresh(card),
                "return",
                "Đề nghị bổ sung minh chứng tiêu chí về tỷ lệ mô hình “Dân vận khéo” được công nhận "
                "và giải trình điểm thưởng tự chấm.",
            )
            continue
        services.transition(user, _fresh(card), "appraise")
        card_scores = [s for s in scores if s.scorecard_id == card.pk and s.criterion.kind == Kind.CRITERION]
        adjusted = 0 if tie and quality in (0.83,) else rng.randint(1, 3)
        for score in rng.sample(card_scores, min(adjusted, len(card_scores))):
            lowered = max(D("0"), score.self_score - _half(D(str(rng.uniform(0.5, 1.5)))))
            services.save_appraisal(user, _fresh(card), score.criterion_id, lowered, rng.choice(APPRAISAL_NOTES))
        if state == Status.FINAL:
            services.transition(user, _fresh(card), "finalize")


def _fresh(card) -> Scorecard:
    return Scorecard.objects.select_related("unit", "unit__parent", "criteria_set", "criteria_set__unit").get(
        pk=card.pk
    )


def _backdate(criteria_set, start: dt.datetime) -> None:
    """Put the 2021 sheet's steps and changes at the end of 2021 and early 2022, when they happened."""
    cards = list(Scorecard.objects.filter(criteria_set=criteria_set).values_list("pk", flat=True))
    card_type = ContentType.objects.get_for_model(Scorecard)
    steps = WorkflowStep.objects.filter(content_type=card_type, object_id__in=[str(pk) for pk in cards])
    offsets = {"submit": 0, "return": 12, "appraise": 20, "finalize": 35}
    for step in steps:
        step.timestamp = start + dt.timedelta(days=offsets.get(step.action, 0), hours=int(step.object_id) % 9)
    WorkflowStep.objects.bulk_update(steps, ["timestamp"])
    score_ids = [str(pk) for pk in Score.objects.filter(scorecard_id__in=cards).values_list("pk", flat=True)]
    ChangeLogEntry.objects.filter(
        content_type=ContentType.objects.get_for_model(Score), object_id__in=score_ids
    ).update(timestamp=start - dt.timedelta(days=5))
    Scorecard.objects.filter(pk__in=cards, submitted_at__isnull=False).update(submitted_at=start)
    Scorecard.objects.filter(pk__in=cards, finalized_at__isnull=False).update(
        finalized_at=start + dt.timedelta(days=35)
    )
    CriteriaSet.objects.filter(pk=criteria_set.pk).update(locked_at=start)
