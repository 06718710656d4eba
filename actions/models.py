from django.core.exceptions import ValidationError
from django.db import models
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.fields import StreamField
from wagtail.models import Orderable, Page
from wagtail.search import index

from aimf_portal.blocks import BodyBlock
from aimf_portal.models import CountryTaggedItemBase, ThemeItemPage


class ActionPageCountry(CountryTaggedItemBase):
    content_object = ParentalKey(
        "actions.ActionPage", on_delete=models.CASCADE, related_name="country_items"
    )


class ActionPage(ThemeItemPage):
    class Status(models.TextChoices):
        PLANNED = "planned", "En préparation"
        ONGOING = "ongoing", "En cours"
        COMPLETED = "completed", "Achevé"

    city = models.CharField("ville", max_length=100, help_text="La ville qui porte le projet.")
    countries = ClusterTaggableManager("pays", through=ActionPageCountry, blank=True)
    status = models.CharField(
        "état d'avancement", max_length=10, choices=Status.choices, default=Status.ONGOING
    )
    start_date = models.DateField("début", db_index=True)
    end_date = models.DateField(
        "fin", null=True, blank=True, help_text="Vide si la fin n'est pas fixée."
    )
    body = StreamField(BodyBlock(), verbose_name="contenu")

    listing_route_name = "action_listing"
    card_meta_template = "actions/action_card_meta.html"
    listing_title = "Actions"
    listing_ordering = ("-start_date", "-first_published_at")

    content_panels = [
        *Page.content_panels,
        FieldPanel("teaser"),
        MultiFieldPanel(
            [
                FieldPanel("city"),
                FieldPanel("countries"),
                FieldPanel("status"),
                FieldRowPanel([FieldPanel("start_date"), FieldPanel("end_date")]),
            ],
            heading="Le projet",
        ),
        FieldPanel("image"),
        FieldPanel("body"),
        InlinePanel("partners", heading="Partenaires", label="Partenaire"),
        InlinePanel("documents", heading="Documents joints", label="Document"),
    ]
    search_fields = [
        *ThemeItemPage.search_fields,
        index.SearchField("city"),
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
    name = models.CharField("nom", max_length=200)
    url = models.URLField("site web", blank=True)

    panels = [FieldPanel("name"), FieldPanel("url")]

    class Meta(Orderable.Meta):
        verbose_name = "partenaire"


class ActionDocument(Orderable):
    page = ParentalKey(ActionPage, on_delete=models.CASCADE, related_name="documents")
    document = models.ForeignKey(
        "wagtaildocs.Document", verbose_name="document", on_delete=models.CASCADE, related_name="+"
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
