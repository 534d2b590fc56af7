import threading

import pytest
from django.db import connection

from danvan import settings as danvan_settings
from danvan.settings import database_from_url


def test_sqlite_urls_map_to_absolute_and_relative_paths(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    assert database_from_url("sqlite:////srv/danvan/db.sqlite3")["NAME"] == "/srv/danvan/db.sqlite3"
    assert database_from_url("sqlite:///var/db.sqlite3")["NAME"] == str(tmp_path / "var" / "db.sqlite3")
    assert database_from_url("sqlite:///:memory:")["NAME"] == ":memory:"


def test_sqlite_runs_in_wal_with_busy_timeout_and_immediate_transactions():
    db = database_from_url("sqlite:////tmp/x.sqlite3")
    assert db["OPTIONS"]["transaction_mode"] == "IMMEDIATE"
    assert db["OPTIONS"]["timeout"] >= 5
    assert "journal_mode=WAL" in db["OPTIONS"]["init_command"]


def test_postgres_url_is_split_into_parts():
    db = database_from_url("postgres://dv:p%40ss@db.local:5433/danvan")
    assert db["ENGINE"] == "django.db.backends.postgresql"
    assert (db["USER"], db["PASSWORD"], db["HOST"], db["PORT"], db["NAME"]) == (
        "dv",
        "p@ss",
        "db.local",
        "5433",
        "danvan",
    )


def test_through_pgbouncer_connections_are_not_kept_nor_server_cursors_used():
    direct = database_from_url("postgres://dv@db.local/danvan")
    pooled = database_from_url("postgres://dv@db.local:6432/danvan", pgbouncer=True)
    assert (direct["CONN_MAX_AGE"], direct["DISABLE_SERVER_SIDE_CURSORS"]) == (60, False)
    assert (pooled["CONN_MAX_AGE"], pooled["DISABLE_SERVER_SIDE_CURSORS"]) == (0, True)


def test_unknown_database_scheme_is_refused():
    with pytest.raises(ValueError, match="unsupported scheme"):
        database_from_url("mysql://x/y")


def test_secret_key_is_generated_once_and_kept(tmp_path, monkeypatch):
    monkeypatch.setattr(danvan_settings, "VAR_DIR", tmp_path)
    monkeypatch.delenv("DANVAN_SECRET_KEY", raising=False)
    first = danvan_settings.secret_key()
    assert len(first) > 40 and first == danvan_settings.secret_key()
    assert (tmp_path / "secret_key").stat().st_mode & 0o077 == 0
    monkeypatch.setenv("DANVAN_SECRET_KEY", "from-env")
    assert danvan_settings.secret_key() == "from-env"


def test_debug_is_off_unless_asked(monkeypatch):
    monkeypatch.delenv("DANVAN_DEBUG", raising=False)
    assert danvan_settings.env_bool("DEBUG") is False
    monkeypatch.setenv("DANVAN_DEBUG", "true")
    assert danvan_settings.env_bool("DEBUG") is True


def test_vietnamese_number_formatting_is_configured(settings):
    from django.utils.formats import number_format

    assert settings.LANGUAGE_CODE == "vi"
    assert number_format(7736, force_grouping=True) == "7.736"
    assert number_format(1500000) == "1.500.000"


@pytest.mark.django_db(transaction=True)
def test_concurrent_writers_on_sqlite_never_see_database_is_locked(tmp_path):
    """Several threads write at once to a file database configured like production."""
    if connection.vendor != "sqlite":
        pytest.skip("SQLite locking only")
    import django.db.backends.sqlite3.base as sqlite_base

    config = database_from_url(f"sqlite:///{tmp_path}/concurrent.sqlite3")
    config.update(
        {
            "ATOMIC_REQUESTS": False,
            "AUTOCOMMIT": True,
            "CONN_MAX_AGE": 0,
            "CONN_HEALTH_CHECKS": False,
            "TIME_ZONE": None,
            "TEST": {},
            "USER": "",
            "PASSWORD": "",
            "HOST": "",
            "PORT": "",
        }
    )
    setup = sqlite_base.DatabaseWrapper(config, alias="concurrent")
    with setup.cursor() as cur:
        cur.execute("CREATE TABLE counter (n INTEGER)")
    assert setup.connection.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    setup.close()
    errors: list[Exception] = []

    def writer():
        conn = sqlite_base.DatabaseWrapper(config, alias="concurrent")
        try:
            for _ in range(25):
                conn.set_autocommit(False)
                with conn.cursor() as cur:
                    cur.execute("SELECT count(*) FROM counter")  # read first: the lock-upgrade trap
                    cur.execute("INSERT INTO counter VALUES (1)")
                conn.commit()
                conn.set_autocommit(True)
        except Exception as exc:
            errors.append(exc)
        finally:
            conn.close()

    threads = [threading.Thread(target=writer) for _ in range(6)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []
    check = sqlite_base.DatabaseWrapper(config, alias="concurrent")
    with check.cursor() as cur:
        cur.execute("SELECT count(*) FROM counter")
        assert cur.fetchone()[0] == 150
    check.close()
