"""Who is acting, for the change log: set by the web middleware, the CLI and services."""

import contextlib
import uuid
from collections.abc import Iterator
from contextvars import ContextVar
from dataclasses import dataclass, field


@dataclass(frozen=True)
class Actor:
    user_id: int | None
    request_id: str = field(default_factory=lambda: uuid.uuid4().hex)
    source: str = "web"  # web, cli, import, system


_current: ContextVar[Actor | None] = ContextVar("danvan_actor", default=None)


def current_actor() -> Actor | None:
    return _current.get()


@contextlib.contextmanager
def acting_as(user, source: str = "web", request_id: str | None = None) -> Iterator[Actor]:
    user_id = getattr(user, "pk", None) if user is not None and getattr(user, "is_authenticated", False) else None
    actor = Actor(user_id=user_id, source=source, request_id=request_id or uuid.uuid4().hex)
    token = _current.set(actor)
    try:
        yield actor
    finally:
        _current.reset(token)
