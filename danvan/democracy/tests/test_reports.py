"""The yearly Word report: reopened with python-docx, its figures held against the database and the statistics
page; the legal grounds those valid in the year (2022: the ordinance; 2023: it and the Law; 2024: the Law and its
decrees); the issuer the area's. The review's part gives the same figures. Rendered to PDF and PNG under
test-artifacts/democracy/ to be looked at."""

from __future__ import annotations

import datetime as dt
import io
import os
import shutil
import subprocess
from pathlib import Path

import docx
import pytest
from django.urls import reverse

from danvan.democracy import reports, services, year_review
from danvan.democracy.choices import BoardKind, CharterState, MatterMethod
from danvan.democracy.models import Disclosure, DisclosureMethod
from danvan.democracy.tests.conftest import (
    agency,
    make_board,
    make_charter,
    make_dialogue,
    make_matter,
    make_record,
)
from danvan.documents.pdf import docx_to_pdf
from danvan.documents.year_review import Chapter, ReviewRequest

pytestmark = pytest.mark.django_db


def text_of(content: bytes) -> str:
    document = docx.Document(io.BytesIO(content))
    cells = [cell.text for table in document.tables for row in table.rows for cell in row.cells]
    return "\n".join([p.text for p in document.paragraphs] + cells)


def tables_of(content: bytes) -> list[list[list[str]]]:
    document = docx.Document(io.BytesIO(content))
    return [[[cell.text for cell in row.cells] for row in table.rows] for table in document.tables]


@pytest.fixture
def year_2024(cast):
    c1, c2 = make_record(cast.admin, cast.c1, 2024), make_record(cast.admin, cast.c2, 2024)
    office = make_record(cast.admin, agency(cast.d1, "Phòng Giáo dục huyện"), 2024,
                         review_on=dt.date(2024, 12, 18), review_result="Hoàn thành tốt")  # fmt: skip
    method = DisclosureMethod.objects.get(code="niem-yet")
    for record, n in ((c1, 10), (c2, 6)):
        lines = Disclosure.objects.filter(record=record).order_by("item__order")[:n]
        services.save_checklist(cast.admin, record, {line.pk: (True, [method.pk], dt.date(2024, 3, 5))
                                                      for line in lines}, record.version)  # fmt: skip
    make_matter(cast.admin, c1, agreeing=150, households=200)
    make_matter(cast.admin, c1, agreeing=90, households=200, content="Đèn đường", method=MatterMethod.BALLOT)
    make_matter(cast.admin, c2, agreeing=None, households=300, content="Nạo vét kênh")
    make_board(cast.admin, c1, recommendations=6, resolved=5)
    make_board(cast.admin, c2, recommendations=4, resolved=2)
    make_board(cast.admin, c1, kind=BoardKind.INVESTMENT, recommendations=3, resolved=3)
    make_charter(cast.admin, c1, "Ấp 1")
    make_charter(cast.admin, c1, "Ấp 2", state=CharterState.REVISED)
    make_charter(cast.admin, c2, "Ấp Bến Đình", state=CharterState.DRAFTED)
    make_dialogue(cast.admin, office, participants=85, issues=7, resolved=6)
    return c1, c2, office


