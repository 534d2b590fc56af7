"""The year's review report on the cast: the parts found, the scope each user gets, the issuer of each year,
the clerk's places, the page, the download and the command line."""

from __future__ import annotations

import datetime as dt
import io

import pytest
from django.core.management import CommandError, call_command
from django.urls import reverse
from docx import Document as Docx

from danvan.awards.tests.conftest import configured, world  # noqa: F401 - fixtures
from danvan.core.testing.factories import CAST_UNITS, SEES, cast_people, make_practice
from danvan.documents.docx import render_docx
from danvan.documents.year_review import Chapter
from danvan.opinion.tests.conftest import make_item
from danvan.org import areas
from danvan.review import assemble

pytestmark = pytest.mark.django_db

DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
DAY_2025 = dt.date(2025, 5, 15)  # every cast unit existed then


def text_of(content: bytes) -> str:
    word = Docx(io.BytesIO(content))
    parts = [p.text for p in word.paragraphs]
    for table in word.tables:
        for row in table.rows:
            parts += [cell.text for cell in row.cells]
    return "\n".join(parts)


def header(content: bytes) -> tuple[list[str], list[str]]:
    cells = Docx(io.BytesIO(content)).tables[0].rows[0].cells
    return [p.text for p in cells[0].paragraphs if p.text.strip()], [p.text for p in cells[1].paragraphs if p.text]


def test_every_installed_module_with_parts_is_found():
    names = {module.__name__ for module in assemble.contributors()}
    for app in ("planning", "opinion", "membership", "awards", "emulation"):
        assert f"danvan.{app}.year_review" in names
    assert "danvan.documents.year_review" not in names  # the contract itself offers no parts


@pytest.fixture
def records(cast):
    """A practice and an opinion case in each commune, in 2025."""
    for name in ("c1", "c2", "c3"):
        unit = getattr(cast, name)
        make_practice(unit, year=2025)
        make_item(cast.admin, unit, noted_on=DAY_2025, summary=f"Dư luận tại {unit.name}")
    return cast


def test_a_commune_report_covers_only_the_commune(records):
    cast = records
    review = assemble.build(cast.c1_officer, 2025, cast.c1, day=dt.date(2026, 1, 15))
    assert review.part(Chapter.MOVEMENT, "Phong trào thi đua “Dân vận khéo”").figures["registered"] == 1
    assert review.part(Chapter.OPINION, "Nắm tình hình nhân dân, dư luận xã hội").figures["cases"] == 1
    text = text_of(render_docx(assemble.document(review)))
    assert "Năm 2025, toàn xã đăng ký 1 mô hình" in text
    assert "Lợi Thuận" not in text and "Tân Lập" not in text


def test_the_province_report_adds_every_commune(records):
    cast = records
    review = assemble.build(cast.admin, 2025, cast.province, day=dt.date(2026, 1, 15))
    assert review.part(Chapter.MOVEMENT, "Phong trào thi đua “Dân vận khéo”").figures["registered"] == 3
    assert review.part(Chapter.OPINION, "Nắm tình hình nhân dân, dư luận xã hội").figures["cases"] == 3


def test_a_user_sees_only_what_is_theirs_even_in_a_wider_unit(records):
    """A district officer asked about the province (outside their scope) counts only what they may see."""
    cast = records
    review = assemble.build(cast.d1_officer, 2025, cast.province, day=dt.date(2026, 1, 15))
    assert review.part(Chapter.MOVEMENT, "Phong trào thi đua “Dân vận khéo”").figures["registered"] == 2


