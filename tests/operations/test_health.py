"""/healthz, /readyz and /.well-known/security.txt."""

import datetime
import json

import pytest
from django.db import OperationalError, connection
from django.utils import timezone

pytestmark = pytest.mark.django_db


def assert_never_cached(response):
    assert "no-store" in response["Cache-Control"]


def test_healthz_answers_ok_without_touching_the_database(client, django_assert_num_queries):
    with django_assert_num_queries(0):
        response = client.get("/healthz")
    assert (response.status_code, response.content) == (200, b"ok")
    assert_never_cached(response)


def test_readyz_answers_when_the_database_and_the_cache_do(client):
    response = client.get("/readyz")
    assert response.status_code == 200
    assert response.json() == {"status": "ok", "failed": [], "degraded": []}
    assert_never_cached(response)


def test_readyz_names_the_database_when_it_is_unreachable(client, monkeypatch):
    def unreachable(*args, **kwargs):
        raise OperationalError("connection refused")

    monkeypatch.setattr(connection, "cursor", unreachable)
    response = client.get("/readyz")
    assert response.status_code == 503
    assert response.json() == {"status": "indisponible", "failed": ["database"], "degraded": []}
    assert_never_cached(response)


def test_a_failing_cache_is_named_but_keeps_the_server_in_rotation(client, monkeypatch):
    """Pages are served uncached meanwhile: out of rotation, every server would be at once."""

    def broken(*args, **kwargs):
        raise ConnectionError("Redis ne répond pas")

    monkeypatch.setattr("aimf_portal.operations.health.cache.set", broken)
    response = client.get("/readyz")
    assert response.status_code == 200
    assert json.loads(response.content) == {"status": "ok", "failed": [], "degraded": ["cache"]}


def test_a_cache_that_forgets_is_named(client, monkeypatch):
    monkeypatch.setattr("aimf_portal.operations.health.cache.get", lambda *args, **kwargs: None)
    response = client.get("/readyz")
    assert response.status_code == 200
    assert response.json()["degraded"] == ["cache"]


def test_health_endpoints_refuse_posts(client):
    assert client.post("/healthz").status_code == 405
    assert client.post("/readyz").status_code == 405


def test_security_txt_follows_rfc_9116(client, settings):
    settings.SECURITY_TXT_CONTACT = "mailto:securite@aimf.example"
    response = client.get("/.well-known/security.txt", secure=True)
    assert response.status_code == 200
    assert response["Content-Type"] == "text/plain; charset=utf-8"
    fields = dict(line.split(": ", 1) for line in response.content.decode().splitlines())
    assert fields["Contact"] == "mailto:securite@aimf.example"
    assert fields["Preferred-Languages"] == "fr, en"
    assert fields["Canonical"] == "https://testserver/.well-known/security.txt"
    expires = datetime.datetime.strptime(fields["Expires"], "%Y-%m-%dT%H:%M:%S%z")
    one_year = timezone.now() + datetime.timedelta(days=365)
    assert abs(expires - one_year) < datetime.timedelta(minutes=1)
