"""Sets, their classes and their criteria tree: made and edited by the commission until locked."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from decimal import Decimal

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction

from danvan.core import changelog, scoping
from danvan.core.vn import clean_text
from danvan.emulation import rules, tree
from danvan.emulation.choices import DEFAULT_GRADES, Kind
from danvan.emulation.models import CriteriaSet, Criterion, Grade, Score, Scorecard
from danvan.emulation.services.common import (
    _check_set,
    _raise,
    _require_manage,
    _require_unlocked,
    load_tree,
    year_bounds,
)
from danvan.emulation.services.members import add_members
from danvan.org.models import Unit


@transaction.atomic
def create_set(
    user,
    *,
    name: str,
    year: int,
    unit: Unit,
    description: str = "",
    grades: Iterable[tuple[str, Decimal]] = DEFAULT_GRADES,
    copied_from: CriteriaSet | None = None,
) -> CriteriaSet:
    """A new, empty set owned by `unit` (the user must be its commission), with the default classes."""
    if not scoping.covers(user, unit.path, scoping.REVIEW):
        raise PermissionDenied(f"Bạn không có quyền lập bản điểm thi đua cho {unit.name}.")
    _raise(_check_set(name, year, unit))
    criteria_set = CriteriaSet.objects.create(
        name=clean_text(name),
        year=year,
        unit=unit,
        unit_name=unit.name,
        description=description.strip(),
        created_by=user if getattr(user, "pk", None) else None,
        copied_from=copied_from,
    )
    for grade_name, minimum in grades:
        Grade.objects.create(criteria_set=criteria_set, name=grade_name, min_score=minimum)
    return criteria_set


@transaction.atomic
def update_set(user, criteria_set: CriteriaSet, *, name: str, description: str, year: int | None = None) -> CriteriaSet:
    """Rename or re-describe a set; its year changes only while it is not locked."""
    _require_manage(user, criteria_set)
    year = criteria_set.year if year is None else year
    if year != criteria_set.year:
        _require_unlocked(criteria_set)
    _raise(_check_set(name, year, criteria_set.unit))
    criteria_set.name, criteria_set.description, criteria_set.year = clean_text(name), description.strip(), year
    criteria_set.save()
    return criteria_set


def check_grades(grades: Sequence[tuple[str, Decimal | None]]) -> list[tuple[str, str]]:
    errors: list[tuple[str, str]] = []
    seen: set[Decimal] = set()
    names: set[str] = set()
    if not grades:
        errors.append(("grades", "Cần ít nhất một mức xếp loại."))
    for name, minimum in grades:
        if not clean_text(name):
            errors.append(("grades", "Mỗi mức xếp loại cần có tên."))
        elif clean_text(name).lower() in names:
            errors.append(("grades", f"Mức xếp loại “{clean_text(name)}” bị trùng tên."))
        names.add(clean_text(name).lower())
        if minimum is None:
            errors.append(("grades", f"Mức “{name}” cần có điểm tối thiểu."))
        elif minimum < 0:
            errors.append(("grades", f"Điểm tối thiểu của mức “{name}” không được âm."))
        elif minimum in seen:
            errors.append(("grades", f"Hai mức xếp loại cùng điểm tối thiểu {rules.format_score(minimum)}."))
        else:
            seen.add(minimum)
    return errors


@transaction.atomic
def set_grades(user, criteria_set: CriteriaSet, grades: Sequence[tuple[str, Decimal]]) -> list[Grade]:
    """Replace the classes (name, from how many points) of an unlocked set."""
    _require_manage(user, criteria_set)
    _require_unlocked(criteria_set)
    _raise(check_grades(grades))
    current = {g.min_score: g for g in Grade.objects.filter(criteria_set=criteria_set)}
    wanted = {minimum: clean_text(name) for name, minimum in grades}
    for minimum, grade in current.items():
        if minimum not in wanted:
            grade.delete()
    result = []
    for minimum, name in wanted.items():
        grade = current.get(minimum) or Grade(criteria_set=criteria_set, min_score=minimum)
        grade.name = name
        grade.save()
        result.append(grade)
    return sorted(result, key=lambda g: -g.min_score)


@transaction.atomic
def copy_set(user, source: CriteriaSet, *, year: int, name: str, unit: Unit | None = None) -> CriteriaSet:
    """A new set with the source's criteria and classes (e.g. last year's, to edit for this year).

    Member units still valid in the new year are carried over; the others are left for the
    commission to choose (after the 2025 reform the districts are gone).
    """
    unit = unit or source.unit
    grades = [(g.name, g.min_score) for g in Grade.objects.filter(criteria_set=source)]
    copy = create_set(
        user, name=name, year=year, unit=unit, description=source.description, grades=grades, copied_from=source
    )
    source_tree = load_tree(source.pk)
    new_by_old: dict[int, Criterion] = {}
    for depth in sorted({node.criterion.depth for node in source_tree.nodes}):
        level = [node.criterion for node in source_tree.nodes if node.criterion.depth == depth]
        created = [
            Criterion(
                criteria_set=copy,
                parent=new_by_old.get(old.parent_id),
                kind=old.kind,
                number=old.number,
                position=old.position,
                depth=old.depth,
                order=old.order,
                content=old.content,
                max_score=old.max_score,
                guidance=old.guidance,
                evidence=old.evidence,
            )
            for old in level
        ]
        Criterion.objects.bulk_create(created)
        new_by_old.update(zip([old.pk for old in level], created, strict=True))
    changelog.bulk_log((c, "create", None, changelog.snapshot(c)) for c in new_by_old.values())
    start, end = year_bounds(year)
    still_valid = Unit.objects.filter(
        pk__in=Scorecard.objects.filter(criteria_set=source).values("unit_id")
    ).valid_during(start, end)
    add_members(user, copy, still_valid)
    return copy


# --- Criteria ------------------------------------------------------------------------------------


def _renumber(criteria_set: CriteriaSet, relabel: set[int | None]) -> None:
    criteria = list(Criterion.objects.filter(criteria_set=criteria_set))
    changed = tree.renumber(criteria, relabel)
    Criterion.objects.bulk_update(changed, ["number", "position", "depth", "order"])


def _clean_criterion_values(values: dict) -> dict:
    return {
        "content": (values.get("content") or "").strip(),
        "max_score": rules.quantize(values.get("max_score")),
        "guidance": (values.get("guidance") or "").strip(),
        "evidence": (values.get("evidence") or "").strip(),
    }


@transaction.atomic
def add_criterion(
    user, criteria_set: CriteriaSet, *, parent: Criterion | None = None, kind: str = Kind.CRITERION, **values
) -> Criterion:
    """Add a criterion at the end of `parent`'s children (or as a new part at the top level)."""
    _require_manage(user, criteria_set)
    _require_unlocked(criteria_set)
    errors = []
    if parent is not None:
        if parent.criteria_set_id != criteria_set.pk:
            raise ValidationError("Mục cấp trên không thuộc bản điểm này.")
        if Score.objects.filter(criterion=parent).exists():
            errors.append(("parent", f"Mục {parent.position} đã có đơn vị chấm điểm nên không thêm mục con được."))
        kind = parent.kind
    values = _clean_criterion_values(values)
    errors += rules.check_criterion(
        content=values["content"],
        max_score=values["max_score"],
        kind=kind,
        is_leaf=True,
        parent_kind=parent.kind if parent else None,
        require_max=False,
    )
    _raise(errors)
    criterion = Criterion(criteria_set=criteria_set, parent=parent, kind=kind, number="", order=10**9, **values)
    # Placed before it is saved, so the change log names it by its position ("I.3 ...").
    siblings = list(Criterion.objects.filter(criteria_set=criteria_set))
    changed = tree.renumber([*siblings, criterion], {parent.pk if parent else None})
    criterion.save()
    Criterion.objects.bulk_update([c for c in changed if c is not criterion], ["number", "position", "depth", "order"])
    return criterion


