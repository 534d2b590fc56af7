"""`make load`: 20 officers on gunicorn for 2 minutes, on SQLite and on PostgreSQL, then every write checked.

For each database: a fresh demo province (`migrate`, `load_demo`), gunicorn as in production
(danvan/gunicorn_conf.py), and locust headless (bench/locustfile.py) twice: with 0.5–2 s think time
and with none. Prints requests/s, p50/p95/p99, errors and "database is locked" counts next to the
figures measured before, then looks up in the database every write the server acknowledged.
The figures are those of logged-in officers at work: the users start two a second, each logging in
first, and locust resets its statistics once all have started, so the logins (a deliberately slow
password hash each) are not counted among the pages read.

    python -m bench.load [--users 20] [--seconds 120] [--databases sqlite,postgres] [--workers 3 --threads 2]
    python -m bench.load plan FILE      (inside Django: what each account reads and writes)
    python -m bench.load verify FILE    (inside Django: acknowledged writes missing from the database)
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from contextlib import contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "var" / "load"
BIN = Path(sys.executable).parent
PG_URL = os.environ.get("DANVAN_LOAD_POSTGRES_URL", "postgres://postgres@127.0.0.1:5432/danvan_load")
ACCOUNTS = ["tinh", "huyen", "xa", "nhaplieu"]
PASSWORD = "danvan-demo"
P99_GOAL_MS = 300  # with think time: p99; without: p95
# Measured when the issue was filed (gunicorn 3 workers, demo data, locust on the same 2-core machine).
BASELINES = {
    ("SQLite", True): {"rps": 16, "p95": 62, "p99": 370},
    ("PostgreSQL", True): {"rps": 16, "p95": 110, "p99": 500},
    ("SQLite", False): {"rps": 70, "p95": 370, "p99": None},
    ("PostgreSQL", False): {"rps": 50, "p95": 500, "p99": 1000},
}


# --- inside Django -------------------------------------------------------------------------------


def _django() -> None:
    import django

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "danvan.settings")
    django.setup()


def plan(path: str) -> None:
    """What each demo account may read (lists, ~40 records in its scope) and write (a practice, scores)."""
    _django()
    from django.contrib.auth import get_user_model

    from danvan.core import scoping
    from danvan.emulation.choices import SELF_EDITABLE
    from danvan.emulation.models import Criterion, Scorecard
    from danvan.practices.forms import PracticeForm
    from danvan.practices.models import Practice

    lists = [
        "/dan-van-kheo/",
        "/dan-van-kheo/?trang=2",
        "/dan-van-kheo/?nam=2026&sap_xep=-nam",
        "/khen-thuong/",
        "/thi-dua/",
        "/ke-hoach/",
        "/ke-hoach/van-ban/",
        "/ke-hoach/nhiem-vu/",
        "/ke-hoach/giam-sat/",
        "/thong-ke/",
        "/don-vi/",
    ]
    accounts, taken = [], set()  # no two officers score the same criterion: each one's last value must stand
    for username in ACCOUNTS:
        user = get_user_model().objects.get(username=username)
        details = [p.get_absolute_url() for p in Practice.objects.restrict(user).order_by("-id")[:30]]
        cards = list(Scorecard.objects.restrict(user).select_related("unit").order_by("-id")[:10])
        details += [c.get_absolute_url() for c in cards]
        score_items = []
        for card in cards:
            if card.status not in SELF_EDITABLE or not scoping.covers(user, card.unit.path, scoping.CHANGE):
                continue
            leaves = Criterion.objects.filter(criteria_set_id=card.criteria_set_id, kind="criterion")
            for criterion in leaves.exclude(max_score=None).filter(children=None).order_by("order")[:10]:
                if (card.pk, criterion.pk) in taken:
                    continue
                taken.add((card.pk, criterion.pk))
                url = f"/thi-dua/bang-diem/{card.pk}/cham/{criterion.pk}/"
                score_items.append({"url": url, "card": card.pk, "criterion": criterion.pk, "max": criterion.max_score})
        accounts.append(
            {
                "username": username,
                "lists": lists,
                "details": details,
                "score_items": score_items,
                "practice": _practice_fields(user, PracticeForm),
            }
        )
    Path(path).write_text(json.dumps({"password": PASSWORD, "accounts": accounts}, default=float), encoding="utf-8")


def _practice_fields(user, form_class) -> dict | None:
    """A valid registration for 2026 in the account's own unit, or None if it may register nothing."""
    from danvan.practices.choices import Kind, Subject

    form = form_class(user=user)
    units = form.fields["unit"].queryset
    unit = units.filter(valid_until=None).order_by("-path").first()
    level = next((lv for lv in form.fields["level"].queryset if "cơ sở" in lv.name.lower()), None)
    field = form.fields["field"].queryset.first()
    if unit is None or level is None or field is None:
        return None
    return {
        "kind": Kind.MODEL,
        "subject": Subject.COLLECTIVE,
        "year": "2026",
        "level": str(level.pk),
        "unit": str(unit.pk),
        "field": str(field.pk),
        "description": "Mô hình do kịch bản thử tải ghi.",
    }


