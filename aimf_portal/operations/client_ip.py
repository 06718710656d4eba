"""The visitor's address, for whatever needs one: the admin lockout, the newsletter's limits.

Behind a proxy, REMOTE_ADDR is the proxy's address and the visitor's is in X-Forwarded-For,
which anyone can write. The header is believed only when the connecting address is one of
settings.TRUSTED_PROXIES (read from FORWARDED_ALLOW_IPS, the list gunicorn believes for the
scheme): the visitor is then the rightmost address of the header that is not itself a trusted
proxy. Whoever reaches the application server directly is known by their own address, whatever
they send.
"""

import ipaddress

from django.conf import settings


def trusted_networks():
    return [ipaddress.ip_network(proxy, strict=False) for proxy in settings.TRUSTED_PROXIES]


def parsed(address):
    try:
        return ipaddress.ip_address(address.strip())
    except ValueError:
        return None


def client_ip(request):
    """The visitor's address as a string; "" if even the connecting address is malformed."""
    networks = trusted_networks()

    def is_trusted(ip):
        return any(ip in network for network in networks)

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
