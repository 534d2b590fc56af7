"""Pages beyond scoping: HTMX rows, the import preview and confirm, warnings on the page, list query counts,
the statistics and the report command."""

from __future__ import annotations

import datetime as dt

import docx
import pytest
from django.core.management import CommandError, call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from openpyxl import load_workbook

from danvan.awards import services
from danvan.awards.models import Recipient
from danvan.awards.reports import write_awards_report
from danvan.awards.statistics import award_report, dashboard_figures
from danvan.awards.tests.conftest import collective, individual, issued_decision, make_proposal, workbook
from danvan.core.testing import imports

pytestmark = pytest.mark.django_db

DAY = dt.date(2025, 1, 10)


def test_a_recipient_row_is_added_with_htmx_and_a_wrong_one_keeps_what_was_typed(client, world):
    cast = world.cast
    proposal = make_proposal(cast.c1, world.giay_khen, cast.c1_officer)
    client.force_login(cast.c1_officer)
    url = reverse("awards:recipient-add", args=[proposal.pk])
    data = {"kind": "individual", "unit": cast.c1.pk, "name": "Nguyễn Thị Hạnh", "position": "Trưởng ấp"}
    response = client.post(url, data, HTTP_HX_REQUEST="true")
    html = response.content.decode()
    assert response.status_code == 200 and 'id="recipients-card"' in html and "<html" not in html
    assert "Nguyễn Thị Hạnh" in html and "1 cá nhân" in html
    response = client.post(url, {"kind": "individual", "unit": cast.c1.pk, "name": "", "position": "Bí thư"},
                           HTTP_HX_REQUEST="true")  # fmt: skip
    html = response.content.decode()
    assert "Cần nhập họ tên." in html and 'value="Bí thư"' in html
    response = client.post(url, {"kind": "collective", "is_unit": "on", "unit": cast.c3.pk}, HTTP_HX_REQUEST="true")
    assert "Hãy chọn một lựa chọn hợp lệ" in response.content.decode()  # C3 is not offered in a C1 proposal
    assert proposal.recipients.count() == 1


def test_the_proposal_page_warns_about_an_award_already_given(client, world):
    cast = world.cast
    decision = issued_decision(world, world.giay_khen, 2024, DAY, [individual(cast.c1, "Trần Văn Hai")], cast.admin)
    proposal = make_proposal(
        cast.c1, world.giay_khen, cast.c1_officer, recipients=[individual(cast.c1, "Tran Van Hai")]
    )
    client.force_login(cast.c1_officer)
    html = client.get(reverse("awards:proposal-detail", args=[proposal.pk])).content.decode()
    assert 'data-testid="duplicate-summary"' in html
    assert f"đã được tặng “Giấy khen của Ban Dân vận Tỉnh ủy” năm 2024 theo {decision}" in html
    assert 'data-testid="recipient-summary">1 cá nhân<' in html


def test_an_import_is_previewed_then_confirmed(client, world):
    cast = world.cast
    proposal = make_proposal(cast.c1, world.giay_khen, cast.c1_officer)
    client.force_login(cast.c1_officer)
    url = reverse("awards:proposal-import", args=[proposal.pk])
    headers = ["Đối tượng", "Tên tập thể / Họ tên", "Chức vụ", "Đơn vị"]
    bad = workbook([["Tập thể", "Đảng ủy xã Tân Lập", "", ""], ["Cá nhân", "Lê Văn Ba", "", "Xã Ma"]], headers)
    html = imports.upload(client, url, bad).content.decode()
    assert "Tệp có 2 lỗi nên" in html and "Xác nhận nhập" not in html
    good = workbook(
        [["Tập thể", "Đảng ủy xã Long Thuận", "", ""], ["Cá nhân", "Lê Văn Ba", "Trưởng ấp", "Đảng ủy xã Long Thuận"]],
        headers,
    )
    html = imports.upload(client, url, good).content.decode()
    assert 'data-testid="count-create">2<' in html and "Xác nhận nhập" in html
    assert not proposal.recipients.exists()
    response = imports.confirm(client)
    assert response.status_code == 200 and proposal.get_absolute_url() in response.content.decode()
    assert proposal.recipients.count() == 2
    imports.confirm(client)  # a second confirm does nothing
    assert proposal.recipients.count() == 2


def _upload(content: bytes):
    from django.core.files.uploadedfile import SimpleUploadedFile

    return SimpleUploadedFile("danh-sach.xlsx", content)


def test_list_pages_do_not_grow_queries_with_rows(client, world):
    cast = world.cast
    client.force_login(cast.admin)
    make_proposal(cast.c1, world.giay_khen, cast.admin, recipients=[collective(cast.c1)])
    with CaptureQueriesContext(connection) as few:
        client.get(reverse("awards:proposal-list"))
    for unit in (cast.c2, cast.c3, cast.d1, cast.d2):
        make_proposal(unit, world.giay_khen, cast.admin, recipients=[collective(unit), individual(unit, "Lê Mai")])
        issued_decision(world, world.giay_khen, 2024, DAY, [collective(unit)], cast.admin)
    with CaptureQueriesContext(connection) as many:
        client.get(reverse("awards:proposal-list"))
    assert len(many) == len(few)
    with CaptureQueriesContext(connection) as decisions:
        client.get(reverse("awards:decision-list"))
    issued_decision(world, world.giay_khen, 2024, DAY, [collective(cast.c1)], cast.admin)
    with CaptureQueriesContext(connection) as more:
        client.get(reverse("awards:decision-list"))
    assert len(more) == len(decisions)


