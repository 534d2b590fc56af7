"""`/healthz`: is this server able to serve? For the proxy, monitoring and the deploy guide's checks.

Answered by a middleware at the top of the stack, before host validation, HTTPS redirection and
sessions, so `curl http://127.0.0.1:8000/healthz` on the server works whatever DANVAN_ALLOWED_HOSTS
says. The answer names each check and says "ok" or "error", nothing more (no versions, paths,
messages or figures): it is public.
"""

from __future__ import annotations

import logging
import shutil
import uuid
from collections.abc import Callable
from datetime import timedelta

from django.apps import apps
from django.conf import settings
from django.core.cache import cache
from django.db import connections
from django.http import JsonResponse
from django.utils import timezone

from danvan.core import replica

log = logging.getLogger(__name__)

PATH = "/healthz"


def check_database(alias: str = "default") -> bool:
    with connections[alias].cursor() as cursor:
        cursor.execute("SELECT 1")
        return cursor.fetchone()[0] == 1


def check_replica() -> bool:
    return check_database(replica.ALIAS)


def check_cache() -> bool:
    key = f"danvan-health-{uuid.uuid4().hex}"
    cache.set(key, "1", 10)
    found = cache.get(key) == "1"
    cache.delete(key)
    return found


def check_disk() -> bool:
    """At least DANVAN_HEALTH_MIN_FREE_MB free where uploads are stored."""
    folder = settings.MEDIA_ROOT
    while not folder.exists() and folder != folder.parent:
        folder = folder.parent
    return shutil.disk_usage(folder).free >= settings.HEALTH_MIN_FREE_MB * 1024 * 1024


def check_task_queue() -> bool:
    """No background task has waited longer than HEALTH_TASK_MAX_WAIT_MINUTES (the worker runs)."""
    # The app's label is "django_tasks_database" (its module is django_tasks_db).
    model = apps.get_model("django_tasks_database", "DBTaskResult")
    limit = timezone.now() - timedelta(minutes=settings.HEALTH_TASK_MAX_WAIT_MINUTES)
    # ready(): waiting and due (a task not deferred has run_after = the far future, so the wait is since
    # it was queued).
    return not model.objects.ready().filter(enqueued_at__lt=limit).exists()


def checks() -> dict[str, Callable[[], bool]]:
    found = {"database": check_database, "cache": check_cache, "disk": check_disk}
    if replica.configured():
        found["replica"] = check_replica
    if apps.is_installed("django_tasks_db"):
        found["task_queue"] = check_task_queue
    return found


def report() -> tuple[bool, dict[str, str]]:
    results = {}
    for name, check in checks().items():
        try:
            ok = bool(check())
        except Exception:
            log.exception("health check %s failed", name)
            ok = False
        results[name] = "ok" if ok else "error"
    return all(value == "ok" for value in results.values()), results


class HealthCheckMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.path != PATH or request.method not in ("GET", "HEAD"):
            return self.get_response(request)
        healthy, results = report()
        response = JsonResponse(
            {"status": "ok" if healthy else "error", "checks": results}, status=200 if healthy else 503
        )
        response["Cache-Control"] = "no-store"
        return response
