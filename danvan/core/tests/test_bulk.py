"""Bulk inserts (danvan.core.bulk): the rows a save would write, and the SQLite cache given back."""

import pytest
from django.db import connection, transaction

from danvan.core import bulk
from danvan.org.models import Bloc


def _cache_size() -> int:
    with connection.cursor() as cursor:
        cursor.execute("PRAGMA cache_size")
        return cursor.fetchone()[0]


@pytest.mark.django_db
def test_instances_are_inserted_with_their_ids():
    blocs = [Bloc(code=f"k{i}", name=f"Khối {i}", order=i) for i in range(3)]
    with transaction.atomic():
        bulk.insert(blocs)
    assert all(not bloc._state.adding for bloc in blocs)
    stored = Bloc.objects.filter(code__in=["k0", "k1", "k2"]).order_by("code")
    assert [(b.pk, b.name, b.order) for b in stored] == [(b.pk, b.name, b.order) for b in blocs]


@pytest.mark.django_db
def test_a_large_write_gets_a_larger_sqlite_cache_and_gives_it_back():
    if connection.vendor != "sqlite":
        pytest.skip("SQLite only")
    before = _cache_size()
    with bulk.large_cache("default", bulk.BATCH):
        assert _cache_size() == -bulk.SQLITE_CACHE_KIB
    assert _cache_size() == before
    with bulk.large_cache("default", 10):  # a small write keeps the cache as it is
        assert _cache_size() == before
