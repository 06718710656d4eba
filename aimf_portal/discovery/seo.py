"""What every public page says about itself in its <head>, worked out in one place.

Title, description, canonical address and robots directive, Open Graph and Twitter card, and
JSON-LD (schema.org) are derived from the template context of the page being rendered: a
Wagtail page, one of a theme's listings, or a view that builds its own PageMetadata (search).
Editors override the title and the description in the promote tab (`seo_title`,
`search_description`).

Absolute addresses come from the Wagtail Site serving the request (the one the sitemap uses),
never from the Host header, so that a page has the same canonical address however it is reached.
In development (settings.ABSOLUTE_URLS_FROM_REQUEST) they follow the address actually served,
http://127.0.0.1:8000/ say, rather than a Site record nobody set up for that port.
"""

import html
import json
from dataclasses import dataclass, field

from django.conf import settings
from django.templatetags.static import static
from django.utils.html import format_html, strip_tags
from django.utils.safestring import mark_safe
from wagtail.images.models import SourceImageIOError
from wagtail.models import Page, Site

from aimf_portal.editorial.text import truncate_at_word

SITE_NAME = "Association internationale des maires francophones"
SITE_ACRONYM = "AIMF"
DEFAULT_DESCRIPTION = (
    "Association internationale des maires francophones : des villes qui coopèrent en Europe, "
    "en Afrique, aux Amériques et en Asie."
)
DESCRIPTION_LENGTH = 160
# The size Facebook, LinkedIn and X show large; JPEG because not every crawler reads WebP.
SHARE_IMAGE_FILTER = "fill-1200x630|format-jpeg"
# For pages without an image: drawn by scripts/brand_images.py at the same size.
DEFAULT_SHARE_IMAGE = "img/og-default.png"
DEFAULT_SHARE_IMAGE_SIZE = (1200, 630)
SCHEMA_CONTEXT = "https://schema.org"
# What json_script escapes: a title cannot close the <script> element or open a comment.
JSON_SCRIPT_ESCAPES = {ord("<"): "\\u003C", ord(">"): "\\u003E", ord("&"): "\\u0026"}


@dataclass
class ShareImage:
    url: str
    width: int
    height: int
    alt: str


@dataclass
class PageMetadata:
    title: str
    description: str = DEFAULT_DESCRIPTION
    canonical_url: str = ""
    robots: str = ""
    og_type: str = "website"
    image: ShareImage | None = None
    structured_data: list = field(default_factory=list)
    site_name = SITE_NAME

    @property
    def twitter_card(self):
        return "summary_large_image" if self.image else "summary"

    def json_ld_scripts(self):
        """Each JSON-LD object in a data block, which a strict CSP lets through unexecuted."""
        return [
            format_html(
                '<script type="application/ld+json">{}</script>',
                mark_safe(
                    json.dumps(data, ensure_ascii=False, sort_keys=True).translate(
                        JSON_SCRIPT_ESCAPES
                    )
                ),
            )
            for data in self.structured_data
        ]


def site_root_url(request):
    site = None if settings.ABSOLUTE_URLS_FROM_REQUEST else Site.find_for_request(request)
    return site.root_url if site is not None else request.build_absolute_uri("/").rstrip("/")


def page_full_url(request, page):
    """A page's absolute address, from the same root as every other absolute address."""
    return absolute_url(request, page.get_url(request))


def served_location(request, location):
    """An absolute address Wagtail made from the Site (the sitemap's), from the served root."""
    site = Site.find_for_request(request) if settings.ABSOLUTE_URLS_FROM_REQUEST else None
    if site is not None and location.startswith(site.root_url + "/"):
        return site_root_url(request) + location[len(site.root_url) :]
    return location


def absolute_url(request, url):
    """A media or page address made absolute; storages that serve from elsewhere give one."""
    if url.startswith(("http://", "https://")):
        return url
    return site_root_url(request) + url


def breadcrumb_ancestors(page, request):
    """The pages above `page` shown in its breadcrumb, fetched once per page and request."""
    if not hasattr(page, "breadcrumb_ancestors"):
        site = Site.find_for_request(request)
        routed_parent = getattr(page, "routed_parent", None)
        if site is not None and page.depth == site.root_page.depth + 1:
            # Right under the home page, which the request's site already holds: no query.
            above = [site.root_page]
        elif site is not None and routed_parent and routed_parent.depth == site.root_page.depth + 1:
            # An item under a theme that the request was routed through: no query either.
            above = [site.root_page, routed_parent]
        else:
            # Below the tree's root, which is never shown.
            above = list(page.get_ancestors().filter(depth__gt=1))
        page.breadcrumb_ancestors = above
    return page.breadcrumb_ancestors


def with_details(title, details, page_number=1):
    """ "Actualités – Culture / Patrimoine – Bénin, Sénégal – page 2": one title per address."""
    parts = [title]
    if details:
        parts.append(", ".join(details))
    if page_number > 1:
        parts.append(f"page {page_number}")
    return " – ".join(parts)


def page_description(page):
    if page.search_description:
        return page.search_description
    for attribute in ("teaser", "intro"):
        text = html.unescape(strip_tags(str(getattr(page, attribute, "") or ""))).strip()
        if text:
            return truncate_at_word(text, DESCRIPTION_LENGTH)
    return DEFAULT_DESCRIPTION


