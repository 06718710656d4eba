import datetime

from django.db import models
from django.utils import timezone
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index

from aimf_portal.discovery import seo
from aimf_portal.editorial.blocks import BodyBlock
from aimf_portal.editorial.panels import tabbed_edit_handler
from aimf_portal.items.models import CountryTaggedItemBase, ThemeItemPage
from places.forms import CityItemPageForm
from places.models import CitiesMixin, CityTaggedItemBase


class NewsPageCountry(CountryTaggedItemBase):
    content_object = ParentalKey(
        "news.NewsPage", on_delete=models.CASCADE, related_name="country_items"
    )


class NewsPageCity(CityTaggedItemBase):
    content_object = ParentalKey(
        "news.NewsPage", on_delete=models.CASCADE, related_name="city_items"
    )


class NewsPage(CitiesMixin, ThemeItemPage):
    date = models.DateField(
        "date de publication",
        default=timezone.localdate,
        db_index=True,
        help_text="Aujourd'hui par défaut. Les actualités se classent de la plus récente à la "
        "plus ancienne selon cette date.",
    )
    cities = ClusterTaggableManager(
        "villes",
        through=NewsPageCity,
        blank=True,
        related_name="news_items",
        help_text="Les villes membres dont parle l'actualité, par exemple « Hué » ; facultatives.",
    )
    countries = ClusterTaggableManager(
        "pays",
        through=NewsPageCountry,
        blank=True,
        help_text="Les pays dont parle l'actualité. Ils servent au filtre par pays.",
    )
    body = StreamField(
        BodyBlock(),
        verbose_name="contenu",
        help_text="Le texte de l'actualité : paragraphes (avec intertitres), images, citations, "
        "vidéos.",
    )

    listing_slug = "actualites"
    in_news_feed = True
    card_meta_template = "news/news_card_meta.html"
    listing_title = "Actualités"
    listing_ordering = ("-date", "-first_published_at")

    content_panels = [*Page.content_panels, FieldPanel("teaser"), FieldPanel("body")]
    classification_panels = [FieldPanel("date"), FieldPanel("cities"), FieldPanel("countries")]
    edit_handler = tabbed_edit_handler(
        ("Contenu", content_panels),
        ("Classement", classification_panels),
        ("Image", ThemeItemPage.image_panels),
    )
    base_form_class = CityItemPageForm
    search_fields = [
        *ThemeItemPage.search_fields,
        index.RelatedFields("cities", [index.SearchField("name")]),
        index.SearchField("body"),
        index.FilterField("date"),
    ]

    class Meta:
        verbose_name = "actualité"
        verbose_name_plural = "actualités"

    def customise_metadata(self, request, metadata, context):
        super().customise_metadata(request, metadata, context)
        metadata.structured_data.append(seo.news_article(request, self, metadata))

    def feed_guid(self):
        # Stable across renames and moves, unlike the address.
        return f"urn:aimf:actualite:{self.pk}"

    def feed_pubdate(self):
        # The editorial date, at noon in the site's time zone, is what the site shows.
        return timezone.make_aware(datetime.datetime.combine(self.date, datetime.time(12)))
