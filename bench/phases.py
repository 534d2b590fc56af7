"""One bench phase per process (see bench/run.py); the last stdout line is the JSON result."""

from __future__ import annotations

import json
import os
import statistics
import sys
import time

import django


def timed(fn, repeat: int = 5) -> float:
    """Median wall time in milliseconds over `repeat` runs, after one warm-up."""
    fn()
    samples = []
    for _ in range(repeat):
        started = time.perf_counter()
        fn()
        samples.append((time.perf_counter() - started) * 1000)
    return statistics.median(samples)


def migrate() -> None:
    from django.core.management import call_command

    ensure_database()
    call_command("migrate", verbosity=0)


def ensure_database() -> None:
    """Create the PostgreSQL bench database on first use (SQLite creates its file itself)."""
    from django.conf import settings

    db = settings.DATABASES["default"]
    if db["ENGINE"] != "django.db.backends.postgresql":
        return
    import psycopg
    from psycopg import sql

    params = {"host": db["HOST"], "port": db["PORT"] or 5432, "user": db["USER"], "password": db["PASSWORD"]}
    with psycopg.connect(dbname="postgres", autocommit=True, **{k: v for k, v in params.items() if v}) as conn:
        if not conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", [db["NAME"]]).fetchone():
            conn.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(db["NAME"])))


def bench_user(username: str, unit_code: str | None):
    from django.contrib.auth import get_user_model

    from danvan.org.models import RoleAssignment, Unit

    user, _ = get_user_model().objects.get_or_create(username=username)
    if unit_code is None:
        user.is_superuser = user.is_staff = True  # staff: the admin's changelist is a baseline
        user.save()
    else:
        RoleAssignment.objects.get_or_create(user=user, unit=Unit.objects.get(code=unit_code), role="reviewer")
    return user


def phase_build() -> dict:
    from bench import national
    from danvan.org.models import Unit

    migrate()
    practices = national.build(log=lambda line: print(line, file=sys.stderr))
    return {"practices": practices, "units": Unit.objects.count()}


def figure(label: str, value: float, goal_ms: float, baseline: float | None = None, unit: str = "ms") -> dict:
    return {
        "label": label,
        "value": value,
        "unit": unit,
        "baseline": baseline,
        "goal": f"< {goal_ms:g} ms",
        "ok": value < goal_ms,
    }


def phase_measure() -> dict:
    from django.test import Client

    from bench import measures

    migrate()  # the dataset may have been built by an older version
    client = Client()
    figures = []
    admin = bench_user("bench_tinh", None)
    commune = bench_user("bench_xa", _busy_commune()) if _busy_commune() else None
    figures += measures.list_pages(client, admin, commune, timed, figure)
    figures += measures.extra(client, admin, commune, timed, figure)
    return {"figures": figures}


def _busy_commune() -> str | None:
    """A current commune with practices (for the commune officer's figures)."""
    from danvan.practices.models import Practice

    return Practice.objects.filter(year=2026, unit__kind__tier="commune").values_list("unit__code", flat=True).first()


def phase_import(rows: str) -> dict:
    from bench import importing

    migrate()
    return importing.run(int(rows))


def phase_preview(rows: str) -> dict:
    from bench import importing

    migrate()
    return importing.preview(int(rows))


def phase_demo() -> dict:
    """A fresh demo province, then every link of every demo account timed (bench/crawl.py)."""
    from django.core.management import call_command

    from danvan.core.testing import crawl

    migrate()
    call_command("load_demo", verbosity=0, stdout=sys.stderr)
    return crawl.run()


def phase_certificates(count: str) -> dict:
    from bench import documents

    migrate()
    return documents.certificates(int(count))


if __name__ == "__main__":
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "danvan.settings")
    os.environ.setdefault("DANVAN_ALLOWED_HOSTS", "testserver")  # Django's test client
    django.setup()
    name, *args = sys.argv[1:]
    phases = {
        "build": phase_build,
        "measure": phase_measure,
        "import": phase_import,
        "preview": phase_preview,
        "certificates": phase_certificates,
        "demo": phase_demo,
    }
    result = phases[name](*args)
    print(json.dumps(result))
