"""The demo province: Tây Ninh with Long An merged into it on 1/7/2025, as the seeds describe.

Each app adds its part through a `demo.py` module with `load(ctx) -> list[str]`; this module
runs them in order. Everything is idempotent, so `make demo` can run again on the same database.
"""

from __future__ import annotations

import datetime as dt
import importlib
from dataclasses import dataclass, field

from django.apps import apps
from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils.module_loading import module_has_submodule

from danvan.core.actor import acting_as
from danvan.org.choices import LineageKind, Role
from danvan.org.divisions import load_divisions
from danvan.org.models import LineageEvent, RoleAssignment, Unit, UnitKind

PASSWORD = "danvan-demo"
PROVINCE = "Tây Ninh"


def contributors() -> list[str]:
    """The apps that add demo data (a `demo` module with `load(ctx)`), in INSTALLED_APPS order, which is
    their dependency order (documents before practices before awards …)."""
    return [
        f"{config.name}.demo"
        for config in apps.get_app_configs()
        if config.name.startswith("danvan.") and config.label != "demo" and module_has_submodule(config.module, "demo")
    ]


@dataclass
class DemoContext:
    province: Unit
    commission_old: Unit
    commission: Unit
    district: Unit
    commune: Unit
    users: dict[str, object] = field(default_factory=dict)


def _unit(code: str, name: str, kind: str, parent: Unit, short_name: str = "", **validity) -> Unit:
    unit_kind = UnitKind.objects.get(code=kind)
    unit, _ = Unit.objects.update_or_create(
        code=code,
        defaults={
            "name": name,
            "short_name": short_name,
            "kind": unit_kind,
            "bloc": unit_kind.default_bloc,
            "parent": parent,
            "valid_from": validity.get("valid_from"),
            "valid_until": validity.get("valid_until"),
        },
    )
    return unit


def _user(username: str, full_name: str, unit: Unit, roles: list[str], position: str, superuser: bool = False):
    last, _, first = full_name.rpartition(" ")
    user, _ = get_user_model().objects.get_or_create(
        username=username, defaults={"first_name": first, "last_name": last}
    )
    user.first_name, user.last_name = first, last
    user.is_staff = user.is_superuser = superuser
    user.set_password(PASSWORD)
    user.save()
    for role in roles:
        RoleAssignment.objects.update_or_create(user=user, unit=unit, role=role, defaults={"position": position})
    return user


def _find(parent_code: str, short_name: str, on: dt.date) -> Unit:
    from danvan.core.vn import fold

    parent = Unit.objects.get(code=parent_code)
    candidates = Unit.objects.subtree(parent).valid_on(on).filter(depth=parent.depth + 1)
    wanted = fold(short_name)
    for unit in candidates:
        if fold(unit.short_name) == wanted:
            return unit
    return candidates.order_by("code").first()


def build_structure() -> DemoContext:
    load_divisions(PROVINCE)
    province = Unit.objects.get(code="T80")
    before_merger = dt.date(2025, 2, 28)
    merger = dt.date(2025, 3, 1)
    bdv = _unit(
        "T80-BDV",
        "Ban Dân vận Tỉnh ủy Tây Ninh",
        "ban-dan-van",
        province,
        "Ban Dân vận",
        valid_until=before_merger,
    )
    btg = _unit(
        "T80-BTG",
        "Ban Tuyên giáo Tỉnh ủy Tây Ninh",
        "ban-dan-van",
        province,
        "Ban Tuyên giáo",
        valid_until=before_merger,
    )
    btgdv = _unit(
        "T80-BTGDV",
        "Ban Tuyên giáo và Dân vận Tỉnh ủy Tây Ninh",
        "ban-dan-van",
        province,
        "Ban Tuyên giáo và Dân vận",
        valid_from=merger,
    )
    if not LineageEvent.objects.filter(kind=LineageKind.MERGE, date=merger, successors=btgdv).exists():
        event = LineageEvent.objects.create(
            kind=LineageKind.MERGE,
            date=merger,
            legal_basis="Quyết định của Ban Chấp hành Đảng bộ tỉnh về việc thành lập Ban Tuyên giáo và Dân vận Tỉnh ủy",
            note="Hợp nhất Ban Dân vận và Ban Tuyên giáo Tỉnh ủy theo chủ trương sắp xếp tổ chức bộ máy năm 2025.",
        )
        event.predecessors.set([bdv, btg])
        event.successors.set([btgdv])
    _unit(
        "T80-BCD-DVK",
        "Ban Chỉ đạo phong trào thi đua “Dân vận khéo” tỉnh Tây Ninh",
        "ban-chi-dao",
        province,
        "BCĐ Dân vận khéo tỉnh",
    )
    _unit("T80-UBND", "Ủy ban nhân dân tỉnh Tây Ninh", "ubnd", province, "UBND tỉnh")
    mttq = _unit("T80-MTTQ", "Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh Tây Ninh", "mttq", province, "UBMTTQ tỉnh")
    for code, name, short in [
        ("T80-HND", "Hội Nông dân tỉnh Tây Ninh", "Hội Nông dân tỉnh"),
        ("T80-HLHPN", "Hội Liên hiệp Phụ nữ tỉnh Tây Ninh", "Hội LHPN tỉnh"),
        ("T80-TD", "Tỉnh đoàn Tây Ninh", "Tỉnh đoàn"),
        ("T80-LDLD", "Liên đoàn Lao động tỉnh Tây Ninh", "LĐLĐ tỉnh"),
        ("T80-HCCB", "Hội Cựu chiến binh tỉnh Tây Ninh", "Hội CCB tỉnh"),
    ]:
        _unit(code, name, "doan-the", mttq, short)
    for code, name, short in [
        ("T80-BCHQS", "Đảng ủy Bộ Chỉ huy Quân sự tỉnh Tây Ninh", "Bộ CHQS tỉnh"),
        ("T80-BDBP", "Đảng ủy Bộ Chỉ huy Bộ đội Biên phòng tỉnh Tây Ninh", "BĐBP tỉnh"),
        ("T80-CA", "Đảng ủy Công an tỉnh Tây Ninh", "Công an tỉnh"),
    ]:
        _unit(code, name, "llvt", province, short)
    _same_name_commune_lineage(province)
    district = _find("T80", "Bến Cầu", dt.date(2020, 1, 1))
    commune = _find("T80", "Long Thuận", dt.date(2026, 1, 1))
    return DemoContext(province=province, commission_old=bdv, commission=btgdv, district=district, commune=commune)


