"""The list's filters (search without diacritics, kind, party, state today, year in force) walked by its
links with constant queries; the programme's page with its parts, reviews, late evaluations and history."""

from __future__ import annotations

import datetime as dt

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from danvan.cooperation import services
from danvan.cooperation.choices import Kind
from danvan.cooperation.models import Programme, ProgrammeItem
from danvan.cooperation.tests.conftest import evaluate, make_programme, party
from danvan.core.testing.links import walk_list
from danvan.planning.models import Milestone
from danvan.planning.services.directives import record_review

pytestmark = pytest.mark.django_db
LIST = reverse("cooperation:list")


def shown(client, query: str = "") -> set[int]:
    response = client.get(f"{LIST}?{query}&so_dong=100")
    return {p.pk for p in response.context["listing"].page.object_list}


@pytest.fixture
def three(cast):
    armed = make_programme(
        cast.admin,
        cast.province,
        number="12-CTr/BDVTU-BCHQS",
        title="Phối hợp với lực lượng vũ trang",
        parties=["ban-dan-van-tinh-uy", "bo-chqs-tinh"],
        signed_on=dt.date(2019, 4, 2),
    )
    front = make_programme(
        cast.admin,
        cast.province,
        number="03-QC/BDVTU-MTTQ",
        kind=Kind.REGULATION,
        title="Quy chế phối hợp với Mặt trận Tổ quốc",
        parties=["ban-dan-van-tinh-uy", "ubmttq-tinh"],
        signed_on=dt.date(2022, 1, 5),
        valid_until=dt.date(2024, 12, 31),
    )
    local = make_programme(
        cast.d1_officer,
        cast.d1,
        number="05-CTr/HU-UBND",
        parties=[],
        others=["Ban Dân vận Huyện ủy Bến Cầu", "Ủy ban nhân dân huyện Bến Cầu"],
        title="Đẩy mạnh dân vận chính quyền huyện Bến Cầu",
        signed_on=dt.date(2023, 2, 1),
    )
    return armed, front, local


def test_the_filters(client, cast, three):
    armed, front, local = three
    client.force_login(cast.admin)
    assert shown(client) == {armed.pk, front.pk, local.pk}
    assert shown(client, "q=luc luong vu trang") == {armed.pk}
    assert shown(client, "q=ben cau") == {local.pk}  # the other parties are searched too
    assert shown(client, "q=mat tran to quoc") == {front.pk}
    assert shown(client, "loai=regulation") == {front.pk}
    assert shown(client, f"ben={party('bo-chqs-tinh').pk}") == {armed.pk}
    assert shown(client, "trang_thai=expired") == {front.pk}
    assert shown(client, "trang_thai=in_force") == {armed.pk, local.pk}
    assert shown(client, "nam=2020") == {armed.pk}
    assert shown(client, "nam=2022") == {armed.pk, front.pk}
    client.force_login(cast.d1_officer)
    assert shown(client) == {local.pk}


def test_the_list_walked_by_its_links(client, cast):
    client.force_login(cast.admin)
    for i in range(23):
        make_programme(
            cast.admin,
            cast.province,
            number=f"{i + 1}-CTr/BDVTU-CAT",
            parties=["ban-dan-van-tinh-uy", "cong-an-tinh"],
            signed_on=dt.date(2020, 1, 1) + dt.timedelta(days=30 * i),
            interim_years="",
            final_years=None,
        )
    make_programme(
        cast.admin,
        cast.province,
        number="1-QC/BDVTU-MTTQ",
        kind=Kind.REGULATION,
        parties=["ban-dan-van-tinh-uy", "ubmttq-tinh"],
    )
    expected = Programme.objects.filter(parties__code="cong-an-tinh").values_list("pk", flat=True)
    walk_list(client, f"{LIST}?ben={party('cong-an-tinh').pk}", expected, header="Ngày ký", value=lambda p: p.signed_on)


def test_queries_do_not_grow_with_the_page(client, cast):
    client.force_login(cast.admin)
    for i in range(30):
        make_programme(
            cast.admin,
            cast.province,
            number=f"{i + 1}-CTr/BDVTU-CAT",
            parties=["ban-dan-van-tinh-uy", "cong-an-tinh"],
            interim_years="",
            final_years=None,
            signed_on=dt.date(2020, 1, 1) + dt.timedelta(days=3 * i),
        )
    counts = []
    for size in (20, 100):
        with CaptureQueriesContext(connection) as captured:
            assert client.get(f"{LIST}?so_dong={size}").status_code == 200
        counts.append(len(captured.captured_queries))
    assert counts[0] == counts[1], counts


def test_the_programme_page(client, cast, three, settings):
    armed, *_ = three
    services.save_item(
        cast.admin,
        ProgrammeItem(
            programme=armed,
            content="Tham gia xây dựng cơ sở chính trị vững mạnh",
            lead="Bộ Chỉ huy Quân sự tỉnh",
            partners="Ban Dân vận Tỉnh ủy",
        ),
    )
    evaluate(cast.admin, armed, 2020)
    interim = Milestone.objects.get(directive=armed.directive, kind="interim")
    record_review(cast.admin, interim, number="45-BC/BDVTU", date=dt.date(2022, 4, 10))
    client.force_login(cast.admin)
    page = client.get(reverse("cooperation:detail", args=[armed.pk])).content.decode()
    assert "Tham gia xây dựng cơ sở chính trị vững mạnh" in page
    assert 'data-testid="year-2020"' in page and 'data-testid="year-2021" class="table-danger"' in page
    assert "Chưa sơ kết năm (quá hạn)" in page
    assert "Báo cáo số 45-BC/BDVTU, ngày 10/4/2022" in page
    assert f"/ke-hoach/van-ban/{armed.directive_id}/#moc-{interim.pk}" in page  # the planning page records reports
    assert (
        "Sơ kết 3 năm thực hiện Chương trình phối hợp số 12-CTr/BDVTU-BCHQS"
        in client.get(reverse("planning:review-list") + "?nam=2022").content.decode()
    )
    assert "Ghi hội nghị đánh giá năm" in page and "Lịch sử thay đổi" in page


