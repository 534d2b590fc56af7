"""Web imports of the org app (units, lineage events), on the core import flow."""

from django.urls import reverse

from danvan.core.jobs.flows import Flow, register_flow


def _system_admin(user, target) -> str | None:
    # New top-level units and lineage across provinces: only an unrestricted administrator
    # (the engine checks every row's scope again for anyone else).
    if not user.is_superuser:
        return "Chỉ quản trị toàn hệ thống mới nhập được danh sách đơn vị và sự kiện sắp xếp đơn vị."
    return None


register_flow(
    Flow(
        "units",
        "Nhập danh sách đơn vị từ Excel",
        kind=lambda target: "units",
        back=lambda target: reverse("org:unit-list"),
        allowed=_system_admin,
        notes=("Mã đơn vị cấp trên là mã có sẵn trong hệ thống hoặc mã ở một dòng khác của tệp.",),
    )
)
register_flow(
    Flow(
        "lineage",
        "Nhập sự kiện sáp nhập, chia tách, đổi tên đơn vị từ Excel",
        kind=lambda target: "lineage",
        back=lambda target: reverse("org:unit-list"),
        allowed=_system_admin,
    )
)