def _same_name_commune_lineage(province: Unit) -> None:
    """Demo lineage for communes: each new commune takes over the old commune of the same name.

    The real commune merges come from the provincial resolution and are imported from Excel
    (`danvan import_xlsx lineage`); this stand-in lets "mapped to today's units" show something.
    """
    from danvan.core.vn import fold

    reform = dt.date(2025, 7, 1)
    last_day = reform - dt.timedelta(days=1)
    by_name = {}
    for root in Unit.objects.filter(code__in=["T80", "TC80"]):
        for unit in Unit.objects.subtree(root).filter(kind__tier="commune", valid_until=last_day):
            by_name.setdefault(fold(unit.short_name), unit)
    new_communes = Unit.objects.subtree(province).filter(valid_from=reform, kind__tier="commune")
    done = set(
        LineageEvent.objects.filter(kind=LineageKind.MERGE, date=reform, successors__in=new_communes).values_list(
            "successors", flat=True
        )
    )
    for commune in new_communes:
        predecessor = by_name.get(fold(commune.short_name))
        if predecessor is None or commune.pk in done:
            continue
        event = LineageEvent.objects.create(
            kind=LineageKind.MERGE,
            date=reform,
            legal_basis="Nghị quyết của Ủy ban Thường vụ Quốc hội về sắp xếp đơn vị hành chính cấp xã của tỉnh Tây Ninh năm 2025",
            note="Dữ liệu minh họa: ghép theo xã cũ cùng tên.",
        )
        event.predecessors.set([predecessor])
        event.successors.set([commune])


def create_accounts(ctx: DemoContext) -> list[str]:
    ctx.users["tinh"] = _user(
        "tinh",
        "Nguyễn Thị Thu Hà",
        ctx.province,
        [Role.ADMIN],
        "Chuyên viên Ban Tuyên giáo và Dân vận",
        superuser=True,
    )
    ctx.users["huyen"] = _user(
        "huyen",
        "Trần Văn Bình",
        ctx.district,
        [Role.EDITOR, Role.REVIEWER],
        "Chuyên viên Ban Dân vận Huyện ủy",
    )
    ctx.users["xa"] = _user("xa", "Lê Thị Mai", ctx.commune, [Role.EDITOR], "Phó Bí thư Đảng ủy")
    return [
        "Tài khoản minh họa (mật khẩu chung: danvan-demo):",
        f"  tinh  – cán bộ Ban Tuyên giáo và Dân vận Tỉnh ủy, toàn quyền trên {ctx.province.name}",
        f"  huyen – cán bộ cấp huyện (dữ liệu trước 7/2025), cập nhật và thẩm định: {ctx.district.name}",
        f"  xa    – cán bộ cấp xã, cập nhật: {ctx.commune.name}",
        "  nhaplieu – cán bộ nhập liệu của Ban (cập nhật trên toàn tỉnh, không thẩm định)",
    ]


def run() -> list[str]:
    with transaction.atomic(), acting_as(None, source="system"):
        ctx = build_structure()
        report = [f"Đã nạp đơn vị tỉnh {PROVINCE} (gồm cả tỉnh Long An trước sáp nhập)."]
        accounts = create_accounts(ctx)
        for module_name in contributors():
            report += importlib.import_module(module_name).load(ctx)
        report += accounts
    return report
