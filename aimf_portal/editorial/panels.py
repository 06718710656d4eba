"""The edit form's tabs, the same on every page type."""

from wagtail.admin.panels import FieldPanel, MultiFieldPanel, ObjectList, TabbedInterface
from wagtail.models import Page

SLUG_HELP_TEXT = (
    "La fin de l'adresse de la page, par exemple « fes-restaure-ses-fontaines » dans "
    "/culture-patrimoine/fes-restaure-ses-fontaines/. Remplie d'après le titre : lettres sans "
    "accents, chiffres et tirets. La changer après publication crée une redirection depuis "
    "l'ancienne adresse."
)

# Wagtail's « Référencement » panels without « Faire apparaître dans les menus »: no menu of
# this site reads it (the theme menu lists every theme, the footer every page under the home
# page), so the box would promise what nothing does. The slug says what it is, in French.
PROMOTE_PANELS = [
    MultiFieldPanel(
        [
            FieldPanel("slug", help_text=SLUG_HELP_TEXT),
            FieldPanel("seo_title"),
            FieldPanel("search_description"),
        ],
        heading="Pour les moteurs de recherche",
    )
]


def tabbed_edit_handler(*tabs):
    """The French tabs of a page's edit form, then Wagtail's promote and settings tabs."""
    return TabbedInterface(
        [
            *(ObjectList(panels, heading=heading) for heading, panels in tabs),
            ObjectList(PROMOTE_PANELS, heading="Référencement"),
            ObjectList(Page.settings_panels, heading="Publication"),
        ]
    )