def test_the_replacement_chain_on_both_pages(client, cast, three):
    armed, *_ = three
    client.force_login(cast.admin)
    data = {
        "unit": cast.province.pk,
        "kind": "programme",
        "number": "07-CTr/BTGDVTU-BCHQS",
        "signed_on": "02/09/2025",
        "title": "Phối hợp với lực lượng vũ trang giai đoạn mới",
        "parties": [party("ban-tuyen-giao-dan-van-tinh-uy").pk, party("bo-chqs-tinh").pk],
    }
    response = client.post(reverse("cooperation:replace", args=[armed.pk]), data)
    assert response.status_code == 302
    new = Programme.objects.get(number="07-CTr/BTGDVTU-BCHQS")
    armed.refresh_from_db()
    assert armed.replaced_by == new and armed.valid_until == dt.date(2025, 9, 1)
    for programme in (armed, new):
        page = client.get(reverse("cooperation:detail", args=[programme.pk])).content.decode()
        assert "Chương trình phối hợp số 12-CTr/BDVTU-BCHQS, ngày 2/4/2019" in page
        assert "Chương trình phối hợp số 07-CTr/BTGDVTU-BCHQS, ngày 2/9/2025" in page
    # A party ended before the signing day is refused on the form, with the others kept.
    data["parties"] = [party("ban-dan-van-tinh-uy").pk, party("bo-chqs-tinh").pk]
    data["number"] = "08-CTr/BTGDVTU-BCHQS"
    response = client.post(reverse("cooperation:replace", args=[new.pk]), data)
    page = response.content.decode()
    assert "không còn hoặc chưa có vào ngày ký 2/9/2025" in page
    assert "phải có hiệu lực sau ngày 2/9/2025 của văn bản cũ" in page  # every error at once
    assert not Programme.objects.filter(number="08-CTr/BTGDVTU-BCHQS").exists()


def test_a_stale_edit_is_refused_on_the_page(client, cast, three):
    armed, *_ = three
    client.force_login(cast.admin)
    data = {
        "unit": cast.province.pk,
        "kind": "programme",
        "number": armed.number,
        "signed_on": "02/04/2019",
        "title": "Sửa lần một",
        "parties": [p.pk for p in armed.parties.all()],
        "interim_years": "3",
        "final_years": "5",
        "version": armed.version,
    }
    assert client.post(reverse("cooperation:edit", args=[armed.pk]), data).status_code == 302
    data["title"] = "Sửa lần hai"
    response = client.post(reverse("cooperation:edit", args=[armed.pk]), data)
    assert response.status_code == 200 and "đã được người khác sửa" in response.content.decode()
    assert Programme.objects.get(pk=armed.pk).title == "Sửa lần một"


def test_year_plans_and_evaluations_edited_and_deleted_from_the_page(client, cast):
    from danvan.cooperation.models import Evaluation, YearPlan

    programme = make_programme(
        cast.admin, cast.d1, number="03-CTr/HU-UBND", parties=[], others=["Huyện ủy", "Ủy ban nhân dân huyện"],
        valid_until=dt.date(2025, 6, 30),
    )  # fmt: skip
    plan = services.save_year_plan(cast.admin, YearPlan(programme=programme, year=2022, issued_on=dt.date(2022, 1, 20)))
    evaluation = evaluate(cast.admin, programme, 2022)
    client.force_login(cast.d1_reviewer)  # sees the district's programme, may not change it
    response = client.get(programme.get_absolute_url())
    page = response.content.decode()
    assert response.status_code == 200 and "Xóa kế hoạch" not in page
    assert reverse("cooperation:plan-edit", args=[plan.pk]) not in page
    assert reverse("cooperation:evaluation-delete", args=[evaluation.pk]) not in page
    client.force_login(cast.admin)
    page = client.get(programme.get_absolute_url()).content.decode()
    assert f'href="{reverse("cooperation:plan-edit", args=[plan.pk])}"' in page
    assert 'data-confirm="Xóa kế hoạch phối hợp năm 2022?"' in page
    assert 'data-confirm="Xóa hội nghị đánh giá năm 2022?"' in page
    edit = reverse("cooperation:evaluation-edit", args=[evaluation.pk])
    form = client.get(edit)
    assert "Sửa hội nghị đánh giá năm 2022" in form.content.decode()
    data = {"dg-year": 2022, "dg-held_on": "29/12/2022", "dg-chair": "Hai bên", "dg-result": "Tốt", "dg-version": 1}
    assert client.post(edit, data).status_code == 302
    stale = client.post(edit, data | {"dg-result": "Bản cũ"})  # read at version 1, now 2
    assert "đã được người khác sửa" in stale.content.decode()
    wrong = client.post(edit, data | {"dg-version": 2, "dg-held_on": "01/06/2023"})
    assert "31/3/2023" in wrong.content.decode()
    assert Evaluation.objects.get(pk=evaluation.pk).result == "Tốt"
    response = client.post(reverse("cooperation:plan-delete", args=[plan.pk]), follow=True)
    assert "Đã xóa kế hoạch phối hợp năm 2022." in response.content.decode()
    assert not YearPlan.objects.filter(pk=plan.pk).exists()
    history = response.content.decode().split("history-table")[1]  # the deleted plan stays in the history
    assert history.count("<td>Xóa</td>") == 1, history
