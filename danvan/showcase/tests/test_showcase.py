"""The public showcase against a database that also holds what must stay inside: drafts, recognized
practices their unit did not publish, internal photos and documents, workflow comments, amendments."""

from __future__ import annotations

import datetime as dt
import re
from urllib.parse import urlsplit

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse

from danvan.core.testing.crawl import crawl
from danvan.core.testing.factories import make_practice
from danvan.core.testing.links import click, href
from danvan.core.testing.uploads import image_bytes, pdf_bytes
from danvan.practices import services
from danvan.practices.choices import FileKind
from danvan.practices.models import Level, Practice, PracticeFile

SECRETS = {
    "draft": "MÔ HÌNH ĐANG NHÁP KÍN",
    "unpublished": "MÔ HÌNH CHƯA ĐỒNG Ý CÔNG BỐ",
    "comment": "Ý KIẾN TRẢ LẠI NỘI BỘ",
    "private photo": "ẢNH NỘI BỘ CHƯA CÔNG BỐ",
    "document": "BIÊN BẢN MINH CHỨNG NỘI BỘ",
    "amendment": "LÝ DO ĐÍNH CHÍNH NỘI BỘ",
    "uploaded name": "cccd-nguyen-van-a",
    "rejected": "MÔ HÌNH KHÔNG ĐƯỢC CÔNG NHẬN",
    "hidden replica": "NHÂN RỘNG CHƯA CÔNG BỐ",
}


def recognized(cast, unit, name, year=2019, comment_on_return="", **fields):
    practice = make_practice(unit, year, name=name, **fields)
    services.transition(cast.d1_officer, practice, "start")
    services.transition(cast.d1_officer, practice, "propose")
    if comment_on_return:
        services.transition(cast.d1_reviewer, practice, "return", comment_on_return)
        services.transition(cast.d1_officer, practice, "propose")
    level = Level.objects.get(code="co-so")
    return services.recognize(cast.d1_reviewer, practice, level, "15-QĐ/BCĐ", dt.date(year, 12, 20), cast.d1)


def attach(cast, practice, kind, content, name, caption):
    upload = SimpleUploadedFile(name, content)
    return services.attach_file(cast.d1_reviewer, practice, PracticeFile(kind=kind, file=upload, caption=caption,
                                                                         original_name=name))  # fmt: skip


@pytest.fixture
def world(cast):
    shown = recognized(
        cast, cast.c1, "Hiến đất làm đường giao thông nông thôn", comment_on_return=SECRETS["comment"],
        description="Cả ấp cùng hiến đất, góp công làm đường.",
    )  # fmt: skip
    photo = attach(cast, shown, FileKind.PHOTO, image_bytes(), "cccd-nguyen-van-a.png", "Con đường mới")
    private = attach(cast, shown, FileKind.PHOTO, image_bytes("JPEG"), "noi-bo.jpg", SECRETS["private photo"])
    attach(cast, shown, FileKind.EVIDENCE, pdf_bytes(), "bien-ban.pdf", SECRETS["document"])
    services.amend(cast.d1_reviewer, shown, {"methods": "Họp dân bàn bạc công khai."}, SECRETS["amendment"])
    services.set_publication(cast.c1_officer, shown, True, [photo.pk])

    replica = recognized(cast, cast.c2, "Nhân rộng: hiến đất làm đường tại Lợi Thuận", 2020, replicated_from=shown)
    services.set_publication(cast.c2_officer, replica, True)
    hidden_replica = recognized(cast, cast.c2, SECRETS["hidden replica"], 2020, replicated_from=shown)
    unpublished = recognized(cast, cast.c2, SECRETS["unpublished"])
    draft = make_practice(cast.c1, 2020, name=SECRETS["draft"])
    services.set_publication(cast.c1_officer, draft, True)  # consent given early: shown once recognized
    rejected = make_practice(cast.c1, 2019, name=SECRETS["rejected"])
    services.transition(cast.d1_officer, rejected, "start")
    services.transition(cast.d1_officer, rejected, "propose")
    services.transition(cast.d1_reviewer, rejected, "reject", "Chưa đạt")
    Practice.objects.filter(pk=rejected.pk).update(published=True)
    return {
        "shown": shown, "photo": photo, "private": private, "replica": replica, "hidden_replica": hidden_replica,
        "unpublished": unpublished, "draft": draft, "rejected": rejected,
    }  # fmt: skip


def seen(response) -> str:
    """Everything a response tells: its headers and its body (a file's bytes too)."""
    body = b"".join(response.streaming_content) if response.streaming else response.content
    return f"{response.headers}\n{body.decode(errors='replace')}"


