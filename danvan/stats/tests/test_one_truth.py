"""For the same scope and year, the dashboard, the statistics page, the Word report, the Excel
export and the API give the same figures (read back from what each one renders), for several members of the cast."""

from __future__ import annotations

import datetime as dt
import io
import re

import pytest
from django.urls import reverse
from docx import Document as Docx
from openpyxl import load_workbook

from danvan.core.testing.factories import make_practice, make_unit, make_user
from danvan.org import services as org_services
from danvan.practices.models import Practice
from danvan.stats.report_data import current_year

pytestmark = pytest.mark.django_db

THIS_YEAR = current_year()


def number(text: str) -> int | None:
    """ "1.016" → 1016, "−63" / "-63" → −63, "+5" → 5; None for "—" (nothing to compare with)."""
    cleaned = text.strip().replace(".", "").replace("−", "-").replace("+", "")
    return int(cleaned) if re.fullmatch(r"-?\d+", cleaned) else None


@pytest.fixture
def data(cast):
    """C1 and C2 merge into the new commune N on 1 July of last year; records over three years."""
    merge_day = dt.date(THIS_YEAR - 1, 7, 1)
    new = make_unit("Đảng ủy xã Hòa Hiệp", "dang-uy-xa", cast.province, code="N", valid_from=merge_day)
    org_services.record_lineage("merge", merge_day, [cast.c1, cast.c2], [new])
    plan = {
        THIS_YEAR - 2: [(cast.c1, 3, 2), (cast.c2, 2, 2), (cast.c3, 1, 1), (cast.d1, 1, 0)],
        THIS_YEAR - 1: [(cast.c1, 2, 1), (cast.c2, 4, 3), (cast.c3, 2, 2), (new, 1, 0)],
        THIS_YEAR: [(new, 5, 2), (cast.c3, 1, 0), (cast.province, 1, 1)],
    }
    for year, items in plan.items():
        for unit, total, recognized in items:
            for i in range(total):
                practice = make_practice(unit, year, name=f"Mô hình {unit.code} {year} {i}")
                if i < recognized:
                    Practice.objects.filter(pk=practice.pk).update(status="recognized", recognized_level=practice.level)
    cast.n_officer = make_user("n_officer", new, "editor")
    return cast


def dashboard_figures(html: str) -> tuple[int, dict]:
    year = int(re.search(r'<option value="(\d{4})" selected>', html).group(1))
    value = {key: re.search(rf'data-testid="{key}">([^<]*)<', html).group(1) for key in ("registered", "recognized")}
    change = re.search(r'data-testid="change">([^<]*)<', html).group(1)
    first = change.split()[0]
    return year, {
        "registered": number(value["registered"]),
        "recognized": number(value["recognized"]),
        "change": number(first) if first != "chưa" else None,
    }


def page_figures(html: str) -> dict:
    part = html.split('data-table="level"', 1)[1].split("</table>", 1)[0]
    foot = part.split("<tfoot>", 1)[1]
    cells = {
        col: re.search(rf'data-col="{col}">([^<]*)<', foot).group(1) for col in ("registered", "recognized", "change")
    }
    return {col: number(text) for col, text in cells.items()}


def docx_figures(content: bytes) -> dict:
    word = Docx(io.BytesIO(content))
    level_table = next(t for t in word.tables[1:] if t.rows[0].cells[1].text == "Cấp")
    total = [cell.text for cell in level_table.rows[-1].cells]
    return {"registered": number(total[2]), "change": number(total[3]), "recognized": number(total[4])}


def xlsx_figures(content: bytes) -> dict:
    sheet = load_workbook(io.BytesIO(content))["Theo cấp"]
    total = list(sheet.iter_rows(values_only=True))[-1]
    return {"registered": total[2], "change": total[4], "recognized": total[5]}


def api_figures(body: dict) -> dict:
    total = body["tables"]["level"]["total"]
    return {"registered": total["registered"], "recognized": total["recognized"], "change": total["change"]}


@pytest.mark.parametrize(
    ("who", "expected_year"),
    [
        ("admin", THIS_YEAR),
        ("n_officer", THIS_YEAR),
        ("c1_officer", THIS_YEAR - 1),  # C1 was merged: its dashboard opens on its last year
        ("d1_officer", 2025),  # D1 was abolished on 30/6/2025
    ],
)
def test_dashboard_page_report_and_export_agree(client, data, who, expected_year):
    user = data.n_officer if who == "n_officer" else data.users[who]
    client.force_login(user)
    year, dashboard = dashboard_figures(client.get(reverse("home")).content.decode())
    assert year == expected_year
    query = f"?nam={year}"
    page = page_figures(client.get(reverse("stats:index") + query).content.decode())
    word = docx_figures(client.get(reverse("stats:annual-report", args=["docx"]) + query).content)
    excel = xlsx_figures(client.get(reverse("stats:export") + query).content)
    api = api_figures(client.get(f"/api/v1/statistics/?year={year}").json())
    assert dashboard == page == word == excel == api, (dashboard, page, word, excel, api)
    if who == "admin":
        # The province this year: N 5 + C3 1 + the province itself 1; last year 2 + 4 + 2 + 1.
        assert dashboard == {"registered": 7, "recognized": 3, "change": 7 - 9}
    if who == "n_officer":
        # The new commune carries C1 and C2 (merged into it last year) as its base.
        assert dashboard == {"registered": 5, "recognized": 2, "change": 5 - (2 + 4 + 1)}
