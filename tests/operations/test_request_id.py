"""Request ids: kept from the proxy when well formed, made otherwise, on every log record."""

import json
import logging
import sys
import uuid

import pytest
from django.http import HttpResponse
from django.test import RequestFactory
from django.urls import path

from aimf_portal.operations.log_format import JsonFormatter
from aimf_portal.operations.request_id import NO_REQUEST, RequestIdFilter, RequestIdMiddleware

logger = logging.getLogger("aimf_portal.tests")


def logging_view(request):
    logger.warning("pendant la requête")
    return HttpResponse("ok")


urlpatterns = [path("journal/", logging_view)]


def is_uuid4(value):
    return uuid.UUID(value).version == 4


@pytest.fixture
def configured_console():
    """A handler with the configured console handler's filters and formatter, kept in a list."""
    console = next(h for h in logging.getLogger().handlers if h.get_name() == "console")
    records = []
    handler = logging.Handler()
    handler.emit = records.append
    handler.filters = list(console.filters)
    handler.setFormatter(console.formatter)
    logger.addHandler(handler)
    yield handler, records
    logger.removeHandler(handler)


def test_a_well_formed_incoming_id_is_echoed(client):
    response = client.get("/healthz", HTTP_X_REQUEST_ID="cdn-7f3a9c2e.1")
    assert response["X-Request-ID"] == "cdn-7f3a9c2e.1"


def test_without_an_incoming_id_one_is_made(client):
    first = client.get("/healthz")["X-Request-ID"]
    second = client.get("/healthz")["X-Request-ID"]
    assert is_uuid4(first) and is_uuid4(second)
    assert first != second


@pytest.mark.parametrize(
    "hostile",
    [
        "court",
        "x" * 129,
        "abc def ghi",
        'abc"}{"level":"CRITICAL',
        "abcdefgh\r\nSet-Cookie: a=b",
        "abcdefgh<script>",
        "identifiant-é-accentué",
    ],
)
def test_a_hostile_or_malformed_id_is_replaced(hostile):
    request = RequestFactory().get("/", HTTP_X_REQUEST_ID=hostile)
    response = RequestIdMiddleware(lambda request: HttpResponse())(request)
    assert response["X-Request-ID"] != hostile
    assert is_uuid4(response["X-Request-ID"])
    assert request.request_id == response["X-Request-ID"]


@pytest.mark.urls(__name__)
def test_log_records_made_during_the_request_carry_its_id(client, configured_console):
    _, records = configured_console
    response = client.get("/journal/", HTTP_X_REQUEST_ID="req-0123456789")
    assert response.status_code == 200
    (record,) = [r for r in records if r.getMessage() == "pendant la requête"]
    assert record.request_id == "req-0123456789"
    assert record.path == "/journal/"


def test_records_outside_a_request_say_so(configured_console):
    handler, records = configured_console
    logger.warning("hors requête")
    assert records[-1].request_id == NO_REQUEST
    assert "[-]" in handler.format(records[-1])


def test_the_json_formatter_writes_one_object_per_line():
    record = logging.LogRecord(
        "django.request", logging.ERROR, __file__, 1, "Erreur : %s", ("/page/",), None
    )
    record.status_code = 500
    RequestIdFilter().filter(record)
    line = JsonFormatter().format(record)
    assert "\n" not in line
    shown = json.loads(line)
    assert shown["message"] == "Erreur : /page/"
    assert (shown["level"], shown["logger"], shown["status"]) == ("ERROR", "django.request", 500)
    assert shown["request_id"] == NO_REQUEST
    assert shown["time"].endswith("+00:00")


def test_the_json_formatter_keeps_the_traceback_on_the_same_line():
    try:
        raise ValueError("panne simulée")
    except ValueError:
        record = logging.LogRecord(
            "aimf_portal", logging.ERROR, __file__, 1, "échec", (), sys.exc_info()
        )
    line = JsonFormatter().format(record)
    assert "\n" not in line
    assert "ValueError: panne simulée" in json.loads(line)["exception"]
