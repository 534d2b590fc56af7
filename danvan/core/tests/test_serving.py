"""Production serving: settings from the environment, `check --deploy`, the proxied HTTPS login,
security headers, Vietnamese error pages, hashed static files, gunicorn, long-text limits."""

from __future__ import annotations

import importlib.util
import os
import re
import secrets
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.test import Client
from django.urls import reverse

import danvan
from danvan.core.testing.factories import PASSWORD

ROOT = Path(danvan.__file__).resolve().parent.parent
ENV_FILE = ROOT / "docs" / "deploy" / "danvan.env"
HOST = "danvan.tinhuy.example.vn"


def documented_env(tmp_path) -> dict[str, str]:
    """docs/deploy/danvan.env with its placeholders filled in, as an IT officer would."""
    values = {}
    for line in ENV_FILE.read_text().splitlines():
        if line.strip() and not line.startswith("#"):
            key, _, value = line.partition("=")
            values[key] = value
    values["DANVAN_SECRET_KEY"] = secrets.token_urlsafe(50)
    values["DANVAN_DATABASE_URL"] = f"sqlite:///{tmp_path}/db.sqlite3"
    values["DANVAN_VAR_DIR"] = str(tmp_path)
    values["DANVAN_EMAIL_HOST"] = "localhost"
    assert not [k for k, v in values.items() if "<" in v], "placeholders left"
    return values


def load_settings(env: dict[str, str], monkeypatch):
    """danvan/settings.py evaluated afresh under the given DANVAN_* environment (a module object)."""
    for key in [k for k in os.environ if k.startswith("DANVAN_")]:
        monkeypatch.delenv(key)
    for key, value in env.items():
        monkeypatch.setenv(key, value)
    spec = importlib.util.spec_from_file_location("danvan_settings_probe", ROOT / "danvan" / "settings.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def clean_environ() -> dict[str, str]:
    """This process's environment without danvan's settings and the test-only async switch."""
    return {k: v for k, v in os.environ.items() if not k.startswith(("DANVAN_", "DJANGO_ALLOW_ASYNC_UNSAFE"))}


def run_check_deploy(env: dict[str, str]) -> subprocess.CompletedProcess:
    clean = clean_environ()
    return subprocess.run(
        [sys.executable, "-m", "danvan.cli", "check", "--deploy", "--fail-level", "WARNING"],
        env={**clean, **env},
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=120,
    )


def test_check_deploy_is_clean_under_the_documented_production_settings(tmp_path):
    result = run_check_deploy(documented_env(tmp_path))
    assert result.returncode == 0, result.stdout + result.stderr
    # ... and the same check does find the holes of a bare install.
    bare = run_check_deploy({"DANVAN_VAR_DIR": str(tmp_path), "DANVAN_DATABASE_URL": f"sqlite:///{tmp_path}/db"})
    assert bare.returncode != 0
    for check in ("security.W004", "security.W008", "security.W012", "security.W016"):
        assert check in bare.stderr


def test_every_production_setting_comes_from_the_environment(tmp_path, monkeypatch):
    prod = load_settings(documented_env(tmp_path), monkeypatch)
    assert prod.SECURE_PROXY_SSL_HEADER == ("HTTP_X_FORWARDED_PROTO", "https")
    assert prod.USE_X_FORWARDED_HOST is True
    assert [f"https://{HOST}"] == prod.CSRF_TRUSTED_ORIGINS
    assert prod.ALLOWED_HOSTS == [HOST]
    assert prod.SESSION_COOKIE_SECURE and prod.CSRF_COOKIE_SECURE and prod.SECURE_SSL_REDIRECT
    assert (prod.SECURE_HSTS_SECONDS, prod.SECURE_HSTS_INCLUDE_SUBDOMAINS) == (31536000, True)
    assert prod.SESSION_COOKIE_AGE == 120 * 60
    bare = load_settings({"DANVAN_VAR_DIR": str(tmp_path)}, monkeypatch)
    assert not hasattr(bare, "SECURE_PROXY_SSL_HEADER")
    assert not bare.SECURE_SSL_REDIRECT and bare.SECURE_HSTS_SECONDS == 0 and not bare.SESSION_COOKIE_SECURE


@pytest.fixture
def proxied(settings, tmp_path, monkeypatch):
    """The Django settings the documented environment produces (HTTPS behind nginx)."""
    prod = load_settings(documented_env(tmp_path), monkeypatch)
    for name in (
        "SECURE_PROXY_SSL_HEADER",
        "USE_X_FORWARDED_HOST",
        "CSRF_TRUSTED_ORIGINS",
        "SESSION_COOKIE_SECURE",
        "CSRF_COOKIE_SECURE",
        "SECURE_SSL_REDIRECT",
        "SECURE_HSTS_SECONDS",
    ):
        setattr(settings, name, getattr(prod, name))
    settings.ALLOWED_HOSTS = [HOST]
    return settings


HTTPS_PROXY = {"HTTP_X_FORWARDED_PROTO": "https", "HTTP_X_FORWARDED_HOST": HOST, "HTTP_HOST": "127.0.0.1:8000"}


def _login(client: Client, headers: dict) -> object:
    page = client.get("/dang-nhap/", **headers)
    assert page.status_code == 200
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page.content.decode()).group(1)
    return client.post(
        "/dang-nhap/",
        {"username": "tinh_admin", "password": PASSWORD, "csrfmiddlewaretoken": token},
        HTTP_ORIGIN=f"https://{HOST}",
        HTTP_REFERER=f"https://{HOST}/dang-nhap/",
        **headers,
    )


