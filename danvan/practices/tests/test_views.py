"""The "Dân vận khéo" pages through the test client: forms, messages, the workflow, files, bulk."""

import datetime as dt

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse

from danvan.core.models import WorkflowStep
from danvan.core.testing.factories import make_practice
from danvan.core.testing.uploads import UploadPoint, check_upload_point, docx_bytes, image_bytes
from danvan.practices import services
from danvan.practices.choices import Status
from danvan.practices.models import Amendment, Field, Level, Practice, PracticeFile

pytestmark = pytest.mark.django_db

NAME = "Mô hình “Dân vận khéo” trong xây dựng nông thôn mới"


@pytest.fixture
def levels(db):
    return {lv.code: lv for lv in Level.objects.all()}


@pytest.fixture
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    return tmp_path


def form_data(cast, **overrides):
    data = {
        "name": NAME,
        "kind": "model",
        "subject": "collective",
        "person_name": "",
        "person_position": "",
        "unit": cast.c1.pk,
        "bloc": "",
        "field": Field.objects.get(code="kinh-te").pk,
        "year": 2024,
        "level": Level.objects.get(code="co-so").pk,
        "description": "Vận động Nhân dân hiến đất làm đường giao thông nông thôn.",
        "methods": "Họp dân, đối thoại trực tiếp, cán bộ đi từng ngõ, gõ từng nhà.",
        "replicated_from_code": "",
    }
    data.update(overrides)
    return data


def errors_of(response) -> str:
    return response.content.decode()


def proposed(cast, unit=None, year=2019, **fields):
    practice = make_practice(unit or cast.c1, year, **fields)
    practice = services.transition(cast.d1_officer, practice, "start")
    return services.transition(cast.d1_officer, practice, "propose")


def recognized(cast, levels, **fields):
    return services.recognize(
        cast.d1_reviewer, proposed(cast, **fields), levels["co-so"], "15-QĐ/BCĐ", dt.date(2019, 12, 20), cast.d1
    )


def recognize_data(cast, levels, **overrides):
    data = {
        "recognize-level": levels["co-so"].pk,
        "recognize-decision_number": "15-QĐ/BCĐ",
        "recognize-decision_date": "2019-12-20",
        "recognize-recognizing_unit": cast.d1.pk,
        "recognize-comment": "",
    }
    data.update(overrides)
    return data


# --- Create and edit ------------------------------------------------------------------------------


def test_an_officer_registers_a_practice_through_the_form(client, cast):
    client.force_login(cast.c1_officer)
    page = client.get(reverse("practices:create"))
    assert page.status_code == 200
    token = page.context["token"]
    response = client.post(reverse("practices:create"), form_data(cast, token=token))
    practice = Practice.objects.get()
    assert response.status_code == 302 and response.url == practice.get_absolute_url()
    assert practice.code == "DVK-2024-000001"
    assert practice.unit_name == "Đảng ủy xã Long Thuận"
    assert practice.bloc.code == "dang"  # taken from the unit when left empty
    assert practice.status == Status.REGISTERED
    html = client.get(response.url).content.decode()
    assert "DVK-2024-000001" in html and "Đã đăng ký mô hình" in html


def test_a_double_submit_creates_one_practice_and_shows_it(client, cast):
    client.force_login(cast.c1_officer)
    token = client.get(reverse("practices:create")).context["token"]
    first = client.post(reverse("practices:create"), form_data(cast, token=token))
    second = client.post(reverse("practices:create"), form_data(cast, token=token), follow=True)
    assert Practice.objects.count() == 1
    practice = Practice.objects.get()
    assert first.url == practice.get_absolute_url()
    assert second.redirect_chain[-1][0] == practice.get_absolute_url()
    assert "Biểu mẫu này đã được gửi" in second.content.decode()
    # A fresh form (new token) registers another one.
    token = client.get(reverse("practices:create")).context["token"]
    client.post(reverse("practices:create"), form_data(cast, token=token))
    assert Practice.objects.count() == 2


