from django import template
from django.urls import reverse
from wagtail.contrib.routable_page.templatetags.wagtailroutablepage_tags import routablepageurl

from aimf_portal.discovery.seo import metadata_from_context
from aimf_portal.items.models import THEME_FEED_SLUG
from aimf_portal.models import ThemePage

register = template.Library()


@register.inclusion_tag("includes/feed_links.html", takes_context=True)
def feed_links(context):
    """The site's news feed everywhere; on a theme page or below it, the theme's feed too; on a
    listing, the listing's own feed.

    The theme is found in the cached theme menu, by path: no query on item pages.
    """
    page = context.get("page")
    theme = None
    if isinstance(page, ThemePage):
        theme = page
    elif page is not None and getattr(page, "path", None):
        theme = next((t for t in ThemePage.menu() if page.path.startswith(t.path)), None)
    theme_feed_url = routablepageurl(context, theme, THEME_FEED_SLUG) if theme is not None else ""
    listing_feed_url = context.get("listing_feed_url", "")
    if listing_feed_url in (theme_feed_url, reverse("news_feed")):
        listing_feed_url = ""  # announced already
    return {
        "theme": theme,
        "theme_feed_url": theme_feed_url,
        "listing": context.get("listing"),
        "listing_feed_url": listing_feed_url,
    }


@register.simple_tag(takes_context=True)
def page_metadata(context):
    """The <head> metadata of the page being rendered: `{% page_metadata as seo %}`."""
    return metadata_from_context(context)