@transaction.atomic
def update_criterion(user, criterion: Criterion, *, kind: str | None = None, **values) -> Criterion:
    """Change a criterion's text and maximum; the kind of a top-level part (and all under it)."""
    criteria_set = criterion.criteria_set
    _require_manage(user, criteria_set)
    _require_unlocked(criteria_set)
    is_leaf = not Criterion.objects.filter(parent=criterion).exists()
    values = _clean_criterion_values(values)
    if not is_leaf:
        values["max_score"] = criterion.max_score  # a parent's maximum is the sum of its children's
    kind = kind or criterion.kind
    if criterion.parent_id is not None:
        kind = criterion.parent.kind
    errors = rules.check_criterion(
        content=values["content"],
        max_score=values["max_score"],
        kind=kind,
        is_leaf=is_leaf,
        parent_kind=None,
        require_max=False,
    )
    _raise(errors)
    for name, value in values.items():
        setattr(criterion, name, value)
    if kind != criterion.kind:
        criterion.kind = kind
        for node in load_tree(criteria_set.pk).by_id[criterion.pk].descendants():
            node.criterion.kind = kind
            node.criterion.save()
    criterion.save()
    return criterion


@transaction.atomic
def delete_criterion(user, criterion: Criterion) -> None:
    """Delete a criterion and everything under it (with any draft scores given to them)."""
    criteria_set = criterion.criteria_set
    _require_manage(user, criteria_set)
    _require_unlocked(criteria_set)
    parent_id = criterion.parent_id
    criterion.delete()
    _renumber(criteria_set, {parent_id})