@pytest.mark.django_db
def test_login_through_the_https_proxy_succeeds(cast, proxied):
    client = Client(enforce_csrf_checks=True)
    response = _login(client, HTTPS_PROXY)
    assert response.status_code == 302 and response.url == reverse("home")
    assert response.cookies["sessionid"]["secure"] and response.cookies["csrftoken"]["secure"]
    home = client.get(reverse("home"), **HTTPS_PROXY)
    assert home.status_code == 200
    assert home.headers["Strict-Transport-Security"].startswith("max-age=31536000")
    # Plain HTTP reaching the application is sent to HTTPS on the public name.
    plain = client.get("/dang-nhap/", HTTP_X_FORWARDED_HOST=HOST, HTTP_HOST="127.0.0.1:8000")
    assert plain.status_code == 301 and plain.url == f"https://{HOST}/dang-nhap/"


@pytest.mark.django_db
def test_without_the_proxy_settings_the_login_is_refused_with_a_vietnamese_page(cast, settings):
    """What happened before DANVAN_BEHIND_PROXY: the origin check refuses the login."""
    settings.ALLOWED_HOSTS = [HOST, "127.0.0.1"]
    client = Client(enforce_csrf_checks=True)
    response = _login(client, {"HTTP_HOST": HOST})
    assert response.status_code == 403
    html = response.content.decode()
    assert "Không gửi được biểu mẫu" in html and "DANVAN_CSRF_TRUSTED_ORIGINS" in html
    assert "Forbidden" not in html


@pytest.mark.django_db
def test_logged_in_pages_are_not_cached_and_carry_the_security_headers(client, cast):
    client.force_login(cast.d1_officer)
    for url in (reverse("home"), reverse("practices:list"), reverse("org:unit-list")):
        response = client.get(url)
        assert response.status_code == 200, url
        assert "no-store" in response.headers["Cache-Control"], url
        assert response.headers["Referrer-Policy"] == "same-origin"
        assert "camera=()" in response.headers["Permissions-Policy"]
        assert response.headers["X-Frame-Options"] == "DENY"
        assert response.headers["X-Content-Type-Options"] == "nosniff"


@pytest.mark.django_db
def test_error_pages_are_in_vietnamese(client, cast):
    from django.views.defaults import server_error

    client.force_login(cast.c1_officer)
    missing = client.get("/khong-co-trang-nay/")
    assert missing.status_code == 404 and "Không tìm thấy trang" in missing.content.decode()
    request = client.get(reverse("home")).wsgi_request
    error = server_error(request)
    assert error.status_code == 500 and "Đã xảy ra lỗi hệ thống" in error.content.decode()


