"""/sitemap.xml: Wagtail's sitemap, its addresses from the same root as the pages' canonical
addresses (seo.served_location: the Site's, or in development the address served)."""

from wagtail.contrib.sitemaps import Sitemap
from wagtail.contrib.sitemaps.views import sitemap as wagtail_sitemap

from aimf_portal.discovery.seo import served_location


class PortalSitemap(Sitemap):
    def get_urls(self, page=1, site=None, protocol=None):
        urls = super().get_urls(page=page, site=site, protocol=protocol)
        for url in urls:
            url["location"] = served_location(self.request, url["location"])
        return urls


def sitemap(request):
    return wagtail_sitemap(request, sitemaps={"wagtail": PortalSitemap})