def default_share_image(request):
    """The portal's own card (static/img/og-default.png) for a page without an image."""
    return ShareImage(
        url=absolute_url(request, static(DEFAULT_SHARE_IMAGE)),
        width=DEFAULT_SHARE_IMAGE_SIZE[0],
        height=DEFAULT_SHARE_IMAGE_SIZE[1],
        alt="AIMF – Association internationale des maires francophones",
    )


def share_image(request, image):
    if image is None:
        return default_share_image(request)
    try:
        rendition = image.get_rendition(SHARE_IMAGE_FILTER)
    except SourceImageIOError:
        # The original file is gone (media not restored): the page still renders, with the
        # portal's own card, as Wagtail's image tags render without the picture.
        return default_share_image(request)
    return ShareImage(
        url=absolute_url(request, rendition.url),
        width=rendition.width,
        height=rendition.height,
        alt=image.default_alt_text,
    )


def organization(request):
    return {
        "@type": "Organization",
        "name": SITE_NAME,
        "alternateName": SITE_ACRONYM,
        "url": site_root_url(request) + "/",
    }


def breadcrumb_list(trail):
    """trail: (name, absolute URL) pairs from the home page to the current page."""
    return {
        "@context": SCHEMA_CONTEXT,
        "@type": "BreadcrumbList",
        "itemListElement": [
            {"@type": "ListItem", "position": position, "name": name, "item": url}
            for position, (name, url) in enumerate(trail, start=1)
        ],
    }


def page_trail(request, page):
    ancestors = breadcrumb_ancestors(page, request)
    return [(ancestor.title, page_full_url(request, ancestor)) for ancestor in ancestors]


def news_article(request, page, metadata):
    published = page.date.isoformat()
    # A preview of an item never published has no publication time yet.
    modified = page.last_published_at.isoformat() if page.last_published_at else published
    data = {
        "@context": SCHEMA_CONTEXT,
        "@type": "NewsArticle",
        "headline": page.title,
        "description": page_description(page),
        "mainEntityOfPage": metadata.canonical_url,
        "datePublished": published,
        "dateModified": modified,
        "author": organization(request),
        "publisher": organization(request),
    }
    if metadata.image is not None:
        data["image"] = [metadata.image.url]
    return data


def for_page(request, page, context):
    """A Wagtail page; its type adds what is its own in `customise_metadata`."""
    canonical_url = page_full_url(request, page)
    metadata = PageMetadata(
        title=page.seo_title or page.title,
        description=page_description(page),
        canonical_url=canonical_url,
        image=share_image(request, getattr(page, "image", None)),
    )
    customise = getattr(page, "customise_metadata", None)
    if customise is not None:
        customise(request, metadata, context)
    if page.depth > 2:
        trail = [*page_trail(request, page), (page.title, canonical_url)]
        metadata.structured_data.append(breadcrumb_list(trail))
    return metadata


def for_listing(request, page, context):
    """A page's full listing (a theme's news, or the whole site's), maybe filtered and paginated.

    Every filter combination is a distinct address: search engines would crawl millions of
    them. Filtered pages are therefore not indexed (their links are still followed) and name the
    unfiltered listing as canonical; page 2 and beyond of the unfiltered listing name themselves.
    """
    listing = context["listing"]
    page_number = context["page_obj"].number
    filters = [active["label"] for active in context.get("active_filters", [])]
    listing_url = absolute_url(request, context["listing_url"])
    canonical_url = listing_url
    if page_number > 1 and not filters:
        canonical_url += f"?page={page_number}"
    trail = [*page_trail(request, page), (page.title, page_full_url(request, page))]
    within = listing.get("within")
    if within:
        title = f"{listing['title']} – {within}"
        description = f"{listing['title']} de l'AIMF sur la thématique {within}."
    else:
        title = listing["title"]
        description = f"{listing['title']} de l'AIMF, toutes thématiques confondues."
    return PageMetadata(
        title=with_details(title, filters, page_number),
        description=description,
        canonical_url=canonical_url,
        robots="noindex, follow" if context.get("is_filtered") else "",
        image=share_image(request, getattr(page, "image", None)),
        structured_data=[breadcrumb_list([*trail, (listing["title"], listing_url)])],
    )


def for_search(request, query, country_labels, page_number):
    """Search results: never indexed, each query and page a title of its own."""
    title = with_details(f"Recherche : « {query} »", country_labels, page_number)
    return PageMetadata(
        title=title if query else "Recherche",
        description="Rechercher dans les actualités, les actions et les publications de l'AIMF.",
        canonical_url=absolute_url(request, request.get_full_path()),
        robots="noindex",
    )


def metadata_from_context(context):
    """The page's metadata, or the site's defaults for views that set their own title block."""
    if "page_metadata" in context:
        return context["page_metadata"]
    request = context.get("request")
    page = context.get("page")
    if request is None or not isinstance(page, Page):
        return PageMetadata(title=SITE_NAME)
    if "listing" in context:
        return for_listing(request, page, context)
    return for_page(request, page, context)
