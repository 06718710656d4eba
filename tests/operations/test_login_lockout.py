"""Brute force on Wagtail's login view: django-axes, per username whatever the address."""

from datetime import timedelta

import pytest
from axes.models import AccessAttempt
from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.core.management import call_command
from django.db.models import F
from django.test import RequestFactory
from django.urls import reverse

from aimf_portal.operations.client_ip import client_ip

pytestmark = pytest.mark.django_db

PASSWORD = "mot-de-passe-correct-42"
LOCKOUT_MESSAGE = "Trop de tentatives de connexion ont échoué"


@pytest.fixture
def login_url():
    url = reverse("wagtailadmin_login")
    assert url == f"/{settings.ADMIN_URL_PATH}login/"
    return url


@pytest.fixture
def alice(django_user_model):
    return django_user_model.objects.create_superuser("alice", "alice@aimf.example", PASSWORD)


def sign_in(client, url, username, password, address="192.0.2.10", **headers):
    return client.post(
        url, {"username": username, "password": password}, REMOTE_ADDR=address, **headers
    )


def fail(client, url, times, username="alice", address="192.0.2.10", **headers):
    return [
        sign_in(client, url, username, "mauvais", address, **headers).status_code
        for _ in range(times)
    ]


def is_signed_in(client):
    return "_auth_user_id" in client.session


def test_four_failures_leave_the_form_and_the_fifth_locks(client, login_url, alice):
    assert fail(client, login_url, 4) == [200] * 4
    response = sign_in(client, login_url, "alice", "mauvais")
    assert response.status_code == 429
    content = response.content.decode()
    assert LOCKOUT_MESSAGE in content
    assert "bloquée pendant 15 minutes" in content
    assert response["Retry-After"] == "900"


def test_the_right_password_is_refused_while_locked(client, login_url, alice):
    fail(client, login_url, 5)
    response = sign_in(client, login_url, "alice", PASSWORD)
    assert response.status_code == 429
    assert LOCKOUT_MESSAGE in response.content.decode()
    assert not is_signed_in(client)


def test_another_user_is_not_locked_but_another_address_is(
    client, login_url, alice, django_user_model
):
    """Counted per username whatever the address: changing address gives no more tries."""
    django_user_model.objects.create_superuser("bruno", "bruno@aimf.example", PASSWORD)
    fail(client, login_url, 5)
    assert sign_in(client, login_url, "bruno", PASSWORD).status_code == 302
    client.logout()
    assert sign_in(client, login_url, "alice", PASSWORD, address="198.51.100.7").status_code == 429


def test_a_success_resets_the_count(client, login_url, alice):
    fail(client, login_url, 4)
    assert sign_in(client, login_url, "alice", PASSWORD).status_code == 302
    client.logout()
    assert fail(client, login_url, 4) == [200] * 4


def test_the_lock_ends_after_the_cool_off(client, login_url, alice):
    fail(client, login_url, 5)
    AccessAttempt.objects.update(attempt_time=F("attempt_time") - timedelta(minutes=16))
    assert sign_in(client, login_url, "alice", PASSWORD).status_code == 302


def test_each_try_while_locked_restarts_the_cool_off(client, login_url, alice):
    fail(client, login_url, 5)
    AccessAttempt.objects.update(attempt_time=F("attempt_time") - timedelta(minutes=10))
    assert sign_in(client, login_url, "alice", PASSWORD).status_code == 429
    AccessAttempt.objects.update(attempt_time=F("attempt_time") - timedelta(minutes=10))
    assert sign_in(client, login_url, "alice", PASSWORD).status_code == 429


def test_axes_reset_username_unlocks_at_once(client, login_url, alice):
    fail(client, login_url, 5)
    call_command("axes_reset_username", "alice")
    assert sign_in(client, login_url, "alice", PASSWORD).status_code == 302


def test_failures_are_logged_with_username_and_address(client, login_url, alice, caplog):
    fail(client, login_url, 2)
    failures = [record.getMessage() for record in caplog.records if record.name.startswith("axes")]
    assert any("login failure" in line and 'username: "alice"' in line for line in failures)
    assert any('ip_address: "192.0.2.10"' in line for line in failures)


def test_behind_a_proxy_the_client_is_the_address_the_proxy_saw(client, login_url, alice, settings):
    settings.TRUSTED_PROXIES = ["10.0.0.1"]
    # A forged left-most hop changes nothing: the proxy appended the real client's address.
    for forged in range(3):
        sign_in(
            client,
            login_url,
            "alice",
            "mauvais",
            "10.0.0.1",
            HTTP_X_FORWARDED_FOR=f"203.0.113.{forged}, 192.0.2.66",
        )
    assert set(AccessAttempt.objects.values_list("ip_address", flat=True)) == {"192.0.2.66"}


def test_rotating_forwarded_addresses_does_not_bypass_the_lockout(client, login_url, alice):
    """Straight to the application server (no trusted proxy), X-Forwarded-For is not believed;
    and whatever the address, one username gets AXES_FAILURE_LIMIT tries."""
    for number in range(8):
        sign_in(
            client,
            login_url,
            "alice",
            "mauvais",
            f"198.51.100.{number}",
            HTTP_X_FORWARDED_FOR=f"203.0.113.{number}",
        )
    locked = sign_in(
        client, login_url, "alice", PASSWORD, "198.51.100.99", HTTP_X_FORWARDED_FOR="192.0.2.1"
    )
    assert locked.status_code == 429


@pytest.mark.parametrize(
    ("trusted", "remote", "forwarded_for", "expected"),
    [
        ([], "10.0.0.1", "203.0.113.9", "10.0.0.1"),
        (["10.0.0.1"], "10.0.0.1", "203.0.113.9", "203.0.113.9"),
        (["10.0.0.1"], "198.51.100.7", "203.0.113.9", "198.51.100.7"),
        (["10.0.0.1"], "10.0.0.1", "pas-une-adresse", "10.0.0.1"),
        (["10.0.0.0/8"], "10.0.0.1", "203.0.113.9, 10.0.0.2", "203.0.113.9"),
        (["10.0.0.0/8"], "10.0.0.1", "192.0.2.66, 203.0.113.9, 10.0.0.2", "203.0.113.9"),
        (["10.0.0.1"], "10.0.0.1", "", "10.0.0.1"),
        (["::1"], "::1", "2001:db8::5", "2001:db8::5"),
        # "*" (gunicorn's "trust every proxy"): the leftmost address, whoever connects.
        (["*"], "198.51.100.7", "203.0.113.9", "203.0.113.9"),
        (["*"], "10.0.0.1", "192.0.2.66, 203.0.113.9, 10.0.0.2", "192.0.2.66"),
        (["*"], "10.0.0.1", "", "10.0.0.1"),
        (["*"], "10.0.0.1", "pas-une-adresse, 203.0.113.9", "203.0.113.9"),
        ([" 10.0.0.1 "], "10.0.0.1", "203.0.113.9", "203.0.113.9"),
    ],
)
def test_client_ip(settings, trusted, remote, forwarded_for, expected):
    settings.TRUSTED_PROXIES = trusted
    request = RequestFactory().get("/", REMOTE_ADDR=remote, HTTP_X_FORWARDED_FOR=forwarded_for)
    assert client_ip(request) == expected


def test_a_malformed_trusted_proxy_is_named(settings):
    settings.TRUSTED_PROXIES = ["10.0.0.1", "proxy.interne"]
    request = RequestFactory().get("/", REMOTE_ADDR="10.0.0.1")
    with pytest.raises(ImproperlyConfigured, match=r"« proxy\.interne » n'est ni une adresse IP"):
        client_ip(request)
