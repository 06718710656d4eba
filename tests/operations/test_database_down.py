"""PostgreSQL unreachable: a French maintenance page (503), nothing half-stored, cached pages
still served."""

import logging

import pytest
from django.db import InterfaceError, OperationalError, connection

from news.factories import NewsPageFactory
from newsletter.models import ConsentEvent, Subscriber
from tests.newsletter.helpers import signup_data

pytestmark = pytest.mark.django_db


@pytest.fixture
def page(theme):
    return NewsPageFactory(parent=theme, title="Une actualité")


@pytest.fixture
def database_down(db, monkeypatch):
    """Every new cursor fails as when PostgreSQL restarts; undone before the test's rollback."""

    def refused(*args, **kwargs):
        raise OperationalError("connection to server at 127.0.0.1, port 5432 failed")

    monkeypatch.setattr(connection, "cursor", refused)


def assert_maintenance_page(response):
    assert response.status_code == 503
    html = response.content.decode()
    assert '<html lang="fr">' in html
    assert "Le site est momentanément indisponible" in html
    assert "Traceback" not in html and "OperationalError" not in html
    assert response["Retry-After"] == "30"
    assert "no-store" in response["Cache-Control"]
    assert "X-Cache" not in response
    assert response["Content-Security-Policy"]


def test_a_page_answers_503_in_french_and_the_outage_is_logged(client, page, database_down, caplog):
    with caplog.at_level(logging.ERROR, logger="aimf_portal.operations.db_unavailable"):
        response = client.get(page.url)
    assert_maintenance_page(response)
    assert "Base de données injoignable, réponse 503 pour GET /culture-patrimoine/" in caplog.text


def test_a_connection_already_closed_answers_503_too(client, page, monkeypatch):
    def closed(*args, **kwargs):
        raise InterfaceError("connection already closed")

    monkeypatch.setattr(connection, "cursor", closed)
    assert_maintenance_page(client.get("/culture-patrimoine/actualites/"))


def test_the_maintenance_page_is_never_cached(client, page, database_down):
    assert_maintenance_page(client.get("/culture-patrimoine/"))
    assert_maintenance_page(client.get("/culture-patrimoine/"))


def test_pages_already_cached_are_still_served(client, page, monkeypatch):
    assert client.get(page.url)["X-Cache"] == "MISS"
    monkeypatch.setattr(connection, "cursor", lambda *args, **kwargs: 1 / 0)
    response = client.get(page.url)
    assert (response.status_code, response["X-Cache"]) == (200, "HIT")


def test_a_newsletter_signup_during_the_outage_is_refused_cleanly(client, database_down):
    response = client.post("/newsletter/", {"email": "maire@exemple.org"})
    assert_maintenance_page(response)


def test_a_signup_cut_off_half_way_stores_nothing(client, monkeypatch):
    """The connection drops after the subscriber row is written, before its consent event."""
    data = signup_data()

    def dropped(*args, **kwargs):
        raise OperationalError("server closed the connection unexpectedly")

    monkeypatch.setattr(ConsentEvent.objects, "create", dropped)
    assert_maintenance_page(client.post("/newsletter/", data))
    monkeypatch.undo()
    assert Subscriber.objects.count() == 0
    assert ConsentEvent.objects.count() == 0
