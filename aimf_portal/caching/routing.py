"""Serving a page without Wagtail's query for the site on every request: with a single default
site (the usual setup) it is cached under the site's generation, which a change to it moves.
The admin still asks Wagtail."""

from django.db import InterfaceError, OperationalError
from django.utils.deprecation import MiddlewareMixin
from wagtail.models import Site

from aimf_portal.caching.site_data import cached


def single_default_site():
    """[the site] when it is the only one and the default (Wagtail's matching then returns it
    for any host); [] otherwise, and Wagtail matches as usual."""
    sites = list(Site.objects.select_related("root_page")[:2])
    if len(sites) != 1 or not sites[0].is_default_site:
        return []
    sites[0].root_page = sites[0].root_page.specific
    return sites


class CachedSiteMiddleware(MiddlewareMixin):
    def process_view(self, request, view_func, view_args, view_kwargs):
        if request.resolver_match.url_name != "wagtail_serve":
            return  # the health checks must not touch the database
        try:
            found = cached("single-default-site", single_default_site)
        except (OperationalError, InterfaceError):
            return  # the view meets the same error, and the maintenance page answers it
        if found:
            # Site.find_for_request() keeps its answer there, and offers no public way to give
            # it one (wagtail/wagtail#4142 proposed caching the lookup; it was not merged).
            request._wagtail_site = found[0]
