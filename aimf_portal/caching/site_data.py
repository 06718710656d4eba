"""What many pages show and rarely changes (the country list, the restricted sections, the theme
menu, rendered fragments), cached under the site's generation, and a page's for what shows that
page's content: a change to either rebuilds it on next use, on every server.
"""

import hashlib

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
    # Hashed: names hold a visitor's canonical selection, of any length.
    key = "aimf-data:" + hashlib.sha256(f"{numbers}:{name}".encode()).hexdigest()[:40]
    values = generations.memo()["values"]
    if key not in values:
        values[key] = cache.get(key)
        if values[key] is None:
            values[key] = build()
            cache.set(key, values[key], timeout)
    return values[key]


def cached_html(name, render, scope=None):
    """Rendered HTML, cached like cached() for FRAGMENT_CACHE_TIMEOUT seconds at most (0: off)."""
    if settings.FRAGMENT_CACHE_TIMEOUT <= 0:
        return render()
    return cached(name, render, scope=scope, timeout=settings.FRAGMENT_CACHE_TIMEOUT)


def public(pages):
    """pages.public(), the restricted sections read from the cache rather than queried."""
    sections = cached(
        "private-sections",
        lambda: list(PageViewRestriction.objects.values_list("page__path", "page__depth")),
    )
    private = Q(pk__in=[])
    for path, depth in sections:
        private |= Q(path__startswith=path, depth__gte=depth)
    return pages.exclude(private)
