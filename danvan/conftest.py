import os

import pytest

# Playwright's sync API runs an event loop in the test thread; Django's ORM refuses to run
# inside one unless told it is safe (the live server runs in its own thread anyway).
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")


@pytest.fixture
def cast(db):
    from danvan.core.testing.factories import build_cast

    return build_cast()


@pytest.fixture(autouse=True)
def _fast_password_hashing(settings):
    # The real hasher costs ~0.3 s per user; the cast alone has seven.
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    # Plain static names served by the finders, even where `collectstatic` has left a manifest in var/
    # (the hashed storage is tested on its own in core/tests/test_serving.py).
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }


@pytest.fixture(scope="session")
def _media_root(tmp_path_factory):
    return tmp_path_factory.mktemp("media")


@pytest.fixture(autouse=True)
def _jobs_run_in_the_request(settings, _media_root):
    """Background jobs run at once, in the test (tests that need a real worker use the `worker` fixture)."""
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
    settings.MEDIA_ROOT = _media_root


@pytest.fixture(scope="session")
def django_db_modify_db_settings(django_db_modify_db_settings_parallel_suffix, tmp_path_factory):
    """With SQLite, the test database is a file, never memory: a `worker` process cannot open another
    process's memory, and a live server would share the test's one in-memory connection across threads."""
    from django.conf import settings

    db = settings.DATABASES["default"]
    if db["ENGINE"].endswith("sqlite3") and db["NAME"] == ":memory:":
        db.setdefault("TEST", {})["NAME"] = str(tmp_path_factory.mktemp("db") / "test.sqlite3")


@pytest.fixture(scope="session")
def live_server(django_db_setup, live_server):
    # pytest-django's server decides which connections to share with its thread when it starts: started
    # before the test database exists, it took the SQLite database for an in-memory one and shared the
    # test's connection, and a run of the browser tests alone crashed in SQLite mid-query.
    return live_server


@pytest.fixture(scope="module")
def _demo_province(django_db_setup, django_db_blocker, _media_root):
    # Module-scoped so that it runs before any function-scoped fixture opens the test's own transaction.
    from danvan.core.testing.shared_demo import shared_demo

    shared_demo.load(
        django_db_blocker,
        PASSWORD_HASHERS=["django.contrib.auth.hashers.MD5PasswordHasher"],
        TASKS={"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}},
        MEDIA_ROOT=_media_root,
    )


@pytest.fixture
def demo(_demo_province, db):
    """The demo province for a test to read; its own changes are rolled back (see core/testing/shared_demo.py)."""
    from danvan.core.testing.shared_demo import shared_demo

    if not shared_demo.loaded:
        pytest.fail("the tests of a module that use `demo` must come one after another")


def pytest_itemcollected(item):
    # Marked as each test is collected, before xdist's `loadgroup` reads the marks to schedule the group.
    if "demo" in getattr(item, "fixturenames", ()):
        item.add_marker(pytest.mark.xdist_group("demo-province"))


@pytest.hookimpl(wrapper=True)
def pytest_runtest_teardown(item, nextitem):
    result = yield
    if nextitem is None or "demo" not in getattr(nextitem, "fixturenames", ()):
        from danvan.core.testing.shared_demo import shared_demo

        shared_demo.release()
    return result


@pytest.fixture
def worker(settings, transactional_db, tmp_path):
    """A real `danvan db_worker` process on the test database; jobs go to its queue."""
    from danvan.core.testing.worker import Worker

    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    process = Worker(settings.MEDIA_ROOT).start()
    yield process
    process.stop()


CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
    # An intranet without internet: no name but the live server's resolves. Routing every request through
    # Playwright would do the same but turns the browser's cache off, and each page then fetched its
    # fourteen scripts and styles again (two thirds of a page visit).
    "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE localhost, EXCLUDE 127.0.0.1",
]


@pytest.fixture(scope="session")
def chromium():
    """Debian's Chromium driven by Playwright (Playwright's own browser download is not possible here)."""
    from playwright.sync_api import sync_playwright

    executable = os.environ.get("DANVAN_CHROMIUM", "/usr/bin/chromium")
    if not os.path.exists(executable):
        if os.environ.get("CI", "").lower() == "true":
            pytest.fail(f"Chromium không có tại {executable}")
        pytest.skip(f"Chromium không có tại {executable}")
    from playwright.sync_api import expect

    # Two cores running two test workers and a live server each: give assertions room to settle.
    expect.set_options(timeout=15_000)
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def page(chromium, live_server):
    """A fresh browser page; requests to anything but the live server fail (offline intranet)."""
    from danvan.core.testing.browser import offline_context

    context = offline_context(chromium, live_server, locale="vi-VN")
    page = context.new_page()
    page.base_url = live_server.url
    yield page
    context.close()
    assert context.external == [], f"the page tried to reach the internet: {context.external}"


@pytest.fixture
def login(page):
    from danvan.core.testing.browser import wait_until_ready
    from danvan.core.testing.factories import PASSWORD

    def do_login(user, password: str = PASSWORD):
        page.goto(page.base_url + "/dang-nhap/")
        page.get_by_label("Tên đăng nhập").fill(user.username)
        page.get_by_label("Mật khẩu").fill(password)
        # The form's answer (the home page, or the login page again with its message) has loaded and its
        # scripts run; "networkidle" waited half a second more after every login.
        with page.expect_navigation():
            page.get_by_role("button", name="Đăng nhập").click()
        wait_until_ready(page)
        return page

    return do_login


@pytest.fixture
def screenshot(page):
    """Save a full-page screenshot under test-artifacts/ to look at."""
    from pathlib import Path

    folder = Path(os.environ.get("DANVAN_ARTIFACTS", "test-artifacts"))

    def take(name: str) -> Path:
        folder.mkdir(parents=True, exist_ok=True)
        path = folder / f"{name}.png"
        page.screenshot(path=str(path), full_page=True)
        return path

    return take
