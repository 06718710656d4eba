"""Serving a page without Wagtail's per-request queries for the site, the home page's child and
its view restrictions: they are cached under the site's generation, which every change to them
moves (a site, a theme or plain page, a restriction: caching.invalidation). The admin still asks
Wagtail: it shows drafts' state, which saving a draft changes without a purge.
"""

from django.db import InterfaceError, OperationalError
from django.http import Http404
from django.utils.deprecation import MiddlewareMixin
from wagtail.models import Site

from aimf_portal.caching.site_data import cached


def single_default_site():
    """[the site] when it is the only one and the default (Wagtail's matching then returns it
    for any host), [] otherwise: Wagtail matches as usual."""
    sites = list(Site.objects.select_related("root_page")[:2])
    if len(sites) != 1 or not sites[0].is_default_site:
        return []
    sites[0].root_page = sites[0].root_page.specific
    return sites


class CachedSiteMiddleware(MiddlewareMixin):
    """For Wagtail's page view only: the health checks must not touch the database."""

    def process_view(self, request, view_func, view_args, view_kwargs):
        if request.resolver_match.url_name != "wagtail_serve":
            return
        try:
            found = cached("single-default-site", single_default_site)
        except (OperationalError, InterfaceError):
            # The view meets the same error, and the maintenance page answers it.
            return
        if found:
            # Site.find_for_request() keeps its answer there and offers no public way to give it
            # one (wagtail/wagtail#4142 proposed caching the lookup; it was not merged).
            request._wagtail_site = found[0]


def route_to_child(parent, request, path_components):
    """Wagtail's Page.route from `parent` to one of its children, the child and its view
    restrictions read from the cache. An unknown slug costs no query and stores nothing."""
    slug, remaining_components = path_components[0], path_components[1:]
    slugs = cached(
        f"child-slugs:{parent.pk}",
        lambda: set(parent.get_children().values_list("slug", flat=True)),
    )
    if slug not in slugs:
        raise Http404

    child = cached(
        f"child:{parent.pk}:{slug}", lambda: parent.get_children().get(slug=slug).specific
    )
    result = child.route(request, remaining_components)
    if result[0] is child:
        child.cached_view_restrictions = cached(
            f"view-restrictions:{child.pk}", lambda: list(child.get_view_restrictions())
        )
    return result


class CachedViewRestrictions:
    """A page's view restrictions as route_to_child found them, when it routed to the page."""

    cached_view_restrictions = None

    def get_view_restrictions(self):
        if self.cached_view_restrictions is not None:
            return self.cached_view_restrictions
        return super().get_view_restrictions()
