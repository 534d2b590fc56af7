import datetime as dt

import pytest

from danvan.core.testing.factories import make_unit
from danvan.org import services
from danvan.org.models import Unit

pytestmark = pytest.mark.django_db


def codes(qs):
    return sorted(u.code for u in qs)


def test_subtree_is_the_unit_and_everything_below(cast):
    assert codes(Unit.objects.subtree(cast.d1)) == ["C1", "C2", "D1"]
    assert codes(cast.province.descendants()) == ["C1", "C2", "C3", "D1", "D2"]


def test_subtree_does_not_catch_a_sibling_whose_id_shares_a_prefix(cast):
    # Ids 1 and 10 must not be confused: segments are fixed-width digits.
    units = [make_unit(f"Đơn vị {i}", "co-quan", cast.province) for i in range(12)]
    first = units[0]
    assert codes(Unit.objects.subtree(first)) == [first.code]


def test_reparenting_moves_the_whole_subtree(cast):
    cast.d1.parent = cast.d2
    cast.d1.save()
    cast.c1.refresh_from_db()
    assert cast.c1.path.startswith(cast.d2.path)
    assert cast.c1.depth == 3
    assert codes(Unit.objects.subtree(cast.d2)) == ["C1", "C2", "C3", "D1", "D2"]
    assert [a.code for a in cast.c1.ancestors()] == ["P", "D2", "D1"]


def test_a_unit_cannot_be_placed_under_its_own_descendant(cast):
    cast.d1.parent = cast.c1
    with pytest.raises(ValueError, match="cấp dưới"):
        cast.d1.save()
    cast.d1.refresh_from_db()
    assert cast.d1.parent_id == cast.province.pk


def test_tree_as_at_a_date_lists_units_valid_that_day(cast):
    new_commune = make_unit("Đảng ủy xã Mới", "dang-uy-xa", cast.province, code="XN", valid_from=dt.date(2025, 7, 1))
    admin = cast.admin
    assert codes(services.tree_children(admin, cast.province, dt.date(2019, 1, 1))) == ["D1", "D2"]
    assert codes(services.tree_children(admin, cast.province, dt.date(2026, 1, 1))) == [new_commune.code]


def test_tree_roots_are_the_users_own_units(cast):
    day = dt.date(2020, 1, 1)
    assert codes(services.tree_roots(cast.c1_officer, day)) == ["C1"]
    assert codes(services.tree_roots(cast.d1_officer, day)) == ["D1"]
    assert codes(services.tree_roots(cast.admin, day)) == ["P"]
    assert codes(services.tree_roots(cast.outsider, day)) == []


def test_tree_nodes_know_whether_they_have_children_on_that_day(cast):
    roots = {u.code: u for u in services.tree_children(cast.admin, cast.province, dt.date(2020, 1, 1))}
    assert roots["D1"].has_children


def test_merge_ends_predecessors_and_records_lineage(cast):
    merged = make_unit("Đảng ủy xã Hợp Nhất", "dang-uy-xa", cast.province, code="XH", valid_from=dt.date(2025, 7, 1))
    event = services.record_lineage(
        "merge", dt.date(2025, 7, 1), [cast.c1, cast.c2], [merged], legal_basis="Nghị quyết 1656/NQ-UBTVQH15"
    )
    cast.c1.refresh_from_db()
    assert cast.c1.valid_until == dt.date(2025, 6, 30)
    assert list(event.predecessors.order_by("code").values_list("code", flat=True)) == ["C1", "C2"]
    assert services.successors_on(cast.c1, dt.date(2026, 1, 1)) == [merged]
    # Before the merge the commune is still itself.
    assert services.successors_on(cast.c1, dt.date(2019, 1, 1)) == [cast.c1]


def test_a_split_maps_to_every_successor(cast):
    a = make_unit("Đảng ủy xã A", code="XA", parent=cast.province, valid_from=dt.date(2025, 7, 1))
    b = make_unit("Đảng ủy xã B", code="XB", parent=cast.province, valid_from=dt.date(2025, 7, 1))
    services.record_lineage("split", dt.date(2025, 7, 1), [cast.c3], [a, b])
    assert [u.code for u in services.successors_on(cast.c3, dt.date(2026, 1, 1))] == ["XA", "XB"]


def test_an_ended_unit_without_successor_maps_through_its_parent(cast):
    services.record_lineage("end", dt.date(2025, 7, 1), [cast.d1], [cast.province])
    cast.c1.valid_until = dt.date(2025, 6, 30)
    cast.c1.save()
    assert services.successors_on(cast.c1, dt.date(2026, 1, 1)) == [cast.province]


def test_chained_lineage_is_followed_to_the_end(cast):
    x = make_unit("X", code="X1", parent=cast.province, valid_from=dt.date(2020, 1, 1))
    y = make_unit("Y", code="Y1", parent=cast.province, valid_from=dt.date(2023, 1, 1))
    services.record_lineage("merge", dt.date(2020, 1, 1), [cast.c1], [x])
    services.record_lineage("merge", dt.date(2023, 1, 1), [x], [y])
    assert services.successors_on(cast.c1, dt.date(2024, 1, 1)) == [y]
    assert services.successors_on(cast.c1, dt.date(2021, 1, 1)) == [x]


def test_search_text_ignores_diacritics(cast):
    assert Unit.objects.filter(search_text__contains="long thuan").get() == cast.c1
    assert Unit.objects.filter(search_text__contains="huyen uy ben cau").get() == cast.d1


