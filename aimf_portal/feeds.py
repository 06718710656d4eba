"""RSS 2.0 feeds of the news: the whole site at /rss/, one theme at /<theme>/rss/."""

import datetime

from django.contrib.syndication.views import Feed
from django.utils import timezone
from django.utils.feedgenerator import Enclosure, Rss201rev2Feed

FEED_SIZE = 20
# One of the card's renditions (aimf_portal.images.CARD_SIZES): the listing prefetches it.
ENCLOSURE_FILTER = "fill-960x600|format-jpeg"


class NewsFeed(Feed):
    """The latest public news, site-wide or under one theme (`NewsFeed()(request, theme=…)`)."""

    feed_type = Rss201rev2Feed
    language = "fr"

    def __call__(self, request, *args, **kwargs):
        self.request = request
        return super().__call__(request, *args, **kwargs)

    def get_object(self, request, theme=None):
        return theme

    def title(self, theme):
        if theme is None:
            return "Actualités de l'AIMF"
        return f"Actualités – {theme.title} – AIMF"

    def link(self, theme):
        return theme.get_url(self.request) if theme is not None else "/"

    def description(self, theme):
        if theme is None:
            return (
                "Les dernières actualités de l'Association internationale des maires francophones."
            )
        return f"Les dernières actualités de l'AIMF sur la thématique {theme.title}."

    def feed_url(self, theme):
        return self.request.build_absolute_uri(self.request.path)

    def items(self, theme):
        from news.models import NewsPage

        return NewsPage.listing_queryset(theme)[:FEED_SIZE]

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        return item.teaser

    def item_link(self, item):
        return item.get_url(self.request)

    def item_guid(self, item):
        # Stable across renames and moves, unlike the address.
        return f"urn:aimf:actualite:{item.pk}"

    item_guid_is_permalink = False

    def item_pubdate(self, item):
        # The editorial date, at noon in the site's time zone, is what the site shows.
        return timezone.make_aware(datetime.datetime.combine(item.date, datetime.time(12)))

    def item_updateddate(self, item):
        return item.last_published_at

    def item_categories(self, item):
        return [country.name for country in item.sorted_countries()]

    def item_enclosures(self, item):
        if item.image is None:
            return []
        rendition = item.image.get_rendition(ENCLOSURE_FILTER)
        return [
            Enclosure(
                url=self.request.build_absolute_uri(rendition.url),
                length=str(rendition.file.size),
                mime_type="image/jpeg",
            )
        ]
