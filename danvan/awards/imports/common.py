"""What the award imports share: the recipient columns, their units (by the one resolver, org.resolver),
building recipients."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from danvan.awards import rules
from danvan.awards.choices import RecipientKind
from danvan.awards.models import Recipient
from danvan.core.vn import fold
from danvan.core.xlsx import Column, Context, ImportResult, Row, Text
from danvan.core.xlsx.parsers import enum_choices
from danvan.org.models import Unit
from danvan.org.resolver import UnitResolver

KIND = enum_choices(
    RecipientKind,
    "đối tượng",
    aliases={"collective": ["TT", "Tập thể (đơn vị)"], "individual": ["CN", "Cá nhân (người)"]},
)
NAME_ALIASES = ("Họ tên", "Họ và tên", "Tên tập thể", "Tên tập thể, cá nhân", "Tên tập thể, họ và tên", "Tên")
CODE_SPLIT = re.compile(r"[,;\s]+")


def recipient_columns() -> tuple[Column, ...]:
    return (
        Column("Đối tượng", "kind", KIND, required=True, aliases=("Loại đối tượng",), width=11),
        Column("Tên tập thể / Họ tên", "name", Text(255), required=True, aliases=NAME_ALIASES, width=38),
        Column("Chức vụ", "position", Text(200), aliases=("Chức danh",), width=30),
        Column("Đơn vị", "unit_name", Text(255), aliases=("Đơn vị công tác", "Thuộc đơn vị"), width=38),
    )


UNIT_CODE = Column("Mã đơn vị", "unit_code", Text(40), aliases=("Mã ĐV",), width=14)


def warnings(result: ImportResult) -> list[tuple[int, str]]:
    """(Excel row, message) of every warning of an import, in row order."""
    return [(row.number, message) for row in result.rows for message in row.extra.get("warnings", ())]


def unit_texts(rows: list[Row]) -> Iterator[str | None]:
    """The cells that name a unit: its code, "Đơn vị", and the name of a collective without one."""
    for row in rows:
        values = row.values
        yield values.get("unit_code")
        yield values.get("unit_name")
        if values.get("kind") == RecipientKind.COLLECTIVE and not values.get("unit_name"):
            yield values.get("name")


def recipient_unit(row: Row, resolver: UnitResolver, year, day=None, within=None) -> tuple[Unit | None, bool]:
    """The recipient's unit and whether the collective is that unit itself (no "Đơn vị" given)."""
    values = row.values
    kind, unit_name, code = values.get("kind"), values.get("unit_name") or "", values.get("unit_code") or ""
    is_unit = kind == RecipientKind.COLLECTIVE and not unit_name
    narrowing = {"year": year if year in rules.year_range() else None, "day": day, "within": within}
    if code:
        return resolver.find(row, "unit_code", code, **narrowing), is_unit
    if is_unit:
        unit, message = resolver.resolve(values.get("name", ""), **narrowing)
        if message:
            row.error("name", f"{message} (tập thể không ghi “Đơn vị” phải là tên một đơn vị)")
        return unit, is_unit
    if not unit_name:
        row.error("unit_name", "Cần ghi đơn vị của cá nhân")
        return None, is_unit
    return resolver.find(row, "unit_name", unit_name, **narrowing), is_unit


RULE_COLUMNS = {"kind": "kind", "name": "name", "unit": "unit_name", "is_unit": "name", "practices": "practices"}


def unit_column(row: Row, is_unit: bool) -> str:
    """Where a problem with the recipient's unit shows: its code, the collective's name, or "Đơn vị"."""
    if row.values.get("unit_code"):
        return "unit_code"
    return "name" if is_unit else "unit_name"


def rule_errors(row: Row, errors: list[tuple[str, str]], columns: dict[str, str]) -> None:
    for field, message in errors:
        row.error(columns.get(field, field) if columns.get(field, field) in row.headers else None, message)


def build_recipient(row: Row, unit: Unit, is_unit: bool) -> Recipient:
    values = row.values
    recipient = Recipient(
        kind=values["kind"],
        is_unit=is_unit,
        unit=unit,
        name=values["name"],
        position=(values.get("position") or "") if values["kind"] == RecipientKind.INDIVIDUAL else "",
        unit_name=values.get("unit_name") or ("" if is_unit else unit.name),
    )
    recipient.match_key = recipient.compute_match_key()
    return recipient


def add_warnings(rows: list[Row], found: dict[int, list[str]]) -> None:
    for row in rows:
        for message in found.get(row.number, []):
            row.extra.setdefault("warnings", []).append(f"“{row.values.get('name')}” {message}")


def config_by_name(model, ctx: Context, key: str):
    """Configuration rows (authorities, award types) by folded code and name, loaded once."""
    if key not in ctx.data:
        table: dict[str, Any] = {}
        for obj in model.objects.all().order_by("order"):
            for name in (obj.code, obj.name):
                table.setdefault(fold(name), obj)
        ctx.data[key] = table
    return ctx.data[key]
