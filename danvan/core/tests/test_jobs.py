"""Background jobs and the one web import flow, with jobs run at once (the immediate backend)."""

import subprocess
from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from danvan.core import jobs
from danvan.core.jobs.imports import CHECK, WRITE
from danvan.core.jobs.models import Job
from danvan.core.xlsx import reader
from danvan.practices.models import Practice
from danvan.practices.tests.test_import import row, write_xlsx

pytestmark = pytest.mark.django_db


def practices_file(path: Path, count: int = 3, bad_year_at: int | None = None) -> Path:
    rows = [
        row(stt=i + 1, name=f"Mô hình số {i}", unit="C1", year=2099 if i == bad_year_at else 2024) for i in range(count)
    ]
    return write_xlsx(path, rows)


def upload(client, path: Path, flow: str = "practices"):
    data = SimpleUploadedFile(path.name, path.read_bytes())
    return client.post(reverse("jobs:import", args=[flow]), {"tep": data}, follow=True)


def test_a_file_is_checked_previewed_then_written_once(client, cast, tmp_path):
    client.force_login(cast.c1_officer)
    response = upload(client, practices_file(tmp_path / "ds.xlsx"))
    check = Job.objects.get(kind=CHECK)
    assert response.redirect_chain[-1][0] == reverse("jobs:import-preview", args=[check.pk])
    assert check.status == Job.Status.DONE and check.user == cast.c1_officer
    assert check.report["created"] == 3 and check.report["error_count"] == 0
    assert Practice.objects.count() == 0  # the check writes nothing
    page = response.content.decode()
    assert 'data-testid="import-confirm"' in page and "Mô hình số 2" in page

    response = client.post(reverse("jobs:import-confirm", args=[check.pk]), follow=True)
    write = Job.objects.get(kind=WRITE)
    assert write.parent == check and write.status == Job.Status.DONE
    assert Practice.objects.filter(unit__code="C1").count() == 3
    assert "Đã thêm 3" in response.content.decode()

    # A second confirm (a double click, the back button) writes nothing more.
    response = client.post(reverse("jobs:import-confirm", args=[check.pk]), follow=True)
    assert "đã được ghi" in response.content.decode()
    assert Practice.objects.count() == 3 and Job.objects.filter(kind=WRITE).count() == 1


def test_every_error_is_listed_with_its_row_and_column_and_nothing_can_be_confirmed(client, cast, tmp_path):
    client.force_login(cast.c1_officer)
    response = upload(client, practices_file(tmp_path / "ds.xlsx", count=4, bad_year_at=2))
    page = response.content.decode()
    check = Job.objects.get(kind=CHECK)
    assert check.report["error_count"] == 1
    number, column, message = check.report["errors"][0]
    assert (number, column) == (9, "Năm") and message in page  # title block, header on row 6
    assert 'data-testid="import-refused"' in page and 'data-testid="import-confirm"' not in page
    response = client.post(reverse("jobs:import-confirm", args=[check.pk]), follow=True)
    assert not Job.objects.filter(kind=WRITE).exists() and Practice.objects.count() == 0


@pytest.mark.parametrize(
    ("content", "message"),
    [(b"Ma,Ten\n1,2", reader.MSG_NOT_XLSX), (b"PK\x03\x04" + b"\x01" * 300, reader.MSG_CORRUPT)],
)
def test_what_is_not_an_xlsx_is_refused_in_the_request_and_nothing_is_stored(client, cast, content, message):
    client.force_login(cast.c1_officer)
    response = client.post(reverse("jobs:import", args=["practices"]), {"tep": SimpleUploadedFile("a.xlsx", content)})
    assert response.status_code == 200 and message in response.content.decode()
    assert not Job.objects.exists()


