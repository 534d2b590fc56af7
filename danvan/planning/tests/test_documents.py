"""The Word outputs reopened with python-docx and checked part by part: the plan ("KẾ HOẠCH"), the
announcement of a supervision's conclusions ("THÔNG BÁO") and the reviews of a year ("BÁO CÁO");
also rendered to PNG under test-artifacts/planning/ to be looked at."""

from __future__ import annotations

import datetime as dt
import io
import os
import shutil
import subprocess
from pathlib import Path

import docx
import openpyxl
import pytest

from danvan.documents.docx import render_docx
from danvan.documents.pdf import docx_to_pdf
from danvan.planning import cli, reports
from danvan.planning.models import Recommendation
from danvan.planning.services import directives as directive_services
from danvan.planning.services import supervision as supervision_services
from danvan.planning.tests.conftest import make_directive, make_plan, make_supervision, make_task

pytestmark = pytest.mark.django_db


def reopen(document) -> docx.document.Document:
    return docx.Document(io.BytesIO(render_docx(document)))


def header(word) -> tuple[list[str], list[str]]:
    left, right = word.tables[0].rows[0].cells
    return [p.text for p in left.paragraphs if p.text], [p.text for p in right.paragraphs if p.text]


def closing(word) -> tuple[list[str], list[str]]:
    recipients, signature = word.tables[-1].rows[0].cells
    return [p.text for p in recipients.paragraphs if p.text], [p.text for p in signature.paragraphs if p.text]


def body(word) -> list[str]:
    return [p.text for p in word.paragraphs if p.text]


@pytest.fixture
def year_2021(cast, config, commissions):
    """The commission's 2021 as seed 001 tells it: three reviews due, a plan, a supervision of two districts."""
    admin = cast.admin
    kl03 = make_directive(
        admin,
        commissions.old,
        interim_years="5",
        summary="Tiếp tục thực hiện Quyết định số "
        "290-QĐ/TW của Bộ Chính trị (khóa X) về ban hành “Quy chế công tác dân vận của hệ thống chính trị”",
    )
    ct19 = make_directive(
        admin,
        commissions.old,
        "19-CT/TW",
        dt.date(2018, 1, 10),
        "chi-thi",
        interim_years="3",
        summary="Tăng cường công tác ở vùng đồng bào dân tộc Khmer trong tình hình mới",
    )
    make_directive(
        admin,
        commissions.old,
        "08-KL/TW",
        dt.date(2011, 8, 2),
        final_years=10,
        issuer="Ban Bí thư (khóa XI)",
        summary="Xây dựng cốt cán trong tôn giáo",
    )
    ct04 = make_directive(
        admin,
        commissions.old,
        "04-CT/TW",
        dt.date(2011, 7, 6),
        "chi-thi",
        issuer="Ban Bí thư (khóa XI)",
        summary="Tiếp tục đổi mới và nâng cao hiệu quả công tác đối ngoại nhân dân trong tình hình mới",
    )
    directive_services.record_review(admin, ct19.milestones.get(), number="215-BC/TU", date=dt.date(2021, 3, 15))
    plan = make_plan(
        admin,
        commissions.old,
        2021,
        number="05-KH/BDVTU",
        issued_on=dt.date(2021, 1, 19),
        purpose="Triển khai thực hiện hiệu quả các nghị quyết, chỉ thị của Đảng về công tác dân vận.\n"
        "Bám sát nhiệm vụ chính trị của địa phương; phân công rõ đơn vị chủ trì, thời gian hoàn thành.",
        implementation="Các đơn vị chủ trì xây dựng kế hoạch cụ thể, báo cáo kết quả về Ban Dân vận Tỉnh ủy.",
    )
    make_task(
        admin,
        plan,
        commissions.old,
        dt.date(2021, 6, 30),
        "Tham mưu Ban Thường vụ Tỉnh ủy sơ kết 5 năm thực hiện Kết luận số 03-KL/TW của Ban Bí thư",
        partners=[cast.d1, cast.d2],
    )
    make_task(
        admin, plan, cast.d1, dt.date(2021, 10, 31), "Tổ chức Hội thi cán bộ làm công tác “Dân vận khéo” lần thứ XII"
    )
    sup = make_supervision(
        admin,
        commissions.old,
        [cast.d1, cast.d2],
        directive=ct04,
        subject_label="Ban Thường vụ Huyện ủy Bến Cầu và Tân Biên",
        team_head="Lý Trung Đông, Phó Trưởng Ban Dân vận Tỉnh ủy",
        actual_start=dt.date(2021, 8, 9),
        actual_end=dt.date(2021, 8, 13),
        concluded_on=dt.date(2021, 9, 6),
        announcement_number="12-TB/BDVTU",
        findings="Ban Thường vụ Huyện ủy đã ban hành kế hoạch thực hiện Chỉ thị số 04-CT/TW.\n"
        "Công tác đối ngoại nhân dân ở khu vực biên giới được quan tâm.",
        conclusions="Việc thực hiện Chỉ thị số 04-CT/TW đạt kết quả khá; cần chú trọng sơ kết định kỳ.",
    )
    for unit, text, deadline in [
        (
            cast.d1,
            "Xây dựng quy chế phối hợp với Đồn Biên phòng trong công tác đối ngoại nhân dân",
            dt.date(2021, 12, 31),
        ),
        (cast.d2, "Tổ chức sơ kết việc thực hiện Chỉ thị số 04-CT/TW ở cấp xã", dt.date(2022, 3, 31)),
    ]:
        supervision_services.save_recommendation(
            admin, Recommendation(supervision=sup, content=text, responsible_unit=unit, deadline=deadline)
        )
    return {"plan": plan, "supervision": sup, "kl03": kl03}


