"""With a read replica configured (DANVAN_REPLICA_URL), reports and exports read from it and every other
page, the logged-in user and every write stay on the primary.

The replica here is a real second database: a copy of the test database taken before more records are
written, so it lags like a replica a few seconds behind. What each page shows tells where it read.
"""

from __future__ import annotations

import sqlite3

import psycopg
import pytest
from django.db import connections, router, transaction
from django.urls import reverse

from danvan.core import replica
from danvan.core.testing.factories import make_practice
from danvan.practices.models import Practice
from danvan.stats.report_data import current_year
from danvan.stats.tests.test_one_truth import api_figures, dashboard_figures, docx_figures, page_figures, xlsx_figures

pytestmark = pytest.mark.django_db(transaction=True)

THIS_YEAR = current_year()


def _copy_sqlite(settings_dict: dict, folder) -> dict:
    path = folder / "replica.sqlite3"
    with sqlite3.connect(path) as copy:
        connections["default"].connection.backup(copy)
    return settings_dict | {"NAME": str(path)}


def _copy_postgres(settings_dict: dict) -> tuple[dict, callable]:
    name = f"{settings_dict['NAME']}_replica"
    dsn = {"host": settings_dict["HOST"] or None, "port": settings_dict["PORT"] or None, "dbname": "postgres"}
    dsn |= {"user": settings_dict["USER"] or None, "password": settings_dict["PASSWORD"] or None}
    connections["default"].close()  # a template database must have no other session
    with psycopg.connect(**{k: v for k, v in dsn.items() if v}, autocommit=True) as admin:
        # Idle connections an earlier test of this worker left behind (a live server's threads) would
        # block the copy; the test database is this worker's own.
        admin.execute(
            "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = %s AND pid <> pg_backend_pid()",
            [settings_dict["NAME"]],
        )
        admin.execute(f'DROP DATABASE IF EXISTS "{name}"')
        admin.execute(f'CREATE DATABASE "{name}" TEMPLATE "{settings_dict["NAME"]}"')

    def drop():
        with psycopg.connect(**{k: v for k, v in dsn.items() if v}, autocommit=True) as admin:
            admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')

    return settings_dict | {"NAME": name}, drop


@pytest.fixture
def lagging_replica(tmp_path):
    """Declare `replica` as a copy of the test database as it is now (what the settings do with the URL)."""
    default = dict(connections["default"].settings_dict)
    connections["default"].ensure_connection()
    drop = None
    if connections["default"].vendor == "sqlite":
        settings_dict = _copy_sqlite(default, tmp_path)
    else:
        settings_dict, drop = _copy_postgres(default)
    connections.settings[replica.ALIAS] = settings_dict
    # Opened here: the test case refuses to open a connection it was not told about when it started.
    connections[replica.ALIAS].connect()
    yield connections[replica.ALIAS]
    connections[replica.ALIAS].close()
    del connections[replica.ALIAS]
    del connections.settings[replica.ALIAS]
    if drop:
        drop()


@pytest.fixture
def data(cast):
    for i in range(3):
        practice = make_practice(cast.c1, THIS_YEAR, name=f"Mô hình trước {i}")
        if i == 0:
            Practice.objects.filter(pk=practice.pk).update(status="recognized", recognized_level=practice.level)
    return cast


def test_reports_read_the_replica_pages_and_writes_the_primary(client, data, lagging_replica):
    # Written after the copy: on the primary only, as if the replica had not caught up yet.
    for i in range(2):
        make_practice(data.c1, THIS_YEAR, name=f"Mô hình sau {i}")
    client.force_login(data.users["admin"])  # the session exists on the primary only
    query = f"?nam={THIS_YEAR}"

    _year, dashboard = dashboard_figures(client.get(reverse("home") + query).content.decode())
    assert dashboard["registered"] == 5  # the dashboard stays on the primary

    # The statistics page, its Excel, its Word report and the API read the replica: 3, not 5.
    page = page_figures(client.get(reverse("stats:index") + query).content.decode())
    excel = xlsx_figures(client.get(reverse("stats:export") + query).content)
    word = docx_figures(client.get(reverse("stats:annual-report", args=["docx"]) + query).content)
    api = api_figures(client.get(f"/api/v1/statistics/?year={THIS_YEAR}").json())
    assert page == excel == word == api == {"registered": 3, "recognized": 1, "change": None}

    # The practice list (not a report) reads the primary.
    listing = client.get(reverse("practices:list") + query).content.decode()
    assert "Mô hình sau 0" in listing


def test_writes_inside_a_report_go_to_the_primary(data, lagging_replica):
    with replica.reading_replica():
        assert router.db_for_read(Practice) == replica.ALIAS
        assert router.db_for_write(Practice) == "default"
        with transaction.atomic():  # a service's transaction reads the primary (its code is numbered there)
            assert router.db_for_read(Practice) == "default"
        make_practice(data.c1, THIS_YEAR, name="Ghi khi đang đọc bản sao")
        assert not Practice.objects.filter(name="Ghi khi đang đọc bản sao").exists()  # not replicated here
    assert Practice.objects.filter(name="Ghi khi đang đọc bản sao").exists()
    assert router.db_for_read(Practice) == "default"
    assert not router.allow_migrate(replica.ALIAS, "practices")


def test_health_checks_the_replica(client, lagging_replica):
    body = client.get("/healthz").json()
    assert body["checks"]["replica"] == "ok"


def test_without_a_replica_everything_reads_the_primary(db):
    assert not replica.configured()
    with replica.reading_replica():
        assert router.db_for_read(Practice) == "default"
