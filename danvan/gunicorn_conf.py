"""gunicorn settings for danvan (`gunicorn -c python:danvan.gunicorn_conf danvan.wsgi`).

Every value can be changed through the environment (DANVAN_WEB_*), as the systemd unit in
docs/deploy.md does. Defaults suit a small server: (2 x cores) - 1 worker processes of 2 threads
each (3 x 2 on two cores), which keeps memory modest while a slow report does not hold up the rest.
"""

import multiprocessing
import os


def _env(name: str, default: str) -> str:
    return os.environ.get(f"DANVAN_WEB_{name}", default)


bind = _env("BIND", "127.0.0.1:8000")
workers = int(_env("WORKERS", str(max(2, multiprocessing.cpu_count() * 2 - 1))))
threads = int(_env("THREADS", "2"))
worker_class = "gthread"
# Large Excel imports and year reports can take a while; the proxy's timeout must be at least this.
timeout = int(_env("TIMEOUT", "120"))
graceful_timeout = 30
keepalive = 5
# Recycle workers now and then so that memory taken by one large export is given back.
max_requests = int(_env("MAX_REQUESTS", "2000"))
max_requests_jitter = 200
# Memory-backed temporary files for worker heartbeats (no disk writes on a busy server).
worker_tmp_dir = "/dev/shm" if os.path.isdir("/dev/shm") else None
accesslog = _env("ACCESS_LOG", "-")
errorlog = "-"
loglevel = _env("LOG_LEVEL", "info")
# Behind nginx on the same machine: trust its X-Forwarded-* headers.
forwarded_allow_ips = _env("FORWARDED_ALLOW_IPS", "127.0.0.1,::1")
proc_name = "danvan"
