"""Signed values: the links sent by email and the timestamp hidden in the sign-up form.

Each kind has its own salt, so a token made for one purpose is worthless for another.
"""

import time
import uuid

from django.core import signing

from .conf import newsletter_setting

CONFIRMATION_SALT = "newsletter.confirmation"
UNSUBSCRIBE_SALT = "newsletter.unsubscribe"
FORM_STARTED_SALT = "newsletter.form-started"
PREFERENCES_SALT = "newsletter.preferences"


def confirmation_token(event):
    """A link confirming one sign-up request; it expires (NEWSLETTER_CONFIRMATION_MAX_AGE)."""
    payload = {"s": event.subscriber.reference.hex, "e": event.pk}
    return signing.TimestampSigner(salt=CONFIRMATION_SALT).sign_object(payload)


def read_confirmation_token(token):
    """(subscriber reference, request event id); raises BadSignature or SignatureExpired."""
    payload = signing.TimestampSigner(salt=CONFIRMATION_SALT).unsign_object(
        token, max_age=newsletter_setting("CONFIRMATION_MAX_AGE")
    )
    return uuid.UUID(payload["s"]), payload["e"]


def unsubscribe_token(subscriber):
    """A link that can only withdraw consent: it never expires, as withdrawing must stay as easy
    as subscribing, and using it twice changes nothing."""
    return signing.Signer(salt=UNSUBSCRIBE_SALT).sign(subscriber.reference.hex)


def read_unsubscribe_token(token):
    """The subscriber reference; raises BadSignature."""
    return uuid.UUID(signing.Signer(salt=UNSUBSCRIBE_SALT).unsign(token))


def preferences_token(subscriber):
    """A link to the subscriber's theme choices, in every issue; like the unsubscribe link it
    does not expire, and it only shows and changes which themes they receive."""
    return signing.Signer(salt=PREFERENCES_SALT).sign(subscriber.reference.hex)


def read_preferences_token(token):
    """The subscriber reference; raises BadSignature."""
    return uuid.UUID(signing.Signer(salt=PREFERENCES_SALT).unsign(token))


def form_started_stamp(started_at=None):
    """The signed time a form was shown, for the minimum fill time."""
    seconds = int(time.time() if started_at is None else started_at)
    return signing.Signer(salt=FORM_STARTED_SALT).sign(str(seconds))


def seconds_since_form_started(stamp):
    """Seconds since the stamp was made; raises BadSignature if it was not made here and
    SignatureExpired if it is older than NEWSLETTER_FORM_MAX_AGE_SECONDS (a stamp taken once
    cannot vouch for posts forever)."""
    started_at = int(signing.Signer(salt=FORM_STARTED_SALT).unsign(stamp))
    elapsed = time.time() - started_at
    if elapsed > newsletter_setting("FORM_MAX_AGE_SECONDS"):
        raise signing.SignatureExpired(f"Formulaire affiché il y a {elapsed:.0f} s")
    return elapsed
