"""What every kind of item (news, actions, publications) shares, and the country vocabulary.

This is the bottom layer of the portal's content: it imports no page model and no item app. The
item apps subclass ThemeItemPage; the site pages and the shared mechanisms above find them with
item_models(), from Django's app registry, never by importing them.
"""

import functools

from django.apps import apps
from django.core.exceptions import ValidationError
from django.core.validators import RegexValidator
from django.db import models
from django.db.models import prefetch_related_objects
from django.template.response import TemplateResponse
from taggit.models import ItemBase, TagBase
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.models import Page
from wagtail.search import index

from aimf_portal.caching.site_data import private_sections, public
from aimf_portal.editorial.text import accent_insensitive_key, truncate_at_word, with_de
from aimf_portal.items.forms import ThemeItemPageForm
from aimf_portal.items.images import prefetch_card_renditions
from aimf_portal.listings.facets import country_facet

TEASER_MAX_LENGTH = 300
# How much of the teaser a card shows, cut at the end of a word.
CARD_TEASER_LENGTH = 180
CARD_PREVIEW_MODE = "carte"
# A theme page route that is not an item listing: an item with this slug could not be reached.
THEME_FEED_SLUG = "rss"


@functools.cache
def item_models():
    """Every concrete kind of item, in INSTALLED_APPS order (the theme page's section order)."""
    return [
        model
        for model in apps.get_models()
        if issubclass(model, ThemeItemPage) and not model._meta.abstract
    ]


def item_model_for_listing(slug):
    return next((model for model in item_models() if model.listing_slug == slug), None)


def reserved_theme_slugs():
    """Slugs the theme page answers itself (its listings and feed), refused for its items."""
    return {model.listing_slug for model in item_models()} | {THEME_FEED_SLUG}


class Country(TagBase):
    """A country of the association, picked from a controlled list (no free tagging)."""

    free_tagging = False

    code = models.CharField(
        "code ISO 3166-1 alpha-2",
        max_length=2,
        unique=True,
        validators=[RegexValidator(r"^[A-Z]{2}$", "Deux lettres majuscules, par exemple BJ.")],
        help_text="Deux lettres majuscules (BJ pour le Bénin). Elles forment l'adresse du filtre.",
    )

    class Meta:
        verbose_name = "pays"
        verbose_name_plural = "pays"
        ordering = ["name"]

    def save(self, *args, **kwargs):
        self.code = self.code.upper()
        self.slug = self.code.lower()
        super().save(*args, **kwargs)

    @staticmethod
    def sorted_by_name(countries):
        return sorted(countries, key=lambda country: accent_insensitive_key(country.name))


class ControlledTagLinkBase(ItemBase):
    """The link between an item page and one value of a controlled list (a country, a city):
    subclasses declare `tag`; each item app makes them concrete."""

    class Meta:
        abstract = True
        # Also the index the facet counts read: item first, then its values.
        constraints = [
            models.UniqueConstraint(
                fields=["content_object", "tag"], name="%(app_label)s_%(class)s_unique"
            )
        ]


class CountryTaggedItemBase(ControlledTagLinkBase):
    """The link between an item page and one of its countries."""

    tag = models.ForeignKey(
        Country, on_delete=models.CASCADE, related_name="%(app_label)s_%(class)s_items"
    )

    class Meta(ControlledTagLinkBase.Meta):
        abstract = True


class ImageAltTextMixin(models.Model):
    """A page's image is shown with its alt text, or marked decorative by the editor.

    The alt text is the image's description in the media library (« Texte alternatif »,
    required there); the page refuses an image that has none unless it is marked decorative.
    """

    image_is_decorative = models.BooleanField(
        "image décorative",
        default=False,
        help_text="À cocher seulement si l'image n'apporte aucune information (ambiance, motif) :"
        " les lecteurs d'écran l'ignorent alors. Sinon, son texte alternatif est celui saisi "
        "dans la médiathèque.",
    )

    image_panels = [
        MultiFieldPanel([FieldPanel("image"), FieldPanel("image_is_decorative")], heading="Image")
    ]

    class Meta:
        abstract = True

    @property
    def image_alt_text(self):
        """The alt attribute of the page's image wherever it is shown: "" if decorative.

        Pages saved before alt text was required may hold an image without one: Wagtail's
        fallback (the image's title) names it rather than hiding it as decorative."""
        if self.image is None or self.image_is_decorative:
            return ""
        return self.image.default_alt_text

    def clean(self):
        super().clean()
        lacks_alt_text = self.image is not None and not self.image.description.strip()
        if lacks_alt_text and not self.image_is_decorative:
            raise ValidationError(
                {
                    "image": "Cette image n'a pas de texte alternatif. Ajoutez-le dans la "
                    "médiathèque (Images › modifier › « Texte alternatif ») ou cochez "
                    "« Image décorative »."
                }
            )


