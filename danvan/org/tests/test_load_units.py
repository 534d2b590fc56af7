"""`danvan load_units`: real units before and after the July 2025 reform, checked against the raw data.

Expected counts are computed here from the raw JSON files, not through danvan.org.divisions.
"""

import datetime as dt
import gzip
import importlib.util
import json
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from vietnam_provinces import NESTED_DIVISIONS_JSON_PATH

from danvan.core.models import ChangeLogEntry
from danvan.org import divisions
from danvan.org.models import LineageEvent, Unit
from danvan.org.services import successors_on

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
SHARED_MERGES = Path(__file__).resolve().parents[4] / "shared" / "data" / "province-merges-2025.csv"
TODAY = dt.date.today()
BEFORE = dt.date(2024, 1, 1)
LAST_OLD_DAY = dt.date(2025, 6, 30)


# --- Raw data, read directly ---------------------------------------------------------------------


def raw_old(name: str) -> dict:
    with gzip.open(FIXTURES / "divisions-2024.json.gz", "rt", encoding="utf-8") as file:
        return next(p for p in json.load(file) if p["name"] == name)


def raw_new(name: str) -> dict:
    data = json.loads(Path(NESTED_DIVISIONS_JSON_PATH).read_text(encoding="utf-8"))
    return next(p for p in data if p["name"] == name)


def old_size(province: dict) -> tuple[int, int]:
    """(districts, communes) of an old province."""
    return len(province["districts"]), sum(len(d["wards"]) for d in province["districts"])


def load(province: str | None = None) -> str:
    out = StringIO()
    if province is None:
        call_command("load_units", stdout=out, stderr=StringIO())
    else:
        call_command("load_units", province=province, stdout=out, stderr=StringIO())
    return out.getvalue()


def unit(code: str) -> Unit:
    return Unit.objects.get(code=code)


def below_on(code: str, day: dt.date) -> int:
    return unit(code).descendants().valid_on(day).count()


def snapshot_counts() -> tuple[int, ...]:
    return (
        Unit.objects.count(),
        LineageEvent.objects.count(),
        LineageEvent.predecessors.through.objects.count(),
        LineageEvent.successors.through.objects.count(),
        ChangeLogEntry.objects.count(),
    )


@pytest.fixture
def tay_ninh(db) -> str:
    return load("Tây Ninh")


# --- Fixture files -------------------------------------------------------------------------------


def test_fixture_holds_the_country_before_the_reform():
    path = FIXTURES / "divisions-2024.json.gz"
    assert path.stat().st_size < 500_000
    with gzip.open(path, "rt", encoding="utf-8") as file:
        data = json.load(file)
    assert len(data) == 63
    assert sum(len(p["districts"]) for p in data) == 696
    assert sum(len(d["wards"]) for p in data for d in p["districts"]) == 10051
    district_types = {d["division_type"] for p in data for d in p["districts"]}
    assert district_types == {"huyện", "quận", "thị xã", "thành phố"}


def test_build_script_reads_the_type_from_the_name(tmp_path):
    spec = importlib.util.spec_from_file_location("build", FIXTURES / "build_divisions_2024.py")
    build = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(build)
    ward = {"name": "Thị trấn Chợ Mới", "code": 1, "division_type": "xã", "codename": "x"}
    district = {"name": "Thành Phố Bắc Kạn", "code": 58, "division_type": "huyện", "wards": [ward]}
    source = tmp_path / "nested-divisions.json"
    source.write_text(
        json.dumps([{"name": "Thành phố Huế", "code": 46, "division_type": "tỉnh", "districts": [district]}])
    )
    build.main([str(source), str(tmp_path / "out.json.gz")])
    with gzip.open(tmp_path / "out.json.gz", "rt", encoding="utf-8") as file:
        [province] = json.load(file)
    assert province["division_type"] == "thành phố trung ương"
    assert province["districts"][0]["division_type"] == "thành phố"
    assert province["districts"][0]["wards"] == [{"name": "Thị trấn Chợ Mới", "code": 1, "division_type": "thị trấn"}]


def test_merge_table_is_a_copy_of_the_shared_one():
    if not SHARED_MERGES.exists():
        pytest.skip("không có ../shared")
    assert (FIXTURES / "province-merges-2025.csv").read_bytes() == SHARED_MERGES.read_bytes()