def test_the_report_holds_the_figures_and_the_grounds_of_its_year(client, cast, year_2024):
    client.force_login(cast.d1_officer)
    response = client.post(reverse("democracy:report"), {"don_vi": cast.d1.pk, "nam": 2024,
                                                        "danh_gia": "Các xã thực hiện nghiêm túc."})  # fmt: skip
    assert response.status_code == 200 and response["Content-Type"].endswith("wordprocessingml.document")
    content = response.content
    text = text_of(content)
    assert "Kết quả thực hiện dân chủ ở cơ sở năm 2024" in text
    assert "Luật Thực hiện dân chủ ở cơ sở ngày 10 tháng 11 năm 2022" in text
    assert "Nghị định số 59/2023/NĐ-CP" in text and "Pháp lệnh" not in text
    assert "HUYỆN ỦY BẾN CẦU" in text
    assert "Các xã thực hiện nghiêm túc." in text
    stats = client.get(reverse("democracy:statistics") + f"?nam=2024&don_vi={cast.d1.pk}").context["totals"]
    items = Disclosure.objects.filter(record__in=year_2024).count()
    assert (stats.items, stats.done) == (items, 16)
    assert f"công khai 16/{items} nội dung" in text
    disclosure = tables_of(content)[-3]
    assert disclosure[-1][1:] == ["3", str(items), "16", f"{16 / items * 100:.1f}%".replace(".", ",")]
    assert "Nhân dân bàn và quyết định trực tiếp 3 nội dung" in text
    assert "1 nội dung được quá nửa số hộ gia đình đồng ý (33,3%)" in text
    assert "1 nội dung chưa đủ quá nửa số hộ đồng ý, 1 nội dung đang lấy ý kiến" in text
    boards = {row[0]: row[1:] for row in tables_of(content)[-2][1:]}
    assert boards["Ban Thanh tra nhân dân"] == ["2", "14", "12", "10", "7", "70,0%"]
    assert boards["Ban Giám sát đầu tư của cộng đồng"] == ["1", "7", "6", "3", "3", "100,0%"]
    assert "2 hương ước được công nhận (trong đó 1 bản sửa đổi, bổ sung), 1 hương ước đang xây dựng" in text
    assert "2 thôn, ấp, khu phố có hương ước" in text
    assert "tổ chức 1 cuộc đối thoại tại nơi làm việc với 85 lượt người tham dự; 7 ý kiến" in text
    assert "Ban Chỉ đạo thực hiện dân chủ ở cơ sở của 1/3 đơn vị đã tổng kết năm" in text

    part = year_review.parts(ReviewRequest(cast.d1_officer, 2024, (cast.d1,), dt.date(2025, 1, 15)))[0]
    assert part.chapter == Chapter.GOVERNMENT
    assert part.figures["disclosure_done"] == stats.done == 16 and part.figures["matters_decided"] == 1
    assert part.figures["inspection_recommendations"] == 10 and part.figures["charters_in_force"] == 2


def test_grounds_follow_the_law_in_force(cast):
    assert any("Pháp lệnh" in g for g in reports.grounds(2022))
    assert not any("Luật Thực hiện" in g for g in reports.grounds(2022))
    both = reports.grounds(2023)
    assert any("Pháp lệnh" in g for g in both) and any("Luật Thực hiện" in g for g in both)
    assert not any("Pháp lệnh" in g or "149/2018" in g for g in reports.grounds(2025))


def test_a_bad_choice_comes_back_on_the_page(client, cast):
    client.force_login(cast.c1_officer)
    response = client.post(reverse("democracy:report"), {"don_vi": cast.c3.pk, "nam": 2024})
    assert response.status_code == 200 and "ngoài phạm vi của bạn" in response.content.decode()


def artifacts() -> Path:
    folder = Path(os.environ.get("DANVAN_ARTIFACTS", "test-artifacts")) / "democracy"
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def test_the_report_is_rendered_to_look_at(cast, year_2024):
    data = reports.report_data(cast.admin, cast.province, 2024, dt.date(2025, 1, 15))
    content = reports.render_docx(reports.report_document(data, "Các cấp ủy quan tâm lãnh đạo.", ""))
    folder = artifacts()
    (folder / "bao-cao-dan-chu-2024.docx").write_bytes(content)
    assert "BÁO CÁO" in text_of(content)
    pdf, pdftoppm = docx_to_pdf(content), shutil.which("pdftoppm")
    if pdf is None or pdftoppm is None:
        pytest.skip("LibreOffice or poppler missing: the .docx is written")
    (folder / "bao-cao-dan-chu-2024.pdf").write_bytes(pdf)
    subprocess.run([pdftoppm, "-png", "-r", "60", str(folder / "bao-cao-dan-chu-2024.pdf"),
                    str(folder / "bao-cao-dan-chu-2024")], check=True)  # fmt: skip
    assert (folder / "bao-cao-dan-chu-2024-1.png").exists()
