"""Web imports of the planning app (directives, a plan's tasks), on the core import flow."""

from django.shortcuts import get_object_or_404
from django.urls import reverse

from danvan.core import scoping
from danvan.core.jobs.flows import Flow, register_flow
from danvan.planning.imports import PlanTasksKind
from danvan.planning.models import WorkPlan


def _may_create(user, target) -> str | None:
    if scoping.scope_paths(user, scoping.CHANGE) == []:
        return "Bạn chưa được phân quyền cập nhật hồ sơ của đơn vị nào."
    return None


def _load_plan(user, pk: int) -> WorkPlan:
    return get_object_or_404(WorkPlan.objects.restrict(user).select_related("unit"), pk=pk)


def _may_change_plan(user, plan: WorkPlan) -> str | None:
    if not scoping.covers(user, plan.unit.path, scoping.CHANGE):
        return f"Bạn không có quyền sửa kế hoạch của {plan.unit.name}."
    return None


register_flow(
    Flow(
        "directives",
        "Nhập danh mục văn bản chỉ đạo từ Excel",
        kind=lambda target: "directives",
        back=lambda target: reverse("planning:directive-list"),
        allowed=_may_create,
    )
)
register_flow(
    Flow(
        "plan-tasks",
        "Nhập nhiệm vụ của kế hoạch từ Excel",
        kind=PlanTasksKind.for_plan,
        back=lambda plan: plan.get_absolute_url(),
        allowed=_may_change_plan,
        load=_load_plan,
        template=lambda plan: reverse("planning:plan-export", args=[plan.pk]),
    )
)