def test_the_plan_is_a_party_format_ke_hoach(year_2021):
    word = reopen(reports.plan_document(year_2021["plan"]))
    left, right = header(word)
    assert left == ["TỈNH ỦY TÂY NINH", "BAN DÂN VẬN", "*", "Số 05-KH/BDVTU"]
    assert right == ["ĐẢNG CỘNG SẢN VIỆT NAM", "Tây Ninh, ngày 19 tháng 01 năm 2021"]
    text = body(word)
    assert text[:3] == ["KẾ HOẠCH", "Công tác dân vận năm 2021", "-----"]
    assert text[3:5] == [
        "I. MỤC ĐÍCH, YÊU CẦU",
        "Triển khai thực hiện hiệu quả các nghị quyết, chỉ thị của Đảng về công tác dân vận.",
    ]
    assert "II. NHIỆM VỤ TRỌNG TÂM" in text and "III. TỔ CHỨC THỰC HIỆN" in text
    task = next(t for t in text if t.startswith("1."))
    assert task.endswith("sơ kết 5 năm thực hiện Kết luận số 03-KL/TW của Ban Bí thư.")
    assert "- Đơn vị chủ trì: Ban Dân vận Tỉnh ủy Tây Ninh; phối hợp: Huyện ủy Bến Cầu, Huyện ủy Tân Biên." in text
    assert "- Thời gian hoàn thành: 30/6/2021." in text
    recipients, signature = closing(word)
    assert recipients == [
        "Nơi nhận:",
        "- Thường trực Tỉnh ủy Tây Ninh (báo cáo),",
        "- Các cơ quan, đơn vị có liên quan,",
        "- Lưu VP.",
    ]
    assert signature == ["TRƯỞNG BAN", "Lê Minh Thế"]


def test_the_announcement_of_conclusions(year_2021):
    word = reopen(reports.announcement_document(year_2021["supervision"]))
    left, right = header(word)
    assert left[-1] == "Số 12-TB/BDVTU"
    assert right[-1] == "Tây Ninh, ngày 06 tháng 9 năm 2021"
    text = body(word)
    assert text[0] == "THÔNG BÁO"
    assert text[1] == (
        "Kết luận giám sát kết quả 10 năm thực hiện Chỉ thị số 04-CT/TW của Ban Bí thư (khóa XI) "
        "đối với Ban Thường vụ Huyện ủy Bến Cầu và Tân Biên"
    )
    opening = text[3]
    assert opening.startswith("Thực hiện Chương trình kiểm tra, giám sát năm 2021 của Ban Dân vận Tỉnh ủy Tây Ninh, ")
    assert "từ ngày 9/8/2021 đến ngày 13/8/2021, Đoàn giám sát do đồng chí Lý Trung Đông" in opening
    assert [t for t in text if t[:4] in ("I. K", "II. ", "III.")] == [
        "I. KẾT QUẢ THỰC HIỆN",
        "II. KẾT LUẬN",
        "III. KIẾN NGHỊ",
    ]
    assert (
        "1. Xây dựng quy chế phối hợp với Đồn Biên phòng trong công tác đối ngoại nhân dân "
        "(đơn vị thực hiện: Huyện ủy Bến Cầu; thời hạn: 31/12/2021)." in text
    )
    recipients, signature = closing(word)
    assert recipients[1:3] == ["- Huyện ủy Bến Cầu,", "- Huyện ủy Tân Biên,"]
    assert signature == ["TRƯỞNG BAN", "Lê Minh Thế"]


