"""The web import of membership figures, on the core import flow (found by `discover_flows`)."""

from typing import Any

from django.urls import reverse

from danvan.core import scoping
from danvan.core.jobs.flows import Flow, register_flow
from danvan.membership.imports import ReportsKind

FLOW = "membership-reports"


def _may_import(user: Any, target: Any) -> str | None:
    if scoping.scope_paths(user, scoping.CHANGE) == []:
        return "Bạn chưa được phân quyền cập nhật số liệu của đơn vị nào nên không nhập được số liệu."
    return None


register_flow(
    Flow(
        FLOW,
        "Nhập số liệu đoàn viên, hội viên từ Excel",
        kind=lambda target: ReportsKind.name,
        back=lambda target: reverse("membership:report-list"),
        allowed=_may_import,
        template=lambda target: reverse("membership:template"),
        notes=(
            "Mỗi dòng là số liệu của một tổ chức tại một đơn vị trong một kỳ (để trống kỳ báo cáo: cả năm).",
            "Dòng cùng đơn vị, tổ chức, năm và kỳ với số liệu đã có: cập nhật số liệu đó.",
            "Dân số và số người tham gia ít nhất một tổ chức nhập trên trang “Nhập số liệu”.",
        ),
    )
)
