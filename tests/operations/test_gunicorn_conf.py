"""gunicorn.conf.py, loaded the way gunicorn loads it, from a given environment."""

import json
import logging
import runpy
from datetime import timedelta
from pathlib import Path
from types import SimpleNamespace

import pytest
from gunicorn.config import Config

CONF = Path(__file__).resolve().parent.parent.parent / "gunicorn.conf.py"
VARIABLES = [
    "WEB_CONCURRENCY",
    "GUNICORN_BIND",
    "PORT",
    "GUNICORN_TIMEOUT",
    "GUNICORN_GRACEFUL_TIMEOUT",
    "GUNICORN_MAX_REQUESTS",
    "GUNICORN_MAX_REQUESTS_JITTER",
    "FORWARDED_ALLOW_IPS",
    "LOG_LEVEL",
]


def load(monkeypatch, cpu_count=2, **environment):
    for name in VARIABLES:
        monkeypatch.delenv(name, raising=False)
    for name, value in environment.items():
        monkeypatch.setenv(name, value)
    monkeypatch.setattr("multiprocessing.cpu_count", lambda: cpu_count)
    namespace = runpy.run_path(str(CONF))
    config = Config()
    for name, value in namespace.items():
        if name in config.settings:
            config.set(name, value)  # gunicorn validates each value as it does at start-up
    return config


def test_defaults(monkeypatch):
    config = load(monkeypatch, cpu_count=2)
    assert config.workers == 5
    assert config.wsgi_app == "aimf_portal.wsgi:application"
    assert config.bind == ["127.0.0.1:8000"]
    assert (config.timeout, config.graceful_timeout) == (30, 20)
    assert (config.max_requests, config.max_requests_jitter) == (50_000, 5_000)
    assert config.preload_app is True
    assert config.forwarded_allow_ips == ["127.0.0.1", "::1"]
    assert (config.accesslog, config.errorlog) == ("-", "-")


def test_default_workers_are_capped(monkeypatch):
    assert load(monkeypatch, cpu_count=64).workers == 12


def test_values_from_the_environment(monkeypatch):
    config = load(
        monkeypatch,
        WEB_CONCURRENCY="3",
        GUNICORN_BIND="127.0.0.1:9000",
        GUNICORN_TIMEOUT="15",
        GUNICORN_MAX_REQUESTS="500",
        GUNICORN_MAX_REQUESTS_JITTER="50",
        GUNICORN_PRELOAD="false",
        FORWARDED_ALLOW_IPS="10.0.0.1,10.0.0.2",
        LOG_LEVEL="WARNING",
    )
    assert config.workers == 3
    assert config.bind == ["127.0.0.1:9000"]
    assert config.timeout == 15
    assert (config.max_requests, config.max_requests_jitter) == (500, 50)
    assert config.preload_app is False
    assert config.forwarded_allow_ips == ["10.0.0.1", "10.0.0.2"]
    assert config.loglevel == "warning"


@pytest.mark.parametrize("agent", ['Mozilla/5.0 "quoted" \\ agent', "é\u2028\x07"])
def test_each_access_log_line_is_json(monkeypatch, agent):
    config = load(monkeypatch)
    logger = config.logger_class(config)
    records = []
    handler = logging.Handler()
    handler.emit = records.append
    logger.access_log.addHandler(handler)
    environ = {
        "REQUEST_METHOD": "GET",
        "RAW_URI": '/recherche/?q="x"',
        "PATH_INFO": '/recherche/"x"',
        "QUERY_STRING": 'q="x"',
        "SERVER_PROTOCOL": "HTTP/1.1",
        "REMOTE_ADDR": "10.0.0.1",
        "HTTP_USER_AGENT": agent,
    }
    response = SimpleNamespace(
        status="200 OK", sent=1234, headers=[("X-Request-ID", "id-from-django")]
    )
    request = SimpleNamespace(headers=[("X-REQUEST-ID", "forged by the client")])
    logger.access(response, request, environ, timedelta(milliseconds=12))
    line = json.loads(records[-1].getMessage())
    assert line["user_agent"] == agent
    assert line["path"] == '/recherche/"x"'
    assert (line["status"], line["bytes"], line["duration_ms"]) == ("200", "1234", "12")
    assert line["request_id"] == "id-from-django"
