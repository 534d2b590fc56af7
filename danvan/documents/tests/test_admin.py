"""The clerk keeps the engine's settings in the admin at /quan-tri/."""

from __future__ import annotations

import pytest

from danvan.documents.models import FormatProfile, Issuer

pytestmark = pytest.mark.django_db


@pytest.fixture
def clerk(client, cast):
    cast.admin.is_staff = cast.admin.is_superuser = True
    cast.admin.save()
    client.force_login(cast.admin)
    return client


@pytest.mark.parametrize("model", ["formatprofile", "issuer", "partyterm"])
def test_the_lists_and_add_forms_open(clerk, seeded, model):
    assert clerk.get(f"/quan-tri/documents/{model}/").status_code == 200
    assert clerk.get(f"/quan-tri/documents/{model}/add/").status_code == 200


def test_a_profile_opens_with_its_values(clerk, seeded):
    profile = FormatProfile.objects.get(code="dang-66")
    page = clerk.get(f"/quan-tri/documents/formatprofile/{profile.pk}/change/").content.decode()
    assert "Quy định 66-QĐ/TW, Hướng dẫn 36-HD/VPTW" in page
    assert "Lề trái (mm)" in page or "lề trái (mm)" in page


def test_the_admin_refuses_a_collective_ban(clerk, commissions):
    issuer = Issuer.for_unit(commissions.new, commissions.new.valid_from)
    data = {
        "unit": issuer.unit_id,
        "system": "party",
        "valid_from": "01/03/2025",
        "valid_until": "",
        "superior_line": issuer.superior_line,
        "issuer_line": issuer.issuer_line,
        "symbol": issuer.symbol,
        "place": issuer.place,
        "head_title": issuer.head_title,
        "head_name": issuer.head_name,
        "deputy_title": issuer.deputy_title,
        "deputy_name": issuer.deputy_name,
        "is_collective": "on",
        "collective_name": "BAN TUYÊN GIÁO VÀ DÂN VẬN",
    }
    response = clerk.post(f"/quan-tri/documents/issuer/{issuer.pk}/change/", data)
    assert response.status_code == 200  # the form again, with the error
    assert "không ký “T/M”" in response.content.decode()
    issuer.refresh_from_db()
    assert issuer.is_collective is False
