#!/bin/bash
# Peak resident memory of a 200,000-row practices upload through the web (issue 16: every process
# under 500 MB). gunicorn runs with one worker process; the check job and the write job each run in
# `danvan db_worker --batch` under /usr/bin/time -v. The web figure is the gunicorn worker's VmHWM.
#
#   bash bench/upload_memory.sh [ROWS]        (default 200000; run from the repository, after make install)
#
# Uses its own SQLite database and files under var/bench/memory/ (units loaded once, file made once).
set -eu
ROWS=${1:-200000}
ROOT=$(cd "$(dirname "$0")/.." && pwd)
DIR=$ROOT/var/bench/memory
PORT=${DANVAN_BENCH_PORT:-8765}
mkdir -p "$DIR"
export DANVAN_VAR_DIR=$DIR DANVAN_DATABASE_URL=sqlite:///$DIR/memory.sqlite3 DJANGO_SETTINGS_MODULE=danvan.settings
export DANVAN_WEB_WORKERS=1 DANVAN_WEB_BIND=127.0.0.1:$PORT DANVAN_WEB_ACCESS_LOG=/dev/null
export DANVAN_TASKS_BACKEND=django_tasks_db.DatabaseBackend
cd "$ROOT"
BIN=$ROOT/.venv/bin
FILE=$DIR/practices-$ROWS.xlsx
$BIN/danvan migrate -v0
$BIN/python - "$ROWS" "$FILE" <<'PY'
import sys
from pathlib import Path
import django
django.setup()
from django.contrib.auth import get_user_model
from bench.importing import clear_practices, write_file
from danvan.core.jobs.models import Job
from danvan.org.divisions import load_divisions
from danvan.org.models import Unit
if not Unit.objects.exists():
    print(load_divisions().message())
rows, path = int(sys.argv[1]), Path(sys.argv[2])
if not path.exists():
    write_file(path, rows)
print(f"tệp {path.name}: {path.stat().st_size / 1e6:.1f} MB")
clear_practices()
Job.objects.all().delete()
user, _ = get_user_model().objects.get_or_create(username="bench_memory")
user.is_superuser = user.is_staff = True
user.set_password("bench-memory-pass")
user.save()
PY
$BIN/gunicorn -c python:danvan.gunicorn_conf danvan.wsgi > "$DIR/gunicorn.log" 2>&1 &
GUNICORN=$!
trap 'kill $GUNICORN 2>/dev/null || true' EXIT
for _ in $(seq 50); do curl -s -o /dev/null "http://127.0.0.1:$PORT/healthz" && break; sleep 0.2; done
WEB=$(pgrep -P $GUNICORN | head -1)

client() {  # client upload|confirm JOB: log in and upload the file, or confirm the checked job
  $BIN/python - "$PORT" "$FILE" "$@" <<'PY'
import re, sys, requests
port, path, action = sys.argv[1], sys.argv[2], sys.argv[3]
base = f"http://127.0.0.1:{port}"
s = requests.Session()
s.get(base + "/dang-nhap/")
login = {"username": "bench_memory", "password": "bench-memory-pass", "csrfmiddlewaretoken": s.cookies["csrftoken"]}
s.post(base + "/dang-nhap/", data=login, headers={"Referer": base + "/dang-nhap/"})
token = {"csrfmiddlewaretoken": s.cookies["csrftoken"]}
if action == "upload":
    s.get(base + "/dan-van-kheo/nhap-excel/")
    with open(path, "rb") as f:
        r = s.post(base + "/dan-van-kheo/nhap-excel/", data=token, files={"tep": (path.rsplit("/", 1)[-1], f)},
                   headers={"Referer": base}, allow_redirects=False)
    print(re.search(r"/(\d+)/", r.headers["Location"]).group(1))
else:
    job = sys.argv[4]
    assert s.get(f"{base}/nhap-excel/kiem-tra/{job}/").status_code == 200
    r = s.post(f"{base}/nhap-excel/kiem-tra/{job}/ghi/", data=token, headers={"Referer": base}, allow_redirects=False)
    assert r.status_code == 302, r.status_code
PY
}
peak() { grep "Maximum resident" "$1" | awk '{printf "%.0f MB", $6 / 1024}'; }
cpu() { grep "User time" "$1" | awk '{printf "%.1f s CPU", $4}'; }

JOB=$(client upload)
/usr/bin/time -v $BIN/danvan db_worker --batch --no-startup-delay > "$DIR/check.log" 2> "$DIR/check.time"
client confirm "$JOB"
/usr/bin/time -v $BIN/danvan db_worker --batch --no-startup-delay > "$DIR/write.log" 2> "$DIR/write.time"
echo "web (gunicorn worker) VmHWM: $(awk '/VmHWM/ {printf "%.0f MB", $2 / 1024}' /proc/$WEB/status)"
echo "db_worker, check job: $(peak "$DIR/check.time"), $(cpu "$DIR/check.time")"
echo "db_worker, write job: $(peak "$DIR/write.time"), $(cpu "$DIR/write.time")"
$BIN/python - <<'PY'
import django
django.setup()
from danvan.core.jobs.models import Job
from danvan.practices.models import Practice
for job in Job.objects.order_by("pk"):
    print(job.kind, job.status, (job.report or {}).get("summary", ""))
print("mô hình trong CSDL:", Practice.objects.count())
PY
