"""What every page shows and rarely changes, cached until an editor changes something.

The theme menu, the footer links, the country vocabulary and the list of private sections cost
a query each on every page. They are kept in Django's cache under one generation number, which
any change to a page, a view restriction or a country moves on: every entry is then rebuilt on
its next use. With a shared cache (Redis) this holds across application servers.
"""

from django.core.cache import cache
from django.db.models import Q
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from wagtail.models import Page, PageViewRestriction
from wagtail.signals import page_published, page_unpublished, post_page_move

GENERATION_KEY = "aimf-site-cache-generation"
TIMEOUT = 24 * 60 * 60


def generation():
    current = cache.get(GENERATION_KEY)
    if current is None:
        cache.add(GENERATION_KEY, 1, timeout=None)
        current = cache.get(GENERATION_KEY, 1)
    return current


def invalidate():
    """Make every cached entry stale, e.g. after pages were written in bulk without signals."""
    try:
        cache.incr(GENERATION_KEY)
    except ValueError:
        cache.add(GENERATION_KEY, 1, timeout=None)


def cached(name, build):
    key = f"aimf-site-cache:{generation()}:{name}"
    value = cache.get(key)
    if value is None:
        value = build()
        cache.set(key, value, TIMEOUT)
    return value


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


@receiver(post_save)
@receiver(post_delete)
def invalidate_on_change(sender, instance, **kwargs):
    from .models import Country

    if isinstance(instance, Page | PageViewRestriction | Country):
        invalidate()


@receiver(page_published)
@receiver(page_unpublished)
@receiver(post_page_move)
def invalidate_on_publication(sender, **kwargs):
    invalidate()
