"""django-axes, fitted to this site: the client address behind our proxies, a French lockout page.

Failures are counted per username and client address (settings.AXES_LOCKOUT_PARAMETERS): an
attacker guessing one account's password is stopped, while the same editor on another network,
or another editor on the same network, can still sign in.
"""

import ipaddress

from django.conf import settings
from django.shortcuts import render


def client_ip_address(request):
    """The address the last trusted proxy saw, as the newsletter's rate limits see it.

    Behind N proxies that append to X-Forwarded-For (settings.NEWSLETTER_TRUSTED_PROXY_COUNT),
    the client is the N-th address from the right: anything further left came from the client
    and may be forged. Without proxies, the peer address.
    """
    proxy_count = getattr(settings, "NEWSLETTER_TRUSTED_PROXY_COUNT", 0)
    hops = [hop.strip() for hop in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")]
    if proxy_count and len(hops) >= proxy_count:
        try:
            # Stored in an IP address column: a malformed header must not become a 500.
            return str(ipaddress.ip_address(hops[-proxy_count]))
        except ValueError:
            pass
    return request.META.get("REMOTE_ADDR")


def lockout_response(request, original_response=None, credentials=None):
    """429 Too Many Requests: the refusal is temporary, and Retry-After says for how long."""
    cooloff_seconds = int(settings.AXES_COOLOFF_TIME.total_seconds())
    response = render(
        request,
        "axes/lockout.html",
        {"cooloff_minutes": cooloff_seconds // 60},
        status=429,
    )
    response["Retry-After"] = str(cooloff_seconds)
    return response
