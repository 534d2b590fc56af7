"""Reports read from a read-only replica of the database, when one is configured.

A national deployment can run PostgreSQL streaming replication and set `DANVAN_REPLICA_URL`; the
settings then declare a second database, `replica`, and `ReplicaRouter` sends to it the reads made
inside `reading_replica()`: the statistics page and its exports, the yearly reports, list exports
and the report jobs. Everything else stays on the primary: every write, every read inside a
transaction (services), and every other page, so a clerk who has just recorded something sees it on
the next page. Without the setting nothing changes.

A router cannot see the request, so the choice travels in a context variable: set by the decorator
around a view or a job handler, and reset when it returns.
"""

from __future__ import annotations

import contextvars
import functools
from collections.abc import Callable, Iterator
from contextlib import contextmanager

from django.db import connections

ALIAS = "replica"

_reading = contextvars.ContextVar("danvan_reading_replica", default=False)


def configured() -> bool:
    return ALIAS in connections.settings


@contextmanager
def reading_replica() -> Iterator[None]:
    token = _reading.set(True)
    try:
        yield
    finally:
        _reading.reset(token)


def reads_replica(view: Callable) -> Callable:
    """Decorate a view (or a job handler) whose reads may come from the replica.

    The logged-in user is loaded first, from the primary: a session opened a second ago may not have
    reached the replica yet.
    """

    @functools.wraps(view)
    def wrapped(request, *args, **kwargs):
        user = getattr(request, "user", None)
        if user is not None:
            getattr(user, "pk", None)  # resolves the lazy user before reads move
        with reading_replica():
            return view(request, *args, **kwargs)

    return wrapped


class ReplicaRouter:
    """Reads inside `reading_replica()` go to the replica; writes, migrations and the rest to the primary."""

    def db_for_read(self, model, **hints):
        # A transaction reads where it writes: a service called from a report (a number reserved, a
        # record checked before it is changed) must see the primary, never a lagging copy.
        if _reading.get() and configured() and not connections["default"].in_atomic_block:
            return ALIAS
        return None

    def db_for_write(self, model, **hints):
        return "default"

    def allow_relation(self, obj1, obj2, **hints):
        return True  # the same rows on both sides

    def allow_migrate(self, db, app_label, model_name=None, **hints):
        return db != ALIAS  # the replica follows the primary's schema through replication