@pytest.mark.parametrize(
    ("overrides", "field", "message"),
    [
        ({"kind": "exemplar", "subject": "individual"}, "person_name", "Điển hình cá nhân cần có họ tên."),
        ({"year": 2026, "level": "huyen"}, "level", "Năm 2026 không có “Cấp huyện”"),
        ({"year": 2026, "unit": "d1"}, "unit", "Đơn vị “Huyện ủy Bến Cầu” không còn hoạt động trong năm 2026"),
        ({"year": 2008}, "year", "Năm 2008 ngoài khoảng cho phép"),
        ({"name": ""}, "name", "Trường này là bắt buộc"),
        ({"replicated_from_code": "DVK-1999-000001"}, "replicated_from_code", "Không tìm thấy mô hình mã"),
    ],
)
def test_bad_input_gets_a_vietnamese_message_and_keeps_what_was_typed(client, cast, levels, overrides, field, message):
    client.force_login(cast.d1_officer)
    if overrides.get("level") == "huyen":
        overrides["level"] = levels["huyen"].pk
    if overrides.get("unit") == "d1":
        overrides["unit"] = cast.d1.pk
    response = client.post(reverse("practices:create"), form_data(cast, **overrides))
    assert response.status_code == 200
    form = response.context["form"]
    assert message in " ".join(form.errors[field])
    html = response.content.decode()
    assert message.split("“")[0] in html
    assert "Vận động Nhân dân hiến đất làm đường giao thông nông thôn." in html  # nothing lost
    assert Practice.objects.count() == 0


def test_the_unit_choices_are_the_users_units(client, cast):
    client.force_login(cast.d1_officer)
    form = client.get(reverse("practices:create")).context["form"]
    names = [unit.name for unit in form.fields["unit"].queryset]
    assert sorted(names) == sorted(["Huyện ủy Bến Cầu", "Đảng ủy xã Long Thuận", "Đảng ủy xã Lợi Thuận"])
    # An out-of-scope unit posted anyway is refused.
    response = client.post(reverse("practices:create"), form_data(cast, unit=cast.c3.pk))
    assert "unit" in response.context["form"].errors
    assert Practice.objects.count() == 0


def test_a_user_without_change_rights_cannot_register(client, cast):
    client.force_login(cast.d1_reviewer)
    response = client.get(reverse("practices:create"))
    assert response.status_code == 403
    assert "chưa được phân quyền cập nhật" in response.content.decode()


def test_an_officer_edits_and_the_version_moves_on(client, cast):
    practice = make_practice(cast.c1, 2024)
    client.force_login(cast.c1_officer)
    form = client.get(reverse("practices:edit", args=[practice.pk])).context["form"]
    assert form["version"].value() == 1
    data = form_data(cast, name="Tên mới của mô hình", version=1)
    response = client.post(reverse("practices:edit", args=[practice.pk]), data)
    assert response.status_code == 302
    practice.refresh_from_db()
    assert (practice.name, practice.version) == ("Tên mới của mô hình", 2)


