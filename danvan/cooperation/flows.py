"""Web import of the cooperation app (its programmes), on the core import flow."""

from django.urls import reverse

from danvan.cooperation.evaluation_kind import EvaluationsKind
from danvan.cooperation.imports import ProgrammesKind
from danvan.core import scoping
from danvan.core.jobs.flows import Flow, register_flow


def _may_import(user, target) -> str | None:
    if scoping.scope_paths(user, scoping.CHANGE) == []:
        return "Bạn chưa được phân quyền cập nhật hồ sơ của đơn vị nào nên không nhập được danh sách."
    return None


register_flow(
    Flow(
        "cooperation-programmes",
        "Nhập chương trình, quy chế phối hợp từ Excel",
        kind=lambda target: ProgrammesKind.name,
        back=lambda target: reverse("cooperation:list"),
        allowed=_may_import,
        template=lambda target: reverse("cooperation:template"),
        notes=(
            "Cùng đơn vị, số hiệu và ngày ký với văn bản đã có: cập nhật văn bản đó.",
            "Các bên ký kết ghi trong một ô, cách nhau bởi dấu chấm phẩy; cơ quan trong danh mục ghi tên hoặc "
            "viết tắt, cơ quan khác ghi tên đầy đủ.",
            "Chỉ nhập được cho đơn vị trong phạm vi quản lý của bạn.",
        ),
    )
)

register_flow(
    Flow(
        "cooperation-evaluations",
        "Nhập hội nghị đánh giá năm của chương trình phối hợp từ Excel",
        kind=lambda target: EvaluationsKind.name,
        back=lambda target: reverse("cooperation:list"),
        allowed=_may_import,
        template=lambda target: reverse("cooperation:evaluation-template"),
        notes=(
            "Mỗi dòng là một văn bản phối hợp và một năm: ghi số hiệu như trên văn bản và ngày ký (hoặc năm ký "
            "nếu trong năm đó chỉ có một văn bản cùng số hiệu).",
            "Văn bản đã có hội nghị đánh giá của năm đó: cập nhật hội nghị đó.",
            "Hội nghị đánh giá năm nào tổ chức trong năm đó hoặc đến ngày 31/3 năm sau.",
            "Chỉ nhập được cho văn bản của đơn vị trong phạm vi quản lý của bạn.",
        ),
    )
)
