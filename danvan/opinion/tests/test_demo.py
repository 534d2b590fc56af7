"""The demo province's opinion data: a register of collaborators and some two years of items, every one
within the rules, with hot spots, forwarded, answered, overdue and merged cases; loaded twice.

One test: loading the province's units takes a while, and nothing else here needs them."""

import datetime as dt
from collections import Counter
from itertools import pairwise

import pytest
from django.contrib.contenttypes.models import ContentType
from django.utils import timezone

from danvan.core.actor import acting_as
from danvan.core.models import ChangeLogEntry, WorkflowStep
from danvan.demo import build
from danvan.opinion import demo, rules
from danvan.opinion.choices import Intensity, Platform, Source, State, Tendency
from danvan.opinion.models import Collaborator, OpinionItem
from danvan.opinion.seed import TOPICS

pytestmark = pytest.mark.django_db


def test_every_text_of_the_demo_fills_its_placeholders():
    sample = {
        "xa": "xã Long Thuận", "ap": "ấp Long Hòa", "ap2": "ấp Bến Đình", "noi": "trên địa bàn xã Long Thuận",
        "duong": "đường tỉnh 786", "duong_ap": "đường liên ấp", "song": "kênh Đông", "cho": "chợ Long Thuận",
        "truong": "Trường THCS Long Thuận", "trai": "trại heo", "nm": "nhà máy", "dn": "Công ty TNHH May mặc",
        "du_an": "dự án", "ten": "Ông Nguyễn Văn Tư", "ho": 12, "nguoi": 40, "met": 60, "so_vu": 4, "so_xe": 12,
        "so_cs": 20, "so_hs": 8, "so_den": 20, "so_thang": 6, "gia_mi": "2.100", "gia_lua": "6.200",
        "tien_phat": 85, "vu": "vụ Hè Thu", "thang": 5, "thang_truoc": 4, "nam": 2026, "ngay_truoc": "3/5/2026",
        "ngay_kt": "8/5/2026", "han": "20/5/2026", "thang_sau": 6, "nam_sau": 2027,
    }  # fmt: skip
    topics = {code for code, _ in TOPICS}
    for matter in demo.MATTERS:
        texts = [t[1] if isinstance(t, tuple) else t for t in matter.texts]
        for text in (*texts, *matter.proposals, *matter.answers, *matter.handled, *matter.settled):
            assert "{" not in text.format(**sample), (matter.key, text)
        assert matter.topic in topics, matter.key
        if matter.paired:
            assert len(matter.answers) == len(matter.texts), matter.key


