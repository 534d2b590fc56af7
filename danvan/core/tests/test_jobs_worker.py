"""Jobs run by a real `danvan db_worker` process, on the test database (a file with SQLite)."""

from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from danvan.core import jobs
from danvan.core.jobs.imports import CHECK, WRITE
from danvan.core.jobs.models import Job
from danvan.core.models import ChangeLogEntry
from danvan.core.xlsx import engine
from danvan.practices.models import Practice
from danvan.practices.tests.test_import import row, write_xlsx


def practices_file(path: Path, count: int) -> Path:
    units = ["C1", "C2"]
    rows = [row(stt=i + 1, name=f"Mô hình số {i}", unit=units[i % 2], year=2024) for i in range(count)]
    return write_xlsx(path, rows)


def upload(client, path: Path):
    data = SimpleUploadedFile(path.name, path.read_bytes())
    return client.post(reverse("jobs:import", args=["practices"]), {"tep": data})


def test_a_worker_checks_then_writes_an_import(client, cast, worker, tmp_path):
    client.force_login(cast.d1_officer)
    response = upload(client, practices_file(tmp_path / "ds.xlsx", 40))
    check = Job.objects.get(kind=CHECK)
    assert response.status_code == 302 and check.task_id  # queued with its task, not run in the request
    worker.wait(check)
    assert check.status == Job.Status.DONE, check.error
    assert check.worker.rpartition(":")[2] == str(worker.process.pid)
    assert check.report["created"] == 40 and Practice.objects.count() == 0

    client.post(reverse("jobs:import-confirm", args=[check.pk]))
    write = worker.wait(Job.objects.get(kind=WRITE))
    assert write.status == Job.Status.DONE, write.error
    assert Practice.objects.count() == 40 and write.rows_done == write.rows_total == 40


def test_a_worker_killed_while_writing_leaves_no_row_and_the_file_can_be_confirmed_again(
    client, cast, worker, tmp_path
):
    client.force_login(cast.d1_officer)
    upload(client, practices_file(tmp_path / "ds.xlsx", 3000))
    check = worker.wait(Job.objects.get(kind=CHECK))
    assert check.status == Job.Status.DONE, check.error
    logged = ChangeLogEntry.objects.count()

    client.post(reverse("jobs:import-confirm", args=[check.pk]))
    write = worker.wait(Job.objects.get(kind=WRITE), until=lambda job: job.phase == engine.PHASE_WRITE)
    worker.wait_until_writing(write)  # rows are in the worker's open transaction
    worker.kill()

    assert Practice.objects.count() == 0 and ChangeLogEntry.objects.count() == logged
    # The page polling the job notices the dead worker: the job fails, saying why.
    response = client.get(reverse("jobs:progress", args=[write.pk]))
    write.refresh_from_db()
    assert response.status_code == 200 and write.status == Job.Status.FAILED
    assert write.error == jobs.MSG_WORKER_LOST

    # The upload is not left "claimed": confirming again writes it, with a new worker.
    worker.start()
    client.post(reverse("jobs:import-confirm", args=[check.pk]))
    again = worker.wait(Job.objects.filter(kind=WRITE).exclude(pk=write.pk).get())
    assert again.status == Job.Status.DONE, again.error
    assert Practice.objects.count() == 3000


pytestmark = pytest.mark.django_db(transaction=True)
