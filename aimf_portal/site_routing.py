"""The site of a request, without Wagtail's query on every page view.

Wagtail matches the request's host against the Site table, then fetches the home page's
specific row, for every request. With a single default site (the usual setup, and this one)
the answer is that site whatever the host, as in Wagtail's own matching: it is kept in
site_cache, which any change to a site or to the home page makes stale. Several sites: Wagtail
matches as usual. The admin always asks Wagtail: it shows drafts' state, which a draft's
save changes without moving the site generation.
"""

from django.db import InterfaceError, OperationalError
from wagtail.models import Site
from wagtail.views import serve as wagtail_serve

from . import site_cache


def single_default_site():
    sites = list(Site.objects.select_related("root_page")[:2])
    if len(sites) != 1 or not sites[0].is_default_site:
        return []
    site = sites[0]
    site.root_page = site.root_page.specific
    return [site]


class CachedSiteMiddleware:
    """For Wagtail's page view only: the health checks must not touch the database, and the
    other views ask for the site rarely, if at all."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        if view_func is not wagtail_serve:
            return
        try:
            # A list: site_cache cannot store None, and "several sites" is worth keeping too.
            found = site_cache.cached("single-default-site", single_default_site)
        except (OperationalError, InterfaceError):
            # Raised here, it would skip DatabaseUnavailableMiddleware's process_exception:
            # the view meets the same error and answers with the maintenance page.
            return
        if found:
            request._wagtail_site = found[0]
