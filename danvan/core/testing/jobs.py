"""Follow a request that starts a file job, as the user does: its page, then the file it offers."""

from __future__ import annotations

from django.urls import reverse

from danvan.core.jobs.models import Job


def job_file(client, url: str, params: dict | None = None) -> tuple[Job, bytes]:
    """GET `url` (which answers with the job's page), then download the job's result.

    Tests run jobs with the immediate backend, so the job is over when the first answer comes."""
    response = client.get(url, params or {})
    assert response.status_code == 302, f"{url} {params}: {response.status_code}"
    job = Job.objects.get(pk=int(response["Location"].rstrip("/").rsplit("/", 1)[-1]))
    assert response["Location"] == reverse("jobs:detail", args=[job.pk])
    page = client.get(response["Location"])
    assert page.status_code == 200
    assert job.status == Job.Status.DONE, f"{job.title}: {job.get_status_display()} {job.error}"
    download = reverse("jobs:download", args=[job.pk])
    assert download in page.content.decode(), "the job's page offers no file"
    result = client.get(download)
    assert result.status_code == 200
    return job, b"".join(result.streaming_content)
