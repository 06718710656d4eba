"""The site's own pages: the home page, the themes (which list their items) and plain pages.

This is the top layer: it may import the item apps. What differs between kinds of item is
asked of the item models themselves (aimf_portal.items).
"""

from functools import partial

from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Max
from django.http import Http404
from django.template.response import TemplateResponse
from django.urls import path as url_path
from django.urls import reverse
from django.utils.functional import SimpleLazyObject
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page
from wagtail.search import index

from aimf_portal.caching.page_cache import cache_host, declare_canonical_query, page_scope
from aimf_portal.caching.site_data import cached, public
from aimf_portal.discovery import seo
from aimf_portal.discovery.documents import SearchDocument  # noqa: F401 (a model of this app)
from aimf_portal.discovery.feeds import ItemFeed
from aimf_portal.editorial.blocks import BodyBlock, PromoBlock
from aimf_portal.editorial.panels import tabbed_edit_handler
from aimf_portal.editorial.site_settings import (  # noqa: F401 (SiteSettings: a model of this app)
    SiteSettings,
    current_settings,
)
from aimf_portal.editorial.text import accent_insensitive_key
from aimf_portal.items.models import (
    THEME_FEED_SLUG,
    Country,  # noqa: F401 (a model of this app)
    ImageAltTextMixin,
    item_models,
)
from aimf_portal.listings.cards import rendered_cards
from aimf_portal.listings.facets import theme_facet
from aimf_portal.listings.listing import FacetedListing
from news.models import NewsPage
from places.map import map_of_items

# Cards of a list's first row, near the top of the page: their images load at once.
FIRST_ROW = 3
# The first segment of the addresses the site's own views answer (aimf_portal.urls).
SITE_VIEW_SLUGS = frozenset(
    {THEME_FEED_SLUG, "recherche", "newsletter", "contact", "documents", "villes-membres"}
)


def listing_feed_route(model):
    """The route name of a listing's feed ("actualites-rss")."""
    return f"{model.listing_slug}-{THEME_FEED_SLUG}"


def reserved_home_slugs():
    """Addresses the home page answers itself (the site-wide listings) or that the site's own
    views take (/rss/, /recherche/, /contact/…): a page right under the home page cannot
    have them."""
    return {model.listing_slug for model in item_models()} | SITE_VIEW_SLUGS


class ViewRestrictionsFromCache:
    """A page whose view restrictions (its own and its ancestors', aliases resolved, as Wagtail
    works them out in two queries) are read from the cache once routed. Any change to a
    restriction, a publish or a move moves the site's generation."""

    cached_view_restrictions = None

    def keep_view_restrictions(self):
        self.cached_view_restrictions = cached(
            f"view-restrictions:{self.pk}", lambda: list(Page.get_view_restrictions(self))
        )

    def get_view_restrictions(self):
        if self.cached_view_restrictions is not None:
            return self.cached_view_restrictions
        return super().get_view_restrictions()


class HomeChildPage(ViewRestrictionsFromCache):
    """A page right under the home page (a theme, a plain page): HomePage.route reads it and its
    view restrictions from the cache rather than with three queries on every request."""

    def clean(self):
        super().clean()
        if self.slug in reserved_home_slugs():
            raise ValidationError(
                {
                    "slug": f"« {self.slug} » est l'adresse d'une liste ou d'une page du site ; "
                    "choisissez-en une autre."
                }
            )


