"""The pages: the checklist and the parts saved through their forms with the rules' messages, the list walked
by its own links with its filters, the statistics agreeing with sums taken from the database (a commune formed
on 1/7/2025 counting the communes merged into it), queries not growing with rows."""

from __future__ import annotations

import datetime as dt

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from danvan.core.testing.factories import make_unit, make_user
from danvan.core.testing.links import walk_list
from danvan.democracy import services
from danvan.democracy.choices import BoardKind, CharterState
from danvan.democracy.models import Board, Charter, DemocracyYear, Disclosure, DisclosureMethod, Matter
from danvan.democracy.tests.conftest import (
    YEAR,
    agency,
    make_board,
    make_charter,
    make_dialogue,
    make_matter,
    make_record,
)
from danvan.org.models import LineageKind
from danvan.org.services import record_lineage

pytestmark = pytest.mark.django_db


def test_checklist_and_a_matter_through_the_page(client, cast):
    record = make_record(cast.c1_officer, cast.c1)
    client.force_login(cast.c1_officer)
    page = client.get(reverse("democracy:year-detail", args=[record.pk]))
    lines = list(Disclosure.objects.filter(record=record).order_by("item__order"))
    assert page.content.decode().count('data-testid="checklist-line"') == len(lines) == 12
    post = DisclosureMethod.objects.get(code="niem-yet")
    save = reverse("democracy:checklist-save", args=[record.pk])
    response = client.post(save, {"version": 1, f"d{lines[0].pk}-done": "on"})
    text = response.content.decode()
    assert response.status_code == 200
    assert f"{lines[0].item.name}: Cần nhập ngày công khai." in text
    assert f"{lines[0].item.name}: Chọn ít nhất một hình thức công khai." in text
    data = {"version": 1, f"d{lines[0].pk}-done": "on", f"d{lines[0].pk}-methods": [post.pk],
            f"d{lines[0].pk}-disclosed_on": "05/02/2024"}  # fmt: skip
    assert client.post(save, data).status_code == 302
    page = client.get(reverse("democracy:year-detail", args=[record.pk])).content.decode()
    assert "1/12</strong> nội dung đã công khai (8,3%)" in page
    assert "Niêm yết tại trụ sở" in page  # the history reads the methods as words
    stale = client.post(save, data | {f"d{lines[1].pk}-done": "on"})
    assert "Hồ sơ đã được người khác sửa" in stale.content.decode()

    add = reverse("democracy:part-add", args=[record.pk, "noi-dung"])
    bad = {"moi-content": "Làm đường ấp 3", "moi-method": "ballot", "moi-held_on": "10/04/2024",
           "moi-households": "200", "moi-agreeing": "260"}  # fmt: skip
    response = client.post(add, bad)
    assert "Số hộ đồng ý (260) vượt quá tổng số hộ gia đình (200)." in response.content.decode()
    assert not Matter.objects.exists()
    response = client.post(add, bad | {"moi-agreeing": "150"})
    assert response.status_code == 302
    assert response.url == reverse("democracy:year-tab", args=[record.pk, "ban-va-quyet-dinh"])
    tab = client.get(response.url).content.decode()
    assert "Đã quyết định" in tab and "150/200" in tab


def test_edit_a_part_and_two_editors(client, cast):
    record = make_record(cast.c1_officer, cast.c1)
    board = make_board(cast.c1_officer, record)
    client.force_login(cast.c1_officer)
    url = reverse("democracy:part-edit", args=["ban", board.pk])
    data = {"kind": "inspection", "members": 9, "meetings": 8, "recommendations": 6, "resolved": 7, "version": 1}
    response = client.post(url, data)
    assert "Số kiến nghị được giải quyết (7) vượt quá số kiến nghị (6)." in response.content.decode()
    assert client.post(url, data | {"resolved": 6}).status_code == 302
    response = client.post(url, data | {"resolved": 5})  # the page read before the first save
    assert "Hồ sơ đã được người khác sửa" in response.content.decode()
    assert Board.objects.get(pk=board.pk).resolved == 6


def test_a_tab_not_for_this_kind_of_place_is_404(client, cast):
    office = make_record(cast.admin, agency(cast.province))
    client.force_login(cast.admin)
    assert client.get(reverse("democracy:year-tab", args=[office.pk, "huong-uoc-quy-uoc"])).status_code == 404
    assert client.get(reverse("democracy:year-tab", args=[office.pk, "doi-thoai"])).status_code == 200
    assert client.get(reverse("democracy:year-tab", args=[office.pk, "khong-co"])).status_code == 404


def many_communes(parent, n: int, year: int) -> list[DemocracyYear]:
    records = []
    for i in range(n):
        unit = make_unit(f"Đảng ủy xã Thử Nghiệm {i + 1}", parent=parent)
        records.append(DemocracyYear(unit=unit, year=year, place_kind="commune"))
    DemocracyYear.objects.bulk_create(records)
    services.add_checklists(records)
    return records


