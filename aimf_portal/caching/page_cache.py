"""The full-page cache: anonymous visitors get public pages from the shared cache.

PageCacheMiddleware sits right after WhiteNoise, so a hit costs one cache round trip and skips
sessions, authentication, CSRF and the page's own queries. Only a GET or HEAD without a session
cookie or credentials is answered from the cache. A response is stored only if it is a GET's
200 that set no cookie, used no CSRF token and did not opt out (Cache-Control),
and only under the address its view calls canonical: the query string the view read, in its
own order (listings declare it, other pages read none). Any other spelling of the address, a
parameter the page does not read, a 404 or a redirect is answered but never stored, so made-up
addresses cannot fill the cache. The key holds the scheme and the host without its port.

An entry depends on the site's generation and on that of the page it shows (its address: a
theme's listings are its own), read before the view runs; a lookup only reads. See generations.
"""

import hashlib
from urllib.parse import parse_qsl, urlencode

from django.conf import settings
from django.core.cache import cache
from django.http import HttpResponse
from django.http.request import split_domain_port
from django.utils.cache import patch_cache_control
from wagtail.models import Page

from aimf_portal.caching import generations

# Added to shared links by social networks and mailers, different for every click: such a
# request gets the entry of the address without them, but never makes one.
TRACKING_PARAMETERS = frozenset({"fbclid", "gclid", "msclkid", "dclid", "mc_cid", "mc_eid"})
TRACKING_PREFIXES = ("utm_",)
# Browsers cannot be purged: they keep a page a minute at most.
BROWSER_MAX_AGE = 60
# A Vary header naming anything else means the view answers differently to the same address.
VARY_WE_HANDLE = frozenset({"cookie", "accept-language"})


def declare_canonical_query(request, querystring):
    """The view read these parameters: the only query string under which its page is stored."""
    request.page_cache_canonical_query = querystring.lstrip("?")


def is_tracking(name):
    return name in TRACKING_PARAMETERS or name.startswith(TRACKING_PREFIXES)


def candidate_scopes(path):
    """The pages a response at `path` may show: the site's root, the first section, itself."""
    first_section = "/" + path.strip("/").split("/")[0] + "/"
    return list(dict.fromkeys(["/", first_section.replace("//", "/"), path]))


def page_scope(page, request):
    """A page's scope: its address on the site (a theme's listings share it)."""
    url_parts = page.get_url_parts(request)
    return url_parts[2] if url_parts else None


def served_scope(request, response):
    """The scope of the page the view served; the site's root for other views."""
    page = (getattr(response, "context_data", None) or {}).get("page")
    return page_scope(page, request) if isinstance(page, Page) else "/"


class CachedAddress:
    def __init__(self, request):
        pairs = parse_qsl(request.META.get("QUERY_STRING", ""), keep_blank_values=True)
        kept = [pair for pair in pairs if not is_tracking(pair[0])]
        self.query = urlencode(kept)
        self.with_tracking = len(kept) < len(pairs)
        domain, _port = split_domain_port(request.get_host())
        address = f"{request.scheme}://{domain}{request.path_info}?{self.query}"
        self.key = "aimf-page:" + hashlib.sha256(address.encode()).hexdigest()
        self.scopes = candidate_scopes(request.path_info)
        self.numbers = {}

    @classmethod
    def for_request(cls, request):
        if request.method not in ("GET", "HEAD") or settings.PAGE_CACHE_TIMEOUT <= 0:
            return None
        if settings.SESSION_COOKIE_NAME in request.COOKIES or "HTTP_AUTHORIZATION" in request.META:
            return None
        return cls(request)

    def lookup(self):
        """The cached response, or None; reads the generations the view will reuse."""
        self.numbers, found = generations.read(
            [generations.SITE, *self.scopes], extra_keys=[self.key]
        )
        entry = found.get(self.key)
        if entry is None:
            return None
        scopes, numbers, content, headers = entry
        if [self.numbers.get(scope) for scope in scopes] != numbers or None in numbers:
            return None
        return HttpResponse(content, headers=dict(headers))

    def may_store(self, request, response):
        if self.with_tracking or request.method != "GET":
            return False
        if self.query != getattr(request, "page_cache_canonical_query", ""):
            return False
        if response.status_code != 200 or response.streaming or response.cookies:
            return False
        if request.META.get("CSRF_COOKIE_NEEDS_UPDATE"):
            return False  # the page holds this visitor's CSRF token
        if "Cache-Control" in response:
            return False  # never_cache and the like: the view decided
        vary = {name.strip().lower() for name in response.get("Vary", "").split(",")}
        return vary - {""} <= VARY_WE_HANDLE

    def numbers_before_the_view(self, scopes):
        """The numbers read before the view ran, or created by it; None if one was created
        since by someone else (a purge): the response may predate that change."""
        numbers = []
        for scope in scopes:
            number = self.numbers.get(scope)
            if number is None:
                number = generations.ensure(scope)
                if not generations.created_by_this_request(scope):
                    return None
            numbers.append(number)
        return numbers

    def store(self, request, response):
        scope = served_scope(request, response)
        if scope not in self.scopes:
            return False
        scopes = [generations.SITE, scope]
        numbers = self.numbers_before_the_view(scopes)
        if numbers is None:
            return False
        seconds = settings.PAGE_CACHE_TIMEOUT
        # A purge names addresses: the CDN cannot be told every filter combination, so it
        # keeps filtered listings no longer than browsers do.
        shared_max_age = min(seconds, BROWSER_MAX_AGE) if self.query else seconds
        patch_cache_control(
            response, public=True, max_age=min(seconds, BROWSER_MAX_AGE), s_maxage=shared_max_age
        )
        entry = (scopes, numbers, response.content, list(response.items()))
        cache.set(self.key, entry, seconds)
        return True


class PageCacheMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        with generations.memo_for_request():
            address = CachedAddress.for_request(request)
            if address is None:
                return self.uncached(self.get_response(request))
            cached = address.lookup()
            if cached is not None:
                cached["X-Cache"] = "HIT"
                return cached
            response = self.get_response(request)
            if not (address.may_store(request, response) and address.store(request, response)):
                return self.uncached(response)
            response["X-Cache"] = "MISS"
            return response

    @staticmethod
    def uncached(response):
        """What we do not store, a CDN or proxy must not store either."""
        if "Cache-Control" not in response:
            patch_cache_control(response, private=True, no_cache=True)
        return response
