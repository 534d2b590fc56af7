"""Kinds by name. Each danvan app declares its kinds in `<app>/imports.py`, found on first use."""

from __future__ import annotations

import importlib
import importlib.util
import threading
from typing import TypeVar

from django.apps import apps
from django.core.exceptions import ImproperlyConfigured

from danvan.core.xlsx.spec import ImportKind

_kinds: dict[str, ImportKind] = {}
_discovered = False
_lock = threading.Lock()


class UnknownKind(KeyError):
    def __init__(self, name: str, known: list[str]) -> None:
        super().__init__(name)
        self.name, self.known = name, known

    def __str__(self) -> str:
        known = ", ".join(self.known) or "(chưa có)"
        return f"Không có loại dữ liệu '{self.name}'. Các loại có thể dùng: {known}"


K = TypeVar("K", type[ImportKind], ImportKind)


def register(kind: K) -> K:
    """Register a kind (class or instance); usable as a class decorator."""
    instance = kind() if isinstance(kind, type) else kind
    current = _kinds.get(instance.name)
    # The same class again (a module imported twice) replaces itself; two apps may not share a name.
    if current is not None and type(current).__qualname__ != type(instance).__qualname__:
        raise ImproperlyConfigured(f"Import kind '{instance.name}' is registered twice")
    _kinds[instance.name] = instance
    return kind


def discover() -> None:
    """Import `imports` of every installed danvan app once (apps.py need not know about it)."""
    global _discovered
    if _discovered:
        return
    with _lock:
        if _discovered:
            return
        for config in apps.get_app_configs():
            if not config.name.startswith("danvan."):
                continue
            module = f"{config.name}.imports"
            if importlib.util.find_spec(module) is not None:
                importlib.import_module(module)
        _discovered = True


def get_kind(name: str) -> ImportKind:
    discover()
    try:
        return _kinds[name]
    except KeyError:
        raise UnknownKind(name, sorted(_kinds)) from None


def kind_names() -> list[str]:
    discover()
    return sorted(_kinds)
