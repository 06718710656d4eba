"""Every change of a subscriber's state, each written with the consent event that proves it.

Each change locks the subscriber's row (SELECT … FOR UPDATE on PostgreSQL; SQLite serialises
writers anyway), so concurrent requests for one address are applied one after the other.
"""

import enum
from dataclasses import dataclass
from datetime import timedelta

from django.db import transaction
from django.db.models import Exists, OuterRef
from django.utils import timezone

from .models import ConsentEvent, Delivery, Subscriber, SuppressedAddress
from .privacy import address_digest

Status = Subscriber.Status
Action = ConsentEvent.Action


@dataclass(frozen=True)
class SignupRequest:
    """What an email to this subscriber should say: confirm this request, or, when request is
    None, that the address is already subscribed."""

    subscriber: Subscriber
    request: ConsentEvent | None


class Confirmation(enum.Enum):
    CONFIRMED = "confirmed"
    ALREADY_CONFIRMED = "already_confirmed"
    NO_LONGER_VALID = "no_longer_valid"


def request_subscription(email, themes, consent_text, source_page, network_hash):
    """Record a sign-up from the form. A new or pending address gets a `subscribe` request, an
    unsubscribed one a `resubscribe` request; a subscribed address gets nothing new."""
    with transaction.atomic():
        # The case-insensitive unique constraint makes concurrent creations of one address
        # collide; get_or_create then reads (and locks) the row the winner wrote.
        subscriber, _ = Subscriber.objects.select_for_update().get_or_create(
            email__iexact=email, defaults={"email": email}
        )
        if subscriber.status == Status.CONFIRMED:
            return SignupRequest(subscriber, None)
        request = ConsentEvent.objects.create(
            subscriber=subscriber,
            action=Action.RESUBSCRIBE
            if subscriber.status == Status.UNSUBSCRIBED
            else Action.SUBSCRIBE,
            method=ConsentEvent.Method.FORM,
            consent_text=consent_text,
            source_page=source_page,
            network_hash=network_hash,
        )
        request.themes.set(themes)
    return SignupRequest(subscriber, request)


def request_to_resend(email):
    """What to send again to an address asking for a new link, or None if nothing waits for it."""
    subscriber = Subscriber.objects.filter(email__iexact=email).first()
    if subscriber is None:
        return None
    if subscriber.status == Status.CONFIRMED:
        return SignupRequest(subscriber, None)
    request = subscriber.open_request()
    return SignupRequest(subscriber, request) if request else None


def confirm_subscription(reference, request_id, network_hash):
    """Confirm the request a confirmation link was made for, if it is still open."""
    with transaction.atomic():
        subscriber = Subscriber.objects.select_for_update().filter(reference=reference).first()
        if subscriber is None:
            return Confirmation.NO_LONGER_VALID, None
        if subscriber.status == Status.CONFIRMED:
            return Confirmation.ALREADY_CONFIRMED, subscriber
        if not subscriber.is_request_open(request_id):
            return Confirmation.NO_LONGER_VALID, subscriber
        request = subscriber.consent_events.get(pk=request_id)
        now = timezone.now()
        subscriber.status = Status.CONFIRMED
        subscriber.confirmed_at = now
        subscriber.last_activity_at = now
        subscriber.unsubscribed_at = None
        # A confirmation proves the mailbox works again: earlier bounces no longer count.
        subscriber.soft_bounces = 0
        subscriber.save(
            update_fields=[
                "status",
                "confirmed_at",
                "last_activity_at",
                "unsubscribed_at",
                "soft_bounces",
            ]
        )
        subscriber.themes.set(request.themes.all())
        ConsentEvent.objects.create(
            subscriber=subscriber,
            action=Action.CONFIRM,
            method=ConsentEvent.Method.EMAIL_LINK,
            consent_text=request.consent_text,
            occurred_at=now,
            network_hash=network_hash,
        )
        # The person consented again of their own accord: the address may be exported again.
        SuppressedAddress.objects.filter(address_hash=address_digest(subscriber.email)).delete()
    return Confirmation.CONFIRMED, subscriber


