"""The ranking (ties share a rank, classes from the set's thresholds), its xlsx and Word renderings
opened again, and the award proposal made from the top of it."""

import datetime as dt
import io
import os
import shutil
import subprocess
from decimal import Decimal as D
from pathlib import Path
from types import SimpleNamespace

import docx
import openpyxl
import pytest
from django.urls import reverse

from danvan.core.testing.factories import make_unit, make_user
from danvan.documents import demo as documents_demo
from danvan.documents.models import FormatProfile, PartyTerm
from danvan.documents.pdf import docx_to_pdf
from danvan.documents.seed import seed_config as seed_documents
from danvan.emulation import reports, services
from danvan.emulation.models import Scorecard
from danvan.emulation.tests.conftest import Sheet, build_tree
from danvan.org.choices import LineageKind
from danvan.org.services import record_lineage

pytestmark = pytest.mark.django_db

REPORT_DAY = dt.date(2026, 1, 20)
ORDER = [
    # unit, rank, appraised total, class
    ("Huyện ủy Bến Cầu", 1, D("95"), "Hoàn thành xuất sắc nhiệm vụ"),
    ("Huyện ủy Tân Biên", 2, D("80"), "Hoàn thành tốt nhiệm vụ"),
    ("Thị ủy Hòa Thành", 2, D("80"), "Hoàn thành tốt nhiệm vụ"),
    ("Huyện ủy Gò Dầu", 4, D("45"), "Không hoàn thành nhiệm vụ"),
]


@pytest.fixture
def commissions(cast):
    """The Ban Dân vận (until 28/2/2025) merged into the Ban Tuyên giáo và Dân vận, with their issuers."""
    seed_documents(FormatProfile, PartyTerm)
    old = make_unit("Ban Dân vận Tỉnh ủy Tây Ninh", "ban-dan-van", cast.province, valid_until=dt.date(2025, 2, 28))
    new = make_unit("Ban Tuyên giáo và Dân vận Tỉnh ủy Tây Ninh", "ban-dan-van", cast.province,
                    valid_from=dt.date(2025, 3, 1))  # fmt: skip
    record_lineage(LineageKind.MERGE, dt.date(2025, 3, 1), [old], [new])
    documents_demo.load(SimpleNamespace(commission_old=old, commission=new, province=cast.province))
    return SimpleNamespace(old=old, new=new)


@pytest.fixture
def ranked(cast, commissions):
    """Five districts scored by the Ban Dân vận in 2021: four final (two tied), one still submitted."""
    criteria_set = services.create_set(
        cast.admin,
        name="Bản điểm thi đua Ban Dân vận Huyện ủy, Thị ủy, Thành ủy năm 2021",
        year=2021,
        unit=commissions.old,
    )
    criteria = build_tree(cast.admin, criteria_set)
    d3 = make_unit("Thị ủy Hòa Thành", "huyen-uy", cast.province, code="D3", valid_until=dt.date(2025, 6, 30))
    d4 = make_unit("Huyện ủy Gò Dầu", "huyen-uy", cast.province, code="D4", valid_until=dt.date(2025, 6, 30))
    d5 = make_unit("Thành ủy Tây Ninh", "huyen-uy", cast.province, code="D5", valid_until=dt.date(2025, 6, 30))
    officers = {"d3": make_user("d3_officer", d3), "d4": make_user("d4_officer", d4), "d5": make_user("d5_officer", d5)}
    services.fill_members(cast.admin, criteria_set, ["huyen-uy"])
    cards = {c.unit.code.lower(): c for c in Scorecard.objects.filter(criteria_set=criteria_set).select_related("unit")}
    sheet = Sheet(cast, criteria_set, criteria, cards["d1"], cards["d2"])
    for name in ("d3", "d4", "d5"):
        setattr(sheet, name, cards[name])
    sheet.finalize("d1", cast.d1_officer, cast.admin, appraised={"I.2": 15})
    sheet.finalize("d2", cast.d2_officer, cast.admin, II_1=10)
    sheet.finalize("d3", officers["d3"], cast.admin, II_2_a=10, II_2_b=10, III_1=5, IV_1=5)
    sheet.finalize("d4", officers["d4"], cast.admin, I_1=0, I_2=5, II_1=10, II_2_a=10)
    sheet.submit("d5", officers["d5"], I_1=9)
    return sheet


