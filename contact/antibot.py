"""What keeps scripts out of the contact form, as the newsletter's form does: a field only
robots fill, a signed time the form was shown, and a limit per client address.

A form sent back faster than MIN_FILL_SECONDS is not refused: it is shown again, filled, with
a fresh stamp, and a person sends it with a second click (a browser's autofill is fast)."""

import hashlib
import time

from django.conf import settings
from django.core import signing
from django.core.cache import cache

from aimf_portal.operations.client_ip import client_ip

STAMP_SALT = "contact.form-started"
# A stamp older than this (a tab left open for days) is as good as none: shown again.
STAMP_MAX_AGE = 24 * 60 * 60
MIN_FILL_SECONDS = 3
MESSAGES_PER_CLIENT = 5
WINDOW_SECONDS = 60 * 60


def form_started_stamp(started_at=None):
    """The signed time the form was shown (now, unless said)."""
    seconds = int(time.time() if started_at is None else started_at)
    return signing.TimestampSigner(salt=STAMP_SALT).sign(str(seconds))


def seconds_since(stamp):
    """Seconds since the stamp was made; None if it was not made here or is too old."""
    try:
        signer = signing.TimestampSigner(salt=STAMP_SALT)
        started = int(signer.unsign(stamp or "", max_age=STAMP_MAX_AGE))
    except (signing.BadSignature, ValueError):
        return None
    return time.time() - started


def over_the_limit(request):
    """Count this message against the client's address; True once over the limit. The
    address is kept in the cache only as a keyed hash."""
    digest = hashlib.sha256(f"{settings.SECRET_KEY}:{client_ip(request)}".encode()).hexdigest()
    key = f"contact:client:{digest[:32]}"
    cache.add(key, 0, WINDOW_SECONDS)
    try:
        count = cache.incr(key)
    except ValueError:  # the window ended between add() and incr()
        cache.set(key, 1, WINDOW_SECONDS)
        count = 1
    return count > MESSAGES_PER_CLIENT