def test_the_issuer_and_date_of_each_year(cast):
    old = render_docx(assemble.document(assemble.build(cast.admin, 2021, cast.province)))
    left, right = header(old)
    assert left[:2] == ["TỈNH ỦY TÂY NINH", "BAN DÂN VẬN"] and left[-1].endswith("-BC/BDVTU")
    assert "ngày 15 tháng 01 năm 2022" in " ".join(right)
    text = text_of(old)
    assert "Tổng kết công tác dân vận năm 2021, phương hướng, nhiệm vụ năm 2022" in text
    assert "Ban Dân vận Trung ương," in text and "Ban Tuyên giáo và Dân vận Trung ương" not in text
    new = render_docx(assemble.document(assemble.build(cast.admin, 2026, cast.province, day=dt.date(2026, 12, 20))))
    left, right = header(new)
    assert left[:2] == ["TỈNH ỦY TÂY NINH", "BAN TUYÊN GIÁO VÀ DÂN VẬN"] and left[-1].endswith("-BC/BTGDVTU")
    assert "ngày 20 tháng 12 năm 2026" in " ".join(right)
    text = text_of(new)
    assert "Ban Tuyên giáo và Dân vận Trung ương," in text and "Các đảng ủy xã, phường," in text
    assert "Ban Dân vận các huyện ủy" not in text


def test_headings_follow_the_review_report_and_mark_the_clerks_parts(cast):
    text = text_of(render_docx(assemble.document(assemble.build(cast.admin, 2025, cast.province))))
    order = [
        "Phần thứ nhất",
        "KẾT QUẢ CÔNG TÁC DÂN VẬN NĂM 2025",
        "I. CÔNG TÁC LÃNH ĐẠO, CHỈ ĐẠO, TRIỂN KHAI THỰC HIỆN",
        "II. CÔNG TÁC NẮM TÌNH HÌNH NHÂN DÂN",
        "V. PHONG TRÀO THI ĐUA “DÂN VẬN KHÉO”",
        "VII. CÔNG TÁC KIỂM TRA, GIÁM SÁT",
        "VIII. CÔNG TÁC THI ĐUA, KHEN THƯỞNG, HỘI NGHỊ",
        "IX. ĐÁNH GIÁ CHUNG",
        "1. Ưu điểm",
        "2. Hạn chế, nguyên nhân",
        "3. Bài học kinh nghiệm",
        "Phần thứ hai",
        "PHƯƠNG HƯỚNG, NHIỆM VỤ NĂM 2026",
        "Phần thứ ba",
        "ĐỀ XUẤT, KIẾN NGHỊ",
    ]
    positions = [text.index(heading) for heading in order]
    assert positions == sorted(positions)
    # Every part a person writes is a bracketed hint; no plan for 2026 in the cast: the tasks too.
    assert text.count("[Phần cán bộ tổng hợp viết:") >= 7
    assert "chưa có kế hoạch công tác năm 2026 có nhiệm vụ trong hệ thống" in text


def test_the_clerks_text_replaces_the_hints(cast):
    clerk = assemble.ClerkText(strengths="Công tác dân vận có nhiều chuyển biến tích cực.\nDòng thứ hai.")
    text = text_of(render_docx(assemble.document(assemble.build(cast.admin, 2025, cast.province), clerk)))
    assert "Công tác dân vận có nhiều chuyển biến tích cực." in text and "Dòng thứ hai." in text
    assert "những kết quả nổi bật, ưu điểm" not in text
    assert "những hạn chế, khuyết điểm" in text  # left blank: still the hint


def test_today_mode_counts_what_merged_into_the_unit(cast):
    from danvan.org.choices import LineageKind
    from danvan.org.services import record_lineage

    make_practice(cast.c2, year=2024)
    record_lineage(LineageKind.MERGE, dt.date(2025, 7, 1), [cast.c1, cast.c2], [cast.c1])  # C1 continues
    as_at = assemble.build(cast.admin, 2024, cast.c1, areas.AS_AT, day=dt.date(2025, 1, 15))
    today = assemble.build(cast.admin, 2024, cast.c1, areas.TODAY, day=dt.date(2025, 1, 15))
    title = "Phong trào thi đua “Dân vận khéo”"
    assert as_at.part(Chapter.MOVEMENT, title).figures["registered"] == 0
    assert today.part(Chapter.MOVEMENT, title).figures["registered"] == 1
    assert [u.pk for u in today.request.units] == [cast.c1.pk, cast.c2.pk]


