from django.db import models
from django.utils import timezone
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index

from aimf_portal.blocks import BodyBlock
from aimf_portal.models import CountryTaggedItemBase, ThemeItemPage


class NewsPageCountry(CountryTaggedItemBase):
    content_object = ParentalKey(
        "news.NewsPage", on_delete=models.CASCADE, related_name="country_items"
    )


class NewsPage(ThemeItemPage):
    date = models.DateField("date de publication", default=timezone.localdate, db_index=True)
    city = models.CharField("ville", max_length=100, blank=True)
    countries = ClusterTaggableManager(
        "pays", through=NewsPageCountry, blank=True, help_text="Les pays dont parle l'actualité."
    )
    body = StreamField(BodyBlock(), verbose_name="contenu")

    listing_route_name = "news_listing"
    card_meta_template = "news/news_card_meta.html"
    listing_title = "Actualités"
    listing_ordering = ("-date", "-first_published_at")

    content_panels = [
        *Page.content_panels,
        FieldPanel("teaser"),
        MultiFieldPanel(
            [FieldPanel("date"), FieldPanel("city"), FieldPanel("countries")],
            heading="Quand et où",
        ),
        FieldPanel("image"),
        FieldPanel("body"),
    ]
    search_fields = [
        *ThemeItemPage.search_fields,
        index.SearchField("city"),
        index.SearchField("body"),
        index.FilterField("date"),
    ]

    class Meta:
        verbose_name = "actualité"
        verbose_name_plural = "actualités"
