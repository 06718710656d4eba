"""aimf_portal.settings.production, loaded as an operator loads it: in a fresh process."""

import json

import pytest

from tests.operations.production import PRODUCTION_ENVIRONMENT, run


def test_check_deploy_gives_no_warning_with_the_documented_environment():
    result = run(
        ["manage.py", "check", "--deploy", "--fail-level", "WARNING"], PRODUCTION_ENVIRONMENT
    )
    assert result.returncode == 0, result.stderr
    assert "WARNING" not in result.stderr + result.stdout
    assert "System check identified no issues" in result.stdout


@pytest.mark.parametrize("name", ["SECRET_KEY", "ALLOWED_HOSTS", "DATABASE_URL", "EMAIL_URL"])
def test_production_refuses_to_start_without_a_required_variable(name):
    result = run(["manage.py", "check"], PRODUCTION_ENVIRONMENT, drop=[name])
    assert result.returncode != 0
    assert "ImproperlyConfigured" in result.stderr
    assert f"{name} doit être défini dans l'environnement" in result.stderr


def test_production_refuses_a_short_or_development_secret_key():
    for key in ["trop-court", "dev-only-not-secret-0123456789abcdefghijklmnopqrstuvwxyz"]:
        result = run(["manage.py", "check"], {**PRODUCTION_ENVIRONMENT, "SECRET_KEY": key})
        assert result.returncode != 0
        assert "SECRET_KEY doit être défini" in result.stderr


def test_production_refuses_a_malformed_trusted_proxy_at_startup():
    environment = {**PRODUCTION_ENVIRONMENT, "FORWARDED_ALLOW_IPS": "10.0.0.10,lb.interne"}
    result = run(["manage.py", "check"], environment)
    assert result.returncode != 0
    assert "FORWARDED_ALLOW_IPS : « lb.interne » n'est ni une adresse IP" in result.stderr


def test_production_accepts_gunicorn_s_every_proxy_value():
    environment = {**PRODUCTION_ENVIRONMENT, "FORWARDED_ALLOW_IPS": "*"}
    result = run(["manage.py", "check"], environment)
    assert result.returncode == 0, result.stderr


SHOW_SETTINGS = """
import json
from django.conf import settings
db = settings.DATABASES["default"]
print(json.dumps({
    "DEBUG": settings.DEBUG,
    "CONN_MAX_AGE": db["CONN_MAX_AGE"],
    "CONN_HEALTH_CHECKS": db["CONN_HEALTH_CHECKS"],
    "SESSION_COOKIE_SECURE": settings.SESSION_COOKIE_SECURE,
    "CSRF_COOKIE_SECURE": settings.CSRF_COOKIE_SECURE,
    "SECURE_HSTS_SECONDS": settings.SECURE_HSTS_SECONDS,
    "caches": {alias: conf["BACKEND"].rsplit(".", 1)[1] for alias, conf in settings.CACHES.items()},
    "redis": settings.CACHES["default"].get("LOCATION"),
    "redis_options": settings.CACHES["renditions"].get("OPTIONS"),
    "EMAIL_HOST": settings.EMAIL_HOST,
}))
"""


def production_settings(**overrides):
    environment = {**PRODUCTION_ENVIRONMENT, **overrides}
    drop = [name for name, value in overrides.items() if value is None]
    environment = {name: value for name, value in environment.items() if value is not None}
    code = "import django; django.setup()\n" + SHOW_SETTINGS
    result = run(code, environment, drop=drop)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def test_production_defaults():
    shown = production_settings()
    assert shown["DEBUG"] is False
    assert (shown["CONN_MAX_AGE"], shown["CONN_HEALTH_CHECKS"]) == (60, True)
    assert shown["SESSION_COOKIE_SECURE"] and shown["CSRF_COOKIE_SECURE"]
    assert shown["SECURE_HSTS_SECONDS"] == 31_536_000
    assert shown["caches"] == {"default": "RedisCache", "renditions": "RedisCache"}
    assert shown["redis"] == "redis://cache.aimf.example:6379/0"
    assert shown["redis_options"] == {
        "IGNORE_EXCEPTIONS": True,
        "SOCKET_CONNECT_TIMEOUT": 1,
        "SOCKET_TIMEOUT": 1,
    }
    assert shown["EMAIL_HOST"] == "smtp.aimf.example"


def test_production_reads_connection_hsts_and_cache_from_the_environment():
    shown = production_settings(
        CONN_MAX_AGE="0", CONN_HEALTH_CHECKS="false", SECURE_HSTS_SECONDS="3600", REDIS_URL=None
    )
    assert (shown["CONN_MAX_AGE"], shown["CONN_HEALTH_CHECKS"]) == (0, False)
    assert shown["SECURE_HSTS_SECONDS"] == 3600
    # Shared by the workers of the server: never one memory per process.
    assert shown["caches"] == {"default": "FileBasedCache", "renditions": "FileBasedCache"}


def test_production_logs_one_json_object_per_line_on_stdout():
    code = (
        "import django, logging; django.setup()\n"
        "logging.getLogger('aimf_portal').warning('mise en ligne « %s »', 'été')\n"
    )
    result = run(code, PRODUCTION_ENVIRONMENT)
    assert result.returncode == 0, result.stderr
    (line,) = [json.loads(text) for text in result.stdout.splitlines()]
    assert line["message"] == "mise en ligne « été »"
    assert (line["level"], line["logger"], line["request_id"]) == ("WARNING", "aimf_portal", "-")
