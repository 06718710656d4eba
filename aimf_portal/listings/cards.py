"""Item cards, rendered once per version of what they show and kept in the cache: a listing, a
search or a filter combination never seen before renders only the cards new to it.

A card's key names what it shows: the item's publication (its time), address and image (file
and alt text), how it is shown (heading level, image loading), the host (its links are relative
to the site) and the site's generation (country names, site-wide changes). The keys of a list
come from the items' own query (their image joined); their HTML from one cache round trip;
only the missing cards get their renditions and countries (two queries) and are rendered.
"""

from django.contrib.contenttypes.models import ContentType
from django.core.cache import cache
from django.template.loader import render_to_string

from aimf_portal.caching import generations
from aimf_portal.caching.page_cache import cache_host

CARD_TIMEOUT = 24 * 60 * 60


def render_card(request, item, heading_level=3, loading="lazy"):
    context = {"item": item, "heading_level": heading_level, "image_loading": loading}
    return render_to_string("includes/card.html", context, request)


def version(item):
    """What a card shows, as its key names it."""
    image = item.image
    image_fields = (image.file_hash, image.description, image.title) if image else None
    return (item.pk, item.last_published_at, item.url_path, image_fields, item.image_is_decorative)


def cards_by_pk(request, model, items, heading_level, eager_pks=()):
    """{pk: card HTML} for `items` (instances of `model` from with_card_data)."""
    site = generations.ensure(generations.SITE)
    host = cache_host(request)
    keys = {}
    for item in items:
        loading = "eager" if item.pk in eager_pks else "lazy"
        name = f"{site}:{host}:{version(item)}:{heading_level}:{loading}"
        keys[item.pk] = (generations.hashed("aimf-card:", name), loading, item)
    found = cache.get_many([key for key, _, _ in keys.values()]) if site else {}
    missing = [item for key, _, item in keys.values() if key not in found]
    if missing:
        model.prefetch_card_data(missing)
        fresh = {
            keys[item.pk][0]: render_card(request, item, heading_level, keys[item.pk][1])
            for item in missing
        }
        if site:
            cache.set_many(fresh, CARD_TIMEOUT)
        found.update(fresh)
    return {pk: found[key] for pk, (key, _, _) in keys.items()}


def rendered_cards(request, model, items, heading_level=3, eager=0):
    """The cards of `items` (an ordered queryset of `model` from with_card_data, sliced to
    what is shown), in order; the first `eager` load their images at once (the first row)."""
    items = list(items)
    eager_pks = {item.pk for item in items[:eager]}
    html = cards_by_pk(request, model, items, heading_level, eager_pks)
    return [html[item.pk] for item in items]


def ranked_cards(request, matches, heading_level=3):
    """[(kind, card HTML)] of a search's page of (page id, content type id), in rank order."""
    by_type = {}
    for page_id, content_type_id in matches:
        by_type.setdefault(content_type_id, []).append(page_id)
    html, kinds = {}, {}
    for content_type_id, ids in by_type.items():
        model = ContentType.objects.get_for_id(content_type_id).model_class()
        items = model.with_card_data(model.objects.filter(pk__in=ids))
        html.update(cards_by_pk(request, model, items, heading_level))
        kinds.update(dict.fromkeys(ids, model._meta.verbose_name))
    return [(kinds[page_id], html[page_id]) for page_id, _ in matches if page_id in html]
