"""The commands cron and the team run: purge, erasure, retention, suppression check."""

import io
from datetime import timedelta

import pytest
from django.core import mail
from django.core.management import CommandError, call_command
from django.test import override_settings
from django.utils import timezone

from newsletter.models import ConsentEvent, Subscriber, SuppressedAddress
from newsletter.subscriptions import erase

from .helpers import (
    SIGNUP_URL,
    confirmed_subscriber,
    link_in,
    pending_subscriber,
    signup_data,
    subscriber_for,
    unsubscribed_subscriber,
)

pytestmark = pytest.mark.django_db


def run(*args):
    stdout, stderr = io.StringIO(), io.StringIO()
    call_command(*args, stdout=stdout, stderr=stderr)
    return stdout.getvalue(), stderr.getvalue()


def age(subscriber, days):
    """Move a subscriber's history `days` days into the past."""
    past = timezone.now() - timedelta(days=days)
    Subscriber.objects.filter(pk=subscriber.pk).update(
        created_at=past,
        confirmed_at=past if subscriber.confirmed_at else None,
        last_activity_at=past if subscriber.last_activity_at else None,
    )
    # The log refuses updates through the model; tests may rewrite history with a query.
    ConsentEvent.objects.filter(subscriber=subscriber).update(occurred_at=past)


def test_purge_deletes_pending_sign_ups_older_than_30_days_and_nothing_else():
    old_pending = pending_subscriber("ancien@exemple.org")
    age(old_pending, 31)
    recent_pending = pending_subscriber("recent@exemple.org")
    age(recent_pending, 29)
    old_confirmed = confirmed_subscriber("abonne@exemple.org")
    age(old_confirmed, 400)
    old_unsubscribed = unsubscribed_subscriber("parti@exemple.org")
    age(old_unsubscribed, 400)

    stdout, _ = run("newsletter_purge_pending")

    assert stdout.strip() == "1 inscription(s) non confirmée(s) supprimée(s)."
    assert set(Subscriber.objects.values_list("email", flat=True)) == {
        "recent@exemple.org",
        "abonne@exemple.org",
        "parti@exemple.org",
    }
    assert not ConsentEvent.objects.filter(subscriber_id=old_pending.pk).exists()


def test_a_new_request_postpones_the_purge():
    subscriber = pending_subscriber()
    age(subscriber, 40)
    pending_subscriber()  # The same address asks again today.

    run("newsletter_purge_pending")

    assert Subscriber.objects.filter(pk=subscriber.pk).exists()


@override_settings(NEWSLETTER_PENDING_DAYS=7)
def test_the_purge_delay_is_configurable_and_can_be_given_on_the_command_line():
    subscriber = pending_subscriber()
    age(subscriber, 8)

    run("newsletter_purge_pending", "--days", "10")
    assert Subscriber.objects.exists()
    run("newsletter_purge_pending")
    assert not Subscriber.objects.exists()


def test_a_confirmation_link_of_a_purged_sign_up_is_no_longer_valid(client):
    client.post(SIGNUP_URL, signup_data())
    link = link_in(mail.outbox[-1], "/newsletter/confirmer/")
    age(subscriber_for("maire@exemple.org"), 31)
    run("newsletter_purge_pending")

    assert client.post(link).status_code == 410


def test_erase_command_erases_and_suppresses():
    subscriber = confirmed_subscriber("Maire@exemple.org")

    stdout, _ = run("newsletter_erase", "maire@EXEMPLE.org", "inconnu@exemple.org")

    subscriber.refresh_from_db()
    assert subscriber.status == Subscriber.Status.ERASED
    assert subscriber.consent_events.last().method == ConsentEvent.Method.COMMAND
    assert SuppressedAddress.objects.count() == 2
    assert "maire@EXEMPLE.org : abonné effacé" in stdout
    assert "inconnu@exemple.org : aucun abonné" in stdout


def test_inactive_subscribers_are_listed_after_three_years():
    dormant = confirmed_subscriber("dormant@exemple.org")
    age(dormant, 3 * 365 + 1)
    active = confirmed_subscriber("actif@exemple.org")
    age(active, 3 * 365 - 1)
    gone = unsubscribed_subscriber("parti@exemple.org")
    age(gone, 5 * 365)

    stdout, stderr = run("newsletter_inactive")

    lines = stdout.splitlines()
    assert lines[0] == "email,confirme_le,derniere_activite"
    assert [line.split(",")[0] for line in lines[1:]] == ["dormant@exemple.org"]
    assert "1 abonné(s) sans activité depuis 1095 jours." in stderr
    assert Subscriber.objects.get(pk=dormant.pk).status == Subscriber.Status.CONFIRMED


def test_inactive_subscribers_can_be_erased():
    dormant = confirmed_subscriber("dormant@exemple.org")
    age(dormant, 2 * 365)

    run("newsletter_inactive", "--days", str(365), "--erase")

    dormant.refresh_from_db()
    assert dormant.status == Subscriber.Status.ERASED
    assert dormant.email is None


def test_filter_suppressed_keeps_only_addresses_never_erased(tmp_path):
    erase(confirmed_subscriber("efface@exemple.org"), ConsentEvent.Method.ADMIN)
    addresses = tmp_path / "ancienne-liste.txt"
    addresses.write_text("garde@exemple.org\nEfface@Exemple.org\n\nautre@exemple.org\n")

    stdout, stderr = run("newsletter_filter_suppressed", str(addresses))

    assert stdout.splitlines() == ["garde@exemple.org", "autre@exemple.org"]
    assert stderr.startswith("1 adresse(s) écartée(s)")
    assert "efface" not in stderr.lower()


def test_filter_suppressed_says_clearly_when_the_file_cannot_be_read(tmp_path):
    with pytest.raises(CommandError, match="Impossible de lire"):
        run("newsletter_filter_suppressed", str(tmp_path / "absent.txt"))