class ItemListingsMixin(RoutablePageMixin):
    """A page that serves, below its own address, the full listing of each kind of item in its
    scope, and each listing's feed: a theme (its items) or the home page (the whole site, with
    a theme facet). The routes come from item_models(): /actualites/, /actualites/rss/…"""

    listing_template = "aimf_portal/item_listing.html"

    @classmethod
    def get_subpage_urls(cls):
        def listing_view(model):
            return lambda page, request: page.listing_response(request, model)

        def feed_view(model):
            return lambda page, request: ItemFeed(model)(request, theme=page.listing_theme)

        routes = []
        for model in item_models():
            slug = model.listing_slug
            routes.append(url_path(f"{slug}/", listing_view(model), name=slug))
            if not model.in_news_feed:  # the news have their feed already: news_feed_url()
                feed = f"{slug}/{THEME_FEED_SLUG}/"
                routes.append(url_path(feed, feed_view(model), name=listing_feed_route(model)))
        return (*routes, *super().get_subpage_urls())

    def news_feed_url(self, request=None):
        raise NotImplementedError

    def listing_feed_url(self, model, request=None):
        if model.in_news_feed:
            return self.news_feed_url(request)
        return self.get_url(request) + self.reverse_subpage(listing_feed_route(model))

    @property
    def listing_theme(self):
        """The theme whose items the listings show; None: the whole site."""
        return None

    def listing_facets(self, model):
        return model.listing_facets

    def listing_url(self, model, request=None):
        """The listing's address; with the request, without reading the site's root paths
        again (Wagtail keeps them on the request)."""
        return self.get_url(request) + self.reverse_subpage(model.listing_slug)

    def listing_paths(self):
        """The listings' and their feeds' paths below this page, for the CDN's purge."""
        models_ = item_models()
        feeds = [f"{m.listing_slug}/{THEME_FEED_SLUG}/" for m in models_ if not m.in_news_feed]
        return [*(f"{model.listing_slug}/" for model in models_), *feeds]

    def listing_labels(self, model, request=None):
        """How a listing names itself, and what it lists: within a theme, or site-wide."""
        theme = self.listing_theme
        return {
            **model.listing_labels(),
            "within": theme.title if theme is not None else "",
            "feed_url": self.listing_feed_url(model, request),
        }

    def listing_response(self, request, model):
        facets = self.listing_facets(model)
        scope = model.listing_scope(theme=self.listing_theme)
        faceted = FacetedListing(
            model, scope, request.GET, self.pk, page_scope(self, request), facets=facets
        )
        # The listing shows no sections: Page's context, not this page's.
        context = Page.get_context(self, request)
        context.update(
            faceted.paginated_context(request, faceted.items(), model.listing_per_page),
            listing=self.listing_labels(model, request),
            listing_url=self.listing_url(model, request),
            listing_feed_url=self.listing_feed_url(model, request),
        )
        context["cards"] = rendered_cards(
            request, model, context["page_obj"].object_list, eager=FIRST_ROW
        )
        if model.shown_on_map:
            context["city_map"] = map_of_items(model, faceted.queryset, "Carte des actions")
        return TemplateResponse(request, self.listing_template, context)

    def listing_sitemap_urls(self, location):
        """Each listing that has items, at `location` (this page's) + its route, dated by its
        newest item."""
        items = public(Page.objects.live().type(*item_models()).descendant_of(self))
        newest = dict(
            items.order_by().values_list("content_type").annotate(Max("last_published_at"))
        )
        urls = []
        for model in item_models():
            lastmod = newest.get(ContentType.objects.get_for_model(model).pk)
            if lastmod is not None:
                route = self.reverse_subpage(model.listing_slug)
                urls.append({"location": location + route, "lastmod": lastmod})
        return urls


class HomePage(ViewRestrictionsFromCache, ItemListingsMixin, Page):
    intro = RichTextField(
        "présentation",
        features=["bold", "italic", "link"],
        help_text="Quelques phrases qui disent ce qu'est l'association.",
    )
    latest_news_count = 6
    shown_on_every_page = True

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    edit_handler = tabbed_edit_handler(("Contenu", content_panels))
    search_fields = [*Page.search_fields, index.SearchField("intro")]

    parent_page_types = ["wagtailcore.Page"]
    subpage_types = [
        "aimf_portal.ThemePage",
        "aimf_portal.StandardPage",
        "newsletter.NewsletterIndexPage",
    ]
    max_count = 1

    class Meta:
        verbose_name = "page d'accueil"

    def route(self, request, path_components):
        """Wagtail's route, the child read from the cache; an unknown slug costs no query. The
        site-wide listings are this page's own routes."""
        listing_slugs = {model.listing_slug for model in item_models()}
        if not path_components or path_components[0] in listing_slugs:
            self.keep_view_restrictions()
            return super().route(request, path_components)
        slug, children = path_components[0], self.get_children()
        slugs = cached(
            f"child-slugs:{self.pk}", lambda: set(children.values_list("slug", flat=True))
        )
        if slug not in slugs:
            raise Http404
        child = cached(f"child:{self.pk}:{slug}", lambda: children.get(slug=slug).specific)
        if isinstance(child, ViewRestrictionsFromCache):
            # Before routing on: an item reads them too (ThemeItemPage.get_view_restrictions).
            child.keep_view_restrictions()
        return child.route(request, path_components[1:])

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["themes"] = ThemePage.menu()
        latest = NewsPage.listing_queryset()[: self.latest_news_count]
        context["latest_news"] = rendered_cards(request, NewsPage, latest, eager=FIRST_ROW)
        context["news_listing_url"] = self.listing_url(NewsPage, request)
        context["key_figures"] = self.key_figures(current_settings(request))
        context["listing_links"] = [
            (model._meta.verbose_name_plural.capitalize(), self.listing_url(model, request))
            for model in item_models()
        ]
        return context

    @staticmethod
    def key_figures(saved_settings):
        """(figure, what it counts) for the hero, those set in « Réglages du site »."""
        figures = [
            (saved_settings["founding_year"], "année de fondation"),
            (saved_settings["member_cities"], "villes membres"),
            (saved_settings["member_countries"], "pays"),
        ]
        return [(figure, label) for figure, label in figures if figure]

    def listing_facets(self, model):
        return (theme_facet, *model.listing_facets)

    def news_feed_url(self, request=None):
        return reverse("news_feed")

    def get_cached_paths(self):
        return ["/", f"{THEME_FEED_SLUG}/", "sitemap.xml", *self.listing_paths()]

    def get_sitemap_urls(self, request=None):
        urls = super().get_sitemap_urls(request)
        return [*urls, *self.listing_sitemap_urls(urls[0]["location"])]

    def customise_metadata(self, request, metadata, context):
        metadata.title = self.seo_title or seo.SITE_NAME
        metadata.structured_data.append(
            {"@context": seo.SCHEMA_CONTEXT, **seo.organization(request)}
        )


