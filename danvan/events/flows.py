"""Web imports of the events app (the conferences, a contest's score sheet), on the core import flow.

Found by `danvan.core.jobs.flows.discover_flows`, which imports `<app>.flows` of every danvan app.
"""

from typing import Any

from django.shortcuts import get_object_or_404
from django.urls import reverse

from danvan.core import scoping
from danvan.core.jobs.flows import Flow, register_flow
from danvan.events import rules
from danvan.events.choices import ContestState
from danvan.events.imports import ConferencesKind, ContestScoresKind
from danvan.events.models import Contest


def _may_import(user: Any, target: Any) -> str | None:
    if scoping.scope_paths(user, scoping.CHANGE) == []:
        return "Bạn chưa được phân quyền cập nhật hồ sơ của đơn vị nào nên không nhập được danh sách."
    return None


def _load_contest(user, pk: int) -> Contest:
    return get_object_or_404(Contest.objects.restrict(user).select_related("unit"), pk=pk)


def _may_score(user, contest: Contest) -> str | None:
    if not scoping.covers(user, contest.unit.path, scoping.CHANGE):
        return f"Bạn không có quyền nhập điểm hội thi của {contest.unit.name}."
    return None


def _blocked(user, contest: Contest) -> str | None:
    if contest.state != ContestState.RUNNING:
        return rules.MSG_LOCKED if contest.is_locked else rules.MSG_NOT_RUNNING
    return None


register_flow(
    Flow(
        "events-conferences",
        "Nhập danh sách hội nghị, tọa đàm từ Excel",
        kind=lambda target: ConferencesKind.name,
        back=lambda target: reverse("events:conference-list"),
        allowed=_may_import,
        template=lambda target: reverse("events:conference-template"),
        notes=(
            "Cùng đơn vị tổ chức, ngày và tên hội nghị với hội nghị đã có: cập nhật hội nghị đó.",
            "Đơn vị dự ghi mã hoặc tên, cách nhau bằng dấu chấm phẩy; ô để trống giữ nguyên các đơn vị đã ghi.",
            "Khen thưởng trao tại hội nghị chọn trên trang của hội nghị.",
        ),
    )
)
register_flow(
    Flow(
        "events-contest-scores",
        "Nhập bảng điểm hội thi từ Excel",
        kind=ContestScoresKind.for_contest,
        back=lambda contest: contest.get_absolute_url(),
        allowed=_may_score,
        blocked=_blocked,
        load=_load_contest,
        template=lambda contest: reverse("events:scores-export", args=[contest.pk]),
        notes=(
            "Mỗi dòng một đội, bài dự thi; mỗi vòng thi một cột, tiêu đề cột là tên vòng thi.",
            "Ô để trống giữ nguyên điểm đã ghi; đơn vị có một đội có thể để trống tên đội.",
        ),
    )
)
