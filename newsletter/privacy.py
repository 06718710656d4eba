"""What the newsletter keeps of a person, and in which form: normalised addresses, keyed hashes;
and where the privacy policy that says so is.

No raw IP address is ever stored, not even in the cache: rate limits and the consent log see a
keyed hash of the visitor's network (the IPv4 address or the IPv6 /64 prefix).
"""

import ipaddress

from django.utils.crypto import salted_hmac
from wagtail.models import Page

from aimf_portal.caching.site_data import cached, public
from aimf_portal.editorial.site_settings import current_settings
from aimf_portal.operations.client_ip import client_ip

from .conf import hash_key, newsletter_setting

IP_HASH_LENGTH = 16


def normalise_email(address):
    """Trim and lowercase the domain; the local part is kept as typed (RFC 5321 allows case)."""
    local_part, _, domain = address.strip().rpartition("@")
    return f"{local_part}@{domain.lower()}"


def keyed_hash(purpose, value):
    return salted_hmac(f"newsletter.{purpose}", value, secret=hash_key(), algorithm="sha256")


def address_digest(address):
    """A keyed hash of an address, the same whatever its case: the suppression list's key."""
    return keyed_hash("address", normalise_email(address).lower()).hexdigest()


def client_network(request):
    """The visitor's IPv4 address or IPv6 /64 network (the address believed from proxies only)."""
    try:
        ip = ipaddress.ip_address(client_ip(request))
    except ValueError:
        return "inconnue"
    if ip.version == 6:
        return str(ipaddress.ip_network(f"{ip}/64", strict=False))
    return str(ip)


def network_hash(request):
    """A short keyed hash of the visitor's network: enough to match two events, not to find
    anyone's address (64 bits of an HMAC whose key never leaves the server)."""
    return keyed_hash("network", client_network(request)).hexdigest()[:IP_HASH_LENGTH]


def privacy_policy_url(request):
    """The privacy page chosen in « Réglages du site », else the page simple with the configured
    slug; "" while neither exists."""
    page = current_settings(request)["privacy_page"]
    if page is None:
        slug = newsletter_setting("PRIVACY_PAGE_SLUG")
        found = cached(
            f"privacy-page:{slug}",
            # A list, so that "no such page" is cached too (the cache cannot store None).
            lambda: list(public(Page.objects.live()).filter(slug=slug)[:1]),
        )
        page = found[0] if found else None
    return page.get_url(request) if page is not None else ""