def test_the_demo_opinion_data():
    today = timezone.localdate()
    with acting_as(None, source="system"):
        ctx = build.build_structure()
        build.create_accounts(ctx)
        first = demo.load(ctx)
        item_type = ContentType.objects.get_for_model(OpinionItem)
        counts = (
            OpinionItem.objects.count(),
            Collaborator.objects.count(),
            WorkflowStep.objects.filter(content_type=item_type).count(),
            ChangeLogEntry.objects.count(),
        )
        second = demo.load(ctx)
    assert "cộng tác viên dư luận xã hội" in first[0] and "không nạp thêm" in second[0]
    assert (
        OpinionItem.objects.count(),
        Collaborator.objects.count(),
        WorkflowStep.objects.filter(content_type=item_type).count(),
        ChangeLogEntry.objects.count(),
    ) == counts  # idempotent
    assert 600 <= counts[0] <= 1000 and counts[1] >= 300

    items = list(
        OpinionItem.objects.select_related(
            "unit__kind", "unit__parent", "place", "topic", "collaborator__unit", "case"
        ).order_by("id")
    )
    # Every item passes the rules the forms and services apply.
    wrong = {item.pk: errors for item in items if (errors := rules.item_errors(item, today))}
    assert wrong == {}
    for item in items:
        if item.forwarded_on:
            assert rules.forward_errors(item, item.forwarded_to, item.forwarded_on, item.answer_due, today) == []
        if item.answered_on:
            assert rules.answer_errors(item, item.answer, item.answered_on, today) == []

    # Every source, tendency and intensity; the districts before the reform, the communes after it.
    assert {i.source for i in items} == set(Source.values)
    assert {i.tendency for i in items} == set(Tendency.values)
    assert {i.intensity for i in items} == set(Intensity.values)
    assert len({i.topic_id for i in items}) >= 9
    reform = dt.date(2025, 7, 1)
    before = [i for i in items if i.noted_on < reform]
    assert before and {i.unit.kind.tier for i in before} >= {"district", "other"}
    assert all(i.unit.valid_until and i.unit.valid_until < reform for i in before if i.unit.kind.tier == "district")
    assert any(i.unit.kind.tier == "commune" and i.noted_on >= reform for i in items)
    assert max(i.noted_on for i in items) >= today - dt.timedelta(days=14)  # up to today

    # Hot spots with the number of people involved.
    hot = [i for i in items if i.hot_spot]
    assert len(hot) >= 10 and all(i.people_involved for i in hot)
    assert any(i.people_involved >= 100 for i in hot)

    # Forwarded with a deadline; answered, resolved, watched; some unanswered past the deadline (red).
    cases = [i for i in items if i.case_id is None]
    states = Counter(i.state for i in cases)
    assert all(states[s] >= 10 for s in State.values), states
    overdue = OpinionItem.objects.cases().overdue(today)
    assert 5 <= overdue.count() <= 60
    assert all(i.forwarded_to and i.answer_due for i in items if i.state == State.FORWARDED)
    assert all(i.answer and i.answered_on for i in items if i.state == State.ANSWERED)
    bodies = {body for i in items for body in i.forwarded_to.split("; ") if body}
    assert {"Sở Nông nghiệp và Môi trường", "Sở Tài nguyên và Môi trường"} <= bodies  # named as on the day
    assert any(body.startswith("UBND xã ") for body in bodies)

    # The timeline tells each state: the last step reaches it, in order, after the item was noted.
    steps = {}
    for step in WorkflowStep.objects.filter(content_type=item_type).order_by("timestamp", "id"):
        steps.setdefault(int(step.object_id), []).append(step)
    for item in cases:
        timeline = steps.get(item.pk, [])
        if item.state == State.NEW:
            assert not timeline, item.pk
            continue
        assert timeline[-1].to_state == item.state, item.pk
        assert timeline[0].from_state == State.NEW and timeline[0].timestamp >= item.created_at
        assert all(a.to_state == b.from_state for a, b in pairwise(timeline))
    assert ChangeLogEntry.objects.filter(content_type=item_type, action="create").count() == len(items)
    assert all(i.created_by_id for i in items)  # the page names who recorded it

    # The same matter reported by a collaborator, the Front and the press, merged into one case.
    merged = [i for i in items if i.case_id]
    assert len(merged) >= 10 and all(not steps.get(i.pk) and i.case.case_id is None for i in merged)
    reported = Counter()
    for item in merged:
        reported[item.case_id] += 1
    by_case = {c.pk: {c.source} | {i.source for i in merged if i.case_id == c.pk} for c in items if c.pk in reported}
    assert any({Source.COLLABORATOR, Source.FRONT, Source.PRESS} <= sources for sources in by_case.values())

    # Cyberspace: a platform, a link and a reach; Facebook and TikTok among them.
    online = [i for i in items if i.source == Source.CYBERSPACE]
    assert all(i.platform and i.link.startswith("https://") and i.reach for i in online)
    assert {Platform.FACEBOOK, Platform.TIKTOK} <= {i.platform for i in online}

    # Collaborators: a register per unit, each linked item from someone serving on its date.
    linked = [i for i in items if i.source == Source.COLLABORATOR]
    assert linked and all(i.collaborator and i.collaborator.serves_on(i.noted_on) for i in linked)
    registers = Counter(Collaborator.objects.values_list("unit__kind__tier", flat=True))
    assert registers["commune"] >= 200 and registers["district"] >= 50 and registers["other"] >= 20
    assert Collaborator.objects.filter(term_end__isnull=False).exists()
    assert len(set(Collaborator.objects.values_list("name", flat=True))) >= 300

    # Summaries are told, not stamped out.
    assert len({i.summary for i in items}) >= 0.9 * len(items)

    # Each demo account sees its share: the commune its items, the district its history.
    assert OpinionItem.objects.restrict(ctx.users["xa"]).count() >= 10
    huyen = OpinionItem.objects.restrict(ctx.users["huyen"])
    assert huyen.count() >= 10 and not huyen.filter(noted_on__gte=reform).exclude(unit=ctx.district).exists()