@transaction.atomic
def move_criterion(user, criterion: Criterion, step: int) -> None:
    """Move a criterion up (-1) or down (+1) among its siblings; the labels follow the new order."""
    criteria_set = criterion.criteria_set
    _require_manage(user, criteria_set)
    _require_unlocked(criteria_set)
    siblings = list(Criterion.objects.filter(criteria_set=criteria_set, parent_id=criterion.parent_id))
    siblings.sort(key=lambda c: c.order)
    index = next(i for i, c in enumerate(siblings) if c.pk == criterion.pk)
    other = index + step
    if not 0 <= other < len(siblings):
        return
    siblings[index], siblings[other] = siblings[other], siblings[index]
    # Subtrees move with their root: renumber from sibling ranks by giving each a spaced order.
    criteria = list(Criterion.objects.filter(criteria_set=criteria_set))
    rank = {c.pk: i for i, c in enumerate(siblings)}
    base = min(c.order for c in siblings)
    for c in criteria:
        if c.pk in rank:
            c.order = base + rank[c.pk]
    changed = tree.renumber(criteria, {criterion.parent_id})
    Criterion.objects.bulk_update(changed, ["number", "position", "depth", "order"])


# --- Excel ---------------------------------------------------------------------------------------


MSG_SCORED = (
    "Đã có đơn vị tự chấm điểm theo bộ tiêu chí này nên không nhập thay thế được; hãy sửa trực tiếp từng tiêu chí."
)


def import_refusal(user, criteria_set: CriteriaSet) -> str | None:
    """Why the user may not replace the set's criteria (not the commission), or None."""
    try:
        _require_manage(user, criteria_set)
    except PermissionDenied as exc:
        return str(exc)
    return None


def import_blocked(user, criteria_set: CriteriaSet) -> str | None:
    """Why the set's criteria cannot be replaced now (locked, or already scored), or None."""
    try:
        _require_unlocked(criteria_set)
    except ValidationError as exc:
        return " ".join(exc.messages)
    if Score.objects.filter(scorecard__criteria_set=criteria_set).exists():
        return MSG_SCORED
    return None


def import_criteria(user, criteria_set: CriteriaSet, source, dry_run: bool = False):
    """Replace the set's criteria with those of a spreadsheet (all rows right, or nothing written)."""
    from danvan.core.xlsx import run_import
    from danvan.emulation.imports import CriteriaKind

    _require_manage(user, criteria_set)
    _require_unlocked(criteria_set)
    if Score.objects.filter(scorecard__criteria_set=criteria_set).exists():
        raise ValidationError(MSG_SCORED)
    return run_import(CriteriaKind(criteria_set), source, user=user, dry_run=dry_run)
