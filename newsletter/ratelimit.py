"""Fixed-window counters in Django's cache, keyed by hashes: no raw address or IP in the cache."""

from django.core.cache import cache

from .conf import newsletter_setting
from .privacy import address_digest, network_hash


def seconds_to_wait(request, email):
    """Count one request from this network and one email to this address; if either is over its
    limit, the seconds to wait before trying again (the window's length), otherwise None."""
    ip_window = newsletter_setting("IP_WINDOW_SECONDS")
    if _count(f"newsletter:network:{network_hash(request)}", ip_window) > newsletter_setting(
        "REQUESTS_PER_IP"
    ):
        return ip_window
    address_window = newsletter_setting("ADDRESS_WINDOW_SECONDS")
    if _count(f"newsletter:address:{address_digest(email)}", address_window) > newsletter_setting(
        "EMAILS_PER_ADDRESS"
    ):
        return address_window
    return None


def _count(key, window_seconds):
    """Add one to the counter at key and return it; the window starts at the first hit. 0 while
    the cache is unreachable: visitors are let through rather than refused."""
    cache.add(key, 0, window_seconds)
    try:
        return cache.incr(key) or 0
    except ValueError:  # The window ended between add() and incr().
        cache.set(key, 1, window_seconds)
        return 1
