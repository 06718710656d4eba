"""The emails the newsletter sends itself, in French, as plain text and HTML.

Nothing a visitor typed except their address ever goes into them. Links are built from the
configured site address (links.py), never from the request's Host header. Messages that go to a
subscribed address carry List-Unsubscribe and List-Unsubscribe-Post (RFC 8058) so a mail client
can offer a one-click unsubscribe. A failing email backend never loses a subscription: the
failure is logged and the caller tells the visitor to ask for a new link later.
"""

import logging

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.template.loader import render_to_string
from django.urls import reverse
from django_tasks import task

from aimf_portal.editorial.text import accent_insensitive_key

from .conf import DAY, newsletter_setting
from .links import absolute
from .ratelimit import may_email
from .subscriptions import request_to_resend
from .tokens import confirmation_token, preferences_token, unsubscribe_token

logger = logging.getLogger(__name__)

CONFIRMATION_SUBJECT = "Confirmez votre inscription à la lettre d'actualités de l'AIMF"
ALREADY_SUBSCRIBED_SUBJECT = "Vous êtes déjà abonné·e à la lettre d'actualités de l'AIMF"
WELCOME_SUBJECT = "Bienvenue : votre inscription à la lettre d'actualités de l'AIMF est confirmée"


def unsubscribe_url(subscriber):
    return absolute(reverse("newsletter:unsubscribe", args=[unsubscribe_token(subscriber)]))


def preferences_url(subscriber):
    return absolute(reverse("newsletter:preferences", args=[preferences_token(subscriber)]))


# The backend newsletter sends use: in the database and run by the worker in production.
@task(backend="newsletter", queue_name="newsletter")
def send_new_link(email):
    """The email a request for a new link calls for, if any. Run in the background: the page
    answers at once whether the address is known or not, so its timing reveals nothing."""
    if signup_request := request_to_resend(email):
        send_after_signup(signup_request)


def send_after_signup(signup):
    """The email a sign-up (or a request for a new link) calls for; False if sending failed."""
    if not may_email(signup.subscriber.email):
        # The inbox's cap (ratelimit.py): the request is recorded, the earlier emails' links
        # work, and nothing failed.
        logger.info("Newsletter : plafond d'e-mails atteint (abonné n° %s)", signup.subscriber.pk)
        return True
    if signup.request is None:
        return _send_to_subscriber(
            signup.subscriber, "already_subscribed", ALREADY_SUBSCRIBED_SUBJECT
        )
    confirm_url = absolute(reverse("newsletter:confirm", args=[confirmation_token(signup.request)]))
    return _send(
        signup.subscriber,
        "confirmation",
        CONFIRMATION_SUBJECT,
        {
            "confirm_url": confirm_url,
            "valid_days": newsletter_setting("CONFIRMATION_MAX_AGE") // DAY,
            "pending_days": newsletter_setting("PENDING_DAYS"),
        },
    )


def send_welcome(subscriber):
    themes = sorted(subscriber.themes.all(), key=lambda theme: accent_insensitive_key(theme.title))
    context = {"themes": themes, "preferences_url": preferences_url(subscriber)}
    return _send_to_subscriber(subscriber, "welcome", WELCOME_SUBJECT, context)


def _send_to_subscriber(subscriber, template, subject, context=None):
    url = unsubscribe_url(subscriber)
    headers = {
        "List-Unsubscribe": f"<{url}>",
        "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
    }
    context = {**(context or {}), "unsubscribe_url": url}
    return _send(subscriber, template, subject, context, headers)


def _send(subscriber, template, subject, context, headers=None):
    context = {
        **context,
        "subscriber": subscriber,
        "newsletter_url": absolute(reverse("newsletter:signup")),
        "resend_url": absolute(reverse("newsletter:resend")),
    }
    message = EmailMultiAlternatives(
        subject=subject,
        body=render_to_string(f"newsletter/emails/{template}.txt", context),
        from_email=settings.DEFAULT_FROM_EMAIL,
        to=[subscriber.email],
        headers=headers,
    )
    message.attach_alternative(
        render_to_string(f"newsletter/emails/{template}.html", context), "text/html"
    )
    try:
        message.send()
    except Exception:
        # Any backend error (SMTP, DNS, TLS, a provider's API): the subscription stays as it is.
        logger.exception(
            "Newsletter : échec de l'envoi « %s » à l'abonné n° %s", template, subscriber.pk
        )
        return False
    return True
