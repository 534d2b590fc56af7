"""The tờ trình printed as a Word document in the proposing unit's format, reopened and read back."""

import io

import docx
import pytest
from django.urls import reverse
from django.utils import timezone

from danvan.awards import services
from danvan.awards.tests.conftest import collective, individual, make_proposal
from danvan.core.vn import header_date
from danvan.documents.models import Issuer

pytestmark = pytest.mark.django_db
DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


@pytest.fixture
def proposal(world):
    cast = world.cast
    Issuer.objects.create(
        unit=cast.c1, issuer_line="ĐẢNG ỦY XÃ LONG THUẬN", symbol="ĐU", place="Long Thuận", head_title="BÍ THƯ"
    )
    proposal = make_proposal(
        cast.c1,
        world.giay_khen_new,
        cast.c1_officer,
        2026,
        [collective(cast.c1), individual(cast.c1, "Nguyễn Thị Tuyết Mai", "Chủ tịch Hội Nông dân xã")],
        number="15",
    )
    return services.transition(cast.c1_officer, proposal, "submit")


def read(content: bytes) -> tuple[list[str], list[list[str]]]:
    word = docx.Document(io.BytesIO(content))
    lines = [p.text for p in word.paragraphs if p.text.strip()]
    rows = [[cell.text for cell in row.cells] for table in word.tables for row in table.rows]
    return lines, rows


def test_the_proposal_prints_as_a_to_trinh_with_its_list(client, world, proposal):
    client.force_login(world.cast.c1_officer)
    page = client.get(reverse("awards:proposal-detail", args=[proposal.pk])).content.decode()
    url = reverse("awards:proposal-docx", args=[proposal.pk])
    assert url == f"/khen-thuong/de-nghi/{proposal.pk}/to-trinh.docx" and url in page
    response = client.get(url)
    assert response.status_code == 200 and response["Content-Type"] == DOCX
    lines, rows = read(response.content)
    header = " ".join(" ".join(row) for row in rows[:1])
    assert "ĐẢNG ỦY XÃ LONG THUẬN" in header and "Số 15-TTr/ĐU" in header
    assert f"Long Thuận, {header_date(timezone.localdate())}" in header
    assert "TỜ TRÌNH" in lines
    assert "Đề nghị tặng Giấy khen" in lines
    assert "Kính gửi: Ban Tuyên giáo và Dân vận Tỉnh ủy" in lines
    request = next(line for line in lines if "kính đề nghị" in line)
    assert "tặng Giấy khen cho 1 tập thể và 1 cá nhân (có danh sách kèm theo)" in request
    assert "DANH SÁCH TẬP THỂ, CÁ NHÂN ĐỀ NGHỊ TẶNG GIẤY KHEN" in lines
    assert "(Kèm theo Tờ trình số 15-TTr/ĐU" in " ".join(lines)
    names = [row[1] for row in rows if len(row) == 4]
    assert "Đảng ủy xã Long Thuận" in names and "Nguyễn Thị Tuyết Mai" in names


def test_another_units_proposal_cannot_be_printed(client, world, proposal):
    client.force_login(world.cast.c2_officer)
    assert client.get(reverse("awards:proposal-docx", args=[proposal.pk])).status_code == 404


def test_without_configured_issuer_details_the_unit_tree_gives_them(client, world):
    cast = world.cast
    proposal = make_proposal(cast.c2, world.giay_khen_new, cast.c2_officer, 2026, [collective(cast.c2)])
    client.force_login(cast.c2_officer)
    response = client.get(reverse("awards:proposal-docx", args=[proposal.pk]))
    assert response.status_code == 200
    lines, _rows = read(response.content)
    assert "TỜ TRÌNH" in lines
