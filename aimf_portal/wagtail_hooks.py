from django.urls import path, reverse
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.panels import FieldPanel
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from aimf_portal.editorial import guide
from aimf_portal.editorial.dashboard import GuidePanel, SchedulePanel, user_publishes_pages
from aimf_portal.items.forms import COUNTRIES, vocabulary_autocomplete_path
from aimf_portal.models import Country


class CountryViewSet(SnippetViewSet):
    model = Country
    icon = "globe"
    menu_label = "Pays"
    add_to_admin_menu = True
    menu_order = 300
    list_display = ["name", "code"]
    search_fields = ["name", "code"]
    panels = [FieldPanel("name"), FieldPanel("code")]


register_snippet(CountryViewSet)


# Wagtail's dashboard panel and help menu entries that send editors to Wagtail's own guide
# and release notes (in English): the portal's guide replaces them.
WAGTAIL_GUIDE_PANELS = {"whats_new_in_wagtail_version"}
WAGTAIL_GUIDE_MENU_ITEMS = ("editor-guide", "whats-new-in-wagtail-")


@hooks.register("construct_homepage_panels")
def add_dashboard_panels(request, panels):
    """Everyone: the portal's guide first. Éditeurs (whoever may publish): what goes live or
    expires next."""
    panels[:] = [
        panel for panel in panels if getattr(panel, "name", "") not in WAGTAIL_GUIDE_PANELS
    ]
    panels.insert(0, GuidePanel(reverse(guide.URL_NAME)))
    if user_publishes_pages(request.user):
        panels.append(SchedulePanel(request.user))


@hooks.register("register_admin_urls")
def guide_urls():
    return [
        path("guide/", guide.guide, name=guide.URL_NAME),
        path("guide/img/<str:name>", guide.guide_image, name=guide.IMAGE_URL_NAME),
    ]


@hooks.register("register_help_menu_item")
def guide_menu_item():
    return MenuItem("Guide de rédaction", reverse(guide.URL_NAME), icon_name="help", order=100)


@hooks.register("construct_help_menu")
def without_wagtails_guides(request, menu_items):
    menu_items[:] = [
        item for item in menu_items if not item.name.startswith(WAGTAIL_GUIDE_MENU_ITEMS)
    ]


@hooks.register("register_admin_urls")
def country_autocomplete_url():
    """The country field's suggestions: anywhere in the name, accents ignored."""
    return [vocabulary_autocomplete_path("pays/suggestions/", Country, COUNTRIES)]