def test_every_part_counts_a_merged_communes_records_once_and_only_in_todays_borders(cast):
    """C2's 2024 contest, directives, programme and members (C2 merged into C1 on 1/7/2025): C1's 2024 review
    as at 2024 leaves them out, as its movement part does; in today's borders each is counted once."""
    from danvan.cooperation.tests.conftest import make_programme
    from danvan.democracy.tests.conftest import make_record
    from danvan.events.tests.conftest import make_contest
    from danvan.membership.tests.conftest import enter
    from danvan.org.choices import LineageKind
    from danvan.org.services import record_lineage
    from danvan.planning.models import Directive
    from danvan.planning.tests.conftest import make_directive

    day = dt.date(2024, 5, 10)
    make_contest(cast.admin, cast.c2, start=day, end=dt.date(2024, 6, 10))
    make_directive(cast.admin, cast.c2, number="05-KL/ĐU", issued_on=day, issuer="Đảng ủy xã")
    make_programme(cast.admin, cast.c2, number="01-CTr/ĐU-MTTQ", signed_on=day)
    make_record(cast.admin, cast.c2, year=2024)
    enter(cast.admin, cast.c2, 2024, nong_dan=300)
    record_lineage(LineageKind.MERGE, dt.date(2025, 7, 1), [cast.c1, cast.c2], [cast.c1])
    counted = {}
    for mode in (areas.AS_AT, areas.TODAY):
        review = assemble.build(cast.admin, 2024, cast.c1, mode, day=dt.date(2025, 1, 15))
        counted[mode] = (
            review.part(Chapter.MOVEMENT, "Tổ chức các hội thi, cuộc thi").figures["contests"],
            review.part(Chapter.LEADERSHIP, "Ban hành, triển khai văn bản chỉ đạo; sơ kết, tổng kết").figures[
                "directives"
            ],
            sum(part.figures["in_force"] for part in review.chapter(Chapter.COOPERATION)),
            sum(part.figures["records"] for part in review.chapter(Chapter.GOVERNMENT)),  # no part without records
            review.chapter(Chapter.FRONT)[0].figures["memberships"],
        )
    directives = Directive.objects.filter(unit=cast.c2, issued_on__year=2024).count()  # the programme's too
    assert counted == {areas.AS_AT: (0, 0, 0, 0, 0), areas.TODAY: (1, directives, 1, 1, 300)}


# --- The page, the download, the command line ---------------------------------------------------


def test_every_cast_member_on_the_page_and_the_download(client, cast):
    people = cast_people(cast)
    for who, user in people.items():
        client.force_login(user)
        page = client.get(reverse("review:index"))
        assert page.status_code == 200, who
        if who == "outsider":
            assert "chưa được phân quyền" in page.content.decode()
        for name in CAST_UNITS:
            unit = getattr(cast, name)
            response = client.post(reverse("review:download"), {"don_vi": unit.pk, "nam": 2024})
            chosen = unit.pk in [u.pk for u in page.context["form"].fields["don_vi"].queryset]
            if name not in SEES[who]:
                assert response.status_code == 404, (who, name)
            elif chosen:
                assert response.status_code == 200 and response["Content-Type"] == DOCX, (who, name)
            else:  # a unit below the user's top units is not offered (the report is on the whole scope)
                assert response.status_code == 404, (who, name)


def test_a_unit_ended_before_the_year_is_refused_on_the_page(client, cast):
    client.force_login(cast.admin)
    response = client.post(reverse("review:download"), {"don_vi": cast.d1.pk, "nam": 2026})
    assert response.status_code == 200 and "form-errors" in response.content.decode()
    assert "không còn hoạt động trong năm 2026" in response.content.decode()


