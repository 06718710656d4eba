"""RSS 2.0 feeds of one kind of item (the news): the whole site at /rss/, one theme at
/<theme>/rss/. The item model names its feed entry's identifier and date."""

from django.contrib.syndication.views import Feed
from django.utils.feedgenerator import Enclosure, Rss201rev2Feed
from django.utils.html import escape

from aimf_portal.items.images import ENCLOSURE_FILTER
from aimf_portal.items.models import item_models

FEED_SIZE = 20


def news_model():
    """The kind of item the site's news feed carries."""
    return next(model for model in item_models() if model.in_news_feed)


class ItemFeed(Feed):
    """The latest public items of `model`, site-wide or under one theme: a new instance per
    request (`ItemFeed(model)(request, theme=…)`), which keeps the request for absolute URLs."""

    feed_type = Rss201rev2Feed
    language = "fr"
    item_guid_is_permalink = False

    def __init__(self, model):
        super().__init__()
        self.model = model

    def __call__(self, request, *args, **kwargs):
        self.request = request
        return super().__call__(request, *args, **kwargs)

    def get_object(self, request, theme=None):
        return theme

    def title(self, theme):
        if theme is None:
            return f"{self.model.listing_title} de l'AIMF"
        return f"{self.model.listing_title} – {theme.title} – AIMF"

    def link(self, theme):
        return theme.get_url(self.request) if theme is not None else "/"

    def description(self, theme):
        noun = self.model._meta.verbose_name_plural
        if theme is None:
            return f"Les dernières {noun} de l'Association internationale des maires francophones."
        return f"Les dernières {noun} de l'AIMF sur la thématique {theme.title}."

    def feed_url(self, theme):
        return self.request.build_absolute_uri(self.request.path)

    def items(self, theme):
        items = list(self.model.listing_queryset(theme)[:FEED_SIZE])
        self.model.prefetch_card_data(items)
        return items

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        # Feed readers read a description as HTML: escaped here, the teaser reaches them as the
        # text the editor typed, not as markup (the XML writer escapes it a second time).
        return escape(item.teaser)

    def item_link(self, item):
        return item.get_url(self.request)

    def item_guid(self, item):
        return item.feed_guid()

    def item_pubdate(self, item):
        return item.feed_pubdate()

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
