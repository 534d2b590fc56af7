"""The statistics of the report page, with the same parser and the same figures."""

from __future__ import annotations

from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import exceptions
from rest_framework.response import Response
from rest_framework.views import APIView

from danvan.api import serializers as s
from danvan.core.replica import reading_replica
from danvan.org import areas
from danvan.stats.report_data import MSG_UNIT_OUT_OF_SCOPE, parse_filters, practice_report

# --- Statistics ----------------------------------------------------------------------------------

STATISTICS_PARAMETERS = [
    OpenApiParameter("year", int, description="Năm (mặc định: năm nay)"),
    OpenApiParameter("unit", int, description="Đơn vị (id; mặc định: đơn vị của bạn)"),
    OpenApiParameter(
        "mode",
        str,
        enum=[areas.AS_AT, areas.TODAY],
        description="as_at: đơn vị như vào năm đó; today: theo đơn vị hiện nay (như báo cáo)",
    ),
    OpenApiParameter("kind", str, enum=["model", "exemplar"], description="Chỉ mô hình hoặc chỉ điển hình"),
]
# The report page's own parameter names: one parser, so the API and the report cannot differ.
REPORT_NAMES = {"year": "nam", "unit": "don_vi", "mode": "che_do", "kind": "loai"}


class StatisticsView(APIView):
    @extend_schema(parameters=STATISTICS_PARAMETERS, responses=s.StatisticsSerializer, summary="Thống kê như báo cáo")
    def get(self, request):
        params = {REPORT_NAMES[k]: v for k, v in request.query_params.items() if k in REPORT_NAMES}
        if params.get("che_do") not in (None, areas.AS_AT, areas.TODAY):
            raise exceptions.ValidationError({"mode": ["Chế độ phải là as_at hoặc today."]})
        if params.get("loai") not in (None, "", "model", "exemplar"):
            raise exceptions.ValidationError({"kind": ["Loại phải là model hoặc exemplar."]})
        with reading_replica():  # request.user was read on the primary when the key was checked
            return self._report(request, params)

    def _report(self, request, params):
        filters, notes = parse_filters(request.user, params)
        if notes:  # the report page falls back with a note; a program gets the error instead
            raise exceptions.ValidationError(
                {"unit" if note == MSG_UNIT_OUT_OF_SCOPE else "year": [note] for note in notes}
            )
        return Response(s.StatisticsSerializer(practice_report(request.user, filters)).data)