def test_officers_of_a_merged_unit_see_the_history_of_its_predecessors(cast):
    from danvan.core import scoping

    new = make_unit("Đảng ủy xã Hợp Nhất", "dang-uy-xa", cast.province, code="XH", valid_from=dt.date(2025, 7, 1))
    services.record_lineage("merge", dt.date(2025, 7, 1), [cast.c1, cast.c3], [new])
    officer = __import__("danvan.core.testing.factories", fromlist=["make_user"]).make_user("xh", new, "editor")
    visible = codes(Unit.objects.restrict(officer))
    assert visible == ["C1", "C3", "XH"]
    assert "C2" not in visible
    # Ending a district does not hand its people the province.
    services.record_lineage("end", dt.date(2025, 7, 1), [cast.d2], [cast.province])
    scoping.clear_scope_cache(cast.d2_officer)
    assert codes(Unit.objects.restrict(cast.d2_officer)) == ["C3", "D2"]


def test_each_action_covers_its_own_units_with_their_whole_chain_of_mergers(cast, django_assert_num_queries):
    """Viewer of a commune that merged twice, editor of another: viewing reaches every generation of the
    first, changing only the second; all actions come from one reading of the assignments and their history."""
    from danvan.core import scoping
    from danvan.core.testing.factories import make_user
    from danvan.org.models import RoleAssignment

    first = make_unit("Đảng ủy xã Hợp Một", "dang-uy-xa", cast.province, code="X1", valid_from=dt.date(2020, 1, 1))
    services.record_lineage("merge", dt.date(2020, 1, 1), [cast.c1, cast.c2], [first])
    second = make_unit("Đảng ủy xã Hợp Hai", "dang-uy-xa", cast.province, code="X2", valid_from=dt.date(2025, 7, 1))
    services.record_lineage("merge", dt.date(2025, 7, 1), [first], [second])
    user = make_user("hai_vai", second, "viewer")
    RoleAssignment.objects.create(user=user, unit=cast.c3, role="editor")
    user = type(user).objects.get(pk=user.pk)
    path_codes = dict(Unit.objects.values_list("path", "code"))
    with django_assert_num_queries(4):  # the assignments, two generations of mergers, one finding no more
        view = sorted(path_codes[p] for p in scoping.scope_paths(user, scoping.VIEW))
        change = sorted(path_codes[p] for p in scoping.scope_paths(user, scoping.CHANGE))
        review = scoping.scope_paths(user, scoping.REVIEW)
    assert view == ["C1", "C2", "C3", "X1", "X2"]
    assert change == ["C3"]
    assert review == []


def test_the_place_a_party_committee_leads():
    from danvan.org.divisions import place_name

    assert place_name("Đảng ủy phường 1") == "Phường 1"
    assert place_name("Đảng ủy xã Long Thuận") == "xã Long Thuận"
    assert place_name("Thị ủy Trảng Bàng") == "thị xã Trảng Bàng"
    assert place_name("Huyện ủy Bến Cầu") == "huyện Bến Cầu"
    assert place_name("Ban Dân vận Tỉnh ủy") == "Ban Dân vận Tỉnh ủy"


def test_many_units_are_mapped_to_a_day_as_one_by_one_in_a_few_queries(cast, django_assert_max_num_queries):
    """map_to_day (reports) agrees with successors_on (one unit's page): merge, split, an end through the
    parent, a chain of two merges; its queries grow with the chain, not with the number of units."""
    day, reform = dt.date(2026, 1, 1), dt.date(2025, 7, 1)
    merged = make_unit("Đảng ủy xã Hợp Nhất", code="XH", parent=cast.province, valid_from=reform)
    services.record_lineage("merge", reform, [cast.c1], [merged])
    a = make_unit("Đảng ủy xã A", code="XA", parent=cast.province, valid_from=reform)
    b = make_unit("Đảng ủy xã B", code="XB", parent=cast.province, valid_from=reform)
    services.record_lineage("split", reform, [cast.c3], [b, a])
    services.record_lineage("end", reform, [cast.d1], [cast.province])
    cast.c2.valid_until = dt.date(2025, 6, 30)
    cast.c2.save()
    x = make_unit("X", code="X1", parent=cast.d2, valid_from=dt.date(2020, 1, 1), valid_until=dt.date(2022, 12, 31))
    y = make_unit("Y", code="Y1", parent=cast.province, valid_from=dt.date(2023, 1, 1))
    old = make_unit("Đảng ủy xã Cũ", code="OLD", parent=cast.d2, valid_until=dt.date(2019, 12, 31))
    services.record_lineage("merge", dt.date(2020, 1, 1), [old], [x])
    services.record_lineage("merge", dt.date(2023, 1, 1), [x], [y])
    units = list(Unit.objects.all())
    with django_assert_max_num_queries(10):
        mapped = services.map_to_day(units, day)
    expected = {"C1": "XH", "C3": "XA", "C2": "P", "D1": "P", "OLD": "Y1", "X1": "Y1", "XH": "XH", "P": "P"}
    assert {u.code: mapped[u.pk].code for u in units if u.code in expected} == expected
    for unit in units:
        assert mapped[unit.pk] == services.successors_on(unit, day)[0], unit.code
    # Alone, the first unit of the chain is followed through X, which nobody asked about.
    assert services.map_to_day([Unit.objects.get(code="OLD")], day)[old.pk] == y