def verify(path: str) -> None:
    """Print how many acknowledged writes are in the database and which are missing (JSON)."""
    _django()
    from danvan.emulation.models import Score
    from danvan.practices.models import Practice

    practices, last_scores, in_flight = [], {}, {}
    for line in Path(path).read_text(encoding="utf-8").splitlines():
        record = json.loads(line)
        if record["kind"] == "practice":
            practices.append(record["marker"])
            continue
        key = (record["card"], record["criterion"])
        if record["kind"] == "score-sent":  # may still be saved after the last answer the officer read
            in_flight.setdefault(key, set()).add(record["value"])
        else:  # each simulated officer writes its own criteria, one after another: its last value stands
            last_scores[key] = record["value"]
            in_flight[key] = set()
    missing = [m for m in practices if not Practice.objects.filter(name__contains=m).exists()]
    stored = {
        (s.scorecard_id, s.criterion_id): s.self_score
        for s in Score.objects.filter(scorecard_id__in={card for card, _ in last_scores})
    }
    wrong = [
        key
        for key, value in last_scores.items()
        if stored.get(key) is None or float(stored[key]) not in {value, *in_flight.get(key, ())}
    ]
    print(
        json.dumps(
            {
                "acknowledged": len(practices) + len(last_scores),
                "missing": len(missing) + len(wrong),
                "missing_practices": missing,
                "wrong_scores": [list(k) for k in wrong],
            }
        )
    )


# --- the driver ----------------------------------------------------------------------------------


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _run(args: list[str], env: dict, quiet: bool = True) -> str:
    result = subprocess.run(args, cwd=ROOT, env=env, capture_output=True, text=True)
    if result.returncode != 0:
        raise SystemExit(f"{' '.join(args)} thất bại:\n{result.stdout[-2000:]}\n{result.stderr[-2000:]}")
    return result.stdout


def _fresh_database(label: str) -> dict:
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "danvan.settings", "DANVAN_VAR_DIR": str(DATA / "var")}
    if label == "SQLite":
        db = DATA / "load.sqlite3"
        for suffix in ("", "-wal", "-shm"):
            Path(f"{db}{suffix}").unlink(missing_ok=True)
        env["DANVAN_DATABASE_URL"] = f"sqlite:///{db}"
    else:
        import psycopg

        name = PG_URL.rsplit("/", 1)[1]
        with psycopg.connect(PG_URL.rsplit("/", 1)[0] + "/postgres", autocommit=True) as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
            conn.execute(f'CREATE DATABASE "{name}"')
        env["DANVAN_DATABASE_URL"] = PG_URL
    danvan = str(BIN / "danvan")
    _run([danvan, "migrate", "--noinput", "-v0"], env)
    _run([danvan, "load_demo"], env)
    _run([danvan, "collectstatic", "--noinput", "-v0"], env)
    return env


def _wait_healthy(port: int, server: subprocess.Popen) -> None:
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise SystemExit("gunicorn dừng ngay khi khởi động; xem var/load/gunicorn.log")
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/healthz", timeout=2) as response:
                if response.status == 200:
                    return
        except OSError:
            time.sleep(0.5)
    raise SystemExit("gunicorn không trả lời /healthz sau 60 giây")


def _summary(prefix: Path) -> dict:
    with open(f"{prefix}_stats.csv", encoding="utf-8") as stats:
        total = next(row for row in csv.DictReader(stats) if row["Name"] == "Aggregated")
    return {
        "requests": int(total["Request Count"]),
        "errors": int(total["Failure Count"]),
        "rps": float(total["Requests/s"]),
        "p50": float(total["50%"]),
        "p95": float(total["95%"]),
        "p99": float(total["99%"]),
    }


