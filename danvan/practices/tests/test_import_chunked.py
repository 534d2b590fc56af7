"""A big practices file is checked and written a chunk at a time (issue 16: 200,000 rows under 500 MB).

The chunks are made tiny here (2 rows, 1 row kept whole) so that small files cross several of them;
every result must be the one the whole-file path gives.
"""

import io

import pytest
from django.db import IntegrityError

from danvan.core.models import ChangeLogEntry
from danvan.core.xlsx import engine, run_import
from danvan.practices.imports import PracticesKind
from danvan.practices.models import Practice
from danvan.practices.tests.test_import import messages, row, state, write_xlsx

pytestmark = pytest.mark.django_db


@pytest.fixture
def chunked(monkeypatch):
    monkeypatch.setattr(PracticesKind, "chunk_rows", 2)
    monkeypatch.setattr(engine, "KEEP_ROWS", 1)


def whole(path, **kwargs):
    """The result of the whole-file path, for comparison (nothing written)."""
    original = PracticesKind.chunk_rows
    PracticesKind.chunk_rows = None
    try:
        return run_import("practices", path, dry_run=True, **kwargs)
    finally:
        PracticesKind.chunk_rows = original


def seven_rows() -> list[list]:
    return [
        row(stt=n, name=f"Mô hình số {n}", year=2019 if n < 5 else 2020, unit="C1" if n % 2 else "C2")
        for n in range(1, 8)
    ]


def test_a_file_of_several_chunks_is_checked_then_written(cast, tmp_path, chunked):
    path = write_xlsx(tmp_path / "ds.xlsx", seven_rows())
    checked = run_import("practices", path, user=cast.admin, dry_run=True)
    assert messages(checked) == [] and checked.created == 7 and not checked.written
    # Only the first rows are kept whole (the preview); the count is of the whole file.
    assert len(checked.rows) == 1 and checked.row_count == 7
    assert Practice.objects.count() == 0
    logged = ChangeLogEntry.objects.count()

    result = run_import("practices", path, user=cast.admin)
    assert messages(result) == [] and result.written and result.created == 7
    assert Practice.objects.count() == 7 and ChangeLogEntry.objects.count() == logged + 7
    assert sorted(Practice.objects.filter(year=2019).values_list("code", flat=True)) == [
        f"DVK-2019-{n:06d}" for n in range(1, 5)
    ]
    assert result.rows[0].target.pk is not None  # the kept row holds its written record
    again = run_import("practices", path, user=cast.admin)
    assert (again.created, again.updated, again.unchanged) == (0, 0, 7)


def test_errors_in_every_chunk_are_all_reported_and_nothing_is_written(cast, tmp_path, chunked):
    rows = seven_rows()
    rows[0] = row(stt=1, name="Mô hình số 1", unit="KHÔNG CÓ")
    rows[3] = row(stt=4, name="Mô hình số 4", year="năm ngoái")
    rows[6] = row(stt=7, name=None)
    path = write_xlsx(tmp_path / "ds.xlsx", rows)
    before = state()
    result = run_import("practices", path, user=cast.admin)
    expected = messages(whole(path, user=cast.admin))
    assert len(expected) == 3 and messages(result) == expected
    assert not result.written and state() == before


def test_the_same_practice_twice_in_different_chunks_is_found(cast, tmp_path, chunked):
    rows = seven_rows()
    rows[5] = row(stt=6, name="Mô hình số 1", year=2019, unit="C1")  # row 1 again, three chunks later
    path = write_xlsx(tmp_path / "ds.xlsx", rows)
    result = run_import("practices", path)
    assert messages(result) == messages(whole(path))
    assert messages(result) == [
        "Dòng 12, cột 'Tên mô hình': Trùng với dòng 7 (cùng đơn vị, năm, tên mô hình và họ tên)."
    ]
    assert Practice.objects.count() == 0


def test_a_code_repeated_in_a_later_chunk_is_found(cast, tmp_path, chunked):
    rows = seven_rows()
    rows[0] = row(stt=1, name="Mô hình số 1", code="DVK-2019-000050")
    rows[6] = row(stt=7, name="Mô hình số 7", code="DVK-2019-000050")
    path = write_xlsx(tmp_path / "ds.xlsx", rows)
    result = run_import("practices", path)
    assert (
        messages(result)
        == messages(whole(path))
        == ["Dòng 13, cột 'Mã mô hình': 'DVK-2019-000050' bị trùng với dòng 7"]
    )


def test_a_never_issued_code_in_a_later_chunk_is_kept_and_new_codes_follow_it(cast, tmp_path, chunked):
    """The first chunks' generated codes must not take the code a later chunk brings."""
    rows = seven_rows()
    rows[6] = row(stt=7, name="Mô hình cũ", code="DVK-2019-000002", year=2019)
    result = run_import("practices", write_xlsx(tmp_path / "ds.xlsx", rows))
    assert messages(result) == [] and result.written
    assert sorted(Practice.objects.filter(year=2019).values_list("code", flat=True)) == [
        "DVK-2019-000002",
        "DVK-2019-000003",
        "DVK-2019-000004",
        "DVK-2019-000005",
        "DVK-2019-000006",
    ]


