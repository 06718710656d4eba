from django.db import models
from django.utils import timezone
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index

from aimf_portal.blocks import BodyBlock
from aimf_portal.models import CountryTaggedItemBase, ThemeItemPage, tabbed_edit_handler


class NewsPageCountry(CountryTaggedItemBase):
    content_object = ParentalKey(
        "news.NewsPage", on_delete=models.CASCADE, related_name="country_items"
    )


class NewsPage(ThemeItemPage):
    date = models.DateField(
        "date de publication",
        default=timezone.localdate,
        db_index=True,
        help_text="Aujourd'hui par défaut. Les actualités se classent de la plus récente à la "
        "plus ancienne selon cette date.",
    )
    city = models.CharField(
        "ville",
        max_length=100,
        blank=True,
        help_text="La ville où se passe l'actualité, par exemple « Hué » ; facultative.",
    )
    countries = ClusterTaggableManager(
        "pays",
        through=NewsPageCountry,
        blank=True,
        help_text="Les pays dont parle l'actualité : tapez les premières lettres et choisissez "
        "dans la liste. Ils servent au filtre par pays.",
    )
    body = StreamField(
        BodyBlock(),
        verbose_name="contenu",
        help_text="Le texte de l'actualité : paragraphes (avec intertitres), images, citations, "
        "vidéos.",
    )

    listing_route_name = "news_listing"
    card_meta_template = "news/news_card_meta.html"
    listing_title = "Actualités"
    listing_ordering = ("-date", "-first_published_at")

    content_panels = [*Page.content_panels, FieldPanel("teaser"), FieldPanel("body")]
    classification_panels = [FieldPanel("date"), FieldPanel("city"), FieldPanel("countries")]
    edit_handler = tabbed_edit_handler(
        ("Contenu", content_panels),
        ("Classement", classification_panels),
        ("Image", ThemeItemPage.image_panels),
    )
    search_fields = [
        *ThemeItemPage.search_fields,
        index.SearchField("city"),
        index.SearchField("body"),
        index.FilterField("date"),
    ]

    class Meta:
        verbose_name = "actualité"
        verbose_name_plural = "actualités"
