"""The 500 page: French, in the site's look, with the id to quote, and no database needed.

No test here has database access (pytest-django refuses any query without the django_db
mark), so each one also proves that the error path never touches the database.
"""

import logging

import pytest
from django.db import connection
from django.test import Client, RequestFactory
from django.urls import path

from aimf_portal.operations.error_pages import server_error
from aimf_portal.operations.request_id import RequestIdMiddleware


def failing_view(request):
    raise RuntimeError("panne simulée")


urlpatterns = [path("panne/", failing_view)]
handler500 = "aimf_portal.operations.error_pages.server_error"


def test_the_handler_renders_while_the_database_is_unreachable(monkeypatch):
    def unreachable(*args, **kwargs):
        raise AssertionError("le gestionnaire d'erreur 500 a voulu joindre la base")

    monkeypatch.setattr(connection, "cursor", unreachable)
    monkeypatch.setattr(connection, "ensure_connection", unreachable)
    request = RequestFactory().get("/", HTTP_X_REQUEST_ID="ref-20261201-abc")
    response = RequestIdMiddleware(server_error)(request)
    assert response.status_code == 500
    page = response.content.decode()
    assert '<html lang="fr">' in page
    assert "Le site rencontre une difficulté" in page
    assert "Référence de l'erreur : <code>ref-20261201-abc</code>" in page
    assert "/static/css/site.css" in page


@pytest.mark.urls(__name__)
def test_an_unhandled_exception_gives_the_page_and_one_log_record_with_the_id(caplog):
    client = Client(raise_request_exception=False)
    with caplog.at_level(logging.ERROR):
        response = client.get("/panne/", HTTP_X_REQUEST_ID="ref-0123456789")
    assert response.status_code == 500
    assert response["X-Request-ID"] == "ref-0123456789"
    assert "Référence de l'erreur : <code>ref-0123456789</code>" in response.content.decode()
    assert "script-src 'self'" in response["Content-Security-Policy"]
    errors = [record for record in caplog.records if record.levelno >= logging.ERROR]
    assert len(errors) == 1
    (error,) = errors
    assert error.name == "django.request"
    assert error.request_id == "ref-0123456789"
    assert error.exc_info[1].args == ("panne simulée",)


def test_django_logs_only_through_the_root_console_handler():
    """Django's own console and mail_admins handlers would log each 500 a second time."""
    assert logging.getLogger("django").handlers == []
    assert logging.getLogger("django").propagate
    assert [h.get_name() for h in logging.getLogger().handlers if h.get_name()] == ["console"]
