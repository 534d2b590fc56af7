"""The decision is opened again with python-docx and the certificates are read back with poppler."""

from __future__ import annotations

import datetime as dt
import io
import re
import subprocess
import unicodedata
from decimal import Decimal

import docx
import pytest
from django.urls import reverse

from danvan.awards import certificates, services
from danvan.awards.choices import Orientation, SignerMode
from danvan.awards.documents import decision_docx, docx_filename
from danvan.awards.models import Recipient
from danvan.awards.tests.conftest import ACHIEVEMENT, approved_proposal, artifacts, collective, individual
from danvan.core.jobs.models import Job
from danvan.core.testing.jobs import check_started_only_by_its_button
from danvan.documents.tests.conftest import require_tool

pytestmark = pytest.mark.django_db

DAY = dt.date(2025, 12, 20)


@pytest.fixture
def decision(world):
    """A Giấy khen of the Ban Tuyên giáo và Dân vận from two communes' proposals: 2 collectives, 1 individual."""
    cast = world.cast
    world.giay_khen_new.reward_collective, world.giay_khen_new.reward_individual = 600_000, 300_000
    world.giay_khen_new.save()
    mai = individual(cast.c1, "Nguyễn Thị Tuyết Mai", "Chủ tịch Hội Nông dân xã")
    first = approved_proposal(
        world, cast.c1, cast.c1_officer, cast.d1_reviewer, world.giay_khen_new, 2025, [collective(cast.c1), mai]
    )
    second = approved_proposal(
        world,
        cast.c3,
        cast.d2_officer,
        cast.admin,
        world.giay_khen_new,
        2025,
        [collective(cast.c3, "Chi bộ ấp Đồng Kèn")],
    )
    draft = services.new_decision(world.giay_khen_new, 2025, DAY)
    draft.achievement = ACHIEVEMENT.replace("2024", "2025")
    draft = services.create_decision(cast.admin, draft)
    services.attach_proposals(cast.admin, draft, [first, second])
    return services.issue_decision(cast.admin, draft)


def reopen(decision) -> docx.document.Document:
    content = decision_docx(decision)
    (artifacts() / docx_filename(decision)).write_bytes(content)
    return docx.Document(io.BytesIO(content))


def texts(word) -> list[str]:
    return [p.text for p in word.paragraphs if p.text.strip()]


def cell_lines(cell) -> list[str]:
    return [p.text for p in cell.paragraphs if p.text.strip()]


def test_the_decision_has_the_party_header_title_and_legal_bases(decision):
    word = reopen(decision)
    left, right = word.tables[0].rows[0].cells
    assert cell_lines(left) == ["TỈNH ỦY TÂY NINH", "BAN TUYÊN GIÁO VÀ DÂN VẬN", "*", "Số 01-QĐ/BTGDVTU"]
    assert cell_lines(right) == ["ĐẢNG CỘNG SẢN VIỆT NAM", "Tây Ninh, ngày 20 tháng 12 năm 2025"]
    lines = texts(word)
    start = lines.index("QUYẾT ĐỊNH")
    assert lines[start : start + 4] == [
        "QUYẾT ĐỊNH",
        "Về việc tặng Giấy khen",
        "-----",
        "TRƯỞNG BAN TUYÊN GIÁO VÀ DÂN VẬN TỈNH ỦY",
    ]
    bases = [line for line in lines if line.startswith("- ")]
    assert bases[0] == "- Căn cứ Luật Thi đua, khen thưởng ngày 15 tháng 6 năm 2022;"
    assert all(line.startswith("- Căn cứ") and line.endswith(";") for line in bases[:-1])
    assert bases[-1] == "- Xét đề nghị của Đảng ủy xã Long Thuận, Đảng ủy xã Tân Lập,"
    assert lines.count("QUYẾT ĐỊNH") == 2  # the title and the heading of the articles