def test_statistics_count_by_type_authority_and_kind_with_the_sentence(world):
    cast = world.cast
    three = [collective(cast.c1), collective(cast.c2), individual(cast.c3, "Lê Mai")]
    issued_decision(world, world.bang_khen, 2022, dt.date(2022, 12, 29), three, cast.admin, "2514/QĐ-UBND")
    issued_decision(
        world, world.giay_khen, 2022, dt.date(2023, 1, 10), [collective(cast.c1), collective(cast.d2)], cast.admin
    )
    draft = services.new_decision(world.giay_khen, 2022, dt.date(2023, 1, 11))
    draft.achievement = "chưa ban hành: không được tính"
    draft = services.create_decision(cast.admin, draft)
    services.save_decision_recipient(cast.admin, draft, Recipient(kind="collective", is_unit=True, unit=cast.c3))
    report = award_report(cast.admin, 2022)
    assert [(r.label, r.collectives, r.individuals) for r in report.by_type] == [
        ("Bằng khen của Chủ tịch UBND tỉnh", 2, 1),
        ("Giấy khen của Ban Dân vận Tỉnh ủy", 2, 0),
    ]
    assert report.sentence == (
        "Năm 2022, Chủ tịch UBND tỉnh tặng Bằng khen cho 2 tập thể và 1 cá nhân; "
        "Ban Dân vận Tỉnh ủy tặng Giấy khen cho 2 tập thể."
    )
    assert (report.total.collectives, report.total.individuals, report.decisions) == (4, 1, 2)
    assert [(r.label, r.total) for r in report.trend][-2:] == [("2021", 0), ("2022", 5)]
    district = award_report(cast.admin, 2022, cast.d2)
    assert district.sentence == (
        "Năm 2022, Chủ tịch UBND tỉnh tặng Bằng khen cho 1 cá nhân; Ban Dân vận Tỉnh ủy tặng Giấy khen cho 1 tập thể."
    )
    mine = dashboard_figures(cast.d1_officer, 2022)
    assert (mine["collectives"], mine["individuals"]) == (3, 0)
    assert award_report(cast.outsider, 2022).sentence == "Năm 2022, chưa có tập thể, cá nhân nào được khen thưởng."


def test_the_report_is_written_as_word_or_excel_and_from_the_command_line(world, tmp_path):
    cast = world.cast
    issued_decision(world, world.giay_khen, 2024, DAY, [collective(cast.c1), individual(cast.c2, "Lê Mai")], cast.admin)
    path = tmp_path / "khen-thuong.docx"
    assert "Đã ghi báo cáo khen thưởng năm 2024" in write_awards_report(2024, "P", path)
    lines = [p.text for p in docx.Document(path).paragraphs]
    assert "BÁO CÁO" in lines and "Kết quả công tác khen thưởng năm 2024" in lines
    assert "Năm 2024, Ban Dân vận Tỉnh ủy tặng Giấy khen cho 1 tập thể và 1 cá nhân." in lines
    out = tmp_path / "khen-thuong.xlsx"
    call_command("report", "awards", "--year", "2024", "--unit", "D1", "-o", str(out))
    book = load_workbook(out)
    assert book.sheetnames == ["Tóm tắt", "Theo hình thức", "Theo cơ quan", "Qua các năm"]
    assert book["Tóm tắt"]["A2"].value == "Năm 2024, Ban Dân vận Tỉnh ủy tặng Giấy khen cho 1 tập thể và 1 cá nhân."
    assert [c.value for c in book["Theo hình thức"][4]] == [
        1,
        "Giấy khen của Ban Dân vận Tỉnh ủy",
        "Ban Dân vận Tỉnh ủy",
        1,
        1,
        2,
    ]
    with pytest.raises(CommandError, match="Không có đơn vị mã “X9”"):
        call_command("report", "awards", "--year", "2024", "--unit", "X9", "-o", str(out))
    with pytest.raises(CommandError, match="Không có đơn vị mã “D2”"):
        call_command("report", "awards", "--year", "2024", "--unit", "D2", "--user", "d1_officer", "-o", str(out))
    with pytest.raises(CommandError, match="định dạng: docx, xlsx"):
        call_command("report", "awards", "--year", "2024", "-o", str(tmp_path / "a.pdf"))


def test_an_amendment_shows_the_original_and_the_correction(client, world):
    cast = world.cast
    decision = issued_decision(world, world.giay_khen, 2024, DAY, [individual(cast.c1, "Trần Văn Hia")], cast.admin)
    client.force_login(cast.admin)
    recipient = decision.recipients.get()
    data = {"reason": "Sai chính tả họ tên, sai ngày", "number": decision.number, "date": "2025-01-12",
            "signer_mode": "head", "signer_name": decision.signer_name, "achievement": decision.achievement,
            "recipient": recipient.pk, "recipient_name": "Trần Văn Hai", "recipient_position": recipient.position,
            "recipient_unit_name": recipient.unit_name}  # fmt: skip
    assert client.post(reverse("awards:decision-amend", args=[decision.pk]), data).status_code == 302
    html = client.get(reverse("awards:decision-detail", args=[decision.pk])).content.decode()
    amendment = html.split('data-testid="amendment"')[1]
    assert "Sai chính tả họ tên, sai ngày" in amendment
    assert '<td>Ngày quyết định</td><td class="text-muted">10/1/2025</td><td>12/1/2025</td>' in amendment
    assert "Trần Văn Hia" in amendment and "Trần Văn Hai" in amendment
