"""Per-network and per-address limits on the POST endpoints, answered with a French 429."""

import pytest
from django.core import mail
from django.test import override_settings

from newsletter.models import Subscriber
from newsletter.views import RATE_LIMITED_MESSAGE

from .helpers import SIGNUP_URL, link_in, signup_data, text_of

pytestmark = pytest.mark.django_db


def test_five_sign_ups_per_network_then_429(client):
    statuses = [
        client.post(SIGNUP_URL, signup_data(f"maire{n}@exemple.org")).status_code for n in range(6)
    ]

    assert statuses == [302] * 5 + [429]
    assert Subscriber.objects.count() == 5
    assert len(mail.outbox) == 5


def test_the_429_page_is_in_french_and_says_when_to_retry(client):
    for n in range(5):
        client.post(SIGNUP_URL, signup_data(f"maire{n}@exemple.org"))

    response = client.post(SIGNUP_URL, signup_data("encore@exemple.org"))
    json_response = client.post(
        SIGNUP_URL, signup_data("encore@exemple.org"), HTTP_ACCEPT="application/json"
    )

    assert response.status_code == 429
    assert response["Retry-After"] == "600"
    assert RATE_LIMITED_MESSAGE in text_of(response)
    assert json_response.status_code == 429
    assert json_response.json() == {"message": RATE_LIMITED_MESSAGE}
    assert not Subscriber.objects.filter(email="encore@exemple.org").exists()


def test_another_network_is_not_limited(client):
    for n in range(5):
        client.post(SIGNUP_URL, signup_data(f"maire{n}@exemple.org"))

    response = client.post(SIGNUP_URL, signup_data("voisin@exemple.org"), REMOTE_ADDR="192.0.2.7")

    assert response.status_code == 302


def test_ipv6_visitors_are_counted_by_their_64_network(client):
    for n in range(5):
        client.post(
            SIGNUP_URL, signup_data(f"maire{n}@exemple.org"), REMOTE_ADDR=f"2001:db8:1:2::{n + 1}"
        )

    same_network = client.post(
        SIGNUP_URL, signup_data("encore@exemple.org"), REMOTE_ADDR="2001:db8:1:2::99"
    )

    assert same_network.status_code == 429


def test_three_emails_per_address_and_network_per_day(client):
    statuses = [
        client.post(
            SIGNUP_URL, signup_data("Maire@exemple.org"), REMOTE_ADDR="192.0.2.1"
        ).status_code
        for _ in range(4)
    ]

    assert statuses == [302, 302, 302, 429]
    assert len(mail.outbox) == 3
    assert Subscriber.objects.get().consent_events.count() == 3


def test_a_stranger_cannot_block_the_owners_sign_up(client):
    """Issue 15, section 5: someone who exhausts the limit for a victim's address blocks only
    their own network; the owner signs up and receives the email."""
    for _ in range(4):
        client.post(SIGNUP_URL, signup_data("victime@exemple.org"), REMOTE_ADDR="203.0.113.66")
    mail.outbox.clear()

    response = client.post(
        SIGNUP_URL, signup_data("victime@exemple.org"), REMOTE_ADDR="198.51.100.20"
    )

    assert response.status_code == 302
    assert [message.to for message in mail.outbox] == [["victime@exemple.org"]]


@override_settings(NEWSLETTER_EMAILS_PER_ADDRESS_ALL_NETWORKS=3)
def test_past_the_inbox_cap_requests_are_recorded_and_answered_but_send_nothing(client):
    for n in range(3):
        client.post(SIGNUP_URL, signup_data("victime@exemple.org"), REMOTE_ADDR=f"192.0.2.{n}")
    assert len(mail.outbox) == 3

    response = client.post(
        SIGNUP_URL, signup_data("victime@exemple.org"), REMOTE_ADDR="198.51.100.20", follow=True
    )

    assert response.redirect_chain == [("/newsletter/merci/", 302)]
    assert len(mail.outbox) == 3
    subscriber = Subscriber.objects.get()
    assert subscriber.consent_events.count() == 4
    # The owner's confirmation flow still works: any of the links received confirms.
    client.post(link_in(mail.outbox[0], "/newsletter/confirmer/"))
    subscriber.refresh_from_db()
    assert subscriber.status == Subscriber.Status.CONFIRMED


def test_the_address_limit_ignores_case(client):
    for email in ["maire@exemple.org", "MAIRE@exemple.org", "Maire@EXEMPLE.org"]:
        client.post(SIGNUP_URL, signup_data(email), REMOTE_ADDR="192.0.2.1")

    response = client.post(SIGNUP_URL, signup_data("maire@Exemple.Org"), REMOTE_ADDR="192.0.2.1")

    assert response.status_code == 429


def test_the_resend_form_shares_the_limits(client):
    for _ in range(3):
        client.post(SIGNUP_URL, signup_data("maire@exemple.org"), REMOTE_ADDR="192.0.2.1")

    response = client.post(
        "/newsletter/renvoyer/", signup_data("maire@exemple.org"), REMOTE_ADDR="192.0.2.1"
    )

    assert response.status_code == 429


@override_settings(TRUSTED_PROXIES=["10.0.0.1"])
def test_behind_a_proxy_the_visitor_is_the_address_the_proxy_saw(client):
    for n in range(5):
        client.post(
            SIGNUP_URL,
            signup_data(f"maire{n}@exemple.org"),
            REMOTE_ADDR="10.0.0.1",
            HTTP_X_FORWARDED_FOR=f"203.0.113.{n}",
        )

    # Another visitor through the same proxy is not limited; a forged prefix changes nothing.
    other = client.post(
        SIGNUP_URL,
        signup_data("autre@exemple.org"),
        REMOTE_ADDR="10.0.0.1",
        HTTP_X_FORWARDED_FOR="203.0.113.0, 198.51.100.9",
    )
    assert other.status_code == 302
    spoofing = [
        client.post(
            SIGNUP_URL,
            signup_data(f"robot{n}@exemple.org"),
            REMOTE_ADDR="10.0.0.1",
            HTTP_X_FORWARDED_FOR=f"192.0.2.{n}, 198.51.100.9",
        ).status_code
        for n in range(5)
    ]
    assert spoofing == [302] * 4 + [429]
