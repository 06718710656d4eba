"""What every page shows and rarely changes, cached until an editor changes it.

The theme menu, the footer links, the country vocabulary and the list of private sections cost
a query each on every page. They are kept in Django's cache under one generation number, which
any change to what every page shows moves on: a theme or a plain page, a view restriction, a
country, the site or its settings. Every entry is then rebuilt on its next use, and every page
of the full-page cache (page_cache, which reads the same number) is stale. A news item, an
action or a publication changes none of these: page_cache purges only the pages that show it.
With a shared cache (Redis) this holds across application servers.
"""

import collections
import threading
import time

from django.conf import settings
from django.core.cache import cache
from django.core.signals import request_finished, request_started
from django.db.models import Q
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from wagtail.contrib.settings.models import BaseGenericSetting, BaseSiteSetting
from wagtail.models import Page, PageViewRestriction, Site
from wagtail.signals import page_published, page_unpublished, post_page_move

GENERATION_KEY = "aimf-site-cache-generation"
TIMEOUT = 24 * 60 * 60


def generation_key(scope):
    """The key of a scope's generation number (a theme's section, a page: see page_cache)."""
    return f"aimf-page-generation:{scope}"


def initial_generation(key):
    # Not 1: if a number was evicted, entries made under an old one must not come back.
    cache.add(key, time.time_ns(), timeout=None)
    return cache.get(key)


# One page asks for the same entries many times (the private sections once per listing): during
# a request, what was read from the cache is kept here, in this thread, until the request ends.
request_memo = threading.local()

# An uncached page asks for a dozen entries, each a round trip to Redis of a third of a
# millisecond or more. What each address asked for is remembered here, in this process, so that
# its next request reads them all at its first ask: two round trips (the generations, then the
# entries). Entries are read under the same keys as one by one, so nothing staler is served.
REMEMBERED_ADDRESSES = 1000
names_by_address = collections.OrderedDict()
names_lock = threading.Lock()


def request_address(environ):
    return f"{environ.get('PATH_INFO', '')}?{environ.get('QUERY_STRING', '')}"


@receiver(request_started)
def start_request_memo(environ=None, **kwargs):
    request_memo.values = {}
    request_memo.asked = set()
    request_memo.address = request_address(environ or {})
    request_memo.read_ahead = True


@receiver(request_finished)
def end_request_memo(**kwargs):
    asked = getattr(request_memo, "asked", None)
    if asked:
        with names_lock:
            names_by_address[request_memo.address] = frozenset(asked)
            names_by_address.move_to_end(request_memo.address)
            while len(names_by_address) > REMEMBERED_ADDRESSES:
                names_by_address.popitem(last=False)
    request_memo.values = None
    request_memo.asked = None


def forget_request_memo():
    if getattr(request_memo, "values", None) is not None:
        request_memo.values = {}


def read_ahead(memo):
    """Fill the memo with what this address asked for last time, in two round trips."""
    request_memo.read_ahead = False
    with names_lock:
        wanted = names_by_address.get(request_memo.address, ())
    if not wanted:
        return
    scopes = {scope for _, scope in wanted}
    keys = {scope: generation_keys(scope) for scope in scopes}
    found = cache.get_many({key for scope_keys in keys.values() for key in scope_keys})
    numbers = {}
    for scope, scope_keys in keys.items():
        scope_numbers = [found.get(key) for key in scope_keys]
        if None not in scope_numbers:
            numbers[scope] = memo[generations, scope] = scope_numbers
    entry_keys = {
        entry_key(name, numbers[scope]): (name, scope) for name, scope in wanted if scope in numbers
    }
    for key, value in cache.get_many(list(entry_keys)).items():
        memo[entry_keys[key]] = value


def generation():
    return cache.get(GENERATION_KEY) or initial_generation(GENERATION_KEY)


def invalidate():
    """Make every cached entry stale, e.g. after pages were written in bulk without signals."""
    forget_request_memo()
    try:
        cache.incr(GENERATION_KEY)
    except ValueError:
        generation()