def test_two_editors_at_once_the_second_sees_a_message_and_keeps_the_text(client, cast):
    practice = make_practice(cast.c1, 2024)
    client.force_login(cast.c1_officer)
    client.post(reverse("practices:edit", args=[practice.pk]), form_data(cast, name="Sửa lần một", version=1))
    response = client.post(
        reverse("practices:edit", args=[practice.pk]), form_data(cast, name="Sửa lần hai", version=1)
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert "đã được người khác sửa" in html
    assert "Sửa lần hai" in html  # what the second editor typed is still in the form
    assert Practice.objects.get(pk=practice.pk).name == "Sửa lần một"


def test_a_recognized_practice_cannot_be_edited_directly(client, cast, levels):
    practice = recognized(cast, levels)
    client.force_login(cast.c1_officer)
    response = client.get(reverse("practices:edit", args=[practice.pk]), follow=True)
    assert "hãy lập đính chính" in response.content.decode()
    response = client.post(reverse("practices:edit", args=[practice.pk]), form_data(cast, name="X", version=3))
    assert Practice.objects.get(pk=practice.pk).name != "X"


def test_replication_source_is_resolved_from_its_code(client, cast):
    source = make_practice(cast.c2, 2019, name="Mô hình “Dân vận khéo” gốc ở xã Lợi Thuận")
    client.force_login(cast.d1_officer)
    response = client.post(reverse("practices:create"), form_data(cast, replicated_from_code=source.code.lower()))
    copy = Practice.objects.exclude(pk=source.pk).get()
    assert response.status_code == 302 and copy.replicated_from == source
    html = client.get(reverse("practices:detail", args=[source.pk])).content.decode()
    assert "Được nhân rộng tại" in html and copy.code in html
    # Suggestions while typing come from the user's scope only.
    make_practice(cast.c3, 2019, name="Mô hình gốc ở xã Tân Lập")
    options = client.get(reverse("practices:lookup"), {"replicated_from_code": "goc o xa"}).content.decode()
    assert source.code in options and "Tân Lập" not in options


# --- Workflow ------------------------------------------------------------------------------------


def test_start_and_propose_through_the_buttons(client, cast):
    practice = make_practice(cast.c1, 2024)
    client.force_login(cast.c1_officer)
    html = client.get(reverse("practices:detail", args=[practice.pk])).content.decode()
    assert "Bắt đầu thực hiện" in html
    client.post(reverse("practices:action", args=[practice.pk, "start"]))
    client.post(reverse("practices:action", args=[practice.pk, "propose"]))
    practice.refresh_from_db()
    assert practice.status == Status.PROPOSED and practice.proposed_by == cast.c1_officer


def test_a_second_click_on_a_step_already_taken_is_explained(client, cast):
    practice = make_practice(cast.c1, 2024)
    client.force_login(cast.c1_officer)
    client.post(reverse("practices:action", args=[practice.pk, "start"]))
    response = client.post(reverse("practices:action", args=[practice.pk, "start"]), follow=True)
    assert "nên không thể “Bắt đầu thực hiện”" in response.content.decode()
    assert WorkflowStep.objects.filter(object_id=str(practice.pk)).count() == 1


def test_return_without_a_comment_is_refused(client, cast):
    practice = proposed(cast)
    client.force_login(cast.d1_reviewer)
    response = client.post(reverse("practices:action", args=[practice.pk, "return"]), {"return-comment": "  "})
    assert response.status_code == 200
    assert "Cần ghi rõ lý do khi “Trả lại”." in response.content.decode()
    assert Practice.objects.get(pk=practice.pk).status == Status.PROPOSED
    response = client.post(
        reverse("practices:action", args=[practice.pk, "return"]), {"return-comment": "Bổ sung hình ảnh minh chứng"}
    )
    assert response.status_code == 302
    assert Practice.objects.get(pk=practice.pk).status == Status.IMPLEMENTING
    html = client.get(reverse("practices:detail", args=[practice.pk])).content.decode()
    assert "Bổ sung hình ảnh minh chứng" in html  # on the timeline


def test_recognize_with_all_decision_fields(client, cast, levels):
    practice = proposed(cast, year=2024)
    client.force_login(cast.d1_reviewer)
    form = client.get(reverse("practices:detail", args=[practice.pk])).context["actions"][0][1]
    assert [u.name for u in form.fields["recognizing_unit"].queryset] == ["Huyện ủy Bến Cầu"]
    data = recognize_data(cast, levels, **{"recognize-level": levels["tinh"].pk})
    data["recognize-decision_date"] = "20/12/2024"
    response = client.post(reverse("practices:action", args=[practice.pk, "recognize"]), data)
    assert response.status_code == 302
    practice.refresh_from_db()
    assert practice.status == Status.RECOGNIZED
    assert practice.recognized_level == levels["tinh"]  # may differ from the level registered
    assert (practice.decision_number, practice.decision_date) == ("15-QĐ/BCĐ", dt.date(2024, 12, 20))
    assert practice.recognizing_unit == cast.d1
    html = client.get(reverse("practices:detail", args=[practice.pk])).content.decode()
    assert "Đã công nhận" in html and "20/12/2024" in html and "Đã khóa" in html


def test_recognize_without_decision_fields_lists_every_missing_one(client, cast, levels):
    practice = proposed(cast)
    client.force_login(cast.d1_reviewer)
    data = recognize_data(
        cast, levels, **{"recognize-decision_number": "", "recognize-decision_date": "", "recognize-level": ""}
    )
    html = client.post(reverse("practices:action", args=[practice.pk, "recognize"]), data).content.decode()
    for message in ("Cần chọn cấp công nhận.", "Cần nhập số quyết định", "Cần nhập ngày công nhận."):
        assert message in html
    assert Practice.objects.get(pk=practice.pk).status == Status.PROPOSED


def test_an_officer_cannot_recognize(client, cast, levels):
    practice = proposed(cast)
    client.force_login(cast.d1_officer)
    response = client.post(reverse("practices:action", args=[practice.pk, "recognize"]), recognize_data(cast, levels))
    assert response.status_code == 403
    assert "Bạn không có quyền “Công nhận”" in response.content.decode()
    assert Practice.objects.get(pk=practice.pk).status == Status.PROPOSED


def test_nobody_recognizes_their_own_proposal(client, cast, levels):
    practice = make_practice(cast.c1, 2019)
    services.transition(cast.admin, practice, "start")
    services.transition(cast.admin, Practice.objects.get(pk=practice.pk), "propose")
    client.force_login(cast.admin)
    html = client.get(reverse("practices:detail", args=[practice.pk])).content.decode()
    assert "Xác nhận: Công nhận" not in html
    response = client.post(reverse("practices:action", args=[practice.pk, "recognize"]), recognize_data(cast, levels))
    assert response.status_code == 403 and "tự phê duyệt" in response.content.decode()


def test_an_unknown_action_is_404(client, cast):
    practice = make_practice(cast.c1)
    client.force_login(cast.admin)
    assert client.post(reverse("practices:action", args=[practice.pk, "delete"])).status_code == 404


def test_state_changes_are_post_only(client, cast):
    practice = make_practice(cast.c1)
    client.force_login(cast.admin)
    for url in (
        reverse("practices:action", args=[practice.pk, "start"]),
        reverse("practices:file-upload", args=[practice.pk]),
        reverse("practices:bulk"),
    ):
        assert client.get(url).status_code == 405
    assert Practice.objects.get(pk=practice.pk).status == Status.REGISTERED


# --- Bulk ------------------------------------------------------------------------------------------


def bulk_data(cast, levels, practices, **overrides):
    data = {
        "action": "recognize",
        "level": levels["co-so"].pk,
        "decision_number": "20-QĐ/BCĐ",
        "decision_date": "25/12/2019",
        "recognizing_unit": cast.d1.pk,
        "comment": "",
        "practices": [p.pk for p in practices],
    }
    data.update(overrides)
    return data


def test_bulk_recognition_is_all_or_nothing_through_the_view(client, cast, levels):
    good = [proposed(cast), proposed(cast, cast.c2)]
    not_proposed = make_practice(cast.c1)
    client.force_login(cast.d1_reviewer)
    response = client.post(reverse("practices:bulk") + "?nam=2019", bulk_data(cast, levels, [*good, not_proposed]))
    assert response.status_code == 200
    html = response.content.decode()
    assert "Chưa xử lý hồ sơ nào" in html and not_proposed.code in html
    assert f'value="{good[0].pk}" aria-label="Chọn {good[0].code}" checked' in html  # the selection is kept
    assert Practice.objects.filter(status=Status.RECOGNIZED).count() == 0
    response = client.post(reverse("practices:bulk") + "?nam=2019", bulk_data(cast, levels, good))
    assert response.status_code == 302 and response.url == reverse("practices:list") + "?nam=2019"
    assert set(Practice.objects.filter(status=Status.RECOGNIZED).values_list("decision_number", flat=True)) == {
        "20-QĐ/BCĐ"
    }


def test_bulk_rejection_needs_a_reason(client, cast, levels):
    practice = proposed(cast)
    client.force_login(cast.d1_reviewer)
    data = bulk_data(cast, levels, [practice], action="reject", level="", decision_number="")
    html = client.post(reverse("practices:bulk"), data).content.decode()
    assert "Cần ghi rõ lý do khi “Không công nhận”." in html
    data["comment"] = "Chưa có kết quả kiểm chứng"
    assert client.post(reverse("practices:bulk"), data).status_code == 302
    assert Practice.objects.get(pk=practice.pk).status == Status.REJECTED


def test_bulk_recognition_needs_the_decision(client, cast, levels):
    practice = proposed(cast)
    client.force_login(cast.d1_reviewer)
    html = client.post(reverse("practices:bulk"), bulk_data(cast, levels, [practice], decision_number="")).content
    assert "Cần nhập số quyết định hoặc giấy chứng nhận." in html.decode()
    html = client.post(reverse("practices:bulk"), bulk_data(cast, levels, [])).content.decode()
    assert "Chưa chọn mô hình nào" in html


# --- Files -----------------------------------------------------------------------------------------


def upload(client, practice, file, kind="evidence"):
    return client.post(
        reverse("practices:file-upload", args=[practice.pk]), {"kind": kind, "file": file, "caption": ""}
    )


def newest_file(practice):
    attached = PracticeFile.objects.filter(practice=practice).order_by("pk").last()
    return attached and (attached.file, attached.original_name, reverse("practices:file", args=[attached.pk]))


def test_evidence_is_checked_stored_and_served_like_every_attachment(client, cast, media, settings):
    practice = make_practice(cast.c1, 2024)
    client.force_login(cast.c1_officer)
    stranger = Client()
    stranger.force_login(cast.d2_officer)  # another district: the file is not theirs
    point = UploadPoint("practices", lambda f: upload(client, practice, f), lambda: newest_file(practice))
    check_upload_point(point, client, stranger, settings)


def test_photos_are_images_shown_as_thumbnails(client, cast, media):
    practice = make_practice(cast.c1, 2024)
    client.force_login(cast.c1_officer)
    response = upload(client, practice, SimpleUploadedFile("anh.jpg", docx_bytes()), kind="photo")
    assert "Hình ảnh phải là tệp JPG hoặc PNG." in response.content.decode()
    assert (
        upload(client, practice, SimpleUploadedFile("anh-hop-dan.jpeg", image_bytes("JPEG")), "photo").status_code
        == 302
    )
    photo = PracticeFile.objects.get()
    assert photo.original_name == "anh-hop-dan.jpg" and photo.file.name.endswith(".jpg")
    html = client.get(reverse("practices:detail", args=[practice.pk])).content.decode()
    assert f'src="{reverse("practices:file", args=[photo.pk])}"' in html  # a thumbnail
    assert "/media/" not in html
    shown = client.get(reverse("practices:file", args=[photo.pk]))
    assert shown["Content-Type"] == "image/jpeg" and shown["Content-Disposition"].startswith("inline")


def test_an_upload_without_a_file_is_explained(client, cast, media):
    practice = make_practice(cast.c1, 2024)
    client.force_login(cast.c1_officer)
    response = client.post(reverse("practices:file-upload", args=[practice.pk]), {"kind": "evidence"})
    assert "Chưa chọn tệp để tải lên." in response.content.decode()


# --- Amendments ------------------------------------------------------------------------------------


def amend_data(practice, **overrides):
    data = form_data_from(practice)
    data.update(overrides)
    return data


def form_data_from(practice):
    return {
        "name": practice.name,
        "kind": practice.kind,
        "subject": practice.subject,
        "person_name": practice.person_name,
        "person_position": practice.person_position,
        "unit": practice.unit_id,
        "bloc": practice.bloc_id,
        "field": practice.field_id,
        "year": practice.year,
        "level": practice.level_id,
        "description": practice.description,
        "replicated_from_code": "",
        "recognized_level": practice.recognized_level_id,
        "decision_number": practice.decision_number,
        "decision_date": practice.decision_date.isoformat(),
        "reason": "",
    }


def test_amendment_flow_keeps_the_original(client, cast, levels):
    practice = recognized(cast, levels, name="Mô hình dân vận khéo xã Long Thuân")
    client.force_login(cast.d1_reviewer)
    html = client.get(reverse("practices:detail", args=[practice.pk])).content.decode()
    assert "Lập đính chính" in html
    url = reverse("practices:amend", args=[practice.pk])
    assert client.get(url).status_code == 200
    fixed = "Mô hình dân vận khéo xã Long Thuận"
    response = client.post(url, amend_data(practice, name=fixed))
    assert "Cần ghi rõ lý do đính chính." in response.content.decode()
    response = client.post(url, amend_data(practice, reason="Sai chính tả"))
    assert "không khác nội dung hiện tại" in response.content.decode()
    response = client.post(url, amend_data(practice, name=fixed, reason="Sai chính tả tên xã"))
    assert response.status_code == 302
    amendment = Amendment.objects.get()
    assert amendment.before == {"name": "Mô hình dân vận khéo xã Long Thuân"} and amendment.after == {"name": fixed}
    html = client.get(reverse("practices:detail", args=[practice.pk])).content.decode()
    assert "Sai chính tả tên xã" in html and "Trước đính chính" in html and "xã Long Thuân" in html


def test_only_reviewers_amend(client, cast, levels):
    practice = recognized(cast, levels)
    client.force_login(cast.c1_officer)
    assert client.get(reverse("practices:amend", args=[practice.pk])).status_code == 403
    html = client.get(reverse("practices:detail", args=[practice.pk])).content.decode()
    assert "Lập đính chính" not in html


# --- List and search -------------------------------------------------------------------------------


def test_search_ignores_diacritics(client, cast):
    make_practice(cast.c1, 2019, name="Dân vận khéo trong hiến đất làm đường")
    make_practice(cast.c2, 2019, name="Đồng hành cùng hội viên phụ nữ")
    make_practice(cast.c2, 2019, name="Xây dựng khu dân cư kiểu mẫu")
    client.force_login(cast.admin)
    for query, expected in [
        ("dan van kheo", "Dân vận khéo trong hiến đất làm đường"),
        ("dong", "Đồng hành cùng hội viên phụ nữ"),
        ("ĐỒNG HÀNH", "Đồng hành cùng hội viên phụ nữ"),
    ]:
        response = client.get(reverse("practices:list"), {"q": query})
        names = [p.name for p in response.context["page"]]
        assert names == [expected], query


def test_list_filters_and_sorting(client, cast, levels):
    a = make_practice(cast.c1, 2019, name="Bê tông hóa đường nội đồng")
    b = make_practice(cast.c2, 2020, name="Ánh sáng đường quê")
    c = make_practice(cast.c3, 2020, name="Chợ văn minh", kind="exemplar")
    client.force_login(cast.admin)

    def codes(**params):
        return [p.code for p in client.get(reverse("practices:list"), params).context["page"]]

    assert codes() == [b.code, c.code, a.code]  # newest year first, then code
    assert codes(nam=2019) == [a.code]
    assert codes(loai="exemplar") == [c.code]
    assert codes(don_vi=cast.d1.pk, truc_thuoc="on") == [b.code, a.code]
    assert codes(don_vi=cast.d1.pk) == []  # without the subtree: the district's own records only
    assert codes(sap_xep="ten") == [b.code, a.code, c.code]  # Ánh < Bê < Chợ (Vietnamese order)
    assert codes(sap_xep="-ten") == [c.code, a.code, b.code]
    assert codes(trang_thai="registered", cap=levels["co-so"].pk) == [b.code, c.code, a.code]


def test_list_shows_the_year_and_count_without_thousand_separators(client, cast):
    make_practice(cast.c1, 2019)
    client.force_login(cast.admin)
    html = client.get(reverse("practices:list")).content.decode()
    assert "<td>2019</td>" in html and "2.019" not in html


# --- Admin -----------------------------------------------------------------------------------------


def test_superusers_configure_fields_and_levels_and_only_read_practices(client, cast):
    from django.contrib.auth import get_user_model

    practice = make_practice(cast.c1, 2019)
    root = get_user_model().objects.create_superuser("quan_tri", password="x")
    client.force_login(root)
    for name in ("field", "level"):
        assert client.get(reverse(f"admin:practices_{name}_changelist")).status_code == 200
        assert client.get(reverse(f"admin:practices_{name}_add")).status_code == 200
    assert client.get(reverse("admin:practices_practice_changelist")).status_code == 200
    assert client.get(reverse("admin:practices_practice_change", args=[practice.pk])).status_code == 200
    assert client.get(reverse("admin:practices_practice_add")).status_code == 403
    assert client.get(reverse("admin:practices_practice_delete", args=[practice.pk])).status_code == 403


def test_a_sort_by_name_over_a_large_result_keeps_the_default_order(client, cast, monkeypatch):
    from danvan.practices import filters

    monkeypatch.setattr(filters, "COLLATED_SORT_LIMIT", 2)
    older = make_practice(cast.c1, 2019, name="Ánh sáng đường quê")
    newer = [make_practice(cast.c2, 2020, name=name) for name in ("Chợ văn minh", "Bê tông hóa đường nội đồng")]
    client.force_login(cast.admin)
    response = client.get(reverse("practices:list"), {"sap_xep": "ten"})
    assert [p.code for p in response.context["page"]] == [newer[0].code, newer[1].code, older.code]
    assert "chưa sắp xếp theo tên" in response.content.decode()
    response = client.get(reverse("practices:list"), {"sap_xep": "ten", "nam": 2020})
    assert [p.name for p in response.context["page"]] == ["Bê tông hóa đường nội đồng", "Chợ văn minh"]
    assert "chưa sắp xếp theo tên" not in response.content.decode()


def test_the_unit_filter_keeps_the_chosen_unit_selected(client, cast):
    client.force_login(cast.admin)
    html = client.get(reverse("practices:list"), {"don_vi": cast.c2.pk, "truc_thuoc": "on"}).content.decode()
    assert f'<option value="{cast.c2.pk}" selected>' in html
    assert 'id="id_don_vi"' in html and 'class="form-select form-select-sm"' in html


def test_an_edit_keeps_a_source_outside_the_editors_scope(client, cast):
    source = make_practice(cast.province, 2019, name="Mô hình “Dân vận khéo” của Tỉnh ủy")
    practice = make_practice(cast.c1, 2024, replicated_from=source)
    client.force_login(cast.c1_officer)
    form = client.get(reverse("practices:edit", args=[practice.pk])).context["form"]
    assert form["replicated_from_code"].value() == source.code
    data = form_data(cast, name="Tên mới", version=1, replicated_from_code=source.code)
    assert client.post(reverse("practices:edit", args=[practice.pk]), data).status_code == 302
    practice.refresh_from_db()
    assert (practice.name, practice.replicated_from) == ("Tên mới", source)
    html = client.get(reverse("practices:detail", args=[practice.pk])).content.decode()
    card = html.split('data-testid="replications"', 1)[1].split("</div></div>", 1)[0]
    assert "ngoài phạm vi của bạn" in card and "của Tỉnh ủy" not in card
