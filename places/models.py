"""The association's member cities: a controlled list, like the countries, that news items and
actions link to, with what the directory, the city pages and the map show.

A city is a snippet (a tag of a controlled vocabulary), not a page: editors pick cities on an
item as they pick countries, the city page is built from the model and the items linking to it,
and two thousand cities stay plain rows (no page tree, revisions or workflow to carry).
"""

import datetime

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator, URLValidator
from django.db import models
from django.db.models import prefetch_related_objects
from django.urls import reverse
from django.utils.functional import cached_property
from django.utils.text import slugify
from taggit.models import TagBase
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel

from aimf_portal.editorial.text import accent_insensitive_key
from aimf_portal.items.forms import Vocabulary
from aimf_portal.items.models import ControlledTagLinkBase, Country

# The association was founded in 1979 in Québec.
FOUNDING_YEAR = 1979
CITY_AUTOCOMPLETE_URL_NAME = "city_autocomplete"

CITIES = Vocabulary(
    field_name="cities",
    autocomplete_url_name=CITY_AUTOCOMPLETE_URL_NAME,
    help_text="Tapez une partie du nom, avec ou sans accents (« hue » propose Hué), puis "
    "choisissez dans la liste. Une ville absente de la liste est refusée : un administrateur "
    "l'ajoute dans le menu « Villes membres ».",
    list_name="des villes membres",
    advice="Choisissez une ville proposée pendant la saisie ; un administrateur ajoute les "
    "nouvelles villes dans le menu « Villes membres ».",
)


def https_only(value):
    if not value.startswith("https://"):
        raise ValidationError("Une adresse sécurisée, qui commence par https://.")


class City(TagBase):
    """A member city: its name is unique (add the country in it for homonyms)."""

    free_tagging = False

    country = models.ForeignKey(
        Country,
        verbose_name="pays",
        on_delete=models.PROTECT,
        related_name="cities",
        help_text="Le pays de la ville, dans la liste des pays de l'association.",
    )
    latitude = models.DecimalField(
        "latitude",
        max_digits=7,
        decimal_places=4,
        validators=[
            MinValueValidator(-90, "Une latitude va de -90 (pôle Sud) à 90 (pôle Nord)."),
            MaxValueValidator(90, "Une latitude va de -90 (pôle Sud) à 90 (pôle Nord)."),
        ],
        help_text="En degrés décimaux, positive au nord de l'équateur (Hué : 16.4619).",
    )
    longitude = models.DecimalField(
        "longitude",
        max_digits=7,
        decimal_places=4,
        validators=[
            MinValueValidator(-180, "Une longitude va de -180 à 180."),
            MaxValueValidator(180, "Une longitude va de -180 à 180."),
        ],
        help_text="En degrés décimaux, positive à l'est de Greenwich (Hué : 107.5955).",
    )
    member_since = models.PositiveSmallIntegerField(
        "membre depuis",
        null=True,
        blank=True,
        validators=[
            MinValueValidator(FOUNDING_YEAR, f"L'association a été fondée en {FOUNDING_YEAR}.")
        ],
        help_text="L'année d'adhésion ; vide si elle n'est pas connue.",
    )
    presentation = models.TextField(
        "présentation",
        max_length=600,
        blank=True,
        help_text="Deux ou trois phrases sur la ville et son engagement dans le réseau.",
    )
    image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name="image",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="Facultative ; son texte alternatif est celui de la médiathèque.",
    )
    website = models.URLField(
        "site web",
        blank=True,
        validators=[URLValidator(schemes=["https"]), https_only],
        help_text="L'adresse du site de la ville, en https://… ; facultative.",
    )
    # The name without accents or case, for the directory's search box on any database.
    search_key = models.CharField(max_length=100, editable=False, db_index=True)

    panels = [
        FieldPanel("name"),
        FieldPanel("country"),
        MultiFieldPanel(
            [FieldRowPanel([FieldPanel("latitude"), FieldPanel("longitude")])],
            heading="Coordonnées",
        ),
        FieldPanel("member_since"),
        FieldPanel("presentation"),
        FieldPanel("image"),
        FieldPanel("website"),
    ]

    class Meta:
        verbose_name = "ville membre"
        verbose_name_plural = "villes membres"
        ordering = ["search_key"]

    def clean(self):
        super().clean()
        year = datetime.date.today().year
        if self.member_since and self.member_since > year:
            raise ValidationError({"member_since": f"Une année passée, {year} au plus."})

    def save(self, *args, **kwargs):
        self.search_key = accent_insensitive_key(self.name)
        # "hue" for Hué: an address anyone can type (TagBase would keep the accent).
        self.slug = self.slug or slugify(self.name)
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return reverse("places:city", args=[self.slug])

    @property
    def initial(self):
        """The directory's alphabetical group: "É" files under "E"."""
        return self.search_key[:1].upper()


class CityTaggedItemBase(ControlledTagLinkBase):
    """The link between an item page and one of its cities."""

    tag = models.ForeignKey(
        City, on_delete=models.CASCADE, related_name="%(app_label)s_%(class)s_items"
    )

    class Meta(ControlledTagLinkBase.Meta):
        abstract = True


class CitiesMixin:
    """What an item kind linking to cities adds (its `cities` field is declared on the model,
    through its own CityTaggedItemBase): cards and pages show the cities, by name."""

    @classmethod
    def prefetch_card_data(cls, items):
        super().prefetch_card_data(items)
        prefetch_related_objects(items, "cities")

    @cached_property
    def sorted_cities(self):
        """Read once per item, though its card's line and its page both show them."""
        return sorted(self.cities.all(), key=lambda city: city.search_key)
