"""Criteria sets in and out of Excel, on the shared engine (danvan.core.xlsx).

One row per node of the tree. Its place comes from `STT` ("I", "I.1", "I.1.a": the parent is the
STT without its last part) or from `Mã tiêu chí` + `Mã cấp trên`. A parent's `Điểm tối đa` may be
left blank (it is the sum of its children's) or must equal that sum. Every error is reported at
once and nothing is written unless the whole file is right; an import replaces the set's tree.

The kind is bound to one set, so it is not in the global registry (the `import_xlsx` command has no
way to name a set): the set's page imports and exports it.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from decimal import Decimal
from typing import Any

from django.core.exceptions import ImproperlyConfigured

from danvan.core import changelog
from danvan.core.xlsx import Column, Context, ImportKind, Parser, Row, Text
from danvan.core.xlsx.parsers import enum_choices
from danvan.core.xlsx.result import Action
from danvan.core.xlsx.writer import build_workbook, workbook_bytes
from danvan.emulation import rules, tree
from danvan.emulation.choices import Kind
from danvan.emulation.models import CriteriaSet, Criterion

LABEL_MAX = Criterion._meta.get_field("number").max_length
_SEGMENT = re.compile(r"[0-9A-Za-zĐđ]+")


class ScoreParser(Parser):
    """A score or a maximum: 10, 8.5, "8,5"; written back as a number."""

    def parse(self, value: Any) -> Decimal:
        return rules.parse_score(value)

    def export(self, value: Any) -> Any:
        if value is None:
            return None
        number = Decimal(value)
        return int(number) if number == number.to_integral_value() else float(number)


KIND_CHOICES = enum_choices(
    Kind,
    "loại",
    aliases={
        Kind.CRITERION: ("Chấm điểm", "Điểm chuẩn"),
        Kind.BONUS: ("Thưởng", "Điểm cộng", "Cộng", "Điểm thưởng"),
        Kind.PENALTY: ("Trừ", "Điểm trừ", "Trừ điểm"),
    },
)

COLUMNS = (
    Column("STT", "position", Text(60), unique=True, aliases=("Số thứ tự", "TT", "Vị trí", "Mục"), width=9),
    Column("Mã tiêu chí", "code", Text(60), unique=True, aliases=("Mã",), width=12),
    Column("Mã cấp trên", "parent_code", Text(60), aliases=("Mã tiêu chí cấp trên", "Mã mục cấp trên"), width=12),
    Column(
        "Nội dung",
        "content",
        Text(multiline=True),
        required=True,
        aliases=("Nội dung tiêu chí", "Tiêu chí", "Nội dung chấm điểm", "Nội dung đánh giá"),
        width=70,
    ),
    Column(
        "Điểm tối đa",
        "max_score",
        ScoreParser(),
        aliases=("Điểm chuẩn", "Thang điểm", "Điểm", "Mức điểm", "Điểm tối đa, mức trừ"),
        width=11,
    ),
    Column("Hướng dẫn chấm", "guidance", Text(multiline=True), aliases=("Hướng dẫn", "Cách chấm"), width=50),
    Column(
        "Minh chứng",
        "evidence",
        Text(multiline=True),
        aliases=("Tài liệu minh chứng", "Minh chứng cần có", "Tài liệu kiểm chứng"),
        width=40,
    ),
    Column("Loại", "kind", KIND_CHOICES, aliases=("Loại điểm", "Loại tiêu chí"), width=13),
)
# An export names the place by STT only: a re-import then follows the STT the user edits.
EXPORT_COLUMNS = [c for c in COLUMNS if c.field not in ("code", "parent_code")]


def normalize_position(text: str) -> str:
    """'I.', ' 1.1. ', 'I . 2' -> 'I', '1.1', 'I.2' (the trailing dot of Vietnamese numbering dropped)."""
    return ".".join(part.strip() for part in text.strip().rstrip(".").split("."))


class CriteriaKind(ImportKind):
    name = "emulation-criteria"
    label = "tiêu chí"
    columns = COLUMNS
    sheet_title = "Tiêu chí"

    def __init__(self, criteria_set: CriteriaSet | None = None) -> None:
        super().__init__()
        self.criteria_set = criteria_set

    # --- plan ----------------------------------------------------------------------------------

    def plan(self, rows: list[Row], ctx: Context) -> None:
        if self.criteria_set is None:
            raise ImproperlyConfigured("CriteriaKind needs the set to import into")
        by_code: dict[str, Row] = {}
        by_position: dict[str, Row] = {}
        keyed: list[Row] = []
        for row in rows:
            code = row.values.get("code") or ""
            position = normalize_position(row.values.get("position") or "")
            row.extra.update(position=position, parent=None)
            if position and not all(_SEGMENT.fullmatch(p) and len(p) <= LABEL_MAX for p in position.split(".")):
                row.error("position", f"STT “{position}” không hợp lệ; ghi dạng I, I.1, I.1.a hoặc 1, 1.1, 1.1.1")
                continue
            if not code and not position:
                row.error("position", "Cần ghi STT (ví dụ I.1.a) hoặc Mã tiêu chí để biết vị trí của dòng")
                continue
            keyed.append(row)
            if code:
                by_code.setdefault(code, row)
            if position:
                by_position.setdefault(position, row)
        for row in keyed:
            row.extra["parent"] = self._parent(row, by_code, by_position)
        self._check_cycles(keyed)
        children: dict[int, list[Row]] = {}
        for row in keyed:
            if row.extra["parent"] is not None:
                children.setdefault(id(row.extra["parent"]), []).append(row)
        for row in keyed:
            row.extra["children"] = children.get(id(row), [])
        for row in self._top_down(keyed):
            self._check(row, row.extra["children"])
        for row in keyed:
            if row.ok:
                row.action = Action.CREATE

    def _parent(self, row: Row, by_code: dict[str, Row], by_position: dict[str, Row]) -> Row | None:
        reference = row.values.get("parent_code") or ""
        if reference:
            parent = by_code.get(reference) or by_position.get(normalize_position(reference))
            if parent is None:
                row.error("parent_code", f"Không có mục nào có mã hoặc STT “{reference}” trong tệp")
            return parent
        position = row.extra["position"]
        if "." not in position:
            return None
        above = position.rsplit(".", 1)[0]
        parent = by_position.get(above)
        if parent is None:
            row.error("position", f"Không có mục cấp trên “{above}” trong tệp")
        return parent

    def _check_cycles(self, rows: Sequence[Row]) -> None:
        for row in rows:
            seen = {id(row)}
            parent = row.extra["parent"]
            while parent is not None:
                if id(parent) in seen:
                    row.error("parent_code", "Mã cấp trên tạo vòng lặp (mục nằm dưới chính nó)")
                    row.extra["parent"] = None
                    break
                seen.add(id(parent))
                parent = parent.extra["parent"]

    def _top_down(self, rows: Sequence[Row]) -> list[Row]:
        def depth(row: Row) -> int:
            count, parent = 0, row.extra["parent"]
            while parent is not None:
                count, parent = count + 1, parent.extra["parent"]
            return count

        for row in rows:
            row.extra["depth"] = depth(row)
        return sorted(rows, key=lambda r: (r.extra["depth"], r.number))

    def _check(self, row: Row, children: list[Row]) -> None:
        parent = row.extra["parent"]
        parent_kind = parent.extra.get("kind") if parent is not None else None
        kind = row.values.get("kind") or parent_kind or Kind.CRITERION
        row.extra["kind"] = kind
        for field, message in rules.check_criterion(
            content=row.values.get("content") or "",
            max_score=row.values.get("max_score"),
            kind=kind,
            is_leaf=not children,
            parent_kind=parent_kind,
        ):
            if field != "content":  # a blank content is already reported by the engine
                row.error(field, message)
        given = row.values.get("max_score")
        if children and given is not None:
            total = self._sum(children)
            if total is not None and total != given:
                row.error(
                    "max_score",
                    f"Điểm tối đa của mục ({rules.format_score(given)}) khác tổng điểm tối đa các mục con "
                    f"({rules.format_score(total)}); để trống để hệ thống tự cộng",
                )

    def _sum(self, children: list[Row]) -> Decimal | None:
        """The sum of the leaves' maxima under some rows (None when one of them is missing or wrong)."""
        total = Decimal(0)
        for child in children:
            below = child.extra.get("children") or []
            value = self._sum(below) if below else child.values.get("max_score")
            if value is None or value <= 0:
                return None
            total += value
        return total

    # --- write ---------------------------------------------------------------------------------

    def write(self, rows: list[Row], ctx: Context) -> None:
        criteria_set = self.criteria_set
        Criterion.objects.filter(criteria_set=criteria_set).delete()  # logged one by one
        planned = sorted((r for r in rows if r.action is Action.CREATE), key=lambda r: (r.extra["depth"], r.number))
        created: dict[int, Criterion] = {}
        for depth in sorted({r.extra["depth"] for r in planned}):
            level = [r for r in planned if r.extra["depth"] == depth]
            objects = []
            for row in level:
                parent = row.extra["parent"]
                position = row.extra["position"]
                objects.append(
                    Criterion(
                        criteria_set=criteria_set,
                        parent=created[id(parent)] if parent is not None else None,
                        kind=row.extra["kind"],
                        number=position.rsplit(".", 1)[-1] if position else "",
                        order=row.number,
                        content=row.values["content"],
                        max_score=None if row.extra["children"] else row.values.get("max_score"),
                        guidance=row.values.get("guidance") or "",
                        evidence=row.values.get("evidence") or "",
                    )
                )
            Criterion.objects.bulk_create(objects)
            created.update(zip([id(r) for r in level], objects, strict=True))
        everything = list(created.values())
        Criterion.objects.bulk_update(tree.renumber(everything), ["number", "position", "depth", "order"])
        changelog.bulk_log((c, "create", None, changelog.snapshot(c)) for c in everything)

    # --- export --------------------------------------------------------------------------------

    def export_rows(self, criteria: Iterable[Criterion]) -> Iterable[list[Any]]:
        loaded = tree.Tree(criteria)
        for node in loaded.nodes:
            c = node.criterion
            yield [
                c.position,
                c.content,
                ScoreParser().export(node.max_score),
                c.guidance,
                c.evidence,
                Kind(c.kind).label,
            ]
        yield ["Tổng cộng", "", ScoreParser().export(loaded.total_max), "", "", ""]


def export_criteria(criteria_set: CriteriaSet) -> bytes:
    """The set's criteria under the import columns (STT, Nội dung, Điểm tối đa...), ready to re-import."""
    kind = CriteriaKind(criteria_set)
    criteria = Criterion.objects.filter(criteria_set=criteria_set)
    return workbook_bytes(build_workbook(EXPORT_COLUMNS, kind.export_rows(criteria), kind.sheet_title))
