"""Browser-test helpers that wait on what the page shows or does, never on time (the machine may be loaded)."""

from __future__ import annotations

from contextlib import contextmanager

READY = "document.readyState === 'complete' && (!document.querySelector('[hx-post],[hx-get]') || !!window.htmx)"


def wait_until_ready(page) -> None:
    """Wait until the page's scripts have run (HTMX bound to the page). A click that navigates returns once the
    new page is committed and an `expect()` passes once its text shows, but the scripts at the end of <body> may
    still be loading: an input typed then would trigger nothing."""
    page.wait_for_function(
        "document.readyState === 'complete' && (!document.querySelector('[hx-post],[hx-get]') || !!window.htmx)"
    )


@contextmanager
def htmx_answer(page, path_part: str):
    """Wait for the answer to the HTMX request the block starts (its URL contains `path_part`) and for HTMX to
    have swapped it in, so the next step acts on the new content, not the old."""
    with page.expect_response(lambda r: path_part in r.url and r.request.method != "GET") as answer:
        yield
    assert answer.value.status < 500, answer.value.status
    page.wait_for_function("!document.querySelector('.htmx-request, .htmx-settling, .htmx-swapping')")