class ThemeItemPage(ImageAltTextMixin, Page):
    """What news items, actions and publications share: a teaser, an image, a theme parent.

    Each kind says here what differs: its listing's address (listing_slug) and title, its
    facets, its order, its card's details, its metadata (customise_metadata) and whether the
    site's news feed carries it (in_news_feed).
    """

    teaser = models.CharField(
        "chapeau",
        max_length=TEASER_MAX_LENGTH,
        help_text=f"L'essentiel en une ou deux phrases, {TEASER_MAX_LENGTH} caractères au plus, "
        f"affiché en entier sous le titre. Les cartes des listes n'en montrent que les "
        f"{CARD_TEASER_LENGTH} premiers, coupés à la fin d'un mot : mettez l'important en tête.",
    )
    image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name="image",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="Affichée sur la carte et en tête de page, recadrée autour de son point "
        "d'intérêt (à placer dans la médiathèque). Facultative.",
    )

    listing_slug = ""
    listing_title = ""
    card_meta_template = ""
    listing_per_page = 12
    listing_ordering = ("-first_published_at",)
    listing_facets = (country_facet,)
    facets_on_theme_page = False
    in_news_feed = False
    # Counted on the maps of member cities (places.map): one kind, the actions.
    shown_on_map = False

    parent_page_types = ["aimf_portal.ThemePage"]
    subpage_types = []
    base_form_class = ThemeItemPageForm
    # The theme this request was routed through (ThemePage.route), its view restrictions read
    # from the cache; None when the item was fetched any other way.
    routed_parent = None

    search_fields = [
        *Page.search_fields,
        index.SearchField("teaser"),
        index.RelatedFields("countries", [index.SearchField("name")]),
    ]

    class Meta:
        abstract = True

    def clean(self):
        super().clean()
        if self.slug in reserved_theme_slugs():
            raise ValidationError(
                {
                    "slug": f"« {self.slug} » est l'adresse d'une liste ou du fil RSS de la "
                    "thématique ; choisissez-en une autre."
                }
            )

    def get_view_restrictions(self):
        """Wagtail's answer without its two queries when the request came through the theme
        and nothing about the item itself differs: the theme's restrictions (which Wagtail
        worked out for the theme, aliases included) are the item's."""
        theme = self.routed_parent
        if (
            theme is None
            or theme.cached_view_restrictions is None
            or self.alias_of_id is not None
            or any(path == self.path for path, _depth in private_sections())
        ):
            return super().get_view_restrictions()
        return theme.cached_view_restrictions

    @classmethod
    def listing_labels(cls):
        """How this kind's listing names itself, as plain values (a template would call a class)."""
        plural = cls._meta.verbose_name_plural
        return {
            "slug": cls.listing_slug,
            "title": cls.listing_title,
            "noun_singular": cls._meta.verbose_name,
            "noun_plural": plural,
            "none_yet": f"Pas encore {with_de(plural)}",
        }

    @classmethod
    def listing_scope(cls, theme=None):
        """The live, public items of this kind, under one theme or everywhere."""
        items = public(cls.objects.live())
        return items.child_of(theme) if theme is not None else items

    @classmethod
    def with_card_data(cls, items):
        """Items in listing order with what their cards' keys name (listings.cards): one
        query; prefetch_card_data() adds what a card rendered anew needs."""
        return (
            items.defer_streamfields()
            .select_related("image")
            .order_by(*cls.listing_ordering, "-pk")
        )

    @staticmethod
    def prefetch_card_data(items):
        """What rendering these items' cards needs: renditions and countries, two queries."""
        prefetch_card_renditions(item.image for item in items)
        prefetch_related_objects(items, "countries")

    @classmethod
    def listing_queryset(cls, theme=None):
        return cls.with_card_data(cls.listing_scope(theme))

    @property
    def theme(self):
        return self.get_parent().specific

    @property
    def card_teaser(self):
        return truncate_at_word(self.teaser, CARD_TEASER_LENGTH)

    @property
    def kind_label(self):
        return self._meta.verbose_name

    def customise_metadata(self, request, metadata, context):
        metadata.og_type = "article"

    def feed_guid(self):
        """The feed entry's identifier: stable across renames and moves, unlike the address."""
        return f"urn:aimf:{self._meta.model_name}:{self.pk}"

    def feed_pubdate(self):
        return self.first_published_at

    @property
    def preview_modes(self):
        return [("", "La page"), (CARD_PREVIEW_MODE, "Carte sur la page thématique")]

    def serve_preview(self, request, mode_name):
        if mode_name != CARD_PREVIEW_MODE:
            return super().serve_preview(request, mode_name)
        return TemplateResponse(
            request, "aimf_portal/card_preview.html", {"item": self, "request": request}
        )

    def sorted_countries(self):
        return Country.sorted_by_name(self.countries.all())
