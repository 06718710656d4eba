"""The full-page cache for anonymous visitors (docs/deploy.md, « Cache et pannes »): a hit costs
one round trip; a GET's 200 without cookie, CSRF token or Cache-Control is stored only under the
query its view declared canonical, keyed by scheme and host without port; an entry depends on
the site's generation and its page's address, read before the view runs."""

import hashlib
from urllib.parse import parse_qsl, urlencode

from django.conf import settings
from django.core.cache import cache
from django.http import HttpResponse
from django.http.request import split_domain_port
from django.utils.cache import patch_cache_control
from wagtail.models import Page

from aimf_portal.caching import generations

# Added to shared links by mailers: answered from the entry without them, never stored.
TRACKING_PARAMETERS = frozenset({"fbclid", "gclid", "msclkid", "dclid", "mc_cid", "mc_eid"})
# Browsers cannot be purged: they keep a page a minute at most.
BROWSER_MAX_AGE = 60
# Any other Vary means the view answers differently at the same address.
VARY_WE_HANDLE = frozenset({"", "cookie", "accept-language"})


def declare_canonical_query(request, querystring):
    """The view read these parameters: the only query string under which its page is stored."""
    request.page_cache_canonical_query = querystring.lstrip("?")


def cache_host(request):
    """The host that cached pages and fragments are kept for. Without the port, so that a
    made-up `Host:` port adds no entry, unless addresses follow the request (development)."""
    if request is None:
        return ""
    if settings.ABSOLUTE_URLS_FROM_REQUEST:
        return request.get_host()
    domain, _port = split_domain_port(request.get_host())
    return domain


def page_scope(page, request):
    """A page's scope: its address on the site."""
    url_parts = page.get_url_parts(request)
    return url_parts[2] if url_parts else None


class CachedAddress:
    def __init__(self, request):
        pairs = parse_qsl(request.META.get("QUERY_STRING", ""), keep_blank_values=True)
        kept = [(n, v) for n, v in pairs if n not in TRACKING_PARAMETERS and n[:4] != "utm_"]
        self.query, self.with_tracking = urlencode(kept), len(kept) < len(pairs)
        address = f"{request.scheme}://{cache_host(request)}{request.path_info}?{self.query}"
        self.key = "aimf-page:" + hashlib.sha256(address.encode()).hexdigest()
        # The pages a response here may show: the site's root, the first section, itself.
        path = request.path_info
        first_section = "/" + path.strip("/").split("/")[0] + "/"
        self.scopes = list(dict.fromkeys(["/", first_section.replace("//", "/"), path]))

    def lookup(self):
        self.numbers, found = generations.read(
            [generations.SITE, *self.scopes], extra_keys=[self.key]
        )
        scopes, numbers, content, headers = found.get(self.key) or ((), None, None, None)
        if numbers is None or [self.numbers.get(scope) for scope in scopes] != numbers:
            return None
        return HttpResponse(content, headers=dict(headers))

    def may_store(self, request, response):
        vary = {name.strip().lower() for name in response.get("Vary", "").split(",")}
        return (
            request.method == "GET"
            and not self.with_tracking
            and self.query == getattr(request, "page_cache_canonical_query", "")
            and response.status_code == 200
            and not (response.streaming or response.cookies or "Cache-Control" in response)
            and not request.META.get("CSRF_COOKIE_NEEDS_UPDATE")  # it holds the visitor's token
            and vary <= VARY_WE_HANDLE
        )

    def store(self, request, response):
        page = (getattr(response, "context_data", None) or {}).get("page")
        scope = page_scope(page, request) if isinstance(page, Page) else "/"
        if scope not in self.scopes:
            return False
        scopes = [generations.SITE, scope]
        numbers = [self.numbers.get(scope) or generations.ensure(scope) for scope in scopes]
        # A number missing before the view and created since by someone else (a purge) means
        # the response may predate that change.
        created_here = generations.memo()["created"]
        if any(not self.numbers.get(s) and s not in created_here for s in scopes):
            return False
        seconds = settings.PAGE_CACHE_TIMEOUT
        # The CDN cannot be told every filter combination: those it keeps a minute at most.
        shared_max_age = min(seconds, BROWSER_MAX_AGE) if self.query else seconds
        patch_cache_control(
            response, public=True, max_age=min(seconds, BROWSER_MAX_AGE), s_maxage=shared_max_age
        )
        cache.set(self.key, (scopes, numbers, response.content, list(response.items())), seconds)
        return True


class PageCacheMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        with generations.memo_for_request(request.get_full_path()):
            address = CachedAddress(request) if self.may_answer(request) else None
            cached = address.lookup() if address else None
            if cached is not None:
                cached["X-Cache"] = "HIT"
                return cached
            response = self.get_response(request)
            if (
                address
                and address.may_store(request, response)
                and address.store(request, response)
            ):
                response["X-Cache"] = "MISS"
                return response
            if "Cache-Control" not in response:
                # What we do not store, a CDN or proxy must not store either.
                patch_cache_control(response, private=True, no_cache=True)
            return response

    @staticmethod
    def may_answer(request):
        return (
            request.method in ("GET", "HEAD")
            and settings.PAGE_CACHE_TIMEOUT > 0
            and settings.SESSION_COOKIE_NAME not in request.COOKIES
            and "HTTP_AUTHORIZATION" not in request.META
        )
