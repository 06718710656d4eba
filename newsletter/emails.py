"""The emails the newsletter sends itself, in French, as plain text and HTML.

Nothing a visitor typed except their address ever goes into them. Messages that go to a
subscribed address carry List-Unsubscribe and List-Unsubscribe-Post (RFC 8058) so a mail client
can offer a one-click unsubscribe. A failing email backend never loses a subscription: the
failure is logged and the caller tells the visitor to ask for a new link later.
"""

import logging

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.template.loader import render_to_string
from django.urls import reverse

from aimf_portal.editorial.text import accent_insensitive_key

from .conf import DAY, newsletter_setting
from .tokens import confirmation_token, unsubscribe_token

logger = logging.getLogger(__name__)

CONFIRMATION_SUBJECT = "Confirmez votre inscription à la lettre d'actualités de l'AIMF"
ALREADY_SUBSCRIBED_SUBJECT = "Vous êtes déjà abonné·e à la lettre d'actualités de l'AIMF"
WELCOME_SUBJECT = "Bienvenue : votre inscription à la lettre d'actualités de l'AIMF est confirmée"


def unsubscribe_url(request, subscriber):
    return request.build_absolute_uri(
        reverse("newsletter:unsubscribe", args=[unsubscribe_token(subscriber)])
    )


def send_after_signup(request, signup):
    """The email a sign-up (or a request for a new link) calls for; False if sending failed."""
    if signup.request is None:
        return _send_to_subscriber(
            request, signup.subscriber, "already_subscribed", ALREADY_SUBSCRIBED_SUBJECT
        )
    confirm_url = request.build_absolute_uri(
        reverse("newsletter:confirm", args=[confirmation_token(signup.request)])
    )
    return _send(
        request,
        signup.subscriber,
        "confirmation",
        CONFIRMATION_SUBJECT,
        {
            "confirm_url": confirm_url,
            "valid_days": newsletter_setting("CONFIRMATION_MAX_AGE") // DAY,
            "pending_days": newsletter_setting("PENDING_DAYS"),
        },
    )


def send_welcome(request, subscriber):
    themes = sorted(subscriber.themes.all(), key=lambda theme: accent_insensitive_key(theme.title))
    return _send_to_subscriber(request, subscriber, "welcome", WELCOME_SUBJECT, {"themes": themes})


def _send_to_subscriber(request, subscriber, template, subject, context=None):
    url = unsubscribe_url(request, subscriber)
    headers = {
        "List-Unsubscribe": f"<{url}>",
        "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
    }
    context = {**(context or {}), "unsubscribe_url": url}
    return _send(request, subscriber, template, subject, context, headers)


def _send(request, subscriber, template, subject, context, headers=None):
    context = {
        **context,
        "subscriber": subscriber,
        "newsletter_url": request.build_absolute_uri(reverse("newsletter:signup")),
        "resend_url": request.build_absolute_uri(reverse("newsletter:resend")),
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
