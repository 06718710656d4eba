"""Site-wide models: the country vocabulary, the home page, theme pages and what items share."""

from functools import partial

from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.core.validators import RegexValidator
from django.db import models
from django.db.models import Max
from django.http import Http404
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.functional import SimpleLazyObject
from taggit.models import ItemBase, TagBase
from wagtail.admin.panels import FieldPanel, MultiFieldPanel, ObjectList, TabbedInterface
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page
from wagtail.search import index

from . import page_cache, site_cache
from .blocks import BodyBlock, PromoBlock
from .facets import FacetedListing, country_facet
from .forms import ThemeItemPageForm
from .images import prefetch_card_image
from .pagination import paginate
from .seo import active_filter_labels
from .site_cache import public
from .text import accent_insensitive_key, with_de

# How many characters of the teaser a card shows (templates/includes/card.html cuts there).
CARD_TEASER_LENGTH = 180
TEASER_MAX_LENGTH = 300


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


class CountryTaggedItemBase(ItemBase):
    """The link between an item page and one of its countries; each item app makes it concrete."""

    tag = models.ForeignKey(
        Country, on_delete=models.CASCADE, related_name="%(app_label)s_%(class)s_items"
    )

    class Meta:
        abstract = True
        # Also the index the facet counts read: item first, then its countries.
        constraints = [
            models.UniqueConstraint(
                fields=["content_object", "tag"], name="%(app_label)s_%(class)s_unique"
            )
        ]


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


class HomeChildPage:
    """A page right under the home page (a theme, a plain page), which HomePage.route serves
    from site_cache with its view restrictions: Wagtail looks them up with two queries on every
    view, and they only change with a restriction, a move or an alias, which all move the site
    generation. Everywhere else (the admin filters and orders them) they are a queryset."""

    cached_view_restrictions = None

    def get_view_restrictions(self):
        if self.cached_view_restrictions is not None:
            return self.cached_view_restrictions
        return super().get_view_restrictions()


def tabbed_edit_handler(*tabs):
    """The French tabs of a page's edit form, then Wagtail's promote and settings tabs."""
    return TabbedInterface(
        [
            *(ObjectList(panels, heading=heading) for heading, panels in tabs),
            ObjectList(Page.promote_panels, heading="Référencement"),
            ObjectList(Page.settings_panels, heading="Publication"),
        ]
    )


class HomePage(Page):
    intro = RichTextField(
        "présentation",
        features=["bold", "italic", "link"],
        help_text="Quelques phrases qui disent ce qu'est l'association.",
    )
    latest_news_count = 6

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    edit_handler = tabbed_edit_handler(("Contenu", content_panels))
    search_fields = [*Page.search_fields, index.SearchField("intro")]

    parent_page_types = ["wagtailcore.Page"]
    subpage_types = ["aimf_portal.ThemePage", "aimf_portal.StandardPage"]
    max_count = 1

    class Meta:
        verbose_name = "page d'accueil"

    def route(self, request, path_components):
        """Wagtail's route, with the pages right under the home page (themes, plain pages) from
        site_cache: any change to them moves the site generation. Unknown slugs cost no query."""
        if not path_components:
            return super().route(request, path_components)
        slug, remaining_components = path_components[0], path_components[1:]
        slugs = site_cache.cached(
            f"home-child-slugs:{self.pk}",
            lambda: set(self.get_children().values_list("slug", flat=True)),
        )
        if slug not in slugs:
            raise Http404
        subpage = site_cache.cached(
            f"home-child:{self.pk}:{slug}", lambda: self.get_children().get(slug=slug).specific
        )
        subpage._cached_parent_obj = self  # As Wagtail does, for get_parent().
        result = subpage.route(request, remaining_components)
        if result[0] is subpage and isinstance(subpage, HomeChildPage):
            subpage.cached_view_restrictions = site_cache.cached(
                f"view-restrictions:{subpage.pk}", lambda: list(subpage.get_view_restrictions())
            )
        return result

    def get_context(self, request, *args, **kwargs):
        from news.models import NewsPage

        context = super().get_context(request, *args, **kwargs)
        context["themes"] = ThemePage.menu_queryset()
        context["latest_news"] = NewsPage.listing_queryset()[: self.latest_news_count]
        return context


