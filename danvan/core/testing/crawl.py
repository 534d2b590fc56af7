"""Follow every link the pages render, as a demo account (GET only, in-process with Django's Client),
timing each request, downloads included: the bench reports the slowest request of the demo, a test
fails on any link that does not open.

A list links to thousands of records that share a view; a few of each kind are enough to find a slow
view, so each URL shape (its path with the numbers taken out, and which query keys it has) is visited
at most SAMPLES times. A download (any answer that is not a page) is a leaf whose query only filters
what it holds, so its path is fetched at most SAMPLES times whatever the query.
"""

from __future__ import annotations

import re
import time
from collections import Counter, deque
from urllib.parse import parse_qsl, urljoin, urlsplit

from danvan.core.testing.links import anchors

ACCOUNTS = ("tinh", "huyen", "xa", "nhaplieu")
SAMPLES = 3
LIMIT = 1500  # requests per account, a guard
SKIP = ("/dang-xuat", "/static/", "/media/", "/healthz")
GOAL_MS = 2000
NUMBER = re.compile(r"/\d+")


def shape(url: str) -> str:
    parts = urlsplit(url)
    keys = sorted({key for key, _ in parse_qsl(parts.query)})
    path = NUMBER.sub("/N", parts.path)
    return f"{path}?{'&'.join(keys)}"


def crawl(client, start: str = "/", skip: tuple[str, ...] = (), samples: int = SAMPLES) -> list[tuple[float, int, str]]:
    """(milliseconds, status, url) of every request made, from `start` on, leaving out paths under `skip`."""
    skip = SKIP + skip
    seen_urls: set[str] = {start}
    shapes = Counter([shape(start)])
    queue = deque([start])
    timings = []
    downloads = Counter()  # path -> times fetched, for paths that answered with a file
    while queue and len(timings) < LIMIT:
        url = queue.popleft()
        path = NUMBER.sub("/N", urlsplit(url).path)
        if downloads[path] >= samples:
            continue
        started = time.perf_counter()
        response = client.get(url)
        if hasattr(response, "streaming_content"):
            b"".join(response.streaming_content)  # a download is timed to its last byte
        timings.append(((time.perf_counter() - started) * 1000, response.status_code, url))
        if not response.get("Content-Type", "").startswith("text/html"):
            downloads[path] += 1
        if response.get("Content-Type", "").startswith("text/html") and response.status_code == 200:
            for _text, attrs in anchors(response):
                target = urljoin(url, attrs.get("href", ""))
                parts = urlsplit(target)
                if parts.scheme or parts.netloc or not parts.path.startswith("/"):
                    continue  # another site, mailto:, javascript:
                target = parts.path + (f"?{parts.query}" if parts.query else "")
                if target in seen_urls or any(target.startswith(s) for s in skip):
                    continue
                seen_urls.add(target)
                if shapes[shape(target)] < samples:
                    shapes[shape(target)] += 1
                    queue.append(target)
    return timings


def run() -> dict:
    from django.contrib.auth import get_user_model
    from django.test import Client

    slowest: list[tuple[float, int, str, str]] = []
    requests = 0
    errors = []
    for username in ACCOUNTS:
        client = Client()
        client.force_login(get_user_model().objects.get(username=username))
        for ms, status, url in crawl(client):
            requests += 1
            slowest.append((ms, status, url, username))
            if status >= 500:
                errors.append(f"{username} {url} {status}")
    slowest.sort(reverse=True)
    return {"requests": requests, "slowest": slowest[:5], "errors": errors}
