"""The demo province's planning data: the seed's directives and reviews, plans, supervisions; loaded twice.

One test: loading the province's units takes a while, and nothing else here needs them."""

import datetime as dt

import pytest

from danvan.core.actor import acting_as
from danvan.demo import build
from danvan.planning import demo
from danvan.planning.choices import ReviewState
from danvan.planning.dashboard import panels
from danvan.planning.models import Directive, KeyTask, Milestone, Recommendation, Supervision, WorkPlan

pytestmark = pytest.mark.django_db
MODELS = (Directive, Milestone, WorkPlan, KeyTask, Supervision, Recommendation)


def test_the_demo_planning_data():
    with acting_as(None, source="system"):
        ctx = build.build_structure()
        build.create_accounts(ctx)
        first = demo.load(ctx)
        counts = [m.objects.count() for m in MODELS]
        second = demo.load(ctx)
    assert [m.objects.count() for m in MODELS] == counts  # idempotent
    assert "văn bản chỉ đạo" in first[0] and "(0 kế hoạch mới)" in second[0]

    # The reviews seed 001 lists for 2021, each closed by its report.
    citations = {m.citation: m for m in Milestone.objects.filter(due_date__year=2021).with_directive()}
    for text in (
        "Sơ kết 3 năm thực hiện Chỉ thị số 19-CT/TW, ngày 10/1/2018 của Ban Bí thư",
        "Sơ kết 5 năm thực hiện Kết luận số 03-KL/TW, ngày 13/5/2016 của Ban Bí thư",
        "Tổng kết 10 năm thực hiện Kết luận số 08-KL/TW, ngày 2/8/2011 của Ban Bí thư (khóa XI)",
    ):
        assert citations[text].is_done, text
    states = set(Milestone.objects.with_state(dt.date.today()).values_list("state", flat=True))
    assert {ReviewState.OVERDUE, ReviewState.DONE} <= states  # something to show in red

    # Plans of the old commission until 2025, of the merged one after.
    assert set(WorkPlan.objects.values_list("year_start", flat=True)) == set(range(2021, 2027))
    assert WorkPlan.objects.get(year_start=2021).unit == ctx.commission_old
    assert WorkPlan.objects.get(year_start=2026).unit == ctx.commission

    # The 2021 supervision of the two districts, with a closed and an open recommendation.
    sup = Supervision.objects.get(year=2021, directive__number="04-CT/TW")
    assert sup.subject_label == "Ban Thường vụ Huyện ủy Bến Cầu và Tân Biên"
    assert sorted(u.short_name for u in sup.supervised_units.all()) == ["Bến Cầu", "Tân Biên"]
    assert sup.state == "concluded"
    recs = Recommendation.objects.filter(supervision=sup)
    assert recs.filter(closed_on__isnull=False).exists() and recs.filter(closed_on__isnull=True).exists()
    assert Supervision.objects.filter(year=2026).count() == 2

    # Each demo account sees its share.
    tinh = panels(ctx.users["tinh"])
    assert tinh["reviews"]["overdue"] >= 1 and tinh["recommendations"]["open"] >= 1
    huyen = ctx.users["huyen"]  # Bến Cầu: its supervision and recommendation, not the province's register
    assert panels(huyen)["reviews"]["this_year"] == 0
    assert Supervision.objects.restrict(huyen).filter(year=2021).count() == 1
    assert Recommendation.objects.restrict(huyen).filter(supervision=sup).count() == 1