def test_the_statistics_page_links_to_the_review(client, cast):
    client.force_login(cast.admin)
    page = client.get(reverse("stats:index"), {"nam": 2024, "don_vi": cast.province.pk}).content.decode()
    assert f"{reverse('review:index')}?nam=2024&amp;don_vi={cast.province.pk}" in page


def test_the_command_line_writes_the_report(cast, tmp_path):
    path = tmp_path / "tong-ket.docx"
    out = io.StringIO()
    call_command("report", "review", "--year", "2021", "--unit", "P", "-o", str(path), stdout=out)
    assert "Đã ghi báo cáo tổng kết công tác dân vận năm 2021 của Tỉnh ủy Tây Ninh" in out.getvalue()
    assert "Tổng kết công tác dân vận năm 2021" in text_of(path.read_bytes())
    with pytest.raises(CommandError, match="“C3” trong phạm vi được xem"):
        call_command("report", "review", "--year", "2021", "--unit", "C3", "--user", "c1_officer", "-o", str(path))


def test_awards_and_opinion_count_a_merged_communes_year_in_todays_borders_only(cast, world):  # noqa: F811 - fixture
    """A 2024 award and opinion case of C2 (merged into C1 on 1/7/2025): C1's 2024 review counts them in
    today's borders, not as at 2024 (their own pages draw the area themselves; the review gives its own)."""
    from danvan.awards.tests.conftest import collective, issued_decision
    from danvan.org.choices import LineageKind
    from danvan.org.services import record_lineage

    day = dt.date(2024, 5, 10)
    issued_decision(world, world.giay_khen, 2024, day, [collective(cast.c2)], cast.admin)
    make_item(cast.admin, cast.c2, noted_on=day, summary="Dư luận tại xã C2")
    record_lineage(LineageKind.MERGE, dt.date(2025, 7, 1), [cast.c1, cast.c2], [cast.c1])
    for mode, expected in ((areas.AS_AT, (0, 0)), (areas.TODAY, (1, 1))):
        review = assemble.build(cast.admin, 2024, cast.c1, mode, day=dt.date(2025, 1, 15))
        awards = review.part(Chapter.EMULATION, "Công tác khen thưởng").figures
        cases = review.part(Chapter.OPINION, "Nắm tình hình nhân dân, dư luận xã hội").figures["cases"]
        assert (awards["collectives"], cases) == expected, mode


def test_the_command_line_counts_in_either_mode_as_the_page_does(cast, tmp_path):
    """`--mode` gives the command the page's choice: C2's 2024 practice (C2 merged into C1 on 1/7/2025) is in
    C1's 2024 reports in today's borders only; a report without modes refuses the option."""
    from danvan.core.users import system_account
    from danvan.org.choices import LineageKind
    from danvan.org.services import record_lineage
    from danvan.stats.report_data import Filters, practice_report

    make_practice(cast.c2, year=2024)
    record_lineage(LineageKind.MERGE, dt.date(2025, 7, 1), [cast.c1, cast.c2], [cast.c1])
    sentences = {}
    for mode in (areas.AS_AT, areas.TODAY):
        sentences[mode] = practice_report(system_account(), Filters(2024, cast.c1, mode)).sentences[0]
        for kind in ("review", "annual"):
            path = tmp_path / f"{kind}-{mode}.docx"
            call_command(
                "report", kind, "--year", "2024", "--unit", "C1", "--mode", mode, "-o", str(path), stdout=io.StringIO()
            )
            assert sentences[mode] in text_of(path.read_bytes()), (kind, mode)
    assert sentences[areas.AS_AT] != sentences[areas.TODAY]
    with pytest.raises(CommandError, match="Không có cách tính “hom-nay”: ghi as_at"):
        call_command("report", "review", "--year", "2024", "--mode", "hom-nay", "-o", str(tmp_path / "tk.docx"))
    with pytest.raises(CommandError, match="không nhận --mode"):
        call_command("report", "awards", "--year", "2024", "--mode", "today", "-o", str(tmp_path / "kt.docx"))
