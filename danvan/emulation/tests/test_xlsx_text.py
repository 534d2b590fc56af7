"""The emulation results export writes a hostile set name as text (it used to be a live formula)."""

import io

import openpyxl
import pytest
from django.urls import reverse

from danvan.emulation.tests.conftest import make_sheet

pytestmark = pytest.mark.django_db

HOSTILE = '=HYPERLINK("http://evil.example","Xem kết quả")'


def test_a_formula_in_the_set_name_is_exported_as_text(cast, client):
    sheet = make_sheet(cast)
    sheet.criteria_set.name = HOSTILE
    sheet.criteria_set.save(update_fields=["name"])
    client.force_login(cast.admin)
    response = client.get(reverse("emulation:results-xlsx", args=[sheet.criteria_set.pk]))
    cell = openpyxl.load_workbook(io.BytesIO(response.content)).active["A2"]
    assert cell.value == HOSTILE and cell.data_type == "s"
