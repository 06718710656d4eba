from django import template
from django.template.loader import render_to_string
from django.utils.formats import date_format

from aimf_portal.caching.page_cache import cache_host
from aimf_portal.caching.site_data import cached, cached_html
from aimf_portal.discovery.seo import breadcrumb_ancestors
from aimf_portal.editorial.site_settings import current_settings
from aimf_portal.items.models import item_models
from aimf_portal.models import StandardPage, ThemePage

register = template.Library()

THEME_DEPTH = 3


@register.filter
def french_date(value):
    """ "1er mars 2024", "14 novembre 2025": French writes the first of the month as an ordinal."""
    if not value:
        return ""
    formatted = date_format(value, "j F Y")
    return f"1er{formatted[1:]}" if value.day == 1 else formatted


def cached_site_template(request, name, template_name, template_context):
    """template_name rendered with template_context(), as HTML kept in the cache until the site
    changes. By host: {% pageurl %} writes a full address for a page of another site."""
    return cached_html(
        f"{name}:{cache_host(request)}",
        lambda: render_to_string(template_name, template_context(), request),
    )


@register.simple_tag(takes_context=True)
def theme_navigation(context):
    """The header's theme menu; its HTML is kept in the cache, one copy per current theme."""
    request = context.get("request")
    current = context.get("page")
    current_theme_path = ""
    if current is not None and current.depth >= THEME_DEPTH:
        current_theme_path = current.path[: THEME_DEPTH * current.steplen]
    # On the theme page itself the link is the current page; below it, the current section.
    current_is_theme = (
        current is not None and current.depth == THEME_DEPTH and not context.get("listing")
    )

    return cached_site_template(
        request,
        f"theme-navigation:{current_theme_path}:{current_is_theme}",
        "includes/theme_navigation.html",
        lambda: {
            "themes": ThemePage.menu(),
            "current_theme_path": current_theme_path,
            "current_is_theme": current_is_theme,
        },
    )


@register.inclusion_tag("includes/site_navigation.html", takes_context=True)
def site_navigation(context):
    """The header's links to the site-wide listings, the current one marked."""
    request = context.get("request")
    listing = context.get("listing") or {}
    links = [
        {
            "title": model._meta.verbose_name_plural.capitalize(),
            "url": f"/{model.listing_slug}/",
            "current": not listing.get("within") and listing.get("slug") == model.listing_slug,
        }
        for model in item_models()
    ]
    return {"links": links, "request": request}


@register.inclusion_tag("includes/contact_details.html", takes_context=True)
def contact_details(context, with_form_link=False):
    """The association's postal and email addresses from « Réglages du site »."""
    saved = current_settings(context.get("request"))
    return {
        "postal_lines": saved["postal_lines"],
        "contact_email": saved["contact_email"],
        "with_form_link": with_form_link,
    }


@register.simple_tag(takes_context=True)
def footer_text(context):
    return current_settings(context.get("request"))["footer_text"]


@register.simple_tag(takes_context=True)
def footer_links(context):
    """The footer's site pages, the association's addresses and social links, as HTML kept in
    the cache."""
    request = context.get("request")

    return cached_site_template(
        request,
        "footer-links-html",
        "includes/footer_links.html",
        lambda: {
            # Also kept as data: with fragment caching off, the HTML is rendered every time.
            "pages": cached("footer-links", StandardPage.footer_pages),
            "social_links": current_settings(request)["social_links"],
            "postal_lines": current_settings(request)["postal_lines"],
            "contact_email": current_settings(request)["contact_email"],
        },
    )


class CachedUntilChangedNode(template.Node):
    def __init__(self, nodelist, name, scope):
        self.nodelist, self.name, self.scope = nodelist, name, scope

    def render(self, context):
        name = self.name.resolve(context)
        if not name:
            return self.nodelist.render(context)
        return cached_html(
            name, lambda: self.nodelist.render(context), scope=self.scope.resolve(context)
        )


@register.tag
def cached_until_changed(parser, token):
    """{% cached_until_changed name scope %}…{% endcached_until_changed %}: the HTML inside,
    kept in the cache until the site or the scope changes; rendered anew when name is empty."""
    try:
        _, name, scope = token.split_contents()
    except ValueError:
        raise template.TemplateSyntaxError(
            "cached_until_changed takes a name and a scope"
        ) from None
    nodelist = parser.parse(("endcached_until_changed",))
    parser.delete_first_token()
    return CachedUntilChangedNode(
        nodelist, parser.compile_filter(name), parser.compile_filter(scope)
    )


@register.inclusion_tag("includes/breadcrumb.html", takes_context=True)
def breadcrumb(context, page, current_label=""):
    """Accueil / theme / … / page; current_label names a listing served by the page itself."""
    # The same list as the page's JSON-LD breadcrumb, fetched once for both.
    return {
        "request": context.get("request"),
        "ancestors": breadcrumb_ancestors(page, context.get("request")),
        "page": page,
        "current_label": current_label,
    }
