"""The member cities in the admin (menu « Villes membres ») and the cities field's suggestions."""

from wagtail import hooks
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from aimf_portal.items.forms import vocabulary_autocomplete_path
from places.models import CITIES, City


class CityViewSet(SnippetViewSet):
    model = City
    icon = "site"
    menu_label = "Villes membres"
    add_to_admin_menu = True
    menu_order = 310
    list_display = ["name", "country", "member_since"]
    list_filter = ["country"]
    search_fields = ["name"]
    ordering = ["search_key"]


register_snippet(CityViewSet)


@hooks.register("register_admin_urls")
def city_autocomplete_url():
    """The cities field's suggestions: anywhere in the name, accents ignored."""
    return [vocabulary_autocomplete_path("villes/suggestions/", City, CITIES)]
