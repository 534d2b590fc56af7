"""Scores typed the Vietnamese way, their limits, labels of the tree, totals from a loaded tree."""

from decimal import Decimal as D
from types import SimpleNamespace

import pytest

from danvan.emulation import rules, tree
from danvan.emulation.choices import Kind
from danvan.emulation.models import Criterion, Score


@pytest.mark.parametrize(
    ("typed", "expected"),
    [("8", D("8")), ("8,5", D("8.5")), ("8.5", D("8.5")), (" 8,50 ", D("8.5")), ("+7", D("7")), ("−2", D("-2")),
     ("10", D("10")), (8.25, D("8.25")), (7, D("7")), (D("9.5"), D("9.5")), ("0,25", D("0.25"))],
)  # fmt: skip
def test_scores_are_read_as_typed_in_vietnamese(typed, expected):
    assert rules.parse_score(typed) == expected


@pytest.mark.parametrize(
    ("typed", "message"),
    [("abc", "“abc” không phải là số"), ("8,5 điểm", "không phải là số"), ("8,555", "tối đa 2 chữ số thập phân"),
     ("1,2,3", "không phải là số"), ("", "không phải là số"), (True, "không phải là số"),
     ("123456", "Điểm quá lớn")],
)  # fmt: skip
def test_what_is_not_a_score_is_refused_in_vietnamese(typed, message):
    with pytest.raises(ValueError, match=message):
        rules.parse_score(typed)


@pytest.mark.parametrize(
    ("value", "text"),
    [(D("8.50"), "8,5"), (D("10.00"), "10"), (D("8.25"), "8,25"), (D("0"), "0"), (D("-5"), "−5"), (D("1250"), "1.250"),
     (None, "")],
)  # fmt: skip
def test_scores_are_shown_without_trailing_zeros(value, text):
    assert rules.format_score(value) == text


def test_a_difference_shows_its_sign():
    assert rules.format_score(D("2.5"), signed=True) == "+2,5"
    assert rules.format_score(D("-1"), signed=True) == "−1"
    assert rules.format_score(D("0"), signed=True) == "0"


def test_a_score_stays_between_zero_and_the_maximum():
    assert rules.check_score(D("10"), D("10"), Kind.CRITERION) == []
    assert rules.check_score(D("0"), D("10"), Kind.CRITERION) == []
    assert rules.check_score(None, D("10"), Kind.CRITERION) == []
    assert rules.check_score(D("10.5"), D("10"), Kind.CRITERION) == [
        ("score", "Điểm không được vượt quá điểm tối đa (10).")
    ]
    assert rules.check_score(D("-1"), D("10"), Kind.CRITERION) == [("score", "Điểm không được âm.")]
    assert rules.check_score(D("12"), D("10"), Kind.PENALTY) == [
        ("score", "Điểm trừ không được vượt quá mức trừ tối đa (10).")
    ]


def test_a_leaf_needs_a_positive_maximum_and_children_share_the_parents_kind():
    errors = rules.check_criterion(
        content="", max_score=D("0"), kind=Kind.BONUS, is_leaf=True, parent_kind=Kind.CRITERION
    )
    fields = [field for field, _ in errors]
    assert fields == ["content", "max_score", "kind"]
    assert rules.check_criterion(content="A", max_score=None, kind="criterion", is_leaf=True, parent_kind=None) == [
        ("max_score", rules.MSG_NO_MAX)
    ]
    assert (
        rules.check_criterion(
            content="A", max_score=None, kind="criterion", is_leaf=True, parent_kind=None, require_max=False
        )
        == []
    )
    assert rules.check_criterion(content="A", max_score=None, kind="criterion", is_leaf=False, parent_kind=None) == []


def test_labels_follow_the_style_of_their_level():
    assert [rules.roman(n) for n in (1, 4, 9, 14, 40)] == ["I", "IV", "IX", "XIV", "XL"]
    assert [rules.label_style(x) for x in ("IV", "3", "b", "B", "1a")] == [
        "roman",
        "arabic",
        "lower",
        "upper",
        "custom",
    ]
    assert rules.make_label("lower", 27) == "aa"
    assert rules.make_label("custom", 2) is None


def node(pk, parent=None, order=0, kind=Kind.CRITERION, max_score=None, number=""):
    return Criterion(pk=pk, parent_id=parent, order=order, kind=kind, max_score=max_score, number=number, content="x")


def small_tree():
    return [
        node(1, order=1, number="I"),
        node(2, 1, order=2, max_score=D("10"), number="1"),
        node(3, 1, order=3, max_score=D("20"), number="2"),
        node(4, order=4, kind=Kind.BONUS, number="II"),
        node(5, 4, order=5, kind=Kind.BONUS, max_score=D("10"), number="1"),
        node(6, order=6, kind=Kind.PENALTY, number="III"),
        node(7, 6, order=7, kind=Kind.PENALTY, max_score=D("5"), number="1"),
    ]


def test_maxima_and_totals_are_computed_from_the_tree():
    loaded = tree.Tree(small_tree())
    assert [n.pk for n in loaded.nodes] == [1, 2, 3, 4, 5, 6, 7]
    assert loaded.by_id[1].max_score == D("30")
    assert (loaded.total_max, loaded.bonus_max, loaded.penalty_max) == (D("30"), D("10"), D("5"))
    scores = {
        2: Score(criterion_id=2, self_score=D("8.5"), appraised_score=D("7")),
        3: Score(criterion_id=3, self_score=D("20")),
        5: Score(criterion_id=5, self_score=D("10"), appraised_score=D("0")),
        7: Score(criterion_id=7, self_score=D("2")),
    }
    totals = tree.compute(loaded, scores)
    assert totals.self_total == D("8.5") + 20 + 10 - 2
    assert totals.appraised_total == D("7") + 20 + 0 - 2
    assert totals.nodes[1].self_score == D("28.5") and totals.nodes[1].result == D("27")
    assert (totals.scored, totals.required, totals.appraised) == (2, 2, 2)
    assert totals.difference == D("-11.5")


def test_the_highest_threshold_reached_gives_the_class():
    grades = [SimpleNamespace(name=n, min_score=D(m)) for n, m in [("A", 90), ("B", 75), ("C", 50), ("D", 0)]]
    assert [tree.grade_for(D(t), grades).name for t in ("90", "89.99", "75", "50", "49.5", "0")] == list("ABBCDD")
    assert tree.grade_for(D("-3"), grades) is None
    assert [label for _, label in tree.grade_ranges(grades)] == [
        "từ 90 điểm trở lên",
        "từ 75 đến dưới 90 điểm",
        "từ 50 đến dưới 75 điểm",
        "dưới 50 điểm",
    ]


def test_renumbering_closes_gaps_and_keeps_imported_labels():
    criteria = small_tree()
    del criteria[1]  # "I.1" deleted: "I.2" becomes "I.1"
    changed = tree.renumber(criteria, relabel={1})
    positions = {c.pk: c.position for c in criteria}
    assert positions == {1: "I", 3: "I.1", 4: "II", 5: "II.1", 6: "III", 7: "III.1"}
    assert criteria[1] in changed
    kept = [node(1, order=1, number="A"), node(2, 1, order=2, number="1a")]
    tree.renumber(kept)
    assert [c.position for c in kept] == ["A", "A.1a"]
