"""The breadcrumb: Accueil / Culture / Patrimoine / …, the last step marked as the current page."""

import pytest

from actions.factories import ActionPageFactory
from news.factories import NewsPageFactory
from publications.factories import PublicationPageFactory
from tests.html import parse

pytestmark = pytest.mark.django_db


def trail(client, url):
    """(label, href or None for the current page, is current) for each step."""
    nav = parse(client.get(url)).find("nav", attrs={"aria-label": "Fil d'Ariane"})
    steps = []
    for item in nav.find_all("li"):
        link = item.find("a")
        current = item.find(attrs={"aria-current": "page"})
        steps.append(
            (" ".join(item.get_text().split()), link["href"] if link else None, current is not None)
        )
    return steps


@pytest.mark.parametrize(
    "factory",
    [NewsPageFactory, ActionPageFactory, PublicationPageFactory],
    ids=lambda f: f.__name__,
)
def test_an_item_page(client, theme, factory):
    item = factory(parent=theme, title="Le musée de la Mémoire de Casablanca", image=None)
    assert trail(client, item.url) == [
        ("Accueil", "/", False),
        ("Culture / Patrimoine", "/culture-patrimoine/", False),
        ("Le musée de la Mémoire de Casablanca", None, True),
    ]


def test_the_theme_page(client, theme):
    assert trail(client, theme.url) == [
        ("Accueil", "/", False),
        ("Culture / Patrimoine", None, True),
    ]


@pytest.mark.parametrize(
    ("path", "label"),
    [("actualites/", "Actualités"), ("actions/", "Actions"),
     ("publications/", "Publications & Réflexions")],
)  # fmt: skip
def test_a_listing(client, theme, path, label):
    assert trail(client, theme.url + path) == [
        ("Accueil", "/", False),
        ("Culture / Patrimoine", "/culture-patrimoine/", False),
        (label, None, True),
    ]
