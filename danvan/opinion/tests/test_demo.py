"""The demo province's opinion data: a register of collaborators and some two years of items, every one
within the rules, with hot spots, forwarded, answered, overdue and merged cases; the reception days of the
province, the districts and the communes against the monthly minimum, the cases heard, the dialogues with
their commitments; loaded twice.

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
from danvan.opinion.choices import (
    CaseType,
    Intensity,
    Platform,
    ReceptionKind,
    ReceptionStatus,
    Source,
    State,
    Tendency,
)
from danvan.opinion.demo.matters import MATTERS
from danvan.opinion.demo.meetings import HEARD, TALKS
from danvan.opinion.models import (
    Collaborator,
    Commitment,
    Dialogue,
    DialogueIssue,
    OpinionItem,
    Reception,
    ReceptionCase,
)
from danvan.opinion.seed import TOPICS
from danvan.opinion.services import meetings

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
    for matter in MATTERS:
        texts = [t[1] if isinstance(t, tuple) else t for t in matter.texts]
        for text in (*texts, *matter.proposals, *matter.answers, *matter.handled, *matter.settled):
            assert "{" not in text.format(**sample), (matter.key, text)
        assert matter.topic in topics, matter.key
        if matter.paired:
            assert len(matter.answers) == len(matter.texts), matter.key
    sample |= {"nam_cu": 2005}
    for heard in HEARD:
        for text in (*heard.texts, *heard.results):
            assert "{" not in text.format(**sample), text
        assert heard.bodies and heard.results and heard.case_type in CaseType.values
    for talk in TALKS:
        assert "{" not in talk.topic.format(**sample) and talk.issues and talk.commitments


def test_the_demo_opinion_data():
    today = timezone.localdate()
    with acting_as(None, source="system"):
        ctx = build.build_structure()
        build.create_accounts(ctx)
        first = demo.load(ctx)
        item_type = ContentType.objects.get_for_model(OpinionItem)
        counted = (OpinionItem, Collaborator, Reception, ReceptionCase, Dialogue, DialogueIssue, Commitment)
        counts = (
            *(model.objects.count() for model in counted),
            WorkflowStep.objects.filter(content_type=item_type).count(),
            ChangeLogEntry.objects.count(),
        )
        second = demo.load(ctx)
    assert "cộng tác viên dư luận xã hội" in first[0] and "không nạp thêm" in second[0]
    assert "buổi tiếp công dân" in first[1] and "không nạp thêm" in second[1]
    assert (
        *(model.objects.count() for model in counted),
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

    check_meetings(ctx, today)


def check_meetings(ctx, today: dt.date) -> None:
    """Reception days, cases and dialogues: within the rules, against the minimum, with their history."""
    receptions = list(Reception.objects.select_related("unit__kind"))
    cases = list(ReceptionCase.objects.select_related("reception__unit"))
    dialogues = {d.pk: d for d in Dialogue.objects.select_related("unit")}
    commitments = list(Commitment.objects.all())
    assert 2000 <= len(receptions) <= 6000 and len(cases) >= 2000
    assert {r.pk: e for r in receptions if (e := rules.reception_errors(r, today))} == {}
    assert {c.pk: e for c in cases if (e := rules.case_errors(c, c.reception, today))} == {}
    assert {d.pk: e for d in dialogues.values() if (e := rules.dialogue_errors(d, today))} == {}
    assert not [i.pk for i in DialogueIssue.objects.all() if rules.issue_errors(i)]
    assert {c.pk: e for c in commitments if (e := rules.commitment_errors(c, dialogues[c.dialogue_id], today))} == {}

    # The province, the districts until 30/6/2025 and the communes from 1/7/2025; held, unscheduled,
    # cancelled, and a few days ahead on the schedule (never held in the future).
    reform = dt.date(2025, 7, 1)
    tiers = Counter((r.unit.kind.tier, r.day < reform) for r in receptions)
    assert tiers[("province", True)] and tiers[("province", False)] and tiers[("district", True)]
    assert tiers[("commune", False)] >= 1000 and not tiers[("district", False)] and not tiers[("commune", True)]
    assert {r.status for r in receptions} == set(ReceptionStatus.values)
    assert any(r.kind == ReceptionKind.UNSCHEDULED for r in receptions)
    ahead = [r for r in receptions if r.day >= today]
    assert 5 <= len(ahead) <= 200 and all(r.status == ReceptionStatus.PLANNED for r in ahead)

    # Most months meet the minimum (province 1, district 2 until 30/6/2025, commune 2 from 1/7/2025);
    # some communes fall short in some months; the province never does.
    units = [r.unit for r in receptions if r.unit.kind.tier in ("province", "district", "commune")]
    units = list({u.pk: u for u in units}.values())
    met = short = 0
    short_tiers = Counter()
    for year in (2025, 2026):
        for row in meetings.frequency([u for u in units if u.overlaps(dt.date(year, 1, 1), dt.date(year, 12, 31))],
                                      year, today):  # fmt: skip
            for held, minimum in row.cells:
                if minimum is not None:
                    met += held >= minimum
                    short += held < minimum
            short_tiers[row.unit.kind.tier] += row.shortfalls
    assert short >= 10 and met >= 0.85 * (met + short), (met, short)
    assert short_tiers["commune"] >= 10 and short_tiers["province"] == 0

    # Every kind of case; people counted; assigned with a deadline, settled with a result, some overdue.
    assert {c.case_type for c in cases} == set(CaseType.values)
    assert all(c.people >= 1 for c in cases) and any(c.people >= 5 for c in cases)
    assert sum(1 for c in cases if c.is_overdue(today)) >= 10
    settled = [c for c in cases if c.settled_on]
    assert len(settled) >= len(cases) / 2 and all(c.result for c in settled)
    assert any(c.assigned_to and c.deadline and c.settled_on for c in cases)

    # Dialogues: issues raised and answered, commitments done, open and overdue, a notice under 7 days
    # (the page's warning), results published.
    assert len(dialogues) >= 2 and DialogueIssue.objects.exclude(answer="").count() >= 5
    assert any(c.done_on for c in commitments) and any(c.is_overdue(today) for c in commitments)
    assert any(not c.done_on and c.deadline >= today for c in commitments)
    warned = [d for d in dialogues.values() if rules.notice_warning(d).startswith("Thông báo trước")]
    assert warned and any(d.unit_id == ctx.commune.pk for d in warned)
    assert any(d.published_on and d.publication for d in dialogues.values())

    # Their history: put on the schedule, then held or cancelled; every record created once.
    for model, count in ((Reception, len(receptions)), (ReceptionCase, len(cases)), (Dialogue, len(dialogues))):
        kind = ContentType.objects.get_for_model(model)
        assert ChangeLogEntry.objects.filter(content_type=kind, action="create").count() == count
    kind = ContentType.objects.get_for_model(Reception)
    step = ChangeLogEntry.objects.filter(content_type=kind, action="update", after__status="held").first()
    assert step.before["status"] == "planned" and step.actor_id
    assert Reception.objects.restrict(ctx.users["xa"]).filter(unit=ctx.commune).count() >= 30
