import io

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from danvan.core.testing.factories import make_practice
from danvan.practices import services
from danvan.practices.models import Practice

pytestmark = pytest.mark.django_db


@pytest.fixture
def data(cast):
    """2019: C1 has 3 (2 recognized), C2 has 2 (1 recognized), C3 has 4 (4 recognized)."""
    for unit, total, recognized in ((cast.c1, 3, 2), (cast.c2, 2, 1), (cast.c3, 4, 4)):
        for i in range(total):
            p = make_practice(unit, 2019, name=f"Mô hình {unit.code} {i}")
            if i < recognized:
                Practice.objects.filter(pk=p.pk).update(status="recognized", recognized_level=p.level)
    return cast


def table_cells(html: str, table: str, col: str) -> list[str]:
    import re

    part = html.split(f'data-table="{table}"', 1)[1].split("</table>", 1)[0]
    return re.findall(rf'data-col="{col}">([^<]*)<', part)


def test_statistics_page_counts_only_the_users_scope(client, data):
    expectations = {"admin": ("9", "7"), "d1_officer": ("5", "3"), "c1_officer": ("3", "2"), "d2_officer": ("4", "4")}
    for who, (registered, recognized) in expectations.items():
        client.force_login(data.users[who])
        html = client.get(reverse("stats:index") + "?nam=2019").content.decode()
        assert table_cells(html, "level", "registered")[-1] == registered, who
        assert table_cells(html, "level", "recognized")[-1] == recognized, who


def test_outsider_sees_zero_everywhere(client, data):
    client.force_login(data.outsider)
    html = client.get(reverse("stats:index") + "?nam=2019").content.decode()
    assert table_cells(html, "level", "registered")[-1] == "0"


def test_another_units_statistics_cannot_be_requested(client, data):
    client.force_login(data.c1_officer)
    html = client.get(reverse("stats:index") + f"?nam=2019&don_vi={data.d2.pk}").content.decode()
    assert "ngoài phạm vi" in html
    assert table_cells(html, "level", "registered")[-1] == "3"


def test_the_page_the_xlsx_and_the_sentence_agree(client, data):
    client.force_login(data.admin)
    html = client.get(reverse("stats:index") + "?nam=2019").content.decode()
    assert "đăng ký 9 mô hình cấp cơ sở" in html and "chiếm 77,8%" in html
    response = client.get(reverse("stats:export") + "?nam=2019&bang=level")
    sheet = load_workbook(io.BytesIO(response.content)).active
    rows = list(sheet.iter_rows(values_only=True))
    total = rows[-1]
    assert total[1] == "Tổng cộng" and total[2] == 9 and total[5] == 7
    assert round(total[6], 1) == 77.8
    assert rows[2][2] == "Đăng ký"


def test_units_table_offers_both_modes_for_pre_reform_years(client, data):
    client.force_login(data.admin)
    html = client.get(reverse("stats:index") + "?nam=2019&che_do=today").content.decode()
    assert "Quy về đơn vị hiện nay" in html
    assert "theo lịch sử sáp nhập" in html


def test_bad_filter_values_fall_back_with_a_message(client, data):
    client.force_login(data.admin)
    html = client.get(reverse("stats:index") + "?nam=abc&che_do=x&loai=y").content.decode()
    assert "không hợp lệ" in html
    assert client.get(reverse("stats:export") + "?bang=khong-co").status_code == 404


def test_dashboard_shows_the_users_figures_and_what_waits(client, data):
    practice = make_practice(data.c1, 2025)  # D1 was abolished in 2025: its home page opens on 2025
    services.transition(data.c1_officer, practice, "start")
    services.transition(data.c1_officer, practice, "propose")
    client.force_login(data.d1_reviewer)
    html = client.get(reverse("home")).content.decode()
    assert 'data-testid="to-review">1<' in html
    client.force_login(data.d2_officer)  # an editor: nothing to review, so no such card
    html = client.get(reverse("home")).content.decode()
    assert 'data-testid="to-review"' not in html
    assert 'data-testid="registered">0<' in html


def test_dashboard_queries_do_not_grow_with_data(client, data):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client.force_login(data.admin)

    def count() -> int:
        with CaptureQueriesContext(connection) as queries:
            assert client.get(reverse("home")).status_code == 200
        return len(queries)

    this_year = services.rules.year_range()[-2]
    make_practice(data.c1, this_year, name="Mô hình đầu tiên năm nay")
    before = count()
    for unit in (data.c1, data.c2, data.c3):
        for i in range(5):
            make_practice(unit, this_year, name=f"Thêm {unit.code} {i}")
    assert count() == before


@pytest.mark.parametrize(("who", "registered"), [("c1_officer", 3), ("d2_officer", 4), ("outsider", 0)])
def test_the_xlsx_export_counts_only_the_users_scope(client, data, who, registered):
    client.force_login(data.users[who])
    response = client.get(reverse("stats:export") + "?nam=2019")
    workbook = load_workbook(io.BytesIO(response.content))
    totals = {sheet.title: list(sheet.iter_rows(values_only=True))[-1] for sheet in workbook.worksheets}
    assert totals["Theo cấp"][2] == registered
    assert totals["Theo đơn vị"][2] == registered
