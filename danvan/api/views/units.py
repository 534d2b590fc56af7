"""Units at a date, with their lineage."""

from __future__ import annotations

import datetime as dt

from django.db.models import Prefetch
from django.utils import timezone
from drf_spectacular.utils import OpenApiParameter, extend_schema, extend_schema_view
from rest_framework import mixins

from danvan.api import serializers as s
from danvan.api.views.common import ScopedViewSet, positive_id, query_param
from danvan.core.vn import fold
from danvan.org.models import LineageEvent, Unit

# --- Units ---------------------------------------------------------------------------------------

UNIT_PARAMETERS = [
    OpenApiParameter("date", dt.date, description="Đơn vị còn hiệu lực vào ngày này (mặc định: hôm nay)"),
    OpenApiParameter("parent", int, description="Chỉ các đơn vị trực thuộc đơn vị này (id)"),
    OpenApiParameter("q", str, description="Tìm theo tên hoặc mã, gõ không dấu được"),
]


@extend_schema_view(list=extend_schema(parameters=UNIT_PARAMETERS, summary="Đơn vị tại một ngày"))
class UnitViewSet(ScopedViewSet, mixins.ListModelMixin, mixins.RetrieveModelMixin):
    model = Unit

    def get_serializer_class(self):
        return s.UnitDetailSerializer if self.action == "retrieve" else s.UnitSerializer

    def get_queryset(self):
        qs = self.scoped().select_related("kind", "bloc").order_by("path")
        if self.action == "retrieve":
            events = LineageEvent.objects.prefetch_related("predecessors", "successors")
            return qs.prefetch_related(
                Prefetch("successor_events", queryset=events), Prefetch("predecessor_events", queryset=events)
            )
        params = self.request.query_params
        day = query_param(params, "date", dt.date.fromisoformat, "Ngày không hợp lệ (dạng YYYY-MM-DD).")
        qs = qs.valid_on(day or timezone.localdate())
        parent = query_param(params, "parent", positive_id, "Mã đơn vị cấp trên phải là số nguyên dương.")
        if parent is not None:
            qs = qs.filter(parent_id=parent)
        if params.get("q"):
            qs = qs.filter(search_text__contains=fold(params["q"]))
        return qs
