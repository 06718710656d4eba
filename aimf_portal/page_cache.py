"""The full-page cache: anonymous visitors get public pages from Django's cache.

PageCacheMiddleware sits right after WhiteNoise, so a hit costs one cache round trip and skips
sessions, authentication, CSRF and the page's own queries. Only a GET or HEAD without a session
cookie is answered from the cache, and only a GET's 200 that set no cookie, used no CSRF token
and did not opt out (`never_cache`, `do_not_store`) is stored: the admin, previews, search, the
newsletter and the health endpoints never are. 404s and redirects are not stored either: anyone
can make up addresses, and the cache must not fill with them.

Precise invalidation without listing keys: every entry records the generation numbers it was
built under, read in the same round trip as the entry itself —

- the site generation (site_cache's), moved by changes every page shows (theme menu, footer,
  countries, view restrictions, settings): every entry goes stale at once;
- the generation of its scope, moved by a publication: "site-listings" (home page, feeds,
  sitemap), "theme:<slug>" (a theme page and all its listings, whatever their filters) or
  "page:<path>" (one page).

Generations live in the same shared cache as the pages, so one server's purge holds on all. The
CDN (wagtail.contrib.frontend_cache) gets the same addresses in one PurgeBatch after the commit.
"""

import hashlib
from functools import partial
from urllib.parse import parse_qsl, urlencode

from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from django.http import HttpResponse
from django.utils.cache import patch_cache_control
from wagtail.contrib.frontend_cache.utils import PurgeBatch
from wagtail.models import Page, Site

from . import site_cache

# Query parameters the public pages read: the facets and pagination.
READ_PARAMETERS = frozenset({"pays", "type", "annee", "page"})
# Added to shared links by social networks and mailers, different for every click: such a
# request is answered from the entry of the address without them, but what it renders (its
# links repeat the query string) is never stored.
TRACKING_PARAMETERS = frozenset({"fbclid", "gclid", "msclkid", "dclid", "mc_cid", "mc_eid"})
TRACKING_PREFIXES = ("utm_",)
NEVER_CACHED_PREFIXES = ("/recherche/", "/newsletter/", "/documents/", "/healthz", "/readyz")
SITE_LISTING_PATHS = ("/", "/rss/", "/sitemap.xml")
SITE_LISTINGS = "site-listings"
# Browsers cannot be purged: they keep a page a minute at most.
BROWSER_MAX_AGE = 60
# A Vary header naming anything else means the view answers differently to the same address.
VARY_WE_HANDLE = frozenset({"cookie", "accept-language"})

ENTRY_PREFIX = "aimf-page"


def timeout():
    return settings.PAGE_CACHE_TIMEOUT


def do_not_store(request):
    """Say that this request's response, right for it, must not be served to anyone else."""
    request.page_cache_do_not_store = True


def theme_routes():
    from .models import THEME_LISTING_SLUGS

    return THEME_LISTING_SLUGS


def scope_of(path):
    """What purges a path: the site listings, its theme's section, or the page alone."""
    if path in SITE_LISTING_PATHS:
        return SITE_LISTINGS
    segments = path.strip("/").split("/")
    if len(segments) == 1 or (len(segments) == 2 and segments[1] in theme_routes()):
        return theme_scope(segments[0])
    return f"page:{path}"


def theme_scope(slug):
    return f"theme:{slug}"


def is_tracking(name):
    return name in TRACKING_PARAMETERS or name.startswith(TRACKING_PREFIXES)


