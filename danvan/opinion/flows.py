"""Web imports of the opinion app (items, the collaborators' register, the citizen reception register,
dialogues with their commitments), on the core import flow.

Found by `danvan.core.jobs.flows.discover_flows`, which imports `<app>.flows` of every danvan app.
"""

from typing import Any

from django.urls import reverse

from danvan.core import scoping
from danvan.core.jobs.flows import Flow, register_flow
from danvan.opinion.imports import CollaboratorsKind, DialoguesKind, ItemsKind, ReceptionsKind

COLLABORATORS_TEMPLATE = "cong-tac-vien"  # ?loai= of the template address
RECEPTIONS_TEMPLATE = "tiep-cong-dan"  # also ?loai= of the export address
DIALOGUES_TEMPLATE = "doi-thoai"


def _may_import(user: Any, target: Any) -> str | None:
    if scoping.scope_paths(user, scoping.CHANGE) == []:
        return "Bạn chưa được phân quyền cập nhật hồ sơ của đơn vị nào nên không nhập được danh sách."
    return None


register_flow(
    Flow(
        "opinion-items",
        "Nhập thông tin tình hình nhân dân, dư luận xã hội từ Excel",
        kind=lambda target: ItemsKind.name,
        back=lambda target: reverse("opinion:item-list"),
        allowed=_may_import,
        template=lambda target: reverse("opinion:item-template"),
        notes=(
            "Chỉ nhập được cho đơn vị trong phạm vi quản lý của bạn.",
            "Dòng trùng thông tin đã có (cùng đơn vị, địa bàn, ngày ghi nhận, nguồn và nội dung) không được ghi lại.",
        ),
    )
)
register_flow(
    Flow(
        "opinion-collaborators",
        "Nhập danh sách cộng tác viên dư luận xã hội từ Excel",
        kind=lambda target: CollaboratorsKind.name,
        back=lambda target: reverse("opinion:collaborator-list"),
        allowed=_may_import,
        template=lambda target: f"{reverse('opinion:item-template')}?loai={COLLABORATORS_TEMPLATE}",
        notes=("Cùng đơn vị, họ tên và ngày bắt đầu nhiệm kỳ với người đã có: cập nhật người đó.",),
    )
)
register_flow(
    Flow(
        "opinion-receptions",
        "Nhập sổ tiếp công dân từ Excel",
        kind=lambda target: ReceptionsKind.name,
        back=lambda target: reverse("opinion:reception-list"),
        allowed=_may_import,
        template=lambda target: f"{reverse('opinion:item-template')}?loai={RECEPTIONS_TEMPLATE}",
        notes=(
            "Mỗi dòng là một vụ việc, kèm các cột của buổi tiếp; các dòng sau của cùng buổi có thể để trống "
            "các cột của buổi.",
            "Cùng đơn vị, ngày tiếp và hình thức là một buổi đã có: ô có ghi thì cập nhật, ô để trống giữ nguyên.",
            "Chỉ nhập được cho đơn vị trong phạm vi quản lý của bạn.",
        ),
    )
)
register_flow(
    Flow(
        "opinion-dialogues",
        "Nhập hội nghị đối thoại và cam kết từ Excel",
        kind=lambda target: DialoguesKind.name,
        back=lambda target: reverse("opinion:dialogue-list"),
        allowed=_may_import,
        template=lambda target: f"{reverse('opinion:item-template')}?loai={DIALOGUES_TEMPLATE}",
        notes=(
            "Mỗi dòng là một cam kết, kèm các cột của hội nghị; các dòng sau của cùng hội nghị có thể để trống "
            "các cột của hội nghị.",
            "Cùng đơn vị và ngày đối thoại là một hội nghị đã có: ô có ghi thì cập nhật, ô để trống giữ nguyên.",
        ),
    )
)
