import datetime as dt
import io

import pytest
from django.core.management import CommandError, call_command
from django.urls import reverse
from docx import Document as Docx

from danvan.core.jobs.models import Job
from danvan.core.testing.factories import make_practice, make_unit
from danvan.core.testing.jobs import check_started_only_by_its_button, job_file, start_job
from danvan.documents.models import Issuer
from danvan.practices.models import Practice
from danvan.stats.report_data import Filters
from danvan.stats.reports import annual_document, render

pytestmark = pytest.mark.django_db


@pytest.fixture
def data(cast):
    """The cast's tree and practices; no issuer is configured: the tree says who issues."""
    # 2021: 10 registered (8 recognized); 2022: C1 3 (3), C2 2 (1), C3 4 (3) = 9 registered, 7 recognized.
    for year, plan in {2021: [(cast.c1, 10, 8)], 2022: [(cast.c1, 3, 3), (cast.c2, 2, 1), (cast.c3, 4, 3)]}.items():
        for unit, total, recognized in plan:
            for i in range(total):
                p = make_practice(unit, year, name=f"Mô hình {unit.code} {year} {i}")
                if i < recognized:
                    Practice.objects.filter(pk=p.pk).update(status="recognized", recognized_level=p.level)
    return cast


def text_of(document) -> str:
    parts = [p.text for p in document.paragraphs]
    for table in document.tables:
        for row in table.rows:
            parts += [cell.text for cell in row.cells]
    return "\n".join(parts)


def test_the_yearly_report_is_a_party_document_with_the_figures(data):
    document, report = annual_document(data.admin, Filters(2022, data.province), dt.date(2023, 1, 15))
    word = Docx(io.BytesIO(render(document, "docx")))
    header = word.tables[0]
    assert "TỈNH ỦY TÂY NINH" in header.cell(0, 0).text and "BAN DÂN VẬN" in header.cell(0, 0).text
    assert "-BC/BDVTU" in header.cell(0, 0).text
    assert "ĐẢNG CỘNG SẢN VIỆT NAM" in header.cell(0, 1).text
    assert "Tây Ninh, ngày 15 tháng 01 năm 2023" in header.cell(0, 1).text
    text = text_of(word)
    assert "BÁO CÁO" in text
    expected = (
        "Năm 2022, toàn tỉnh đăng ký 9 mô hình cấp cơ sở, giảm 1 mô hình so với năm 2021; "
        "đã công nhận 7 mô hình đạt cấp cơ sở, chiếm 77,8% so với số đăng ký."
    )
    assert expected in text
    assert "TRƯỞNG BAN" in text and "T/M" not in text
    assert "- Ban Dân vận Trung ương," in text and "Tuyên giáo" not in text  # receiving bodies of 1/2023
    # The units table: the two districts with their own counts.
    assert report.by_unit.total.registered == 9


def test_a_configured_issuer_overrides_the_tree(data):
    commission = make_unit("Ban Dân vận Tỉnh ủy Tây Ninh", "ban-dan-van", data.province, code="BDV")
    Issuer.objects.create(
        unit=commission,
        superior_line="TỈNH ỦY TÂY NINH",
        issuer_line="BAN DÂN VẬN",
        symbol="BDV-TU",
        place="Tây Ninh",
        head_name="Lê Minh Thế",
        valid_until=dt.date(2025, 2, 28),
    )
    document, _ = annual_document(data.admin, Filters(2022, data.province), dt.date(2023, 1, 15))
    text = text_of(Docx(io.BytesIO(render(document, "docx"))))
    assert "-BC/BDV-TU" in text and "Lê Minh Thế" in text
    # After the configured period, the tree again: the merged commission, its name left for the clerk.
    later, _ = annual_document(data.admin, Filters(2025, data.province), dt.date(2026, 1, 15))
    header = Docx(io.BytesIO(render(later, "docx"))).tables[0].cell(0, 0).text
    assert "BAN TUYÊN GIÁO VÀ DÂN VẬN" in header and "-BC/BTGDVTU" in header


def test_a_commune_officers_report_covers_only_their_commune(data):
    document, report = annual_document(data.c1_officer, Filters(2022, data.c1), dt.date(2023, 1, 15))
    word = Docx(io.BytesIO(render(document, "docx")))
    text = text_of(word)
    assert "Năm 2022, toàn xã đăng ký 3 mô hình cấp cơ sở, giảm 7 mô hình so với năm 2021" in text
    assert report.tables["level"].total.registered == 3
    # Issued by the commune's Party committee, under the district's Party organization of the time.
    header = word.tables[0].cell(0, 0).text
    assert header.split("\n")[:2] == ["ĐẢNG BỘ HUYỆN BẾN CẦU", data.c1.name.upper()]
    assert "-BC/ĐU" in header
    assert "T/M ĐẢNG ỦY" in text and "BÍ THƯ" in text
    assert "- Ban Dân vận Huyện ủy," in text


