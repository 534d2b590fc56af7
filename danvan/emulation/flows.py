"""Web import of a criteria set's criteria, on the core import flow."""

from django.shortcuts import get_object_or_404
from django.urls import reverse

from danvan.core.jobs.flows import Flow, register_flow
from danvan.emulation.imports import CriteriaKind
from danvan.emulation.models import CriteriaSet
from danvan.emulation.services.sets import import_blocked, import_refusal


def _load(user, pk: int) -> CriteriaSet:
    queryset = CriteriaSet.objects.restrict(user).select_related("unit", "unit__kind", "unit__parent")
    return get_object_or_404(queryset, pk=pk)


register_flow(
    Flow(
        "criteria",
        "Nhập tiêu chí chấm điểm từ Excel",
        kind=CriteriaKind,
        back=lambda criteria_set: criteria_set.get_absolute_url(),
        allowed=import_refusal,
        blocked=import_blocked,
        load=_load,
        template=lambda criteria_set: reverse("emulation:criteria-export", args=[criteria_set.pk]),
        notes=("Danh sách trong tệp thay thế toàn bộ tiêu chí hiện có của bản điểm.",),
    )
)
