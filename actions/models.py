from django.core.exceptions import ValidationError
from django.db import models
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel
from wagtail.fields import StreamField
from wagtail.models import Orderable, Page
from wagtail.search import index

from actions.forms import ActionPageForm
from aimf_portal.editorial.blocks import BodyBlock
from aimf_portal.editorial.panels import tabbed_edit_handler
from aimf_portal.items.models import CountryTaggedItemBase, ThemeItemPage
from places.models import CitiesMixin, CityTaggedItemBase


class ActionPageCountry(CountryTaggedItemBase):
    content_object = ParentalKey(
        "actions.ActionPage", on_delete=models.CASCADE, related_name="country_items"
    )


class ActionPageCity(CityTaggedItemBase):
    content_object = ParentalKey(
        "actions.ActionPage", on_delete=models.CASCADE, related_name="city_items"
    )


class ActionPage(CitiesMixin, ThemeItemPage):
    class Status(models.TextChoices):
        PLANNED = "planned", "En préparation"
        ONGOING = "ongoing", "En cours"
        COMPLETED = "completed", "Achevé"

    cities = ClusterTaggableManager(
        "villes",
        through=ActionPageCity,
        blank=True,
        related_name="actions",
        help_text="Au moins une : les villes membres qui portent le projet, par exemple "
        "« Dakar ». Elles placent l'action sur la carte.",
    )
    countries = ClusterTaggableManager(
        "pays",
        through=ActionPageCountry,
        blank=True,
        help_text="Au moins un : les pays du projet. Ils servent au filtre par pays.",
    )
    status = models.CharField(
        "état d'avancement",
        max_length=10,
        choices=Status.choices,
        default=Status.ONGOING,
        help_text="Affiché sur la carte du projet.",
    )
    start_date = models.DateField(
        "début",
        db_index=True,
        help_text="Le début du projet ; les actions se classent de la plus récente à la plus "
        "ancienne selon cette date.",
    )
    end_date = models.DateField(
        "fin", null=True, blank=True, help_text="Vide si la fin n'est pas fixée."
    )
    body = StreamField(
        BodyBlock(),
        verbose_name="contenu",
        help_text="La présentation du projet : objectifs, réalisations, chiffres.",
    )

    listing_slug = "actions"
    card_meta_template = "actions/action_card_meta.html"
    listing_title = "Actions"
    listing_ordering = ("-start_date", "-first_published_at")
    shown_on_map = True

    content_panels = [
        *Page.content_panels,
        FieldPanel("teaser"),
        FieldPanel("body"),
        InlinePanel("partners", heading="Partenaires", label="Partenaire"),
        InlinePanel("documents", heading="Documents joints", label="Document"),
    ]
    classification_panels = [
        FieldPanel("cities"),
        FieldPanel("countries"),
        FieldPanel("status"),
        FieldRowPanel([FieldPanel("start_date"), FieldPanel("end_date")]),
    ]
    edit_handler = tabbed_edit_handler(
        ("Contenu", content_panels),
        ("Classement", classification_panels),
        ("Image", ThemeItemPage.image_panels),
    )
    base_form_class = ActionPageForm
    search_fields = [
        *ThemeItemPage.search_fields,
        index.RelatedFields("cities", [index.SearchField("name")]),
        index.SearchField("body"),
        index.RelatedFields("partners", [index.SearchField("name")]),
    ]

    class Meta:
        verbose_name = "action"
        verbose_name_plural = "actions"

    def clean(self):
        super().clean()
        if self.end_date and self.start_date and self.end_date < self.start_date:
            raise ValidationError({"end_date": "La fin du projet précède son début."})


class ActionPartner(Orderable):
    page = ParentalKey(ActionPage, on_delete=models.CASCADE, related_name="partners")
    name = models.CharField("nom", max_length=200, help_text="Par exemple « Ville de Lyon ».")
    url = models.URLField("site web", blank=True, help_text="https://… ; facultatif.")

    panels = [FieldPanel("name"), FieldPanel("url")]

    class Meta(Orderable.Meta):
        verbose_name = "partenaire"


class ActionDocument(Orderable):
    page = ParentalKey(ActionPage, on_delete=models.CASCADE, related_name="documents")
    document = models.ForeignKey(
        "wagtaildocs.Document",
        verbose_name="document",
        on_delete=models.CASCADE,
        related_name="+",
        help_text="Un fichier de la bibliothèque de documents (PDF de préférence).",
    )
    title = models.CharField(
        "intitulé", max_length=200, blank=True, help_text="Vide : le titre du document."
    )

    panels = [FieldPanel("document"), FieldPanel("title")]

    class Meta(Orderable.Meta):
        verbose_name = "document joint"

    @property
    def display_title(self):
        return self.title or self.document.title
