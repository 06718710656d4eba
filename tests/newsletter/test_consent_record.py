"""The consent record itself: versioned texts, an append-only log, one row per address, no raw
IP address, and erasure that leaves no address anywhere."""

import pytest
from django.db import IntegrityError, transaction
from django.test import RequestFactory, override_settings

from newsletter.models import (
    ConsentEvent,
    ConsentText,
    ImmutableRecordError,
    Subscriber,
    SuppressedAddress,
)
from newsletter.privacy import address_digest, client_network, network_hash
from newsletter.subscriptions import erase, erase_address

from .helpers import confirmed_subscriber, pending_subscriber

pytestmark = pytest.mark.django_db


def test_the_first_consent_text_comes_from_a_data_migration():
    first = ConsentText.objects.get(version=1)

    assert "lettre d'actualités" in first.text
    assert ConsentText.current() == first


def test_a_new_consent_text_is_the_next_version_and_becomes_current():
    newer = ConsentText.objects.create(text="Nouvelle formulation.")

    assert newer.version == 2
    assert ConsentText.current() == newer


def test_a_consent_text_is_never_edited_in_place_nor_deleted():
    text = ConsentText.current()
    text.text = "Réécrit après coup."

    with pytest.raises(ImmutableRecordError):
        text.save()
    with pytest.raises(ImmutableRecordError):
        text.delete()
    assert ConsentText.objects.get(pk=text.pk).text != "Réécrit après coup."


def test_the_consent_log_is_append_only():
    event = pending_subscriber().consent_events.get()
    event.action = ConsentEvent.Action.CONFIRM

    with pytest.raises(ImmutableRecordError):
        event.save()
    with pytest.raises(ImmutableRecordError):
        event.delete()


def test_a_subscriber_with_a_history_cannot_be_deleted_by_accident():
    subscriber = pending_subscriber()

    with pytest.raises(IntegrityError), transaction.atomic():
        subscriber.delete()


def test_addresses_are_unique_whatever_their_case_at_the_database_level():
    Subscriber.objects.create(email="Maire@exemple.org")

    with pytest.raises(IntegrityError), transaction.atomic():
        Subscriber.objects.create(email="maire@EXEMPLE.org")


def test_an_erased_subscriber_keeps_no_address():
    with pytest.raises(IntegrityError), transaction.atomic():
        Subscriber.objects.create(email="maire@exemple.org", status=Subscriber.Status.ERASED)


def test_erasure_leaves_no_address_anywhere_but_an_anonymous_history(themes):
    subscriber = confirmed_subscriber("Maire@Exemple.org", themes=[themes[0]])

    erase(subscriber, ConsentEvent.Method.ADMIN)

    subscriber.refresh_from_db()
    assert subscriber.email is None
    assert subscriber.status == Subscriber.Status.ERASED
    assert subscriber.erased_at is not None
    assert subscriber.confirmed_at is not None, "The trace that consent existed stays."
    assert not subscriber.themes.exists()
    assert [event.action for event in subscriber.consent_events.all()] == [
        "subscribe",
        "confirm",
        "erase",
    ]
    assert subscriber.consent_events.last().method == ConsentEvent.Method.ADMIN
    for event in ConsentEvent.objects.all():
        values = [str(value) for value in vars(event).values()]
        assert not any("exemple.org" in value.lower() for value in values)
        assert event.network_hash == ""
    for row in Subscriber.objects.values():
        assert not any("exemple.org" in str(value).lower() for value in row.values())
    [suppressed] = SuppressedAddress.objects.all()
    assert suppressed.address_hash == address_digest("maire@exemple.org")
    assert "maire" not in suppressed.address_hash


def test_erasing_twice_changes_nothing():
    subscriber = confirmed_subscriber()
    erase(subscriber, ConsentEvent.Method.ADMIN)

    erase(subscriber, ConsentEvent.Method.COMMAND)

    assert subscriber.consent_events.filter(action="erase").count() == 1


def test_erasing_an_unknown_address_still_suppresses_it():
    assert erase_address("Inconnu@Exemple.org", ConsentEvent.Method.COMMAND) is False

    assert SuppressedAddress.objects.get().address_hash == address_digest("inconnu@exemple.org")


def request_from(address, forwarded=None):
    meta = {"REMOTE_ADDR": address}
    if forwarded:
        meta["HTTP_X_FORWARDED_FOR"] = forwarded
    return RequestFactory().get("/", **meta)


def test_the_network_is_kept_only_as_a_short_keyed_hash():
    digest = network_hash(request_from("203.0.113.5"))

    assert len(digest) == 16
    assert digest != network_hash(request_from("203.0.113.6"))
    with override_settings(NEWSLETTER_HASH_KEY="une-autre-cle"):
        assert network_hash(request_from("203.0.113.5")) != digest


def test_ipv6_addresses_are_reduced_to_their_64_network():
    assert client_network(request_from("2001:db8:1:2:3:4:5:6")) == "2001:db8:1:2::/64"
    assert client_network(request_from("203.0.113.5")) == "203.0.113.5"
    assert client_network(request_from("pas une adresse")) == "inconnue"


@override_settings(TRUSTED_PROXIES=["10.0.0.0/8"])
def test_with_two_proxies_the_visitor_is_the_first_untrusted_address_from_the_right():
    request = request_from("10.0.0.1", forwarded="192.0.2.66, 203.0.113.5, 10.0.0.2")

    assert client_network(request) == "203.0.113.5"