class CacheablePage:
    """A request that may be answered from the cache: its key, its generations, its rules."""

    def __init__(self, request, pairs):
        read = [(name, value) for name, value in pairs if name in READ_PARAMETERS]
        self.with_tracking = len(read) < len(pairs)
        self.filtered = bool(read)
        address = f"{request.get_host()}{request.path_info}?{urlencode(read)}"
        # Hashed: a visitor's address may hold spaces, control characters or 10,000 characters.
        self.key = f"{ENTRY_PREFIX}:{hashlib.sha256(address.encode()).hexdigest()}"
        self.generation_keys = [
            site_cache.GENERATION_KEY,
            site_cache.generation_key(scope_of(request.path_info)),
        ]

    @classmethod
    def for_request(cls, request):
        if request.method not in ("GET", "HEAD") or timeout() <= 0:
            return None
        if settings.SESSION_COOKIE_NAME in request.COOKIES or "HTTP_AUTHORIZATION" in request.META:
            return None
        admin_prefix = "/" + settings.ADMIN_URL_PATH.lstrip("/")
        if request.path_info.startswith((admin_prefix, *NEVER_CACHED_PREFIXES)):
            return None
        pairs = parse_qsl(request.META.get("QUERY_STRING", ""), keep_blank_values=True)
        if any(name not in READ_PARAMETERS and not is_tracking(name) for name, _ in pairs):
            return None
        return cls(request, pairs)

    def lookup(self):
        """(the cached response or None, the generations a new entry would be built under)."""
        found = cache.get_many([*self.generation_keys, self.key])
        generations = tuple(found.get(key) for key in self.generation_keys)
        if None in generations:
            return None, tuple(site_cache.initial_generation(key) for key in self.generation_keys)
        entry = found.get(self.key)
        if entry is None or entry[0] != generations:
            return None, generations
        _, content, headers = entry
        return HttpResponse(content, headers=dict(headers)), generations

    def may_store(self, request, response):
        if self.with_tracking or request.method != "GET":
            return False
        if getattr(request, "page_cache_do_not_store", False):
            return False
        if response.status_code != 200 or response.streaming or response.cookies:
            return False
        if request.META.get("CSRF_COOKIE_NEEDS_UPDATE"):
            return False  # the page holds this visitor's CSRF token
        if "Cache-Control" in response:
            return False  # never_cache and the like: the view decided
        vary = {name.strip().lower() for name in response.get("Vary", "").split(",")}
        return vary - {""} <= VARY_WE_HANDLE

    def store(self, response, generations):
        seconds = timeout()
        # A purge names addresses: the CDN cannot be told every filter combination, so it
        # keeps filtered listings no longer than browsers do.
        shared_max_age = min(seconds, BROWSER_MAX_AGE) if self.filtered else seconds
        patch_cache_control(
            response, public=True, max_age=min(seconds, BROWSER_MAX_AGE), s_maxage=shared_max_age
        )
        cache.set(self.key, (generations, response.content, list(response.items())), seconds)


class PageCacheMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        page = CacheablePage.for_request(request)
        if page is None:
            return self.uncached(self.get_response(request))
        cached, generations = page.lookup()
        if cached is not None:
            cached["X-Cache"] = "HIT"
            return cached
        response = self.get_response(request)
        if None in generations or not page.may_store(request, response):
            return self.uncached(response)
        page.store(response, generations)
        response["X-Cache"] = "MISS"
        return response

    @staticmethod
    def uncached(response):
        """What we do not store, a CDN or proxy must not store either."""
        if "Cache-Control" not in response:
            patch_cache_control(response, private=True, no_cache=True)
        return response


# Invalidation. Each change moves generations at once (the next request on this server sees it)
# and again after the commit, with the CDN purge: a request rendered between the two, from data
# not yet committed, would otherwise stay cached with the old content.


def public_paths(url_paths):
    """Addresses on the site of Wagtail url_paths ("/home/culture/x/" → "/culture/x/")."""
    roots = [root.root_path for root in Site.get_site_root_paths()]
    return {
        "/" + url_path[len(root) :]
        for url_path in url_paths
        for root in roots
        if url_path.startswith(root)
    }


def item_paths(path):
    """What shows an item: its page, its theme page and listings, the site's listings."""
    theme = "/" + path.strip("/").split("/")[0] + "/"
    return {path, theme, *(f"{theme}{route}/" for route in theme_routes()), *SITE_LISTING_PATHS}


def bump(scopes):
    site_cache.forget_request_memo()
    for scope in scopes:
        key = site_cache.generation_key(scope)
        try:
            cache.incr(key)
        except ValueError:  # never used since the cache started: nothing to make stale
            site_cache.initial_generation(key)


def purge_item(url_paths):
    """An item was published, unpublished, moved or deleted (url_paths: where it was, is)."""
    paths = set().union(*(item_paths(path) for path in public_paths(url_paths)))
    bump({scope_of(path) for path in paths})
    transaction.on_commit(partial(after_commit, paths))


def purge_site():
    """Something every page shows changed: every cached page is stale."""
    site_cache.invalidate()
    transaction.on_commit(partial(after_commit, set(), site_wide=True))


def after_commit(paths, site_wide=False):
    if site_wide:
        site_cache.invalidate()
        paths = paths | site_wide_paths()
    bump({scope_of(path) for path in paths})
    purge_frontend_cache(paths)


def site_wide_paths():
    """Every page but the items, with the themes' listings: items age out of the CDN."""
    if not settings.WAGTAILFRONTENDCACHE:
        return set()
    from .models import ThemePage

    pages = Page.objects.live().filter(depth__gt=1).not_type(*ThemePage.item_models())
    themes = public_paths(ThemePage.objects.live().values_list("url_path", flat=True))
    routes = {f"{theme}{route}/" for theme in themes for route in theme_routes()}
    return public_paths(pages.values_list("url_path", flat=True)) | routes | set(SITE_LISTING_PATHS)


def purge_frontend_cache(paths):
    if not settings.WAGTAILFRONTENDCACHE or not paths:
        return
    root_urls = {root.root_url for root in Site.get_site_root_paths()}
    PurgeBatch(root_url.rstrip("/") + path for root_url in root_urls for path in paths).purge()
