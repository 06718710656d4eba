"""Building blocks for the newsletter tests: a valid sign-up payload and subscribers in each
state, made through the same functions the views use so their consent logs are real."""

import re
import time

from bs4 import BeautifulSoup
from django.core import mail

from newsletter.models import ConsentEvent, ConsentText, Subscriber
from newsletter.subscriptions import confirm_subscription, request_subscription, unsubscribe
from newsletter.tokens import form_started_stamp

SIGNUP_URL = "/newsletter/"
NETWORK_HASH = "0123456789abcdef"


def signup_data(email="maire@exemple.org", **overrides):
    """What the footer form posts when a person fills it in, a minute after the page loaded."""
    data = {
        "email": email,
        "consent": "on",
        "consent_version": ConsentText.current().version,
        "started": form_started_stamp(time.time() - 60),
        "source_page": "/environnement/",
        "website": "",
    }
    data.update(overrides)
    return data


def pending_subscriber(email="maire@exemple.org", themes=()):
    signup = request_subscription(email, themes, ConsentText.current(), "/", NETWORK_HASH)
    return signup.subscriber


def confirmed_subscriber(email="maire@exemple.org", themes=()):
    subscriber = pending_subscriber(email, themes)
    request = subscriber.open_request()
    confirm_subscription(subscriber.reference, request.pk, NETWORK_HASH)
    subscriber.refresh_from_db()
    return subscriber


def unsubscribed_subscriber(email="maire@exemple.org"):
    subscriber = confirmed_subscriber(email)
    unsubscribe(subscriber, ConsentEvent.Method.EMAIL_LINK)
    subscriber.refresh_from_db()
    return subscriber


def subscriber_for(email):
    return Subscriber.objects.get(email__iexact=email)


def actions_of(subscriber):
    return list(subscriber.consent_events.order_by("pk").values_list("action", flat=True))


def link_in(message, path):
    """The first absolute link to `path` in an email's plain text body."""
    match = re.search(rf"https?://\S+{re.escape(path)}\S+/", message.body)
    assert match, f"Pas de lien {path} dans : {message.body}"
    return match.group(0)


def sent_to(address):
    return [message for message in mail.outbox if message.to == [address]]


def text_of(response):
    """A page's text as a reader sees it (entities decoded, tags gone)."""
    return BeautifulSoup(response.content, "html.parser").get_text(" ", strip=True)