class ThemePage(HomeChildPage, RoutablePageMixin, ImageAltTextMixin, Page):  # noqa: DJ008 (Page's __str__)
    """A theme of the association's work; lists its news, actions and publications."""

    intro = RichTextField(
        "introduction",
        features=["bold", "italic", "link"],
        help_text="Ce que l'association fait sur cette thématique, en deux ou trois phrases.",
    )
    image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name="image d'en-tête",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="Grande image en haut de la page, recadrée autour de son point d'intérêt "
        "(à placer dans la médiathèque).",
    )
    promos = StreamField(
        PromoBlock(),
        verbose_name="encadrés",
        blank=True,
        help_text="Publications à découvrir, appel à collaborer, événement, thématiques liées.",
    )
    section_size = 6

    content_panels = [*Page.content_panels, FieldPanel("intro"), FieldPanel("promos")]
    edit_handler = tabbed_edit_handler(
        ("Contenu", content_panels), ("Image", ImageAltTextMixin.image_panels)
    )
    search_fields = [*Page.search_fields, index.SearchField("intro")]

    parent_page_types = ["aimf_portal.HomePage"]
    subpage_types = ["news.NewsPage", "actions.ActionPage", "publications.PublicationPage"]

    class Meta:
        verbose_name = "thématique"

    @classmethod
    def menu_queryset(cls):
        """The live, public themes in French alphabetical order, for the header and home page."""

        def build():
            themes = public(cls.objects.live()).only("title", "url_path", "path", "depth")
            return sorted(themes, key=lambda theme: accent_insensitive_key(theme.title))

        return site_cache.cached("theme-menu", build)

    @classmethod
    def item_models(cls):
        return [model for model in cls.allowed_subpage_models() if issubclass(model, ThemeItemPage)]

    @staticmethod
    def describe_listing(model):
        # Templates get plain values: a model class is callable and templates would call it.
        return {
            "title": model.listing_title,
            "noun_singular": model._meta.verbose_name,
            "noun_plural": model._meta.verbose_name_plural,
            "none_yet": f"Pas encore {with_de(model._meta.verbose_name_plural)}",
            "route_name": model.listing_route_name,
        }

    @staticmethod
    def facet_context(request, faceted):
        if faceted.ignored_input:
            # Made-up filter values are answered, not stored: the cache would fill with them.
            page_cache.do_not_store(request)
        groups = faceted.facet_groups()
        return {
            "facet_groups": groups,
            "active_filters": faceted.active_filters(groups),
            "is_filtered": faceted.is_filtered,
            "ignored_input": faceted.ignored_input,
            "filter_querystring": faceted.querystring(),
        }

    def section_listings(self, request):
        """Each kind of item, with its facets and the visitor's selection if it has some."""
        return {
            model: FacetedListing(model, model.listing_scope(theme=self), request.GET)
            if model.facets_on_theme_page
            else None
            for model in self.item_models()
        }

    def sections(self, request, listings):
        """The theme page's sections, one per kind of item, newest first, some with facets.

        They change only when an item of this theme is published, unpublished, moved or
        deleted, which moves the theme's page_cache generation: they are cached under it, for
        each selection of the facets, even when the full-page cache is off.
        """

        def build():
            sections = []
            for model, faceted in listings.items():
                section = self.describe_listing(model)
                items = model.listing_scope(theme=self)
                if faceted is not None:
                    section.update(
                        self.facet_context(request, faceted),
                        result_count=faceted.queryset.count(),
                    )
                    items = faceted.queryset
                section["items"] = list(model.with_card_data(items)[: self.section_size])
                sections.append(section)
            return sections

        sections = site_cache.cached(
            f"theme-sections:{self.pk}:{self.selection(listings)}",
            build,
            scope=page_cache.theme_scope(self.slug),
        )
        for section, faceted in zip(sections, listings.values(), strict=True):
            if faceted is not None:
                section["ignored_input"] = faceted.ignored_input
        return sections

    @staticmethod
    def selection(listings):
        return "".join(faceted.querystring() for faceted in listings.values() if faceted)

    @staticmethod
    def has_ignored_input(listings):
        return any(faceted.ignored_input for faceted in listings.values() if faceted)

    def content_cache_name(self, request, listings):
        """The name the rendered content is cached under, or "" when it must be rendered anew:
        a preview shows a draft, and made-up filter values are answered, not stored."""
        if getattr(request, "is_preview", False) or self.has_ignored_input(listings):
            return ""
        return f"theme-content:{self.pk}:{request.path}:{self.selection(listings)}"

    @staticmethod
    def head_cache_name(request, content_cache_name):
        """The <head> (title, description, canonical and share metadata, feeds) is cached with
        the content, by scheme and host: its addresses are absolute."""
        if not content_cache_name:
            return ""
        return f"{content_cache_name}:head:{request.scheme}://{request.get_host()}"

    def active_filter_labels(self, listings, sections):
        """What the visitor's filters select, for the page's title: from the sections, which
        are not fetched when the cached content is used, so cached apart."""
        selection = self.selection(listings)
        if not selection:
            return []

        def build():
            return [
                label
                for section in sections
                for label in active_filter_labels(section.get("active_filters", []))
            ]

        return site_cache.cached(
            f"theme-filter-labels:{self.pk}:{selection}",
            build,
            scope=page_cache.theme_scope(self.slug),
        )

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        listings = self.section_listings(request)
        if self.has_ignored_input(listings):
            page_cache.do_not_store(request)
        # Fetched (from the cache, most often) only if the content is rendered.
        sections = SimpleLazyObject(partial(self.sections, request, listings))
        content_cache_name = self.content_cache_name(request, listings)
        context.update(
            sections=sections,
            active_filter_labels=self.active_filter_labels(listings, sections),
            content_cache_name=content_cache_name,
            head_cache_name=self.head_cache_name(request, content_cache_name),
            content_cache_scope=page_cache.theme_scope(self.slug),
        )
        return context

    def listing_response(self, request, model):
        faceted = FacetedListing(model, model.listing_scope(theme=self), request.GET)
        page_obj = paginate(request, model.with_card_data(faceted.queryset), model.listing_per_page)
        # The listing shows no sections: skip their queries by asking Page for the base context.
        context = super().get_context(request)
        context.update(
            self.facet_context(request, faceted),
            listing=self.describe_listing(model),
            page_obj=page_obj,
            items=page_obj.object_list,
        )
        return TemplateResponse(request, "aimf_portal/theme_listing.html", context)

    @path("actualites/", name="news_listing")
    def news_listing(self, request):
        from news.models import NewsPage

        return self.listing_response(request, NewsPage)

    @path("actions/", name="action_listing")
    def action_listing(self, request):
        from actions.models import ActionPage

        return self.listing_response(request, ActionPage)

    @path("publications/", name="publication_listing")
    def publication_listing(self, request):
        from publications.models import PublicationPage

        return self.listing_response(request, PublicationPage)

    def get_sitemap_urls(self, request=None):
        """The theme page, then each listing that has items, dated by its newest item."""
        urls = super().get_sitemap_urls(request)
        newest = dict(
            public(Page.objects.child_of(self).live())
            .order_by()
            .values_list("content_type")
            .annotate(Max("last_published_at"))
        )
        for model in self.item_models():
            lastmod = newest.get(ContentType.objects.get_for_model(model).pk)
            if lastmod is not None:
                location = urls[0]["location"] + self.reverse_subpage(model.listing_route_name)
                urls.append({"location": location, "lastmod": lastmod})
        return urls

    @path("rss/", name="news_feed")
    def news_feed(self, request):
        from .feeds import NewsFeed

        return NewsFeed()(request, theme=self)