def anonymous() -> Client:
    return Client()


def test_every_public_page_and_the_sitemap_show_nothing_private(world):
    client = anonymous()
    timings = crawl(client, start=reverse("showcase:list"), skip=("/dang-nhap", "/quan-tri"), samples=50)
    visited = [url for _, _, url in timings]
    assert all(status == 200 for _, status, _ in timings), [t for t in timings if t[1] != 200]
    assert all(urlsplit(url).path.startswith("/mo-hinh/") for url in visited), visited
    shown, replica = world["shown"], world["replica"]
    assert reverse("showcase:detail", args=[shown.code]) in visited
    assert reverse("showcase:detail", args=[replica.code]) in visited
    assert reverse("showcase:photo", args=[shown.code, world["photo"].pk]) in visited

    sitemap_index = client.get("/sitemap.xml")
    sections = re.findall(r"<loc>https?://[^/]+(/[^<]+)</loc>", sitemap_index.content.decode())
    locations = []
    for section in sections:
        locations += re.findall(r"<loc>https?://[^/]+(/[^<]*)</loc>", client.get(section).content.decode())
    assert sorted(locations) == sorted(
        [reverse("showcase:list"), reverse("showcase:figures")]
        + [reverse("showcase:detail", args=[p.code]) for p in (shown, replica)]
    )

    urls = {*visited, *locations, "/sitemap.xml", *sections}
    text = "\n".join(seen(client.get(url)) for url in urls)
    for what, secret in SECRETS.items():
        assert secret not in text, f"{what} leaked"
    for key in ("unpublished", "draft", "rejected", "hidden_replica"):
        assert world[key].code not in text, f"{key} leaked"
    assert world["shown"].proposed_by.username not in text and "d1_reviewer" not in text
    assert "csrfmiddlewaretoken" not in text


def test_what_is_not_public_is_not_found(world):
    client = anonymous()
    for key in ("unpublished", "draft", "rejected", "hidden_replica"):
        assert client.get(reverse("showcase:detail", args=[world[key].code])).status_code == 404
    shown = world["shown"]
    assert client.get(reverse("showcase:photo", args=[shown.code, world["private"].pk])).status_code == 404
    other = world["replica"].code  # a public photo asked for under another practice's address
    assert client.get(reverse("showcase:photo", args=[other, world["photo"].pk])).status_code == 404
    evidence = PracticeFile.objects.get(practice=shown, kind=FileKind.EVIDENCE)
    assert client.get(reverse("showcase:photo", args=[shown.code, evidence.pk])).status_code == 404
    assert client.get(reverse("practices:file", args=[world["photo"].pk])).status_code == 302  # staff page: login
    assert client.post(reverse("showcase:list")).status_code == 405


def test_the_model_page_tells_the_story_the_recognition_and_the_replication_graph(world):
    client = anonymous()
    shown, replica = world["shown"], world["replica"]
    page = client.get(reverse("showcase:detail", args=[shown.code]))
    html = page.content.decode()
    assert "Cả ấp cùng hiến đất, góp công làm đường." in html and "Họp dân bàn bạc công khai." in html
    assert "Số 15-QĐ/BCĐ, ngày 20/12/2019" in html and "Huyện ủy Bến Cầu" in html
    assert '<meta property="og:title" content="Hiến đất làm đường giao thông nông thôn">' in html
    assert f'content="http://testserver/mo-hinh/{shown.code}/anh/{world["photo"].pk}/"' in html  # og:image
    photo = client.get(reverse("showcase:photo", args=[shown.code, world["photo"].pk]))
    assert photo["Content-Type"] == "image/png" and "cccd" not in photo["Content-Disposition"]
    assert b"".join(photo.streaming_content) == image_bytes()

    down = click(client, page, "Nhân rộng: hiến đất làm đường tại Lợi Thuận")
    assert down.wsgi_request.path == reverse("showcase:detail", args=[replica.code])
    up = click(client, down, "Hiến đất làm đường giao thông nông thôn")
    assert up.wsgi_request.path == reverse("showcase:detail", args=[shown.code])


