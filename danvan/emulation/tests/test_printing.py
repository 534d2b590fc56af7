"""A unit prints its own scorecard as a Party-format Word report; another unit's does not exist for it."""

import io
from decimal import Decimal
from unittest.mock import ANY

import docx
import pytest
from django.urls import reverse

from danvan.documents.models import Issuer
from danvan.emulation import services
from danvan.emulation.tests.test_scoping import world  # noqa: F401 (the fixture)

pytestmark = pytest.mark.django_db
DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


def text_of(content: bytes) -> tuple[str, list[list[str]]]:
    document = docx.Document(io.BytesIO(content))
    paragraphs = [p.text for p in document.paragraphs]
    rows = [[cell.text for cell in row.cells] for table in document.tables for row in table.rows]
    cells = [text for row in rows for text in row]
    return "\n".join(paragraphs + cells), rows


def test_a_commune_prints_its_own_scorecard(client, world):  # noqa: F811
    people, _sets, cards, _criteria = world
    card = cards["C1"]
    Issuer.objects.create(
        unit=card.unit, issuer_line="ĐẢNG ỦY XÃ LONG THUẬN", symbol="ĐU", place="Long Thuận", head_title="BÍ THƯ"
    )
    client.force_login(people["c1_officer"])
    page = client.get(reverse("emulation:card", args=[card.pk])).content.decode()
    assert reverse("emulation:card-docx", args=[card.pk]) in page
    response = client.get(reverse("emulation:card-docx", args=[card.pk]))
    assert response.status_code == 200
    assert response["Content-Type"] == DOCX
    text, rows = text_of(response.content)
    assert "BÁO CÁO" in text
    assert "Tự chấm điểm thi đua năm 2021" in text
    assert "ĐẢNG ỦY XÃ LONG THUẬN" in text
    assert "Đảng ủy xã Long Thuận tự chấm điểm thi đua năm 2021" in text
    by_content = {row[1]: row for row in rows}
    assert by_content["Tham mưu cấp ủy ban hành văn bản lãnh đạo công tác dân vận"] == ["1", ANY, "10", "10"]
    assert by_content["Thực hiện phong trào thi đua “Dân vận khéo”"] == ["II", ANY, "70", "70"]  # adds up its items
    assert by_content["Điểm thưởng"][0] == "III"
    total = next(row for row in rows if "TỔNG CỘNG" in row)
    assert total[-2:] == ["100", "100"]  # maximum, self-assessed (no appraisal yet: no column for it)
    assert "Tổng điểm tự chấm: 100/100 điểm" in text


def test_the_appraised_scores_are_printed_once_the_commission_appraises(client, world):  # noqa: F811
    people, _sets, cards, criteria = world
    card = cards["C2"]  # submitted
    Issuer.objects.create(
        unit=card.unit, issuer_line="ĐẢNG ỦY XÃ LỢI THUẬN", symbol="ĐU", place="Lợi Thuận", head_title="BÍ THƯ"
    )
    reviewer = people["d1_reviewer"]
    services.transition(reviewer, card, "appraise")
    services.save_appraisal(reviewer, card, criteria["D"]["I.1"].pk, Decimal(6))
    client.force_login(people["c2_officer"])
    text, rows = text_of(client.get(reverse("emulation:card-docx", args=[card.pk])).content)
    assert next(row for row in rows if row[0] == "STT")[2:] == ["Điểm tối đa", "Tự chấm", "Thẩm định"]
    assert next(row for row in rows if row[1].startswith("Tham mưu cấp ủy"))[2:] == ["10", "10", "6"]
    assert next(row for row in rows if "TỔNG CỘNG" in row)[-3:] == ["100", "100", "96"]
    assert "điểm thẩm định: 96 điểm" in text


def test_another_units_scorecard_cannot_be_printed(client, world):  # noqa: F811
    people, _sets, cards, _ = world
    client.force_login(people["c1_officer"])
    assert client.get(reverse("emulation:card-docx", args=[cards["C2"].pk])).status_code == 404
    assert client.get(reverse("emulation:card-docx", args=[cards["D1"].pk])).status_code == 404


def test_without_configured_issuer_details_the_unit_tree_gives_them(client, world):  # noqa: F811
    people, _sets, cards, _ = world
    client.force_login(people["c2_officer"])
    response = client.get(reverse("emulation:card-docx", args=[cards["C2"].pk]))
    assert response.status_code == 200
    text, _rows = text_of(response.content)
    assert "Tự chấm điểm thi đua năm 2021" in text