CARD_PREVIEW_MODE = "carte"

# The theme page's own routes: an item with one of these slugs could never be reached.
THEME_LISTING_SLUGS = {"actualites", "actions", "publications", "rss"}


class ThemeItemPage(ImageAltTextMixin, Page):
    """What news items, actions and publications share: a teaser, an image, a theme parent."""

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

    listing_route_name = ""
    listing_title = ""
    listing_per_page = 12
    listing_ordering = ("-first_published_at",)
    listing_facets = (country_facet,)
    facets_on_theme_page = False

    parent_page_types = ["aimf_portal.ThemePage"]
    subpage_types = []
    base_form_class = ThemeItemPageForm

    search_fields = [
        *Page.search_fields,
        index.SearchField("teaser"),
        index.RelatedFields("countries", [index.SearchField("name")]),
    ]

    class Meta:
        abstract = True

    def clean(self):
        super().clean()
        if self.slug in THEME_LISTING_SLUGS:
            raise ValidationError(
                {
                    "slug": f"« {self.slug} » est l'adresse d'une liste ou du fil RSS de la "
                    "thématique ; choisissez-en une autre."
                }
            )

    @classmethod
    def listing_scope(cls, theme=None):
        """The live, public items of this kind, under one theme or everywhere."""
        items = public(cls.objects.live())
        return items.child_of(theme) if theme is not None else items

    @classmethod
    def with_card_data(cls, items):
        """What a card shows, fetched in a fixed number of queries whatever the length."""
        return (
            items.defer_streamfields()
            .prefetch_related(prefetch_card_image(), "countries")
            .order_by(*cls.listing_ordering, "-pk")
        )

    @classmethod
    def listing_queryset(cls, theme=None):
        return cls.with_card_data(cls.listing_scope(theme))

    @property
    def theme(self):
        return self.get_parent().specific

    @property
    def preview_modes(self):
        return [("", "La page"), (CARD_PREVIEW_MODE, "Carte sur la page thématique")]

    def serve_preview(self, request, mode_name):
        if mode_name != CARD_PREVIEW_MODE:
            return super().serve_preview(request, mode_name)
        # The card template caches its HTML under the item's publication time: a fresh time
        # keeps the preview from showing the card of the published version.
        self.last_published_at = timezone.now()
        return TemplateResponse(
            request, "aimf_portal/card_preview.html", {"item": self, "request": request}
        )

    def sorted_countries(self):
        return Country.sorted_by_name(self.countries.all())


class StandardPage(HomeChildPage, Page):
    """A plain page: privacy policy, legal notice, about the association."""

    intro = models.CharField(
        "introduction",
        max_length=300,
        blank=True,
        help_text="Une ou deux phrases sous le titre ; facultative.",
    )
    body = StreamField(
        BodyBlock(),
        verbose_name="contenu",
        help_text="Paragraphes (avec intertitres), images, citations et vidéos.",
    )

    content_panels = [*Page.content_panels, FieldPanel("intro"), FieldPanel("body")]
    edit_handler = tabbed_edit_handler(("Contenu", content_panels))
    search_fields = [*Page.search_fields, index.SearchField("intro"), index.SearchField("body")]

    parent_page_types = ["aimf_portal.HomePage", "aimf_portal.StandardPage"]
    subpage_types = ["aimf_portal.StandardPage"]

    class Meta:
        verbose_name = "page simple"


# Django finds an app's models in its models module; the settings model lives in its own.
from .site_settings import SiteSettings  # noqa: E402, F401