@pytest.mark.django_db
def test_idle_sessions_expire_and_active_ones_are_extended(client, cast, settings):
    from django.contrib.sessions.models import Session
    from django.utils import timezone

    from danvan.core.middleware import IdleTimeoutMiddleware

    client.force_login(cast.c1_officer)
    client.get(reverse("home"))
    key = client.session.session_key
    # Idle for longer than the limit: the session is gone, the next page asks for the login.
    Session.objects.filter(session_key=key).update(expire_date=timezone.now() - timezone.timedelta(seconds=1))
    response = client.get(reverse("home"))
    assert response.status_code == 302 and response.url.startswith(reverse("login"))
    # Active: a request after a minute moves the expiry SESSION_COOKIE_AGE past now.
    client.force_login(cast.c1_officer)
    session = client.session
    session[IdleTimeoutMiddleware.KEY] = int(time.time()) - 61
    session.save()
    Session.objects.filter(session_key=session.session_key).update(
        expire_date=timezone.now() + timezone.timedelta(seconds=30)
    )
    client.get(reverse("home"))
    expiry = Session.objects.get(session_key=session.session_key).expire_date
    assert (expiry - timezone.now()).total_seconds() > settings.SESSION_COOKIE_AGE - 60


@pytest.mark.django_db
def test_weak_passwords_are_refused(cast):
    for weak in ("1234567890", "matkhau", "password123", "d1_officer2024"):
        with pytest.raises(ValidationError):
            validate_password(weak, cast.d1_officer)
    validate_password("danvan-demo", cast.d1_officer)


@pytest.mark.django_db
def test_a_ten_megabyte_description_is_refused_with_a_vietnamese_message(client, cast):
    from danvan.practices.models import Field, Level, Practice

    client.force_login(cast.c1_officer)
    token = client.get(reverse("practices:create")).context["token"]
    data = {
        "token": token,
        "name": "Mô hình thử độ dài",
        "kind": "model",
        "subject": "collective",
        "unit": cast.c1.pk,
        "field": Field.objects.get(code="kinh-te").pk,
        "year": 2024,
        "level": Level.objects.get(code="co-so").pk,
        "description": "x" * (10 * 1024 * 1024),
        "methods": "Họp dân.",
    }
    response = client.post(reverse("practices:create"), data)
    assert response.status_code == 200
    html = response.content.decode()
    assert "Nội dung quá dài: tối đa 20.000 ký tự, hiện có 10.485.760 ký tự." in html
    # What was typed is given back to be shortened, and nothing is stored.
    assert not Practice.objects.exists()


def test_static_files_get_hashed_compressed_names_served_for_a_year(tmp_path, settings):
    from django.contrib.staticfiles.storage import staticfiles_storage
    from django.templatetags.static import static

    settings.STATIC_ROOT = tmp_path / "static"
    settings.STORAGES = {**settings.STORAGES, "staticfiles": {"BACKEND": "danvan.core.staticfiles.StaticStorage"}}
    assert static("danvan/danvan.css") == "/static/danvan/danvan.css"  # no manifest yet: plain names
    call_command("collectstatic", interactive=False, verbosity=0)
    staticfiles_storage._wrapped = type(staticfiles_storage._wrapped)()  # re-read the new manifest
    url = static("danvan/danvan.css")
    assert re.fullmatch(r"/static/danvan/danvan\.[0-9a-f]{12}\.css", url)
    assert (settings.STATIC_ROOT / url.removeprefix("/static/")).with_suffix(".css.gz").exists()
    response = Client().get(url, HTTP_ACCEPT_ENCODING="gzip")
    assert response.status_code == 200
    assert response.headers["Content-Encoding"] == "gzip"
    assert "immutable" in response.headers["Cache-Control"]


def test_gunicorn_serves_the_application_and_its_static_files(tmp_path):
    """`make serve`'s command line (one worker here), reached over a real socket."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    env = {
        **clean_environ(),
        "DANVAN_VAR_DIR": str(tmp_path),
        "DANVAN_WEB_BIND": f"127.0.0.1:{port}",
        "DANVAN_WEB_WORKERS": "1",
    }
    gunicorn = Path(sys.executable).parent / "gunicorn"
    server = subprocess.Popen(
        [str(gunicorn), "-c", "python:danvan.gunicorn_conf", "danvan.wsgi"],
        env=env,
        cwd=ROOT,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/dang-nhap/", timeout=5) as response:
                    html = response.read().decode()
                    server_header = response.headers["Server"]
                break
            except OSError:
                assert server.poll() is None, server.stderr.read().decode()
                assert time.monotonic() < deadline, "gunicorn did not answer within 60 s"
                time.sleep(0.2)
        assert "Đăng nhập" in html and server_header.startswith("gunicorn")
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/static/danvan/danvan.css", timeout=5) as response:
            assert response.status == 200 and response.headers["Content-Type"].startswith("text/css")
    finally:
        server.terminate()
        server.wait(timeout=30)
