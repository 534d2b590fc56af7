"""`/healthz`: JSON for monitoring, no login, no details, answered whatever the Host or scheme."""

import pytest
from django.test import Client

pytestmark = pytest.mark.django_db


def test_healthz_reports_each_check_without_login_or_details(client):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.headers["Content-Type"] == "application/json"
    body = response.json()
    assert body == {"status": "ok", "checks": {name: "ok" for name in body["checks"]}}
    assert {"database", "cache", "disk"} <= set(body["checks"])
    assert response.headers["Cache-Control"] == "no-store"


def test_healthz_answers_on_the_server_itself_behind_a_strict_production_config(settings):
    settings.ALLOWED_HOSTS = ["danvan.tinhuy.example.vn"]
    settings.SECURE_SSL_REDIRECT = True
    response = Client(HTTP_HOST="127.0.0.1:8000").get("/healthz")
    assert response.status_code == 200 and response.json()["status"] == "ok"
    # Every other page still refuses the unknown host.
    assert Client(HTTP_HOST="127.0.0.1:8000").get("/dang-nhap/").status_code == 400


def test_a_failing_check_gives_503_and_names_only_the_check(client, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.HEALTH_MIN_FREE_MB = 10**12  # more than any disk has
    response = client.get("/healthz")
    assert response.status_code == 503
    assert response.json() == {"status": "error", "checks": {**response.json()["checks"], "disk": "error"}}
    assert str(tmp_path) not in response.content.decode()