def test_a_failure_while_writing_a_later_chunk_rolls_back_the_earlier_ones(cast, tmp_path, chunked, monkeypatch):
    path = write_xlsx(tmp_path / "ds.xlsx", seven_rows())
    before = state()
    original, calls = PracticesKind.write, []

    def write(self, rows, ctx):
        calls.append([row.number for row in rows])
        if rows[0].number == 11:  # the third chunk (data from row 7), whenever it is written
            raise IntegrityError("someone took a code meanwhile")
        original(self, rows, ctx)

    monkeypatch.setattr(PracticesKind, "write", write)
    result = run_import("practices", path)
    # The one-pass write stops at the third chunk and leaves nothing; the two passes then check the
    # whole file, and their write stops there too.
    assert calls == [[7, 8], [9, 10], [11, 12]] * 2 and not result.written
    assert messages(result) == [engine.MSG_CONFLICT]
    assert state() == before


def test_a_clean_file_is_read_checked_and_written_in_one_pass(cast, tmp_path, chunked, monkeypatch):
    planned = []
    original = PracticesKind.plan
    monkeypatch.setattr(
        PracticesKind, "plan", lambda self, rows, ctx: [planned.append(len(rows)), original(self, rows, ctx)]
    )
    result = run_import("practices", write_xlsx(tmp_path / "ds.xlsx", seven_rows()), user=cast.admin)
    assert messages(result) == [] and result.written and result.created == Practice.objects.count() == 7
    assert planned == [2, 2, 2, 1]  # each chunk planned once: no separate check pass


def test_a_row_in_error_sends_the_import_back_to_two_passes_that_report_every_error(
    cast, tmp_path, chunked, monkeypatch
):
    rows = seven_rows()
    rows[2] = row(stt=3, name="Mô hình số 3", unit="KHÔNG CÓ")
    rows[6] = row(stt=7, name=None)
    path = write_xlsx(tmp_path / "ds.xlsx", rows)
    planned = []
    original = PracticesKind.plan
    monkeypatch.setattr(
        PracticesKind, "plan", lambda self, rows, ctx: [planned.append(len(rows)), original(self, rows, ctx)]
    )
    before = state()
    result = run_import("practices", path, user=cast.admin)
    assert planned == [2, 2, 2, 2, 2, 1]  # one pass up to the 2nd chunk (in error), then the check pass
    assert messages(result) == messages(whole(path, user=cast.admin)) and len(messages(result)) == 2
    assert not result.written and state() == before


def test_a_unit_the_file_names_is_looked_up_once_for_all_chunks(cast, tmp_path, chunked, monkeypatch):
    from danvan.org.resolver import UnitResolver

    fetched = []
    original = UnitResolver._fetch

    def fetch(self, texts):
        fetched.append(list(texts))
        return original(self, texts)

    monkeypatch.setattr(UnitResolver, "_fetch", fetch)
    rows = [row(stt=n, name=f"Mô hình số {n}", year=2019, unit="Đảng ủy xã Long Thuận") for n in range(1, 6)]
    rows += [row(stt=6, name="Mô hình số 6", year=2020, unit="C2"), row(stt=7, name="Mô hình số 7", unit="Không có")]
    path = write_xlsx(tmp_path / "ds.xlsx", rows)
    result = run_import("practices", path, dry_run=True)
    assert (
        messages(result)
        == messages(whole(path))
        == ["Dòng 13, cột 'Đơn vị': Không tìm thấy đơn vị có mã hoặc tên 'Không có'."]
    )
    # The chunks of rows 9-10 and 11 (the same name) ask nothing; C2 and the unknown name once each.
    assert fetched[:3] == [["Đảng ủy xã Long Thuận"], ["C2"], ["Không có"]]


def test_past_a_limit_errors_are_counted_not_kept(cast, tmp_path, chunked, monkeypatch):
    from django.core.management import call_command
    from django.core.management.base import CommandError

    from danvan.core.xlsx.result import ImportResult

    monkeypatch.setattr(ImportResult, "ERRORS_KEPT", 2)
    rows = [row(stt=n, name=f"Mô hình số {n}", unit="KHÔNG CÓ") for n in range(1, 8)]
    path = write_xlsx(tmp_path / "ds.xlsx", rows)
    result = run_import("practices", path)
    assert not result.ok and result.error_count == 7
    assert [error.row for error in result.errors] == [7, 8, 9]  # the kept row's, then the first two others
    err = io.StringIO()
    with pytest.raises(CommandError, match="Tệp có 7 lỗi"):
        call_command("import_xlsx", "practices", str(path), stderr=err, stdout=io.StringIO())
    assert err.getvalue().splitlines()[-1] == "... và 4 lỗi nữa."