@contextmanager
def _gunicorn(env: dict, tag: str):
    """gunicorn as in production (3 workers x 2 threads unless told) on a free port; yields its address."""
    port = _free_port()
    server_env = {"DANVAN_WEB_WORKERS": "3", "DANVAN_WEB_THREADS": "2", **env, "DANVAN_WEB_BIND": f"127.0.0.1:{port}"}
    with open(DATA / f"{tag}-gunicorn.log", "w") as log:
        server = subprocess.Popen(
            [str(BIN / "gunicorn"), "-c", "python:danvan.gunicorn_conf", "danvan.wsgi"],
            cwd=ROOT,
            env=server_env,
            stdout=log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
        try:
            _wait_healthy(port, server)
            yield f"http://127.0.0.1:{port}"
        finally:
            os.killpg(server.pid, signal.SIGTERM)
            server.wait(timeout=60)


def _locust(locustfile: str, host: str, tag: str, env: dict, users: int, seconds: int) -> dict:
    command = [str(BIN / "locust"), "-f", str(ROOT / "bench" / locustfile), "--headless"]
    command += ["-u", str(users), "-r", str(max(1, users // 10)), "-t", f"{seconds}s", "--host", host]
    command += ["--csv", str(DATA / tag), "--only-summary", "--loglevel", "WARNING", "--reset-stats"]
    subprocess.run(command, cwd=ROOT, env=env, capture_output=True, text=True)
    return _summary(DATA / tag)


def _scenario(label: str, env: dict, think: bool, users: int, seconds: int) -> dict:
    tag = f"{label.lower()}-{'think' if think else 'nothink'}"
    plan_file, acks = DATA / f"{tag}-plan.json", DATA / f"{tag}-acks.jsonl"
    acks.unlink(missing_ok=True)
    acks.touch()
    _run([sys.executable, "-m", "bench.load", "plan", str(plan_file)], env)
    with _gunicorn(env, tag) as host:
        locust_env = {**env, "LOAD_PLAN": str(plan_file), "LOAD_ACKS": str(acks), "LOAD_THINK": str(int(think))}
        result = _locust("locustfile.py", host, tag, locust_env, users, seconds)
    result["locked"] = (DATA / f"{tag}-gunicorn.log").read_text(errors="replace").count("database is locked")
    checked = json.loads(_run([sys.executable, "-m", "bench.load", "verify", str(acks)], env).splitlines()[-1])
    return result | checked


def showcase(users: int = 20, seconds: int = 60) -> dict:
    """Visitors of the public showcase (no login, no think time) on a fresh demo on SQLite: the list, a
    search, a model's page. Returns the figures per page kind and in all."""
    DATA.mkdir(parents=True, exist_ok=True)
    env = _fresh_database("SQLite")
    codes = DATA / "showcase-codes.txt"
    script = "from danvan.showcase import queries; print(*queries.practices().values_list('code', flat=True)[:300])"
    codes.write_text(_run([str(BIN / "danvan"), "shell", "-v", "0", "-c", script], env), encoding="utf-8")
    with _gunicorn(env, "showcase") as host:
        total = _locust("locust_showcase.py", host, "showcase", {**env, "LOAD_CODES": str(codes)}, users, seconds)
    with open(DATA / "showcase_stats.csv", encoding="utf-8") as stats:
        rows = [row for row in csv.DictReader(stats) if row["Name"] != "Aggregated"]
    pages = {
        row["Name"]: {"rps": float(row["Requests/s"]), "p95": float(row["95%"]), "errors": int(row["Failure Count"])}
        for row in rows
    }
    return {"total": total, "pages": pages}


def _print(label: str, think: bool, r: dict) -> bool:
    base = BASELINES[(label, think)]
    tail, goal_value = ("p99", r["p99"]) if think else ("p95", r["p95"])
    ok = r["errors"] == 0 and r["missing"] == 0 and r["locked"] == 0 and goal_value < P99_GOAL_MS
    mode = "nghỉ 0,5–2 s giữa hai yêu cầu" if think else "không nghỉ"
    print(f"\n[{label}, {mode}]")
    print(f"  {r['requests']} yêu cầu, {r['rps']:.1f} yêu cầu/giây (trước: {base['rps']})")
    for key in ("p50", "p95", "p99"):
        before = f" (trước: {base[key]} ms)" if base.get(key) else ""
        print(f"  {key}: {r[key]:.0f} ms{before}")
    print(f"  lỗi: {r['errors']}; 'database is locked': {r['locked']}")
    print(f"  ghi được xác nhận: {r['acknowledged']}, không tìm thấy trong CSDL: {r['missing']}")
    print(f"  mục tiêu: 0 lỗi, 0 mất, {tail} < {P99_GOAL_MS} ms — {'ĐẠT' if ok else 'CHƯA ĐẠT'}")
    return ok


def main(argv: list[str]) -> int:
    if argv[:1] == ["plan"]:
        plan(argv[1])
        return 0
    if argv[:1] == ["verify"]:
        verify(argv[1])
        return 0
    parser = argparse.ArgumentParser(description="make load")
    parser.add_argument("--users", type=int, default=20)
    parser.add_argument("--seconds", type=int, default=120)
    parser.add_argument("--databases", default="sqlite,postgres")
    parser.add_argument("--workers", type=int, default=3)
    parser.add_argument("--threads", type=int, default=2)
    options = parser.parse_args(argv)
    shutil.rmtree(DATA, ignore_errors=True)
    DATA.mkdir(parents=True)
    server = f"gunicorn {options.workers} × {options.threads} luồng"
    print(f"danvan load — {options.users} người dùng, {options.seconds} giây mỗi kịch bản, {server}")
    failures = 0
    chosen = {name.strip() for name in options.databases.split(",")}
    for key, label in (("sqlite", "SQLite"), ("postgres", "PostgreSQL")):
        if key not in chosen:
            continue
        if label == "PostgreSQL":
            from danvan.core.testing.pgcheck import main as pgcheck

            if pgcheck(PG_URL) != 0:
                print(f"\n[{label}] bỏ qua: không kết nối được {PG_URL}")
                continue
        env = _fresh_database(label)
        env |= {"DANVAN_WEB_WORKERS": str(options.workers), "DANVAN_WEB_THREADS": str(options.threads)}
        for think in (True, False):
            failures += not _print(label, think, _scenario(label, env, think, options.users, options.seconds))
    return 1 if failures else 0


if __name__ == "__main__":
    sys.path.insert(0, str(ROOT))
    raise SystemExit(main(sys.argv[1:]))