def test_ties_share_a_rank_and_classes_follow_the_thresholds(ranked):
    result = reports.ranking(ranked.criteria_set, ranked.cast.admin)
    assert [(r.unit_name, r.rank, r.appraised_total, r.grade) for r in result.ranked] == ORDER
    assert [(r.unit_name, r.rank, r.self_total, r.status) for r in result.pending] == [
        ("Thành ủy Tây Ninh", None, D("99"), "submitted")
    ]
    first = result.ranked[0]
    assert (first.self_total, first.difference) == (D("100"), D("-5"))
    assert result.total_max == D("100")
    assert result.by_grade == [
        ("Hoàn thành xuất sắc nhiệm vụ", 1),
        ("Hoàn thành tốt nhiệm vụ", 2),
        ("Hoàn thành nhiệm vụ", 0),
        ("Không hoàn thành nhiệm vụ", 1),
    ]
    assert [r.unit_name for r in result.top(2)] == ["Huyện ủy Bến Cầu", "Huyện ủy Tân Biên", "Thị ủy Hòa Thành"]


def test_the_ranking_is_the_commissions_only(ranked, client):
    cast = ranked.cast
    assert [r.unit_name for r in reports.ranking(ranked.criteria_set, cast.d1_officer).rows] == ["Huyện ủy Bến Cầu"]
    client.force_login(cast.d1_officer)
    assert client.get(reverse("emulation:results", args=[ranked.criteria_set.pk])).status_code == 404


def test_the_xlsx_export_opens_with_the_same_rows(ranked, client):
    client.force_login(ranked.cast.admin)
    response = client.get(reverse("emulation:results-xlsx", args=[ranked.criteria_set.pk]))
    sheet = openpyxl.load_workbook(io.BytesIO(response.content)).active
    assert sheet["A1"].value == "KẾT QUẢ CHẤM ĐIỂM THI ĐUA NĂM 2021"
    rows = list(sheet.iter_rows(min_row=5, values_only=True))
    assert rows[0] == tuple(reports.HEADERS)
    assert [(r[1], r[5], r[3], r[6]) for r in rows[1:5]] == [(u, rank, float(t), g) for u, rank, t, g in ORDER]
    assert rows[5][1] == "Thành ủy Tây Ninh" and rows[5][5] is None and rows[5][7] == "Đã nộp"
    assert rows[1][4] == -5.0


def reopen(data: bytes) -> docx.document.Document:
    return docx.Document(io.BytesIO(data))


def test_the_word_report_is_a_party_format_document_with_the_ranking(ranked, commissions):
    result = reports.ranking(ranked.criteria_set, ranked.cast.admin)
    data = reports.ranking_docx(result, REPORT_DAY)
    word = reopen(data)
    header = word.tables[0]
    left = [p.text for p in header.rows[0].cells[0].paragraphs]
    assert left[:3] == ["TỈNH ỦY TÂY NINH", "BAN TUYÊN GIÁO VÀ DÂN VẬN", "*"]  # today's successor issues it
    assert left[3].endswith("-BC/BTGDVTU")
    texts = [p.text for p in word.paragraphs]
    assert "BÁO CÁO" in texts
    assert "Kết quả chấm điểm thi đua năm 2021" in texts
    table = word.tables[1]
    rows = [[cell.text for cell in row.cells] for row in table.rows]
    assert rows[0] == ["STT", "Đơn vị", "Tự chấm", "Thẩm định", "Xếp hạng", "Xếp loại"]
    assert [(r[1], r[4], r[3], r[5]) for r in rows[1:]] == [
        ("Huyện ủy Bến Cầu", "1", "95", "Hoàn thành xuất sắc nhiệm vụ"),
        ("Huyện ủy Tân Biên", "2", "80", "Hoàn thành tốt nhiệm vụ"),
        ("Thị ủy Hòa Thành", "2", "80", "Hoàn thành tốt nhiệm vụ"),
        ("Huyện ủy Gò Dầu", "4", "45", "Không hoàn thành nhiệm vụ"),
    ]
    body = "\n".join(texts)
    assert "- Hoàn thành tốt nhiệm vụ (từ 75 đến dưới 90 điểm): 2 đơn vị." in body
    assert "- Không hoàn thành nhiệm vụ (dưới 50 điểm): 1 đơn vị." in body
    assert "Có 1 đơn vị chưa có kết quả thẩm định chính thức nên chưa xếp hạng: Thành ủy Tây Ninh." in body
    assert "Tây Ninh, ngày 20 tháng 01 năm 2026" in [p.text for p in header.rows[0].cells[1].paragraphs]
    _save_for_review(data)


