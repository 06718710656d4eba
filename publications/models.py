from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Page
from wagtail.search import index

from aimf_portal.editorial.panels import tabbed_edit_handler
from aimf_portal.items.models import CountryTaggedItemBase, ThemeItemPage
from aimf_portal.listings.facets import (
    country_facet,
    publication_kind_facet,
    publication_year_facet,
)


class PublicationPageCountry(CountryTaggedItemBase):
    content_object = ParentalKey(
        "publications.PublicationPage", on_delete=models.CASCADE, related_name="country_items"
    )


class PublicationPage(ThemeItemPage):
    class Kind(models.TextChoices):
        RAISONNANCE = "raisonnance", "Raisonnance"
        REPORT = "rapport", "Rapport"
        GUIDE = "guide", "Guide"
        PROCEEDINGS = "actes", "Actes"
        STUDY = "etude", "Étude"

    kind = models.CharField(
        "type",
        max_length=12,
        choices=Kind.choices,
        default=Kind.REPORT,
        help_text="Sert au filtre « Type » des publications.",
    )
    issue_number = models.PositiveSmallIntegerField(
        "numéro", null=True, blank=True, help_text="Pour un numéro de Raisonnance seulement."
    )
    date = models.DateField(
        "date de parution",
        default=timezone.localdate,
        db_index=True,
        help_text="Aujourd'hui par défaut ; son année sert au filtre « Année ».",
    )
    summary = RichTextField(
        "sommaire",
        features=["bold", "italic", "ol", "ul", "link"],
        blank=True,
        help_text="La table des matières, en liste numérotée de préférence ; facultatif.",
    )
    document = models.ForeignKey(
        "wagtaildocs.Document",
        verbose_name="document (PDF)",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="Le fichier à télécharger, choisi dans la bibliothèque de documents.",
    )
    countries = ClusterTaggableManager(
        "pays",
        through=PublicationPageCountry,
        blank=True,
        help_text="Les pays dont traite la publication. Ils servent au filtre par pays.",
    )
    is_demo = models.BooleanField(
        "contenu de démonstration",
        default=False,
        help_text="Publication fictive chargée pour la démonstration : à retirer avant la mise "
        "en ligne.",
    )

    listing_slug = "publications"
    card_meta_template = "publications/publication_card_meta.html"
    listing_title = "Publications & Réflexions"
    listing_ordering = ("-date", "-first_published_at")
    listing_facets = (country_facet, publication_kind_facet, publication_year_facet)
    facets_on_theme_page = True

    content_panels = [
        *Page.content_panels,
        FieldPanel("teaser"),
        FieldPanel("document"),
        FieldPanel("summary"),
    ]
    classification_panels = [
        FieldRowPanel([FieldPanel("kind"), FieldPanel("issue_number")]),
        FieldPanel("date"),
        FieldPanel("countries"),
        FieldPanel("is_demo"),
    ]
    image_panels = [
        MultiFieldPanel(
            [FieldPanel("image", heading="Couverture"), FieldPanel("image_is_decorative")],
            heading="Couverture",
        )
    ]
    edit_handler = tabbed_edit_handler(
        ("Contenu", content_panels),
        ("Classement", classification_panels),
        ("Couverture", image_panels),
    )
    search_fields = [
        *ThemeItemPage.search_fields,
        index.SearchField("summary"),
        index.FilterField("kind"),
        index.FilterField("date"),
    ]

    class Meta:
        verbose_name = "publication"
        verbose_name_plural = "publications"

    def clean(self):
        super().clean()
        if self.issue_number and self.kind != self.Kind.RAISONNANCE:
            raise ValidationError(
                {"issue_number": "Seuls les numéros de Raisonnance sont numérotés."}
            )

    def get_admin_display_title(self):
        title = super().get_admin_display_title()
        return f"{title} (démo)" if self.is_demo else title

    @classmethod
    def with_card_data(cls, items):
        return super().with_card_data(items).select_related("document")