def test_article_one_counts_the_recipients_and_articles_two_and_three_follow(decision):
    lines = texts(reopen(decision))
    article = next(line for line in lines if line.startswith("Điều 1."))
    assert article == (
        "Điều 1. Tặng Giấy khen cho 2 tập thể và 1 cá nhân (có danh sách kèm theo) đã có thành tích xuất sắc "
        "trong phong trào thi đua “Dân vận khéo” năm 2025."
    )
    assert next(line for line in lines if line.startswith("Điều 2.")) == (
        "Điều 2. Mỗi tập thể được tặng Giấy khen kèm theo tiền thưởng 600.000 đồng; "
        "mỗi cá nhân được tặng Giấy khen kèm theo tiền thưởng 300.000 đồng."
    )
    assert next(line for line in lines if line.startswith("Điều 3.")).endswith(
        "chịu trách nhiệm thi hành Quyết định này."
    )


def test_the_signature_and_the_distribution(decision):
    closing = reopen(decision).tables[1]
    recipients, signature = closing.rows[0].cells
    assert cell_lines(recipients) == ["Nơi nhận:", "- Như Điều 3,", "- Thường trực Tỉnh ủy (báo cáo),", "- Lưu VP."]
    assert cell_lines(signature) == ["TRƯỞNG BAN", "Nguyễn Văn Hùng"]
    assert signature.paragraphs[-1].runs[0].bold


def test_the_annex_lists_collectives_then_individuals(decision):
    word = reopen(decision)
    lines = texts(word)
    assert "DANH SÁCH TẬP THỂ, CÁ NHÂN ĐƯỢC TẶNG GIẤY KHEN" in lines
    assert (
        "(Kèm theo Quyết định số 01-QĐ/BTGDVTU, ngày 20 tháng 12 năm 2025 của Ban Tuyên giáo và Dân vận Tỉnh ủy)"
        in lines
    )
    table = word.tables[2]
    rows = [[cell.text for cell in row.cells] for row in table.rows]
    assert rows == [
        ["STT", "Tên tập thể, họ và tên", "Chức vụ", "Đơn vị"],
        ["I", "TẬP THỂ (2)", "", ""],
        ["1", "Đảng ủy xã Long Thuận", "", ""],
        ["2", "Chi bộ ấp Đồng Kèn", "", "Đảng ủy xã Tân Lập"],
        ["II", "CÁ NHÂN (1)", "", ""],
        ["3", "Nguyễn Thị Tuyết Mai", "Chủ tịch Hội Nông dân xã", "Đảng ủy xã Long Thuận"],
    ]
    assert all(unicodedata.is_normalized("NFC", cell) for row in rows for cell in row)
    # The group headings are bold, the recipients are not.
    bold = [all(run.bold for p in row.cells[1].paragraphs for run in p.runs) for row in table.rows[1:]]
    assert bold == [True, False, False, True, False]


def test_only_collectives_say_no_zero_individuals_and_a_deputy_signs_for_the_head(world):
    cast = world.cast
    draft = services.new_decision(world.giay_khen, 2024, dt.date(2025, 1, 10))
    draft.achievement, draft.signer_mode, draft.signer_name = ACHIEVEMENT, SignerMode.DEPUTY, "Lý Trung Đông"
    draft = services.create_decision(cast.admin, draft)
    for unit in (cast.c1, cast.c2, cast.c3):
        services.save_decision_recipient(cast.admin, draft, Recipient(kind="collective", is_unit=True, unit=unit))
    word = reopen(draft)
    lines = texts(word)
    article = next(line for line in lines if line.startswith("Điều 1."))
    assert "cho 3 tập thể (có danh sách kèm theo)" in article and "cá nhân" not in article
    assert "Điều 2. Tiền thưởng kèm theo Giấy khen thực hiện theo quy định hiện hành." in lines
    assert "DANH SÁCH TẬP THỂ ĐƯỢC TẶNG GIẤY KHEN" in lines
    assert [row.cells[0].text for row in word.tables[2].rows] == ["STT", "1", "2", "3"]
    left = word.tables[0].rows[0].cells[0]
    assert re.fullmatch(r"Số \s+-QĐ/BDVTU", cell_lines(left)[-1])  # a draft leaves the number blank
    assert cell_lines(word.tables[1].rows[0].cells[1]) == ["K/T TRƯỞNG BAN", "PHÓ TRƯỞNG BAN", "Lý Trung Đông"]