def test_list_walked_by_its_links_and_filters(client, cast):
    records = many_communes(cast.d1, 23, YEAR)
    make_record(cast.admin, cast.c3, YEAR)
    reviewed = make_record(cast.admin, cast.c1, YEAR, review_on=dt.date(2024, 12, 20), review_result="Tốt")
    client.force_login(cast.admin)
    url = reverse("democracy:home") + f"?nam={YEAR}&don_vi={cast.d1.pk}&tinh_trang=chua-tong-ket"
    walk_list(client, url, [r.pk for r in records], header="Năm", value=lambda r: r.year)
    found = client.get(reverse("democracy:home") + "?q=long thuan&tinh_trang=da-tong-ket")
    assert [r.pk for r in found.context["page"]] == [reviewed.pk]
    assert client.get(reverse("democracy:home") + "?tinh_trang=cong-khai-du").context["listing"].count == 0
    assert client.get(reverse("democracy:home") + "?loai=agency").context["listing"].count == 0


def test_pages_cost_the_same_whatever_the_rows(client, cast):
    client.force_login(cast.admin)
    make_record(cast.admin, cast.c1)

    def cost(url: str) -> int:
        with CaptureQueriesContext(connection) as queries:
            assert client.get(url).status_code == 200
        return len(queries)

    home, stats = reverse("democracy:home"), reverse("democracy:statistics") + f"?nam={YEAR}"
    few = cost(home), cost(stats)
    many_communes(cast.d1, 30, YEAR)
    assert (cost(home), cost(stats)) == few


def test_statistics_equal_database_sums_across_the_merger(client, cast):
    reform = dt.date(2025, 7, 1)
    new = make_unit("Đảng ủy xã Long Thuận mới", parent=cast.province, valid_from=reform)
    record_lineage(LineageKind.MERGE, reform, [cast.c1, cast.c2], [new])
    officer = make_user("xa_moi", new, "editor")
    old_a, old_b = make_record(cast.admin, cast.c1, 2025), make_record(cast.admin, cast.c2, 2025)
    now = make_record(cast.admin, new, 2025, review_on=dt.date(2026, 1, 10), review_result="Hoàn thành")
    make_record(cast.admin, cast.c3, 2025)  # elsewhere: not counted
    make_matter(cast.admin, old_a, agreeing=120, households=200, day=dt.date(2025, 3, 1))
    make_matter(cast.admin, old_b, agreeing=80, households=200, day=dt.date(2025, 5, 1), content="Đèn đường")
    make_matter(cast.admin, now, agreeing=None, households=300, day=dt.date(2025, 9, 1))
    make_board(cast.admin, old_a, recommendations=4, resolved=3)
    make_board(cast.admin, now, kind=BoardKind.INVESTMENT, recommendations=2, resolved=2)
    make_charter(cast.admin, now, "Ấp 1", decided_on=dt.date(2025, 8, 1))
    make_charter(cast.admin, now, "Ấp 2", state=CharterState.DRAFTED)
    line = Disclosure.objects.filter(record=old_a).first()
    services.save_checklist(cast.admin, old_a, {line.pk: (True, [DisclosureMethod.objects.first().pk],
                                                          dt.date(2025, 2, 1))}, old_a.version)  # fmt: skip
    client.force_login(officer)
    response = client.get(reverse("democracy:statistics") + "?nam=2025")
    totals = response.context["totals"]
    mine = [old_a, old_b, now]
    assert totals.records == 3 and totals.reviewed == 1 and totals.review_expected == 1
    assert totals.items == Disclosure.objects.filter(record__in=mine).count() and totals.done == 1
    assert (totals.matters, totals.decided, totals.pending) == (3, 1, 1)
    assert (totals.households, totals.agreeing) == (400, 200)
    boards = {b.label: (b.boards, b.recommendations, b.resolved) for b in totals.boards}
    assert boards == {"Ban Thanh tra nhân dân": (1, 4, 3), "Ban Giám sát đầu tư của cộng đồng": (1, 2, 2)}
    assert totals.villages == 1 and Charter.objects.count() == 2
    assert response.context["listing"].count == 3
    assert Board.objects.filter(record__in=mine).count() == 2


def test_dialogues_counted_for_workplaces(client, cast):
    office = make_record(cast.admin, agency(cast.province))
    make_dialogue(cast.admin, office, participants=120, issues=8, resolved=6)
    make_dialogue(cast.admin, office, held_on=dt.date(YEAR, 11, 2), participants=40, issues=2, resolved=2)
    client.force_login(cast.admin)
    totals = client.get(reverse("democracy:statistics") + f"?nam={YEAR}").context["totals"]
    assert (totals.dialogues, totals.participants, totals.issues, totals.resolved) == (2, 160, 10, 8)