def test_search_ignores_diacritics_and_filters_by_province_unit_year(world, cast):
    client = anonymous()
    shown, replica = world["shown"], world["replica"]

    def codes(query: str) -> set[str]:
        response = client.get(reverse("showcase:list") + query)
        assert response.status_code == 200
        return {p.code for p in response.context["page"].object_list}

    assert codes("") == {shown.code, replica.code}
    assert codes("?q=hien+dat+lam+duong") == {shown.code, replica.code}
    assert codes("?q=LOI+THUAN") == {replica.code}
    assert codes("?nam=2020") == {replica.code}
    assert codes(f"?tinh={cast.province.pk}&don_vi={cast.c1.pk}") == {shown.code}
    assert codes(f"?don_vi={cast.c1.pk}") == {shown.code, replica.code}  # a unit needs its province: ignored
    page = client.get(reverse("showcase:list") + f"?tinh={cast.province.pk}")
    unit_choices = dict(page.context["filter_form"].fields["don_vi"].choices)
    assert set(unit_choices) == {"", cast.c1.pk, cast.c2.pk}  # only units with a public practice
    assert codes("?tinh=999999") == {shown.code, replica.code}


def test_the_figures_agree_with_the_list_for_the_same_filters(world, cast):
    client = anonymous()
    for query in ("", "?nam=2019", f"?tinh={cast.province.pk}", "?q=nhan+rong"):
        listed = client.get(reverse("showcase:list") + query).context["listing"].count
        figures = client.get(reverse("showcase:figures") + query)
        assert figures.context["total"] == listed
        assert sum(n for _, n in figures.context["by_year"]) == listed
        assert sum(n for _, n in figures.context["by_province"]) == listed
        shown = re.search(r"Tổng cộng <strong>([\d.]+)</strong>", figures.content.decode())
        assert shown and int(shown[1].replace(".", "")) == listed
    page = client.get(reverse("showcase:list") + "?nam=2019")
    figures = click(client, page, "Số liệu theo năm và theo tỉnh")
    assert figures.context["by_year"] == [(2019, 1)]
    assert figures.context["by_province"][0][0].name == "Tỉnh ủy Tây Ninh"


def test_pages_are_cacheable_and_change_when_a_unit_withdraws_its_consent(world, cast):
    client = anonymous()
    url = reverse("showcase:list")
    first = client.get(url)
    assert "public" in first["Cache-Control"] and "max-age=300" in first["Cache-Control"]
    assert client.get(url, HTTP_IF_NONE_MATCH=first["ETag"]).status_code == 304
    assert client.get(url, HTTP_IF_MODIFIED_SINCE=first["Last-Modified"]).status_code == 304

    services.set_publication(cast.c2_officer, world["replica"], False)
    Practice.objects.filter(pk=world["replica"].pk).update(updated_at=dt.datetime(2100, 1, 1, tzinfo=dt.UTC))
    again = client.get(url, HTTP_IF_NONE_MATCH=first["ETag"])
    assert again.status_code == 200 and world["replica"].code not in again.content.decode()


def test_a_logged_in_officer_sees_the_same_public_page(world, cast):
    client = Client()
    client.force_login(cast.d1_reviewer)
    page = client.get(reverse("showcase:list"))
    assert {p.code for p in page.context["page"].object_list} == {world["shown"].code, world["replica"].code}
    assert "no-store" not in page["Cache-Control"]


def test_the_list_pages_and_sorts_through_the_links_it_renders(cast):
    level = Level.objects.get(code="co-so")
    for number in range(23):
        practice = make_practice(cast.c1, 2019, name=f"Mô hình số {number:02d}")
        Practice.objects.filter(pk=practice.pk).update(
            status="recognized", published=True, recognized_level=level, recognizing_unit=cast.d1
        )
    client = anonymous()
    first = client.get(reverse("showcase:list") + "?q=mo+hinh+so")
    assert first.context["listing"].count == 23 and len(first.context["page"].object_list) == 20
    second = click(client, first, "Sau ›")
    assert [p.name for p in second.context["page"].object_list] == ["Mô hình số 20", "Mô hình số 21", "Mô hình số 22"]
    by_name = client.get(href(first, "Mô hình, điển hình"))
    assert by_name.context["page"].object_list[0].name == "Mô hình số 00"
    assert "q=mo+hinh+so" in by_name.wsgi_request.get_full_path()


def test_the_list_reads_a_fixed_number_of_queries(cast, django_assert_max_num_queries):
    level = Level.objects.get(code="co-so")
    for number in range(30):
        practice = make_practice(cast.c1 if number % 2 else cast.c3, 2019, name=f"Mô hình {number}")
        Practice.objects.filter(pk=practice.pk).update(status="recognized", published=True, recognized_level=level)
    client = anonymous()
    with django_assert_max_num_queries(12):
        assert client.get(reverse("showcase:list") + "?so_dong=100").status_code == 200
