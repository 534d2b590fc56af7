"""Helpers for browser tests that use the shared widgets the way a person does.

- `pick_unit(page, "Đơn vị", "long thuan")`: type into a unit picker (Tom Select) and click the match.
- `unit_select(page, "Đơn vị")`: the <select> behind a picker, to check its value.
- `fill_date(page, "Ngày công nhận", "05/01/2026")`: type a date dd/mm/yyyy into a date field (flatpickr).
- `confirm(page)` / `dismiss(page)`: answer the confirmation dialog of an irreversible step.
- `offline_context(chromium, live_server)`: a browser context that can reach nothing but the live server.
- `wait_until_ready(page)`, `htmx_answer(page, path)`: wait until the page's scripts ran / HTMX swapped its answer in.

Each waits on what the page shows (the option, the chosen value, the dialog), never on time: the machine may be loaded.
"""

from __future__ import annotations

import re
from contextlib import contextmanager

from playwright.sync_api import Locator, Page, expect

# Functions, not expressions: Playwright evaluates an expression with eval, which the pages' CSP refuses.
READY = "() => document.readyState === 'complete' && (!document.querySelector('[hx-post],[hx-get]') || !!window.htmx)"
DROPDOWN_OPEN = re.compile(r"^(?=.*\bfocus\b)(?=.*\bdropdown-active\b)")
SETTLED = "() => !document.querySelector('.htmx-request, .htmx-settling, .htmx-swapping')"


def offline_context(chromium, live_server, **options):
    """A browser context that may only talk to the live server; `context.external` lists what it tried
    to reach elsewhere (the host resolver fails those requests, the listener records them)."""
    context = chromium.new_context(**({"viewport": {"width": 1280, "height": 900}} | options))
    context.set_default_timeout(15_000)
    context.external = []

    def record(request):
        if not request.url.startswith((live_server.url, "data:", "blob:")):
            context.external.append(request.url)

    context.on("request", record)
    return context


def wait_until_ready(page) -> None:
    """Wait until the page's scripts have run (HTMX bound to the page). A click that navigates returns once the
    new page is committed and an `expect()` passes once its text shows, but the scripts at the end of <body> may
    still be loading: an input typed then would trigger nothing."""
    page.wait_for_function(READY)


def watch_problems(page: Page) -> list[str]:
    """What went wrong while a test drives `page`, as it happens: console and script errors, failed requests,
    HTTP statuses from 400. The list fills in as the page works; assert it is empty at the end.

    ERR_ABORTED is the browser cancelling its own request when the page moves on (the favicon of a page left
    early on a loaded machine); a request the server failed shows as a failure of another kind or as a status.
    """
    problems: list[str] = []
    page.on("console", lambda m: m.type == "error" and problems.append(f"console: {m.text} ({page.url})"))
    page.on("pageerror", lambda e: problems.append(f"script error: {e} ({page.url})"))
    page.on(
        "requestfailed",
        lambda r: r.failure != "net::ERR_ABORTED" and problems.append(f"failed request: {r.url} ({r.failure})"),
    )
    page.on("response", lambda r: r.status >= 400 and problems.append(f"HTTP {r.status}: {r.url}"))
    return problems


def open_step(page: Page, label: str) -> None:
    """Open a step's form (a button toggling a Bootstrap collapse) and wait until it has finished opening:
    a click on its submit button while it still slides open is lost (seen under load)."""
    button = page.get_by_role("button", name=label, exact=True)
    button.click()
    target = button.get_attribute("data-bs-target")
    expect(page.locator(target)).to_have_class(re.compile(r"^collapse show$"))


@contextmanager
def htmx_answer(page, path_part: str):
    """Wait for the answer to the HTMX request the block starts (its URL contains `path_part`) and for HTMX to
    have swapped it in, so the next step acts on the new content, not the old."""
    with page.expect_response(lambda r: path_part in r.url and r.request.method != "GET") as answer:
        yield
    assert answer.value.status < 500, answer.value.status
    page.wait_for_function(SETTLED)


def _control(scope: Page | Locator, label: str) -> Locator:
    """The picker's text box: Tom Select moves the field's label onto it."""
    return scope.get_by_role("combobox", name=label, exact=True)


def _base_id(scope: Page | Locator, label: str) -> tuple[Page, str]:
    control = _control(scope, label)
    expect(control).to_be_attached()
    return control.page, control.get_attribute("id").removesuffix("-ts-control")


def unit_select(scope: Page | Locator, label: str) -> Locator:
    """The <select> behind the picker labelled `label` (its value is what the form sends)."""
    page, base = _base_id(scope, label)
    return page.locator(f"select#{base}")


def unit_options(scope: Page | Locator, label: str, typed: str) -> Locator:
    """Type `typed` into the picker and return the options it then offers."""
    page, base = _base_id(scope, label)
    control = page.locator(f"#{base}-ts-control")
    control.locator("xpath=..").click()  # the box shows the chosen unit; its text input may be hidden
    # Tom Select finishes opening in a later task; text typed before that may be wiped by it.
    expect(page.locator(f"#{base}-ts-control").locator("xpath=../..")).to_have_class(DROPDOWN_OPEN)
    expect(control).to_be_focused()
    control.fill(typed)
    expect(control).to_have_value(typed)
    # Only options that show the typed text highlighted: those of this search, not the list as it
    # was before the search ran.
    return page.locator(f"#{base}-ts-dropdown .option").filter(has=page.locator(".highlight"))


def pick_unit(scope: Page | Locator, label: str, typed: str, choose: str | None = None) -> str:
    """Type `typed` into the picker labelled `label`, click the offered option containing `choose`
    (the first one when None) and wait until it is chosen. Returns the chosen unit's id."""
    page, base = _base_id(scope, label)
    options = unit_options(scope, label, typed)
    option = options.filter(has_text=choose).first if choose else options.first
    expect(option).to_be_visible()
    value = option.get_attribute("data-value")
    option.click()
    expect(page.locator(f"select#{base} option[value='{value}']")).to_have_js_property("selected", True)
    page.locator(f"#{base}-ts-control").press("Escape")  # close the list, as a person would move on
    return value


def chosen_units(scope: Page | Locator, label: str) -> Locator:
    """The units shown as chosen in the picker labelled `label` (tags of a multiple choice)."""
    page, base = _base_id(scope, label)
    return page.locator(f"#{base}-ts-control").locator("xpath=..").locator(".item")


def fill_date(scope: Page | Locator, label: str, text: str) -> Locator:
    """Type a date as a person does (dd/mm/yyyy) and click elsewhere, so the calendar reads it."""
    field = scope.get_by_role("textbox", name=label, exact=True)
    field.fill(text)
    field.page.locator("h1").first.click()  # click elsewhere: the calendar reads the text and closes
    expect(field.page.locator(".flatpickr-calendar.open")).to_have_count(0)
    expect(field).to_have_value(text)
    return field


def confirmation_dialog(page: Page) -> Locator:
    return page.locator("#confirm-dialog")


def confirm(page: Page) -> None:
    """Accept the confirmation dialog that the last click opened."""
    dialog = confirmation_dialog(page)
    expect(dialog).to_be_visible()
    dialog.locator("[data-confirm-accept]").click()


def dismiss(page: Page) -> None:
    """Cancel the confirmation dialog: nothing is sent."""
    dialog = confirmation_dialog(page)
    expect(dialog).to_be_visible()
    dialog.locator("[data-confirm-cancel]").click()
    expect(dialog).to_be_hidden()
