"""“Việc của tôi”: the user's background jobs, one job's progress (HTMX polling) and its result file."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import FileResponse, Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_GET

from danvan.core import jobs
from danvan.core.jobs.imports import CHECK
from danvan.core.jobs.models import Job

PAGE_SIZE = 30


MSG_START_WITH_BUTTON = "Tệp được tạo khi bấm nút trên trang này; sau đó theo dõi và tải về ở “Việc của tôi”."


def start_and_follow(request, kind: str, title: str, params: dict, link: str = "") -> HttpResponse:
    """Start a job that makes a file (a PDF, a big export) and send the user to its page, which follows
    the progress and offers the file. The same request made again while its job is waiting or running
    (a double click, a reload) follows that job instead of starting another.

    Only the page's button (a POST) starts one: opening the address (a bookmark, a link preview, the
    browser's prefetch) must not queue work, so it leads back to the page with the button."""
    if request.method != "POST":
        messages.info(request, MSG_START_WITH_BUTTON)
        return redirect(link or "jobs:list")
    unfinished = Job.objects.filter(
        user=request.user, kind=kind, params=params, status__in=[Job.Status.QUEUED, Job.Status.RUNNING]
    )
    job = unfinished.order_by("-pk").first() or jobs.start(request.user, kind, title, params=params, link=link)
    return redirect("jobs:detail", pk=job.pk)


def user_job(request, pk: int) -> Job:
    """The user's own job, or 404 (nobody sees another's jobs, however wide their scope)."""
    return get_object_or_404(Job.objects.select_related("parent"), pk=pk, user=request.user)


@require_GET
@login_required
def job_list(request):
    jobs.reap(request.user)
    queryset = Job.objects.filter(user=request.user).defer("report", "params")
    page = Paginator(queryset, PAGE_SIZE).get_page(request.GET.get("trang"))
    return render(request, "core/jobs/list.html", {"page": page, "jobs": page.object_list})


@require_GET
@login_required
def job_detail(request, pk: int):
    job = user_job(request, pk)
    if job.status == Job.Status.DONE and job.kind == CHECK:
        return redirect("jobs:import-preview", pk=job.pk)
    return render(request, "core/jobs/detail.html", {"job": job})


@require_GET
@login_required
def job_progress(request, pk: int):
    """The progress bar alone, polled by HTMX; once the job is over the page reloads to show the result."""
    jobs.reap(request.user)
    job = user_job(request, pk)
    if job.finished and request.headers.get("HX-Request"):
        response = HttpResponse(status=204)
        response["HX-Refresh"] = "true"
        return response
    return render(request, "core/jobs/_progress.html", {"job": job})


@require_GET
@login_required
def job_download(request, pk: int):
    job = user_job(request, pk)
    if not job.result:
        raise Http404("Việc này không có tệp kết quả.")
    try:
        handle = job.result.open("rb")
    except FileNotFoundError:
        raise Http404("Tệp kết quả không còn trên máy chủ.") from None
    return FileResponse(handle, as_attachment=True, filename=job.result_name or job.result.name.rsplit("/", 1)[-1])