def cached(name, build, scope=None, timeout=TIMEOUT):
    """build()'s value, kept until the site changes, or also the scope if one is named, and
    no longer than timeout seconds."""
    memo = getattr(request_memo, "values", None)
    if memo is not None:
        request_memo.asked.add((name, scope))
        if request_memo.read_ahead:
            read_ahead(memo)
        if (name, scope) in memo:
            return memo[name, scope]
    value = cached_in_cache(name, build, scope, timeout)
    if memo is not None:
        memo[name, scope] = value
    return value


def generation_keys(scope):
    return [GENERATION_KEY, *([generation_key(scope)] if scope else [])]


def generations(scope):
    """The numbers an entry of the scope is built under; read once a request (the memo)."""
    keys = generation_keys(scope)
    memo = getattr(request_memo, "values", None)
    # Keyed by this function, so that no name given to cached() can collide with it.
    if memo is not None and (generations, scope) in memo:
        return memo[generations, scope]
    found = cache.get_many(keys)
    numbers = [found.get(key) or initial_generation(key) for key in keys]
    if memo is not None and None not in numbers:
        memo[generations, scope] = numbers
    return numbers


def entry_key(name, numbers):
    return f"aimf-site-cache:{':'.join(map(str, numbers))}:{name}"


def cached_in_cache(name, build, scope, timeout):
    numbers = generations(scope)
    if None in numbers:  # the cache is unreachable: build every time, store nothing
        return build()
    key = entry_key(name, numbers)
    value = cache.get(key)
    if value is None:
        value = build()
        cache.set(key, value, timeout)
    return value


def cached_html(name, render, scope=None):
    """Rendered HTML, cached like cached() for FRAGMENT_CACHE_TIMEOUT seconds at most (0: off)."""
    if settings.FRAGMENT_CACHE_TIMEOUT <= 0:
        return render()
    return cached(name, render, scope=scope, timeout=settings.FRAGMENT_CACHE_TIMEOUT)


def private_sections_q():
    """Like Wagtail's PageQuerySet.private_q(), from the cached list of restricted sections."""
    sections = cached(
        "private-sections",
        lambda: list(PageViewRestriction.objects.values_list("page__path", "page__depth")),
    )
    q = Q()
    for path, depth in sections:
        q |= Q(path__startswith=path, depth__gte=depth)
    return q if q else Q(pk__in=[])


def public(pages):
    """pages.public(), without a query for the restrictions on every call."""
    return pages.exclude(private_sections_q())


def site_wide_models():
    from newsletter.models import ConsentText

    from .models import Country

    # The footer form shows the current consent text; the rest shows on every page.
    return (PageViewRestriction, Country, Site, BaseSiteSetting, BaseGenericSetting, ConsentText)


def is_item(page):
    from .models import ThemeItemPage

    return issubclass(page.specific_class or type(page), ThemeItemPage)


def page_changed(page, url_paths, moved=False):
    from . import page_cache

    # A moved subtree carries its view restrictions to new tree paths: private_sections_q's.
    restricted = moved and PageViewRestriction.objects.filter(page__path__startswith=page.path)
    if is_item(page) and not (restricted and restricted.exists()):
        page_cache.purge_item(url_paths)
    else:
        page_cache.purge_site()


@receiver(post_save)
def invalidate_on_save(sender, instance, created, **kwargs):
    if isinstance(instance, Page):
        # Editors change live pages through publish, unpublish and move, which send their own
        # signals (below); code that creates a live page directly sends only this one.
        if created and instance.live:
            page_changed(instance, [instance.url_path])
    elif isinstance(instance, site_wide_models()):
        from . import page_cache

        page_cache.purge_site()


@receiver(post_delete)
def invalidate_on_delete(sender, instance, **kwargs):
    # A live page is unpublished before it is deleted (Wagtail's pre_delete handler), which
    # sends page_unpublished: only the other models are left to handle here.
    if isinstance(instance, site_wide_models()):
        from . import page_cache

        page_cache.purge_site()


@receiver(page_published)
@receiver(page_unpublished)
def invalidate_on_publication(sender, instance, **kwargs):
    page_changed(instance, [instance.url_path])


@receiver(post_page_move)
def invalidate_on_move(sender, instance, url_path_before, url_path_after, **kwargs):
    page_changed(instance, [url_path_before, url_path_after], moved=True)