def test_every_new_province_continues_an_old_one_of_the_same_name():
    families = divisions.families()
    assert len(families) == 34
    assert sum(len(f.olds) for f in families) == 63
    assert [f.new["name"] for f in families if f.note] == []


@pytest.mark.parametrize("query", ["Tây Ninh", "tay ninh", "Tỉnh Long An", "LONG AN", "80", "T80", "t 80", "TC80"])
def test_province_is_found_by_name_or_code(query):
    [family] = divisions.find_families(query)
    assert family.code == "T80"


def test_hoa_binh_is_found_whatever_the_tone_placement():
    for query in ["Hoà Bình", "Hòa Bình", "hoa binh", "Tỉnh Hoà Bình"]:
        assert [f.code for f in divisions.find_families(query)] == ["T25"]


# --- One province --------------------------------------------------------------------------------


def test_one_province_brings_its_old_provinces_districts_and_communes(tay_ninh):
    old_tay_ninh, long_an = raw_old("Tỉnh Tây Ninh"), raw_old("Tỉnh Long An")
    new_tay_ninh = raw_new("Tây Ninh")
    assert below_on("T80", BEFORE) == sum(old_size(old_tay_ninh))
    assert below_on("TC80", BEFORE) == sum(old_size(long_an))
    assert below_on("T80", TODAY) == len(new_tay_ninh["wards"])
    assert below_on("TC80", TODAY) == 0
    assert f"Đã nạp 1 tỉnh hiện nay ({len(new_tay_ninh['wards'])} xã, phường), 2 tỉnh trước sáp nhập" in tay_ninh


def test_units_are_named_as_party_committees(tay_ninh):
    assert (unit("T80").name, unit("T80").short_name, unit("T80").kind.code) == (
        "Tỉnh ủy Tây Ninh",
        "Tây Ninh",
        "tinh-uy",
    )
    assert unit("TC80").name == "Tỉnh ủy Long An"
    huyen = Unit.objects.filter(code__startswith="HC", parent=unit("T80"))
    assert {u.kind.code for u in huyen} == {"huyen-uy"}
    assert {u.bloc.code for u in huyen} == {"dang"}
    assert set(huyen.values_list("name", flat=True)) >= {
        "Huyện ủy Bến Cầu",
        "Thành ủy Tây Ninh",
        "Thị ủy Hòa Thành",
    }
    assert Unit.objects.filter(name="Đảng ủy xã Long Thuận", code__startswith="XC").exists()
    assert {u.kind.code for u in unit("T80").children.filter(code__startswith="X")} == {"dang-uy-xa"}


def test_province_merge_is_recorded_with_both_predecessors(tay_ninh):
    event = LineageEvent.objects.get(kind="merge", successors=unit("T80"))
    assert event.date == dt.date(2025, 7, 1)
    assert "202/2025/QH15" in event.legal_basis
    assert {u.code for u in event.predecessors.all()} == {"T80", "TC80"}
    assert [u.code for u in event.successors.all()] == ["T80"]
    assert unit("TC80").valid_until == LAST_OLD_DAY
    assert unit("T80").valid_until is None


def test_every_old_district_ends_into_todays_province(tay_ninh):
    districts = Unit.objects.filter(code__startswith="HC")
    assert districts.count() == old_size(raw_old("Tỉnh Tây Ninh"))[0] + old_size(raw_old("Tỉnh Long An"))[0]
    ends = LineageEvent.objects.filter(kind="end")
    assert ends.count() == districts.count()
    assert {u.code for e in ends for u in e.successors.all()} == {"T80"}
    assert all(d.valid_until == LAST_OLD_DAY for d in districts)


def test_an_old_long_an_commune_maps_to_the_new_tay_ninh(tay_ninh):
    commune = Unit.objects.filter(code__startswith="XC", parent__parent=unit("TC80")).first()
    assert commune.valid_until == LAST_OLD_DAY
    assert successors_on(commune, TODAY) == [unit("T80")]
    assert successors_on(commune, BEFORE) == [commune]


def test_tree_as_at_shows_districts_then_communes(tay_ninh):
    in_2019 = Unit.objects.valid_on(dt.date(2019, 1, 1)).filter(parent=unit("T80"))
    assert {u.kind.code for u in in_2019} == {"huyen-uy"}
    assert in_2019.count() == len(raw_old("Tỉnh Tây Ninh")["districts"])
    today = Unit.objects.valid_on(TODAY).filter(parent=unit("T80"))
    assert {u.kind.code for u in today} == {"dang-uy-xa"}
    assert today.count() == len(raw_new("Tây Ninh")["wards"])


