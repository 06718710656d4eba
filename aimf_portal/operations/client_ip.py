"""The visitor's address, for whatever needs one: the admin lockout, the newsletter's limits.

Behind a proxy, REMOTE_ADDR is the proxy's address and the visitor's is in X-Forwarded-For,
which anyone can write. The header is believed only when the connecting address is one of
settings.TRUSTED_PROXIES (read from FORWARDED_ALLOW_IPS, the list gunicorn believes for the
scheme): the visitor is then the rightmost address of the header that is not itself a trusted
proxy. Whoever reaches the application server directly is known by their own address, whatever
they send.

"*" trusts every address, as it does for gunicorn: the visitor is then the leftmost address of
the header, which a client writes as it likes unless the proxy replaces the header (the risk is
spelled out in docs/deploy.md).
"""

import functools
import ipaddress

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured

EVERY_PROXY = "*"


@functools.lru_cache(maxsize=8)
def trusted_networks(proxies):
    """The networks of `proxies` (a tuple of FORWARDED_ALLOW_IPS entries); None if "*" is one
    of them (every address is trusted). A malformed entry stops the site with its name."""
    if EVERY_PROXY in proxies:
        return None
    networks = []
    for proxy in proxies:
        try:
            networks.append(ipaddress.ip_network(proxy.strip(), strict=False))
        except ValueError:
            raise ImproperlyConfigured(
                f"FORWARDED_ALLOW_IPS : « {proxy} » n'est ni une adresse IP, ni un réseau CIDR, "
                "ni « * ». Voir docs/deploy.md."
            ) from None
    return tuple(networks)


def parsed(address):
    try:
        return ipaddress.ip_address(address.strip())
    except ValueError:
        return None


def client_ip(request):
    """The visitor's address as a string; "" if even the connecting address is malformed."""
    networks = trusted_networks(tuple(settings.TRUSTED_PROXIES))

    def is_trusted(ip):
        return networks is None or any(ip in network for network in networks)

    peer = parsed(request.META.get("REMOTE_ADDR", ""))
    if peer is None:
        return ""
    if not is_trusted(peer):
        return str(peer)
    hops = request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")
    for hop in reversed(hops):
        ip = parsed(hop)
        if ip is None:
            # A malformed entry is as far as the header can be believed.
            break
        if not is_trusted(ip):
            return str(ip)
        peer = ip
    return str(peer)
