"""Fixed-window counters in Django's cache, keyed by hashes: no raw address or IP in the cache.

Three limits, so that nobody can use them against someone else:
- per network: how many sign-up or new-link requests one network makes;
- per address *and* network: how many emails one network makes us send to one address; a
  stranger exhausting it blocks only themselves, never the address's owner;
- per address, whatever the network: a cap on emails to one inbox. Past it, requests are still
  recorded and answered as usual, but no email goes out; the owner already has the earlier
  messages, whose links work.
"""

from django.core.cache import cache

from .conf import newsletter_setting
from .privacy import address_digest, network_hash


def seconds_to_wait(request, email):
    """Count one request from this network and one for this address from it; if either is
    over its limit, the seconds to wait before trying again (the window's length), else None."""
    network = network_hash(request)
    ip_window = newsletter_setting("IP_WINDOW_SECONDS")
    if _count(f"newsletter:network:{network}", ip_window) > newsletter_setting("REQUESTS_PER_IP"):
        return ip_window
    address_window = newsletter_setting("ADDRESS_WINDOW_SECONDS")
    address_key = f"newsletter:address:{address_digest(email)}:{network}"
    if _count(address_key, address_window) > newsletter_setting("EMAILS_PER_ADDRESS"):
        return address_window
    return None


def may_email(email):
    """Count one email to this address from any network; False once the inbox's cap is hit."""
    key = f"newsletter:inbox:{address_digest(email)}"
    count = _count(key, newsletter_setting("ADDRESS_WINDOW_SECONDS"))
    return count <= newsletter_setting("EMAILS_PER_ADDRESS_ALL_NETWORKS")


def _count(key, window_seconds):
    """Add one to the counter at key and return it; the window starts at the first hit. 0 while
    the cache is unreachable: visitors are let through rather than refused."""
    cache.add(key, 0, window_seconds)
    try:
        return cache.incr(key) or 0
    except ValueError:  # The window ended between add() and incr().
        cache.set(key, 1, window_seconds)
        return 1
