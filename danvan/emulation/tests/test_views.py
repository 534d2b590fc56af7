"""The pages: scoring one criterion at a time (HTMX, inline Vietnamese errors), workflow buttons,
criteria editing, members, locking messages."""

import re
from decimal import Decimal as D

import pytest
from django.test import Client
from django.urls import reverse

from danvan.core.testing.uploads import UploadPoint, check_upload_point
from danvan.emulation import services
from danvan.emulation.choices import Status
from danvan.emulation.models import CriteriaSet, Criterion, EvidenceFile, Score, Scorecard

pytestmark = pytest.mark.django_db

HTMX = {"HTTP_HX_REQUEST": "true"}


def score_url(card, criterion) -> str:
    return reverse("emulation:score", args=[card.pk, criterion.pk])


def test_the_scorecard_page_shows_inputs_to_its_unit(client, sheet):
    client.force_login(sheet.cast.d1_officer)
    response = client.get(reverse("emulation:card", args=[sheet.d1.pk]))
    assert response.status_code == 200
    html = response.content.decode()
    assert html.count('name="self_score"') == 7  # the leaves only
    assert 'name="appraised_score"' not in html
    assert "Nộp bảng điểm" in html
    assert 'hx-post="' + score_url(sheet.d1, sheet.criteria["I.1"]) in html


