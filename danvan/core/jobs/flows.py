"""The web import of every kind goes through one flow: upload → check (a job) → preview → write (a job).

An app declares what is imported where with a `Flow` in its `imports.py`:

    register_flow(Flow("practices", "Nhập danh sách mô hình, điển hình", kind=lambda target: "practices",
                       allowed=..., back=lambda target: reverse("practices:list")))

A flow may work on a target (the proposal whose recipients are imported, the plan whose tasks are):
`load(user, pk)` fetches it in the user's scope (404 otherwise) and the kind is built for it. The
worker rebuilds the same kind from the job's params (flow name and target id), so nothing but ids
crosses the queue.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.core.exceptions import PermissionDenied
from django.http import Http404

from danvan.core.xlsx import ImportKind, get_kind
from danvan.core.xlsx.registry import discover

MSG_NO_RIGHT = "Bạn chưa được phân quyền cập nhật hồ sơ của đơn vị nào nên không nhập được danh sách này."


@dataclass(frozen=True)
class Flow:
    name: str  # in the URL and the job's params
    title: str  # the page's heading: "Nhập danh sách mô hình, điển hình từ Excel"
    kind: Callable[[Any], str | ImportKind]  # target (or None) -> the engine's kind
    back: Callable[[Any], str]  # where "back" and "done" lead (the list, the target's page)
    allowed: Callable[[Any, Any], str | None] = lambda user, target: None  # refusal message, or None
    load: Callable[[Any, int], Any] | None = None  # (user, pk) -> target in scope; raises Http404
    template: Callable[[Any], str] | None = None  # URL of a template to fill in
    notes: tuple[str, ...] = ()  # hints under the form

    def target(self, user: Any, pk: Any) -> Any:
        if self.load is None:
            return None
        try:
            number = int(pk)
        except (TypeError, ValueError):
            raise Http404("Không có đối tượng nhập này.") from None
        return self.load(user, number)

    def check(self, user: Any, target: Any) -> None:
        refusal = self.allowed(user, target)
        if refusal:
            raise PermissionDenied(refusal)

    def engine_kind(self, target: Any) -> ImportKind:
        kind = self.kind(target)
        return get_kind(kind) if isinstance(kind, str) else kind


_flows: dict[str, Flow] = {}


def register_flow(flow: Flow) -> Flow:
    _flows[flow.name] = flow
    return flow


def get_flow(name: str) -> Flow:
    discover()  # the apps' imports.py declare their flows
    try:
        return _flows[name]
    except KeyError:
        raise Http404("Không có loại dữ liệu nhập này.") from None


def flow_names() -> list[str]:
    discover()
    return sorted(_flows)
