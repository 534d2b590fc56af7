"""Web imports of grassroots democracy (the matters' register, the boards, the charters, the dialogues), on the
core import flow (found by `danvan.core.jobs.flows.discover_flows`)."""

from typing import Any

from django.urls import reverse

from danvan.core import scoping
from danvan.core.jobs.flows import Flow, register_flow
from danvan.democracy.imports import BoardsKind, ChartersKind, DialoguesKind, MattersKind

MATTERS = "noi-dung"  # ?tep= of the export and template addresses
BOARDS = "ban"
CHARTERS = "huong-uoc"
DIALOGUES = "doi-thoai"


def _may_import(user: Any, target: Any) -> str | None:
    if scoping.scope_paths(user, scoping.CHANGE) == []:
        return "Bạn chưa được phân quyền cập nhật hồ sơ của đơn vị nào nên không nhập được số liệu."
    return None


COMMON = (
    "Đơn vị chưa có hồ sơ của năm ghi ở cột Năm: hệ thống lập hồ sơ năm đó cùng danh mục nội dung phải công khai.",
    "Chỉ nhập được cho đơn vị trong phạm vi quản lý của bạn.",
)
register_flow(
    Flow(
        "democracy-matters",
        "Nhập nội dung nhân dân bàn và quyết định từ Excel",
        kind=lambda target: MattersKind.name,
        back=lambda target: reverse("democracy:home"),
        allowed=_may_import,
        template=lambda target: f"{reverse('democracy:template')}?tep={MATTERS}",
        notes=(
            "Mỗi dòng là một nội dung; cùng đơn vị, năm, nội dung và ngày với nội dung đã có: ô có ghi thì cập "
            "nhật, ô để trống giữ nguyên.",
            "Để trống số hộ đồng ý khi chưa kiểm phiếu.",
            *COMMON,
        ),
    )
)
register_flow(
    Flow(
        "democracy-boards",
        "Nhập Ban Thanh tra nhân dân, Ban Giám sát đầu tư của cộng đồng từ Excel",
        kind=lambda target: BoardsKind.name,
        back=lambda target: reverse("democracy:home"),
        allowed=_may_import,
        template=lambda target: f"{reverse('democracy:template')}?tep={BOARDS}",
        notes=("Mỗi dòng là một ban của một đơn vị trong một năm; ban đã có thì cập nhật.", *COMMON),
    )
)
register_flow(
    Flow(
        "democracy-charters",
        "Nhập hương ước, quy ước từ Excel",
        kind=lambda target: ChartersKind.name,
        back=lambda target: reverse("democracy:home"),
        allowed=_may_import,
        template=lambda target: f"{reverse('democracy:template')}?tep={CHARTERS}",
        notes=(
            "Mỗi dòng là hương ước hoặc quy ước của một thôn, ấp, khu phố (chỉ xã, phường, đặc khu); cùng đơn vị, "
            "năm, thôn và loại với dòng đã có: ô có ghi thì cập nhật, ô để trống giữ nguyên.",
            "Để trống cột Loại là hương ước. Đã được công nhận hoặc đã sửa đổi, bổ sung thì ghi số và ngày quyết "
            "định công nhận.",
            *COMMON,
        ),
    )
)
register_flow(
    Flow(
        "democracy-dialogues",
        "Nhập đối thoại tại nơi làm việc từ Excel",
        kind=lambda target: DialoguesKind.name,
        back=lambda target: reverse("democracy:home"),
        allowed=_may_import,
        template=lambda target: f"{reverse('democracy:template')}?tep={DIALOGUES}",
        notes=(
            "Mỗi dòng là một cuộc đối thoại của cơ quan, đơn vị hoặc doanh nghiệp; cùng đơn vị, năm và ngày với "
            "cuộc đã có: ô có ghi thì cập nhật, ô để trống giữ nguyên.",
            "Để trống cột Hình thức là đối thoại định kỳ.",
            *COMMON,
        ),
    )
)