def test_saving_one_criterion_returns_its_row_and_the_totals_out_of_band(client, sheet):
    client.force_login(sheet.cast.d1_officer)
    c = sheet.criteria
    response = client.post(
        score_url(sheet.d1, c["II.2.a"]), {"self_score": "8,5", "evidence": "Báo cáo sơ kết"}, **HTMX
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert html.lstrip().startswith(f'<tr id="row-{c["II.2.a"].pk}"')
    assert 'value="8,5"' in html and 'data-testid="saved"' in html
    assert re.search(r'<div id="totals"[^>]*hx-swap-oob="true"', html)
    assert re.search(r'data-testid="self-total">8,5<', html)
    # The headings above it are updated too: II.2 and II.
    for parent in ("II.2", "II"):
        assert f'<span id="sub-self-{c[parent].pk}" hx-swap-oob="true">8,5</span>' in html
    score = Score.objects.get(scorecard=sheet.d1, criterion=c["II.2.a"])
    assert (score.self_score, score.evidence) == (D("8.5"), "Báo cáo sơ kết")


@pytest.mark.parametrize(
    ("typed", "message"),
    [("12", "Điểm không được vượt quá điểm tối đa (10)."), ("-1", "Điểm không được âm."),
     ("abc", "“abc” không phải là số; nhập điểm dạng 8 hoặc 8,5."), ("8,125", "tối đa 2 chữ số thập phân")],
)  # fmt: skip
def test_a_bad_score_is_shown_inline_and_nothing_is_saved(client, sheet, typed, message):
    client.force_login(sheet.cast.d1_officer)
    criterion = sheet.criteria["I.1"]
    services.save_self_score(sheet.cast.d1_officer, sheet.card("d1"), criterion.pk, D("7"))
    response = client.post(score_url(sheet.d1, criterion), {"self_score": typed, "evidence": "x"}, **HTMX)
    assert response.status_code == 200
    html = response.content.decode()
    assert message in html and "is-invalid" in html
    assert f'value="{typed}"' in html  # what was typed stays in the input
    assert 'data-testid="saved"' not in html
    assert Score.objects.get(scorecard=sheet.d1, criterion=criterion).self_score == D("7")


def test_a_final_card_refuses_a_posted_score_with_a_message(client, sheet):
    cast = sheet.cast
    sheet.finalize("d1", cast.d1_officer, cast.admin)
    client.force_login(cast.d1_officer)
    page = client.get(reverse("emulation:card", args=[sheet.d1.pk])).content.decode()
    assert 'name="self_score"' not in page and "Kết quả đã chốt nên bảng điểm đã khóa" in page
    response = client.post(score_url(sheet.d1, sheet.criteria["I.1"]), {"self_score": "1"}, **HTMX)
    assert services.MSG_CARD_FINAL in response.content.decode()
    assert Score.objects.get(scorecard=sheet.d1, criterion=sheet.criteria["I.1"]).self_score == D("10")


def test_a_heading_is_not_posted_to(client, sheet):
    client.force_login(sheet.cast.d1_officer)
    response = client.post(score_url(sheet.d1, sheet.criteria["II"]), {"self_score": "5"}, **HTMX)
    assert response.status_code == 404


def test_the_commission_appraises_in_its_own_columns(client, sheet):
    cast = sheet.cast
    sheet.submit("d1", cast.d1_officer)
    client.force_login(cast.admin)
    url = reverse("emulation:card", args=[sheet.d1.pk])
    response = client.post(reverse("emulation:card-action", args=[sheet.d1.pk, "appraise"]))
    assert response.status_code == 302
    html = client.get(url).content.decode()
    assert html.count('name="appraised_score"') == 7 and 'name="self_score"' not in html
    response = client.post(
        score_url(sheet.d1, sheet.criteria["I.2"]), {"appraised_score": "15", "comment": "Thiếu kế hoạch"}, **HTMX
    )
    html = response.content.decode()
    assert 'data-testid="appraised-total">95<' in html and 'data-testid="difference">−5<' in html


def test_returning_needs_a_reason_shown_on_the_page(client, sheet):
    cast = sheet.cast
    sheet.submit("d1", cast.d1_officer)
    client.force_login(cast.admin)
    url = reverse("emulation:card-action", args=[sheet.d1.pk, "return"])
    response = client.post(url, {"return-comment": ""})
    assert response.status_code == 200
    assert "Cần ghi rõ lý do khi “Trả lại”." in response.content.decode()
    assert Scorecard.objects.get(pk=sheet.d1.pk).status == Status.SUBMITTED
    client.post(url, {"return-comment": "Bổ sung minh chứng mục II.1"})
    assert Scorecard.objects.get(pk=sheet.d1.pk).status == Status.RETURNED
    client.force_login(cast.d1_officer)
    page = client.get(reverse("emulation:card", args=[sheet.d1.pk])).content.decode()
    assert "Bổ sung minh chứng mục II.1" in page and 'name="self_score"' in page


def test_submitting_an_incomplete_card_says_what_is_missing(client, sheet):
    sheet.fill("d1", sheet.cast.d1_officer, I_1=None)
    client.force_login(sheet.cast.d1_officer)
    response = client.post(reverse("emulation:card-action", args=[sheet.d1.pk, "submit"]), follow=True)
    assert "Còn 1 tiêu chí chưa tự chấm điểm: I.1." in response.content.decode()


def test_a_workflow_step_out_of_role_is_a_403_with_the_reason(client, sheet):
    sheet.submit("d1", sheet.cast.d1_officer)
    client.force_login(sheet.cast.d1_reviewer)
    response = client.post(reverse("emulation:card-action", args=[sheet.d1.pk, "appraise"]))
    assert response.status_code == 403
    assert "không có quyền “Bắt đầu thẩm định”" in response.content.decode()


def test_editing_a_locked_set_shows_the_reason(client, sheet):
    cast = sheet.cast
    sheet.submit("d1", cast.d1_officer)
    client.force_login(cast.admin)
    page = client.get(reverse("emulation:set", args=[sheet.criteria_set.pk])).content.decode()
    assert "Đã khóa tiêu chí" in page and "Thêm phần" not in page
    criterion = sheet.criteria["I.1"]
    response = client.post(
        reverse("emulation:criterion-edit", args=[criterion.pk]), {"content": "Sửa", "max_score": "5"}
    )
    assert services.MSG_SET_LOCKED in response.content.decode()
    response = client.post(reverse("emulation:criterion-delete", args=[criterion.pk]), follow=True)
    assert services.MSG_SET_LOCKED in response.content.decode()
    assert Criterion.objects.filter(pk=criterion.pk, max_score=D("10")).exists()


def test_the_commission_builds_the_tree_from_the_page(client, cast):
    client.force_login(cast.admin)
    response = client.post(
        reverse("emulation:set-create"),
        {"name": "Bản điểm thi đua năm 2022", "year": "2022", "unit": cast.province.pk, "description": ""},
    )
    criteria_set = CriteriaSet.objects.get(name="Bản điểm thi đua năm 2022")
    assert response.status_code == 302
    add_url = reverse("emulation:criterion-add", args=[criteria_set.pk])
    client.post(add_url, {"content": "Công tác tham mưu", "max_score": "", "kind": "criterion"})
    part = Criterion.objects.get(criteria_set=criteria_set)
    response = client.post(f"{add_url}?cap_tren={part.pk}", {"content": "Tham mưu văn bản", "max_score": "12,5"})
    assert response.status_code == 302
    response = client.post(f"{add_url}?cap_tren={part.pk}", {"content": "Kiểm tra", "max_score": "mười"})
    assert "“mười” không phải là số" in response.content.decode()
    child = Criterion.objects.get(parent=part)
    assert (child.position, child.max_score) == ("I.1", D("12.5"))
    page = client.get(reverse("emulation:set", args=[criteria_set.pk])).content.decode()
    assert "Tổng điểm tối đa: <strong>12,5</strong>" in page


def test_members_are_added_by_kind_from_the_page(client, cast):
    criteria_set = services.create_set(cast.admin, name="Bản điểm 2026", year=2026, unit=cast.province)
    client.force_login(cast.admin)
    kinds = list(
        __import__("danvan.org.models", fromlist=["UnitKind"])
        .UnitKind.objects.filter(code="dang-uy-xa")
        .values_list("pk", flat=True)
    )
    response = client.post(
        reverse("emulation:members-fill", args=[criteria_set.pk]), {"kinds": kinds, "within": cast.province.pk}
    )
    assert response.status_code == 302
    assert Scorecard.objects.filter(criteria_set=criteria_set).count() == 3


def test_set_edit_changes_the_classes(client, sheet):
    client.force_login(sheet.cast.admin)
    data = {
        "name": sheet.criteria_set.name, "year": "2021", "description": "",
        "xl-TOTAL_FORMS": "3", "xl-INITIAL_FORMS": "0",
        "xl-0-name": "Xuất sắc", "xl-0-min_score": "92,5",
        "xl-1-name": "Hoàn thành", "xl-1-min_score": "0",
        "xl-2-name": "", "xl-2-min_score": "",
    }  # fmt: skip
    response = client.post(reverse("emulation:set-edit", args=[sheet.criteria_set.pk]), data)
    assert response.status_code == 302
    assert list(sheet.criteria_set.grades.values_list("name", "min_score")) == [
        ("Xuất sắc", D("92.5")),
        ("Hoàn thành", D("0")),
    ]
    data["xl-1-min_score"] = "92,5"
    response = client.post(reverse("emulation:set-edit", args=[sheet.criteria_set.pk]), data)
    assert "Hai mức xếp loại cùng điểm tối thiểu 92,5." in response.content.decode()


def test_evidence_files_are_checked_stored_and_served_like_every_attachment(client, sheet, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    card = sheet.d1
    client.force_login(sheet.cast.d1_officer)
    stranger = Client()
    stranger.force_login(sheet.cast.d2_officer)  # the other district: the card is not theirs

    def send(upload):
        return client.post(reverse("emulation:file-upload", args=[card.pk]), {"file": upload, "caption": ""})

    def stored():
        attached = EvidenceFile.objects.filter(scorecard=card).order_by("pk").last()
        return attached and (attached.file, attached.original_name, reverse("emulation:file", args=[attached.pk]))

    check_upload_point(UploadPoint("emulation", send, stored), client, stranger, settings)