def test_the_reviews_report_in_the_citation_style(cast, year_2021, tmp_path):
    path = tmp_path / "so-ket-2021.docx"
    message = cli.reviews(2021, None, path, None)
    assert message.startswith("Đã ghi 3 nội dung sơ kết, tổng kết đến hạn năm 2021")
    word = docx.Document(str(path))
    text = body(word)
    assert text[:2] == ["BÁO CÁO", "Tình hình sơ kết, tổng kết các nghị quyết, chỉ thị, kết luận năm 2021"]
    assert "có 3 nội dung sơ kết, tổng kết đến hạn" in text[3] and "đã thực hiện 1, quá hạn 2" in text[3]
    assert "I. CÁC NỘI DUNG ĐÃ THỰC HIỆN" in text and "II. CÁC NỘI DUNG QUÁ HẠN, CHƯA THỰC HIỆN" in text
    assert any(
        t.startswith("1. Sơ kết 3 năm thực hiện Chỉ thị số 19-CT/TW, ngày 10/1/2018 của Ban Bí thư về tăng cường")
        and t.endswith("(thời hạn 10/1/2021): Báo cáo số 215-BC/TU, ngày 15/3/2021.")
        for t in text
    )
    assert any(
        t.startswith("1. Sơ kết 5 năm thực hiện Kết luận số 03-KL/TW, ngày 13/5/2016 của Ban Bí thư về") for t in text
    )
    assert any(
        t.startswith("2. Tổng kết 10 năm thực hiện Kết luận số 08-KL/TW, ngày 2/8/2011 của Ban Bí thư (khóa XI)")
        for t in text
    )
    left, _ = header(word)
    assert left[1] in ("BAN DÂN VẬN", "BAN TUYÊN GIÁO VÀ DÂN VẬN")  # the commission on the report's day
    assert closing(word)[1][0] == "TRƯỞNG BAN"


def test_the_reviews_list_in_excel_and_scoped_by_user_and_unit(cast, year_2021, tmp_path):
    path = tmp_path / "so-ket-2021.xlsx"
    cli.reviews(2021, None, path, None)
    rows = list(openpyxl.load_workbook(path).active.iter_rows(values_only=True))
    assert rows[0][:4] == ("STT", "Nội dung sơ kết, tổng kết", "Thời hạn", "Tình trạng")
    assert [r[3] for r in rows[1:]] == ["Đã thực hiện", "Quá hạn", "Quá hạn"]
    assert rows[1][4:6] == ("215-BC/TU", dt.datetime(2021, 3, 15))
    assert "0 nội dung" in cli.reviews(2021, None, tmp_path / "d1.xlsx", cast.d1_officer)  # not theirs
    with pytest.raises(LookupError):
        cli.reviews(2021, "P", tmp_path / "x.xlsx", cast.d1_officer)
    with pytest.raises(ValueError):
        cli.reviews(2021, None, tmp_path / "x.pdf", None)


def test_empty_and_quarter_reports(cast, year_2021):
    rows = reports.reviews_rows(cast.admin, 2021, None, dt.date(2021, 4, 1), quarter=1)
    assert [r.state for r in rows] == ["done"]
    word = reopen(reports.reviews_document(rows, 2021, None, dt.date(2021, 4, 1), quarter=1))
    assert body(word)[1].endswith("quý I năm 2021")
    empty = reopen(reports.reviews_document([], 2030, None, dt.date(2025, 4, 1)))
    assert "Trong năm 2030 không có nội dung sơ kết, tổng kết nào đến hạn." in body(empty)


def artifacts() -> Path:
    folder = Path(os.environ.get("DANVAN_ARTIFACTS", "test-artifacts")) / "planning"
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def test_the_documents_are_rendered_to_look_at(cast, year_2021):
    """Word files, their LibreOffice PDFs and PNG pages under test-artifacts/planning/."""
    documents = {
        "ke-hoach": reports.plan_document(year_2021["plan"]),
        "thong-bao-ket-luan": reports.announcement_document(year_2021["supervision"]),
        "bao-cao-so-ket": reports.reviews_document(
            reports.reviews_rows(cast.admin, 2021, None, dt.date(2022, 1, 15)), 2021, None, dt.date(2022, 1, 15)
        ),
    }
    folder = artifacts()
    pdftoppm = shutil.which("pdftoppm")
    for name, document in documents.items():
        content = render_docx(document)
        (folder / f"{name}.docx").write_bytes(content)
        pdf = docx_to_pdf(content)
        if pdf is None or pdftoppm is None:
            continue  # no LibreOffice or poppler here: the .docx files are still there
        (folder / f"{name}.pdf").write_bytes(pdf)
        subprocess.run([pdftoppm, "-png", "-r", "60", str(folder / f"{name}.pdf"), str(folder / name)], check=True)
        assert (folder / f"{name}-1.png").exists()


def test_the_report_command_dispatches_reviews(cast, year_2021, tmp_path):
    from django.core.management import call_command
    from django.core.management.base import CommandError

    out = io.StringIO()
    call_command("report", "reviews", "--year", "2021", "-o", str(tmp_path / "r.docx"), stdout=out)
    assert "Đã ghi 3 nội dung" in out.getvalue()
    assert body(docx.Document(str(tmp_path / "r.docx")))[0] == "BÁO CÁO"
    call_command(
        "report", "reviews", "--year", "2021", "--user", "d1_officer", "-o", str(tmp_path / "r.xlsx"), stdout=out
    )
    assert "Đã ghi 0 nội dung" in out.getvalue()
    with pytest.raises(CommandError, match="docx, xlsx"):
        call_command("report", "reviews", "--year", "2021", "-o", str(tmp_path / "r.pdf"), stdout=out)
