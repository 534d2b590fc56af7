"""The criteria tree in memory: built from one query, its maxima and a scorecard's totals computed here.

Nothing is typed but leaf maxima and leaf scores: a parent's maximum, every subtotal and the
totals are sums over the loaded tree (the ranking computes the same totals with SQL SUM).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from decimal import Decimal

from danvan.emulation import rules
from danvan.emulation.choices import Kind
from danvan.emulation.models import Criterion, Score

ZERO = Decimal("0")


@dataclass(eq=False)
class Node:
    criterion: Criterion
    parent: Node | None = None
    children: list[Node] = field(default_factory=list)
    max_score: Decimal = ZERO  # a leaf's own maximum, a parent's sum

    @property
    def pk(self) -> int:
        return self.criterion.pk

    @property
    def is_leaf(self) -> bool:
        return not self.children

    @property
    def kind(self) -> str:
        return self.criterion.kind

    def ancestors(self) -> list[Node]:
        result, node = [], self.parent
        while node is not None:
            result.append(node)
            node = node.parent
        return result

    def descendants(self) -> Iterable[Node]:
        for child in self.children:
            yield child
            yield from child.descendants()

    def leaves(self) -> Iterable[Node]:
        if self.is_leaf:
            yield self
        for child in self.children:
            yield from child.leaves()


class Tree:
    """The criteria of one set as a tree; `nodes` in display (pre-)order."""

    def __init__(self, criteria: Iterable[Criterion]) -> None:
        items = sorted(criteria, key=lambda c: (c.order, c.pk or 0))
        self.by_id: dict[int, Node] = {c.pk: Node(c) for c in items}
        self.roots: list[Node] = []
        for criterion in items:
            node = self.by_id[criterion.pk]
            parent = self.by_id.get(criterion.parent_id) if criterion.parent_id else None
            node.parent = parent
            (parent.children if parent else self.roots).append(node)
        self.nodes: list[Node] = []
        for root in self.roots:
            self._walk(root)

    def _walk(self, node: Node) -> Decimal:
        self.nodes.append(node)
        if node.is_leaf:
            node.max_score = node.criterion.max_score or ZERO
        else:
            node.max_score = sum((self._walk(child) for child in node.children), ZERO)
        return node.max_score

    def leaves(self) -> list[Node]:
        return [node for node in self.nodes if node.is_leaf]

    def max_of(self, kind: str) -> Decimal:
        return sum((node.max_score for node in self.leaves() if node.kind == kind), ZERO)

    @property
    def total_max(self) -> Decimal:
        """The sheet's maximum: the criteria's points (bonus points come on top)."""
        return self.max_of(Kind.CRITERION)

    @property
    def bonus_max(self) -> Decimal:
        return self.max_of(Kind.BONUS)

    @property
    def penalty_max(self) -> Decimal:
        return self.max_of(Kind.PENALTY)

    def __len__(self) -> int:
        return len(self.nodes)


@dataclass
class Subtotal:
    self_score: Decimal = ZERO
    result: Decimal = ZERO  # after appraisal


@dataclass
class Totals:
    """What a scorecard adds up to: per kind, overall (penalties deducted), and per tree node."""

    self_total: Decimal
    appraised_total: Decimal
    parts: dict[str, Subtotal]
    nodes: dict[int, Subtotal]
    scored: int  # criteria (not bonus/penalty items) with a self-score
    required: int  # criteria to score before submitting
    appraised: int  # leaves whose score the commission adjusted

    @property
    def difference(self) -> Decimal:
        return self.appraised_total - self.self_total

    @property
    def missing(self) -> int:
        return self.required - self.scored


def signed(kind: str, value: Decimal) -> Decimal:
    return -value if kind == Kind.PENALTY else value


def compute(tree: Tree, scores: Mapping[int, Score]) -> Totals:
    """Totals of a scorecard from its scores by criterion id (only leaves are scored)."""
    nodes: dict[int, Subtotal] = {node.pk: Subtotal() for node in tree.nodes}
    parts = {kind: Subtotal() for kind in Kind.values}
    scored = required = appraised = 0
    for leaf in tree.leaves():
        score = scores.get(leaf.pk)
        if leaf.kind == Kind.CRITERION:
            required += 1
            if score is not None and score.self_score is not None:
                scored += 1
        if score is None:
            continue
        if score.appraised_score is not None:
            appraised += 1
        own, result = score.self_score or ZERO, score.result or ZERO
        for node in [leaf, *leaf.ancestors()]:
            nodes[node.pk].self_score += own
            nodes[node.pk].result += result
        parts[leaf.kind].self_score += own
        parts[leaf.kind].result += result
    self_total = sum((signed(kind, part.self_score) for kind, part in parts.items()), ZERO)
    appraised_total = sum((signed(kind, part.result) for kind, part in parts.items()), ZERO)
    return Totals(self_total, appraised_total, parts, nodes, scored, required, appraised)


def grade_for(total: Decimal | None, grades: Iterable) -> object | None:
    """The highest grade whose threshold the total reaches (grades: objects with min_score)."""
    if total is None:
        return None
    reached = [g for g in grades if total >= g.min_score]
    return max(reached, key=lambda g: g.min_score) if reached else None


def grade_ranges(grades: Iterable) -> list[tuple[object, str]]:
    """Each grade with its range in words, highest first: "từ 90 điểm", "từ 75 đến dưới 90 điểm", "dưới 50 điểm"."""
    ordered = sorted(grades, key=lambda g: -g.min_score)
    result = []
    for index, grade in enumerate(ordered):
        above = ordered[index - 1].min_score if index else None
        low = rules.format_score(grade.min_score)
        if above is None:
            label = f"từ {low} điểm trở lên"
        elif grade.min_score <= 0:
            label = f"dưới {rules.format_score(above)} điểm"
        else:
            label = f"từ {low} đến dưới {rules.format_score(above)} điểm"
        result.append((grade, label))
    return result


# --- Renumbering ---------------------------------------------------------------------------------


def renumber(criteria: list[Criterion], relabel: set[int | None] = frozenset()) -> list[Criterion]:
    """Set order, depth and position of every node from the tree; return the nodes that changed.

    Siblings keep their relative `order` (a new node can carry a large one to go last). The labels
    of the sibling groups under the parents in `relabel` (None: the top level) are regenerated in
    the style of the group's first label (I, II... / 1, 2... / a, b...), so a deletion or a move
    closes the gap; other labels, such as those read from a file, are kept.
    """
    before = {id(c): (c.order, c.depth, c.position, c.number) for c in criteria}
    children: dict[int | None, list[Criterion]] = {}
    for criterion in sorted(criteria, key=lambda c: (c.order, c.pk or 0)):
        children.setdefault(criterion.parent_id, []).append(criterion)
    counter = 0

    def walk(parent_id: int | None, depth: int, prefix: str) -> None:
        nonlocal counter
        group = children.get(parent_id, [])
        style = rules.label_style(group[0].number) if group and group[0].number else rules.depth_style(depth)
        for index, criterion in enumerate(group, start=1):
            if parent_id in relabel or not criterion.number:
                label = rules.make_label(style, index) or rules.make_label(rules.depth_style(depth), index)
                criterion.number = label
            counter += 1
            criterion.order, criterion.depth = counter, depth
            criterion.position = f"{prefix}.{criterion.number}" if prefix else criterion.number
            if criterion.pk is not None:
                walk(criterion.pk, depth + 1, criterion.position)

    walk(None, 0, "")
    return [c for c in criteria if before[id(c)] != (c.order, c.depth, c.position, c.number)]