def test_a_decision_of_the_peoples_committee_is_in_the_state_format(world):
    cast = world.cast
    draft = services.new_decision(world.bang_khen, 2022, dt.date(2022, 12, 29))
    draft.achievement = "đã có thành tích xuất sắc, tiêu biểu trong phong trào thi đua “Dân vận khéo” năm 2022"
    draft.number = "2514/QĐ-UBND"
    draft = services.create_decision(cast.admin, draft)
    for name in ("Nguyễn Văn Một", "Trần Thị Hai"):
        services.save_decision_recipient(cast.admin, draft, Recipient(kind="individual", unit=cast.c1, name=name))
    word = reopen(services.issue_decision(cast.admin, draft))
    left, right = word.tables[0].rows[0].cells
    assert cell_lines(left) == ["ỦY BAN NHÂN DÂN", "TỈNH TÂY NINH", "Số: 2514/QĐ-UBND"]
    assert cell_lines(right)[:2] == ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc"]
    lines = texts(word)
    assert "CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH TÂY NINH" in lines and "QUYẾT ĐỊNH:" in lines
    # The laws in force on 29/12/2022: the 2015 local government law (amended 2019), the 2003 emulation law.
    bases = [line for line in lines if line.startswith("Căn cứ")]
    assert bases[0].startswith("Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015;")
    assert bases[1].startswith("Căn cứ Luật Thi đua, khen thưởng ngày 26 tháng 11 năm 2003;")
    assert not [line for line in bases if "2025" in line or "năm 2022" in line]
    article = next(line for line in lines if line.startswith("Điều 1."))
    assert article.startswith("Điều 1. Tặng Bằng khen cho 2 cá nhân (có danh sách kèm theo) đã có thành tích")
    assert cell_lines(word.tables[1].rows[0].cells[1]) == ["CHỦ TỊCH", "Nguyễn Văn Năm"]


# --- Certificates --------------------------------------------------------------------------------


def pdf_text(pdf: bytes) -> list[str]:
    out = subprocess.run(
        [require_tool("pdftotext"), "-enc", "UTF-8", "-", "-"], input=pdf, capture_output=True, check=True
    )
    pages = out.stdout.decode("utf-8").split("\f")
    return [" ".join(unicodedata.normalize("NFC", page).split()) for page in pages if page.strip()]


def pdf_info(pdf: bytes, tmp_path) -> dict[str, str]:
    path = tmp_path / "giay-khen.pdf"
    path.write_bytes(pdf)
    out = subprocess.run([require_tool("pdfinfo"), str(path)], capture_output=True, check=True, text=True).stdout
    return dict(line.split(":", 1) for line in out.splitlines() if ":" in line)


def word_top(pdf: bytes, word: str) -> float:
    """The top (pt) of a word on the first page, from pdftotext's bounding boxes."""
    out = subprocess.run([require_tool("pdftotext"), "-bbox", "-f", "1", "-l", "1", "-", "-"], input=pdf,
                         capture_output=True, check=True).stdout.decode()  # fmt: skip
    match = re.search(rf'yMin="([\d.]+)"[^>]*>{re.escape(word)}<', out)
    assert match, word
    return float(match.group(1))


def test_the_certificates_are_one_a4_landscape_page_per_recipient_with_vietnamese_glyphs(decision, tmp_path):
    pdf = certificates.certificates_pdf(decision)
    (artifacts() / "giay-khen.pdf").write_bytes(pdf)
    info = pdf_info(pdf, tmp_path)
    assert info["Pages"].strip() == "3"
    assert info["Page size"].split("pts")[0].split() == ["841.89", "x", "595.276"]
    pages = pdf_text(pdf)
    names = ["Đảng ủy xã Long Thuận", "Chi bộ ấp Đồng Kèn", "Nguyễn Thị Tuyết Mai"]
    assert all(name in page for page, name in zip(pages, names, strict=True))
    last = pages[2]
    for expected in (
        "ĐẢNG CỘNG SẢN VIỆT NAM",
        "TRƯỞNG BAN TUYÊN GIÁO VÀ DÂN VẬN TỈNH ỦY",
        "TẶNG",
        "GIẤY KHEN",
        "Chủ tịch Hội Nông dân xã, Đảng ủy xã Long Thuận",
        "Đã có thành tích xuất sắc trong phong trào thi đua “Dân vận khéo” năm 2025.",
        "Quyết định số: 01-QĐ/BTGDVTU",
        "Tây Ninh, ngày 20 tháng 12 năm 2025",
        "Nguyễn Văn Hùng",
    ):
        assert expected in last, expected
    assert "?" not in " ".join(pages) and "\ufffd" not in " ".join(pages)
    fonts = subprocess.run([require_tool("pdffonts"), "-"], input=pdf, capture_output=True).stdout.decode()
    names = [line.split()[0].split("+")[-1] for line in fonts.splitlines()[2:]]
    assert names and all(name.replace("-", "").startswith("LiberationSerif") for name in names), names


