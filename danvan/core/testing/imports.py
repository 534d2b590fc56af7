"""Driving the core web import flow in tests (jobs run in the request: the immediate backend)."""

from __future__ import annotations

from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from danvan.core.jobs.imports import CHECK
from danvan.core.jobs.models import Job


def upload(client, url: str, content: bytes, name: str = "tep.xlsx"):
    """Send a file to an import page; the response is the page the flow ends on (the preview)."""
    return client.post(url, {"tep": SimpleUploadedFile(name, content)}, follow=True)


def last_check() -> Job:
    return Job.objects.filter(kind=CHECK).latest("pk")


def confirm(client, job: Job | None = None):
    job = job or last_check()
    return client.post(reverse("jobs:import-confirm", args=[job.pk]), follow=True)
