"""Follow a request that starts a file job, as the user does: its page, then the file it offers."""

from __future__ import annotations

import html
import re
from urllib.parse import urlencode

from django.urls import reverse

from danvan.core.jobs.models import Job
from danvan.core.jobs.views import MSG_START_WITH_BUTTON


def start_job(client, url: str, query: dict | None = None, data: dict | None = None):
    """Press the button that starts a file job: a POST to `url` with the page's filters in the query
    string (`query`) and the form's fields (`data`)."""
    return client.post(f"{url}?{urlencode(query)}" if query else url, data or {})


def job_file(client, url: str, query: dict | None = None, data: dict | None = None) -> tuple[Job, bytes]:
    """Press the button (`start_job`), follow to the job's page, then download the job's result.

    Tests run jobs with the immediate backend, so the job is over when the first answer comes."""
    response = start_job(client, url, query, data)
    assert response.status_code == 302, f"{url} {query} {data}: {response.status_code}"
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


def check_started_only_by_its_button(client, page_url: str, action: str) -> Job:
    """The page at `page_url` renders a POST form to `action` (the button); opening `action` by GET
    starts nothing and leads back to the page with a word on the button; submitting the form as the
    page renders it starts the job. Returns the job."""
    page = client.get(page_url)
    assert page.status_code == 200
    forms = re.findall(r'<form method="post" action="([^"]*)"', page.content.decode())
    rendered = [html.unescape(found) for found in forms if html.unescape(found).split("?")[0] == action.split("?")[0]]
    assert rendered == [action], f"{page_url}: no POST button for {action} (forms: {forms})"
    before = Job.objects.count()
    opened = client.get(action, follow=True)
    assert opened.redirect_chain and opened.redirect_chain[0][0] == page_url, opened.redirect_chain
    assert MSG_START_WITH_BUTTON in opened.content.decode() and Job.objects.count() == before
    pressed = client.post(action, follow=False)
    assert pressed.status_code == 302 and Job.objects.count() == before + 1
    job = Job.objects.latest("pk")
    assert pressed["Location"] == reverse("jobs:detail", args=[job.pk])
    return job