def test_the_report_can_be_downloaded_from_the_statistics_page(client, data):
    client.force_login(data.admin)
    response = client.get(reverse("stats:annual-report", args=["docx"]) + "?nam=2022")
    assert response.status_code == 200
    assert "Năm 2022, toàn tỉnh đăng ký 9 mô hình" in text_of(Docx(io.BytesIO(response.content)))
    # The PDF is made by the worker: the button leads to the job's page, which offers the file.
    job, pdf = job_file(client, reverse("stats:annual-report", args=["pdf"]), {"nam": "2022"})
    assert pdf.startswith(b"%PDF") and job.result_name == "bao-cao-dan-van-kheo-2022.pdf"
    assert job.link == reverse("stats:index") + "?nam=2022"


def test_with_several_provinces_and_no_unit_chosen_the_user_gets_a_clear_message(client, cast):
    from django.contrib.auth import get_user_model

    make_unit("Tỉnh ủy Long An", "tinh-uy", None, code="LA")
    client.force_login(get_user_model().objects.create_superuser("goc", password="x"))
    response = client.get(reverse("stats:annual-report", args=["docx"]) + "?nam=2022", follow=True)
    assert "Chưa xác định được đơn vị ban hành văn bản" in response.content.decode()


def test_the_command_writes_docx_xlsx_and_refuses_bad_arguments(data, tmp_path):
    out = io.StringIO()
    call_command("report", "annual", "--year", "2022", "--unit", "P", "-o", str(tmp_path / "bc.docx"), stdout=out)
    assert "Năm 2022, toàn tỉnh đăng ký 9 mô hình" in text_of(Docx(tmp_path / "bc.docx"))
    call_command("report", "annual", "--year", "2022", "--unit", "P", "-o", str(tmp_path / "bc.xlsx"), stdout=out)
    assert (tmp_path / "bc.xlsx").stat().st_size > 0
    with pytest.raises(CommandError, match="định dạng"):
        call_command("report", "annual", "--year", "2022", "-o", str(tmp_path / "bc.txt"))
    with pytest.raises(CommandError, match="Không có đơn vị"):
        call_command("report", "annual", "--year", "2022", "--unit", "KHONG", "-o", str(tmp_path / "x.docx"))
    with pytest.raises(CommandError, match="Không có loại báo cáo"):
        call_command("report", "khong-co", "--year", "2022", "-o", str(tmp_path / "x.docx"))
    call_command(
        "report",
        "annual",
        "--year",
        "2022",
        "--unit",
        "C1",
        "--user",
        "c1_officer",
        "-o",
        str(tmp_path / "c1.docx"),
        stdout=out,
    )
    assert "toàn xã đăng ký 3 mô hình" in text_of(Docx(tmp_path / "c1.docx"))
    with pytest.raises(CommandError, match="Không có đơn vị"):
        call_command(
            "report", "annual", "--year", "2022", "--unit", "C3", "--user", "c1_officer", "-o", str(tmp_path / "y.docx")
        )


def test_without_a_unit_the_command_reports_on_the_users_own_unit_as_the_web_does(data, tmp_path):
    out = io.StringIO()
    path = tmp_path / "xa.docx"
    call_command("report", "annual", "--year", "2022", "--user", "c1_officer", "-o", str(path), stdout=out)
    assert "Năm 2022, toàn xã đăng ký 3 mô hình" in text_of(Docx(path))
    call_command("report", "annual", "--year", "2022", "-o", str(path), stdout=out)  # the server's own account
    assert "Năm 2022, toàn tỉnh đăng ký 9 mô hình" in text_of(Docx(path))
    assert "toàn quốc" not in text_of(Docx(path))


def test_a_real_worker_makes_the_pdf_while_the_request_answers_at_once(client, data, worker):
    client.force_login(data.admin)
    response = start_job(client, reverse("stats:annual-report", args=["pdf"]), {"nam": 2022})
    job = Job.objects.get(kind="stats.annual-pdf")
    assert response.status_code == 302 and response["Location"] == reverse("jobs:detail", args=[job.pk])
    page = client.get(response["Location"]).content.decode()
    assert "Báo cáo năm 2022" in page  # the job's page, following a job not yet done (or just done)
    worker.wait(job)
    assert job.status == Job.Status.DONE, job.error
    pdf = b"".join(client.get(reverse("jobs:download", args=[job.pk])).streaming_content)
    assert pdf.startswith(b"%PDF") and b"%%EOF" in pdf[-1024:]


def test_only_the_pdf_button_starts_the_job_opening_its_address_does_not(client, data):
    client.force_login(data.admin)
    page = f"{reverse('stats:index')}?nam=2022"
    job = check_started_only_by_its_button(client, page, f"{reverse('stats:annual-report', args=['pdf'])}?nam=2022")
    assert job.kind == "stats.annual-pdf" and job.params == {"query": "nam=2022"} and job.link == page
