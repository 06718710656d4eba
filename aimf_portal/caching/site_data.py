"""What many pages show and rarely changes (the country list, the restricted sections, the theme
menu, rendered fragments), cached under the site's generation, and a page's for what shows that
page's content: a change to either rebuilds it on next use, on every server.

What depends on the site alone is also kept in the process, checked against the generation the
request read: a page never seen before pays no round trip for the menu, the footer or the
country list.
"""

import collections
import threading
import time

from django.conf import settings
from django.core.cache import cache
from django.db.models import Q
from wagtail.models import PageViewRestriction

from aimf_portal.caching import generations

# Site-wide entries are a bounded set (names never come from a query string); the bound is a
# safety net.
PROCESS_ENTRIES = 500
in_process = collections.OrderedDict()
in_process_lock = threading.Lock()


def kept_in_process(key, numbers):
    with in_process_lock:
        entry, expires = in_process.get(key, (None, 0))
    return (
        entry if entry is not None and entry[0] == numbers and expires > time.monotonic() else None
    )


def keep_in_process(key, entry, timeout):
    with in_process_lock:
        in_process[key] = (entry, time.monotonic() + timeout)
        in_process.move_to_end(key)
        while len(in_process) > PROCESS_ENTRIES:
            in_process.popitem(last=False)


def cached(name, build, scope=None, timeout=24 * 60 * 60, kept_in_process_too=False):
    """build()'s value, kept until the site changes (or the scope, if given), timeout at most.
    A scoped entry is also kept in the process if asked: its name must come from a bounded
    set."""
    numbers = [generations.ensure(s) for s in (generations.SITE, scope) if s]
    if None in numbers:  # the cache keeps nothing: build every time
        return build()
    key = generations.hashed("aimf-data:", name)
    current = generations.memo()
    generations.asked("data", key)
    in_process_too = scope is None or kept_in_process_too
    entry = current["values"].get(key)
    from_process = in_process_too and not entry and kept_in_process(key, numbers)
    entry = entry or from_process or cache.get(key)
    if entry is None or entry[0] != numbers:
        entry = (numbers, build())
        cache.set(key, entry, timeout)
    current["values"][key] = entry
    if in_process_too and not from_process:
        keep_in_process(key, entry, timeout)
    return entry[1]


def cached_html(name, render, scope=None, kept_in_process_too=False):
    """Rendered HTML (or what a page is rendered from, such as a listing's facet index), cached
    like cached() for FRAGMENT_CACHE_TIMEOUT seconds at most (0: off, built every time)."""
    if settings.FRAGMENT_CACHE_TIMEOUT <= 0:
        return render()
    return cached(
        name,
        render,
        scope=scope,
        timeout=settings.FRAGMENT_CACHE_TIMEOUT,
        kept_in_process_too=kept_in_process_too,
    )


def private_sections():
    """(path, depth) of each page with a view restriction: it and its descendants are private."""
    return cached(
        "private-sections",
        lambda: list(PageViewRestriction.objects.values_list("page__path", "page__depth")),
    )


def public(pages):
    """pages.public(), the restricted sections read from the cache rather than queried."""
    private = Q(pk__in=[])
    for path, depth in private_sections():
        private |= Q(path__startswith=path, depth__gte=depth)
    return pages.exclude(private)
