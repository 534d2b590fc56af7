"""Web import of the "Dân vận khéo" registry, on the core import flow."""

from typing import Any

from django.urls import reverse

from danvan.core import scoping
from danvan.core.jobs.flows import Flow, register_flow
from danvan.practices.imports import PracticesKind


def _may_import(user: Any, target: Any) -> str | None:
    if scoping.scope_paths(user, scoping.CHANGE) == []:
        return "Bạn chưa được phân quyền cập nhật hồ sơ của đơn vị nào nên không nhập được danh sách."
    return None


register_flow(
    Flow(
        "practices",
        "Nhập danh sách mô hình, điển hình từ Excel",
        kind=lambda target: PracticesKind.name,
        back=lambda target: reverse("practices:list"),
        allowed=_may_import,
        template=lambda target: reverse("practices:import-template"),
        notes=(
            "Để trống “Mã mô hình” khi thêm mới; ghi mã đã có để cập nhật hồ sơ đó.",
            "Hồ sơ các năm trước có thể nhập cùng kết quả công nhận.",
            "Chỉ nhập được cho đơn vị trong phạm vi quản lý của bạn.",
        ),
    )
)