def _save_for_review(data: bytes) -> None:
    """The report and its first page as PNG under test-artifacts/emulation/, to look at."""
    folder = Path(os.environ.get("DANVAN_ARTIFACTS", "test-artifacts")) / "emulation"
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "bao-cao-ket-qua-thi-dua.docx").write_bytes(data)
    pdftoppm = shutil.which("pdftoppm")
    pdf = docx_to_pdf(data)
    if pdf is None or pdftoppm is None:
        return
    (folder / "bao-cao-ket-qua-thi-dua.pdf").write_bytes(pdf)
    subprocess.run(
        [pdftoppm, "-png", "-r", "60", str(folder / "bao-cao-ket-qua-thi-dua.pdf"), str(folder / "bao-cao-ket-qua")],
        check=True,
        timeout=60,
    )


def test_the_report_downloads_from_the_results_page(ranked, client):
    client.force_login(ranked.cast.admin)
    page = client.get(reverse("emulation:results", args=[ranked.criteria_set.pk]))
    html = page.content.decode()
    assert html.index("Huyện ủy Bến Cầu") < html.index("Huyện ủy Tân Biên") < html.index("Thị ủy Hòa Thành")
    response = client.get(reverse("emulation:results-docx", args=[ranked.criteria_set.pk]))
    assert response.status_code == 200
    assert "BÁO CÁO" in [p.text for p in reopen(response.content).paragraphs]


def test_the_top_units_go_into_a_draft_award_proposal_in_one_step(ranked, client):
    from danvan.awards.models import AwardType, Proposal

    cast = ranked.cast
    award_type = AwardType.objects.get(code="giay-khen-bdv-tinh-uy")
    client.force_login(cast.admin)
    response = client.post(
        reverse("emulation:propose", args=[ranked.criteria_set.pk]),
        {"n": "2", "award_type": award_type.pk, "achievement": ""},
    )
    assert response.status_code == 302
    proposal = Proposal.objects.get()
    assert (proposal.unit, proposal.year, proposal.award_type, proposal.status) == (
        cast.province,
        2021,
        award_type,
        "draft",
    )
    recipients = list(proposal.recipients.order_by("order").values_list("name", "kind", "is_unit", "unit__code"))
    assert recipients == [
        ("Huyện ủy Bến Cầu", "collective", True, "D1"),
        ("Huyện ủy Tân Biên", "collective", True, "D2"),
        ("Thị ủy Hòa Thành", "collective", True, "D3"),
    ]
    assert "Tổng điểm thẩm định 95, xếp hạng 1" in proposal.recipients.get(unit__code="D1").achievement


def test_only_the_commission_proposes(ranked, client):
    from danvan.awards.models import AwardType, Proposal

    award_type = AwardType.objects.get(code="giay-khen-bdv-tinh-uy")
    reviewer = make_user("bdv_reviewer", ranked.cast.d1, "reviewer")
    client.force_login(reviewer)
    response = client.post(
        reverse("emulation:propose", args=[ranked.criteria_set.pk]), {"n": "2", "award_type": award_type.pk}
    )
    assert response.status_code == 404
    assert not Proposal.objects.exists()


def test_the_dashboard_counts_scorecards_by_state_in_scope(ranked):
    cast = ranked.cast
    assert reports.status_counts(cast.admin, 2021) == {
        "draft": 0, "submitted": 1, "appraising": 0, "returned": 0, "final": 4,
    }  # fmt: skip
    assert reports.status_counts(cast.d1_officer)["final"] == 1
    assert sum(reports.status_counts(cast.outsider).values()) == 0
