"""The opinion pages as a clerk uses them: recording with every error shown and nothing lost, forwarding
and answering, red when overdue, search without diacritics, paging and sorting by the page's own links,
merging duplicates, evidence files checked by content, two editors at once."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from django.urls import reverse
from django.utils import timezone

from danvan.core.testing.links import walk_list
from danvan.core.testing.uploads import UploadPoint, check_upload_point
from danvan.opinion.choices import Source, State
from danvan.opinion.models import ItemFile, OpinionItem
from danvan.opinion.tests.conftest import DAY, make_collaborator, make_item, topic

pytestmark = pytest.mark.django_db


def form_data(unit, **extra) -> dict:
    data = {
        "unit": unit.pk, "noted_on": "10/03/2026", "place": unit.pk, "topic": topic().pk,
        "summary": "Nhân dân ấp Bến Đình băn khoăn về tiến độ làm đường giao thông nông thôn",
        "source": Source.BRIEFING, "tendency": "unsure", "intensity": "medium",
    }  # fmt: skip
    return data | extra


def test_recording_shows_every_error_and_keeps_what_was_typed(client, cast):
    client.force_login(cast.c1_officer)
    data = form_data(cast.c1, summary="Bài đăng xuyên tạc việc sáp nhập xã", source=Source.CYBERSPACE, reach="-5")
    response = client.post(reverse("opinion:item-create"), data)
    assert response.status_code == 200
    assert response.context["form"].errors["reach"] == ["Lượt tiếp cận không được là số âm."]
    assert "Bài đăng xuyên tạc việc sáp nhập xã" in response.content.decode()  # nothing typed is lost
    response = client.post(reverse("opinion:item-create"), data | {"reach": "15000"})
    html = response.content.decode()
    assert "Cần chọn nền tảng mạng xã hội hoặc trang tin." in html
    assert "Cần nhập đường dẫn đến bài viết trên không gian mạng." in html
    assert not OpinionItem.objects.exists()
    data |= {"platform": "facebook", "link": "https://www.facebook.com/groups/123/posts/456", "reach": "15000"}
    response = client.post(reverse("opinion:item-create"), data)
    item = OpinionItem.objects.get()
    assert response.status_code == 302 and response["Location"] == item.get_absolute_url()
    page = client.get(item.get_absolute_url()).content.decode()
    assert "15.000 lượt tiếp cận" in page and "Facebook" in page


def test_forward_then_answer_through_the_page_and_red_when_late(client, cast, item):
    client.force_login(cast.c1_officer)
    url = reverse("opinion:item-step", args=[item.pk, "forward"])
    response = client.post(url, {"forwarded_to": "", "forwarded_on": "01/03/2026", "answer_due": ""})
    html = response.content.decode()
    assert response.status_code == 200
    assert "Cần ghi cơ quan được chuyển đến." in html
    assert "Ngày chuyển phải từ ngày ghi nhận (10/3/2026) trở đi." in html
    data = {"forwarded_to": "UBND xã Long Thuận", "forwarded_on": "11/03/2026", "answer_due": "26/03/2026"}
    assert client.post(url, data).status_code == 302
    assert client.post(url, data).status_code == 302  # a second click: a warning, nothing more
    item.refresh_from_db()
    assert item.state == State.FORWARDED and item.answer_due == dt.date(2026, 3, 26)
    listed = client.get(reverse("opinion:item-list") + "?trang_thai=qua-han").content.decode()
    late = timezone.localdate() > item.answer_due
    assert ("Quá hạn trả lời" in listed and "table-danger" in listed) == late
    answer = reverse("opinion:item-step", args=[item.pk, "answer"])
    data = {"answer": "UBND xã đã làm việc với chủ trại, yêu cầu xây hầm biogas", "answered_on": "20/03/2026"}
    assert client.post(answer, data).status_code == 302
    page = client.get(item.get_absolute_url()).content.decode()
    assert "UBND xã đã làm việc với chủ trại" in page and "Đã trả lời" in page
    assert "Chuyển cơ quan chức năng" in page  # in the timeline


def test_search_without_diacritics_and_filters(client, cast, item):
    make_item(cast.c1_officer, cast.c1, summary="Đề nghị sửa đường điện hạ thế ấp Đá Hàng", tendency="agree")
    client.force_login(cast.c1_officer)
    for query, found in [("o nhiem", item.pk), ("DUONG DIEN ha the", None)]:
        listing = client.get(reverse("opinion:item-list"), {"q": query}).context["listing"]
        rows = list(listing.page.object_list)
        assert len(rows) == 1
        if found:
            assert rows[0].pk == found
    listing = client.get(reverse("opinion:item-list"), {"chieu_huong": "agree"}).context["listing"]
    assert listing.count == 1


def test_paging_and_sorting_by_the_links_on_the_page(client, cast):
    items = [
        make_item(cast.c1_officer, cast.c1, noted_on=dt.date(2026, 1 + n % 6, 1 + n % 27), summary=f"Ý kiến số {n}")
        for n in range(26)
    ]
    make_item(cast.c1_officer, cast.c1, noted_on=dt.date(2025, 12, 1), summary="Năm trước")
    client.force_login(cast.c1_officer)
    url = reverse("opinion:item-list") + "?nam=2026&chieu_huong=disagree"
    walk_list(client, url, {i.pk for i in items}, header="Ngày", value=lambda i: i.noted_on)


def test_merge_duplicates_from_the_case_page(client, cast, item):
    collaborator = make_collaborator(cast.c1_officer, cast.c1)
    twin = make_item(cast.c1_officer, cast.c1, source=Source.COLLABORATOR, collaborator=collaborator,
                     noted_on=DAY + dt.timedelta(days=2))  # fmt: skip
    far = make_item(cast.c1_officer, cast.c1, noted_on=DAY - dt.timedelta(days=200))
    client.force_login(cast.c1_officer)
    page = client.get(item.get_absolute_url())
    choices = {c.pk for c in page.context["merge_form"].fields["duplicates"].queryset}
    assert choices == {twin.pk}  # same place, within 90 days; not the far one
    assert far.pk not in choices
    response = client.post(reverse("opinion:item-merge", args=[item.pk]), {"duplicates": [twin.pk]})
    assert response.status_code == 302
    page = client.get(item.get_absolute_url()).content.decode()
    assert "Nguyễn Văn Tư" in page  # the merged source is listed on the case
    twin_page = client.get(twin.get_absolute_url()).content.decode()
    assert 'data-testid="merged-into"' in twin_page and "Xác nhận:" not in twin_page
    listing = client.get(reverse("opinion:item-list")).context["listing"]
    assert [i.pk for i in listing.page.object_list if i.pk in (item.pk, twin.pk)] == [item.pk]
    assert client.post(reverse("opinion:item-merge", args=[item.pk]), {}).status_code == 200


def test_two_editors_at_once_lose_nothing(client, cast, item):
    client.force_login(cast.c1_officer)
    url = reverse("opinion:item-edit", args=[item.pk])
    first = form_data(cast.c1, summary="Sửa của người thứ nhất", version=item.version)
    second = form_data(cast.c1, summary="Sửa của người thứ hai", version=item.version)
    assert client.post(url, first).status_code == 302
    response = client.post(url, second)
    assert response.status_code == 200 and "người khác sửa" in response.content.decode()
    assert OpinionItem.objects.get(pk=item.pk).summary == "Sửa của người thứ nhất"


def test_evidence_files_are_checked_by_content(client, cast, item, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    client.force_login(cast.c1_officer)
    stranger = client.__class__()
    stranger.force_login(cast.c2_officer)

    def send(upload):
        return client.post(reverse("opinion:item-file-add", args=[item.pk]), {"file": upload, "caption": "Ảnh"})

    def stored():
        last = ItemFile.objects.filter(item=item).order_by("-id").first()
        return last and (last.file, last.original_name, reverse("opinion:item-file", args=[last.pk]))

    check_upload_point(UploadPoint("opinion", send, stored), client, stranger, settings)


def test_the_list_costs_the_same_queries_for_more_rows(client, cast, django_assert_max_num_queries):
    for n in range(30):
        make_item(cast.c1_officer, cast.c1, summary=f"Ý kiến {n}")
    client.force_login(cast.c1_officer)
    with django_assert_max_num_queries(14):
        client.get(reverse("opinion:item-list") + "?so_dong=20")
    with django_assert_max_num_queries(14):
        client.get(reverse("opinion:item-list") + "?so_dong=100")


def test_the_quick_report_link_opens_for_a_large_id(client, cast):
    # Ids past 999 must not be written "12.345" (the thousand separator) in the link the page renders.
    made = make_item(cast.c1_officer, cast.c1)
    OpinionItem.objects.filter(pk=made.pk).update(id=12345)
    item = OpinionItem.objects.get(pk=12345)
    client.force_login(cast.c1_officer)
    html = client.get(item.get_absolute_url()).content.decode()
    href = re.search(r'href="([^"]*vu_viec=[^"]*)"', html).group(1)
    assert href.endswith("vu_viec=12345"), href
    response = client.get(href.replace("&amp;", "&"))
    assert response.status_code == 200 and response["Content-Type"].startswith(
        "application/vnd.openxmlformats-officedocument.wordprocessingml"
    )