def test_a_preprinted_blank_gets_only_the_variable_text_and_offsets_move_it(decision):
    plain = certificates.certificates_pdf(decision)
    layout = certificates.Layout.of(decision.award_type).adjusted(
        preprinted=True, offset_x_mm=Decimal(3), offset_y_mm=Decimal(10)
    )
    blank = certificates.certificates_pdf(decision, list(decision.recipients.filter(kind="individual")), layout)
    (artifacts() / "giay-khen-phoi.pdf").write_bytes(blank)
    (page,) = pdf_text(blank)
    assert "Nguyễn Thị Tuyết Mai" in page and "Quyết định số: 01-QĐ/BTGDVTU" in page
    assert "GIẤY KHEN" not in page and "ĐẢNG CỘNG SẢN VIỆT NAM" not in page
    moved = word_top(blank, "Tuyết") - word_top(plain, "Đảng")  # first page of plain: a collective
    assert moved == pytest.approx(10 * 72 / 25.4, abs=1.5)


def test_a_portrait_layout_and_offsets_typed_on_the_print_form(decision, tmp_path):
    layout = certificates.Layout.of(decision.award_type).adjusted(orientation=Orientation.PORTRAIT)
    info = pdf_info(certificates.certificates_pdf(decision, layout=layout), tmp_path)
    assert info["Page size"].split("pts")[0].split() == ["595.276", "x", "841.89"]
    assert certificates.parse_offset(" -3,5 ") == Decimal("-3.5")
    assert certificates.parse_offset("") is None
    for bad in ("abc", "80", "nan"):
        with pytest.raises(ValueError):
            certificates.parse_offset(bad)


def test_the_print_form_options_reach_the_worker_and_a_bad_offset_is_refused_at_once(client, world, decision, worker):
    client.force_login(world.cast.admin)
    url = reverse("awards:decision-certificates", args=[decision.pk])
    refused = client.post(url, {"lech_doc": "abc"}, follow=True)
    assert "Độ lệch “abc” không phải là số (mm)." in refused.content.decode() and not Job.objects.exists()
    assert client.post(url, {"nguoi_nhan": "999999"}).status_code == 404
    mai = decision.recipients.get(kind="individual")
    response = client.post(url, {"in_tren": "phoi", "nguoi_nhan": mai.pk, "lech_doc": "10"})
    job = Job.objects.get(kind="awards.certificates")
    assert response["Location"] == reverse("jobs:detail", args=[job.pk]) and job.link == decision.get_absolute_url()
    worker.wait(job)
    assert job.status == Job.Status.DONE, job.error
    pdf = b"".join(client.get(reverse("jobs:download", args=[job.pk])).streaming_content)
    (page,) = pdf_text(pdf)  # one recipient, on the pre-printed blank: only the variable text
    assert "Nguyễn Thị Tuyết Mai" in page and "GIẤY KHEN" not in page
    assert job.result_name == f"{certificates.file_stem(decision)}.pdf"


def test_only_the_print_button_starts_the_certificates_job_opening_its_address_does_not(client, world, decision):
    client.force_login(world.cast.admin)
    url = reverse("awards:decision-certificates", args=[decision.pk])
    job = check_started_only_by_its_button(client, decision.get_absolute_url(), url)
    assert job.kind == "awards.certificates" and job.params == {"decision": decision.pk, "options": {}}
