"""Bounces and complaints reported by the email provider's webhooks (django-anymail's tracking
signal): a hard bounce or a complaint excludes the address at once, temporary bounces after
NEWSLETTER_SOFT_BOUNCE_LIMIT; each exclusion is a consent event with its reason.

Anymail checks the webhook's credentials before the signal is sent (a wrong secret gets 400 and
reaches nothing here). An event already seen (a provider retrying, a replay) changes nothing.
"""

import hashlib
import json

from anymail.signals import EventType
from django.db import transaction
from django.db.models import F
from django.utils import timezone

from .conf import newsletter_setting
from .models import Delivery, ProviderEvent, Subscriber
from .privacy import address_digest
from .subscriptions import suppress

HANDLED_EVENTS = (EventType.BOUNCED, EventType.REJECTED, EventType.COMPLAINED)
HARD_BOUNCE_REASON = "rebond définitif signalé par le service d'envoi"
COMPLAINT_REASON = "plainte pour spam signalée par le service d'envoi"
SOFT_BOUNCES_REASON = "{count} rebonds temporaires signalés par le service d'envoi"


def is_soft_bounce(event):
    """Whether a bounce is temporary (a full mailbox…); each provider says it its own way."""
    if event.event_type != EventType.BOUNCED:
        return False
    raw = event.esp_event if isinstance(event.esp_event, dict) else {}
    if raw.get("event") == "soft_bounce":  # Brevo
        return True
    if raw.get("hard_bounce") is False:  # Mailjet
        return True
    bounce = raw.get("bounce") or {}
    return isinstance(bounce, dict) and bounce.get("bounceType") == "Transient"  # Amazon SES


def event_key(event):
    """The provider's id for the event, or (Brevo gives none) a digest of what it sent."""
    if event.event_id:
        return str(event.event_id)[:64]
    try:
        raw = json.dumps(event.esp_event, sort_keys=True, default=str)
    except TypeError:
        raw = repr(event.esp_event)
    return hashlib.sha256(raw.encode()).hexdigest()


def delivery_for(event):
    """The delivery the event is about: by the id put in the message's metadata, else by the
    provider's message id."""
    delivery_id = str((event.metadata or {}).get("delivery", ""))
    if delivery_id.isdigit():
        found = Delivery.objects.filter(pk=int(delivery_id)).select_related("subscriber").first()
        if found is not None:
            return found
    if event.message_id:
        return (
            Delivery.objects.filter(provider_message_id=str(event.message_id))
            .select_related("subscriber")
            .first()
        )
    return None


def handle_tracking(sender, event, esp_name, **kwargs):
    if event.event_type not in HANDLED_EVENTS:
        return
    with transaction.atomic():
        _, created = ProviderEvent.objects.get_or_create(
            provider=esp_name[:40],
            event_key=event_key(event),
            defaults={
                "event_type": event.event_type,
                "recipient_hash": address_digest(event.recipient) if event.recipient else "",
            },
        )
        if not created:
            return
        delivery = delivery_for(event)
        if delivery is not None:
            subscriber = delivery.subscriber
            ProviderEvent.objects.filter(provider=esp_name[:40], event_key=event_key(event)).update(
                delivery=delivery
            )
        elif event.recipient:
            subscriber = Subscriber.objects.filter(email__iexact=event.recipient).first()
        else:
            subscriber = None
        record(event, delivery, subscriber)


def record(event, delivery, subscriber):
    now = timezone.now()
    if event.event_type == EventType.COMPLAINED:
        if delivery is not None:
            Delivery.objects.filter(pk=delivery.pk).update(complained_at=now)
        if subscriber is not None:
            suppress(subscriber, COMPLAINT_REASON)
        return
    if delivery is not None:
        Delivery.objects.filter(pk=delivery.pk, bounced_at__isnull=True).update(bounced_at=now)
    if subscriber is None:
        return
    if not is_soft_bounce(event):
        suppress(subscriber, HARD_BOUNCE_REASON)
        return
    Subscriber.objects.filter(pk=subscriber.pk).update(soft_bounces=F("soft_bounces") + 1)
    subscriber.refresh_from_db(fields=["soft_bounces"])
    if subscriber.soft_bounces >= newsletter_setting("SOFT_BOUNCE_LIMIT"):
        suppress(subscriber, SOFT_BOUNCES_REASON.format(count=subscriber.soft_bounces))
