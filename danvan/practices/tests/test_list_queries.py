"""The number of queries of a page must not grow with the number of rows it shows."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from danvan.core.testing.factories import make_practice
from danvan.org.models import Bloc
from danvan.practices import services
from danvan.practices.models import Field, Level, Practice, PracticeFile

pytestmark = pytest.mark.django_db


def add_practices(cast, count: int, year: int = 2019, **fields) -> list[Practice]:
    """Many practices at once, as the Excel import writes them (bulk_create, codes reserved together)."""
    units = [cast.c1, cast.c2]
    field, level, bloc = Field.objects.get(code="kinh-te"), Level.objects.get(code="co-so"), Bloc.objects.first()
    practices = []
    for index, code in enumerate(services.reserve_codes(year, count)):
        unit = units[index % len(units)]
        practice = Practice(
            code=code,
            name=f"Mô hình “Dân vận khéo” trong xây dựng nông thôn mới số {index + 1}",
            unit=unit,
            unit_name=unit.name,
            bloc=bloc,
            field=field,
            level=level,
            year=year,
            **fields,
        )
        practice.search_text = practice.compute_search_text()
        practices.append(practice)
    return Practice.objects.bulk_create(practices)


def queries_of(client, url: str) -> tuple[int, object]:
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200
    return len(captured.captured_queries), response


LIST_URLS = [
    "",
    "?q=nong+thon&sap_xep=ten",
    "?nam=2019&trang_thai=registered&sap_xep=-don-vi",
    "?don_vi={d1}&truc_thuoc=on&sap_xep=nam",
]


@pytest.mark.parametrize("who", ["admin", "d1_reviewer", "c1_officer"])
@pytest.mark.parametrize("params", LIST_URLS)
def test_list_queries_do_not_grow_with_the_page_size(client, cast, django_assert_num_queries, who, params):
    client.force_login(cast.users[who])
    url = reverse("practices:list") + params.format(d1=cast.d1.pk)
    add_practices(cast, 6)
    few, response = queries_of(client, url)
    shown = len(response.context["page"])
    assert 3 <= shown <= 6
    add_practices(cast, 114)
    with django_assert_num_queries(few):
        response = client.get(url)
    assert len(response.context["page"]) == 50


def test_the_count_query_does_not_join_the_lookups(client, cast):
    add_practices(cast, 3)
    client.force_login(cast.admin)
    with CaptureQueriesContext(connection) as captured:
        client.get(reverse("practices:list"))
    counts = [q["sql"] for q in captured.captured_queries if "COUNT(" in q["sql"].upper()]
    assert len(counts) == 1
    assert "practices_level" not in counts[0] and "practices_field" not in counts[0]


def test_detail_queries_do_not_grow_with_files_and_replications(client, cast, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    source = make_practice(cast.c1, 2019)
    client.force_login(cast.d1_officer)
    url = reverse("practices:detail", args=[source.pk])
    add_practices(cast, 1, replicated_from=source)
    PracticeFile.objects.create(practice=source, file="practices/a.pdf", uploaded_by=cast.d1_officer)
    few, _ = queries_of(client, url)
    add_practices(cast, 20, year=2020, replicated_from=source)
    for name in ("b.pdf", "c.png", "d.png"):
        PracticeFile.objects.create(practice=source, file=f"practices/{name}", uploaded_by=cast.c1_officer)
    many, response = queries_of(client, url)
    assert len(response.context["replications"]) == 21
    assert many == few
