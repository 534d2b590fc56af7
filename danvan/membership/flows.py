"""The web import of membership figures, on the core import flow (found by `discover_flows`)."""

from typing import Any

from django.urls import reverse

from danvan.core import scoping
from danvan.core.jobs.flows import Flow, register_flow
from danvan.membership.imports import PopulationKind, ReportsKind

FLOW = "membership-reports"
POPULATION_FLOW = "membership-population"


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
            "Dân số và số người tham gia ít nhất một tổ chức nhập bằng mẫu riêng “Nhập dân số từ Excel”.",
        ),
    )
)

register_flow(
    Flow(
        POPULATION_FLOW,
        "Nhập dân số và số người được tập hợp từ Excel",
        kind=lambda target: PopulationKind.name,
        back=lambda target: reverse("membership:report-list"),
        allowed=_may_import,
        template=lambda target: reverse("membership:population-template"),
        notes=(
            "Mỗi dòng là dân số và số người tham gia ít nhất một tổ chức (mỗi người tính một lần) của một đơn vị "
            "trong một kỳ (để trống kỳ báo cáo: cả năm).",
            "Dòng cùng đơn vị, năm và kỳ với số liệu đã có: cập nhật số liệu đó.",
            "Số người được tập hợp không vượt quá dân số và không ít hơn số hội viên của tổ chức đông nhất "
            "đã báo cáo trong kỳ.",
        ),
    )
)