class ThemePage(HomeChildPage, ItemListingsMixin, ImageAltTextMixin, Page):
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
    # In the theme menu of every page.
    shown_on_every_page = True

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
    def menu(cls):
        """The live, public themes in French alphabetical order, for the header and home page."""

        def build():
            themes = public(cls.objects.live()).only("title", "url_path", "path", "depth")
            return sorted(themes, key=lambda theme: accent_insensitive_key(theme.title))

        return cached("theme-menu", build)

    def route(self, request, path_components):
        """Wagtail's route; the item it finds keeps this theme as `routed_parent`, so that its
        breadcrumb and view restrictions need no query."""
        result = super().route(request, path_components)
        if result[0] is not self:
            result[0].routed_parent = self
        return result

    @classmethod
    def get_subpage_urls(cls):
        """The listings (ItemListingsMixin), and the theme's news feed at rss/."""
        feed = url_path(f"{THEME_FEED_SLUG}/", cls.news_feed, name=THEME_FEED_SLUG)
        return (feed, *super().get_subpage_urls())

    @property
    def listing_theme(self):
        return self

    def news_feed_url(self, request=None):
        return self.get_url(request) + self.reverse_subpage(THEME_FEED_SLUG)

    def get_cached_paths(self):
        return ["/", f"{THEME_FEED_SLUG}/", *self.listing_paths()]

    def section_listings(self, request):
        """Each kind of item, with its facets and the visitor's selection if it has some."""
        return {
            model: FacetedListing(
                model,
                model.listing_scope(theme=self),
                request.GET,
                self.pk,
                page_scope(self, request),
            )
            if model.facets_on_theme_page
            else None
            for model in item_models()
        }

    def sections(self, request, listings):
        """The theme page's sections, one per kind of item, newest first, some with facets."""
        sections = []
        for model, faceted in listings.items():
            section = self.listing_labels(model, request)
            if faceted is not None:
                section.update(faceted.context(), result_count=faceted.count)
                shown = faceted.items_between(0, self.section_size)
            else:
                shown = model.listing_queryset(theme=self)[: self.section_size]
            eager = FIRST_ROW if not sections else 0
            section["cards"] = rendered_cards(request, model, shown, eager=eager)
            sections.append(section)
        return sections

    @staticmethod
    def selection(listings):
        return "".join(faceted.form.querystring() for faceted in listings.values() if faceted)

    def content_cache_name(self, request, listings):
        """The name the rendered content and <head> are cached under, or "" when they must be
        rendered anew: a preview shows a draft; made-up filter values are answered, not kept."""
        if getattr(request, "is_preview", False):
            return ""
        if any(faceted.ignored_input for faceted in listings.values() if faceted):
            return ""
        return f"theme-content:{self.pk}:{self.selection(listings)}"

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        listings = self.section_listings(request)
        declare_canonical_query(request, self.selection(listings))
        content_cache_name = self.content_cache_name(request, listings)
        context.update(
            # Fetched only if the content is rendered, not when its HTML comes from the cache.
            sections=SimpleLazyObject(partial(self.sections, request, listings)),
            active_filter_labels=[
                active["label"]
                for faceted in listings.values()
                if faceted
                for active in faceted.active_filters()
            ],
            content_cache_name=content_cache_name,
            head_cache_name=content_cache_name
            and f"{content_cache_name}:head:{request.scheme}://{cache_host(request)}",
            content_cache_scope=page_scope(self, request),
        )
        return context

    def news_feed(self, request):
        return ItemFeed(NewsPage)(request, theme=self)

    def customise_metadata(self, request, metadata, context):
        filters = context.get("active_filter_labels", [])
        metadata.title = seo.with_details(metadata.title, filters)
        # The theme page's section filters: a distinct address per combination, not indexed.
        metadata.robots = "noindex, follow" if filters else ""

    def get_sitemap_urls(self, request=None):
        """The theme page, then each listing that has items, dated by its newest item."""
        urls = super().get_sitemap_urls(request)
        return [*urls, *self.listing_sitemap_urls(urls[0]["location"])]


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
    # Those right under the home page are linked from every page's footer.
    shown_on_every_page = True

    content_panels = [*Page.content_panels, FieldPanel("intro"), FieldPanel("body")]
    edit_handler = tabbed_edit_handler(("Contenu", content_panels))
    search_fields = [*Page.search_fields, index.SearchField("intro"), index.SearchField("body")]

    parent_page_types = ["aimf_portal.HomePage", "aimf_portal.StandardPage"]
    subpage_types = ["aimf_portal.StandardPage"]

    class Meta:
        verbose_name = "page simple"

    @classmethod
    def footer_pages(cls):
        pages = public(cls.objects.live()).filter(depth=3)
        return list(pages.only("title", "url_path", "path", "depth"))
