import pytest

from danvan.core.lists import head
from danvan.org.models import Unit

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(("limit", "queries"), [(9, 1), (6, 2), (4, 2)])
def test_head_gives_the_first_rows_and_the_whole_count_asking_the_count_only_when_the_rows_fill_it(
    cast, limit, queries, django_assert_num_queries
):
    everything = list(Unit.objects.order_by("path"))  # the cast: province, two districts, three communes
    assert len(everything) == 6
    with django_assert_num_queries(queries):
        first, total = head(Unit.objects.order_by("path"), limit)
    assert first == everything[:limit]
    assert total == 6
