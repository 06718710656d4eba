"""What many pages show and rarely changes (the country list, the restricted sections, the theme
menu, rendered fragments), cached under the site's generation, and a page's for what shows that
page's content: a change to either rebuilds it on next use, on every server.
"""

from django.conf import settings
from django.core.cache import cache
from django.db.models import Q
from wagtail.models import PageViewRestriction

from aimf_portal.caching import generations


def cached(name, build, scope=None, timeout=24 * 60 * 60):
    """build()'s value, kept until the site changes (or the scope, if given), timeout at most."""
    numbers = [generations.ensure(s) for s in (generations.SITE, scope) if s]
    if None in numbers:  # the cache keeps nothing: build every time
        return build()
    key = generations.hashed("aimf-data:", name)
    current = generations.memo()
    generations.asked("data", key)
    entry = current["values"][key] if key in current["values"] else cache.get(key)
    if entry is None or entry[0] != numbers:
        entry = (numbers, build())
        cache.set(key, entry, timeout)
    current["values"][key] = entry
    return entry[1]


def cached_html(name, render, scope=None):
    """Rendered HTML, cached like cached() for FRAGMENT_CACHE_TIMEOUT seconds at most (0: off)."""
    if settings.FRAGMENT_CACHE_TIMEOUT <= 0:
        return render()
    return cached(name, render, scope=scope, timeout=settings.FRAGMENT_CACHE_TIMEOUT)


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
