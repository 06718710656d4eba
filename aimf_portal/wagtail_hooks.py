from django.urls import path
from wagtail import hooks
from wagtail.admin.panels import FieldPanel
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from aimf_portal.editorial.dashboard import SchedulePanel, user_publishes_pages
from aimf_portal.items.forms import COUNTRY_AUTOCOMPLETE_URL_NAME, country_autocomplete
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


@hooks.register("construct_homepage_panels")
def add_schedule_panel(request, panels):
    """Éditeurs (whoever may publish) see what goes live or expires next."""
    if user_publishes_pages(request.user):
        panels.append(SchedulePanel(request.user))


@hooks.register("register_admin_urls")
def country_autocomplete_url():
    """The country field's suggestions: anywhere in the name, accents ignored."""
    return [
        path(
            "pays/suggestions/",
            lambda request: country_autocomplete(request, Country),
            name=COUNTRY_AUTOCOMPLETE_URL_NAME,
        )
    ]
