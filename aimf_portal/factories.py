"""Factories of the site's own pages. Pages are created live and published under a parent (the
migrated home page for themes), so a test builds the smallest tree it needs in a few lines:

    theme = ThemePageFactory(title="Culture / Patrimoine")
    NewsPageFactory(parent=theme, countries=["BJ", "SN"])
"""

import factory

from aimf_portal.items.factories import PublishedPageFactory, paragraph_body
from aimf_portal.models import HomePage, StandardPage, ThemePage


def home_page():
    """The home page migration 0003 creates; every test tree hangs from it."""
    return HomePage.objects.get()


class StandardPageFactory(PublishedPageFactory):
    title = factory.Sequence(lambda n: f"Page simple {n}")
    intro = "Une page d'information sur l'association."
    body = factory.LazyFunction(lambda: paragraph_body("Le texte de la page."))

    class Meta:
        model = StandardPage


class ThemePageFactory(PublishedPageFactory):
    title = factory.Sequence(lambda n: f"Thématique {n}")
    intro = "<p>Ce que font les villes de l'association sur cette thématique.</p>"
    image = None
    promos = factory.LazyFunction(list)

    class Meta:
        model = ThemePage
