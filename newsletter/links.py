"""Absolute links for emails, built from the configured site address: never from the Host
header of whatever request caused the email (anyone can send `Host: evil.example`)."""

from django.conf import settings
from wagtail.models import Site

from aimf_portal.caching.site_data import cached

# Added to the unsubscribe links of an issue: the report counts who left from that issue.
CAMPAIGN_QUERY_PARAMETER = "envoi"


def site_root_url():
    """The default Wagtail site's address (« Paramètres › Sites »), else WAGTAILADMIN_BASE_URL."""

    def build():
        site = Site.objects.filter(is_default_site=True).first()
        return site.root_url if site is not None else settings.WAGTAILADMIN_BASE_URL.rstrip("/")

    return cached("newsletter-site-root-url", build)


def absolute(url):
    """A path of this site (or an already absolute address) as an absolute address."""
    if url.startswith(("http://", "https://")):
        return url
    return site_root_url() + url
