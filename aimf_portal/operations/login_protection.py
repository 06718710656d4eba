"""django-axes, fitted to this site: a French lockout page (429, Retry-After).

Failures are counted per username whatever the address (settings.AXES_LOCKOUT_PARAMETERS):
rotating addresses gives an attacker no more tries at one account. The address logged is
operations.client_ip's, believed from trusted proxies only.
"""

from django.conf import settings
from django.shortcuts import render


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