def test_a_file_over_the_limit_is_refused_before_it_is_stored(client, cast, settings, tmp_path):
    settings.IMPORT_MAX_BYTES = 1000
    client.force_login(cast.c1_officer)
    response = upload(client, practices_file(tmp_path / "ds.xlsx"))
    assert "Tệp quá lớn" in response.content.decode() and not Job.objects.exists()


def test_nobody_sees_or_confirms_another_users_job(client, cast, tmp_path):
    client.force_login(cast.c1_officer)
    upload(client, practices_file(tmp_path / "ds.xlsx"))
    check = Job.objects.get()
    client.force_login(cast.admin)  # the widest scope is no key to another's jobs
    for name in ("jobs:detail", "jobs:progress", "jobs:download", "jobs:import-preview"):
        assert client.get(reverse(name, args=[check.pk])).status_code == 404, name
    assert client.post(reverse("jobs:import-confirm", args=[check.pk])).status_code == 404
    assert "Mô hình" not in client.get(reverse("jobs:list")).content.decode()
    assert Practice.objects.count() == 0


def test_someone_without_the_right_to_edit_cannot_import(client, cast):
    client.force_login(cast.outsider)
    assert client.get(reverse("jobs:import", args=["practices"])).status_code == 403
    assert client.get(reverse("jobs:import", args=["khong-co"])).status_code == 404


def test_the_list_of_my_jobs_takes_the_same_queries_for_few_or_many(client, cast):
    client.force_login(cast.c1_officer)

    def queries() -> int:
        with CaptureQueriesContext(connection) as captured:
            assert client.get(reverse("jobs:list")).status_code == 200
        return len(captured)

    Job.objects.create(user=cast.c1_officer, kind=CHECK, title="Việc 0", status=Job.Status.DONE)
    few = queries()
    Job.objects.bulk_create(
        Job(user=cast.c1_officer, kind=CHECK, title=f"Việc {i}", status=Job.Status.RUNNING, rows_total=10)
        for i in range(1, 25)
    )
    assert queries() == few


def test_a_failing_job_says_why_in_vietnamese_and_keeps_nothing(client, cast, tmp_path):
    """An unexpected error in a handler fails the job with a general message (the log keeps the trace)."""

    @jobs.handler("test.boom")
    def boom(job, progress):
        Practice.objects.all().delete()
        raise RuntimeError("boom")

    job = jobs.start(cast.c1_officer, "test.boom", "Việc thử")
    job.refresh_from_db()
    assert job.status == Job.Status.FAILED and job.error == jobs.MSG_FAILED and job.finished_at
    client.force_login(cast.c1_officer)
    assert jobs.MSG_FAILED in client.get(reverse("jobs:detail", args=[job.pk])).content.decode()


def test_a_running_job_whose_worker_is_gone_is_marked_failed(cast, settings):
    settings.JOB_STALE_SECONDS = 60
    import datetime as dt

    from django.utils import timezone

    gone = subprocess.Popen(["true"])
    gone.wait()
    host = jobs.worker_id().rpartition(":")[0]
    here_dead = Job.objects.create(
        user=cast.c1_officer, kind=CHECK, title="a", status=Job.Status.RUNNING, worker=f"{host}:{gone.pid}"
    )
    elsewhere_silent = Job.objects.create(
        user=cast.c1_officer,
        kind=CHECK,
        title="b",
        status=Job.Status.RUNNING,
        worker="other-host:12",
        heartbeat_at=timezone.now() - dt.timedelta(minutes=5),
    )
    alive = Job.objects.create(
        user=cast.c1_officer,
        kind=CHECK,
        title="c",
        status=Job.Status.RUNNING,
        worker=jobs.worker_id(),
        heartbeat_at=timezone.now(),
    )
    assert jobs.reap() == 2
    for job in (here_dead, elsewhere_silent):
        job.refresh_from_db()
        assert job.status == Job.Status.FAILED and job.error == jobs.MSG_WORKER_LOST
    alive.refresh_from_db()
    assert alive.status == Job.Status.RUNNING
