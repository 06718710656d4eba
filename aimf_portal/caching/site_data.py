"""What many pages show and rarely changes (the country list, the restricted sections, the theme
menu, rendered fragments), cached under the site's generation number, and a page's for what
shows that page's content: a change to either rebuilds it on next use, on every server.
"""

import hashlib

from django.conf import settings
from django.core.cache import cache
from django.db.models import Q
from wagtail.models import PageViewRestriction

from aimf_portal.caching import generations

DATA_TIMEOUT = 24 * 60 * 60


def entry_key(name, numbers):
    # Hashed: names hold a visitor's canonical selection, of any length.
    digest = hashlib.sha256(f"{numbers}:{name}".encode()).hexdigest()[:40]
    return f"aimf-data:{digest}"


def cached(name, build, scope=None, timeout=DATA_TIMEOUT):
    """build()'s value, kept until the site changes (or the scope, if given), timeout at most."""
    numbers = [
        generations.ensure(generations.SITE),
        *([generations.ensure(scope)] if scope else []),
    ]
    if None in numbers:  # the cache keeps nothing: build every time
        return build()
    key = entry_key(name, numbers)
    memo = generations.request_memo.get()
    if memo is not None and key in memo.values:
        return memo.values[key]
    value = cache.get(key)
    if value is None:
        value = build()
        cache.set(key, value, timeout)
    if memo is not None:
        memo.values[key] = value
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