def unsubscribe(subscriber, method, network_hash="", campaign_id=None):
    """Withdraw consent (and close any open request); False if there was nothing to withdraw.
    `campaign_id`: the issue whose link was used, counted in that issue's report."""
    with transaction.atomic():
        subscriber = Subscriber.objects.select_for_update().get(pk=subscriber.pk)
        if not subscriber.can_unsubscribe():
            return False
        now = timezone.now()
        subscriber.status = Status.UNSUBSCRIBED
        subscriber.unsubscribed_at = now
        subscriber.save(update_fields=["status", "unsubscribed_at"])
        delivery = Delivery.objects.filter(subscriber=subscriber, campaign_id=campaign_id)
        delivery.filter(unsubscribed_at__isnull=True).update(unsubscribed_at=now)
        ConsentEvent.objects.create(
            subscriber=subscriber,
            action=Action.UNSUBSCRIBE,
            method=method,
            occurred_at=now,
            network_hash=network_hash,
        )
    return True


def change_themes(subscriber, themes, network_hash):
    """Replace a subscriber's themes, logged with the new choice; False if nothing changed."""
    with transaction.atomic():
        subscriber = Subscriber.objects.select_for_update().get(pk=subscriber.pk)
        if subscriber.status != Status.CONFIRMED:
            return False
        if {theme.pk for theme in subscriber.themes.all()} == {theme.pk for theme in themes}:
            return False
        subscriber.themes.set(themes)
        event = ConsentEvent.objects.create(
            subscriber=subscriber,
            action=Action.PREFERENCES,
            method=ConsentEvent.Method.EMAIL_LINK,
            network_hash=network_hash,
        )
        event.themes.set(themes)
    return True


def suppress(subscriber, reason):
    """Stop sending to an address the email provider reported undeliverable or as a spam
    complaint; the reason goes into the consent log. False if it was not subscribed."""
    with transaction.atomic():
        subscriber = Subscriber.objects.select_for_update().get(pk=subscriber.pk)
        if subscriber.status != Status.CONFIRMED:
            return False
        subscriber.status = Status.SUPPRESSED
        subscriber.save(update_fields=["status"])
        ConsentEvent.objects.create(
            subscriber=subscriber,
            action=Action.SUPPRESS,
            method=ConsentEvent.Method.PROVIDER,
            reason=reason,
        )
    return True


def erase(subscriber, method):
    """Erase a subscriber's personal data, keeping an anonymous trace of the consent history and
    a keyed hash of the address on the suppression list."""
    with transaction.atomic():
        subscriber = Subscriber.objects.select_for_update().get(pk=subscriber.pk)
        if subscriber.status == Status.ERASED:
            return
        SuppressedAddress.objects.get_or_create(address_hash=address_digest(subscriber.email))
        # The one change the consent log allows: even hashed, a network is personal data.
        subscriber.consent_events.update(network_hash="")
        now = timezone.now()
        subscriber.email = None
        subscriber.status = Status.ERASED
        subscriber.erased_at = now
        subscriber.save(update_fields=["email", "status", "erased_at"])
        subscriber.themes.clear()
        ConsentEvent.objects.create(
            subscriber=subscriber, action=Action.ERASE, method=method, occurred_at=now
        )


def erase_address(email, method):
    """Erase the subscriber with this address, if any, and suppress the address in any case;
    True if a subscriber was found."""
    subscriber = Subscriber.objects.filter(email__iexact=email).first()
    if subscriber is None:
        SuppressedAddress.objects.get_or_create(address_hash=address_digest(email))
        return False
    erase(subscriber, method)
    return True


def purge_pending(days):
    """Delete sign-ups never confirmed whose last request is older than `days` days, with their
    requests: without a confirmation there is no consent to prove, and nothing to keep."""
    cutoff = timezone.now() - timedelta(days=days)
    recent_request = ConsentEvent.objects.filter(subscriber=OuterRef("pk"), occurred_at__gte=cutoff)
    with transaction.atomic():
        stale_ids = list(
            Subscriber.objects.select_for_update()
            .filter(status=Status.PENDING)
            .exclude(Exists(recent_request))
            .values_list("pk", flat=True)
        )
        # The other exception to the append-only log: requests that never became consent.
        ConsentEvent.objects.filter(subscriber__in=stale_ids).delete()
        Subscriber.objects.filter(pk__in=stale_ids).delete()
    return len(stale_ids)


def inactive_subscribers(days):
    """Subscribers with no activity for `days` days: to ask again for consent, or to erase."""
    cutoff = timezone.now() - timedelta(days=days)
    return Subscriber.objects.filter(status=Status.CONFIRMED, last_activity_at__lt=cutoff).order_by(
        "last_activity_at", "pk"
    )