def test_hoa_binh_loads_phu_tho_and_its_family(db):
    load("hoa binh")
    event = LineageEvent.objects.get(kind="merge", successors=unit("T25"))
    assert {u.name for u in event.predecessors.all()} == {
        "Tỉnh ủy Phú Thọ",
        "Tỉnh ủy Vĩnh Phúc",
        "Tỉnh ủy Hoà Bình",
    }
    assert below_on("TC17", BEFORE) == sum(old_size(raw_old("Tỉnh Hoà Bình")))
    assert below_on("T25", TODAY) == len(raw_new("Phú Thọ")["wards"])
    assert not Unit.objects.filter(code="T80").exists()


def test_running_twice_adds_and_changes_nothing(tay_ninh):
    before = snapshot_counts()
    fields = list(Unit.objects.order_by("code").values_list())
    output = load("Long An")
    assert snapshot_counts() == before
    assert list(Unit.objects.order_by("code").values_list()) == fields
    assert "tạo mới 0 đơn vị, cập nhật 0" in output
    assert "ghi 0 sự kiện" in output


def test_rerun_repairs_units_and_links_that_differ(tay_ninh):
    district = Unit.objects.filter(code__startswith="HC", parent=unit("T80")).first()
    commune = district.children.first()
    Unit.objects.filter(code="TC80").update(name="Sai tên", valid_until=None)
    district.parent = unit("TC80")
    district.save()
    merge = LineageEvent.objects.get(kind="merge")
    merge.predecessors.remove(unit("TC80"))
    output = load("Tây Ninh")
    assert "cập nhật 2," in output
    assert (unit("TC80").name, unit("TC80").valid_until) == ("Tỉnh ủy Long An", LAST_OLD_DAY)
    district.refresh_from_db()
    commune.refresh_from_db()
    assert district.parent == unit("T80")
    assert commune.path.startswith(unit("T80").path)
    assert {u.code for u in merge.predecessors.all()} == {"T80", "TC80"}
    assert LineageEvent.objects.filter(kind="merge").count() == 1


def test_loading_a_neighbour_leaves_the_first_province_alone(tay_ninh):
    before = Unit.objects.subtree(unit("T80")).count()
    load("Đồng Tháp")
    assert Unit.objects.subtree(unit("T80")).count() == before
    assert LineageEvent.objects.filter(kind="merge").count() == 2


def test_unknown_province_is_an_error_with_suggestions(db):
    with pytest.raises(CommandError, match=r"Không tìm thấy tỉnh, thành phố “Tay Nin”.*Tây Ninh"):
        load("Tay Nin")
    with pytest.raises(CommandError, match="Không tìm thấy"):
        load("99")
    assert Unit.objects.count() == 0


# --- All of Viet Nam: one test, since the load takes seconds -------------------------------------


@pytest.mark.django_db
def test_all_provinces_after_one():
    load("Tây Ninh")
    output = load()
    tinh = Unit.objects.filter(kind__code="tinh-uy")
    assert tinh.valid_on(TODAY).count() == 34
    assert tinh.valid_on(LAST_OLD_DAY).count() == 63
    assert tinh.count() == 63
    assert Unit.objects.filter(kind__code="huyen-uy").count() == 696
    assert Unit.objects.filter(kind__code="huyen-uy").valid_on(TODAY).count() == 0
    communes = Unit.objects.filter(kind__code="dang-uy-xa")
    assert communes.valid_on(LAST_OLD_DAY).count() == 10051
    assert communes.valid_on(TODAY).count() == 3321
    assert Unit.objects.count() == 63 + 696 + 10051 + 3321
    assert LineageEvent.objects.filter(kind="merge").count() == 23
    assert LineageEvent.objects.filter(kind="end").count() == 696
    assert "Đã nạp 34 tỉnh hiện nay (3.321 xã, phường), 63 tỉnh trước sáp nhập, 696 huyện, 10.051 xã" in output
    # Paths are consistent, so subtree filters see the whole country.
    assert sum(Unit.objects.subtree(p).count() for p in tinh) == Unit.objects.count()
